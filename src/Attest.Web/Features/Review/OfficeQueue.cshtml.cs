using Attest.Core.Workflow;
using Attest.Web.Data;
using Attest.Web.Features.Workflow;
using Attest.Web.Infrastructure;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Attest.Web.Features.Review;

/// <summary>The program office's queue: applications waiting for it or in audit, with the answer's due date, overdue first.</summary>
public sealed class OfficeQueueModel(AttestDbContext db, CurrentAccess access, WorkflowStore store, OfficeClock clock, Catalogs catalogs) : PageModel
{
    private static readonly string[] Queued = [.. new[]
    {
        WorkflowState.Submitted, WorkflowState.Resubmitted, WorkflowState.InReview, WorkflowState.InformationRequested, WorkflowState.AuditScheduled, WorkflowState.AuditInProgress,
    }.Select(s => WorkflowStates.Names.Wire(s))];

    public sealed record Row(Guid Id, string Partner, WorkflowState State, DateTimeOffset? SubmittedAt, DateOnly? Due, bool Overdue, int DaysOverdue)
    {
        /// <summary>True once the auditor closed the audit: the state reads "audit closed, awaiting the decision".</summary>
        public bool AuditClosed { get; init; }

        /// <summary>The state as it truly stands.</summary>
        public Attest.Core.Text.LocalizedString StateText => Texts.StateOf(State, AuditClosed);

        /// <summary>The number of the version under review, if any.</summary>
        public int? Version { get; init; }

        /// <summary>Whether that version was ready when judged today on what was frozen with it; null when it cannot be judged.</summary>
        public bool? Ready { get; init; }

        /// <summary>Business days left to answer (0 on the due day); null without a due date or once overdue.</summary>
        public int? DaysLeft { get; init; }
    }

    /// <summary>The business days the office has to answer, the bar's length.</summary>
    public int AnswerDays => store.Calendar.BusinessDays;

    public IReadOnlyList<Row> Rows { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync()
    {
        if (access.Value.Role != UserRole.ProgramOffice)
        {
            return NotFound();
        }

        var today = clock.Today;
        var rows = await db.Workflows.AsNoTracking().Where(w => Queued.Contains(w.State))
            .Join(db.Applications, w => w.ApplicationId, a => a.Id, (w, a) => new { w.ApplicationId, a.PartnerName, w.State, w.SubmittedAt, w.AnswerDue, w.Snapshot })
            .ToListAsync(HttpContext.RequestAborted);
        Rows = rows
            .Select(r => new Row(
                r.ApplicationId,
                r.PartnerName ?? "",
                WorkflowStates.Names.TryParse(r.State, out var state) ? state : WorkflowState.Submitted,
                r.SubmittedAt,
                r.AnswerDue,
                r.AnswerDue is { } due && BusinessCalendar.IsOverdue(due, today),
                r.AnswerDue is { } late ? store.Calendar.Calendar.BusinessDaysOverdue(late, today) : 0) with
            {
                AuditClosed = state == WorkflowState.AuditInProgress && Texts.AuditClosedIn(r.Snapshot),
                Version = Current(r.Snapshot)?.Number,
                Ready = Current(r.Snapshot) is { } version && catalogs.Find(version.Checklist) is { } catalog ? FrozenJudgement.Of(version, catalog, clock)?.Report.Ready : null,
                DaysLeft = r.AnswerDue is { } answer && answer >= today ? BusinessDaysBetween(today, answer) : null,
            })
            .OrderByDescending(r => r.Overdue)
            .ThenBy(r => r.Due ?? DateOnly.MaxValue)
            .ThenBy(r => r.SubmittedAt)
            .ToList();
        return Page();
    }

    private static SubmissionVersion? Current(string snapshot)
    {
        try
        {
            return ApplicationWorkflow.Restore(SnapshotJson.Read(snapshot)).CurrentVersion;
        }
        catch (System.Text.Json.JsonException)
        {
            return null;
        }
    }

    private int BusinessDaysBetween(DateOnly today, DateOnly due)
    {
        var days = 0;
        for (var day = today.AddDays(1); day <= due; day = day.AddDays(1))
        {
            days += store.Calendar.Calendar.IsBusinessDay(day) ? 1 : 0;
        }

        return days;
    }
}
