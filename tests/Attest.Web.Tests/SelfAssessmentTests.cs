using System.Net;
using System.Text.RegularExpressions;
using Attest.Web.Data;
using Attest.Web.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Attest.Web.Tests;

public sealed partial class SelfAssessmentTests(World world) : IClassFixture<World>
{
    private static string Page(EvidenceTestWorkspace w) => $"/applications/{w.ApplicationId}/self-assessment";

    /// <summary>The revision and fingerprint the page shows for <paramref name="item"/>, as its hidden fields carry them.</summary>
    private static (string Revision, string Original) Shown(string html, string item)
    {
        var index = ItemIndex().Matches(html).First(m => m.Groups[2].Value == item).Groups[1].Value;
        string Hidden(string field) => Regex.Match(html, $"name=\"Items\\[{index}\\]\\.{field}\" value=\"([^\"]*)\"").Groups[1].Value;
        return (Hidden("Revision"), Hidden("Original"));
    }

    private static IEnumerable<KeyValuePair<string, string>> Item(int index, string item, (string Revision, string Original) shown, string met, string note, string references = "", params Guid[] evidence) =>
    [
        new($"Items[{index}].ItemId", item),
        new($"Items[{index}].Revision", shown.Revision),
        new($"Items[{index}].Original", shown.Original),
        new($"Items[{index}].Met", met),
        new($"Items[{index}].Note", note),
        new($"Items[{index}].References", references),
        .. evidence.Select(e => new KeyValuePair<string, string>($"Items[{index}].Evidence", e.ToString())),
    ];

    private static async Task<string> HtmlAsync(HttpClient client, string url) => await (await client.GetAsync(url)).Content.ReadAsStringAsync();

    private static async Task<HttpResponseMessage> SaveAsync(HttpClient client, EvidenceTestWorkspace w, IEnumerable<KeyValuePair<string, string>> fields) =>
        await EvidenceTestWorkspace.PostAsync(client, Page(w), Page(w), fields);

    private static Task<Dictionary<string, SelfAssessmentRecord>> EntriesAsync(EvidenceTestWorkspace w) =>
        w.ReadAsync(db => db.SelfAssessment.IgnoreQueryFilters().AsNoTracking().Where(s => s.ApplicationId == w.ApplicationId).ToDictionaryAsync(s => s.ItemId));

    private async Task<Guid> LinkEvidenceAsync(EvidenceTestWorkspace w, string name)
    {
        using var scope = world.Factory.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<AttestDbContext>();
        var piece = new EvidenceRecord { Id = Guid.NewGuid(), PartnerId = w.PartnerId, Name = name, Url = "https://evidence.example/" + name, AddedAt = DateTimeOffset.UtcNow };
        db.Evidence.Add(piece);
        await db.SaveChangesAsync();
        return piece.Id;
    }

    [Fact]
    public async Task Every_checklist_item_is_shown_grouped_by_section_in_the_users_language()
    {
        var w = await EvidenceTestWorkspace.CreateAsync(world);
        using var english = w.Client(w.LeadId, "en");
        using var french = w.Client(w.LeadId, "fr");

        var en = WebUtility.HtmlDecode(await HtmlAsync(english, Page(w)));
        var fr = WebUtility.HtmlDecode(await HtmlAsync(french, Page(w)));

        Assert.Contains("VAL-2.11 Data Encryption", en, StringComparison.Ordinal);
        Assert.Contains("VAL-2.11 Chiffrement des données", fr, StringComparison.Ordinal);
        Assert.Contains("Data that the customer classifies as sensitive", en, StringComparison.Ordinal);
        Assert.Contains("<legend>Respecté\u00A0?</legend>", fr, StringComparison.Ordinal);
        Assert.True(en.IndexOf("section-PRE-1", StringComparison.Ordinal) < en.IndexOf("section-VAL-2", StringComparison.Ordinal));
        Assert.Equal(ItemIndex().Count(en), ItemIndex().Count(fr));
        Assert.True(ItemIndex().Count(en) >= 20);
    }

    [Fact]
    public async Task Saving_stores_the_changed_items_with_their_library_evidence()
    {
        var w = await EvidenceTestWorkspace.CreateAsync(world);
        var deck = await LinkEvidenceAsync(w, "deck");
        using var client = w.Client(w.LeadId);
        var html = await HtmlAsync(client, Page(w));
        Assert.Contains("deck", html, StringComparison.Ordinal);

        var response = await SaveAsync(client, w, Item(0, "VAL-1.1", Shown(html, "VAL-1.1"), "yes", "Our overview deck.", "docs/overview.pdf\r\nhttps://acme.example/about", deck));

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var entry = (await EntriesAsync(w))["VAL-1.1"];
        Assert.Equal((true, "Our overview deck.", 1L), (entry.Met!.Value, entry.Note!, entry.Revision));
        Assert.Equal(["docs/overview.pdf", "https://acme.example/about"], entry.Evidence!);
        var link = await w.ReadAsync(db => db.EvidenceLinks.IgnoreQueryFilters().SingleAsync(l => l.ApplicationId == w.ApplicationId));
        Assert.Equal((deck, "VAL-1.1", (string?)null), (link.EvidenceId, link.ItemId!, link.CaseStudyKey));
        Assert.Single(await EntriesAsync(w));

        // The dashboard counts the library piece as evidence of the item
        var dashboard = WebUtility.HtmlDecode(await HtmlAsync(client, $"/applications/{w.ApplicationId}"));
        Assert.Contains("https://evidence.example/deck", dashboard, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_item_the_user_did_not_touch_is_neither_saved_nor_a_conflict_when_someone_else_changed_it()
    {
        var w = await EvidenceTestWorkspace.CreateAsync(world);
        using var first = w.Client(w.LeadId);
        using var second = w.Client(w.ContributorId);
        var seenByFirst = await HtmlAsync(first, Page(w));
        var seenBySecond = await HtmlAsync(second, Page(w));
        Assert.Equal(HttpStatusCode.Redirect, (await SaveAsync(second, w, Item(0, "VAL-1.2", Shown(seenBySecond, "VAL-1.2"), "yes", "Training plan."))).StatusCode);

        // The first user's form still holds VAL-1.2 as it was; only VAL-1.1 was changed
        var response = await SaveAsync(first, w, [.. Item(0, "VAL-1.1", Shown(seenByFirst, "VAL-1.1"), "no", "Deck to write."), .. Item(1, "VAL-1.2", Shown(seenByFirst, "VAL-1.2"), "", "")]);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var entries = await EntriesAsync(w);
        Assert.Equal("Training plan.", entries["VAL-1.2"].Note);
        Assert.Equal("Deck to write.", entries["VAL-1.1"].Note);
    }

    [Fact]
    public async Task A_conflict_on_one_item_names_it_and_saves_nothing_of_the_request()
    {
        var w = await EvidenceTestWorkspace.CreateAsync(world);
        using var first = w.Client(w.LeadId);
        using var second = w.Client(w.ContributorId);
        var seenByFirst = await HtmlAsync(first, Page(w));
        Assert.Equal(HttpStatusCode.Redirect, (await SaveAsync(second, w, Item(0, "VAL-1.1", Shown(await HtmlAsync(second, Page(w)), "VAL-1.1"), "yes", "Theirs."))).StatusCode);

        var response = await SaveAsync(first, w, [.. Item(0, "VAL-1.1", Shown(seenByFirst, "VAL-1.1"), "no", "Mine."), .. Item(1, "VAL-2.2", Shown(seenByFirst, "VAL-2.2"), "yes", "Pipelines.")]);

        Assert.Equal(HttpStatusCode.Conflict, response.StatusCode);
        var html = await response.Content.ReadAsStringAsync();
        Assert.Contains("href=\"#item-VAL-1.1\"", html, StringComparison.Ordinal);
        Assert.DoesNotContain("href=\"#item-VAL-2.2\"", html, StringComparison.Ordinal);
        Assert.Contains("Theirs.", html, StringComparison.Ordinal);
        Assert.Contains("Mine.", html, StringComparison.Ordinal);
        var entries = await EntriesAsync(w);
        Assert.Equal("Theirs.", entries["VAL-1.1"].Note);
        Assert.False(entries.ContainsKey("VAL-2.2"), "the item without a conflict must not be saved alone");

        // Saving the returned form again keeps the first user's version of both items
        var again = await SaveAsync(first, w, [.. Item(0, "VAL-1.1", Shown(html, "VAL-1.1"), "no", "Mine."), .. Item(1, "VAL-2.2", Shown(html, "VAL-2.2"), "yes", "Pipelines.")]);
        Assert.Equal(HttpStatusCode.Redirect, again.StatusCode);
        entries = await EntriesAsync(w);
        Assert.Equal(("Mine.", 2L), (entries["VAL-1.1"].Note!, entries["VAL-1.1"].Revision));
        Assert.Equal("Pipelines.", entries["VAL-2.2"].Note);
    }

    [Fact]
    public async Task An_invalid_item_saves_nothing_of_the_request()
    {
        var w = await EvidenceTestWorkspace.CreateAsync(world);
        using var client = w.Client(w.LeadId);
        var html = await HtmlAsync(client, Page(w));
        var foreign = Guid.NewGuid();

        var response = await SaveAsync(client, w, [.. Item(0, "VAL-1.1", Shown(html, "VAL-1.1"), "yes", "Fine."), .. Item(1, "VAL-1.2", Shown(html, "VAL-1.2"), "maybe", "Bad.", "", foreign)]);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var text = WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync());
        Assert.Contains("VAL-1.2: choose yes, no or not answered.", text, StringComparison.Ordinal);
        Assert.Contains("VAL-1.2: a piece of evidence chosen is not in your library any more.", text, StringComparison.Ordinal);
        Assert.Empty(await EntriesAsync(w));
        Assert.False(await w.ReadAsync(db => db.EvidenceLinks.IgnoreQueryFilters().AnyAsync(l => l.ApplicationId == w.ApplicationId)));
    }

    [Fact]
    public async Task Another_partners_evidence_cannot_be_picked()
    {
        var w = await EvidenceTestWorkspace.CreateAsync(world);
        var other = await EvidenceTestWorkspace.CreateAsync(world);
        var theirs = await LinkEvidenceAsync(other, "secret");
        using var client = w.Client(w.LeadId);
        var html = await HtmlAsync(client, Page(w));
        Assert.DoesNotContain("secret", html, StringComparison.Ordinal);

        var response = await SaveAsync(client, w, Item(0, "VAL-1.1", Shown(html, "VAL-1.1"), "yes", "x", "", theirs));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Empty(await EntriesAsync(w));
    }

    [Fact]
    public async Task Clearing_an_item_removes_its_entry()
    {
        var w = await EvidenceTestWorkspace.CreateAsync(world);
        using var client = w.Client(w.LeadId);
        await SaveAsync(client, w, Item(0, "VAL-1.1", Shown(await HtmlAsync(client, Page(w)), "VAL-1.1"), "yes", "x"));
        Assert.Single(await EntriesAsync(w));

        var response = await SaveAsync(client, w, Item(0, "VAL-1.1", Shown(await HtmlAsync(client, Page(w)), "VAL-1.1"), "", ""));

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Empty(await EntriesAsync(w));
    }

    [Fact]
    public async Task A_partner_manager_reads_the_self_assessment_and_cannot_change_it()
    {
        var w = await EvidenceTestWorkspace.CreateAsync(world);
        using (var lead = w.Client(w.LeadId))
        {
            await SaveAsync(lead, w, Item(0, "VAL-1.1", Shown(await HtmlAsync(lead, Page(w)), "VAL-1.1"), "yes", "Visible justification."));
        }

        using var manager = w.Client(w.ManagerId);
        var response = await manager.GetAsync(Page(w));
        var html = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("Visible justification.", html, StringComparison.Ordinal);
        Assert.DoesNotContain("class=\"assessment\"", html, StringComparison.Ordinal);
        Assert.DoesNotContain("name=\"Items[", html, StringComparison.Ordinal);
        var token = await EvidenceTestWorkspace.TokenAsync(manager, Page(w));
        var post = await manager.PostAsync(Page(w), new FormUrlEncodedContent([.. Item(0, "VAL-1.1", ("1", ""), "no", "Changed by the manager"), new("__RequestVerificationToken", token)]));
        Assert.Equal(HttpStatusCode.NotFound, post.StatusCode);
        Assert.Equal("Visible justification.", (await EntriesAsync(w))["VAL-1.1"].Note);
    }

    [Fact]
    public async Task Another_partners_user_gets_not_found()
    {
        var w = await EvidenceTestWorkspace.CreateAsync(world);
        using var outsider = w.Client(world.Users["leadB"]);
        Assert.Equal(HttpStatusCode.NotFound, (await outsider.GetAsync(Page(w))).StatusCode);
        var token = await EvidenceTestWorkspace.TokenAsync(outsider, "/");
        var post = await outsider.PostAsync(Page(w), new FormUrlEncodedContent([.. Item(0, "VAL-1.1", ("0", ""), "yes", "Hijacked"), new("__RequestVerificationToken", token)]));
        Assert.Equal(HttpStatusCode.NotFound, post.StatusCode);
        Assert.Empty(await EntriesAsync(w));
    }

    [Fact]
    public async Task A_post_without_the_antiforgery_token_is_refused()
    {
        var w = await EvidenceTestWorkspace.CreateAsync(world);
        using var client = w.Client(w.LeadId);
        var response = await client.PostAsync(Page(w), new FormUrlEncodedContent(Item(0, "VAL-1.1", ("0", ""), "yes", "x")));
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Empty(await EntriesAsync(w));
    }

    [GeneratedRegex("name=\"Items\\[(\\d+)\\]\\.ItemId\" value=\"([^\"]+)\"")]
    private static partial Regex ItemIndex();
}
