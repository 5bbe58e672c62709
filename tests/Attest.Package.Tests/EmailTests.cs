using Attest.Core.Text;
using Attest.Package.Mail;
using Attest.Package.Tests.Support;
using MimeKit;

namespace Attest.Package.Tests;

public sealed class EmailTests
{
    private static MimeMessage RoundTrip(SubmissionInput input, MailboxAddress? from = null)
    {
        var workbook = Spreadsheet.SelfAssessmentWorkbook.Create(input);
        var eml = SubmissionEmail.ToEml(SubmissionEmail.Create(input, workbook, from));
        return MimeMessage.Load(new MemoryStream(eml));
    }

    [Fact]
    public void The_french_checklist_sends_in_french_by_default_with_the_catalogs_subject()
    {
        var message = RoundTrip(Samples.Input(language: null));

        Assert.Equal("competency-checklist@amazon.com", Assert.Single(message.To.Mailboxes).Address);
        Assert.Equal("[Acme Retail Cloud], Auto-évaluation finalisée du partenaire consultant de compétences en vente au détail", message.Subject);
        Assert.StartsWith("Bonjour,", message.TextBody, StringComparison.Ordinal);
        Assert.Contains("Acme Retail Cloud", message.TextBody, StringComparison.Ordinal);
        Assert.Equal("fr", message.Body!.Headers[HeaderId.ContentLanguage]);
    }

    [Fact]
    public void The_english_subject_comes_from_the_catalogs_english_template()
    {
        var message = RoundTrip(Samples.Input(Language.En));

        Assert.Equal("[Acme Retail Cloud], Retail Competency Consulting Partner Completed Self-Assessment", message.Subject);
        Assert.StartsWith("Hello,", message.TextBody, StringComparison.Ordinal);
        Assert.Equal(Samples.Frozen, message.Date);
    }

    [Fact]
    public void The_spreadsheet_is_attached_and_opens_with_every_item()
    {
        var input = Samples.Input(Language.En);
        var message = RoundTrip(input);

        var attachment = Assert.IsType<MimePart>(Assert.Single(message.Attachments));
        Assert.Equal("self-assessment.xlsx", attachment.FileName);
        Assert.Equal(SubmissionEmail.SpreadsheetMediaType, attachment.ContentType.MimeType);
        using var content = new MemoryStream();
        attachment.Content!.DecodeTo(content);
        using var workbook = new WorkbookReader(content.ToArray());
        var ids = workbook.Rows("Self-assessment").Select(r => r[0]).ToHashSet();
        Assert.All(Samples.RetailItemIds, id => Assert.Contains(id, ids));
    }

    [Fact]
    public void The_sender_is_set_when_known_and_a_name_cannot_add_header_lines()
    {
        var application = Samples.ReadyApplication();
        var input = Samples.Input(Language.En, application with { Partner = application.Partner with { Name = "Evil\r\nBcc: victim@example.com" } });
        var message = RoundTrip(input, new MailboxAddress("Alliance Lead", "lead@acme.example"));

        Assert.Equal("lead@acme.example", Assert.Single(message.From.Mailboxes).Address);
        Assert.Empty(message.Bcc);
        Assert.Equal("[Evil Bcc: victim@example.com], Retail Competency Consulting Partner Completed Self-Assessment", message.Subject);
    }
}
