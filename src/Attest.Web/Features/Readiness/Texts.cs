using Attest.Core.Text;

namespace Attest.Web.Features.Readiness;

/// <summary>The texts of the readiness matrix and the timeline, in English and French.</summary>
public static class Texts
{
    public static readonly LocalizedString Matrix = new("Items and case studies", "Éléments et études de cas");
    public static readonly LocalizedString MatrixCaption = new("Each checklist item down, each case study across; open a cell for its reason, next step, findings and evidence.", "Chaque élément de la liste de contrôle en ligne, chaque étude de cas en colonne ; ouvrez une cellule pour son motif, l'étape suivante, les constats et les preuves.");
    public static readonly LocalizedString ItemColumn = new("Item", "Élément");
    public static readonly LocalizedString WholeColumn = new("Partner · whole item", "Partenaire · élément entier");
    public static readonly LocalizedString NotJudgedHere = new("not judged on this case study", "non jugé sur cette étude de cas");
    public static readonly LocalizedString Why = new("Why", "Pourquoi");
    public static readonly LocalizedString NextStep = new("Next step", "Étape suivante");
    public static readonly LocalizedString Findings = new("Findings in the evidence", "Constats dans les preuves");
    public static readonly LocalizedString Evidence = new("Evidence cited", "Preuves citées");
    public static readonly LocalizedString ChangesOn = new("Changes on {0}: {1}", "Change le {0} : {1}");
    public static readonly LocalizedString NoCaseStudy = new("No case study yet.", "Aucune étude de cas pour l'instant.");
    public static readonly LocalizedString Timeline = new("When verdicts will change", "Quand les verdicts changeront");
    public static readonly LocalizedString TimelineIntro = new("Days on which time alone changes a verdict, if nothing else changes.", "Les jours où le temps seul change un verdict, si rien d'autre ne change.");
    public static readonly LocalizedString NoChange = new("No verdict changes by the passing of time alone.", "Aucun verdict ne change par le seul passage du temps.");
    public static readonly LocalizedString Today = new("Today", "Aujourd'hui");
    public static readonly LocalizedString ChecklistEnds = new("The checklist stops being accepted for new applications.", "La liste de contrôle n'est plus acceptée pour de nouvelles candidatures.");
    public static readonly LocalizedString ReadyUntilMark = new("Ready until", "Prêt jusqu'au");
    public static readonly LocalizedString Updated = new("The readiness was updated.", "La préparation a été mise à jour.");
    public static readonly LocalizedString ChangeCount = new("{0} changes", "{0} changements");
}
