using System.Text.Json;
using Attest.Cli.Tests.Support;

namespace Attest.Cli.Tests;

/// <summary><c>attest scan</c> and <c>attest check</c> on IAM policy files, recognised by their content.</summary>
public sealed class PolicyScanTests : IDisposable
{
    private readonly TempFolder temp = new();

    private static string Fixtures => Path.Combine(Repo.Root, "tests", "Attest.Evidence.Tests", "Iam", "Fixtures");

    private static string Check(string name) => Path.Combine(Fixtures, "checks", name);

    public void Dispose() => temp.Dispose();

    private static List<JsonElement> Results(JsonDocument json) => json.RootElement.GetProperty("results").EnumerateArray().ToList();

    [Fact]
    public void A_policy_with_administrator_access_fails_in_text_json_and_sarif()
    {
        var file = temp.Write("admin.json", File.ReadAllText(Check("iam-no-admin.fail.json")));

        var text = CliRun.Run("scan", file);
        Assert.Equal(1, text.ExitCode);
        Assert.Contains("VAL-2.9", text.Out, StringComparison.Ordinal);
        Assert.Contains("admin.json:10:5 admin [iam-no-admin, high]", text.Out, StringComparison.Ordinal);

        using var json = JsonDocument.Parse(CliRun.Run("scan", file, "--format", "json").Out);
        var admin = Results(json).Single(r => r.GetProperty("rule").GetString() == "iam-no-admin");
        Assert.Equal("fail", admin.GetProperty("outcome").GetString());
        Assert.Equal("admin", admin.GetProperty("resource").GetString());
        Assert.Equal("iam-identity-policy", admin.GetProperty("resourceType").GetString());
        Assert.Equal("iam", admin.GetProperty("framework").GetString());
        Assert.Equal("literal", admin.GetProperty("source").GetString());
        Assert.Equal(10, admin.GetProperty("line").GetInt32());
        Assert.Equal(5, admin.GetProperty("column").GetInt32());
        Assert.Contains("\"Finding\"", admin.GetProperty("message").GetString(), StringComparison.Ordinal);

        using var sarif = JsonDocument.Parse(CliRun.Run("scan", file, "--format", "sarif").Out);
        var run = sarif.RootElement.GetProperty("runs")[0];
        var result = run.GetProperty("results").EnumerateArray().Single(r => r.GetProperty("ruleId").GetString() == "iam-no-admin");
        Assert.Equal("error", result.GetProperty("level").GetString());
        Assert.Equal(10, result.GetProperty("locations")[0].GetProperty("physicalLocation").GetProperty("region").GetProperty("startLine").GetInt32());
        Assert.Equal("admin", result.GetProperty("locations")[0].GetProperty("logicalLocations")[0].GetProperty("name").GetString());
    }

    [Fact]
    public void A_clean_policy_exits_0_with_a_pass_for_each_check()
    {
        var result = CliRun.Run("scan", Check("iam-no-admin.pass.json"), "--format", "json");
        Assert.Equal(0, result.ExitCode);
        using var json = JsonDocument.Parse(result.Out);
        var summary = json.RootElement.GetProperty("summary");
        Assert.Equal(6, summary.GetProperty("pass").GetInt32());
        Assert.Equal(0, summary.GetProperty("fail").GetInt32());
        Assert.Equal(0, summary.GetProperty("unknown").GetInt32());
    }

    [Fact]
    public void A_folder_yields_its_policies_and_skips_json_that_is_no_policy()
    {
        temp.Write("iam/bucket.json", File.ReadAllText(Check("s3-policy-no-wildcard-principal.fail.json")));
        temp.Write("iam/details.json", File.ReadAllText(Path.Combine(Fixtures, "authorization-details.json")));
        temp.Write("web/package.json", """{ "name": "shop", "version": "1.0.0", "scripts": { "build": "vite build" } }""");
        temp.Write("web/broken.json", """{ "name": "shop", """);
        var result = CliRun.Run("scan", temp.Path, "--format", "json");
        using var json = JsonDocument.Parse(result.Out);
        Assert.Equal(0, json.RootElement.GetProperty("errors").GetArrayLength());
        var files = Results(json).Select(r => r.GetProperty("file").GetString()!.Replace('\\', '/')).Distinct().Select(f => f[(f.IndexOf("iam/", StringComparison.Ordinal))..]).Order(StringComparer.Ordinal);
        Assert.Equal(["iam/bucket.json", "iam/details.json"], files);
        var bucket = Results(json).Single(r => r.GetProperty("rule").GetString() == "s3-policy-no-wildcard-principal");
        Assert.Equal("VAL-2.10", bucket.GetProperty("item").GetString());
        Assert.Equal("fail", bucket.GetProperty("outcome").GetString());
        Assert.Equal("contoso-store-assets-policy", bucket.GetProperty("resource").GetString());
        Assert.Equal(1, result.ExitCode);
    }

    [Fact]
    public void The_item_filter_applies_to_policy_files()
    {
        var result = CliRun.Run("scan", Check("s3-policy-no-wildcard-principal.fail.json"), "--format", "json", "--item", "VAL-2.10");
        using var json = JsonDocument.Parse(result.Out);
        var only = Assert.Single(Results(json));
        Assert.Equal("s3-policy-no-wildcard-principal", only.GetProperty("rule").GetString());
    }

    [Fact]
    public void A_malformed_policy_named_on_the_command_line_is_an_error_at_its_line_and_column()
    {
        var file = temp.Write("broken-policy.json", File.ReadAllText(Path.Combine(Fixtures, "malformed.json")));
        var result = CliRun.Run("scan", file, "--format", "json");
        using var json = JsonDocument.Parse(result.Out);
        var error = Assert.Single(json.RootElement.GetProperty("errors").EnumerateArray());
        Assert.Equal(6, error.GetProperty("line").GetInt32());
        Assert.Equal(16, error.GetProperty("column").GetInt32());
        Assert.StartsWith("malformed JSON", error.GetProperty("message").GetString(), StringComparison.Ordinal);
        Assert.Empty(result.Err);

        var text = CliRun.Run("scan", file);
        Assert.Contains("broken-policy.json:6:16 malformed JSON", text.Out, StringComparison.Ordinal);
    }

    [Fact]
    public void A_policy_file_over_the_size_limit_is_an_error_not_a_crash()
    {
        var padding = new string(' ', 10 * 1024 * 1024);
        var file = temp.Write("huge.json", "{\"Statement\": [{\"Effect\": \"Allow\", \"Action\": \"*\", \"Resource\": \"*\"}]" + padding + "}");
        var result = CliRun.Run("scan", file, "--format", "json");
        using var json = JsonDocument.Parse(result.Out);
        var error = Assert.Single(json.RootElement.GetProperty("errors").EnumerateArray());
        Assert.Contains("10 MB limit", error.GetProperty("message").GetString(), StringComparison.Ordinal);
        Assert.Empty(Results(json));
    }

    [Fact]
    public void Check_judges_the_policies_a_case_study_names_as_evidence()
    {
        var examples = Path.GetDirectoryName(Repo.ReadyExample)!;
        foreach (var file in Directory.EnumerateFiles(Path.Combine(examples, "iac"), "*", SearchOption.AllDirectories))
        {
            var target = temp.Combine(Path.Combine("iac", Path.GetRelativePath(Path.Combine(examples, "iac"), file)));
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            File.Copy(file, target);
        }

        temp.Write("policies/authorization-details.json", File.ReadAllText(Path.Combine(Fixtures, "authorization-details.json")));
        var application = File.ReadAllText(Repo.ReadyExample).Replace("evidence: [iac/contoso/]", "evidence: [iac/contoso/, policies/authorization-details.json]", StringComparison.Ordinal);
        Assert.Contains("policies/authorization-details.json", application, StringComparison.Ordinal);
        var path = temp.Write("ready.yaml", application);

        var result = CliRun.Run("check", path, "--format", "json");
        using var json = JsonDocument.Parse(result.Out);
        var iam = json.RootElement.GetProperty("items").EnumerateArray().Single(i => i.GetProperty("id").GetString() == "VAL-2.9");
        Assert.Equal("not-met", iam.GetProperty("status").GetString());
        var contoso = iam.GetProperty("caseStudies").EnumerateArray().Single(c => c.GetProperty("key").GetString() == "contoso");
        Assert.Equal("not-met", contoso.GetProperty("status").GetString());
        Assert.Contains("policy/deploy-pipeline@v3 (policies/authorization-details.json:", contoso.GetProperty("reason").GetString(), StringComparison.Ordinal);
        // Only the example's documents, which this copy does not have, are reported missing
        Assert.All(json.RootElement.GetProperty("warnings").EnumerateArray(), w => Assert.StartsWith("Cited evidence not found: ", w.GetString(), StringComparison.Ordinal));
        Assert.Equal(1, result.ExitCode);

        // The same application without the export: VAL-2.9 is no longer contradicted for contoso
        using var before = JsonDocument.Parse(CliRun.Run("check", temp.Write("ready-without.yaml", File.ReadAllText(Repo.ReadyExample)), "--format", "json").Out);
        var contosoBefore = before.RootElement.GetProperty("items").EnumerateArray().Single(i => i.GetProperty("id").GetString() == "VAL-2.9")
            .GetProperty("caseStudies").EnumerateArray().Single(c => c.GetProperty("key").GetString() == "contoso");
        Assert.NotEqual("not-met", contosoBefore.GetProperty("status").GetString());
    }

    [Fact]
    public void The_policy_rules_are_listed()
    {
        using var json = JsonDocument.Parse(CliRun.Run("rules", "--format", "json").Out);
        var rules = json.RootElement.GetProperty("rules").EnumerateArray().ToDictionary(r => r.GetProperty("id").GetString()!, r => r.GetProperty("item").GetString());
        Assert.Equal("VAL-2.9", rules["iam-no-allow-not-action"]);
        Assert.Equal("VAL-2.9", rules["iam-no-allow-not-resource"]);
        Assert.Equal("VAL-2.9", rules["iam-trust-external-id"]);
        Assert.Equal("VAL-2.9", rules["resource-policy-not-public"]);
        Assert.Equal("VAL-2.10", rules["s3-policy-no-wildcard-principal"]);
        var text = CliRun.Run("rules", "--lang", "fr").Out;
        Assert.Contains("iam-trust-external-id  VAL-2.9", text, StringComparison.Ordinal);
    }
}
