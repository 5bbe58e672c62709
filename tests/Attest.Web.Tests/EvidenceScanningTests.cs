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
        var failing = scan.FindingsFor("network.tf").Where(f => f.Outcome == FindingOutcome.Fail && f.Topic is "network-segmentation" or "public-exposure").ToList();
        Assert.NotEmpty(failing);
        Assert.All(failing, f => Assert.Equal(("network.tf", "aws_security_group.admin", "terraform"), (f.File, f.Resource, f.Framework)));
    }

    [Fact]
    public void A_template_is_recognised_by_its_content_whatever_its_name()
    {
        var scan = Scan(Encoding.UTF8.GetBytes("AWSTemplateFormatVersion: '2010-09-09'\nResources:\n  Db:\n    Type: AWS::RDS::DBInstance\n    Properties:\n      Engine: postgres\n      StorageEncrypted: false\n"));

        Assert.True(scan.IsCode);
        Assert.Contains(scan.FindingsFor("notes.txt"), f => f is { Topic: "encryption-at-rest", Outcome: FindingOutcome.Fail, Resource: "Db", File: "notes.txt" });
    }

    [Fact]
    public void An_uploaded_prowler_report_gives_prowlers_findings_under_the_uploads_name()
    {
        var report = """
            [
              {
                "metadata": { "event_code": "iam_root_mfa_enabled", "product": { "name": "Prowler", "vendor_name": "Prowler" } },
                "status_code": "FAIL",
                "severity": "Critical",
                "finding_info": { "title": "Ensure MFA is enabled for the root account" },
                "resources": [ { "type": "AwsIamUser", "uid": "arn:aws:iam::111122223333:root", "region": "us-east-1" } ],
                "cloud": { "account": { "uid": "111122223333" }, "region": "us-east-1", "provider": "aws" }
              }
            ]
            """;
        var scan = Scan(Encoding.UTF8.GetBytes(report));

        Assert.True(scan.IsCode);
        var finding = Assert.Single(scan.FindingsFor("prowler.json"));
        Assert.Equal(("prowler:iam_root_mfa_enabled", "root-usage", FindingOutcome.Fail, "prowler", "prowler.json"), (finding.RuleId, finding.Topic, finding.Outcome, finding.Framework, finding.File));
        Assert.Contains("account 111122223333", finding.How, StringComparison.Ordinal);
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
        Assert.Contains(findings, f => f.Outcome == FindingOutcome.Fail && f.Topic is "network-segmentation" or "public-exposure" && f.Resource.StartsWith("module.edge.", StringComparison.Ordinal) && f.File.StartsWith("bundle.zip/infra/modules/edge/", StringComparison.Ordinal));
        Assert.Contains(findings, f => f is { Topic: "encryption-at-rest", Outcome: FindingOutcome.Fail, Resource: "Db", File: "bundle.zip/templates/db.yaml" });
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
    public void An_uploaded_zip_gives_the_findings_and_inventory_the_command_line_gets_from_the_same_folder()
    {
        (string Name, string Text)[] files =
        [
            ("infra/main.tf", OpenSsh),
            ("templates/db.yaml", "Resources:\n  Db:\n    Type: AWS::RDS::DBInstance\n    Properties:\n      Engine: postgres\n      StorageEncrypted: false\n  Assets:\n    Type: AWS::S3::Bucket\n"),
            ("iam/admin.json", """{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"*","Resource":"*"}]}"""),
        ];
        var folder = Directory.CreateTempSubdirectory("attest-web-scan-");
        try
        {
            foreach (var (name, text) in files)
            {
                Directory.CreateDirectory(Path.GetDirectoryName(Path.Combine(folder.FullName, name))!);
                File.WriteAllText(Path.Combine(folder.FullName, name), text);
            }

            // The command line hands a folder to the scanner; the web, the uploaded archive
            var cli = Attest.Evidence.Scanning.EvidenceAnalyzer.Analyze(Attest.Evidence.Scanning.EvidenceSource.Folder(folder.FullName, "bundle.zip"));
            var web = Scan(Zip(files));
            static string Describe(EvidenceFinding f) => $"{f.RuleId}|{f.Topic}|{f.Outcome}|{f.Resource}|{f.File}:{f.Line}:{f.Column}|{f.Message.In(Attest.Core.Text.Language.En)}|{f.Source}|{f.How}";
            Assert.NotEmpty(cli.Findings);
            Assert.Equal(cli.Findings.Select(Describe).Order(StringComparer.Ordinal), web.FindingsFor("bundle.zip").Select(Describe).Order(StringComparer.Ordinal));
            Assert.Equal(cli.Summary.Inventory.Entries, web.InventoryFor("bundle.zip").Entries);
            Assert.Equal(1, web.InventoryFor("bundle.zip").Of("amazon-s3")!.Resources);
        }
        finally
        {
            folder.Delete(recursive: true);
        }
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

    private const string Account = "111122223333";

    // A CloudTrail record: a role's call, or the root user's when root is set
    internal static string TrailEvent(string time, string name, bool root = false, bool readOnly = false)
    {
        var identity = root
            ? $$"""{"type":"Root","principalId":"{{Account}}","arn":"arn:aws:iam::{{Account}}:root","accountId":"{{Account}}"}"""
            : """{"type":"AssumedRole","principalId":"AROAEXAMPLE:ci","arn":"arn:aws:sts::""" + Account + """:assumed-role/deploy-pipeline/ci","accountId":""" + "\"" + Account + "\"" + ""","sessionContext":{"sessionIssuer":{"type":"Role","arn":"arn:aws:iam::""" + Account + """:role/deploy-pipeline","userName":"deploy-pipeline"}}}""";
        var source = root ? "iam.amazonaws.com" : "ec2.amazonaws.com";
        return "{\"eventVersion\":\"1.08\",\"userIdentity\":" + identity
            + $$""","eventTime":"{{time}}","eventSource":"{{source}}","eventName":"{{name}}","awsRegion":"us-east-1","sourceIPAddress":"203.0.113.9","readOnly":{{(readOnly ? "true" : "false")}},"eventType":"AwsApiCall","recipientAccountId":"{{Account}}"}""";
    }

    internal static byte[] TrailLog(params string[] events) => Encoding.UTF8.GetBytes("{\"Records\":[" + string.Join(",", events) + "]}");

    internal static byte[] Gzip(byte[] content)
    {
        using var stream = new MemoryStream();
        using (var gzip = new GZipStream(stream, CompressionLevel.Fastest, leaveOpen: true))
        {
            gzip.Write(content);
        }

        return stream.ToArray();
    }

    [Fact]
    public void A_gzipped_cloudtrail_log_with_root_use_after_setup_fails_VAL_2_8()
    {
        var log = Gzip(TrailLog(
            TrailEvent("2026-01-01T09:00:00Z", "CreateVpc"),
            TrailEvent("2026-01-01T09:30:00Z", "CreateUser", root: true),
            TrailEvent("2026-03-02T11:15:00Z", "DeleteTrail", root: true),
            TrailEvent("2026-03-03T08:00:00Z", "DescribeInstances", readOnly: true)));
        var scan = Scan(log);

        Assert.True(scan.IsCode);
        var verdict = Assert.Single(scan.FindingsFor("trail.json.gz"), f => f.Topic == "root-usage" && f.Outcome == FindingOutcome.Fail);
        Assert.Equal(Severity.High, verdict.Severity);
        Assert.Contains("DeleteTrail", verdict.Message.In(Attest.Core.Text.Language.En), StringComparison.Ordinal);
        Assert.Equal("trail.json.gz", verdict.File);
    }

    [Fact]
    public void Logs_in_an_archive_are_judged_together_so_the_setup_window_is_the_first_day_over_all_of_them()
    {
        var zip = Zip(
            ("AWSLogs/111122223333/CloudTrail/us-east-1/2026/01/01/a.json", Encoding.UTF8.GetString(TrailLog(TrailEvent("2026-01-01T09:00:00Z", "CreateVpc"), TrailEvent("2026-01-01T10:00:00Z", "CreateUser", root: true)))),
            ("AWSLogs/111122223333/CloudTrail/us-east-1/2026/02/01/b.json", Encoding.UTF8.GetString(TrailLog(TrailEvent("2026-02-01T09:00:00Z", "RunInstances")))));
        var scan = Scan(zip);

        // Root only on the first day: the setup window, so no use after it
        Assert.Contains(scan.FindingsFor("logs.zip"), f => f is { Topic: "root-usage", Outcome: FindingOutcome.Pass });
        Assert.DoesNotContain(scan.FindingsFor("logs.zip"), f => f is { Topic: "root-usage", Outcome: FindingOutcome.Fail });
    }

    [Fact]
    public void An_iam_policy_file_is_judged_for_least_privilege_and_its_near_miss_is_not()
    {
        var admin = Scan(Encoding.UTF8.GetBytes("""{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"*","Resource":"*"}]}"""));
        Assert.True(admin.IsCode);
        Assert.Contains(admin.FindingsFor("admin-policy.json"), f => f is { Topic: "least-privilege", Outcome: FindingOutcome.Fail, File: "admin-policy.json" });

        var narrow = Scan(Encoding.UTF8.GetBytes("""{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"s3:GetObject","Resource":"arn:aws:s3:::reports/*"}]}"""));
        Assert.DoesNotContain(narrow.FindingsFor("reader.json"), f => f is { Topic: "least-privilege" or "privilege-escalation" or "trust-policy" or "resource-policy-access", Outcome: FindingOutcome.Fail });
        Assert.Contains(narrow.FindingsFor("reader.json"), f => f is { Topic: "least-privilege", Outcome: FindingOutcome.Pass });
    }

    [Fact]
    public void A_gzip_that_is_not_cloudtrail_is_not_evidence_for_the_analyzers()
    {
        Assert.False(Scan(Gzip(Encoding.UTF8.GetBytes("just some compressed notes"))).IsCode);
    }
}
