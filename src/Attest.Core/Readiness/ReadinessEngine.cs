using Attest.Core.Applications;
using Attest.Core.Catalogs;
using Attest.Core.Findings;
using Attest.Core.Site;

namespace Attest.Core.Readiness;

/// <summary>Evaluates an application against its checklist: one rule per item, pure, given the as-of date.</summary>
public static class ReadinessEngine
{
    private static readonly Dictionary<string, IReadinessRule> Rules = new(StringComparer.Ordinal)
    {
        ["guidelines-read"] = new GuidelinesReadRule(),
        ["minimum-tier"] = new MinimumTierRule(),
        ["retail-case-studies"] = new RetailCaseStudiesRule(),
        ["public-case-studies"] = new PublicCaseStudiesRule(),
        ["delivery-category"] = new DeliveryCategoryRule(),
        ["msp-criteria"] = new MspCriteriaRule(),
        ["practice-page"] = new PracticePageRule(),
        ["thought-leadership"] = new ThoughtLeadershipRule(),
        ["self-assessment-complete"] = new SelfAssessmentCompleteRule(),
        ["self-assessed"] = new SelfAssessedRule(),
        ["retail-use-case"] = new RetailUseCaseRule(),
        ["availability-objectives"] = new AvailabilityObjectivesRule(),
        ["az-resilience"] = new AzResilienceRule(),
        ["disaster-recovery"] = new DisasterRecoveryRule(),
        ["pci-testing"] = new PciTestingRule(),
        ["services-path"] = new ServicesPathRule(),
        ["production-case-studies"] = new ProductionCaseStudiesRule(),
        ["architecture-diagrams"] = new ArchitectureDiagramsRule(),
        ["case-study-self-assessment"] = new CaseStudySelfAssessmentRule(),
        ["per-reference"] = new CaseStudyAnswersRule(),
        ["common-requirement"] = new CaseStudyAnswersRule(),
    };

    // The rule of each item of a catalog, looked up once per catalog (its item list) rather than by name for each item of each evaluation
    private static readonly System.Runtime.CompilerServices.ConditionalWeakTable<IReadOnlyList<ChecklistItem>, IReadinessRule[]> RulesOfItems = [];

    private static IReadinessRule[] RulesOf(IReadOnlyList<ChecklistItem> items) =>
        RulesOfItems.GetValue(items, static items => [.. items.Select(i => Rules[i.Rule])]);

    /// <summary>The rule ids this engine implements (every id of <see cref="RuleSignatures.All"/>).</summary>
    public static IReadOnlyCollection<string> ImplementedRules => Rules.Keys;

    /// <summary>
    /// Evaluates <paramref name="application"/> as of <paramref name="asOf"/>, and, when it is ready, finds the last day
    /// it stays ready if nothing but time changes. A <paramref name="site"/> observation, when given, replaces the partner's
    /// declarations about its web site (PRE-2.2, PRE-3.1, PRE-3.2). <paramref name="missingEvidence"/> lists the cited
    /// evidence references (case-study and self-assessment evidence) that the caller did not find: the items relying on
    /// them are needs review at best, and say which are missing. <paramref name="successor"/>, the loaded checklist that
    /// replaces this one (<see cref="ChecklistWindow.SuccessorAmong"/>), may shorten or lengthen the window by what it
    /// says of its previous version.
    /// </summary>
    public static ReadinessReport Evaluate(Application application, Catalog catalog, DateOnly asOf, CaseStudyFindings? findings = null, SiteObservation? site = null, IReadOnlyCollection<string>? missingEvidence = null, Catalog? successor = null)
    {
        var context = new EvaluationContext(application, catalog, asOf, new NormalForms(findings ?? CaseStudyFindings.None, site, missingEvidence));
        var items = Evaluate(context);
        var changes = Changes(items, asOf);
        var validity = ChecklistWindow.Judge(catalog, asOf, successor);

        // Ready as ReadinessReport.Ready says, read before the report is made so that it is made once, with its ready-until date
        var ready = validity.Accepted;
        for (var i = 0; i < items.Length && ready; i++)
        {
            ready = items[i].Status != ReadinessStatus.NotMet;
        }

        var readyUntil = ready ? ReadyUntil(context, changes, validity.AcceptedUntil) : null;
        return new ReadinessReport { Catalog = catalog, Application = application, AsOf = asOf, Items = items, Changes = changes, Validity = validity, ReadyUntil = readyUntil };
    }

    /// <summary>Evaluates every item without looking ahead in time.</summary>
    public static IReadOnlyList<ItemVerdict> EvaluateItems(Application application, Catalog catalog, DateOnly asOf, CaseStudyFindings? findings = null, SiteObservation? site = null, IReadOnlyCollection<string>? missingEvidence = null) =>
        Evaluate(new EvaluationContext(application, catalog, asOf, new NormalForms(findings ?? CaseStudyFindings.None, site, missingEvidence)));

    private static ItemVerdict[] Evaluate(EvaluationContext context)
    {
        var items = context.Catalog.Items;
        var rules = RulesOf(items);
        var verdicts = new ItemVerdict[items.Count];
        for (var i = 0; i < items.Count; i++)
        {
            verdicts[i] = CitedEvidence.Check(rules[i].Evaluate(items[i], context), context);
        }

        return verdicts;
    }

    // The items that change on the day (changes[from..to]) are the likely breakers: judge them first, in checklist order,
    // then the others, and stop at the first not met. With `onlyDated`, the items whose rule does not read the date are
    // left out: the context's case-study pool is one on which none of them was found not met.
    private static bool AnyNotMet(EvaluationContext context, List<UpcomingChange> changes, int from, int to, bool onlyDated)
    {
        var items = context.Catalog.Items;
        var rules = RulesOf(items);
        for (var pass = 0; pass < 2; pass++)
        {
            for (var i = 0; i < items.Count; i++)
            {
                var item = items[i];
                if (ChangesOnDay(item.Id, changes, from, to) != (pass == 0))
                {
                    continue;
                }

                var rule = rules[i];
                if ((!onlyDated || rule.ReadsDate) && rule.Status(item, context) == ReadinessStatus.NotMet)
                {
                    return true;
                }
            }
        }

        return false;
    }

    private static bool ChangesOnDay(string itemId, List<UpcomingChange> changes, int from, int to)
    {
        for (var c = from; c < to; c++)
        {
            if (string.Equals(changes[c].ItemId, itemId, StringComparison.Ordinal))
            {
                return true;
            }
        }

        return false;
    }

    private static List<UpcomingChange> Changes(IReadOnlyList<ItemVerdict> items, DateOnly asOf)
    {
        var changes = new List<UpcomingChange>();
        foreach (var item in items)
        {
            // An item whose change comes from one of its case studies is listed once, with the case study
            if (item.ChangesOn is { } day && day > asOf && item.Change is not null && !ChangesWithACaseStudy(item.CaseStudies, day))
            {
                changes.Add(new UpcomingChange(day, item.Item.Id, null, item.Change));
            }

            var caseStudies = item.CaseStudies;
            for (var i = 0; i < caseStudies.Count; i++)
            {
                var c = caseStudies[i];
                if (c.ChangesOn is { } caseDay && caseDay > asOf && c.Change is not null)
                {
                    changes.Add(new UpcomingChange(caseDay, item.Item.Id, c.Key, c.Change));
                }
            }
        }

        changes.Sort((a, b) => a.Date.CompareTo(b.Date));
        return changes;
    }

    private static bool ChangesWithACaseStudy(IReadOnlyList<CaseStudyVerdict> caseStudies, DateOnly day)
    {
        for (var i = 0; i < caseStudies.Count; i++)
        {
            if (caseStudies[i].ChangesOn == day && caseStudies[i].Change is not null)
            {
                return true;
            }
        }

        return false;
    }

    // Re-evaluates on each day something ages out; the first day the application is no longer ready ends the run. `known`
    // is a context on whose case-study pool no item is not met (at first the as-of one: the application is ready); a day
    // whose pool would be the same (no case study enters or leaves the window) needs only the rules that read the date.
    private static DateOnly? ReadyUntil(EvaluationContext known, List<UpcomingChange> changes, DateOnly? acceptedUntil)
    {
        var asOf = known.AsOf;

        // The changes are sorted by date: each run of one date is a day to try
        for (var from = 0; from < changes.Count;)
        {
            var day = changes[from].Date;
            var to = from + 1;
            while (to < changes.Count && changes[to].Date == day)
            {
                to++;
            }

            if (acceptedUntil is { } until && day > until)
            {
                break;
            }

            var context = known.On(day, out var samePool);
            if (AnyNotMet(context, changes, from, to, samePool))
            {
                return day.AddDays(-1);
            }

            if (!samePool)
            {
                known = context;
            }

            from = to;
        }

        return acceptedUntil is { } last && last >= asOf ? last : null;
    }
}
