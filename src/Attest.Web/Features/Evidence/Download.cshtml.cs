using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Attest.Web.Features.Evidence;

/// <summary>
/// Serves an evidence file, always as an attachment and never sniffed (see <see cref="DownloadEvidence"/>). Partner users
/// of its partner and the partner's managers may download it; the program office may once it backs a submitted application.
/// </summary>
public sealed class DownloadModel(DownloadEvidence download) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public Guid Id { get; set; }

    public async Task<IActionResult> OnGetAsync() =>
        await download.OpenAsync(Id, Response, HttpContext.RequestAborted) is { } file ? File(file.Content, file.ContentType, file.Name) : NotFound();
}
