using System.Globalization;
using Attest.Core.Text;

namespace Attest.Web.Features.Evidence;

/// <summary>The evidence library's texts, in English and French.</summary>
public static class Texts
{
    public static readonly LocalizedString Library = new("Evidence library", "Bibliothèque de preuves");
    public static readonly LocalizedString Intro = new("Files and links that back your applications. A file is kept once, by its content, and is always downloaded, never opened in the browser.", "Fichiers et liens qui étayent vos candidatures. Un fichier est conservé une seule fois, d'après son contenu, et il est toujours téléchargé, jamais ouvert dans le navigateur.");
    public static readonly LocalizedString Empty = new("No evidence yet.", "Aucune preuve pour l'instant.");
    public static readonly LocalizedString Name = new("Name", "Nom");
    public static readonly LocalizedString NameOptional = new("Name (optional: the file's name by default)", "Nom (facultatif : le nom du fichier par défaut)");
    public static readonly LocalizedString File = new("File", "Fichier");
    public static readonly LocalizedString Address = new("Address", "Adresse");
    public static readonly LocalizedString Kind = new("Kind", "Nature");
    public static readonly LocalizedString KindFile = new("File", "Fichier");
    public static readonly LocalizedString KindLink = new("Link", "Lien");
    public static readonly LocalizedString Type = new("Type (read from the content)", "Type (lu dans le contenu)");
    public static readonly LocalizedString Size = new("Size", "Taille");
    public static readonly LocalizedString IssuedOn = new("Issued on", "Émise le");
    public static readonly LocalizedString IssuedOnHint = new("When the document itself was issued, not when you add it here.", "La date d'émission du document lui-même, pas celle de son ajout ici.");
    public static readonly LocalizedString AddedAt = new("Added", "Ajoutée");
    public static readonly LocalizedString AttachedTo = new("Attached to", "Jointe à");
    public static readonly LocalizedString Upload = new("Upload a file", "Déposer un fichier");
    public static readonly LocalizedString UploadHint = new("Up to {0}. The type is read from the content, whatever the file's name.", "Jusqu'à {0}. Le type est lu dans le contenu, quel que soit le nom du fichier.");
    public static readonly LocalizedString AddLink = new("Add a link", "Ajouter un lien");
    public static readonly LocalizedString Download = new("Download", "Télécharger");
    public static readonly LocalizedString Details = new("Details", "Détails");
    public static readonly LocalizedString TooLarge = new("The file is larger than the limit of {0}. Nothing was stored.", "Le fichier dépasse la limite de {0}. Rien n'a été enregistré.");
    public static readonly LocalizedString NoFile = new("Choose a file to upload.", "Choisissez un fichier à déposer.");
    public static readonly LocalizedString UnreadableUpload = new("The upload could not be read. Nothing was stored; please try again.", "Le dépôt n'a pas pu être lu. Rien n'a été enregistré ; veuillez réessayer.");
    public static readonly LocalizedString BadUrl = new("Give a full address starting with https:// or http://.", "Indiquez une adresse complète commençant par https:// ou http://.");
    public static readonly LocalizedString NameRequired = new("Give a name.", "Indiquez un nom.");
    public static readonly LocalizedString NameTooLong = new("At most 300 characters.", "300 caractères au plus.");
    public static readonly LocalizedString BadDate = new("Give a date as YYYY-MM-DD, from 1900-01-01 to 2999-12-31.", "Indiquez une date au format AAAA-MM-JJ, du 1900-01-01 au 2999-12-31.");
    public static readonly LocalizedString FutureDate = new("A document cannot have been issued after today.", "Un document ne peut pas avoir été émis après aujourd'hui.");
    public static readonly LocalizedString Uploaded = new("Uploaded.", "Déposé.");
    public static readonly LocalizedString AlreadyInLibrary = new("This file is already in your library as “{0}”.", "Ce fichier est déjà dans votre bibliothèque sous le nom « {0} ».");
    public static readonly LocalizedString Added = new("Added.", "Ajouté.");
    public static readonly LocalizedString Attach = new("Attach to an application", "Joindre à une candidature");
    public static readonly LocalizedString AttachHint = new("Choose a case study, a checklist item, or both (of the same application). One piece of evidence may be attached to many.", "Choisissez une étude de cas, un élément de la liste de contrôle, ou les deux (de la même candidature). Une preuve peut être jointe à plusieurs.");
    public static readonly LocalizedString CaseStudy = new("Case study", "Étude de cas");
    public static readonly LocalizedString Item = new("Checklist item", "Élément de la liste de contrôle");
    public static readonly LocalizedString None = new("— none —", "— aucun —");
    public static readonly LocalizedString ChooseOne = new("Choose a case study or an item.", "Choisissez une étude de cas ou un élément.");
    public static readonly LocalizedString SameApplication = new("The case study and the item must belong to the same application.", "L'étude de cas et l'élément doivent appartenir à la même candidature.");
    public static readonly LocalizedString UnknownTarget = new("This case study or item does not exist.", "Cette étude de cas ou cet élément n'existe pas.");
    public static readonly LocalizedString AlreadyAttached = new("It is already attached there.", "Elle y est déjà jointe.");
    public static readonly LocalizedString Attached = new("Attached.", "Jointe.");
    public static readonly LocalizedString Detach = new("Detach", "Détacher");
    public static readonly LocalizedString Detached = new("Detached.", "Détachée.");
    public static readonly LocalizedString NotAttached = new("Not attached to anything yet.", "Jointe à rien pour l'instant.");
    public static readonly LocalizedString CaseStudyIn = new("{0}: case study {1}", "{0} : étude de cas {1}");
    public static readonly LocalizedString ItemIn = new("{0}: item {1}", "{0} : élément {1}");
    public static readonly LocalizedString CaseStudyItemIn = new("{0}: case study {1}, item {2}", "{0} : étude de cas {1}, élément {2}");
    public static readonly LocalizedString Delete = new("Delete this evidence", "Supprimer cette preuve");
    public static readonly LocalizedString DeleteConfirm = new("This evidence is attached to {0} place(s), listed above; deleting it detaches it from all of them. Delete it anyway?", "Cette preuve est jointe à {0} endroit(s), listés ci-dessus ; la supprimer la détache de tous. La supprimer quand même ?");
    public static readonly LocalizedString DeleteAnyway = new("Yes, delete it", "Oui, la supprimer");
    public static readonly LocalizedString KeepIt = new("No, keep it", "Non, la garder");
    public static readonly LocalizedString Deleted = new("Deleted.", "Supprimée.");
    public static readonly LocalizedString Code = new("Infrastructure code", "Code d'infrastructure");
    public static readonly LocalizedString Scanning = new("Analysing the files attached to this application in the background: {0} of {1} file(s) analysed. Readiness below counts the files analysed so far.", "Analyse en arrière-plan des fichiers joints à cette candidature : {0} fichier(s) sur {1} analysé(s). La préparation ci-dessous tient compte des fichiers déjà analysés.");
    public static readonly LocalizedString StillScanning = new("Files attached to this application are still being analysed: {0} of {1} file(s) analysed; this report counts the files analysed so far.", "Des fichiers joints à cette candidature sont encore en cours d'analyse : {0} fichier(s) sur {1} analysé(s) ; ce rapport tient compte des fichiers déjà analysés.");
    public static readonly LocalizedString Refresh = new("Refresh", "Actualiser");
    public static readonly LocalizedString ScanResult = new("{0} finding(s): {1} failing, {2} passing, {3} undecided.", "{0} constat(s) : {1} non conforme(s), {2} conforme(s), {3} indéterminé(s).");
    public static readonly LocalizedString NotCode = new("Not infrastructure code: kept for the auditor.", "Pas du code d'infrastructure : conservé pour l'auditeur.");
    public static readonly LocalizedString Failing = new("Failing", "Non conformes");
    public static readonly LocalizedString ReadProblems = new("Read problems", "Problèmes de lecture");
    public static readonly LocalizedString CountsNowhere = new("Not attached: its findings count nowhere yet. Attach it to a case study so that they count for that case study's items.", "Non jointe : ses constats ne comptent nulle part pour l'instant. Joignez-la à une étude de cas pour qu'ils comptent pour les éléments de cette étude de cas.");
    public static readonly LocalizedString AnalysisPending = new("Waiting for its analysis, which runs in the background: its findings will count once it is done.", "En attente de son analyse, qui se fait en arrière-plan : ses constats compteront une fois qu'elle sera faite.");
    public static readonly LocalizedString AnalysisFailed = new("The analysis failed: {0}. Its findings count nowhere.", "L'analyse a échoué : {0}. Ses constats ne comptent nulle part.");
    public static readonly LocalizedString CountsForCaseStudy = new("{0} finding(s) count for every item of this case study they speak to ({1} failing).", "{0} constat(s) comptent pour chaque élément de cette étude de cas dont ils parlent ({1} non conforme(s)).");
    public static readonly LocalizedString CountsForCaseStudyItem = new("{0} finding(s) about {1} count for this case study ({2} failing).", "{0} constat(s) sur {1} comptent pour cette étude de cas ({2} non conforme(s)).");
    public static readonly LocalizedString CountsForItem = new("{0} finding(s) about {1} are shown with the item, at item level: no case study is named, so they change no case study's verdict ({2} failing).", "{0} constat(s) sur {1} sont montrés avec l'élément, au niveau de l'élément : aucune étude de cas n'est nommée, ils ne changent donc le verdict d'aucune étude de cas ({2} non conforme(s)).");
    public static readonly LocalizedString CaseStudyGone = new("This case study no longer exists: nothing counts here.", "Cette étude de cas n'existe plus : rien n'y compte.");
    public static readonly LocalizedString Analysis = new("Analysis", "Analyse");
    public static readonly LocalizedString AnalysisPendingShort = new("pending", "en attente");
    public static readonly LocalizedString AnalysisFailedShort = new("failed", "échouée");
    public static readonly LocalizedString AnalysisNotCode = new("not code", "pas du code");
    public static readonly LocalizedString AnalysisCounted = new("{0} finding(s), counted in {1} place(s)", "{0} constat(s), pris en compte à {1} endroit(s)");
    public static readonly LocalizedString ItemLevelFindings = new("Findings of files attached to this item without a case study (item level; no case study's verdict changes):", "Constats des fichiers joints à cet élément sans étude de cas (niveau de l'élément ; aucun verdict d'étude de cas ne change) :");

    private static readonly LocalizedString[] Units = [new("bytes", "octets"), new("KB", "Ko"), new("MB", "Mo"), new("GB", "Go")];

    /// <summary>A size for people: <c>12.3 MB</c>, <c>12,3 Mo</c>.</summary>
    public static string Bytes(long bytes, Language language)
    {
        var culture = CultureInfo.InvariantCulture;
        double value = bytes;
        var unit = 0;
        while (value >= 1024 && unit < Units.Length - 1)
        {
            value /= 1024;
            unit++;
        }

        var number = unit == 0 ? value.ToString("0", culture) : value.ToString("0.#", culture);
        return $"{(language == Language.Fr ? number.Replace('.', ',') : number)} {Units[unit].In(language)}";
    }

    /// <summary><paramref name="text"/> with its placeholders filled, invariantly.</summary>
    public static string Format(string text, params object[] values) => string.Format(CultureInfo.InvariantCulture, text, values);
}
