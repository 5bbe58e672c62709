using Attest.Core.Catalogs;
using Attest.Web.Data;
using Attest.Web.Infrastructure;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Attest.Web.Features;

/// <summary>The applications the user may see (the database filters decide which), and starting a new one.</summary>
public sealed class IndexModel(AttestDbContext db, CurrentAccess access, Catalogs catalogs, TimeProvider clock, Evidence.ApplicationEvidence evidence, OfficeClock office) : PageModel
{
    public sealed record Row(Guid Id, string Partner, string Checklist, ApplicationStatus Status, DateTimeOffset UpdatedAt, Attest.Core.Workflow.WorkflowState? State = null)
    {
        /// <summary>The workflow's state once there is one; before, draft or submitted.</summary>
        public Attest.Core.Text.LocalizedString StatusName => State is { } state ? Workflow.Texts.StateOf(state, AuditClosed) : Status == ApplicationStatus.Draft ? Ui.Draft : Ui.Submitted;

        /// <summary>True once the auditor closed the audit (the state no longer reads "audit in progress").</summary>
        public bool AuditClosed { get; init; }
    }

    private static readonly string AuditInProgress = Attest.Core.Workflow.WorkflowStates.Names.Wire(Attest.Core.Workflow.WorkflowState.AuditInProgress);

    public IReadOnlyList<Row> Applications { get; private set; } = [];

    public IReadOnlyList<Catalog> Checklists => catalogs.All;

    /// <summary>The signed-in partner's programs side by side, when it applies for more than one checklist.</summary>
    public IReadOnlyList<Attest.Web.Features.Applications.ProgramReadiness.Row> Programs { get; private set; } = [];

    public bool CanStart => access.Value.OwnPartnerId is { } partner && access.Value.CanLead(partner);

    /// <summary>The administrator's first page points at administration (they take no part in applications).</summary>
    public bool IsAdministrator => access.Value.Role == UserRole.Administrator;

    public async Task OnGetAsync()
    {
        // The program office and auditors see applications without seeing the partner records: the name the application declares stands in
        var rows = await db.Applications.AsNoTracking()
            .GroupJoin(db.Partners, a => a.PartnerId, p => p.Id, (a, p) => new { a, p })
            .SelectMany(x => x.p.DefaultIfEmpty(), (x, p) => new { x.a.Id, Partner = p != null ? p.Name : x.a.PartnerName, x.a.ChecklistId, x.a.Status, x.a.UpdatedAt })
            .ToListAsync();
        var ids = rows.Select(r => r.Id).ToList();
        var states = await db.Workflows.AsNoTracking().Where(w => ids.Contains(w.ApplicationId)).Select(w => new { w.ApplicationId, w.State, Snapshot = w.State == AuditInProgress ? w.Snapshot : null }).ToListAsync();
        var stateOf = states.ToDictionary(s => s.ApplicationId, s => Attest.Core.Workflow.WorkflowStates.Names.TryParse(s.State, out var state) ? state : (Attest.Core.Workflow.WorkflowState?)null);
        var closed = states.Where(s => s.Snapshot is not null && Workflow.Texts.AuditClosedIn(s.Snapshot)).Select(s => s.ApplicationId).ToHashSet();
        Applications = rows.OrderByDescending(r => r.UpdatedAt).Select(r => new Row(r.Id, r.Partner ?? "", r.ChecklistId, r.Status, r.UpdatedAt, stateOf.GetValueOrDefault(r.Id)) { AuditClosed = closed.Contains(r.Id) }).ToList();
        if (access.Value.OwnPartnerId is { } partnerId)
        {
            Programs = await Attest.Web.Features.Applications.ProgramReadiness.ForPartnerAsync(db, evidence, catalogs, partnerId, office.Today, HttpContext.RequestAborted);
        }
    }

    public async Task<IActionResult> OnPostStartAsync(string checklist)
    {
        if (access.Value.OwnPartnerId is not { } partnerId || !access.Value.CanLead(partnerId))
        {
            return Forbid();
        }

        if (catalogs.Find(checklist) is null)
        {
            return BadRequest();
        }

        var existing = await db.Applications.Where(a => a.PartnerId == partnerId && a.ChecklistId == checklist).Select(a => (Guid?)a.Id).FirstOrDefaultAsync();
        if (existing is { } id)
        {
            return Redirect($"/applications/{id}");
        }

        var partner = await db.Partners.FirstAsync(p => p.Id == partnerId);
        var now = clock.GetUtcNow();
        var application = new ApplicationRecord { Id = Guid.NewGuid(), PartnerId = partnerId, ChecklistId = checklist, CreatedAt = now, UpdatedAt = now, Revision = 1, PartnerName = partner.Name };
        db.Applications.Add(application);
        await db.SaveChangesAsync();
        return Redirect($"/applications/{application.Id}");
    }
}
