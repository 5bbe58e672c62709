using Attest.Core.Applications;

namespace Attest.Core.Tests.Applications;

public class ApplicationReaderTests
{
    private const string Header = "format: attest/application/v1\nchecklist: aws-retail-consulting-2019-12\n";

    private static (Application? Application, Attest.Core.Documents.InputError? Error) Read(string text, string file = "app.yaml") =>
        ApplicationReader.Read(text, file, [TestData.Retail]);

    [Fact]
    public void Both_examples_read_without_error()
    {
        foreach (var name in new[] { "ready.yaml", "not-ready.yaml" })
        {
            var (application, error) = Read(TestData.ReadRepositoryFile("examples", name), name);
            Assert.Null(error);
            Assert.NotEmpty(application!.CaseStudies);
        }
    }

    [Fact]
    public void Header_alone_is_a_valid_draft()
    {
        var (application, error) = Read(Header);
        Assert.Null(error);
        Assert.Empty(application!.CaseStudies);
        Assert.Null(application.Partner.Tier);
    }

    [Fact]
    public void Every_field_of_format_v1_is_read()
    {
        var text = Header + """
            asOf: 2026-11-26
            partner:
              name: Acme
              tier: premier
              mspProgramMember: true
              guidelinesRead: true
              homepage: https://acme.example/
              practicePage: { url: https://acme.example/retail, linkedFromHomepage: true }
              dedicatedRetailConsultancy: false
              content:
                - { title: T, url: https://acme.example/t, kind: use-case, published: "2026-03-01" }
            caseStudies:
              - key: c1
                customer: Contoso
                customerWebsite: https://contoso.example
                stage: proof-of-concept
                useCase: business-applications
                delivery: msp
                completed: 2026-01-15
                problem: p
                solution: s
                awsServices: [Amazon S3]
                retailExpertise: r
                thirdParty: []
                results: res
                compliance: [PCI-DSS]
                publicReference: { url: https://acme.example/c1, linkedFromWebsite: false }
                ecommerce: true
                cardholderData: false
                availability:
                  - { component: web, rtoMinutes: 15, rpoMinutes: 0 }
                disasterRecovery: { rtoMinutes: 240, rpoMinutes: 60, testedOn: 2025-12-20, runbookDelivered: true }
                pci: { lastVulnerabilityScan: 2026-10-01, lastPenetrationTest: '2026-09-15' }
                evidence: [iac/c1/, https://acme.example/diagram.png]
            selfAssessment:
              PRE-1.1: { met: true, note: read, evidence: [docs/a.pdf] }
              VAL-2.2: ~
            """;
        var (application, error) = Read(text);
        Assert.Null(error);
        var c = application!.CaseStudies.Single();
        Assert.Equal(PartnerTier.Premier, application.Partner.Tier);
        Assert.Equal(ContentKind.UseCase, application.Partner.Content![0].Kind);
        Assert.Equal(new DateOnly(2026, 3, 1), application.Partner.Content[0].Published);
        Assert.Equal(ProjectStage.ProofOfConcept, c.Stage);
        Assert.Equal(RetailUseCase.BusinessApplications, c.UseCase);
        Assert.Equal(DeliveryCategory.Msp, c.Delivery);
        Assert.Empty(c.ThirdParty!);
        Assert.Equal(new DateOnly(2026, 9, 15), c.Pci!.LastPenetrationTest);
        Assert.Equal(0, c.Availability![0].RpoMinutes);
        Assert.True(c.DisasterRecovery!.RunbookDelivered);
        Assert.False(c.PublicReference!.LinkedFromWebsite);
        Assert.True(application.SelfAssessment["PRE-1.1"].Met);
        Assert.False(application.SelfAssessment.ContainsKey("VAL-2.2"));
    }

    [Fact]
    public void Missing_third_party_is_not_stated_while_an_empty_list_is_none()
    {
        var (application, _) = Read(Header + "caseStudies:\n  - key: a\n  - key: b\n    thirdParty: []\n");
        Assert.Null(application!.CaseStudies[0].ThirdParty);
        Assert.Empty(application.CaseStudies[1].ThirdParty!);
    }

    [Theory]
    [InlineData("partner:\n  tier: gold\n", 4, 9, "partner.tier", "unknown value 'gold'")]
    [InlineData("partner:\n  nmae: Acme\n", 4, 3, "partner.nmae", "unknown key 'nmae'")]
    [InlineData("caseStudies:\n  - key: a\n    completed: 2026-02-30\n", 5, 16, "caseStudies[0].completed", "impossible date")]
    [InlineData("caseStudies:\n  - key: a\n    completed: 15/01/2026\n", 5, 16, "caseStudies[0].completed", "expected a date")]
    [InlineData("partner:\n  guidelinesRead: yes\n", 4, 19, "partner.guidelinesRead", "expected true or false")]
    [InlineData("partner:\n  guidelinesRead: 'true'\n", 4, 19, "partner.guidelinesRead", "expected true or false")]
    [InlineData("caseStudies: {a: 1}\n", 3, 14, "caseStudies", "expected a list")]
    [InlineData("caseStudies:\n  - key: a\n    availability: [{ component: web, rtoMinutes: -5 }]\n", 5, 50, "caseStudies[0].availability[0].rtoMinutes", "must be 0 or more")]
    [InlineData("caseStudies:\n  - key: a\n    availability: [{ component: web, rtoMinutes: 1.5 }]\n", 5, 50, "caseStudies[0].availability[0].rtoMinutes", "expected a whole number")]
    [InlineData("caseStudies:\n  - key: a\n  - key: a\n", 5, 10, "caseStudies[1].key", "duplicate case study key 'a'")]
    [InlineData("selfAssessment:\n  VAL-9.9: { met: true }\n", 4, 3, "selfAssessment.VAL-9.9", "unknown checklist item")]
    [InlineData("selfAssessment:\n  PRE-1.1: { met: true, comment: x }\n", 4, 25, "selfAssessment.PRE-1.1.comment", "unknown key 'comment'")]
    [InlineData("partner: [a]\n", 3, 10, "partner", "expected a mapping")]
    [InlineData("asOf: tomorrow\n", 3, 7, "asOf", "expected a date")]
    public void Malformed_field_is_an_error_naming_line_column_and_field(string body, int line, int column, string field, string problem)
    {
        var (application, error) = Read(Header + body);
        Assert.Null(application);
        Assert.NotNull(error);
        Assert.Equal((line, column, field), (error.Line, error.Column, error.Field));
        Assert.Contains(problem, error.Problem, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("format: attest/application/v2\nchecklist: aws-retail-consulting-2019-12\n", "format", "unknown format version")]
    [InlineData("checklist: aws-retail-consulting-2019-12\n", "format", "required field is missing")]
    [InlineData("format: attest/application/v1\nchecklist: aws-retail-consulting-2024-01\n", "checklist", "unknown checklist")]
    [InlineData("format: attest/application/v1\n", "checklist", "required field is missing")]
    public void Unknown_format_or_checklist_is_an_error(string text, string field, string problem)
    {
        var (_, error) = Read(text);
        Assert.Equal(field, error!.Field);
        Assert.Contains(problem, error.Problem, StringComparison.Ordinal);
    }

    [Fact]
    public void Json_form_is_accepted_and_its_errors_have_positions()
    {
        var (application, error) = Read("""{"format":"attest/application/v1","checklist":"aws-retail-consulting-2019-12","asOf":"2026-11-26","partner":{"tier":"advanced"}}""", "app.json");
        Assert.Null(error);
        Assert.Equal(new DateOnly(2026, 11, 26), application!.AsOf);
        var (_, bad) = Read("{\n\"format\":\"attest/application/v1\",\n\"checklist\":\"aws-retail-consulting-2019-12\",\n\"partner\":{\"tier\":\"gold\"}}", "app.json");
        Assert.Equal((4, 19, "partner.tier"), (bad!.Line, bad.Column, bad.Field));
    }

    [Fact]
    public void Json_boolean_written_as_a_string_is_a_type_error()
    {
        var (_, error) = Read("""{"format":"attest/application/v1","checklist":"aws-retail-consulting-2019-12","partner":{"guidelinesRead":"true"}}""", "app.json");
        Assert.Equal("partner.guidelinesRead", error!.Field);
    }

    [Fact]
    public void Case_study_without_a_key_gets_one_from_its_position()
    {
        var (application, _) = Read(Header + "caseStudies:\n  - customer: A\n  - customer: B\n");
        Assert.Equal(["case-study-1", "case-study-2"], application!.CaseStudies.Select(c => c.Key));
    }
}
