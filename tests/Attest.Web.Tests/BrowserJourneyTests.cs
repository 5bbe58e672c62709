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
        await page.GetByLabel("Key", new() { Exact = true }).FillAsync("northwind");
        await page.GetByLabel("Customer name").FillAsync("Northwind Grocers");
        await page.GetByLabel("Stage").SelectOptionAsync("production");
        await page.GetByLabel("Completed on").FillAsync("2026-06-30");
        await page.GetByRole(AriaRole.Button, new() { Name = "Save" }).ClickAsync();
        await page.WaitForURLAsync($"**/applications/{browser.World.ApplicationA}", new() { WaitUntil = WaitUntilState.DOMContentLoaded });
        await Assertions.Expect(page.GetByRole(AriaRole.Link, new() { Name = "Northwind Grocers" })).ToBeVisibleAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Not ready" })).ToBeVisibleAsync();

        // The rest of the application arrives as a format v1 file, as a partner would bring it from the CLI
        await page.Locator("section.files summary").ClickAsync();
        await page.GetByLabel("Application file to import (format v1, YAML or JSON)").SetInputFilesAsync(Path.Combine(Repository, "examples", "ready.yaml"));
        await page.GetByRole(AriaRole.Button, new() { Name = "Import", Exact = true }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Status).Filter(new() { HasText = "Imported" })).ToBeVisibleAsync();
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
        await page.WaitForURLAsync("**/evidence/*", new() { WaitUntil = WaitUntilState.DOMContentLoaded });
        await page.GetByLabel("Case study").SelectOptionAsync($"{browser.World.ApplicationA:N}/contoso");
        await page.GetByRole(AriaRole.Button, new() { Name = "Attach to an application" }).ClickAsync();
        await page.GotoAsync($"/applications/{browser.World.ApplicationA}");

        // The analysis runs in the background: the dashboard says so, and shows the findings once reloaded after it
        for (var attempt = 0; attempt < 100 && await page.Locator(".notice.scanning").CountAsync() > 0; attempt++)
        {
            await Task.Delay(200);
            await page.ReloadAsync();
        }

        await Assertions.Expect(page.Locator("#item-VAL-2\\.11")).ToContainTextAsync("Warehouse");
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Not ready" })).ToBeVisibleAsync();
        await Screenshot(page, "dashboard");
    }

    [Fact]
    public async Task New_partner_starts_an_application_types_it_in_uploads_evidence_and_watches_it_become_ready()
    {
        await browser.World.AddPartnerAsync("Northwind Digital", "leadC");
        var page = await browser.PageAsync("leadC");

        // Start: the home page offers the checklist; the dashboard of the new application opens, not ready
        await page.GotoAsync("/");
        await page.GetByLabel("Checklist").SelectOptionAsync("aws-retail-consulting-2019-12");
        await page.GetByRole(AriaRole.Button, new() { Name = "Start an application" }).ClickAsync();
        await page.WaitForURLAsync(new System.Text.RegularExpressions.Regex("/applications/[0-9a-f-]{36}$"), new() { WaitUntil = WaitUntilState.DOMContentLoaded });
        var dashboard = new Uri(page.Url).AbsolutePath;
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Not ready" })).ToBeVisibleAsync();

        // The partner profile, typed in (the name is the partner record's): tier, the guidelines, the web site and four kinds of public content
        await page.GotoAsync(dashboard + "/profile");
        await Assertions.Expect(page.GetByLabel("Partner name")).ToHaveValueAsync("Northwind Digital");
        await page.GetByLabel("APN consulting partner tier (PRE-1.2)").SelectOptionAsync("advanced");
        await Choose(page, "We have read the program guidelines (PRE-1.1)", "Yes");
        await Choose(page, "Member of the AWS Managed Service Provider program (PRE-2.4)", "No");
        await Choose(page, "We are a consultancy dedicated to retail, and our home page shows it", "No");
        await page.GetByLabel("Home page").FillAsync("https://northwind-digital.example/");
        await page.GetByLabel("Retail practice page (PRE-3.1)").FillAsync("https://northwind-digital.example/retail");
        await Choose(page, "The home page links to the practice page", "Yes");
        await page.GetByLabel("We state our public content (an empty list means none)").CheckAsync();
        (string Title, string Kind, string? Published)[] content =
        [
            ("Unified commerce on AWS", "blog", "2026-09-14"),
            ("Forecasting demand", "article", "2026-05-02"),
            ("Store-operations workshop", "workshop", "2026-06-20"),
            ("Omnichannel inventory", "use-case", null),
        ];
        for (var i = 0; i < content.Length; i++)
        {
            var row = page.GetByRole(AriaRole.Group, new() { Name = $"Content {i + 1}", Exact = true });
            await row.GetByLabel("Title").FillAsync(content[i].Title);
            await row.GetByLabel("Address").FillAsync($"https://northwind-digital.example/content/{i + 1}");
            await row.GetByLabel("Kind").SelectOptionAsync(content[i].Kind);
            if (content[i].Published is { } published)
            {
                await row.GetByLabel("Published on").FillAsync(published);
            }

            // "Add a row" adds a blank row in place (the script; without it the form comes back with one more); Save posts them all
            await page.GetByRole(AriaRole.Button, new() { Name = i < content.Length - 1 ? "Add a row" : "Save" }).First.ClickAsync();
            await page.WaitForLoadStateAsync();
        }

        // Four production case studies, typed in field by field
        (string Key, string Customer, string UseCase, string Completed, bool Public)[] studies =
        [
            ("contoso", "Contoso Stores", "supply-chain", "2026-01-15", true),
            ("fabrikam", "Fabrikam Fashion", "customer-engagement", "2025-11-03", true),
            ("litware", "Litware Markets", "stores", "2026-06-30", false),
            ("tailspin", "Tailspin Outdoor", "data-science", "2026-08-12", false),
        ];
        foreach (var study in studies)
        {
            await page.GotoAsync(dashboard);
            await page.GetByRole(AriaRole.Link, new() { Name = "Add a case study" }).ClickAsync();
            await page.GetByLabel("Key", new() { Exact = true }).FillAsync(study.Key);
            await page.GetByLabel("Customer name").FillAsync(study.Customer);
            await page.GetByLabel("Customer website").FillAsync($"https://{study.Key}.example");
            await page.GetByLabel("Stage").SelectOptionAsync("production");
            await page.GetByLabel("Retail use case").SelectOptionAsync(study.UseCase);
            await page.GetByLabel("Delivery category").SelectOptionAsync("project");
            await page.GetByLabel("Completed on").FillAsync(study.Completed);
            await page.GetByLabel("The customer's problem").FillAsync($"{study.Customer} lost sales to stock-outs and slow checkouts.");
            await page.GetByLabel("What you proposed").FillAsync("An event-driven platform on AWS with daily forecasts.");
            await page.GetByLabel("AWS services used (one per line)").FillAsync("AWS Lambda\nAmazon DynamoDB\nAmazon S3");
            await page.GetByLabel("How your retail knowledge was used").FillAsync("Our merchandising consultants tuned the replenishment rules.");
            await page.GetByLabel("Third-party applications are stated (an empty list means none)").CheckAsync();
            await page.GetByLabel("Results", new() { Exact = true }).FillAsync("Stock-outs down by a third in six months.");
            await page.GetByLabel("Compliance requirements are stated (an empty list means none)").CheckAsync();
            if (study.Public)
            {
                await page.GetByLabel("Customer-described compliance requirements (one per line)").FillAsync(study.Key == "contoso" ? "PCI-DSS" : "GDPR");
            }

            if (study.Key == "contoso")
            {
                await page.GetByLabel("Regional disaster recovery: RTO (minutes)").FillAsync("240");
                await page.GetByLabel("Regional disaster recovery: RPO (minutes)").FillAsync("60");
                await page.GetByLabel("Recovery test run on").FillAsync("2025-12-20");
                await page.GetByLabel("Recovery runbook delivered to the customer").SelectOptionAsync("yes");
            }

            if (study.Public)
            {
                await page.GetByLabel("Public case study address").FillAsync($"https://northwind-digital.example/retail/{study.Key}");
                await page.GetByLabel("Linked from your web site").SelectOptionAsync("yes");
            }

            await page.GetByLabel("E-commerce implementation").SelectOptionAsync("no");
            await page.GetByLabel("Cardholder data present").SelectOptionAsync("no");
            await page.GetByLabel("RTO/RPO for the loss of one Availability Zone, one component per line: name | RTO minutes | RPO minutes").FillAsync("order service | 15 | 5");
            await page.GetByRole(AriaRole.Button, new() { Name = "Save" }).ClickAsync();
            await page.WaitForURLAsync($"**{dashboard}", new() { WaitUntil = WaitUntilState.DOMContentLoaded });
            await Assertions.Expect(page.GetByRole(AriaRole.Link, new() { Name = study.Customer })).ToBeVisibleAsync();
        }

        // Evidence: the storefront's CloudFormation template, uploaded to the library and attached to the first case study
        await page.GotoAsync("/evidence/upload");
        await page.GetByLabel("File", new() { Exact = true }).SetInputFilesAsync(Path.Combine(Repository, "examples", "iac", "contoso", "storefront.yaml"));
        await page.GetByRole(AriaRole.Button, new() { Name = "Upload a file" }).ClickAsync();
        await page.WaitForURLAsync("**/evidence/*", new() { WaitUntil = WaitUntilState.DOMContentLoaded });
        var application = dashboard["/applications/".Length..];
        await page.GetByLabel("Case study").SelectOptionAsync($"{Guid.Parse(application):N}/contoso");
        await page.GetByRole(AriaRole.Button, new() { Name = "Attach to an application" }).ClickAsync();

        // The self-assessment: every item met, with a justification
        await page.GotoAsync(dashboard + "/self-assessment");
        var items = page.Locator("fieldset.item");
        var count = await items.CountAsync();
        Assert.Equal(24, count);
        for (var i = 0; i < count; i++)
        {
            var item = items.Nth(i);
            await item.GetByLabel("Yes", new() { Exact = true }).CheckAsync();
            await item.GetByLabel("Justification").FillAsync("Done as the checklist asks; details at the audit.");
        }

        await page.GetByRole(AriaRole.Button, new() { Name = "Save the self-assessment" }).Last.ClickAsync();
        await page.WaitForLoadStateAsync();

        // Readiness follows: ready once the template's scan has run, every case study counted
        await page.GotoAsync(dashboard);
        for (var attempt = 0; attempt < 20 && !await page.GetByRole(AriaRole.Heading, new() { Name = "Ready", Exact = true }).IsVisibleAsync(); attempt++)
        {
            await Task.Delay(500);
            await page.ReloadAsync();
        }

        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Ready", Exact = true })).ToBeVisibleAsync();
        foreach (var study in studies)
        {
            await Assertions.Expect(page.GetByRole(AriaRole.Link, new() { Name = study.Customer })).ToBeVisibleAsync();
        }
    }

    private static Task Choose(IPage page, string question, string answer) =>
        page.GetByRole(AriaRole.Group, new() { Name = question, Exact = true }).GetByLabel(answer, new() { Exact = true }).CheckAsync();

    [Fact]
    public async Task Switching_to_French_translates_the_pages_and_is_remembered()
    {
        var page = await browser.PageAsync("leadA");
        await page.GotoAsync($"/applications/{browser.World.ApplicationA}");
        await page.GetByRole(AriaRole.Button, new() { Name = "Français" }).ClickAsync();
        await Assertions.Expect(page.Locator("html")).ToHaveAttributeAsync("lang", "fr");
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Éléments et études de cas", Exact = true })).ToBeVisibleAsync();
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
    [InlineData("leadA", "/applications/{A}/profile", "profile")]
    [InlineData("leadA", "/applications/{A}/self-assessment", "self-assessment")]
    [InlineData("leadA", "/evidence", "evidence")]
    [InlineData("leadA", "/account", "account")]
    [InlineData("leadA", "/account/tokens", "tokens")]
    [InlineData("admin", "/admin/users", "admin-users")]
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
