using Attest.Core.Applications;
using Attest.Core.Findings;
using Attest.Core.Text;
using Attest.Evidence.CloudTrail;
using Attest.Evidence.Scanning;

namespace Attest.Cli.Scanning;

/// <summary>
/// Hands the paths given on the command line to the one scanner (<see cref="EvidenceAnalyzer"/>): the paths of
/// <c>attest scan</c>, and the evidence a case study points at (its <c>evidence</c> paths, relative to the application
/// file) so that readiness can weigh what the evidence supports, contradicts and uses.
/// </summary>
internal static class EvidenceScan
{
    /// <summary>The source for one path: a folder, a single Terraform file (its module's folder), or a file named by the user.</summary>
    public static EvidenceSource Source(string path, string? name = null)
    {
        if (Directory.Exists(path))
        {
            return EvidenceSource.Folder(path, name);
        }

        // A .tf file stands for its module: the Terraform files of its folder
        return path.EndsWith(".tf", StringComparison.OrdinalIgnoreCase)
            ? EvidenceSource.Folder(Path.GetDirectoryName(Path.GetFullPath(path))!, Parent(name ?? path), EvidenceAnalyzer.IsTerraformFile)
            : EvidenceSource.File(path, name);
    }

    /// <summary>
    /// The sources for the paths of <c>attest scan</c>. A path named twice, or a file named beside a folder that holds it
    /// (and whose walk reaches it), is read once.
    /// </summary>
    public static List<EvidenceSource> Sources(IEnumerable<string> paths)
    {
        var given = paths.Select(p => (Path: p, Full: Path.GetFullPath(p))).ToList();
        var folders = given.Where(p => Directory.Exists(p.Full)).Select(p => p.Full).ToList();
        bool ReachedThroughFolder(string file) => folders.Any(folder =>
        {
            var relative = Path.GetRelativePath(folder, file).Replace('\\', '/');
            return relative != file && !relative.StartsWith("../", StringComparison.Ordinal) && relative != ".." && !ScanLimits.InSkippedFolder(relative);
        });

        var seen = new HashSet<string>(StringComparer.Ordinal);
        return [.. given
            .Where(p => seen.Add(p.Full) && (Directory.Exists(p.Full) || p.Full.EndsWith(".tf", StringComparison.OrdinalIgnoreCase) || !ReachedThroughFolder(p.Full)))
            .Select(p => Source(p.Path))];
    }

    /// <summary>Scans the evidence of every case study; each path is scanned once, whatever the number of case studies naming it.</summary>
    public static (CaseStudyFindings Findings, List<string> Warnings) ForCaseStudies(Application application, string applicationFolder, TrailOptions? trail = null, Language language = Language.En)
    {
        var byCaseStudy = new Dictionary<string, IReadOnlyList<EvidenceFinding>>(StringComparer.Ordinal);
        var inventories = new Dictionary<string, EvidenceInventory>(StringComparer.Ordinal);
        var reviews = new Dictionary<string, IReadOnlyList<WellArchitectedReview>>(StringComparer.Ordinal);
        var scanned = new Dictionary<string, EvidenceAnalysis>(StringComparer.Ordinal);
        var warnings = new List<string>();
        var options = new ScanOptions { Trail = trail ?? TrailOptions.Default, Language = language };
        foreach (var caseStudy in application.CaseStudies)
        {
            var findings = new List<EvidenceFinding>();
            var inventory = new List<EvidenceInventory>();
            var caseReviews = new List<WellArchitectedReview>();
            foreach (var reference in caseStudy.Evidence ?? [])
            {
                if (reference.Contains("://", StringComparison.Ordinal))
                {
                    continue;
                }

                var path = Path.GetFullPath(Path.Combine(applicationFolder, reference));
                if (!scanned.TryGetValue(path, out var analysis))
                {
                    if (!File.Exists(path) && !Directory.Exists(path))
                    {
                        warnings.Add($"evidence {reference}: no such file or folder");
                        continue;
                    }

                    // Files are shown as the application file names its evidence: relative to the application's folder
                    analysis = EvidenceAnalyzer.Analyze(Source(path, Path.GetRelativePath(applicationFolder, path).Replace('\\', '/')), options);
                    scanned[path] = analysis;
                    warnings.AddRange(analysis.Problems.Select(p => $"{p.Location.File}:{p.Location.Line}:{p.Location.Column}: {p.Message}"));
                }

                findings.AddRange(analysis.Findings);
                inventory.Add(analysis.Summary.Inventory);
                caseReviews.AddRange(analysis.Reviews);
            }

            reviews[caseStudy.Key] = caseReviews;

            byCaseStudy[caseStudy.Key] = findings;
            inventories[caseStudy.Key] = EvidenceInventory.Merge(inventory);
        }

        return (new CaseStudyFindings(byCaseStudy, inventories, reviews), warnings);
    }

    private static string Parent(string path)
    {
        var slash = path.Replace('\\', '/').LastIndexOf('/');
        return slash < 0 ? "." : path[..slash];
    }
}
