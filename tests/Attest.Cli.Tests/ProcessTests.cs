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
}
