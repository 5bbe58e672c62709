using System.Net;
using Attest.Web.Tests.Support;
using Microsoft.EntityFrameworkCore;

namespace Attest.Web.Tests;

/// <summary>The second checklist in the web: starting an application for it, its facts kept, and both programs side by side.</summary>
public sealed class ServiceDeliveryWebTests(World world) : IClassFixture<World>
{
    private const string Waf = "aws-waf-service-delivery-2025-02";

    [Fact]
    public async Task A_partner_starts_a_waf_application_imports_its_file_and_sees_both_programs_side_by_side()
    {
        const string partnerName = "Edge Partner";
        var partner = await world.AddPartnerAsync(partnerName, "edgeLead");
        using var client = world.Client("edgeLead");

        // The new-application choice lists every loaded checklist
        var home = await (await client.GetAsync("/")).Content.ReadAsStringAsync();
        Assert.Contains($"<option value=\"{Waf}\">", home, StringComparison.Ordinal);
        Assert.Contains("<option value=\"aws-retail-consulting-2019-12\">", home, StringComparison.Ordinal);
        Assert.DoesNotContain("programs-heading", home, StringComparison.Ordinal);

        foreach (var checklist in new[] { Waf, "aws-retail-consulting-2019-12" })
        {
            var started = await World.PostFormAsync(client, "/", "/?handler=Start", [new("checklist", checklist)]);
            Assert.True(started.StatusCode == HttpStatusCode.Redirect && started.Headers.Location!.OriginalString.StartsWith("/applications/", StringComparison.Ordinal), $"{started.StatusCode} {started.Headers.Location}");
        }

        var wafId = await world.ReadAsync(db => db.Applications.IgnoreQueryFiltersForTests().Where(a => a.PartnerId == partner && a.ChecklistId == Waf).Select(a => a.Id).SingleAsync());
        using var api = await ApiSteps.AsAsync(world, "edgeLead");
        var example = ExampleFor(partnerName);
        var imported = await api.SendAsync(ApiSteps.Put($"/api/v1/applications/{wafId}/import", ApiSteps.Yaml(example)));
        Assert.True(imported.IsSuccessStatusCode, await imported.Content.ReadAsStringAsync());

        // The new partner fact and case-study facts are kept, and come back in the export
        var stored = await world.ReadAsync(db => db.Applications.IgnoreQueryFiltersForTests().Include(a => a.CaseStudies).SingleAsync(a => a.Id == wafId));
        Assert.Equal(Attest.Core.Applications.ServicesPathStage.Validated, stored.ServicesPath);
        Assert.Equal(["docs/contoso-architecture.md"], stored.CaseStudies.Single(c => c.Key == "contoso").ArchitectureDiagrams);
        var export = await (await api.GetAsync($"/api/v1/applications/{wafId}/export")).Content.ReadAsStringAsync();
        Assert.Matches("servicesPath: \"?validated", export);

        var both = await (await client.GetAsync("/")).Content.ReadAsStringAsync();
        Assert.Contains("programs-heading", both, StringComparison.Ordinal);
        Assert.Contains("AWS WAF Service Delivery", both, StringComparison.Ordinal);
        Assert.Contains("AWS Retail Competency", both, StringComparison.Ordinal);

        // Another partner sees nothing of it
        using var other = world.Client("leadB");
        Assert.DoesNotContain("programs-heading", await (await other.GetAsync("/")).Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_waf_readiness_reads_the_checklist_window()
    {
        await world.AddPartnerAsync("Window Partner", "windowLead");
        using var client = world.Client("windowLead");
        await World.PostFormAsync(client, "/", "/?handler=Start", [new("checklist", Waf)]);
        var id = await world.ReadAsync(db => db.Applications.IgnoreQueryFiltersForTests().Where(a => a.ChecklistId == Waf && a.PartnerName == "Window Partner").Select(a => a.Id).SingleAsync());
        using var api = await ApiSteps.AsAsync(world, "windowLead");
        var readiness = await ApiSteps.JsonAsync(await api.GetAsync($"/api/v1/applications/{id}/readiness"));
        var validity = readiness.GetProperty("validity");
        Assert.Equal("2025-11-30", validity.GetProperty("acceptedUntil").GetString());
        Assert.False(readiness.GetProperty("ready").GetBoolean());
    }

    [Fact]
    public async Task The_self_assessment_workbook_downloads_and_uploads_back()
    {
        const string partnerName = "Workbook Partner";
        var partner = await world.AddPartnerAsync(partnerName, "workbookLead");
        using var client = world.Client("workbookLead");
        await World.PostFormAsync(client, "/", "/?handler=Start", [new("checklist", Waf)]);
        var id = await world.ReadAsync(db => db.Applications.IgnoreQueryFiltersForTests().Where(a => a.PartnerId == partner).Select(a => a.Id).SingleAsync());
        using var api = await ApiSteps.AsAsync(world, "workbookLead");
        var example = ExampleFor(partnerName);
        Assert.True((await api.SendAsync(ApiSteps.Put($"/api/v1/applications/{id}/import", ApiSteps.Yaml(example)))).IsSuccessStatusCode);

        var download = await api.GetAsync($"/api/v1/applications/{id}/workbook");
        Assert.Equal(HttpStatusCode.OK, download.StatusCode);
        var bytes = await download.Content.ReadAsByteArrayAsync();
        Assert.Equal("PK"u8.ToArray(), bytes[..2]);

        var upload = await api.SendAsync(ApiSteps.Put($"/api/v1/applications/{id}/workbook", new ByteArrayContent(bytes)));
        Assert.Equal(HttpStatusCode.NoContent, upload.StatusCode);
        var answers = await world.ReadAsync(db => db.SelfAssessment.IgnoreQueryFiltersForTests().Where(s => s.ApplicationId == id && s.ItemId == "WAF-001").SingleAsync());
        Assert.Equal("met", answers.CaseStudyAnswers!.Single(a => a.Key == "fabrikam").Answer);

        var garbage = await api.SendAsync(ApiSteps.Put($"/api/v1/applications/{id}/workbook", new ByteArrayContent("not a workbook"u8.ToArray())));
        Assert.Equal(HttpStatusCode.BadRequest, garbage.StatusCode);
        Assert.Contains("not an Excel workbook", (await ApiSteps.ProblemAsync(garbage)).GetRawText(), StringComparison.Ordinal);

        // Another partner's lead cannot reach it
        using var other = await ApiSteps.AsAsync(world, "leadB");
        Assert.Equal(HttpStatusCode.NotFound, (await other.GetAsync($"/api/v1/applications/{id}/workbook")).StatusCode);
    }

    // The WAF example names its own partner; an imported file must name the application's partner
    private static string ExampleFor(string partnerName) =>
        File.ReadAllText(Path.Combine(ApiSteps.RepositoryRoot(), "examples", "waf-ready.yaml"))
            .Replace("  name: Acme Edge Security\n", $"  name: {partnerName}\n", StringComparison.Ordinal);
}
