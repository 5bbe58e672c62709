using Attest.Core.Readiness;

namespace Attest.Core.Site;

/// <summary>How the site check compares addresses: http and https alike, <c>www.</c> tolerated, fragment and trailing slash ignored.</summary>
public static class SiteAddress
{
    /// <summary>A comparison key for a page address; null when it is not a web address.</summary>
    public static string? Key(string? url)
    {
        if (url is null || Normalization.Url(url) is not { } form)
        {
            return null;
        }

        return form.StartsWith("www.", StringComparison.Ordinal) ? form[4..] : form;
    }

    /// <summary>The host without a leading <c>www.</c>, lower case.</summary>
    public static string SiteHost(Uri uri)
    {
        var host = uri.IdnHost.TrimEnd('.').ToLowerInvariant();
        return host.StartsWith("www.", StringComparison.Ordinal) ? host[4..] : host;
    }

    /// <summary>Whether two absolute http(s) addresses belong to the same site: same host (give or take <c>www.</c>), same port unless both use their scheme's default.</summary>
    public static bool SameSite(Uri a, Uri b)
    {
        if (!IsWeb(a) || !IsWeb(b) || SiteHost(a) != SiteHost(b))
        {
            return false;
        }

        return (a.IsDefaultPort && b.IsDefaultPort) || a.Port == b.Port;
    }

    /// <summary>Same as <see cref="SameSite(Uri, Uri)"/> for addresses as written; false when either is not an absolute web address.</summary>
    public static bool SameSite(string a, string b) => Parse(a) is { } x && Parse(b) is { } y && SameSite(x, y);

    /// <summary>An absolute http(s) address from one as written, https assumed when the scheme is missing; null otherwise.</summary>
    public static Uri? Parse(string address)
    {
        var text = address.Trim();
        if (!text.Contains("://", StringComparison.Ordinal))
        {
            text = "https://" + text;
        }

        return Uri.TryCreate(text, UriKind.Absolute, out var uri) && IsWeb(uri) ? uri : null;
    }

    /// <summary>Whether <paramref name="uri"/> is an absolute http or https address.</summary>
    public static bool IsWeb(Uri uri) => uri.IsAbsoluteUri && (uri.Scheme == Uri.UriSchemeHttp || uri.Scheme == Uri.UriSchemeHttps);
}
