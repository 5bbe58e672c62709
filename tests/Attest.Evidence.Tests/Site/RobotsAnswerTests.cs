using Attest.Core.Site;
using Attest.Evidence.Site;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace Attest.Evidence.Tests.Site;

/// <summary>How the answer to robots.txt itself decides (RFC 9309): missing allows all, a server error disallows all.</summary>
public sealed class RobotsAnswerTests
{
    private static readonly SiteCrawlOptions Options = new() { AllowPrivateAddresses = true, Limits = new SiteLimits { RequestTimeoutSeconds = 5, TimeoutSeconds = 20 } };

    [Fact]
    public async Task A_missing_robots_txt_allows_everything()
    {
        await using var site = await Serve(StatusCodes.Status404NotFound);
        using var crawler = new SiteCrawler(Options);

        var result = await crawler.CrawlAsync(site.Root + "/");

        Assert.Null(result.Error);
        Assert.Equal(2, result.Observation!.Pages.Count);
    }

    [Fact]
    public async Task A_server_error_on_robots_txt_disallows_everything()
    {
        await using var site = await Serve(StatusCodes.Status503ServiceUnavailable);
        using var crawler = new SiteCrawler(Options);

        var result = await crawler.CrawlAsync(site.Root + "/");

        Assert.NotNull(result.Error);
        Assert.Equal(RefusalReason.Robots, result.Observation!.Refused.Single().Reason);
        Assert.Empty(result.Observation.Pages);
    }

    private static async Task<Served> Serve(int robotsStatus)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        var app = builder.Build();
        app.MapGet("/robots.txt", () => Results.StatusCode(robotsStatus));
        app.MapGet("/", () => Results.Content("<a href='/next'>next</a>", "text/html"));
        app.MapGet("/next", () => Results.Content("<p>next</p>", "text/html"));
        await app.StartAsync();
        return new Served(app, app.Urls.Single().TrimEnd('/'));
    }

    private sealed record Served(WebApplication App, string Root) : IAsyncDisposable
    {
        public ValueTask DisposeAsync() => App.DisposeAsync();
    }
}
