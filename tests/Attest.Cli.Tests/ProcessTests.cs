using Attest.Cli.Tests.Support;

namespace Attest.Cli.Tests;

/// <summary>The built tool as a real process: what a user's shell sees.</summary>
public sealed class ProcessTests : IDisposable
{
    private readonly TempFolder temp = new();

    public void Dispose() => temp.Dispose();

    private static CliResult RunProcess(params string[] args) => CliProcess.Run(TimeSpan.FromSeconds(60), args);

    [Fact]
    public void Check_as_a_real_process_on_a_garbage_file_exits_2_without_a_stack_trace()
    {
        var garbage = temp.WriteBytes("garbage.yaml", [0x00, 0xFF, 0xFE, 0x7B, 0x7B, 0x3A, 0x3A, 0x5B, 0x0A, 0x89, 0x50, 0x4E, 0x47]);

        var result = RunProcess("check", garbage);

        Assert.True(result.ExitCode == 2, result.ToString());
        Assert.Equal("", result.Out);
        Assert.DoesNotContain("   at ", result.Err, StringComparison.Ordinal);
        var line = Assert.Single(result.ErrLines);
        Assert.StartsWith("attest: " + garbage, line, StringComparison.Ordinal);
    }

    [Fact]
    public void Check_as_a_real_process_gives_the_same_JSON_syntax_message_as_in_process()
    {
        var file = temp.Write("broken.json", "{\n  \"format\": \"attest/application/v1\",\n  \"checklist\": \"aws-retail-consulting-2019-12\",\n  \"partner\": { \"name\": \"a\" \n}\n");

        var real = RunProcess("check", file);
        var inProcess = CliRun.Run("check", file);

        Assert.Equal(2, real.ExitCode);
        Assert.DoesNotContain("   at ", real.Err, StringComparison.Ordinal);
        Assert.Equal(inProcess.Err, real.Err);
    }

    [Fact]
    public void Check_as_a_real_process_folds_accents_typed_as_combining_marks()
    {
        // The shipped tool runs with invariant globalization: "É" typed as E + U+0301 (macOS, PDF copy-paste) is still "É"
        var ready = File.ReadAllText(Repo.ReadyExample)
            .Replace("customer: Northwind Grocers", "customer: \"\u00C9picerie B\u00E9r\u00E9nice\"", StringComparison.Ordinal)
            .Replace("customer: Tailspin Outdoor", "customer: \"E\u0301picerie Be\u0301re\u0301nice\"", StringComparison.Ordinal);
        var file = temp.Write("accents.yaml", ready);

        var result = RunProcess("check", file, "--format", "json");

        Assert.True(result.ExitCode == 1, result.ToString());
        using var json = System.Text.Json.JsonDocument.Parse(result.Out);
        var pre21 = json.RootElement.GetProperty("items").EnumerateArray().Single(i => i.GetProperty("id").GetString() == "PRE-2.1");
        // tailspin, completed later, stays longer in the window: it represents the customer
        var northwind = pre21.GetProperty("caseStudies").EnumerateArray().Single(c => c.GetProperty("key").GetString() == "northwind");
        Assert.Equal("Qualifies, but same customer as tailspin (same name): not counted, as the customer counts once.", northwind.GetProperty("reason").GetString());
    }
}
