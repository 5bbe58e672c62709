using System.Net;
using Attest.Web.Tests.Support;

namespace Attest.Web.Tests;

/// <summary>What the pages say matches where the application stands: closed audits, decided applications, who reads.</summary>
public sealed class TruthfulStateTests : IAsyncLifetime
{
    private readonly World world = new();

    private Guid A => world.ApplicationA;

    public Task InitializeAsync() => world.InitializeAsync();

    public Task DisposeAsync() => world.DisposeAsync();

    [Fact]
    public async Task A_closed_audit_no_longer_says_in_progress_and_a_decided_application_is_read_only()
    {
        await WorkflowSteps.ToAuditInProgressAsync(world, A);
        await WorkflowSteps.ScoreAllAsync(world, A, failing: "VAL-1.2");
        await WorkflowSteps.DoAsync(world, "auditor", $"/audits/{A}", "Close");
        var dashboard = await world.Client("leadA").GetStringAsync($"/applications/{A}");
        Assert.Contains("Submission and audit: audit closed, awaiting the decision", dashboard, StringComparison.Ordinal);
        Assert.Contains("audit closed, awaiting the decision", await world.Client("office").GetStringAsync($"/applications/{A}/office"), StringComparison.Ordinal);

        await WorkflowSteps.DoAsync(world, "office", $"/applications/{A}/office", "Decide", ("outcome", "not-validated"));
        dashboard = await world.Client("leadA").GetStringAsync($"/applications/{A}");
        Assert.Contains("it can no longer be changed", dashboard, StringComparison.Ordinal);
        Assert.DoesNotContain("/case-studies/new", dashboard, StringComparison.Ordinal);

        // The forms and the API refuse changes; nothing is added
        var page = await world.Client("leadA").GetAsync($"/applications/{A}/case-studies/new");
        Assert.Equal(HttpStatusCode.Redirect, page.StatusCode);
        var posted = await WorkflowSteps.PostAsync(world, "leadA", $"/applications/{A}/case-studies/new", null, ("Form.Key", "late"), ("Form.Customer", "Late Customer"), ("Form.Revision", "0"));
        Assert.Equal(HttpStatusCode.Redirect, posted.StatusCode);
        Assert.Equal($"/applications/{A}", posted.Headers.Location!.OriginalString);
        Assert.Equal(HttpStatusCode.Redirect, (await world.Client("leadA").GetAsync($"/applications/{A}/profile")).StatusCode);
        using var api = await ApiSteps.AsAsync(world, "leadA");
        var put = await api.SendAsync(ApiSteps.Put($"/api/v1/applications/{A}/case-studies/late", ApiSteps.Json("""{ "customer": "Late Customer" }""")));
        Assert.Equal(HttpStatusCode.Conflict, put.StatusCode);
        Assert.DoesNotContain(await world.ReadAsync(db => Task.FromResult(db.CaseStudies.Where(c => c.ApplicationId == A).Select(c => c.Key).ToList())), k => k == "late");
    }

    [Theory]
    [InlineData("en", "audit closed, awaiting the decision", "audit in progress")]
    [InlineData("fr", "audit clos, décision attendue", "audit en cours")]
    public async Task Once_the_audit_is_closed_every_list_and_page_says_so(string language, string closed, string inProgress)
    {
        await WorkflowSteps.ToAuditInProgressAsync(world, A);
        await WorkflowSteps.ScoreAllAsync(world, A);
        async Task<string> Read(string user, string url)
        {
            using var client = world.Client(user);
            client.DefaultRequestHeaders.AcceptLanguage.Add(new System.Net.Http.Headers.StringWithQualityHeaderValue(language));
            return WebUtility.HtmlDecode(await client.GetStringAsync(url));
        }

        // While the auditor scores, the lists say the audit is in progress
        Assert.Contains(inProgress, await Read("office", "/office"), StringComparison.Ordinal);
        Assert.Contains(inProgress, await Read("auditor", "/audits"), StringComparison.Ordinal);

        await WorkflowSteps.DoAsync(world, "auditor", $"/audits/{A}", "Close");
        foreach (var (user, url) in new[] { ("office", "/office"), ("auditor", "/audits"), ("office", "/"), ("leadA", "/"), ("auditor", "/") })
        {
            var html = await Read(user, url);
            Assert.Contains(closed, html, StringComparison.Ordinal);
            Assert.DoesNotContain(inProgress, html, StringComparison.Ordinal);
        }

        // The pages of the application: its state, and the history's last step (closing the audit) leaves it closed
        foreach (var (user, url) in new[] { ("leadA", $"/applications/{A}"), ("office", $"/applications/{A}/office"), ("auditor", $"/audits/{A}"), ("office", $"/applications/{A}/thread") })
        {
            Assert.Contains(closed, await Read(user, url), StringComparison.Ordinal);
        }

        var dashboard = await Read("leadA", $"/applications/{A}");
        var history = dashboard[dashboard.IndexOf("<tbody>", dashboard.IndexOf("id=\"workflow\"", StringComparison.Ordinal), StringComparison.Ordinal)..];
        var lastStep = history[..history.IndexOf("</tr>", StringComparison.Ordinal)];
        Assert.Contains(closed, lastStep, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_partner_reads_you_others_read_the_partner()
    {
        await WorkflowSteps.MakeReadyAsync(world, A);
        var partner = await world.Client("leadA").GetStringAsync($"/applications/{A}");
        var manager = await world.Client("manager").GetStringAsync($"/applications/{A}");
        Assert.Contains("You assessed it as met", partner, StringComparison.Ordinal);
        Assert.DoesNotContain("You assessed", manager, StringComparison.Ordinal);
        Assert.Contains("The partner assessed it as met", manager, StringComparison.Ordinal);
        foreach (var html in new[] { partner, manager })
        {
            Assert.DoesNotContain("selfAssessment", html, StringComparison.Ordinal);
            Assert.DoesNotContain("met: true", html, StringComparison.Ordinal);
            Assert.DoesNotContain("partner.", html, StringComparison.Ordinal);
        }
    }
}
