using System.Diagnostics;
using System.IO.Compression;
using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;
using System.Text.Json.Nodes;
using Attest.Web.Tests.Support;

namespace Attest.Web.Tests;

/// <summary>
/// One pipeline: the same application and the same files give the same readiness JSON from <c>attest check</c> and from the
/// web API once the files are uploaded, attached to their case studies and analysed — on the examples (each case study's
/// code as a ZIP) and on templates of the shared corpus.
/// </summary>
public sealed class PipelineParityTests(World world) : IClassFixture<World>
{
    private static readonly string[] Keys = ["contoso", "fabrikam", "northwind", "tailspin"];

    [Fact]
    public async Task The_examples_code_uploaded_and_attached_gives_the_readiness_attest_check_gives()
    {
        var examples = Path.Combine(ApiSteps.RepositoryRoot(), "examples");
        var files = Keys.ToDictionary(k => $"iac/{k}.zip", k => Zip(Path.Combine(examples, "iac", k)), StringComparer.Ordinal);
        await AssertSameReadinessAsync(world.ApplicationA, "leadA", files, key => $"iac/{key}.zip");
    }

    [SharedCorpusFact]
    public async Task Corpus_templates_uploaded_and_attached_give_the_readiness_attest_check_gives()
    {
        Prerequisites.Demand(SharedCorpusFactAttribute.Missing);
        var corpus = SharedCorpusFactAttribute.Folder!;

        // Templates that define buckets and other stores, so that applicability from the evidence and several topics are exercised
        var templates = Directory.EnumerateFiles(corpus, "*.yaml", SearchOption.AllDirectories)
            .Where(f => new FileInfo(f).Length < 200_000 && File.ReadAllText(f).Contains("AWS::S3::Bucket", StringComparison.Ordinal))
            .Order(StringComparer.Ordinal)
            .Take(Keys.Length)
            .ToArray();
        Assert.Equal(Keys.Length, templates.Length);
        var files = Keys.Select((k, i) => (Name: $"iac/{k}.yaml", Path: templates[i])).ToDictionary(f => f.Name, f => File.ReadAllBytes(f.Path), StringComparer.Ordinal);
        // Another partner's application: the two tests of this class share one world
        await AssertSameReadinessAsync(world.ApplicationB, "leadB", files, key => $"iac/{key}.yaml");
    }

    // Writes the ready example citing `evidence(key)` for each case study, with `files` beside it; imports it into the web,
    // uploads and attaches the same files, waits for their analyses, and compares the two readiness documents
    private async Task AssertSameReadinessAsync(Guid application, string user, Dictionary<string, byte[]> files, Func<string, string> evidence)
    {
        var text = await File.ReadAllTextAsync(Path.Combine(ApiSteps.RepositoryRoot(), "examples", "ready.yaml"));
        // An imported file names the application's own partner (another name is refused)
        if (application == world.ApplicationB)
        {
            text = text.Replace("  name: Acme Retail Cloud\n", "  name: Beta Consulting\n", StringComparison.Ordinal);
        }

        foreach (var key in Keys)
        {
            text = text.Replace($"[iac/{key}/]", $"[{evidence(key)}]", StringComparison.Ordinal);
        }

        var folder = Directory.CreateTempSubdirectory("attest-parity-").FullName;
        try
        {
            var file = Path.Combine(folder, "application.yaml");
            await File.WriteAllTextAsync(file, text);
            foreach (var (name, content) in files)
            {
                Directory.CreateDirectory(Path.GetDirectoryName(Path.Combine(folder, name))!);
                await File.WriteAllBytesAsync(Path.Combine(folder, name), content);
            }

            await PlaceholdersForTheRestAsync(folder, file, text);

            using var lead = await ApiSteps.AsAsync(world, user);
            var imported = await lead.SendAsync(ApiSteps.Put($"/api/v1/applications/{application}/import", ApiSteps.Yaml(text)));
            Assert.True(imported.StatusCode == HttpStatusCode.OK, await imported.Content.ReadAsStringAsync());
            foreach (var key in Keys)
            {
                var name = evidence(key);
                var body = new ByteArrayContent(files[name]);
                body.Headers.ContentType = new MediaTypeHeaderValue("application/octet-stream");
                var uploaded = await lead.PostAsync($"/api/v1/evidence?name={Uri.EscapeDataString(name)}", body);
                Assert.True(uploaded.StatusCode == HttpStatusCode.Created, await uploaded.Content.ReadAsStringAsync());
                var id = (await ApiSteps.JsonAsync(uploaded)).GetProperty("id").GetGuid();
                var attached = await lead.PostAsync($"/api/v1/evidence/{id}/attachments", ApiSteps.Json(JsonSerializer.Serialize(new { applicationId = application, caseStudy = key })));
                Assert.True(attached.StatusCode == HttpStatusCode.Created, await attached.Content.ReadAsStringAsync());
            }

            foreach (var language in new[] { "en", "fr" })
            {
                var fromApi = await AnalysedReadinessAsync(lead, application, language);
                var fromCli = JsonNode.Parse(CliRunner.Run("check", file, "--format", "json", "--as-of", "2026-11-26", "--lang", language));
                Assert.True(JsonNode.DeepEquals(fromApi, fromCli), $"API:\n{fromApi}\nCLI:\n{fromCli}");
            }

            // The code weighed on the verdicts: some reasons cite a finding at its place in the attached file, "(file:line)"
            var report = (await AnalysedReadinessAsync(lead, application, "en"))!.ToJsonString();
            Assert.Contains(Keys, key => report.Contains("(" + evidence(key), StringComparison.Ordinal));
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    // The readiness document once every attached file is analysed (the API warns while some are not), at most a minute
    private static async Task<JsonNode?> AnalysedReadinessAsync(HttpClient client, Guid application, string language)
    {
        var waited = Stopwatch.StartNew();
        while (true)
        {
            var response = await client.GetAsync($"/api/v1/applications/{application}/readiness?asOf=2026-11-26&lang={language}");
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            var node = JsonNode.Parse(await response.Content.ReadAsStringAsync());
            if (node?["warnings"] is not JsonArray { Count: > 0 })
            {
                return node;
            }

            Assert.True(waited.Elapsed < TimeSpan.FromMinutes(1), $"the analyses did not finish within a minute: {node}");
            await Task.Delay(200);
        }
    }

    // The CLI checks that every cited file exists: the documents the example cites get a stand-in beside it
    private static async Task PlaceholdersForTheRestAsync(string folder, string file, string text)
    {
        var catalogFile = Path.Combine(AppContext.BaseDirectory, "catalogs", "aws-retail-consulting-2019-12.yaml");
        var (catalog, _) = Attest.Core.Catalogs.CatalogReader.Read(await File.ReadAllTextAsync(catalogFile), catalogFile);
        var (application, error) = Attest.Core.Applications.ApplicationReader.Read(text, file, [catalog!]);
        Assert.Null(error);
        foreach (var reference in Attest.Package.EvidenceReferences.Collect(application!).Where(r => !r.IsUrl))
        {
            var path = Path.Combine(folder, reference.Reference);
            if (reference.Reference.EndsWith('/'))
            {
                Directory.CreateDirectory(path);
            }
            else if (!File.Exists(path))
            {
                Directory.CreateDirectory(Path.GetDirectoryName(path)!);
                await File.WriteAllTextAsync(path, "evidence");
            }
        }
    }

    private static byte[] Zip(string folder)
    {
        using var stream = new MemoryStream();
        using (var zip = new ZipArchive(stream, ZipArchiveMode.Create, leaveOpen: true))
        {
            foreach (var path in Directory.EnumerateFiles(folder, "*", SearchOption.AllDirectories).Order(StringComparer.Ordinal))
            {
                var entry = zip.CreateEntry(Path.GetRelativePath(folder, path).Replace('\\', '/'), CompressionLevel.Fastest);
                entry.LastWriteTime = new DateTimeOffset(2026, 1, 1, 0, 0, 0, TimeSpan.Zero);
                using var target = entry.Open();
                using var source = File.OpenRead(path);
                source.CopyTo(target);
            }
        }

        return stream.ToArray();
    }
}
