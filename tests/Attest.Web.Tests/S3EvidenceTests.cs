using System.Net;
using System.Net.Http.Headers;
using System.Security.Cryptography;
using System.Text;
using Attest.Package.Bundle;
using Attest.Web.Data;
using Attest.Web.Infrastructure;
using Attest.Web.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Attest.Web.Tests;

/// <summary>
/// Evidence on S3-compatible object storage (a real server, started by scripts/test): uploads through the page and the API
/// land in the bucket under their SHA-256, come back byte for byte, are stored once, are removed with their last piece,
/// are analysed, go into a version's bundle that verifies, and limits hold; /health/ready checks the bucket.
/// </summary>
public sealed class S3EvidenceTests(S3EvidenceTests.SmallUploads s3) : IClassFixture<S3EvidenceTests.SmallUploads>
{
    private const int Limit = 64 * 1024;

    private World World => s3.World;

    private static byte[] Unique(string text) => Encoding.UTF8.GetBytes($"{text}\n{Guid.NewGuid()}\n");

    private static string Sha256(byte[] content) => Convert.ToHexStringLower(SHA256.HashData(content));

    private string LocalFolder => World.Factory.Services.GetRequiredService<EvidenceStore>().Root;

    // Evidence files in the data folder, temporary files being received or analysed aside
    private List<string> LocalFiles() => !Directory.Exists(LocalFolder) ? []
        : [.. Directory.EnumerateFiles(LocalFolder, "*", SearchOption.AllDirectories).Where(f => !Path.GetFileName(f).StartsWith(".upload-", StringComparison.Ordinal))];

    [S3Fact]
    public async Task A_page_upload_goes_to_the_bucket_under_its_sha256_comes_back_whole_and_is_stored_once()
    {
        Assert.Equal("s3", World.Factory.Services.GetRequiredService<EvidenceStore>().Kind);
        var w = await EvidenceTestWorkspace.CreateAsync(World);
        using var lead = w.Client(w.LeadId);
        using var contributor = w.Client(w.ContributorId);
        var content = Unique("runbook of the storefront");
        var sha = Sha256(content);

        var id = EvidenceTestWorkspace.UploadedId(await EvidenceTestWorkspace.UploadAsync(lead, content, "runbook.md", "text/markdown"));
        var again = EvidenceTestWorkspace.UploadedId(await EvidenceTestWorkspace.UploadAsync(contributor, content, "copy.md"));

        Assert.Equal(id, again);
        Assert.Equal(content, await s3.ObjectAsync(sha));
        Assert.Single(await s3.KeysAsync(), k => k == sha);
        var piece = (await w.PieceAsync(id))!;
        Assert.Equal((sha, (long)content.Length), (piece.Sha256, piece.Size!.Value));

        // Nothing kept on the local disk (the analyzer's passing copies aside)
        Assert.Empty(LocalFiles());

        var download = await lead.GetAsync($"/evidence/{id}/download");
        Assert.Equal(HttpStatusCode.OK, download.StatusCode);
        Assert.Equal(content, await download.Content.ReadAsByteArrayAsync());
        Assert.Equal("attachment", download.Content.Headers.ContentDisposition?.DispositionType);
    }

    [S3Fact]
    public async Task The_api_uploads_and_downloads_through_the_bucket_and_refuses_over_the_limit_leaving_nothing()
    {
        var w = await EvidenceTestWorkspace.CreateAsync(World);
        using var lead = ApiSteps.Bearer(World, await ApiSteps.IssueTokenAsync(World, w.LeadId));
        var content = Unique("capacity plan");

        var created = await lead.PostAsync("/api/v1/evidence?name=capacity.txt", new ByteArrayContent(content));
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var id = (await ApiSteps.JsonAsync(created)).GetProperty("id").GetGuid();
        var back = await lead.GetAsync($"/api/v1/evidence/{id}/download");
        Assert.Equal(HttpStatusCode.OK, back.StatusCode);
        Assert.Equal(content, await back.Content.ReadAsByteArrayAsync());

        var tooBig = RandomNumberGenerator.GetBytes(Limit + 1);
        var refused = await lead.PostAsync("/api/v1/evidence?name=big.bin", new ByteArrayContent(tooBig) { Headers = { ContentType = new MediaTypeHeaderValue("application/octet-stream") } });
        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, refused.StatusCode);
        Assert.Null(await s3.ObjectAsync(Sha256(tooBig)));
        Assert.Equal(HttpStatusCode.Created, (await lead.PostAsync("/api/v1/evidence?name=fits.bin", new ByteArrayContent(tooBig[..Limit]))).StatusCode);
        Assert.Equal(tooBig[..Limit], await s3.ObjectAsync(Sha256(tooBig[..Limit])));
    }

    [S3Fact]
    public async Task Deleting_the_last_piece_of_a_file_removes_its_object_and_another_partners_piece_keeps_it()
    {
        var w = await EvidenceTestWorkspace.CreateAsync(World);
        var other = await EvidenceTestWorkspace.CreateAsync(World);
        using var lead = w.Client(w.LeadId);
        using var stranger = other.Client(other.LeadId);
        var content = Unique("shared diagram");
        var sha = Sha256(content);
        var mine = EvidenceTestWorkspace.UploadedId(await EvidenceTestWorkspace.UploadAsync(lead, content, "diagram.txt"));
        var theirs = EvidenceTestWorkspace.UploadedId(await EvidenceTestWorkspace.UploadAsync(stranger, content, "diagram.txt"));

        Assert.Equal(HttpStatusCode.Redirect, (await EvidenceTestWorkspace.PostAsync(lead, $"/evidence/{mine}", $"/evidence/{mine}?handler=Delete", [new("confirm", "yes")])).StatusCode);
        Assert.Equal(content, await s3.ObjectAsync(sha));

        Assert.Equal(HttpStatusCode.Redirect, (await EvidenceTestWorkspace.PostAsync(stranger, $"/evidence/{theirs}", $"/evidence/{theirs}?handler=Delete", [new("confirm", "yes")])).StatusCode);
        Assert.Null(await s3.ObjectAsync(sha));
        Assert.False(await World.ReadAsync(db => db.Evidence.IgnoreQueryFilters().AnyAsync(e => e.Sha256 == sha)));
    }

    [S3Fact]
    public async Task A_template_in_the_bucket_is_analysed_in_the_background()
    {
        var w = await EvidenceTestWorkspace.CreateAsync(World);
        using var lead = w.Client(w.LeadId);
        var content = Encoding.UTF8.GetBytes($"AWSTemplateFormatVersion: '2010-09-09'\nDescription: s3 {Guid.NewGuid():N}\nResources:\n  GalleryAssets:\n    Type: AWS::S3::Bucket\n    Properties:\n      AccessControl: PublicReadWrite\n");
        EvidenceTestWorkspace.UploadedId(await EvidenceTestWorkspace.UploadAsync(lead, content, "gallery.yaml", "application/x-yaml"));

        var sha = Sha256(content);
        var until = DateTime.UtcNow + TimeSpan.FromSeconds(30);
        EvidenceAnalysisRecord? row;
        while ((row = await World.ReadAsync(db => db.EvidenceAnalyses.AsNoTracking().FirstOrDefaultAsync(a => a.Sha256 == sha))) is not { State: AnalysisState.Done or AnalysisState.Failed })
        {
            Assert.True(DateTime.UtcNow < until, $"the analysis is still {row?.State.ToString() ?? "not queued"}");
            await Task.Delay(100);
        }

        Assert.Equal((AnalysisState.Done, true), (row.State, row.IsCode));
        Assert.Empty(LocalFiles());
    }

    [S3Fact]
    public async Task A_submitted_versions_bundle_carries_the_file_from_the_bucket_and_verifies()
    {
        var a = World.ApplicationA;
        var content = Encoding.ASCII.GetBytes($"%PDF-1.4 architecture of the storefront {Guid.NewGuid():N}\n");
        using (var scope = World.Factory.Services.CreateScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<AttestDbContext>();
            var store = scope.ServiceProvider.GetRequiredService<EvidenceStore>();
            using var stream = new MemoryStream(content);
            var file = (await store.ReceiveAsync(stream, Limit, CancellationToken.None))!;
            var piece = new EvidenceRecord { Id = Guid.NewGuid(), PartnerId = World.PartnerA, Name = "architecture.pdf", Sha256 = file.Sha256, Size = file.Size, ContentType = file.ContentType, AddedAt = World.Factory.Now };
            await store.CommitAsync(file, async () =>
            {
                db.Evidence.Add(piece);
                db.EvidenceLinks.Add(new EvidenceLink { Id = Guid.NewGuid(), EvidenceId = piece.Id, PartnerId = World.PartnerA, ApplicationId = a, CaseStudyKey = "contoso" });
                await db.SaveChangesAsync();
            }, CancellationToken.None);
        }

        await WorkflowSteps.SubmitReadyAsync(World, a);

        using var office = World.Client("office");
        var bundle = await office.GetAsync($"/applications/{a}/versions/1?handler=File&name={Attest.Package.SubmissionPackage.BundleName}");
        Assert.Equal(HttpStatusCode.OK, bundle.StatusCode);
        using var zip = new MemoryStream(await bundle.Content.ReadAsByteArrayAsync());
        var verification = BundleVerifier.Verify(zip);
        Assert.True(verification.Intact);
        var packed = Assert.Single(verification.Manifest!.Files, f => f.Path.EndsWith("architecture.pdf", StringComparison.Ordinal));
        Assert.Equal((Sha256(content), (long)content.Length), (packed.Sha256, packed.Size));
    }

    [S3Fact]
    public async Task Health_ready_checks_the_bucket()
    {
        using var anonymous = World.Client(null);
        var ready = await anonymous.GetAsync("/health/ready");
        Assert.Equal(HttpStatusCode.OK, ready.StatusCode);

        var missing = new World(kestrel: false, S3World.Settings("attest-no-such-bucket-" + Guid.NewGuid().ToString("N")[..8]));
        try
        {
            using var client = missing.Factory.CreateClient();
            var unready = await client.GetAsync("/health/ready");
            Assert.Equal(HttpStatusCode.ServiceUnavailable, unready.StatusCode);
            Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/health/live")).StatusCode);
        }
        finally
        {
            await missing.DisposeAsync();
        }
    }

    /// <summary>The S3 world with a small upload limit.</summary>
    public sealed class SmallUploads() : S3World(new Dictionary<string, string> { ["Attest:MaxUploadBytes"] = Limit.ToString(System.Globalization.CultureInfo.InvariantCulture) });
}
