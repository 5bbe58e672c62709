using System.Text;
using Attest.Core.Workflow;
using Attest.Web.Data;
using Attest.Web.Features.Workflow;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Attest.Web.Features.Admin;

/// <summary>
/// The audit trail for administrators: the whole hash chain checked on every visit (the first broken entry named),
/// the latest entries, and the whole trail as CSV, without the notes partner users wrote (<see cref="WorkflowAuditTrail.WithoutPartnerText"/>). The same check runs from the command line: <c>attest audit verify</c>.
/// </summary>
[AdministratorOnly]
public sealed class AuditTrailModel(AttestDbContext db) : PageModel
{
    public const int Shown = 100;

    public ChainVerification Verification { get; private set; } = null!;

    public IReadOnlyList<AuditEntry> Latest { get; private set; } = [];

    public int Total { get; private set; }

    public async Task<IActionResult> OnGetAsync()
    {
        var entries = await ReadAsync();
        Verification = AuditTrail.Verify(entries);
        Total = entries.Count;
        Latest = entries.AsEnumerable().Reverse().Take(Shown).ToList();
        return Page();
    }

    public async Task<IActionResult> OnGetCsvAsync()
    {
        // Notes partner users wrote on their steps are the partner's words, not the administrator's to read
        var csv = AuditTrail.ToCsv((await ReadAsync()).Select(WorkflowAuditTrail.WithoutPartnerText));
        Response.Headers.CacheControl = "no-store";
        return File(new UTF8Encoding(false).GetBytes(csv), "text/csv; charset=utf-8", "attest-audit-trail.csv");
    }

    private async Task<List<AuditEntry>> ReadAsync() =>
        (await db.AuditTrail.AsNoTracking().OrderBy(e => e.Sequence).ToListAsync(HttpContext.RequestAborted)).Select(TrailRecords.ToDomain).ToList();
}
