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

    /// <summary>For a qualifying case study of a customer that another case study represents: the key of that one.</summary>
    public string? DuplicateOf { get; init; }

    /// <summary>Why it is a duplicate (same name or same domain), naming the case study that counts.</summary>
    public Message? DuplicateReason { get; init; }

    /// <summary>True when it counts as one of the application's unique customers.</summary>
    public bool Counted => Qualifies && DuplicateOf is null;

    /// <summary>The index of its customer group among the counted customers; -1 when it does not qualify.</summary>
    public int Group { get; init; } = -1;

    /// <summary>Its position in the file.</summary>
    public int Index { get; init; }

    /// <summary>Whether it lists a compliance requirement described by the customer (<see cref="CaseStudyPool.HasCompliance"/>).</summary>
    public bool HasCompliance { get; init; }

    /// <summary>The first as-of date on which it leaves the window; null when no completion date is known.</summary>
    public DateOnly? LeavesWindowOn { get; init; }
}

/// <summary>
/// Two qualifying case studies of different customers that may be one legal entity: names alike but for punctuation or a
/// legal form, or web sites under one registrable domain. They are never merged silently.
/// </summary>
public sealed record PossibleDuplicate(string First, string Second, Message Why, bool ConfirmedDistinct);

/// <summary>
/// The case studies of an application sorted into those that count and those that don't, and why. Each customer is
/// represented by one case study, its best qualifying one (see <see cref="Build"/>), used by every item. Building the pool
/// is linear in the number of case studies.
/// </summary>
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
    private static readonly Phrase SameThroughOthers = new("same customer as {0} (same name or web domain through other case studies)", "même client que {0} (même nom ou même domaine web par l'intermédiaire d'autres études de cas)");
    private static readonly Phrase LegalForm = new("their names differ only by a legal form ('{0}', '{1}')", "leurs noms ne diffèrent que par une forme juridique (« {0} », « {1} »)");
    private static readonly Phrase Punctuation = new("their names differ only by punctuation ('{0}', '{1}')", "leurs noms ne diffèrent que par la ponctuation (« {0} », « {1} »)");
    private static readonly Phrase SubDomain = new("{0} is a sub-domain of {1}", "{0} est un sous-domaine de {1}");
    private static readonly Phrase SameRegistrable = new("their web sites {0} and {1} share the registrable domain {2}", "leurs sites web {0} et {1} partagent le domaine enregistrable {2}");

    // Entries that fill the compliance list without describing a requirement
    private static readonly HashSet<string> Placeholders = new(StringComparer.Ordinal)
    {
        "", "-", "--", "—", "–", "n/a", "na", "n.a.", "n.a", "none", "nil", "null", "no", "nothing", "notapplicable", "tbd", "?",
        "s/o", "so", "s.o.", "sansobjet", "aucun", "aucune", "neant", "non", "nonapplicable", "/", ".", "...", "…",
    };

    private static readonly Phrase AffiliateOnly = new("its customer is the partner or an affiliate, and the offering is not stated as sold to outside customers (offeredOutside)", "son client est le partenaire ou une société affiliée, et l'offre n'est pas indiquée comme vendue à des clients extérieurs (offeredOutside)");

    // Retail: only the retail checklist asks for it
    private static readonly (Func<CaseStudy, bool> IsMissing, LocalizedString Name, bool Retail)[] RequiredFields =
    [
        (c => string.IsNullOrWhiteSpace(c.Customer), new("customer name", "nom du client"), false),
        (c => string.IsNullOrWhiteSpace(c.CustomerWebsite), new("customer website", "site web du client"), false),
        (c => string.IsNullOrWhiteSpace(c.Problem), new("problem statement", "énoncé du problème"), false),
        (c => string.IsNullOrWhiteSpace(c.Solution), new("proposed solution", "solution proposée"), false),
        (c => c.AwsServices is null || c.AwsServices.Count == 0, new("AWS services used", "services AWS utilisés"), false),
        (c => string.IsNullOrWhiteSpace(c.RetailExpertise), new("retail expertise used", "expertise de la vente au détail utilisée"), true),
        (c => c.ThirdParty is null, new("third-party applications (an empty list if none)", "applications tierces (une liste vide s'il n'y en a pas)"), true),
        (c => string.IsNullOrWhiteSpace(c.Results), new("results", "résultats"), false),
    ];

    private SmallMap<CaseStudyStanding> byKey;
    private readonly IReadOnlyList<CaseStudyStanding>[] members;
    private readonly CaseStudyVerdict?[] notCounted;

    private CaseStudyPool(CaseStudyStanding[] standings, int windowMonths, bool retail, IReadOnlyList<CaseStudyStanding>[] members, IReadOnlyList<PossibleDuplicate> possible, (int Customers, int Compliant) ifMerged)
    {
        Standings = standings;
        WindowMonths = windowMonths;
        Retail = retail;
        this.members = members;
        notCounted = new CaseStudyVerdict?[standings.Length];
        Counted = Array.FindAll(standings, s => s.Counted);
        GroupCount = Counted.Count;
        PossibleDuplicates = possible;
        IfPossibleDuplicatesMerged = ifMerged;
        foreach (var s in standings)
        {
            byKey.TryAdd(s.CaseStudy.Key, s);
        }
    }

    /// <summary>Every case study, in file order.</summary>
    public IReadOnlyList<CaseStudyStanding> Standings { get; }

    /// <summary>The case studies that count, one per unique customer (its representative), in file order.</summary>
    public IReadOnlyList<CaseStudyStanding> Counted { get; }

    /// <summary>The number of unique qualifying customers.</summary>
    public int GroupCount { get; }

    /// <summary>The window, in months, within which a case study must have been completed.</summary>
    public int WindowMonths { get; }

    /// <summary>Whether the pool was sorted under the retail checklists' conditions (see <see cref="Build"/>).</summary>
    internal bool Retail { get; }

    /// <summary>
    /// Whether a pool built on <paramref name="day"/> would sort the case studies as this one does: the same ones qualify.
    /// Everything else in a pool (customer groups, representatives, possible duplicates) follows from which case studies
    /// qualify, and only the wording of why others do not depends on the day.
    /// </summary>
    internal bool SameOn(DateOnly day)
    {
        foreach (var s in Standings)
        {
            if (QualifiesOn(s.CaseStudy, day, WindowMonths, Retail) != s.Qualifies)
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>Pairs of counted customers that may be one legal entity, those the partner confirmed distinct included.</summary>
    public IReadOnlyList<PossibleDuplicate> PossibleDuplicates { get; }

    /// <summary>The unique customers, and those of them with compliance requirements, were every unconfirmed possible duplicate one customer.</summary>
    public (int Customers, int Compliant) IfPossibleDuplicatesMerged { get; }

    /// <summary>The standing of the case study with <paramref name="key"/>.</summary>
    public CaseStudyStanding Of(string key)
    {
        WorkMeter.Visit();
        return byKey[key];
    }

    /// <summary>The qualifying case studies of counted customer group <paramref name="group"/> (its representative first).</summary>
    public IReadOnlyList<CaseStudyStanding> Members(int group)
    {
        WorkMeter.Visit(members[group].Count);
        return members[group];
    }

    /// <summary>The verdict every item gives a case study that does not count (the same for all items: built once).</summary>
    internal CaseStudyVerdict NotCountedVerdict(CaseStudyStanding standing) => notCounted[standing.Index] ??= Shared.NotCounted(standing);

    /// <summary>Whether the case study lists at least one compliance requirement that is not a placeholder (N/A, none, -, empty…).</summary>
    public static bool HasCompliance(CaseStudy c) => c.Compliance is { Count: > 0 } list && list.Any(r => !IsPlaceholder(r));

    /// <summary>Whether a compliance entry is a placeholder rather than a requirement (compared without case, accents or spaces).</summary>
    public static bool IsPlaceholder(string entry) => Placeholders.Contains(Normalization.CustomerName(entry));

    /// <summary>
    /// Sorts the case studies of <paramref name="application"/> as of <paramref name="asOf"/>. Qualifying case studies
    /// with the same normalized customer name or web domain are one customer; its representative is the one with the
    /// most credits (customer-described compliance requirements, a public reference reachable from the partner's site:
    /// <paramref name="isPublic"/>), then with evidence cited, then the one that stays longest in the window, then the
    /// first in the file.
    /// </summary>
    /// <remarks>
    /// With <paramref name="retail"/> false (a checklist without retail case studies), a case study needs no retail use case
    /// and no retail expertise; an affiliate customer then counts only when the offering is also sold outside.
    /// </remarks>
    public static CaseStudyPool Build(Application application, DateOnly asOf, int windowMonths, NormalForms forms, Func<CaseStudy, bool>? isPublic = null, bool retail = true)
    {
        var cases = application.CaseStudies;
        var n = cases.Count;
        // Null for a case study that qualifies
        var problems = new List<Message>?[n];
        var names = new string?[n];
        var domains = new string?[n];
        for (var i = 0; i < n; i++)
        {
            WorkMeter.Visit();
            problems[i] = QualifiesOn(cases[i], asOf, windowMonths, retail) ? null : Problems(cases[i], asOf, windowMonths, retail);
            if (problems[i] is null)
            {
                names[i] = forms.CustomerName(cases[i].Customer!);
                domains[i] = forms.WebDomain(cases[i].CustomerWebsite!);
            }
        }

        // Union of qualifying case studies by normalized name or web domain: A~B by name and B~C by domain make one customer.
        var parent = new int[n];
        for (var i = 0; i < n; i++)
        {
            parent[i] = i;
        }

        var byName = default(SmallMap<int>);
        var byDomain = default(SmallMap<int>);
        for (var i = 0; i < n; i++)
        {
            WorkMeter.Visit();
            if (problems[i] is not null)
            {
                continue;
            }

            if (!byName.TryAdd(names[i]!, i))
            {
                Union(parent, byName[names[i]!], i);
            }

            if (domains[i] is { } domain && !byDomain.TryAdd(domain, i))
            {
                Union(parent, byDomain[domain], i);
            }
        }

        // One representative per customer: the best qualifying case study of its group
        // Indexed by the root of a group; -1 until the group has one
        var representative = new int[n];
        Array.Fill(representative, -1);
        var credits = new int[n];
        var leaves = new DateOnly?[n];
        for (var i = 0; i < n; i++)
        {
            WorkMeter.Visit();
            leaves[i] = cases[i].Completed is { } completed ? Calendar.FirstDayOutside(completed, windowMonths) : null;
            if (problems[i] is not null)
            {
                continue;
            }

            // Two points per credit, one for cited evidence (what the audit items are judged on)
            credits[i] = (forms.HasCompliance(cases, i) ? 2 : 0) + (isPublic?.Invoke(cases[i]) == true ? 2 : 0) + (cases[i].Evidence is { Count: > 0 } ? 1 : 0);
            var root = Find(parent, i);
            var best = representative[root];
            if (best < 0 || credits[i] > credits[best] || (credits[i] == credits[best] && leaves[i] > leaves[best]))
            {
                representative[root] = i;
            }
        }

        // Groups numbered in the file order of their representatives
        var groupOfRoot = new int[n];
        var groupCount = 0;
        for (var i = 0; i < n; i++)
        {
            WorkMeter.Visit();
            if (problems[i] is null && representative[Find(parent, i)] == i)
            {
                groupOfRoot[Find(parent, i)] = groupCount++;
            }
        }

        var standings = new CaseStudyStanding[n];
        var groupMembers = new CaseStudyStanding[groupCount][];
        for (var i = 0; i < n; i++)
        {
            WorkMeter.Visit();
            if (problems[i] is { } found)
            {
                standings[i] = new CaseStudyStanding { CaseStudy = cases[i], Problems = found, HasCompliance = forms.HasCompliance(cases, i), LeavesWindowOn = leaves[i], Index = i };
                continue;
            }

            var root = Find(parent, i);
            var rep = representative[root];
            var group = groupOfRoot[root];
            standings[i] = new CaseStudyStanding
            {
                CaseStudy = cases[i],
                Problems = [],
                DuplicateOf = rep == i ? null : cases[rep].Key,
                DuplicateReason = rep == i ? null
                    : names[i] == names[rep] ? SameName.With(cases[rep].Key)
                    : domains[i] is { } d && d == domains[rep] ? SameDomain.With(cases[rep].Key, d)
                    : SameThroughOthers.With(cases[rep].Key),
                Group = group,
                HasCompliance = forms.HasCompliance(cases, i),
                LeavesWindowOn = leaves[i],
                Index = i,
            };
        }

        // Each group's members, its representative first, then the others in file order
        var sizes = new int[groupCount];
        foreach (var s in standings)
        {
            if (s.Qualifies)
            {
                sizes[s.Group]++;
            }
        }

        for (var g = 0; g < groupMembers.Length; g++)
        {
            groupMembers[g] = new CaseStudyStanding[sizes[g]];
            sizes[g] = 1;
        }

        foreach (var s in standings)
        {
            WorkMeter.Visit();
            if (s.Qualifies)
            {
                groupMembers[s.Group][s.DuplicateOf is null ? 0 : sizes[s.Group]++] = s;
            }
        }

        var possible = PossiblePairs(cases, standings, parent, representative, forms, out var unconfirmed);
        var ifMerged = CountIfMerged(standings, parent, unconfirmed);
        return new CaseStudyPool(standings, windowMonths, retail, groupMembers, possible, ifMerged);
    }

    // Qualifying case studies of different customers whose names or domains look alike. Each is paired with the first
    // case study of the same look (representatives first), so the work stays linear; one pair per two customers is
    // enough, and it is named by the two customers' representatives.
    private static List<PossibleDuplicate> PossiblePairs(IReadOnlyList<CaseStudy> cases, CaseStudyStanding[] standings, int[] parent, int[] representative, NormalForms forms, out List<(int, int)> unconfirmed)
    {
        var pairs = new List<PossibleDuplicate>();
        var open = new List<(int, int)>();
        unconfirmed = open;
        HashSet<(int, int)>? seen = null;
        var byLooseName = default(SmallMap<int>);
        var byRegistrable = default(SmallMap<int>);
        var looseWithSuffix = new string[cases.Count];

        // Representatives first, then the other qualifying case studies, each in file order
        for (var k = 0; k < 2 * standings.Length; k++)
        {
            var s = standings[k % standings.Length];
            if (k < standings.Length ? !s.Counted : !s.Qualifies || s.Counted)
            {
                continue;
            }

            var i = s.Index;
            WorkMeter.Visit();
            var loose = forms.LooseCustomerName(cases[i].Customer!, out var withSuffix);
            looseWithSuffix[i] = withSuffix;
            if (loose.Length > 0 && !byLooseName.TryAdd(loose, i))
            {
                var first = byLooseName[loose];
                var why = looseWithSuffix[first] == withSuffix ? Punctuation : LegalForm;
                Add(first, i, why.With(cases[first].Customer!.Trim(), cases[i].Customer!.Trim()));
            }

            if (forms.WebDomain(cases[i].CustomerWebsite!) is { } domain)
            {
                var registrable = forms.RegistrableDomain(domain);
                if (!byRegistrable.TryAdd(registrable, i))
                {
                    var first = byRegistrable[registrable];
                    var firstDomain = forms.WebDomain(cases[first].CustomerWebsite!)!;
                    var why = domain.EndsWith("." + firstDomain, StringComparison.Ordinal) ? SubDomain.With(domain, firstDomain)
                        : firstDomain.EndsWith("." + domain, StringComparison.Ordinal) ? SubDomain.With(firstDomain, domain)
                        : SameRegistrable.With(firstDomain, domain, registrable);
                    Add(first, i, why);
                }
            }
        }

        return pairs;

        void Add(int a, int b, Message why)
        {
            var (ra, rb) = (Find(parent, a), Find(parent, b));
            if (ra == rb || !(seen ??= []).Add((Math.Min(ra, rb), Math.Max(ra, rb))))
            {
                return;
            }

            var (repA, repB) = (cases[representative[ra]], cases[representative[rb]]);
            var isConfirmed = Says(cases[a], cases[b]) || Says(cases[b], cases[a]) || Says(repA, repB) || Says(repB, repA);
            pairs.Add(new PossibleDuplicate(repA.Key, repB.Key, why, isConfirmed));
            if (!isConfirmed)
            {
                open.Add((ra, rb));
            }
        }

        static bool Says(CaseStudy a, CaseStudy b) => a.DistinctFrom?.Contains(b.Key, StringComparer.Ordinal) == true;
    }

    private static (int, int) CountIfMerged(CaseStudyStanding[] standings, int[] parent, List<(int A, int B)> unconfirmed)
    {
        if (unconfirmed.Count == 0)
        {
            var (counted, withCompliance) = (0, 0);
            foreach (var s in standings)
            {
                if (s.Counted)
                {
                    counted++;
                    withCompliance += s.HasCompliance ? 1 : 0;
                }
            }

            return (counted, withCompliance);
        }

        var merged = new int[parent.Length];
        Array.Copy(parent, merged, parent.Length);
        foreach (var (a, b) in unconfirmed)
        {
            Union(merged, a, b);
        }

        // The distinct roots of the counted case studies, and of those with compliance requirements
        var seen = new byte[merged.Length];
        var (customers, compliant) = (0, 0);
        foreach (var s in standings)
        {
            if (!s.Counted)
            {
                continue;
            }

            var root = Find(merged, s.Index);
            if ((seen[root] & 1) == 0)
            {
                seen[root] |= 1;
                customers++;
            }

            if (s.HasCompliance && (seen[root] & 2) == 0)
            {
                seen[root] |= 2;
                compliant++;
            }
        }

        return (customers, compliant);
    }

    private static List<Message> Problems(CaseStudy c, DateOnly asOf, int windowMonths, bool retail)
    {
        var problems = new List<Message>();
        Check(c, asOf, windowMonths, retail, problems);
        return problems;
    }

    /// <summary>
    /// Whether <paramref name="c"/> qualifies on its own as of <paramref name="asOf"/> (what <see cref="CaseStudyStanding.Qualifies"/>
    /// would say of a pool built on that day), without writing out why not: the look-ahead asks it of every probed day.
    /// </summary>
    internal static bool QualifiesOn(CaseStudy c, DateOnly asOf, int windowMonths, bool retail) => Check(c, asOf, windowMonths, retail, null);

    // The problems of a case study, added to `problems`; without a list, stops at the first. True when there is none.
    private static bool Check(CaseStudy c, DateOnly asOf, int windowMonths, bool retail, List<Message>? problems)
    {
        switch (c.Stage)
        {
            case null:
                if (problems is null)
                {
                    return false;
                }

                problems.Add(StageNotStated.Message());
                break;
            case not ProjectStage.Production:
                if (problems is null)
                {
                    return false;
                }

                problems.Add(NotProduction.With(Vocabulary.Stages.Display(c.Stage.Value)));
                break;
        }

        switch (retail ? c.UseCase : RetailUseCase.CustomerEngagement)
        {
            case null:
                if (problems is null)
                {
                    return false;
                }

                problems.Add(UseCaseNotStated.Message());
                break;
            case RetailUseCase.None:
                if (problems is null)
                {
                    return false;
                }

                problems.Add(GenericIt.Message());
                break;
        }

        if (!retail && c.Affiliate == true && c.OfferedOutside != true)
        {
            if (problems is null)
            {
                return false;
            }

            problems.Add(AffiliateOnly.Message());
        }

        if (c.Completed is not { } completed)
        {
            if (problems is null)
            {
                return false;
            }

            problems.Add(CompletedNotStated.Message());
        }
        else if (completed > asOf)
        {
            if (problems is null)
            {
                return false;
            }

            problems.Add(CompletedInFuture.With(completed, asOf));
        }
        else if (!Calendar.WithinMonths(completed, asOf, windowMonths))
        {
            if (problems is null)
            {
                return false;
            }

            problems.Add(CompletedTooLongAgo.With(completed, windowMonths, asOf, Calendar.AddMonths(asOf, -windowMonths)));
        }

        List<LocalizedString>? missing = null;
        foreach (var (isMissing, name, retailOnly) in RequiredFields)
        {
            if ((retail || !retailOnly) && isMissing(c))
            {
                if (problems is null)
                {
                    return false;
                }

                (missing ??= []).Add(name);
            }
        }

        if (missing is not null)
        {
            problems!.Add(MissingFields.With(missing.ToArray()));
        }

        return problems is null || problems.Count == 0;
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
