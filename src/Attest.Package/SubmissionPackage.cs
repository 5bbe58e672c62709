using Attest.Package.Bundle;
using Attest.Package.Mail;
using Attest.Package.Report;
using Attest.Package.Spreadsheet;
using MimeKit;

namespace Attest.Package;

/// <summary>The four files of a submission package, made from one <see cref="SubmissionInput"/>.</summary>
public static class SubmissionPackage
{
    /// <summary>The completed self-assessment.</summary>
    public const string WorkbookName = "self-assessment.xlsx";

    /// <summary>The PDF report.</summary>
    public const string ReportName = "report.pdf";

    /// <summary>The e-mail to the program office.</summary>
    public const string EmailName = "submission.eml";

    /// <summary>The evidence bundle.</summary>
    public const string BundleName = "evidence-bundle.zip";

    /// <summary>Makes the spreadsheet, the report and the e-mail (the bundle is streamed separately: it may be large).</summary>
    public static PackageDocuments CreateDocuments(SubmissionInput input, MailboxAddress? from = null)
    {
        var workbook = SelfAssessmentWorkbook.Create(input);
        var report = ReadinessPdf.Create(input);
        return new PackageDocuments(workbook, report, SubmissionEmail.Create(input, workbook, from));
    }

    /// <summary>
    /// Writes the four files into <paramref name="folder"/>. Each is written beside its final name and then moved into
    /// place, so that a failure leaves no half-written file; returns the paths written, in order.
    /// </summary>
    public static IReadOnlyList<string> WriteTo(string folder, SubmissionInput input)
    {
        Directory.CreateDirectory(folder);
        var documents = CreateDocuments(input);
        var staged = new List<(string Temporary, string Final)>();
        try
        {
            staged.Add(Stage(folder, WorkbookName, s => s.Write(documents.Workbook)));
            staged.Add(Stage(folder, ReportName, s => s.Write(documents.Report)));
            staged.Add(Stage(folder, EmailName, s => SubmissionEmail.Write(documents.Email, s)));
            staged.Add(Stage(folder, BundleName, s => EvidenceBundle.Write(input, documents.Workbook, documents.Report, s)));
            foreach (var (temporary, final) in staged)
            {
                File.Move(temporary, final, overwrite: true);
            }

            return staged.Select(s => s.Final).ToArray();
        }
        finally
        {
            foreach (var (temporary, _) in staged)
            {
                File.Delete(temporary);
            }
        }
    }

    private static (string, string) Stage(string folder, string name, Action<Stream> write)
    {
        var final = Path.Combine(folder, name);
        var temporary = Path.Combine(folder, $".{name}.{Guid.NewGuid():N}.tmp");
        try
        {
            using var stream = new FileStream(temporary, FileMode.CreateNew, FileAccess.Write);
            write(stream);
        }
        catch
        {
            File.Delete(temporary);
            throw;
        }

        return (temporary, final);
    }
}

/// <summary>The spreadsheet and report bytes and the e-mail, ready to download, attach or send.</summary>
public sealed record PackageDocuments(byte[] Workbook, byte[] Report, MimeMessage Email);
