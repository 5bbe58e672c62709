using Attest.Core.Findings;
using Attest.Core.Text;
using Attest.Evidence.CloudTrail;
using Attest.Evidence.Model;

namespace Attest.Cli.Scanning;

/// <summary>What the CloudTrail logs under the scanned paths gave: the timeline, the findings and the problems met.</summary>
internal sealed record TrailScan(TrailReport? Report, IReadOnlyList<EvidenceFinding> Findings, IReadOnlyList<IacProblem> Problems);

/// <summary>
/// Finds CloudTrail log files under the paths given to <c>attest scan</c> and in case-study evidence, by their content
/// (<c>.json</c> or <c>.json.gz</c> whose top level holds a <c>Records</c> array), and reads them in sorted order.
/// </summary>
internal static class TrailFiles
{
    private static readonly string[] SkippedFolders = [".git", "node_modules", "bin", "obj", "CloudTrail-Digest"];
    private static readonly Phrase NotTrail = new("not a CloudTrail log file (no top-level Records array); skipped", "pas un fichier de journal CloudTrail (pas de tableau Records au premier niveau) ; ignoré");

    /// <summary>Whether the file's name allows a CloudTrail log (<c>.json</c>, <c>.json.gz</c>, <c>.gz</c>).</summary>
    public static bool MayBeTrail(string file) =>
        file.EndsWith(".json", StringComparison.OrdinalIgnoreCase) || file.EndsWith(".gz", StringComparison.OrdinalIgnoreCase);

    /// <summary>Whether <paramref name="file"/> is a CloudTrail log file, judged by its first bytes.</summary>
    public static bool IsTrail(string file) => Shape(file) != TrailShape.None;

    private static TrailShape Shape(string file) =>
        MayBeTrail(file) && InputFile.NotRegular(file) is null ? TrailFile.Detect(() => File.OpenRead(file), IsGzip(file)) : TrailShape.None;

    /// <summary>
    /// Reads the CloudTrail files under <paramref name="paths"/>, several at a time (one per core; the result does not
    /// depend on the order); null when there are none. A <c>.gz</c> file named explicitly that is not CloudTrail is
    /// reported; a <c>.json</c> one is left to the infrastructure-code reader.
    /// </summary>
    public static TrailScan? Read(IReadOnlyList<string> paths, TrailOptions options, Language language, string? item = null)
    {
        var candidates = new List<(string File, int Path, bool Named)>();
        for (var i = 0; i < paths.Count; i++)
        {
            if (File.Exists(paths[i]))
            {
                candidates.Add((paths[i], i, true));
            }
            else if (Directory.Exists(paths[i]))
            {
                candidates.AddRange(Walk(paths[i]).Where(MayBeTrail).Select(f => (f, i, false)));
            }
        }

        // A file named twice (itself and through its folder) is read once
        var seen = new HashSet<string>(StringComparer.Ordinal);
        candidates.RemoveAll(c => !seen.Add(Path.GetFullPath(c.File)));
        var analyzer = new TrailAnalyzer(options);
        var found = new bool[paths.Count];
        var problems = new List<IacProblem>();
        var gate = new object();
        Parallel.ForEach(
            candidates,
            new ParallelOptions { MaxDegreeOfParallelism = Environment.ProcessorCount },
            () => new TrailAnalyzer(options),
            (candidate, _, local) =>
            {
                var shape = Shape(candidate.File);
                if (shape != TrailShape.None)
                {
                    found[candidate.Path] = true;
                    ReadOne(candidate.File, shape, local);
                }
                else if (candidate.Named && IsGzip(candidate.File))
                {
                    lock (gate)
                    {
                        problems.Add(new IacProblem(new FileLocation(candidate.File, 1, 1), NotTrail.In(language)));
                    }
                }

                return local;
            },
            local =>
            {
                lock (gate)
                {
                    analyzer.Merge(local);
                }
            });

        if (!found.Any(f => f))
        {
            // Only gzip files that are not CloudTrail: the notes, and no verdict drawn from nothing
            return problems.Count == 0 ? null : new TrailScan(null, [], [.. problems.OrderBy(p => p.Location.File, StringComparer.Ordinal)]);
        }

        for (var i = 0; i < paths.Count; i++)
        {
            if (found[i])
            {
                analyzer.AddPath(paths[i]);
            }
        }

        var report = analyzer.Finish();
        problems.AddRange(report.Problems.Select(p => new IacProblem(new FileLocation(p.File, 1, 1), p.Message.In(language))));
        var findings = TrailRules.Judge(report).Where(f => item is null || f.Item == item).ToList();
        return new TrailScan(report, [.. findings], [.. problems.OrderBy(p => p.Location.File, StringComparer.Ordinal)]);
    }

    private static void ReadOne(string file, TrailShape shape, TrailAnalyzer analyzer) =>
        TrailFile.Read(analyzer, () => new FileStream(file, FileMode.Open, FileAccess.Read, FileShare.Read, bufferSize: 1 << 16), IsGzip(file), shape, file);

    private static bool IsGzip(string file) => file.EndsWith(".gz", StringComparison.OrdinalIgnoreCase);

    // Depth first, entries in ordinal order: the same files in the same order on every machine
    private static IEnumerable<string> Walk(string root)
    {
        List<string> entries;
        try
        {
            entries = [.. Directory.EnumerateFileSystemEntries(root).Order(StringComparer.Ordinal)];
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            yield break;
        }

        foreach (var entry in entries)
        {
            if (Directory.Exists(entry))
            {
                if (SkippedFolders.Contains(Path.GetFileName(entry), StringComparer.Ordinal) || (File.GetAttributes(entry) & FileAttributes.ReparsePoint) != 0)
                {
                    continue;
                }

                foreach (var file in Walk(entry))
                {
                    yield return file;
                }
            }
            else
            {
                yield return entry;
            }
        }
    }
}
