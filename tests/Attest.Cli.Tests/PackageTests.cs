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
            ["files/iac/contoso/storefront.yaml", "files/iac/fabrikam/main.tf", "files/iac/litware/platform.yaml", "files/iac/northwind/basket.yaml", "files/iac/tailspin/markdown.yaml"],
            files.Keys.Order(StringComparer.Ordinal));
        var contoso = files["files/iac/contoso/storefront.yaml"];
        Assert.Equal(["contoso"], contoso.GetProperty("caseStudies").EnumerateArray().Select(e => e.GetString()));
        Assert.Equal(["VAL-2.2", "VAL-2.7", "VAL-2.10", "VAL-2.11"], contoso.GetProperty("items").EnumerateArray().Select(e => e.GetString()));
        Assert.Empty(files["files/iac/litware/platform.yaml"].GetProperty("caseStudies").EnumerateArray());

        var verify = CliRun.Run("bundle", "verify", Bundle);
        Assert.True(verify.ExitCode == 0, verify.ToString());
        Assert.StartsWith("intact: 7 file(s)", verify.Out, StringComparison.Ordinal);
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
            .Replace("evidence: [iac/contoso/]", "evidence: [diagrams/, https://acme.example/retail/contoso, ../outside.txt]", StringComparison.Ordinal)
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

        Assert.Equal($"attest: {Bundle}: manifest.json: $.documents[0].size: attendu : un nombre entier d'octets, 0 ou plus", message);
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
            .Replace("evidence: [iac/contoso/]", "evidence: [links/secret.txt, elsewhere/secret.txt, links/, docs/]", StringComparison.Ordinal);
        var path = temp.Write("app/application.yaml", application);

        var result = CliRun.Run("package", path, "--out", Out, "--lang", "en");

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Contains("! missing: links/secret.txt (contoso): reached through a symbolic link", result.Out, StringComparison.Ordinal);
        Assert.Contains("! missing: elsewhere/secret.txt (contoso): reached through a symbolic link", result.Out, StringComparison.Ordinal);
        var names = Manifest(Bundle).GetProperty("files").EnumerateArray().Select(f => f.GetProperty("name").GetString()!).ToArray();
        Assert.Equal(["docs/real.md"], names);
    }
}
