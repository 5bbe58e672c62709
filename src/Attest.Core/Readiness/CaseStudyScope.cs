using Attest.Core.Applications;
using Attest.Core.Catalogs;
using Attest.Core.Text;

namespace Attest.Core.Readiness;

/// <summary>
/// Judges an item over the counted case studies its applicability selects, and folds the per-case-study
/// verdicts into the item's verdict. Case studies that do not count are shown as not applicable, with why.
/// </summary>
internal static class CaseStudyScope
{
    private static readonly Phrase DeliveredAsMsp = new("Delivered as a managed service; this item applies to project-based case studies.", "Livrée en services gérés ; cet élément s'applique aux études de cas basées sur un projet.");
    private static readonly Phrase DeliveryUnknown = new("Its delivery category is not stated, so whether this item applies is unknown (see PRE-2.3).", "Sa catégorie de livraison n'est pas indiquée : on ne sait pas si cet élément s'applique (voir PRE-2.3).");
    private static readonly Phrase StateDelivery = new("Set delivery to msp or project for this case study.", "Indiquez delivery: msp ou project pour cette étude de cas.");
    private static readonly Phrase NotEcommerce = new("Not an e-commerce implementation.", "Ce n'est pas une mise en œuvre de commerce électronique.");
    private static readonly Phrase EcommerceUnknown = new("Whether it is an e-commerce implementation is not stated.", "On ne sait pas s'il s'agit d'une mise en œuvre de commerce électronique.");
    private static readonly Phrase StateEcommerce = new("Set ecommerce to true or false for this case study.", "Indiquez ecommerce: true ou false pour cette étude de cas.");
    private static readonly Phrase NoCardholderData = new("E-commerce without cardholder data.", "Commerce électronique sans données de titulaires de carte.");
    private static readonly Phrase CardholderUnknown = new("Whether cardholder data is present is not stated.", "On ne sait pas si des données de titulaires de carte sont présentes.");
    private static readonly Phrase StateCardholder = new("Set cardholderData to true or false for this case study.", "Indiquez cardholderData: true ou false pour cette étude de cas.");
    private static readonly Phrase NoS3 = new("Its AWS services do not include Amazon S3.", "Ses services AWS n'incluent pas Amazon S3.");
    private static readonly Phrase MetForAll = new("Met for every case study it applies to: {0}.", "Respecté pour chaque étude de cas concernée : {0}.");
    private static readonly Phrase MetByOne = new("Met by {0}.", "Respecté par {0}.");
    private static readonly Phrase NotMetFor = new("Not met for {0} of {1} case studies: {2}", "Non respecté pour {0} étude(s) de cas sur {1} : {2}");
    private static readonly Phrase NoneMeets = new("No qualifying case study meets it: {0}", "Aucune étude de cas retenue ne le respecte : {0}");
    private static readonly Phrase ReviewFor = new("To be judged by a person for {0}.", "À juger par une personne pour {0}.");
    private static readonly Phrase NoneInScope = new("None of the qualifying case studies is concerned: {0}.", "Aucune des études de cas retenues n'est concernée : {0}.");
    private static readonly Phrase KeyAndReason = new("{0}: {1}", "{0} : {1}");

    /// <summary>Whether a counted case study is in the item's scope; when not, why (and whether that is a gap).</summary>
    public static (bool InScope, CaseStudyVerdict? Outside) Select(ChecklistItem item, CaseStudy c)
    {
        CaseStudyVerdict Out(Phrase reason) => new() { Key = c.Key, Status = ReadinessStatus.NotApplicable, Reason = reason.Message() };
        CaseStudyVerdict Unknown(Phrase reason, Phrase next) => new() { Key = c.Key, Status = ReadinessStatus.NotMet, Reason = reason.Message(), NextStep = next.Message() };
        return item.AppliesTo switch
        {
            Applicability.AllProjectBased => c.Delivery switch
            {
                DeliveryCategory.Project => (true, null),
                DeliveryCategory.Msp => (false, Out(DeliveredAsMsp)),
                _ => (false, Unknown(DeliveryUnknown, StateDelivery)),
            },
            Applicability.Ecommerce => c.Ecommerce switch
            {
                true => (true, null),
                false => (false, Out(NotEcommerce)),
                null => (false, Unknown(EcommerceUnknown, StateEcommerce)),
            },
            Applicability.EcommerceCardholderData => (c.Ecommerce, c.CardholderData) switch
            {
                (false, _) => (false, Out(NotEcommerce)),
                (null, _) => (false, Unknown(EcommerceUnknown, StateEcommerce)),
                (true, true) => (true, null),
                (true, false) => (false, Out(NoCardholderData)),
                (true, null) => (false, Unknown(CardholderUnknown, StateCardholder)),
            },
            Applicability.CaseStudiesWithS3 => UsesS3(c) ? (true, null) : (false, Out(NoS3)),
            _ => (true, null),
        };
    }

    /// <summary>Whether the case study's AWS services include Amazon S3.</summary>
    public static bool UsesS3(CaseStudy c) => c.AwsServices?.Any(s =>
    {
        var name = s.ToLowerInvariant();
        return name.Contains("simple storage service", StringComparison.Ordinal)
            || name.Split([' ', '(', ')', ',', '/', '-'], StringSplitOptions.RemoveEmptyEntries).Contains("s3");
    }) == true;

    /// <summary>
    /// Judges <paramref name="item"/> by applying <paramref name="judge"/> to each counted case study in scope.
    /// <paramref name="reviewReason"/> gives the item's reason when the result is <see cref="ReadinessStatus.NeedsReview"/>.
    /// </summary>
    public static ItemVerdict Judge(ChecklistItem item, EvaluationContext context, Func<CaseStudy, CaseStudyVerdict> judge, IReadOnlyList<Fact>? facts = null, Message? reviewReason = null, IReadOnlyList<Message>? notes = null)
    {
        var pool = context.Pool;
        var verdicts = new List<CaseStudyVerdict>(pool.Standings.Count);
        var judged = new List<CaseStudyVerdict>();
        foreach (var standing in pool.Standings)
        {
            if (!standing.Counted)
            {
                verdicts.Add(Shared.NotCounted(standing));
                continue;
            }

            var (inScope, outside) = Select(item, standing.CaseStudy);
            var verdict = inScope ? judge(standing.CaseStudy) : outside!;
            verdicts.Add(verdict);
            if (inScope || verdict.Status == ReadinessStatus.NotMet)
            {
                judged.Add(verdict);
            }
        }

        var result = new ItemVerdict
        {
            Item = item,
            Status = ReadinessStatus.NotMet,
            Reason = Shared.NoQualifyingCaseStudy.Message(),
            NextStep = Shared.MakeCaseStudiesQualify.Message(),
            CaseStudies = verdicts,
            Facts = facts ?? [],
            Notes = notes ?? [],
        };
        if (pool.Counted.Count == 0)
        {
            return result;
        }

        var notMet = judged.Where(v => v.Status == ReadinessStatus.NotMet).ToArray();
        var met = judged.Where(v => v.Status == ReadinessStatus.Met).ToArray();
        var review = judged.Where(v => v.Status == ReadinessStatus.NeedsReview).ToArray();
        var firstChange = judged.Where(v => v.ChangesOn is not null).MinBy(v => v.ChangesOn);
        var changes = result with { ChangesOn = firstChange?.ChangesOn, Change = firstChange is null ? null : KeyAndReason.With(firstChange.Key, firstChange.Change) };
        if (item.AppliesTo == Applicability.AtLeastOneCaseStudy)
        {
            if (met.Length > 0)
            {
                var last = met.Length == 1 ? changes : result;
                return last with { Status = ReadinessStatus.Met, Reason = MetByOne.With(Keys(met)), NextStep = null };
            }

            if (review.Length > 0)
            {
                return result with { Status = ReadinessStatus.NeedsReview, Reason = reviewReason ?? ReviewFor.With(Keys(review)), NextStep = review[0].NextStep };
            }

            return result with { Reason = NoneMeets.With(Explained(notMet)), NextStep = notMet.FirstOrDefault()?.NextStep };
        }

        if (notMet.Length > 0)
        {
            return result with { Reason = NotMetFor.With(notMet.Length, judged.Count, Explained(notMet)), NextStep = notMet[0].NextStep };
        }

        if (judged.Count == 0)
        {
            var why = verdicts.Where(v => v.Status == ReadinessStatus.NotApplicable && pool.Of(v.Key).Counted).Select(v => KeyAndReason.With(v.Key, v.Reason));
            return result with { Status = ReadinessStatus.NotApplicable, Reason = NoneInScope.With(why.ToArray()), NextStep = null };
        }

        if (review.Length > 0)
        {
            return changes with { Status = ReadinessStatus.NeedsReview, Reason = reviewReason ?? ReviewFor.With(Keys(review)), NextStep = review[0].NextStep };
        }

        return changes with { Status = ReadinessStatus.Met, Reason = MetForAll.With(Keys(met)), NextStep = null };
    }

    private static string[] Keys(IEnumerable<CaseStudyVerdict> verdicts) => verdicts.Select(v => v.Key).ToArray();

    private static Message[] Explained(IEnumerable<CaseStudyVerdict> verdicts) => verdicts.Select(v => KeyAndReason.With(v.Key, v.Reason)).ToArray();
}
