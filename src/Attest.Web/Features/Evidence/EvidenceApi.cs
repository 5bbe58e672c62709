using Attest.Core.Documents;
using Attest.Core.Text;
using Attest.Web.Data;
using Attest.Web.Features.Api;
using Attest.Web.Infrastructure;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace Attest.Web.Features.Evidence;

/// <summary>
/// The evidence library: what the caller may see of it, downloads, uploads and links, attaching and detaching, deleting.
/// The same rules as the library's pages, through the same actions (<see cref="AddEvidenceFile"/>,
/// <see cref="AddEvidenceLink"/>, <see cref="AttachEvidence"/>, <see cref="DeleteEvidence"/>, <see cref="DownloadEvidence"/>):
/// partner users and managers see their partners' pieces, the program office those backing a submitted application;
/// only the alliance leads and contributors of a partner change its library.
/// </summary>
public static class EvidenceApi
{
    public const long MaxJsonBytes = 64 * 1024;

    private static ApiError NotFound { get; } = ApiError.NotFound("The evidence");

    private static ApiError CannotAdd { get; } = ApiError.Forbidden("Only the alliance leads and contributors of a partner add evidence to its library.");

    public static RouteGroupBuilder MapEvidence(this RouteGroupBuilder api)
    {
        var evidence = api.MapGroup("/evidence").WithTags("Evidence");
        evidence.MapGet("/", List).WithName("ListEvidence").WithSummary("The evidence the caller may see, newest first");
        evidence.MapGet("/{id:guid}", Get).WithName("GetEvidence").WithSummary("One piece of evidence and where it is attached").ProducesProblem(StatusCodes.Status404NotFound);
        evidence.MapGet("/{id:guid}/download", Download)
            .WithName("DownloadEvidence")
            .WithSummary("The file, always as an attachment (never rendered inline), typed from its content")
            .WithDescription("Content-Disposition: attachment; X-Content-Type-Options: nosniff. A type that could be active content (HTML, SVG, XML) is served as application/octet-stream.")
            .Produces(StatusCodes.Status200OK, contentType: "application/octet-stream")
            .ProducesProblem(StatusCodes.Status404NotFound);
        evidence.MapPost("/", Upload)
            .RequireAuthorization(ApiEndpoints.TokenOnly)
            .WithName("UploadEvidence")
            .WithSummary("Upload a file to the caller's library: the raw body is the file (alliance lead, contributor)")
            .WithDescription("Query: name (required), issuedOn (YYYY-MM-DD, optional: when the document was issued). The Content-Type header is ignored: "
                + "the type is read from the content. The body may be at most Attest:MaxUploadBytes (default 50 MB). "
                + "201 with the new piece; 200 with the piece the partner already has when the same content (SHA-256) is in the library.")
            .Accepts<Stream>("application/octet-stream", "*/*")
            .ProducesProblem(StatusCodes.Status400BadRequest).ProducesProblem(StatusCodes.Status403Forbidden).ProducesProblem(StatusCodes.Status413PayloadTooLarge);
        evidence.MapPost("/links", AddLink)
            .RequireAuthorization(ApiEndpoints.TokenOnly)
            .WithName("AddEvidenceLink")
            .WithSummary("Add a web address to the caller's library as evidence (alliance lead, contributor)")
            .Accepts<AddEvidenceLinkRequest>("application/json")
            .ProducesProblem(StatusCodes.Status400BadRequest).ProducesProblem(StatusCodes.Status403Forbidden);
        evidence.MapPost("/{id:guid}/attachments", Attach)
            .RequireAuthorization(ApiEndpoints.TokenOnly)
            .WithName("AttachEvidence")
            .WithSummary("Attach a piece to a case study, a checklist item, or both, of one application")
            .WithDescription("Attached to a case study, infrastructure code is scanned and its findings weigh on readiness.")
            .Accepts<AttachEvidenceRequest>("application/json")
            .ProducesProblem(StatusCodes.Status400BadRequest).ProducesProblem(StatusCodes.Status403Forbidden).ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict);
        evidence.MapDelete("/{id:guid}/attachments/{linkId:guid}", Detach)
            .RequireAuthorization(ApiEndpoints.TokenOnly)
            .WithName("DetachEvidence")
            .WithSummary("Detach a piece from one place")
            .ProducesProblem(StatusCodes.Status403Forbidden).ProducesProblem(StatusCodes.Status404NotFound);
        evidence.MapDelete("/{id:guid}", Delete)
            .RequireAuthorization(ApiEndpoints.TokenOnly)
            .WithName("DeleteEvidence")
            .WithSummary("Delete a piece (and its file once no piece uses it); refused with 409 while attached, unless ?force=true")
            .ProducesProblem(StatusCodes.Status403Forbidden).ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status409Conflict);
        return api;
    }

    private static async Task<Ok<List<EvidencePiece>>> List(AttestDbContext db, CurrentAccess access, CancellationToken cancel) =>
        TypedResults.Ok(await ViewsAsync(db, access.Value, EvidenceVisibility.Visible(db, access.Value), cancel));

    private static async Task<Results<Ok<EvidencePiece>, ProblemHttpResult>> Get(Guid id, AttestDbContext db, CurrentAccess access, CancellationToken cancel) =>
        await ViewAsync(db, access.Value, id, cancel) is { } piece ? TypedResults.Ok(piece) : NotFound.ToResult();

    private static async Task<Results<FileStreamHttpResult, ProblemHttpResult>> Download(Guid id, HttpResponse response, DownloadEvidence download, CancellationToken cancel) =>
        await download.OpenAsync(id, response, cancel) is { } file ? TypedResults.File(file.Content, file.ContentType, file.Name) : NotFound.ToResult();

    private static async Task<Results<Created<EvidencePiece>, Ok<EvidencePiece>, ProblemHttpResult>> Upload(
        string? name, string? issuedOn, HttpContext http, AttestDbContext db, CurrentAccess access, RequestLanguage language, AddEvidenceFile adding, OfficeClock clock, CancellationToken cancel)
    {
        if (EvidenceInput.LibraryOf(access.Value) is not { } partner)
        {
            return CannotAdd.ToResult();
        }

        var (checkedName, nameProblem) = EvidenceInput.CheckName(name, null);
        var (issued, dateProblem) = EvidenceInput.CheckIssuedOn(issuedOn, clock.Today);
        if (Invalid("query", language.Value, ("name", nameProblem), ("issuedOn", dateProblem)) is { } invalid)
        {
            return invalid.ToResult();
        }

        if (!adding.LimitRequest(http, overhead: 0))
        {
            return ApiError.TooLarge(adding.MaxBytes).ToResult();
        }

        ReceivedFile? file;
        try
        {
            file = await adding.ReceiveAsync(http.Request.Body, cancel);
        }
        catch (Exception e) when ((e is IOException or BadHttpRequestException) && !StorageFull.Is(e))
        {
            return new ApiError(StatusCodes.Status400BadRequest, "The body cannot be read", "The upload could not be read. Nothing was stored; please try again.").ToResult();
        }

        if (file is null)
        {
            return ApiError.TooLarge(adding.MaxBytes).ToResult();
        }

        if (file.Size == 0)
        {
            adding.Discard(file);
            return ApiError.BadInput(new InputError(RequestBody.FileName, 0, 0, "", "the body is empty: it is the file to upload")).ToResult();
        }

        var (piece, already) = await adding.AddAsync(file, partner, checkedName!, issued, access.Value.UserId, cancel);
        var view = (await ViewAsync(db, access.Value, piece.Id, cancel))!;
        return already ? TypedResults.Ok(view) : TypedResults.Created(Location(piece.Id), view);
    }

    private static async Task<Results<Created<EvidencePiece>, ProblemHttpResult>> AddLink(
        HttpRequest request, AttestDbContext db, CurrentAccess access, RequestLanguage language, AddEvidenceLink adding, OfficeClock clock, CancellationToken cancel)
    {
        if (EvidenceInput.LibraryOf(access.Value) is not { } partner)
        {
            return CannotAdd.ToResult();
        }

        var (body, bodyError) = await RequestBody.ReadJsonAsync<AddEvidenceLinkRequest>(request, MaxJsonBytes, cancel);
        if (bodyError is not null)
        {
            return bodyError.ToResult();
        }

        var (url, urlProblem) = EvidenceInput.CheckUrl(body!.Url);
        var (name, nameProblem) = EvidenceInput.CheckName(body.Name, null);
        var (issued, dateProblem) = EvidenceInput.CheckIssuedOn(body.IssuedOn, clock.Today);
        if (Invalid(RequestBody.FileName, language.Value, ("url", urlProblem), ("name", nameProblem), ("issuedOn", dateProblem)) is { } invalid)
        {
            return invalid.ToResult();
        }

        var piece = await adding.AddAsync(partner, name!, url!, issued, access.Value.UserId, cancel);
        return TypedResults.Created(Location(piece.Id), await ViewAsync(db, access.Value, piece.Id, cancel));
    }

    private static async Task<Results<Created<EvidenceAttachment>, ProblemHttpResult>> Attach(
        Guid id, HttpRequest request, AttestDbContext db, CurrentAccess access, AttachEvidence attaching, CancellationToken cancel)
    {
        var (piece, error) = await EditableAsync(db, access.Value, id, cancel);
        if (error is not null)
        {
            return error.ToResult();
        }

        var (body, bodyError) = await RequestBody.ReadJsonAsync<AttachEvidenceRequest>(request, MaxJsonBytes, cancel);
        if (bodyError is not null)
        {
            return bodyError.ToResult();
        }

        if (body!.ApplicationId is null)
        {
            return BadField("applicationId", "required: the application to attach the evidence in").ToResult();
        }

        var caseStudy = string.IsNullOrWhiteSpace(body.CaseStudy) ? null : body.CaseStudy;
        var item = string.IsNullOrWhiteSpace(body.Item) ? null : body.Item;
        var (link, problem) = await attaching.AttachAsync(piece!, body.ApplicationId, caseStudy, item, cancel);
        return problem switch
        {
            null => TypedResults.Created($"{Location(id)}/attachments/{link!.Id}", View(link)),
            AttachProblem.NothingChosen => BadField("caseStudy", "give a case study (key), an item (id), or both").ToResult(),
            AttachProblem.UnknownApplication => ApiError.NotFound("The application").ToResult(),
            AttachProblem.UnknownCaseStudy => BadField("caseStudy", $"the application has no case study '{caseStudy}'").ToResult(),
            AttachProblem.UnknownItem => BadField("item", $"the application's checklist has no item '{item}'").ToResult(),
            _ => ApiError.Conflict(
                "The evidence is already attached there.",
                new Dictionary<string, object?> { ["linkId"] = link!.Id, ["location"] = $"{Location(id)}/attachments/{link.Id}" }).ToResult(),
        };
    }

    private static async Task<Results<NoContent, ProblemHttpResult>> Detach(Guid id, Guid linkId, AttestDbContext db, CurrentAccess access, AttachEvidence attaching, CancellationToken cancel)
    {
        var (_, error) = await EditableAsync(db, access.Value, id, cancel);
        if (error is not null)
        {
            return error.ToResult();
        }

        return await attaching.DetachAsync(id, linkId, cancel) ? TypedResults.NoContent() : ApiError.NotFound("The attachment").ToResult();
    }

    private static async Task<Results<NoContent, ProblemHttpResult>> Delete(Guid id, bool? force, AttestDbContext db, CurrentAccess access, DeleteEvidence deleting, CancellationToken cancel)
    {
        var (piece, error) = await EditableAsync(db, access.Value, id, cancel);
        if (error is not null)
        {
            return error.ToResult();
        }

        var deletion = await deleting.DeleteAsync(piece!, evenIfAttached: force == true, cancel);
        return deletion.Deleted
            ? TypedResults.NoContent()
            : ApiError.Conflict(
                $"The evidence is still attached to {deletion.Attachments} place(s); detach it first, or delete it with ?force=true to detach it everywhere.",
                new Dictionary<string, object?> { ["attachments"] = deletion.Attachments }).ToResult();
    }

    private static string Location(Guid id) => $"{ApiEndpoints.Prefix}/evidence/{id}";


    private static ApiError BadField(string field, string problem) => ApiError.BadInput(new InputError(RequestBody.FileName, 0, 0, field, problem));

    /// <summary>The first of the fields' problems as an input error of <paramref name="file"/>, in the request's language; null when none has one.</summary>
    private static ApiError? Invalid(string file, Language language, params (string Field, LocalizedString? Problem)[] checks) =>
        checks.FirstOrDefault(c => c.Problem is not null) is (var field, { } problem) ? ApiError.BadInput(new InputError(file, 0, 0, field, problem.In(language))) : null;

    /// <summary>The visible piece <paramref name="id"/> when the caller may change it: otherwise 404 (not visible) or 403.</summary>
    private static async Task<(EvidenceRecord? Piece, ApiError? Error)> EditableAsync(AttestDbContext db, Access access, Guid id, CancellationToken cancel)
    {
        var piece = await EvidenceVisibility.Visible(db, access).FirstOrDefaultAsync(e => e.Id == id, cancel);
        return piece is null ? (null, NotFound)
            : !access.CanEdit(piece.PartnerId) ? (null, ApiError.Forbidden("You may see this evidence but not change it."))
            : (piece, null);
    }

    private static async Task<EvidencePiece?> ViewAsync(AttestDbContext db, Access access, Guid id, CancellationToken cancel) =>
        (await ViewsAsync(db, access, EvidenceVisibility.Visible(db, access).Where(e => e.Id == id), cancel)).SingleOrDefault();

    private static async Task<List<EvidencePiece>> ViewsAsync(AttestDbContext db, Access access, IQueryable<EvidenceRecord> pieces, CancellationToken cancel)
    {
        var rows = await pieces.AsNoTracking().ToListAsync(cancel);
        var links = (await EvidenceVisibility.VisibleLinks(db).AsNoTracking().Where(l => pieces.Select(e => e.Id).Contains(l.EvidenceId)).ToListAsync(cancel))
            .ToLookup(l => l.EvidenceId);

        // Ordered here: SQLite cannot order by a date with an offset
        return rows
            .OrderByDescending(e => e.AddedAt).ThenBy(e => e.Name, StringComparer.Ordinal)
            .Select(e => new EvidencePiece(
                e.Id,
                e.PartnerId,
                e.Name,
                e.Url,
                e.Sha256,
                e.Size,
                e.ContentType,
                e.AddedAt,
                e.IssuedOn,
                access.CanEdit(e.PartnerId),
                e.Sha256 is null ? null : $"{Location(e.Id)}/download",
                links[e.Id].OrderBy(l => l.ApplicationId).ThenBy(l => l.CaseStudyKey, StringComparer.Ordinal).ThenBy(l => l.ItemId, StringComparer.Ordinal).Select(View).ToList()))
            .ToList();
    }

    private static EvidenceAttachment View(EvidenceLink link) => new(link.Id, link.ApplicationId, link.CaseStudyKey, link.ItemId);
}
