using Attest.Core.Catalogs;
using Attest.Core.Text;

namespace Attest.Core.Readiness;

/// <summary>
/// Cited evidence that does not exist: an item whose self-assessment cites a missing file or folder, or a case study
/// it is judged on whose evidence list does, is at best needs review, and says what is missing. Which references are
/// missing is told by the caller (<see cref="NormalForms.MissingEvidence"/>): the domain does no I/O.
/// </summary>
internal static class CitedEvidence
{
    private static readonly Phrase ItemMissing = new("Cited evidence not found: {0}.", "Preuves citées introuvables : {0}.");
    private static readonly Phrase CaseMissing = new("{0} Cited evidence not found: {1}.", "{0} Preuves citées introuvables : {1}.");
    private static readonly Phrase Provide = new("Put the cited files and folders where the application file says they are (paths are relative to it), or correct the references.", "Placez les fichiers et dossiers cités là où le fichier de candidature l'indique (chemins relatifs à ce fichier), ou corrigez les références.");

    /// <summary>The verdict with the missing evidence it relies on taken into account.</summary>
    public static ItemVerdict Check(ItemVerdict verdict, EvaluationContext context)
    {
        var missing = context.Forms.MissingEvidence;
        if (missing.Count == 0)
        {
            return verdict;
        }

        var item = verdict.Item;
        var all = new List<string>();
        if (context.SelfAssessment(item)?.Evidence is { } cited)
        {
            all.AddRange(cited.Select(r => r.Trim()).Where(missing.Contains));
        }

        // Case-study evidence is what a person judges the case-study items on; automatic items rest on stated facts
        var cases = verdict.CaseStudies;
        if (item.Automation != Automation.Automatic && item.AppliesTo != Applicability.Partner)
        {
            cases = verdict.CaseStudies.Select(v =>
            {
                if (v.Status == ReadinessStatus.NotApplicable || !context.Pool.Of(v.Key).Counted
                    || context.Pool.Of(v.Key).CaseStudy.Evidence is not { } evidence || evidence.Select(r => r.Trim()).Where(missing.Contains).ToArray() is not { Length: > 0 } gone)
                {
                    return v;
                }

                all.AddRange(gone);
                return v with
                {
                    Status = v.Status == ReadinessStatus.Met ? ReadinessStatus.NeedsReview : v.Status,
                    Reason = CaseMissing.With(v.Reason, gone),
                    NextStep = v.NextStep ?? Provide.Message(),
                };
            }).ToArray();
        }

        if (all.Count == 0)
        {
            return verdict;
        }

        var distinct = all.Distinct(StringComparer.Ordinal).ToArray();
        return verdict with
        {
            Status = verdict.Status == ReadinessStatus.Met ? ReadinessStatus.NeedsReview : verdict.Status,
            NextStep = verdict.NextStep ?? Provide.Message(),
            CaseStudies = cases,
            Facts = [.. verdict.Facts, new("missingEvidence", distinct)],
            Notes = [ItemMissing.With(distinct), .. verdict.Notes],
        };
    }
}
