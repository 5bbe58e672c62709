using Attest.Core.Text;

namespace Attest.Web.Features.Applications;

/// <summary>The self-assessment's texts, in English and French.</summary>
public static class SelfAssessmentTexts
{
    public static readonly LocalizedString Title = new("Self-assessment", "Auto-évaluation");
    public static readonly LocalizedString Intro = new("Every item of the checklist: whether you meet it, why, and the evidence you will show (PRE-4.1). Saving saves every item you changed, or none of them.", "Chaque élément de la liste de contrôle : le respectez-vous, pourquoi, et quelles preuves présenterez-vous (PRE-4.1). L'enregistrement enregistre tous les éléments modifiés, ou aucun.");
    public static readonly LocalizedString ReadOnly = new("You are reading this self-assessment; only the partner's team can change it.", "Vous consultez cette auto-évaluation ; seule l'équipe du partenaire peut la modifier.");
    public static readonly LocalizedString Requirement = new("Requirement", "Exigence");
    public static readonly LocalizedString Met = new("Met?", "Respecté ?");
    public static readonly LocalizedString Yes = new("Yes", "Oui");
    public static readonly LocalizedString No = new("No", "Non");
    public static readonly LocalizedString NotAnswered = new("Not answered", "Non renseigné");
    public static readonly LocalizedString Note = new("Justification", "Justification");
    public static readonly LocalizedString PerCaseStudy = new("Per case study (a Met Y/N and a response column each on the form)", "Par étude de cas (une colonne Respecté O/N et une colonne réponse chacune sur le formulaire)");
    public static readonly LocalizedString CaseStudyAnswer = new("Met?", "Respecté ?");
    public static readonly LocalizedString CaseStudyResponse = new("Response", "Réponse");
    public static readonly LocalizedString AnswerMet = new("Met", "Respecté");
    public static readonly LocalizedString AnswerNotMet = new("Not met", "Non respecté");
    public static readonly LocalizedString AnswerNotApplicable = new("Not applicable", "Sans objet");
    public static readonly LocalizedString UnknownCaseStudy = new("{0}: no answer per case study can be given for '{1}'.", "{0} : aucune réponse par étude de cas ne peut être donnée pour « {1} ».");
    public static readonly LocalizedString BadAnswer = new("{0}, case study {1}: choose met, not met or not applicable.", "{0}, étude de cas {1} : choisissez respecté, non respecté ou sans objet.");
    public static readonly LocalizedString References = new("Evidence references: paths or addresses, one per line", "Références de preuves : chemins ou adresses, une par ligne");
    public static readonly LocalizedString Library = new("Evidence from your library", "Preuves de votre bibliothèque");
    public static readonly LocalizedString Selected = new("{0} selected", "{0} sélectionnée(s)");
    public static readonly LocalizedString LibraryEmpty = new("Your evidence library is empty.", "Votre bibliothèque de preuves est vide.");
    public static readonly LocalizedString AddEvidence = new("Add evidence to the library", "Ajouter des preuves à la bibliothèque");
    public static readonly LocalizedString None = new("None.", "Aucune.");
    public static readonly LocalizedString BadMet = new("{0}: choose yes, no or not answered.", "{0} : choisissez oui, non ou non renseigné.");
    public static readonly LocalizedString NoteTooLong = new("{0}, justification: at most {1} characters.", "{0}, justification : {1} caractères au plus.");
    public static readonly LocalizedString ReferencesTooMany = new("{0}, evidence references: at most {1} lines of at most {2} characters.", "{0}, références de preuves : {1} lignes au plus, de {2} caractères au plus.");
    public static readonly LocalizedString UnknownEvidence = new("{0}: a piece of evidence chosen is not in your library any more.", "{0} : une preuve choisie n'est plus dans votre bibliothèque.");
    public static readonly LocalizedString Conflicts = new("Someone else saved {0} while you were editing. Nothing was saved: compare the two versions of each item named, then save again to keep yours.", "Quelqu'un d'autre a enregistré {0} pendant votre modification. Rien n'a été enregistré : comparez les deux versions de chaque élément nommé, puis enregistrez de nouveau pour garder la vôtre.");
    public static readonly LocalizedString ItemConflict = new("Someone else changed this item while you were editing it.", "Quelqu'un d'autre a modifié cet élément pendant votre modification.");
    public static readonly LocalizedString Save = new("Save the self-assessment", "Enregistrer l'auto-évaluation");
}
