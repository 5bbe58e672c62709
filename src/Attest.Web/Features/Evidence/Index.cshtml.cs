using Attest.Web.Data;
using Attest.Web.Infrastructure;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Attest.Web.Features.Evidence;

/// <summary>The partner's evidence library: its files and links, the upload form, and adding a link.</summary>
public sealed class IndexModel(AttestDbContext db, CurrentAccess access, RequestLanguage language, AttestOptions options, AddEvidenceLink addingLink, TimeProvider clock) : PageModel
{
    public sealed record Row(Guid Id, string Name, string? Url, string? ContentType, long? Size, DateOnly? IssuedOn, DateTimeOffset AddedAt, int Links);

    public IReadOnlyList<Row> Pieces { get; private set; } = [];

    public long MaxUploadBytes => options.MaxUploadBytes;

    [BindProperty]
    public LinkForm Link { get; set; } = new();

    public async Task<IActionResult> OnGetAsync()
    {
        if (EvidenceInput.LibraryOf(access.Value) is not { } partner)
        {
            return NotFound();
        }

        await LoadAsync(partner);
        return Page();
    }

    public async Task<IActionResult> OnPostAddLinkAsync()
    {
        if (EvidenceInput.LibraryOf(access.Value) is not { } partner)
        {
            return NotFound();
        }

        var today = DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);
        var url = EvidenceInput.Url(Link.Url, "Link.Url", ModelState, language.Value);
        var name = EvidenceInput.Name(Link.Name, null, "Link.Name", ModelState, language.Value);
        var issued = EvidenceInput.IssuedOn(Link.IssuedOn, today, "Link.IssuedOn", ModelState, language.Value);
        if (!ModelState.IsValid)
        {
            await LoadAsync(partner);
            return Page();
        }

        await addingLink.AddAsync(partner, name!, url!, issued, access.Value.UserId, HttpContext.RequestAborted);
        TempData["Notice"] = language.T(Texts.Added);
        return Redirect("/evidence");
    }

    private async Task LoadAsync(Guid partner)
    {
        var rows = await db.Evidence.AsNoTracking()
            .Where(e => e.PartnerId == partner)
            .Select(e => new Row(e.Id, e.Name, e.Url, e.ContentType, e.Size, e.IssuedOn, e.AddedAt, e.Links.Count))
            .ToListAsync();

        // Ordered here: SQLite cannot order by a date with an offset
        Pieces = rows.OrderByDescending(r => r.AddedAt).ThenBy(r => r.Name, StringComparer.Ordinal).ToList();
    }

    /// <summary>A link as the form posts it.</summary>
    public sealed class LinkForm
    {
        public string? Name { get; set; }

        public string? Url { get; set; }

        public string? IssuedOn { get; set; }
    }
}
