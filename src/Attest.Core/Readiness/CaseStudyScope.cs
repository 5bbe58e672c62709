using Attest.Core.Applications;
using Attest.Core.Catalogs;
using Attest.Core.Findings;
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
    private static readonly Phrase StateDelivery = new("Set delivery to msp or project for this case study.", "Indiquez delivery: msp ou project pour cette étude de cas.") { ForPeople = new("Choose the \"Delivery category\" of this case study: managed services or project.", "Choisissez la « Catégorie de livraison » de cette étude de cas : services managés ou projet.") };
    private static readonly Phrase NotEcommerce = new("Not an e-commerce implementation.", "Ce n'est pas une mise en œuvre de commerce électronique.");
    private static readonly Phrase EcommerceUnknown = new("Whether it is an e-commerce implementation is not stated.", "On ne sait pas s'il s'agit d'une mise en œuvre de commerce électronique.");
    private static readonly Phrase StateEcommerce = new("Set ecommerce to true or false for this case study.", "Indiquez ecommerce: true ou false pour cette étude de cas.") { ForPeople = new("Answer \"E-commerce implementation\" (yes or no) in this case study.", "Répondez à « Mise en œuvre de commerce électronique » (oui ou non) dans cette étude de cas.") };
    private static readonly Phrase NoCardholderData = new("E-commerce without cardholder data.", "Commerce électronique sans données de titulaires de carte.");
    private static readonly Phrase CardholderUnknown = new("Whether cardholder data is present is not stated.", "On ne sait pas si des données de titulaires de carte sont présentes.");
    private static readonly Phrase StateCardholder = new("Set cardholderData to true or false for this case study.", "Indiquez cardholderData: true ou false pour cette étude de cas.") { ForPeople = new("Answer \"Cardholder data present\" (yes or no) in this case study.", "Répondez à « Données de titulaires de carte présentes » (oui ou non) dans cette étude de cas.") };
    private static readonly Phrase NoService = new("Neither its AWS services nor its attached code include {0}.", "Ni ses services AWS ni son code joint n'incluent {0}.");
    private static readonly Phrase TypedService = new("Its AWS services include {0}.", "Ses services AWS incluent {0}.");
    private static readonly Phrase CodeDefinesMain = new("Its attached code defines {0} {1} ({2}).", "Son code joint définit {0} {1} ({2}).");
    private static readonly Phrase CodeDefinesResources = new("Its attached code defines {0} resource(s) of {1} ({2}).", "Son code joint définit {0} ressource(s) de {1} ({2}).");
    private static readonly Phrase WhyAndVerdict = new("{0} {1}", "{0} {1}");
    private static readonly Phrase MetForAll = new("Met for every case study it applies to: {0}.", "Respecté pour chaque étude de cas concernée : {0}.");
    private static readonly Phrase MetByOne = new("Met by {0}.", "Respecté par {0}.");
    private static readonly Phrase NotMetFor = new("Not met for {0} of {1} case studies: {2}", "Non respecté pour {0} étude(s) de cas sur {1} : {2}");
    private static readonly Phrase NoneMeets = new("No qualifying case study meets it: {0}", "Aucune étude de cas retenue ne le respecte : {0}");
    private static readonly Phrase ReviewFor = new("To be judged by a person for {0}.", "À juger par une personne pour {0}.");
    private static readonly Phrase NoneInScope = new("None of the qualifying case studies is concerned: {0}.", "Aucune des études de cas retenues n'est concernée : {0}.");
    private static readonly Phrase KeyAndReason = new("{0}: {1}", "{0} : {1}");

    // The reason of a case study that uses none of an item's services, made once per item of a loaded checklist (it names
    // only the item's services, from the fixed service list; a message is immutable)
    private static readonly System.Runtime.CompilerServices.ConditionalWeakTable<ChecklistItem, Message> NoServiceOf = [];

    /// <summary>
    /// Whether a counted case study is in the item's scope; when not, why (and whether that is a gap). For an item that
    /// applies to case studies using services, <c>Why</c> says what brought the case study in: its typed service list or
    /// the resources its attached code defines (the findings' inventory).
    /// </summary>
    public static (bool InScope, CaseStudyVerdict? Outside, Message? Why) Select(ChecklistItem item, CaseStudy c, NormalForms forms)
    {
        if (item.AppliesTo == Applicability.CaseStudiesUsingServices)
        {
            return UsesServices(item, c, forms.Findings.InventoryOf(c.Key), forms) is { } why
                ? (true, null, why)
                : (false, new CaseStudyVerdict { Key = c.Key, Status = ReadinessStatus.NotApplicable, Reason = NoServiceOf.GetValue(item, static i => NoService.With(ServiceNames(i.Services))) }, null);
        }

        var (inScope, outside) = SelectByFacts(item, c);
        return (inScope, outside, null);
    }

    /// <summary>
    /// Why the case study uses one of the item's services, or null when it does not: the code attached to it defines
    /// resources of the service (counted, with the files), or its typed service list names the service (read once per
    /// evaluation when <paramref name="forms"/> is given).
    /// </summary>
    public static Message? UsesServices(ChecklistItem item, CaseStudy c, EvidenceInventory inventory, NormalForms? forms = null)
    {
        foreach (var id in item.Services)
        {
            if (inventory.Of(id) is { Resources: > 0 } count && AwsServices.All.TryGetValue(id, out var service))
            {
                var files = string.Join(", ", count.Files);
                var main = service.MainTypes.Sum(t => count.ByResourceType.TryGetValue(t, out var n) ? n : 0);
                return main > 0 && service.MainNoun is { } noun && service.MainNounPlural is { } plural
                    ? CodeDefinesMain.With(main, main == 1 ? noun : plural, files)
                    : CodeDefinesResources.With(count.Resources, service.Name, files);
            }
        }

        foreach (var id in item.Services)
        {
            if (forms?.TypesService(c, id) ?? NamesService(c, id))
            {
                return TypedService.With(AwsServices.All[id].Name);
            }
        }

        return null;
    }

    /// <summary>Whether the case study's typed AWS service list names service <paramref name="serviceId"/>.</summary>
    internal static bool NamesService(CaseStudy c, string serviceId)
    {
        if (c.AwsServices is { } typed)
        {
            for (var i = 0; i < typed.Count; i++)
            {
                if (AwsServices.Names(typed[i], serviceId))
                {
                    return true;
                }
            }
        }

        return false;
    }

    private static string ServiceNames(IReadOnlyList<string> services)
    {
        var names = services.Select(s => AwsServices.All.TryGetValue(s, out var service) ? service.Name : s).ToList();
        return names.Count == 1 ? names[0] : string.Join(", ", names);
    }

    private static (bool InScope, CaseStudyVerdict? Outside) SelectByFacts(ChecklistItem item, CaseStudy c)
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
            _ => (true, null),
        };
    }

    /// <summary>
    /// Judges <paramref name="item"/> by applying <paramref name="judge"/> to each counted case study in scope.
    /// <paramref name="reviewReason"/> gives the item's reason when the result is <see cref="ReadinessStatus.NeedsReview"/>.
    /// </summary>
    public static ItemVerdict Judge(ChecklistItem item, EvaluationContext context, Func<CaseStudy, CaseStudyVerdict> judge, IReadOnlyList<Fact>? facts = null, Message? reviewReason = null, IReadOnlyList<Message>? notes = null) =>
        Judge(item, context, judge, static (c, judge) => judge(c), facts, reviewReason, notes);

    /// <summary>
    /// As <see cref="Judge(ChecklistItem, EvaluationContext, Func{CaseStudy, CaseStudyVerdict}, IReadOnlyList{Fact}?, Message?, IReadOnlyList{Message}?)"/>,
    /// the judge given what it needs in <paramref name="state"/> rather than capturing it, so that a static lambda (one
    /// shared delegate, no closure) can judge: the rules do this once per item per evaluation.
    /// </summary>
    public static ItemVerdict Judge<TState>(ChecklistItem item, EvaluationContext context, TState state, Func<CaseStudy, TState, CaseStudyVerdict> judge, IReadOnlyList<Fact>? facts = null, Message? reviewReason = null, IReadOnlyList<Message>? notes = null)
    {
        var pool = context.Pool;
        var standings = pool.Standings;
        var verdicts = new CaseStudyVerdict[standings.Count];

        // Which verdicts are judged: in scope, or out of it for want of a fact (not met)
        var judged = standings.Count <= 256 ? stackalloc bool[standings.Count] : new bool[standings.Count];
        var judgedCount = 0;
        for (var i = 0; i < verdicts.Length; i++)
        {
            var standing = standings[i];
            WorkMeter.Visit();
            if (!standing.Counted)
            {
                verdicts[i] = pool.NotCountedVerdict(standing);
                continue;
            }

            var (inScope, outside, why) = Select(item, standing.CaseStudy, context.Forms);
            var verdict = inScope ? judge(standing.CaseStudy, state) : outside!;
            if (why is not null)
            {
                verdict = verdict with { Reason = WhyAndVerdict.With(why, verdict.Reason) };
            }

            verdicts[i] = verdict;
            if (inScope || verdict.Status == ReadinessStatus.NotMet)
            {
                judged[i] = true;
                judgedCount++;
            }
        }

        ReadinessStatus status;
        Message reason;
        Message? next = null;
        var timeCounts = false;
        var (notMetCount, metCount, reviewCount) = (0, 0, 0);
        CaseStudyVerdict? firstNotMet = null, firstReview = null, firstChange = null;
        for (var i = 0; i < verdicts.Length; i++)
        {
            if (!judged[i])
            {
                continue;
            }

            var v = verdicts[i];
            switch (v.Status)
            {
                case ReadinessStatus.NotMet:
                    firstNotMet ??= v;
                    notMetCount++;
                    break;
                case ReadinessStatus.Met:
                    metCount++;
                    break;
                default:
                    firstReview ??= v;
                    reviewCount++;
                    break;
            }

            if (v.ChangesOn is { } day && (firstChange is null || day < firstChange.ChangesOn))
            {
                firstChange = v;
            }
        }

        var judgedOnes = new Judged(verdicts, judged);
        if (pool.Counted.Count == 0)
        {
            (status, reason, next) = (ReadinessStatus.NotMet, Shared.NoQualifyingCaseStudy.Message(), Shared.MakeCaseStudiesQualify.Message());
        }
        else if (item.AppliesTo == Applicability.AtLeastOneCaseStudy)
        {
            if (metCount > 0)
            {
                // With a single case study meeting it, the item changes when that one does
                (status, reason, timeCounts) = (ReadinessStatus.Met, MetByOne.With(Keys(judgedOnes, Kind.Met, metCount)), metCount == 1);
            }
            else if (reviewCount > 0)
            {
                (status, reason, next) = (ReadinessStatus.NeedsReview, reviewReason ?? ReviewFor.With(Keys(judgedOnes, Kind.Review, reviewCount)), firstReview!.NextStep);
            }
            else
            {
                (status, reason, next) = (ReadinessStatus.NotMet, NoneMeets.With(Explained(judgedOnes, notMetCount)), firstNotMet?.NextStep);
            }
        }
        else if (notMetCount > 0)
        {
            (status, reason, next) = (ReadinessStatus.NotMet, NotMetFor.With(notMetCount, judgedCount, Explained(judgedOnes, notMetCount)), firstNotMet!.NextStep);
        }
        else if (judgedCount == 0)
        {
            (status, reason) = (ReadinessStatus.NotApplicable, NoneInScope.With(OutOfScope(verdicts, pool)));
        }
        else if (reviewCount > 0)
        {
            (status, reason, next, timeCounts) = (ReadinessStatus.NeedsReview, reviewReason ?? ReviewFor.With(Keys(judgedOnes, Kind.Review, reviewCount)), firstReview!.NextStep, true);
        }
        else
        {
            (status, reason, timeCounts) = (ReadinessStatus.Met, MetForAll.With(Keys(judgedOnes, Kind.Met, metCount)), true);
        }

        return new ItemVerdict
        {
            Item = item,
            Status = status,
            Reason = reason,
            NextStep = next,
            CaseStudies = verdicts,
            Facts = facts ?? [],
            Notes = Concat(notes, Shared.Disagreement(context.SelfAssessment(item), status)),
            ChangesOn = timeCounts ? firstChange?.ChangesOn : null,
            Change = timeCounts && firstChange is not null ? KeyAndReason.With(firstChange.Key, firstChange.Change) : null,
        };
    }

    private enum Kind
    {
        Met,
        Review,
    }

    // The verdicts of the case studies, with which of them are judged
    private readonly ref struct Judged(CaseStudyVerdict[] verdicts, ReadOnlySpan<bool> judged)
    {
        public readonly CaseStudyVerdict[] Verdicts = verdicts;
        public readonly ReadOnlySpan<bool> IsJudged = judged;
    }

    // The keys of the judged verdicts of one kind (met, or neither met nor not met), in order
    private static string[] Keys(Judged judged, Kind kind, int count)
    {
        var keys = new string[count];
        var k = 0;
        for (var i = 0; i < judged.Verdicts.Length; i++)
        {
            var v = judged.Verdicts[i];
            if (judged.IsJudged[i] && (kind == Kind.Met ? v.Status == ReadinessStatus.Met : v.Status is not (ReadinessStatus.Met or ReadinessStatus.NotMet)))
            {
                keys[k++] = v.Key;
            }
        }

        return keys;
    }

    // "key: reason" for each counted case study out of the item's scope, in order (a method of its own: a lambda capturing
    // the pool in Judge would cost a closure on every call)
    private static Message[] OutOfScope(CaseStudyVerdict[] verdicts, CaseStudyPool pool)
    {
        var why = new List<Message>(verdicts.Length);
        foreach (var v in verdicts)
        {
            if (v.Status == ReadinessStatus.NotApplicable && pool.Of(v.Key).Counted)
            {
                why.Add(KeyAndReason.With(v.Key, v.Reason));
            }
        }

        return [.. why];
    }

    // "key: reason" for each judged verdict not met, in order
    private static Message[] Explained(Judged judged, int count)
    {
        var explained = new Message[count];
        var k = 0;
        for (var i = 0; i < judged.Verdicts.Length; i++)
        {
            var v = judged.Verdicts[i];
            if (judged.IsJudged[i] && v.Status == ReadinessStatus.NotMet)
            {
                explained[k++] = KeyAndReason.With(v.Key, v.Reason);
            }
        }

        return explained;
    }

    private static IReadOnlyList<Message> Concat(IReadOnlyList<Message>? first, IReadOnlyList<Message> second) =>
        first is null || first.Count == 0 ? second : second.Count == 0 ? first : [.. first, .. second];
}
