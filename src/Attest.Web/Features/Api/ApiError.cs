using Attest.Core.Documents;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Attest.Web.Features.Api;

/// <summary>An expected failure of an API call: a value the endpoints return, turned into ProblemDetails at the edge.</summary>
public sealed record ApiError(int Status, string Title, string Detail, IReadOnlyDictionary<string, object?>? Extensions = null)
{
    /// <summary>Invisible and nonexistent look the same: the caller learns nothing about other partners.</summary>
    public static ApiError NotFound(string what) => new(StatusCodes.Status404NotFound, "Not found", $"{what} does not exist, or you may not see it.");

    public static ApiError Forbidden(string why) => new(StatusCodes.Status403Forbidden, "Forbidden", why);

    public static ApiError CannotEdit { get; } = Forbidden("You may see this application but not change it.");

    public static ApiError PreconditionRequired { get; } = new(
        StatusCodes.Status428PreconditionRequired,
        "If-Match required",
        "Send the revision you edited as 'If-Match: \"<revision>\"' (the ETag of the GET), so that nobody's save is silently overwritten.");

    public static ApiError Stale(long? current) => new(
        StatusCodes.Status412PreconditionFailed,
        "Changed since you read it",
        current is null ? "It does not exist (any more)." : $"Someone saved revision {current} since: read it again, merge, and send If-Match: \"{current}\".",
        new Dictionary<string, object?> { ["currentRevision"] = current });

    public static ApiError Conflict(string detail, IReadOnlyDictionary<string, object?>? extensions = null) => new(StatusCodes.Status409Conflict, "Conflict", detail, extensions);

    public static ApiError TooLarge(long limit) => new(StatusCodes.Status413PayloadTooLarge, "Body too large", $"The body may be at most {limit / 1024} KiB.");

    /// <summary>An input that cannot be read, with its place: file, line, column and field.</summary>
    public static ApiError BadInput(InputError error)
    {
        var extensions = new Dictionary<string, object?> { ["file"] = error.File, ["field"] = error.Field, ["problem"] = error.Problem };
        if (error.Line > 0)
        {
            extensions["line"] = error.Line;
            extensions["column"] = error.Column;
        }

        return new(StatusCodes.Status400BadRequest, "The input cannot be read", error.ToString(), extensions);
    }

    public ProblemHttpResult ToResult() => TypedResults.Problem(
        detail: Detail,
        statusCode: Status,
        title: Title,
        extensions: Extensions?.ToDictionary(e => e.Key, e => e.Value));
}
