using System.Net;
using System.Text.Json;
using Attest.Core.Workflow;
using Attest.Web.Data;
using Attest.Web.Tests.Support;

namespace Attest.Web.Tests;

/// <summary>The auditor's grid: every cell saved on its own through the page's Cell handler, authorized as the grid itself.</summary>
public sealed class AuditGridTests : IAsyncLifetime
{
    private readonly World world = new();

    private Guid A => world.ApplicationA;

    private string Grid => $"/audits/{A}";

    public Task InitializeAsync() => world.InitializeAsync();

    public Task DisposeAsync() => world.DisposeAsync();

    [Fact]
    public async Task A_cell_posted_without_script_is_saved_alone_and_the_grid_comes_back_at_that_cell()
    {
        await WorkflowSteps.ToAuditInProgressAsync(world, A);
        var before = (await WorkflowSteps.WorkflowAsync(world, A)).Audit!.Cells;
        var target = before.First(c => c.CaseStudyKey is not null);

        var response = await WorkflowSteps.PostAsync(world, "auditor", Grid, "Cell", ("item", target.ItemId), ("caseStudy", target.CaseStudyKey!), ("score", "not-met"), ("note", "  The runbook was not shown.  "));
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal($"/audits/{A}#cell-{target.ItemId}--{target.CaseStudyKey}", response.Headers.Location!.OriginalString);

        var after = (await WorkflowSteps.WorkflowAsync(world, A)).Audit!.Cells;
        var saved = after.Single(c => c.ItemId == target.ItemId && c.CaseStudyKey == target.CaseStudyKey);
        Assert.Equal(AuditScore.NotMet, saved.Score);
        Assert.Equal("The runbook was not shown.", saved.Note);
        Assert.Equal(1, after.Count(c => c.Score is not null));

        // The grid says how far the scoring is
        var html = await world.Client("auditor").GetStringAsync(Grid);
        Assert.Contains($"1 of {after.Count} scored", html, StringComparison.Ordinal);
        Assert.Contains($"id=\"cell-{target.ItemId}--{target.CaseStudyKey}\"", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_script_gets_the_progress_as_json_or_why_the_cell_was_not_saved()
    {
        await WorkflowSteps.ToAuditInProgressAsync(world, A);
        var cells = (await WorkflowSteps.WorkflowAsync(world, A)).Audit!.Cells;
        var partnerCell = cells.First(c => c.CaseStudyKey is null);

        var saved = await PostJsonAsync("auditor", ("item", partnerCell.ItemId), ("caseStudy", ""), ("score", "met"));
        Assert.Equal(HttpStatusCode.OK, saved.StatusCode);
        using (var body = JsonDocument.Parse(await saved.Content.ReadAsStringAsync()))
        {
            Assert.Equal(1, body.RootElement.GetProperty("scored").GetInt32());
            Assert.Equal(cells.Count, body.RootElement.GetProperty("total").GetInt32());
            Assert.Equal($"1 of {cells.Count} scored", body.RootElement.GetProperty("progress").GetString());
        }

        // No score chosen, a cell that is not in the grid: refused with the reason, nothing stored
        var unscored = await PostJsonAsync("auditor", ("item", cells[1].ItemId), ("caseStudy", cells[1].CaseStudyKey ?? ""), ("note", "only a note"));
        Assert.Equal(HttpStatusCode.UnprocessableEntity, unscored.StatusCode);
        Assert.Contains("Choose Met or Not met", await unscored.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        var unknown = await PostJsonAsync("auditor", ("item", "VAL-9.9"), ("caseStudy", "nobody"), ("score", "met"));
        Assert.Equal(HttpStatusCode.UnprocessableEntity, unknown.StatusCode);
        Assert.Equal(1, (await WorkflowSteps.WorkflowAsync(world, A)).Audit!.Cells.Count(c => c.Score is not null));
    }

    [Fact]
    public async Task Only_the_assigned_auditor_saves_a_cell_and_not_after_the_audit_is_closed()
    {
        await world.AddUserAsync("auditor2", UserRole.Auditor, null);
        await WorkflowSteps.ToAuditInProgressAsync(world, A);
        var cell = (await WorkflowSteps.WorkflowAsync(world, A)).Audit!.Cells[0];
        (string, string)[] fields = [("item", cell.ItemId), ("caseStudy", cell.CaseStudyKey ?? ""), ("score", "met")];

        foreach (var user in new[] { "auditor2", "office", "leadA", "leadB", "manager", "contributorA", "admin" })
        {
            var response = await WorkflowSteps.PostAsync(world, user, Grid, "Cell", fields);
            Assert.True(response.StatusCode is HttpStatusCode.NotFound or HttpStatusCode.Forbidden, $"{user}: {(int)response.StatusCode}");
        }

        Assert.DoesNotContain((await WorkflowSteps.WorkflowAsync(world, A)).Audit!.Cells, c => c.Score is not null);

        // Once closed, the grid is read-only: a cell posted then is refused
        await WorkflowSteps.ScoreAllAsync(world, A);
        await WorkflowSteps.DoAsync(world, "auditor", Grid, "Close");
        var late = await WorkflowSteps.PostAsync(world, "auditor", Grid, "Cell", ("item", cell.ItemId), ("caseStudy", cell.CaseStudyKey ?? ""), ("score", "not-met"));
        Assert.Equal(HttpStatusCode.OK, late.StatusCode);
        Assert.Contains("closed", await late.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(AuditScore.Met, (await WorkflowSteps.WorkflowAsync(world, A)).Audit!.Cells[0].Score);
    }

    private async Task<HttpResponseMessage> PostJsonAsync(string user, params (string Name, string Value)[] fields)
    {
        using var client = world.Client(user);
        client.DefaultRequestHeaders.Accept.ParseAdd("application/json");
        return await World.PostFormAsync(client, Grid, $"{Grid}?handler=Cell", fields.Select(f => new KeyValuePair<string, string>(f.Name, f.Value)));
    }
}
