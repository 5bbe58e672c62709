using System.Diagnostics;
using System.Globalization;
using Attest.Core.Readiness;

namespace Attest.Benchmarks;

/// <summary>
/// <c>readiness-loop [SECONDS [evaluate|items|batch|types|per-item]]</c>: the inputs of <see cref="ReadinessBenchmarks"/> evaluated in a plain loop, printing the
/// bytes allocated per evaluation (exact, whatever the load) and the evaluations per second of the process CPU time (the garbage collector included)
/// (less sensitive to a shared machine's load than wall time). A quick check between two builds; BenchmarkDotNet stays the
/// reference measurement.
/// </summary>
internal static class ReadinessLoop
{
    /// <summary>Runs the loop; returns the exit code.</summary>
    public static int Run(string[] args)
    {
        var seconds = args.Length > 0 ? double.Parse(args[0], CultureInfo.InvariantCulture) : 3;
        var inputs = new ReadinessBenchmarks();
        inputs.Setup();
        Console.WriteLine("benchmark\tallocated B/op\tops/s of process CPU\tops/s wall\tgen0 GCs per 1,000 ops\tGC pauses, share of wall time");
        var only = args.Length > 1 ? args[1] : null;
        if (only == "types")
        {
            // Sampled allocations (one event per about 100 KB) by type, over the look-ahead evaluation of ready.yaml
            using var listener = new AllocationListener();
            Measure("evaluate ready.yaml (with look-ahead)", seconds, () => inputs.Evaluate());
            foreach (var (type, count) in listener.ByType.OrderByDescending(p => p.Value).Take(40))
            {
                Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{count * 100.0 / listener.Total:F1}%\t{type}"));
            }

            return 0;
        }

        if (only == "per-item")
        {
            // Bytes allocated by EvaluateItems of ready.yaml against a checklist of that one item, less those against an empty
            // checklist (the context and its case-study pool, shown first)
            var empty = inputs.Catalog with { Sections = [] };
            var floor = Allocated(() => ReadinessEngine.EvaluateItems(inputs.Ready, empty, inputs.AsOfDate));
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"context and pool\t{floor:F0}"));
            foreach (var item in inputs.Catalog.Items)
            {
                var one = inputs.Catalog with { Sections = [inputs.Catalog.SectionOf(item) with { Items = [item] }] };
                var bytes = Allocated(() => ReadinessEngine.EvaluateItems(inputs.Ready, one, inputs.AsOfDate)) - floor;
                Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{item.Id} ({item.Rule})\t{bytes:F0}"));
            }

            return 0;
        }

        if (only is null or "evaluate")
        {
            Measure("evaluate ready.yaml (with look-ahead)", seconds, () => inputs.Evaluate());
        }

        if (only is null or "items")
        {
            Measure("evaluate ready.yaml (items only)", seconds, () => inputs.EvaluateItems());
        }

        if (only is null or "batch")
        {
            Measure("batch, per application", seconds, () => inputs.EvaluateBatch(), 10_000);
        }
        return 0;
    }

    private static void Measure(string name, double seconds, Func<object> run, int perCall = 1)
    {
        for (var i = 0; i < Math.Max(1, 2000 / perCall); i++)
        {
            run();
        }

        var before = GC.GetAllocatedBytesForCurrentThread();
        var collections = GC.CollectionCount(0);
        var paused = GC.GetTotalPauseDuration();
        var cpu = ThreadCpu();
        var clock = Stopwatch.StartNew();
        long calls = 0;
        while (clock.Elapsed.TotalSeconds < seconds)
        {
            run();
            calls++;
        }

        var wall = clock.Elapsed.TotalSeconds;
        var cpuSeconds = (ThreadCpu() - cpu).TotalSeconds;
        var ops = calls * perCall;
        var allocated = (GC.GetAllocatedBytesForCurrentThread() - before) / (double)ops;
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{name}\t{allocated:F0}\t{ops / cpuSeconds:F0}\t{ops / wall:F0}\t{(GC.CollectionCount(0) - collections) * 1000.0 / ops:F2}\t{(GC.GetTotalPauseDuration() - paused).TotalSeconds * 100 / wall:F1}%"));
    }

    private static double Allocated(Func<object> run)
    {
        for (var i = 0; i < 200; i++)
        {
            run();
        }

        const int Runs = 2000;
        var before = GC.GetAllocatedBytesForCurrentThread();
        for (var i = 0; i < Runs; i++)
        {
            run();
        }

        return (GC.GetAllocatedBytesForCurrentThread() - before) / (double)Runs;
    }

    // Process CPU time: the loop's thread plus the garbage collector's work it causes
    private static TimeSpan ThreadCpu() => Process.GetCurrentProcess().TotalProcessorTime;

    private sealed class AllocationListener : System.Diagnostics.Tracing.EventListener
    {
        public Dictionary<string, long> ByType { get; } = [];

        public long Total { get; private set; }

        protected override void OnEventSourceCreated(System.Diagnostics.Tracing.EventSource eventSource)
        {
            if (eventSource.Name == "Microsoft-Windows-DotNETRuntime")
            {
                EnableEvents(eventSource, System.Diagnostics.Tracing.EventLevel.Verbose, (System.Diagnostics.Tracing.EventKeywords)0x1);
            }
        }

        protected override void OnEventWritten(System.Diagnostics.Tracing.EventWrittenEventArgs eventData)
        {
            if (eventData.EventName?.StartsWith("GCAllocationTick", StringComparison.Ordinal) == true && eventData.Payload is { } payload && eventData.PayloadNames is { } names)
            {
                var type = payload[names.IndexOf("TypeName")]?.ToString() ?? "?";
                lock (ByType)
                {
                    ByType[type] = ByType.GetValueOrDefault(type) + 1;
                    Total++;
                }
            }
        }
    }
}
