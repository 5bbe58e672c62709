using Attest.Core.Workflow;
using Attest.Web.Data;
using Attest.Web.Features.Workflow;
using Attest.Web.Infrastructure;
using Microsoft.AspNetCore.Mvc;

namespace Attest.Web.Features.Submission;

/// <summary>One frozen version: its hashes, its evidence, the place of its submission package, and what changed since another version.</summary>
public sealed class VersionModel(WorkflowStore store, AttestDbContext db, RequestLanguage language, Package.SubmissionPackages packages, AttestOptions options, Catalogs catalogs, MailOutbox? outbox = null)
    : WorkflowPageModel(store, db, language)
{
    [BindProperty(SupportsGet = true)]
    public int Number { get; set; }

    /// <summary>The language of the package's documents: en, fr, or empty for the checklist's.</summary>
    [BindProperty(SupportsGet = true)]
    public string? Lang { get; set; }

    public SubmissionVersion Version { get; private set; } = null!;

    /// <summary>What was frozen with the version besides its text: findings, case studies they concern, a site observation; null for a version from before.</summary>
    public (int Findings, int CaseStudies, bool Site)? Frozen { get; private set; }

    /// <summary>The program office's address from the version's checklist.</summary>
    public string ProgramOffice => catalogs.Find(Version.Checklist)?.ProgramOffice.Email ?? "";

    /// <summary>Whether this user may e-mail the package to the program office from here (the alliance lead, with SMTP configured).</summary>
    public bool CanSend => outbox is not null && Actor?.Role == Role.AllianceLead;

    public async Task<IActionResult> OnGetAsync()
    {
        if (!await LoadAsync() || Workflow.Versions.FirstOrDefault(v => v.Number == Number) is not { } version)
        {
            return NotFound();
        }

        Version = version;
        if (version.FindingsJson is { } json)
        {
            try
            {
                var findings = Attest.Web.Infrastructure.StoredAnalysis.ReadCaseStudyFindings(json);
                Frozen = (findings.ByCaseStudy.Values.Sum(f => f.Count), findings.ByCaseStudy.Count(f => f.Value.Count > 0), version.SiteObservationJson is not null);
            }
            catch (System.Text.Json.JsonException)
            {
                Frozen = null;
            }
        }

        return Page();
    }

    /// <summary>
    /// Sends this version's e-mail to the program office address of the catalog, with the workbook attached, as the
    /// checklist asks partners to do (alliance lead only, when SMTP is configured).
    /// </summary>
    public async Task<IActionResult> OnPostSendAsync()
    {
        if (!await LoadAsync() || Workflow.Versions.FirstOrDefault(v => v.Number == Number) is not { } version || !CanSend)
        {
            return NotFound();
        }

        if (await packages.ForVersionAsync(version, null, HttpContext.RequestAborted) is not { } input)
        {
            return NotFound();
        }

        var documents = Attest.Package.SubmissionPackage.CreateDocuments(input);
        var to = documents.Email.To.Mailboxes.First().Address;
        await outbox!.PostAsync(new OutgoingMail(
            to,
            documents.Email.Subject ?? "",
            documents.Email.TextBody ?? "",
            [new MailAttachment(Attest.Package.SubmissionPackage.WorkbookName, "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", documents.Workbook)]), HttpContext.RequestAborted);
        TempData["Notice"] = string.Format(System.Globalization.CultureInfo.InvariantCulture, Language.T(Texts.PackageSent), to);
        return Redirect($"/applications/{Id}/versions/{version.Number}#submission-package");
    }

    /// <summary>One file of this version's submission package, made from the version as frozen.</summary>
    public async Task<IActionResult> OnGetFileAsync(string? name)
    {
        Response.Headers.CacheControl = "no-store";
        if (!await LoadAsync() || Workflow.Versions.FirstOrDefault(v => v.Number == Number) is not { } version || !Package.PackageDownloads.IsFile(name))
        {
            return NotFound();
        }

        if (!Package.PackageDownloads.TryLanguage(Lang, out var chosen))
        {
            return BadRequest();
        }

        return await packages.ForVersionAsync(version, chosen, HttpContext.RequestAborted) is { } input
            ? await Package.PackageDownloads.FileAsync(input, name!, options)
            : NotFound();
    }
}
