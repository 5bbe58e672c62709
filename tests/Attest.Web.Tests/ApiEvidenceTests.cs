using System.Net;
using System.Net.Http.Headers;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Attest.Web.Data;
using Attest.Web.Infrastructure;
using Attest.Web.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Attest.Web.Tests;

/// <summary>The evidence library through the API: the pages' rules and actions, with a token.</summary>
public sealed class ApiEvidenceTests(World world) : IClassFixture<World>
{
    private static readonly byte[] Pdf = Encoding.ASCII.GetBytes("%PDF-1.7\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n");

    private string Root => world.Factory.Services.GetRequiredService<EvidenceStore>().Root;

    private static byte[] Unique(byte[] content) => [.. content, .. Encoding.ASCII.GetBytes($"\n{Guid.NewGuid()}\n")];

    private static string Sha256(byte[] content) => Convert.ToHexStringLower(SHA256.HashData(content));

    private async Task<HttpClient> AsAsync(string userId) => ApiSteps.Bearer(world, await ApiSteps.IssueTokenAsync(world, userId));

    /// <summary>Uploads <paramref name="content"/> as the raw body, with the type a client might claim (which is ignored).</summary>
    private static async Task<HttpResponseMessage> UploadAsync(HttpClient client, byte[] content, string name, string? issuedOn = null, string claimedType = "application/octet-stream")
    {
        var body = new ByteArrayContent(content);
        body.Headers.ContentType = new MediaTypeHeaderValue(claimedType);
        var query = $"name={Uri.EscapeDataString(name)}" + (issuedOn is null ? "" : $"&issuedOn={issuedOn}");
        return await client.PostAsync($"/api/v1/evidence?{query}", body);
    }

    private static async Task<Guid> UploadedAsync(HttpClient client, byte[] content, string name)
    {
        var response = await UploadAsync(client, content, name);
        Assert.True(response.StatusCode == HttpStatusCode.Created, $"{(int)response.StatusCode}: {await response.Content.ReadAsStringAsync()}");
        return (await ApiSteps.JsonAsync(response)).GetProperty("id").GetGuid();
    }

    private static async Task<HttpResponseMessage> AttachAsync(HttpClient client, Guid piece, Guid application, string? caseStudy, string? item) =>
        await client.PostAsync($"/api/v1/evidence/{piece}/attachments", ApiSteps.Json(JsonSerializer.Serialize(new { applicationId = application, caseStudy, item })));

    private static async Task<JsonElement?> ListedAsync(HttpClient client, Guid piece)
    {
        var response = await client.GetAsync("/api/v1/evidence");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return (await ApiSteps.JsonAsync(response)).EnumerateArray().Where(p => p.GetProperty("id").GetGuid() == piece).Select(p => (JsonElement?)p).SingleOrDefault();
    }

    [Fact]
    public async Task An_upload_is_listed_and_downloads_its_bytes_as_an_attachment()
    {
        var w = await EvidenceTestWorkspace.CreateAsync(world);
        using var contributor = await AsAsync(w.ContributorId);
        var content = Unique(Pdf);

        var response = await UploadAsync(contributor, content, "audit report.pdf", issuedOn: "2024-03-01", claimedType: "text/html");

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var created = await ApiSteps.JsonAsync(response);
        var id = created.GetProperty("id").GetGuid();
        Assert.Equal($"/api/v1/evidence/{id}", response.Headers.Location?.OriginalString);
        Assert.Equal(("audit report.pdf", Sha256(content), content.Length, "application/pdf", "2024-03-01"), (
            created.GetProperty("name").GetString(),
            created.GetProperty("sha256").GetString(),
            created.GetProperty("size").GetInt32(),
            created.GetProperty("contentType").GetString(),
            created.GetProperty("issuedOn").GetString()));
        Assert.Equal(w.PartnerId, created.GetProperty("partnerId").GetGuid());
        Assert.True(created.GetProperty("canEdit").GetBoolean());
        Assert.Equal(0, created.GetProperty("links").GetArrayLength());
        Assert.Equal(JsonValueKind.Null, created.GetProperty("url").ValueKind);
        Assert.Equal(world.Factory.Now, created.GetProperty("addedAt").GetDateTimeOffset());
        Assert.Equal(w.ContributorId, (await w.PieceAsync(id))!.AddedBy);

        var listed = await ListedAsync(contributor, id);
        Assert.NotNull(listed);
        Assert.Equal(created.ToString(), listed.Value.ToString());
        Assert.Equal(created.ToString(), (await ApiSteps.JsonAsync(await contributor.GetAsync($"/api/v1/evidence/{id}"))).ToString());

        var download = await contributor.GetAsync(created.GetProperty("download").GetString());
        Assert.Equal(HttpStatusCode.OK, download.StatusCode);
        Assert.Equal(content, await download.Content.ReadAsByteArrayAsync());
        Assert.Equal("application/pdf", download.Content.Headers.ContentType!.MediaType);
        Assert.Equal("attachment", download.Content.Headers.ContentDisposition!.DispositionType);
        Assert.Equal("audit report.pdf", download.Content.Headers.ContentDisposition.FileNameStar ?? download.Content.Headers.ContentDisposition.FileName?.Trim('"'));
        Assert.Equal("nosniff", download.Headers.GetValues("X-Content-Type-Options").Single());
        Assert.Contains("no-store", download.Headers.CacheControl!.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_same_content_again_gives_back_the_piece_the_partner_already_has()
    {
        var w = await EvidenceTestWorkspace.CreateAsync(world);
        var other = await EvidenceTestWorkspace.CreateAsync(world);
        using var lead = await AsAsync(w.LeadId);
        using var contributor = await AsAsync(w.ContributorId);
        using var stranger = await AsAsync(other.LeadId);
        var content = Unique("architecture notes"u8.ToArray());

        var first = await UploadedAsync(lead, content, "architecture.txt");
        var again = await UploadAsync(contributor, content, "copy.txt");
        var theirs = await UploadedAsync(stranger, content, "theirs.txt");

        Assert.Equal(HttpStatusCode.OK, again.StatusCode);
        var existing = await ApiSteps.JsonAsync(again);
        Assert.Equal((first, "architecture.txt"), (existing.GetProperty("id").GetGuid(), existing.GetProperty("name").GetString()));
        Assert.Null(again.Headers.Location);
        Assert.NotEqual(first, theirs);
        Assert.Equal(1, await w.ReadAsync(db => db.Evidence.IgnoreQueryFilters().CountAsync(e => e.PartnerId == w.PartnerId)));
        Assert.Single(Directory.EnumerateFiles(Root, Sha256(content), SearchOption.AllDirectories));
        Assert.Empty(Directory.EnumerateFiles(Root, ".upload-*"));
    }

    [Fact]
    public async Task An_upload_over_the_limit_is_413_problem_details_and_leaves_nothing_behind()
    {
        var small = new World(kestrel: false, new Dictionary<string, string> { ["Attest:MaxUploadBytes"] = "1024" });
        await small.InitializeAsync();
        try
        {
            var w = await EvidenceTestWorkspace.CreateAsync(small);
            using var lead = ApiSteps.Bearer(small, await ApiSteps.IssueTokenAsync(small, w.LeadId));
            var tooBig = Encoding.ASCII.GetBytes(new string('a', 1025));

            // Refused on its declared length, unread
            var declared = await UploadAsync(lead, new byte[200 * 1024], "huge.bin");
            Assert.Equal(HttpStatusCode.RequestEntityTooLarge, declared.StatusCode);
            Assert.Contains("1 KiB", (await ApiSteps.ProblemAsync(declared)).GetProperty("detail").GetString(), StringComparison.Ordinal);

            // Refused while streaming, when no length was declared
            var streamed = await lead.PostAsync("/api/v1/evidence?name=big.txt", new UnsizedContent(tooBig));
            Assert.Equal(HttpStatusCode.RequestEntityTooLarge, streamed.StatusCode);
            await ApiSteps.ProblemAsync(streamed);

            var root = small.Factory.Services.GetRequiredService<EvidenceStore>().Root;
            Assert.False(await small.ReadAsync(db => db.Evidence.IgnoreQueryFilters().AnyAsync(e => e.PartnerId == w.PartnerId)));
            Assert.True(!Directory.Exists(root) || !Directory.EnumerateFiles(root, "*", SearchOption.AllDirectories).Any(f => f.EndsWith(Sha256(tooBig), StringComparison.Ordinal) || Path.GetFileName(f).StartsWith(".upload-", StringComparison.Ordinal)));

            // Exactly the limit is fine, streamed or not
            Assert.Equal(HttpStatusCode.Created, (await UploadAsync(lead, tooBig[..1024], "fits.txt")).StatusCode);
            Assert.Equal(HttpStatusCode.Created, (await lead.PostAsync("/api/v1/evidence?name=fits-too.txt", new UnsizedContent([.. tooBig[..1023], (byte)'b']))).StatusCode);
        }
        finally
        {
            await small.DisposeAsync();
        }
    }

    [Fact]
    public async Task An_html_upload_is_bytes_never_served_as_html()
    {
        var w = await EvidenceTestWorkspace.CreateAsync(world);
        using var lead = await AsAsync(w.LeadId);

        var response = await UploadAsync(lead, Unique("<!DOCTYPE html><html><body><script>alert(document.cookie)</script></body></html>"u8.ToArray()), "page.html", claimedType: "text/html");

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var piece = await ApiSteps.JsonAsync(response);
        Assert.Equal("application/octet-stream", piece.GetProperty("contentType").GetString());
        var download = await lead.GetAsync($"/api/v1/evidence/{piece.GetProperty("id").GetGuid()}/download");
        Assert.Equal(HttpStatusCode.OK, download.StatusCode);
        Assert.Equal("application/octet-stream", download.Content.Headers.ContentType!.MediaType);
        Assert.Equal("attachment", download.Content.Headers.ContentDisposition!.DispositionType);
        Assert.Equal("nosniff", download.Headers.GetValues("X-Content-Type-Options").Single());
    }

    [Fact]
    public async Task Query_and_body_errors_name_their_field_and_store_nothing()
    {
        var w = await EvidenceTestWorkspace.CreateAsync(world);
        using var lead = await AsAsync(w.LeadId);
        var content = Unique(Pdf);

        var noName = await ApiSteps.ProblemAsync(await lead.PostAsync("/api/v1/evidence", new ByteArrayContent(content)));
        var badDate = await ApiSteps.ProblemAsync(await UploadAsync(lead, content, "a.pdf", issuedOn: "01/03/2024"));
        var future = await ApiSteps.ProblemAsync(await UploadAsync(lead, content, "a.pdf", issuedOn: "2099-01-01"));
        var empty = await ApiSteps.ProblemAsync(await UploadAsync(lead, [], "empty.pdf"));

        Assert.Equal(["name", "issuedOn", "issuedOn", ""], new[] { noName, badDate, future, empty }.Select(p => p.GetProperty("field").GetString()));
        Assert.All(new[] { noName, badDate, future, empty }, p => Assert.Equal(400, p.GetProperty("status").GetInt32()));
        Assert.Equal("A document cannot have been issued after today.", future.GetProperty("problem").GetString());
        Assert.False(await w.ReadAsync(db => db.Evidence.IgnoreQueryFilters().AnyAsync(e => e.PartnerId == w.PartnerId)));
    }

    [Fact]
    public async Task A_link_is_evidence_too_when_its_address_is_http_or_https()
    {
        var w = await EvidenceTestWorkspace.CreateAsync(world);
        using var lead = await AsAsync(w.LeadId);

        var refused = await lead.PostAsync("/api/v1/evidence/links", ApiSteps.Json("""{ "url": "javascript:alert(1)", "name": "Trick" }"""));
        var malformed = await lead.PostAsync("/api/v1/evidence/links", ApiSteps.Json("""{ "url": "https://acme.example", "name": 5 }"""));
        var accepted = await lead.PostAsync("/api/v1/evidence/links", ApiSteps.Json("""{ "url": "https://acme.example/retail/contoso", "name": "Case study page", "issuedOn": "2025-11-02" }"""));

        Assert.Equal("url", (await ApiSteps.ProblemAsync(refused)).GetProperty("field").GetString());
        Assert.Equal("name", (await ApiSteps.ProblemAsync(malformed)).GetProperty("field").GetString());
        Assert.Equal(HttpStatusCode.Created, accepted.StatusCode);
        var link = await ApiSteps.JsonAsync(accepted);
        var id = link.GetProperty("id").GetGuid();
        Assert.Equal($"/api/v1/evidence/{id}", accepted.Headers.Location?.OriginalString);
        Assert.Equal(("Case study page", "https://acme.example/retail/contoso", "2025-11-02"), (link.GetProperty("name").GetString(), link.GetProperty("url").GetString(), link.GetProperty("issuedOn").GetString()));
        Assert.All(new[] { "sha256", "size", "contentType", "download" }, field => Assert.Equal(JsonValueKind.Null, link.GetProperty(field).ValueKind));
        Assert.Equal(HttpStatusCode.NotFound, (await lead.GetAsync($"/api/v1/evidence/{id}/download")).StatusCode);
        Assert.Single(await w.ReadAsync(db => db.Evidence.IgnoreQueryFilters().Where(e => e.PartnerId == w.PartnerId).ToListAsync()));
    }

    [Fact]
    public async Task Infrastructure_code_attached_to_a_case_study_shows_its_finding_in_the_readiness_json()
    {
        var w = await EvidenceTestWorkspace.CreateAsync(world);
        using var lead = await AsAsync(w.LeadId);
        var answered = await lead.SendAsync(ApiSteps.Put($"/api/v1/applications/{w.ApplicationId}/self-assessment/VAL-2.11", ApiSteps.Json("""{ "met": true, "note": "Everything is encrypted." }""")));
        Assert.Equal(HttpStatusCode.OK, answered.StatusCode);
        var (before, beforeText) = await VerdictAsync(lead, w.ApplicationId, "VAL-2.11");
        Assert.Equal("needs-review", before);
        Assert.DoesNotContain("Warehouse", beforeText, StringComparison.Ordinal);

        var template = await File.ReadAllBytesAsync(Path.Combine(ApiSteps.RepositoryRoot(), "examples", "iac", "litware", "platform.yaml"));
        var id = await UploadedAsync(lead, template, "platform.yaml");
        var attached = await AttachAsync(lead, id, w.ApplicationId, "contoso", null);

        Assert.Equal(HttpStatusCode.Created, attached.StatusCode);
        var link = await ApiSteps.JsonAsync(attached);
        Assert.Equal(($"/api/v1/evidence/{id}/attachments/{link.GetProperty("id").GetGuid()}", w.ApplicationId, "contoso"), (attached.Headers.Location?.OriginalString, link.GetProperty("applicationId").GetGuid(), link.GetProperty("caseStudy").GetString()));
        var (after, afterText) = await VerdictAsync(lead, w.ApplicationId, "VAL-2.11");
        Assert.Equal("not-met", after);
        Assert.Contains("Warehouse (platform.yaml:", afterText, StringComparison.Ordinal);
        var piece = await ApiSteps.JsonAsync(await lead.GetAsync($"/api/v1/evidence/{id}"));
        Assert.Equal(link.ToString(), Assert.Single(piece.GetProperty("links").EnumerateArray()).ToString());
    }

    [Fact]
    public async Task Attaching_checks_the_place_and_detaching_and_deleting_follow_the_pages()
    {
        var w = await EvidenceTestWorkspace.CreateAsync(world);
        using var contributor = await AsAsync(w.ContributorId);
        var content = Unique("diagram"u8.ToArray());
        var id = await UploadedAsync(contributor, content, "diagram.txt");

        var onItem = await AttachAsync(contributor, id, w.ApplicationId, null, "VAL-2.4");
        var both = await AttachAsync(contributor, id, w.ApplicationId, "contoso", "VAL-2.7");
        var twice = await AttachAsync(contributor, id, w.ApplicationId, null, "VAL-2.4");
        var unknownCaseStudy = await AttachAsync(contributor, id, w.ApplicationId, "nobody", null);
        var unknownItem = await AttachAsync(contributor, id, w.ApplicationId, null, "NO-1.1");
        var nothing = await AttachAsync(contributor, id, w.ApplicationId, null, null);
        var othersApplication = await AttachAsync(contributor, id, world.ApplicationB, "contoso", null);
        var noApplication = await contributor.PostAsync($"/api/v1/evidence/{id}/attachments", ApiSteps.Json("""{ "caseStudy": "contoso" }"""));

        Assert.Equal([HttpStatusCode.Created, HttpStatusCode.Created], new[] { onItem.StatusCode, both.StatusCode });
        var first = (await ApiSteps.JsonAsync(onItem)).GetProperty("id").GetGuid();
        Assert.Equal(first, (await ApiSteps.ProblemAsync(twice)).GetProperty("linkId").GetGuid());
        Assert.Equal(HttpStatusCode.Conflict, twice.StatusCode);
        Assert.Equal("caseStudy", (await ApiSteps.ProblemAsync(unknownCaseStudy)).GetProperty("field").GetString());
        Assert.Equal("item", (await ApiSteps.ProblemAsync(unknownItem)).GetProperty("field").GetString());
        Assert.Equal("caseStudy", (await ApiSteps.ProblemAsync(nothing)).GetProperty("field").GetString());
        Assert.Equal(HttpStatusCode.NotFound, othersApplication.StatusCode);
        Assert.Equal("applicationId", (await ApiSteps.ProblemAsync(noApplication)).GetProperty("field").GetString());
        Assert.Equal(2, await w.ReadAsync(db => db.EvidenceLinks.IgnoreQueryFilters().CountAsync(l => l.EvidenceId == id)));

        // Detached once; the second time there is nothing to detach
        Assert.Equal(HttpStatusCode.NoContent, (await contributor.DeleteAsync($"/api/v1/evidence/{id}/attachments/{first}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await contributor.DeleteAsync($"/api/v1/evidence/{id}/attachments/{first}")).StatusCode);

        // Still attached once: deleting needs force
        var refused = await contributor.DeleteAsync($"/api/v1/evidence/{id}");
        Assert.Equal(HttpStatusCode.Conflict, refused.StatusCode);
        Assert.Equal(1, (await ApiSteps.ProblemAsync(refused)).GetProperty("attachments").GetInt32());
        Assert.NotNull(await w.PieceAsync(id));

        Assert.Equal(HttpStatusCode.NoContent, (await contributor.DeleteAsync($"/api/v1/evidence/{id}?force=true")).StatusCode);
        Assert.Null(await w.PieceAsync(id));
        Assert.False(await w.ReadAsync(db => db.EvidenceLinks.IgnoreQueryFilters().AnyAsync(l => l.EvidenceId == id)));
        Assert.Empty(Directory.EnumerateFiles(Root, Sha256(content), SearchOption.AllDirectories));
        Assert.Equal(HttpStatusCode.NotFound, (await contributor.GetAsync($"/api/v1/evidence/{id}")).StatusCode);
    }

    [Fact]
    public async Task Another_partners_token_gets_404_everywhere_and_changes_nothing()
    {
        var w = await EvidenceTestWorkspace.CreateAsync(world);
        using var lead = await AsAsync(w.LeadId);
        var id = await UploadedAsync(lead, Unique("private"u8.ToArray()), "private.txt");
        var link = (await ApiSteps.JsonAsync(await AttachAsync(lead, id, w.ApplicationId, "contoso", null))).GetProperty("id").GetGuid();
        using var outsider = await ApiSteps.AsAsync(world, "leadB");

        var answers = new[]
        {
            await outsider.GetAsync($"/api/v1/evidence/{id}"),
            await outsider.GetAsync($"/api/v1/evidence/{id}/download"),
            await AttachAsync(outsider, id, w.ApplicationId, "contoso", "VAL-2.4"),
            await outsider.DeleteAsync($"/api/v1/evidence/{id}/attachments/{link}"),
            await outsider.DeleteAsync($"/api/v1/evidence/{id}"),
            await outsider.DeleteAsync($"/api/v1/evidence/{id}?force=true"),
        };
        var missing = await outsider.GetAsync($"/api/v1/evidence/{Guid.NewGuid()}");

        Assert.All(answers, a => Assert.Equal(HttpStatusCode.NotFound, a.StatusCode));
        var detail = (await ApiSteps.ProblemAsync(missing)).GetProperty("detail").GetString();
        Assert.Equal(detail, (await ApiSteps.ProblemAsync(answers[0])).GetProperty("detail").GetString());
        Assert.Null(await ListedAsync(outsider, id));
        Assert.Equal("private.txt", (await w.PieceAsync(id))!.Name);
        Assert.Equal([link], await w.ReadAsync(db => db.EvidenceLinks.IgnoreQueryFilters().Where(l => l.EvidenceId == id).Select(l => l.Id).ToListAsync()));
    }

    [Fact]
    public async Task A_contributor_changes_the_library_and_a_partner_manager_reads_it_but_gets_403_on_every_change()
    {
        var w = await EvidenceTestWorkspace.CreateAsync(world);
        using var contributor = await AsAsync(w.ContributorId);
        var id = await UploadedAsync(contributor, Unique(Pdf), "backup policy.pdf");
        var link = (await ApiSteps.JsonAsync(await AttachAsync(contributor, id, w.ApplicationId, null, "VAL-2.4"))).GetProperty("id").GetGuid();
        using var manager = await AsAsync(w.ManagerId);

        var listed = await ListedAsync(manager, id);
        Assert.NotNull(listed);
        Assert.False(listed.Value.GetProperty("canEdit").GetBoolean());
        Assert.Equal(HttpStatusCode.OK, (await manager.GetAsync($"/api/v1/evidence/{id}")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await manager.GetAsync($"/api/v1/evidence/{id}/download")).StatusCode);
        var changes = new[]
        {
            await UploadAsync(manager, Unique(Pdf), "managers.pdf"),
            await manager.PostAsync("/api/v1/evidence/links", ApiSteps.Json("""{ "url": "https://example.test", "name": "Managers" }""")),
            await AttachAsync(manager, id, w.ApplicationId, "contoso", null),
            await manager.DeleteAsync($"/api/v1/evidence/{id}/attachments/{link}"),
            await manager.DeleteAsync($"/api/v1/evidence/{id}?force=true"),
        };
        Assert.All(changes, c => Assert.Equal(HttpStatusCode.Forbidden, c.StatusCode));
        await ApiSteps.ProblemAsync(changes[0]);
        Assert.Single(await w.ReadAsync(db => db.Evidence.IgnoreQueryFilters().Where(e => e.PartnerId == w.PartnerId).ToListAsync()));
        Assert.Single(await w.ReadAsync(db => db.EvidenceLinks.IgnoreQueryFilters().Where(l => l.EvidenceId == id).ToListAsync()));

        // A change needs a token: the signed-in session (here the test sign-in) is refused before anything is read
        using var session = w.Client(w.ContributorId);
        Assert.Equal(HttpStatusCode.Unauthorized, (await UploadAsync(session, Unique(Pdf), "session.pdf")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await session.GetAsync($"/api/v1/evidence/{id}")).StatusCode);
    }

    [Fact]
    public async Task The_program_office_sees_only_the_evidence_backing_a_submitted_application()
    {
        var w = await EvidenceTestWorkspace.CreateAsync(world);
        using var lead = await AsAsync(w.LeadId);
        var backing = await UploadedAsync(lead, Unique(Pdf), "backing.pdf");
        var loose = await UploadedAsync(lead, Unique(Pdf), "loose.pdf");
        Assert.Equal(HttpStatusCode.Created, (await AttachAsync(lead, backing, w.ApplicationId, "contoso", null)).StatusCode);
        using var office = await ApiSteps.AsAsync(world, "office");

        Assert.Equal(HttpStatusCode.NotFound, (await office.GetAsync($"/api/v1/evidence/{backing}")).StatusCode);
        using (var scope = world.Factory.Services.CreateScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<AttestDbContext>();
            var application = await db.Applications.IgnoreQueryFilters().SingleAsync(a => a.Id == w.ApplicationId);
            application.Status = ApplicationStatus.Submitted;
            await db.SaveChangesAsync();
        }

        var seen = await ListedAsync(office, backing);
        Assert.NotNull(seen);
        Assert.Equal("contoso", Assert.Single(seen.Value.GetProperty("links").EnumerateArray()).GetProperty("caseStudy").GetString());
        Assert.Null(await ListedAsync(office, loose));
        Assert.Equal(HttpStatusCode.OK, (await office.GetAsync($"/api/v1/evidence/{backing}/download")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await office.GetAsync($"/api/v1/evidence/{loose}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await office.GetAsync($"/api/v1/evidence/{loose}/download")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await office.DeleteAsync($"/api/v1/evidence/{backing}?force=true")).StatusCode);
    }

    [Fact]
    public async Task The_openapi_document_describes_the_evidence_routes()
    {
        using var anonymous = world.Client(null);
        var document = await ApiSteps.JsonAsync(await anonymous.GetAsync("/openapi/v1.json"));
        var paths = document.GetProperty("paths");

        foreach (var (path, methods) in new (string, string[])[]
        {
            ("/api/v1/evidence", ["get", "post"]),
            ("/api/v1/evidence/{id}", ["get", "delete"]),
            ("/api/v1/evidence/{id}/download", ["get"]),
            ("/api/v1/evidence/links", ["post"]),
            ("/api/v1/evidence/{id}/attachments", ["post"]),
            ("/api/v1/evidence/{id}/attachments/{linkId}", ["delete"]),
        })
        {
            Assert.True(paths.TryGetProperty(path, out var operations), "missing path " + path);
            foreach (var method in methods)
            {
                Assert.True(operations.TryGetProperty(method, out var operation), $"missing {method} {path}");
                Assert.Equal("Evidence", operation.GetProperty("tags")[0].GetString());
                Assert.False(string.IsNullOrEmpty(operation.GetProperty("summary").GetString()));
            }
        }

        var upload = paths.GetProperty("/api/v1/evidence").GetProperty("post");
        Assert.True(upload.GetProperty("responses").TryGetProperty("413", out _));
        Assert.True(upload.GetProperty("requestBody").GetProperty("content").TryGetProperty("application/octet-stream", out _));
        Assert.True(paths.GetProperty("/api/v1/evidence/{id}").GetProperty("delete").GetProperty("responses").TryGetProperty("409", out _));
        var attach = document.GetProperty("components").GetProperty("schemas").GetProperty("AttachEvidenceRequest");
        Assert.Equal(["applicationId"], attach.GetProperty("required").EnumerateArray().Select(r => r.GetString()));
    }

    // The item's status and texts in the readiness JSON once no code is left to scan (bounded)
    private static async Task<(string Status, string Text)> VerdictAsync(HttpClient client, Guid application, string item)
    {
        for (var attempt = 0; ; attempt++)
        {
            var response = await client.GetAsync($"/api/v1/applications/{application}/readiness?asOf=2026-11-26&lang=en");
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            var report = await ApiSteps.JsonAsync(response);
            if (report.GetProperty("warnings").GetArrayLength() > 0 && attempt < 50)
            {
                await Task.Delay(200);
                continue;
            }

            Assert.Equal(0, report.GetProperty("warnings").GetArrayLength());
            var verdict = report.GetProperty("items").EnumerateArray().Single(i => i.GetProperty("id").GetString() == item);
            var texts = string.Join("\n", Strings(verdict));
            return (verdict.GetProperty("status").GetString()!, texts);
        }
    }

    private static IEnumerable<string> Strings(JsonElement element) => element.ValueKind switch
    {
        JsonValueKind.String => [element.GetString()!],
        JsonValueKind.Array => element.EnumerateArray().SelectMany(Strings),
        JsonValueKind.Object => element.EnumerateObject().SelectMany(p => Strings(p.Value)),
        _ => [],
    };

    /// <summary>A body sent without a declared length (chunked), as a streaming client sends it.</summary>
    private sealed class UnsizedContent(byte[] bytes) : HttpContent
    {
        protected override Task SerializeToStreamAsync(Stream stream, TransportContext? context) => stream.WriteAsync(bytes).AsTask();

        protected override bool TryComputeLength(out long length)
        {
            length = 0;
            return false;
        }
    }
}

/// <summary>
/// The evidence API answers a GET like the other API groups: 401 anonymous, 404 what the caller may not see. A piece is
/// seen by its partner's users and manager (the program office: once it backs a submitted application). Routes with only
/// unsafe methods answer a GET with 405; their access is tested in <see cref="ApiEvidenceTests"/>.
/// </summary>
public sealed class ApiEvidenceMatrixRows : IMatrixRows
{
    private const HttpStatusCode Ok = HttpStatusCode.OK;
    private const HttpStatusCode Hidden = HttpStatusCode.NotFound;
    private const HttpStatusCode Unauthorized = HttpStatusCode.Unauthorized;
    private const HttpStatusCode NoSuchMethod = HttpStatusCode.MethodNotAllowed;

    // Columns: anonymous, admin, leadA, contributorA, leadB (other partner), manager (assigned to A), office, auditor
    private static readonly HttpStatusCode[] PartnerAndManager = [Unauthorized, Hidden, Ok, Ok, Hidden, Ok, Hidden, Hidden];
    private static readonly HttpStatusCode[] UnsafeOnly = [NoSuchMethod, NoSuchMethod, NoSuchMethod, NoSuchMethod, NoSuchMethod, NoSuchMethod, NoSuchMethod, NoSuchMethod];

    public IEnumerable<MatrixRow> Rows(World world)
    {
        // The piece of partner A the library pages' rows use (stored once per world)
        var piece = new EvidenceMatrixRows().Rows(world).Single(r => r.Pattern == "evidence/{id:guid}").Url["/evidence/".Length..];
        return
        [
            new("api/v1/evidence", "/api/v1/evidence", [Unauthorized, Ok, Ok, Ok, Ok, Ok, Ok, Ok]),
            new("api/v1/evidence/{id:guid}", $"/api/v1/evidence/{piece}", PartnerAndManager),
            new("api/v1/evidence/{id:guid}/download", $"/api/v1/evidence/{piece}/download", PartnerAndManager),
            new("api/v1/evidence/links", "/api/v1/evidence/links", UnsafeOnly),
            new("api/v1/evidence/{id:guid}/attachments", $"/api/v1/evidence/{piece}/attachments", UnsafeOnly),
            new("api/v1/evidence/{id:guid}/attachments/{linkId:guid}", $"/api/v1/evidence/{piece}/attachments/{Guid.NewGuid()}", UnsafeOnly),
        ];
    }
}
