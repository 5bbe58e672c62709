using Attest.Core.Workflow;
using Attest.Web.Data;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Attest.Web.Features.Audit;

/// <summary>The audits assigned to the signed-in auditor (the access filters show no other).</summary>
public sealed class AuditsModel(AttestDbContext db, CurrentAccess access) : PageModel
{
    public sealed record Row(Guid Id, string Partner, WorkflowState State);

    public IReadOnlyList<Row> Rows { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync()
    {
        if (access.Value.Role != UserRole.Auditor)
        {
            return NotFound();
        }

        var userId = access.Value.UserId;
        var rows = await db.Workflows.AsNoTracking().Where(w => w.AuditorId == userId)
            .Join(db.Applications, w => w.ApplicationId, a => a.Id, (w, a) => new { w.ApplicationId, a.PartnerName, w.State })
            .ToListAsync(HttpContext.RequestAborted);
        Rows = rows.Select(r => new Row(r.ApplicationId, r.PartnerName ?? "", WorkflowStates.Names.TryParse(r.State, out var s) ? s : WorkflowState.AuditScheduled))
            .OrderBy(r => r.Partner, StringComparer.CurrentCulture)
            .ToList();
        return Page();
    }
}
