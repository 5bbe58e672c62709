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
        var readiness = workbook.Rows("Readiness").Select(r => r[0]).ToHashSet();
        Assert.All(Samples.RetailItemIds, id => Assert.Contains(id, readiness));
        var titles = workbook.Rows("Self-assessment").Select(r => r[1]).ToHashSet();
        Assert.All(Samples.Catalog.Items, item => Assert.Contains(item.Title.En, titles));
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

    [Fact]
    public void The_contact_is_the_sender_and_the_message_opens_as_a_draft()
    {
        var message = RoundTrip(Samples.Input(Language.En));

        var from = Assert.Single(message.From.Mailboxes);
        Assert.Equal(("Alex Martin", "alex.martin@acme.example"), (from.Name, from.Address));
        Assert.Equal("1", message.Headers["X-Unsent"]);
        Assert.Contains("Alex Martin, Acme Retail Cloud", message.TextBody, StringComparison.Ordinal);
    }

    [Fact]
    public void Without_a_contact_there_is_no_sender_for_the_mail_program_to_fill()
    {
        var application = Samples.ReadyApplication();
        var message = RoundTrip(Samples.Input(Language.En, application with { Partner = application.Partner with { Contact = null } }));

        Assert.Empty(message.From);
        Assert.Equal("1", message.Headers["X-Unsent"]);
    }

    [Fact]
    public void A_ready_application_names_its_case_studies_and_the_evidence_still_missing()
    {
        var message = RoundTrip(Samples.Input(Language.En));

        Assert.Contains("for 4 submitted case study(ies): Contoso Stores, Fabrikam Fashion, Northwind Grocers, Tailspin Outdoor.", message.TextBody, StringComparison.Ordinal);
        Assert.Contains("As of 2026-11-26, every item of the checklist is met or ready for review", message.TextBody, StringComparison.Ordinal);
        Assert.Contains("- decks/company-overview.pdf (VAL-1.1)", message.TextBody, StringComparison.Ordinal);
    }

    [Fact]
    public void An_application_not_ready_lists_the_items_not_met_instead_of_claiming_readiness()
    {
        var application = Samples.ReadyApplication();
        var input = Samples.Input(Language.Fr, application with { Partner = application.Partner with { Tier = Attest.Core.Applications.PartnerTier.Select } });
        var message = RoundTrip(input);

        Assert.Contains("élément(s) de la liste de contrôle ne sont pas encore respectés\u00A0:", message.TextBody, StringComparison.Ordinal);
        Assert.Contains("- PRE-1.2 Niveau de partenaire consultant", message.TextBody, StringComparison.Ordinal);
        Assert.DoesNotContain("chaque élément de la liste de contrôle est respecté", message.TextBody, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("Acme Retail Cloud", "l'auto-évaluation finalisée d'Acme Retail Cloud au regard de la liste de contrôle «\u00A0Compétences vente au détail AWS")]
    [InlineData("Hexa Conseil", "l'auto-évaluation finalisée d'Hexa Conseil")]
    [InlineData("Émeraude Cloud", "l'auto-évaluation finalisée d'Émeraude Cloud")]
    [InlineData("Contoso", "l'auto-évaluation finalisée de Contoso")]
    public void French_elides_de_before_a_vowel_or_a_mute_h(string partner, string expected)
    {
        var application = Samples.ReadyApplication();
        var message = RoundTrip(Samples.Input(Language.Fr, application with { Partner = application.Partner with { Name = partner } }));

        Assert.Contains(expected, message.TextBody, StringComparison.Ordinal);
        Assert.DoesNotContain("pour la Compétences", message.TextBody, StringComparison.Ordinal);
    }
}
