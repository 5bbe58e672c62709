using Attest.Web.Data;
using Attest.Web.Infrastructure;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Attest.Web.Features.Readiness;

/// <summary>
/// The fingerprint the dashboard polls to redraw its matrix in place (<see cref="LiveState"/>), as JSON:
/// <c>{"state":"…","analysed":1,"files":2,"running":true}</c>. Whoever may read the dashboard may read it; anyone else gets
/// 404, as for the dashboard.
/// </summary>
public sealed class StateModel(AttestDbContext db, OfficeClock clock) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public Guid Id { get; set; }

    public async Task<IActionResult> OnGetAsync()
    {
        if (await LiveState.OfAsync(db, Id, clock.Today, HttpContext.RequestAborted) is not { } live)
        {
            return NotFound();
        }

        Response.Headers.CacheControl = "no-store";
        return new JsonResult(new { state = live.State, analysed = live.Analysed, files = live.Files, running = live.Running });
    }
}
