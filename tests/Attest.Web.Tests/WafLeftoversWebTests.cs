using System.Net;
using System.Net.Http.Headers;
using System.Text;
using Attest.Core.Applications;
using Attest.Core.Findings;
using Attest.Core.Readiness;
using Attest.Core.Text;
using Attest.Core.Workflow;
using Attest.Evidence.WellArchitected;
using Attest.Package.Spreadsheet;
using Attest.Web.Data;
using Attest.Web.Features.Evidence;
using Attest.Web.Features.Workflow;
using Attest.Web.Infrastructure;
using Attest.Web.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Attest.Web.Tests;

/// <summary>
/// One file, several programs, through the web page: the answers an imported file holds for another checklist
/// (<c>programs:</c>) are kept, shown, exported again and judged side by side.
/// </summary>
public sealed class ProgramAnswersImportTests(World world) : IClassFixture<World>
{
    private const string Waf = "aws-waf-service-delivery-2025-02";
    private const string Retail = "aws-retail-consulting-2019-12";

    private static string FileWith(string partnerName, string programs) =>
        ApiSteps.ReadyExampleWithoutScannedEvidence().Replace("  name: Acme Retail Cloud", "  name: " + partnerName, StringComparison.Ordinal) + programs;

    private static async Task<HttpResponseMessage> ImportAsync(HttpClient client, Guid application, string yaml)
    {
        using var form = new MultipartFormDataContent();
        form.Add(new StringContent(await EvidenceTestWorkspace.TokenAsync(client, $"/applications/{application}")), "__RequestVerificationToken");
        var file = new ByteArrayContent(Encoding.UTF8.GetBytes(yaml));
        file.Headers.ContentType = new MediaTypeHeaderValue("application/yaml");
        form.Add(file, "file", "application.yaml");
        return await client.PostAsync($"/applications/{application}?handler=Import", form);
    }

    // The side-by-side row of the WAF program judged from the Retail application's file
    private static string WafRowFromFile(string home)
    {
        var start = home.IndexOf("answers kept in the file of your", StringComparison.Ordinal);
        Assert.True(start > 0, "no program judged from the file on the home page");
        var row = home[home.LastIndexOf("<tr>", start, StringComparison.Ordinal)..home.IndexOf("</tr>", start, StringComparison.Ordinal)];
        Assert.Contains("AWS WAF Service Delivery", row, StringComparison.Ordinal);
        return row;
    }

    [Fact]
    public async Task A_file_with_programs_answers_imports_through_the_page_exports_the_same_answers_and_is_judged_side_by_side()
    {
        const string partnerName = "Programs Partner";
        var partner = await world.AddPartnerAsync(partnerName, "programsLead");
        using var client = world.Client("programsLead");
        await World.PostFormAsync(client, "/", "/?handler=Start", [new("checklist", Retail)]);
        var id = await world.ReadAsync(db => db.Applications.IgnoreQueryFiltersForTests().Where(a => a.PartnerId == partner).Select(a => a.Id).SingleAsync());

        var programs = $"programs:\n  {Waf}:\n    selfAssessment:\n"
            + "      WAF-001:\n        caseStudies:\n          contoso: { answer: met, note: \"40 000 requests a minute, AWS managed core rule set.\" }\n"
            + "      WAF-002:\n        met: true\n        note: Storefront.\n        caseStudies:\n          contoso: { answer: met, note: \"A public web application behind CloudFront.\", evidence: [docs/contoso-waf.md] }\n"
            + string.Concat(new[] { "fabrikam", "northwind", "tailspin", "woodgrove-pilot" }.Select(k => $"          {k}: {{ answer: met, note: \"A public storefront.\" }}\n"));
        var imported = await ImportAsync(client, id, FileWith(partnerName, programs));
        Assert.True(imported.StatusCode == HttpStatusCode.Redirect, await imported.Content.ReadAsStringAsync());

        // Stored
        var stored = await world.ReadAsync(db => db.Applications.IgnoreQueryFiltersForTests().Where(a => a.Id == id).Select(a => a.ProgramAnswers).SingleAsync());
        var program = Assert.Single(stored!);
        Assert.Equal(Waf, program.Checklist);
        Assert.Equal(["WAF-001", "WAF-002"], program.Answers.Select(a => a.ItemId));

        // Shown on the dashboard
        var dashboard = WebUtility.HtmlDecode(await (await client.GetAsync($"/applications/{id}")).Content.ReadAsStringAsync());
        Assert.Contains("id=\"other-programs\"", dashboard, StringComparison.Ordinal);
        Assert.Contains("AWS WAF Service Delivery", dashboard, StringComparison.Ordinal);
        Assert.Contains("2 answer(s)", dashboard, StringComparison.Ordinal);

        // Exported again: the same answers, read back by the same reader
        var export = await (await client.GetAsync($"/applications/{id}?handler=Export")).Content.ReadAsStringAsync();
        var catalogs = world.Factory.Services.GetRequiredService<Catalogs>().All;
        var (again, error) = ApplicationReader.Read(export, "export.yaml", catalogs);
        Assert.Null(error);
        var (original, _) = ApplicationReader.Read(FileWith(partnerName, programs), "original.yaml", catalogs);
        static string ProgramsOf(Application a) => ApplicationWriter.Write(new Application { Checklist = a.Checklist, Programs = a.Programs });
        Assert.Equal(ProgramsOf(original!), ProgramsOf(again!));
        var waf002 = again!.Programs[Waf]["WAF-002"];
        Assert.Equal((true, "Storefront."), (waf002.Met, waf002.Note));
        Assert.Equal(AnswerValue.Met, waf002.CaseStudies!["contoso"].Answer);
        Assert.Equal(["docs/contoso-waf.md"], waf002.CaseStudies["contoso"].Evidence!);

        // Judged side by side, from these answers: without them the WAF program reads differently
        var withAnswers = WafRowFromFile(WebUtility.HtmlDecode(await (await client.GetAsync("/")).Content.ReadAsStringAsync()));
        Assert.True((await ImportAsync(client, id, FileWith(partnerName, $"programs:\n  {Waf}:\n"))).StatusCode == HttpStatusCode.Redirect);
        var withoutAnswers = WafRowFromFile(WebUtility.HtmlDecode(await (await client.GetAsync("/")).Content.ReadAsStringAsync()));
        Assert.NotEqual(withAnswers, withoutAnswers);

        // The row says what readiness says for the file judged against the WAF checklist with these answers
        var evaluated = await EvaluateWafAsync(id);
        Assert.Contains($"{evaluated.Count(ReadinessStatus.NotMet)} not met, {evaluated.Count(ReadinessStatus.NeedsReview)} to review, {evaluated.Count(ReadinessStatus.Met)} met", withoutAnswers, StringComparison.Ordinal);

        // Another partner's home shows nothing of it
        using var other = world.Client("leadB");
        Assert.DoesNotContain("answers kept in the file of your", await (await other.GetAsync("/")).Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    private async Task<ReadinessReport> EvaluateWafAsync(Guid id)
    {
        using var scope = world.Factory.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<AttestDbContext>();
        var record = await db.Applications.IgnoreQueryFiltersForTests().Include(a => a.CaseStudies).Include(a => a.Content).Include(a => a.SelfAssessment).SingleAsync(a => a.Id == id);
        var catalogs = scope.ServiceProvider.GetRequiredService<Catalogs>();
        return await scope.ServiceProvider.GetRequiredService<ApplicationEvidence>().EvaluateForAsync(record, catalogs.Find(Waf)!, scope.ServiceProvider.GetRequiredService<OfficeClock>().Today, CancellationToken.None);
    }

    [Fact]
    public async Task A_waf_application_today_says_on_its_dashboard_that_aws_no_longer_accepts_the_checklist_and_what_to_do()
    {
        var partner = await world.AddPartnerAsync("Expired Partner", "expiredLead");
        using var client = world.Client("expiredLead");
        await World.PostFormAsync(client, "/", "/?handler=Start", [new("checklist", Waf)]);
        var id = await world.ReadAsync(db => db.Applications.IgnoreQueryFiltersForTests().Where(a => a.PartnerId == partner).Select(a => a.Id).SingleAsync());

        var english = WebUtility.HtmlDecode(await (await client.GetAsync($"/applications/{id}")).Content.ReadAsStringAsync());
        Assert.Contains("id=\"checklist-validity\"", english, StringComparison.Ordinal);
        Assert.Contains("AWS no longer accepts applications on this checklist.", english, StringComparison.Ordinal);
        Assert.Contains("2025-11-30", english, StringComparison.Ordinal);
        Assert.Contains("start an application on it from your home page", english, StringComparison.Ordinal);

        client.DefaultRequestHeaders.Add("Cookie", $"{RequestLanguage.CookieName}=fr");
        var french = WebUtility.HtmlDecode(await (await client.GetAsync($"/applications/{id}")).Content.ReadAsStringAsync());
        Assert.Contains("AWS n'accepte plus de candidatures sur cette liste de contrôle.", french, StringComparison.Ordinal);
    }
}

/// <summary>AWS's self-assessment workbook on the application's pages: download, upload, errors by sheet and cell, who may.</summary>
public sealed class WorkbookPageTests(World world) : IClassFixture<World>
{
    private const string Waf = "aws-waf-service-delivery-2025-02";

    private async Task<Guid> WafApplicationAsync(string partnerName, string lead)
    {
        var partner = await world.AddPartnerAsync(partnerName, lead);
        using var client = world.Client(lead);
        await World.PostFormAsync(client, "/", "/?handler=Start", [new("checklist", Waf)]);
        var id = await world.ReadAsync(db => db.Applications.IgnoreQueryFiltersForTests().Where(a => a.PartnerId == partner).Select(a => a.Id).SingleAsync());
        using var api = await ApiSteps.AsAsync(world, lead);
        var example = File.ReadAllText(Path.Combine(ApiSteps.RepositoryRoot(), "examples", "waf-ready.yaml"))
            .Replace("  name: Acme Edge Security\n", $"  name: {partnerName}\n", StringComparison.Ordinal);
        var imported = await api.SendAsync(ApiSteps.Put($"/api/v1/applications/{id}/import", ApiSteps.Yaml(example)));
        Assert.True(imported.IsSuccessStatusCode, await imported.Content.ReadAsStringAsync());
        return id;
    }

    private static async Task<HttpResponseMessage> UploadAsync(HttpClient client, Guid id, byte[] bytes, string name = "filled.xlsx", string? token = null)
    {
        using var form = new MultipartFormDataContent();
        form.Add(new StringContent(token ?? await EvidenceTestWorkspace.TokenAsync(client, $"/applications/{id}/workbook")), "__RequestVerificationToken");
        form.Add(new ByteArrayContent(bytes), "workbook", name);
        return await client.PostAsync($"/applications/{id}/workbook?handler=Upload", form);
    }

    private Task<string?> WafNoteAsync(Guid id) =>
        world.ReadAsync(db => db.SelfAssessment.IgnoreQueryFiltersForTests().Where(s => s.ApplicationId == id && s.ItemId == "WAF-001").Select(s => s.CaseStudyAnswers).SingleAsync())
            .ContinueWith(t => t.Result!.Single(a => a.Key == "fabrikam").Note, TaskScheduler.Default);

    [Fact]
    public async Task The_page_downloads_the_workbook_and_a_filled_one_uploaded_back_fills_the_self_assessment()
    {
        var id = await WafApplicationAsync("Workbook Page Partner", "workbookPageLead");
        using var client = world.Client("workbookPageLead");

        var dashboard = await (await client.GetAsync($"/applications/{id}")).Content.ReadAsStringAsync();
        Assert.Contains($"href=\"/applications/{id}/workbook\"", dashboard, StringComparison.Ordinal);
        var page = await (await client.GetAsync($"/applications/{id}/workbook")).Content.ReadAsStringAsync();
        Assert.Contains($"/applications/{id}/workbook?handler=Download", page, StringComparison.Ordinal);
        Assert.Contains("id=\"workbook-form\"", page, StringComparison.Ordinal);

        var download = await client.GetAsync($"/applications/{id}/workbook?handler=Download");
        Assert.Equal(HttpStatusCode.OK, download.StatusCode);
        Assert.Equal("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", download.Content.Headers.ContentType!.MediaType);
        var bytes = await download.Content.ReadAsByteArrayAsync();

        // A partner fills the workbook in Excel: here, one response changed in the customer references' columns
        var catalog = world.Factory.Services.GetRequiredService<Catalogs>().Find(Waf)!;
        var application = await world.ReadAsync(async db => Attest.Web.Features.Applications.ApplicationMapping.ToDomain(await db.Applications.IgnoreQueryFiltersForTests().Include(a => a.CaseStudies).Include(a => a.Content).Include(a => a.SelfAssessment).SingleAsync(a => a.Id == id)));
        var filled = AwsWorkbook.Export(application with
        {
            SelfAssessment = application.SelfAssessment.ToDictionary(
                p => p.Key,
                p => p.Key == "WAF-001" ? p.Value with { CaseStudies = p.Value.CaseStudies!.ToDictionary(c => c.Key, c => c.Key == "fabrikam" ? c.Value with { Note = "Filled in Excel." } : c.Value) } : p.Value),
        }, catalog);
        Assert.NotEqual("Filled in Excel.", await WafNoteAsync(id));

        var uploaded = await UploadAsync(client, id, filled);
        Assert.Equal(HttpStatusCode.Redirect, uploaded.StatusCode);
        Assert.Equal($"/applications/{id}/workbook", uploaded.Headers.Location!.OriginalString);
        Assert.Equal("Filled in Excel.", await WafNoteAsync(id));
        Assert.Contains("The workbook's answers are now your self-assessment.", WebUtility.HtmlDecode(await (await client.GetAsync($"/applications/{id}/workbook")).Content.ReadAsStringAsync()), StringComparison.Ordinal);
        Assert.NotEmpty(bytes);
    }

    [Fact]
    public async Task A_workbook_that_does_not_fit_is_refused_naming_sheet_and_cell_beside_the_field_and_in_the_summary_in_the_pages_language()
    {
        var id = await WafApplicationAsync("Workbook Errors Partner", "workbookErrorsLead");
        using var client = world.Client("workbookErrorsLead");
        var before = await WafNoteAsync(id);

        var catalog = world.Factory.Services.GetRequiredService<Catalogs>().Find(Waf)!;
        var application = await world.ReadAsync(async db => Attest.Web.Features.Applications.ApplicationMapping.ToDomain(await db.Applications.IgnoreQueryFiltersForTests().Include(a => a.CaseStudies).Include(a => a.Content).Include(a => a.SelfAssessment).SingleAsync(a => a.Id == id)));

        // A workbook for more customer references than the application has case studies
        var bigger = AwsWorkbook.Export(application with { CaseStudies = [.. application.CaseStudies, application.CaseStudies[0] with { Key = "extra", Customer = "Extra Customer" }] }, catalog);
        var refused = await UploadAsync(client, id, bigger);
        Assert.Equal(HttpStatusCode.OK, refused.StatusCode);
        var html = WebUtility.HtmlDecode(await refused.Content.ReadAsStringAsync());
        Assert.Contains("class=\"error-summary\"", html, StringComparison.Ordinal);
        Assert.Contains("id=\"workbook-error\"", html, StringComparison.Ordinal);
        Assert.Matches("filled.xlsx was not imported, nothing changed: sheet 'Customer Example Requirements' cell [A-Z]+1: 'Customer Reference #\\d+' has no case study", html);
        Assert.Equal(before, await WafNoteAsync(id));

        // In French, the same refusal in French
        client.DefaultRequestHeaders.Add("Cookie", $"{RequestLanguage.CookieName}=fr");
        var french = WebUtility.HtmlDecode(await (await UploadAsync(client, id, bigger)).Content.ReadAsStringAsync());
        Assert.Contains(Attest.Core.Text.FrenchTypography.Apply("filled.xlsx n'a pas été importé, rien n'a changé : feuille « Customer Example Requirements » cellule"), french, StringComparison.Ordinal);
        Assert.Contains("n'a pas d'étude de cas", french, StringComparison.Ordinal);

        // Not a workbook; no file at all
        var garbage = WebUtility.HtmlDecode(await (await UploadAsync(client, id, "not a workbook"u8.ToArray(), "notes.xlsx")).Content.ReadAsStringAsync());
        Assert.Contains(Attest.Core.Text.FrenchTypography.Apply("notes.xlsx n'a pas été importé, rien n'a changé : classeur : ce n'est pas un classeur Excel (.xlsx)"), garbage, StringComparison.Ordinal);
        var empty = WebUtility.HtmlDecode(await (await UploadAsync(client, id, [], "empty.xlsx")).Content.ReadAsStringAsync());
        Assert.Contains("Choisissez un classeur complété (.xlsx) à déposer.", empty, StringComparison.Ordinal);
        Assert.Equal(before, await WafNoteAsync(id));
    }

    [Fact]
    public async Task A_workbook_over_the_size_limit_is_refused_beside_the_field()
    {
        var id = await WafApplicationAsync("Workbook Size Partner", "workbookSizeLead");
        using var client = world.Client("workbookSizeLead");
        var html = WebUtility.HtmlDecode(await (await UploadAsync(client, id, new byte[AwsWorkbook.MaxBytes + 1])).Content.ReadAsStringAsync());
        Assert.Contains("The file is larger than 20 MB", html, StringComparison.Ordinal);
        Assert.Contains("id=\"workbook-error\"", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Only_the_partners_own_editors_upload_and_only_until_the_application_is_decided()
    {
        var id = await WafApplicationAsync("Workbook Rights Partner", "workbookRightsLead");
        var catalog = world.Factory.Services.GetRequiredService<Catalogs>().Find(Waf)!;
        var application = await world.ReadAsync(async db => Attest.Web.Features.Applications.ApplicationMapping.ToDomain(await db.Applications.IgnoreQueryFiltersForTests().Include(a => a.CaseStudies).Include(a => a.Content).Include(a => a.SelfAssessment).SingleAsync(a => a.Id == id)));
        var changed = AwsWorkbook.Export(application with
        {
            SelfAssessment = application.SelfAssessment.ToDictionary(
                p => p.Key,
                p => p.Key == "WAF-001" ? p.Value with { CaseStudies = p.Value.CaseStudies!.ToDictionary(c => c.Key, c => c.Value with { Note = "Hijacked." }) } : p.Value),
        }, catalog);
        var before = await WafNoteAsync(id);

        // Another partner's lead: neither the page nor the download, and a post changes nothing
        using var other = world.Client("leadB");
        Assert.Equal(HttpStatusCode.NotFound, (await other.GetAsync($"/applications/{id}/workbook")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await other.GetAsync($"/applications/{id}/workbook?handler=Download")).StatusCode);
        var token = await EvidenceTestWorkspace.TokenAsync(other, "/");
        Assert.False((await UploadAsync(other, id, changed, token: token)).IsSuccessStatusCode);

        // Without the antiforgery token, the partner's own lead is refused too
        using var lead = world.Client("workbookRightsLead");
        using (var form = new MultipartFormDataContent())
        {
            form.Add(new ByteArrayContent(changed), "workbook", "filled.xlsx");
            Assert.Equal(HttpStatusCode.BadRequest, (await lead.PostAsync($"/applications/{id}/workbook?handler=Upload", form)).StatusCode);
        }

        Assert.Equal(before, await WafNoteAsync(id));

        // Decided: the page offers the download only, and an upload changes nothing
        var partner = await world.ReadAsync(db => db.Applications.IgnoreQueryFiltersForTests().Where(a => a.Id == id).Select(a => a.PartnerId).SingleAsync());
        var pageToken = await EvidenceTestWorkspace.TokenAsync(lead, $"/applications/{id}/workbook");
        using (var scope = world.Factory.Services.CreateScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<AttestDbContext>();
            db.Workflows.Add(new WorkflowRecord { ApplicationId = id, PartnerId = partner, State = WorkflowStates.Names.Wire(WorkflowState.Validated) });
            await db.SaveChangesAsync();
        }

        var page = WebUtility.HtmlDecode(await (await lead.GetAsync($"/applications/{id}/workbook")).Content.ReadAsStringAsync());
        Assert.Contains("The application is decided: the workbook can be downloaded, not uploaded.", page, StringComparison.Ordinal);
        Assert.DoesNotContain("id=\"workbook-form\"", page, StringComparison.Ordinal);
        var decided = await UploadAsync(lead, id, changed, token: pageToken);
        Assert.Equal(HttpStatusCode.Redirect, decided.StatusCode);
        Assert.Equal(before, await WafNoteAsync(id));
        Assert.Equal(HttpStatusCode.OK, (await lead.GetAsync($"/applications/{id}/workbook?handler=Download")).StatusCode);
    }
}

/// <summary>A submitted version keeps the Well-Architected reviews it was judged with: judged again, the exemption holds.</summary>
public sealed class FrozenReviewTests
{
    private const string Waf = "aws-waf-service-delivery-2025-02";

    [Fact]
    public void A_frozen_version_judged_again_keeps_the_exemption_and_names_the_review()
    {
        var root = ApiSteps.RepositoryRoot();
        var catalogs = new Catalogs([Path.Combine(root, "catalogs")]);
        var catalog = catalogs.Find(Waf)!;
        var (application, error) = ApplicationReader.Read(File.ReadAllText(Path.Combine(root, "examples", "waf-ready.yaml")), "waf-ready.yaml", catalogs.All);
        Assert.Null(error);
        const string file = "reviews/contoso-lens-review.json";
        var (review, problem) = ReviewReader.Read(File.ReadAllText(Path.Combine(root, "examples", file)), file);
        Assert.Null(problem);
        var findings = new CaseStudyFindings(new Dictionary<string, IReadOnlyList<EvidenceFinding>>(), reviews: new Dictionary<string, IReadOnlyList<WellArchitectedReview>> { ["contoso"] = [review!] });

        // Submitted while the checklist was in force, with the review found in contoso's evidence
        var submittedAt = new DateTimeOffset(2025, 6, 2, 9, 0, 0, TimeSpan.Zero);
        var clock = new OfficeClock(new AttestFactory.FixedTime(submittedAt), TimeZoneInfo.Utc);
        var report = ReadinessEngine.Evaluate(application!, catalog, clock.Today, findings);
        var exempted = report.Items.Where(i => i.Reason.In(Language.En).Contains("Exempted by the Well-Architected review " + file, StringComparison.Ordinal)).Select(i => i.Item.Id).ToList();
        Assert.NotEmpty(exempted);

        var input = FrozenJudgement.Input(new EvaluatedApplication(application!, findings, report, ScanProgress.None, null), new Dictionary<string, string>());
        var (version, refusal) = SubmissionVersion.Freeze(1, submittedAt, "lead", input);
        Assert.Null(refusal);

        var again = FrozenJudgement.Of(version!, catalog, clock);
        Assert.NotNull(again);
        Assert.True(again.Frozen);
        Assert.Equal([review!.Name], again.Findings.ReviewsOf("contoso").Select(r => r.Name));
        foreach (var id in exempted)
        {
            var verdict = again.Report.Items.Single(i => i.Item.Id == id);
            Assert.Equal(report.Items.Single(i => i.Item.Id == id).Status, verdict.Status);
            Assert.Contains("Exempted by the Well-Architected review " + file, verdict.Reason.In(Language.En), StringComparison.Ordinal);
        }

        // A version frozen before reviews were kept (its findings without them) loses the exemption: what the fix is for
        var withoutReviews = version! with { FindingsJson = StoredAnalysis.WriteCaseStudyFindings(new CaseStudyFindings(findings.ByCaseStudy, findings.Inventories)) };
        var old = FrozenJudgement.Of(withoutReviews, catalog, clock)!;
        Assert.DoesNotContain(old.Report.Items, i => i.Reason.In(Language.En).Contains("Exempted by the Well-Architected review", StringComparison.Ordinal));
    }

    [Fact]
    public void A_version_is_frozen_without_the_answers_its_file_holds_for_other_programs()
    {
        var root = ApiSteps.RepositoryRoot();
        var catalogs = new Catalogs([Path.Combine(root, "catalogs")]);
        var retail = catalogs.Find("aws-retail-consulting-2019-12")!;
        var text = ApiSteps.ReadyExampleWithoutScannedEvidence() + $"programs:\n  {Waf}:\n    selfAssessment:\n      WAF-002: {{ met: true, note: Storefront. }}\n";
        var (application, error) = ApplicationReader.Read(text, "ready.yaml", catalogs.All);
        Assert.Null(error);
        var submittedAt = new DateTimeOffset(2026, 11, 26, 9, 0, 0, TimeSpan.Zero);
        var clock = new OfficeClock(new AttestFactory.FixedTime(submittedAt), TimeZoneInfo.Utc);
        var report = ReadinessEngine.Evaluate(application!, retail, clock.Today);
        var (version, _) = SubmissionVersion.Freeze(1, submittedAt, "lead", FrozenJudgement.Input(new EvaluatedApplication(application!, CaseStudyFindings.None, report, ScanProgress.None, null), new Dictionary<string, string>()));
        Assert.DoesNotContain("programs:", version!.ApplicationText, StringComparison.Ordinal);
        Assert.NotNull(FrozenJudgement.Of(version, retail, clock));
    }
}

/// <summary>The rows of the workbook page: whoever may read the application reaches it (the upload asks more, see <see cref="WorkbookPageTests"/>).</summary>
public sealed class WorkbookMatrixRows : IMatrixRows
{
    private const HttpStatusCode Ok = HttpStatusCode.OK;
    private const HttpStatusCode SignIn = HttpStatusCode.Redirect;
    private const HttpStatusCode Hidden = HttpStatusCode.NotFound;

    public IEnumerable<MatrixRow> Rows(World world) =>
    [
        new("applications/{id:guid}/workbook", $"/applications/{world.ApplicationA}/workbook", [SignIn, Hidden, Ok, Ok, Hidden, Ok, Hidden, Hidden]),
    ];
}
