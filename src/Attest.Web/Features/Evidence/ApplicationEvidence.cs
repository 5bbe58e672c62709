using Attest.Core.Applications;
using Attest.Core.Catalogs;
using Attest.Core.Findings;
using Attest.Core.Readiness;
using Attest.Web.Data;
using Attest.Web.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Attest.Web.Features.Evidence;

/// <summary>How far the analysis of an application's files has come: files analysed (done or failed) out of files to analyse.</summary>
public sealed record ScanProgress(int Scanned, int Total)
{
    public static ScanProgress None { get; } = new(0, 0);

    public bool Running => Scanned < Total;
}

/// <summary>
/// An application as readiness sees it once its library evidence is counted: the findings of its files by case study, and
/// the findings of files attached to an item without a case study (<see cref="ItemFindings"/>, by item id).
/// </summary>
public sealed record EvidenceForReadiness(Application Application, CaseStudyFindings Findings, ScanProgress Progress)
{
    /// <summary>Findings of files attached to an item alone, by item id: shown with the item, not tied to any case study.</summary>
    public IReadOnlyDictionary<string, IReadOnlyList<EvidenceFinding>> ItemFindings { get; init; } = new Dictionary<string, IReadOnlyList<EvidenceFinding>>();
}

/// <summary>An application's readiness with what it was judged on.</summary>
public sealed record EvaluatedApplication(Application Application, CaseStudyFindings Findings, ReadinessReport Report, ScanProgress Progress, Attest.Core.Site.SiteObservation? Site)
{
    /// <summary>Findings of files attached to an item alone, by item id.</summary>
    public IReadOnlyDictionary<string, IReadOnlyList<EvidenceFinding>> ItemFindings { get; init; } = new Dictionary<string, IReadOnlyList<EvidenceFinding>>();
}

/// <summary>
/// Brings the evidence library into readiness. Every piece attached to a case study or an item is named in its evidence;
/// the stored analysis of each attached file (<see cref="EvidenceAnalysisRecord"/>, current analyzer) weighs on the
/// verdicts: attached to a case study, its findings count for every item they speak to in that case study; attached to
/// (case study, item), for that item of that case study; attached to an item alone, they are shown with that item as
/// findings at item level — no case study is named, so they change no case study's verdict. Nothing is analysed or
/// waited for here: a file whose analysis is still pending is counted in the progress.
/// </summary>
public sealed class ApplicationEvidence(AttestDbContext db, Site.SiteChecks sites, Catalogs catalogs, ReadinessCache cache)
{
    /// <summary>
    /// The findings one attachment of a file brings: every finding when it is attached to a case study as a whole
    /// (<paramref name="topics"/> null), else those whose topic is among <paramref name="topics"/> — the topics the
    /// catalog lists as evidence for the items it is attached to.
    /// </summary>
    public static IEnumerable<EvidenceFinding> Counted(EvidenceScan scan, string name, IReadOnlySet<string>? topics)
    {
        ArgumentNullException.ThrowIfNull(scan);
        return scan.IsCode ? scan.FindingsFor(name).Where(f => topics is null || topics.Contains(f.Topic)) : [];
    }

    /// <summary>The topics that are evidence for the items with these ids in <paramref name="catalog"/> (an unknown item brings none).</summary>
    public static IReadOnlySet<string> TopicsOf(Catalog? catalog, IEnumerable<string> items) =>
        items.SelectMany(i => catalog?.FindItem(i)?.Topics ?? []).ToHashSet(StringComparer.Ordinal);

    /// <summary>The stored analyses by the current analyzer of the files with these addresses.</summary>
    public static async Task<Dictionary<string, EvidenceAnalysisRecord>> AnalysesAsync(AttestDbContext db, IReadOnlyCollection<string> sha256s, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        if (sha256s.Count == 0)
        {
            return new(StringComparer.Ordinal);
        }

        var rows = await db.EvidenceAnalyses.AsNoTracking()
            .Where(a => a.AnalyzerVersion == AnalyzerVersion.Current && sha256s.Contains(a.Sha256))
            .ToListAsync(cancellationToken);
        return rows.ToDictionary(r => r.Sha256, StringComparer.Ordinal);
    }

    public async Task<EvidenceForReadiness> ApplyAsync(Guid applicationId, Application application, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(application);
        var links = await db.EvidenceLinks.AsNoTracking()
            .Where(l => l.ApplicationId == applicationId)
            .Join(db.Evidence, l => l.EvidenceId, e => e.Id, (l, e) => new { l.CaseStudyKey, l.ItemId, e.Id, e.Name, e.Url, e.Sha256, e.ContentType })
            .ToListAsync(cancellationToken);
        if (links.Count == 0)
        {
            return new EvidenceForReadiness(application, CaseStudyFindings.None, ScanProgress.None);
        }

        // Only the case studies the application has: a link left behind by a case study that is gone counts nowhere
        var caseStudies = application.CaseStudies.Select(c => c.Key).ToHashSet(StringComparer.Ordinal);
        links = links.Where(l => l.CaseStudyKey is null || caseStudies.Contains(l.CaseStudyKey)).ToList();
        var code = links.Where(l => l.Sha256 is not null && EvidenceContentType.MayHoldCode(l.ContentType)).Select(l => l.Sha256!).Distinct(StringComparer.Ordinal).ToList();
        var analyses = await AnalysesAsync(db, code, cancellationToken);
        var scans = analyses.Values.Select(a => (a.Sha256, Scan: StoredAnalysis.Read(a))).Where(a => a.Scan is not null).ToDictionary(a => a.Sha256, a => a.Scan!, StringComparer.Ordinal);

        var catalog = catalogs.Find(application.Checklist);
        var byCaseStudy = new Dictionary<string, IReadOnlyList<EvidenceFinding>>(StringComparer.Ordinal);
        var inventories = new Dictionary<string, EvidenceInventory>(StringComparer.Ordinal);
        var reviews = new Dictionary<string, IReadOnlyList<WellArchitectedReview>>(StringComparer.Ordinal);
        foreach (var caseStudy in links.Where(l => l.CaseStudyKey is not null && l.Sha256 is not null).GroupBy(l => l.CaseStudyKey!, StringComparer.Ordinal))
        {
            var findings = new List<EvidenceFinding>();
            var inventory = new List<EvidenceInventory>();
            var caseReviews = new List<WellArchitectedReview>();
            foreach (var piece in caseStudy.GroupBy(l => l.Id))
            {
                var first = piece.First();
                if (!scans.TryGetValue(first.Sha256!, out var scan))
                {
                    continue;
                }

                // Attached to the case study as a whole, the file speaks to every item; attached for some items, to those only
                // (a finding counts for an item when its topic is evidence for that item in the catalog); what the code
                // defines tells which services the case study uses, however the file is attached
                findings.AddRange(Counted(scan, first.Name, piece.Any(l => l.ItemId is null) ? null : TopicsOf(catalog, piece.Select(l => l.ItemId!))));
                inventory.Add(scan.InventoryFor(first.Name));
                caseReviews.AddRange(scan.ReviewsFor(first.Name));
            }

            reviews[caseStudy.Key] = caseReviews;

            byCaseStudy[caseStudy.Key] = findings;
            inventories[caseStudy.Key] = EvidenceInventory.Merge(inventory);
        }

        var byItem = new Dictionary<string, IReadOnlyList<EvidenceFinding>>(StringComparer.Ordinal);
        foreach (var item in links.Where(l => l.CaseStudyKey is null && l.ItemId is not null && l.Sha256 is not null).GroupBy(l => l.ItemId!, StringComparer.Ordinal))
        {
            var findings = item.GroupBy(l => l.Id).Select(p => p.First())
                .SelectMany(p => scans.TryGetValue(p.Sha256!, out var scan) ? Counted(scan, p.Name, TopicsOf(catalog, [item.Key])) : [])
                .ToList();
            if (findings.Count > 0)
            {
                byItem[item.Key] = findings;
            }
        }

        string Reference(string name, string? url) => url ?? name;
        var forCaseStudy = links.Where(l => l.CaseStudyKey is not null).ToLookup(l => l.CaseStudyKey!, l => Reference(l.Name, l.Url), StringComparer.Ordinal);
        var forItem = links.Where(l => l.CaseStudyKey is null && l.ItemId is not null).ToLookup(l => l.ItemId!, l => Reference(l.Name, l.Url), StringComparer.Ordinal);
        var augmented = application with
        {
            CaseStudies = application.CaseStudies.Select(c => forCaseStudy.Contains(c.Key) ? c with { Evidence = Merge(c.Evidence, forCaseStudy[c.Key]) } : c).ToArray(),
            SelfAssessment = application.SelfAssessment.ToDictionary(
                e => e.Key,
                e => forItem.Contains(e.Key) ? e.Value with { Evidence = Merge(e.Value.Evidence, forItem[e.Key]) } : e.Value,
                StringComparer.Ordinal),
        };
        var analysed = code.Count(s => analyses.TryGetValue(s, out var a) && a.State is AnalysisState.Done or AnalysisState.Failed);
        return new EvidenceForReadiness(augmented, new CaseStudyFindings(byCaseStudy, inventories, reviews), new ScanProgress(analysed, code.Count)) { ItemFindings = byItem };
    }

    /// <summary>
    /// Readiness of <paramref name="record"/> as of <paramref name="day"/>, as every page and the API show it: with the
    /// library's evidence, the stored findings of its files and the latest web site observation.
    /// </summary>
    public async Task<EvaluatedApplication> EvaluateAsync(ApplicationRecord record, Catalog catalog, DateOnly day, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(record);
        var withEvidence = await ApplyAsync(record.Id, Applications.ApplicationMapping.ToDomain(record), cancellationToken);
        var site = sites.Observation(record);
        var report = ReadinessEngine.Evaluate(withEvidence.Application, catalog, day, withEvidence.Findings, site, successor: ChecklistWindow.SuccessorAmong(catalog, catalogs.All));
        return new EvaluatedApplication(withEvidence.Application, withEvidence.Findings, report, withEvidence.Progress, site) { ItemFindings = withEvidence.ItemFindings };
    }

    /// <summary>
    /// Readiness of <paramref name="record"/> judged against another checklist, <paramref name="target"/>: the same profile,
    /// case studies and library evidence, the answers its file holds for that checklist (<c>programs:</c>) and what the
    /// loaded mapping from its own checklist carries over (<see cref="ApplicationProjection"/>).
    /// </summary>
    public async Task<ReadinessReport> EvaluateForAsync(ApplicationRecord record, Catalog target, DateOnly day, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(record);
        ArgumentNullException.ThrowIfNull(target);
        var withEvidence = await ApplyAsync(record.Id, Applications.ApplicationMapping.ToDomain(record), cancellationToken);
        var (projected, _) = ApplicationProjection.For(withEvidence.Application, target, catalogs.FindMapping(record.ChecklistId, target.Id));
        return ReadinessEngine.Evaluate(projected, target, day, withEvidence.Findings, sites.Observation(record), successor: ChecklistWindow.SuccessorAmong(target, catalogs.All));
    }

    /// <summary>
    /// As <see cref="EvaluateAsync"/>, from the application's row alone (<see cref="Applications.ApplicationQueries.LoadHeaderAsync"/>,
    /// read with the access filters): the report of its readiness revision and day comes from <see cref="ReadinessCache"/>
    /// when this instance has it; otherwise the children are loaded and the report evaluated and kept.
    /// </summary>
    public Task<EvaluatedApplication> EvaluateCachedAsync(ApplicationRecord header, Catalog catalog, DateOnly day, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(header);
        return cache.GetOrEvaluateAsync(header.Id, header.ReadinessRevision, day, async () =>
        {
            // Read after the revision: what is loaded is at least as new as the revision it is kept under
            var record = await Applications.ApplicationQueries.LoadAsync(db, header.Id, tracking: false, cancellationToken) ?? header;
            return await EvaluateAsync(record, catalog, day, cancellationToken);
        });
    }

    private static string[] Merge(IReadOnlyList<string>? stated, IEnumerable<string> library) => [.. (stated ?? []).Concat(library).Distinct(StringComparer.Ordinal)];
}
