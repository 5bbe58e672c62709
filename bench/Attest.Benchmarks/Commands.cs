using System.Diagnostics;
using System.Globalization;
using System.Text;
using Attest.Evidence.CloudFormation;
using Attest.Evidence.Rules;
using Attest.Evidence.Terraform;

namespace Attest.Benchmarks;

/// <summary>
/// Small measuring commands next to BenchmarkDotNet, for the side-by-side comparison of <c>bench/compare-iac.sh</c>:
/// <list type="bullet">
/// <item><c>hcl-parse DIR [--passes N]</c>: parses every <c>.tf</c> file under DIR, prints files, bytes, time and diagnostics;</item>
/// <item><c>scan-memory [N…]</c>: reads and scans synthetic templates of N resources (100, 500, 2,000, 10,000 by default), each in a fresh process, and prints time and memory per size;</item>
/// <item><c>scan-rules N</c>: the time of reading, and of each rule, on the synthetic template of N resources (where the time goes);</item>
/// <item><c>synth N FILE</c>: writes the synthetic template of N resources to FILE.</item>
/// </list>
/// And for the web application under load (<c>bench/load-web.sh</c>):
/// <list type="bullet">
/// <item><c>seed-web --provider sqlite|postgres --connection CS [--credentials FILE]</c>: migrations and the seeded database (<see cref="WebSeed"/>);</item>
/// <item><c>load --base http://127.0.0.1:PORT --credentials FILE [--connections 32] [--duration 20] [--warmup 5]</c>: the load run (<see cref="WebLoad"/>);</item>
/// <item><c>free-port</c>: prints a TCP port free on 127.0.0.1.</item>
/// </list>
/// And for the CloudTrail analyzer (<c>bench/cloudtrail.sh</c>): <c>cloudtrail-gen DIR MEGABYTES [--seed N]</c> (<see cref="TrailLogs"/>),
/// <c>cloudtrail-read DIR [--passes N]</c> (<see cref="TrailRead"/>).
/// </summary>
internal static class Commands
{
    private static readonly int[] DefaultSizes = [100, 500, 2_000, 10_000];

    private static object[]? Kept { get; set; }

    private static int WarmUpRounds => int.TryParse(Environment.GetEnvironmentVariable("WARMUP_ROUNDS"), CultureInfo.InvariantCulture, out var rounds) ? rounds : 8;

    /// <summary>Runs the command named by <paramref name="args"/>[0]; null when it is not one of these (BenchmarkDotNet then takes the arguments).</summary>
    public static int? Run(string[] args)
    {
        if (args.Length == 0)
        {
            return null;
        }

        try
        {
            return args[0] switch
            {
                "hcl-parse" => HclParse(args[1..]),
                "scan-memory" => ScanMemory(args[1..]),
                "scan-memory-one" => ScanMemoryOne(int.Parse(args[1], CultureInfo.InvariantCulture)),
                "scan-rules" => ScanRules(int.Parse(args[1], CultureInfo.InvariantCulture)),
                "synth" => Synth(args[1..]),
                "seed-web" => WebSeed.RunAsync(args[1..]).GetAwaiter().GetResult(),
                "load" => WebLoad.RunAsync(args[1..]).GetAwaiter().GetResult(),
                "free-port" => FreePort(),
                "cloudtrail-gen" => TrailLogs.Generate(args[1..]),
                "cloudtrail-read" => TrailRead.Run(args[1..]),
                "readiness-loop" => ReadinessLoop.Run(args[1..]),
                _ => null,
            };
        }
        catch (Exception e) when (e is FormatException or IndexOutOfRangeException or ArgumentException)
        {
            Console.Error.WriteLine($"{args[0]}: {e.Message}");
            Console.Error.WriteLine("usage: hcl-parse DIR [--passes N] | scan-memory [N...] | scan-rules N | synth N FILE");
            Console.Error.WriteLine("       seed-web --provider sqlite|postgres --connection CS [--credentials FILE] [--partners N]");
            Console.Error.WriteLine("       load --base http://127.0.0.1:PORT --credentials FILE [--connections N] [--duration S] [--warmup S] [--max-requests N] [--label TEXT] [--no-header] [--scenario dashboard|api] [--server-pid PID[,PID...]]");
            Console.Error.WriteLine("       free-port");
            Console.Error.WriteLine("       cloudtrail-gen DIR MEGABYTES [--seed N] | cloudtrail-read DIR [--passes N]");
            Console.Error.WriteLine("       readiness-loop [SECONDS [evaluate|items|batch|types|per-item]]");
            return 2;
        }
    }

    private static int HclParse(string[] args)
    {
        var folder = args[0];
        var passes = args.Length >= 3 && args[1] == "--passes" ? int.Parse(args[2], CultureInfo.InvariantCulture) : 1;
        var clock = Stopwatch.StartNew();
        var files = Directory.EnumerateFiles(folder, "*.tf", SearchOption.AllDirectories)
            .Where(f => !f.Contains($"{Path.DirectorySeparatorChar}.terraform{Path.DirectorySeparatorChar}", StringComparison.Ordinal))
            .Order(StringComparer.Ordinal)
            .Select(f => (Name: Path.GetRelativePath(folder, f), Text: File.ReadAllText(f)))
            .ToArray();
        var readMs = clock.Elapsed.TotalMilliseconds;
        long bytes = files.Sum(f => (long)Encoding.UTF8.GetByteCount(f.Text));

        Console.WriteLine($"files: {files.Length}");
        Console.WriteLine($"bytes: {bytes:N0}");
        Console.WriteLine($"read: {readMs:F1} ms");
        for (var pass = 1; pass <= passes; pass++)
        {
            var diagnostics = 0;
            var failed = new List<string>();
            clock.Restart();
            foreach (var (name, text) in files)
            {
                var result = HclParser.Parse(text, name);
                if (result.HasErrors)
                {
                    diagnostics += result.Diagnostics.Count;
                    failed.Add($"{name}: {result.Diagnostics[0].Message}");
                }
            }

            var parseMs = clock.Elapsed.TotalMilliseconds;
            Console.WriteLine($"pass {pass}: parse {parseMs:F1} ms ({bytes / 1024.0 / 1024.0 / (parseMs / 1000):F1} MB/s), diagnostics {diagnostics} in {failed.Count} files");
            foreach (var line in failed.Take(10))
            {
                Console.WriteLine($"  {line}");
            }
        }

        return 0;
    }

    private static int ScanMemory(string[] args)
    {
        var sizes = args.Length == 0 ? DefaultSizes : args.Select(a => int.Parse(a, CultureInfo.InvariantCulture)).ToArray();
        Console.WriteLine("| resources | template | read + scan (best of 3) | per resource | allocated | allocated per resource | live after scan | live per resource | peak working set | findings |");
        Console.WriteLine("|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|");
        foreach (var size in sizes)
        {
            // Each size in a fresh process, so that its peak working set is its own
            var self = Environment.ProcessPath;
            if (self is null || Path.GetFileNameWithoutExtension(self) == "dotnet")
            {
                ScanMemoryOne(size);
                continue;
            }

            using var child = Process.Start(new ProcessStartInfo(self, ["scan-memory-one", size.ToString(CultureInfo.InvariantCulture)])
            {
                RedirectStandardOutput = true,
                UseShellExecute = false,
            })!;
            Console.Write(child.StandardOutput.ReadToEnd());
            child.WaitForExit();
            if (child.ExitCode != 0)
            {
                return child.ExitCode;
            }
        }

        return 0;
    }

    private static int ScanMemoryOne(int size)
    {
        // Warm-up on a small template so that the measure holds no JIT
        WarmUp();

        var text = SyntheticTemplate.Generate(size);
        var templateBytes = Encoding.UTF8.GetByteCount(text);
        var best = TimeSpan.MaxValue;
        long allocated = 0;
        long live = 0;
        var findings = 0;
        for (var run = 0; run < 3; run++)
        {
            var before = GC.GetTotalMemory(forceFullCollection: true);
            var allocatedBefore = GC.GetTotalAllocatedBytes(precise: true);
            var clock = Stopwatch.StartNew();
            var document = CloudFormationReader.Read(text, "synthetic.yaml");
            var result = RuleSet.Scan(document);
            var elapsed = clock.Elapsed;
            allocated = GC.GetTotalAllocatedBytes(precise: true) - allocatedBefore;

            // What stays reachable once the scan is over: the document and its findings (held in a static, so that no JIT liveness trims them)
            Kept = [document, result];
            live = GC.GetTotalMemory(forceFullCollection: true) - before;
            Kept = null;
            findings = result.Count;
            best = elapsed < best ? elapsed : best;
        }

        using var self = Process.GetCurrentProcess();
        self.Refresh();
        const double Mb = 1024.0 * 1024.0;
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"| {size:N0} | {templateBytes / Mb:F1} MB | {best.TotalMilliseconds:F0} ms | {best.TotalMilliseconds * 1000 / size:F0} µs | {allocated / Mb:F0} MB | {allocated / 1024.0 / size:F0} KB | {live / Mb:F1} MB | {live / 1024.0 / size:F1} KB | {self.PeakWorkingSet64 / Mb:F0} MB | {findings:N0} |"));
        return 0;
    }

    private static int ScanRules(int size)
    {
        WarmUp();
        var text = SyntheticTemplate.Generate(size);
        var clock = Stopwatch.StartNew();
        var allocatedBefore = GC.GetTotalAllocatedBytes(precise: true);
        var document = CloudFormationReader.Read(text, "synthetic.yaml");
        var unit = new ScanUnit(document);
        var rows = new List<(string Step, double Ms, long Allocated)>
        {
            ("read (parse + resolve)", clock.Elapsed.TotalMilliseconds, GC.GetTotalAllocatedBytes(precise: true) - allocatedBefore),
        };
        foreach (var rule in RuleSet.All)
        {
            allocatedBefore = GC.GetTotalAllocatedBytes(precise: true);
            clock.Restart();
            var count = rule.Check(unit).Count();
            rows.Add(($"{rule.Documentation.Id} ({count})", clock.Elapsed.TotalMilliseconds, GC.GetTotalAllocatedBytes(precise: true) - allocatedBefore));
        }

        Console.WriteLine($"| step, {size:N0} resources (findings) | time | allocated |");
        Console.WriteLine("|---|---:|---:|");
        foreach (var (step, ms, allocated) in rows.OrderByDescending(r => r.Ms).Take(12))
        {
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"| {step} | {ms:F1} ms | {allocated / 1024.0 / 1024.0:F1} MB |"));
        }

        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"| all {rows.Count - 1} rules + read | {rows.Sum(r => r.Ms):F1} ms | {rows.Sum(r => r.Allocated) / 1024.0 / 1024.0:F1} MB |"));
        return 0;
    }

    // Enough calls, and enough time, for tiered compilation (with dynamic PGO: tier 0, instrumented tier, tier 1) to have
    // promoted the hot methods; on this 2-core machine, shared, the background compilations take a few seconds
    private static void WarmUp()
    {
        var clock = Stopwatch.StartNew();
        var text = SyntheticTemplate.Generate(50);
        for (var round = 0; round < WarmUpRounds; round++)
        {
            for (var i = 0; i < 50; i++)
            {
                RuleSet.Scan(CloudFormationReader.Read(text, "warm-up.yaml"));
            }

            Thread.Sleep(250);
        }

        Console.Error.WriteLine($"warm-up: {clock.ElapsedMilliseconds} ms");
    }

    private static int FreePort()
    {
        using var listener = new System.Net.Sockets.TcpListener(System.Net.IPAddress.Loopback, 0);
        listener.Start();
        Console.WriteLine(((System.Net.IPEndPoint)listener.LocalEndpoint).Port);
        return 0;
    }

    private static int Synth(string[] args)
    {
        var size = int.Parse(args[0], CultureInfo.InvariantCulture);
        File.WriteAllText(args[1], SyntheticTemplate.Generate(size));
        Console.WriteLine($"{args[1]}: {size} resources");
        return 0;
    }
}
