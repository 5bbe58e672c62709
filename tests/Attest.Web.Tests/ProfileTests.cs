using System.Net;
using Attest.Core.Applications;
using Attest.Web.Tests.Support;
using Microsoft.EntityFrameworkCore;

namespace Attest.Web.Tests;

public sealed class ProfileTests(World world) : IClassFixture<World>
{
    private static List<KeyValuePair<string, string>> Fields(long revision, string name, params (string Key, string Value)[] more) =>
    [
        new("Form.Revision", revision.ToString(System.Globalization.CultureInfo.InvariantCulture)),
        new("Form.PartnerName", name),
        .. more.Select(m => new KeyValuePair<string, string>(m.Key, m.Value)),
    ];

    private static string Page(EvidenceTestWorkspace w) => $"/applications/{w.ApplicationId}/profile";

    [Fact]
    public async Task Saving_the_profile_stores_every_partner_field_and_the_content_list()
    {
        var w = await EvidenceTestWorkspace.CreateAsync(world);
        using var client = w.Client(w.LeadId);
        var response = await EvidenceTestWorkspace.PostAsync(client, Page(w), Page(w), Fields(1, "Acme Retail Cloud",
            ("Form.Tier", "advanced"), ("Form.MspProgramMember", "no"), ("Form.GuidelinesRead", "yes"), ("Form.Homepage", "https://acme.example/"),
            ("Form.PracticePageUrl", "https://acme.example/retail"), ("Form.PracticePageLinked", "yes"), ("Form.DedicatedRetailConsultancy", "no"),
            ("Form.Content[0].Title", "Unified commerce"), ("Form.Content[0].Url", "https://acme.example/blog/1"), ("Form.Content[0].Kind", "blog"), ("Form.Content[0].Published", "2026-01-10"),
            ("Form.Content[1].Title", ""), ("Form.Content[1].Url", ""),
            ("Form.Content[2].Title", "Store workshop"), ("Form.Content[2].Kind", "workshop")));

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var stored = await w.ReadAsync(db => db.Applications.IgnoreQueryFilters().Include(a => a.Content).AsNoTracking().SingleAsync(a => a.Id == w.ApplicationId));
        // The name posted is not stored: the partner's name comes from its record
        Assert.Equal(("Partner " + w.PartnerId.ToString("N")[..12], PartnerTier.Advanced, false, true), (stored.PartnerName, stored.Tier!.Value, stored.MspProgramMember!.Value, stored.GuidelinesRead!.Value));
        Assert.Equal(("https://acme.example/", "https://acme.example/retail", true, false), (stored.Homepage, stored.PracticePageUrl, stored.PracticePageLinkedFromHomepage!.Value, stored.DedicatedRetailConsultancy!.Value));
        Assert.True(stored.ContentStated);
        Assert.Equal(["Unified commerce", "Store workshop"], stored.Content.OrderBy(c => c.Position).Select(c => c.Title!));
        Assert.Equal(new DateOnly(2026, 1, 10), stored.Content.Single(c => c.Position == 0).Published);
        Assert.Equal(ContentKind.Workshop, stored.Content.Single(c => c.Position == 1).Kind);
        Assert.Equal(2, stored.Revision);
    }

    [Fact]
    public async Task An_empty_content_list_is_stated_when_the_box_is_ticked_and_not_stated_otherwise()
    {
        var w = await EvidenceTestWorkspace.CreateAsync(world);
        using var client = w.Client(w.ContributorId);
        await EvidenceTestWorkspace.PostAsync(client, Page(w), Page(w), Fields(1, "A", ("Form.ContentStated", "yes")));
        Assert.True(await w.ReadAsync(db => db.Applications.IgnoreQueryFilters().Where(a => a.Id == w.ApplicationId).Select(a => a.ContentStated).SingleAsync()));

        await EvidenceTestWorkspace.PostAsync(client, Page(w), Page(w), Fields(2, "A"));
        Assert.False(await w.ReadAsync(db => db.Applications.IgnoreQueryFilters().Where(a => a.Id == w.ApplicationId).Select(a => a.ContentStated).SingleAsync()));
    }

    [Theory]
    [InlineData("en", "Home page: give a full address starting with https:// or http://.", "Content 1, Published on: give a date as YYYY-MM-DD, from 1900-01-01 to 2999-12-31.")]
    [InlineData("fr", "Page d'accueil\u00A0: indiquez une adresse complète commençant par https:// ou http://.", "Contenu 1, Publié le\u00A0: indiquez une date au format AAAA-MM-JJ, du 1900-01-01 au 2999-12-31.")]
    public async Task Invalid_fields_are_named_in_the_users_language_and_nothing_is_saved(string language, string homepageError, string dateError)
    {
        var w = await EvidenceTestWorkspace.CreateAsync(world);
        using var client = w.Client(w.LeadId, language);
        var response = await EvidenceTestWorkspace.PostAsync(client, Page(w), Page(w), Fields(1, "Changed",
            ("Form.Homepage", "javascript:alert(1)"), ("Form.Content[0].Title", "Post"), ("Form.Content[0].Published", "10/01/2026")));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var html = await response.Content.ReadAsStringAsync();
        var text = WebUtility.HtmlDecode(html);
        Assert.Contains(homepageError, text, StringComparison.Ordinal);
        Assert.Contains(dateError, text, StringComparison.Ordinal);
        Assert.Contains("id=\"homepage\" name=\"Form.Homepage\" value=\"javascript:alert(1)\" type=\"url\" maxlength=\"2000\" aria-invalid=\"true\"", html, StringComparison.Ordinal);
        var stored = await w.ReadAsync(db => db.Applications.IgnoreQueryFilters().AsNoTracking().SingleAsync(a => a.Id == w.ApplicationId));
        Assert.Equal((1L, "Partner " + w.PartnerId.ToString("N")[..12]), (stored.Revision, stored.PartnerName!));
    }

    [Fact]
    public async Task A_stale_revision_is_a_conflict_showing_both_versions_and_overwriting_nothing()
    {
        var w = await EvidenceTestWorkspace.CreateAsync(world);
        using var first = w.Client(w.LeadId);
        using var second = w.Client(w.ContributorId);
        Assert.Equal(HttpStatusCode.Redirect, (await EvidenceTestWorkspace.PostAsync(first, Page(w), Page(w), Fields(1, "Saved first", ("Form.ContactName", "Saved first")))).StatusCode);

        var conflict = await EvidenceTestWorkspace.PostAsync(second, Page(w), Page(w), Fields(1, "Saved second", ("Form.ContactName", "Saved second"), ("Form.Homepage", "https://second.example/")));

        Assert.Equal(HttpStatusCode.Conflict, conflict.StatusCode);
        var html = await conflict.Content.ReadAsStringAsync();
        Assert.Contains("Saved first", html, StringComparison.Ordinal);
        Assert.Contains("Saved second", html, StringComparison.Ordinal);
        Assert.Contains("https://second.example/", html, StringComparison.Ordinal);
        Assert.Contains("name=\"Form.Revision\" value=\"2\"", html, StringComparison.Ordinal);
        var stored = await w.ReadAsync(db => db.Applications.IgnoreQueryFilters().AsNoTracking().SingleAsync(a => a.Id == w.ApplicationId));
        Assert.Equal(("Saved first", (string?)null, 2L), (stored.ContactName!, stored.Homepage, stored.Revision));

        // Saving again with the revision the conflict page carries keeps the second version
        Assert.Equal(HttpStatusCode.Redirect, (await EvidenceTestWorkspace.PostAsync(second, Page(w), Page(w), Fields(2, "Saved second", ("Form.ContactName", "Saved second")))).StatusCode);
        Assert.Equal("Saved second", await w.ReadAsync(db => db.Applications.IgnoreQueryFilters().Where(a => a.Id == w.ApplicationId).Select(a => a.ContactName).SingleAsync()));
    }

    [Fact]
    public async Task Adding_a_row_returns_the_form_with_one_more_row_and_saves_nothing()
    {
        var w = await EvidenceTestWorkspace.CreateAsync(world);
        using var client = w.Client(w.LeadId);
        var response = await EvidenceTestWorkspace.PostAsync(client, Page(w), Page(w), Fields(1, "Not yet",
            ("Form.Content[0].Title", "First"), ("Form.Content[1].Title", "Second"), ("Form.Content[2].Title", ""), ("Form.Action", "add")));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var html = await response.Content.ReadAsStringAsync();
        Assert.Contains("name=\"Form.Content[3].Title\"", html, StringComparison.Ordinal);
        Assert.Contains("value=\"Second\"", html, StringComparison.Ordinal);
        Assert.Equal(1L, await w.ReadAsync(db => db.Applications.IgnoreQueryFilters().Where(a => a.Id == w.ApplicationId).Select(a => a.Revision).SingleAsync()));
    }

    [Fact]
    public async Task A_row_marked_for_removal_is_dropped_on_save()
    {
        var w = await EvidenceTestWorkspace.CreateAsync(world);
        using var client = w.Client(w.LeadId);
        await EvidenceTestWorkspace.PostAsync(client, Page(w), Page(w), Fields(1, "A",
            ("Form.Content[0].Title", "Keep"), ("Form.Content[1].Title", "Drop"), ("Form.Content[1].Remove", "yes")));

        var titles = await w.ReadAsync(db => db.Content.IgnoreQueryFilters().Where(c => c.ApplicationId == w.ApplicationId).Select(c => c.Title).ToListAsync());
        Assert.Equal(["Keep"], titles);

        // The next save replaces the stored rows
        await EvidenceTestWorkspace.PostAsync(client, Page(w), Page(w), Fields(2, "A", ("Form.Content[0].Title", "Other")));
        titles = await w.ReadAsync(db => db.Content.IgnoreQueryFilters().Where(c => c.ApplicationId == w.ApplicationId).Select(c => c.Title).ToListAsync());
        Assert.Equal(["Other"], titles);
    }

    [Fact]
    public async Task Only_the_partners_editors_reach_the_profile()
    {
        var w = await EvidenceTestWorkspace.CreateAsync(world);
        using var contributor = w.Client(w.ContributorId);
        Assert.Equal(HttpStatusCode.OK, (await contributor.GetAsync(Page(w))).StatusCode);
        foreach (var outsider in new[] { w.ManagerId, world.Users["leadB"], world.Users["office"], world.Users["admin"] })
        {
            using var client = w.Client(outsider);
            Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync(Page(w))).StatusCode);
            var token = await EvidenceTestWorkspace.TokenAsync(client, "/");
            var post = await client.PostAsync(Page(w), new FormUrlEncodedContent([.. Fields(1, "Hijacked", ("Form.ContactName", "Hijacked")), new("__RequestVerificationToken", token)]));
            Assert.Equal(HttpStatusCode.NotFound, post.StatusCode);
        }

        Assert.NotEqual("Hijacked", await w.ReadAsync(db => db.Applications.IgnoreQueryFilters().Where(a => a.Id == w.ApplicationId).Select(a => a.ContactName).SingleAsync()));
    }
}
