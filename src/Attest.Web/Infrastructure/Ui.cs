using Attest.Core.Text;

namespace Attest.Web.Infrastructure;

/// <summary>The web application's own texts, in English and French.</summary>
public static class Ui
{
    public static readonly LocalizedString AppName = new("Attest", "Attest");
    public static readonly LocalizedString SkipToContent = new("Skip to content", "Aller au contenu");
    public static readonly LocalizedString Home = new("Applications", "Candidatures");
    public static readonly LocalizedString SignIn = new("Sign in", "Se connecter");
    public static readonly LocalizedString SignOut = new("Sign out", "Se déconnecter");
    public static readonly LocalizedString ApiTokens = new("API tokens", "Jetons d'API");
    public static readonly LocalizedString Evidence = new("Evidence", "Preuves");
    public static readonly LocalizedString Email = new("E-mail address", "Adresse e-mail");
    public static readonly LocalizedString Password = new("Password", "Mot de passe");
    public static readonly LocalizedString DisplayName = new("Your name", "Votre nom");
    public static readonly LocalizedString Language = new("Language", "Langue");
    public static readonly LocalizedString Save = new("Save", "Enregistrer");
    public static readonly LocalizedString Cancel = new("Cancel", "Annuler");
    public static readonly LocalizedString ErrorSummary = new("There is a problem", "Il y a un problème");
    public static readonly LocalizedString BadSignIn = new("The e-mail address or password is not right.", "L'adresse e-mail ou le mot de passe est incorrect.");
    public static readonly LocalizedString SignInThrottled = new("Too many failed attempts from here: wait {0} minutes before trying again.", "Trop d'échecs depuis ce poste : attendez {0} minutes avant de réessayer.");
    public static readonly LocalizedString SetupTitle = new("Create the first administrator", "Créer le premier administrateur");
    public static readonly LocalizedString SetupIntro = new("Attest has no user yet. The administrator manages users, partners and assignments; they see no partner content.", "Attest n'a encore aucun utilisateur. L'administrateur gère les utilisateurs, les partenaires et les affectations ; il ne voit aucun contenu de partenaire.");
    public static readonly LocalizedString PasswordRule = new("At least 12 characters, with a digit, a lower-case and an upper-case letter.", "Au moins 12 caractères, avec un chiffre, une minuscule et une majuscule.");
    public static readonly LocalizedString Required = new("Required.", "Obligatoire.");
    public static readonly LocalizedString NoApplications = new("No application yet.", "Aucune candidature pour l'instant.");
    public static readonly LocalizedString NewApplication = new("Start an application", "Commencer une candidature");
    public static readonly LocalizedString Checklist = new("Checklist", "Liste de contrôle");
    public static readonly LocalizedString Partner = new("Partner", "Partenaire");
    public static readonly LocalizedString Status = new("Status", "Statut");
    public static readonly LocalizedString Updated = new("Last change", "Dernière modification");
    public static readonly LocalizedString Ready = new("Ready", "Prêt");
    public static readonly LocalizedString Draft = new("Draft", "Brouillon");
    public static readonly LocalizedString Submitted = new("Submitted", "Soumise");
    public static readonly LocalizedString NotReady = new("Not ready", "Pas prêt");
    public static readonly LocalizedString ReadyUntil = new("Stays ready until {0} if nothing else changes.", "Reste prêt jusqu'au {0} si rien d'autre ne change.");
    public static readonly LocalizedString Missing = new("What is missing", "Ce qui manque");
    public static readonly LocalizedString Coming = new("Coming changes", "Changements à venir");
    public static readonly LocalizedString CaseStudies = new("Case studies", "Études de cas");
    public static readonly LocalizedString AddCaseStudy = new("Add a case study", "Ajouter une étude de cas");
    public static readonly LocalizedString Edit = new("Edit", "Modifier");
    public static readonly LocalizedString Export = new("Export (YAML, format v1)", "Exporter (YAML, format v1)");
    public static readonly LocalizedString Import = new("Import", "Importer");
    public static readonly LocalizedString ImportFile = new("Application file to import (format v1, YAML or JSON)", "Fichier de candidature à importer (format v1, YAML ou JSON)");
    public static readonly LocalizedString ImportReplaces = new("Importing replaces the profile, the case studies and the self-assessment of this application.", "L'import remplace le profil, les études de cas et l'auto-évaluation de cette candidature.");
    public static readonly LocalizedString File = new("File", "Fichier");
    public static readonly LocalizedString Files = new("Files", "Fichiers");
    public static readonly LocalizedString ImportNoFile = new("Choose the application file to import.", "Choisissez le fichier de candidature à importer.");
    public static readonly LocalizedString ImportNotUtf8 = new("{0} was not imported: it is not UTF-8 text.", "{0} n'a pas été importé : ce n'est pas du texte UTF-8.");
    public static readonly LocalizedString ImportWrongChecklist = new("{0} was not imported: it is on the checklist {1}, this application on {2}.", "{0} n'a pas été importé : il porte sur la liste de contrôle {1}, cette candidature sur {2}.");
    public static readonly LocalizedString ImportFailed = new("{0} was not imported: {1} (line {2}, column {3}, field {4}).", "{0} n'a pas été importé : {1} (ligne {2}, colonne {3}, champ {4}).");
    public static readonly LocalizedString ImportFailedAt = new("{0} was not imported: {1} (field {2}).", "{0} n'a pas été importé : {1} (champ {2}).");
    public static readonly LocalizedString ImportRefused = new("{0} was not imported: it does not follow the application format v1 (line {1}, column {2}, field {3}).", "{0} n'a pas été importé : le fichier ne respecte pas le format de candidature v1 (ligne {1}, colonne {2}, champ {3}).");
    public static readonly LocalizedString ImportRefusedAt = new("{0} was not imported: it does not follow the application format v1 (field {1}).", "{0} n'a pas été importé : le fichier ne respecte pas le format de candidature v1 (champ {1}).");

    /// <summary>
    /// Why an imported file was refused, in <paramref name="language"/> throughout: the problem's own wording where the reader
    /// gives one in that language, else the place alone (never an English problem inside a French sentence).
    /// </summary>
    public static string ImportProblem(Attest.Core.Documents.InputError error, string fileName, Language language)
    {
        ArgumentNullException.ThrowIfNull(error);
        var field = error.Field.Length == 0 ? "—" : error.Field;
        return error.ProblemIn(language) is { } problem
            ? error.Line > 0
                ? string.Format(System.Globalization.CultureInfo.InvariantCulture, ImportFailed.In(language), fileName, problem, error.Line, error.Column, field)
                : string.Format(System.Globalization.CultureInfo.InvariantCulture, ImportFailedAt.In(language), fileName, problem, field)
            : error.Line > 0
                ? string.Format(System.Globalization.CultureInfo.InvariantCulture, ImportRefused.In(language), fileName, error.Line, error.Column, field)
                : string.Format(System.Globalization.CultureInfo.InvariantCulture, ImportRefusedAt.In(language), fileName, field);
    }

    public static readonly LocalizedString Item = new("Item", "Élément");
    public static readonly LocalizedString Reason = new("Why", "Pourquoi");
    public static readonly LocalizedString NextStep = new("Next step", "Étape suivante");
    public static readonly LocalizedString Conflict = new("Someone else saved this case study while you were editing it. Nothing was overwritten: compare the two versions below, then save again to keep yours.", "Quelqu'un d'autre a enregistré cette étude de cas pendant votre modification. Rien n'a été écrasé : comparez les deux versions ci-dessous, puis enregistrez de nouveau pour garder la vôtre.");
    public static readonly LocalizedString TheirVersion = new("Saved by someone else", "Enregistrée par quelqu'un d'autre");
    public static readonly LocalizedString YourVersion = new("Your version", "Votre version");
    public static readonly LocalizedString NotFound = new("This page does not exist, or you may not see it.", "Cette page n'existe pas, ou vous ne pouvez pas la voir.");
    public static readonly LocalizedString Denied = new("You may not do this.", "Vous ne pouvez pas faire cela.");
    public static readonly LocalizedString StorageFull = new(
        "The server has no room left to store this, so nothing was saved. This is not your mistake: try again later, or tell your administrator. What is already stored can still be read.",
        "Le serveur n'a plus de place pour l'enregistrer : rien n'a été enregistré. Ce n'est pas votre faute : réessayez plus tard, ou prévenez votre administrateur. Ce qui est déjà enregistré reste lisible.");
    public static readonly LocalizedString Failure = new("Something went wrong on our side. Nothing was saved; please try again.", "Une erreur s'est produite de notre côté. Rien n'a été enregistré ; veuillez réessayer.");
    public static readonly LocalizedString Saved = new("Saved.", "Enregistré.");
    public static readonly LocalizedString Imported = new("Imported.", "Importé.");
    public static readonly LocalizedString CaseStudy = new("Case study", "Étude de cas");
    public static readonly LocalizedString Readiness = new("Readiness", "Préparation");
}
