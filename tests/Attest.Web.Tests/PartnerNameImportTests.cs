using System.Net;
using System.Net.Http.Headers;
using System.Text;
using Attest.Web.Tests.Support;
using Microsoft.EntityFrameworkCore;

namespace Attest.Web.Tests;

/// <summary>
/// A partner cannot appear as another: an imported file's <c>partner.name</c> is checked against the partner record, never
/// copied onto the application, through the API and the web page alike.
/// </summary>
public sealed class PartnerNameImportTests(World world) : IClassFixture<World>
{
    // The ready example is Acme Retail Cloud's (partner A); partner B is Beta Consulting
    private static string ExampleNamed(string name) =>
        ApiSteps.ReadyExampleWithoutScannedEvidence().Replace("  name: Acme Retail Cloud", "  name: " + name, StringComparison.Ordinal);

    private Task<string?> StoredNameAsync(Guid application) =>
        world.ReadAsync(db => db.Applications.IgnoreQueryFilters().Where(a => a.Id == application).Select(a => a.PartnerName).SingleAsync());

    private static async Task<HttpResponseMessage> ImportThroughPageAsync(HttpClient client, Guid application, string yaml)
    {
        using var form = new MultipartFormDataContent();
        form.Add(new StringContent(await EvidenceTestWorkspace.TokenAsync(client, $"/applications/{application}")), "__RequestVerificationToken");
        var file = new ByteArrayContent(Encoding.UTF8.GetBytes(yaml));
        file.Headers.ContentType = new MediaTypeHeaderValue("application/yaml");
        form.Add(file, "file", "application.yaml");
        return await client.PostAsync($"/applications/{application}?handler=Import", form);
    }

    [Fact]
    public async Task The_api_refuses_a_file_naming_another_partner_with_the_field_and_its_line_and_changes_nothing()
    {
        using var leadB = await ApiSteps.AsAsync(world, "leadB");
        var before = await (await leadB.GetAsync($"/api/v1/applications/{world.ApplicationB}/export")).Content.ReadAsStringAsync();
        var yaml = ExampleNamed("Acme Retail Cloud");
        var line = yaml.Split('\n').ToList().FindIndex(l => l == "  name: Acme Retail Cloud") + 1;

        var response = await leadB.SendAsync(ApiSteps.Put($"/api/v1/applications/{world.ApplicationB}/import", ApiSteps.Yaml(yaml)));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var problem = await ApiSteps.ProblemAsync(response);
        Assert.Equal("partner.name", problem.GetProperty("field").GetString());
        Assert.Equal((line, 3), (problem.GetProperty("line").GetInt32(), problem.GetProperty("column").GetInt32()));
        Assert.Contains("'Acme Retail Cloud' does not match your partner 'Beta Consulting'", problem.GetProperty("problem").GetString(), StringComparison.Ordinal);
        Assert.Equal("Beta Consulting", await StoredNameAsync(world.ApplicationB));
        Assert.Equal(before, await (await leadB.GetAsync($"/api/v1/applications/{world.ApplicationB}/export")).Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task A_file_with_the_partners_name_in_another_case_or_without_a_name_imports_and_the_record_keeps_the_partners_spelling()
    {
        using var leadB = await ApiSteps.AsAsync(world, "leadB");

        var shouted = await leadB.SendAsync(ApiSteps.Put($"/api/v1/applications/{world.ApplicationB}/import", ApiSteps.Yaml(ExampleNamed("  BETA consulting"))));
        Assert.True(shouted.StatusCode == HttpStatusCode.OK, await shouted.Content.ReadAsStringAsync());
        Assert.Equal("Beta Consulting", await StoredNameAsync(world.ApplicationB));

        var nameless = ApiSteps.ReadyExampleWithoutScannedEvidence().Replace("  name: Acme Retail Cloud\n", "", StringComparison.Ordinal);
        var imported = await leadB.SendAsync(ApiSteps.Put($"/api/v1/applications/{world.ApplicationB}/import", ApiSteps.Yaml(nameless)));
        Assert.True(imported.StatusCode == HttpStatusCode.OK, await imported.Content.ReadAsStringAsync());
        Assert.Equal("Beta Consulting", await StoredNameAsync(world.ApplicationB));
        Assert.Contains("Beta Consulting", await (await leadB.GetAsync($"/api/v1/applications/{world.ApplicationB}/export")).Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_import_page_refuses_a_file_naming_another_partner_and_accepts_its_own_name()
    {
        using var leadB = world.Client("leadB");

        var refused = await ImportThroughPageAsync(leadB, world.ApplicationB, ExampleNamed("Acme Retail Cloud"));

        Assert.Equal(HttpStatusCode.OK, refused.StatusCode);
        var html = WebUtility.HtmlDecode(await refused.Content.ReadAsStringAsync());
        Assert.Contains("application.yaml:", html, StringComparison.Ordinal);
        Assert.Contains("partner.name: 'Acme Retail Cloud' does not match your partner 'Beta Consulting'", html, StringComparison.Ordinal);
        Assert.Equal("Beta Consulting", await StoredNameAsync(world.ApplicationB));

        var accepted = await ImportThroughPageAsync(leadB, world.ApplicationB, ExampleNamed("Beta Consulting"));
        Assert.Equal(HttpStatusCode.Redirect, accepted.StatusCode);
        Assert.Equal("Beta Consulting", await StoredNameAsync(world.ApplicationB));
    }
}
