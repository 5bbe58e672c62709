using Attest.Core.Applications;

namespace Attest.Core.Tests.Applications;

/// <summary>The format v1 fields that say what is submitted: the contact, the partner id, submitted case studies, per-case-study answers.</summary>
public class SubmissionFieldsTests
{
    private const string Header = "format: attest/application/v1\nchecklist: aws-retail-consulting-2019-12\n";

    private const string Full = Header + """
        partner:
          name: Acme
          id: "0010000001AcmeRC"
          contact: { name: Alex Martin, email: alex@acme.example }
        caseStudies:
          - key: c1
            submitted: true
          - key: c2
            submitted: false
        selfAssessment:
          VAL-2.2:
            met: true
            caseStudies:
              c1: { answer: met, note: "CloudFormation only.", evidence: [iac/c1/] }
              c2: { answer: not-applicable }
          VAL-2.12:
            caseStudies:
              c1: { answer: not-met, note: "Flat network." }
              c2: ~
        """;

    private static (Application? Application, Attest.Core.Documents.InputError? Error) Read(string text) =>
        ApplicationReader.Read(text, "app.yaml", [TestData.Retail]);

    [Fact]
    public void The_new_fields_are_read()
    {
        var (application, error) = Read(Full);

        Assert.Null(error);
        Assert.Equal("0010000001AcmeRC", application!.Partner.Id);
        Assert.Equal(new PartnerContact { Name = "Alex Martin", Email = "alex@acme.example" }, application.Partner.Contact);
        Assert.Equal([true, false], application.CaseStudies.Select(c => c.Submitted));
        var answers = application.SelfAssessment["VAL-2.2"].CaseStudies!;
        Assert.Equal(AnswerValue.Met, answers["c1"].Answer);
        Assert.Equal("CloudFormation only.", answers["c1"].Note);
        Assert.Equal(["iac/c1/"], answers["c1"].Evidence!);
        Assert.Equal(AnswerValue.NotApplicable, answers["c2"].Answer);
        Assert.Equal(AnswerValue.NotMet, application.SelfAssessment["VAL-2.12"].CaseStudies!["c1"].Answer);
        Assert.False(application.SelfAssessment["VAL-2.12"].CaseStudies!.ContainsKey("c2"));
        Assert.Null(application.SelfAssessment["VAL-2.12"].Met);
    }

    [Fact]
    public void A_file_without_them_reads_as_before()
    {
        var (application, error) = Read(Header + "partner: { name: Acme }\ncaseStudies:\n  - key: c1\nselfAssessment:\n  VAL-2.2: { met: true }\n");

        Assert.Null(error);
        Assert.Null(application!.Partner.Contact);
        Assert.Null(application.Partner.Id);
        Assert.Null(application.CaseStudies[0].Submitted);
        Assert.Null(application.SelfAssessment["VAL-2.2"].CaseStudies);
    }

    [Fact]
    public void Written_and_read_back_they_give_the_same_text()
    {
        var first = ApplicationWriter.Write(Read(Full).Application!);
        var again = Read(first);

        Assert.Null(again.Error);
        Assert.Equal(first, ApplicationWriter.Write(again.Application!));
        Assert.Contains("contact:", first, StringComparison.Ordinal);
        Assert.Contains("submitted: false", first, StringComparison.Ordinal);
        Assert.Contains("answer: \"not-applicable\"", first, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("partner:\n  contact: { email: not-an-address }\n", 4, 21, "partner.contact.email", "is not an e-mail address")]
    [InlineData("partner:\n  contact: { email: \"a@b.example, c@d.example\" }\n", 4, 21, "partner.contact.email", "is not an e-mail address")]
    [InlineData("partner:\n  contact: { phone: 1 }\n", 4, 14, "partner.contact.phone", "unknown key 'phone'")]
    [InlineData("caseStudies:\n  - key: a\n    submitted: maybe\n", 5, 16, "caseStudies[0].submitted", "expected true or false")]
    [InlineData("caseStudies:\n  - key: a\nselfAssessment:\n  VAL-2.2:\n    caseStudies: { b: { answer: met } }\n", 7, 20, "selfAssessment.VAL-2.2.caseStudies.b", "unknown case study 'b' (known: a)")]
    [InlineData("caseStudies:\n  - key: a\nselfAssessment:\n  VAL-2.2:\n    caseStudies: { a: { answer: yes } }\n", 7, 33, "selfAssessment.VAL-2.2.caseStudies.a.answer", "unknown value 'yes'")]
    [InlineData("caseStudies:\n  - key: a\nselfAssessment:\n  VAL-2.2:\n    caseStudies: { a: { met: true } }\n", 7, 25, "selfAssessment.VAL-2.2.caseStudies.a.met", "unknown key 'met'")]
    [InlineData("caseStudies:\n  - key: a\nselfAssessment:\n  PRE-1.2:\n    caseStudies: { a: { answer: met } }\n", 7, 18, "selfAssessment.PRE-1.2.caseStudies", "judged on the partner as a whole")]
    public void Malformed_new_fields_name_the_place(string body, int line, int column, string field, string problem)
    {
        var (_, error) = Read(Header + body);

        Assert.NotNull(error);
        Assert.Equal((line, column, field), (error.Line, error.Column, error.Field));
        Assert.Contains(problem, error.Problem, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("alex@acme.example", true)]
    [InlineData("a.b+c@sub.acme.example", true)]
    [InlineData("alex", false)]
    [InlineData("alex@acme", false)]
    [InlineData("@acme.example", false)]
    [InlineData("alex@acme.example.", false)]
    [InlineData("Alex <alex@acme.example>", false)]
    [InlineData("a@b@c.example", false)]
    public void A_plain_e_mail_address_is_one_address_and_nothing_else(string address, bool plain) =>
        Assert.Equal(plain, ApplicationReader.IsPlainEmail(address));
}
