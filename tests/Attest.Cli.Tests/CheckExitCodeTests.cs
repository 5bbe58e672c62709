using System.Text.Json.Nodes;
using Attest.Cli.Tests.Support;

namespace Attest.Cli.Tests;

public sealed class CheckExitCodeTests : IDisposable
{
    private readonly TempFolder temp = new();

    public void Dispose() => temp.Dispose();

    [Fact]
    public void Check_on_ready_example_exits_0()
    {
        var result = CliRun.Run("check", Repo.ReadyExample);

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Equal("", result.Err);
        Assert.Contains("READY", result.Out, StringComparison.Ordinal);
    }

    [Fact]
    public void Check_on_not_ready_example_exits_1()
    {
        var result = CliRun.Run("check", Repo.NotReadyExample);

        Assert.True(result.ExitCode == 1, result.ToString());
        Assert.Equal("", result.Err);
        Assert.Contains("NOT READY", result.Out, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("text")]
    [InlineData("json")]
    [InlineData("markdown")]
    public void Check_exit_code_does_not_depend_on_the_format(string format)
    {
        Assert.Equal(0, CliRun.Run("check", Repo.ReadyExample, "--format", format).ExitCode);
        Assert.Equal(1, CliRun.Run("check", Repo.NotReadyExample, "--format", format).ExitCode);
    }

    [Fact]
    public void Check_with_as_of_overrides_the_file_asOf_so_ready_example_is_not_ready_on_2027_06_01()
    {
        var result = CliRun.Run("check", Repo.ReadyExample, "--as-of", "2027-06-01", "--format", "json");

        Assert.True(result.ExitCode == 1, result.ToString());
        var report = JsonNode.Parse(result.Out)!;
        Assert.Equal("2027-06-01", (string?)report["asOf"]);
        Assert.False((bool)report["ready"]!);
    }

    [Fact]
    public void Check_with_as_of_equal_to_the_file_asOf_keeps_ready_example_ready()
    {
        var result = CliRun.Run("check", Repo.ReadyExample, "--as-of", "2026-11-26");

        Assert.True(result.ExitCode == 0, result.ToString());
    }

    [Fact]
    public void Check_without_asOf_in_file_or_option_evaluates_as_of_today()
    {
        var file = temp.Write("app.yaml", Repo.MinimalHeader);

        var result = CliRun.Run(["check", file, "--format", "json"], today: new DateOnly(2030, 3, 4));

        Assert.Equal("2030-03-04", (string?)JsonNode.Parse(result.Out)!["asOf"]);
    }

    [Fact]
    public void Check_uses_the_file_asOf_rather_than_today()
    {
        var file = temp.Write("app.yaml", Repo.MinimalHeader + "asOf: 2025-01-31\n");

        var result = CliRun.Run(["check", file, "--format", "json"], today: new DateOnly(2030, 3, 4));

        Assert.Equal("2025-01-31", (string?)JsonNode.Parse(result.Out)!["asOf"]);
    }

    [Theory]
    [InlineData("2027-13-01")]
    [InlineData("2026-02-30")]
    [InlineData("26-11-2026")]
    [InlineData("tomorrow")]
    [InlineData("")]
    public void Check_with_bad_as_of_value_exits_2_naming_the_option(string value)
    {
        var result = CliRun.Run("check", Repo.ReadyExample, "--as-of", value);

        Assert.True(result.ExitCode == 2, result.ToString());
        Assert.Equal("", result.Out);
        Assert.Contains("--as-of", result.Err, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", result.Err, StringComparison.Ordinal);
    }

    [Fact]
    public void Check_with_unknown_option_exits_2()
    {
        var result = CliRun.Run("check", Repo.ReadyExample, "--colour", "always");

        Assert.True(result.ExitCode == 2, result.ToString());
        Assert.Equal("", result.Out);
        Assert.Contains("--colour", result.Err, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("--format", "html")]
    [InlineData("--lang", "de")]
    public void Check_with_unknown_option_value_exits_2(string option, string value)
    {
        var result = CliRun.Run("check", Repo.ReadyExample, option, value);

        Assert.True(result.ExitCode == 2, result.ToString());
        Assert.Equal("", result.Out);
        Assert.Contains(value, result.Err, StringComparison.Ordinal);
    }

    [Fact]
    public void Check_without_a_file_exits_2()
    {
        var result = CliRun.Run("check");

        Assert.True(result.ExitCode == 2, result.ToString());
        Assert.Equal("", result.Out);
    }

    [Fact]
    public void Unknown_command_exits_2()
    {
        var result = CliRun.Run("audit", Repo.ReadyExample);

        Assert.True(result.ExitCode == 2, result.ToString());
        Assert.Equal("", result.Out);
    }

    [Fact]
    public void Check_on_missing_file_exits_2_naming_the_file()
    {
        var missing = temp.Combine("no-such-application.yaml");

        var message = InputErrorAssert.OneLine(CliRun.Run("check", missing));

        Assert.Contains(missing, message, StringComparison.Ordinal);
    }

    [Fact]
    public void Check_on_a_file_with_only_format_and_checklist_exits_1_not_2()
    {
        var file = temp.Write("draft.yaml", Repo.MinimalHeader);

        var result = CliRun.Run("check", file);

        Assert.True(result.ExitCode == 1, result.ToString());
        Assert.Equal("", result.Err);
    }

    [Fact]
    public void Check_accepts_a_quoted_ISO_date_like_a_YAML_date()
    {
        var plain = temp.Write("plain.yaml", Repo.MinimalHeader + "asOf: 2026-03-15\n");
        var quoted = temp.Write("quoted.yaml", Repo.MinimalHeader + "asOf: \"2026-03-15\"\n");
        var single = temp.Write("single.yaml", Repo.MinimalHeader + "asOf: '2026-03-15'\n");

        foreach (var file in new[] { plain, quoted, single })
        {
            var result = CliRun.Run("check", file, "--format", "json");
            Assert.True(result.ExitCode == 1, result.ToString());
            Assert.Equal("2026-03-15", (string?)JsonNode.Parse(result.Out)!["asOf"]);
        }
    }

    [Fact]
    public void Check_accepts_a_file_starting_with_a_UTF8_byte_order_mark()
    {
        var file = temp.WriteBytes("bom.yaml", [0xEF, 0xBB, 0xBF, .. System.Text.Encoding.UTF8.GetBytes(Repo.MinimalHeader)]);

        var result = CliRun.Run("check", file);

        Assert.True(result.ExitCode == 1, result.ToString());
    }

    [Fact]
    public void Check_accepts_Windows_line_endings()
    {
        var file = temp.Write("crlf.yaml", File.ReadAllText(Repo.ReadyExample).ReplaceLineEndings("\r\n"));

        var result = CliRun.Run("check", file);

        Assert.True(result.ExitCode == 0, result.ToString());
    }

    [Fact]
    public void Check_on_JSON_form_of_ready_example_exits_0_with_the_same_report()
    {
        var json = temp.Write("ready.json", YamlToJson.Convert(File.ReadAllText(Repo.ReadyExample))!.ToJsonString());
        CopyEvidence();

        var fromJson = CliRun.Run("check", json, "--format", "json");
        var fromYaml = CliRun.Run("check", Repo.ReadyExample, "--format", "json");

        Assert.True(fromJson.ExitCode == 0, fromJson.ToString());
        Assert.Equal(fromYaml.Out, fromJson.Out);
    }

    [Fact]
    public void Check_on_JSON_form_of_not_ready_example_exits_1_with_the_same_report()
    {
        var json = temp.Write("not-ready.json", YamlToJson.Convert(File.ReadAllText(Repo.NotReadyExample))!.ToJsonString(new() { WriteIndented = true }));
        CopyEvidence();

        var fromJson = CliRun.Run("check", json, "--format", "json");
        var fromYaml = CliRun.Run("check", Repo.NotReadyExample, "--format", "json");

        Assert.True(fromJson.ExitCode == 1, fromJson.ToString());
        Assert.Equal(fromYaml.Out, fromJson.Out);
    }

    [Fact]
    public void Check_on_minimal_JSON_file_exits_1()
    {
        var file = temp.Write("draft.json", "{ \"format\": \"attest/application/v1\", \"checklist\": \"aws-retail-consulting-2019-12\", \"asOf\": \"2026-11-26\" }\n");

        var result = CliRun.Run("check", file);

        Assert.True(result.ExitCode == 1, result.ToString());
    }

    [Fact]
    public void Check_never_reports_two_case_studies_under_the_same_key()
    {
        // The second case study has no key; the reader names it case-study-2, which the first one already uses.
        var file = temp.Write("keys.yaml", Repo.MinimalHeader + "caseStudies:\n  - key: case-study-2\n    customer: A\n  - customer: B\n");

        var result = CliRun.Run("check", file, "--format", "json");

        Assert.NotEqual(2, result.ExitCode);
        var report = JsonNode.Parse(result.Out)!;
        foreach (var item in report["items"]!.AsArray())
        {
            var keys = item!["caseStudies"]!.AsArray().Select(c => (string?)c!["key"]).ToArray();
            Assert.True(keys.Length == keys.Distinct().Count(), $"{item["id"]}: case study keys [{string.Join(", ", keys)}] are not distinct");
        }
    }

    [Fact]
    public void Check_accepts_distinct_written_keys_even_when_an_earlier_case_study_has_no_key()
    {
        // Keys as written are all distinct; the first case study simply has none.
        var file = temp.Write("keys.yaml", Repo.MinimalHeader + "caseStudies:\n  - customer: A\n  - key: case-study-1\n    customer: B\n");

        var result = CliRun.Run("check", file);

        Assert.True(result.ExitCode == 1, result.ToString());
    }

    [Fact]
    public void Check_language_defaults_to_LANG_when_no_lang_option()
    {
        var env = new Dictionary<string, string> { ["LANG"] = "fr_FR.UTF-8" };

        var result = CliRun.Run(["check", Repo.NotReadyExample], env);

        Assert.Equal(1, result.ExitCode);
        Assert.Contains("PAS PRÊT", result.Out, StringComparison.Ordinal);
    }

    [Fact]
    public void Check_lang_option_wins_over_LANG()
    {
        var env = new Dictionary<string, string> { ["LANG"] = "fr_FR.UTF-8" };

        var result = CliRun.Run(["check", Repo.NotReadyExample, "--lang", "en"], env);

        Assert.Contains("NOT READY", result.Out, StringComparison.Ordinal);
    }

    // The examples' evidence paths are relative to the application file: the copies need the same neighbours
    private void CopyEvidence()
    {
        var source = Path.Combine(Path.GetDirectoryName(Repo.ReadyExample)!, "iac");
        foreach (var file in Directory.EnumerateFiles(source, "*", SearchOption.AllDirectories))
        {
            var target = temp.Combine(Path.Combine("iac", Path.GetRelativePath(source, file)));
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            File.Copy(file, target);
        }
    }
}
