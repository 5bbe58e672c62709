using Attest.Core.Applications;
using Attest.Core.Catalogs;
using Attest.Core.Documents;
using Attest.Core.Text;

namespace Attest.Core.Readiness;

/// <summary>Where an item stands.</summary>
public enum ReadinessStatus
{
    /// <summary>The requirement is met.</summary>
    Met,

    /// <summary>The requirement is not met, or a fact it needs is not stated.</summary>
    NotMet,

    /// <summary>The requirement does not apply to this application.</summary>
    NotApplicable,

    /// <summary>What can be checked holds; a person must judge the rest.</summary>
    NeedsReview,
}

/// <summary>Wire names of <see cref="ReadinessStatus"/>: <c>met</c>, <c>not-met</c>, <c>not-applicable</c>, <c>needs-review</c>.</summary>
public static class ReadinessStatuses
{
    /// <summary>The names.</summary>
    public static WireNames<ReadinessStatus> Names { get; } = new(
        (ReadinessStatus.Met, "met", "met", "respecté"),
        (ReadinessStatus.NotMet, "not-met", "not met", "non respecté"),
        (ReadinessStatus.NotApplicable, "not-applicable", "not applicable", "sans objet"),
        (ReadinessStatus.NeedsReview, "needs-review", "needs review", "à examiner"));
}

/// <summary>A fact a rule used, by name: shown so that the partner can check the verdict.</summary>
public sealed record Fact(string Name, object? Value);

/// <summary>The verdict of an item for one case study.</summary>
public sealed record CaseStudyVerdict
{
    /// <summary>The case study's key.</summary>
    public required string Key { get; init; }

    /// <summary>Its status for this item.</summary>
    public required ReadinessStatus Status { get; init; }

    /// <summary>Why.</summary>
    public required Message Reason { get; init; }

    /// <summary>What to do, when there is something to do.</summary>
    public Message? NextStep { get; init; }

    /// <summary>The first day on which this verdict will change by the passing of time alone, if any.</summary>
    public DateOnly? ChangesOn { get; init; }

    /// <summary>What happens on <see cref="ChangesOn"/>.</summary>
    public Message? Change { get; init; }
}

/// <summary>The verdict of one checklist item.</summary>
public sealed record ItemVerdict
{
    /// <summary>The item.</summary>
    public required ChecklistItem Item { get; init; }

    /// <summary>Its status.</summary>
    public required ReadinessStatus Status { get; init; }

    /// <summary>Why, in plain words.</summary>
    public required Message Reason { get; init; }

    /// <summary>What the partner should do next, if anything.</summary>
    public Message? NextStep { get; init; }

    /// <summary>The facts the rule used.</summary>
    public IReadOnlyList<Fact> Facts { get; init; } = [];

    /// <summary>Remarks beside the verdict (a disagreeing self-assessment, another reading of the source).</summary>
    public IReadOnlyList<Message> Notes { get; init; } = [];

    /// <summary>Per case study, for items judged on case studies.</summary>
    public IReadOnlyList<CaseStudyVerdict> CaseStudies { get; init; } = [];

    /// <summary>The first day on which the item's verdict will change by the passing of time alone, if any.</summary>
    public DateOnly? ChangesOn { get; init; }

    /// <summary>What happens on <see cref="ChangesOn"/>.</summary>
    public Message? Change { get; init; }
}

/// <summary>A change that time alone will bring.</summary>
public sealed record UpcomingChange(DateOnly Date, string ItemId, string? CaseStudyKey, Message What);

/// <summary>The readiness of one application against its checklist on one date.</summary>
public sealed record ReadinessReport
{
    /// <summary>The checklist.</summary>
    public required Catalog Catalog { get; init; }

    /// <summary>The application.</summary>
    public required Application Application { get; init; }

    /// <summary>The evaluation date.</summary>
    public required DateOnly AsOf { get; init; }

    /// <summary>Every item, in checklist order.</summary>
    public required IReadOnlyList<ItemVerdict> Items { get; init; }

    /// <summary>Where the checklist stands in its validity window on <see cref="AsOf"/>; null when not judged (read as accepted).</summary>
    public ChecklistValidity? Validity { get; init; }

    /// <summary>True when no item is <see cref="ReadinessStatus.NotMet"/> and the checklist is accepted on <see cref="AsOf"/>.</summary>
    public bool Ready => Items.All(i => i.Status != ReadinessStatus.NotMet) && Validity?.Accepted != false;

    /// <summary>For a ready application: the last day it stays ready if nothing but time changes; null when no date ends it.</summary>
    public DateOnly? ReadyUntil { get; init; }

    /// <summary>Upcoming changes, earliest first.</summary>
    public IReadOnlyList<UpcomingChange> Changes { get; init; } = [];

    /// <summary>The items that are not met.</summary>
    public IEnumerable<ItemVerdict> NotMet => Items.Where(i => i.Status == ReadinessStatus.NotMet);

    /// <summary>How many items have each status.</summary>
    public int Count(ReadinessStatus status) => Items.Count(i => i.Status == status);
}
