using System.Collections.Concurrent;
using System.Net.Sockets;
using Attest.Core.Applications;
using Attest.Core.Site;

namespace Attest.Evidence.Site;

/// <summary>How the site check runs.</summary>
public sealed record SiteCrawlOptions
{
    /// <summary>The product token robots.txt groups are matched against.</summary>
    public const string RobotsAgent = "AttestBot";

    /// <summary>The bounds of the crawl.</summary>
    public SiteLimits Limits { get; init; } = new();

    /// <summary>Whether private, loopback and link-local addresses may be fetched: only for tests on one's own machine.</summary>
    public bool AllowPrivateAddresses { get; init; }

    /// <summary>The User-Agent header sent with every request.</summary>
    public string UserAgent { get; init; } = "AttestBot/1.0 (AWS Retail Competency readiness site check)";

    /// <summary>Why the options cannot be used, or null.</summary>
    public string? Problem()
    {
        var l = Limits;
        return l switch
        {
            { MaxPages: < 1 or > 10_000 } => "the page bound must be between 1 and 10000",
            { MaxDepth: < 0 or > 20 } => "the depth bound must be between 0 and 20",
            { TimeoutSeconds: < 1 or > 3600 } => "the time bound must be between 1 and 3600 seconds",
            { RequestTimeoutSeconds: < 1 or > 300 } => "the request time bound must be between 1 and 300 seconds",
            { MaxPageBytes: < 1024 or > 64L * 1024 * 1024 } => "the page size bound must be between 1 KiB and 64 MiB",
            { Concurrency: < 1 or > 16 } => "the number of requests at a time must be between 1 and 16",
            { MaxRedirects: < 0 or > 20 } => "the redirect bound must be between 0 and 20",
            _ => null,
        };
    }
}

/// <summary>The addresses of an application the crawl looks for.</summary>
public sealed record SiteTargets
{
    /// <summary>No targets: a plain crawl.</summary>
    public static SiteTargets None { get; } = new();

    /// <summary>The declared practice page.</summary>
    public string? PracticePage { get; init; }

    /// <summary>The declared public case studies: key and address.</summary>
    public IReadOnlyList<KeyValuePair<string, string>> CaseStudies { get; init; } = [];

    /// <summary>The declared content items' addresses.</summary>
    public IReadOnlyList<string> Content { get; init; } = [];

    /// <summary>The targets declared in <paramref name="application"/>.</summary>
    public static SiteTargets From(Application application) => new()
    {
        PracticePage = string.IsNullOrWhiteSpace(application.Partner.PracticePage?.Url) ? null : application.Partner.PracticePage.Url,
        CaseStudies = application.CaseStudies
            .Where(c => !string.IsNullOrWhiteSpace(c.PublicReference?.Url))
            .Select(c => new KeyValuePair<string, string>(c.Key, c.PublicReference!.Url!))
            .ToArray(),
        Content = (application.Partner.Content ?? []).Select(c => c.Url).OfType<string>().Where(u => u.Length > 0).ToArray(),
    };
}

/// <summary>The outcome of a crawl: an observation, or why there is none (bad start address, home page not readable).</summary>
public sealed record SiteCrawlResult(SiteObservation? Observation, string? Error);

/// <summary>
/// A polite crawler of one site, from its home page: robots.txt honoured for <see cref="SiteCrawlOptions.RobotsAgent"/>,
/// breadth first so that each page's depth is its fewest clicks, bounded in pages, depth, time and bytes, a few requests at
/// a time, redirects followed by hand with a bound and loop detection, non-HTML skipped by Content-Type, and no connection
/// to internal addresses (see <see cref="GuardedConnection"/>).
/// </summary>
public sealed class SiteCrawler : IDisposable
{
    private readonly SiteCrawlOptions options;
    private readonly TimeProvider clock;
    private readonly HttpClient client;

    /// <summary>Creates a crawler; dispose it to close its connections.</summary>
    public SiteCrawler(SiteCrawlOptions options, TimeProvider? clock = null)
    {
        this.options = options;
        this.clock = clock ?? TimeProvider.System;
        var handler = GuardedConnection.CreateHandler(options.AllowPrivateAddresses, TimeSpan.FromSeconds(Math.Max(1, options.Limits.RequestTimeoutSeconds)), options.Limits.Concurrency);
        client = new HttpClient(handler, disposeHandler: true) { Timeout = Timeout.InfiniteTimeSpan };
        client.DefaultRequestHeaders.UserAgent.Clear();
        client.DefaultRequestHeaders.TryAddWithoutValidation("User-Agent", options.UserAgent);
        client.DefaultRequestHeaders.Accept.ParseAdd("text/html,application/xhtml+xml;q=0.9,*/*;q=0.1");
    }

    /// <inheritdoc />
    public void Dispose() => client.Dispose();

    /// <summary>Crawls the site of <paramref name="startUrl"/>, looking for <paramref name="targets"/> on the way.</summary>
    public async Task<SiteCrawlResult> CrawlAsync(string startUrl, SiteTargets? targets = null, CancellationToken cancellation = default)
    {
        if (options.Problem() is { } problem)
        {
            return new SiteCrawlResult(null, problem);
        }

        if (!Uri.TryCreate(startUrl.Trim(), UriKind.Absolute, out var start) || !SiteAddress.IsWeb(start))
        {
            return new SiteCrawlResult(null, $"'{startUrl}' is not an http or https address");
        }

        if (start.UserInfo.Length > 0)
        {
            return new SiteCrawlResult(null, $"'{startUrl}' carries credentials; give the address without them");
        }

        var run = new Run(this, start, targets ?? SiteTargets.None, clock.GetUtcNow());
        await run.ExecuteAsync(cancellation).ConfigureAwait(false);
        var observation = run.Observation();
        var home = observation.Pages.FirstOrDefault(p => p.Depth == 0);
        if (home is null || home.Status is < 200 or >= 300)
        {
            var why = home is not null ? $"it answered with status {home.Status}"
                : observation.Refused.FirstOrDefault(r => r.Depth == 0) is { } refused ? $"{SiteObservationJson.Names.Reason(refused.Reason)}: {refused.Detail}"
                : "the time bound ran out";
            return new SiteCrawlResult(observation, $"the home page {startUrl} could not be read ({why})");
        }

        return new SiteCrawlResult(observation, null);
    }

    private sealed record Fetched(Uri Url, int Depth, IReadOnlyList<Uri> Links);

    private sealed class Run(SiteCrawler crawler, Uri start, SiteTargets targets, DateTimeOffset startedAt)
    {
        private readonly SiteLimits limits = crawler.options.Limits;
        private readonly ConcurrentBag<ObservedPage> pages = [];
        private readonly ConcurrentBag<RefusedPage> refused = [];
        private readonly ConcurrentBag<ObservedContent> direct = [];
        private readonly ConcurrentDictionary<string, Task<(RobotsTxt? Rules, RefusedPage? Refusal)>> robots = new(StringComparer.Ordinal);
        private readonly ConcurrentDictionary<string, int> clicks = new(StringComparer.Ordinal);
        private readonly ConcurrentDictionary<string, bool> failed = new(StringComparer.Ordinal);
        private readonly HashSet<string> scheduled = new(StringComparer.Ordinal);
        private readonly HashSet<string> contentKeys = targets.Content.Select(SiteAddress.Key).OfType<string>().ToHashSet(StringComparer.Ordinal);
        private readonly HashSet<SiteLimit> hits = [];
        private CancellationToken deadline;

        public async Task ExecuteAsync(CancellationToken cancellation)
        {
            using var total = CancellationTokenSource.CreateLinkedTokenSource(cancellation);
            total.CancelAfter(TimeSpan.FromSeconds(limits.TimeoutSeconds));
            deadline = total.Token;
            var frontier = new List<(Uri Url, int Depth)> { (start, 0) };
            scheduled.Add(Key(start));
            while (frontier.Count > 0)
            {
                var results = new ConcurrentBag<Fetched>();
                try
                {
                    await Parallel.ForEachAsync(
                        frontier,
                        new ParallelOptions { MaxDegreeOfParallelism = limits.Concurrency, CancellationToken = deadline },
                        async (page, _) =>
                        {
                            if (await FetchAsync(page.Url, page.Depth).ConfigureAwait(false) is { } fetched)
                            {
                                results.Add(fetched);
                            }
                        }).ConfigureAwait(false);
                }
                catch (OperationCanceledException) when (deadline.IsCancellationRequested)
                {
                    cancellation.ThrowIfCancellationRequested();
                    hits.Add(SiteLimit.Time);
                    return;
                }

                if (deadline.IsCancellationRequested)
                {
                    cancellation.ThrowIfCancellationRequested();
                    hits.Add(SiteLimit.Time);
                    return;
                }

                frontier = Next(results);
            }

            try
            {
                await ReadDeclaredContentAsync().ConfigureAwait(false);
            }
            catch (OperationCanceledException) when (deadline.IsCancellationRequested)
            {
                cancellation.ThrowIfCancellationRequested();
                hits.Add(SiteLimit.Time);
            }
        }

        // Declared content the crawl did not reach (elsewhere, unlinked, or beyond a bound) is read on its own for its date
        private async Task ReadDeclaredContentAsync()
        {
            var visited = pages.Where(p => p.Status is >= 200 and < 300)
                .SelectMany(p => p.FinalUrl is { } f ? new[] { p.Url, f } : [p.Url])
                .Select(SiteAddress.Key)
                .ToHashSet(StringComparer.Ordinal);
            var missing = targets.Content
                .Select(u => Uri.TryCreate(u.Trim(), UriKind.Absolute, out var uri) && SiteAddress.IsWeb(uri) ? uri : null)
                .OfType<Uri>()
                .Where(u => !visited.Contains(Key(u)))
                .DistinctBy(Key)
                .Take(limits.MaxPages)
                .ToArray();
            await Parallel.ForEachAsync(
                missing,
                new ParallelOptions { MaxDegreeOfParallelism = limits.Concurrency, CancellationToken = deadline },
                async (uri, _) => await FetchAsync(uri, clicks.TryGetValue(Key(uri), out var c) ? c : null, directly: true).ConfigureAwait(false)).ConfigureAwait(false);
        }

        // Links in document order, pages in address order: the same site gives the same crawl
        private List<(Uri, int)> Next(IEnumerable<Fetched> results)
        {
            var next = new List<(Uri, int)>();
            foreach (var page in results.OrderBy(r => r.Url.AbsoluteUri, StringComparer.Ordinal))
            {
                foreach (var link in page.Links)
                {
                    var key = Key(link);
                    Reached(key, page.Depth + 1);
                    if (!SiteAddress.SameSite(link, start) || scheduled.Contains(key))
                    {
                        continue;
                    }

                    if (page.Depth + 1 > limits.MaxDepth)
                    {
                        hits.Add(SiteLimit.Depth);
                        continue;
                    }

                    if (scheduled.Count >= limits.MaxPages)
                    {
                        hits.Add(SiteLimit.Pages);
                        continue;
                    }

                    scheduled.Add(key);
                    next.Add((link, page.Depth + 1));
                }
            }

            return next;
        }

        private void Reached(string key, int depth) => clicks.AddOrUpdate(key, depth, (_, old) => Math.Min(old, depth));

        private async Task<Fetched?> FetchAsync(Uri url, int? depth, bool directly = false)
        {
            var redirects = new List<string>();
            var seen = new HashSet<string>(StringComparer.Ordinal) { Key(url) };
            var current = url;
            while (true)
            {
                if (!SiteAddress.IsWeb(current) || current.UserInfo.Length > 0)
                {
                    return Refuse(url, depth, RefusalReason.BadAddress, $"{current} is not an http(s) address without credentials");
                }

                if (!directly && !SiteAddress.SameSite(current, start))
                {
                    return Refuse(url, depth, RefusalReason.OffSite, $"redirected to {current}, on another site");
                }

                var (rules, refusal) = await RobotsAsync(current).ConfigureAwait(false);
                if (refusal is not null)
                {
                    return Refuse(url, depth, refusal.Reason, refusal.Detail);
                }

                if (!rules!.IsAllowed(current.PathAndQuery))
                {
                    return Refuse(url, depth, RefusalReason.Robots, $"robots.txt disallows {current.PathAndQuery} for {SiteCrawlOptions.RobotsAgent}");
                }

                using var request = new CancellationTokenSource();
                using var linked = CancellationTokenSource.CreateLinkedTokenSource(deadline, request.Token);
                request.CancelAfter(TimeSpan.FromSeconds(limits.RequestTimeoutSeconds));
                try
                {
                    using var response = await crawler.client.GetAsync(current, HttpCompletionOption.ResponseHeadersRead, linked.Token).ConfigureAwait(false);
                    var status = (int)response.StatusCode;
                    if (status is >= 300 and < 400 && response.Headers.Location is { } location)
                    {
                        var next = location.IsAbsoluteUri ? location : new Uri(current, location);
                        next = new UriBuilder(next) { Fragment = "" }.Uri;
                        redirects.Add(next.AbsoluteUri);
                        if (!seen.Add(Key(next)))
                        {
                            return Refuse(url, depth, RefusalReason.RedirectLoop, "redirects come back to " + next.AbsoluteUri);
                        }

                        if (redirects.Count > limits.MaxRedirects)
                        {
                            return Refuse(url, depth, RefusalReason.TooManyRedirects, $"more than {limits.MaxRedirects} redirects");
                        }

                        current = next;
                        continue;
                    }

                    return directly
                        ? await ReadDirectlyAsync(url, depth, current, response, linked.Token).ConfigureAwait(false)
                        : await ReadAsync(url, depth!.Value, current, redirects, response, linked.Token).ConfigureAwait(false);
                }
                catch (OperationCanceledException) when (request.IsCancellationRequested && !deadline.IsCancellationRequested)
                {
                    return Refuse(url, depth, RefusalReason.TooSlow, $"no complete answer within {limits.RequestTimeoutSeconds} s");
                }
                catch (HttpRequestException e) when (Inner<AddressRefusedException>(e) is { } guard)
                {
                    return Refuse(url, depth, RefusalReason.PrivateAddress, guard.Message);
                }
                catch (Exception e) when (e is HttpRequestException or IOException or SocketException)
                {
                    return Refuse(url, depth, RefusalReason.Unreachable, e.Message);
                }
                catch (Exception e) when (e is UriFormatException or InvalidOperationException or NotSupportedException)
                {
                    // A redirect or link HttpClient will not send: one page lost, not the crawl
                    return Refuse(url, depth, RefusalReason.BadAddress, e.Message);
                }
            }
        }

        private async Task<Fetched?> ReadAsync(Uri url, int depth, Uri final, List<string> redirects, HttpResponseMessage response, CancellationToken token)
        {
            var status = (int)response.StatusCode;
            if (status is < 200 or >= 300)
            {
                failed[Key(url)] = true;
                pages.Add(new ObservedPage { Url = url.AbsoluteUri, Depth = depth, Status = status, Redirects = redirects });
                return null;
            }

            var mediaType = response.Content.Headers.ContentType?.MediaType?.ToLowerInvariant();
            if (mediaType is not ("text/html" or "application/xhtml+xml"))
            {
                return Refuse(url, depth, RefusalReason.NotHtml, $"Content-Type {mediaType ?? "missing"}");
            }

            if (response.Content.Headers.ContentLength > limits.MaxPageBytes)
            {
                return Refuse(url, depth, RefusalReason.TooBig, $"{response.Content.Headers.ContentLength} bytes announced, more than {limits.MaxPageBytes}");
            }

            var body = await ReadCappedAsync(response.Content, limits.MaxPageBytes, token).ConfigureAwait(false);
            if (body is null)
            {
                return Refuse(url, depth, RefusalReason.TooBig, $"more than {limits.MaxPageBytes} bytes");
            }

            var language = response.Content.Headers.ContentLanguage.FirstOrDefault();
            var facts = PageReader.Read(body, final, language);
            pages.Add(new ObservedPage
            {
                Url = url.AbsoluteUri,
                Depth = depth,
                Status = status,
                Redirects = redirects,
                Title = facts.Title,
                Language = facts.Language,
                Published = facts.Published,
                DateSource = facts.DateSource,
            });
            Reached(Key(url), depth);
            if (redirects.Count > 0)
            {
                Reached(Key(final), depth);
                lock (scheduled)
                {
                    scheduled.Add(Key(final));
                }
            }

            return new Fetched(url, depth, facts.Links);
        }

        private async Task<Fetched?> ReadDirectlyAsync(Uri url, int? depth, Uri final, HttpResponseMessage response, CancellationToken token)
        {
            var status = (int)response.StatusCode;
            if (status is < 200 or >= 300)
            {
                refused.Add(new RefusedPage { Url = url.AbsoluteUri, Depth = depth, Reason = RefusalReason.Unreachable, Status = status, Detail = $"answered with status {status}" });
                failed[Key(url)] = true;
                return null;
            }

            var mediaType = response.Content.Headers.ContentType?.MediaType?.ToLowerInvariant();
            if (mediaType is not ("text/html" or "application/xhtml+xml"))
            {
                return Refuse(url, depth, RefusalReason.NotHtml, $"Content-Type {mediaType ?? "missing"}");
            }

            var body = response.Content.Headers.ContentLength > limits.MaxPageBytes ? null : await ReadCappedAsync(response.Content, limits.MaxPageBytes, token).ConfigureAwait(false);
            if (body is null)
            {
                return Refuse(url, depth, RefusalReason.TooBig, $"more than {limits.MaxPageBytes} bytes");
            }

            var facts = PageReader.Read(body, final, response.Content.Headers.ContentLanguage.FirstOrDefault());
            direct.Add(new ObservedContent { Url = url.AbsoluteUri, Clicks = depth, Title = facts.Title, Published = facts.Published, DateSource = facts.DateSource, Language = facts.Language });
            return null;
        }

        // Reads at most max bytes; null when there are more. Never holds more than max + one buffer.
        private static async Task<MemoryStream?> ReadCappedAsync(HttpContent content, long max, CancellationToken token)
        {
            var stream = await content.ReadAsStreamAsync(token).ConfigureAwait(false);
            await using (stream.ConfigureAwait(false))
            {
                var body = new MemoryStream();
                var buffer = new byte[16 * 1024];
                int read;
                while ((read = await stream.ReadAsync(buffer, token).ConfigureAwait(false)) > 0)
                {
                    if (body.Length + read > max)
                    {
                        return null;
                    }

                    body.Write(buffer, 0, read);
                }

                body.Position = 0;
                return body;
            }
        }

        private Task<(RobotsTxt? Rules, RefusedPage? Refusal)> RobotsAsync(Uri page)
        {
            var origin = page.GetLeftPart(UriPartial.Authority);
            return robots.GetOrAdd(origin, o => FetchRobotsAsync(new Uri(o + "/robots.txt")));
        }

        // RFC 9309: a 4xx answer allows everything; a 5xx answer or no answer disallows everything
        private async Task<(RobotsTxt? Rules, RefusedPage? Refusal)> FetchRobotsAsync(Uri address)
        {
            var current = address;
            for (var hop = 0; hop <= 5; hop++)
            {
                using var request = new CancellationTokenSource();
                using var linked = CancellationTokenSource.CreateLinkedTokenSource(deadline, request.Token);
                request.CancelAfter(TimeSpan.FromSeconds(limits.RequestTimeoutSeconds));
                try
                {
                    using var response = await crawler.client.GetAsync(current, HttpCompletionOption.ResponseHeadersRead, linked.Token).ConfigureAwait(false);
                    var status = (int)response.StatusCode;
                    if (status is >= 300 and < 400 && response.Headers.Location is { } location)
                    {
                        var next = location.IsAbsoluteUri ? location : new Uri(current, location);
                        if (!SiteAddress.IsWeb(next) || !SiteAddress.SameSite(next, start))
                        {
                            return (RobotsTxt.AllowAll, null);
                        }

                        current = next;
                        continue;
                    }

                    if (status is >= 400 and < 500)
                    {
                        return (RobotsTxt.AllowAll, null);
                    }

                    if (status is < 200 or >= 300)
                    {
                        return (RobotsTxt.DisallowAll, null);
                    }

                    var text = await ReadTextCappedAsync(response.Content, RobotsTxt.MaxBytes, linked.Token).ConfigureAwait(false);
                    return (RobotsTxt.Parse(text, SiteCrawlOptions.RobotsAgent), null);
                }
                catch (OperationCanceledException) when (request.IsCancellationRequested && !deadline.IsCancellationRequested)
                {
                    return (null, new RefusedPage { Url = address.AbsoluteUri, Depth = 0, Reason = RefusalReason.TooSlow, Detail = "robots.txt did not come in time" });
                }
                catch (HttpRequestException e) when (Inner<AddressRefusedException>(e) is { } guard)
                {
                    return (null, new RefusedPage { Url = address.AbsoluteUri, Depth = 0, Reason = RefusalReason.PrivateAddress, Detail = guard.Message });
                }
                catch (Exception e) when (e is HttpRequestException or IOException or SocketException)
                {
                    return (null, new RefusedPage { Url = address.AbsoluteUri, Depth = 0, Reason = RefusalReason.Unreachable, Detail = e.Message });
                }
            }

            return (RobotsTxt.AllowAll, null);
        }

        // Beyond the bound, the rest of robots.txt is ignored (RFC 9309 allows a crawler to stop at 500 KiB)
        private static async Task<string> ReadTextCappedAsync(HttpContent content, int max, CancellationToken token)
        {
            var stream = await content.ReadAsStreamAsync(token).ConfigureAwait(false);
            await using (stream.ConfigureAwait(false))
            {
                var buffer = new byte[max];
                var total = 0;
                int read;
                while (total < max && (read = await stream.ReadAsync(buffer.AsMemory(total), token).ConfigureAwait(false)) > 0)
                {
                    total += read;
                }

                return new System.Text.UTF8Encoding(false, false).GetString(buffer, 0, total);
            }
        }

        private Fetched? Refuse(Uri url, int? depth, RefusalReason reason, string? detail)
        {
            refused.Add(new RefusedPage { Url = url.AbsoluteUri, Depth = depth, Reason = reason, Detail = detail });
            if (reason is not RefusalReason.Robots)
            {
                failed[Key(url)] = true;
            }

            return null;
        }

        private static T? Inner<T>(Exception e)
            where T : Exception
        {
            for (var inner = e.InnerException; inner is not null; inner = inner.InnerException)
            {
                if (inner is T found)
                {
                    return found;
                }
            }

            return null;
        }

        private static string Key(Uri url) => SiteAddress.Key(url.AbsoluteUri) ?? url.AbsoluteUri;

        public SiteObservation Observation()
        {
            ObservedTarget Target(string? key, string url)
            {
                var k = SiteAddress.Key(url);
                var reachable = k is not null && clicks.TryGetValue(k, out _) && !failed.ContainsKey(k);
                return new ObservedTarget { Key = key, Url = url, Reachable = reachable, Clicks = reachable ? clicks[k!] : null };
            }

            var visited = pages.OrderBy(p => p.Depth).ThenBy(p => p.Url, StringComparer.Ordinal).ToArray();
            var content = visited
                .Where(p => p.Status is >= 200 and < 300 && (p.Published is not null || contentKeys.Contains(SiteAddress.Key(p.Url) ?? "")))
                .Select(p => new ObservedContent { Url = p.Url, Clicks = p.Depth, Title = p.Title, Published = p.Published, DateSource = p.DateSource, Language = p.Language })
                .Concat(direct.OrderBy(c => c.Url, StringComparer.Ordinal))
                .ToArray();
            return new SiteObservation
            {
                ObservedAt = startedAt,
                StartUrl = start.AbsoluteUri,
                Limits = limits,
                LimitsHit = hits.Order().ToArray(),
                Pages = visited,
                Refused = refused.OrderBy(r => r.Depth).ThenBy(r => r.Url, StringComparer.Ordinal).ToArray(),
                PracticePage = targets.PracticePage is { } practice ? Target(null, practice) : null,
                CaseStudies = targets.CaseStudies.Select(c => Target(c.Key, c.Value)).ToArray(),
                Content = content,
            };
        }
    }
}
