using Attest.Core.Workflow;
using Attest.Web.Data;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Attest.Web.Features.Audit;

/// <summary>The audits assigned to the signed-in auditor (the access filters show no other).</summary>
public sealed class AuditsModel(AttestDbContext db, CurrentAccess access) : PageModel
{
    public sealed record Row(Guid Id, string Partner, WorkflowState State)
    {
        /// <summary>The state as it truly stands (a closed audit is no longer "in progress").</summary>
        public Attest.Core.Text.LocalizedString StateText { get; init; } = Workflow.Texts.StateName(State);
    }

    public IReadOnlyList<Row> Rows { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync()
    {
        if (access.Value.Role != UserRole.Auditor)
        {
            return NotFound();
        }

        var userId = access.Value.UserId;
        var rows = await db.Workflows.AsNoTracking().Where(w => w.AuditorId == userId)
            .Join(db.Applications, w => w.ApplicationId, a => a.Id, (w, a) => new { w.ApplicationId, a.PartnerName, w.State, w.Snapshot })
            .ToListAsync(HttpContext.RequestAborted);
        Rows = rows.Select(r => WorkflowStates.Names.TryParse(r.State, out var s) ? (State: s, r) : (State: WorkflowState.AuditScheduled, r))
            .Select(x => new Row(x.r.ApplicationId, x.r.PartnerName ?? "", x.State) { StateText = Workflow.Texts.StateOf(x.State, x.r.Snapshot) })
            .OrderBy(r => r.Partner, StringComparer.CurrentCulture)
            .ToList();
        return Page();
    }
}
