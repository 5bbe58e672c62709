using Attest.Web.Data;
using Attest.Web.Infrastructure;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Attest.Web.Features.Evidence;

/// <summary>The partner's evidence library: its files and links, the upload form, and adding a link.</summary>
public sealed class IndexModel(AttestDbContext db, CurrentAccess access, RequestLanguage language, AttestOptions options, AddEvidenceLink addingLink, OfficeClock clock) : PageModel
{
    public sealed record Row(Guid Id, string Name, string? Url, string? ContentType, long? Size, DateOnly? IssuedOn, DateTimeOffset AddedAt, int Links, string? Sha256)
    {
        /// <summary>For a file that may be code: where its stored analysis stands, in words.</summary>
        public string? Analysis { get; init; }
    }

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

        var today = clock.Today;
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
            .Select(e => new Row(e.Id, e.Name, e.Url, e.ContentType, e.Size, e.IssuedOn, e.AddedAt, e.Links.Count, e.Sha256))
            .ToListAsync();

        // Where each file's analysis stands, read from the stored analyses (never made here)
        var lang = language.Value;
        var code = rows.Where(r => r.Sha256 is not null && EvidenceContentType.MayHoldCode(r.ContentType)).Select(r => r.Sha256!).Distinct(StringComparer.Ordinal).ToList();
        var analyses = await ApplicationEvidence.AnalysesAsync(db, code, HttpContext.RequestAborted);
        string? Analysis(Row row)
        {
            if (row.Sha256 is null || !EvidenceContentType.MayHoldCode(row.ContentType))
            {
                return null;
            }

            var analysis = analyses.GetValueOrDefault(row.Sha256);
            return analysis?.State switch
            {
                AnalysisState.Failed => Texts.AnalysisFailedShort.In(lang),
                AnalysisState.Done when StoredAnalysis.Summary(analysis) is { Code: true } summary => Texts.Format(Texts.AnalysisCounted.In(lang), summary.Findings, row.Links),
                AnalysisState.Done => Texts.AnalysisNotCode.In(lang),
                _ => Texts.AnalysisPendingShort.In(lang),
            };
        }

        rows = rows.Select(r => r with { Analysis = Analysis(r) }).ToList();

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
