using Attest.Core.Applications;
using Attest.Core.Text;
using Attest.Package;

namespace Attest.Cli;

/// <summary>
/// Finds the evidence files and folders an application cites (case-study and self-assessment evidence, relative to the
/// application file; web addresses are not looked at) that are not there, for <c>attest check</c>.
/// </summary>
internal static class CitedEvidenceCheck
{
    private static readonly Phrase NotFound = new("Cited evidence not found: {0} (cited by {1}).", "Preuve citée introuvable : {0} (citée par {1}).");
    private static readonly Phrase OutsideFolder = new("Cited evidence outside the application's folder: {0} (cited by {1}).", "Preuve citée hors du dossier de la candidature : {0} (citée par {1}).");

    /// <summary>
    /// The missing references, and one line per reference saying so, except for the references that one of the
    /// <paramref name="warnings"/> already names (the evidence scanner warns about the case studies' own).
    /// </summary>
    public static (List<string> Missing, List<string> Lines) Find(Application application, string folder, Language language, IReadOnlyList<string> warnings)
    {
        var root = Path.TrimEndingDirectorySeparator(Path.GetFullPath(folder)) + Path.DirectorySeparatorChar;
        var missing = new List<string>();
        var lines = new List<string>();
        foreach (var reference in EvidenceReferences.Collect(application))
        {
            if (reference.IsUrl)
            {
                continue;
            }

            var citedBy = string.Join(", ", reference.Items.Concat(reference.CaseStudies));
            string full;
            try
            {
                full = Path.GetFullPath(Path.Combine(folder, reference.Reference));
            }
            catch (Exception e) when (e is ArgumentException or NotSupportedException or PathTooLongException)
            {
                missing.Add(reference.Reference);
                Say(NotFound.With(reference.Reference, citedBy).In(language), reference.Reference);
                continue;
            }

            if (!(full + Path.DirectorySeparatorChar).StartsWith(root, StringComparison.Ordinal))
            {
                missing.Add(reference.Reference);
                Say(OutsideFolder.With(reference.Reference, citedBy).In(language), reference.Reference);
            }
            else if (!File.Exists(full) && !Directory.Exists(full))
            {
                missing.Add(reference.Reference);
                Say(NotFound.With(reference.Reference, citedBy).In(language), reference.Reference);
            }
        }

        return (missing, lines);

        void Say(string line, string reference)
        {
            if (!warnings.Any(w => w.Contains(reference + ":", StringComparison.Ordinal)))
            {
                lines.Add(line);
            }
        }
    }
}
