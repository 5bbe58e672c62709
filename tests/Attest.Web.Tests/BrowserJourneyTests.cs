using Attest.Web.Tests.Support;
using Deque.AxeCore.Playwright;
using Microsoft.Playwright;

namespace Attest.Web.Tests;

/// <summary>What a partner does in a real browser, on the real application and database.</summary>
public sealed class BrowserJourneyTests(Browser browser) : IClassFixture<Browser>
{
    private static string Repository => Path.GetFullPath(Path.Combine(AppContext.BaseDirectory, "..", "..", "..", "..", ".."));

    [Fact]
    public async Task Alliance_lead_starts_an_application_adds_a_case_study_imports_the_rest_and_sees_it_ready()
    {
        var page = await browser.PageAsync("leadA");
        await page.GotoAsync($"/applications/{browser.World.ApplicationA}");
        await page.GetByRole(AriaRole.Link, new() { Name = "Add a case study" }).ClickAsync();
        await page.GetByLabel("Key (unique in the application)").FillAsync("northwind");
        await page.GetByLabel("Customer name").FillAsync("Northwind Grocers");
        await page.GetByLabel("Stage").SelectOptionAsync("production");
        await page.GetByLabel("Completed on (YYYY-MM-DD)").FillAsync("2026-06-30");
        await page.GetByRole(AriaRole.Button, new() { Name = "Save" }).ClickAsync();
        await page.WaitForURLAsync($"**/applications/{browser.World.ApplicationA}");
        await Assertions.Expect(page.GetByRole(AriaRole.Link, new() { Name = "Northwind Grocers" })).ToBeVisibleAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Not ready" })).ToBeVisibleAsync();

        // The rest of the application arrives as a format v1 file, as a partner would bring it from the CLI
        await page.GetByLabel("Application file to import (format v1, YAML or JSON)").SetInputFilesAsync(Path.Combine(Repository, "examples", "ready.yaml"));
        await page.GetByRole(AriaRole.Button, new() { Name = "Import", Exact = true }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync("Imported");
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Ready", Exact = true })).ToBeVisibleAsync();
        await Screenshot(page, "dashboard-ready");

        // Self-assessing an audit item as not met makes the application not ready; answering met again restores it
        await page.GetByRole(AriaRole.Link, new() { Name = "Self-assessment" }).First.ClickAsync();
        var item = page.GetByRole(AriaRole.Group, new() { Name = "VAL-1.2" }).First;
        await item.GetByLabel("No", new() { Exact = true }).CheckAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Save" }).Last.ClickAsync();
        await page.GotoAsync($"/applications/{browser.World.ApplicationA}");
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Not ready" })).ToBeVisibleAsync();
        await page.GotoAsync($"/applications/{browser.World.ApplicationA}/self-assessment");
        await page.GetByRole(AriaRole.Group, new() { Name = "VAL-1.2" }).First.GetByLabel("Yes", new() { Exact = true }).CheckAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Save" }).Last.ClickAsync();
        await page.GotoAsync($"/applications/{browser.World.ApplicationA}");
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Ready", Exact = true })).ToBeVisibleAsync();

        // Evidence: infrastructure code attached to a case study is scanned, and what it contradicts shows on the dashboard
        await page.GotoAsync("/evidence/upload");
        await page.GetByLabel("File", new() { Exact = true }).SetInputFilesAsync(Path.Combine(Repository, "examples", "iac", "litware", "platform.yaml"));
        await page.GetByRole(AriaRole.Button, new() { Name = "Upload a file" }).ClickAsync();
        await page.WaitForURLAsync("**/evidence/*");
        await page.GetByLabel("Case study").SelectOptionAsync($"{browser.World.ApplicationA:N}/contoso");
        await page.GetByRole(AriaRole.Button, new() { Name = "Attach to an application" }).ClickAsync();
        await page.GotoAsync($"/applications/{browser.World.ApplicationA}");
        await page.ReloadAsync();
        await Assertions.Expect(page.Locator("#item-VAL-2\\.11")).ToContainTextAsync("Warehouse", new() { Timeout = 20_000 });
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Not ready" })).ToBeVisibleAsync();
        await Screenshot(page, "dashboard");
    }

    [Fact]
    public async Task Switching_to_French_translates_the_pages_and_is_remembered()
    {
        var page = await browser.PageAsync("leadA");
        await page.GotoAsync($"/applications/{browser.World.ApplicationA}");
        await page.GetByRole(AriaRole.Button, new() { Name = "Français" }).ClickAsync();
        await Assertions.Expect(page.Locator("html")).ToHaveAttributeAsync("lang", "fr");
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Études de cas", Exact = true })).ToBeVisibleAsync();
        await page.GotoAsync("/");
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Candidatures" })).ToBeVisibleAsync();
        await Screenshot(page, "applications-fr");
    }

    [Fact]
    public async Task Browser_language_french_is_used_before_any_choice()
    {
        var page = await browser.PageAsync(language: "fr-FR");
        await page.GotoAsync("/account/sign-in");
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Se connecter" })).ToBeVisibleAsync();
    }

    [Fact]
    public async Task User_of_another_partner_cannot_open_the_application_by_its_address()
    {
        var page = await browser.PageAsync("leadB");
        var response = await page.GotoAsync($"/applications/{browser.World.ApplicationA}");
        Assert.Equal(404, response!.Status);
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "This page does not exist, or you may not see it." })).ToBeVisibleAsync();
        Assert.DoesNotContain("Contoso", await page.ContentAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Wrong_password_shows_an_error_summary_linked_to_the_form()
    {
        var page = await browser.PageAsync();
        await page.GotoAsync("/account/sign-in");
        await page.GetByLabel("E-mail address").FillAsync("leadA@example.test");
        await page.GetByLabel("Password").FillAsync("not the password");
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign in" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Alert)).ToContainTextAsync("not right");
    }

    [Theory]
    [InlineData(null, "/account/sign-in", "sign-in")]
    [InlineData("leadA", "/", "applications")]
    [InlineData("leadA", "/applications/{A}", "dashboard-start")]
    [InlineData("leadA", "/applications/{A}/case-studies/contoso", "case-study")]
    public async Task Main_pages_have_no_serious_accessibility_violations(string? user, string path, string name)
    {
        var page = await browser.PageAsync(user);
        await page.GotoAsync(path.Replace("{A}", browser.World.ApplicationA.ToString(), StringComparison.Ordinal));
        var results = await page.RunAxe();
        var serious = results.Violations.Where(v => v.Impact is "serious" or "critical").ToList();
        Assert.True(serious.Count == 0, string.Join("\n", serious.Select(v => $"{v.Id} ({v.Impact}): {v.Help} — {string.Join(", ", v.Nodes.Select(n => n.Target?.ToString()))}")));
        await Screenshot(page, name);
    }

    [Fact]
    public async Task Pages_fit_a_phone_screen_without_horizontal_scrolling()
    {
        var context = await browser.Chromium.NewContextAsync(new BrowserNewContextOptions { BaseURL = browser.BaseUrl, ViewportSize = new ViewportSize { Width = 375, Height = 740 } });
        var page = await context.NewPageAsync();
        await page.GotoAsync("/account/sign-in");
        var overflow = await page.EvaluateAsync<bool>("() => document.documentElement.scrollWidth > document.documentElement.clientWidth + 1");
        Assert.False(overflow);
    }

    // Screenshots for the README, written only when asked (ATTEST_SCREENSHOTS names the folder)
    private static async Task Screenshot(IPage page, string name)
    {
        if (Environment.GetEnvironmentVariable("ATTEST_SCREENSHOTS") is { Length: > 0 } folder)
        {
            Directory.CreateDirectory(folder);
            await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(folder, name + ".png"), FullPage = false });
        }
    }
}
