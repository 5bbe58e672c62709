using Attest.Web.Data;
using Attest.Web.Infrastructure;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Net.Http.Headers;

namespace Attest.Web.Features.Evidence;

/// <summary>
/// Serves an evidence file, always as an attachment and never sniffed: a browser must not render what a partner
/// uploaded (an HTML file is bytes here). Partner users of its partner and the partner's managers may download it;
/// the program office may once it backs a submitted application.
/// </summary>
public sealed class DownloadModel(AttestDbContext db, CurrentAccess access, EvidenceStore store) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public Guid Id { get; set; }

    public async Task<IActionResult> OnGetAsync()
    {
        var piece = await db.Evidence.AsNoTracking().Where(e => e.Id == Id).Select(e => new { e.PartnerId, e.Name, e.Sha256, e.ContentType }).FirstOrDefaultAsync();
        if (piece?.Sha256 is null || !await MayReadAsync(piece.PartnerId) || store.OpenRead(piece.Sha256) is not { } file)
        {
            return NotFound();
        }

        Response.Headers[HeaderNames.XContentTypeOptions] = "nosniff";
        Response.Headers[HeaderNames.CacheControl] = "private, no-store";
        var type = piece.ContentType is { } known && EvidenceContentType.Known.Contains(known) ? known : EvidenceContentType.Bytes;
        return File(file, type, piece.Name);
    }

    private async Task<bool> MayReadAsync(Guid partnerId)
    {
        var who = access.Value;
        if (who.PartnerIds.Contains(partnerId))
        {
            return true;
        }

        return who.SeesSubmitted && await db.EvidenceLinks.AnyAsync(l => l.EvidenceId == Id && db.Applications.Any(a => a.Id == l.ApplicationId && a.Status != ApplicationStatus.Draft));
    }
}
