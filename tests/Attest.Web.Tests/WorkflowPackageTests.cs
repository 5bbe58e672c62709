using System.Net;
using Attest.Package;
using Attest.Package.Bundle;
using Attest.Web.Data;
using Attest.Web.Infrastructure;
using Attest.Web.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using MimeKit;

namespace Attest.Web.Tests;

/// <summary>A submitted version's package, and the administrator's check of the audit trail, on the real application.</summary>
public sealed class WorkflowPackageTests : IAsyncLifetime
{
    private readonly World world = new();

    private Guid A => world.ApplicationA;

    public Task InitializeAsync() => world.InitializeAsync();

    public Task DisposeAsync() => world.DisposeAsync();

    [Fact]
    public async Task A_versions_package_is_made_from_the_version_as_frozen_and_is_seen_by_the_office_not_another_partner()
    {
        var content = "%PDF-1.4 architecture of the storefront\n"u8.ToArray();
        await AttachAsync("architecture.pdf", content);
        await WorkflowSteps.SubmitReadyAsync(world, A);
        var url = $"/applications/{A}/versions/1?handler=File&name=";

        using var office = world.Client("office");
        var page = await office.GetStringAsync($"/applications/{A}/versions/1");
        Assert.Contains(SubmissionPackage.BundleName, page, StringComparison.Ordinal);
        var bundle = await office.GetAsync(url + SubmissionPackage.BundleName);
        Assert.Equal(HttpStatusCode.OK, bundle.StatusCode);
        using (var zip = new MemoryStream(await bundle.Content.ReadAsByteArrayAsync()))
        {
            var verification = BundleVerifier.Verify(zip);
            Assert.True(verification.Intact);
            Assert.Equal(1, verification.Manifest!.Version);
            var file = Assert.Single(verification.Manifest.Files, f => f.Path.EndsWith("architecture.pdf", StringComparison.Ordinal));
            Assert.Equal(Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(content)), file.Sha256);
        }

        // The e-mail goes to the catalog's program office address, in the checklist's language unless asked
        var email = await MimeMessage.LoadAsync(await (await office.GetAsync(url + SubmissionPackage.EmailName + "&lang=en")).Content.ReadAsStreamAsync());
        Assert.Equal("competency-checklist@amazon.com", email.To.Mailboxes.Single().Address);
        Assert.Contains("Acme Retail Cloud", email.Subject, StringComparison.Ordinal);

        using var other = world.Client("leadB");
        Assert.Equal(HttpStatusCode.NotFound, (await other.GetAsync(url + SubmissionPackage.BundleName)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await office.GetAsync($"/applications/{A}/versions/2?handler=File&name={SubmissionPackage.BundleName}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await office.GetAsync(url + "secrets.txt")).StatusCode);
    }

    [Fact]
    public async Task The_administrator_sees_the_chain_intact_then_the_first_entry_edited_and_exports_it()
    {
        await WorkflowSteps.SubmitReadyAsync(world, A);
        await WorkflowSteps.DoAsync(world, "office", $"/applications/{A}/office", "StartReview");
        using var admin = world.Client("admin");
        var intact = WebUtility.HtmlDecode(await admin.GetStringAsync("/admin/audit-trail"));
        Assert.Contains("The chain is intact", intact, StringComparison.Ordinal);

        var csv = await admin.GetAsync("/admin/audit-trail?handler=Csv");
        Assert.Equal("text/csv", csv.Content.Headers.ContentType?.MediaType);
        var lines = (await csv.Content.ReadAsStringAsync()).Split('\n', StringSplitOptions.RemoveEmptyEntries);
        var entries = await world.ReadAsync(db => db.AuditTrail.CountAsync());
        Assert.True(entries >= 2);
        Assert.Equal(entries + 1, lines.Length);

        // Someone edits the first entry behind the application's back
        await world.ReadAsync(db => db.AuditTrail.Where(e => e.Sequence == 1).ExecuteUpdateAsync(s => s.SetProperty(e => e.ActorId, "someone-else")));
        var broken = WebUtility.HtmlDecode(await admin.GetStringAsync("/admin/audit-trail"));
        Assert.Contains("The chain is broken at entry #1", broken, StringComparison.Ordinal);

        using var lead = world.Client("leadA");
        Assert.Equal(HttpStatusCode.NotFound, (await lead.GetAsync("/admin/audit-trail?handler=Csv")).StatusCode);
    }

    private async Task AttachAsync(string name, byte[] content)
    {
        using var scope = world.Factory.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<AttestDbContext>();
        var store = scope.ServiceProvider.GetRequiredService<EvidenceStore>();
        using var stream = new MemoryStream(content);
        var file = (await store.ReceiveAsync(stream, 1024 * 1024, CancellationToken.None))!;
        var piece = new EvidenceRecord { Id = Guid.NewGuid(), PartnerId = world.PartnerA, Name = name, Sha256 = file.Sha256, Size = file.Size, ContentType = file.ContentType, AddedAt = world.Factory.Now };
        await store.CommitAsync(file, async () =>
        {
            db.Evidence.Add(piece);
            db.EvidenceLinks.Add(new Attest.Web.Data.EvidenceLink { Id = Guid.NewGuid(), EvidenceId = piece.Id, PartnerId = world.PartnerA, ApplicationId = A, CaseStudyKey = "contoso" });
            await db.SaveChangesAsync();
        }, CancellationToken.None);
    }
}

/// <summary>The version's e-mail to the program office, sent through a real SMTP server on loopback.</summary>
public sealed class WorkflowPackageMailTests(MailWorld mailWorld) : IClassFixture<MailWorld>
{
    private World World => mailWorld.World;

    private SmtpServer Smtp => mailWorld.Smtp;

    [Fact]
    public async Task The_alliance_lead_mails_the_version_to_the_program_office_with_the_workbook_and_nobody_else_can()
    {
        await WorkflowSteps.SubmitReadyAsync(World, World.ApplicationA);
        Assert.Equal(["office@example.test"], (await Smtp.NextAsync()).To);
        var page = $"/applications/{World.ApplicationA}/versions/1";

        using (var office = World.Client("office"))
        {
            Assert.DoesNotContain("E-mail it to the program office", await office.GetStringAsync(page), StringComparison.Ordinal);
        }

        var refused = await WorkflowSteps.PostAsync(World, "contributorA", page, "Send");
        Assert.Equal(HttpStatusCode.NotFound, refused.StatusCode);

        var sent = await WorkflowSteps.PostAsync(World, "leadA", page, "Send");
        Assert.Equal(HttpStatusCode.Redirect, sent.StatusCode);
        var mail = await Smtp.NextAsync();
        Assert.Equal(["competency-checklist@amazon.com"], mail.To);
        Assert.Equal("[Acme Retail Cloud], Auto-évaluation finalisée du partenaire consultant de compétences en vente au détail", mail.Message.Subject);
        var workbook = Assert.Single(mail.Message.Attachments.OfType<MimePart>());
        Assert.Equal(SubmissionPackage.WorkbookName, workbook.FileName);
    }
}

