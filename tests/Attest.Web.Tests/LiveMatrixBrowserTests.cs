using Attest.Web.Tests.Support;
using Deque.AxeCore.Playwright;
using Microsoft.Playwright;

namespace Attest.Web.Tests;

/// <summary>
/// The dashboard's matrix redraws itself when an evidence analysis finishes in the background: the page stays (no reload),
/// the cell shows the findings, a screen reader hears that the readiness was updated — under the content security policy,
/// in English and French. Without script, the page says the analysis runs and a reload shows the result.
/// </summary>
public sealed class LiveMatrixBrowserTests(Browser browser) : IClassFixture<Browser>
{
    private static string Repository => Path.GetFullPath(Path.Combine(AppContext.BaseDirectory, "..", "..", "..", "..", ".."));

    private World World => browser.World;

    [Theory]
    [InlineData("en", "leadA", "The readiness was updated.")]
    [InlineData("fr", "leadB", "La préparation a été mise à jour.")]
    public async Task The_matrix_cell_changes_without_a_reload_when_the_uploaded_file_is_analysed(string language, string lead, string updated)
    {
        var application = lead == "leadA" ? World.ApplicationA : World.ApplicationB;
        await WorkflowSteps.MakeReadyAsync(World, application, lead == "leadA" ? null : "Beta Consulting");
        var page = await browser.PageAsync(lead);
        var refused = new List<string>();
        page.Console += (_, message) =>
        {
            if (message.Text.Contains("Content Security Policy", StringComparison.Ordinal) || message.Text.Contains("Refused", StringComparison.Ordinal))
            {
                refused.Add(message.Text);
            }
        };
        if (language == "fr")
        {
            await page.GotoAsync("/");
            await page.GetByRole(AriaRole.Button, new() { Name = "Français" }).ClickAsync();
            await Assertions.Expect(page.Locator("html")).ToHaveAttributeAsync("lang", "fr");
        }

        await page.GotoAsync($"/applications/{application}");
        var row = page.Locator("#item-VAL-2\\.11");
        await Assertions.Expect(row).Not.ToContainTextAsync("Warehouse");
        await page.EvaluateAsync("() => { window.attestStayed = true; }");

        // Elsewhere (another tab of the same person), the platform template is uploaded and attached to the contoso case study
        var other = await browser.PageAsync(lead);
        await other.GotoAsync("/evidence/upload");
        await other.GetByLabel("File", new() { Exact = true }).SetInputFilesAsync(Path.Combine(Repository, "examples", "iac", "litware", "platform.yaml"));
        await other.GetByRole(AriaRole.Button, new() { Name = "Upload a file" }).ClickAsync();
        await other.WaitForURLAsync("**/evidence/*", new() { WaitUntil = WaitUntilState.DOMContentLoaded });
        await other.GetByLabel("Case study").SelectOptionAsync($"{application:N}/contoso");
        await other.GetByRole(AriaRole.Button, new() { Name = "Attach to an application" }).ClickAsync();
        await other.Context.CloseAsync();

        // The dashboard, untouched, redraws the cell once the background analysis is done
        await Assertions.Expect(row).ToContainTextAsync("Warehouse", new() { Timeout = 60_000 });
        await Assertions.Expect(page.Locator(".notice.scanning")).ToHaveCountAsync(0);
        Assert.True(await page.EvaluateAsync<bool>("() => window.attestStayed === true"), "the page was reloaded");
        await Assertions.Expect(page.Locator("#live-status")).ToHaveTextAsync(updated);
        Assert.True(refused.Count == 0, string.Join("\n", refused));

        // The page-size budget holds for a dashboard of five case studies with findings: three screens at 1280×900
        if (Environment.GetEnvironmentVariable("ATTEST_SCREENSHOTS") is { Length: > 0 } folder)
        {
            Directory.CreateDirectory(folder);
            await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(folder, $"matrix-refreshed-{language}.png"), FullPage = true });
        }

        var height = await page.EvaluateAsync<int>("() => document.documentElement.scrollHeight");
        Assert.True(height <= 3 * 900, $"the dashboard of five case studies is {height} px high, more than three screens");

        // The redrawn matrix works as before: a cell opens in place, and the page stays accessible
        var cell = row.Locator("td.cell").Filter(new() { HasText = "Warehouse" }).First;
        await cell.Locator("summary").ClickAsync();
        await Assertions.Expect(cell.Locator(".cell-detail")).ToContainTextAsync("Warehouse");
        var results = await page.RunAxe();
        Assert.Empty(results.Violations.Where(v => v.Impact is "serious" or "critical").Select(v => v.Id));

        // Without script: the same dashboard, read with a reload, shows the same findings
        var plain = await browser.Chromium.NewContextAsync(new BrowserNewContextOptions { BaseURL = browser.BaseUrl, JavaScriptEnabled = false });
        var still = await plain.NewPageAsync();
        await still.GotoAsync("/account/sign-in");
        await still.GetByLabel("E-mail address").FillAsync($"{lead}@example.test");
        await still.GetByLabel("Password").FillAsync(World.Password);
        await still.GetByRole(AriaRole.Button, new() { Name = "Sign in" }).ClickAsync();
        await still.WaitForURLAsync(url => !url.Contains("/account/sign-in", StringComparison.Ordinal), new() { WaitUntil = WaitUntilState.Commit });
        await still.GotoAsync($"/applications/{application}");
        await Assertions.Expect(still.Locator("#item-VAL-2\\.11")).ToContainTextAsync("Warehouse");
        await plain.CloseAsync();
    }
}
