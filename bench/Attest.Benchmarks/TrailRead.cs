using System.Diagnostics;
using System.Globalization;
using System.IO.Compression;
using Attest.Evidence.CloudTrail;

namespace Attest.Benchmarks;

/// <summary>
/// <c>cloudtrail-read DIR [--passes N]</c>: reads every <c>.json.gz</c> file under DIR on one thread, in process, without the
/// CLI's start-up, N times (3 by default; the first warms the JIT up), and prints per pass the CPU time (user + system)
/// and the wall time of inflating alone (the floor), and of reading and folding the records with
/// <see cref="TrailReader"/> and <see cref="TrailAnalyzer"/> (with the bytes allocated and the gen-0 collections while
/// reading). CPU time depends little on the machine's load.
/// </summary>
internal static class TrailRead
{
    public static int Run(string[] args)
    {
        var folder = args[0];
        var passes = args.Length >= 3 && args[1] == "--passes" ? int.Parse(args[2], CultureInfo.InvariantCulture) : 3;
        var files = Directory.EnumerateFiles(folder, "*.json.gz", SearchOption.AllDirectories).Order(StringComparer.Ordinal).ToArray();
        var buffer = new byte[1 << 20];
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{files.Length} files; load average {Load()}"));
        for (var pass = 1; pass <= passes; pass++)
        {
            var (inflateCpu, inflateWall) = Measure(() =>
            {
                long total = 0;
                foreach (var file in files)
                {
                    using var gzip = new GZipStream(File.OpenRead(file), CompressionMode.Decompress);
                    int read;
                    while ((read = gzip.Read(buffer)) > 0)
                    {
                        total += read;
                    }
                }

                return total;
            }, out var bytes);

            var analyzer = new TrailAnalyzer(TrailOptions.Default);
            var allocated = GC.GetTotalAllocatedBytes(precise: true);
            var collections = GC.CollectionCount(0);
            var (readCpu, readWall) = Measure(() =>
            {
                foreach (var file in files)
                {
                    using var stream = File.OpenRead(file);
                    analyzer.AddFile(file, TrailReader.ReadGzip(stream, TrailLimits.Default, (e, i) => analyzer.Add(e, file, i)));
                }

                return 0L;
            }, out _);
            allocated = GC.GetTotalAllocatedBytes(precise: true) - allocated;
            collections = GC.CollectionCount(0) - collections;
            var report = analyzer.Finish();
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"pass {pass}: {bytes / 1048576.0:F0} MB of JSON, {report.Records} records, {report.RootEvents} root events; inflate {inflateCpu:F2} s CPU ({inflateWall:F2} s); read and fold {readCpu:F2} s CPU ({readWall:F2} s): {readCpu - inflateCpu:F2} s CPU above inflating; {allocated / 1048576.0:F0} MB allocated, {collections} gen-0 collections"));
        }

        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"load average {Load()}"));
        return 0;
    }

    private static (double Cpu, double Wall) Measure(Func<long> work, out long result)
    {
        var process = Process.GetCurrentProcess();
        process.Refresh();
        var cpu = process.TotalProcessorTime;
        var clock = Stopwatch.StartNew();
        result = work();
        clock.Stop();
        process.Refresh();
        return ((process.TotalProcessorTime - cpu).TotalSeconds, clock.Elapsed.TotalSeconds);
    }

    private static string Load() => File.Exists("/proc/loadavg") ? string.Join(' ', File.ReadAllText("/proc/loadavg").Split(' ').Take(3)) : "?";
}
