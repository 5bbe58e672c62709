using System.Text;

using Attest.Core.Findings;
using Attest.Core.Site;

namespace Attest.Core.Readiness;

/// <summary>How names, domains and addresses are compared.</summary>
public static class Normalization
{
    /// <summary>A customer name for comparison: case folded, every space removed, Unicode compatibility-normalized.</summary>
    public static string CustomerName(string name)
    {
        // Compatibility normalization only matters beyond ASCII
        var text = IsAscii(name) ? name : name.Normalize(NormalizationForm.FormKC);
        var builder = new StringBuilder(text.Length);
        foreach (var c in text)
        {
            if (!char.IsWhiteSpace(c))
            {
                builder.Append(char.ToLowerInvariant(c));
            }
        }

        return builder.ToString();
    }

    /// <summary>The web domain of a site address (scheme optional), lower case, without <c>www.</c>; null when it is not a web address.</summary>
    public static string? WebDomain(string website)
    {
        if (Split(website) is not { } parts)
        {
            return null;
        }

        return parts.Host.StartsWith("www.", StringComparison.Ordinal) ? parts.Host[4..] : parts.Host;
    }

    /// <summary>
    /// An address in a form where two addresses of the same page are equal: http and https alike, host in lower case,
    /// default port, trailing slash and fragment dropped. Null when it is not a web address.
    /// </summary>
    public static string? Url(string address)
    {
        if (Split(address) is not { } parts)
        {
            return null;
        }

        var port = parts.Port is null || parts.Port == parts.DefaultPort ? "" : ":" + parts.Port;
        return string.Concat(parts.Host, port, parts.Path.TrimEnd('/'), parts.Query);
    }

    /// <summary>Whether two addresses name the same page.</summary>
    public static bool SameUrl(string? a, string? b) =>
        a is not null && b is not null && Url(a) is { } x && Url(b) is { } y && x == y;

    private static bool IsAscii(string text)
    {
        foreach (var c in text)
        {
            if (c > 127)
            {
                return false;
            }
        }

        return true;
    }

    private sealed record UrlParts(string Host, string? Port, string DefaultPort, string Path, string Query);

    // A small parser for http(s) addresses, scheme optional: Uri is several times slower and this runs on every evaluation.
    private static UrlParts? Split(string address)
    {
        var text = address.Trim();
        if (text.Length == 0)
        {
            return null;
        }

        var defaultPort = "443";
        var schemeEnd = text.IndexOf("://", StringComparison.Ordinal);
        if (schemeEnd >= 0)
        {
            var scheme = text[..schemeEnd].ToLowerInvariant();
            if (scheme is not ("http" or "https"))
            {
                return null;
            }

            defaultPort = scheme == "http" ? "80" : "443";
            text = text[(schemeEnd + 3)..];
        }

        var fragment = text.IndexOf('#', StringComparison.Ordinal);
        if (fragment >= 0)
        {
            text = text[..fragment];
        }

        var hostEnd = text.IndexOfAny(['/', '?']);
        var authority = hostEnd < 0 ? text : text[..hostEnd];
        var rest = hostEnd < 0 ? "" : text[hostEnd..];
        var queryStart = rest.IndexOf('?', StringComparison.Ordinal);
        var path = queryStart < 0 ? rest : rest[..queryStart];
        var query = queryStart < 0 ? "" : rest[queryStart..];
        if (authority.Contains('@', StringComparison.Ordinal))
        {
            authority = authority[(authority.LastIndexOf('@') + 1)..];
        }

        string? port = null;
        var colon = authority.LastIndexOf(':');
        if (colon >= 0)
        {
            port = authority[(colon + 1)..];
            authority = authority[..colon];
            if (port.Length == 0 || port.Length > 5 || !port.All(char.IsAsciiDigit))
            {
                return null;
            }

            port = port.TrimStart('0');
        }

        var host = authority.TrimEnd('.').ToLowerInvariant();
        if (host.Length == 0 || host.StartsWith('.') || host.Contains("..", StringComparison.Ordinal))
        {
            return null;
        }

        foreach (var c in host)
        {
            if (!(char.IsAsciiLetterOrDigit(c) || c is '-' or '.' || (c > 127 && char.IsLetterOrDigit(c))))
            {
                return null;
            }
        }

        foreach (var c in path)
        {
            if (char.IsWhiteSpace(c) || char.IsControl(c))
            {
                return null;
            }
        }

        return new UrlParts(host, port, defaultPort, path, query);
    }
}

/// <summary>
/// The normal forms of one application's names and addresses, computed on first use and kept for the rest of an
/// evaluation, look-ahead included: parsing addresses is the costliest part of a rule.
/// </summary>
public sealed class NormalForms(CaseStudyFindings findings, SiteObservation? site = null)
{
    /// <summary>The analyzer findings about the case studies' evidence; they do not depend on the date either.</summary>
    public CaseStudyFindings Findings { get; } = findings;

    /// <summary>What a crawl of the partner's web site observed, if one was made; it does not depend on the date either.</summary>
    public SiteObservation? Site { get; } = site;

    private readonly Dictionary<string, string?> urls = new(StringComparer.Ordinal);
    private readonly Dictionary<string, string?> domains = new(StringComparer.Ordinal);
    private readonly Dictionary<string, string> names = new(StringComparer.Ordinal);

    /// <summary>See <see cref="Normalization.Url"/>.</summary>
    public string? Url(string address)
    {
        if (!urls.TryGetValue(address, out var form))
        {
            urls[address] = form = Normalization.Url(address);
        }

        return form;
    }

    /// <summary>See <see cref="Normalization.WebDomain"/>.</summary>
    public string? WebDomain(string website)
    {
        if (!domains.TryGetValue(website, out var form))
        {
            domains[website] = form = Normalization.WebDomain(website);
        }

        return form;
    }

    /// <summary>See <see cref="Normalization.CustomerName"/>.</summary>
    public string CustomerName(string name)
    {
        if (!names.TryGetValue(name, out var form))
        {
            names[name] = form = Normalization.CustomerName(name);
        }

        return form;
    }

    /// <summary>See <see cref="Normalization.SameUrl"/>.</summary>
    public bool SameUrl(string? a, string? b) => a is not null && b is not null && Url(a) is { } x && Url(b) is { } y && x == y;
}
