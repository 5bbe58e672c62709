using Attest.Core.Applications;
using Attest.Core.Catalogs;
using Attest.Core.Findings;
using Attest.Core.Text;

namespace Attest.Core.Readiness;

/// <summary>The partner's stage on the AWS Services Path is at least the catalog's minimum (service delivery checklists, 1.2).</summary>
internal sealed class ServicesPathRule : IReadinessRule
{
    private static readonly Phrase AtStage = new("The partner is at the {0} stage of the Services Path; {1} or further is required.", "Le partenaire est au stade {0} du parcours Services ; le stade {1} ou au-delà est exigé.");
    private static readonly Phrase NotOnPath = new("The partner is not on the Services Path; the {0} stage or further is required.", "Le partenaire n'est pas sur le parcours Services ; le stade {0} ou au-delà est exigé.");
    private static readonly Phrase NotStated = new("The partner's stage on the Services Path is not stated; {0} or further is required.", "Le stade du partenaire sur le parcours Services n'est pas indiqué ; le stade {0} ou au-delà est exigé.");
    private static readonly Phrase StateIt = new("Set partner.servicesPath to your stage on the AWS Services Path (none, registered, validated or differentiated).", "Indiquez dans partner.servicesPath votre stade sur le parcours Services AWS (none, registered, validated ou differentiated).");
    private static readonly Phrase Reach = new("Reach the {0} stage of the Services Path before applying; your partner development manager can tell you how.", "Atteignez le stade {0} du parcours Services avant de postuler ; votre responsable du développement partenaire peut vous dire comment.");

    public ItemVerdict Evaluate(ChecklistItem item, EvaluationContext context)
    {
        var minimum = item.PathStageParameter("minimum");
        var stage = context.Application.Partner.ServicesPath;
        var minimumName = Vocabulary.PathStages.Display(minimum);
        var status = stage >= minimum ? ReadinessStatus.Met : ReadinessStatus.NotMet;
        return new ItemVerdict
        {
            Item = item,
            Status = status,
            Reason = stage switch
            {
                null => NotStated.With(minimumName),
                ServicesPathStage.None => NotOnPath.With(minimumName),
                { } s => AtStage.With(Vocabulary.PathStages.Display(s), minimumName),
            },
            NextStep = status == ReadinessStatus.Met ? null : stage is null ? StateIt.Message() : Reach.With(minimumName),
            Facts = [new("servicesPath", stage is { } v ? Vocabulary.PathStages.Wire(v) : null), new("minimum", Vocabulary.PathStages.Wire(minimum))],
            Notes = Shared.Disagreement(context.SelfAssessment(item), status),
        };
    }
}

/// <summary>Enough production case studies of unique customers within the window, whatever their industry (service delivery checklists, 2.1).</summary>
internal sealed class ProductionCaseStudiesRule : IReadinessRule
{
    private static readonly Phrase Counts = new("Counts: {0}, in production, completed on {1}.", "Compte : {0}, en production, achevée le {1}.");
    private static readonly Phrase DoesNotQualify = new("Does not qualify: {0}.", "Ne remplit pas les conditions : {0}.");
    private static readonly Phrase FixIt = new("Fix what is listed, or replace this case study with another one.", "Corrigez ce qui est indiqué, ou remplacez cette étude de cas par une autre.");
    private static readonly Phrase Duplicate = new("Qualifies, but {0}: not counted, as the customer counts once.", "Remplit les conditions, mais {0} : non comptée, le client ne comptant qu'une fois.");
    private static readonly Phrase LeavesWindow = new("Leaves the {0}-month window (completed {1}).", "Sort de la période de {0} mois (achevée le {1}).");
    private static readonly Phrase Enough = new("{0} unique customers qualify: {1}.", "{0} clients uniques remplissent les conditions : {1}.");
    private static readonly Phrase TooFew = new("Only {0} unique customer(s) qualify; {1} are needed.", "Seulement {0} client(s) unique(s) remplissent les conditions ; il en faut {1}.");
    private static readonly Phrase Add = new("Add or complete case studies until {0} unique customers qualify: production projects completed within the last {1} months, one per customer, with customer, web site, problem, solution, AWS services and results filled in.", "Ajoutez ou complétez des études de cas jusqu'à ce que {0} clients uniques remplissent les conditions : projets en production achevés au cours des {1} derniers mois, un par client, avec client, site web, problème, solution, services AWS et résultats renseignés.");
    private static readonly Phrase DropsBelow = new("Fewer than {0} qualifying unique customers remain as case studies leave the {1}-month window.", "Il reste moins de {0} clients uniques retenus quand des études de cas sortent de la période de {1} mois.");
    private static readonly Phrase MaybeOne = new("{0} and {1} may be one legal entity ({2}): confirm they are distinct with distinctFrom, or keep one.", "{0} et {1} sont peut-être une même entité juridique ({2}) : confirmez qu'ils sont distincts avec distinctFrom, ou n'en gardez qu'une.");

    public ItemVerdict Evaluate(ChecklistItem item, EvaluationContext context)
    {
        var required = item.IntParameter("required");
        var pool = context.Pool;
        var months = pool.WindowMonths;
        var verdicts = pool.Standings.Select(s => Verdict(s, months)).ToArray();
        var counted = pool.Counted.Select(s => s.CaseStudy.Key).ToArray();
        var unconfirmed = pool.PossibleDuplicates.Where(p => !p.ConfirmedDistinct).ToArray();
        var facts = new Fact[] { new("uniqueCustomers", pool.GroupCount), new("required", required), new("windowMonths", months), new("counted", counted) };
        var notes = unconfirmed.Select(p => MaybeOne.With(p.First, p.Second, p.Why)).ToList();
        if (pool.GroupCount < required)
        {
            return new ItemVerdict
            {
                Item = item,
                Status = ReadinessStatus.NotMet,
                Reason = TooFew.With(pool.GroupCount, required),
                NextStep = Add.With(required, months),
                CaseStudies = verdicts,
                Facts = facts,
                Notes = [.. notes, .. Shared.Disagreement(context.SelfAssessment(item), ReadinessStatus.NotMet)],
            };
        }

        // The count drops below `required` on the day the required-th latest customer leaves the window
        var exits = Enumerable.Range(0, pool.GroupCount).Select(g => pool.Members(g).Max(s => s.LeavesWindowOn!.Value)).Order().ToArray();
        var status = unconfirmed.Length == 0 ? ReadinessStatus.Met : ReadinessStatus.NeedsReview;
        return new ItemVerdict
        {
            Item = item,
            Status = status,
            Reason = Enough.With(pool.GroupCount, counted),
            CaseStudies = verdicts,
            Facts = facts,
            ChangesOn = exits[exits.Length - required],
            Change = DropsBelow.With(required, months),
            Notes = [.. notes, .. Shared.Disagreement(context.SelfAssessment(item), status)],
        };
    }

    private static CaseStudyVerdict Verdict(CaseStudyStanding s, int months)
    {
        var c = s.CaseStudy;
        if (!s.Qualifies)
        {
            return new CaseStudyVerdict { Key = c.Key, Status = ReadinessStatus.NotMet, Reason = DoesNotQualify.With(s.Problems), NextStep = FixIt.Message() };
        }

        return s.DuplicateOf is not null
            ? new CaseStudyVerdict { Key = c.Key, Status = ReadinessStatus.NotMet, Reason = Duplicate.With(s.DuplicateReason), NextStep = FixIt.Message() }
            : new CaseStudyVerdict { Key = c.Key, Status = ReadinessStatus.Met, Reason = Counts.With(c.Customer, c.Completed), ChangesOn = s.LeavesWindowOn, Change = LeavesWindow.With(months, c.Completed) };
    }
}

/// <summary>Every counted case study comes with architecture diagrams (service delivery checklists, 2.2).</summary>
internal sealed class ArchitectureDiagramsRule : IReadinessRule
{
    private static readonly Phrase Present = new("Architecture diagrams: {0}.", "Schémas d'architecture : {0}.");
    private static readonly Phrase ToJudge = new("Architecture diagrams: {0}; the auditor judges what they show.", "Schémas d'architecture : {0} ; l'auditeur juge de ce qu'ils montrent.");
    private static readonly Phrase None = new("No architecture diagram is given for this case study.", "Aucun schéma d'architecture n'est fourni pour cette étude de cas.");
    private static readonly Phrase AddThem = new("List the diagrams of this customer's deployment in architectureDiagrams: the AWS services used, how they are deployed (VPCs, Availability Zones, subnets) and what lies outside AWS.", "Indiquez les schémas du déploiement de ce client dans architectureDiagrams : les services AWS utilisés, leur déploiement (VPC, zones de disponibilité, sous-réseaux) et ce qui se trouve hors d'AWS.");

    public ItemVerdict Evaluate(ChecklistItem item, EvaluationContext context) =>
        CaseStudyScope.Judge(item, context, c => c.ArchitectureDiagrams is { Count: > 0 } diagrams
            ? new CaseStudyVerdict
            {
                Key = c.Key,
                Status = item.Automation == Automation.Automatic ? ReadinessStatus.Met : ReadinessStatus.NeedsReview,
                Reason = (item.Automation == Automation.Automatic ? Present : ToJudge).With(diagrams),
            }
            : new CaseStudyVerdict { Key = c.Key, Status = ReadinessStatus.NotMet, Reason = None.Message(), NextStep = AddThem.Message() });
}

/// <summary>The self-assessment answers every case-study item for every counted case study (service delivery checklists, 3.1).</summary>
internal sealed class CaseStudySelfAssessmentRule : IReadinessRule
{
    private static readonly Phrase AllAnswered = new("Every case-study requirement is answered for each of the {0} counted case studies (or covered by its Well-Architected review).", "Chaque exigence par étude de cas a une réponse pour chacune des {0} études de cas retenues (ou est couverte par sa revue Well-Architected).");
    private static readonly Phrase Missing = new("{0} answer(s) are missing: {1}.", "{0} réponse(s) manquent : {1}.");
    private static readonly Phrase Pair = new("{0} for {1}", "{0} pour {1}");
    private static readonly Phrase AnswerThem = new("Answer each requirement for each case study in selfAssessment.<item>.caseStudies.<key>: met, not-met or not-applicable, with your response (note) and evidence.", "Répondez à chaque exigence pour chaque étude de cas dans selfAssessment.<élément>.caseStudies.<clé> : met, not-met ou not-applicable, avec votre réponse (note) et vos preuves.");

    public ItemVerdict Evaluate(ChecklistItem item, EvaluationContext context)
    {
        if (context.Pool.Counted.Count == 0)
        {
            return new ItemVerdict { Item = item, Status = ReadinessStatus.NotMet, Reason = Shared.NoQualifyingCaseStudy.Message(), NextStep = Shared.MakeCaseStudiesQualify.Message() };
        }

        var missing = new List<Message>();
        var keys = context.Pool.Counted.Select(s => s.CaseStudy.Key).ToArray();
        foreach (var judged in context.Catalog.Items.Where(CaseStudyAnswersRule.IsAnswerItem))
        {
            var answers = context.SelfAssessment(judged)?.CaseStudies;
            // A case study a Well-Architected review exempts from the item needs no answer for it
            missing.AddRange(keys.Where(k => answers?.GetValueOrDefault(k)?.Answer is null && CaseStudyAnswersRule.Exemption(judged, context, k).Review is null).Select(k => Pair.With(judged.Id, k)));
        }

        var status = missing.Count == 0 ? ReadinessStatus.Met : ReadinessStatus.NotMet;
        return new ItemVerdict
        {
            Item = item,
            Status = status,
            Reason = missing.Count == 0 ? AllAnswered.With(keys.Length) : Missing.With(missing.Count, missing.ToArray()),
            NextStep = missing.Count == 0 ? null : AnswerThem.Message(),
            Facts = [new("caseStudies", keys), new("missingAnswers", missing.Count)],
            Notes = Shared.Disagreement(context.SelfAssessment(item), status),
        };
    }
}

/// <summary>
/// Items answered per case study in the self-assessment: <c>per-reference</c> (judged for every case study its applicability
/// selects) and <c>common-requirement</c> (met when at least one case study meets it, with a partner-level document when
/// its <c>partnerDocument</c> parameter says yes). A case study exempted by a Well-Architected review meets an item marked
/// <c>exemptByReview</c> without other evidence.
/// </summary>
internal sealed class CaseStudyAnswersRule : IReadinessRule
{
    private static readonly Phrase Exempted = new("Exempted by the Well-Architected review {0}: no outstanding high-risk issue in {1}.", "Exemptée par la revue Well-Architected {0} : aucun problème à risque élevé en suspens pour {1}.");
    private static readonly Phrase NotExempted = new("{0}: the Well-Architected review {1} does not exempt it: {2}.", "{0} : la revue Well-Architected {1} ne l'exempte pas : {2}.");
    private static readonly Phrase PillarCount = new("{0} high-risk issue(s) in {1}", "{0} problème(s) à risque élevé pour {1}");
    private static readonly Phrase PillarAbsent = new("{0} not in the review", "{0} absent de la revue");
    private static readonly Phrase NoAnswer = new("Not answered for this case study.", "Sans réponse pour cette étude de cas.");
    private static readonly Phrase AnswerIt = new("Answer it for this case study in selfAssessment.{0}.caseStudies.{1}: met with your response (note) and evidence, or not-met.", "Répondez pour cette étude de cas dans selfAssessment.{0}.caseStudies.{1} : met avec votre réponse (note) et vos preuves, ou not-met.");
    private static readonly Phrase AnsweredNotMet = new("You answered not met for this case study.", "Vous avez répondu « non respecté » pour cette étude de cas.");
    private static readonly Phrase AnsweredNotApplicable = new("You answered not applicable for this case study.", "Vous avez répondu « sans objet » pour cette étude de cas.");
    private static readonly Phrase CloseGap = new("Close the gap, then update the answer. The auditor will expect: {0}", "Comblez l'écart, puis mettez la réponse à jour. L'auditeur attendra : {0}");
    private static readonly Phrase NoResponse = new("Answered met, but without a response saying how.", "Répondu « respecté », mais sans réponse expliquant comment.");
    private static readonly Phrase WriteResponse = new("Write your response (note) for this case study: how the requirement is met, in the customer's terms.", "Rédigez votre réponse (note) pour cette étude de cas : comment l'exigence est respectée, dans les termes du client.");
    private static readonly Phrase AnsweredMet = new("Answered met; the auditor judges it from your response and evidence.", "Répondu « respecté » ; l'auditeur en juge sur votre réponse et vos preuves.");
    private static readonly Phrase NoDocument = new("The partner-level document (a standard operating procedure or equivalent) is not cited.", "Le document au niveau du partenaire (une procédure opérationnelle standard ou équivalent) n'est pas cité.");
    private static readonly Phrase CiteDocument = new("Cite your standard operating procedure, training material or internal wiki page in selfAssessment.{0}.evidence; one case study must also show it applied.", "Citez votre procédure opérationnelle standard, votre support de formation ou votre page de wiki interne dans selfAssessment.{0}.evidence ; une étude de cas doit aussi en montrer l'application.");
    private static readonly Phrase Both = new("{0} {1}", "{0} {1}");
    private static readonly Phrase ReviewBy = new("Met by {0}. {1}", "Respecté par {0}. {1}");

    /// <summary>Whether the item is answered per case study in the self-assessment (one of the rules this class judges).</summary>
    public static bool IsAnswerItem(ChecklistItem item) => item.Rule is "per-reference" or "common-requirement";

    /// <summary>
    /// The review of case study <paramref name="key"/> that exempts it from <paramref name="item"/>, or null; and, when a
    /// review is there but does not exempt, why.
    /// </summary>
    public static (WellArchitectedReview? Review, Message? Why) Exemption(ChecklistItem item, EvaluationContext context, string key)
    {
        if (!item.ExemptByReview || context.Catalog.ReviewExemption is not { } exemption)
        {
            return (null, null);
        }

        Message? why = null;
        foreach (var review in context.Forms.Findings.ReviewsOf(key))
        {
            var open = review.NotClear(exemption.Pillars);
            if (open.Count == 0)
            {
                return (review, null);
            }

            why ??= NotExempted.With(key, review.Name, open.Select(p => review.HighRisks.TryGetValue(p, out var n)
                ? PillarCount.With(n, WellArchitectedPillars.NameOf(p))
                : PillarAbsent.With(WellArchitectedPillars.NameOf(p))).ToArray());
        }

        return (null, why);
    }

    public ItemVerdict Evaluate(ChecklistItem item, EvaluationContext context)
    {
        var entry = context.SelfAssessment(item);
        var itemEvidence = entry?.Evidence ?? [];
        var notes = new List<Message>();
        var exemptedBy = new List<(string Key, WellArchitectedReview Review)>();
        var verdict = CaseStudyScope.Judge(
            item,
            context,
            c =>
            {
                var (review, why) = Exemption(item, context, c.Key);
                if (why is not null)
                {
                    notes.Add(why);
                }

                if (review is not null)
                {
                    exemptedBy.Add((c.Key, review));
                    return new CaseStudyVerdict { Key = c.Key, Status = ReadinessStatus.Met, Reason = Exempted.With(review.Name, Pillars(context)) };
                }

                return CaseLevel(item, c, entry?.CaseStudies?.GetValueOrDefault(c.Key), itemEvidence, context.Findings(c.Key, item));
            },
            null,
            null,
            notes);
        verdict = verdict with { Facts = [new("partnerDocument", itemEvidence), new("exemptedBy", exemptedBy.Select(e => e.Review.File).ToArray())] };

        if (item.Rule == "common-requirement")
        {
            if (exemptedBy.Count > 0 && verdict.Status == ReadinessStatus.Met)
            {
                return verdict with { Reason = ReviewBy.With(exemptedBy[0].Key, Exempted.With(exemptedBy[0].Review.Name, Pillars(context))) };
            }

            if (item.FlagParameter("partnerDocument") && itemEvidence.Count == 0)
            {
                return verdict with
                {
                    Status = ReadinessStatus.NotMet,
                    Reason = verdict.Status == ReadinessStatus.NotMet ? Both.With(NoDocument.Message(), verdict.Reason) : NoDocument.Message(),
                    NextStep = CiteDocument.With(item.Id),
                    ChangesOn = null,
                    Change = null,
                };
            }
        }

        return verdict;
    }

    private static LocalizedString[] Pillars(EvaluationContext context) =>
        [.. context.Catalog.ReviewExemption!.Pillars.Select(WellArchitectedPillars.NameOf)];

    private static CaseStudyVerdict CaseLevel(ChecklistItem item, CaseStudy c, CaseStudyAnswer? answer, IReadOnlyList<string> itemEvidence, IReadOnlyList<EvidenceFinding> findings)
    {
        switch (answer?.Answer)
        {
            case null:
                return new CaseStudyVerdict { Key = c.Key, Status = ReadinessStatus.NotMet, Reason = NoAnswer.Message(), NextStep = AnswerIt.With(item.Id, c.Key) };
            case AnswerValue.NotMet:
                return new CaseStudyVerdict { Key = c.Key, Status = ReadinessStatus.NotMet, Reason = AnsweredNotMet.Message(), NextStep = CloseGap.With(item.Evidence) };
            case AnswerValue.NotApplicable:
                return new CaseStudyVerdict { Key = c.Key, Status = ReadinessStatus.NotMet, Reason = AnsweredNotApplicable.Message(), NextStep = CloseGap.With(item.Evidence) };
        }

        if (string.IsNullOrWhiteSpace(answer.Note))
        {
            return new CaseStudyVerdict { Key = c.Key, Status = ReadinessStatus.NotMet, Reason = NoResponse.Message(), NextStep = WriteResponse.Message() };
        }

        var evidence = (answer.Evidence ?? []).Concat(itemEvidence).Distinct(StringComparer.Ordinal).ToArray();
        return SelfAssessedRule.CaseLevel(c with { Evidence = [.. c.Evidence ?? [], .. evidence] }, ReadinessStatus.NeedsReview, AnsweredMet.Message(), null, [], findings);
    }
}
