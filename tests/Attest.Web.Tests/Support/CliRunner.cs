using System.Diagnostics;

namespace Attest.Web.Tests.Support;

/// <summary>Runs the real <c>attest</c> command (built beside the tests) and returns what it printed; exit codes 0 and 1 are answers, anything else fails the test.</summary>
internal static class CliRunner
{
    public static string Run(params string[] args)
    {
        var dll = Path.Combine(AppContext.BaseDirectory, "attest.dll");
        Assert.True(File.Exists(dll), "attest.dll is not beside the tests: " + dll);
        var dotnet = Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") is { Length: > 0 } host && File.Exists(host) ? host : "dotnet";
        var start = new ProcessStartInfo(dotnet) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false, StandardOutputEncoding = System.Text.Encoding.UTF8 };
        start.ArgumentList.Add(dll);
        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }

        start.Environment["NO_COLOR"] = "1";
        start.Environment.Remove("ATTEST_CATALOGS");
        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        Assert.True(process.WaitForExit(60_000), "attest did not finish within 60 s");
        Assert.True(process.ExitCode is 0 or 1, $"attest exited {process.ExitCode}: {error.Result}");
        return output.Result;
    }
}

/// <summary>A fact over the shared corpus read in place beside the repository (CI has it): skipped or failed, saying why (see <see cref="Prerequisites"/>), where it is not.</summary>
internal sealed class SharedCorpusFactAttribute : FactAttribute
{
    public SharedCorpusFactAttribute() => Skip = Prerequisites.SkipShared(Missing);

    /// <summary>Why the corpus is not readable here, or null.</summary>
    public static string? Missing => Folder is null
        ? "the shared corpus is not beside the repository (<repo>/../shared/corpus/cloudformation): this test runs where it is, as in CI"
        : null;

    /// <summary>The CloudFormation corpus, or null when it is not there.</summary>
    public static string? Folder { get; } = Locate();

    private static string? Locate()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            var corpus = Path.Combine(dir.FullName, "shared", "corpus", "cloudformation");
            if (Directory.Exists(corpus))
            {
                return corpus;
            }
        }

        return null;
    }
}
