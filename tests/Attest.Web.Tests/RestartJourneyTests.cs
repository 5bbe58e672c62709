using System.Net;
using System.Text.RegularExpressions;
using Attest.Core.Workflow;
using Attest.Web.Data;
using Attest.Web.Features.Workflow;
using Attest.Web.Tests.Support;
using Microsoft.AspNetCore.Mvc.Testing.Handlers;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Attest.Web.Tests;

/// <summary>
/// The server restarts in the middle of someone's work: a new instance on the same database (its data-protection keys
/// with it) takes over, and the auditor goes on with the same cookie — no second sign-in, no score lost, and a form
/// fetched before the restart is still accepted after it.
/// </summary>
public sealed partial class RestartJourneyTests : IAsyncLifetime
{
    private readonly World world = new();

    public Task InitializeAsync() => world.InitializeAsync();

    public Task DisposeAsync() => world.DisposeAsync();

    [Fact]
    public async Task The_auditor_goes_on_scoring_after_a_restart_without_signing_in_again()
    {
        var a = world.ApplicationA;
        await WorkflowSteps.ToAuditInProgressAsync(world, a);
        var cells = (await WorkflowSteps.WorkflowAsync(world, a)).Audit!.Cells;
        var grid = $"/audits/{a}";

        // Signed in for real (the cookie sign-in, no test header), the auditor scores the first three cells one by one
        var cookies = new CookieContainer();
        AttestFactory? restarted = null;
        try
        {
            using (var before = world.Factory.CreateDefaultClient(new Uri("http://localhost"), new CookieContainerHandler(cookies)))
            {
                var signIn = await World.PostFormAsync(before, "/account/sign-in", "/account/sign-in", [new("Email", "auditor@example.test"), new("Password", World.Password)]);
                Assert.Equal(HttpStatusCode.Redirect, signIn.StatusCode);
                Assert.DoesNotContain("sign-in", signIn.Headers.Location!.OriginalString, StringComparison.Ordinal);
                for (var i = 0; i < 3; i++)
                {
                    await ScoreAsync(before, grid, await EvidenceTestWorkspace.TokenAsync(before, grid), cells[i].ItemId, cells[i].CaseStudyKey, i == 2 ? "not-met" : "met", i == 2 ? "Runbook not shown." : null);
                }

                Assert.Contains($"3 of {cells.Count} scored", await before.GetStringAsync(grid), StringComparison.Ordinal);
            }

            // The page open in the browser keeps its form (and its antiforgery token) across the restart
            string token;
            using (var before = world.Factory.CreateDefaultClient(new Uri("http://localhost"), new CookieContainerHandler(cookies)))
            {
                token = await EvidenceTestWorkspace.TokenAsync(before, grid);
            }

            // The restart: this instance stops, a new one starts on the same database and data folder
            world.Factory.OwnsStorage = false;
            await world.Factory.DisposeAsync();
            restarted = world.Factory.SharingStorage();
            restarted.OwnsStorage = true;

            using var after = restarted.CreateDefaultClient(new Uri("http://localhost"), new CookieContainerHandler(cookies));
            var page = await after.GetAsync(grid);
            Assert.Equal(HttpStatusCode.OK, page.StatusCode);
            var html = WebUtility.HtmlDecode(await page.Content.ReadAsStringAsync());
            Assert.Contains($"3 of {cells.Count} scored", html, StringComparison.Ordinal);
            Assert.Contains("Runbook not shown.", html, StringComparison.Ordinal);

            // The form fetched before the restart is accepted after it: the fourth cell is saved
            await ScoreAsync(after, grid, token, cells[3].ItemId, cells[3].CaseStudyKey, "met", null);
            Assert.Contains($"4 of {cells.Count} scored", await after.GetStringAsync(grid), StringComparison.Ordinal);
            var scored = (await WorkflowAsync(restarted, a)).Where(c => c.Score is not null).ToList();
            Assert.Equal(4, scored.Count);
            Assert.Equal("Runbook not shown.", scored.Single(c => c.ItemId == cells[2].ItemId && c.CaseStudyKey == cells[2].CaseStudyKey).Note);
        }
        finally
        {
            if (restarted is not null)
            {
                await restarted.DisposeAsync();
            }
        }
    }

    private static async Task ScoreAsync(HttpClient client, string grid, string token, string item, string? caseStudy, string score, string? note)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, $"{grid}?handler=Cell")
        {
            Content = new FormUrlEncodedContent([new("item", item), new("caseStudy", caseStudy ?? ""), new("score", score), new("note", note ?? ""), new("__RequestVerificationToken", token)]),
        };
        request.Headers.Accept.ParseAdd("application/json");
        var response = await client.SendAsync(request);
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"{item} ({caseStudy}): {(int)response.StatusCode} {body}");
        Assert.Matches(Saved(), body);
    }

    // The cells as the restarted instance reads them from the database
    private static async Task<IReadOnlyList<ScoringCell>> WorkflowAsync(AttestFactory factory, Guid application)
    {
        using var scope = factory.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<AttestDbContext>();
        var record = await db.Workflows.IgnoreQueryFiltersForTests().SingleAsync(w => w.ApplicationId == application);
        return ApplicationWorkflow.Restore(SnapshotJson.Read(record.Snapshot)).Audit!.Cells;
    }

    [GeneratedRegex("\"saved\":")]
    private static partial Regex Saved();
}
