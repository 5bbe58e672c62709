using Attest.Core.Text;

namespace Attest.Web.Features.Site;

/// <summary>The texts of the web site check on the partner profile, in English and French.</summary>
public static class Texts
{
    public static readonly LocalizedString Title = new("Web site check (PRE-2.2, PRE-3.1, PRE-3.2)", "Vérification du site web (PRE-2.2, PRE-3.1, PRE-3.2)");
    public static readonly LocalizedString Intro = new(
        "Attest visits your site from the home page, as a visitor would (robots.txt honoured, at most 200 pages), and looks for the practice page, the public case studies and the publication dates of your content. What it observes replaces your declarations in readiness.",
        "Attest parcourt votre site depuis la page d'accueil, comme un visiteur (robots.txt respecté, 200 pages au plus), et y cherche la page de l'offre, les études de cas publiques et les dates de publication de vos contenus. Ce qu'il observe remplace vos déclarations dans la préparation.");
    public static readonly LocalizedString Run = new("Check the web site now", "Vérifier le site web maintenant");
    public static readonly LocalizedString Started = new("The check has started; it takes up to a minute. Reload this page to see the result.", "La vérification a commencé ; elle prend jusqu'à une minute. Rechargez cette page pour voir le résultat.");
    public static readonly LocalizedString AlreadyRunning = new("A check is already running; reload this page in a moment.", "Une vérification est déjà en cours ; rechargez cette page dans un instant.");
    public static readonly LocalizedString Running = new("A check is running (started {0}).", "Une vérification est en cours (commencée {0}).");
    public static readonly LocalizedString NoHomepage = new("Home page: give it and save the profile before checking the site.", "Page d'accueil : indiquez-la et enregistrez le profil avant de vérifier le site.");
    public static readonly LocalizedString Never = new("The site has not been checked yet: readiness uses what you declare.", "Le site n'a pas encore été vérifié : la préparation utilise vos déclarations.");
    public static readonly LocalizedString Failed = new("The last check ({0}) observed nothing: {1}", "La dernière vérification ({0}) n'a rien observé : {1}");
    public static readonly LocalizedString Observed = new("Observed on {0} from {1}: {2} page(s) visited.", "Observé le {0} depuis {1} : {2} page(s) visitée(s).");
    public static readonly LocalizedString LimitsHit = new("A bound stopped the visit early; addresses it did not reach are judged on your declaration.", "Une limite a arrêté la visite ; les adresses non atteintes sont jugées sur votre déclaration.");
    public static readonly LocalizedString PracticePage = new("Practice page", "Page de l'offre");
    public static readonly LocalizedString CaseStudy = new("Public case study {0}", "Étude de cas publique {0}");
    public static readonly LocalizedString Reached = new("reachable in {0} click(s)", "accessible en {0} clic(s)");
    public static readonly LocalizedString NotReached = new("not reachable from the home page", "inaccessible depuis la page d'accueil");
    public static readonly LocalizedString Dated = new("published on {0} (as the page says)", "publié le {0} (selon la page)");
    public static readonly LocalizedString Undated = new("no publication date on the page", "aucune date de publication sur la page");
}
