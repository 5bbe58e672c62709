using System.Net;
using System.Text.Json;
using Attest.Web.Data;
using Attest.Web.Infrastructure;
using Attest.Web.Tests.Support;
using Microsoft.EntityFrameworkCore;

namespace Attest.Web.Tests;

/// <summary>
/// The fingerprint the dashboard polls to redraw its matrix (<c>/applications/{id}/readiness-state</c>): readable by whoever
/// reads the dashboard and by no one else, equal to the one the page was drawn with, and changed by an analysis finishing.
/// </summary>
public sealed class MatrixRefreshTests : IAsyncLifetime
{
    private readonly World world = new();

    public Task InitializeAsync() => world.InitializeAsync();

    public Task DisposeAsync() => world.DisposeAsync();

    [Fact]
    public async Task The_readiness_state_answers_whoever_reads_the_dashboard_and_no_one_else()
    {
        var a = world.ApplicationA;
        var b = world.ApplicationB;
        await WorkflowSteps.ToAuditInProgressAsync(world, b, "auditor", "leadB");
        foreach (var (user, application) in new (string?, Guid)[]
        {
            (null, a), ("admin", a), ("leadA", a), ("contributorA", a), ("leadB", a), ("manager", a), ("office", a), ("auditor", a),
            ("leadA", b), ("manager", b), ("leadB", b), ("office", b), ("auditor", b),
        })
        {
            using var client = world.Client(user);
            var dashboard = await client.GetAsync($"/applications/{application}");
            var state = await client.GetAsync($"/applications/{application}/readiness-state");
            var who = $"{user ?? "anonymous"} on {(application == a ? "A" : "B")}";
            Assert.True(dashboard.StatusCode == state.StatusCode, $"{who}: the dashboard answers {(int)dashboard.StatusCode}, the state {(int)state.StatusCode}");
            if (state.StatusCode == HttpStatusCode.OK)
            {
                Assert.Equal("application/json", state.Content.Headers.ContentType?.MediaType);
                Assert.Contains("no-store", state.Headers.CacheControl?.ToString() ?? "", StringComparison.Ordinal);
                var body = await state.Content.ReadAsStringAsync();
                Assert.Contains($"data-state=\"{Fingerprint(body)}\"", await dashboard.Content.ReadAsStringAsync(), StringComparison.Ordinal);
            }
        }

        // The answers the table expects: the partner's people and its manager on the draft; the office, the auditor and the partner on the audited one
        Assert.Equal(HttpStatusCode.OK, (await world.Client("leadA").GetAsync($"/applications/{a}/readiness-state")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await world.Client("leadB").GetAsync($"/applications/{a}/readiness-state")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await world.Client("office").GetAsync($"/applications/{a}/readiness-state")).StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await world.Client(null).GetAsync($"/applications/{a}/readiness-state")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await world.Client("auditor").GetAsync($"/applications/{b}/readiness-state")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await world.Client("leadA").GetAsync($"/applications/{b}/readiness-state")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await world.Client("leadA").GetAsync($"/applications/{Guid.NewGuid()}/readiness-state")).StatusCode);
    }

    [Fact]
    public async Task The_state_changes_when_a_file_is_attached_and_again_when_its_analysis_finishes()
    {
        var a = world.ApplicationA;
        using var lead = world.Client("leadA");
        var before = await StateAsync(lead, a);
        Assert.False(before.GetProperty("running").GetBoolean());
        Assert.Equal(before.GetProperty("state").GetString(), (await StateAsync(lead, a)).GetProperty("state").GetString());

        // A file attached to the case study, its analysis under way (held by a lease no worker takes over)
        var sha = Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData("AWSTemplateFormatVersion: '2010-09-09'\n"u8.ToArray()));
        await world.ReadAsync(async db =>
        {
            var evidence = new EvidenceRecord { Id = Guid.NewGuid(), PartnerId = world.PartnerA, Name = "stack.yaml", Sha256 = sha, Size = 40, ContentType = EvidenceContentType.Text, AddedAt = world.Factory.Now };
            db.Evidence.Add(evidence);
            db.EvidenceLinks.Add(new EvidenceLink { Id = Guid.NewGuid(), EvidenceId = evidence.Id, PartnerId = world.PartnerA, ApplicationId = a, CaseStudyKey = "contoso" });
            db.EvidenceAnalyses.Add(new EvidenceAnalysisRecord { Sha256 = sha, AnalyzerVersion = AnalyzerVersion.Current, State = AnalysisState.Running, QueuedAt = world.Factory.Now, LeaseExpires = long.MaxValue, Attempts = 1, IsCode = true });
            return await db.SaveChangesAsync();
        });
        var attached = await StateAsync(lead, a);
        Assert.NotEqual(before.GetProperty("state").GetString(), attached.GetProperty("state").GetString());
        Assert.True(attached.GetProperty("running").GetBoolean());
        Assert.Equal(0, attached.GetProperty("analysed").GetInt32());
        Assert.Equal(1, attached.GetProperty("files").GetInt32());

        // The analysis finishes, saved as the worker saves it: the fingerprint moves on, nothing runs any more
        await world.ReadAsync(async db =>
        {
            var analysis = await db.EvidenceAnalyses.SingleAsync(x => x.Sha256 == sha);
            analysis.State = AnalysisState.Done;
            analysis.LeaseExpires = null;
            return await db.SaveChangesAsync();
        });
        var analysed = await StateAsync(lead, a);
        Assert.NotEqual(attached.GetProperty("state").GetString(), analysed.GetProperty("state").GetString());
        Assert.False(analysed.GetProperty("running").GetBoolean());
        Assert.Equal(1, analysed.GetProperty("analysed").GetInt32());

        // The dashboard carries the fingerprint it was drawn with, and the script that polls it
        var html = await lead.GetStringAsync($"/applications/{a}");
        Assert.Contains($"data-state=\"{analysed.GetProperty("state").GetString()}\"", html, StringComparison.Ordinal);
        Assert.Contains($"data-state-url=\"/applications/{a}/readiness-state\"", html, StringComparison.Ordinal);
        Assert.Matches("<script src=\"/js/live\\.js\\?v=[^\"]+\" defer>", html);
    }

    private static string? Fingerprint(string json) => JsonDocument.Parse(json).RootElement.GetProperty("state").GetString();

    private static async Task<JsonElement> StateAsync(HttpClient client, Guid application)
    {
        var response = await client.GetAsync($"/applications/{application}/readiness-state");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.Clone();
    }
}

/// <summary>The readiness fingerprint in the authorization matrix: as the dashboard.</summary>
public sealed class ReadinessMatrixRows : IMatrixRows
{
    private const HttpStatusCode Ok = HttpStatusCode.OK;
    private const HttpStatusCode SignIn = HttpStatusCode.Redirect;
    private const HttpStatusCode Hidden = HttpStatusCode.NotFound;

    // Columns: anonymous, admin, leadA, contributorA, leadB (other partner), manager (assigned to A), office, auditor
    public IEnumerable<MatrixRow> Rows(World world) =>
    [
        new("applications/{id:guid}/readiness-state", $"/applications/{world.ApplicationA}/readiness-state", [SignIn, Hidden, Ok, Ok, Hidden, Ok, Hidden, Hidden]),
    ];
}
