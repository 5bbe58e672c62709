using System.Text;
using System.Text.Json;
using Attest.Core.Documents;
using Microsoft.Net.Http.Headers;

namespace Attest.Web.Features.Api;

/// <summary>Reading a request body as UTF-8 text, never more than a limit; the parse is the caller's.</summary>
public static class RequestBody
{
    /// <summary>The name input errors give the body in place of a file name.</summary>
    public const string FileName = "body";

    public static async Task<(string? Text, ApiError? Error)> ReadTextAsync(HttpRequest request, long limit, CancellationToken cancel)
    {
        if (request.ContentLength > limit)
        {
            return (null, ApiError.TooLarge(limit));
        }

        using var buffer = new MemoryStream();
        var chunk = new byte[16 * 1024];
        try
        {
            int read;
            while ((read = await request.Body.ReadAsync(chunk, cancel)) > 0)
            {
                if (buffer.Length + read > limit)
                {
                    return (null, ApiError.TooLarge(limit));
                }

                buffer.Write(chunk, 0, read);
            }
        }
        catch (BadHttpRequestException e) when (e.StatusCode == StatusCodes.Status413PayloadTooLarge)
        {
            return (null, ApiError.TooLarge(limit));
        }

        if (buffer.Length == 0)
        {
            return (null, ApiError.BadInput(new InputError(FileName, 0, 0, "", "the body is empty")));
        }

        try
        {
            return (new UTF8Encoding(false, throwOnInvalidBytes: true).GetString(buffer.GetBuffer(), 0, (int)buffer.Length).TrimStart('\uFEFF'), null);
        }
        catch (DecoderFallbackException)
        {
            return (null, ApiError.BadInput(new InputError(FileName, 0, 0, "", "the body is not UTF-8 text")));
        }
    }

    /// <summary>A JSON object of type <typeparamref name="T"/> (web naming), read as <see cref="ReadTextAsync"/> reads text.</summary>
    public static async Task<(T? Value, ApiError? Error)> ReadJsonAsync<T>(HttpRequest request, long limit, CancellationToken cancel)
        where T : class
    {
        var (text, bodyError) = await ReadTextAsync(request, limit, cancel);
        if (bodyError is not null)
        {
            return (null, bodyError);
        }

        try
        {
            return JsonSerializer.Deserialize<T>(text!, JsonSerializerOptions.Web) is { } value
                ? (value, null)
                : (null, ApiError.BadInput(new InputError(FileName, 0, 0, "", "expected a JSON object")));
        }
        catch (JsonException e)
        {
            var field = e.Path is { Length: > 2 } path && path.StartsWith("$.", StringComparison.Ordinal) ? path[2..] : "";
            return (null, ApiError.BadInput(new InputError(FileName, (int)(e.LineNumber ?? -1) + 1, (int)(e.BytePositionInLine ?? -1) + 1, field, "JSON syntax error, or a value of the wrong type")));
        }
    }

    /// <summary>The revision an <c>If-Match</c> header names: null when absent; -1 when it names none we could have issued.</summary>
    public static long? IfMatch(HttpRequest request)
    {
        var header = request.Headers[HeaderNames.IfMatch].ToString().Trim();
        if (header.Length == 0)
        {
            return null;
        }

        if (header == "*")
        {
            return long.MaxValue;
        }

        var value = header.StartsWith("W/", StringComparison.Ordinal) ? header[2..] : header;
        return value.Length > 2 && value[0] == '"' && value[^1] == '"' && long.TryParse(value.AsSpan(1, value.Length - 2), System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var revision)
            ? revision
            : -1;
    }

    /// <summary>Whether an <c>If-Match</c> value (from <see cref="IfMatch"/>) matches a resource at <paramref name="current"/> (null: none).</summary>
    public static bool Matches(long ifMatch, long? current) => current is { } revision && (ifMatch == long.MaxValue || ifMatch == revision);

    public static string ETag(long revision) => $"\"{revision}\"";
}
