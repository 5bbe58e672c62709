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
        await Fits(page, "the dashboard");

        // The timeline: a drawing for the eye, the same days as text
        var timeline = page.Locator("section.timeline");
        await Assertions.Expect(timeline.Locator("svg[aria-hidden=true]")).ToHaveCountAsync(1);
        Assert.True(await timeline.Locator("ol.timeline-list > li").CountAsync() >= 1);
        await Assertions.Expect(timeline.Locator("ol.timeline-list time").First).ToHaveAttributeAsync("datetime", new System.Text.RegularExpressions.Regex("^\\d{4}-\\d{2}-\\d{2}$"));
        if (Environment.GetEnvironmentVariable("ATTEST_SCREENSHOTS") is { Length: > 0 } folder)
        {
            await timeline.ScreenshotAsync(new LocatorScreenshotOptions { Path = Path.Combine(folder, screenshot.Replace("matrix", "timeline", StringComparison.Ordinal) + ".png") });
        }

        // A cell opens in place, without script, with its reason
        var first = table.Locator("td.cell.status-not-met").First;
        await first.Locator("summary").ClickAsync();
        await Assertions.Expect(first.Locator(".cell-detail")).ToBeVisibleAsync();
        await Accessible(page);
    }

    [Fact]
    public async Task The_auditor_scores_the_grid_cell_by_cell_with_the_keyboard_in_english_and_french()
    {
        var b = World.ApplicationB;
        await WorkflowSteps.ToAuditInProgressAsync(World, b, "auditor", "leadB");
        var page = await browser.PageAsync("auditor");
        page.Console += (_, message) => Console.WriteLine("browser: " + message.Text);
        await page.GotoAsync($"/audits/{b}");
        var forms = page.Locator("form.score-form");
        var total = await forms.CountAsync();
        Assert.True(total > 20);
        await Assertions.Expect(page.Locator("#grid-progress")).ToHaveTextAsync($"0 of {total} scored");
        await Accessible(page);
        await Fits(page, "the grid");
        await Screenshot(page, "grid");

        // At 1280 px every column of the grid is in view without scrolling sideways, and each cell is two short lines
        Assert.True(await page.EvaluateAsync<bool>("() => { const s = document.querySelector('#grid').closest('.matrix-scroll'); return s.scrollWidth <= s.clientWidth + 1; }"), "the grid scrolls sideways at 1280 px");
        var tallest = await page.EvaluateAsync<double>("() => Math.max(...[...document.querySelectorAll('form.score-form')].map(f => f.getBoundingClientRect().height))");
        Assert.True(tallest <= 50, $"a cell of the grid is {tallest} px high");

        // The keyboard: space chooses Met and the cell is saved at once; the arrow moves to Not met, saved too
        var first = forms.First;
        await first.GetByLabel("Met", new() { Exact = true }).FocusAsync();
        await page.Keyboard.PressAsync("Space");
        await Assertions.Expect(page.Locator("#grid-progress")).ToHaveTextAsync($"1 of {total} scored");
        await page.Keyboard.PressAsync("ArrowRight");
        await Assertions.Expect(first.GetByLabel("Not met", new() { Exact = true })).ToBeCheckedAsync();
        await Assertions.Expect(first.Locator(".cell-status")).ToHaveTextAsync("Saved");
        await page.ReloadAsync();
        await Assertions.Expect(forms.First.GetByLabel("Not met", new() { Exact = true })).ToBeCheckedAsync();
        await Assertions.Expect(page.Locator("#grid-progress")).ToHaveTextAsync($"1 of {total} scored");

        // The same grid in French
        await SwitchAsync(page, "fr");
        await page.GotoAsync($"/audits/{b}");
        await Assertions.Expect(page.Locator("#grid-progress")).ToHaveTextAsync($"1 sur {total} notées");
        await Accessible(page);
        await Fits(page, "the grid");
        await Screenshot(page, "grid-fr");
    }

    [Fact]
    public async Task The_matrix_scrolls_inside_itself_at_phone_width()
    {
        var demo = await DemoApplicationAsync();
        var context = await browser.Chromium.NewContextAsync(new BrowserNewContextOptions { BaseURL = browser.BaseUrl, ViewportSize = new ViewportSize { Width = 375, Height = 740 } });
        var page = await context.NewPageAsync();
        await page.GotoAsync("/account/sign-in");
        await page.GetByLabel("E-mail address").FillAsync("leadDemo@example.test");
        await page.GetByLabel("Password").FillAsync(World.Password);
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign in" }).ClickAsync();
        await page.WaitForURLAsync(url => !url.Contains("/account/sign-in", StringComparison.Ordinal), new() { WaitUntil = WaitUntilState.Commit });
        await page.GotoAsync($"/applications/{demo}");
        var wide = await page.EvaluateAsync<string>("() => [...document.querySelectorAll('body *')].filter(e => e.getBoundingClientRect().right > document.documentElement.clientWidth + 1 && !(e.parentElement && e.parentElement.closest('.matrix-scroll'))).slice(0, 8).map(e => e.tagName + '.' + e.className + '#' + e.id + ':' + Math.round(e.getBoundingClientRect().right)).join(' ')");
        Assert.False(await page.EvaluateAsync<bool>("() => document.documentElement.scrollWidth > document.documentElement.clientWidth + 1"), "the page scrolls sideways at 375 px: " + wide);
        Assert.True(await page.EvaluateAsync<bool>("() => { const s = document.querySelector('.matrix-scroll'); return s.scrollWidth > s.clientWidth; }"), "the matrix should scroll inside its own box");

        // The item column stays in view while the case studies scroll past
        var before = await page.Locator("#item-PRE-2\\.1 th").BoundingBoxAsync();
        await page.EvaluateAsync("() => document.querySelector('.matrix-scroll').scrollLeft = 400");
        var after = await page.Locator("#item-PRE-2\\.1 th").BoundingBoxAsync();
        Assert.Equal(before!.X, after!.X, 1);

        // ... narrow and opaque, so that the cells it leaves in view can be read as they pass under it
        var box = await page.Locator(".matrix-scroll").BoundingBoxAsync();
        Assert.True(after.Width <= box!.Width * 0.45, $"the item column takes {after.Width} of {box.Width} px at phone width");
        Assert.Equal("rgb(255, 255, 255)", await page.Locator("#item-PRE-2\\.1 th").EvaluateAsync<string>("e => getComputedStyle(e).backgroundColor"));
        await page.Locator("#item-PRE-2\\.1 th").ScrollIntoViewIfNeededAsync();
        Assert.True(await page.Locator("#item-PRE-2\\.1 th").EvaluateAsync<bool>("e => { const r = e.getBoundingClientRect(); const hit = document.elementFromPoint(r.left + r.width / 2, r.top + r.height / 2); return e.contains(hit); }"), "a cell shows through the item column");
        await Accessible(page);
        await Screenshot(page, "matrix-phone");
        if (Environment.GetEnvironmentVariable("ATTEST_SCREENSHOTS") is { Length: > 0 } folder)
        {
            await page.Locator(".matrix-scroll").ScreenshotAsync(new LocatorScreenshotOptions { Path = Path.Combine(folder, "matrix-phone-scrolled.png") });
        }
    }

    private static async Task Fits(IPage page, string what)
    {
        var height = await page.EvaluateAsync<int>("() => document.documentElement.scrollHeight");
        Assert.True(height <= Budget, $"{what} is {height} px high, more than three screens ({Budget} px)");
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
