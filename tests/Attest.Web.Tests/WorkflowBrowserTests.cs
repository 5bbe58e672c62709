using Attest.Core.Workflow;
using Attest.Web.Tests.Support;
using Deque.AxeCore.Playwright;
using Microsoft.Playwright;

namespace Attest.Web.Tests;

/// <summary>The submission, information request, audit and decision in a real browser, each person signing in as themselves.</summary>
public sealed class WorkflowBrowserTests(Browser browser) : IClassFixture<Browser>
{
    private World World => browser.World;

    [Fact]
    public async Task Submit_request_information_answer_resubmit_schedule_score_and_validate()
    {
        var a = World.ApplicationA;
        await WorkflowSteps.MakeReadyAsync(World, a);
        await JourneyAsync(a, "leadA", "Acme Retail Cloud", failing: null, screenshots: true);
        Assert.Equal(WorkflowState.Validated, (await WorkflowSteps.WorkflowAsync(World, a)).State);
        Assert.True(AuditTrail.Verify(await WorkflowSteps.TrailAsync(World)).Intact);
    }

    [Fact]
    public async Task The_same_journey_with_a_failed_item_ends_not_validated()
    {
        var b = World.ApplicationB;
        await WorkflowSteps.MakeReadyAsync(World, b, "Beta Consulting");
        await JourneyAsync(b, "leadB", "Beta Consulting", failing: "VAL-1.2", screenshots: false);
        var workflow = await WorkflowSteps.WorkflowAsync(World, b);
        Assert.Equal(WorkflowState.NotValidated, workflow.State);
        Assert.Equal(["VAL-1.2"], workflow.Decision!.FailingItems.Select(f => f.ItemId));
    }

    private async Task JourneyAsync(Guid id, string lead, string partner, string? failing, bool screenshots)
    {
        // The alliance lead submits from the dashboard
        var partnerPage = await browser.PageAsync(lead);
        await partnerPage.GotoAsync($"/applications/{id}");
        await partnerPage.GetByRole(AriaRole.Link, new() { Name = "Submit", Exact = true }).ClickAsync();
        await Accessible(partnerPage, screenshots ? "workflow-submit" : null);
        await partnerPage.GetByRole(AriaRole.Button, new() { Name = "Submit", Exact = true }).ClickAsync();
        await Assertions.Expect(partnerPage.GetByRole(AriaRole.Heading, new() { Name = "Submission and audit: submitted" })).ToBeVisibleAsync();

        // The program office finds it in its queue, starts the review and asks for more information on an item
        var office = await browser.PageAsync("office");
        await office.GotoAsync("/office");
        await Accessible(office, screenshots ? "office-queue" : null);
        await office.GetByRole(AriaRole.Link, new() { Name = partner }).ClickAsync();
        await office.GetByRole(AriaRole.Button, new() { Name = "Start the review" }).ClickAsync();
        await office.GetByLabel("Message").FillAsync("Which stores run the replenishment today?");
        await office.GetByLabel("Items concerned (optional, e.g. VAL-2.4 PRE-3.1)").FillAsync("VAL-2.4");
        await office.GetByRole(AriaRole.Button, new() { Name = "Request information" }).ClickAsync();
        await Assertions.Expect(office.GetByText("State: information requested")).ToBeVisibleAsync();

        // The partner answers in the thread and submits again
        await partnerPage.GotoAsync($"/applications/{id}/thread");
        await Assertions.Expect(partnerPage.GetByText("Which stores run the replenishment today?")).ToBeVisibleAsync();
        await partnerPage.GetByLabel("Message").FillAsync("All 240 stores since March.");
        await partnerPage.GetByRole(AriaRole.Button, new() { Name = "Send the answer" }).ClickAsync();
        await Accessible(partnerPage, screenshots ? "workflow-thread" : null);
        await partnerPage.GetByRole(AriaRole.Link, new() { Name = "Submit again" }).ClickAsync();
        await partnerPage.GetByRole(AriaRole.Button, new() { Name = "Submit again" }).ClickAsync();
        await Assertions.Expect(partnerPage.GetByRole(AriaRole.Heading, new() { Name = "Submission and audit: resubmitted" })).ToBeVisibleAsync();

        // The office schedules the audit with the auditor and the partner's people
        // The review stays started: the resubmission is not "started" again
        await office.GotoAsync($"/applications/{id}/office");
        await Assertions.Expect(office.GetByRole(AriaRole.Button, new() { Name = "Start the review" })).ToHaveCountAsync(0);
        await office.GetByLabel("Date", new() { Exact = true }).FillAsync("2026-12-10");
        await office.GetByLabel("Start time", new() { Exact = true }).FillAsync("14:00");
        await office.GetByLabel("Time zone", new() { Exact = true }).SelectOptionAsync("Europe/Paris");
        await office.GetByLabel("Auditor", new() { Exact = true }).SelectOptionAsync(World.Users["auditor"]);
        var first = office.GetByRole(AriaRole.Group, new() { Name = "Attendee 1", Exact = true });
        await first.GetByLabel("Name").FillAsync("Ada Architect");
        await first.GetByLabel("E-mail").FillAsync($"{lead}@example.test");
        await first.GetByLabel("Role at the audit").SelectOptionAsync("certified-architect-or-engineer");
        var second = office.GetByRole(AriaRole.Group, new() { Name = "Attendee 2", Exact = true });
        await second.GetByLabel("Name").FillAsync("Olga Ops");
        await second.GetByLabel("E-mail").FillAsync("olga@example.test");
        await second.GetByLabel("Role at the audit").SelectOptionAsync("operations-lead");

        // A third row comes without a page reload (the script adds it in place) and, left empty, is ignored
        var url = office.Url;
        await office.GetByRole(AriaRole.Button, new() { Name = "Add a person" }).ClickAsync();
        await Assertions.Expect(office.GetByRole(AriaRole.Group, new() { Name = "Attendee 3", Exact = true })).ToBeVisibleAsync();
        Assert.Equal(url, office.Url);
        await Assertions.Expect(second.GetByLabel("Name")).ToHaveValueAsync("Olga Ops");
        await office.GetByRole(AriaRole.Button, new() { Name = "Schedule the audit" }).ClickAsync();
        await Assertions.Expect(office.GetByText("State: audit scheduled")).ToBeVisibleAsync();
        await Accessible(office, screenshots ? "office-application" : null);

        // The auditor scores every cell (one fails in the second journey) and closes the audit
        var auditor = await browser.PageAsync("auditor");
        await auditor.GotoAsync("/audits");
        await auditor.GetByRole(AriaRole.Link, new() { Name = partner }).ClickAsync();
        await auditor.GetByRole(AriaRole.Button, new() { Name = "Start the audit" }).ClickAsync();
        // The started audit's page, whole (its last form closes the audit), before the cells are counted
        await Assertions.Expect(auditor.GetByRole(AriaRole.Button, new() { Name = "Close the audit" })).ToBeVisibleAsync();
        await auditor.WaitForLoadStateAsync(LoadState.Load);
        // Each cell saves itself as it is chosen; the progress counts them
        var cells = await auditor.Locator("form.score-form").CountAsync();
        // One cell after the other, each once its save has come back: a save rewrites its cell's status and colour, which
        // can move the next cell under the pointer while a click is on its way
        foreach (var met in await auditor.GetByLabel("Met", new() { Exact = true }).AllAsync())
        {
            await met.CheckAsync();
            await Assertions.Expect(met.Locator("xpath=ancestor::td[1]")).ToHaveClassAsync(new System.Text.RegularExpressions.Regex(@"\bscored-met\b"));
        }

        await Assertions.Expect(auditor.Locator("#grid-progress")).ToHaveTextAsync($"{cells} of {cells} scored");
        if (failing is not null)
        {
            var cell = auditor.GetByRole(AriaRole.Group, new() { Name = failing }).First;
            await cell.GetByLabel("Not met", new() { Exact = true }).CheckAsync();
            await cell.Locator("summary", new() { HasText = "Note (optional)" }).ClickAsync();
            await cell.GetByLabel("Note (optional)").FillAsync("The opening presentation was not given.");
            await cell.GetByRole(AriaRole.Button, new() { Name = "Save" }).ClickAsync();
        }

        await Assertions.Expect(auditor.Locator(".cell-status", new() { HasText = "Saving" })).ToHaveCountAsync(0);
        await Accessible(auditor, screenshots ? "audit-scoring" : null);
        await auditor.GetByRole(AriaRole.Button, new() { Name = "Close the audit" }).ClickAsync();
        await Assertions.Expect(auditor.GetByText("The audit is closed.")).ToBeVisibleAsync();

        // The office records the decision: validated, or, with a failed item, not validated (validation is refused)
        await office.GotoAsync($"/applications/{id}/office");
        if (failing is null)
        {
            await office.GetByLabel("Validated", new() { Exact = true }).CheckAsync();
        }
        else
        {
            await Assertions.Expect(office.Locator("#failing-items")).ToContainTextAsync(failing);
            await office.GetByLabel("Validated", new() { Exact = true }).CheckAsync();
            await office.GetByRole(AriaRole.Button, new() { Name = "Record the decision" }).ClickAsync();
            await Assertions.Expect(office.GetByRole(AriaRole.Alert)).ToContainTextAsync("cannot be validated");
            await office.GetByLabel("Not validated", new() { Exact = true }).CheckAsync();
        }

        await office.GetByRole(AriaRole.Button, new() { Name = "Record the decision" }).ClickAsync();
        await Assertions.Expect(office.GetByText(failing is null ? "State: validated" : "State: not validated")).ToBeVisibleAsync();

        await partnerPage.GotoAsync($"/applications/{id}");
        await Assertions.Expect(partnerPage.GetByRole(AriaRole.Heading, new() { Name = failing is null ? "Submission and audit: validated" : "Submission and audit: not validated" })).ToBeVisibleAsync();
        await Accessible(partnerPage, screenshots ? "workflow-dashboard" : null);
        await partnerPage.GotoAsync("/notifications");
        await Assertions.Expect(partnerPage.GetByText("The program office's decision")).ToBeVisibleAsync();
        await Accessible(partnerPage, screenshots ? "notifications" : null);
    }

    private static async Task Accessible(IPage page, string? screenshot)
    {
        var results = await page.RunAxe();
        var serious = results.Violations.Where(v => v.Impact is "serious" or "critical").ToList();
        Assert.True(serious.Count == 0, page.Url + ": " + string.Join("\n", serious.Select(v => $"{v.Id} ({v.Impact}): {v.Help} — {string.Join(", ", v.Nodes.Select(n => n.Target?.ToString()))}")));
        if (screenshot is not null && Environment.GetEnvironmentVariable("ATTEST_SCREENSHOTS") is { Length: > 0 } folder)
        {
            Directory.CreateDirectory(folder);
            await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(folder, screenshot + ".png"), FullPage = false });
        }
    }
}
