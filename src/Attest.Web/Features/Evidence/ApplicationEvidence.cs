using Attest.Core.Applications;
using Attest.Core.Catalogs;
using Attest.Core.Findings;
using Attest.Core.Readiness;
using Attest.Web.Data;
using Attest.Web.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Attest.Web.Features.Evidence;

/// <summary>How far the scan of an application's infrastructure code has come: files scanned out of files to scan.</summary>
public sealed record ScanProgress(int Scanned, int Total)
{
    public static ScanProgress None { get; } = new(0, 0);

    public bool Running => Scanned < Total;
}

/// <summary>An application as readiness sees it once its library evidence is counted, with the findings of its code.</summary>
public sealed record EvidenceForReadiness(Application Application, CaseStudyFindings Findings, ScanProgress Progress);

/// <summary>An application's readiness with what it was judged on.</summary>
public sealed record EvaluatedApplication(Application Application, CaseStudyFindings Findings, ReadinessReport Report, ScanProgress Progress, Attest.Core.Site.SiteObservation? Site);

/// <summary>
/// Brings the evidence library into readiness: the pieces attached to a case study or an item are named in its evidence,
/// and the infrastructure code attached to a case study is scanned so that its findings weigh on the items' verdicts.
/// Files not scanned yet are asked for and waited on briefly; the rest is reported as progress.
/// </summary>
public sealed class ApplicationEvidence(AttestDbContext db, EvidenceScanner scanner, Site.SiteChecks sites, Catalogs catalogs)
{
    private static readonly TimeSpan BriefWait = TimeSpan.FromSeconds(1);

    public async Task<EvidenceForReadiness> ApplyAsync(Guid applicationId, Application application, CancellationToken cancellationToken)
    {
        var links = await db.EvidenceLinks.AsNoTracking()
            .Where(l => l.ApplicationId == applicationId)
            .Join(db.Evidence, l => l.EvidenceId, e => e.Id, (l, e) => new { l.CaseStudyKey, l.ItemId, e.Id, e.Name, e.Url, e.Sha256, e.ContentType })
            .ToListAsync(cancellationToken);
        if (links.Count == 0)
        {
            return new EvidenceForReadiness(application, CaseStudyFindings.None, ScanProgress.None);
        }

        var code = links.Where(l => l.CaseStudyKey is not null && l.Sha256 is not null && EvidenceContentType.MayHoldCode(l.ContentType)).Select(l => l.Sha256!).Distinct(StringComparer.Ordinal).ToList();
        var missing = code.Where(s => scanner.Latest(s) is null).ToList();
        if (missing.Count > 0)
        {
            missing.ForEach(scanner.Request);
            await scanner.WaitAsync(missing, BriefWait, cancellationToken);
        }

        var byCaseStudy = new Dictionary<string, IReadOnlyList<EvidenceFinding>>(StringComparer.Ordinal);
        var inventories = new Dictionary<string, EvidenceInventory>(StringComparer.Ordinal);
        var catalog = catalogs.Find(application.Checklist);
        foreach (var caseStudy in links.Where(l => l.CaseStudyKey is not null && l.Sha256 is not null).GroupBy(l => l.CaseStudyKey!, StringComparer.Ordinal))
        {
            var findings = new List<EvidenceFinding>();
            var inventory = new List<EvidenceInventory>();
            foreach (var piece in caseStudy.GroupBy(l => l.Id))
            {
                var first = piece.First();
                if (scanner.Latest(first.Sha256!) is not { IsCode: true } scan)
                {
                    continue;
                }

                // Attached to the case study as a whole, the code speaks to every item; attached for some items, to those only
                // (a finding counts when its topic is evidence for one of them)
                var topics = piece.Any(l => l.ItemId is null) ? null
                    : piece.SelectMany(l => catalog?.FindItem(l.ItemId!)?.Topics ?? []).ToHashSet(StringComparer.Ordinal);
                findings.AddRange(scan.FindingsFor(first.Name).Where(f => topics is null || topics.Contains(f.Topic)));
                inventory.Add(scan.InventoryFor(first.Name));
            }

            byCaseStudy[caseStudy.Key] = findings;
            inventories[caseStudy.Key] = EvidenceInventory.Merge(inventory);
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
        var scanned = code.Count(s => scanner.Latest(s) is not null);
        return new EvidenceForReadiness(augmented, new CaseStudyFindings(byCaseStudy, inventories), new ScanProgress(scanned, code.Count));
    }

    /// <summary>
    /// Readiness of <paramref name="record"/> as of <paramref name="day"/>, as every page and the API show it: with the
    /// library's evidence, the findings of its code and the latest web site observation.
    /// </summary>
    public async Task<EvaluatedApplication> EvaluateAsync(ApplicationRecord record, Catalog catalog, DateOnly day, CancellationToken cancellationToken)
    {
        var withEvidence = await ApplyAsync(record.Id, Applications.ApplicationMapping.ToDomain(record), cancellationToken);
        var site = sites.Observation(record);
        var report = ReadinessEngine.Evaluate(withEvidence.Application, catalog, day, withEvidence.Findings, site);
        return new EvaluatedApplication(withEvidence.Application, withEvidence.Findings, report, withEvidence.Progress, site);
    }

    private static string[] Merge(IReadOnlyList<string>? stated, IEnumerable<string> library) => [.. (stated ?? []).Concat(library).Distinct(StringComparer.Ordinal)];
}
