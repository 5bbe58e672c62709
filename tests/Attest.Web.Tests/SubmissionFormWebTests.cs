using System.Net;
using System.Text.RegularExpressions;
using Attest.Core.Applications;
using Attest.Package;
using Attest.Package.Bundle;
using Attest.Web.Data;
using Attest.Web.Features.Applications;
using Attest.Web.Infrastructure;
using Attest.Web.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using MimeKit;

namespace Attest.Web.Tests;

/// <summary>What the web shows of what is submitted: the new format fields in the forms, the draft and the versions' packages.</summary>
public sealed partial class SubmissionFormWebTests : IAsyncLifetime
{
    private readonly World world = new();

    private Guid A => world.ApplicationA;

    public Task InitializeAsync() => world.InitializeAsync();

    public Task DisposeAsync() => world.DisposeAsync();

    [GeneratedRegex("name=\"Items\\[(\\d+)\\]\\.ItemId\" value=\"VAL-2\\.2\"")]
    private static partial Regex Val22Index();

    private static async Task<string> Html(HttpClient client, string url)
    {
        var response = await client.GetAsync(url);
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"{url}: {(int)response.StatusCode}");
        return WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync());
    }

    private Task<long> RevisionAsync() => world.ReadAsync(db => db.Applications.IgnoreQueryFiltersForTests().Where(a => a.Id == A).Select(a => a.Revision).SingleAsync());

    [Fact]
    public async Task The_profile_takes_the_contact_who_sends_the_draft_email_and_refuses_a_bad_address()
    {
        await WorkflowSteps.MakeReadyAsync(world, A);
        var refused = await WorkflowSteps.PostAsync(world, "leadA", $"/applications/{A}/profile", null,
            ("Form.Revision", (await RevisionAsync()).ToString(System.Globalization.CultureInfo.InvariantCulture)), ("Form.PartnerName", "Acme Retail Cloud"), ("Form.ContactEmail", "Alex <alex@acme.example>"));
        Assert.Equal(HttpStatusCode.OK, refused.StatusCode);
        Assert.Contains("enter one e-mail address", WebUtility.HtmlDecode(await refused.Content.ReadAsStringAsync()), StringComparison.Ordinal);

        await WorkflowSteps.DoAsync(world, "leadA", $"/applications/{A}/profile", null,
            ("Form.Revision", (await RevisionAsync()).ToString(System.Globalization.CultureInfo.InvariantCulture)), ("Form.PartnerName", "Acme Retail Cloud"),
            ("Form.PartnerApnId", "001-ACME"), ("Form.ContactName", "Sam Lee"), ("Form.ContactEmail", "sam.lee@acme.example"));
        var stored = await world.ReadAsync(db => db.Applications.IgnoreQueryFiltersForTests().SingleAsync(a => a.Id == A));
        Assert.Equal(("001-ACME", "Sam Lee", "sam.lee@acme.example"), (stored.PartnerApnId, stored.ContactName, stored.ContactEmail));

        using var lead = world.Client("leadA");
        var email = await MimeMessage.LoadAsync(await (await lead.GetAsync($"/applications/{A}/package?handler=File&name={SubmissionPackage.EmailName}&lang=en")).Content.ReadAsStreamAsync());
        var from = Assert.Single(email.From.Mailboxes);
        Assert.Equal(("Sam Lee", "sam.lee@acme.example"), (from.Name, from.Address));
        Assert.Equal("1", email.Headers["X-Unsent"]);
    }

    [Fact]
    public async Task A_case_study_says_whether_it_is_submitted_and_the_self_assessment_takes_an_answer_per_case_study()
    {
        await WorkflowSteps.MakeReadyAsync(world, A);
        using var lead = world.Client("leadA");
        var page = await Html(lead, $"/applications/{A}/self-assessment");
        var index = Val22Index().Match(page).Groups[1].Value;
        Assert.NotEmpty(index);
        var original = Regex.Match(page, $"name=\"Items\\[{index}\\]\\.Original\" value=\"([0-9a-f]+)\"").Groups[1].Value;
        var revision = Regex.Match(page, $"name=\"Items\\[{index}\\]\\.Revision\" value=\"(\\d+)\"").Groups[1].Value;
        // Named by the customer, not by the key
        Assert.Contains(">Fabrikam Fashion — Met?</label>", page, StringComparison.Ordinal);
        Assert.Contains(">Fabrikam Fashion — Response</label>", page, StringComparison.Ordinal);
        Assert.DoesNotContain("fabrikam — ", page, StringComparison.Ordinal);

        // Posted alone, the item is the list's first: entries are matched by item id, not by place
        const string prefix = "Items[0]";
        await WorkflowSteps.DoAsync(world, "leadA", $"/applications/{A}/self-assessment", null,
            ($"{prefix}.ItemId", "VAL-2.2"), ($"{prefix}.Revision", revision), ($"{prefix}.Original", original), ($"{prefix}.Met", "yes"), ($"{prefix}.Note", "Pipelines only."),
            ($"{prefix}.CaseStudies[0].Key", "contoso"), ($"{prefix}.CaseStudies[0].Answer", "not-met"), ($"{prefix}.CaseStudies[0].Note", "One manual change in 2025."),
            ($"{prefix}.CaseStudies[1].Key", "fabrikam"), ($"{prefix}.CaseStudies[1].Answer", ""), ($"{prefix}.CaseStudies[1].Note", ""));

        var entry = await world.ReadAsync(db => db.SelfAssessment.IgnoreQueryFiltersForTests().SingleAsync(s => s.ApplicationId == A && s.ItemId == "VAL-2.2"));
        var answer = entry.CaseStudyAnswers!.Single(a => a.Key == "contoso");
        Assert.Equal(("not-met", "One manual change in 2025."), (answer.Answer, answer.Note));
        // The evidence an imported answer cited is kept: the form edits answers and notes only
        Assert.Equal(["iac/contoso/"], answer.Evidence!);
        var cleared = entry.CaseStudyAnswers!.Single(a => a.Key == "fabrikam");
        Assert.Equal((null, null, "iac/fabrikam/"), (cleared.Answer, cleared.Note, cleared.Evidence!.Single()));

        var exported = await (await lead.GetAsync($"/applications/{A}?handler=Export")).Content.ReadAsStringAsync();
        Assert.Contains("contoso:", exported, StringComparison.Ordinal);
        Assert.Contains("answer: \"not-met\"", exported, StringComparison.Ordinal);
        Assert.Contains("submitted: true", exported, StringComparison.Ordinal);
        Assert.Contains("submitted: false", exported, StringComparison.Ordinal);

        // The form shows the answer as chosen
        var after = await Html(lead, $"/applications/{A}/self-assessment");
        Assert.Matches("<option value=\"not-met\" selected(=\"selected\")?>", after);
    }

    [Fact]
    public async Task The_dashboard_labels_the_live_package_a_draft_and_links_the_submitted_and_decided_versions_packages()
    {
        using (var before = world.Client("leadA"))
        {
            Assert.Contains("Submission package — draft (not frozen)", await Html(before, $"/applications/{A}"), StringComparison.Ordinal);
        }

        await WorkflowSteps.ToAuditInProgressAsync(world, A);
        await WorkflowSteps.ScoreAllAsync(world, A);
        await WorkflowSteps.DoAsync(world, "auditor", $"/audits/{A}", "Close");
        await WorkflowSteps.DoAsync(world, "office", $"/applications/{A}/office", "Decide", ("outcome", "validated"));

        using var lead = world.Client("leadA");
        lead.DefaultRequestHeaders.AcceptLanguage.ParseAdd("fr");
        var dashboard = await Html(lead, $"/applications/{A}");
        Assert.Contains($"href=\"/applications/{A}/versions/1#submission-package\">Dossier de la version 1 (soumise le ", dashboard, StringComparison.Ordinal);
        Assert.Contains("Le dossier de la version 1, sur laquelle porte la décision", dashboard, StringComparison.Ordinal);
        Assert.Contains("Dossier de soumission — brouillon (non figé)", dashboard, StringComparison.Ordinal);
        var package = await Html(lead, $"/applications/{A}/package");
        Assert.Contains("brouillon (non figé)", package, StringComparison.Ordinal);
        Assert.Contains($"/applications/{A}/versions/1#submission-package", package, StringComparison.Ordinal);

        using var office = world.Client("office");
        Assert.Contains("The package of version 1, on which the decision was made", await Html(office, $"/applications/{A}/office"), StringComparison.Ordinal);

        // The live package is the draft: no version; the version's is version 1
        using var zip = new MemoryStream(await (await lead.GetAsync($"/applications/{A}/package?handler=File&name={SubmissionPackage.BundleName}")).Content.ReadAsByteArrayAsync());
        Assert.Null(BundleVerifier.Verify(zip).Manifest!.Version);
    }

    [Fact]
    public async Task Library_evidence_keeps_its_files_extension_in_the_bundle()
    {
        await WorkflowSteps.MakeReadyAsync(world, A);
        using (var scope = world.Factory.Services.CreateScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<AttestDbContext>();
            var store = scope.ServiceProvider.GetRequiredService<EvidenceStore>();
            using var stream = new MemoryStream("%PDF-1.4 network of the storefront\n"u8.ToArray());
            var file = (await store.ReceiveAsync(stream, 1024 * 1024, CancellationToken.None))!;
            var piece = new EvidenceRecord { Id = Guid.NewGuid(), PartnerId = world.PartnerA, Name = "Storefront network diagram", Sha256 = file.Sha256, Size = file.Size, ContentType = file.ContentType, AddedAt = world.Factory.Now };
            await store.CommitAsync(file, async () =>
            {
                db.Evidence.Add(piece);
                db.EvidenceLinks.Add(new Attest.Web.Data.EvidenceLink { Id = Guid.NewGuid(), EvidenceId = piece.Id, PartnerId = world.PartnerA, ApplicationId = A, CaseStudyKey = "contoso" });
                await db.SaveChangesAsync();
            }, CancellationToken.None);
        }

        using var lead = world.Client("leadA");
        using var zip = new MemoryStream(await (await lead.GetAsync($"/applications/{A}/package?handler=File&name={SubmissionPackage.BundleName}")).Content.ReadAsByteArrayAsync());
        var verification = BundleVerifier.Verify(zip);

        Assert.True(verification.Intact);
        var entry = Assert.Single(verification.Manifest!.Files, f => f.Name == "Storefront network diagram");
        Assert.Equal("files/Storefront network diagram.pdf", entry.Path);
    }

    [Theory]
    [InlineData("Storefront diagram", "application/pdf", "Storefront diagram.pdf")]
    [InlineData("storefront.yaml", "text/plain", null)]
    [InlineData("Architecture v1.2", "image/png", "Architecture v1.2.png")]
    [InlineData("notes", "application/octet-stream", null)]
    public void A_display_name_gets_its_types_extension_unless_it_has_one(string name, string type, string? expected) =>
        Assert.Equal(expected, Attest.Web.Features.Package.EvidenceExtensions.WithExtension(name, type));

    [Fact]
    public void Stored_answers_map_to_the_format_and_back()
    {
        var record = new SelfAssessmentRecord { ItemId = "VAL-2.2", Met = true, CaseStudyAnswers = [new CaseStudyAnswerRecord { Key = "c1", Answer = "not-applicable", Note = "MSP", Evidence = ["x"] }] };

        var entry = ApplicationMapping.ToDomain(record);

        Assert.Equal(AnswerValue.NotApplicable, entry.CaseStudies!["c1"].Answer);
        var back = Assert.Single(ApplicationMapping.ToRecords(entry.CaseStudies)!);
        Assert.Equal(("c1", "not-applicable", "MSP", "x"), (back.Key, back.Answer, back.Note, back.Evidence!.Single()));
    }
}
