using System.Text.Json;
using Attest.Cli.Tests.Support;

namespace Attest.Cli.Tests;

/// <summary>Rules speak topics; scan results and the rule list name the items of the checklist being judged through the catalog.</summary>
public sealed class TopicTests : IDisposable
{
    private readonly TempFolder temp = new();

    private static string Examples => Path.Combine(Path.GetDirectoryName(Repo.ReadyExample)!, "iac");

    public void Dispose() => temp.Dispose();

    private static List<JsonElement> Results(string output)
    {
        using var json = JsonDocument.Parse(output);
        return [.. json.RootElement.GetProperty("results").EnumerateArray().Select(r => r.Clone())];
    }

    [Fact]
    public void Scan_results_carry_their_topic_and_the_item_it_feeds_in_json_and_sarif()
    {
        var litware = Path.Combine(Examples, "litware");
        var publicAcl = Results(CliRun.Run("scan", litware, "--format", "json").Out).Single(r => r.GetProperty("rule").GetString() == "s3-no-public-acl");
        Assert.Equal(("s3-public-access", "VAL-2.10"), (publicAcl.GetProperty("topic").GetString(), publicAcl.GetProperty("item").GetString()));

        using var sarif = JsonDocument.Parse(CliRun.Run("scan", litware, "--format", "sarif").Out);
        var run = sarif.RootElement.GetProperty("runs")[0];
        var result = run.GetProperty("results").EnumerateArray().First(r => r.GetProperty("ruleId").GetString() == "s3-no-public-acl");
        Assert.Equal("s3-public-access", result.GetProperty("properties").GetProperty("topic").GetString());
        Assert.Equal("VAL-2.10", result.GetProperty("properties").GetProperty("item").GetString());
        var rule = run.GetProperty("tool").GetProperty("driver").GetProperty("rules").EnumerateArray().Single(r => r.GetProperty("id").GetString() == "s3-no-public-acl");
        Assert.Equal("s3-public-access", rule.GetProperty("properties").GetProperty("topic").GetString());

        var text = CliRun.Run("scan", litware).Out;
        Assert.Contains("VAL-2.10 (s3-public-access", text, StringComparison.Ordinal);
    }

    [Fact]
    public void Topic_and_item_filters_select_the_rules()
    {
        var byTopic = Results(CliRun.Run("scan", Examples, "--format", "json", "--topic", "key-rotation").Out);
        Assert.NotEmpty(byTopic);
        Assert.All(byTopic, r => Assert.Equal("key-rotation", r.GetProperty("topic").GetString()));

        var byItem = Results(CliRun.Run("scan", Examples, "--format", "json", "--item", "VAL-2.10").Out);
        Assert.Equal(["s3-public-access", "s3-public-alert"], byItem.Select(r => r.GetProperty("topic").GetString()).Distinct().Order(StringComparer.Ordinal));

        var unknownTopic = CliRun.Run("scan", Examples, "--topic", "s3-everything");
        Assert.Equal(2, unknownTopic.ExitCode);
        Assert.Contains("unknown topic 's3-everything'", unknownTopic.Err, StringComparison.Ordinal);
        var unknownItem = CliRun.Run("scan", Examples, "--item", "VAL-9.9");
        Assert.Equal(2, unknownItem.ExitCode);
        Assert.Contains("unknown item 'VAL-9.9'", unknownItem.Err, StringComparison.Ordinal);
    }

    [Fact]
    public void Rules_json_gives_each_rule_its_topic_and_the_items_it_feeds()
    {
        using var json = JsonDocument.Parse(CliRun.Run("rules", "--format", "json").Out);
        var rules = json.RootElement.GetProperty("rules").EnumerateArray().ToDictionary(r => r.GetProperty("id").GetString()!, r => r.Clone());
        Assert.Equal("root-usage", rules["cloudtrail-root-after-setup"].GetProperty("topic").GetString());
        Assert.Equal("VAL-2.8", rules["cloudtrail-root-after-setup"].GetProperty("item").GetString());
        Assert.Equal(["VAL-2.10"], rules["s3-policy-no-wildcard-principal"].GetProperty("items").EnumerateArray().Select(i => i.GetString()));
        foreach (var rule in rules.Values)
        {
            Assert.Matches("^[a-z0-9]+(-[a-z0-9]+)*$", rule.GetProperty("topic").GetString());
            Assert.Equal(rule.GetProperty("item").GetString(), rule.GetProperty("items")[0].GetString());
        }
    }

    [Fact]
    public void Another_checklist_numbering_gets_the_same_findings_under_its_own_items()
    {
        var catalog = File.ReadAllText(Repo.RetailCatalogFile)
            .Replace("id: aws-retail-consulting-2019-12", "id: other-checklist", StringComparison.Ordinal)
            .Replace("- id: VAL-2.10", "- id: SEC-7", StringComparison.Ordinal);
        temp.Write("catalogs/other.yaml", catalog);
        var litware = Path.Combine(Examples, "litware");

        var publicAcl = Results(CliRun.Run("scan", litware, "--format", "json", "--catalogs", temp.Combine("catalogs"), "--checklist", "other-checklist").Out)
            .Single(r => r.GetProperty("rule").GetString() == "s3-no-public-acl");
        Assert.Equal("SEC-7", publicAcl.GetProperty("item").GetString());
        Assert.Equal(2, CliRun.Run("rules", "--checklist", "no-such-checklist").ExitCode);
    }

    [Fact]
    public void Check_applies_S3_access_control_to_a_case_study_whose_code_defines_buckets()
    {
        foreach (var file in Directory.GetFiles(Examples, "*", SearchOption.AllDirectories))
        {
            temp.WriteBytes(Path.Combine("iac", Path.GetRelativePath(Examples, file)), File.ReadAllBytes(file));
        }

        // Contoso no longer types Amazon S3 among its services; its attached code still defines a bucket, now a public one too
        var application = File.ReadAllText(Repo.ReadyExample).Replace("awsServices: [Amazon Kinesis Data Streams, AWS Lambda, Amazon S3, Amazon SageMaker]", "awsServices: [Amazon Kinesis Data Streams, AWS Lambda]", StringComparison.Ordinal);
        temp.Write("iac/contoso/public.yaml", "Resources:\n  Shared:\n    Type: AWS::S3::Bucket\n    Properties:\n      AccessControl: PublicReadWrite\n");
        var path = temp.Write("ready.yaml", application);

        using var json = JsonDocument.Parse(CliRun.Run("check", path, "--format", "json").Out);
        var item = json.RootElement.GetProperty("items").EnumerateArray().Single(i => i.GetProperty("id").GetString() == "VAL-2.10");
        var contoso = item.GetProperty("caseStudies").EnumerateArray().Single(c => c.GetProperty("key").GetString() == "contoso");
        Assert.Equal("not-met", contoso.GetProperty("status").GetString());
        Assert.StartsWith("Its attached code defines 2 S3 buckets (iac/contoso/public.yaml, iac/contoso/storefront.yaml).", contoso.GetProperty("reason").GetString(), StringComparison.Ordinal);
        Assert.Contains("Shared", contoso.GetProperty("reason").GetString(), StringComparison.Ordinal);
        Assert.Equal("validation", item.GetProperty("part").GetString());
    }
}
