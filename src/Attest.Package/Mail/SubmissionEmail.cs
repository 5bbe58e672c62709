using Attest.Core.Text;
using MimeKit;

namespace Attest.Package.Mail;

/// <summary>
/// The e-mail that sends the completed self-assessment to the program office: the catalog's address, the catalog's
/// subject line with the partner's name, a short body in the package's language, the spreadsheet attached.
/// </summary>
public static class SubmissionEmail
{
    /// <summary>The spreadsheet's media type.</summary>
    public const string SpreadsheetMediaType = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    /// <summary>
    /// The message, ready to send through SMTP or to save as <c>.eml</c>. <paramref name="from"/> is the sender when known
    /// (the web application's signed-in alliance lead); without it the message has no sender and the mail client adds one.
    /// </summary>
    public static MimeMessage Create(SubmissionInput input, byte[] workbook, MailboxAddress? from = null)
    {
        ArgumentNullException.ThrowIfNull(input);
        ArgumentNullException.ThrowIfNull(workbook);
        var language = input.EffectiveLanguage;
        var office = input.Catalog.ProgramOffice;
        var message = new MimeMessage();
        if (from is not null)
        {
            message.From.Add(from);
        }

        message.To.Add(MailboxAddress.Parse(office.Email));
        message.Subject = office.Subject(OneLine(input.PartnerName), language);
        message.Date = input.CreatedAt;

        var body = new BodyBuilder
        {
            TextBody = PackageTexts.EmailBody.With(OneLine(input.PartnerName), input.Catalog.Title.In(language), input.Catalog.Version).In(language),
        };
        body.Attachments.Add(SubmissionPackage.WorkbookName, workbook, ContentType.Parse(SpreadsheetMediaType));
        message.Body = body.ToMessageBody();
        message.Body.Headers.Add(HeaderId.ContentLanguage, language.Code());
        return message;
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
