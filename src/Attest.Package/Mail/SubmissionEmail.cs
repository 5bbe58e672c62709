using Attest.Core.Readiness;
using Attest.Core.Text;
using MimeKit;

namespace Attest.Package.Mail;

/// <summary>
/// The e-mail that sends the completed self-assessment to the program office, as a draft for the partner to send: from
/// the partner's contact, to the catalog's address, the catalog's subject line with the partner's name, a short truthful
/// body in the package's language, the spreadsheet attached.
/// </summary>
public static class SubmissionEmail
{
    /// <summary>The spreadsheet's media type.</summary>
    public const string SpreadsheetMediaType = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    /// <summary>
    /// The message, ready to save as <c>.eml</c> and open as a draft (<c>X-Unsent: 1</c>), or to send through SMTP.
    /// <paramref name="from"/> is the sender when given (the web application's signed-in alliance lead); otherwise the
    /// application's contact; without either the message has no sender and the mail client adds one. The body says what
    /// the readiness says: the items not met and the evidence not attached, if any.
    /// </summary>
    public static MimeMessage Create(SubmissionInput input, byte[] workbook, MailboxAddress? from = null)
    {
        ArgumentNullException.ThrowIfNull(input);
        ArgumentNullException.ThrowIfNull(workbook);
        var language = input.EffectiveLanguage;
        var office = input.Catalog.ProgramOffice;
        var message = new MimeMessage();
        if ((from ?? ContactAddress(input)) is { } sender)
        {
            message.From.Add(sender);
        }

        message.To.Add(MailboxAddress.Parse(office.Email));
        message.Subject = office.Subject(OneLine(input.PartnerName), language);
        message.Date = input.CreatedAt;
        message.Headers.Add("X-Unsent", "1");

        var body = new BodyBuilder { TextBody = Body(input, language) };
        body.Attachments.Add(SubmissionPackage.WorkbookName, workbook, ContentType.Parse(SpreadsheetMediaType));
        message.Body = body.ToMessageBody();
        message.Body.Headers.Add(HeaderId.ContentLanguage, language.Code());
        return message;
    }

    /// <summary>The body text: who sends what, then the truth about readiness and evidence.</summary>
    public static string Body(SubmissionInput input, Language language)
    {
        ArgumentNullException.ThrowIfNull(input);
        var partner = OneLine(input.PartnerName);
        var text = new System.Text.StringBuilder();
        var submitted = input.Submitted;
        var names = submitted.Count == 0 ? PackageTexts.EmailNoCaseStudy.In(language) : string.Join(", ", submitted.Select(c => OneLine(c.Customer ?? c.Key)));
        text.Append(PackageTexts.EmailOpening.With(language == Language.Fr ? PackageTexts.FrenchOf(partner) : partner, input.Catalog.Title.In(language), input.Catalog.Version, submitted.Count, names).In(language));
        text.Append('\n');
        var readiness = input.Readiness;
        var notMet = readiness.NotMet.ToArray();
        if (notMet.Length == 0)
        {
            text.Append(PackageTexts.EmailReady.With(readiness.AsOf, readiness.Count(ReadinessStatus.NeedsReview)).In(language));
        }
        else
        {
            text.Append(PackageTexts.EmailNotReady.With(readiness.AsOf, notMet.Length).In(language));
            foreach (var verdict in notMet)
            {
                text.Append(PackageTexts.EmailItem.With(verdict.Item.Id, verdict.Item.Title.In(language)).In(language));
            }
        }

        if (input.Missing.Count > 0)
        {
            text.Append('\n').Append(PackageTexts.EmailMissing.In(language));
            foreach (var gap in input.Missing)
            {
                text.Append(PackageTexts.EmailMissingEntry.With(OneLine(gap.Reference), string.Join(", ", gap.Items.Concat(gap.CaseStudies))).In(language));
            }
        }

        var contact = input.Application.Partner.Contact?.Name is { Length: > 0 } name ? PackageTexts.EmailSignature.With(OneLine(name), partner).In(language) : partner;
        text.Append(PackageTexts.EmailClosing.With(contact).In(language));
        return text.ToString();
    }

    /// <summary>The application's contact as a sender, when it gives a usable address.</summary>
    public static MailboxAddress? ContactAddress(SubmissionInput input)
    {
        ArgumentNullException.ThrowIfNull(input);
        if (input.Contact is not { Email: { } email } contact)
        {
            return null;
        }

        return MailboxAddress.TryParse(email.Trim(), out var address) && address.Address.Contains('@', StringComparison.Ordinal)
            ? new MailboxAddress(contact.Name is { Length: > 0 } name ? OneLine(name) : null, address.Address)
            : null;
    }

    /// <summary>Writes the message as an <c>.eml</c> file's content.</summary>
    public static void Write(MimeMessage message, Stream output)
    {
        ArgumentNullException.ThrowIfNull(message);
        message.WriteTo(FormatOptions.Default, output);
    }

    /// <summary>The message as <c>.eml</c> bytes.</summary>
    public static byte[] ToEml(MimeMessage message)
    {
        using var memory = new MemoryStream();
        Write(message, memory);
        return memory.ToArray();
    }

    // A name from a file must not smuggle header lines into the subject
    private static string OneLine(string text) => string.Join(' ', text.Split(['\r', '\n', '\t'], StringSplitOptions.RemoveEmptyEntries)).Trim();
}
