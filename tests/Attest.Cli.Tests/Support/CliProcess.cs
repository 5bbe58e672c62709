using System.Diagnostics;

namespace Attest.Cli.Tests.Support;

/// <summary>Runs the built tool as a real process, killed (and the test failed) when it does not finish in time.</summary>
internal static class CliProcess
{
    public static string AttestDll
    {
        get
        {
            var dll = Path.Combine(AppContext.BaseDirectory, "attest.dll");
            Assert.True(File.Exists(dll), "attest.dll is not beside the tests: " + dll);
            return dll;
        }
    }

    public static CliResult Run(TimeSpan timeout, params string[] args)
    {
        var dotnet = Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") is { Length: > 0 } host && File.Exists(host) ? host : "dotnet";
        var start = new ProcessStartInfo(dotnet)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            StandardOutputEncoding = System.Text.Encoding.UTF8,
            StandardErrorEncoding = System.Text.Encoding.UTF8,
        };
        start.ArgumentList.Add(AttestDll);
        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }

        start.Environment["NO_COLOR"] = "1";
        start.Environment.Remove("ATTEST_CATALOGS");
        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        if (!process.WaitForExit(timeout))
        {
            process.Kill(entireProcessTree: true);
            process.WaitForExit();
            Assert.Fail($"attest {string.Join(' ', args)} did not finish within {timeout.TotalSeconds} s");
        }

        return new CliResult(process.ExitCode, output.Result, error.Result);
    }

    /// <summary>Runs <c>attest</c> in-process on another thread; a run that does not finish in time fails the test instead of blocking it.</summary>
    public static async Task<CliResult> InProcess(TimeSpan timeout, params string[] args) =>
        await Task.Run(() => CliRun.Run(args)).WaitAsync(timeout);

    /// <summary>Makes a named pipe with <c>mkfifo</c> (nobody writes to it).</summary>
    public static string Fifo(string path)
    {
        using var mkfifo = Process.Start(new ProcessStartInfo("mkfifo") { ArgumentList = { path }, UseShellExecute = false })!;
        Assert.True(mkfifo.WaitForExit(10_000) && mkfifo.ExitCode == 0, "mkfifo failed");
        return path;
    }
}
