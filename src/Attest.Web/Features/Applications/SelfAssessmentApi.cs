using Attest.Web.Data;
using Attest.Web.Features.Api;
using Attest.Web.Infrastructure;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace Attest.Web.Features.Applications;

/// <summary>The partner's answer for one checklist item, in format v1; its revision is its ETag (0 before the first answer).</summary>
public static class SelfAssessmentApi
{
    public const long MaxBodyBytes = 256 * 1024;

    public static RouteGroupBuilder MapSelfAssessment(this RouteGroupBuilder api)
    {
        var selfAssessment = api.MapGroup("/applications/{id:guid}/self-assessment").WithTags("Self-assessment");
        selfAssessment.MapGet("/{itemId}", Get)
            .WithName("GetSelfAssessment")
            .WithSummary("The self-assessment of one checklist item; the ETag is its revision")
            .ProducesProblem(StatusCodes.Status404NotFound);
        selfAssessment.MapPut("/{itemId}", Put)
            .RequireAuthorization(ApiEndpoints.TokenOnly)
            .WithName("PutSelfAssessment")
            .WithSummary("Answer one checklist item (met, note, evidence); If-Match optional")
            .Accepts<SelfAssessmentDocument>("application/json", "application/yaml")
            .ProducesProblem(StatusCodes.Status400BadRequest).ProducesProblem(StatusCodes.Status403Forbidden).ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status412PreconditionFailed);
        return api;
    }

    private static async Task<Results<Ok<SelfAssessmentDocument>, ProblemHttpResult>> Get(Guid id, string itemId, HttpContext http, AttestDbContext db, Catalogs catalogs, CancellationToken cancel)
    {
        var checklist = await db.Applications.AsNoTracking().Where(a => a.Id == id).Select(a => a.ChecklistId).FirstOrDefaultAsync(cancel);
        if (checklist is null)
        {
            return ApiError.NotFound("The application").ToResult();
        }

        if (catalogs.Find(checklist)?.FindItem(itemId) is null)
        {
            return ApiError.NotFound($"The checklist item '{itemId}'").ToResult();
        }

        var entry = await db.SelfAssessment.AsNoTracking().FirstOrDefaultAsync(s => s.ApplicationId == id && s.ItemId == itemId, cancel);
        http.Response.Headers.ETag = RequestBody.ETag(entry?.Revision ?? 0);
        return TypedResults.Ok(SelfAssessmentDocument.Of(entry));
    }

    private static async Task<Results<Ok<SelfAssessmentDocument>, ProblemHttpResult>> Put(
        Guid id, string itemId, HttpRequest request, AttestDbContext db, CurrentAccess access, Catalogs catalogs, TimeProvider clock, CancellationToken cancel)
    {
        var application = await db.Applications.FirstOrDefaultAsync(a => a.Id == id, cancel);
        if (application is null)
        {
            return ApiError.NotFound("The application").ToResult();
        }

        if (!access.Value.CanEdit(application.PartnerId))
        {
            return ApiError.CannotEdit.ToResult();
        }

        if (await Attest.Web.Features.Workflow.DecidedApplications.IsDecidedAsync(db, application.Id, cancel))
        {
            return ApiError.Conflict(Attest.Web.Features.Workflow.DecidedApplications.ReadOnly.En).ToResult();
        }

        var checklist = catalogs.Find(application.ChecklistId)!;
        if (checklist.FindItem(itemId) is not { } item)
        {
            return ApiError.NotFound($"The checklist item '{itemId}'").ToResult();
        }

        var stored = await db.SelfAssessment.FirstOrDefaultAsync(s => s.ApplicationId == id && s.ItemId == itemId, cancel);
        if (RequestBody.IfMatch(request) is { } expected && !RequestBody.Matches(expected, stored?.Revision ?? 0))
        {
            return ApiError.Stale(stored?.Revision ?? 0).ToResult();
        }

        var (text, bodyError) = await RequestBody.ReadTextAsync(request, MaxBodyBytes, cancel);
        if (bodyError is not null)
        {
            return bodyError.ToResult();
        }

        var keys = await db.CaseStudies.AsNoTracking().Where(c => c.ApplicationId == id).OrderBy(c => c.Position).Select(c => c.Key).ToListAsync(cancel);
        var (entry, error) = FormatV1Fragment.ReadSelfAssessment(text!, checklist, item, keys);
        if (error is not null)
        {
            return ApiError.BadInput(error).ToResult();
        }

        if (stored is null)
        {
            stored = new SelfAssessmentRecord { ApplicationId = id, PartnerId = application.PartnerId, ItemId = item.Id };
            db.SelfAssessment.Add(stored);
        }

        stored.Met = entry!.Met;
        stored.Note = entry.Note;
        stored.Evidence = entry.Evidence?.ToList();
        stored.CaseStudyAnswers = Applications.ApplicationMapping.ToRecords(entry.CaseStudies);
        stored.Revision++;
        application.UpdatedAt = clock.GetUtcNow();
        try
        {
            await db.SaveChangesAsync(cancel);
        }
        catch (DbUpdateException)
        {
            // A concurrent answer won (changed revision, or the first answer inserted twice)
            db.ChangeTracker.Clear();
            var current = await db.SelfAssessment.Where(s => s.ApplicationId == id && s.ItemId == itemId).Select(s => (long?)s.Revision).FirstOrDefaultAsync(cancel);
            return ApiError.Stale(current ?? 0).ToResult();
        }

        request.HttpContext.Response.Headers.ETag = RequestBody.ETag(stored.Revision);
        return TypedResults.Ok(SelfAssessmentDocument.Of(stored));
    }
}
