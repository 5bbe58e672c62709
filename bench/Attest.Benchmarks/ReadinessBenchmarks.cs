using Attest.Core.Applications;
using Attest.Core.Catalogs;
using Attest.Core.Readiness;
using BenchmarkDotNet.Attributes;

namespace Attest.Benchmarks;

/// <summary>Parse and evaluate one typical application; evaluate alone; a batch of 10,000 applications.</summary>
[MemoryDiagnoser]
public class ReadinessBenchmarks
{
    private static readonly DateOnly AsOf = new(2026, 11, 26);
    private Catalog catalog = null!;
    private string readyText = null!;
    private Application ready = null!;
    private Application[] batch = null!;

    /// <summary>The checklist (after <see cref="Setup"/>).</summary>
    internal Catalog Catalog => catalog;

    /// <summary>The parsed <c>examples/ready.yaml</c> (after <see cref="Setup"/>).</summary>
    internal Application Ready => ready;

    /// <summary>The evaluation date of every benchmark.</summary>
    internal DateOnly AsOfDate => AsOf;

    [GlobalSetup]
    public void Setup()
    {
        var folder = AppContext.BaseDirectory;
        var catalogPath = Path.Combine(folder, "catalogs", "aws-retail-consulting-2019-12.yaml");
        catalog = CatalogReader.Read(File.ReadAllText(catalogPath), catalogPath).Catalog!;
        readyText = File.ReadAllText(Path.Combine(folder, "examples", "ready.yaml"));
        ready = ApplicationReader.Read(readyText, "ready.yaml", [catalog]).Application!;
        var notReady = ApplicationReader.Read(File.ReadAllText(Path.Combine(folder, "examples", "not-ready.yaml")), "not-ready.yaml", [catalog]).Application!;

        // Varied applications: the two examples shifted in time and trimmed, so verdicts differ across the batch
        batch = new Application[10_000];
        for (var i = 0; i < batch.Length; i++)
        {
            var source = i % 3 == 0 ? notReady : ready;
            var shift = i % 400;
            batch[i] = source with
            {
                CaseStudies = source.CaseStudies.Take(source.CaseStudies.Count - (i % 2)).Select(c => c with { Completed = c.Completed?.AddDays(-shift) }).ToArray(),
            };
        }
    }

    [Benchmark(Description = "parse + evaluate ready.yaml")]
    public ReadinessReport ParseAndEvaluate()
    {
        var application = ApplicationReader.Read(readyText, "ready.yaml", [catalog]).Application!;
        return ReadinessEngine.Evaluate(application, catalog, AsOf);
    }

    [Benchmark(Description = "evaluate ready.yaml (with ready-until look-ahead)")]
    public ReadinessReport Evaluate() => ReadinessEngine.Evaluate(ready, catalog, AsOf);

    [Benchmark(Description = "evaluate ready.yaml (items only)")]
    public IReadOnlyList<ItemVerdict> EvaluateItems() => ReadinessEngine.EvaluateItems(ready, catalog, AsOf);

    [Benchmark(Description = "evaluate a batch of 10,000 applications", OperationsPerInvoke = 10_000)]
    public int EvaluateBatch()
    {
        var ready = 0;
        foreach (var application in batch)
        {
            ready += ReadinessEngine.Evaluate(application, catalog, AsOf).Ready ? 1 : 0;
        }

        return ready;
    }
}
