using System.Text.Json;
using Attest.Cli.Tests.Support;

namespace Attest.Cli.Tests;

public sealed class ScanTests : IDisposable
{
    private readonly TempFolder temp = new();

    private static string Examples => Path.Combine(Path.GetDirectoryName(Repo.ReadyExample)!, "iac");

    public void Dispose() => temp.Dispose();

    [Fact]
    public void Scan_of_code_with_failures_exits_1_and_of_clean_code_exits_0()
    {
        Assert.Equal(1, CliRun.Run("scan", Path.Combine(Examples, "litware")).ExitCode);
        Assert.Equal(0, CliRun.Run("scan", Path.Combine(Examples, "northwind"), "--fail-on", "medium").ExitCode);
    }

    [Fact]
    public void Scan_json_lists_results_with_the_contract_fields_and_errors()
    {
        var result = CliRun.Run("scan", Path.Combine(Examples, "litware"), "--format", "json");
        using var json = JsonDocument.Parse(result.Out);
        var results = json.RootElement.GetProperty("results").EnumerateArray().ToList();
        Assert.NotEmpty(results);
        foreach (var r in results)
        {
            foreach (var field in new[] { "rule", "topic", "item", "outcome", "resource", "resourceType", "file", "line", "column", "message", "source", "severity" })
            {
                Assert.True(r.TryGetProperty(field, out _), field);
            }

            Assert.Contains(r.GetProperty("outcome").GetString(), new[] { "pass", "fail", "unknown" });
        }

        var publicAcl = results.Single(r => r.GetProperty("rule").GetString() == "s3-no-public-acl");
        Assert.Equal("fail", publicAcl.GetProperty("outcome").GetString());
        Assert.Equal("CustomerData", publicAcl.GetProperty("resource").GetString());
        Assert.Equal("AWS::S3::Bucket", publicAcl.GetProperty("resourceType").GetString());
        Assert.Equal("VAL-2.10", publicAcl.GetProperty("item").GetString());
        Assert.Equal(13, publicAcl.GetProperty("line").GetInt32());
        Assert.Equal(JsonValueKind.Array, json.RootElement.GetProperty("errors").ValueKind);
    }

    [Fact]
    public void Scan_reports_the_parameter_default_that_opens_a_port()
    {
        var result = CliRun.Run("scan", Path.Combine(Examples, "litware"), "--format", "json", "--item", "VAL-2.12");
        using var json = JsonDocument.Parse(result.Out);
        var open = json.RootElement.GetProperty("results").EnumerateArray().Single(r => r.GetProperty("rule").GetString() == "sg-no-public-admin-ports");
        Assert.Equal("fail", open.GetProperty("outcome").GetString());
        Assert.Equal("default", open.GetProperty("source").GetString());
        Assert.Contains("AdminCidr", open.GetProperty("how").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public void Scan_item_filter_keeps_only_that_item()
    {
        var result = CliRun.Run("scan", Examples, "--format", "json", "--item", "VAL-2.11");
        using var json = JsonDocument.Parse(result.Out);
        Assert.All(json.RootElement.GetProperty("results").EnumerateArray(), r => Assert.Equal("VAL-2.11", r.GetProperty("item").GetString()));
    }

    [Fact]
    public void Scan_fail_on_high_ignores_medium_and_low_failures()
    {
        var file = temp.Write("template.yaml", "Resources:\n  Logs:\n    Type: AWS::Logs::LogGroup\n");
        Assert.Equal(1, CliRun.Run("scan", file).ExitCode);
        Assert.Equal(0, CliRun.Run("scan", file, "--fail-on", "high").ExitCode);
    }

    [Fact]
    public void Scan_sarif_is_sarif_2_1_0_with_rules_and_located_failures()
    {
        var result = CliRun.Run("scan", Path.Combine(Examples, "litware"), "--format", "sarif");
        using var sarif = JsonDocument.Parse(result.Out);
        Assert.Equal("2.1.0", sarif.RootElement.GetProperty("version").GetString());
        var run = sarif.RootElement.GetProperty("runs")[0];
        var rules = run.GetProperty("tool").GetProperty("driver").GetProperty("rules").EnumerateArray().ToList();
        Assert.Contains(rules, r => r.GetProperty("id").GetString() == "s3-no-public-acl");
        Assert.All(rules, r => Assert.False(string.IsNullOrEmpty(r.GetProperty("shortDescription").GetProperty("text").GetString())));
        var results = run.GetProperty("results").EnumerateArray().ToList();
        Assert.NotEmpty(results);
        foreach (var r in results)
        {
            var index = r.GetProperty("ruleIndex").GetInt32();
            Assert.Equal(rules[index].GetProperty("id").GetString(), r.GetProperty("ruleId").GetString());
            Assert.Contains(r.GetProperty("level").GetString(), new[] { "error", "warning", "note" });
            var location = r.GetProperty("locations")[0].GetProperty("physicalLocation");
            Assert.DoesNotContain("\\", location.GetProperty("artifactLocation").GetProperty("uri").GetString(), StringComparison.Ordinal);
            Assert.True(location.GetProperty("region").GetProperty("startLine").GetInt32() >= 1);
        }
    }

    [Fact]
    public void Scan_of_an_unparseable_template_reports_an_error_with_its_place_and_does_not_crash()
    {
        var file = temp.Write("broken.yaml", "AWSTemplateFormatVersion: '2010-09-09'\nResources:\n  Bucket:\n    Type: AWS::S3::Bucket\n    Properties: [unclosed\n");
        var result = CliRun.Run("scan", file, "--format", "json");
        using var json = JsonDocument.Parse(result.Out);
        var error = json.RootElement.GetProperty("errors")[0];
        Assert.True(error.GetProperty("line").GetInt32() >= 5, result.Out);
        Assert.Empty(result.Err);
    }

    [Fact]
    public void Scan_skips_files_that_are_not_code_inside_folders()
    {
        temp.Write("notes.yaml", "title: not a template\nitems: [a, b]\n");
        temp.Write("k8s.yaml", "apiVersion: v1\nkind: Service\nmetadata: { name: shop }\n");
        var result = CliRun.Run("scan", temp.Path, "--format", "json");
        using var json = JsonDocument.Parse(result.Out);
        Assert.Equal(0, json.RootElement.GetProperty("results").GetArrayLength());
        Assert.Equal(0, json.RootElement.GetProperty("errors").GetArrayLength());
        Assert.Equal(0, result.ExitCode);
    }

    [Fact]
    public void Scan_of_a_missing_path_exits_2()
    {
        var result = CliRun.Run("scan", temp.Combine("nowhere"));
        Assert.Equal(2, result.ExitCode);
        Assert.Contains("no such file or folder", result.Err, StringComparison.Ordinal);
    }

    [Fact]
    public void Rules_json_documents_every_rule_in_both_languages()
    {
        var result = CliRun.Run("rules", "--format", "json");
        using var json = JsonDocument.Parse(result.Out);
        var rules = json.RootElement.GetProperty("rules").EnumerateArray().ToList();
        Assert.True(rules.Count >= 35);
        Assert.Equal(rules.Count, rules.Select(r => r.GetProperty("id").GetString()).Distinct().Count());
        foreach (var rule in rules)
        {
            Assert.Matches("^(PRE|VAL)-[0-9]+\\.[0-9]+$", rule.GetProperty("item").GetString());
            Assert.Contains(rule.GetProperty("severity").GetString(), new[] { "low", "medium", "high" });
            Assert.NotEqual(rule.GetProperty("en").GetProperty("title").GetString(), rule.GetProperty("fr").GetProperty("title").GetString());
            Assert.False(string.IsNullOrEmpty(rule.GetProperty("fr").GetProperty("fix").GetString()));
            Assert.Equal(JsonValueKind.Array, rule.GetProperty("equivalents").ValueKind);
        }
    }

    [Fact]
    public void Check_folds_the_case_study_code_into_the_items()
    {
        var result = CliRun.Run("check", Repo.NotReadyExample, "--format", "json");
        using var json = JsonDocument.Parse(result.Out);
        var encryption = json.RootElement.GetProperty("items").EnumerateArray().Single(i => i.GetProperty("id").GetString() == "VAL-2.11");
        Assert.Equal("not-met", encryption.GetProperty("status").GetString());
        var litware = encryption.GetProperty("caseStudies").EnumerateArray().Single(c => c.GetProperty("key").GetString() == "litware");
        Assert.Contains("Warehouse (iac/litware/platform.yaml:", litware.GetProperty("reason").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public void Check_warns_about_evidence_paths_that_do_not_exist()
    {
        var file = temp.Write("app.yaml", Repo.MinimalHeader + "caseStudies:\n  - key: a\n    evidence: [iac/missing/, https://example.com/diagram.png]\n");
        var result = CliRun.Run("check", file, "--format", "json");
        using var json = JsonDocument.Parse(result.Out);
        var warning = Assert.Single(json.RootElement.GetProperty("warnings").EnumerateArray());
        Assert.Contains("iac/missing/", warning.GetString(), StringComparison.Ordinal);
    }
}
