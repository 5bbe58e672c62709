using System.IO.Compression;
using System.Text;
using System.Text.RegularExpressions;
using Attest.Core.Findings;
using Attest.Core.Text;
using Attest.Evidence.CloudTrail;
using Attest.Evidence.Rules;
using Attest.Evidence.Scanning;

namespace Attest.Evidence.Tests.Scanning;

/// <summary>The one scanner: what a file is, decided by its content, the same whether it comes from a folder, a ZIP or one upload.</summary>
public sealed partial class EvidenceAnalyzerTests : IDisposable
{
    private const string Template = """
        AWSTemplateFormatVersion: '2010-09-09'
        Resources:
          Open:
            Type: AWS::S3::Bucket
            Properties:
              AccessControl: PublicReadWrite
          Logs:
            Type: AWS::S3::Bucket
          Db:
            Type: AWS::RDS::DBInstance
            Properties:
              Engine: postgres
              StorageEncrypted: false
        """;

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

        module "store" {
          source = "./modules/store"
          name   = "orders"
        }
        """;

    private const string Store = """
        variable "name" {}
        resource "aws_s3_bucket" "this" {
          bucket = var.name
        }
        """;

    private const string Plan = """
        {"format_version":"1.2","terraform_version":"1.9.0","planned_values":{"root_module":{"resources":[
          {"address":"aws_db_instance.db","mode":"managed","type":"aws_db_instance","name":"db","values":{"engine":"postgres","storage_encrypted":false,"publicly_accessible":true}}
        ]}}}
        """;

    private const string Policy = """{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"*","Resource":"*"}]}""";

    private const string Root = """{"Records":[{"eventVersion":"1.08","userIdentity":{"type":"Root","principalId":"111122223333","arn":"arn:aws:iam::111122223333:root","accountId":"111122223333"},"eventTime":"2026-02-01T08:00:00Z","eventSource":"iam.amazonaws.com","eventName":"CreateUser","awsRegion":"us-east-1","sourceIPAddress":"203.0.113.9","readOnly":false,"eventType":"AwsApiCall","recipientAccountId":"111122223333"},{"eventVersion":"1.08","userIdentity":{"type":"Root","principalId":"111122223333","arn":"arn:aws:iam::111122223333:root","accountId":"111122223333"},"eventTime":"2026-02-09T08:00:00Z","eventSource":"ec2.amazonaws.com","eventName":"StopInstances","awsRegion":"us-east-1","sourceIPAddress":"203.0.113.9","readOnly":false,"eventType":"AwsApiCall","recipientAccountId":"111122223333"}]}""";

    private readonly DirectoryInfo folder = Directory.CreateTempSubdirectory("attest-scan-");

    public void Dispose() => folder.Delete(recursive: true);

    private string Write(string name, byte[] content)
    {
        var path = Path.Combine(folder.FullName, name);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllBytes(path, content);
        return path;
    }

    private string Write(string name, string text) => Write(name, Encoding.UTF8.GetBytes(text));

    private static byte[] Gzip(string text)
    {
        using var stream = new MemoryStream();
        using (var gzip = new GZipStream(stream, CompressionLevel.Fastest, leaveOpen: true))
        {
            gzip.Write(Encoding.UTF8.GetBytes(text));
        }

        return stream.ToArray();
    }

    private static byte[] Zip(params (string Name, byte[] Content)[] entries)
    {
        using var stream = new MemoryStream();
        using (var archive = new ZipArchive(stream, ZipArchiveMode.Create, leaveOpen: true))
        {
            foreach (var (name, content) in entries)
            {
                using var entry = archive.CreateEntry(name).Open();
                entry.Write(content);
            }
        }

        return stream.ToArray();
    }

    private static EvidenceAnalysis Upload(string name, byte[] content) => EvidenceAnalyzer.Analyze(EvidenceSource.Upload(name, content.Length, () => new MemoryStream(content)));

    // Everything a finding says, in both languages, so that findings from different sources compare as values
    private static List<string> Described(EvidenceAnalysis analysis) =>
        [.. analysis.Findings.Select(f => $"{f.RuleId}|{f.Topic}|{f.Outcome}|{f.Severity}|{f.Resource}|{f.ResourceType}|{f.File}:{f.Line}:{f.Column}|{f.Message.In(Language.En)}|{f.Message.In(Language.Fr)}|{f.Source}|{f.How}|{f.Framework}").Order(StringComparer.Ordinal)];

    private static (string Name, byte[] Content)[] Evidence =>
    [
        ("templates/store.yaml", Encoding.UTF8.GetBytes(Template)),
        ("infra/main.tf", Encoding.UTF8.GetBytes(OpenSsh)),
        ("infra/modules/store/main.tf", Encoding.UTF8.GetBytes(Store)),
        ("plans/prod.txt", Encoding.UTF8.GetBytes(Plan)),
        ("iam/admin.json", Encoding.UTF8.GetBytes(Policy)),
        ("logs/111122223333_CloudTrail_us-east-1_20260201.json.gz", Gzip(Root)),
        ("README.md", Encoding.UTF8.GetBytes("# Notes\n\nresource \"aws_s3_bucket\" \"x\" {}\n")),
    ];

    [Fact]
    public void The_same_files_give_the_same_findings_from_a_folder_a_zip_and_single_uploads()
    {
        foreach (var (name, content) in Evidence)
        {
            Write(Path.Combine("evidence", name), content);
        }

        var fromFolder = EvidenceAnalyzer.Analyze(EvidenceSource.Folder(Path.Combine(folder.FullName, "evidence"), "evidence"));
        var fromZip = Upload("evidence", Zip(Evidence));
        Assert.NotEmpty(fromFolder.Findings);
        Assert.Equal(Described(fromFolder), Described(fromZip));
        Assert.Equal(fromFolder.Summary.Inventory.Entries, fromZip.Summary.Inventory.Entries);
        Assert.Equal(
            fromFolder.Summary.Kinds.OrderBy(k => k.Key, StringComparer.Ordinal),
            fromZip.Summary.Kinds.Where(k => k.Key != EvidenceKinds.Archive).OrderBy(k => k.Key, StringComparer.Ordinal));

        // A single file uploaded alone gives what it gave inside the tree
        foreach (var single in new[] { "templates/store.yaml", "plans/prod.txt", "iam/admin.json" })
        {
            var content = Evidence.Single(e => e.Name == single).Content;
            var alone = Described(Upload("evidence/" + single, content));
            Assert.NotEmpty(alone);
            Assert.All(alone, f => Assert.Contains(f, Described(fromFolder)));
        }
    }

    [Fact]
    public void Kinds_are_told_by_content()
    {
        foreach (var (name, content) in Evidence)
        {
            Write(name, content);
        }

        var analysis = EvidenceAnalyzer.Analyze(EvidenceSource.Folder(folder.FullName, "x"));
        Assert.Equal(1, analysis.Summary.Kinds[EvidenceKinds.CloudFormation]);
        Assert.Equal(1, analysis.Summary.Kinds[EvidenceKinds.TerraformModule]);
        Assert.Equal(1, analysis.Summary.Kinds[EvidenceKinds.TerraformPlan]);
        Assert.Equal(1, analysis.Summary.Kinds[EvidenceKinds.IamPolicy]);
        Assert.Equal(1, analysis.Summary.Kinds[EvidenceKinds.CloudTrail]);
        Assert.NotNull(analysis.Trail);
        Assert.Empty(analysis.Problems);

        // The child module is read through its caller, with its input; the README is not Terraform
        Assert.Contains(analysis.Findings, f => f.Resource == "module.store.aws_s3_bucket.this[0]" || f.Resource == "module.store.aws_s3_bucket.this");
        Assert.DoesNotContain(analysis.Findings, f => f.File.EndsWith("README.md", StringComparison.Ordinal));
    }

    [Fact]
    public void A_plan_named_txt_is_a_plan()
    {
        Write("plan.txt", Plan);
        var analysis = EvidenceAnalyzer.Analyze(EvidenceSource.Folder(folder.FullName, "f"));
        Assert.Equal(1, analysis.Summary.Kinds[EvidenceKinds.TerraformPlan]);
        Assert.Contains(analysis.Findings, f => f is { RuleId: "rds-storage-encrypted", Outcome: FindingOutcome.Fail, File: "f/plan.txt", Source: "plan" });
    }

    [Fact]
    public void A_gzipped_trail_without_gz_is_read_by_its_magic_bytes()
    {
        Write("exports/trail-february", Gzip(Root));
        var analysis = EvidenceAnalyzer.Analyze(EvidenceSource.Folder(folder.FullName, "f"));
        Assert.Equal(1, analysis.Summary.Kinds[EvidenceKinds.CloudTrail]);
        Assert.Contains(analysis.Findings, f => f is { RuleId: TrailRules.RootAfterSetup, Outcome: FindingOutcome.Fail, Topic: "root-usage" });
    }

    [Fact]
    public void A_zip_with_a_template_and_a_trail_gives_both()
    {
        Write("bundle.bin", Zip(("stack/template.json", Encoding.UTF8.GetBytes("""{"Resources":{"B":{"Type":"AWS::S3::Bucket","Properties":{"AccessControl":"PublicRead"}}}}""")), ("logs/a.json", Encoding.UTF8.GetBytes(Root))));
        var analysis = EvidenceAnalyzer.Analyze(EvidenceSource.Folder(folder.FullName, "f"));
        Assert.Equal(1, analysis.Summary.Kinds[EvidenceKinds.Archive]);
        Assert.Equal(1, analysis.Summary.Kinds[EvidenceKinds.CloudFormation]);
        Assert.Equal(1, analysis.Summary.Kinds[EvidenceKinds.CloudTrail]);
        Assert.Contains(analysis.Findings, f => f is { RuleId: "s3-no-public-acl", Outcome: FindingOutcome.Fail, File: "f/bundle.bin/stack/template.json" });
        Assert.Contains(analysis.Findings, f => f is { RuleId: TrailRules.RootAfterSetup, Outcome: FindingOutcome.Fail });
    }

    [Fact]
    public void Bin_obj_and_tool_folders_are_skipped_on_disk_and_in_archives()
    {
        foreach (var skipped in new[] { "bin/Release", "obj", ".terraform/modules", "node_modules/x", ".git" })
        {
            Write($"{skipped}/template.yaml", Template);
        }

        Write("app/template.yaml", Template);
        var analysis = EvidenceAnalyzer.Analyze(EvidenceSource.Folder(folder.FullName, "f"));
        Assert.Equal(1, analysis.Summary.Kinds[EvidenceKinds.CloudFormation]);
        Assert.All(analysis.Findings, f => Assert.StartsWith("f/app/", f.File, StringComparison.Ordinal));

        var zipped = Upload("u.zip", Zip(("obj/template.yaml", Encoding.UTF8.GetBytes(Template)), ("bin/t.yaml", Encoding.UTF8.GetBytes(Template)), ("src/t.yaml", Encoding.UTF8.GetBytes(Template))));
        Assert.Equal(1, zipped.Summary.Kinds[EvidenceKinds.CloudFormation]);
        Assert.All(zipped.Findings, f => Assert.StartsWith("u.zip/src/", f.File, StringComparison.Ordinal));
    }

    [Fact]
    public void The_inventory_counts_resources_per_type_and_service()
    {
        var analysis = Upload("template.yaml", Encoding.UTF8.GetBytes(Template));
        var s3 = analysis.Summary.Inventory.Of("amazon-s3")!;
        Assert.Equal(2, s3.Resources);
        Assert.Equal(2, s3.ByResourceType["AWS::S3::Bucket"]);
        Assert.Equal(["template.yaml"], s3.Files);
        Assert.Equal(1, analysis.Summary.Inventory.Of("amazon-rds")!.Resources);
        Assert.Null(analysis.Summary.Inventory.Of("amazon-dynamodb"));
    }

    [Fact]
    public void Hostile_archives_are_read_problems_not_crashes()
    {
        var traversal = Upload("t.zip", Zip(("../escape.yaml", Encoding.UTF8.GetBytes(Template)), ("ok/t.yaml", Encoding.UTF8.GetBytes(Template))));
        Assert.Contains(traversal.Problems, p => p.Message.Contains("leaves the archive", StringComparison.Ordinal));
        Assert.Equal(1, traversal.Summary.Kinds[EvidenceKinds.CloudFormation]);

        var bomb = Upload("b.zip", Zip(("big.yaml", new byte[20 * 1024 * 1024])));
        Assert.Contains(bomb.Problems, p => p.Message.Contains("too large to scan", StringComparison.Ordinal));

        var zip = Zip(("t.yaml", Encoding.UTF8.GetBytes(Template)));
        var broken = Upload("x.zip", zip[..(zip.Length / 2)]);
        Assert.Empty(broken.Findings);
        Assert.NotEmpty(broken.Problems);
    }

    [Fact]
    public void A_named_file_that_is_not_evidence_says_so_and_a_folder_stays_silent()
    {
        var notes = Write("notes.yaml", "title: not a template\n");
        Assert.Contains(EvidenceAnalyzer.Analyze(EvidenceSource.File(notes, "notes.yaml")).Problems, p => p.Message.Contains("not a CloudFormation template", StringComparison.Ordinal));
        Assert.Empty(EvidenceAnalyzer.Analyze(EvidenceSource.Folder(folder.FullName, "f")).Problems);
        Assert.False(EvidenceAnalyzer.Analyze(EvidenceSource.Folder(folder.FullName, "f")).Summary.HasEvidence);
    }

    [Fact]
    public void Topics_select_the_rules()
    {
        var content = Encoding.UTF8.GetBytes(Template);
        var analysis = EvidenceAnalyzer.Analyze(EvidenceSource.Upload("t.yaml", content.Length, () => new MemoryStream(content)), new ScanOptions { Topics = t => t == "encryption-at-rest" });
        Assert.NotEmpty(analysis.Findings);
        Assert.All(analysis.Findings, f => Assert.Equal("encryption-at-rest", f.Topic));
    }

    [Fact]
    public void Every_rule_has_one_topic_of_the_vocabulary()
    {
        foreach (var rule in RuleSet.All.Select(r => r.Documentation).Concat(TrailRules.Documentation))
        {
            Assert.True(Topics.IsKnown(rule.Topic), $"{rule.Id}: '{rule.Topic}' is not in docs/topics.md's vocabulary");
        }

        Assert.Matches(@"^\d{4}\.\d+\.\d+$", EvidenceAnalyzer.Version);
    }

    [Fact]
    public void No_checklist_item_id_appears_in_the_evidence_library()
    {
        var source = Path.Combine(Repository(), "src", "Attest.Evidence");
        var places = new List<string>();
        foreach (var file in Directory.EnumerateFiles(source, "*.cs", SearchOption.AllDirectories).Where(f => !f.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}", StringComparison.Ordinal)))
        {
            var lines = File.ReadAllLines(file);
            for (var i = 0; i < lines.Length; i++)
            {
                if (ItemId().Match(lines[i]) is { Success: true } match)
                {
                    places.Add($"{Path.GetRelativePath(source, file)}:{i + 1}:{match.Index + 1}: {match.Value}");
                }
            }
        }

        Assert.True(places.Count == 0, "checklist item ids in Attest.Evidence (rules speak topics; catalogs map them to items):\n" + string.Join("\n", places));
    }

    private static string Repository()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Attest.slnx")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException("the repository root (Attest.slnx) was not found above " + AppContext.BaseDirectory);
    }

    [GeneratedRegex(@"(PRE|VAL)-\d")]
    private static partial Regex ItemId();
}
