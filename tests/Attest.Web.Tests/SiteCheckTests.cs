using System.Net;
using Attest.Web.Data;
using Attest.Web.Tests.Support;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Attest.Web.Tests;

/// <summary>A partner's web site served on loopback: a home page, the retail practice page two clicks away, a dated case study.</summary>
public sealed class PartnerSite : IAsyncDisposable
{
    private readonly WebApplication site;

    private PartnerSite(WebApplication site, string root)
    {
        this.site = site;
        Root = root;
    }

    /// <summary>The site's address, e.g. <c>http://127.0.0.1:41234</c>.</summary>
    public string Root { get; }

    public static async Task<PartnerSite> StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        var app = builder.Build();
        app.Urls.Add("http://127.0.0.1:0");
        static IResult Html(string body) => Results.Content($"<!doctype html><html lang=\"en\"><head><title>Northwind</title></head><body>{body}</body></html>", "text/html; charset=utf-8");
        app.MapGet("/", () => Html("<a href=\"/about\">About us</a> <a href=\"/blog\">Blog</a>"));
        app.MapGet("/about", () => Html("<a href=\"/retail\">Retail</a>"));
        app.MapGet("/retail", () => Html("<h1>Retail practice</h1><a href=\"/retail/contoso\">Contoso</a>"));
        app.MapGet("/retail/contoso", () => Html("<script type=\"application/ld+json\">{\"@type\":\"Article\",\"datePublished\":\"2026-09-14\"}</script><h1>Contoso</h1>"));
        app.MapGet("/blog", () => Html("<article><time datetime=\"2026-10-01\">1 October</time> Unified commerce</article>"));
        app.MapGet("/robots.txt", () => Results.Text("User-agent: *\nDisallow: /private\n"));
        await app.StartAsync();
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        return new PartnerSite(app, address.TrimEnd('/'));
    }

    public async ValueTask DisposeAsync()
    {
        await site.StopAsync();
        await site.DisposeAsync();
    }
}

/// <summary>The web site check run from the profile, with private addresses allowed so that it can crawl the loopback site.</summary>
public sealed class SiteCheckTests : IAsyncLifetime
{
    private PartnerSite site = null!;

    private World world = null!;

    public async Task InitializeAsync()
    {
        site = await PartnerSite.StartAsync();
        world = new World(kestrel: false, new Dictionary<string, string> { ["Attest:SiteCheck:AllowPrivateAddresses"] = "true", ["Attest:SiteCheck:TimeoutSeconds"] = "20" });
        await world.InitializeAsync();
    }

    public async Task DisposeAsync()
    {
        await world.DisposeAsync();
        await site.DisposeAsync();
    }

    [Fact]
    public async Task A_check_from_the_profile_replaces_the_declaration_in_readiness()
    {
        await SetSiteAsync(world, world.ApplicationA, site.Root, practiceLinked: false);
        using var lead = world.Client("leadA");
        var before = await lead.GetStringAsync($"/applications/{world.ApplicationA}/profile");
        Assert.Contains("has not been checked yet", before, StringComparison.Ordinal);

        var started = await World.PostFormAsync(lead, $"/applications/{world.ApplicationA}/profile", $"/applications/{world.ApplicationA}/profile?handler=CheckSite", []);
        Assert.Equal(HttpStatusCode.Redirect, started.StatusCode);
        await WaitForCheckAsync(world, world.ApplicationA);

        var profile = WebUtility.HtmlDecode(await lead.GetStringAsync($"/applications/{world.ApplicationA}/profile"));
        Assert.Contains($"Observed on 2026-11-26 from {site.Root}/", profile, StringComparison.Ordinal);
        Assert.Contains($"{site.Root}/retail</span>: reachable in 2 click(s)", profile, StringComparison.Ordinal);

        // The partner declared the practice page not linked; the site says otherwise, and readiness follows the site
        var dashboard = WebUtility.HtmlDecode(await lead.GetStringAsync($"/applications/{world.ApplicationA}"));
        Assert.Contains($"Observed on 2026-11-26: the practice page {site.Root}/retail is reachable from the home page {site.Root}/ in 2 click(s).", dashboard, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Only_people_who_edit_the_profile_start_a_check_and_another_partner_cannot()
    {
        await SetSiteAsync(world, world.ApplicationA, site.Root, practiceLinked: true);
        foreach (var user in new[] { "leadB", "manager", "office", "auditor", "admin" })
        {
            using var client = world.Client(user);
            var token = await AntiforgeryFromAsync(world, "leadA", $"/applications/{world.ApplicationA}/profile");
            var response = await client.PostAsync($"/applications/{world.ApplicationA}/profile?handler=CheckSite", new FormUrlEncodedContent([new("__RequestVerificationToken", token)]));
            Assert.True(response.StatusCode is HttpStatusCode.NotFound or HttpStatusCode.BadRequest or HttpStatusCode.Forbidden, $"{user}: {response.StatusCode}");
        }

        Assert.Null(await world.ReadAsync(db => db.Applications.IgnoreQueryFilters().Where(a => a.Id == world.ApplicationA).Select(a => a.SiteCheckStartedAt).SingleAsync()));
    }

    internal static async Task SetSiteAsync(World world, Guid application, string root, bool practiceLinked)
    {
        using var scope = world.Factory.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<AttestDbContext>();
        await db.Applications.IgnoreQueryFilters().Where(a => a.Id == application).ExecuteUpdateAsync(s => s
            .SetProperty(a => a.Homepage, root + "/")
            .SetProperty(a => a.PracticePageUrl, root + "/retail")
            .SetProperty(a => a.PracticePageLinkedFromHomepage, practiceLinked));
    }

    internal static async Task WaitForCheckAsync(World world, Guid application)
    {
        for (var attempt = 0; attempt < 200; attempt++)
        {
            if (await world.ReadAsync(db => db.Applications.IgnoreQueryFilters().Where(a => a.Id == application).Select(a => a.SiteCheckedAt).SingleAsync()) is not null)
            {
                return;
            }

            await Task.Delay(100);
        }

        Assert.Fail("the site check did not finish within 20 s");
    }

    // The antiforgery token is tied to the user, so another user's token is refused before the handler: either way nothing starts
    private static async Task<string> AntiforgeryFromAsync(World world, string user, string page)
    {
        using var client = world.Client(user);
        return await EvidenceTestWorkspace.TokenAsync(client, page);
    }
}

/// <summary>The same check with the default settings: the crawler refuses the loopback address it resolves to.</summary>
public sealed class SiteCheckGuardTests(World world) : IClassFixture<World>
{
    [Fact]
    public async Task By_default_a_site_on_an_internal_address_is_refused_and_nothing_is_observed()
    {
        await using var site = await PartnerSite.StartAsync();
        await SiteCheckTests.SetSiteAsync(world, world.ApplicationA, site.Root, practiceLinked: true);
        using var lead = world.Client("leadA");
        var started = await World.PostFormAsync(lead, $"/applications/{world.ApplicationA}/profile", $"/applications/{world.ApplicationA}/profile?handler=CheckSite", []);
        Assert.Equal(HttpStatusCode.Redirect, started.StatusCode);
        await SiteCheckTests.WaitForCheckAsync(world, world.ApplicationA);

        var stored = await world.ReadAsync(db => db.Applications.IgnoreQueryFilters().Where(a => a.Id == world.ApplicationA).Select(a => new { a.SiteObservation, a.SiteCheckError }).SingleAsync());
        Assert.Null(stored.SiteObservation);
        Assert.False(string.IsNullOrEmpty(stored.SiteCheckError));
        var profile = WebUtility.HtmlDecode(await lead.GetStringAsync($"/applications/{world.ApplicationA}/profile"));
        Assert.Contains("observed nothing", profile, StringComparison.Ordinal);
        Assert.DoesNotContain("Observed on", await lead.GetStringAsync($"/applications/{world.ApplicationA}"), StringComparison.Ordinal);
    }
}
