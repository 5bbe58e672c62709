using System.Text.Json;
using Attest.Cli.Tests.Support;

namespace Attest.Cli.Tests;

/// <summary>The second checklist from the command line: its example, its window, and one file judged against another checklist.</summary>
public class ServiceDeliveryCliTests
{
    private const string Waf = "aws-waf-service-delivery-2025-02";

    private static string WafExample => Path.Combine(Repo.Root, "examples", "waf-ready.yaml");

    [Fact]
    public void The_waf_example_is_ready_and_names_the_review_that_exempts()
    {
        var result = CliRun.Run("check", WafExample);
        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Contains("READY", result.Out, StringComparison.Ordinal);
        Assert.Contains("Exempted by the Well-Architected review reviews/contoso-lens-review.json", result.Out, StringComparison.Ordinal);
        Assert.Contains("accepted until 2025-11-30", result.Out, StringComparison.Ordinal);
    }

    [Fact]
    public void After_its_window_the_checklist_is_no_longer_accepted()
    {
        var result = CliRun.Run("check", WafExample, "--as-of", "2025-12-01", "--format", "json");
        Assert.True(result.ExitCode == 1, result.ToString());
        using var json = JsonDocument.Parse(result.Out);
        Assert.False(json.RootElement.GetProperty("ready").GetBoolean());
        var validity = json.RootElement.GetProperty("validity");
        Assert.Equal("no-longer-accepted", validity.GetProperty("phase").GetString());
        Assert.Equal("2025-11-30", validity.GetProperty("acceptedUntil").GetString());
        Assert.Equal(0, json.RootElement.GetProperty("summary").GetProperty("not-met").GetInt32());
    }

    [Fact]
    public void A_retail_file_is_judged_against_the_waf_checklist_with_what_carries_over()
    {
        var result = CliRun.Run("check", Repo.ReadyExample, "--checklist", Waf, "--format", "json");
        Assert.True(result.ExitCode == 1, result.ToString());
        using var json = JsonDocument.Parse(result.Out);
        Assert.Equal(Waf, json.RootElement.GetProperty("checklist").GetString());
        var warnings = json.RootElement.GetProperty("warnings").EnumerateArray().Select(w => w.GetString()!).ToArray();
        Assert.Contains(warnings, w => w.StartsWith("REL-001: your answer to VAL-2.2 carries over.", StringComparison.Ordinal));
        Assert.Contains(warnings, w => w.StartsWith("ACCT-002: the evidence of VAL-2.9 carries over; answer ACCT-002 itself.", StringComparison.Ordinal));

        // The Services Path stage is not in the Retail file: the one new partner fact is asked for
        var missing = json.RootElement.GetProperty("missing").EnumerateArray().Select(m => m.GetProperty("item").GetString()).ToArray();
        Assert.Contains("PRE-1.2", missing);
        Assert.DoesNotContain("REL-001", missing);
    }

    [Fact]
    public void The_file_own_checklist_given_again_changes_nothing()
    {
        var plain = CliRun.Run("check", Repo.ReadyExample, "--format", "json");
        var same = CliRun.Run("check", Repo.ReadyExample, "--checklist", Repo.RetailChecklist, "--format", "json");
        Assert.Equal(plain.ExitCode, same.ExitCode);
        Assert.Equal(plain.Out, same.Out);
    }

    [Fact]
    public void An_unknown_checklist_is_a_usage_error()
    {
        var result = CliRun.Run("check", Repo.ReadyExample, "--checklist", "aws-nothing");
        Assert.Equal(2, result.ExitCode);
        Assert.Contains("unknown checklist 'aws-nothing'", result.Err, StringComparison.Ordinal);
    }

    [Fact]
    public void Answers_under_programs_win_over_what_is_carried()
    {
        using var temp = new TempFolder();
        var text = File.ReadAllText(Repo.ReadyExample)
            .Replace("  tier: advanced\n", "  tier: advanced\n  servicesPath: differentiated\n", StringComparison.Ordinal)
            + "programs:\n  " + Waf + ":\n    selfAssessment:\n      REL-001:\n        met: false\n        caseStudies:\n          contoso: { answer: not-met, note: \"Console changes in 2025.\" }\n";
        var file = temp.Write("application.yaml", text);
        foreach (var folder in new[] { "iac", "docs", "diagrams" })
        {
            if (Directory.Exists(Path.Combine(Repo.Root, "examples", folder)))
            {
                CopyFolder(Path.Combine(Repo.Root, "examples", folder), Path.Combine(Path.GetDirectoryName(file)!, folder));
            }
        }

        var result = CliRun.Run("check", file, "--checklist", Waf, "--format", "json");
        using var json = JsonDocument.Parse(result.Out);
        var items = json.RootElement.GetProperty("items").EnumerateArray().ToDictionary(i => i.GetProperty("id").GetString()!);
        Assert.Equal("met", items["PRE-1.2"].GetProperty("status").GetString());
        Assert.DoesNotContain(json.RootElement.GetProperty("warnings").EnumerateArray(), w => w.GetString()!.StartsWith("REL-001", StringComparison.Ordinal));
    }

    private static void CopyFolder(string from, string to)
    {
        foreach (var source in Directory.EnumerateFiles(from, "*", SearchOption.AllDirectories))
        {
            var target = Path.Combine(to, Path.GetRelativePath(from, source));
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            File.Copy(source, target);
        }
    }
}

/// <summary><c>attest workbook export|import</c>.</summary>
public class WorkbookCliTests
{
    private static string WafExample => Path.Combine(Repo.Root, "examples", "waf-ready.yaml");

    [Fact]
    public void A_workbook_goes_out_and_comes_back_as_the_same_answers()
    {
        using var temp = new TempFolder();
        var workbook = temp.Combine("waf.xlsx");
        var export = CliRun.Run("workbook", "export", WafExample, "-o", workbook);
        Assert.True(export.ExitCode == 0, export.ToString());
        Assert.Contains("2 customer reference(s), 19 items", export.Out, StringComparison.Ordinal);

        var import = CliRun.Run("workbook", "import", WafExample, workbook);
        Assert.True(import.ExitCode == 0, import.ToString());
        Assert.Contains("checklist: \"aws-waf-service-delivery-2025-02\"", import.Out, StringComparison.Ordinal);
        Assert.Contains("PCI DSS and bot protection", import.Out, StringComparison.Ordinal);
    }

    [Fact]
    public void A_file_that_is_not_a_workbook_is_an_input_error_naming_it()
    {
        using var temp = new TempFolder();
        var fake = temp.Write("fake.xlsx", "not a workbook");
        var result = CliRun.Run("workbook", "import", WafExample, fake);
        Assert.Equal(2, result.ExitCode);
        Assert.StartsWith($"attest: {fake}: ", result.Err, StringComparison.Ordinal);
        Assert.Contains("not an Excel workbook", result.Err, StringComparison.Ordinal);
    }
}
