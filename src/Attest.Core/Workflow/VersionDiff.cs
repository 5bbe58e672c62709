using System.Globalization;
using System.Text.Json;
using Attest.Core.Applications;
using Attest.Core.Catalogs;
using Attest.Core.Documents;
using Attest.Core.Readiness;
using Attest.Core.Text;

namespace Attest.Core.Workflow;

/// <summary>What part of an application a change touches.</summary>
public enum ChangeArea
{
    /// <summary>The partner's profile.</summary>
    Profile,

    /// <summary>A case study that the newer version adds.</summary>
    CaseStudyAdded,

    /// <summary>A case study that the newer version no longer has.</summary>
    CaseStudyRemoved,

    /// <summary>A field of a case study present in both.</summary>
    CaseStudyChanged,

    /// <summary>The partner's self-assessment of an item.</summary>
    SelfAssessment,

    /// <summary>The readiness status of an item (or of an item for one case study).</summary>
    Readiness,

    /// <summary>A piece of evidence added, removed or changed (by its SHA-256).</summary>
    Evidence,
}

/// <summary>
/// One difference between two versions: where (<see cref="Area"/>, the item and/or case study), which field, the values
/// before and after as text (null when absent), and a title in both languages for the page.
/// </summary>
public sealed record VersionChange(ChangeArea Area, string? ItemId, string? CaseStudyKey, string Field, string? Before, string? After, Message Title);

/// <summary>The differences between two versions of an application, item by item.</summary>
public sealed record VersionDiff(int From, int To, IReadOnlyList<VersionChange> Changes)
{
    /// <summary>Whether nothing changed.</summary>
    public bool Empty => Changes.Count == 0;

    /// <summary>The changes about checklist items, grouped by item id in the order they appear.</summary>
    public IReadOnlyList<IGrouping<string, VersionChange>> ByItem =>
        Changes.Where(c => c.ItemId is not null).GroupBy(c => c.ItemId!, StringComparer.Ordinal).ToArray();
}

/// <summary>Compares two frozen versions.</summary>
public static class VersionComparer
{
    private static readonly Phrase ProfileTitle = new("Partner profile: {0}", "Profil du partenaire : {0}");
    private static readonly Phrase AddedTitle = new("Case study {0} added", "Étude de cas {0} ajoutée");
    private static readonly Phrase RemovedTitle = new("Case study {0} removed", "Étude de cas {0} retirée");
    private static readonly Phrase CaseTitle = new("Case study {0}: {1}", "Étude de cas {0} : {1}");
    private static readonly Phrase SelfTitle = new("Self-assessment of {0}: {1}", "Auto-évaluation de {0} : {1}");
    private static readonly Phrase ReadinessTitle = new("Readiness of {0}: {1} → {2}", "Préparation de {0} : {1} → {2}");
    private static readonly Phrase CaseReadinessTitle = new("Readiness of {0} for {1}: {2} → {3}", "Préparation de {0} pour {1} : {2} → {3}");
    private static readonly Phrase EvidenceAdded = new("Evidence {0} added", "Preuve {0} ajoutée");
    private static readonly Phrase EvidenceRemoved = new("Evidence {0} removed", "Preuve {0} retirée");
    private static readonly Phrase EvidenceChanged = new("Evidence {0} changed (new SHA-256)", "Preuve {0} modifiée (nouveau SHA-256)");
    private static readonly LocalizedString Absent = new("absent", "absent");

    private static readonly (string Field, LocalizedString Label, Func<SelfAssessmentEntry?, string?> Value)[] SelfFields =
    [
        ("met", new("met", "respecté"), e => e?.Met switch { true => "yes", false => "no", null => null }),
        ("note", new("justification", "justification"), e => e?.Note),
        ("evidence", new("evidence", "preuves"), e => Join(e?.Evidence)),
    ];

    private static readonly (string Field, LocalizedString Label, Func<PartnerProfile, string?> Value)[] ProfileFields =
    [
        ("name", new("name", "nom"), p => p.Name),
        ("tier", new("tier", "niveau"), p => p.Tier is { } t ? Vocabulary.Tiers.Wire(t) : null),
        ("mspProgramMember", new("MSP program membership", "adhésion au programme MSP"), p => Bool(p.MspProgramMember)),
        ("guidelinesRead", new("program guidelines read", "lignes directrices du programme lues"), p => Bool(p.GuidelinesRead)),
        ("homepage", new("home page", "page d'accueil"), p => p.Homepage),
        ("practicePage", new("retail practice page", "page de la pratique retail"), p => p.PracticePage is { } page ? $"{page.Url} (linked from home page: {Bool(page.LinkedFromHomepage) ?? "?"})" : null),
        ("dedicatedRetailConsultancy", new("dedicated retail consultancy", "cabinet dédié au commerce de détail"), p => Bool(p.DedicatedRetailConsultancy)),
        ("content", new("thought-leadership content", "contenus de leadership éclairé"), p => p.Content is null ? null : string.Join("; ", p.Content.Select(c => $"{c.Title} <{c.Url}> {(c.Kind is { } k ? Vocabulary.ContentKinds.Wire(k) : "")} {Date(c.Published)}".Trim()))),
    ];

    private static readonly (string Field, LocalizedString Label, Func<CaseStudy, string?> Value)[] CaseFields =
    [
        ("customer", new("customer", "client"), c => c.Customer),
        ("customerWebsite", new("customer website", "site du client"), c => c.CustomerWebsite),
        ("stage", new("stage", "stade"), c => c.Stage is { } s ? Vocabulary.Stages.Wire(s) : null),
        ("useCase", new("retail use case", "cas d'usage retail"), c => c.UseCase is { } u ? Vocabulary.UseCases.Wire(u) : null),
        ("delivery", new("delivery category", "catégorie de livraison"), c => c.Delivery is { } d ? Vocabulary.Deliveries.Wire(d) : null),
        ("completed", new("completion date", "date d'achèvement"), c => Date(c.Completed)),
        ("problem", new("problem statement", "énoncé du problème"), c => c.Problem),
        ("solution", new("proposed solution", "solution proposée"), c => c.Solution),
        ("awsServices", new("AWS services", "services AWS"), c => Join(c.AwsServices)),
        ("retailExpertise", new("retail expertise", "expertise retail"), c => c.RetailExpertise),
        ("thirdParty", new("third-party solutions", "solutions tierces"), c => Join(c.ThirdParty)),
        ("results", new("results", "résultats"), c => c.Results),
        ("compliance", new("compliance requirements", "exigences de conformité"), c => Join(c.Compliance)),
        ("publicReference", new("public reference", "référence publique"), c => c.PublicReference is { } r ? $"{r.Url} (linked from website: {Bool(r.LinkedFromWebsite) ?? "?"})" : null),
        ("ecommerce", new("e-commerce", "commerce électronique"), c => Bool(c.Ecommerce)),
        ("cardholderData", new("cardholder data", "données de titulaires de carte"), c => Bool(c.CardholderData)),
        ("availability", new("availability objectives (RTO/RPO)", "objectifs de disponibilité (RTO/RPO)"), c => c.Availability is null ? null : string.Join("; ", c.Availability.Select(a => $"{a.Component}: RTO {a.RtoMinutes} min, RPO {a.RpoMinutes} min"))),
        ("disasterRecovery", new("disaster recovery", "reprise après sinistre"), c => c.DisasterRecovery is { } d ? $"RTO {d.RtoMinutes} min, RPO {d.RpoMinutes} min, tested {Date(d.TestedOn)}, runbook delivered {Bool(d.RunbookDelivered) ?? "?"}" : null),
        ("pci", new("PCI-DSS scans and tests", "analyses et tests PCI-DSS"), c => c.Pci is { } p ? $"scan {Date(p.LastVulnerabilityScan)}, penetration test {Date(p.LastPenetrationTest)}" : null),
        ("evidence", new("evidence", "preuves"), c => Join(c.Evidence)),
    ];

    /// <summary>
    /// What changed from <paramref name="older"/> to <paramref name="newer"/>: profile fields, case studies added, removed
    /// or changed (field by field), self-assessment per item (met, justification, evidence), readiness status per item and
    /// per item and case study, and evidence files by hash. Items come in checklist order.
    /// </summary>
    public static (VersionDiff? Diff, InputError? Error) Compare(SubmissionVersion older, SubmissionVersion newer, Catalog catalog)
    {
        ArgumentNullException.ThrowIfNull(older);
        ArgumentNullException.ThrowIfNull(newer);
        ArgumentNullException.ThrowIfNull(catalog);
        var (before, error) = ApplicationReader.Read(older.ApplicationText, $"version {older.Number}", [catalog]);
        if (before is null)
        {
            return (null, error);
        }

        (var after, error) = ApplicationReader.Read(newer.ApplicationText, $"version {newer.Number}", [catalog]);
        if (after is null)
        {
            return (null, error);
        }

        var changes = new List<VersionChange>();
        foreach (var (field, label, value) in ProfileFields)
        {
            Compare(changes, value(before.Partner), value(after.Partner), (b, a) => new VersionChange(ChangeArea.Profile, null, null, field, b, a, ProfileTitle.With(label)));
        }

        CompareCaseStudies(changes, before, after);
        var order = catalog.Items.Select((item, index) => (item.Id, index)).ToDictionary(p => p.Id, p => p.index, StringComparer.Ordinal);
        var itemIds = before.SelfAssessment.Keys.Union(after.SelfAssessment.Keys, StringComparer.Ordinal)
            .OrderBy(id => order.GetValueOrDefault(id, int.MaxValue)).ThenBy(id => id, StringComparer.Ordinal);
        foreach (var id in itemIds)
        {
            var b = before.SelfAssessment.GetValueOrDefault(id);
            var a = after.SelfAssessment.GetValueOrDefault(id);
            foreach (var (field, label, value) in SelfFields)
            {
                Compare(changes, value(b), value(a), (x, y) => new VersionChange(ChangeArea.SelfAssessment, id, null, field, x, y, SelfTitle.With(id, label)));
            }
        }

        CompareReadiness(changes, older.ReadinessJson, newer.ReadinessJson);
        CompareEvidence(changes, older.EvidenceHashes, newer.EvidenceHashes);

        // Item by item: every change about an item follows the checklist order, the rest keep their place before them
        var sorted = changes
            .Select((c, i) => (c, i))
            .OrderBy(p => p.c.ItemId is null ? -1 : order.GetValueOrDefault(p.c.ItemId, int.MaxValue))
            .ThenBy(p => p.i)
            .Select(p => p.c)
            .ToArray();
        return (new VersionDiff(older.Number, newer.Number, sorted), null);
    }

    private static void CompareCaseStudies(List<VersionChange> changes, Application before, Application after)
    {
        var old = before.CaseStudies.ToDictionary(c => c.Key, StringComparer.Ordinal);
        var current = after.CaseStudies.ToDictionary(c => c.Key, StringComparer.Ordinal);
        foreach (var c in before.CaseStudies.Where(c => !current.ContainsKey(c.Key)))
        {
            changes.Add(new VersionChange(ChangeArea.CaseStudyRemoved, null, c.Key, "caseStudy", c.Customer ?? c.Key, null, RemovedTitle.With(c.Key)));
        }

        foreach (var c in after.CaseStudies)
        {
            if (!old.TryGetValue(c.Key, out var previous))
            {
                changes.Add(new VersionChange(ChangeArea.CaseStudyAdded, null, c.Key, "caseStudy", null, c.Customer ?? c.Key, AddedTitle.With(c.Key)));
                continue;
            }

            foreach (var (field, label, value) in CaseFields)
            {
                Compare(changes, value(previous), value(c), (b, a) => new VersionChange(ChangeArea.CaseStudyChanged, null, c.Key, field, b, a, CaseTitle.With(c.Key, label)));
            }
        }
    }

    private static void CompareReadiness(List<VersionChange> changes, string olderJson, string newerJson)
    {
        var before = Statuses(olderJson);
        var after = Statuses(newerJson);
        foreach (var ((item, key), status) in after)
        {
            var previous = before.GetValueOrDefault((item, key));
            if (previous == status)
            {
                continue;
            }

            var was = StatusName(previous);
            var now = StatusName(status);
            var title = key is null ? ReadinessTitle.With(item, was, now) : CaseReadinessTitle.With(item, key, was, now);
            changes.Add(new VersionChange(ChangeArea.Readiness, item, key, "status", previous, status, title));
        }

        foreach (var ((item, key), status) in before.Where(p => !after.ContainsKey(p.Key)))
        {
            var title = key is null ? ReadinessTitle.With(item, StatusName(status), Absent) : CaseReadinessTitle.With(item, key, StatusName(status), Absent);
            changes.Add(new VersionChange(ChangeArea.Readiness, item, key, "status", status, null, title));
        }
    }

    private static LocalizedString StatusName(string? wire) =>
        wire is not null && ReadinessStatuses.Names.TryParse(wire, out var status) ? ReadinessStatuses.Names.Display(status) : Absent;

    // (item, case study or null) → wire status, in report order
    private static Dictionary<(string Item, string? Key), string> Statuses(string readinessJson)
    {
        var statuses = new Dictionary<(string, string?), string>();
        using var document = JsonDocument.Parse(readinessJson);
        foreach (var item in document.RootElement.GetProperty("items").EnumerateArray())
        {
            var id = item.GetProperty("id").GetString() ?? "";
            statuses[(id, null)] = item.GetProperty("status").GetString() ?? "";
            foreach (var c in item.GetProperty("caseStudies").EnumerateArray())
            {
                statuses[(id, c.GetProperty("key").GetString() ?? "")] = c.GetProperty("status").GetString() ?? "";
            }
        }

        return statuses;
    }

    private static void CompareEvidence(List<VersionChange> changes, IReadOnlyDictionary<string, string> before, IReadOnlyDictionary<string, string> after)
    {
        foreach (var name in before.Keys.Union(after.Keys, StringComparer.Ordinal).Order(StringComparer.Ordinal))
        {
            var b = before.GetValueOrDefault(name);
            var a = after.GetValueOrDefault(name);
            if (string.Equals(a, b, StringComparison.Ordinal))
            {
                continue;
            }

            var title = (b, a) switch
            {
                (null, _) => EvidenceAdded.With(name),
                (_, null) => EvidenceRemoved.With(name),
                _ => EvidenceChanged.With(name),
            };
            changes.Add(new VersionChange(ChangeArea.Evidence, null, null, name, b, a, title));
        }
    }

    private static void Compare(List<VersionChange> changes, string? before, string? after, Func<string?, string?, VersionChange> change)
    {
        if (!string.Equals(before, after, StringComparison.Ordinal))
        {
            changes.Add(change(before, after));
        }
    }

    private static string? Join(IReadOnlyList<string>? values) => values is null ? null : string.Join("; ", values);

    private static string? Bool(bool? value) => value switch { true => "yes", false => "no", null => null };

    private static string? Date(DateOnly? day) => day?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
}
