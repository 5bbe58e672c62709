using Attest.Core.Text;

namespace Attest.Cli.Rendering;

/// <summary>The tool's own texts, in both languages.</summary>
internal static class CliTexts
{
    public static readonly Phrase AsOf = new("{0} · as of {1}", "{0} · au {1}");
    public static readonly Phrase UnnamedPartner = new("(partner name not stated)", "(nom du partenaire non indiqué)");
    public static readonly Phrase Ready = new("READY — no item is not met ({0} met, {1} need review, {2} not applicable)", "PRÊT — aucun élément non respecté ({0} respecté(s), {1} à examiner, {2} sans objet)");
    public static readonly Phrase NotReady = new("NOT READY — {0} item(s) not met, {1} need review, {2} met, {3} not applicable", "PAS PRÊT — {0} élément(s) non respecté(s), {1} à examiner, {2} respecté(s), {3} sans objet");
    public static readonly Phrase ReadyUntil = new("Stays ready until {0} if nothing else changes.", "Reste prêt jusqu'au {0} si rien d'autre ne change.");
    public static readonly Phrase FirstThings = new("Not met — start here", "Non respecté — commencez ici");
    public static readonly Phrase Upcoming = new("Coming changes", "Changements à venir");
    public static readonly Phrase Item = new("Item", "Élément");
    public static readonly Phrase Status = new("Status", "Statut");
    public static readonly Phrase Reason = new("Reason", "Motif");
    public static readonly Phrase NextStep = new("Next step", "Étape suivante");
    public static readonly Phrase Date = new("Date", "Date");
    public static readonly Phrase What = new("What changes", "Ce qui change");
    public static readonly Phrase ChecklistWindow = new("Checklist: {0} {1}", "Liste de contrôle : {0} {1}");
    private static readonly Phrase CarriedAnswer = new("{0}: your answer to {1} carries over. {2}", "{0} : votre réponse à {1} est reprise. {2}");
    private static readonly Phrase CarriedEvidence = new("{0}: the evidence of {1} carries over; answer {0} itself. {2}", "{0} : les preuves de {1} sont reprises ; répondez vous-même à {0}. {2}");
    private static readonly Phrase Unmapped = new("No mapping from the file's checklist to this one: only the profile, case studies, evidence and the answers under programs: count.", "Aucune correspondance entre la liste du fichier et celle-ci : seuls comptent le profil, les études de cas, les preuves et les réponses sous programs:.");

    /// <summary>One line saying what a mapping carried over.</summary>
    public static string Carried(Attest.Core.Catalogs.CarriedAnswer carried, Language language) =>
        (carried.Carries == Attest.Core.Catalogs.CarryOver.Answer ? CarriedAnswer : CarriedEvidence).With(carried.To, carried.From, carried.Note).In(language).TrimEnd();

    /// <summary>The line saying no mapping was found.</summary>
    public static string NoMapping(Language language) => Unmapped.In(language);
}
