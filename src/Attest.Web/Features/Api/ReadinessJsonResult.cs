using Attest.Core.Readiness;
using Attest.Core.Text;

namespace Attest.Web.Features.Api;

/// <summary>
/// A readiness report written as JSON straight into the response body: the report is tens of kilobytes, and going
/// through a string would put a large object on the heap for every request.
/// </summary>
public sealed class ReadinessJsonResult(ReadinessReport report, Language language, IReadOnlyList<string> warnings) : IResult, IStatusCodeHttpResult, IContentTypeHttpResult
{
    public int? StatusCode => StatusCodes.Status200OK;

    public string ContentType => "application/json; charset=utf-8";

    public async Task ExecuteAsync(HttpContext httpContext)
    {
        httpContext.Response.StatusCode = StatusCodes.Status200OK;
        httpContext.Response.ContentType = ContentType;
        ReadinessJson.WriteTo(httpContext.Response.BodyWriter, report, language, warnings);
        await httpContext.Response.BodyWriter.FlushAsync(httpContext.RequestAborted);
    }
}
