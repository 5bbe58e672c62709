using System.Text;
using Attest.Web.Data;
using Attest.Web.Infrastructure;
using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Extensions.Options;
using Microsoft.Net.Http.Headers;

namespace Attest.Web.Features.Evidence;

/// <summary>What the upload form shows: the limit and the values posted.</summary>
public sealed record UploadFormValues(long MaxBytes, string? Name, string? IssuedOn);

/// <summary>
/// Receives a file into the library. The multipart body is streamed, never buffered as a form: the request is limited
/// to the upload limit plus the form's other fields, the file part is hashed into a temporary file and refused as soon as
/// it passes the limit, and the antiforgery token — the form's first part — is checked before the file is read. What
/// follows the form (the limit, the store, one piece per content) is <see cref="AddEvidenceFile"/>'s, shared with the API.
/// </summary>
[IgnoreAntiforgeryToken] // Checked by hand below: the framework's check would read, and buffer, the whole form first
public sealed class UploadModel(
    CurrentAccess access,
    RequestLanguage language,
    AddEvidenceFile adding,
    IAntiforgery antiforgery,
    IOptions<AntiforgeryOptions> antiforgeryOptions,
    OfficeClock clock) : PageModel
{
    private const long FormOverhead = 64 * 1024;
    private const int MaxFieldBytes = 8 * 1024;
    private const int MaxSections = 8;
    private const string TokenField = "__RequestVerificationToken";

    public UploadFormValues Values { get; private set; } = new(0, null, null);

    public IActionResult OnGet()
    {
        if (EvidenceInput.LibraryOf(access.Value) is null)
        {
            return NotFound();
        }

        Values = new(adding.MaxBytes, null, null);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync()
    {
        if (EvidenceInput.LibraryOf(access.Value) is not { } partner)
        {
            return NotFound();
        }

        Values = new(adding.MaxBytes, null, null);
        var cancellation = HttpContext.RequestAborted;
        if (!adding.LimitRequest(HttpContext, FormOverhead))
        {
            return TooLarge();
        }

        if (!MediaTypeHeaderValue.TryParse(Request.ContentType, out var mediaType)
            || !mediaType.MediaType.Equals("multipart/form-data", StringComparison.OrdinalIgnoreCase)
            || HeaderUtilities.RemoveQuotes(mediaType.Boundary).Value is not { Length: > 0 and <= 70 } boundary)
        {
            return Unreadable();
        }

        var fields = new Dictionary<string, string>(StringComparer.Ordinal);
        ReceivedFile? received = null;
        string? fileName = null;
        var tokenChecked = false;
        try
        {
            var reader = new MultipartReader(boundary, Request.Body) { HeadersCountLimit = 8, HeadersLengthLimit = 8 * 1024 };
            var sections = 0;
            while (await reader.ReadNextSectionAsync(cancellation) is { } section)
            {
                if (++sections > MaxSections || !ContentDispositionHeaderValue.TryParse(section.ContentDisposition, out var disposition))
                {
                    adding.Discard(received);
                    return Unreadable();
                }

                var name = HeaderUtilities.RemoveQuotes(disposition.Name).Value ?? "";
                if (!disposition.IsFileDisposition())
                {
                    if (await ReadFieldAsync(section.Body, cancellation) is not { } value)
                    {
                        adding.Discard(received);
                        return Unreadable();
                    }

                    fields[name] = value;
                    continue;
                }

                if (name != "file" || received is not null)
                {
                    continue;
                }

                // Nothing of the file is read before the request has shown it comes from our own form
                if (!await TokenIsValidAsync(fields))
                {
                    return BadRequest();
                }

                tokenChecked = true;
                fileName = CleanFileName(disposition.FileNameStar.HasValue ? disposition.FileNameStar.Value : HeaderUtilities.RemoveQuotes(disposition.FileName).Value);
                received = await adding.ReceiveAsync(section.Body, cancellation);
                if (received is null)
                {
                    return TooLarge();
                }
            }
        }
        catch (Exception e) when (e is BadHttpRequestException { StatusCode: StatusCodes.Status413PayloadTooLarge })
        {
            adding.Discard(received);
            return TooLarge();
        }
        catch (Exception e) when ((e is InvalidDataException or IOException or BadHttpRequestException) && !StorageFull.Is(e))
        {
            adding.Discard(received);
            return Unreadable();
        }

        if (!tokenChecked && !await TokenIsValidAsync(fields))
        {
            adding.Discard(received);
            return BadRequest();
        }

        Values = new(adding.MaxBytes, fields.GetValueOrDefault("name"), fields.GetValueOrDefault("issuedOn"));
        var today = clock.Today;
        var issued = EvidenceInput.IssuedOn(Values.IssuedOn, today, "issuedOn", ModelState, language.Value);
        if (received is null || (received.Size == 0 && fileName is null))
        {
            ModelState.AddModelError("file", EvidenceInput.Labelled(Texts.File, Texts.NoFile, language.Value));
        }

        var displayName = EvidenceInput.Name(Values.Name, fileName ?? "upload", "name", ModelState, language.Value);
        if (!ModelState.IsValid)
        {
            adding.Discard(received);
            return Page();
        }

        var (piece, already) = await adding.AddAsync(received!, partner, displayName!, issued, access.Value.UserId, cancellation);
        TempData["Notice"] = already ? Texts.Format(language.T(Texts.AlreadyInLibrary), piece.Name) : language.T(Texts.Uploaded);
        return Redirect($"/evidence/{piece.Id}");
    }

    private static string? CleanFileName(string? name)
    {
        if (string.IsNullOrWhiteSpace(name))
        {
            return null;
        }

        // Browsers of old sent the whole client path: only its last segment names the file
        var last = name[(name.LastIndexOfAny(['/', '\\']) + 1)..];
        var clean = new string(last.Where(c => !char.IsControl(c) && c is not ('\u202E' or '\u202D' or '\u2066' or '\u2067' or '\u2068' or '\u2069')).ToArray()).Trim();
        return clean.Length == 0 ? null : clean.Length > EvidenceInput.MaxName ? clean[..EvidenceInput.MaxName] : clean;
    }

    private static async Task<string?> ReadFieldAsync(Stream body, CancellationToken cancellation)
    {
        var buffer = new byte[MaxFieldBytes + 1];
        var length = await body.ReadAtLeastAsync(buffer, buffer.Length, throwOnEndOfStream: false, cancellation);
        if (length > MaxFieldBytes)
        {
            return null;
        }

        try
        {
            return new UTF8Encoding(false, throwOnInvalidBytes: true).GetString(buffer, 0, length);
        }
        catch (DecoderFallbackException)
        {
            return null;
        }
    }

    // The token travels in the form; handing it to the antiforgery check as a header keeps that check from reading the form
    private async Task<bool> TokenIsValidAsync(Dictionary<string, string> fields)
    {
        if (!fields.TryGetValue(TokenField, out var token) || antiforgeryOptions.Value.HeaderName is not { } header)
        {
            return false;
        }

        Request.Headers[header] = token;
        try
        {
            await antiforgery.ValidateRequestAsync(HttpContext);
            return true;
        }
        catch (AntiforgeryValidationException)
        {
            return false;
        }
    }

    private PageResult TooLarge()
    {
        ModelState.AddModelError("file", Texts.Format(language.T(Texts.TooLarge), Texts.Bytes(adding.MaxBytes, language.Value)));
        Response.StatusCode = StatusCodes.Status413PayloadTooLarge;
        return Page();
    }

    private PageResult Unreadable()
    {
        ModelState.AddModelError("file", language.T(Texts.UnreadableUpload));
        Response.StatusCode = StatusCodes.Status400BadRequest;
        return Page();
    }
}
