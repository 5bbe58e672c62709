using Attest.Core.Text;

namespace Attest.Web.Features.Applications;

/// <summary>The partner profile's texts, in English and French.</summary>
public static class ProfileTexts
{
    public static readonly LocalizedString Title = new("Partner profile", "Profil du partenaire");
    public static readonly LocalizedString Intro = new("What this application says about your company; readiness checks it against the prerequisites (PRE-1, PRE-2.4, PRE-3).", "Ce que cette candidature dit de votre entreprise ; la préparation le confronte aux prérequis (PRE-1, PRE-2.4, PRE-3).");
    public static readonly LocalizedString PartnerNameHint = new("The name of your partner record; the administrator changes it.", "Le nom de votre fiche partenaire ; l'administrateur le modifie.");
    public static readonly LocalizedString Workspace = new("This application", "Cette candidature");
    public static readonly LocalizedString Company = new("Your company", "Votre entreprise");
    public static readonly LocalizedString Web = new("Your web site", "Votre site web");
    public static readonly LocalizedString Content = new("Public retail content (PRE-3.2)", "Contenus publics sur la vente au détail (PRE-3.2)");
    public static readonly LocalizedString ContentHint = new("Blog posts, articles, videos, whitepapers, customer workshops and the vertical use cases you offer. Blank rows are ignored.", "Billets de blog, articles, vidéos, livres blancs, ateliers clients et cas d'usage verticaux proposés. Les lignes vides sont ignorées.");
    public static readonly LocalizedString Row = new("Content {0}", "Contenu {0}");
    public static readonly LocalizedString Remove = new("Remove this row when saving", "Retirer cette ligne à l'enregistrement");
    public static readonly LocalizedString AddRow = new("Add a row", "Ajouter une ligne");
    public static readonly LocalizedString NotStated = new("Not stated", "Non indiqué");
    public static readonly LocalizedString NotStatedOption = new("— not stated —", "— non indiqué —");
    public static readonly LocalizedString Yes = new("Yes", "Oui");
    public static readonly LocalizedString No = new("No", "Non");
    public static readonly LocalizedString BadUrl = new("give a full address starting with https:// or http://.", "indiquez une adresse complète commençant par https:// ou http://.");
    public static readonly LocalizedString BadDate = new("give a date as YYYY-MM-DD, from 1900-01-01 to 2999-12-31.", "indiquez une date au format AAAA-MM-JJ, du 1900-01-01 au 2999-12-31.");
    public static readonly LocalizedString TooLong = new("at most {0} characters.", "{0} caractères au plus.");
    public static readonly LocalizedString BadEmail = new("enter one e-mail address, such as name@example.com.", "saisissez une seule adresse e-mail, par exemple nom@example.com.");
    public static readonly LocalizedString BadChoice = new("choose one of the options offered.", "choisissez l'une des options proposées.");
    public static readonly LocalizedString TooManyRows = new("at most {0} rows.", "{0} lignes au plus.");
    public static readonly LocalizedString Conflict = new("Someone else saved this profile while you were editing it. Nothing was overwritten: compare the two versions below, then save again to keep yours.", "Quelqu'un d'autre a enregistré ce profil pendant votre modification. Rien n'a été écrasé : comparez les deux versions ci-dessous, puis enregistrez de nouveau pour garder la vôtre.");

    /// <summary>The labels of the profile's fields.</summary>
    public static readonly IReadOnlyDictionary<string, LocalizedString> Labels = new Dictionary<string, LocalizedString>(StringComparer.Ordinal)
    {
        ["PartnerName"] = new("Partner name", "Nom du partenaire"),
        ["PartnerApnId"] = new("APN partner ID (shown on the self-assessment form)", "Identifiant du partenaire APN (repris sur le formulaire d'auto-évaluation)"),
        ["ContactName"] = new("Contact for this application: name", "Contact pour cette candidature : nom"),
        ["ContactEmail"] = new("Contact's e-mail address (the submission e-mail is sent from it)", "Adresse e-mail du contact (l'e-mail de soumission part de cette adresse)"),
        ["Tier"] = new("APN consulting partner tier (PRE-1.2)", "Niveau de partenaire conseil APN (PRE-1.2)"),
        ["ServicesPath"] = new("Stage on the AWS Services Path (service delivery checklists, 1.2)", "Stade sur le parcours Services AWS (listes de prestation de services, 1.2)"),
        ["MspProgramMember"] = new("Member of the AWS Managed Service Provider program (PRE-2.4)", "Membre du programme AWS Managed Service Provider (PRE-2.4)"),
        ["GuidelinesRead"] = new("We have read the program guidelines (PRE-1.1)", "Nous avons lu les directives du programme (PRE-1.1)"),
        ["Homepage"] = new("Home page", "Page d'accueil"),
        ["PracticePageUrl"] = new("Retail practice page (PRE-3.1)", "Page de votre offre vente au détail (PRE-3.1)"),
        ["PracticePageLinked"] = new("The home page links to the practice page", "La page d'accueil renvoie vers la page de l'offre"),
        ["DedicatedRetailConsultancy"] = new("We are a consultancy dedicated to retail, and our home page shows it", "Nous sommes un cabinet dédié à la vente au détail, et notre page d'accueil le montre"),
        ["ContentStated"] = new("We state our public content (an empty list means none)", "Nous indiquons nos contenus publics (une liste vide signifie aucun)"),
        ["Content"] = new("Public content", "Contenus publics"),
        ["Title"] = new("Title", "Titre"),
        ["Url"] = new("Address", "Adresse"),
        ["Kind"] = new("Kind", "Nature"),
        ["Published"] = new("Published on", "Publié le"),
    };
}
