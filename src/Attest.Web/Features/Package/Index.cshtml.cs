using Attest.Web.Infrastructure;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Attest.Web.Features.Package;

/// <summary>The submission package of an application as it is now, for whoever may see the application.</summary>
public sealed class IndexModel(SubmissionPackages packages, AttestOptions options) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public Guid Id { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? Lang { get; set; }

    public string? PartnerName { get; private set; }

    public async Task<IActionResult> OnGetAsync()
    {
        Response.Headers.CacheControl = "no-store";
        if (await packages.CurrentAsync(Id, null, HttpContext.RequestAborted) is not { } input)
        {
            return NotFound();
        }

        PartnerName = input.PartnerName;
        return Page();
    }

    public async Task<IActionResult> OnGetFileAsync(string? name)
    {
        Response.Headers.CacheControl = "no-store";
        if (!PackageDownloads.TryLanguage(Lang, out var language))
        {
            return BadRequest();
        }

        if (!PackageDownloads.IsFile(name) || await packages.CurrentAsync(Id, language, HttpContext.RequestAborted) is not { } input)
        {
            return NotFound();
        }

        return await PackageDownloads.FileAsync(input, name!, options);
    }
}
