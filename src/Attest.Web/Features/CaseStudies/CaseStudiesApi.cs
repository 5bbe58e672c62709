using Attest.Web.Data;
using Attest.Web.Features.Api;
using Attest.Web.Features.Applications;
using Attest.Web.Infrastructure;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace Attest.Web.Features.CaseStudies;

/// <summary>
/// One case study, in format v1. Its revision is its ETag; a PUT replacing an existing case study must name the revision
/// it edited in <c>If-Match</c> (428 without, 412 when stale), so two people's saves never silently overwrite each other.
/// A PUT to a new key creates the case study (no <c>If-Match</c>).
/// </summary>
public static class CaseStudiesApi
{
    public const long MaxBodyBytes = 1024 * 1024;

    public static RouteGroupBuilder MapCaseStudies(this RouteGroupBuilder api)
    {
        var caseStudies = api.MapGroup("/applications/{id:guid}/case-studies").WithTags("Case studies");
        caseStudies.MapGet("/{key}", Get)
            .WithName("GetCaseStudy")
            .WithSummary("A case study in format v1; the ETag is its revision")
            .ProducesProblem(StatusCodes.Status404NotFound);
        caseStudies.MapPut("/{key}", Put)
            .RequireAuthorization(ApiEndpoints.TokenOnly)
            .WithName("PutCaseStudy")
            .WithSummary("Create a case study, or replace it with If-Match: \"<revision>\"")
            .WithDescription("The body is one format v1 case study (JSON or YAML); its key, if given, must be the key in the URL.")
            .Accepts<CaseStudyDocument>("application/json", "application/yaml")
            .ProducesProblem(StatusCodes.Status400BadRequest).ProducesProblem(StatusCodes.Status403Forbidden).ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status412PreconditionFailed).ProducesProblem(StatusCodes.Status428PreconditionRequired);
        caseStudies.MapDelete("/{key}", Delete)
            .RequireAuthorization(ApiEndpoints.TokenOnly)
            .WithName("DeleteCaseStudy")
            .WithSummary("Delete a case study (If-Match optional) and its evidence attachments")
            .ProducesProblem(StatusCodes.Status403Forbidden).ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status412PreconditionFailed);
        return api;
    }

    /// <summary>The rule of the case study form: letters, digits, '-', '_' or '.', at most 100 characters, not "new".</summary>
    public static bool IsValidKey(string key) =>
        key.Length is > 0 and <= 100 && key != "new" && key.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_' or '.');

    private static async Task<Results<Ok<CaseStudyDocument>, ProblemHttpResult>> Get(Guid id, string key, HttpContext http, AttestDbContext db, CancellationToken cancel)
    {
        var stored = await db.CaseStudies.AsNoTracking().FirstOrDefaultAsync(c => c.ApplicationId == id && c.Key == key, cancel);
        if (stored is null)
        {
            return ApiError.NotFound("The case study").ToResult();
        }

        http.Response.Headers.ETag = RequestBody.ETag(stored.Revision);
        return TypedResults.Ok(CaseStudyDocument.From(ApplicationMapping.ToDomain(stored)));
    }

    private static async Task<Results<Created<CaseStudyDocument>, Ok<CaseStudyDocument>, ProblemHttpResult>> Put(
        Guid id, string key, HttpRequest request, AttestDbContext db, CurrentAccess access, Catalogs catalogs, TimeProvider clock, CancellationToken cancel)
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

        if (!IsValidKey(key))
        {
            return ApiError.BadInput(new(RequestBody.FileName, 0, 0, "key", "letters, digits, '-', '_' or '.', at most 100 characters, not 'new'")).ToResult();
        }

        var stored = await db.CaseStudies.FirstOrDefaultAsync(c => c.ApplicationId == id && c.Key == key, cancel);
        var ifMatch = RequestBody.IfMatch(request);
        if (stored is not null && ifMatch is null)
        {
            return ApiError.PreconditionRequired.ToResult();
        }

        if (ifMatch is { } expected && !RequestBody.Matches(expected, stored?.Revision))
        {
            return ApiError.Stale(stored?.Revision).ToResult();
        }

        var (text, bodyError) = await RequestBody.ReadTextAsync(request, MaxBodyBytes, cancel);
        if (bodyError is not null)
        {
            return bodyError.ToResult();
        }

        var (edited, error) = FormatV1Fragment.ReadCaseStudy(text!, catalogs.Find(application.ChecklistId)!);
        if (error is not null)
        {
            return ApiError.BadInput(error).ToResult();
        }

        // The reader names a case study without a key "case-study-1"; any other key must be the URL's (no renaming here)
        if (edited!.Key != key && edited.Key != "case-study-1")
        {
            return ApiError.BadInput(new(RequestBody.FileName, 0, 0, "key", $"the body says '{edited.Key}', the URL says '{key}'")).ToResult();
        }

        var creating = stored is null;
        if (stored is null)
        {
            if (await db.CaseStudies.CountAsync(c => c.ApplicationId == id, cancel) >= Attest.Core.Applications.Application.MaxCaseStudies)
            {
                return ApiError.Conflict($"The application already holds {Attest.Core.Applications.Application.MaxCaseStudies} case studies, the most it may hold: remove one before adding another.").ToResult();
            }

            var position = await db.CaseStudies.Where(c => c.ApplicationId == id).Select(c => (int?)c.Position).MaxAsync(cancel) ?? -1;
            stored = new CaseStudyRecord { Id = Guid.NewGuid(), ApplicationId = id, PartnerId = application.PartnerId, Position = position + 1, Key = key, Revision = 0 };
            db.CaseStudies.Add(stored);
        }

        ApplicationMapping.CopyTo(edited, stored);
        stored.Revision++;
        stored.UpdatedAt = clock.GetUtcNow();
        stored.UpdatedBy = access.Value.UserId;
        application.UpdatedAt = stored.UpdatedAt;
        try
        {
            await db.SaveChangesAsync(cancel);
        }
        catch (DbUpdateConcurrencyException)
        {
            // Someone saved between our read and our write
            db.ChangeTracker.Clear();
            var current = await db.CaseStudies.Where(c => c.ApplicationId == id && c.Key == key).Select(c => (long?)c.Revision).FirstOrDefaultAsync(cancel);
            return ApiError.Stale(current).ToResult();
        }
        catch (DbUpdateException) when (creating)
        {
            // Created by someone else at the same moment (the unique key refused ours)
            db.ChangeTracker.Clear();
            var current = await db.CaseStudies.Where(c => c.ApplicationId == id && c.Key == key).Select(c => (long?)c.Revision).FirstOrDefaultAsync(cancel);
            return ApiError.Stale(current).ToResult();
        }

        request.HttpContext.Response.Headers.ETag = RequestBody.ETag(stored.Revision);
        var document = CaseStudyDocument.From(ApplicationMapping.ToDomain(stored));
        return creating
            ? TypedResults.Created($"{ApiEndpoints.Prefix}/applications/{id}/case-studies/{Uri.EscapeDataString(key)}", document)
            : TypedResults.Ok(document);
    }

    private static async Task<Results<NoContent, ProblemHttpResult>> Delete(Guid id, string key, HttpRequest request, AttestDbContext db, CurrentAccess access, TimeProvider clock, CancellationToken cancel)
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

        var stored = await db.CaseStudies.FirstOrDefaultAsync(c => c.ApplicationId == id && c.Key == key, cancel);
        if (stored is null)
        {
            return ApiError.NotFound("The case study").ToResult();
        }

        if (RequestBody.IfMatch(request) is { } expected && !RequestBody.Matches(expected, stored.Revision))
        {
            return ApiError.Stale(stored.Revision).ToResult();
        }

        db.CaseStudies.Remove(stored);
        db.EvidenceLinks.RemoveRange(await db.EvidenceLinks.Where(l => l.ApplicationId == id && l.CaseStudyKey == key).ToListAsync(cancel));
        application.UpdatedAt = clock.GetUtcNow();
        try
        {
            await db.SaveChangesAsync(cancel);
        }
        catch (DbUpdateConcurrencyException)
        {
            db.ChangeTracker.Clear();
            var current = await db.CaseStudies.Where(c => c.ApplicationId == id && c.Key == key).Select(c => (long?)c.Revision).FirstOrDefaultAsync(cancel);
            return current is null ? TypedResults.NoContent() : ApiError.Stale(current).ToResult();
        }

        return TypedResults.NoContent();
    }
}
