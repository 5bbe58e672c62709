using Attest.Web.Data;
using Attest.Web.Features.Setup;
using Attest.Web.Infrastructure;
using Attest.Web.Tests.Support;
using Deque.AxeCore.Playwright;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace Attest.Web.Tests;

/// <summary>
/// The readiness matrix, the timeline and the auditor's grid in a real browser, in English and French: accessible (axe-core
/// finds nothing serious), usable at phone width, and short (the demo application's dashboard and the grid each fit in
/// three screens at 1280×900).
/// </summary>
public sealed class PagesBrowserTests(Browser browser) : IClassFixture<Browser>
{
    /// <summary>Three screens of 900 pixels.</summary>
    private const int Budget = 3 * 900;

    private World World => browser.World;

    [Theory]
    [InlineData("en", "Not ready", "Items and case studies", "matrix")]
    [InlineData("fr", "Pas prêt", "Éléments et études de cas", "matrix-fr")]
    public async Task The_demo_dashboard_is_one_matrix_that_fits_in_three_screens(string language, string notReady, string matrixHeading, string screenshot)
    {
        var demo = await DemoApplicationAsync();
        var page = await browser.PageAsync("leadDemo");
        await SwitchAsync(page, language);
        await page.GotoAsync($"/applications/{demo}");
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = notReady, Exact = true })).ToBeVisibleAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = matrixHeading })).ToBeVisibleAsync();

        // Case studies across, named by customer; every judged cell says its verdict in a word and a symbol, not by colour alone
        var table = page.Locator("table.matrix");
        await Assertions.Expect(table.GetByRole(AriaRole.Columnheader)).ToContainTextAsync([language == "fr" ? "Élément" : "Item"]);
        var cells = table.Locator("td.cell:not(.unjudged) summary");
        Assert.True(await cells.CountAsync() > 20);
        foreach (var text in await cells.AllInnerTextsAsync())
        {
            Assert.Matches("^[✓✗?–] \\p{L}", text.Trim());
        }

        await Accessible(page);
        await Screenshot(page, screenshot);
        var height = await page.EvaluateAsync<int>("() => document.documentElement.scrollHeight");
        Assert.True(height <= Budget, $"the dashboard is {height} px high, more than three screens ({Budget} px)");

        // A cell opens in place, without script, with its reason
        var first = table.Locator("td.cell.status-not-met").First;
        await first.Locator("summary").ClickAsync();
        await Assertions.Expect(first.Locator(".cell-detail")).ToBeVisibleAsync();
        await Accessible(page);
    }

    // The application Attest:DemoData loads, given to a partner of its own whose alliance lead is "leadDemo"
    private async Task<Guid> DemoApplicationAsync()
    {
        using var scope = World.Factory.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<AttestDbContext>();
        if (World.Users.ContainsKey("leadDemo"))
        {
            return await db.Applications.IgnoreQueryFiltersForTests().Where(a => a.PartnerName == DemoData.PartnerName && a.Id != World.ApplicationA).Select(a => a.Id).SingleAsync();
        }

        var partner = await World.AddPartnerAsync("Acme Demo", "leadDemo");
        var clock = scope.ServiceProvider.GetRequiredService<OfficeClock>();
        var record = DemoData.HalfFinishedApplication(db, partner, World.Users["leadDemo"], clock.Now, clock.Today);
        db.Applications.Add(record);
        await db.SaveChangesAsync();
        return record.Id;
    }

    private static async Task SwitchAsync(IPage page, string language)
    {
        if (language == "fr")
        {
            await page.GotoAsync("/");
            await page.GetByRole(AriaRole.Button, new() { Name = "Français" }).ClickAsync();
            await Assertions.Expect(page.Locator("html")).ToHaveAttributeAsync("lang", "fr");
        }
    }

    private static async Task Accessible(IPage page)
    {
        var results = await page.RunAxe();
        var serious = results.Violations.Where(v => v.Impact is "serious" or "critical").ToList();
        Assert.True(serious.Count == 0, page.Url + ": " + string.Join("\n", serious.Select(v => $"{v.Id} ({v.Impact}): {v.Help} — {string.Join(", ", v.Nodes.Select(n => n.Target?.ToString()))}")));
    }

    // Screenshots for the README, written only when asked (ATTEST_SCREENSHOTS names the folder)
    private static async Task Screenshot(IPage page, string name)
    {
        if (Environment.GetEnvironmentVariable("ATTEST_SCREENSHOTS") is { Length: > 0 } folder)
        {
            Directory.CreateDirectory(folder);
            await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(folder, name + ".png"), FullPage = true });
        }
    }
}
