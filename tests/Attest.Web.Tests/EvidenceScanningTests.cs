using System.IO.Compression;
using System.Text;
using Attest.Core.Findings;
using Attest.Web.Infrastructure;

namespace Attest.Web.Tests;

/// <summary>What the scanner reads in an uploaded file: templates, plans, single Terraform files, ZIPs within limits.</summary>
public sealed class EvidenceScanningTests
{
    private const string OpenSsh = """
        resource "aws_security_group" "admin" {
          name = "admin"
          ingress {
            from_port   = 22
            to_port     = 22
            protocol    = "tcp"
            cidr_blocks = ["0.0.0.0/0"]
          }
        }
        """;

    private static EvidenceScan Scan(byte[] content)
    {
        using var stream = new MemoryStream(content);
        return IacEvidence.Scan(stream);
    }

    private static byte[] Zip(params (string Name, string Text)[] entries)
    {
        using var stream = new MemoryStream();
        using (var archive = new ZipArchive(stream, ZipArchiveMode.Create, leaveOpen: true))
        {
            foreach (var (name, text) in entries)
            {
                using var writer = new StreamWriter(archive.CreateEntry(name).Open());
                writer.Write(text);
            }
        }

        return stream.ToArray();
    }

    [Fact]
    public void A_single_terraform_file_is_scanned_as_a_one_file_module_and_located_by_the_pieces_name()
    {
        var scan = Scan(Encoding.UTF8.GetBytes(OpenSsh));

        Assert.True(scan.IsCode);
        var failing = scan.FindingsFor("network.tf").Where(f => f.Outcome == FindingOutcome.Fail && f.Item == "VAL-2.12").ToList();
        Assert.NotEmpty(failing);
        Assert.All(failing, f => Assert.Equal(("network.tf", "aws_security_group.admin", "terraform"), (f.File, f.Resource, f.Framework)));
    }

    [Fact]
    public void A_template_is_recognised_by_its_content_whatever_its_name()
    {
        var scan = Scan(Encoding.UTF8.GetBytes("AWSTemplateFormatVersion: '2010-09-09'\nResources:\n  Db:\n    Type: AWS::RDS::DBInstance\n    Properties:\n      Engine: postgres\n      StorageEncrypted: false\n"));

        Assert.True(scan.IsCode);
        Assert.Contains(scan.FindingsFor("notes.txt"), f => f is { Item: "VAL-2.11", Outcome: FindingOutcome.Fail, Resource: "Db", File: "notes.txt" });
    }

    [Fact]
    public void Text_that_is_not_code_and_binary_files_are_not_code()
    {
        Assert.False(Scan(Encoding.UTF8.GetBytes("Meeting notes: the DR test went well.\n")).IsCode);
        Assert.False(Scan([0x25, 0x50, 0x44, 0x46, 0x2D, 0xFF, 0xFE, 0x00]).IsCode);
    }

    [Fact]
    public void A_zip_is_read_in_memory_with_its_local_modules_and_entries_leaving_it_are_skipped()
    {
        var zip = Zip(
            ("infra/main.tf", "module \"edge\" {\n  source = \"./modules/edge\"\n}\n"),
            ("infra/modules/edge/main.tf", OpenSsh),
            ("templates/db.yaml", "Resources:\n  Db:\n    Type: AWS::RDS::DBInstance\n    Properties:\n      StorageEncrypted: false\n"),
            ("docs/readme.md", "not scanned"),
            ("../outside.tf", OpenSsh),
            ("/etc/absolute.tf", OpenSsh));

        var scan = Scan(zip);

        Assert.True(scan.IsCode);
        var findings = scan.FindingsFor("bundle.zip").ToList();
        Assert.Contains(findings, f => f.Outcome == FindingOutcome.Fail && f.Item == "VAL-2.12" && f.Resource.StartsWith("module.edge.", StringComparison.Ordinal) && f.File.StartsWith("bundle.zip/infra/modules/edge/", StringComparison.Ordinal));
        Assert.Contains(findings, f => f is { Item: "VAL-2.11", Outcome: FindingOutcome.Fail, Resource: "Db", File: "bundle.zip/templates/db.yaml" });
        Assert.DoesNotContain(findings, f => f.File.Contains("outside", StringComparison.Ordinal) || f.File.Contains("absolute", StringComparison.Ordinal));
        var problems = scan.ProblemsFor("bundle.zip").ToList();
        Assert.Equal(2, problems.Count(p => p.Contains("leaves the archive", StringComparison.Ordinal)));
    }

    [Fact]
    public void A_zip_entry_larger_than_its_header_says_or_than_the_limit_is_not_read_whole()
    {
        var big = new string(' ', (int)IacEvidence.MaxTextBytes + 10);
        var scan = Scan(Zip(("main.tf", OpenSsh), ("huge.tf", big)));

        Assert.Contains(scan.ProblemsFor("b.zip"), p => p.Contains("too large to scan", StringComparison.Ordinal));
        Assert.True(scan.IsCode);
    }

    [Fact]
    public void A_broken_zip_is_a_problem_not_a_crash()
    {
        var zip = Zip(("main.tf", OpenSsh));
        var broken = zip[..(zip.Length / 2)];

        var scan = Scan(broken);

        Assert.Empty(scan.Findings);
        Assert.NotEmpty(scan.Problems);
    }
}
