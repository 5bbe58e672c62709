namespace Attest.Core.Workflow;

/// <summary>A partner manager's comment on one checklist item (or on the application as a whole when <see cref="ItemId"/> is null).</summary>
public sealed record ReviewComment(string AuthorId, string AuthorName, DateTimeOffset At, string? ItemId, string Text);

/// <summary>
/// A review before submission, recommended by the checklist (PRE-4.1) but not required: the alliance lead asks a
/// partner manager, who comments per item and marks it done.
/// </summary>
public sealed record ReviewRound
{
    /// <summary>The partner manager asked.</summary>
    public required string ReviewerId { get; init; }

    /// <summary>Their name.</summary>
    public required string ReviewerName { get; init; }

    /// <summary>Who asked.</summary>
    public required string RequestedBy { get; init; }

    /// <summary>When.</summary>
    public required DateTimeOffset RequestedAt { get; init; }

    /// <summary>The comments, oldest first.</summary>
    public IReadOnlyList<ReviewComment> Comments { get; init; } = [];

    /// <summary>When the reviewer marked the review done; null while open.</summary>
    public DateTimeOffset? CompletedAt { get; init; }

    /// <summary>The reviewer's closing remark.</summary>
    public string? Summary { get; init; }

    /// <summary>Whether the review is done.</summary>
    public bool Completed => CompletedAt is not null;
}
