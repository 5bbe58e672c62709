using Attest.Web.Data;
using Attest.Web.Infrastructure;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Attest.Web.Features.Package;

/// <summary>The submission package of an application as it is now, for whoever may see the application.</summary>
public sealed class IndexModel(SubmissionPackages packages, AttestOptions options, AttestDbContext db, Workflow.WorkflowStore workflows) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public Guid Id { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? Lang { get; set; }

    public string? PartnerName { get; private set; }

    /// <summary>The submitted versions (number, when), newest first: each has its own package.</summary>
    public IReadOnlyList<(int Number, DateTimeOffset SubmittedAt)> Versions { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync()
    {
        Response.Headers.CacheControl = "no-store";
        // The page only names the files: the package itself is made when one is downloaded
        var application = await db.Applications.AsNoTracking().FirstOrDefaultAsync(a => a.Id == Id, HttpContext.RequestAborted);
        if (application is null)
        {
            return NotFound();
        }

        PartnerName = application.PartnerName;
        var loaded = await workflows.LoadForReadingAsync(application, HttpContext.RequestAborted);
        Versions = loaded.Workflow.Versions.Reverse().Select(v => (v.Number, v.SubmittedAt)).ToList();
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
