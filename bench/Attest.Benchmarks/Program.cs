using BenchmarkDotNet.Running;

namespace Attest.Benchmarks;

internal static class Program
{
    private static int Main(string[] args)
    {
        if (Commands.Run(args) is { } exitCode)
        {
            return exitCode;
        }

        BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args);
        return 0;
    }
}
