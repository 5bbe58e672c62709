using System.Net;
using System.Text.Json.Nodes;
using Attest.Web.Tests.Support;

namespace Attest.Web.Tests;

/// <summary>Format v1 through the API: import all or nothing, errors with their place, export → import → export identical, and readiness as the CLI gives it.</summary>
public sealed class ApiImportExportTests(World world) : IClassFixture<World>
{
    private string Url(string what) => $"/api/v1/applications/{world.ApplicationA}/{what}";

    private async Task<string> ExportAsync(HttpClient client)
    {
        var response = await client.GetAsync(Url("export"));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/yaml", response.Content.Headers.ContentType?.MediaType);
        return await response.Content.ReadAsStringAsync();
    }

    private async Task ImportReadyExampleAsync(HttpClient client)
    {
        var response = await client.SendAsync(ApiSteps.Put(Url("import"), ApiSteps.Yaml(ApiSteps.ReadyExampleWithoutScannedEvidence())));
        Assert.True(response.StatusCode == HttpStatusCode.OK, await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Export_import_export_through_the_api_is_identical()
    {
        using var lead = await ApiSteps.AsAsync(world, "leadA");
        await ImportReadyExampleAsync(lead);

        var first = await ExportAsync(lead);
        var imported = await lead.SendAsync(ApiSteps.Put(Url("import"), ApiSteps.Yaml(first)));
        var second = await ExportAsync(lead);

        Assert.Equal(HttpStatusCode.OK, imported.StatusCode);
        Assert.Contains("customer: \"Contoso Stores\"", first, StringComparison.Ordinal);
        Assert.Equal(first, second);
    }

    [Fact]
    public async Task Import_accepts_the_same_application_in_json()
    {
        using var lead = await ApiSteps.AsAsync(world, "contributorA");
        var json = $$"""
            {
              "format": "attest/application/v1",
              "checklist": "{{ApiSteps.Checklist}}",
              "partner": { "name": "Acme Retail Cloud", "tier": "advanced" },
              "caseStudies": [ { "key": "json-one", "customer": "Json Stores", "stage": "production" } ],
              "selfAssessment": { "PRE-1.1": { "met": true, "note": "From JSON." } }
            }
            """;
        var response = await lead.SendAsync(ApiSteps.Put(Url("import"), ApiSteps.Json(json)));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var export = await ExportAsync(lead);
        Assert.Contains("key: \"json-one\"", export, StringComparison.Ordinal);
        Assert.Contains("note: \"From JSON.\"", export, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_bad_file_is_refused_with_its_place_and_changes_nothing()
    {
        using var lead = await ApiSteps.AsAsync(world, "leadA");
        await ImportReadyExampleAsync(lead);
        var before = await ExportAsync(lead);
        var broken = before.Replace("stage: \"production\"", "stage: \"prod\"", StringComparison.Ordinal);
        var line = broken.Split('\n').ToList().FindIndex(l => l.Contains("stage: \"prod\"", StringComparison.Ordinal)) + 1;

        var response = await lead.SendAsync(ApiSteps.Put(Url("import"), ApiSteps.Yaml(broken)));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var problem = await ApiSteps.ProblemAsync(response);
        Assert.Equal("body", problem.GetProperty("file").GetString());
        Assert.Equal(line, problem.GetProperty("line").GetInt32());
        Assert.Equal(12, problem.GetProperty("column").GetInt32());
        Assert.Equal("caseStudies[0].stage", problem.GetProperty("field").GetString());
        Assert.Contains("prod", problem.GetProperty("problem").GetString(), StringComparison.Ordinal);
        Assert.Equal(before, await ExportAsync(lead));
    }

    [Fact]
    public async Task A_syntax_error_and_another_checklist_are_refused_too()
    {
        using var lead = await ApiSteps.AsAsync(world, "leadA");
        var syntax = await ApiSteps.ProblemAsync(await lead.SendAsync(ApiSteps.Put(Url("import"), ApiSteps.Yaml("format: attest/application/v1\nchecklist: [unclosed\n"))));
        var checklist = await ApiSteps.ProblemAsync(await lead.SendAsync(ApiSteps.Put(Url("import"), ApiSteps.Yaml("format: attest/application/v1\nchecklist: aws-other-2030\n"))));
        var empty = await lead.SendAsync(ApiSteps.Put(Url("import"), ApiSteps.Yaml("")));

        Assert.True(syntax.GetProperty("line").GetInt32() >= 2);
        Assert.Equal("checklist", checklist.GetProperty("field").GetString());
        Assert.Equal(2, checklist.GetProperty("line").GetInt32());
        Assert.Equal(HttpStatusCode.BadRequest, empty.StatusCode);
    }

    [Fact]
    public async Task An_oversized_file_is_refused_with_413()
    {
        using var lead = await ApiSteps.AsAsync(world, "leadA");
        var huge = "format: attest/application/v1\n#" + new string('x', 11 * 1024 * 1024) + "\n";

        var response = await lead.SendAsync(ApiSteps.Put(Url("import"), ApiSteps.Yaml(huge)));

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
        await ApiSteps.ProblemAsync(response);
    }

    [Fact]
    public async Task Import_with_a_stale_application_revision_is_refused()
    {
        using var lead = await ApiSteps.AsAsync(world, "leadA");
        var current = (await lead.GetAsync($"/api/v1/applications/{world.ApplicationA}")).Headers.ETag!.Tag;
        var stale = $"\"{long.Parse(current.Trim('"'), System.Globalization.CultureInfo.InvariantCulture) - 1}\"";

        var refused = await lead.SendAsync(ApiSteps.Put(Url("import"), ApiSteps.Yaml(ApiSteps.ReadyExampleWithoutScannedEvidence()), stale));

        Assert.Equal(HttpStatusCode.PreconditionFailed, refused.StatusCode);
    }

    [Theory]
    [InlineData("manager", HttpStatusCode.Forbidden)]
    [InlineData("leadB", HttpStatusCode.NotFound)]
    [InlineData("office", HttpStatusCode.NotFound)]
    [InlineData("auditor", HttpStatusCode.NotFound)]
    [InlineData("admin", HttpStatusCode.NotFound)]
    public async Task Import_is_for_the_partners_editors_only(string user, HttpStatusCode expected)
    {
        using var lead = await ApiSteps.AsAsync(world, "leadA");
        var before = await ExportAsync(lead);
        using var client = await ApiSteps.AsAsync(world, user);

        var response = await client.SendAsync(ApiSteps.Put(Url("import"), ApiSteps.Yaml(before.Replace("Acme", "Hijacked", StringComparison.Ordinal))));

        Assert.Equal(expected, response.StatusCode);
        await ApiSteps.ProblemAsync(response);
        Assert.Equal(before, await ExportAsync(lead));
    }

    [Fact]
    public async Task Readiness_json_is_exactly_what_the_cli_prints_for_the_same_application()
    {
        using var lead = await ApiSteps.AsAsync(world, "leadA");
        await ImportReadyExampleAsync(lead);
        // The CLI checks that cited evidence exists beside the file: give it what the application cites (the web has no such files)
        var folder = Directory.CreateTempSubdirectory("attest-api-").FullName;
        var file = Path.Combine(folder, "application.yaml");
        var exported = await ExportAsync(lead);
        await File.WriteAllTextAsync(file, exported);
        var catalogFile = Path.Combine(AppContext.BaseDirectory, "catalogs", "aws-retail-consulting-2019-12.yaml");
        var (catalog, _) = Attest.Core.Catalogs.CatalogReader.Read(await File.ReadAllTextAsync(catalogFile), catalogFile);
        var (application, _) = Attest.Core.Applications.ApplicationReader.Read(exported, file, [catalog!]);
        foreach (var reference in Attest.Package.EvidenceReferences.Collect(application!).Where(r => !r.IsUrl))
        {
            var path = Path.Combine(folder, reference.Reference);
            if (reference.Reference.EndsWith('/'))
            {
                Directory.CreateDirectory(path);
            }
            else
            {
                Directory.CreateDirectory(Path.GetDirectoryName(path)!);
                await File.WriteAllTextAsync(path, "evidence");
            }
        }

        try
        {
            foreach (var language in new[] { "en", "fr" })
            {
                var api = await lead.GetAsync(Url($"readiness?asOf=2026-11-26&lang={language}"));
                Assert.Equal(HttpStatusCode.OK, api.StatusCode);
                Assert.Equal("application/json", api.Content.Headers.ContentType?.MediaType);
                var cli = CliRunner.Run("check", file, "--format", "json", "--as-of", "2026-11-26", "--lang", language);

                var fromApi = JsonNode.Parse(await api.Content.ReadAsStringAsync());
                var fromCli = JsonNode.Parse(cli);
                Assert.True(JsonNode.DeepEquals(fromApi, fromCli), $"API:\n{fromApi}\nCLI:\n{fromCli}");
                Assert.True(fromApi!["ready"]!.GetValue<bool>());
            }
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }
}
