using System.IO.Compression;
using System.Text;
using System.Text.Json;
using Attest.Cli.Tests.Support;
using MimeKit;

namespace Attest.Cli.Tests;

public sealed class PackageTests : IDisposable
{
    private static readonly string[] PackageFiles = ["self-assessment.xlsx", "report.pdf", "submission.eml", "evidence-bundle.zip"];
    private readonly TempFolder temp = new();

    public void Dispose() => temp.Dispose();

    private string Out => temp.Combine("out");

    private string Bundle => Path.Combine(Out, "evidence-bundle.zip");

    private static JsonElement Manifest(string bundle)
    {
        using var zip = ZipFile.OpenRead(bundle);
        using var stream = zip.GetEntry("manifest.json")!.Open();
        return JsonDocument.Parse(stream).RootElement.Clone();
    }

    private static void EditZip(string bundle, Action<ZipArchive> edit)
    {
        using var zip = ZipFile.Open(bundle, ZipArchiveMode.Update);
        edit(zip);
    }

    private static void Replace(ZipArchive zip, string name, Func<byte[], byte[]> change)
    {
        var entry = zip.GetEntry(name)!;
        byte[] content;
        using (var stream = entry.Open())
        using (var memory = new MemoryStream())
        {
            stream.CopyTo(memory);
            content = memory.ToArray();
        }

        entry.Delete();
        using var target = zip.CreateEntry(name).Open();
        target.Write(change(content));
    }

    [Fact]
    public void Package_on_the_ready_example_writes_the_four_files_and_names_missing_evidence()
    {
        var result = CliRun.Run("package", Repo.ReadyExample, "--out", Out);

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Equal("", result.Err);
        foreach (var name in PackageFiles)
        {
            Assert.True(File.Exists(Path.Combine(Out, name)), name);
            Assert.Contains(Path.Combine(Out, name), result.Out, StringComparison.Ordinal);
        }

        Assert.Empty(Directory.GetFiles(Out, "*.tmp"));
        Assert.Contains("! missing: decks/company-overview.pdf (VAL-1.1): no such file or folder", result.Out, StringComparison.Ordinal);

        var manifest = Manifest(Bundle);
        var files = manifest.GetProperty("files").EnumerateArray().ToDictionary(f => f.GetProperty("path").GetString()!);
        Assert.Equal(
            ["files/iac/contoso/storefront.yaml", "files/iac/fabrikam/main.tf", "files/iac/northwind/basket.yaml", "files/iac/tailspin/markdown.yaml"],
            files.Keys.Order(StringComparer.Ordinal));
        var contoso = files["files/iac/contoso/storefront.yaml"];
        Assert.Equal(["contoso"], contoso.GetProperty("caseStudies").EnumerateArray().Select(e => e.GetString()));
        Assert.Equal(["VAL-2.2", "VAL-2.7", "VAL-2.10", "VAL-2.11"], contoso.GetProperty("items").EnumerateArray().Select(e => e.GetString()));
        Assert.Empty(manifest.GetProperty("warnings").GetProperty("throughFolderOnly").EnumerateArray());

        var verify = CliRun.Run("bundle", "verify", Bundle);
        Assert.True(verify.ExitCode == 0, verify.ToString());
        Assert.StartsWith("intact: 6 file(s)", verify.Out, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(null, "[Acme Retail Cloud], Auto-évaluation finalisée du partenaire consultant de compétences en vente au détail")]
    [InlineData("fr", "[Acme Retail Cloud], Auto-évaluation finalisée du partenaire consultant de compétences en vente au détail")]
    [InlineData("en", "[Acme Retail Cloud], Retail Competency Consulting Partner Completed Self-Assessment")]
    public void The_email_goes_to_the_program_office_in_the_checklists_language_unless_told(string? lang, string subject)
    {
        string[] args = lang is null ? ["package", Repo.ReadyExample, "--out", Out] : ["package", Repo.ReadyExample, "--out", Out, "--lang", lang];
        var result = CliRun.Run(args);

        Assert.True(result.ExitCode == 0, result.ToString());
        var message = MimeMessage.Load(Path.Combine(Out, "submission.eml"));
        Assert.Equal("competency-checklist@amazon.com", Assert.Single(message.To.Mailboxes).Address);
        Assert.Equal(subject, message.Subject);
        Assert.Equal("alex.martin@acme.example", Assert.Single(message.From.Mailboxes).Address);
        Assert.Equal("1", message.Headers["X-Unsent"]);
        var attachment = Assert.IsType<MimePart>(Assert.Single(message.Attachments));
        Assert.Equal("self-assessment.xlsx", attachment.FileName);
        using var content = new MemoryStream();
        attachment.Content!.DecodeTo(content);
        Assert.Equal(File.ReadAllBytes(Path.Combine(Out, "self-assessment.xlsx")), content.ToArray());
    }

    [Fact]
    public void Evidence_is_resolved_from_the_application_folder_folders_are_walked_urls_listed_and_escapes_refused()
    {
        temp.Write("outside.txt", "secret");
        temp.Write("app/docs/runbook.md", "# Runbook\n");
        temp.Write("app/diagrams/a.png", "png-a");
        temp.Write("app/diagrams/deep/b.png", "png-b");
        var application = File.ReadAllText(Repo.ReadyExample)
            .Replace("evidence: [iac/contoso/]\n    submitted", "evidence: [diagrams/, https://acme.example/retail/contoso, ../outside.txt]\n    submitted", StringComparison.Ordinal)
            .Replace("evidence: [docs/runbook-sample.pdf]", "evidence: [docs/runbook.md, diagrams/deep/b.png]", StringComparison.Ordinal);
        var path = temp.Write("app/application.yaml", application);

        var result = CliRun.Run("package", path, "--out", Out, "--lang", "en");

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Contains("! missing: ../outside.txt (contoso): outside the application file's folder", result.Out, StringComparison.Ordinal);
        var manifest = Manifest(Bundle);
        var files = manifest.GetProperty("files").EnumerateArray().ToDictionary(f => f.GetProperty("name").GetString()!);
        Assert.Equal(["diagrams/a.png", "diagrams/deep/b.png", "docs/runbook.md"], files.Keys.Order(StringComparer.Ordinal));
        Assert.Equal(["VAL-2.4", "VAL-2.6"], files["diagrams/deep/b.png"].GetProperty("items").EnumerateArray().Select(e => e.GetString()));
        Assert.Equal(["contoso"], files["diagrams/deep/b.png"].GetProperty("caseStudies").EnumerateArray().Select(e => e.GetString()));
        Assert.Equal("https://acme.example/retail/contoso", manifest.GetProperty("links")[0].GetProperty("url").GetString());
        using var zip = ZipFile.OpenRead(Bundle);
        Assert.DoesNotContain(zip.Entries, e => e.FullName.Contains("outside", StringComparison.Ordinal));
    }

    [Fact]
    public void Verify_names_an_altered_an_added_and_a_removed_file_and_exits_1()
    {
        Assert.Equal(0, CliRun.Run("package", Repo.ReadyExample, "--out", Out).ExitCode);
        EditZip(Bundle, zip =>
        {
            Replace(zip, "files/iac/fabrikam/main.tf", content =>
            {
                content[10] ^= 0x20;
                return content;
            });
            zip.GetEntry("files/iac/tailspin/markdown.yaml")!.Delete();
            using var added = zip.CreateEntry("files/iac/extra.tf").Open();
            added.Write(Encoding.UTF8.GetBytes("resource \"aws_s3_bucket\" \"open\" {}\n"));
        });

        var result = CliRun.Run("bundle", "verify", Bundle);

        Assert.True(result.ExitCode == 1, result.ToString());
        Assert.Equal("altered: files/iac/fabrikam/main.tf\nadded: files/iac/extra.tf\nremoved: files/iac/tailspin/markdown.yaml\n", result.Out.ReplaceLineEndings("\n"));
        Assert.StartsWith("attest: files/iac/fabrikam/main.tf: SHA-256 ", result.Err, StringComparison.Ordinal);
    }

    [Fact]
    public void Verify_refuses_a_zip_with_an_entry_leaving_the_bundle_with_exit_2()
    {
        Assert.Equal(0, CliRun.Run("package", Repo.ReadyExample, "--out", Out).ExitCode);
        EditZip(Bundle, zip =>
        {
            using var evil = zip.CreateEntry("../../etc/cron.d/evil").Open();
            evil.Write(Encoding.UTF8.GetBytes("* * * * * root sh\n"));
        });

        var message = InputErrorAssert.OneLine(CliRun.Run("bundle", "verify", Bundle));

        Assert.Contains("../../etc/cron.d/evil: entry refused", message, StringComparison.Ordinal);
    }

    [Fact]
    public void Verify_reports_a_malformed_manifest_with_its_place_and_exits_2()
    {
        Assert.Equal(0, CliRun.Run("package", Repo.ReadyExample, "--out", Out).ExitCode);
        EditZip(Bundle, zip => Replace(zip, "manifest.json", content => Encoding.UTF8.GetBytes(Encoding.UTF8.GetString(content).Replace("\"size\": ", "\"size\": -", StringComparison.Ordinal))));

        var message = InputErrorAssert.OneLine(CliRun.Run("bundle", "verify", Bundle, "--lang", "fr"));

        Assert.Equal($"attest: {Bundle}: manifest.json: $.documents[0].size: attendu\u00A0: un nombre entier d'octets, 0 ou plus", message);
    }

    [Fact]
    public void Verify_on_something_that_is_not_a_bundle_exits_2()
    {
        var text = temp.Write("notes.zip", "not a zip at all");

        Assert.Contains("not a zip file", InputErrorAssert.OneLine(CliRun.Run("bundle", "verify", text)), StringComparison.Ordinal);
        Assert.Contains("no such file", InputErrorAssert.OneLine(CliRun.Run("bundle", "verify", temp.Combine("absent.zip"))), StringComparison.Ordinal);
    }

    [Fact]
    public void Package_refuses_a_bad_date_and_an_unreadable_application_with_exit_2()
    {
        Assert.Contains("--as-of", InputErrorAssert.OneLine(CliRun.Run("package", Repo.ReadyExample, "--as-of", "26/11/2026", "--out", Out)), StringComparison.Ordinal);
        var broken = temp.Write("broken.yaml", "format: attest/application/v1\nchecklist: [unclosed\n");
        InputErrorAssert.AtSomePlace(CliRun.Run("package", broken, "--out", Out), broken);
        Assert.False(Directory.Exists(Out));
    }

    [Fact]
    public void Evidence_reached_through_a_symbolic_link_is_not_followed()
    {
        var secret = temp.Write("elsewhere/secret.txt", "do not ship");
        temp.Write("app/docs/real.md", "real");
        Directory.CreateDirectory(temp.Combine("app/links"));
        File.CreateSymbolicLink(temp.Combine("app/links/secret.txt"), secret);
        Directory.CreateSymbolicLink(temp.Combine("app/elsewhere"), temp.Combine("elsewhere"));
        var application = File.ReadAllText(Repo.ReadyExample)
            .Replace("evidence: [iac/contoso/]\n    submitted", "evidence: [links/secret.txt, elsewhere/secret.txt, links/, docs/]\n    submitted", StringComparison.Ordinal);
        var path = temp.Write("app/application.yaml", application);

        var result = CliRun.Run("package", path, "--out", Out, "--lang", "en");

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Contains("! missing: links/secret.txt (contoso): reached through a symbolic link", result.Out, StringComparison.Ordinal);
        Assert.Contains("! missing: elsewhere/secret.txt (contoso): reached through a symbolic link", result.Out, StringComparison.Ordinal);
        var names = Manifest(Bundle).GetProperty("files").EnumerateArray().Select(f => f.GetProperty("name").GetString()!).ToArray();
        Assert.Equal(["docs/real.md"], names);
    }

    // Every non-empty cell of one sheet, by reference (A1, B7…)
    private static Dictionary<string, string> Cells(string workbook, string sheet)
    {
        using var document = DocumentFormat.OpenXml.Packaging.SpreadsheetDocument.Open(workbook, isEditable: false);
        var part = document.WorkbookPart!;
        var entry = part.Workbook!.Descendants<DocumentFormat.OpenXml.Spreadsheet.Sheet>().Single(s => s.Name == sheet);
        var worksheet = ((DocumentFormat.OpenXml.Packaging.WorksheetPart)part.GetPartById(entry.Id!)).Worksheet!;
        return worksheet.Descendants<DocumentFormat.OpenXml.Spreadsheet.Cell>()
            .Where(c => c.InnerText.Length > 0)
            .ToDictionary(c => c.CellReference!.Value!, c => c.InnerText);
    }

    [Fact]
    public void The_package_judges_items_relying_on_missing_evidence_as_attest_check_does()
    {
        temp.Write("docs/guidelines.pdf", "%PDF-1.4 read on 2026-09-01");
        var file = temp.Write("app.yaml", Repo.MinimalHeader + """
            partner: { guidelinesRead: true, tier: advanced }
            selfAssessment:
              PRE-1.1: { met: true, note: Read., evidence: [docs/guidelines.pdf] }
              PRE-1.2: { met: true, note: Advanced., evidence: [docs/tier.pdf] }
            """);

        var result = CliRun.Run("package", file, "--out", Out, "--lang", "en", "--as-of", "2026-11-26");

        Assert.True(result.ExitCode == 0, result.ToString());
        var readiness = Cells(Path.Combine(Out, "self-assessment.xlsx"), "Readiness");
        string Status(string item) => readiness["C" + readiness.Single(c => c.Value == item).Key[1..]];
        Assert.Equal("met", Status("PRE-1.1"));
        Assert.Equal("needs review", Status("PRE-1.2"));
    }

    [Fact]
    public void The_package_is_judged_on_the_day_it_is_made_and_says_so_when_the_file_is_dated_otherwise()
    {
        var later = new DateOnly(2027, 8, 2);
        var result = CliRun.Run(["package", Repo.ReadyExample, "--out", Out, "--lang", "en"], today: later);

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Equal("attest: the package is judged as of 2027-08-02 (today), not the file's asOf 2026-11-26; use --as-of 2026-11-26 to judge it on that day\n", result.Err.ReplaceLineEndings("\n"));
        Assert.Equal("2027-08-02", Manifest(Bundle).GetProperty("application").GetProperty("asOf").GetString());
        var message = MimeMessage.Load(Path.Combine(Out, "submission.eml"));
        Assert.Contains("As of 2027-08-02, ", message.TextBody, StringComparison.Ordinal);
        Assert.Contains("- PRE-2.1 Retail-Specific Customer Case Studies", message.TextBody, StringComparison.Ordinal);
        var readiness = Cells(Path.Combine(Out, "self-assessment.xlsx"), "Readiness");
        var row = readiness.Single(c => c.Value == "PRE-2.1").Key[1..];
        Assert.Equal("not met", readiness["C" + row]);

        var chosen = CliRun.Run(["package", Repo.ReadyExample, "--out", Out, "--as-of", "2026-11-26"], today: later);
        Assert.True(chosen.ExitCode == 0, chosen.ToString());
        Assert.Equal("", chosen.Err);
        Assert.Equal("2026-11-26", Manifest(Bundle).GetProperty("application").GetProperty("asOf").GetString());
    }

    [Fact]
    public void Files_that_came_only_with_a_cited_folder_are_named_on_stderr_before_they_go()
    {
        foreach (var file in Directory.EnumerateFiles(Path.Combine(Repo.Root, "examples", "iac"), "*", SearchOption.AllDirectories))
        {
            temp.Write(Path.Combine("app", Path.GetRelativePath(Path.Combine(Repo.Root, "examples"), file)), File.ReadAllText(file));
        }

        var application = File.ReadAllText(Repo.ReadyExample)
            .Replace("  VAL-2.3: { met: true,", "  VAL-2.3: { evidence: [iac/], met: true,", StringComparison.Ordinal);
        var path = temp.Write("app/application.yaml", application);

        var result = CliRun.Run("package", path, "--out", Out, "--lang", "en");

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Equal("attest: warning: iac/litware/platform.yaml goes only because the folder iac/ is cited, and no submitted case study cites it: check it belongs in the package\n", result.Err.ReplaceLineEndings("\n"));
        var manifest = Manifest(Bundle);
        Assert.Equal(["files/iac/litware/platform.yaml"], manifest.GetProperty("warnings").GetProperty("throughFolderOnly").EnumerateArray().Select(e => e.GetString()));
        Assert.Contains(manifest.GetProperty("files").EnumerateArray(), f => f.GetProperty("path").GetString() == "files/iac/litware/platform.yaml");
    }

    [Fact]
    public void The_french_package_of_the_ready_example_is_the_official_form()
    {
        var result = CliRun.Run("package", Repo.ReadyExample, "--lang", "fr", "--out", Out);

        Assert.True(result.ExitCode == 0, result.ToString());
        var cells = Cells(Path.Combine(Out, "self-assessment.xlsx"), "Auto-évaluation");
        Assert.Equal("Compétences vente au détail AWS — Liste de contrôle de validation des partenaires consultants", cells["A1"]);
        Assert.Equal("Acme Retail Cloud", cells["B3"]);
        Assert.Equal("0010000001AcmeRC", cells["B4"]);
        Assert.Equal("2026-11-26", cells["B5"]);
        Assert.Equal("Alex Martin <alex.martin@acme.example>", cells["B6"]);
        Assert.Equal("Prérequis du programme", cells["A8"]);
        Assert.Equal("Leadership orienté sur la vente au détail", cells["B20"]);
        Assert.Equal("3.2", cells["A20"]);
        Assert.Equal("Étude de cas 1\u00A0: Contoso Stores — Respecté O/N", cells["G9"]);
        Assert.Equal("Liste de contrôle de validation des partenaires", cells["A24"]);
        Assert.Equal("2.13", cells["A42"]);
        Assert.Equal("PCI-DSS – Analyses de vulnérabilité et test de pénétration", cells["B42"]);
        Assert.Equal(("O", "N/A"), (cells["G42"], cells["I42"]));
        var message = MimeMessage.Load(Path.Combine(Out, "submission.eml"));
        Assert.Contains("l'auto-évaluation finalisée d'Acme Retail Cloud", message.TextBody, StringComparison.Ordinal);
    }
}
