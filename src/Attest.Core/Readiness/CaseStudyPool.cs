using Attest.Core.Applications;
using Attest.Core.Text;

namespace Attest.Core.Readiness;

/// <summary>Where one case study stands for PRE-2.1, computed once per evaluation and shared by every rule.</summary>
public sealed record CaseStudyStanding
{
    /// <summary>The case study.</summary>
    public required CaseStudy CaseStudy { get; init; }

    /// <summary>Why it does not qualify on its own; empty when it qualifies.</summary>
    public required IReadOnlyList<Message> Problems { get; init; }

    /// <summary>True when it qualifies on its own: production, retail use case, complete, in its window.</summary>
    public bool Qualifies => Problems.Count == 0;

    /// <summary>For a qualifying case study of a customer already counted: the key of the one that counts.</summary>
    public string? DuplicateOf { get; init; }

    /// <summary>Why it is a duplicate (same name or same domain).</summary>
    public Message? DuplicateReason { get; init; }

    /// <summary>True when it counts as one of the application's unique customers.</summary>
    public bool Counted => Qualifies && DuplicateOf is null;

    /// <summary>The index of its customer group among the counted customers; -1 when not counted or duplicate-less.</summary>
    public int Group { get; init; } = -1;

    /// <summary>The first as-of date on which it leaves the window; null when no completion date is known.</summary>
    public DateOnly? LeavesWindowOn { get; init; }
}

/// <summary>The case studies of an application sorted into those that count and those that don't, and why.</summary>
public sealed class CaseStudyPool
{
    private static readonly Phrase NotProduction = new("it is a {0}, not a production project", "il s'agit d'un projet en {0}, pas en production");
    private static readonly Phrase StageNotStated = new("its stage is not stated", "son stade n'est pas indiqué");
    private static readonly Phrase GenericIt = new("it addresses a generic IT problem, not a retail one", "il traite un problème informatique générique, pas un problème de la vente au détail");
    private static readonly Phrase UseCaseNotStated = new("its retail use case is not stated", "son cas d'utilisation de la vente au détail n'est pas indiqué");
    private static readonly Phrase CompletedNotStated = new("its completion date is not stated", "sa date d'achèvement n'est pas indiquée");
    private static readonly Phrase CompletedInFuture = new("its completion date {0} is after the evaluation date {1}", "sa date d'achèvement {0} est postérieure à la date d'évaluation {1}");
    private static readonly Phrase CompletedTooLongAgo = new("it was completed on {0}, more than {1} months before {2} (the window starts on {3})", "il a été achevé le {0}, plus de {1} mois avant le {2} (la période commence le {3})");
    private static readonly Phrase MissingFields = new("missing: {0}", "manquant : {0}");
    private static readonly Phrase SameName = new("same customer as {0} (same name)", "même client que {0} (même nom)");
    private static readonly Phrase SameDomain = new("same customer as {0} (same web domain {1})", "même client que {0} (même domaine web {1})");

    private static readonly (Func<CaseStudy, bool> IsMissing, LocalizedString Name)[] RequiredFields =
    [
        (c => string.IsNullOrWhiteSpace(c.Customer), new("customer name", "nom du client")),
        (c => string.IsNullOrWhiteSpace(c.CustomerWebsite), new("customer website", "site web du client")),
        (c => string.IsNullOrWhiteSpace(c.Problem), new("problem statement", "énoncé du problème")),
        (c => string.IsNullOrWhiteSpace(c.Solution), new("proposed solution", "solution proposée")),
        (c => c.AwsServices is null || c.AwsServices.Count == 0, new("AWS services used", "services AWS utilisés")),
        (c => string.IsNullOrWhiteSpace(c.RetailExpertise), new("retail expertise used", "expertise de la vente au détail utilisée")),
        (c => c.ThirdParty is null, new("third-party applications (an empty list if none)", "applications tierces (une liste vide s'il n'y en a pas)")),
        (c => string.IsNullOrWhiteSpace(c.Results), new("results", "résultats")),
    ];

    private CaseStudyPool(IReadOnlyList<CaseStudyStanding> standings, int windowMonths)
    {
        Standings = standings;
        WindowMonths = windowMonths;
        Counted = standings.Where(s => s.Counted).ToArray();
        GroupCount = Counted.Count;
    }

    /// <summary>Every case study, in file order.</summary>
    public IReadOnlyList<CaseStudyStanding> Standings { get; }

    /// <summary>The case studies that count, one per unique customer, in file order.</summary>
    public IReadOnlyList<CaseStudyStanding> Counted { get; }

    /// <summary>The number of unique qualifying customers.</summary>
    public int GroupCount { get; }

    /// <summary>The window, in months, within which a case study must have been completed.</summary>
    public int WindowMonths { get; }

    /// <summary>The standing of the case study with <paramref name="key"/>.</summary>
    public CaseStudyStanding Of(string key) => Standings.First(s => s.CaseStudy.Key == key);

    /// <summary>The qualifying case studies of counted customer group <paramref name="group"/> (the counted one first).</summary>
    public IEnumerable<CaseStudyStanding> Members(int group) => Standings.Where(s => s.Qualifies && s.Group == group);

    /// <summary>Sorts the case studies of <paramref name="application"/> as of <paramref name="asOf"/>.</summary>
    public static CaseStudyPool Build(Application application, DateOnly asOf, int windowMonths, NormalForms forms)
    {
        var cases = application.CaseStudies;
        var problems = new List<Message>[cases.Count];
        for (var i = 0; i < cases.Count; i++)
        {
            problems[i] = Problems(cases[i], asOf, windowMonths);
        }

        // Union of qualifying case studies by normalized name or web domain: A~B by name and B~C by domain make one customer.
        var parent = Enumerable.Range(0, cases.Count).ToArray();
        var reasons = new Message?[cases.Count];
        var byName = new Dictionary<string, int>(StringComparer.Ordinal);
        var byDomain = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var i = 0; i < cases.Count; i++)
        {
            if (problems[i].Count > 0)
            {
                continue;
            }

            var name = forms.CustomerName(cases[i].Customer!);
            if (byName.TryGetValue(name, out var first))
            {
                Union(parent, first, i);
                reasons[i] ??= SameName.With(cases[first].Key);
            }
            else
            {
                byName[name] = i;
            }

            if (forms.WebDomain(cases[i].CustomerWebsite!) is { } domain)
            {
                if (byDomain.TryGetValue(domain, out var firstByDomain))
                {
                    Union(parent, firstByDomain, i);
                    reasons[i] ??= SameDomain.With(cases[firstByDomain].Key, domain);
                }
                else
                {
                    byDomain[domain] = i;
                }
            }
        }

        var groupOfRoot = new Dictionary<int, int>();
        var standings = new CaseStudyStanding[cases.Count];
        for (var i = 0; i < cases.Count; i++)
        {
            var leaves = cases[i].Completed is { } completed ? Calendar.FirstDayOutside(completed, windowMonths) : (DateOnly?)null;
            if (problems[i].Count > 0)
            {
                standings[i] = new CaseStudyStanding { CaseStudy = cases[i], Problems = problems[i], LeavesWindowOn = leaves };
                continue;
            }

            var root = Find(parent, i);
            var firstOfGroup = Enumerable.Range(0, cases.Count).First(j => problems[j].Count == 0 && Find(parent, j) == root);
            if (!groupOfRoot.TryGetValue(root, out var group))
            {
                group = groupOfRoot.Count;
                groupOfRoot[root] = group;
            }

            standings[i] = new CaseStudyStanding
            {
                CaseStudy = cases[i],
                Problems = [],
                DuplicateOf = firstOfGroup == i ? null : cases[firstOfGroup].Key,
                DuplicateReason = firstOfGroup == i ? null : reasons[i] ?? SameName.With(cases[firstOfGroup].Key),
                Group = group,
                LeavesWindowOn = leaves,
            };
        }

        return new CaseStudyPool(standings, windowMonths);
    }

    private static List<Message> Problems(CaseStudy c, DateOnly asOf, int windowMonths)
    {
        var problems = new List<Message>();
        switch (c.Stage)
        {
            case null:
                problems.Add(StageNotStated.Message());
                break;
            case not ProjectStage.Production:
                problems.Add(NotProduction.With(Vocabulary.Stages.Display(c.Stage.Value)));
                break;
        }

        switch (c.UseCase)
        {
            case null:
                problems.Add(UseCaseNotStated.Message());
                break;
            case RetailUseCase.None:
                problems.Add(GenericIt.Message());
                break;
        }

        if (c.Completed is not { } completed)
        {
            problems.Add(CompletedNotStated.Message());
        }
        else if (completed > asOf)
        {
            problems.Add(CompletedInFuture.With(completed, asOf));
        }
        else if (!Calendar.WithinMonths(completed, asOf, windowMonths))
        {
            problems.Add(CompletedTooLongAgo.With(completed, windowMonths, asOf, Calendar.AddMonths(asOf, -windowMonths)));
        }

        var missing = RequiredFields.Where(f => f.IsMissing(c)).Select(f => f.Name).ToArray();
        if (missing.Length > 0)
        {
            problems.Add(MissingFields.With(missing));
        }

        return problems;
    }

    private static int Find(int[] parent, int i)
    {
        while (parent[i] != i)
        {
            parent[i] = parent[parent[i]];
            i = parent[i];
        }

        return i;
    }

    private static void Union(int[] parent, int a, int b)
    {
        var ra = Find(parent, a);
        var rb = Find(parent, b);
        if (ra != rb)
        {
            parent[Math.Max(ra, rb)] = Math.Min(ra, rb);
        }
    }
}
