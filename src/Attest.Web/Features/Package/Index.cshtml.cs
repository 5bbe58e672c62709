using Attest.Core.Text;
using Attest.Package;
using Attest.Package.Bundle;
using Attest.Package.Mail;
using Attest.Web.Infrastructure;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using MimeKit;

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
        Language? language = null;
        if (Lang is { Length: > 0 })
        {
            if (!Languages.TryParse(Lang, out var chosen))
            {
                return BadRequest();
            }

            language = chosen;
        }

        if (name is not (SubmissionPackage.WorkbookName or SubmissionPackage.ReportName or SubmissionPackage.EmailName or SubmissionPackage.BundleName))
        {
            return NotFound();
        }

        if (await packages.CurrentAsync(Id, language, HttpContext.RequestAborted) is not { } input)
        {
            return NotFound();
        }

        var from = options.Smtp.From is { Length: > 0 } sender && MailboxAddress.TryParse(sender, out var address) ? address : null;
        var documents = SubmissionPackage.CreateDocuments(input, from);
        switch (name)
        {
            case SubmissionPackage.WorkbookName:
                return File(documents.Workbook, "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", name);
            case SubmissionPackage.ReportName:
                return File(documents.Report, "application/pdf", name);
            case SubmissionPackage.EmailName:
                return File(SubmissionEmail.ToEml(documents.Email), "message/rfc822", name);
            default:
                // The bundle streams every evidence file: written to a temporary file that goes when the response is sent
                var temporary = new FileStream(Path.GetTempFileName(), FileMode.Create, FileAccess.ReadWrite, FileShare.None, 81920, FileOptions.DeleteOnClose);
                try
                {
                    EvidenceBundle.Write(input, documents.Workbook, documents.Report, temporary);
                    temporary.Position = 0;
                    return File(temporary, "application/zip", name);
                }
                catch
                {
                    await temporary.DisposeAsync();
                    throw;
                }
        }
    }
}
