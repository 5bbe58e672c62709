using System.Net;
using Attest.Web.Data;
using Attest.Web.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Attest.Web.Tests;

public sealed class CaseStudyEditTests(World world) : IClassFixture<World>
{
    private string Page(string key) => $"/applications/{world.ApplicationA}/case-studies/{key}";

    private async Task<CaseStudyRecord> StoredAsync(string key) =>
        await world.ReadAsync(db => db.CaseStudies.IgnoreQueryFiltersForTests().AsNoTracking().SingleAsync(c => c.ApplicationId == world.ApplicationA && c.Key == key));

    [Fact]
    public async Task Second_save_of_a_stale_version_is_refused_with_both_versions_and_overwrites_nothing()
    {
        using var first = world.Client("leadA");
        using var second = world.Client("contributorA");
        var revision = (await StoredAsync("contoso")).Revision.ToString(System.Globalization.CultureInfo.InvariantCulture);

        var saved = await World.PostFormAsync(first, Page("contoso"), Page("contoso"), [new("Form.Key", "contoso"), new("Form.Customer", "Contoso Stores Ltd"), new("Form.Revision", revision)]);
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);

        var stale = await World.PostFormAsync(second, Page("contoso"), Page("contoso"), [new("Form.Key", "contoso"), new("Form.Customer", "Contoso Retail"), new("Form.Revision", revision)]);
        Assert.Equal(HttpStatusCode.Conflict, stale.StatusCode);
        var html = await stale.Content.ReadAsStringAsync();
        Assert.Contains("Contoso Stores Ltd", html, StringComparison.Ordinal);
        Assert.Contains("Contoso Retail", html, StringComparison.Ordinal);
        Assert.Equal("Contoso Stores Ltd", (await StoredAsync("contoso")).Customer);
    }

    [Fact]
    public async Task Customers_confirmed_distinct_are_saved_and_shown_again()
    {
        using var client = world.Client("leadA");
        var revision = (await StoredAsync("contoso")).Revision.ToString(System.Globalization.CultureInfo.InvariantCulture);
        var saved = await World.PostFormAsync(client, Page("contoso"), Page("contoso"),
            [new("Form.Key", "contoso"), new("Form.Customer", "Contoso Stores"), new("Form.DistinctFrom", "contoso-inc\r\n contoso-eu \r\n"), new("Form.Revision", revision)]);
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        Assert.Equal(["contoso-inc", "contoso-eu"], (await StoredAsync("contoso")).DistinctFrom);

        var html = await client.GetStringAsync(Page("contoso"));
        Assert.Contains("name=\"Form.DistinctFrom\"", html, StringComparison.Ordinal);
        Assert.Matches("<textarea id=\"distinct-from\" name=\"Form.DistinctFrom\" rows=\"2\">contoso-inc(\n|&#xA;)contoso-eu</textarea>", html);
    }

    [Fact]
    public async Task Malformed_fields_are_named_and_nothing_is_saved()
    {
        using var client = world.Client("leadA");
        var before = await StoredAsync("contoso");
        var response = await World.PostFormAsync(client, Page("contoso"), Page("contoso"),
            [new("Form.Key", "contoso"), new("Form.Completed", "2026-02-30"), new("Form.Availability", "web | fifteen | 0"), new("Form.Revision", before.Revision.ToString(System.Globalization.CultureInfo.InvariantCulture))]);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var html = await response.Content.ReadAsStringAsync();
        Assert.Contains("<p class=\"field-error\" id=\"form-completed-error\">Choose a day in the calendar, from 1900-01-01 to 2999-12-31.</p>", html, StringComparison.Ordinal);
        Assert.Contains("line 1", html, StringComparison.Ordinal);
        Assert.Equal(before.Revision, (await StoredAsync("contoso")).Revision);
    }

    [Fact]
    public async Task Renaming_a_case_study_key_moves_its_evidence_links()
    {
        using (var scope = world.Factory.Services.CreateScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<AttestDbContext>();
            var evidence = new EvidenceRecord { Id = Guid.NewGuid(), PartnerId = world.PartnerA, Name = "diagram", Url = "https://acme.example/diagram.png" };
            db.Evidence.Add(evidence);
            db.CaseStudies.Add(new CaseStudyRecord { Id = Guid.NewGuid(), ApplicationId = world.ApplicationA, PartnerId = world.PartnerA, Key = "fabrikam", Revision = 1, Position = 5 });
            db.EvidenceLinks.Add(new EvidenceLink { Id = Guid.NewGuid(), EvidenceId = evidence.Id, PartnerId = world.PartnerA, ApplicationId = world.ApplicationA, CaseStudyKey = "fabrikam" });
            await db.SaveChangesAsync();
        }

        using var client = world.Client("leadA");
        var response = await World.PostFormAsync(client, Page("fabrikam"), Page("fabrikam"), [new("Form.Key", "fabrikam-fashion"), new("Form.Revision", "1")]);
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var keys = await world.ReadAsync(db => db.EvidenceLinks.IgnoreQueryFiltersForTests().Where(l => l.ApplicationId == world.ApplicationA).Select(l => l.CaseStudyKey).ToListAsync());
        Assert.Contains("fabrikam-fashion", keys);
        Assert.DoesNotContain("fabrikam", keys);
    }
}
