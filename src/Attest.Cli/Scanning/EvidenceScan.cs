using Attest.Core.Applications;
using Attest.Core.Findings;
using Attest.Evidence.Rules;

namespace Attest.Cli.Scanning;

/// <summary>
/// Scans the infrastructure code a case study points at (its <c>evidence</c> paths, relative to the application file)
/// so that readiness can weigh what the code supports and contradicts.
/// </summary>
internal static class EvidenceScan
{
    public static (CaseStudyFindings Findings, List<string> Warnings) ForCaseStudies(Application application, string applicationFolder)
    {
        var byCaseStudy = new Dictionary<string, IReadOnlyList<EvidenceFinding>>(StringComparer.Ordinal);
        var scanned = new Dictionary<string, IReadOnlyList<EvidenceFinding>>(StringComparer.Ordinal);
        var warnings = new List<string>();
        foreach (var caseStudy in application.CaseStudies)
        {
            var findings = new List<EvidenceFinding>();
            foreach (var reference in caseStudy.Evidence ?? [])
            {
                if (reference.Contains("://", StringComparison.Ordinal))
                {
                    continue;
                }

                var path = Path.GetFullPath(Path.Combine(applicationFolder, reference));
                if (!scanned.TryGetValue(path, out var found))
                {
                    found = Scan(path, reference, applicationFolder, warnings);
                    scanned[path] = found;
                }

                findings.AddRange(found);
            }

            byCaseStudy[caseStudy.Key] = findings;
        }

        return (new CaseStudyFindings(byCaseStudy), warnings);
    }

    // Files are shown as the application file names its evidence: relative to the application's folder
    private static string Shown(string file, string folder) => Path.GetRelativePath(folder, Path.GetFullPath(file)).Replace('\\', '/');

    private static EvidenceFinding[] Scan(string path, string reference, string folder, List<string> warnings)
    {
        if (!File.Exists(path) && !Directory.Exists(path))
        {
            warnings.Add($"evidence {reference}: no such file or folder");
            return [];
        }

        // Documents, diagrams and anything else that is not infrastructure code are evidence for a person, not for the analyzers
        if (File.Exists(path) && !IacFiles.MayBeCode(path))
        {
            return [];
        }

        var (documents, problems) = IacFiles.Read([path]);
        warnings.AddRange(problems.Concat(documents.SelectMany(d => d.Problems)).Select(p => $"{Shown(p.Location.File, folder)}:{p.Location.Line}:{p.Location.Column}: {p.Message}"));
        return documents.SelectMany(d => RuleSet.Scan(d)).Select(f => f with { File = Shown(f.File, folder) }).ToArray();
    }
}
