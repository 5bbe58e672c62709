using System.Net;
using Attest.Web.Data;
using Attest.Web.Tests.Support;
using Microsoft.EntityFrameworkCore;

namespace Attest.Web.Tests;

/// <summary>
/// The case-study form checks what it can at once: the customer's web site is an http(s) address, dates are not in the
/// future, evidence lines name pieces of the partner's library; each error sits beside its field and in the summary, in
/// the page's language. The key is made from the customer's name when left empty.
/// </summary>
public sealed class CaseStudyFormChecksTests(World world) : IClassFixture<World>
{
    private static string Page(EvidenceTestWorkspace w, string key) => $"/applications/{w.ApplicationId}/case-studies/{key}";

    private static KeyValuePair<string, string> F(string key, string value) => new(key, value);

    private static async Task<string> AddLibraryPieceAsync(EvidenceTestWorkspace w, string name)
    {
        await w.ReadAsync(async db =>
        {
            db.Evidence.Add(new EvidenceRecord { Id = Guid.NewGuid(), PartnerId = w.PartnerId, Name = name, Url = $"https://files.example/{name}", AddedAt = w.World.Factory.Now });
            return await db.SaveChangesAsync();
        });
        return name;
    }

    [Theory]
    [InlineData("en", "Customer website: give a full web address starting with https:// or http://.", "Completed on: the date cannot be after today (2026-11-26).", "Evidence, line 2: \"docs/missing.pdf\" is not in your evidence library")]
    [InlineData("fr", "Site web du client : indiquez une adresse web complète commençant par https:// ou http://.", "Achevée le : la date ne peut pas être postérieure à aujourd'hui (2026-11-26).", "Preuves, ligne 2 : « docs/missing.pdf » n'est pas dans votre bibliothèque de preuves")]
    public async Task Each_error_is_beside_its_field_and_in_the_summary_in_the_page_language_and_nothing_is_saved(string language, string website, string future, string evidence)
    {
        var w = await EvidenceTestWorkspace.CreateAsync(world);
        var piece = await AddLibraryPieceAsync(w, "architecture.pdf");
        using var client = w.Client(w.LeadId, language);

        var response = await EvidenceTestWorkspace.PostAsync(client, Page(w, "new"), Page(w, "new"),
            [F("Form.Revision", "0"), F("Form.Customer", "Globex"), F("Form.CustomerWebsite", "globex.example"), F("Form.Completed", "2026-12-25"), F("Form.Evidence", $"{piece}\ndocs/missing.pdf\nhttps://globex.example/case")]);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var html = WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync());
        foreach (var (id, message) in new[] { ("form-customerwebsite-error", website), ("form-completed-error", future), ("form-evidence-error", evidence) }.Select(e => (e.Item1, Attest.Core.Text.FrenchTypography.Apply(e.Item2))))
        {
            // Beside the field (the field points at it) and in the summary at the top
            Assert.Contains($"<p class=\"field-error\" id=\"{id}\">{message}", html, StringComparison.Ordinal);
            Assert.Contains($"aria-describedby=\"{id}\"", html.Replace("evidence-hint ", "", StringComparison.Ordinal), StringComparison.Ordinal);
            Assert.Contains($"<li>{message}", html[..html.IndexOf("<form method=\"post\" class=\"stack\">", StringComparison.Ordinal)], StringComparison.Ordinal);
        }

        Assert.DoesNotContain("architecture.pdf\" is not", html, StringComparison.Ordinal);
        Assert.Equal(1, await w.ReadAsync(db => db.CaseStudies.IgnoreQueryFilters().CountAsync(c => c.ApplicationId == w.ApplicationId)));
    }

    [Fact]
    public async Task The_browser_is_told_what_it_can_check_itself()
    {
        var w = await EvidenceTestWorkspace.CreateAsync(world);
        using var client = w.Client(w.LeadId);

        var html = await client.GetStringAsync(Page(w, "new"));

        Assert.Contains("id=\"website\" name=\"Form.CustomerWebsite\" maxlength=\"2000\" type=\"url\" pattern=\"https?://.+\"", html, StringComparison.Ordinal);
        Assert.Contains("id=\"completed\" name=\"Form.Completed\" type=\"date\" min=\"1900-01-01\" max=\"2026-11-26\"", html, StringComparison.Ordinal);
        Assert.Contains("data-slug-from=\"customer\"", html, StringComparison.Ordinal);
        Assert.Contains("<script src=\"/js/forms.js", html, StringComparison.Ordinal);
        Assert.DoesNotContain("YYYY-MM-DD", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Evidence_in_the_library_a_folder_holding_pieces_an_address_or_a_line_already_saved_is_accepted()
    {
        var w = await EvidenceTestWorkspace.CreateAsync(world);
        await AddLibraryPieceAsync(w, "iac/globex/stack.yaml");
        await AddLibraryPieceAsync(w, "dr-test.pdf");
        await w.ReadAsync(async db =>
        {
            var contoso = await db.CaseStudies.IgnoreQueryFilters().SingleAsync(c => c.ApplicationId == w.ApplicationId && c.Key == "contoso");
            contoso.Evidence = ["repo/imported-from-a-file/"];
            return await db.SaveChangesAsync();
        });
        using var client = w.Client(w.LeadId);

        var saved = await EvidenceTestWorkspace.PostAsync(client, Page(w, "contoso"), Page(w, "contoso"),
            [F("Form.Revision", "1"), F("Form.Key", "contoso"), F("Form.Customer", "Contoso Stores"), F("Form.CustomerWebsite", "https://www.contoso.example"), F("Form.Completed", "2026-11-26"),
             F("Form.Evidence", "repo/imported-from-a-file/\niac/globex/\ndr-test.pdf\nhttps://files.example/other.pdf")]);

        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        var stored = await w.ReadAsync(db => db.CaseStudies.IgnoreQueryFilters().AsNoTracking().SingleAsync(c => c.ApplicationId == w.ApplicationId && c.Key == "contoso"));
        Assert.Equal(["repo/imported-from-a-file/", "iac/globex/", "dr-test.pdf", "https://files.example/other.pdf"], stored.Evidence);
        Assert.Equal(new DateOnly(2026, 11, 26), stored.Completed);
    }

    [Fact]
    public async Task A_key_left_empty_is_made_from_the_customers_name_unique_in_the_application_and_pages_show_the_name()
    {
        var w = await EvidenceTestWorkspace.CreateAsync(world);
        using var client = w.Client(w.LeadId);

        foreach (var _ in new[] { 1, 2 })
        {
            var saved = await EvidenceTestWorkspace.PostAsync(client, Page(w, "new"), Page(w, "new"), [F("Form.Revision", "0"), F("Form.Key", ""), F("Form.Customer", "Société Générale Retail")]);
            Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        }

        var keys = await w.ReadAsync(db => db.CaseStudies.IgnoreQueryFilters().Where(c => c.ApplicationId == w.ApplicationId).OrderBy(c => c.Position).Select(c => c.Key).ToListAsync());
        Assert.Equal(["contoso", "societe-generale-retail", "societe-generale-retail-2"], keys);

        // Neither a key nor a name: refused beside the key
        var refused = await EvidenceTestWorkspace.PostAsync(client, Page(w, "new"), Page(w, "new"), [F("Form.Revision", "0"), F("Form.Key", " "), F("Form.Customer", "")]);
        Assert.Equal(HttpStatusCode.OK, refused.StatusCode);
        Assert.Contains("<p class=\"field-error\" id=\"form-key-error\">Give the customer&#x27;s name (the key is made from it) or a key.</p>", await refused.Content.ReadAsStringAsync(), StringComparison.Ordinal);

        // The edit page is titled by the customer's name; the key is only in its own field
        var edit = WebUtility.HtmlDecode(await client.GetStringAsync(Page(w, "societe-generale-retail-2")));
        Assert.Contains("<h1>Case study Société Générale Retail</h1>", edit, StringComparison.Ordinal);
    }
}
