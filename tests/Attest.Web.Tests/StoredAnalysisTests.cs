using System.Net;
using System.Net.Http.Headers;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Attest.Core.Readiness;
using Attest.Core.Text;
using Attest.Package.Bundle;
using Attest.Web.Data;
using Attest.Web.Features.Package;
using Attest.Web.Infrastructure;
using Attest.Web.Tests.Support;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Attest.Web.Tests;

/// <summary>
/// Findings stored by content and analyzer version (issue 10 §4–§6): analysed once in the background when a file arrives,
/// read by pages and the API without waiting, the same on a second instance and right after a restart, analysed again for
/// a new analyzer version; attachments that follow their customer; versions judged on what was frozen with them.
/// </summary>
public sealed class StoredAnalysisTests
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(30);

    // A world-writable bucket: VAL-2.10 (S3 access control) fails on GalleryAssets
    private static byte[] PublicBucket(string more = "") => Encoding.UTF8.GetBytes(
        $"AWSTemplateFormatVersion: '2010-09-09'\nDescription: galeries {Guid.NewGuid():N}\nResources:\n  GalleryAssets:\n    Type: AWS::S3::Bucket\n    Properties:\n      AccessControl: PublicReadWrite\n{more}");

    // And an unencrypted database: VAL-2.11 (encryption at rest) fails on Db
    private const string PlainDatabase = "  Db:\n    Type: AWS::RDS::DBInstance\n    Properties:\n      Engine: postgres\n      StorageEncrypted: false\n";

    private static string Sha256(byte[] content) => Convert.ToHexStringLower(SHA256.HashData(content));

    [Fact]
    public async Task A_public_bucket_attached_to_a_case_study_fails_VAL_2_10_and_a_second_instance_and_a_restarted_one_judge_the_same_at_once()
    {
        var world = new World();
        await world.InitializeAsync();
        AttestFactory? second = null;
        AttestFactory? restarted = null;
        try
        {
            var w = await EvidenceTestWorkspace.CreateAsync(world);
            var token = await ApiSteps.IssueTokenAsync(world, w.LeadId);
            using var lead = w.Client(w.LeadId);
            var content = PublicBucket();
            var id = EvidenceTestWorkspace.UploadedId(await EvidenceTestWorkspace.UploadAsync(lead, content, "galeries.yaml", "application/x-yaml"));

            // Analysed in the background on arrival, before anything is attached; the page says where its findings go: nowhere yet
            var analysis = await AnalysedAsync(world.Factory, Sha256(content));
            Assert.Equal((AnalysisState.Done, true, 1), (analysis.State, analysis.IsCode, analysis.Attempts));
            var before = WebUtility.HtmlDecode(await lead.GetStringAsync($"/evidence/{id}"));
            Assert.Contains("Not attached: its findings count nowhere yet", before, StringComparison.Ordinal);
            Assert.Contains("GalleryAssets", before, StringComparison.Ordinal);

            Assert.Equal(HttpStatusCode.Redirect, (await w.AttachAsync(lead, id, "contoso", null)).StatusCode);
            var after = WebUtility.HtmlDecode(await lead.GetStringAsync($"/evidence/{id}"));
            Assert.DoesNotContain("count nowhere", after, StringComparison.Ordinal);
            Assert.DoesNotContain("Attach it to a case study", after, StringComparison.Ordinal);
            Assert.Matches(@"case study Contoso Stores \(contoso\)\s*<span class=""effect"">— [1-9]\d* finding\(s\) count for every item of this case study they speak to \([1-9]\d* failing\)", after);
            var library = WebUtility.HtmlDecode(await lead.GetStringAsync("/evidence"));
            Assert.Matches(@"finding\(s\), counted in 1 place\(s\)", library);

            var (status, text) = await DashboardVerdictAsync(lead, w.ApplicationId, "VAL-2.10");
            Assert.Equal("not-met", status);
            Assert.Contains("GalleryAssets (galeries.yaml:", text, StringComparison.Ordinal);
            using var api = Bearer(world.Factory, token);
            var readiness = await ReadinessAsync(api, w.ApplicationId);
            var verdict = Item(readiness, "VAL-2.10");
            Assert.Equal("not-met", verdict.GetProperty("status").GetString());
            Assert.Contains("GalleryAssets", verdict.ToString(), StringComparison.Ordinal);

            // The same attachment speaks to every item its findings concern: the bucket has no encryption of its own (VAL-2.11)
            var (encryption, encryptionText) = await DashboardVerdictAsync(lead, w.ApplicationId, "VAL-2.11");
            Assert.Equal("not-met", encryption);
            Assert.Contains("GalleryAssets (galeries.yaml:", encryptionText, StringComparison.Ordinal);
            Assert.Equal("not-met", Item(readiness, "VAL-2.11").GetProperty("status").GetString());

            // A second instance on the same database: the same verdict, from its very first request
            second = world.Factory.SharingStorage();
            using (var secondApi = Bearer(second, token))
            {
                Assert.Equal(readiness, await ReadinessAsync(secondApi, w.ApplicationId, wait: false));
            }

            // Restart: both stop, a new one starts on the same database and data folder; its first readiness is the same
            world.Factory.OwnsStorage = false;
            await world.Factory.DisposeAsync();
            await second.DisposeAsync();
            second = null;
            restarted = world.Factory.SharingStorage();
            restarted.OwnsStorage = true;
            using (var restartedApi = Bearer(restarted, token))
            {
                Assert.Equal(readiness, await ReadinessAsync(restartedApi, w.ApplicationId, wait: false));
            }

            using var restartedLead = EvidenceTestWorkspace.ClientOf(restarted, w.LeadId);
            var dashboard = await restartedLead.GetStringAsync($"/applications/{w.ApplicationId}");
            Assert.DoesNotContain("notice scanning", dashboard, StringComparison.Ordinal);
            Assert.Equal((status, text), Verdict(dashboard, "VAL-2.10"));
        }
        finally
        {
            if (second is not null)
            {
                await second.DisposeAsync();
            }

            await world.DisposeAsync();
            if (restarted is not null)
            {
                await restarted.DisposeAsync();
            }
        }
    }

    [Fact]
    public async Task A_file_analysed_by_another_analyzer_version_counts_as_pending_and_is_analysed_again_at_start()
    {
        var world = new World();
        await world.InitializeAsync();
        AttestFactory? restarted = null;
        try
        {
            var w = await EvidenceTestWorkspace.CreateAsync(world);
            using var lead = w.Client(w.LeadId);
            var content = PublicBucket();
            var sha = Sha256(content);
            var id = EvidenceTestWorkspace.UploadedId(await EvidenceTestWorkspace.UploadAsync(lead, content, "galeries.yaml"));
            await w.AttachAsync(lead, id, "contoso", null);
            await AnalysedAsync(world.Factory, sha);

            // As a database left by an older analyzer: its result is not the current analyzer's, so it decides nothing
            await world.ReadAsync(db => db.EvidenceAnalyses.Where(a => a.Sha256 == sha)
                .ExecuteUpdateAsync(s => s.SetProperty(a => a.AnalyzerVersion, "web-0").SetProperty(a => a.Findings, "[]")));
            var waiting = WebUtility.HtmlDecode(await lead.GetStringAsync($"/applications/{w.ApplicationId}"));
            Assert.Contains("0 of 1 file(s) analysed", waiting, StringComparison.Ordinal);
            Assert.DoesNotContain("GalleryAssets", Verdict(waiting, "VAL-2.10").Text, StringComparison.Ordinal);

            // At start the file is queued again for the current analyzer, analysed, and the older result goes
            world.Factory.OwnsStorage = false;
            await world.Factory.DisposeAsync();
            restarted = world.Factory.SharingStorage();
            restarted.OwnsStorage = true;
            using var restartedLead = EvidenceTestWorkspace.ClientOf(restarted, w.LeadId);
            await restartedLead.GetAsync("/");
            var again = await AnalysedAsync(restarted, sha);
            Assert.Equal(AnalyzerVersion.Current, again.AnalyzerVersion);
            Assert.Contains("GalleryAssets", again.Findings, StringComparison.Ordinal);
            Assert.False(await Read(restarted, db => db.EvidenceAnalyses.AnyAsync(a => a.Sha256 == sha && a.AnalyzerVersion == "web-0")));
            var (status, text) = await DashboardVerdictAsync(restartedLead, w.ApplicationId, "VAL-2.10");
            Assert.Equal("not-met", status);
            Assert.Contains("GalleryAssets", text, StringComparison.Ordinal);
        }
        finally
        {
            await world.DisposeAsync();
            if (restarted is not null)
            {
                await restarted.DisposeAsync();
            }
        }
    }

    [Fact]
    public async Task Attached_to_an_item_alone_the_findings_are_shown_at_item_level_and_change_no_case_studys_verdict()
    {
        var world = new World();
        await world.InitializeAsync();
        try
        {
            var w = await EvidenceTestWorkspace.CreateAsync(world);
            using var lead = w.Client(w.LeadId);
            var content = PublicBucket(PlainDatabase);
            var id = EvidenceTestWorkspace.UploadedId(await EvidenceTestWorkspace.UploadAsync(lead, content, "galeries.yaml"));
            await AnalysedAsync(world.Factory, Sha256(content));
            var baseline = Verdict(await lead.GetStringAsync($"/applications/{w.ApplicationId}"), "VAL-2.10");
            await w.AttachAsync(lead, id, null, "VAL-2.10");

            var page = WebUtility.HtmlDecode(await lead.GetStringAsync($"/evidence/{id}"));
            Assert.Matches(@"item VAL-2.10 [^<]*<span class=""effect"">— [1-9]\d* finding\(s\) about VAL-2.10 are shown with the item, at item level", page);
            var dashboard = await lead.GetStringAsync($"/applications/{w.ApplicationId}");
            var (status, text) = Verdict(dashboard, "VAL-2.10");
            Assert.Equal(baseline.Status, status);
            Assert.Contains("Findings of files attached to this item without a case study", text, StringComparison.Ordinal);
            Assert.Contains("GalleryAssets", text, StringComparison.Ordinal);
            Assert.DoesNotContain("GalleryAssets", WithoutItemLevel(text), StringComparison.Ordinal);

            // Attached to (case study, item): only that item's findings count, for that case study
            await w.AttachAsync(lead, id, "contoso", "VAL-2.11");
            page = WebUtility.HtmlDecode(await lead.GetStringAsync($"/evidence/{id}"));
            Assert.Matches(@"finding\(s\) about VAL-2.11 count for this case study", page);
            dashboard = await lead.GetStringAsync($"/applications/{w.ApplicationId}");
            Assert.DoesNotContain("GalleryAssets", WithoutItemLevel(Verdict(dashboard, "VAL-2.10").Text), StringComparison.Ordinal);
            Assert.Contains("Db (galeries.yaml:", Verdict(dashboard, "VAL-2.11").Text, StringComparison.Ordinal);
        }
        finally
        {
            await world.DisposeAsync();
        }
    }

    [Fact]
    public async Task An_import_that_renumbers_case_studies_keeps_each_file_with_its_customer_and_drops_those_of_a_customer_gone()
    {
        var world = new World();
        await world.InitializeAsync();
        try
        {
            var w = await EvidenceTestWorkspace.CreateAsync(world);
            using var api = Bearer(world.Factory, await ApiSteps.IssueTokenAsync(world, w.LeadId));
            using var lead = w.Client(w.LeadId);
            // The file names the workspace's own partner: a file naming another is refused
            string Yaml(params string[] customers) =>
                $"format: attest/application/v1\nchecklist: aws-retail-consulting-2019-12\npartner:\n  name: Partner {w.PartnerId.ToString("N")[..12]}\ncaseStudies:\n"
                + string.Concat(customers.Select(c => $"  - customer: {c}\n    awsServices: [Amazon S3]\n"));
            async Task ImportAsync(string yaml)
            {
                var response = await api.SendAsync(ApiSteps.Put($"/api/v1/applications/{w.ApplicationId}/import", ApiSteps.Yaml(yaml)));
                Assert.True(response.StatusCode == HttpStatusCode.OK, await response.Content.ReadAsStringAsync());
            }

            // Case studies without keys are numbered by position: Galeries Lumière is case-study-1
            await ImportAsync(Yaml("Galeries Lumière", "Maison Dupont"));
            var id = EvidenceTestWorkspace.UploadedId(await EvidenceTestWorkspace.UploadAsync(lead, PublicBucket(), "galeries.yaml"));
            Assert.Equal(HttpStatusCode.Redirect, (await w.AttachAsync(lead, id, "case-study-1", null)).StatusCode);

            // Reordered: Galeries Lumière is now case-study-2, and its file goes with it
            await ImportAsync(Yaml("Maison Dupont", "Galeries Lumière"));
            Assert.Equal(["case-study-2"], await w.ReadAsync(db => db.EvidenceLinks.IgnoreQueryFiltersForTests().Where(l => l.EvidenceId == id).Select(l => l.CaseStudyKey!).ToListAsync()));
            var page = WebUtility.HtmlDecode(await lead.GetStringAsync($"/evidence/{id}"));
            Assert.Contains("case study Galeries Lumière (case-study-2)", page, StringComparison.Ordinal);
            Assert.DoesNotContain("case study Maison Dupont", page, StringComparison.Ordinal);

            // Gone: its attachment goes too, and Maison Dupont (now case-study-1) never shows its file
            await ImportAsync(Yaml("Maison Dupont"));
            Assert.Empty(await w.ReadAsync(db => db.EvidenceLinks.IgnoreQueryFiltersForTests().Where(l => l.EvidenceId == id).ToListAsync()));
            var (_, text) = await DashboardVerdictAsync(lead, w.ApplicationId, "VAL-2.10");
            Assert.DoesNotContain("galeries.yaml", text, StringComparison.Ordinal);
            var export = await (await api.GetAsync($"/api/v1/applications/{w.ApplicationId}/readiness?lang=en")).Content.ReadAsStringAsync();
            Assert.DoesNotContain("galeries.yaml", export, StringComparison.Ordinal);
        }
        finally
        {
            await world.DisposeAsync();
        }
    }

    [Fact]
    public async Task A_submitted_versions_package_keeps_the_findings_it_was_judged_on_after_its_file_is_detached_and_deleted()
    {
        var world = new World();
        await world.InitializeAsync();
        try
        {
            var a = world.ApplicationA;
            await WorkflowSteps.MakeReadyAsync(world, a);
            using var lead = world.Client("leadA");
            var content = PublicBucket();
            var id = EvidenceTestWorkspace.UploadedId(await EvidenceTestWorkspace.UploadAsync(lead, content, "galeries.yaml"));
            await EvidenceTestWorkspace.PostAsync(lead, $"/evidence/{id}", $"/evidence/{id}?handler=Attach", [new("Attach.CaseStudy", $"{a:N}/contoso"), new("Attach.Item", "")]);
            await AnalysedAsync(world.Factory, Sha256(content));
            await WorkflowSteps.DoAsync(world, "leadA", $"/applications/{a}/submit", null, ("note", "first submission"));

            var version = (await WorkflowSteps.WorkflowAsync(world, a)).Versions.Single();
            Assert.Contains("GalleryAssets", version.FindingsJson, StringComparison.Ordinal);
            Assert.True(version.IsIntact());
            var frozen = await Package(world, version);
            Assert.Equal("not-met", Item(frozen.Readiness, "VAL-2.10").GetProperty("status").GetString());
            using var office = world.Client("office");
            var versionPage = WebUtility.HtmlDecode(await office.GetStringAsync($"/applications/{a}/versions/1"));
            Assert.Matches(@"Judged on what was frozen with it: [1-9]\d* analyzer finding\(s\) over 1 case study\(ies\)", versionPage);
            var bundle = await BundleFileAsync(office, a, "galeries.yaml");

            // Detached, then deleted from the library: today's readiness changes, the version's package does not
            await EvidenceTestWorkspace.PostAsync(lead, $"/evidence/{id}", $"/evidence/{id}?handler=Delete", [new("confirm", "yes")]);
            Assert.Empty(await world.ReadAsync(db => db.Evidence.IgnoreQueryFiltersForTests().Where(e => e.Id == id).ToListAsync()));
            var (today, _) = await DashboardVerdictAsync(lead, a, "VAL-2.10");
            Assert.NotEqual("not-met", today);
            Assert.Equal(frozen, await Package(world, version));
            Assert.Equal(bundle, await BundleFileAsync(office, a, "galeries.yaml"));

            // A version from before findings were frozen: judged on its text alone, and the pages say so
            await world.ReadAsync(async db =>
            {
                var record = await db.Workflows.IgnoreQueryFiltersForTests().SingleAsync(r => r.ApplicationId == a);
                var snapshot = JsonNode.Parse(record.Snapshot)!;
                foreach (var v in snapshot["versions"]!.AsArray())
                {
                    v!.AsObject().Remove("findingsJson");
                    v.AsObject().Remove("siteObservationJson");
                }

                record.Snapshot = snapshot.ToJsonString();
                return await db.SaveChangesAsync();
            });
            var old = (await WorkflowSteps.WorkflowAsync(world, a)).Versions.Single();
            Assert.Null(old.FindingsJson);
            Assert.Contains("submitted before analyzer findings and the site observation were frozen", WebUtility.HtmlDecode(await office.GetStringAsync($"/applications/{a}/versions/1")), StringComparison.Ordinal);
            Assert.NotEqual("not-met", Item((await Package(world, old)).Readiness, "VAL-2.10").GetProperty("status").GetString());
        }
        finally
        {
            await world.DisposeAsync();
        }
    }

    // What a version's package is made of, as text: readiness JSON and the evidence it bundles
    private static async Task<(string Readiness, string Evidence)> Package(World world, Attest.Core.Workflow.SubmissionVersion version)
    {
        using var scope = world.Factory.Services.CreateScope();
        var input = (await scope.ServiceProvider.GetRequiredService<SubmissionPackages>().ForVersionAsync(version, Language.En, CancellationToken.None))!;
        var evidence = string.Join("\n", input.Evidence.Select(e => $"{e.Name} {e.Sha256} {e.Size}").Concat(input.Missing.Select(m => $"missing {m.Reference}")));
        return (ReadinessJson.Render(input.Readiness, Language.En), evidence);
    }

    private static async Task<string> BundleFileAsync(HttpClient client, Guid application, string name)
    {
        var response = await client.GetAsync($"/applications/{application}/versions/1?handler=File&name={Attest.Package.SubmissionPackage.BundleName}");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        using var zip = new MemoryStream(await response.Content.ReadAsByteArrayAsync());
        var verification = BundleVerifier.Verify(zip);
        Assert.True(verification.Intact);
        var file = Assert.Single(verification.Manifest!.Files, f => f.Path.EndsWith(name, StringComparison.Ordinal));
        return file.Sha256;
    }

    private static async Task<T> Read<T>(WebApplicationFactory<Program> factory, Func<AttestDbContext, Task<T>> query)
    {
        using var scope = factory.Services.CreateScope();
        return await query(scope.ServiceProvider.GetRequiredService<AttestDbContext>());
    }

    // The stored analysis of the file by the current analyzer once it is done or failed (bounded)
    private static async Task<EvidenceAnalysisRecord> AnalysedAsync(WebApplicationFactory<Program> factory, string sha256)
    {
        var until = DateTime.UtcNow + Patience;
        while (true)
        {
            var row = await Read(factory, db => db.EvidenceAnalyses.AsNoTracking().FirstOrDefaultAsync(a => a.Sha256 == sha256 && a.AnalyzerVersion == AnalyzerVersion.Current));
            if (row is { State: AnalysisState.Done or AnalysisState.Failed })
            {
                return row;
            }

            Assert.True(DateTime.UtcNow < until, $"the analysis of {sha256} is still {row?.State.ToString() ?? "not queued"}");
            await Task.Delay(100);
        }
    }

    private static HttpClient Bearer(WebApplicationFactory<Program> factory, string token)
    {
        var client = factory.CreateClient(new() { AllowAutoRedirect = false, HandleCookies = false });
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return client;
    }

    // The readiness JSON (in English); with wait, once no file is waiting for its analysis (bounded), else the first answer
    private static async Task<string> ReadinessAsync(HttpClient client, Guid application, bool wait = true)
    {
        var until = DateTime.UtcNow + Patience;
        while (true)
        {
            var response = await client.GetAsync($"/api/v1/applications/{application}/readiness?lang=en");
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            var text = await response.Content.ReadAsStringAsync();
            using var document = JsonDocument.Parse(text);
            var waiting = document.RootElement.GetProperty("warnings").GetArrayLength() > 0;
            if (!waiting || !wait)
            {
                Assert.False(waiting, "a file is still waiting for its analysis");
                return text;
            }

            Assert.True(DateTime.UtcNow < until, "files are still waiting for their analysis");
            await Task.Delay(100);
        }
    }

    private static JsonElement Item(string readiness, string item)
    {
        using var document = JsonDocument.Parse(readiness);
        return document.RootElement.GetProperty("items").EnumerateArray().Single(i => i.GetProperty("id").GetString() == item).Clone();
    }

    // The item's status and text on the dashboard once no file is waiting for its analysis (bounded)
    private static async Task<(string Status, string Text)> DashboardVerdictAsync(HttpClient client, Guid application, string item)
    {
        var until = DateTime.UtcNow + Patience;
        while (true)
        {
            var html = await client.GetStringAsync($"/applications/{application}");
            if (!html.Contains("notice scanning", StringComparison.Ordinal))
            {
                return Verdict(html, item);
            }

            Assert.True(DateTime.UtcNow < until, "files are still waiting for their analysis");
            await Task.Delay(100);
        }
    }

    // A verdict's text without the findings shown at item level
    private static string WithoutItemLevel(string text) => Regex.Replace(text, "Findings of files attached to this item without a case study.*?</details>", "", RegexOptions.Singleline);

    private static (string Status, string Text) Verdict(string html, string item)
    {
        var match = Regex.Match(html, $"<tr id=\"item-{Regex.Escape(item)}\" class=\"item status-([a-z-]+)\">(.*?)</tr>", RegexOptions.Singleline);
        Assert.True(match.Success, $"{item} is not on the dashboard");
        return (match.Groups[1].Value, WebUtility.HtmlDecode(match.Groups[2].Value));
    }
}

/// <summary>One "today" (issue 10 §7): the office's date, from the injected clock, for the pages and the API.</summary>
public sealed class OfficeClockTests
{
    [Fact]
    public async Task Half_an_hour_after_midnight_in_Paris_it_is_already_tomorrow_for_the_api_and_the_pages_though_not_in_UTC()
    {
        var world = new World(kestrel: false, new Dictionary<string, string> { ["Attest:Workflow:TimeZone"] = "Europe/Paris" }, new DateTimeOffset(2026, 11, 26, 23, 30, 0, TimeSpan.Zero));
        await world.InitializeAsync();
        try
        {
            var w = await EvidenceTestWorkspace.CreateAsync(world);
            var clock = world.Factory.Services.GetRequiredService<OfficeClock>();
            Assert.Equal(new DateOnly(2026, 11, 27), clock.Today);

            using var api = ApiSteps.Bearer(world, await ApiSteps.IssueTokenAsync(world, w.LeadId));
            var readiness = await ApiSteps.JsonAsync(await api.GetAsync($"/api/v1/applications/{w.ApplicationId}/readiness"));
            Assert.Equal("2026-11-27", readiness.GetProperty("asOf").GetString());

            // A document issued "today" in Paris is not in the future; one issued tomorrow is
            using var lead = w.Client(w.LeadId);
            EvidenceTestWorkspace.UploadedId(await EvidenceTestWorkspace.UploadAsync(lead, Encoding.UTF8.GetBytes($"minutes {Guid.NewGuid()}"), "minutes.txt", issuedOn: "2026-11-27"));
            var refused = await EvidenceTestWorkspace.UploadAsync(lead, Encoding.UTF8.GetBytes($"minutes {Guid.NewGuid()}"), "later.txt", issuedOn: "2026-11-28");
            Assert.NotEqual(HttpStatusCode.Redirect, refused.StatusCode);
            Assert.Contains("cannot have been issued after today", WebUtility.HtmlDecode(await refused.Content.ReadAsStringAsync()), StringComparison.Ordinal);
        }
        finally
        {
            await world.DisposeAsync();
        }
    }
}
