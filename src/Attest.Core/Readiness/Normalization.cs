using System.Text;

namespace Attest.Core.Readiness;

/// <summary>How names, domains and addresses are compared.</summary>
public static class Normalization
{
    /// <summary>A customer name for comparison: case folded, every space removed, Unicode compatibility-normalized.</summary>
    public static string CustomerName(string name)
    {
        var builder = new StringBuilder(name.Length);
        foreach (var c in name.Normalize(NormalizationForm.FormKC))
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
        if (ParseWeb(website) is not { } uri)
        {
            return null;
        }

        var host = uri.IdnHost.TrimEnd('.').ToLowerInvariant();
        return host.StartsWith("www.", StringComparison.Ordinal) ? host[4..] : host;
    }

    /// <summary>
    /// An address in a form where two addresses of the same page are equal: http and https alike, host in lower case,
    /// default port, trailing slash and fragment dropped. Null when it is not a web address.
    /// </summary>
    public static string? Url(string address)
    {
        if (ParseWeb(address) is not { } uri)
        {
            return null;
        }

        var host = uri.IdnHost.TrimEnd('.').ToLowerInvariant();
        var port = uri.IsDefaultPort ? "" : ":" + uri.Port.ToString(System.Globalization.CultureInfo.InvariantCulture);
        var path = uri.AbsolutePath.TrimEnd('/');
        return $"{host}{port}{path}{uri.Query}";
    }

    /// <summary>Whether two addresses name the same page.</summary>
    public static bool SameUrl(string? a, string? b) =>
        a is not null && b is not null && Url(a) is { } x && Url(b) is { } y && x == y;

    private static Uri? ParseWeb(string address)
    {
        var text = address.Trim();
        if (text.Length == 0 || text.Any(char.IsWhiteSpace))
        {
            return null;
        }

        if (!text.Contains("://", StringComparison.Ordinal))
        {
            text = "https://" + text;
        }

        return Uri.TryCreate(text, UriKind.Absolute, out var uri)
            && (uri.Scheme == Uri.UriSchemeHttp || uri.Scheme == Uri.UriSchemeHttps)
            && uri.Host.Length > 0
            ? uri
            : null;
    }
}
