using Attest.Core.Applications;
using Attest.Core.Catalogs;
using Attest.Core.Findings;
using Attest.Core.Site;
using Attest.Core.Text;

namespace Attest.Core.Readiness;

/// <summary>PRE-2.1: enough unique qualifying customers, enough of them with compliance requirements.</summary>
internal sealed class RetailCaseStudiesRule : IReadinessRule
{
    private static readonly Phrase Counts = new("Counts: {0}, in production, {1}, completed on {2}.", "Compte : {0}, en production, {1}, achevée le {2}.");
    private static readonly Phrase DoesNotQualify = new("Does not qualify: {0}.", "Ne remplit pas les conditions : {0}.");
    private static readonly Phrase FixIt = new("Fix what is listed, or replace this case study with another one.", "Corrigez ce qui est indiqué, ou remplacez cette étude de cas par une autre.");
    private static readonly Phrase Duplicate = new("Qualifies, but {0}: not counted, as the customer counts once.", "Remplit les conditions, mais {0} : non comptée, le client ne comptant qu'une fois.");
    private static readonly Phrase LeavesWindow = new("Leaves the {0}-month window (completed {1}).", "Sort de la période de {0} mois (achevée le {1}).");
    private static readonly Phrase AllGood = new("{0} unique customers qualify ({1}); {2} of them carry customer-described compliance requirements.", "{0} clients uniques remplissent les conditions ({1}) ; {2} d'entre eux ont des exigences de conformité décrites par le client.");
    private static readonly Phrase TooFew = new("Only {0} unique customer(s) qualify ({2}); {1} are needed.", "Seulement {0} client(s) unique(s) remplissent les conditions ({2}) ; il en faut {1}.");
    private static readonly Phrase TooFewCompliance = new("Only {0} qualifying customer(s) carry customer-described compliance requirements; {1} are needed.", "Seulement {0} client(s) retenu(s) ont des exigences de conformité décrites par le client ; il en faut {1}.");
    private static readonly Phrase AddCaseStudies = new("Add or complete case studies until {0} unique customers qualify: production projects on AWS, a retail use case, completed within the last {1} months, with every field filled in.", "Ajoutez ou complétez des études de cas jusqu'à ce que {0} clients uniques remplissent les conditions : projets en production sur AWS, cas d'utilisation de la vente au détail, achevés au cours des {1} derniers mois, tous les champs renseignés.");
    private static readonly Phrase AddCompliance = new("State the customer's compliance requirements (compliance: [...]) in at least {0} qualifying case studies.", "Indiquez les exigences de conformité du client (compliance: [...]) dans au moins {0} études de cas retenues.") { ForPeople = new("In at least {0} qualifying case studies, list the customer's compliance requirements (\"Customer-described compliance requirements\" in the case study form).", "Dans au moins {0} études de cas retenues, indiquez les exigences de conformité du client (« Exigences de conformité décrites par le client » dans le formulaire de l'étude de cas).") };
    private static readonly Phrase DropsBelow = new("Fewer than {0} qualifying unique customers remain as case studies leave the {1}-month window.", "Il reste moins de {0} clients uniques retenus quand des études de cas sortent de la période de {1} mois.");
    private static readonly Phrase NoneYet = new("none", "aucun");
    private static readonly Phrase Pair = new("{0} and {1} ({2})", "{0} et {1} ({2})");
    private static readonly Phrase MaybeFewer = new("But some of them may be one legal entity: counting each such pair as one customer leaves {0}, {1} with compliance requirements: {2}.", "Mais certains pourraient être une même entité juridique : en comptant chacune de ces paires comme un seul client, il en reste {0}, dont {1} avec des exigences de conformité : {2}.");
    private static readonly Phrase ConfirmOrMerge = new("Check each pair: if both are one customer, keep one case study and add another customer; if they are distinct legal entities, say so with distinctFrom: [other key] on one of them.", "Vérifiez chaque paire : s'il s'agit d'un même client, gardez une seule étude de cas et ajoutez un autre client ; s'il s'agit d'entités juridiques distinctes, indiquez-le avec distinctFrom: [autre clé] sur l'une des deux.") { ForPeople = new("Check each pair: if both are one customer, keep one case study and add another customer; if they are distinct legal entities, name the other case study under \"Confirmed distinct from\" in one of the two forms.", "Vérifiez chaque paire : s'il s'agit d'un même client, gardez une seule étude de cas et ajoutez un autre client ; s'il s'agit d'entités juridiques distinctes, nommez l'autre étude de cas sous « Client confirmé distinct » dans l'un des deux formulaires.") };
    private static readonly Phrase PossibleDuplicateNote = new("{0} and {1} may be the same customer: {2}. They are counted apart until you confirm they are distinct (distinctFrom) or keep only one.", "{0} et {1} sont peut-être le même client : {2}. Ils sont comptés séparément tant que vous n'avez pas confirmé qu'ils sont distincts (distinctFrom) ou gardé une seule des deux études de cas.") { ForPeople = new("{0} and {1} may be the same customer: {2}. They are counted apart until you confirm they are distinct or keep only one.", "{0} et {1} sont peut-être le même client : {2}. Ils sont comptés séparément tant que vous n'avez pas confirmé qu'ils sont distincts ou gardé une seule des deux études de cas.") };
    private static readonly Phrase ConfirmedDistinct = new("{0} and {1} look alike ({2}), and the partner confirms they are distinct customers.", "{0} et {1} se ressemblent ({2}), et le partenaire confirme qu'il s'agit de clients distincts.");
    private static readonly Phrase OnlyPlaceholders = new("{0}: the compliance entries {1} are placeholders, not requirements described by the customer.", "{0} : les entrées de conformité {1} ne sont que des mentions vides, pas des exigences décrites par le client.");

    public ItemVerdict Evaluate(ChecklistItem item, EvaluationContext context)
    {
        var required = item.IntParameter("required");
        var withCompliance = item.IntParameter("withCompliance");
        var pool = context.Pool;
        var months = pool.WindowMonths;
        var standings = pool.Standings;
        var verdicts = new CaseStudyVerdict[standings.Count];
        var qualifyingCount = 0;
        for (var i = 0; i < verdicts.Length; i++)
        {
            verdicts[i] = Verdict(standings[i], months);
            qualifyingCount += standings[i].Qualifies ? 1 : 0;
        }

        var qualifying = new string[qualifyingCount];
        for (var (i, q) = (0, 0); i < standings.Count; i++)
        {
            if (standings[i].Qualifies)
            {
                qualifying[q++] = standings[i].CaseStudy.Key;
            }
        }

        var groups = new IReadOnlyList<CaseStudyStanding>[pool.GroupCount];
        for (var g = 0; g < groups.Length; g++)
        {
            groups[g] = pool.Members(g);
        }

        var countedOnes = pool.Counted;
        var compliant = 0;
        var counted = new string[countedOnes.Count];
        for (var i = 0; i < counted.Length; i++)
        {
            compliant += countedOnes[i].HasCompliance ? 1 : 0;
            counted[i] = countedOnes[i].CaseStudy.Key;
        }

        var unconfirmed = pool.PossibleDuplicates.Count == 0 ? [] : pool.PossibleDuplicates.Where(p => !p.ConfirmedDistinct).ToArray();
        var facts = new Fact[]
        {
            new("qualifying", qualifying),
            new("uniqueCustomers", pool.GroupCount), new("required", required),
            new("withCompliance", compliant), new("requiredWithCompliance", withCompliance), new("windowMonths", months),
            new("possibleDuplicates", unconfirmed.Select(p => new[] { p.First, p.Second }).ToArray()),
        };
        var notes = Notes(pool);
        var countedNames = counted.Length == 0 ? (object)NoneYet.Message() : counted;
        if (pool.GroupCount >= required && compliant >= withCompliance)
        {
            // The verdict changes on the first day fewer than `required` customers, or fewer than `withCompliance` compliant ones, remain.
            var groupExits = Exits(groups, compliantOnly: false);
            var complianceExits = Exits(groups, compliantOnly: true);
            var change = Min(groupExits[groupExits.Length - required], complianceExits[complianceExits.Length - withCompliance]);
            var (mergedCustomers, mergedCompliant) = pool.IfPossibleDuplicatesMerged;
            // Legal entities are never merged silently: any look-alike pair the partner has not confirmed distinct is for a person to judge
            var status = unconfirmed.Length == 0 ? ReadinessStatus.Met : ReadinessStatus.NeedsReview;
            return new ItemVerdict
            {
                Item = item,
                Status = status,
                Reason = status == ReadinessStatus.Met
                    ? AllGood.With(pool.GroupCount, countedNames, compliant)
                    : Sentences.Join([AllGood.With(pool.GroupCount, countedNames, compliant), MaybeFewer.With(mergedCustomers, mergedCompliant, Pairs(unconfirmed))]),
                NextStep = status == ReadinessStatus.Met ? null : ConfirmOrMerge.Message(),
                CaseStudies = verdicts,
                Facts = facts,
                ChangesOn = change,
                Change = DropsBelow.With(required, months),
                Notes = [.. notes, .. Shared.Disagreement(context.SelfAssessment(item), status)],
            };
        }

        var reasons = new List<Message>();
        var next = new List<Message>();
        if (pool.GroupCount < required)
        {
            reasons.Add(TooFew.With(pool.GroupCount, required, countedNames));
            next.Add(AddCaseStudies.With(required, months));
        }

        if (compliant < withCompliance)
        {
            reasons.Add(TooFewCompliance.With(compliant, withCompliance));
            next.Add(AddCompliance.With(withCompliance));
        }

        return new ItemVerdict
        {
            Item = item,
            Status = ReadinessStatus.NotMet,
            Reason = Sentences.Join(reasons),
            NextStep = Sentences.Join(next),
            CaseStudies = verdicts,
            Facts = facts,
            Notes = [.. notes, .. Shared.Disagreement(context.SelfAssessment(item), ReadinessStatus.NotMet)],
        };
    }

    private static Message[] Pairs(IEnumerable<PossibleDuplicate> pairs) => pairs.Select(p => Pair.With(p.First, p.Second, p.Why)).ToArray();

    // Possible duplicates (confirmed or not) and compliance lists that hold only placeholders
    private static List<Message> Notes(CaseStudyPool pool)
    {
        var notes = new List<Message>();
        foreach (var p in pool.PossibleDuplicates)
        {
            notes.Add(p.ConfirmedDistinct ? ConfirmedDistinct.With(p.First, p.Second, p.Why) : PossibleDuplicateNote.With(p.First, p.Second, p.Why));
        }

        foreach (var s in pool.Standings)
        {
            if (s.Qualifies && s.CaseStudy.Compliance is { Count: > 0 } list && !s.HasCompliance)
            {
                notes.Add(OnlyPlaceholders.With(s.CaseStudy.Key, list.Select(e => $"'{e}'").ToArray()));
            }
        }

        return notes;
    }

    private static DateOnly Min(DateOnly a, DateOnly b) => a < b ? a : b;

    // For each customer group (with a compliant member, when `compliantOnly`), the last day one of its (compliant) members leaves the window; earliest first
    private static DateOnly[] Exits(IReadOnlyList<CaseStudyStanding>[] groups, bool compliantOnly)
    {
        var exits = new List<DateOnly>(groups.Length);
        foreach (var members in groups)
        {
            DateOnly? last = null;
            for (var m = 0; m < members.Count; m++)
            {
                if ((!compliantOnly || members[m].HasCompliance) && (last is null || members[m].LeavesWindowOn!.Value > last))
                {
                    last = members[m].LeavesWindowOn!.Value;
                }
            }

            if (last is { } day)
            {
                exits.Add(day);
            }
            else if (!compliantOnly)
            {
                throw new InvalidOperationException("A customer group without members.");
            }
        }

        var sorted = exits.ToArray();
        Array.Sort(sorted);
        return sorted;
    }

    private static CaseStudyVerdict Verdict(CaseStudyStanding s, int months)
    {
        var c = s.CaseStudy;
        if (!s.Qualifies)
        {
            return new CaseStudyVerdict { Key = c.Key, Status = ReadinessStatus.NotMet, Reason = DoesNotQualify.With(s.Problems), NextStep = FixIt.Message() };
        }

        if (s.DuplicateOf is not null)
        {
            return new CaseStudyVerdict { Key = c.Key, Status = ReadinessStatus.NotMet, Reason = Duplicate.With(s.DuplicateReason), NextStep = FixIt.Message() };
        }

        return new CaseStudyVerdict
        {
            Key = c.Key,
            Status = ReadinessStatus.Met,
            Reason = Counts.With(c.Customer, Vocabulary.UseCases.Display(c.UseCase!.Value), c.Completed),
            ChangesOn = s.LeavesWindowOn,
            Change = LeavesWindow.With(months, c.Completed),
        };
    }
}

/// <summary>Joins whole sentences with a space.</summary>
internal static class Sentences
{
    private static readonly Phrase Two = new("{0} {1}", "{0} {1}");

    public static Message Join(IReadOnlyList<Message> sentences) => sentences.Count == 1 ? sentences[0] : Two.With(sentences[0], Join(sentences.Skip(1).ToArray()));
}

/// <summary>PRE-2.2: enough public case studies, reachable from the partner's web site.</summary>
internal sealed class PublicCaseStudiesRule : IReadinessRule
{
    private static readonly Phrase Public = new("Public at {0}, linked from the partner's web site.", "Publique à l'adresse {0}, liée depuis le site web du partenaire.");
    private static readonly Phrase NotLinked = new("Public at {0}, but not reachable from the partner's web site.", "Publique à l'adresse {0}, mais inaccessible depuis le site web du partenaire.");
    private static readonly Phrase LinkUnknown = new("Public at {0}; whether the partner's web site links to it is not stated.", "Publique à l'adresse {0} ; on ne sait pas si le site web du partenaire y mène.");
    private static readonly Phrase BadUrl = new("The public reference address '{0}' is not a web address.", "L'adresse de la référence publique « {0} » n'est pas une adresse web.");
    private static readonly Phrase NotPublic = new("No public reference.", "Aucune référence publique.");
    private static readonly Phrase Link = new("Link the public case study from your web site (reachable from the home page), then set publicReference.linkedFromWebsite to true.", "Liez l'étude de cas publique depuis votre site web (accessible depuis la page d'accueil), puis indiquez publicReference.linkedFromWebsite: true.") { ForPeople = new("Link the public case study from your web site (reachable from the home page), then answer yes to \"Linked from your web site\" in the case study.", "Liez l'étude de cas publique depuis votre site web (accessible depuis la page d'accueil), puis répondez oui à « Liée depuis votre site web » dans l'étude de cas.") };
    private static readonly Phrase Publish = new("Publish this case study (case study page, whitepaper or blog post) and set publicReference.", "Publiez cette étude de cas (page d'étude de cas, livre blanc ou article de blog) et renseignez publicReference.") { ForPeople = new("Publish this case study (case study page, whitepaper or blog post) and give its \"Public case study address\".", "Publiez cette étude de cas (page d'étude de cas, livre blanc ou article de blog) et indiquez son « Adresse de l'étude de cas publique ».") };
    private static readonly Phrase Enough = new("{0} qualifying customers have a public case study reachable from the partner's web site ({1}); {2} are needed.", "{0} clients retenus ont une étude de cas publique accessible depuis le site web du partenaire ({1}) ; il en faut {2}.");
    private static readonly Phrase TooFew = new("Only {0} qualifying customers have a public case study reachable from the partner's web site; {1} are needed.", "Seuls {0} clients retenus ont une étude de cas publique accessible depuis le site web du partenaire ; il en faut {1}.");
    private static readonly Phrase PublishMore = new("Publish {0} more qualifying case study(ies) and link them from your web site.", "Publiez encore {0} étude(s) de cas retenue(s) et liez-les depuis votre site web.");
    private static readonly Phrase DropsBelow = new("Fewer than {0} public case studies remain as case studies leave their window.", "Il reste moins de {0} études de cas publiques quand des études de cas sortent de leur période.");

    private static readonly Phrase ObservedReachable = new("Public at {0}; observed on {1}: reachable from the partner's home page in {2} click(s).", "Publique à l'adresse {0} ; observé le {1} : accessible depuis la page d'accueil du partenaire en {2} clic(s).");
    private static readonly Phrase ObservedUnreachable = new("Public at {0}; observed on {1}: not reachable from the partner's web site.", "Publique à l'adresse {0} ; observé le {1} : inaccessible depuis le site web du partenaire.");
    private static readonly Phrase LinkObserved = new("Link the public case study from your web site (reachable from the home page), then run the site check again.", "Liez l'étude de cas publique depuis votre site web (accessible depuis la page d'accueil), puis relancez la vérification du site.");
    private static readonly Phrase Observed = new("Observed on {0}: {1}", "Observé le {0} : {1}");
    private static readonly Phrase ContradictedLinked = new("{0}: the application declares its public case study linked from the web site, but the site observation of {1} did not reach {2}.", "{0} : la candidature déclare son étude de cas publique liée depuis le site web, mais l'observation du site du {1} n'a pas atteint {2}.");
    private static readonly Phrase ContradictedNotLinked = new("{0}: the application does not declare its public case study linked from the web site, but the site observation of {1} reached {2}: set publicReference.linkedFromWebsite to true.", "{0} : la candidature ne déclare pas son étude de cas publique liée depuis le site web, mais l'observation du site du {1} a atteint {2} : indiquez publicReference.linkedFromWebsite: true.") { ForPeople = new("{0}: the application does not say its public case study is linked from the web site, but the check of the site on {1} reached {2}: answer yes to \"Linked from your web site\".", "{0} : la candidature ne dit pas que son étude de cas publique est liée depuis le site web, mais la vérification du site du {1} a atteint {2} : répondez oui à « Liée depuis votre site web ».") };

    public ItemVerdict Evaluate(ChecklistItem item, EvaluationContext context)
    {
        var required = item.IntParameter("required");
        var pool = context.Pool;
        var (site, setAside) = SiteEvidence.Usable(context);
        var forms = context.Forms;
        var standings = pool.Standings;
        var verdicts = new CaseStudyVerdict[standings.Count];
        for (var i = 0; i < verdicts.Length; i++)
        {
            verdicts[i] = standings[i].Counted ? Verdict(standings[i].CaseStudy, forms, site) : pool.NotCountedVerdict(standings[i]);
        }

        // The credit comes from each customer's representative only, as every other item's verdict does. For each public
        // representative: its key, and the last day one of its group's public members stays in the window.
        var counted = pool.Counted;
        var keyList = new string[counted.Count];
        var exitList = new DateOnly[counted.Count];
        var publicCount = 0;
        for (var i = 0; i < counted.Count; i++)
        {
            if (!IsPublic(counted[i].CaseStudy, forms, site))
            {
                continue;
            }

            DateOnly? last = null;
            var members = pool.Members(counted[i].Group);
            for (var m = 0; m < members.Count; m++)
            {
                if (IsPublic(members[m].CaseStudy, forms, site) && (last is null || members[m].LeavesWindowOn!.Value > last))
                {
                    last = members[m].LeavesWindowOn!.Value;
                }
            }

            keyList[publicCount] = counted[i].CaseStudy.Key;
            exitList[publicCount++] = last!.Value;
        }

        var keys = publicCount == keyList.Length ? keyList : keyList[..publicCount];
        Fact[] facts = [new("public", keys), new("required", required)];
        var notes = new List<Message>();
        if (setAside is not null)
        {
            notes.Add(setAside);
        }

        if (site is not null)
        {
            facts = [.. facts, new("observedOn", site.ObservedOn.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture))];
            notes.AddRange(ObservationNotes(pool.Standings.Where(s => s.Qualifies).Select(s => s.CaseStudy), context.Forms, site));
        }

        Message Reason(Message reason) => site is null ? reason : Observed.With(site.ObservedOn, reason);
        if (publicCount >= required)
        {
            var exits = exitList[..publicCount];
            Array.Sort(exits);
            return new ItemVerdict
            {
                Item = item,
                Status = ReadinessStatus.Met,
                Reason = Reason(Enough.With(publicCount, keys, required)),
                CaseStudies = verdicts,
                Facts = facts,
                ChangesOn = exits[exits.Length - required],
                Change = DropsBelow.With(required),
                Notes = [.. notes, .. Shared.Disagreement(context.SelfAssessment(item), ReadinessStatus.Met)],
            };
        }

        return new ItemVerdict
        {
            Item = item,
            Status = ReadinessStatus.NotMet,
            Reason = Reason(TooFew.With(publicCount, required)),
            NextStep = PublishMore.With(required - publicCount),
            CaseStudies = verdicts,
            Facts = facts,
            Notes = [.. notes, .. Shared.Disagreement(context.SelfAssessment(item), ReadinessStatus.NotMet)],
        };
    }

    /// <summary>Whether the case study has a valid public reference reachable from the partner's site: as observed when the observation can tell, else as declared.</summary>
    internal static bool IsPublic(CaseStudy c, NormalForms forms, SiteObservation? site) =>
        c.PublicReference is { Url: { } url } reference && forms.Url(url) is not null
        && (site?.Find(url) is { } reach ? reach.Reachable : reference.LinkedFromWebsite == true);

    private static IEnumerable<Message> ObservationNotes(IEnumerable<CaseStudy> cases, NormalForms forms, SiteObservation site)
    {
        foreach (var c in cases)
        {
            if (c.PublicReference is not { Url: { } url } reference || forms.Url(url) is null)
            {
                continue;
            }

            var reach = site.Find(url);
            if (reach is null)
            {
                yield return SiteEvidence.CannotTell(site, url);
            }
            else if (reach.Reachable && reference.LinkedFromWebsite != true)
            {
                yield return ContradictedNotLinked.With(c.Key, site.ObservedOn, url);
            }
            else if (!reach.Reachable && reference.LinkedFromWebsite == true)
            {
                yield return ContradictedLinked.With(c.Key, site.ObservedOn, url);
            }
        }
    }

    private static CaseStudyVerdict Verdict(CaseStudy c, NormalForms forms, SiteObservation? site)
    {
        var url = c.PublicReference?.Url;
        if (string.IsNullOrWhiteSpace(url))
        {
            return new() { Key = c.Key, Status = ReadinessStatus.NotMet, Reason = NotPublic.Message(), NextStep = Publish.Message() };
        }

        if (forms.Url(url) is null)
        {
            return new() { Key = c.Key, Status = ReadinessStatus.NotMet, Reason = BadUrl.With(url), NextStep = Publish.Message() };
        }

        if (site?.Find(url) is { } reach)
        {
            return reach.Reachable
                ? new() { Key = c.Key, Status = ReadinessStatus.Met, Reason = ObservedReachable.With(url, site.ObservedOn, reach.Clicks) }
                : new() { Key = c.Key, Status = ReadinessStatus.NotMet, Reason = ObservedUnreachable.With(url, site.ObservedOn), NextStep = LinkObserved.Message() };
        }

        return c.PublicReference!.LinkedFromWebsite switch
        {
            true => new() { Key = c.Key, Status = ReadinessStatus.Met, Reason = Public.With(url) },
            false => new() { Key = c.Key, Status = ReadinessStatus.NotMet, Reason = NotLinked.With(url), NextStep = Link.Message() },
            null => new() { Key = c.Key, Status = ReadinessStatus.NotMet, Reason = LinkUnknown.With(url), NextStep = Link.Message() },
        };
    }
}

/// <summary>PRE-2.3: every case study classified MSP or project-based.</summary>
internal sealed class DeliveryCategoryRule : IReadinessRule
{
    private static readonly Phrase Classified = new("Classified as {0}.", "Classée dans la catégorie « {0} ».");
    private static readonly Phrase NotClassified = new("Its delivery category is not stated.", "Sa catégorie de livraison n'est pas indiquée.");
    private static readonly Phrase Classify = new("Set delivery: msp if you run the customer's environment on an ongoing basis, project if you built and handed it over.", "Indiquez delivery: msp si vous exploitez l'environnement du client en continu, project si vous l'avez construit puis remis.") { ForPeople = new("Choose the \"Delivery category\": managed services if you run the customer's environment on an ongoing basis, project if you built and handed it over.", "Choisissez la « Catégorie de livraison » : services managés si vous exploitez l'environnement du client en continu, projet si vous l'avez construit puis remis.") };
    private static readonly Phrase AllClassified = new("Every case study that counts is classified: {0} MSP, {1} project-based.", "Chaque étude de cas retenue est classée : {0} FSG, {1} basée(s) sur un projet.");
    private static readonly Phrase SomeNot = new("{0} case study(ies) that count have no delivery category: {1}.", "{0} étude(s) de cas retenue(s) n'ont pas de catégorie de livraison : {1}.");
    private static readonly Phrase UncountedIgnored = new("Case studies that do not count have no delivery category, which does not matter for this item: {0}.", "Des études de cas non retenues n'ont pas de catégorie de livraison, ce qui n'a pas d'importance pour cet élément : {0}.");
    private static readonly Phrase NoCaseStudies = new("There is no case study yet.", "Il n'y a encore aucune étude de cas.");
    private static readonly Phrase AddCaseStudies = new("Add your case studies.", "Ajoutez vos études de cas.");

    public ItemVerdict Evaluate(ChecklistItem item, EvaluationContext context)
    {
        // Judged on the case studies that count; the others are shown, with why they are left aside
        var pool = context.Pool;
        var standings = pool.Standings;
        var verdicts = new CaseStudyVerdict[standings.Count];
        var (countedCount, missingCount, msp, project, uncountedMissing) = (0, 0, 0, 0, 0);
        for (var i = 0; i < verdicts.Length; i++)
        {
            var s = standings[i];
            if (!s.Counted)
            {
                verdicts[i] = pool.NotCountedVerdict(s);
                uncountedMissing += s.CaseStudy.Delivery is null ? 1 : 0;
                continue;
            }

            countedCount++;
            if (s.CaseStudy.Delivery is { } d)
            {
                verdicts[i] = new CaseStudyVerdict { Key = s.CaseStudy.Key, Status = ReadinessStatus.Met, Reason = Classified.With(Vocabulary.Deliveries.Display(d)) };
                msp += d == DeliveryCategory.Msp ? 1 : 0;
                project += d == DeliveryCategory.Project ? 1 : 0;
            }
            else
            {
                verdicts[i] = new CaseStudyVerdict { Key = s.CaseStudy.Key, Status = ReadinessStatus.NotMet, Reason = NotClassified.Message(), NextStep = Classify.Message() };
                missingCount++;
            }
        }

        // The keys without a delivery category, of the counted case studies and of the others, in file order
        var missing = missingCount == 0 ? [] : new string[missingCount];
        var uncountedUnclassified = uncountedMissing == 0 ? [] : new string[uncountedMissing];
        for (var (i, m, u) = (0, 0, 0); i < standings.Count; i++)
        {
            if (standings[i].CaseStudy.Delivery is null)
            {
                if (standings[i].Counted)
                {
                    missing[m++] = standings[i].CaseStudy.Key;
                }
                else
                {
                    uncountedUnclassified[u++] = standings[i].CaseStudy.Key;
                }
            }
        }

        var (status, reason, next) = context.Application.CaseStudies.Count == 0
            ? (ReadinessStatus.NotMet, NoCaseStudies.Message(), AddCaseStudies.Message())
            : countedCount == 0
                ? (ReadinessStatus.NotMet, Shared.NoQualifyingCaseStudy.Message(), Shared.MakeCaseStudiesQualify.Message())
                : missing.Length > 0
                    ? (ReadinessStatus.NotMet, SomeNot.With(missing.Length, missing), Classify.Message())
                    : (ReadinessStatus.Met, AllClassified.With(msp, project), (Message?)null);
        var notes = new List<Message>();
        if (uncountedUnclassified.Length > 0)
        {
            notes.Add(UncountedIgnored.With(uncountedUnclassified));
        }

        return new ItemVerdict
        {
            Item = item,
            Status = status,
            Reason = reason,
            NextStep = next,
            CaseStudies = verdicts,
            Facts = [new("unclassified", missing)],
            Notes = [.. notes, .. Shared.Disagreement(context.SelfAssessment(item), status)],
        };
    }
}

/// <summary>VAL-2.1: every counted case study addresses a retail business problem.</summary>
internal sealed class RetailUseCaseRule : IReadinessRule
{
    private static readonly Phrase Addresses = new("Addresses {0}.", "Traite : {0}.");

    public ItemVerdict Evaluate(ChecklistItem item, EvaluationContext context) =>
        CaseStudyScope.Judge(item, context, c => new CaseStudyVerdict
        {
            Key = c.Key,
            Status = ReadinessStatus.Met,
            Reason = Addresses.With(Vocabulary.UseCases.Display(c.UseCase!.Value)),
        });
}

/// <summary>VAL-2.3: RTO and RPO for the loss of one Availability Zone, per component.</summary>
internal sealed class AvailabilityObjectivesRule : IReadinessRule
{
    private static readonly Phrase NotStated = new("RTO and RPO for the loss of one Availability Zone are not stated.", "Le RTO et le RPO en cas de perte d'une zone de disponibilité ne sont pas indiqués.");
    private static readonly Phrase StateThem = new("List each solution component under availability with rtoMinutes and rpoMinutes for the loss of one Availability Zone.", "Listez chaque composant de la solution sous availability avec rtoMinutes et rpoMinutes pour la perte d'une zone de disponibilité.") { ForPeople = new("Give the RTO and RPO of each solution component for the loss of one Availability Zone, one line per component.", "Indiquez le RTO et le RPO de chaque composant de la solution pour la perte d'une zone de disponibilité, une ligne par composant.") };
    private static readonly Phrase Incomplete = new("RTO or RPO missing for: {0}.", "RTO ou RPO manquant pour : {0}.");
    private static readonly Phrase Defined = new("RTO/RPO defined for {0} component(s): {1}.", "RTO/RPO définis pour {0} composant(s) : {1}.");
    private static readonly Phrase Objective = new("{0} {1}/{2} min", "{0} {1}/{2} min");
    private static readonly Phrase Unnamed = new("(unnamed component)", "(composant sans nom)");

    public ItemVerdict Evaluate(ChecklistItem item, EvaluationContext context) => CaseStudyScope.Judge(item, context, Judge);

    internal static bool IsDefined(CaseStudy c)
    {
        if (c.Availability is not { Count: > 0 } list)
        {
            return false;
        }

        for (var i = 0; i < list.Count; i++)
        {
            if (!IsComplete(list[i]))
            {
                return false;
            }
        }

        return true;
    }

    private static bool IsComplete(AvailabilityObjective a) => !string.IsNullOrWhiteSpace(a.Component) && a.RtoMinutes is not null && a.RpoMinutes is not null;

    private static CaseStudyVerdict Judge(CaseStudy c)
    {
        if (c.Availability is not { Count: > 0 } list)
        {
            return new() { Key = c.Key, Status = ReadinessStatus.NotMet, Reason = NotStated.Message(), NextStep = StateThem.Message() };
        }

        if (!IsDefined(c))
        {
            var incomplete = list.Where(a => !IsComplete(a))
                .Select(a => string.IsNullOrWhiteSpace(a.Component) ? (object)Unnamed.Message() : a.Component).ToArray();
            return new() { Key = c.Key, Status = ReadinessStatus.NotMet, Reason = Incomplete.With(incomplete), NextStep = StateThem.Message() };
        }

        var objectives = new Message[list.Count];
        for (var i = 0; i < objectives.Length; i++)
        {
            objectives[i] = Objective.With(list[i].Component, list[i].RtoMinutes, list[i].RpoMinutes);
        }

        return new() { Key = c.Key, Status = ReadinessStatus.Met, Reason = Defined.With(list.Count, new Objectives(objectives)) };
    }

    // The objectives joined in one text, in English whatever the language (the template reads the same in French), formatted when shown
    private sealed class Objectives(Message[] objectives) : ILocalizable
    {
        public string Name(Language language) => string.Join(", ", objectives.Select(o => o.In(Language.En)));

        public override string ToString() => Name(Language.En);
    }
}

/// <summary>VAL-2.5: a tested disaster recovery plan for a regional outage in at least one case study.</summary>
internal sealed class DisasterRecoveryRule : IReadinessRule
{
    private static readonly Phrase None = new("No disaster recovery plan for a regional outage is stated.", "Aucun plan de reprise après sinistre régional n'est indiqué.");
    private static readonly Phrase Describe = new("Under disasterRecovery, give the RTO and RPO for a lasting regional outage, the date of the recovery test run before the engagement ended, and whether the DR runbook was delivered.", "Sous disasterRecovery, indiquez le RTO et le RPO pour une panne régionale durable, la date du test de reprise effectué avant la fin de la mission, et si le runbook de reprise a été remis.") { ForPeople = new("Under regional disaster recovery, give the RTO and RPO for a lasting regional outage, the date of the recovery test run before the engagement ended, and whether the recovery runbook was delivered.", "Sous la reprise après sinistre régional, indiquez le RTO et le RPO pour une panne régionale durable, la date du test de reprise effectué avant la fin de la mission, et si le runbook de reprise a été remis.") };
    private static readonly Phrase Missing = new("Incomplete disaster recovery plan: {0} not stated.", "Plan de reprise incomplet : {0} non indiqué(s).");
    private static readonly Phrase TestedAfterEnd = new("The recovery test ({0}) took place after the engagement ended ({1}).", "Le test de reprise ({0}) a eu lieu après la fin de la mission ({1}).");
    private static readonly Phrase TestedInFuture = new("The recovery test date {0} is after the evaluation date.", "La date du test de reprise {0} est postérieure à la date d'évaluation.");
    private static readonly Phrase NoRunbook = new("The DR runbook was not delivered to the customer.", "Le runbook de reprise n'a pas été remis au client.");
    private static readonly Phrase DeliverRunbook = new("Deliver the disaster recovery runbook to the customer as part of the engagement.", "Remettez le runbook de reprise après sinistre au client dans le cadre de la mission.");
    private static readonly Phrase Complete = new("Regional RTO {0} min and RPO {1} min; recovery tested on {2}, before the engagement ended; runbook delivered.", "RTO régional {0} min et RPO {1} min ; reprise testée le {2}, avant la fin de la mission ; runbook remis.");
    private static readonly LocalizedString Rto = new("RTO", "RTO");
    private static readonly LocalizedString Rpo = new("RPO", "RPO");
    private static readonly LocalizedString TestDate = new("test date", "date du test");
    private static readonly LocalizedString Runbook = new("runbook delivery", "remise du runbook");

    public bool ReadsDate => true;

    public ItemVerdict Evaluate(ChecklistItem item, EvaluationContext context) => CaseStudyScope.Judge(item, context, context.AsOf, static (c, asOf) => Judge(c, asOf));

    private static CaseStudyVerdict Judge(CaseStudy c, DateOnly asOf)
    {
        if (c.DisasterRecovery is not { } dr)
        {
            return new() { Key = c.Key, Status = ReadinessStatus.NotMet, Reason = None.Message(), NextStep = Describe.Message() };
        }

        var missing = new List<LocalizedString>();
        if (dr.RtoMinutes is null)
        {
            missing.Add(Rto);
        }

        if (dr.RpoMinutes is null)
        {
            missing.Add(Rpo);
        }

        if (dr.TestedOn is null)
        {
            missing.Add(TestDate);
        }

        if (dr.RunbookDelivered is null)
        {
            missing.Add(Runbook);
        }

        if (missing.Count > 0)
        {
            return new() { Key = c.Key, Status = ReadinessStatus.NotMet, Reason = Missing.With(missing), NextStep = Describe.Message() };
        }

        if (dr.TestedOn > asOf)
        {
            return new() { Key = c.Key, Status = ReadinessStatus.NotMet, Reason = TestedInFuture.With(dr.TestedOn), NextStep = Describe.Message() };
        }

        if (c.Completed is { } completed && dr.TestedOn > completed)
        {
            return new() { Key = c.Key, Status = ReadinessStatus.NotMet, Reason = TestedAfterEnd.With(dr.TestedOn, completed), NextStep = Describe.Message() };
        }

        if (dr.RunbookDelivered == false)
        {
            return new() { Key = c.Key, Status = ReadinessStatus.NotMet, Reason = NoRunbook.Message(), NextStep = DeliverRunbook.Message() };
        }

        return new() { Key = c.Key, Status = ReadinessStatus.Met, Reason = Complete.With(dr.RtoMinutes, dr.RpoMinutes, dr.TestedOn) };
    }
}

/// <summary>
/// VAL-2.13: for e-commerce case studies, quarterly vulnerability scans and penetration tests. By default (the catalog's
/// <see cref="PciTestingReading.ScansQuarterly"/>) the latest scan must be within <c>scanWindowMonths</c> and the latest
/// penetration test within <c>penetrationTestWindowMonths</c>; the strict reading asks for both within the scan window.
/// The verdict under the other reading is shown as a note.
/// </summary>
internal sealed class PciTestingRule : IReadinessRule
{
    private static readonly Phrase NotStated = new("The dates of the last vulnerability scan and penetration test are not stated.", "Les dates de la dernière analyse de vulnérabilité et du dernier test de pénétration ne sont pas indiquées.");
    private static readonly Phrase StateDates = new("Give pci.lastVulnerabilityScan (within the last {0} months) and pci.lastPenetrationTest (within the last {1} months).", "Indiquez pci.lastVulnerabilityScan (datant de moins de {0} mois) et pci.lastPenetrationTest (datant de moins de {1} mois).") { ForPeople = new("Give the dates of the last PCI vulnerability scan (within the last {0} months) and the last PCI penetration test (within the last {1} months).", "Indiquez les dates de la dernière analyse de vulnérabilité PCI (de moins de {0} mois) et du dernier test de pénétration PCI (de moins de {1} mois).") };
    private static readonly Phrase StaleScan = new("The last vulnerability scan ({0}) is more than {1} months old.", "La dernière analyse de vulnérabilité ({0}) date de plus de {1} mois.");
    private static readonly Phrase StaleTest = new("The last penetration test ({0}) is more than {1} months old.", "Le dernier test de pénétration ({0}) date de plus de {1} mois.");
    private static readonly Phrase FutureScan = new("The last vulnerability scan is dated {0}, after the evaluation date.", "La dernière analyse de vulnérabilité est datée du {0}, après la date d'évaluation.");
    private static readonly Phrase FutureTest = new("The last penetration test is dated {0}, after the evaluation date.", "Le dernier test de pénétration est daté du {0}, après la date d'évaluation.");
    private static readonly Phrase MissingScan = new("The date of the last vulnerability scan is not stated.", "La date de la dernière analyse de vulnérabilité n'est pas indiquée.");
    private static readonly Phrase MissingTest = new("The date of the last penetration test is not stated.", "La date du dernier test de pénétration n'est pas indiquée.");
    private static readonly Phrase RunScan = new("Run a new vulnerability scan and record its date; the checklist expects one every quarter.", "Effectuez une nouvelle analyse de vulnérabilité et notez sa date ; la liste de contrôle en attend une par trimestre.");
    private static readonly Phrase RunTest = new("Run a new penetration test and record its date; one is expected at least every {0} months.", "Effectuez un nouveau test de pénétration et notez sa date ; il en faut un au moins tous les {0} mois.");
    private static readonly Phrase Current = new("Last vulnerability scan {0} (within {1} months) and last penetration test {2} (within {3} months).", "Dernière analyse de vulnérabilité le {0} (moins de {1} mois) et dernier test de pénétration le {2} (moins de {3} mois).");
    private static readonly Phrase ScanBecomesStale = new("The vulnerability scan of {0} becomes older than {1} months.", "L'analyse de vulnérabilité du {0} dépasse {1} mois.");
    private static readonly Phrase TestBecomesStale = new("The penetration test of {0} becomes older than {1} months.", "Le test de pénétration du {0} dépasse {1} mois.");
    private static readonly Phrase UnderScansQuarterly = new("Reading applied: quarterly vulnerability scans (within {0} months) and a penetration test within {1} months, as PCI DSS asks; « trimestrielles » in the French text qualifies the scans. Read as quarterly for both (within {0} months), this item would be {2}.", "Lecture appliquée : des analyses de vulnérabilité trimestrielles (moins de {0} mois) et un test de pénétration de moins de {1} mois, comme le demande PCI DSS ; « trimestrielles » porte sur les seules analyses. Si les deux devaient être trimestriels (moins de {0} mois), cet élément serait : {2}.");
    private static readonly Phrase UnderBothQuarterly = new("Reading applied: the strict one, quarterly vulnerability scans and penetration tests (both within {0} months). Read as quarterly scans and a penetration test within {1} months, this item would be {2}.", "Lecture appliquée : la lecture stricte, analyses de vulnérabilité et tests de pénétration trimestriels (les deux de moins de {0} mois). Avec des analyses trimestrielles et un test de pénétration de moins de {1} mois, cet élément serait : {2}.");

    public bool ReadsDate => true;

    // The verdict under the catalog's reading alone: the one under the other reading only adds a note
    public ReadinessStatus Status(ChecklistItem item, EvaluationContext context)
    {
        var scanMonths = item.IntParameter("scanWindowMonths");
        var yearlyMonths = item.IntParameter("penetrationTestWindowMonths");
        var testMonths = context.Catalog.Options.PciTestingReading == PciTestingReading.ScansQuarterly ? yearlyMonths : scanMonths;
        return CaseStudyScope.Judge(item, context, (context.AsOf, scanMonths, testMonths), static (c, s) => Judge(c, s.AsOf, s.scanMonths, s.testMonths)).Status;
    }

    public ItemVerdict Evaluate(ChecklistItem item, EvaluationContext context)
    {
        var scanMonths = item.IntParameter("scanWindowMonths");
        var yearlyMonths = item.IntParameter("penetrationTestWindowMonths");
        var reading = context.Catalog.Options.PciTestingReading;
        var (testMonths, otherTestMonths) = reading == PciTestingReading.ScansQuarterly ? (yearlyMonths, scanMonths) : (scanMonths, yearlyMonths);
        Fact[] facts = [new("scanWindowMonths", scanMonths), new("penetrationTestWindowMonths", testMonths), new("reading", CatalogReader.PciReadings.Wire(reading))];

        // The status under the other reading gives the note that comes first among the item's notes
        var other = CaseStudyScope.Judge(item, context, (context.AsOf, scanMonths, otherTestMonths), static (c, s) => Judge(c, s.AsOf, s.scanMonths, s.otherTestMonths)).Status;
        var note = reading == PciTestingReading.ScansQuarterly
            ? UnderScansQuarterly.With(scanMonths, yearlyMonths, ReadinessStatuses.Names.Display(other))
            : UnderBothQuarterly.With(scanMonths, yearlyMonths, ReadinessStatuses.Names.Display(other));
        return CaseStudyScope.Judge(item, context, (context.AsOf, scanMonths, testMonths), static (c, s) => Judge(c, s.AsOf, s.scanMonths, s.testMonths), facts: facts, notes: [note]);
    }

    private static CaseStudyVerdict Judge(CaseStudy c, DateOnly asOf, int scanMonths, int testMonths)
    {
        CaseStudyVerdict NotMet(Message reason, Message next) => new() { Key = c.Key, Status = ReadinessStatus.NotMet, Reason = reason, NextStep = next };
        Message StateBoth() => StateDates.With(scanMonths, testMonths);
        if (c.Pci is not { } pci || (pci.LastVulnerabilityScan is null && pci.LastPenetrationTest is null))
        {
            return NotMet(NotStated.Message(), StateBoth());
        }

        if (pci.LastVulnerabilityScan is not { } scan)
        {
            return NotMet(MissingScan.Message(), StateBoth());
        }

        if (pci.LastPenetrationTest is not { } test)
        {
            return NotMet(MissingTest.Message(), StateBoth());
        }

        if (scan > asOf)
        {
            return NotMet(FutureScan.With(scan), StateBoth());
        }

        if (test > asOf)
        {
            return NotMet(FutureTest.With(test), StateBoth());
        }

        if (!Calendar.WithinMonths(scan, asOf, scanMonths))
        {
            return NotMet(StaleScan.With(scan, scanMonths), RunScan.Message());
        }

        if (!Calendar.WithinMonths(test, asOf, testMonths))
        {
            return NotMet(StaleTest.With(test, testMonths), RunTest.With(testMonths));
        }

        var scanEnds = Calendar.FirstDayOutside(scan, scanMonths);
        var testEnds = Calendar.FirstDayOutside(test, testMonths);
        return new()
        {
            Key = c.Key,
            Status = ReadinessStatus.Met,
            Reason = Current.With(scan, scanMonths, test, testMonths),
            ChangesOn = scanEnds <= testEnds ? scanEnds : testEnds,
            Change = scanEnds <= testEnds ? ScanBecomesStale.With(scan, scanMonths) : TestBecomesStale.With(test, testMonths),
        };
    }
}

/// <summary>Items judged by a person from the partner's self-assessment and evidence (VAL-1.x, most of VAL-2.x).</summary>
internal sealed class SelfAssessedRule : IReadinessRule
{
    private static readonly Phrase NotAnswered = new("Your self-assessment of this item is not stated.", "Votre auto-évaluation de cet élément n'est pas indiquée.") { ForOthers = new("The partner has not self-assessed this item.", "Le partenaire n'a pas auto-évalué cet élément.") };
    private static readonly Phrase Answer = new("Self-assess this item: met true or false, a justification, and the evidence you will show.", "Auto-évaluez cet élément : met true ou false, une justification et les preuves que vous présenterez.") { ForPeople = new("Answer this item in the self-assessment: met or not, a justification, and the evidence you will show.", "Répondez à cet élément dans l'auto-évaluation : respecté ou non, une justification et les preuves que vous présenterez.") };
    private static readonly Phrase AnsweredNo = new("You assessed this item as not met.", "Vous avez évalué cet élément comme non respecté.") { ForOthers = new("The partner assessed this item as not met.", "Le partenaire a évalué cet élément comme non respecté.") };
    private static readonly Phrase CloseGap = new("Close the gap, then update your self-assessment. The auditor will expect: {0}", "Comblez l'écart, puis mettez à jour votre auto-évaluation. L'auditeur attendra : {0}");
    private static readonly Phrase AnsweredYes = new("You assessed it as met; the auditor judges it from your evidence ({0}).", "Vous l'avez évalué comme respecté ; l'auditeur en jugera sur vos preuves ({0}).") { ForOthers = new("The partner assessed it as met; the auditor judges it from the evidence ({0}).", "Le partenaire l'a évalué comme respecté ; l'auditeur en juge sur les preuves ({0}).") };
    private static readonly Phrase AnsweredYesNoEvidence = new("You assessed it as met; the auditor judges it, and no evidence is attached yet.", "Vous l'avez évalué comme respecté ; l'auditeur en jugera, et aucune preuve n'est encore jointe.") { ForOthers = new("The partner assessed it as met; the auditor judges it, and no evidence is attached yet.", "Le partenaire l'a évalué comme respecté ; l'auditeur en juge, et aucune preuve n'est encore jointe.") };
    private static readonly Phrase Prepare = new("Have ready for the audit: {0}", "Préparez pour l'audit : {0}");
    private static readonly Phrase CaseReview = new("To be judged by the auditor; evidence: {0}.", "À juger par l'auditeur ; preuves : {0}.");
    private static readonly Phrase CodeContradicts = new("The code contradicts it: {0} failing finding(s): {1}", "Le code le contredit : {0} constat(s) non conforme(s) : {1}");
    private static readonly Phrase CodeSupports = new("To be judged by the auditor; the code supports it: {0} conforming finding(s) ({1}), {2} undecided or minor.", "À juger par l'auditeur ; le code l'étaye : {0} constat(s) conforme(s) ({1}), {2} indéterminé(s) ou mineur(s).");
    private static readonly Phrase FixCode = new("Fix the failing resources in your infrastructure code, or explain each one to the auditor.", "Corrigez les ressources non conformes dans votre code d'infrastructure, ou justifiez chacune auprès de l'auditeur.");
    private static readonly Phrase Place = new("{0} ({1}:{2}) {3}", "{0} ({1}:{2}) {3}");
    private static readonly Phrase AndMore = new("and {0} more", "et {0} de plus");
    private static readonly Phrase CaseReviewNoEvidence = new("To be judged by the auditor; no evidence is attached to this case study yet.", "À juger par l'auditeur ; aucune preuve n'est encore jointe à cette étude de cas.");

    public ItemVerdict Evaluate(ChecklistItem item, EvaluationContext context)
    {
        var entry = context.SelfAssessment(item);
        var itemEvidence = entry?.Evidence ?? [];
        var (status, reason, next) = ItemLevel(item, entry, itemEvidence);
        var facts = new Fact[] { new("selfAssessed", Boxes.Of(entry?.Met)), new("evidence", itemEvidence) };
        if (item.AppliesTo == Applicability.Partner)
        {
            return new ItemVerdict { Item = item, Status = status, Reason = reason, NextStep = next, Facts = facts };
        }

        return CaseStudyScope.Judge(item, context, new ItemAnswer(item, context, status, reason, next, itemEvidence), static (c, a) => a.CaseLevel(c), facts, status == ReadinessStatus.NeedsReview ? reason : null);
    }

    private static bool ListsAll(IReadOnlyList<string> list, IReadOnlyList<string> references)
    {
        for (var r = 0; r < references.Count; r++)
        {
            var found = false;
            for (var l = 0; l < list.Count; l++)
            {
                if (string.Equals(list[l], references[r], StringComparison.Ordinal))
                {
                    found = true;
                    break;
                }
            }

            if (!found)
            {
                return false;
            }
        }

        return true;
    }

    // The first list, then the entries of the second not already in the union (ordinal), in order
    private static string[] Union(IReadOnlyList<string> first, IReadOnlyList<string> second)
    {
        var union = new string[first.Count + second.Count];
        var count = 0;
        for (var i = 0; i < first.Count; i++)
        {
            union[count++] = first[i];
        }

        for (var r = 0; r < second.Count; r++)
        {
            if (Array.IndexOf(union, second[r], 0, count) < 0)
            {
                union[count++] = second[r];
            }
        }

        return count == union.Length ? union : union[..count];
    }

    private static Message[] Listed(EvidenceFinding[] findings)
    {
        const int Shown = 3;
        var listed = findings.Take(Shown).Select(f => Place.With(f.Resource.Length > 0 ? f.Resource : f.File, f.File, f.Line, f.Message)).ToList();
        if (findings.Length > Shown)
        {
            listed.Add(AndMore.With(findings.Length - Shown));
        }

        return [.. listed];
    }

    internal static (ReadinessStatus Status, Message Reason, Message? Next) ItemLevel(ChecklistItem item, SelfAssessmentEntry? entry, IReadOnlyList<string> evidence) => entry?.Met switch
    {
        null => (ReadinessStatus.NotMet, NotAnswered.Message(), Answer.Message()),
        false => (ReadinessStatus.NotMet, AnsweredNo.Message(), CloseGap.With(item.Evidence)),
        true => (ReadinessStatus.NeedsReview, evidence.Count > 0 ? AnsweredYes.With(evidence) : AnsweredYesNoEvidence.Message(), Prepare.With(item.Evidence)),
    };

    internal static CaseStudyVerdict CaseLevel(CaseStudy c, ReadinessStatus status, Message reason, Message? next, IReadOnlyList<string> itemEvidence, IReadOnlyList<EvidenceFinding> findings)
    {
        if (findings.Count == 0 && status != ReadinessStatus.NeedsReview)
        {
            return new CaseStudyVerdict { Key = c.Key, Status = status, Reason = reason, NextStep = next };
        }

        // A low-severity failure is something to look at, not a contradiction of the item
        var failing = findings.Where(f => f.Outcome == FindingOutcome.Fail && f.Severity >= Severity.Medium).ToArray();
        if (failing.Length > 0)
        {
            // What the code contradicts outweighs what the partner says about it
            return new CaseStudyVerdict { Key = c.Key, Status = ReadinessStatus.NotMet, Reason = CodeContradicts.With(failing.Length, Listed(failing)), NextStep = FixCode.Message() };
        }

        if (status != ReadinessStatus.NeedsReview)
        {
            return new CaseStudyVerdict { Key = c.Key, Status = status, Reason = reason, NextStep = next };
        }

        var passing = findings.Count == 0 ? [] : findings.Where(f => f.Outcome == FindingOutcome.Pass).ToArray();
        if (passing.Length > 0)
        {
            var undecided = findings.Count(f => f.Outcome == FindingOutcome.Unknown || (f.Outcome == FindingOutcome.Fail && f.Severity < Severity.Medium));
            return new CaseStudyVerdict { Key = c.Key, Status = ReadinessStatus.NeedsReview, Reason = CodeSupports.With(passing.Length, Listed(passing), undecided), NextStep = next };
        }

        // The case study's evidence, then the item's references it does not already list (a new list only when there are some)
        var evidence = c.Evidence ?? [];
        if (!ListsAll(evidence, itemEvidence))
        {
            evidence = Union(evidence, itemEvidence);
        }

        return new CaseStudyVerdict
        {
            Key = c.Key,
            Status = ReadinessStatus.NeedsReview,
            Reason = evidence.Count > 0 ? CaseReview.With(evidence) : CaseReviewNoEvidence.Message(),
            NextStep = next,
        };
    }
}

/// <summary>What a self-assessed item's case-study verdicts are judged from: the item's own answer, passed to the judge as state.</summary>
internal readonly record struct ItemAnswer(ChecklistItem Item, EvaluationContext Context, ReadinessStatus Status, Message Reason, Message? Next, IReadOnlyList<string> ItemEvidence)
{
    /// <summary><see cref="SelfAssessedRule.CaseLevel"/> of case study <paramref name="c"/> under this answer.</summary>
    public CaseStudyVerdict CaseLevel(CaseStudy c) => SelfAssessedRule.CaseLevel(c, Status, Reason, Next, ItemEvidence, Context.Findings(c.Key, Item));
}

/// <summary>VAL-2.4: AZ resilience, judged by a person once RTO/RPO (VAL-2.3) are defined.</summary>
internal sealed class AzResilienceRule : IReadinessRule
{
    private static readonly Phrase NoObjectives = new("Failover cannot be judged against RTO and RPO that are not defined (see VAL-2.3).", "Le basculement ne peut pas être jugé sans RTO ni RPO définis (voir VAL-2.3).");
    private static readonly Phrase DefineObjectives = new("Define the RTO and RPO per component for the loss of one Availability Zone (VAL-2.3).", "Définissez le RTO et le RPO par composant pour la perte d'une zone de disponibilité (VAL-2.3).");

    public ItemVerdict Evaluate(ChecklistItem item, EvaluationContext context)
    {
        var entry = context.SelfAssessment(item);
        var itemEvidence = entry?.Evidence ?? [];
        var (status, reason, next) = SelfAssessedRule.ItemLevel(item, entry, itemEvidence);
        return CaseStudyScope.Judge(
            item,
            context,
            new ItemAnswer(item, context, status, reason, next, itemEvidence),
            static (c, a) => AvailabilityObjectivesRule.IsDefined(c)
                ? a.CaseLevel(c)
                : new CaseStudyVerdict { Key = c.Key, Status = ReadinessStatus.NotMet, Reason = NoObjectives.Message(), NextStep = DefineObjectives.Message() },
            [new("selfAssessed", Boxes.Of(entry?.Met)), new("evidence", itemEvidence)],
            status == ReadinessStatus.NeedsReview ? reason : null);
    }
}
