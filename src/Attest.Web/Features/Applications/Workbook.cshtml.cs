using System.Globalization;
using Attest.Package.Spreadsheet;
using Attest.Web.Data;
using Attest.Web.Infrastructure;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Attest.Web.Features.Applications;

/// <summary>
/// AWS's self-assessment workbook of an application on a page: download it filled with the application's answers, upload a
/// filled one back (all or nothing; each problem named by sheet and cell, beside the field and in the summary). Whoever may
/// read the application may download it; only the partner's own people who may edit it may upload, and not once decided.
/// </summary>
[RequestSizeLimit(AwsWorkbook.MaxBytes + (64 * 1024))]
public sealed class WorkbookModel(AttestDbContext db, CurrentAccess access, Catalogs catalogs, RequestLanguage language, OfficeClock clock) : PageModel
{
    /// <summary>The most problems listed for one upload; the count of the others is given.</summary>
    public const int MaxShownErrors = 25;

    [BindProperty(SupportsGet = true)]
    public Guid Id { get; set; }

    public string PartnerName { get; private set; } = "";

    public Attest.Core.Catalogs.Catalog Catalog { get; private set; } = null!;

    /// <summary>True when this user may upload: the partner's own editor, the application not decided.</summary>
    public bool CanEdit { get; private set; }

    public bool Decided { get; private set; }

    /// <summary>The problems of the upload, in the page's language, each naming its sheet and cell.</summary>
    public IReadOnlyList<string> Problems { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync() => await LoadAsync() is null ? NotFound() : Page();

    public async Task<IActionResult> OnGetDownloadAsync()
    {
        var record = await ApplicationQueries.LoadAsync(db, Id, tracking: false);
        if (record is null || catalogs.Find(record.ChecklistId) is not { } catalog)
        {
            return NotFound();
        }

        var bytes = AwsWorkbook.Export(ApplicationMapping.ToDomain(record), catalog);
        return File(bytes, "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", $"{record.ChecklistId}-self-assessment.xlsx");
    }

    public async Task<IActionResult> OnPostUploadAsync(IFormFile? workbook)
    {
        var loaded = await LoadAsync();
        if (loaded is null)
        {
            return NotFound();
        }

        if (!access.Value.CanEdit(loaded.PartnerId))
        {
            return Forbid();
        }

        if (Decided)
        {
            TempData["Notice"] = language.T(WorkbookTexts.ReadOnly);
            return Redirect($"/applications/{Id}/workbook");
        }

        if (workbook is null || workbook.Length == 0)
        {
            return Refuse(language.T(WorkbookTexts.NoFile));
        }

        if (workbook.Length > AwsWorkbook.MaxBytes)
        {
            return Refuse(WorkbookTexts.TooLarge.With(AwsWorkbook.MaxBytes / (1024 * 1024)).In(language.Value));
        }

        var record = await ApplicationQueries.LoadAsync(db, Id, tracking: true);
        if (record is null)
        {
            return NotFound();
        }

        IReadOnlyList<WorkbookError> errors;
        Attest.Core.Applications.Application? updated;
        await using (var stream = workbook.OpenReadStream())
        {
            (updated, errors) = AwsWorkbook.Import(stream, ApplicationMapping.ToDomain(record), Catalog);
        }

        if (updated is null)
        {
            var name = Path.GetFileName(workbook.FileName);
            var shown = errors.Take(MaxShownErrors).Select(e => WorkbookTexts.Refused.With(name, e.In(language.Value)).In(language.Value)).ToList();
            if (errors.Count > MaxShownErrors)
            {
                shown.Add(string.Format(CultureInfo.InvariantCulture, "… (+{0})", errors.Count - MaxShownErrors));
            }

            Problems = shown;
            foreach (var problem in shown)
            {
                ModelState.AddModelError("workbook", problem);
            }

            return Page();
        }

        await ApplicationMapping.ReplaceAsync(db, record, updated, HttpContext.RequestAborted);
        record.UpdatedAt = clock.Now;
        await db.SaveChangesAsync(HttpContext.RequestAborted);
        TempData["Notice"] = language.T(WorkbookTexts.Imported);
        return Redirect($"/applications/{Id}/workbook");
    }

    private PageResult Refuse(string problem)
    {
        Problems = [problem];
        ModelState.AddModelError("workbook", problem);
        return Page();
    }

    private async Task<ApplicationRecord?> LoadAsync()
    {
        var record = await ApplicationQueries.LoadAsync(db, Id, tracking: false);
        if (record is null || catalogs.Find(record.ChecklistId) is not { } catalog)
        {
            return null;
        }

        Catalog = catalog;
        PartnerName = record.PartnerName ?? "";
        Decided = await Attest.Web.Features.Workflow.DecidedApplications.IsDecidedAsync(db, record.Id, HttpContext.RequestAborted);
        CanEdit = access.Value.CanEdit(record.PartnerId) && !Decided;
        return record;
    }
}
