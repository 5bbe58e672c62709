using System.Net;
using System.Text;
using System.Text.RegularExpressions;
using Attest.Web.Data;
using Attest.Web.Infrastructure;
using Attest.Web.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Attest.Web.Tests;

public sealed partial class EvidenceTests(World world) : IClassFixture<World>
{
    private static readonly byte[] Pdf = Encoding.ASCII.GetBytes("%PDF-1.7\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n");

    private string Root => world.Factory.Services.GetRequiredService<EvidenceStore>().Root;

    private static byte[] Unique(string text) => Encoding.UTF8.GetBytes($"{text}\n{Guid.NewGuid()}\n");

    private static string RepositoryFile(string relative)
    {
        var folder = new DirectoryInfo(AppContext.BaseDirectory);
        while (folder is not null && !File.Exists(Path.Combine(folder.FullName, "Attest.slnx")))
        {
            folder = folder.Parent;
        }

        return Path.Combine(folder?.FullName ?? throw new InvalidOperationException("repository root not found"), relative);
    }

    [Fact]
    public async Task An_upload_is_stored_under_its_sha256_with_its_own_date_kept_apart_from_the_upload_time()
    {
        var w = await EvidenceTestWorkspace.CreateAsync(world);
        using var client = w.Client(w.LeadId);
        var content = Unique("runbook");
        var before = world.Factory.Services.GetRequiredService<TimeProvider>().GetUtcNow().AddMinutes(-1);

        var id = EvidenceTestWorkspace.UploadedId(await EvidenceTestWorkspace.UploadAsync(client, content, "runbook.md", "text/markdown", issuedOn: "2024-03-01"));

        var piece = (await w.PieceAsync(id))!;
        var sha = Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(content));
        Assert.Equal((sha, (long)content.Length, "runbook.md", "text/plain"), (piece.Sha256!, piece.Size!.Value, piece.Name, piece.ContentType!));
        Assert.Equal(new DateOnly(2024, 3, 1), piece.IssuedOn);
        Assert.True(piece.AddedAt > before);
        Assert.Equal(w.LeadId, piece.AddedBy);
        Assert.Equal(content, await File.ReadAllBytesAsync(Path.Combine(Root, sha[..2], sha)));
        Assert.Empty(Directory.EnumerateFiles(Root, ".upload-*"));
    }

    [Fact]
    public async Task An_identical_file_is_stored_once_and_a_partner_keeps_one_piece_for_it()
    {
        var w = await EvidenceTestWorkspace.CreateAsync(world);
        var other = await EvidenceTestWorkspace.CreateAsync(world);
        using var lead = w.Client(w.LeadId);
        using var contributor = w.Client(w.ContributorId);
        using var stranger = other.Client(other.LeadId);
        var content = Unique("architecture");
        var sha = Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(content));

        var first = EvidenceTestWorkspace.UploadedId(await EvidenceTestWorkspace.UploadAsync(lead, content, "a.txt"));
        var again = await EvidenceTestWorkspace.UploadAsync(contributor, content, "b.txt");
        var theirs = EvidenceTestWorkspace.UploadedId(await EvidenceTestWorkspace.UploadAsync(stranger, content, "c.txt"));

        Assert.Equal(first, EvidenceTestWorkspace.UploadedId(again));
        Assert.Contains("already in your library", WebUtility.HtmlDecode(await (await contributor.GetAsync($"/evidence/{first}")).Content.ReadAsStringAsync()), StringComparison.Ordinal);
        Assert.NotEqual(first, theirs);
        Assert.Equal(2, await w.ReadAsync(db => db.Evidence.IgnoreQueryFilters().CountAsync(e => e.Sha256 == sha)));
        Assert.Single(Directory.EnumerateFiles(Root, sha, SearchOption.AllDirectories));
    }

    [Theory]
    [InlineData("pdf", "report.bin", "text/html", EvidenceContentType.Pdf)]
    [InlineData("exe", "report.pdf", "application/pdf", EvidenceContentType.Bytes)]
    [InlineData("png", "diagram.txt", "text/plain", EvidenceContentType.Png)]
    [InlineData("jpeg", "photo.pdf", "application/pdf", EvidenceContentType.Jpeg)]
    [InlineData("gif", "a.gif", "image/gif", EvidenceContentType.Gif)]
    [InlineData("html", "page.html", "text/html", EvidenceContentType.Bytes)]
    [InlineData("svg", "diagram.svg", "image/svg+xml", EvidenceContentType.Bytes)]
    [InlineData("json", "policy.json", "application/json", EvidenceContentType.Json)]
    [InlineData("yaml", "template.yaml", "application/x-yaml", EvidenceContentType.Text)]
    [InlineData("terraform", "main.tf", "application/octet-stream", EvidenceContentType.Text)]
    [InlineData("zip", "bundle.docx", "application/vnd.openxmlformats-officedocument.wordprocessingml.document", EvidenceContentType.Zip)]
    [InlineData("docx", "notes.zip", "application/zip", EvidenceContentType.Docx)]
    [InlineData("latin1", "notes.txt", "text/plain", EvidenceContentType.Bytes)]
    public async Task The_type_is_read_from_the_content_never_from_the_name_or_the_browser(string kind, string fileName, string browserType, string expected)
    {
        var w = await EvidenceTestWorkspace.CreateAsync(world);
        using var client = w.Client(w.LeadId);
        var salt = Encoding.ASCII.GetBytes(Guid.NewGuid().ToString("N"));
        byte[] content = kind switch
        {
            "pdf" => [.. Pdf, .. salt],
            "exe" => [(byte)'M', (byte)'Z', 0x90, 0x00, 0x03, 0x00, 0x00, 0x00, .. salt],
            "png" => [0x89, (byte)'P', (byte)'N', (byte)'G', 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 13, .. salt],
            "jpeg" => [0xFF, 0xD8, 0xFF, 0xE0, 0, 16, .. salt],
            "gif" => [.. "GIF89a"u8.ToArray(), 1, 0, 1, 0, .. salt],
            "html" => Unique("  <!DOCTYPE html><html><body><script>alert(document.cookie)</script></body></html>"),
            "svg" => Unique("<svg xmlns=\"http://www.w3.org/2000/svg\" onload=\"alert(1)\"/>"),
            "json" => Unique("{\"Version\": \"2012-10-17\", \"Statement\": []}"),
            "yaml" => Unique("Resources:\n  Bucket:\n    Type: AWS::S3::Bucket\n"),
            "terraform" => Unique("resource \"aws_s3_bucket\" \"logs\" {\n  bucket = \"logs\"\n}\n"),
            "zip" => Zip(("readme.txt", "hello " + Guid.NewGuid())),
            "docx" => Zip(("[Content_Types].xml", "<Types/>"), ("word/document.xml", "<w:document/>" + Guid.NewGuid())),
            _ => [0x52, 0xE9, 0x73, 0x75, 0x6D, 0xE9, .. salt],
        };

        var id = EvidenceTestWorkspace.UploadedId(await EvidenceTestWorkspace.UploadAsync(client, content, fileName, browserType));

        Assert.Equal(expected, (await w.PieceAsync(id))!.ContentType);
    }

    [Fact]
    public async Task An_html_upload_is_downloaded_as_bytes_in_an_attachment_never_as_html()
    {
        var w = await EvidenceTestWorkspace.CreateAsync(world);
        using var client = w.Client(w.LeadId);
        var id = EvidenceTestWorkspace.UploadedId(await EvidenceTestWorkspace.UploadAsync(client, Unique("<html><script>alert(1)</script></html>"), "page.html", "text/html"));

        var response = await client.GetAsync($"/evidence/{id}/download");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/octet-stream", response.Content.Headers.ContentType!.MediaType);
        Assert.Equal("attachment", response.Content.Headers.ContentDisposition!.DispositionType);
        Assert.Equal("page.html", response.Content.Headers.ContentDisposition.FileNameStar ?? response.Content.Headers.ContentDisposition.FileName);
        Assert.Equal("nosniff", response.Headers.GetValues("X-Content-Type-Options").Single());
    }

    [Fact]
    public async Task A_pdf_is_downloaded_with_its_type_as_an_attachment_by_the_partner_and_its_manager_only()
    {
        var w = await EvidenceTestWorkspace.CreateAsync(world);
        using var lead = w.Client(w.LeadId);
        var content = (byte[])[.. Pdf, .. Encoding.ASCII.GetBytes(Guid.NewGuid().ToString())];
        var id = EvidenceTestWorkspace.UploadedId(await EvidenceTestWorkspace.UploadAsync(lead, content, "audit report.pdf", "application/pdf"));

        foreach (var (user, expected) in new[] { (w.LeadId, HttpStatusCode.OK), (w.ContributorId, HttpStatusCode.OK), (w.ManagerId, HttpStatusCode.OK), (world.Users["leadB"], HttpStatusCode.NotFound), (world.Users["office"], HttpStatusCode.NotFound), (world.Users["admin"], HttpStatusCode.NotFound), (world.Users["manager"], HttpStatusCode.NotFound) })
        {
            using var client = w.Client(user);
            var response = await client.GetAsync($"/evidence/{id}/download");
            Assert.True(expected == response.StatusCode, $"{user}: {response.StatusCode}");
            if (expected == HttpStatusCode.OK)
            {
                Assert.Equal("application/pdf", response.Content.Headers.ContentType!.MediaType);
                Assert.Equal("attachment", response.Content.Headers.ContentDisposition!.DispositionType);
                Assert.Equal(content, await response.Content.ReadAsByteArrayAsync());
            }
        }
    }

    [Fact]
    public async Task An_upload_over_the_limit_is_refused_with_a_clear_message_and_leaves_nothing_behind()
    {
        var w = await EvidenceTestWorkspace.CreateAsync(world);
        await using var small = world.Factory.WithWebHostBuilder(builder => builder.UseSetting("Attest:MaxUploadBytes", "1024"));
        using var client = EvidenceTestWorkspace.ClientOf(small, w.LeadId);
        var tooBig = Encoding.ASCII.GetBytes(new string('a', 1025));
        var sha = Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(tooBig));

        // Refused while streaming: the request itself is small enough to be read
        var streamed = await EvidenceTestWorkspace.UploadAsync(client, tooBig, "big.txt");
        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, streamed.StatusCode);
        Assert.Contains("The file is larger than the limit of 1 KB. Nothing was stored.", WebUtility.HtmlDecode(await streamed.Content.ReadAsStringAsync()), StringComparison.Ordinal);

        // Refused on the request's size, before reading it, in French too
        using var french = EvidenceTestWorkspace.ClientOf(small, w.LeadId, "fr");
        var declared = await EvidenceTestWorkspace.UploadAsync(french, new byte[200 * 1024], "huge.bin");
        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, declared.StatusCode);
        Assert.Contains("Le fichier dépasse la limite de 1 Ko. Rien n'a été enregistré.", WebUtility.HtmlDecode(await declared.Content.ReadAsStringAsync()), StringComparison.Ordinal);

        Assert.False(await w.ReadAsync(db => db.Evidence.IgnoreQueryFilters().AnyAsync(e => e.PartnerId == w.PartnerId)));
        Assert.Empty(Directory.EnumerateFiles(Root, sha, SearchOption.AllDirectories));
        Assert.Empty(Directory.EnumerateFiles(Root, ".upload-*"));

        // Exactly the limit is fine
        var fits = await EvidenceTestWorkspace.UploadAsync(client, tooBig[..1024], "fits.txt");
        Assert.Equal(HttpStatusCode.Redirect, fits.StatusCode);
    }

    [Fact]
    public async Task An_upload_without_the_antiforgery_token_is_refused_and_stores_nothing()
    {
        var w = await EvidenceTestWorkspace.CreateAsync(world);
        using var client = w.Client(w.LeadId);

        var response = await EvidenceTestWorkspace.UploadAsync(client, Unique("forged"), "forged.txt", withToken: false);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.False(await w.ReadAsync(db => db.Evidence.IgnoreQueryFilters().AnyAsync(e => e.PartnerId == w.PartnerId)));
    }

    [Fact]
    public async Task A_missing_file_and_a_future_issue_date_are_named_errors()
    {
        var w = await EvidenceTestWorkspace.CreateAsync(world);
        using var client = w.Client(w.LeadId);

        var response = await EvidenceTestWorkspace.UploadAsync(client, [], "", issuedOn: DateOnly.FromDateTime(DateTime.UtcNow).AddDays(3).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var text = WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync());
        Assert.Contains("File: Choose a file to upload.", text, StringComparison.Ordinal);
        Assert.Contains("Issued on: A document cannot have been issued after today.", text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_link_is_evidence_too_when_its_address_is_http_or_https()
    {
        var w = await EvidenceTestWorkspace.CreateAsync(world);
        using var client = w.Client(w.LeadId);

        var refused = await EvidenceTestWorkspace.PostAsync(client, "/evidence", "/evidence?handler=AddLink", [new("Link.Name", "Trick"), new("Link.Url", "javascript:alert(1)"), new("Link.IssuedOn", "")]);
        var accepted = await EvidenceTestWorkspace.PostAsync(client, "/evidence", "/evidence?handler=AddLink", [new("Link.Name", "Case study page"), new("Link.Url", "https://acme.example/retail/contoso"), new("Link.IssuedOn", "2025-11-02")]);

        Assert.Equal(HttpStatusCode.OK, refused.StatusCode);
        Assert.Contains("Address: Give a full address starting with https:// or http://.", WebUtility.HtmlDecode(await refused.Content.ReadAsStringAsync()), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Redirect, accepted.StatusCode);
        var links = await w.ReadAsync(db => db.Evidence.IgnoreQueryFilters().Where(e => e.PartnerId == w.PartnerId).ToListAsync());
        var link = Assert.Single(links);
        Assert.Equal(("Case study page", "https://acme.example/retail/contoso", new DateOnly(2025, 11, 2), (string?)null), (link.Name, link.Url!, link.IssuedOn!.Value, link.Sha256));
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync($"/evidence/{link.Id}/download")).StatusCode);
    }

    [Fact]
    public async Task One_piece_is_attached_to_several_case_studies_and_items()
    {
        var w = await EvidenceTestWorkspace.CreateAsync(world);
        using var client = w.Client(w.ContributorId);
        var id = EvidenceTestWorkspace.UploadedId(await EvidenceTestWorkspace.UploadAsync(client, Unique("diagram"), "diagram.txt"));

        Assert.Equal(HttpStatusCode.Redirect, (await w.AttachAsync(client, id, "contoso", null)).StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await w.AttachAsync(client, id, null, "VAL-2.4")).StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await w.AttachAsync(client, id, "contoso", "VAL-2.7")).StatusCode);
        var duplicate = await w.AttachAsync(client, id, "contoso", null);
        var unknown = await w.AttachAsync(client, id, "nobody", null);
        var nothing = await w.AttachAsync(client, id, null, null);

        Assert.Contains("It is already attached there.", WebUtility.HtmlDecode(await duplicate.Content.ReadAsStringAsync()), StringComparison.Ordinal);
        Assert.Contains("This case study or item does not exist.", WebUtility.HtmlDecode(await unknown.Content.ReadAsStringAsync()), StringComparison.Ordinal);
        Assert.Contains("Choose a case study or an item.", WebUtility.HtmlDecode(await nothing.Content.ReadAsStringAsync()), StringComparison.Ordinal);
        var links = await w.ReadAsync(db => db.EvidenceLinks.IgnoreQueryFilters().Where(l => l.EvidenceId == id).Select(l => new { l.CaseStudyKey, l.ItemId }).ToListAsync());
        Assert.Equal(3, links.Count);
        Assert.Contains(links, l => l.CaseStudyKey == "contoso" && l.ItemId == "VAL-2.7");
    }

    [Fact]
    public async Task Deleting_a_piece_still_attached_asks_first_then_removes_it_and_its_file()
    {
        var w = await EvidenceTestWorkspace.CreateAsync(world);
        using var client = w.Client(w.LeadId);
        var content = Unique("to delete");
        var sha = Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(content));
        var id = EvidenceTestWorkspace.UploadedId(await EvidenceTestWorkspace.UploadAsync(client, content, "old.txt"));
        await w.AttachAsync(client, id, "contoso", null);

        var asked = await EvidenceTestWorkspace.PostAsync(client, $"/evidence/{id}", $"/evidence/{id}?handler=Delete", []);

        Assert.Equal(HttpStatusCode.OK, asked.StatusCode);
        Assert.Contains("Delete it anyway?", WebUtility.HtmlDecode(await asked.Content.ReadAsStringAsync()), StringComparison.Ordinal);
        Assert.NotNull(await w.PieceAsync(id));

        var deleted = await EvidenceTestWorkspace.PostAsync(client, $"/evidence/{id}", $"/evidence/{id}?handler=Delete", [new("confirm", "yes")]);

        Assert.Equal(HttpStatusCode.Redirect, deleted.StatusCode);
        Assert.Null(await w.PieceAsync(id));
        Assert.False(await w.ReadAsync(db => db.EvidenceLinks.IgnoreQueryFilters().AnyAsync(l => l.EvidenceId == id)));
        Assert.Empty(Directory.EnumerateFiles(Root, sha, SearchOption.AllDirectories));
    }

    [Fact]
    public async Task Deleting_a_piece_keeps_the_file_another_partner_still_uses()
    {
        var w = await EvidenceTestWorkspace.CreateAsync(world);
        var other = await EvidenceTestWorkspace.CreateAsync(world);
        using var client = w.Client(w.LeadId);
        using var stranger = other.Client(other.LeadId);
        var content = Unique("shared");
        var sha = Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(content));
        var mine = EvidenceTestWorkspace.UploadedId(await EvidenceTestWorkspace.UploadAsync(client, content, "mine.txt"));
        EvidenceTestWorkspace.UploadedId(await EvidenceTestWorkspace.UploadAsync(stranger, content, "theirs.txt"));

        await EvidenceTestWorkspace.PostAsync(client, $"/evidence/{mine}", $"/evidence/{mine}?handler=Delete", []);

        Assert.Null(await w.PieceAsync(mine));
        Assert.Single(Directory.EnumerateFiles(Root, sha, SearchOption.AllDirectories));
    }

    [Fact]
    public async Task Another_partners_user_gets_not_found_on_every_evidence_page_and_action()
    {
        var w = await EvidenceTestWorkspace.CreateAsync(world);
        using var lead = w.Client(w.LeadId);
        var id = EvidenceTestWorkspace.UploadedId(await EvidenceTestWorkspace.UploadAsync(lead, Unique("private"), "private.txt"));
        using var outsider = w.Client(world.Users["leadB"]);
        var token = await EvidenceTestWorkspace.TokenAsync(outsider, "/evidence");

        Assert.Equal(HttpStatusCode.NotFound, (await outsider.GetAsync($"/evidence/{id}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await outsider.GetAsync($"/evidence/{id}/download")).StatusCode);
        Assert.DoesNotContain("private.txt", await (await outsider.GetAsync("/evidence")).Content.ReadAsStringAsync(), StringComparison.Ordinal);
        foreach (var handler in new[] { "Save", "Attach", "Detach", "Delete" })
        {
            var response = await outsider.PostAsync($"/evidence/{id}?handler={handler}", new FormUrlEncodedContent([new("Form.Name", "Stolen"), new("confirm", "yes"), new("Attach.CaseStudy", $"{w.ApplicationId:N}/contoso"), new("__RequestVerificationToken", token)]));
            Assert.True(response.StatusCode == HttpStatusCode.NotFound, $"{handler}: {response.StatusCode}");
        }

        var piece = (await w.PieceAsync(id))!;
        Assert.Equal("private.txt", piece.Name);
        Assert.False(await w.ReadAsync(db => db.EvidenceLinks.IgnoreQueryFilters().AnyAsync(l => l.EvidenceId == id)));

        // The partner's manager may download what backs the application, but not manage the library
        using var manager = w.Client(w.ManagerId);
        Assert.Equal(HttpStatusCode.NotFound, (await manager.GetAsync("/evidence")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await manager.GetAsync($"/evidence/{id}")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await manager.GetAsync($"/evidence/{id}/download")).StatusCode);
    }

    [Fact]
    public async Task Infrastructure_code_attached_to_a_case_study_changes_the_items_verdict_on_the_dashboard()
    {
        var w = await EvidenceTestWorkspace.CreateAsync(world);
        using (var scope = world.Factory.Services.CreateScope())
        {
            // Self-assessed as met: without code, VAL-2.11 is for the auditor to judge
            var db = scope.ServiceProvider.GetRequiredService<AttestDbContext>();
            db.SelfAssessment.Add(new SelfAssessmentRecord { ApplicationId = w.ApplicationId, PartnerId = w.PartnerId, ItemId = "VAL-2.11", Met = true, Note = "Everything is encrypted.", Revision = 1 });
            await db.SaveChangesAsync();
        }

        using var client = w.Client(w.LeadId);
        var (before, beforeText) = await VerdictAsync(client, w, "VAL-2.11");
        Assert.Equal("needs-review", before);
        Assert.DoesNotContain("Warehouse", beforeText, StringComparison.Ordinal);

        var template = await File.ReadAllBytesAsync(RepositoryFile("examples/iac/litware/platform.yaml"));
        var id = EvidenceTestWorkspace.UploadedId(await EvidenceTestWorkspace.UploadAsync(client, template, "platform.yaml", "application/x-yaml"));
        Assert.Equal(HttpStatusCode.Redirect, (await w.AttachAsync(client, id, "contoso", null)).StatusCode);

        var (after, afterText) = await VerdictAsync(client, w, "VAL-2.11");
        Assert.Equal("not-met", after);
        Assert.Contains("Warehouse (platform.yaml:", afterText, StringComparison.Ordinal);
        var piecePage = WebUtility.HtmlDecode(await (await client.GetAsync($"/evidence/{id}")).Content.ReadAsStringAsync());
        Assert.Contains("Warehouse", piecePage, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_bucket_in_the_code_attached_to_a_case_study_makes_S3_access_control_apply_whatever_its_typed_services()
    {
        var w = await EvidenceTestWorkspace.CreateAsync(world);
        using (var scope = world.Factory.Services.CreateScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<AttestDbContext>();
            var contoso = await db.CaseStudies.IgnoreQueryFilters().SingleAsync(c => c.ApplicationId == w.ApplicationId && c.Key == "contoso");
            contoso.AwsServices = ["Amazon Redshift"];
            db.SelfAssessment.Add(new SelfAssessmentRecord { ApplicationId = w.ApplicationId, PartnerId = w.PartnerId, ItemId = "VAL-2.10", Met = true, Note = "Buckets are private.", Revision = 1 });
            await db.SaveChangesAsync();
        }

        using var client = w.Client(w.LeadId);
        var (before, beforeText) = await VerdictAsync(client, w, "VAL-2.10");
        Assert.Equal("not-applicable", before);
        Assert.Contains("Neither its AWS services nor its attached code include Amazon S3.", beforeText, StringComparison.Ordinal);

        var template = Encoding.UTF8.GetBytes("AWSTemplateFormatVersion: '2010-09-09'\nResources:\n  Shared:\n    Type: AWS::S3::Bucket\n    Properties:\n      AccessControl: PublicReadWrite\n");
        var id = EvidenceTestWorkspace.UploadedId(await EvidenceTestWorkspace.UploadAsync(client, template, "public.yaml", "application/x-yaml"));
        Assert.Equal(HttpStatusCode.Redirect, (await w.AttachAsync(client, id, "contoso", null)).StatusCode);

        var (after, afterText) = await VerdictAsync(client, w, "VAL-2.10");
        Assert.Equal("not-met", after);
        Assert.Contains("Its attached code defines 1 S3 bucket (public.yaml).", afterText, StringComparison.Ordinal);
        Assert.Contains("Shared (public.yaml:", afterText, StringComparison.Ordinal);
    }

    [Fact]
    public async Task CloudTrail_logs_and_an_iam_policy_attached_to_a_case_study_are_analysed_into_the_dashboard()
    {
        var w = await EvidenceTestWorkspace.CreateAsync(world);
        using (var scope = world.Factory.Services.CreateScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<AttestDbContext>();
            db.SelfAssessment.AddRange(
                new SelfAssessmentRecord { ApplicationId = w.ApplicationId, PartnerId = w.PartnerId, ItemId = "VAL-2.8", Met = true, Note = "Root locked away after setup.", Revision = 1 },
                new SelfAssessmentRecord { ApplicationId = w.ApplicationId, PartnerId = w.PartnerId, ItemId = "VAL-2.9", Met = true, Note = "Least privilege.", Revision = 1 });
            await db.SaveChangesAsync();
        }

        using var client = w.Client(w.LeadId);
        var log = EvidenceScanningTests.Gzip(EvidenceScanningTests.TrailLog(
            EvidenceScanningTests.TrailEvent("2026-01-01T09:00:00Z", "CreateVpc"),
            EvidenceScanningTests.TrailEvent("2026-03-02T11:15:00Z", "StopLogging", root: true)));
        var trail = EvidenceTestWorkspace.UploadedId(await EvidenceTestWorkspace.UploadAsync(client, log, "trail.json.gz"));
        Assert.Equal("application/gzip", (await w.PieceAsync(trail))!.ContentType);
        Assert.Equal(HttpStatusCode.Redirect, (await w.AttachAsync(client, trail, "contoso", null)).StatusCode);
        var policy = Encoding.UTF8.GetBytes("""{"Version":"2012-10-17","Statement":[{"Sid":"Everything","Effect":"Allow","Action":"*","Resource":"*"}]}""");
        var admin = EvidenceTestWorkspace.UploadedId(await EvidenceTestWorkspace.UploadAsync(client, policy, "ops-admin.json"));
        Assert.Equal(HttpStatusCode.Redirect, (await w.AttachAsync(client, admin, "contoso", null)).StatusCode);

        var (root, rootText) = await VerdictAsync(client, w, "VAL-2.8");
        Assert.Equal("not-met", root);
        Assert.Contains("trail.json.gz", rootText, StringComparison.Ordinal);
        var (iam, iamText) = await VerdictAsync(client, w, "VAL-2.9");
        Assert.Equal("not-met", iam);
        Assert.Contains("ops-admin.json", iamText, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_file_whose_analysis_is_not_done_is_counted_as_progress_nothing_waits_for_it_and_a_lapsed_claim_is_taken_over()
    {
        var w = await EvidenceTestWorkspace.CreateAsync(world);
        using var client = w.Client(w.LeadId);
        var content = Unique("Resources:\n  Logs:\n    Type: AWS::S3::Bucket\n");
        var sha = Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(content));

        // Another instance holds the file's analysis: its claim runs far ahead, so this instance leaves the file alone
        await w.ReadAsync(async db =>
        {
            db.EvidenceAnalyses.Add(new EvidenceAnalysisRecord { Sha256 = sha, AnalyzerVersion = AnalyzerVersion.Current, State = AnalysisState.Running, LeaseExpires = long.MaxValue, Attempts = 1, QueuedAt = world.Factory.Now });
            return await db.SaveChangesAsync();
        });
        var id = EvidenceTestWorkspace.UploadedId(await EvidenceTestWorkspace.UploadAsync(client, content, "logs.yaml"));
        await w.AttachAsync(client, id, "contoso", null);

        var started = System.Diagnostics.Stopwatch.StartNew();
        var dashboard = WebUtility.HtmlDecode(await client.GetStringAsync($"/applications/{w.ApplicationId}"));
        Assert.True(started.Elapsed < TimeSpan.FromSeconds(5), $"the dashboard took {started.Elapsed}");
        Assert.Contains("notice scanning", dashboard, StringComparison.Ordinal);
        Assert.Contains("0 of 1 file(s)", dashboard, StringComparison.Ordinal);
        var piecePage = WebUtility.HtmlDecode(await client.GetStringAsync($"/evidence/{id}"));
        Assert.Contains("Waiting for its analysis", piecePage, StringComparison.Ordinal);

        using (var scope = world.Factory.Services.CreateScope())
        {
            scope.ServiceProvider.GetRequiredService<CurrentAccess>().Value = new Access { PartnerIds = [w.PartnerId], OwnPartnerId = w.PartnerId, Role = UserRole.AllianceLead, UserId = w.LeadId };
            var application = new Attest.Core.Applications.Application { Checklist = "aws-retail-consulting-2019-12", CaseStudies = [new() { Key = "contoso" }] };
            var result = await scope.ServiceProvider.GetRequiredService<Attest.Web.Features.Evidence.ApplicationEvidence>().ApplyAsync(w.ApplicationId, application, CancellationToken.None);
            Assert.Equal((0, 1, true), (result.Progress.Scanned, result.Progress.Total, result.Progress.Running));
            Assert.Empty(result.Findings.For("contoso", scope.ServiceProvider.GetRequiredService<Catalogs>().Find("aws-retail-consulting-2019-12")!.FindItem("VAL-2.11")!));
            Assert.Equal(["logs.yaml"], result.Application.CaseStudies[0].Evidence!);
        }

        // The claim lapses (its instance stopped): this instance takes the file over and stores its analysis
        await w.ReadAsync(db => db.EvidenceAnalyses.Where(a => a.Sha256 == sha).ExecuteUpdateAsync(u => u.SetProperty(a => a.LeaseExpires, 0L)));
        world.Factory.Services.GetRequiredService<EvidenceAnalysisWorker>().Wake();
        var (status, _) = await VerdictAsync(client, w, "VAL-2.11");
        Assert.NotEqual("", status);
        var stored = await w.ReadAsync(db => db.EvidenceAnalyses.AsNoTracking().SingleAsync(a => a.Sha256 == sha));
        Assert.Equal((AnalysisState.Done, 2, true), (stored.State, stored.Attempts, stored.IsCode));
    }

    [Fact]
    public async Task The_dashboard_links_to_the_profile_the_self_assessment_and_the_library()
    {
        var w = await EvidenceTestWorkspace.CreateAsync(world);
        using var lead = w.Client(w.LeadId);
        using var manager = w.Client(w.ManagerId);

        var forLead = await (await lead.GetAsync($"/applications/{w.ApplicationId}")).Content.ReadAsStringAsync();
        var forManager = await (await manager.GetAsync($"/applications/{w.ApplicationId}")).Content.ReadAsStringAsync();

        Assert.Contains($"href=\"/applications/{w.ApplicationId}/profile\"", forLead, StringComparison.Ordinal);
        Assert.Contains($"href=\"/applications/{w.ApplicationId}/self-assessment\"", forLead, StringComparison.Ordinal);
        Assert.Contains("href=\"/evidence\"", forLead, StringComparison.Ordinal);
        Assert.Contains($"href=\"/applications/{w.ApplicationId}/self-assessment\"", forManager, StringComparison.Ordinal);
        Assert.DoesNotContain($"href=\"/applications/{w.ApplicationId}/profile\"", forManager, StringComparison.Ordinal);
    }

    // The item's status on the dashboard once no evidence is left to scan
    private static async Task<(string Status, string Text)> VerdictAsync(HttpClient client, EvidenceTestWorkspace w, string item)
    {
        for (var attempt = 0; ; attempt++)
        {
            var html = await (await client.GetAsync($"/applications/{w.ApplicationId}")).Content.ReadAsStringAsync();
            if (html.Contains("notice scanning", StringComparison.Ordinal) && attempt < 50)
            {
                await Task.Delay(200);
                continue;
            }

            var match = Regex.Match(html, $"<tr id=\"item-{Regex.Escape(item)}\" class=\"item status-([a-z-]+)\">(.*?)</tr>", RegexOptions.Singleline);
            Assert.True(match.Success, $"{item} is not on the dashboard");
            return (match.Groups[1].Value, WebUtility.HtmlDecode(match.Groups[2].Value));
        }
    }

    private static byte[] Zip(params (string Name, string Text)[] entries)
    {
        using var stream = new MemoryStream();
        using (var archive = new System.IO.Compression.ZipArchive(stream, System.IO.Compression.ZipArchiveMode.Create, leaveOpen: true))
        {
            foreach (var (name, text) in entries)
            {
                using var writer = new StreamWriter(archive.CreateEntry(name).Open());
                writer.Write(text);
            }
        }

        return stream.ToArray();
    }
}
