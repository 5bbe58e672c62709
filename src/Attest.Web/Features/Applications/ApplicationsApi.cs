using System.Text;
using System.Text.Json;
using Attest.Core.Applications;
using Attest.Core.Documents;
using Attest.Core.Text;
using Attest.Web.Data;
using Attest.Web.Features.Api;
using Attest.Web.Features.Evidence;
using Attest.Web.Infrastructure;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using EvidenceTexts = Attest.Web.Features.Evidence.Texts;

namespace Attest.Web.Features.Applications;

/// <summary>Applications: the list, one application, starting one, its readiness, and format v1 export and import.</summary>
public static class ApplicationsApi
{
    public const long MaxImportBytes = ShowModel.MaxImportBytes;

    public static RouteGroupBuilder MapApplications(this RouteGroupBuilder api)
    {
        var applications = api.MapGroup("/applications").WithTags("Applications");
        applications.MapGet("/", List).WithName("ListApplications").WithSummary("The applications the caller may see");
        applications.MapPost("/", Start)
            .RequireAuthorization(ApiEndpoints.TokenOnly)
            .WithName("StartApplication")
            .WithSummary("Start an application for a checklist (alliance lead)")
            .Accepts<StartApplication>("application/json")
            .ProducesProblem(StatusCodes.Status400BadRequest).ProducesProblem(StatusCodes.Status403Forbidden).ProducesProblem(StatusCodes.Status409Conflict);
        applications.MapGet("/{id:guid}", Get).WithName("GetApplication").WithSummary("One application").ProducesProblem(StatusCodes.Status404NotFound);
        applications.MapGet("/{id:guid}/readiness", Readiness)
            .WithName("GetReadiness")
            .WithSummary("Readiness report, the same JSON as 'attest check --format json'")
            .WithDescription("asOf: the evaluation date (YYYY-MM-DD, default today, UTC); lang: en or fr (default: Accept-Language). As on the dashboard, "
                + "the library's evidence attached to case studies and items counts, with the findings of its infrastructure code; "
                + "while some of that code is still being scanned, a warning says so (ask again).")
            .Produces(StatusCodes.Status200OK, contentType: "application/json")
            .ProducesProblem(StatusCodes.Status400BadRequest).ProducesProblem(StatusCodes.Status404NotFound);
        applications.MapGet("/{id:guid}/export", Export)
            .WithName("ExportApplication")
            .WithSummary("The application as a format v1 YAML file")
            .Produces(StatusCodes.Status200OK, contentType: "application/yaml")
            .ProducesProblem(StatusCodes.Status404NotFound);
        applications.MapPut("/{id:guid}/import", Import)
            .RequireAuthorization(ApiEndpoints.TokenOnly)
            .WithMetadata(new RequestSizeLimitAttribute(MaxImportBytes + (64 * 1024)))
            .WithName("ImportApplication")
            .WithSummary("Replace the profile, case studies and self-assessment with a format v1 file (YAML or JSON), all or nothing")
            .WithDescription("Optional If-Match: \"<application revision>\". Errors name the body's line, column and field.")
            .Accepts<string>("application/yaml", "application/json")
            .ProducesProblem(StatusCodes.Status400BadRequest).ProducesProblem(StatusCodes.Status403Forbidden).ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status412PreconditionFailed).ProducesProblem(StatusCodes.Status413PayloadTooLarge);
        return api;
    }

    private static async Task<Ok<List<ApplicationSummary>>> List(AttestDbContext db, CancellationToken cancel)
    {
        var rows = await db.Applications.AsNoTracking()
            .Select(a => new { a.Id, a.PartnerId, a.PartnerName, a.ChecklistId, a.Status, a.Revision, a.CreatedAt, a.UpdatedAt })
            .ToListAsync(cancel);
        return TypedResults.Ok(rows
            .OrderByDescending(a => a.UpdatedAt)
            .Select(a => new ApplicationSummary(a.Id, a.PartnerId, a.PartnerName, a.ChecklistId, ApplicationSummary.StatusName(a.Status), a.Revision, a.CreatedAt, a.UpdatedAt))
            .ToList());
    }

    private static async Task<Results<Ok<ApplicationDetail>, ProblemHttpResult>> Get(Guid id, HttpContext http, AttestDbContext db, CurrentAccess access, CancellationToken cancel)
    {
        var detail = await DetailAsync(db, access.Value, id, cancel);
        if (detail is null)
        {
            return ApiError.NotFound("The application").ToResult();
        }

        http.Response.Headers.ETag = RequestBody.ETag(detail.Revision);
        return TypedResults.Ok(detail);
    }

    private static async Task<Results<Created<ApplicationDetail>, ProblemHttpResult>> Start(HttpRequest request, AttestDbContext db, CurrentAccess access, Catalogs catalogs, TimeProvider clock, CancellationToken cancel)
    {
        if (access.Value.OwnPartnerId is not { } partnerId || !access.Value.CanLead(partnerId))
        {
            return ApiError.Forbidden("Only an alliance lead starts an application for their partner.").ToResult();
        }

        var (text, bodyError) = await RequestBody.ReadTextAsync(request, 64 * 1024, cancel);
        if (bodyError is not null)
        {
            return bodyError.ToResult();
        }

        string? checklist;
        try
        {
            checklist = JsonSerializer.Deserialize<StartApplication>(text!, JsonSerializerOptions.Web)?.Checklist;
        }
        catch (JsonException e)
        {
            return ApiError.BadInput(new InputError(RequestBody.FileName, (int)(e.LineNumber ?? -1) + 1, (int)(e.BytePositionInLine ?? -1) + 1, "", "JSON syntax error")).ToResult();
        }

        if (checklist is null || catalogs.Find(checklist) is null)
        {
            return ApiError.BadInput(new InputError(RequestBody.FileName, 0, 0, "checklist", $"unknown checklist '{checklist}' (known: {string.Join(", ", catalogs.All.Select(c => c.Id))})")).ToResult();
        }

        var existing = await db.Applications.Where(a => a.PartnerId == partnerId && a.ChecklistId == checklist).Select(a => (Guid?)a.Id).FirstOrDefaultAsync(cancel);
        if (existing is { } existingId)
        {
            return AlreadyStarted(existingId);
        }

        var partner = await db.Partners.FirstAsync(p => p.Id == partnerId, cancel);
        var now = clock.GetUtcNow();
        var application = new ApplicationRecord { Id = Guid.NewGuid(), PartnerId = partnerId, ChecklistId = checklist, CreatedAt = now, UpdatedAt = now, Revision = 1, PartnerName = partner.Name };
        db.Applications.Add(application);
        try
        {
            await db.SaveChangesAsync(cancel);
        }
        catch (DbUpdateException)
        {
            // Two starts at once: the unique index let one through
            db.ChangeTracker.Clear();
            var winner = await db.Applications.Where(a => a.PartnerId == partnerId && a.ChecklistId == checklist).Select(a => (Guid?)a.Id).FirstOrDefaultAsync(cancel);
            return winner is { } winnerId ? AlreadyStarted(winnerId) : throw new InvalidOperationException("the application could not be saved");
        }

        return TypedResults.Created($"{ApiEndpoints.Prefix}/applications/{application.Id}", await DetailAsync(db, access.Value, application.Id, cancel));
    }

    private static ProblemHttpResult AlreadyStarted(Guid id) => ApiError.Conflict(
        "The partner already has an application for this checklist.",
        new Dictionary<string, object?> { ["applicationId"] = id, ["location"] = $"{ApiEndpoints.Prefix}/applications/{id}" }).ToResult();

    private static async Task<Results<ReadinessJsonResult, ProblemHttpResult>> Readiness(
        Guid id, string? asOf, string? lang, AttestDbContext db, Catalogs catalogs, ApplicationEvidence evidence, RequestLanguage language, OfficeClock clock, CancellationToken cancel)
    {
        var day = clock.Today;
        if (asOf is not null)
        {
            var (given, problem) = DateRange.Parse(asOf);
            if (given is null)
            {
                return ApiError.BadInput(new InputError("query", 0, 0, "asOf", problem!)).ToResult();
            }

            day = given.Value;
        }

        var texts = language.Value;
        if (lang is not null && !Languages.TryParse(lang, out texts))
        {
            return ApiError.BadInput(new InputError("query", 0, 0, "lang", $"expected en or fr, got '{lang}'")).ToResult();
        }

        var record = await ApplicationQueries.LoadHeaderAsync(db, id, cancel);
        if (record is null || catalogs.Find(record.ChecklistId) is not { } catalog)
        {
            return ApiError.NotFound("The application").ToResult();
        }

        // As the dashboard counts it: with the library's evidence, and the findings of the infrastructure code scanned so
        // far; the report of the application's readiness revision and day is evaluated once per instance
        var evaluated = await evidence.EvaluateCachedAsync(record, catalog, day, cancel);
        IReadOnlyList<string> warnings = evaluated.Progress.Running
            ? [EvidenceTexts.Format(EvidenceTexts.StillScanning.In(texts), evaluated.Progress.Scanned, evaluated.Progress.Total)]
            : [];
        return new ReadinessJsonResult(evaluated.Report, texts, warnings);
    }

    private static async Task<Results<FileContentHttpResult, ProblemHttpResult>> Export(Guid id, AttestDbContext db)
    {
        var record = await ApplicationQueries.LoadAsync(db, id, tracking: false);
        if (record is null)
        {
            return ApiError.NotFound("The application").ToResult();
        }

        var text = ApplicationWriter.Write(ApplicationMapping.ToDomain(record));
        return TypedResults.File(Encoding.UTF8.GetBytes(text), "application/yaml; charset=utf-8", $"{record.ChecklistId}-{record.Id:N}.yaml");
    }

    private static async Task<Results<Ok<ApplicationDetail>, ProblemHttpResult>> Import(
        Guid id, HttpRequest request, AttestDbContext db, CurrentAccess access, Catalogs catalogs, TimeProvider clock, CancellationToken cancel)
    {
        var record = await ApplicationQueries.LoadAsync(db, id, tracking: true, cancel);
        if (record is null)
        {
            return ApiError.NotFound("The application").ToResult();
        }

        if (!access.Value.CanEdit(record.PartnerId))
        {
            return ApiError.CannotEdit.ToResult();
        }

        if (await Attest.Web.Features.Workflow.DecidedApplications.IsDecidedAsync(db, record.Id, cancel))
        {
            return ApiError.Conflict(Attest.Web.Features.Workflow.DecidedApplications.ReadOnly.En).ToResult();
        }

        if (RequestBody.IfMatch(request) is { } ifMatch && !RequestBody.Matches(ifMatch, record.Revision))
        {
            return ApiError.Stale(record.Revision).ToResult();
        }

        var (text, bodyError) = await RequestBody.ReadTextAsync(request, MaxImportBytes, cancel);
        if (bodyError is not null)
        {
            return bodyError.ToResult();
        }

        var (imported, error) = ApplicationReader.Read(text!, RequestBody.FileName, catalogs.All);
        if (error is not null)
        {
            return ApiError.BadInput(error).ToResult();
        }

        if (imported!.Checklist != record.ChecklistId)
        {
            return ApiError.BadInput(new InputError(RequestBody.FileName, 0, 0, "checklist", $"this application is on {record.ChecklistId}, the file is on {imported.Checklist}")).ToResult();
        }

        if (ApplicationMapping.CheckPartnerName(imported, await ApplicationMapping.OwnerNameAsync(db, record.PartnerId, cancel), RequestBody.FileName, text!) is { } impostor)
        {
            return ApiError.BadInput(impostor).ToResult();
        }

        // One save: the old content goes and the new arrives together, or nothing changes
        await ApplicationMapping.ReplaceAsync(db, record, imported, cancel);

        record.UpdatedAt = clock.GetUtcNow();
        try
        {
            await db.SaveChangesAsync(cancel);
        }
        catch (DbUpdateConcurrencyException)
        {
            db.ChangeTracker.Clear();
            var current = await db.Applications.Where(a => a.Id == id).Select(a => (long?)a.Revision).FirstOrDefaultAsync(cancel);
            return ApiError.Stale(current).ToResult();
        }

        db.ChangeTracker.Clear();
        var detail = (await DetailAsync(db, access.Value, id, cancel))!;
        request.HttpContext.Response.Headers.ETag = RequestBody.ETag(detail.Revision);
        return TypedResults.Ok(detail);
    }

    private static async Task<ApplicationDetail?> DetailAsync(AttestDbContext db, Access access, Guid id, CancellationToken cancel)
    {
        var a = await db.Applications.AsNoTracking().FirstOrDefaultAsync(a => a.Id == id, cancel);
        if (a is null)
        {
            return null;
        }

        var caseStudies = await db.CaseStudies.AsNoTracking().Where(c => c.ApplicationId == id)
            .Select(c => new { c.Position, c.Key, c.Customer, c.Revision, c.UpdatedAt })
            .ToListAsync(cancel);
        var items = await db.SelfAssessment.AsNoTracking().Where(s => s.ApplicationId == id).Select(s => s.ItemId).ToListAsync(cancel);
        return new ApplicationDetail(
            a.Id,
            a.PartnerId,
            a.PartnerName,
            a.ChecklistId,
            ApplicationSummary.StatusName(a.Status),
            a.Revision,
            a.CreatedAt,
            a.UpdatedAt,
            access.CanEdit(a.PartnerId),
            caseStudies.OrderBy(c => c.Position).Select(c => new CaseStudySummary(c.Key, c.Customer, c.Revision, c.UpdatedAt)).ToList(),
            items.Order(StringComparer.Ordinal).ToList());
    }
}
