using Attest.Core.Documents;

namespace Attest.Core.Workflow;

/// <summary>Where an application stands in the submission, review and audit loop.</summary>
public enum WorkflowState
{
    /// <summary>Being prepared by the partner.</summary>
    Draft,

    /// <summary>Submitted; the program office has not yet picked it up.</summary>
    Submitted,

    /// <summary>The program office is reviewing it.</summary>
    InReview,

    /// <summary>The program office asked for more information; back with the partner.</summary>
    InformationRequested,

    /// <summary>Submitted again after an information request.</summary>
    Resubmitted,

    /// <summary>An audit is scheduled.</summary>
    AuditScheduled,

    /// <summary>The audit is under way (the auditor scores).</summary>
    AuditInProgress,

    /// <summary>Validated by the program office (final).</summary>
    Validated,

    /// <summary>Not validated by the program office (final).</summary>
    NotValidated,

    /// <summary>Withdrawn by the partner (final).</summary>
    Withdrawn,
}

/// <summary>Wire and display names of <see cref="WorkflowState"/>.</summary>
public static class WorkflowStates
{
    /// <summary>The names.</summary>
    public static WireNames<WorkflowState> Names { get; } = new(
        (WorkflowState.Draft, "draft", "draft", "brouillon"),
        (WorkflowState.Submitted, "submitted", "submitted", "soumise"),
        (WorkflowState.InReview, "in-review", "in review", "en cours d'examen"),
        (WorkflowState.InformationRequested, "information-requested", "information requested", "informations demandées"),
        (WorkflowState.Resubmitted, "resubmitted", "resubmitted", "soumise à nouveau"),
        (WorkflowState.AuditScheduled, "audit-scheduled", "audit scheduled", "audit planifié"),
        (WorkflowState.AuditInProgress, "audit-in-progress", "audit in progress", "audit en cours"),
        (WorkflowState.Validated, "validated", "validated", "validée"),
        (WorkflowState.NotValidated, "not-validated", "not validated", "non validée"),
        (WorkflowState.Withdrawn, "withdrawn", "withdrawn", "retirée"));

    /// <summary>Whether nothing more can happen to an application in <paramref name="state"/>.</summary>
    public static bool IsFinal(this WorkflowState state) => state is WorkflowState.Validated or WorkflowState.NotValidated or WorkflowState.Withdrawn;

    /// <summary>Whether the program office owes the partner an answer (the five-business-day clock runs).</summary>
    public static bool AwaitsAnswer(this WorkflowState state) => state is WorkflowState.Submitted or WorkflowState.InReview or WorkflowState.Resubmitted;
}

/// <summary>What someone does to an application; every accepted action is recorded in <see cref="ApplicationWorkflow.History"/>.</summary>
public enum WorkflowAction
{
    /// <summary>The alliance lead asks the partner manager for a review.</summary>
    RequestReview,

    /// <summary>The partner manager comments on an item.</summary>
    CommentOnReview,

    /// <summary>The partner manager marks the review done.</summary>
    CompleteReview,

    /// <summary>The alliance lead submits (freezes version 1).</summary>
    Submit,

    /// <summary>The program office starts reviewing a (re)submission.</summary>
    StartReview,

    /// <summary>The program office asks for more information.</summary>
    RequestInformation,

    /// <summary>The partner answers in the information thread.</summary>
    Reply,

    /// <summary>The alliance lead submits again (freezes the next version).</summary>
    Resubmit,

    /// <summary>The program office schedules the audit.</summary>
    ScheduleAudit,

    /// <summary>The program office moves the scheduled audit.</summary>
    RescheduleAudit,

    /// <summary>The assigned auditor opens the audit.</summary>
    StartAudit,

    /// <summary>The assigned auditor scores one cell.</summary>
    Score,

    /// <summary>The assigned auditor closes the audit (every applicable cell scored).</summary>
    CloseAudit,

    /// <summary>The program office records the decision.</summary>
    Decide,

    /// <summary>The alliance lead withdraws the application.</summary>
    Withdraw,
}

/// <summary>Wire and display names of <see cref="WorkflowAction"/>.</summary>
public static class WorkflowActions
{
    /// <summary>The names.</summary>
    public static WireNames<WorkflowAction> Names { get; } = new(
        (WorkflowAction.RequestReview, "request-review", "request a review", "demander une revue"),
        (WorkflowAction.CommentOnReview, "comment-on-review", "comment on the review", "commenter la revue"),
        (WorkflowAction.CompleteReview, "complete-review", "complete the review", "terminer la revue"),
        (WorkflowAction.Submit, "submit", "submit", "soumettre"),
        (WorkflowAction.StartReview, "start-review", "start the review", "commencer l'examen"),
        (WorkflowAction.RequestInformation, "request-information", "request information", "demander des informations"),
        (WorkflowAction.Reply, "reply", "reply", "répondre"),
        (WorkflowAction.Resubmit, "resubmit", "resubmit", "soumettre à nouveau"),
        (WorkflowAction.ScheduleAudit, "schedule-audit", "schedule the audit", "planifier l'audit"),
        (WorkflowAction.RescheduleAudit, "reschedule-audit", "reschedule the audit", "replanifier l'audit"),
        (WorkflowAction.StartAudit, "start-audit", "start the audit", "commencer l'audit"),
        (WorkflowAction.Score, "score", "score an item", "noter un élément"),
        (WorkflowAction.CloseAudit, "close-audit", "close the audit", "clore l'audit"),
        (WorkflowAction.Decide, "decide", "record the decision", "enregistrer la décision"),
        (WorkflowAction.Withdraw, "withdraw", "withdraw", "retirer"));
}

/// <summary>One accepted action: who did what, in which role, when, and the state before and after (equal when the action does not move the state).</summary>
public sealed record WorkflowEvent(int Sequence, WorkflowAction Action, string ActorId, string ActorName, Role Role, DateTimeOffset At, WorkflowState From, WorkflowState To, string? Note);
