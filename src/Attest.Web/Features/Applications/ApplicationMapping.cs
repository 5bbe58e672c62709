using Attest.Core.Applications;
using Attest.Core.Documents;
using Attest.Web.Data;
using Microsoft.EntityFrameworkCore;

namespace Attest.Web.Features.Applications;

/// <summary>Between the stored application and the domain's format v1 application.</summary>
public static class ApplicationMapping
{
    /// <summary>The domain application of a stored one (its case studies, content and self-assessment loaded).</summary>
    public static Application ToDomain(ApplicationRecord a) => new()
    {
        Checklist = a.ChecklistId,
        Partner = new PartnerProfile
        {
            Name = a.PartnerName,
            Tier = a.Tier,
            ServicesPath = a.ServicesPath,
            MspProgramMember = a.MspProgramMember,
            GuidelinesRead = a.GuidelinesRead,
            Homepage = a.Homepage,
            PracticePage = a.PracticePageUrl is null && a.PracticePageLinkedFromHomepage is null ? null : new PracticePage { Url = a.PracticePageUrl, LinkedFromHomepage = a.PracticePageLinkedFromHomepage },
            DedicatedRetailConsultancy = a.DedicatedRetailConsultancy,
            Content = a.ContentStated ? a.Content.OrderBy(c => c.Position).Select(c => new ContentItem { Title = c.Title, Url = c.Url, Kind = c.Kind, Published = c.Published }).ToArray() : null,
            Id = a.PartnerApnId,
            Contact = a.ContactName is null && a.ContactEmail is null ? null : new PartnerContact { Name = a.ContactName, Email = a.ContactEmail },
        },
        CaseStudies = a.CaseStudies.OrderBy(c => c.Position).Select(ToDomain).ToArray(),
        SelfAssessment = a.SelfAssessment.ToDictionary(s => s.ItemId, ToDomain, StringComparer.Ordinal),
        Programs = ProgramsOf(a),
    };

    /// <summary>The answers for other checklists an application holds (format v1's <c>programs:</c>), by checklist id.</summary>
    public static IReadOnlyDictionary<string, IReadOnlyDictionary<string, SelfAssessmentEntry>> ProgramsOf(ApplicationRecord a)
    {
        ArgumentNullException.ThrowIfNull(a);
        var programs = new Dictionary<string, IReadOnlyDictionary<string, SelfAssessmentEntry>>(StringComparer.Ordinal);
        foreach (var program in a.ProgramAnswers ?? [])
        {
            var answers = new Dictionary<string, SelfAssessmentEntry>(StringComparer.Ordinal);
            foreach (var answer in program.Answers)
            {
                answers[answer.ItemId] = ToDomain(new SelfAssessmentRecord { ItemId = answer.ItemId, Met = answer.Met, Note = answer.Note, Evidence = answer.Evidence, CaseStudyAnswers = answer.CaseStudyAnswers });
            }

            programs[program.Checklist] = answers;
        }

        return programs;
    }

    /// <summary>The stored form of format v1's <c>programs:</c>; null when there is none.</summary>
    public static List<ProgramAnswersRecord>? ToRecords(IReadOnlyDictionary<string, IReadOnlyDictionary<string, SelfAssessmentEntry>> programs)
    {
        ArgumentNullException.ThrowIfNull(programs);
        return programs.Count == 0 ? null : programs.Select(p => new ProgramAnswersRecord
        {
            Checklist = p.Key,
            Answers = p.Value.Select(e => new ProgramAnswerRecord
            {
                ItemId = e.Key,
                Met = e.Value.Met,
                Note = e.Value.Note,
                Evidence = e.Value.Evidence?.ToList(),
                CaseStudyAnswers = ToRecords(e.Value.CaseStudies),
            }).ToList(),
        }).ToList();
    }

    /// <summary>The domain answer of a stored self-assessment entry, with its per-case-study answers.</summary>
    public static SelfAssessmentEntry ToDomain(SelfAssessmentRecord s) => new()
    {
        Met = s.Met,
        Note = s.Note,
        Evidence = s.Evidence,
        CaseStudies = s.CaseStudyAnswers?.ToDictionary(
            a => a.Key,
            a => new CaseStudyAnswer { Answer = a.Answer is { } wire && Vocabulary.Answers.TryParse(wire, out var value) ? value : null, Note = a.Note, Evidence = a.Evidence },
            StringComparer.Ordinal),
    };

    /// <summary>The stored form of per-case-study answers.</summary>
    public static List<CaseStudyAnswerRecord>? ToRecords(IReadOnlyDictionary<string, CaseStudyAnswer>? answers) =>
        answers?.Select(a => new CaseStudyAnswerRecord { Key = a.Key, Answer = a.Value.Answer is { } value ? Vocabulary.Answers.Wire(value) : null, Note = a.Value.Note, Evidence = a.Value.Evidence?.ToList() }).ToList();

    public static CaseStudy ToDomain(CaseStudyRecord c) => new()
    {
        Key = c.Key,
        Customer = c.Customer,
        CustomerWebsite = c.CustomerWebsite,
        DistinctFrom = c.DistinctFrom,
        Affiliate = c.Affiliate,
        OfferedOutside = c.OfferedOutside,
        ArchitectureDiagrams = c.ArchitectureDiagrams,
        Stage = c.Stage,
        UseCase = c.UseCase,
        Delivery = c.Delivery,
        Completed = c.Completed,
        Problem = c.Problem,
        Solution = c.Solution,
        AwsServices = c.AwsServices,
        RetailExpertise = c.RetailExpertise,
        ThirdParty = c.ThirdParty,
        Results = c.Results,
        Compliance = c.Compliance,
        PublicReference = c.PublicReferenceUrl is null && c.PublicReferenceLinked is null ? null : new PublicReference { Url = c.PublicReferenceUrl, LinkedFromWebsite = c.PublicReferenceLinked },
        Ecommerce = c.Ecommerce,
        CardholderData = c.CardholderData,
        Availability = c.Availability?.Select(x => new AvailabilityObjective { Component = x.Component, RtoMinutes = x.RtoMinutes, RpoMinutes = x.RpoMinutes }).ToArray(),
        DisasterRecovery = c.HasDisasterRecovery ? new DisasterRecoveryPlan { RtoMinutes = c.DrRtoMinutes, RpoMinutes = c.DrRpoMinutes, TestedOn = c.DrTestedOn, RunbookDelivered = c.DrRunbookDelivered } : null,
        Pci = c.HasPci ? new PciTesting { LastVulnerabilityScan = c.PciLastVulnerabilityScan, LastPenetrationTest = c.PciLastPenetrationTest } : null,
        Evidence = c.Evidence,
        Submitted = c.Submitted,
    };

    /// <summary>Copies a case study's fields onto a stored one (the key, identity and revision are left to the caller).</summary>
    public static void CopyTo(CaseStudy from, CaseStudyRecord to)
    {
        to.Customer = from.Customer;
        to.CustomerWebsite = from.CustomerWebsite;
        to.DistinctFrom = from.DistinctFrom?.ToList();
        to.Affiliate = from.Affiliate;
        to.OfferedOutside = from.OfferedOutside;
        to.ArchitectureDiagrams = from.ArchitectureDiagrams?.ToList();
        to.Stage = from.Stage;
        to.UseCase = from.UseCase;
        to.Delivery = from.Delivery;
        to.Completed = from.Completed;
        to.Problem = from.Problem;
        to.Solution = from.Solution;
        to.AwsServices = from.AwsServices?.ToList();
        to.RetailExpertise = from.RetailExpertise;
        to.ThirdParty = from.ThirdParty?.ToList();
        to.Results = from.Results;
        to.Compliance = from.Compliance?.ToList();
        to.PublicReferenceUrl = from.PublicReference?.Url;
        to.PublicReferenceLinked = from.PublicReference?.LinkedFromWebsite;
        to.Ecommerce = from.Ecommerce;
        to.CardholderData = from.CardholderData;
        to.Availability = from.Availability?.Select(a => new AvailabilityRecord { Component = a.Component, RtoMinutes = a.RtoMinutes, RpoMinutes = a.RpoMinutes }).ToList();
        to.HasDisasterRecovery = from.DisasterRecovery is not null;
        to.DrRtoMinutes = from.DisasterRecovery?.RtoMinutes;
        to.DrRpoMinutes = from.DisasterRecovery?.RpoMinutes;
        to.DrTestedOn = from.DisasterRecovery?.TestedOn;
        to.DrRunbookDelivered = from.DisasterRecovery?.RunbookDelivered;
        to.HasPci = from.Pci is not null;
        to.PciLastVulnerabilityScan = from.Pci?.LastVulnerabilityScan;
        to.PciLastPenetrationTest = from.Pci?.LastPenetrationTest;
        to.Evidence = from.Evidence?.ToList();
        to.Submitted = from.Submitted;
    }

    /// <summary>
    /// <see cref="Replace"/>, and the evidence attached to the case studies follows them: a case study is the same one when
    /// it keeps its key and its customer (or either has no customer), or, failing that, when one imported case study has
    /// its customer under another key — its attachments are moved to that key. The attachments of a case study that is
    /// gone are removed, so that a key given again later (files without keys are numbered by position) never shows one
    /// customer's files under another. Nothing is saved here.
    /// </summary>
    public static async Task ReplaceAsync(AttestDbContext db, ApplicationRecord record, Application imported, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(record);
        ArgumentNullException.ThrowIfNull(imported);
        var before = record.CaseStudies.ToDictionary(c => c.Key, c => c.Customer, StringComparer.Ordinal);
        var links = await db.EvidenceLinks.Where(l => l.ApplicationId == record.Id && l.CaseStudyKey != null).ToListAsync(cancellationToken);
        Replace(db, record, imported);

        // The name on the application is the partner's own, whatever the file says
        record.PartnerName = await OwnerNameAsync(db, record.PartnerId, cancellationToken) ?? record.PartnerName;

        static bool Same(string? a, string? b) => a is { Length: > 0 } && b is { Length: > 0 } && string.Equals(a.Trim(), b.Trim(), StringComparison.OrdinalIgnoreCase);
        string? Follow(string key)
        {
            var customer = before.GetValueOrDefault(key);
            if (imported.CaseStudies.FirstOrDefault(c => c.Key == key) is { } kept && (string.IsNullOrWhiteSpace(kept.Customer) || string.IsNullOrWhiteSpace(customer) || Same(kept.Customer, customer)))
            {
                return key;
            }

            var moved = imported.CaseStudies.Where(c => Same(c.Customer, customer)).ToList();
            return moved.Count == 1 ? moved[0].Key : null;
        }

        foreach (var link in links)
        {
            if (Follow(link.CaseStudyKey!) is { } key)
            {
                link.CaseStudyKey = key;
            }
            else
            {
                db.EvidenceLinks.Remove(link);
            }
        }
    }

    /// <summary>The name of partner <paramref name="partnerId"/> as its partner record has it; null when there is none.</summary>
    public static Task<string?> OwnerNameAsync(AttestDbContext db, Guid partnerId, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        return db.Partners.IgnoreQueryFilters().AsNoTracking().Where(p => p.Id == partnerId).Select(p => p.Name).FirstOrDefaultAsync(cancellationToken);
    }

    /// <summary>
    /// Checks the <c>partner.name</c> of an imported file against the name of the partner that owns the application: a file
    /// that names another partner is refused (a partner cannot appear as another), one without a name or with the same name
    /// (case and surrounding spaces aside) passes. The name is never copied from the file.
    /// </summary>
    public static InputError? CheckPartnerName(Application imported, string? ownName, string file, string text)
    {
        ArgumentNullException.ThrowIfNull(imported);
        ArgumentNullException.ThrowIfNull(text);
        var named = imported.Partner.Name?.Trim();
        if (string.IsNullOrEmpty(named) || ownName is null || string.Equals(named, ownName.Trim(), StringComparison.OrdinalIgnoreCase))
        {
            return null;
        }

        var (line, column) = PartnerNamePlace(text);
        return new InputError(file, line, column, "partner.name", $"'{named}' does not match your partner '{ownName}': an application carries its partner's own name; remove the field or write that name");
    }

    // Where a YAML file writes partner.name (a block mapping as the export writes it); 0, 0 when it cannot tell
    private static (int Line, int Column) PartnerNamePlace(string text)
    {
        var inPartner = false;
        var number = 0;
        foreach (var line in text.Split('\n'))
        {
            number++;
            var body = line.TrimEnd('\r');
            if (body.Length == 0 || body.TrimStart().StartsWith('#'))
            {
                continue;
            }

            if (!char.IsWhiteSpace(body[0]))
            {
                inPartner = body.StartsWith("partner:", StringComparison.Ordinal);
                continue;
            }

            var trimmed = body.TrimStart();
            if (inPartner && trimmed.StartsWith("name:", StringComparison.Ordinal))
            {
                return (number, body.Length - trimmed.Length + 1);
            }
        }

        return (0, 0);
    }

    /// <summary>
    /// Replaces everything the partner wrote in <paramref name="record"/> (tracked by <paramref name="db"/>, its case studies,
    /// content and self-assessment loaded) with <paramref name="imported"/>. Case studies and answers that keep their key are
    /// updated in place (their revision moves on), the others removed or added; nothing is saved here.
    /// </summary>
    public static void Replace(AttestDbContext db, ApplicationRecord record, Application imported)
    {
        var partnerId = record.PartnerId;
        var p = imported.Partner;
        record.Tier = p.Tier;
        record.ServicesPath = p.ServicesPath;
        record.MspProgramMember = p.MspProgramMember;
        record.GuidelinesRead = p.GuidelinesRead;
        record.Homepage = p.Homepage;
        record.PracticePageUrl = p.PracticePage?.Url;
        record.PracticePageLinkedFromHomepage = p.PracticePage?.LinkedFromHomepage;
        record.DedicatedRetailConsultancy = p.DedicatedRetailConsultancy;
        record.ContentStated = p.Content is not null;
        record.PartnerApnId = p.Id;
        record.ContactName = p.Contact?.Name;
        record.ContactEmail = p.Contact?.Email;
        record.ProgramAnswers = ToRecords(imported.Programs);

        // Explicit adds and removes: new rows carry their keys, which change tracking alone would take for existing rows
        db.RemoveRange(record.Content);
        record.Content.Clear();
        var content = (p.Content ?? []).Select((c, i) => new ContentRecord { Id = Guid.NewGuid(), ApplicationId = record.Id, PartnerId = partnerId, Position = i, Title = c.Title, Url = c.Url, Kind = c.Kind, Published = c.Published }).ToList();
        db.AddRange(content);
        record.Content.AddRange(content);

        var existing = record.CaseStudies.ToDictionary(c => c.Key, StringComparer.Ordinal);
        var kept = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < imported.CaseStudies.Count; i++)
        {
            var from = imported.CaseStudies[i];
            if (existing.TryGetValue(from.Key, out var stored))
            {
                stored.Revision++;
            }
            else
            {
                stored = new CaseStudyRecord { Id = Guid.NewGuid(), ApplicationId = record.Id, PartnerId = partnerId, Key = from.Key, Revision = 1 };
                db.Add(stored);
                record.CaseStudies.Add(stored);
            }

            CopyTo(from, stored);
            stored.Position = i;
            kept.Add(from.Key);
        }

        foreach (var gone in existing.Values.Where(c => !kept.Contains(c.Key)))
        {
            db.Remove(gone);
            record.CaseStudies.Remove(gone);
        }

        var answers = record.SelfAssessment.ToDictionary(s => s.ItemId, StringComparer.Ordinal);
        foreach (var (itemId, entry) in imported.SelfAssessment)
        {
            if (!answers.Remove(itemId, out var stored))
            {
                stored = new SelfAssessmentRecord { ApplicationId = record.Id, PartnerId = partnerId, ItemId = itemId, Revision = 0 };
                db.Add(stored);
                record.SelfAssessment.Add(stored);
            }

            stored.Met = entry.Met;
            stored.Note = entry.Note;
            stored.Evidence = entry.Evidence?.ToList();
            stored.CaseStudyAnswers = ToRecords(entry.CaseStudies);
            stored.Revision++;
        }

        foreach (var gone in answers.Values)
        {
            db.Remove(gone);
            record.SelfAssessment.Remove(gone);
        }

        record.Revision++;
    }
}
