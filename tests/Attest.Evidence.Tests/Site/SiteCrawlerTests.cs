using System.Diagnostics;
using Attest.Core.Site;
using Attest.Evidence.Site;

namespace Attest.Evidence.Tests.Site;

/// <summary>One crawl of the test site, shared by the tests that read its observation.</summary>
public sealed class CrawledSite : IAsyncLifetime
{
    public TestSite Site { get; } = new();

    public SiteCrawlResult Result { get; private set; } = new(null, null);

    public SiteObservation Observation => Result.Observation!;

    public TimeSpan Elapsed { get; private set; }

    public static SiteCrawlOptions Options => new()
    {
        AllowPrivateAddresses = true,
        Limits = new SiteLimits { RequestTimeoutSeconds = 3, TimeoutSeconds = 30 },
    };

    public async Task InitializeAsync()
    {
        await Site.InitializeAsync();
        var targets = new SiteTargets
        {
            PracticePage = Site.Url("/services/retail/"),
            CaseStudies =
            [
                new("contoso", Site.Url("/cases/contoso")),
                new("fabrikam", "https://aws.example/partners/acme/fabrikam"),
                new("northwind", Site.Url("/cases/hidden")),
            ],
            Content = [Site.Url("/blog/json-ld"), Site.Url("/about/team"), Site.Url("/press/unlinked"), Site.Url("/about/team/alice/cv/old"), Site.Url("/press/gone")],
        };
        // One request first, so that the server's start-up does not count against the crawler's time bounds
        using (var warm = new HttpClient())
        {
            await warm.GetStringAsync(Site.Url("/"));
        }

        using var crawler = new SiteCrawler(Options);
        var clock = Stopwatch.StartNew();
        Result = await crawler.CrawlAsync(Site.Url("/"), targets);
        Elapsed = clock.Elapsed;
    }

    public Task DisposeAsync() => Site.DisposeAsync();
}

public sealed class SiteCrawlerTests(CrawledSite crawled) : IClassFixture<CrawledSite>
{
    private SiteObservation Observation => crawled.Observation;

    private string Url(string path) => crawled.Site.Url(path);

    private ObservedPage Page(string path) =>
        Observation.Pages.SingleOrDefault(p => p.Url == Url(path)) ?? throw new InvalidOperationException($"{path} not visited:\n{SiteObservationJson.Write(Observation)}");

    private RefusedPage Refused(string path) => Observation.Refused.Single(p => p.Url == Url(path));

    [Fact]
    public void The_crawl_runs_and_starts_at_the_home_page()
    {
        Assert.Null(crawled.Result.Error);
        Assert.Equal(Url("/"), Observation.StartUrl);
        Assert.Equal(0, Page("/").Depth);
        Assert.Equal(200, Page("/").Status);
        Assert.Equal("en", Page("/").Language);
    }

    [Fact]
    public void The_crawler_identifies_itself_and_keeps_to_a_few_requests_at_a_time()
    {
        Assert.All(crawled.Site.UserAgents.Where(a => a.Length > 0), a => Assert.StartsWith("AttestBot/", a, StringComparison.Ordinal));
        Assert.InRange(crawled.Site.MostAtOnce, 1, new SiteLimits().Concurrency);
    }

    [Fact]
    public void Depth_is_the_fewest_clicks_from_home()
    {
        Assert.Equal(1, Page("/services").Depth);
        Assert.Equal(2, Page("/services/retail").Depth);
        Assert.Equal(3, Page("/cases/contoso").Depth);
        Assert.Equal(4, Page("/about/team/alice/cv").Depth);
    }

    [Fact]
    public void Pages_beyond_the_depth_bound_are_not_fetched_and_the_bound_is_reported()
    {
        Assert.DoesNotContain(Observation.Pages, p => p.Url == Url("/about/team/alice/cv/old"));
        Assert.Contains(SiteLimit.Depth, Observation.LimitsHit);
    }

    [Fact]
    public void The_practice_page_is_found_two_clicks_from_home()
    {
        var practice = Observation.PracticePage!;

        Assert.True(practice.Reachable);
        Assert.Equal(2, practice.Clicks);
    }

    [Fact]
    public void Case_studies_are_reachable_on_site_and_by_a_link_to_another_site_but_not_when_unlinked()
    {
        var cases = Observation.CaseStudies.ToDictionary(c => c.Key!);

        Assert.Equal((true, 3), (cases["contoso"].Reachable, cases["contoso"].Clicks));
        Assert.Equal((true, 3), (cases["fabrikam"].Reachable, cases["fabrikam"].Clicks));
        Assert.Equal((false, (int?)null), (cases["northwind"].Reachable, cases["northwind"].Clicks));
        Assert.DoesNotContain(Observation.Pages, p => p.Url == Url("/cases/hidden"));
    }

    [Fact]
    public void A_link_to_another_host_is_not_followed()
    {
        Assert.DoesNotContain(Observation.Pages, p => p.Url.Contains("other.example", StringComparison.Ordinal));
        Assert.DoesNotContain(Observation.Refused, p => p.Url.Contains("other.example", StringComparison.Ordinal));
        Assert.DoesNotContain(Observation.Pages, p => p.Url.Contains("aws.example", StringComparison.Ordinal));
    }

    [Fact]
    public void Each_date_format_is_read_with_its_source_and_the_language()
    {
        var content = Observation.Content.ToDictionary(c => new Uri(c.Url).AbsolutePath);

        Assert.Equal((new DateOnly(2026, 3, 1), DateSource.JsonLd, "en"), (content["/blog/json-ld"].Published, content["/blog/json-ld"].DateSource, content["/blog/json-ld"].Language));
        Assert.Equal((new DateOnly(2025, 9, 10), DateSource.JsonLd), (content["/blog/graph"].Published, content["/blog/graph"].DateSource));
        Assert.Equal((new DateOnly(2026, 7, 20), DateSource.Meta, "de"), (content["/blog/meta"].Published, content["/blog/meta"].DateSource, content["/blog/meta"].Language));
        Assert.Equal((new DateOnly(2026, 10, 5), DateSource.Time, "fr"), (content["/blog/time"].Published, content["/blog/time"].DateSource, content["/blog/time"].Language));
        Assert.Equal(2, content["/blog/json-ld"].Clicks);
    }

    [Fact]
    public void A_declared_content_page_without_a_date_is_listed_without_one()
    {
        var team = Observation.Content.Single(c => c.Url == Url("/about/team"));

        Assert.Null(team.Published);
        Assert.Equal(2, team.Clicks);
    }

    [Fact]
    public void Declared_content_the_crawl_did_not_reach_is_read_directly_for_its_date()
    {
        var unlinked = Observation.Content.Single(c => c.Url == Url("/press/unlinked"));
        var deep = Observation.Content.Single(c => c.Url == Url("/about/team/alice/cv/old"));

        Assert.Equal((new DateOnly(2026, 9, 9), DateSource.Meta, "fr", (int?)null), (unlinked.Published, unlinked.DateSource, unlinked.Language, unlinked.Clicks));
        Assert.Equal((new DateOnly(2026, 8, 1), DateSource.Time, (int?)5), (deep.Published, deep.DateSource, deep.Clicks));
        Assert.DoesNotContain(Observation.Pages, p => p.Url == Url("/press/unlinked"));
        var gone = Refused("/press/gone");
        Assert.Equal((RefusalReason.Unreachable, (int?)null), (gone.Reason, gone.Depth));
        Assert.Equal(404, gone.Status);
    }

    [Fact]
    public void A_redirect_loop_is_detected()
    {
        Assert.Equal(RefusalReason.RedirectLoop, Refused("/loop").Reason);
    }

    [Fact]
    public void A_redirect_chain_longer_than_the_bound_is_refused()
    {
        Assert.Equal(RefusalReason.TooManyRedirects, Refused("/chain/1").Reason);
    }

    [Fact]
    public void A_redirect_to_another_site_is_not_followed()
    {
        Assert.Equal(RefusalReason.OffSite, Refused("/away").Reason);
    }

    [Fact]
    public void A_ten_megabyte_page_is_refused_as_too_big()
    {
        Assert.Equal(RefusalReason.TooBig, Refused("/big").Reason);
    }

    [Fact]
    public void A_page_slower_than_the_request_bound_is_refused_and_does_not_hold_up_the_crawl()
    {
        Assert.Equal(RefusalReason.TooSlow, Refused("/slow").Reason);
        Assert.True(crawled.Elapsed < TimeSpan.FromSeconds(TestSite.SlowSeconds), crawled.Elapsed.ToString());
    }

    [Fact]
    public void A_page_disallowed_by_robots_txt_is_not_fetched()
    {
        Assert.Equal(RefusalReason.Robots, Refused("/secret/plans").Reason);
        Assert.DoesNotContain(Observation.Pages, p => p.Url == Url("/secret/plans"));
    }

    [Fact]
    public void Non_html_is_skipped_by_content_type()
    {
        var pdf = Refused("/files/brochure.pdf");

        Assert.Equal(RefusalReason.NotHtml, pdf.Reason);
        Assert.Contains("application/pdf", pdf.Detail, StringComparison.Ordinal);
    }

    [Fact]
    public void Redirects_within_the_bound_are_followed_and_recorded()
    {
        var moved = Page("/moved");

        Assert.Equal(200, moved.Status);
        Assert.Equal([Url("/about")], moved.Redirects);
    }

    [Fact]
    public void An_error_status_is_recorded_as_a_visited_page()
    {
        Assert.Equal(404, Page("/missing").Status);
    }

    [Fact]
    public void The_observation_survives_a_json_round_trip()
    {
        var json = SiteObservationJson.Write(Observation);
        var (read, error) = SiteObservationJson.Read(json, "observation.json");

        Assert.Null(error);
        Assert.Equal(json, SiteObservationJson.Write(read!));
    }

    [Fact]
    public async Task The_page_bound_stops_the_crawl_and_is_reported()
    {
        using var crawler = new SiteCrawler(CrawledSite.Options with { Limits = CrawledSite.Options.Limits with { MaxPages = 3 } });

        var result = await crawler.CrawlAsync(Url("/"));

        Assert.Null(result.Error);
        Assert.True(result.Observation!.Pages.Count + result.Observation.Refused.Count <= 3);
        Assert.Contains(SiteLimit.Pages, result.Observation.LimitsHit);
    }

    [Fact]
    public async Task The_time_bound_stops_the_crawl_and_is_reported()
    {
        using var crawler = new SiteCrawler(CrawledSite.Options with { Limits = new SiteLimits { TimeoutSeconds = 1, RequestTimeoutSeconds = 10, Concurrency = 1 } });
        var clock = Stopwatch.StartNew();

        var result = await crawler.CrawlAsync(Url("/slow"));

        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(TestSite.SlowSeconds), clock.Elapsed.ToString());
        Assert.Contains(SiteLimit.Time, result.Observation!.LimitsHit);
        Assert.NotNull(result.Error);
    }

    [Fact]
    public async Task An_unreadable_home_page_is_an_error_with_the_observation_kept()
    {
        using var crawler = new SiteCrawler(CrawledSite.Options);

        var result = await crawler.CrawlAsync(Url("/missing"));

        Assert.Contains("404", result.Error, StringComparison.Ordinal);
        Assert.Equal(404, result.Observation!.Pages.Single().Status);
    }

    [Theory]
    [InlineData("ftp://acme.example/")]
    [InlineData("file:///etc/passwd")]
    [InlineData("https://user:secret@acme.example/")]
    [InlineData("not an address")]
    public async Task Bad_start_addresses_are_refused_before_any_request(string start)
    {
        using var crawler = new SiteCrawler(new SiteCrawlOptions());

        var result = await crawler.CrawlAsync(start);

        Assert.Null(result.Observation);
        Assert.NotNull(result.Error);
    }

    [Fact]
    public async Task Out_of_range_bounds_are_refused()
    {
        using var crawler = new SiteCrawler(new SiteCrawlOptions { Limits = new SiteLimits { MaxPages = 0 } });

        var result = await crawler.CrawlAsync("https://acme.example/");

        Assert.Contains("page bound", result.Error, StringComparison.Ordinal);
    }
}
