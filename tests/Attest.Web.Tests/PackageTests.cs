using System.IO.Compression;
using System.Net;
using System.Text;
using Attest.Package;
using Attest.Package.Bundle;
using Attest.Web.Data;
using Attest.Web.Tests.Support;
using DocumentFormat.OpenXml.Packaging;
using Microsoft.Extensions.DependencyInjection;
using MimeKit;

namespace Attest.Web.Tests;

/// <summary>The submission package of the application as it is now, downloaded from the web application.</summary>
public sealed class PackageTests(World world) : IClassFixture<World>
{
    private static string FileUrl(Guid application, string name, string? language = null) =>
        $"/applications/{application}/package?handler=File&name={name}" + (language is null ? "" : "&lang=" + language);

    [Fact]
    public async Task The_package_holds_the_library_evidence_the_application_cites_and_its_bundle_verifies()
    {
        var workspace = await EvidenceTestWorkspace.CreateAsync(world);
        using (var scope = world.Factory.Services.CreateScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<AttestDbContext>();
            db.Set<SelfAssessmentRecord>().Add(new SelfAssessmentRecord { ApplicationId = workspace.ApplicationId, PartnerId = workspace.PartnerId, ItemId = "VAL-2.5", Met = true, Note = "Tested in October.", Revision = 1 });
            await db.SaveChangesAsync();
        }

        using var lead = workspace.Client(workspace.LeadId);
        var content = Encoding.UTF8.GetBytes("%PDF-1.4\nDR test report for Contoso, 2026-10-02\n%%EOF\n");
        var piece = EvidenceTestWorkspace.UploadedId(await EvidenceTestWorkspace.UploadAsync(lead, content, "dr-test.pdf"));
        Assert.Equal(HttpStatusCode.Redirect, (await workspace.AttachAsync(lead, piece, "contoso", null)).StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await workspace.AttachAsync(lead, piece, null, "VAL-2.5")).StatusCode);

        var page = await lead.GetAsync($"/applications/{workspace.ApplicationId}/package");
        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        Assert.Contains(SubmissionPackage.BundleName, await page.Content.ReadAsStringAsync(), StringComparison.Ordinal);

        var bundle = await lead.GetAsync(FileUrl(workspace.ApplicationId, SubmissionPackage.BundleName));
        Assert.Equal(HttpStatusCode.OK, bundle.StatusCode);
        Assert.Equal("application/zip", bundle.Content.Headers.ContentType?.MediaType);
        var bytes = await bundle.Content.ReadAsByteArrayAsync();
        using (var stream = new MemoryStream(bytes))
        {
            var verification = BundleVerifier.Verify(stream);
            Assert.True(verification.Intact, string.Join("; ", verification.Differences.Select(d => $"{d.Change} {d.Path}")));
            var file = Assert.Single(verification.Manifest!.Files, f => f.Path.EndsWith("dr-test.pdf", StringComparison.Ordinal));
            Assert.Equal(Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(content)), file.Sha256);
            Assert.Contains("VAL-2.5", file.Items);
            Assert.Contains("contoso", file.CaseStudies);
        }

        // The same bundle with one byte of the evidence changed names that file
        using (var altered = new MemoryStream())
        {
            altered.Write(bytes);
            using (var zip = new ZipArchive(altered, ZipArchiveMode.Update, leaveOpen: true))
            {
                var entry = zip.Entries.Single(e => e.FullName.EndsWith("dr-test.pdf", StringComparison.Ordinal));
                using var write = entry.Open();
                write.Position = 9;
                write.WriteByte((byte)'X');
            }

            altered.Position = 0;
            var verification = BundleVerifier.Verify(altered);
            Assert.False(verification.Intact);
            Assert.Contains(verification.Differences, d => d.Path.EndsWith("dr-test.pdf", StringComparison.Ordinal));
        }
    }

    [Fact]
    public async Task The_workbook_and_the_email_follow_the_checklist_language_unless_another_is_chosen()
    {
        using var lead = world.Client("leadA");
        var email = await lead.GetAsync(FileUrl(world.ApplicationA, SubmissionPackage.EmailName));
        Assert.Equal(HttpStatusCode.OK, email.StatusCode);
        var message = await MimeMessage.LoadAsync(await email.Content.ReadAsStreamAsync());
        Assert.Equal("[Acme Retail Cloud], Auto-évaluation finalisée du partenaire consultant de compétences en vente au détail", message.Subject);
        Assert.Single(message.Attachments, a => a is MimePart { FileName: SubmissionPackage.WorkbookName });

        var english = await MimeMessage.LoadAsync(await (await lead.GetAsync(FileUrl(world.ApplicationA, SubmissionPackage.EmailName, "en"))).Content.ReadAsStreamAsync());
        Assert.Contains("Acme Retail Cloud", english.Subject, StringComparison.Ordinal);
        Assert.NotEqual(message.Subject, english.Subject);

        var workbook = await lead.GetAsync(FileUrl(world.ApplicationA, SubmissionPackage.WorkbookName));
        using var spreadsheet = SpreadsheetDocument.Open(new MemoryStream(await workbook.Content.ReadAsByteArrayAsync()), false);
        var sheets = spreadsheet.WorkbookPart!.Workbook.Sheets!.Elements<DocumentFormat.OpenXml.Spreadsheet.Sheet>().Select(s => s.Name?.Value).ToList();
        // The form first, one sheet per submitted case study, Attest's verdicts last
        Assert.Equal("Auto-évaluation", sheets[0]);
        Assert.Equal("Préparation", sheets[^1]);

        var report = await lead.GetAsync(FileUrl(world.ApplicationA, SubmissionPackage.ReportName));
        Assert.Equal("application/pdf", report.Content.Headers.ContentType?.MediaType);
        Assert.StartsWith("%PDF", Encoding.ASCII.GetString((await report.Content.ReadAsByteArrayAsync())[..4]), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Another_partner_gets_nothing_and_unknown_names_or_languages_are_refused()
    {
        using var other = world.Client("leadB");
        Assert.Equal(HttpStatusCode.NotFound, (await other.GetAsync(FileUrl(world.ApplicationA, SubmissionPackage.BundleName))).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await other.GetAsync($"/applications/{world.ApplicationA}/package")).StatusCode);
        using var lead = world.Client("leadA");
        Assert.Equal(HttpStatusCode.NotFound, (await lead.GetAsync(FileUrl(world.ApplicationA, "../attest.db"))).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await lead.GetAsync(FileUrl(world.ApplicationA, SubmissionPackage.ReportName, "de"))).StatusCode);
    }
}

/// <summary>The package page is seen by whoever sees the application's dashboard.</summary>
public sealed class PackageMatrixRows : IMatrixRows
{
    private const HttpStatusCode Ok = HttpStatusCode.OK;
    private const HttpStatusCode Hidden = HttpStatusCode.NotFound;
    private const HttpStatusCode SignIn = HttpStatusCode.Redirect;

    public IEnumerable<MatrixRow> Rows(World world) =>
    [
        new("applications/{id:guid}/package", $"/applications/{world.ApplicationA}/package", [SignIn, Hidden, Ok, Ok, Hidden, Ok, Hidden, Hidden]),
    ];
}
