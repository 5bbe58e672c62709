using Attest.Core.Applications;
using Attest.Core.Findings;
using Attest.Core.Text;
using Attest.Evidence.CloudTrail;
using Attest.Evidence.Rules;

namespace Attest.Cli.Scanning;

/// <summary>
/// Scans the infrastructure code a case study points at (its <c>evidence</c> paths, relative to the application file)
/// so that readiness can weigh what the code supports and contradicts.
/// </summary>
internal static class EvidenceScan
{
    public static (CaseStudyFindings Findings, List<string> Warnings) ForCaseStudies(Application application, string applicationFolder, TrailOptions? trail = null, Language language = Language.En)
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
                    found = [.. Scan(path, reference, applicationFolder, warnings), .. ScanTrail(path, applicationFolder, warnings, trail ?? TrailOptions.Default, language)];
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

    // CloudTrail logs (a file or a folder tree of them) weigh on VAL-2.8 and VAL-2.2
    private static EvidenceFinding[] ScanTrail(string path, string folder, List<string> warnings, TrailOptions options, Language language)
    {
        if (!Directory.Exists(path) && !(File.Exists(path) && TrailFiles.IsTrail(path)))
        {
            return [];
        }

        var trail = TrailFiles.Read([path], options, language);
        if (trail is null)
        {
            return [];
        }

        warnings.AddRange(trail.Problems.Select(p => $"{Shown(p.Location.File, folder)}: {p.Message}"));
        return trail.Findings.Select(f => f with { File = Shown(f.File, folder) }).ToArray();
    }

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
