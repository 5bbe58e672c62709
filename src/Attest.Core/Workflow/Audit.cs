using System.Text.Json;
using Attest.Core.Catalogs;
using Attest.Core.Documents;
using Attest.Core.Readiness;
using Attest.Core.Text;

namespace Attest.Core.Workflow;

/// <summary>The part a person plays at the audit.</summary>
public enum AttendeeRole
{
    /// <summary>An AWS-certified architect or engineer of the partner.</summary>
    CertifiedArchitectOrEngineer,

    /// <summary>The partner's operations lead.</summary>
    OperationsLead,

    /// <summary>The partner's business development lead.</summary>
    BusinessDevelopmentLead,

    /// <summary>Anyone else.</summary>
    Other,
}

/// <summary>Wire and display names of <see cref="AttendeeRole"/>.</summary>
public static class AttendeeRoles
{
    /// <summary>The names.</summary>
    public static WireNames<AttendeeRole> Names { get; } = new(
        (AttendeeRole.CertifiedArchitectOrEngineer, "certified-architect-or-engineer", "certified architect or engineer", "architecte ou ingénieur certifié"),
        (AttendeeRole.OperationsLead, "operations-lead", "operations lead", "responsable des opérations"),
        (AttendeeRole.BusinessDevelopmentLead, "business-development-lead", "business development lead", "responsable du développement commercial"),
        (AttendeeRole.Other, "other", "other", "autre"));
}

/// <summary>A person invited to the audit.</summary>
public sealed record AuditAttendee(string Name, string Email, AttendeeRole Role);

/// <summary>When and with whom the audit is held.</summary>
public sealed record AuditPlan
{
    /// <summary>The most attendees.</summary>
    public const int MaxAttendees = 50;

    /// <summary>The start, as an instant.</summary>
    public required DateTimeOffset Start { get; init; }

    /// <summary>The IANA time zone the audit is planned in (e.g. <c>Europe/Paris</c>), for showing and for the invitation.</summary>
    public required string TimeZoneId { get; init; }

    /// <summary>How long it lasts, in minutes.</summary>
    public int DurationMinutes { get; init; } = 180;

    /// <summary>The assigned auditor's user id: the only auditor who sees and scores this audit.</summary>
    public required string AuditorId { get; init; }

    /// <summary>The auditor's name.</summary>
    public required string AuditorName { get; init; }

    /// <summary>The auditor's e-mail address.</summary>
    public required string AuditorEmail { get; init; }

    /// <summary>The partner's people and anyone else invited.</summary>
    public IReadOnlyList<AuditAttendee> Attendees { get; init; } = [];

    /// <summary>The partner's opening presentation (VAL-1.1), in minutes: at most 15.</summary>
    public int OpeningPresentationMinutes { get; init; } = 15;

    /// <summary>Where: a meeting link or a room.</summary>
    public string? Location { get; init; }

    /// <summary>The end.</summary>
    public DateTimeOffset End => Start.AddMinutes(DurationMinutes);

    /// <summary>
    /// The instant of a wall-clock time in <paramref name="zone"/>; null when that time does not exist there (skipped by a
    /// daylight-saving change). An ambiguous time (repeated by the change back) is read as the first of the two.
    /// </summary>
    public static DateTimeOffset? Resolve(DateTime local, TimeZoneInfo zone)
    {
        ArgumentNullException.ThrowIfNull(zone);
        var wall = DateTime.SpecifyKind(local, DateTimeKind.Unspecified);
        if (zone.IsInvalidTime(wall))
        {
            return null;
        }

        var offset = zone.IsAmbiguousTime(wall) ? zone.GetAmbiguousTimeOffsets(wall).Max() : zone.GetUtcOffset(wall);
        return new DateTimeOffset(wall, offset);
    }
}

/// <summary>An auditor's verdict on one cell.</summary>
public enum AuditScore
{
    /// <summary>Met.</summary>
    Met,

    /// <summary>Not met.</summary>
    NotMet,
}

/// <summary>Wire and display names of <see cref="AuditScore"/>.</summary>
public static class AuditScores
{
    /// <summary>The names.</summary>
    public static WireNames<AuditScore> Names { get; } = new(
        (AuditScore.Met, "met", "met", "respecté"),
        (AuditScore.NotMet, "not-met", "not met", "non respecté"));
}

/// <summary>
/// One cell of the scoring grid: a validation (VAL) item against one case study it applies to, or against the partner
/// as a whole for partner-level items (<see cref="CaseStudyKey"/> null).
/// </summary>
public sealed record ScoringCell
{
    /// <summary>The item id, e.g. <c>VAL-2.4</c>.</summary>
    public required string ItemId { get; init; }

    /// <summary>The case study key; null for a partner-level item.</summary>
    public string? CaseStudyKey { get; init; }

    /// <summary>Whether one met case study is enough for the item (at-least-one items such as VAL-2.5).</summary>
    public bool OneSuffices { get; init; }

    /// <summary>The score; null while unscored.</summary>
    public AuditScore? Score { get; init; }

    /// <summary>The auditor's notes.</summary>
    public string? Note { get; init; }

    /// <summary>When it was last scored.</summary>
    public DateTimeOffset? ScoredAt { get; init; }

    /// <summary>How the cell is named in lists: <c>VAL-2.4 (contoso)</c> or <c>VAL-1.1</c>.</summary>
    public string Label => CaseStudyKey is null ? ItemId : $"{ItemId} ({CaseStudyKey})";
}

/// <summary>The audit of an application: the plan, the scoring grid, and whether the auditor closed it.</summary>
public sealed record Audit
{
    /// <summary>The plan.</summary>
    public required AuditPlan Plan { get; init; }

    /// <summary>0 when first scheduled, one more at each reschedule (the invitation's SEQUENCE).</summary>
    public int Revision { get; init; }

    /// <summary>The scoring grid, in checklist order.</summary>
    public required IReadOnlyList<ScoringCell> Cells { get; init; }

    /// <summary>When the auditor opened it.</summary>
    public DateTimeOffset? StartedAt { get; init; }

    /// <summary>When the auditor closed it; scores are final from then on.</summary>
    public DateTimeOffset? ClosedAt { get; init; }

    /// <summary>Whether the auditor closed it.</summary>
    public bool Closed => ClosedAt is not null;

    /// <summary>The cells that must still be scored before closing (see <see cref="AuditGrid.Unscored"/>).</summary>
    public IReadOnlyList<ScoringCell> Unscored => AuditGrid.Unscored(Cells);

    /// <summary>Per item, the result the scores give so far.</summary>
    public IReadOnlyList<ItemResult> Results => AuditGrid.Results(Cells);

    /// <summary>The items that failed (for the decision page).</summary>
    public IReadOnlyList<ItemResult> FailingItems => Results.Where(r => r.Outcome == ItemOutcome.NotMet).ToArray();
}

/// <summary>What the scores say about an item.</summary>
public enum ItemOutcome
{
    /// <summary>Met.</summary>
    Met,

    /// <summary>Not met.</summary>
    NotMet,

    /// <summary>Some cells are still unscored.</summary>
    Open,
}

/// <summary>One item's result: its outcome and, when not met, the case studies that failed it (empty for partner-level items).</summary>
public sealed record ItemResult(string ItemId, ItemOutcome Outcome, IReadOnlyList<string> FailedCaseStudies, IReadOnlyList<string> Notes);

/// <summary>Builds the scoring grid from what the readiness rules know about applicability, and folds scores into item results.</summary>
public static class AuditGrid
{
    /// <summary>
    /// The grid for <paramref name="report"/>: a partner-level item gives one cell; an item judged on case studies gives one
    /// cell per case study the readiness rules did not find not applicable (case studies that do not count, or are outside
    /// the item's scope — e.g. managed-service case studies for project-based items — get no cell).
    /// </summary>
    public static IReadOnlyList<ScoringCell> Build(ReadinessReport report)
    {
        ArgumentNullException.ThrowIfNull(report);
        var cells = new List<ScoringCell>();
        foreach (var verdict in report.Items.Where(v => v.Item.Part == ChecklistPart.Validation))
        {
            var keys = verdict.CaseStudies.Where(c => c.Status != ReadinessStatus.NotApplicable).Select(c => c.Key);
            Add(cells, verdict.Item.Id, verdict.Item.AppliesTo, keys);
        }

        return cells;
    }

    /// <summary>The same grid as <see cref="Build"/>, read from a frozen version's readiness JSON.</summary>
    /// <exception cref="JsonException">The text is not a readiness report.</exception>
    public static IReadOnlyList<ScoringCell> BuildFromJson(string readinessJson)
    {
        using var document = JsonDocument.Parse(readinessJson);
        var cells = new List<ScoringCell>();
        foreach (var item in document.RootElement.GetProperty("items").EnumerateArray())
        {
            var id = item.GetProperty("id").GetString() ?? throw new JsonException("item without id");
            if (!IsValidationItem(item, id))
            {
                continue;
            }

            var appliesTo = item.GetProperty("appliesTo").GetString() ?? "";
            if (appliesTo == LegacyS3)
            {
                appliesTo = CatalogReader.Applicabilities.Wire(Applicability.CaseStudiesUsingServices);
            }

            if (!CatalogReader.Applicabilities.TryParse(appliesTo, out var applicability))
            {
                throw new JsonException($"{id}: unknown appliesTo '{appliesTo}'");
            }

            var keys = item.GetProperty("caseStudies").EnumerateArray()
                .Where(c => c.GetProperty("status").GetString() != ReadinessStatuses.Names.Wire(ReadinessStatus.NotApplicable))
                .Select(c => c.GetProperty("key").GetString() ?? throw new JsonException($"{id}: case study without key"));
            Add(cells, id, applicability, keys);
        }

        return cells;
    }

    /// <summary>
    /// The cells still to score: every unscored cell, except that an at-least-one item needs no more once one of its
    /// cells is met.
    /// </summary>
    public static IReadOnlyList<ScoringCell> Unscored(IReadOnlyList<ScoringCell> cells) => cells
        .GroupBy(c => c.ItemId, StringComparer.Ordinal)
        .SelectMany(g => g.First().OneSuffices && g.Any(c => c.Score == AuditScore.Met) ? [] : g.Where(c => c.Score is null))
        .ToArray();

    /// <summary>Per item, in grid order: met, not met (with the failing case studies) or still open.</summary>
    public static IReadOnlyList<ItemResult> Results(IReadOnlyList<ScoringCell> cells) => cells
        .GroupBy(c => c.ItemId, StringComparer.Ordinal)
        .Select(g =>
        {
            var all = g.ToArray();
            var failed = all.Where(c => c.Score == AuditScore.NotMet).ToArray();
            var notes = all.Where(c => !string.IsNullOrWhiteSpace(c.Note)).Select(c => c.CaseStudyKey is null ? c.Note! : $"{c.CaseStudyKey}: {c.Note}").ToArray();
            ItemOutcome outcome;
            if (all[0].OneSuffices)
            {
                outcome = all.Any(c => c.Score == AuditScore.Met) ? ItemOutcome.Met : all.All(c => c.Score == AuditScore.NotMet) ? ItemOutcome.NotMet : ItemOutcome.Open;
            }
            else
            {
                outcome = failed.Length > 0 ? ItemOutcome.NotMet : all.All(c => c.Score == AuditScore.Met) ? ItemOutcome.Met : ItemOutcome.Open;
            }

            var failedKeys = outcome == ItemOutcome.NotMet ? failed.Where(c => c.CaseStudyKey is not null).Select(c => c.CaseStudyKey!).ToArray() : [];
            return new ItemResult(g.Key, outcome, failedKeys, notes);
        })
        .ToArray();

    // What reports frozen before case-studies-using-services said for an item applying to case studies with Amazon S3
    private const string LegacyS3 = "case-studies-with-s3";

    // The item's part as the report wrote it. Reports frozen before the part was written name only the Retail
    // checklist's sections, whose validation sections are VAL-n: for those alone the section id tells the part.
    private static bool IsValidationItem(JsonElement item, string id)
    {
        if (item.TryGetProperty("part", out var part))
        {
            return CatalogReader.ChecklistParts.TryParse(part.GetString() ?? "", out var parsed) ? parsed == ChecklistPart.Validation : throw new JsonException($"{id}: unknown part '{part.GetString()}'");
        }

        var section = item.TryGetProperty("section", out var s) ? s.GetString() ?? "" : "";
        return section.Split('-')[0] == "VAL";
    }

    private static void Add(List<ScoringCell> cells, string id, Applicability applicability, IEnumerable<string> keys)
    {
        if (applicability == Applicability.Partner)
        {
            cells.Add(new ScoringCell { ItemId = id });
            return;
        }

        var oneSuffices = applicability == Applicability.AtLeastOneCaseStudy;
        cells.AddRange(keys.Select(k => new ScoringCell { ItemId = id, CaseStudyKey = k, OneSuffices = oneSuffices }));
    }
}

/// <summary>The program office's decision.</summary>
public enum DecisionOutcome
{
    /// <summary>Validated.</summary>
    Validated,

    /// <summary>Not validated.</summary>
    NotValidated,
}

/// <summary>The recorded decision, with the items that failed at the audit.</summary>
public sealed record Decision(DecisionOutcome Outcome, string DecidedBy, DateTimeOffset At, string? Note, IReadOnlyList<ItemResult> FailingItems);

/// <summary>Display names of <see cref="DecisionOutcome"/>.</summary>
public static class DecisionOutcomes
{
    /// <summary>The names.</summary>
    public static WireNames<DecisionOutcome> Names { get; } = new(
        (DecisionOutcome.Validated, "validated", "validated", "validée"),
        (DecisionOutcome.NotValidated, "not-validated", "not validated", "non validée"));

    /// <summary>The outcome's name in <paramref name="language"/>.</summary>
    public static string Name(this DecisionOutcome outcome, Language language) => Names.Display(outcome).In(language);
}
