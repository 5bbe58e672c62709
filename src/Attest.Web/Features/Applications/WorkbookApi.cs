using Attest.Core.Documents;
using Attest.Package.Spreadsheet;
using Attest.Web.Data;
using Attest.Web.Features.Api;
using Attest.Web.Infrastructure;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace Attest.Web.Features.Applications;

/// <summary>
/// AWS's self-assessment workbook of an application: download it filled with the application's answers, upload a filled
/// one back (all or nothing; a problem names the sheet and the cell).
/// </summary>
public static class WorkbookApi
{
    public static RouteGroupBuilder MapWorkbook(this RouteGroupBuilder api)
    {
        var applications = api.MapGroup("/applications").WithTags("Applications");
        applications.MapGet("/{id:guid}/workbook", Download)
            .WithName("DownloadWorkbook")
            .WithSummary("The application in AWS's self-assessment workbook layout (.xlsx)")
            .Produces(StatusCodes.Status200OK, contentType: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet")
            .ProducesProblem(StatusCodes.Status404NotFound);
        applications.MapPut("/{id:guid}/workbook", Upload)
            .RequireAuthorization(ApiEndpoints.TokenOnly)
            .WithMetadata(new RequestSizeLimitAttribute(AwsWorkbook.MaxBytes + (64 * 1024)))
            .WithName("UploadWorkbook")
            .WithSummary("Fill the self-assessment from a filled workbook: the answers it holds replace the application's, references mapped to the case studies by their order")
            .ProducesProblem(StatusCodes.Status400BadRequest).ProducesProblem(StatusCodes.Status403Forbidden).ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status412PreconditionFailed);
        return api;
    }

    private static async Task<Results<FileContentHttpResult, ProblemHttpResult>> Download(Guid id, AttestDbContext db, Catalogs catalogs)
    {
        var record = await ApplicationQueries.LoadAsync(db, id, tracking: false);
        if (record is null || catalogs.Find(record.ChecklistId) is not { } catalog)
        {
            return ApiError.NotFound("The application").ToResult();
        }

        var bytes = AwsWorkbook.Export(ApplicationMapping.ToDomain(record), catalog);
        return TypedResults.File(bytes, "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", $"{record.ChecklistId}-self-assessment.xlsx");
    }

    private static async Task<Results<NoContent, ProblemHttpResult>> Upload(Guid id, HttpRequest request, AttestDbContext db, CurrentAccess access, Catalogs catalogs, TimeProvider clock, CancellationToken cancel)
    {
        var record = await ApplicationQueries.LoadAsync(db, id, tracking: true, cancel);
        if (record is null || catalogs.Find(record.ChecklistId) is not { } catalog)
        {
            return ApiError.NotFound("The application").ToResult();
        }

        if (!access.Value.CanEdit(record.PartnerId))
        {
            return ApiError.CannotEdit.ToResult();
        }

        if (RequestBody.IfMatch(request) is { } ifMatch && !RequestBody.Matches(ifMatch, record.Revision))
        {
            return ApiError.Stale(record.Revision).ToResult();
        }

        if (request.ContentLength > AwsWorkbook.MaxBytes)
        {
            return ApiError.TooLarge(AwsWorkbook.MaxBytes).ToResult();
        }

        using var body = new MemoryStream();
        await request.Body.CopyToAsync(body, cancel);
        body.Position = 0;
        var (updated, errors) = AwsWorkbook.Import(body, ApplicationMapping.ToDomain(record), catalog);
        if (updated is null)
        {
            var first = errors[0];
            return ApiError.BadInput(new InputError("workbook.xlsx", 0, 0, first.Cell.Length > 0 ? $"{first.Sheet}!{first.Cell}" : first.Sheet, string.Join("; ", errors.Select(e => e.ToString())))).ToResult();
        }

        await ApplicationMapping.ReplaceAsync(db, record, updated, cancel);
        record.UpdatedAt = clock.GetUtcNow();
        try
        {
            await db.SaveChangesAsync(cancel);
        }
        catch (DbUpdateConcurrencyException)
        {
            db.ChangeTracker.Clear();
            return ApiError.Stale(null).ToResult();
        }

        return TypedResults.NoContent();
    }
}
