using System.Globalization;
using System.Text.Json;
using AngleSharp.Dom;
using AngleSharp.Html.Parser;
using Attest.Core.Site;

namespace Attest.Evidence.Site;

/// <summary>What one HTML page says about itself: its links, title, language and publication date.</summary>
public sealed record PageFacts
{
    /// <summary>The absolute http(s) addresses it links to, fragments dropped, in document order, without repeats.</summary>
    public IReadOnlyList<Uri> Links { get; init; } = [];

    /// <summary>Its title.</summary>
    public string? Title { get; init; }

    /// <summary>Its language, lower case.</summary>
    public string? Language { get; init; }

    /// <summary>The publication date it declares.</summary>
    public DateOnly? Published { get; init; }

    /// <summary>Where that date was read.</summary>
    public DateSource? DateSource { get; init; }
}

/// <summary>
/// Reads an HTML page with AngleSharp. The publication date is taken, in this order, from JSON-LD <c>datePublished</c>
/// (in objects, arrays and <c>@graph</c>), <c>&lt;meta property="article:published_time"&gt;</c>, then the first
/// <c>&lt;time datetime&gt;</c>; the calendar day is the one written on the page, whatever the time zone.
/// </summary>
public static class PageReader
{
    private const int MaxJsonLdChars = 1024 * 1024;
    private const int MaxLinks = 5000;

    /// <summary>Reads <paramref name="html"/> fetched from <paramref name="address"/>; <paramref name="contentLanguage"/> is the HTTP header, if any.</summary>
    public static PageFacts Read(Stream html, Uri address, string? contentLanguage = null)
    {
        var parser = new HtmlParser(new HtmlParserOptions { IsScripting = false });
        using var document = parser.ParseDocument(html);
        return Read(document, address, contentLanguage);
    }

    /// <summary>Reads <paramref name="html"/> as text.</summary>
    public static PageFacts Read(string html, Uri address, string? contentLanguage = null)
    {
        var parser = new HtmlParser(new HtmlParserOptions { IsScripting = false });
        using var document = parser.ParseDocument(html);
        return Read(document, address, contentLanguage);
    }

    private static PageFacts Read(IDocument document, Uri address, string? contentLanguage)
    {
        var (published, source) = PublicationDate(document);
        var language = document.DocumentElement?.GetAttribute("lang") is { Length: > 0 } lang ? lang : contentLanguage?.Split(',')[0];
        var title = document.QuerySelector("title")?.TextContent.Trim();
        return new PageFacts
        {
            Links = Links(document, address),
            Title = string.IsNullOrEmpty(title) ? null : title,
            Language = string.IsNullOrWhiteSpace(language) ? null : language.Trim().ToLowerInvariant(),
            Published = published,
            DateSource = source,
        };
    }

    private static List<Uri> Links(IDocument document, Uri address)
    {
        var baseAddress = address;
        if (document.QuerySelector("base[href]")?.GetAttribute("href") is { } baseHref && Uri.TryCreate(address, baseHref.Trim(), out var declaredBase) && SiteAddress.IsWeb(declaredBase))
        {
            baseAddress = declaredBase;
        }

        var links = new List<Uri>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var element in document.QuerySelectorAll("a[href], area[href]"))
        {
            var href = element.GetAttribute("href")!.Trim();
            if (href.Length == 0 || href.StartsWith('#') || !Uri.TryCreate(baseAddress, href, out var target) || !SiteAddress.IsWeb(target))
            {
                continue;
            }

            var withoutFragment = new UriBuilder(target) { Fragment = "" }.Uri;
            if (seen.Add(withoutFragment.AbsoluteUri))
            {
                links.Add(withoutFragment);
                if (links.Count >= MaxLinks)
                {
                    break;
                }
            }
        }

        return links;
    }

    private static (DateOnly?, DateSource?) PublicationDate(IDocument document)
    {
        foreach (var script in document.QuerySelectorAll("script[type]"))
        {
            if (!script.GetAttribute("type")!.Trim().Equals("application/ld+json", StringComparison.OrdinalIgnoreCase) || script.TextContent.Length > MaxJsonLdChars)
            {
                continue;
            }

            try
            {
                using var json = JsonDocument.Parse(script.TextContent, new JsonDocumentOptions { AllowTrailingCommas = true, CommentHandling = JsonCommentHandling.Skip, MaxDepth = 32 });
                if (DatePublished(json.RootElement) is { } fromJson)
                {
                    return (fromJson, Core.Site.DateSource.JsonLd);
                }
            }
            catch (JsonException)
            {
                // A broken JSON-LD block says nothing; the other sources may still
            }
        }

        foreach (var meta in document.QuerySelectorAll("meta"))
        {
            var name = meta.GetAttribute("property") ?? meta.GetAttribute("name");
            if (string.Equals(name?.Trim(), "article:published_time", StringComparison.OrdinalIgnoreCase) && ParseDate(meta.GetAttribute("content")) is { } fromMeta)
            {
                return (fromMeta, Core.Site.DateSource.Meta);
            }
        }

        foreach (var time in document.QuerySelectorAll("time[datetime]"))
        {
            if (ParseDate(time.GetAttribute("datetime")) is { } fromTime)
            {
                return (fromTime, Core.Site.DateSource.Time);
            }
        }

        return (null, null);
    }

    // Depth-first, document order: the first datePublished wins
    private static DateOnly? DatePublished(JsonElement element)
    {
        switch (element.ValueKind)
        {
            case JsonValueKind.Object:
                if (element.TryGetProperty("datePublished", out var value))
                {
                    var text = value.ValueKind switch
                    {
                        JsonValueKind.String => value.GetString(),
                        JsonValueKind.Array => value.EnumerateArray().Where(v => v.ValueKind == JsonValueKind.String).Select(v => v.GetString()).FirstOrDefault(),
                        JsonValueKind.Object when value.TryGetProperty("@value", out var inner) && inner.ValueKind == JsonValueKind.String => inner.GetString(),
                        _ => null,
                    };
                    if (ParseDate(text) is { } date)
                    {
                        return date;
                    }
                }

                foreach (var property in element.EnumerateObject())
                {
                    if (property.Name != "datePublished" && DatePublished(property.Value) is { } nested)
                    {
                        return nested;
                    }
                }

                return null;
            case JsonValueKind.Array:
                foreach (var item in element.EnumerateArray())
                {
                    if (DatePublished(item) is { } inArray)
                    {
                        return inArray;
                    }
                }

                return null;
            default:
                return null;
        }
    }

    /// <summary>The calendar day of an ISO 8601 date or date-time as written (<c>2026-03-01</c>, <c>2026-03-01T23:30:00-05:00</c>); null otherwise.</summary>
    internal static DateOnly? ParseDate(string? text)
    {
        if (text is null)
        {
            return null;
        }

        var trimmed = text.Trim();
        if (trimmed.Length >= 10 && DateOnly.TryParseExact(trimmed.AsSpan(0, 10), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var day)
            && (trimmed.Length == 10 || trimmed[10] is 'T' or 't' or ' '))
        {
            return day;
        }

        return null;
    }
}
