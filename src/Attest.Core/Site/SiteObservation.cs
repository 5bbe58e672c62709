namespace Attest.Core.Site;

/// <summary>
/// What a crawl of the partner's web site saw, at one instant: the pages visited from the home page, the pages refused,
/// whether the declared practice page and public case studies were reached, and the publication dates read on the pages.
/// Written and read as JSON by <see cref="SiteObservationJson"/> (format <see cref="FormatV1"/>, see docs/site-observation.md).
/// </summary>
public sealed record SiteObservation
{
    /// <summary>The format version written in the JSON.</summary>
    public const string FormatV1 = "attest/site-observation/v1";

    /// <summary>When the crawl started.</summary>
    public required DateTimeOffset ObservedAt { get; init; }

    /// <summary>The home page the crawl started from, as given.</summary>
    public required string StartUrl { get; init; }

    /// <summary>The bounds the crawl ran under.</summary>
    public SiteLimits Limits { get; init; } = new();

    /// <summary>The bounds that stopped the crawl before it saw the whole site.</summary>
    public IReadOnlyList<SiteLimit> LimitsHit { get; init; } = [];

    /// <summary>The pages fetched, in the order of their depth.</summary>
    public IReadOnlyList<ObservedPage> Pages { get; init; } = [];

    /// <summary>The addresses the crawl declined or failed to read.</summary>
    public IReadOnlyList<RefusedPage> Refused { get; init; } = [];

    /// <summary>The declared practice page, when the crawl was asked to look for one.</summary>
    public ObservedTarget? PracticePage { get; init; }

    /// <summary>The declared public case studies the crawl was asked to look for.</summary>
    public IReadOnlyList<ObservedTarget> CaseStudies { get; init; } = [];

    /// <summary>The visited pages that declare a publication date, and the declared content items that were visited.</summary>
    public IReadOnlyList<ObservedContent> Content { get; init; } = [];

    /// <summary>The day of the observation (UTC), as shown in verdicts.</summary>
    public DateOnly ObservedOn => DateOnly.FromDateTime(ObservedAt.UtcDateTime);

    /// <summary>
    /// How the site reaches <paramref name="url"/>: from a target the crawl looked for, else from the pages it visited.
    /// Null when the observation cannot tell (an address on another site that was not a target).
    /// </summary>
    public Reach? Find(string url)
    {
        if (SiteAddress.Key(url) is not { } key)
        {
            return null;
        }

        foreach (var target in CaseStudies.Prepend(PracticePage))
        {
            if (target is not null && SiteAddress.Key(target.Url) == key)
            {
                return new Reach(target.Reachable, target.Clicks);
            }
        }

        var page = Pages.Where(p => p.Status is >= 200 and < 300 && (SiteAddress.Key(p.Url) == key || (p.FinalUrl is { } f && SiteAddress.Key(f) == key)))
            .OrderBy(p => p.Depth)
            .FirstOrDefault();
        if (page is not null)
        {
            return new Reach(true, page.Depth);
        }

        // An address of the crawled site that was not reached is known to be unreachable, unless a bound stopped the crawl early
        return SiteAddress.SameSite(url, StartUrl) && LimitsHit.Count == 0 ? new Reach(false, null) : null;
    }

    /// <summary>Why the page at <paramref name="url"/> could not be read (<c>status 404</c>, or a refusal reason), if the crawl tried and failed.</summary>
    public string? FailureAt(string url)
    {
        if (SiteAddress.Key(url) is not { } key)
        {
            return null;
        }

        if (Refused.FirstOrDefault(r => SiteAddress.Key(r.Url) == key) is { } refused)
        {
            return refused.Status is { } status
                ? "status " + status.ToString(System.Globalization.CultureInfo.InvariantCulture)
                : SiteObservationJson.Names.Reason(refused.Reason);
        }

        return Pages.FirstOrDefault(p => SiteAddress.Key(p.Url) == key && p.Status is < 200 or >= 300) is { } page ? "status " + page.Status.ToString(System.Globalization.CultureInfo.InvariantCulture) : null;
    }

    /// <summary>The content read on the page at <paramref name="url"/>, if the crawl visited it.</summary>
    public ObservedContent? ContentAt(string url) =>
        SiteAddress.Key(url) is { } key ? Content.FirstOrDefault(c => SiteAddress.Key(c.Url) == key) : null;
}

/// <summary>Whether an address is reachable from the home page, and in how many clicks.</summary>
public sealed record Reach(bool Reachable, int? Clicks);

/// <summary>The bounds of a crawl.</summary>
public sealed record SiteLimits
{
    /// <summary>Pages fetched at most.</summary>
    public int MaxPages { get; init; } = 200;

    /// <summary>Clicks from the home page at most.</summary>
    public int MaxDepth { get; init; } = 4;

    /// <summary>Whole crawl, in seconds.</summary>
    public int TimeoutSeconds { get; init; } = 60;

    /// <summary>One request, in seconds.</summary>
    public int RequestTimeoutSeconds { get; init; } = 10;

    /// <summary>Bytes read from one page at most.</summary>
    public long MaxPageBytes { get; init; } = 2 * 1024 * 1024;

    /// <summary>Requests in flight at once.</summary>
    public int Concurrency { get; init; } = 4;

    /// <summary>Redirects followed for one address.</summary>
    public int MaxRedirects { get; init; } = 5;
}

/// <summary>A bound that stopped the crawl early.</summary>
public enum SiteLimit
{
    /// <summary>The page count.</summary>
    Pages,

    /// <summary>The depth: same-site links were left beyond it.</summary>
    Depth,

    /// <summary>The total time.</summary>
    Time,
}

/// <summary>One page fetched.</summary>
public sealed record ObservedPage
{
    /// <summary>The address linked to.</summary>
    public required string Url { get; init; }

    /// <summary>Clicks from the home page (0 for the home page).</summary>
    public required int Depth { get; init; }

    /// <summary>The HTTP status of the last response.</summary>
    public required int Status { get; init; }

    /// <summary>The addresses redirected to, in order; the last one is <see cref="FinalUrl"/>.</summary>
    public IReadOnlyList<string> Redirects { get; init; } = [];

    /// <summary>Where the redirects ended, when there were any.</summary>
    public string? FinalUrl => Redirects.Count > 0 ? Redirects[^1] : null;

    /// <summary>The page's title.</summary>
    public string? Title { get; init; }

    /// <summary>The page's language (<c>html lang</c>, else the Content-Language header), lower case.</summary>
    public string? Language { get; init; }

    /// <summary>The publication date declared on the page.</summary>
    public DateOnly? Published { get; init; }

    /// <summary>Where the publication date was read.</summary>
    public DateSource? DateSource { get; init; }
}

/// <summary>Where a page declares its publication date.</summary>
public enum DateSource
{
    /// <summary>JSON-LD <c>datePublished</c>.</summary>
    JsonLd,

    /// <summary><c>&lt;meta property="article:published_time"&gt;</c>.</summary>
    Meta,

    /// <summary><c>&lt;time datetime&gt;</c>.</summary>
    Time,
}

/// <summary>An address the crawl did not read, and why.</summary>
public sealed record RefusedPage
{
    /// <summary>The address.</summary>
    public required string Url { get; init; }

    /// <summary>Clicks from the home page; null for a declared content address read directly, not reached by the crawl.</summary>
    public int? Depth { get; init; }

    /// <summary>Why.</summary>
    public required RefusalReason Reason { get; init; }

    /// <summary>The HTTP status, when the server answered with an error (a declared content address read on its own).</summary>
    public int? Status { get; init; }

    /// <summary>More about it, in English, for people.</summary>
    public string? Detail { get; init; }
}

/// <summary>Why the crawl did not read an address.</summary>
public enum RefusalReason
{
    /// <summary>robots.txt disallows it for AttestBot.</summary>
    Robots,

    /// <summary>It resolves to a private, loopback, link-local or otherwise internal address.</summary>
    PrivateAddress,

    /// <summary>The page is larger than the per-page bound.</summary>
    TooBig,

    /// <summary>The server did not answer within the per-request bound.</summary>
    TooSlow,

    /// <summary>The response is not HTML.</summary>
    NotHtml,

    /// <summary>The redirects come back to an address already seen.</summary>
    RedirectLoop,

    /// <summary>More redirects than the bound.</summary>
    TooManyRedirects,

    /// <summary>Not an http(s) address, or one with credentials in it.</summary>
    BadAddress,

    /// <summary>A redirect to another site.</summary>
    OffSite,

    /// <summary>The connection failed.</summary>
    Unreachable,
}

/// <summary>An address the crawl was asked to look for: found by a link on the site or not.</summary>
public sealed record ObservedTarget
{
    /// <summary>The case study key, for a public case study.</summary>
    public string? Key { get; init; }

    /// <summary>The declared address.</summary>
    public required string Url { get; init; }

    /// <summary>Whether a page of the site reached from the home page links to it (or it is the home page).</summary>
    public required bool Reachable { get; init; }

    /// <summary>The fewest clicks from the home page, when reachable.</summary>
    public int? Clicks { get; init; }
}

/// <summary>A content page, on the site or elsewhere: its publication date and language as declared on the page.</summary>
public sealed record ObservedContent
{
    /// <summary>The page's address.</summary>
    public required string Url { get; init; }

    /// <summary>Fewest clicks from the home page; null when the site does not lead to it (a declared address read directly).</summary>
    public int? Clicks { get; init; }

    /// <summary>The page's title.</summary>
    public string? Title { get; init; }

    /// <summary>The publication date declared on the page; null when it declares none.</summary>
    public DateOnly? Published { get; init; }

    /// <summary>Where the date was read.</summary>
    public DateSource? DateSource { get; init; }

    /// <summary>The page's language.</summary>
    public string? Language { get; init; }
}
