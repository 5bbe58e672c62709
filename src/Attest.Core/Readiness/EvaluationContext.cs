using Attest.Core.Applications;
using Attest.Core.Catalogs;
using Attest.Core.Findings;
using Attest.Core.Site;
using Attest.Core.Text;

namespace Attest.Core.Readiness;

/// <summary>What every rule sees: the application, its checklist, the date, and the sorted case studies.</summary>
public sealed class EvaluationContext
{
    internal EvaluationContext(Application application, Catalog catalog, DateOnly asOf, NormalForms forms)
    {
        Application = application;
        Catalog = catalog;
        AsOf = asOf;
        Forms = forms;
        var caseStudyRule = catalog.Items.FirstOrDefault(i => i.Rule is "retail-case-studies" or "production-case-studies");
        var site = SiteEvidence.UsableSite(application, forms.Site);
        var retail = caseStudyRule?.Rule != "production-case-studies";
        Pool = CaseStudyPool.Build(application, asOf, caseStudyRule?.IntParameter("windowMonths") ?? 18, forms, c => PublicCaseStudiesRule.IsPublic(c, forms, site), retail);
    }

    // The same application on another day, when a pool built on that day would be this one's (CaseStudyPool.SameOn)
    private EvaluationContext(EvaluationContext other, DateOnly day)
    {
        Application = other.Application;
        Catalog = other.Catalog;
        AsOf = day;
        Forms = other.Forms;
        Pool = other.Pool;
    }

    /// <summary>The application.</summary>
    public Application Application { get; }

    /// <summary>The checklist.</summary>
    public Catalog Catalog { get; }

    /// <summary>The evaluation date.</summary>
    public DateOnly AsOf { get; }

    /// <summary>Normal forms of the application's names and addresses.</summary>
    public NormalForms Forms { get; }

    /// <summary>What a crawl of the partner's web site observed, when one is given.</summary>
    public SiteObservation? Site => Forms.Site;

    /// <summary>The case studies sorted into those that count and those that don't.</summary>
    public CaseStudyPool Pool { get; }

    /// <summary>
    /// The context of the same application on <paramref name="day"/>: this one's case-study pool when a pool built on that
    /// day would sort the case studies alike, otherwise a new one.
    /// </summary>
    internal EvaluationContext On(DateOnly day, out bool samePool) =>
        (samePool = Pool.SameOn(day)) ? new EvaluationContext(this, day) : new EvaluationContext(Application, Catalog, day, Forms);

    /// <summary>The analyzer findings about <paramref name="item"/> in the evidence of case study <paramref name="caseStudy"/>.</summary>
    public IReadOnlyList<EvidenceFinding> Findings(string caseStudy, ChecklistItem item) => Forms.Findings.For(caseStudy, item);

    /// <summary>The partner's self-assessment of <paramref name="item"/>, if any.</summary>
    /// <remarks>
    /// The rule of an item asks for its entry several times (its own answer, the disagreement note, the cited evidence):
    /// the last item's entry is kept, so that each item costs one look-up. A context serves one evaluation on one thread.
    /// </remarks>
    public SelfAssessmentEntry? SelfAssessment(ChecklistItem item)
    {
        if (!ReferenceEquals(item, lastAssessed))
        {
            lastEntry = Application.SelfAssessment.TryGetValue(item.Id, out var entry) ? entry : null;
            lastAssessed = item;
        }

        return lastEntry;
    }

    private ChecklistItem? lastAssessed;
    private SelfAssessmentEntry? lastEntry;
}

/// <summary>A readiness rule: pure, judging one item from the context.</summary>
internal interface IReadinessRule
{
    /// <summary>
    /// Whether the verdict reads the date (<see cref="EvaluationContext.AsOf"/>) other than through the case-study pool:
    /// a rule that does not gives the same verdict on any day the pool is the same.
    /// </summary>
    bool ReadsDate => false;

    ItemVerdict Evaluate(ChecklistItem item, EvaluationContext context);

    /// <summary>The status <see cref="Evaluate"/> gives (the look-ahead needs nothing else); a rule may find it with less work.</summary>
    ReadinessStatus Status(ChecklistItem item, EvaluationContext context) => Evaluate(item, context).Status;
}

/// <summary>Texts shared by several rules.</summary>
internal static class Shared
{
    public static readonly Phrase NoQualifyingCaseStudy = new(
        "No case study qualifies yet, so there is nothing to judge (see PRE-2.1).",
        "Aucune étude de cas ne remplit encore les conditions : il n'y a rien à juger (voir PRE-2.1).");

    public static readonly Phrase MakeCaseStudiesQualify = new(
        "Complete your case studies so that they qualify under PRE-2.1.",
        "Complétez vos études de cas pour qu'elles remplissent les conditions de PRE-2.1.");

    public static readonly Phrase DoesNotCount = new(
        "Does not count for the application: {0} (see PRE-2.1).",
        "Ne compte pas pour la candidature : {0} (voir PRE-2.1).");

    public static readonly Phrase DuplicateCustomer = new(
        "Does not count for the application: {0}.",
        "Ne compte pas pour la candidature : {0}.");

    public static readonly Phrase SelfAssessmentSaysMet = new(
        "Your self-assessment says met, but the facts do not support it yet.",
        "Votre auto-évaluation indique « respecté », mais les faits ne le confirment pas encore.")
    {
        ForOthers = new("The partner's self-assessment says met, but the facts do not support it yet.", "L'auto-évaluation du partenaire indique « respecté », mais les faits ne le confirment pas encore."),
    };

    public static readonly Phrase SelfAssessmentSaysNotMet = new(
        "Your self-assessment says not met, yet the facts meet the requirement: update it.",
        "Votre auto-évaluation indique « non respecté », alors que les faits satisfont l'exigence : mettez-la à jour.")
    {
        ForOthers = new("The partner's self-assessment says not met, yet the facts meet the requirement.", "L'auto-évaluation du partenaire indique « non respecté », alors que les faits satisfont l'exigence."),
    };

    /// <summary>The verdict of a case study that does not count for the application.</summary>
    public static CaseStudyVerdict NotCounted(CaseStudyStanding standing) => new()
    {
        Key = standing.CaseStudy.Key,
        Status = ReadinessStatus.NotApplicable,
        Reason = standing.DuplicateOf is not null
            ? DuplicateCustomer.With(standing.DuplicateReason)
            : DoesNotCount.With(standing.Problems),
    };

    /// <summary>Notes when the partner's own answer disagrees with an automatic verdict.</summary>
    public static IReadOnlyList<Message> Disagreement(SelfAssessmentEntry? entry, ReadinessStatus status) => (entry?.Met, status) switch
    {
        (true, ReadinessStatus.NotMet) => [SelfAssessmentSaysMet.Message()],
        (false, ReadinessStatus.Met) => [SelfAssessmentSaysNotMet.Message()],
        _ => [],
    };
}

/// <summary>Values of facts boxed once (a fact holds an object): the same value, without an allocation per verdict.</summary>
internal static class Boxes
{
    private static readonly object True = true;
    private static readonly object False = false;

    /// <summary><paramref name="value"/> as an object: null, or one shared box per value.</summary>
    public static object? Of(bool? value) => value switch { true => True, false => False, null => null };
}
