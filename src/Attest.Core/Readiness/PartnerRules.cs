using Attest.Core.Applications;
using Attest.Core.Catalogs;
using Attest.Core.Text;

namespace Attest.Core.Readiness;

/// <summary>PRE-1.1: the partner attests it has read the program guidelines.</summary>
internal sealed class GuidelinesReadRule : IReadinessRule
{
    private static readonly Phrase Read = new("The partner attests that it has read the program guidelines ({0}).", "Le partenaire atteste avoir lu les directives du programme ({0}).");
    private static readonly Phrase NotRead = new("The partner states that it has not read the program guidelines.", "Le partenaire indique ne pas avoir lu les directives du programme.");
    private static readonly Phrase NotStated = new("Whether the program guidelines were read is not stated.", "La lecture des directives du programme n'est pas indiquée.");
    private static readonly Phrase Next = new("Read the program guidelines ({0}), then set partner.guidelinesRead to true.", "Lisez les directives du programme ({0}), puis indiquez partner.guidelinesRead: true.") { ForPeople = new("Read the program guidelines ({0}), then tick \"We have read the program guidelines\" in the partner profile.", "Lisez les directives du programme ({0}), puis cochez « Nous avons lu les directives du programme » dans le profil du partenaire.") };

    public ItemVerdict Evaluate(ChecklistItem item, EvaluationContext context)
    {
        var read = context.Application.Partner.GuidelinesRead;
        var status = read == true ? ReadinessStatus.Met : ReadinessStatus.NotMet;
        return new ItemVerdict
        {
            Item = item,
            Status = status,
            Reason = read == true ? Read.With(context.Catalog.Title) : (read == false ? NotRead : NotStated).Message(),
            NextStep = read == true ? null : Next.With(context.Catalog.Title),
            Facts = [new("guidelinesRead", read)],
            Notes = Shared.Disagreement(context.SelfAssessment(item), status),
        };
    }
}

/// <summary>PRE-1.2: the partner's APN tier is at least the catalog's minimum.</summary>
internal sealed class MinimumTierRule : IReadinessRule
{
    private static readonly Phrase AtTier = new("The partner is at the {0} tier; {1} or higher is required.", "Le partenaire est au niveau {0} ; le niveau {1} ou supérieur est exigé.");
    private static readonly Phrase NotStated = new("The partner's APN tier is not stated; {0} or higher is required.", "Le niveau APN du partenaire n'est pas indiqué ; le niveau {0} ou supérieur est exigé.");
    private static readonly Phrase StateIt = new("Set partner.tier to your current APN consulting tier.", "Indiquez dans partner.tier votre niveau actuel de partenaire consultant APN.") { ForPeople = new("Choose your current APN consulting tier in the partner profile.", "Choisissez votre niveau actuel de partenaire conseil APN dans le profil du partenaire.") };
    private static readonly Phrase Reach = new("Reach the {0} tier in the APN before applying.", "Atteignez le niveau {0} dans l'APN avant de postuler.");

    public ItemVerdict Evaluate(ChecklistItem item, EvaluationContext context)
    {
        var minimum = item.TierParameter("minimum");
        var tier = context.Application.Partner.Tier;
        var minimumName = Vocabulary.Tiers.Display(minimum);
        var status = tier >= minimum ? ReadinessStatus.Met : ReadinessStatus.NotMet;
        return new ItemVerdict
        {
            Item = item,
            Status = status,
            Reason = tier is { } t ? AtTier.With(Vocabulary.Tiers.Display(t), minimumName) : NotStated.With(minimumName),
            NextStep = status == ReadinessStatus.Met ? null : tier is null ? StateIt.Message() : Reach.With(minimumName),
            Facts = [new("tier", tier is { } v ? Vocabulary.Tiers.Wire(v) : null), new("minimum", Vocabulary.Tiers.Wire(minimum))],
            Notes = Shared.Disagreement(context.SelfAssessment(item), status),
        };
    }
}

/// <summary>PRE-2.4: MSP delivery and MSP program membership, under the catalog's reading of the source.</summary>
internal sealed class MspCriteriaRule : IReadinessRule
{
    private static readonly Phrase EnglishNotTriggered = new("No case study is in the MSP delivery category, so membership of the AWS MSP program is not required.", "Aucune étude de cas n'est dans la catégorie FSG : l'adhésion au programme MSP d'AWS n'est pas exigée.");
    private static readonly Phrase EnglishTriggered = new("{0} in the MSP delivery category ({1}), so the partner must be a member of the AWS MSP program: {2}.", "{0} dans la catégorie FSG ({1}) : le partenaire doit être membre du programme MSP d'AWS : {2}.");
    private static readonly Phrase FrenchNotTriggered = new("At least one case study is in the MSP delivery category ({0}), so under the French reading membership of the AWS MSP program is not required.", "Au moins une étude de cas est dans la catégorie FSG ({0}) : selon la lecture française, l'adhésion au programme MSP d'AWS n'est pas exigée.");
    private static readonly Phrase FrenchTriggered = new("No case study is in the MSP delivery category, so under the French reading the partner must be a member of the AWS MSP program: {0}.", "Aucune étude de cas n'est dans la catégorie FSG : selon la lecture française, le partenaire doit être membre du programme MSP d'AWS : {0}.");
    private static readonly Phrase OneCaseStudyIs = new("One case study is", "Une étude de cas est");
    private static readonly Phrase SomeCaseStudiesAre = new("{0} case studies are", "{0} études de cas sont");
    private static readonly Phrase Member = new("it is a member", "il en est membre");
    private static readonly Phrase NotMember = new("it is not a member", "il n'en est pas membre");
    private static readonly Phrase MembershipNotStated = new("its membership is not stated", "son adhésion n'est pas indiquée");
    private static readonly Phrase StateMembership = new("Set partner.mspProgramMember.", "Indiquez partner.mspProgramMember.") { ForPeople = new("Say in the partner profile whether you are a member of the AWS Managed Service Provider program.", "Indiquez dans le profil du partenaire si vous êtes membre du programme AWS Managed Service Provider.") };
    private static readonly Phrase JoinOrReclassify = new("Join the AWS Managed Service Provider program, or check the delivery category of your case studies.", "Rejoignez le programme Managed Service Provider d'AWS, ou vérifiez la catégorie de livraison de vos études de cas.");
    private static readonly Phrase UnderEnglish = new("Applied: the English reading (if any case study is MSP, MSP program membership is required). The French 2019 text reads the opposite (if none is MSP); under it this item would be {0}.", "Appliquée : la lecture anglaise (si une étude de cas est FSG, l'adhésion au programme MSP est exigée). Le texte français de 2019 dit l'inverse (si aucune ne l'est) ; selon lui, cet élément serait : {0}.");
    private static readonly Phrase UnderFrench = new("Applied: the French 2019 reading (if no case study is MSP, MSP program membership is required). The English checklists read the opposite (if any is MSP); under them this item would be {0}.", "Appliquée : la lecture française de 2019 (si aucune étude de cas n'est FSG, l'adhésion au programme MSP est exigée). Les listes anglaises disent l'inverse (si une l'est) ; selon elles, cet élément serait : {0}.");
    private static readonly Phrase UncountedMspIgnored = new("Case studies in the MSP delivery category that do not count (see PRE-2.1) were not taken into account: {0}.", "Des études de cas de la catégorie FSG qui ne sont pas retenues (voir PRE-2.1) n'ont pas été prises en compte : {0}.");
    private static readonly Phrase UnstatedIgnored = new("{0} case studies with no delivery category were not taken into account (see PRE-2.3).", "{0} études de cas sans catégorie de livraison n'ont pas été prises en compte (voir PRE-2.3).");

    public ItemVerdict Evaluate(ChecklistItem item, EvaluationContext context)
    {
        // Judged on the case studies that count: a pilot delivered as MSP neither requires nor exempts membership
        var pool = context.Pool;
        var counted = pool.Counted;
        var (mspCount, unstated) = (0, 0);
        for (var i = 0; i < counted.Count; i++)
        {
            mspCount += counted[i].CaseStudy.Delivery == DeliveryCategory.Msp ? 1 : 0;
            unstated += counted[i].CaseStudy.Delivery is null ? 1 : 0;
        }

        var msp = mspCount == 0 ? [] : new string[mspCount];
        for (var (i, m) = (0, 0); m < mspCount; i++)
        {
            if (counted[i].CaseStudy.Delivery == DeliveryCategory.Msp)
            {
                msp[m++] = counted[i].CaseStudy.Key;
            }
        }

        var member = context.Application.Partner.MspProgramMember;
        var reading = context.Catalog.Options.MspCriteriaReading;
        var (status, reason, next) = Judge(reading, msp, member);
        var (other, _, _) = Judge(reading == MspCriteriaReading.English ? MspCriteriaReading.French : MspCriteriaReading.English, msp, member);
        var notes = new List<Message>
        {
            (reading == MspCriteriaReading.English ? UnderEnglish : UnderFrench).With(ReadinessStatuses.Names.Display(other)),
        };
        if (unstated > 0)
        {
            notes.Add(UnstatedIgnored.With(unstated));
        }

        List<string>? uncountedMsp = null;
        foreach (var s in pool.Standings)
        {
            if (!s.Counted && s.CaseStudy.Delivery == DeliveryCategory.Msp)
            {
                (uncountedMsp ??= []).Add(s.CaseStudy.Key);
            }
        }

        if (uncountedMsp is not null)
        {
            notes.Add(UncountedMspIgnored.With(uncountedMsp.ToArray()));
        }

        notes.AddRange(Shared.Disagreement(context.SelfAssessment(item), status));
        return new ItemVerdict
        {
            Item = item,
            Status = status,
            Reason = reason,
            NextStep = next,
            Facts = [new("reading", CatalogReader.MspReadings.Wire(reading)), new("mspCaseStudies", msp), new("mspProgramMember", member)],
            Notes = notes,
        };
    }

    private static (ReadinessStatus, Message, Message?) Judge(MspCriteriaReading reading, string[] msp, bool? member)
    {
        var triggered = reading == MspCriteriaReading.English ? msp.Length > 0 : msp.Length == 0;
        if (!triggered)
        {
            return (ReadinessStatus.NotApplicable, reading == MspCriteriaReading.English ? EnglishNotTriggered.Message() : FrenchNotTriggered.With(msp), null);
        }

        var membership = (member switch { true => Member, false => NotMember, null => MembershipNotStated }).Message();
        var status = member == true ? ReadinessStatus.Met : ReadinessStatus.NotMet;
        var reason = reading == MspCriteriaReading.English
            ? EnglishTriggered.With(msp.Length == 1 ? OneCaseStudyIs.Message() : SomeCaseStudiesAre.With(msp.Length), msp, membership)
            : FrenchTriggered.With(membership);
        var next = member switch { true => null, false => JoinOrReclassify.Message(), null => StateMembership.Message() };
        return (status, reason, next);
    }
}

/// <summary>PRE-3.1: a retail practice page reachable from the home page.</summary>
internal sealed class PracticePageRule : IReadinessRule
{
    private static readonly Phrase NoPage = new("No retail practice page is stated.", "Aucune page de pratique de la vente au détail n'est indiquée.");
    private static readonly Phrase PublishPage = new("Publish a page describing your retail-on-AWS practice, link it from your home page, and set partner.practicePage.", "Publiez une page décrivant votre pratique de la vente au détail sur AWS, liez-la depuis votre page d'accueil et renseignez partner.practicePage.") { ForPeople = new("Publish a page describing your retail-on-AWS practice, link it from your home page, and give its address as the retail practice page in the partner profile.", "Publiez une page décrivant votre pratique de la vente au détail sur AWS, liez-la depuis votre page d'accueil et indiquez son adresse comme page de l'offre dans le profil du partenaire.") };
    private static readonly Phrase BadUrl = new("The practice page address '{0}' is not a web address.", "L'adresse de la page de pratique « {0} » n'est pas une adresse web.");
    private static readonly Phrase FixUrl = new("Give the full address of the practice page, e.g. https://example.com/retail.", "Indiquez l'adresse complète de la page de pratique, par exemple https://example.com/retail.");
    private static readonly Phrase NoHomepage = new("The partner's home page is not stated, so the practice page cannot be shown to be reachable from it.", "La page d'accueil du partenaire n'est pas indiquée : on ne peut pas montrer que la page de pratique y est accessible.");
    private static readonly Phrase StateHomepage = new("Set partner.homepage.", "Indiquez partner.homepage.") { ForPeople = new("Give your home page in the partner profile.", "Indiquez votre page d'accueil dans le profil du partenaire.") };
    private static readonly Phrase HomeAsPracticeAccepted = new("The home page {0} serves as the practice page, which is accepted for a consultancy dedicated to retail.", "La page d'accueil {0} tient lieu de page de pratique, ce qui est accepté pour une société de conseil dédiée à la vente au détail.");
    private static readonly Phrase HomeAsPracticeRefused = new("The practice page is the home page {0}; that is accepted only for a consultancy dedicated to retail, and the partner is not one.", "La page de pratique est la page d'accueil {0} ; ce n'est accepté que pour une société de conseil dédiée à la vente au détail, ce que le partenaire n'est pas.");
    private static readonly Phrase HomeAsPracticeUnknown = new("The practice page is the home page {0}; that is accepted only for a consultancy dedicated to retail, and whether the partner is one is not stated.", "La page de pratique est la page d'accueil {0} ; ce n'est accepté que pour une société de conseil dédiée à la vente au détail, et on ne sait pas si le partenaire en est une.");
    private static readonly Phrase SeparatePage = new("Create a separate retail practice page linked from your home page.", "Créez une page de pratique de la vente au détail distincte, liée depuis votre page d'accueil.");
    private static readonly Phrase StateDedicated = new("Set partner.dedicatedRetailConsultancy, or create a separate retail practice page.", "Indiquez partner.dedicatedRetailConsultancy, ou créez une page de pratique distincte.") { ForPeople = new("Say in the partner profile whether you are a consultancy dedicated to retail, or create a separate retail practice page.", "Indiquez dans le profil du partenaire si vous êtes un cabinet dédié à la vente au détail, ou créez une page de l'offre distincte.") };
    private static readonly Phrase NotLinked = new("The practice page {0} is not linked from the home page.", "La page de pratique {0} n'est pas liée depuis la page d'accueil.");
    private static readonly Phrase LinkNotStated = new("Whether the practice page {0} is linked from the home page is not stated.", "On ne sait pas si la page de pratique {0} est liée depuis la page d'accueil.");
    private static readonly Phrase AddLink = new("Link the practice page from your home page, then set practicePage.linkedFromHomepage to true.", "Ajoutez un lien vers la page de pratique sur votre page d'accueil, puis indiquez practicePage.linkedFromHomepage: true.") { ForPeople = new("Link the practice page from your home page, then answer yes to \"The home page links to the practice page\" in the partner profile.", "Ajoutez un lien vers la page de l'offre sur votre page d'accueil, puis répondez oui à « La page d'accueil renvoie vers la page de l'offre » dans le profil du partenaire.") };
    private static readonly Phrase Linked = new("The practice page {0} is linked from the home page {1}.", "La page de pratique {0} est liée depuis la page d'accueil {1}.");
    private static readonly Phrase ObservedReachable = new("Observed on {0}: the practice page {1} is reachable from the home page {2} in {3} click(s).", "Observé le {0} : la page de pratique {1} est accessible depuis la page d'accueil {2} en {3} clic(s).");
    private static readonly Phrase ObservedUnreachable = new("Observed on {0}: the practice page {1} is not reachable from the home page {2} ({3} page(s) visited).", "Observé le {0} : la page de pratique {1} n'est pas accessible depuis la page d'accueil {2} ({3} page(s) visitée(s)).");
    private static readonly Phrase AddLinkObserved = new("Link the practice page from your home page, then run the site check again.", "Ajoutez un lien vers la page de pratique sur votre page d'accueil, puis relancez la vérification du site.");
    private static readonly Phrase ContradictedLinked = new("The application declares the practice page linked from the home page, but the site observation of {0} did not reach it.", "La candidature déclare la page de pratique liée depuis la page d'accueil, mais l'observation du site du {0} ne l'a pas atteinte.");
    private static readonly Phrase ContradictedNotLinked = new("The application does not declare the practice page linked from the home page, but the site observation of {0} reached it: set practicePage.linkedFromHomepage to true.", "La candidature ne déclare pas la page de pratique liée depuis la page d'accueil, mais l'observation du site du {0} l'a atteinte : indiquez practicePage.linkedFromHomepage: true.") { ForPeople = new("The application does not say the practice page is linked from the home page, but the check of the site on {0} reached it: answer yes to \"The home page links to the practice page\".", "La candidature ne dit pas que la page de l'offre est liée depuis la page d'accueil, mais la vérification du site du {0} l'a atteinte : répondez oui à « La page d'accueil renvoie vers la page de l'offre ».") };

    public ItemVerdict Evaluate(ChecklistItem item, EvaluationContext context)
    {
        var partner = context.Application.Partner;
        var url = partner.PracticePage?.Url;
        var home = partner.Homepage;
        var (status, reason, next) = Judge(partner, url, home, context.Forms);
        var notes = new List<Message>();
        var facts = new List<Fact>
        {
            new("practicePage", url), new("homepage", home), new("linkedFromHomepage", partner.PracticePage?.LinkedFromHomepage),
            new("dedicatedRetailConsultancy", partner.DedicatedRetailConsultancy),
        };

        // The observation only settles the link question: a missing or malformed address, or the home page as practice page, are judged as declared
        var (site, setAside) = SiteEvidence.Usable(context);
        if (setAside is not null)
        {
            notes.Add(setAside);
        }

        if (site is not null && url is not null && home is not null && context.Forms.Url(url) is not null && !context.Forms.SamePage(url, home))
        {
            if (site.Find(url) is { } reach)
            {
                var declared = partner.PracticePage?.LinkedFromHomepage;
                (status, reason, next) = reach.Reachable
                    ? (ReadinessStatus.Met, ObservedReachable.With(site.ObservedOn, url, home, reach.Clicks), (Message?)null)
                    : (ReadinessStatus.NotMet, ObservedUnreachable.With(site.ObservedOn, url, home, site.Pages.Count), AddLinkObserved.Message());
                if (declared == true && !reach.Reachable)
                {
                    notes.Add(ContradictedLinked.With(site.ObservedOn));
                }
                else if (declared != true && reach.Reachable)
                {
                    notes.Add(ContradictedNotLinked.With(site.ObservedOn));
                }

                facts.Add(new("observedOn", site.ObservedOn.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture)));
                facts.Add(new("observedReachable", reach.Reachable));
                facts.Add(new("observedClicks", reach.Clicks));
            }
            else
            {
                notes.Add(SiteEvidence.CannotTell(site, url));
            }
        }

        return new ItemVerdict
        {
            Item = item,
            Status = status,
            Reason = reason,
            NextStep = next,
            Facts = facts,
            Notes = [.. notes, .. Shared.Disagreement(context.SelfAssessment(item), status)],
        };
    }

    private static (ReadinessStatus, Message, Message?) Judge(PartnerProfile partner, string? url, string? home, NormalForms forms)
    {
        if (string.IsNullOrWhiteSpace(url))
        {
            return (ReadinessStatus.NotMet, NoPage.Message(), PublishPage.Message());
        }

        if (forms.Url(url) is null)
        {
            return (ReadinessStatus.NotMet, BadUrl.With(url), FixUrl.Message());
        }

        if (string.IsNullOrWhiteSpace(home))
        {
            return (ReadinessStatus.NotMet, NoHomepage.Message(), StateHomepage.Message());
        }

        // The home page under another spelling (www., /index.html, a trailing slash, a default port) is still the home page
        if (forms.SamePage(url, home))
        {
            return partner.DedicatedRetailConsultancy switch
            {
                true => (ReadinessStatus.Met, HomeAsPracticeAccepted.With(home), null),
                false => (ReadinessStatus.NotMet, HomeAsPracticeRefused.With(home), SeparatePage.Message()),
                null => (ReadinessStatus.NotMet, HomeAsPracticeUnknown.With(home), StateDedicated.Message()),
            };
        }

        return partner.PracticePage?.LinkedFromHomepage switch
        {
            true => (ReadinessStatus.Met, Linked.With(url, home), null),
            false => (ReadinessStatus.NotMet, NotLinked.With(url), AddLink.Message()),
            null => (ReadinessStatus.NotMet, LinkNotStated.With(url), AddLink.Message()),
        };
    }
}

/// <summary>PRE-3.2: recent public content, workshop examples and vertical use cases.</summary>
internal sealed class ThoughtLeadershipRule : IReadinessRule
{
    private static readonly Phrase NoContent = new("No public retail content is listed.", "Aucun contenu public sur la vente au détail n'est indiqué.");
    private static readonly Phrase ListContent = new("List your public retail content in partner.content: recent posts, articles or videos, workshop examples and vertical use cases.", "Listez vos contenus publics sur la vente au détail dans partner.content : publications, articles ou vidéos récents, exemples d'ateliers et cas d'utilisation verticaux.") { ForPeople = new("List your public retail content in the partner profile: recent posts, articles or videos, workshop examples and vertical use cases.", "Listez vos contenus publics sur la vente au détail dans le profil du partenaire : publications, articles ou vidéos récents, exemples d'ateliers et cas d'utilisation verticaux.") };
    private static readonly Phrase Complete = new("{0} item(s) published in the last {1} months (the newest on {2}), {3} workshop or education example(s), {4} vertical use case(s).", "{0} contenu(s) publié(s) au cours des {1} derniers mois (le plus récent le {2}), {3} exemple(s) d'atelier ou de formation, {4} cas d'utilisation vertical(aux).");
    private static readonly Phrase Incomplete = new("Missing: {0}.", "Manquant : {0}.");
    private static readonly Phrase NoRecent = new("content with a link published in the last {0} months (since {1})", "un contenu avec un lien publié au cours des {0} derniers mois (depuis le {1})");
    private static readonly Phrase NoWorkshop = new("an example of a customer workshop or education session (kind: workshop)", "un exemple d'atelier ou de formation client (kind: workshop)") { ForPeople = new("an example of a customer workshop or education session (kind: workshop)", "un exemple d'atelier ou de formation client (nature : atelier)") };
    private static readonly Phrase NoUseCase = new("a description of a vertical use case you offer (kind: use-case)", "la description d'un cas d'utilisation vertical proposé (kind: use-case)") { ForPeople = new("a description of a vertical use case you offer (kind: use case)", "la description d'un cas d'utilisation vertical proposé (nature : cas d'utilisation)") };
    private static readonly Phrase AddMissing = new("Publish and list what is missing: {0}.", "Publiez et listez ce qui manque : {0}.");
    private static readonly Phrase Ages = new("The newest content (published {0}) becomes older than {1} months.", "Le contenu le plus récent (publié le {0}) dépasse {1} mois.");
    private static readonly Phrase FutureIgnored = new("{0} item(s) dated after the evaluation date were not counted.", "{0} contenu(s) daté(s) après la date d'évaluation n'ont pas été compté(s).");
    private static readonly Phrase UndatedIgnored = new("{0} item(s) without a publication date or link do not count as recent content.", "{0} contenu(s) sans date de publication ou sans lien ne comptent pas comme contenus récents.");

    private static readonly Phrase Observed = new("Observed on {0}: {1}", "Observé le {0} : {1}");
    private static readonly Phrase ObservedDates = new("Observed on {0}: the publication dates of {1} content item(s) were read on their pages and replace the declared ones.", "Observé le {0} : les dates de publication de {1} contenu(s) ont été lues sur leurs pages et remplacent celles déclarées.");
    private static readonly Phrase DateContradicted = new("{0}: declared published on {1}, but the page declares {2} (observed on {3}).", "{0} : déclaré publié le {1}, mais la page indique le {2} (observé le {3}).");
    private static readonly Phrase DateNotDeclared = new("{0}: no publication date is declared in the application; the page declares {1} (observed on {2}).", "{0} : aucune date de publication n'est déclarée dans la candidature ; la page indique le {1} (observé le {2}).");
    private static readonly Phrase NotReadable = new("{0}: the page could not be read on {1} ({2}); the declared date is used.", "{0} : la page n'a pas pu être lue le {1} ({2}) ; la date déclarée est retenue.");
    private static readonly Phrase NoDateOnPage = new("{0}: the page was visited on {1} but declares no publication date; the declared date is used.", "{0} : la page a été visitée le {1} mais n'indique aucune date de publication ; la date déclarée est retenue.");

    public bool ReadsDate => true;

    public ItemVerdict Evaluate(ChecklistItem item, EvaluationContext context)
    {
        var months = item.IntParameter("windowMonths");
        var (content, observedNotes, observedCount) = WithObservedDates(context);
        var asOf = context.AsOf;

        // In one pass: the recent items with an address (and the newest of them), workshops, use cases, items dated after
        // the evaluation date, and items without a date or an address
        var (recent, workshops, useCases, future, undated) = (0, 0, 0, 0, 0);
        var newest = DateOnly.MinValue;
        for (var i = 0; i < content.Count; i++)
        {
            var c = content[i];
            var hasUrl = !string.IsNullOrWhiteSpace(c.Url);
            if (c.Published is { } p && Calendar.WithinMonths(p, asOf, months) && hasUrl)
            {
                recent++;
                newest = p > newest ? p : newest;
            }

            workshops += c.Kind == ContentKind.Workshop ? 1 : 0;
            useCases += c.Kind == ContentKind.UseCase ? 1 : 0;
            future += c.Published > asOf ? 1 : 0;
            undated += c.Published is null || !hasUrl ? 1 : 0;
        }

        Fact[] facts = [new("recentContent", recent), new("workshops", workshops), new("useCases", useCases), new("windowMonths", months)];
        if (context.Site is not null)
        {
            facts = [.. facts, new("observedDates", observedCount)];
        }

        var notes = observedNotes;
        if (future > 0)
        {
            notes.Add(FutureIgnored.With(future));
        }

        if (undated > 0)
        {
            notes.Add(UndatedIgnored.With(undated));
        }

        if (content.Count == 0)
        {
            return Verdict(item, context, ReadinessStatus.NotMet, NoContent.Message(), ListContent.Message(), facts, notes);
        }

        var missing = new List<Message>();
        if (recent == 0)
        {
            missing.Add(NoRecent.With(months, Calendar.AddMonths(asOf, -months)));
        }

        if (workshops == 0)
        {
            missing.Add(NoWorkshop.Message());
        }

        if (useCases == 0)
        {
            missing.Add(NoUseCase.Message());
        }

        if (missing.Count > 0)
        {
            return Verdict(item, context, ReadinessStatus.NotMet, Incomplete.With(missing), AddMissing.With(missing), facts, notes);
        }

        return Verdict(item, context, ReadinessStatus.Met, Complete.With(recent, months, newest, workshops, useCases), null, facts, notes, Calendar.FirstDayOutside(newest, months), Ages.With(newest, months));
    }

    // A date read on the page replaces the declared one; each disagreement is shown
    private static (IReadOnlyList<ContentItem> Content, List<Message> Notes, int Observed) WithObservedDates(EvaluationContext context)
    {
        var declared = context.Application.Partner.Content ?? [];
        var notes = new List<Message>();
        var (site, setAside) = SiteEvidence.Usable(context);
        if (setAside is not null)
        {
            notes.Add(setAside);
        }

        if (site is null)
        {
            return (declared, notes, 0);
        }

        var observed = 0;
        var result = new List<ContentItem>(declared.Count);
        foreach (var c in declared)
        {
            var page = c.Url is null ? null : site.ContentAt(c.Url);
            var name = c.Title ?? c.Url;
            if (page?.Published is { } date)
            {
                observed++;
                if (c.Published is null)
                {
                    notes.Add(DateNotDeclared.With(name, date, site.ObservedOn));
                }
                else if (c.Published != date)
                {
                    notes.Add(DateContradicted.With(name, c.Published, date, site.ObservedOn));
                }

                result.Add(c with { Published = date });
            }
            else
            {
                if (page is not null)
                {
                    notes.Add(NoDateOnPage.With(name, site.ObservedOn));
                }
                else if (c.Url is not null && site.FailureAt(c.Url) is { } failure)
                {
                    notes.Add(NotReadable.With(name, site.ObservedOn, failure));
                }

                result.Add(c);
            }
        }

        if (observed > 0)
        {
            notes.Insert(0, ObservedDates.With(site.ObservedOn, observed));
        }

        return (result, notes, observed);
    }

    private static ItemVerdict Verdict(ChecklistItem item, EvaluationContext context, ReadinessStatus status, Message reason, Message? next, Fact[] facts, List<Message> notes, DateOnly? changesOn = null, Message? change = null) => new()
    {
        ChangesOn = changesOn,
        Change = change,
        Item = item,
        Status = status,
        Reason = context.Site is { } site && facts.Any(f => f is { Name: "observedDates", Value: > 0 }) ? Observed.With(site.ObservedOn, reason) : reason,
        NextStep = next,
        Facts = facts,
        Notes = [.. notes, .. Shared.Disagreement(context.SelfAssessment(item), status)],
    };
}

/// <summary>PRE-4.1: every item of the checklist self-assessed.</summary>
internal sealed class SelfAssessmentCompleteRule : IReadinessRule
{
    private static readonly Phrase AllDone = new("Every item of the checklist is self-assessed: {0} met, {1} not met.", "Chaque élément de la liste est auto-évalué : {0} respecté(s), {1} non respecté(s).");
    private static readonly Phrase Missing = new("{0} of {1} items are not self-assessed: {2}.", "{0} éléments sur {1} ne sont pas auto-évalués : {2}.");
    private static readonly Phrase Answer = new("For each item, answer met: true or false in selfAssessment, with a justification and evidence.", "Pour chaque élément, répondez met: true ou false dans selfAssessment, avec une justification et des preuves.") { ForPeople = new("Answer every item in the self-assessment: met or not, with a justification and evidence.", "Répondez à chaque élément dans l'auto-évaluation : respecté ou non, avec une justification et des preuves.") };
    private static readonly Phrase Send = new("When you submit, e-mail the completed self-assessment to {0} with the subject \"{1}\". A review by your solutions architect or AWS partner development manager beforehand is recommended.", "Lors de la soumission, envoyez l'auto-évaluation complétée à {0} avec l'objet « {1} ». Une relecture préalable par votre architecte de solutions ou votre responsable du développement partenaire AWS est recommandée.") { ForOthers = new("When the partner submits, the completed self-assessment goes by e-mail to {0} with the subject \"{1}\"; a review by its solutions architect or AWS partner development manager beforehand is recommended.", "Lors de la soumission, le partenaire envoie l'auto-évaluation complétée à {0} avec l'objet « {1} » ; une relecture préalable par son architecte de solutions ou son responsable du développement partenaire AWS est recommandée.") };
    private static readonly Phrase NoNote = new("{0} item(s) are answered without a justification: {1}.", "{0} élément(s) sont renseignés sans justification : {1}.");

    public ItemVerdict Evaluate(ChecklistItem item, EvaluationContext context)
    {
        var answers = context.Application.SelfAssessment;
        var items = context.Catalog.Items;
        // One look-up per item: not assessed (0), assessed without a note (1), or assessed with one (2); then the ids of each
        var states = items.Count <= 256 ? stackalloc byte[items.Count] : new byte[items.Count];
        var (missingCount, withoutNoteCount) = (0, 0);
        for (var i = 0; i < items.Count; i++)
        {
            if (!answers.TryGetValue(items[i].Id, out var e) || e.Met is null)
            {
                missingCount++;
            }
            else if (string.IsNullOrWhiteSpace(e.Note))
            {
                states[i] = 1;
                withoutNoteCount++;
            }
            else
            {
                states[i] = 2;
            }
        }

        var missing = missingCount == 0 ? [] : new string[missingCount];
        var withoutNote = withoutNoteCount == 0 ? [] : new string[withoutNoteCount];
        for (var (i, m, w) = (0, 0, 0); i < items.Count; i++)
        {
            if (states[i] == 0)
            {
                missing[m++] = items[i].Id;
            }
            else if (states[i] == 1)
            {
                withoutNote[w++] = items[i].Id;
            }
        }

        var partnerName = context.Application.Partner.Name ?? "…";
        var office = context.Catalog.ProgramOffice;
        var sendNote = Send.With(office.Email, new Subject(office, partnerName));
        var notes = new List<Message> { sendNote };
        if (withoutNote.Length > 0)
        {
            notes.Add(NoNote.With(withoutNote.Length, withoutNote));
        }

        var (met, notMet) = (0, 0);
        foreach (var e in answers.Values)
        {
            met += e.Met == true ? 1 : 0;
            notMet += e.Met == false ? 1 : 0;
        }

        notes.AddRange(Shared.Disagreement(context.SelfAssessment(item), missing.Length == 0 ? ReadinessStatus.Met : ReadinessStatus.NotMet));
        return new ItemVerdict
        {
            Item = item,
            Status = missing.Length == 0 ? ReadinessStatus.Met : ReadinessStatus.NotMet,
            Reason = missing.Length == 0 ? AllDone.With(met, notMet) : Missing.With(missing.Length, items.Count, missing),
            NextStep = missing.Length == 0 ? null : Answer.Message(),
            Facts = [new("assessed", items.Count - missing.Length), new("items", items.Count), new("notAssessed", missing), new("programOfficeEmail", office.Email)],
            Notes = notes,
        };
    }

    // The subject line in each language, made when the note is shown (as a LocalizedString of the two would give it)
    private sealed class Subject(ProgramOffice office, string partnerName) : ILocalizable
    {
        public string Name(Language language) =>
            language == Language.Fr ? FrenchTypography.Apply(office.Subject(partnerName, Language.Fr)) : office.Subject(partnerName, Language.En);

        public override string ToString() => Name(Language.En);
    }
}
