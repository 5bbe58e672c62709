using Attest.Core.Workflow;
using Attest.Web.Data;
using Attest.Web.Features.Workflow;
using Attest.Web.Infrastructure;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Attest.Web.Features.Review;

/// <summary>The program office's queue: applications waiting for it or in audit, with the answer's due date, overdue first.</summary>
public sealed class OfficeQueueModel(AttestDbContext db, CurrentAccess access, WorkflowStore store, OfficeClock clock) : PageModel
{
    private static readonly string[] Queued = [.. new[]
    {
        WorkflowState.Submitted, WorkflowState.Resubmitted, WorkflowState.InReview, WorkflowState.InformationRequested, WorkflowState.AuditScheduled, WorkflowState.AuditInProgress,
    }.Select(s => WorkflowStates.Names.Wire(s))];

    public sealed record Row(Guid Id, string Partner, WorkflowState State, DateTimeOffset? SubmittedAt, DateOnly? Due, bool Overdue, int DaysOverdue);

    public IReadOnlyList<Row> Rows { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync()
    {
        if (access.Value.Role != UserRole.ProgramOffice)
        {
            return NotFound();
        }

        var today = clock.Today;
        var rows = await db.Workflows.AsNoTracking().Where(w => Queued.Contains(w.State))
            .Join(db.Applications, w => w.ApplicationId, a => a.Id, (w, a) => new { w.ApplicationId, a.PartnerName, w.State, w.SubmittedAt, w.AnswerDue })
            .ToListAsync(HttpContext.RequestAborted);
        Rows = rows
            .Select(r => new Row(
                r.ApplicationId,
                r.PartnerName ?? "",
                WorkflowStates.Names.TryParse(r.State, out var state) ? state : WorkflowState.Submitted,
                r.SubmittedAt,
                r.AnswerDue,
                r.AnswerDue is { } due && BusinessCalendar.IsOverdue(due, today),
                r.AnswerDue is { } late ? store.Calendar.Calendar.BusinessDaysOverdue(late, today) : 0))
            .OrderByDescending(r => r.Overdue)
            .ThenBy(r => r.Due ?? DateOnly.MaxValue)
            .ThenBy(r => r.SubmittedAt)
            .ToList();
        return Page();
    }
}
