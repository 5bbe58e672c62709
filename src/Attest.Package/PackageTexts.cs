using Attest.Core.Text;

namespace Attest.Package;

/// <summary>The package's own texts, in both languages.</summary>
internal static class PackageTexts
{
    public static readonly Phrase UnnamedPartner = new("(partner name not stated)", "(nom du partenaire non indiqué)");
    public static readonly Phrase Yes = new("Y", "O");
    public static readonly Phrase No = new("N", "N");

    // The spreadsheet
    public static readonly Phrase SelfAssessmentSheet = new("Self-assessment", "Auto-évaluation");
    public static readonly Phrase Number = new("Number", "Numéro");
    public static readonly Phrase Item = new("Item", "Élément");
    public static readonly Phrase Title = new("Title", "Titre");
    public static readonly Phrase Requirement = new("Requirement", "Exigence");
    public static readonly Phrase MetYesNo = new("Met Y/N", "Respecté O/N");
    public static readonly Phrase Justification = new("Justification", "Justification");
    public static readonly Phrase EvidenceReferences = new("Evidence", "Preuves");
    public static readonly Phrase Field = new("Field", "Champ");
    public static readonly Phrase Value = new("Value", "Valeur");
    public static readonly Phrase Verdict = new("Attest verdict", "Verdict d'Attest");
    public static readonly Phrase Reason = new("Reason", "Motif");
    public static readonly Phrase CaseStudyItems = new("Items judged on this case study", "Éléments jugés sur cette étude de cas");
    public static readonly Phrase NotJudgedHere = new("not judged on this case study", "non jugé sur cette étude de cas");
    public static readonly Phrase Response = new("Partner response", "Réponse du partenaire");
    public static readonly Phrase ChecklistVersionLabel = new("Checklist version", "Version de la liste de contrôle");
    public static readonly Phrase ChecklistVersionValue = new("{0} ({1})", "{0} ({1})");
    public static readonly Phrase PartnerName = new("APN partner name", "Nom du partenaire APN");
    public static readonly Phrase PartnerId = new("APN partner ID", "Identifiant du partenaire APN");
    public static readonly Phrase FormDate = new("Date", "Date");
    public static readonly Phrase Contact = new("Contact", "Contact");
    public static readonly Phrase PrerequisitesPart = new("Program prerequisites", "Prérequis du programme");
    public static readonly Phrase ValidationPart = new("Partner validation checklist", "Liste de contrôle de validation des partenaires");
    public static readonly Phrase CaseStudyColumn = new("Case study {0}: {1}", "Étude de cas {0} : {1}");
    public static readonly Phrase CaseStudyNumber = new("Case study {0}", "Étude de cas {0}");
    public static readonly Phrase ReadinessSheet = new("Readiness", "Préparation");
    public static readonly Phrase ReadinessTitle = new("Attest's verdicts as of {0} (not part of the self-assessment)", "Verdicts d'Attest au {0} (hors auto-évaluation)");
    public static readonly Phrase NextStepColumn = new("Next step", "Étape suivante");
    public static readonly Phrase Notes = new("Notes", "Remarques");

    // Case study fields
    public static readonly Phrase Key = new("Key", "Clé");
    public static readonly Phrase Customer = new("Customer", "Client");
    public static readonly Phrase CustomerWebsite = new("Customer website", "Site Web du client");
    public static readonly Phrase Stage = new("Stage", "Stade");
    public static readonly Phrase UseCase = new("Retail use case", "Cas d'utilisation vente au détail");
    public static readonly Phrase Delivery = new("Delivery category", "Catégorie de prestation");
    public static readonly Phrase Completed = new("Completed", "Achevé le");
    public static readonly Phrase Problem = new("Problem", "Problème");
    public static readonly Phrase Solution = new("Solution", "Solution");
    public static readonly Phrase AwsServices = new("AWS services", "Services AWS");
    public static readonly Phrase RetailExpertise = new("Retail expertise", "Savoir-faire vente au détail");
    public static readonly Phrase ThirdParty = new("Third-party solutions", "Solutions tierces");
    public static readonly Phrase Results = new("Results", "Résultats");
    public static readonly Phrase Compliance = new("Compliance requirements", "Exigences de conformité");
    public static readonly Phrase PublicReference = new("Public reference", "Référence publique");
    public static readonly Phrase Ecommerce = new("E-commerce", "Commerce électronique");
    public static readonly Phrase CardholderData = new("Cardholder data", "Données du détenteur de carte");
    public static readonly Phrase Availability = new("RTO/RPO per component (loss of one AZ)", "RTO/RPO par composant (perte d'une zone de disponibilité)");
    public static readonly Phrase AvailabilityEntry = new("{0}: RTO {1} min, RPO {2} min", "{0} : RTO {1} min, RPO {2} min");
    public static readonly Phrase DisasterRecovery = new("Disaster recovery", "Reprise après sinistre");
    public static readonly Phrase DisasterRecoveryEntry = new("RTO {0} min, RPO {1} min, tested on {2}, runbook delivered: {3}", "RTO {0} min, RPO {1} min, testée le {2}, procédure remise : {3}");
    public static readonly Phrase Pci = new("PCI-DSS tests", "Tests PCI-DSS");
    public static readonly Phrase PciEntry = new("last vulnerability scan {0}, last penetration test {1}", "dernière analyse de vulnérabilité {0}, dernier test de pénétration {1}");
    public static readonly Phrase YesWord = new("yes", "oui");
    public static readonly Phrase NoWord = new("no", "non");
    public static readonly Phrase NotStated = new("not stated", "non indiqué");
    public static readonly Phrase None = new("none", "aucune");

    // The report
    public static readonly Phrase ReportTitle = new("Submission report", "Rapport de soumission");
    public static readonly Phrase Partner = new("Partner", "Partenaire");
    public static readonly Phrase Checklist = new("Checklist", "Liste de contrôle");
    public static readonly Phrase ChecklistVersion = new("{0}, version {1} of {2}", "{0}, version {1} du {2}");
    public static readonly Phrase ApplicationVersion = new("Application version", "Version de la candidature");
    public static readonly Phrase Draft = new("draft (not frozen)", "brouillon (non figé)");
    public static readonly Phrase Created = new("Created", "Créé le");
    public static readonly Phrase AsOf = new("Readiness as of", "Préparation évaluée au");
    public static readonly Phrase Summary = new("Summary", "Synthèse");
    public static readonly Phrase ReadySummary = new("Ready: no item is not met ({0} met, {1} need review, {2} not applicable).", "Prêt : aucun élément non respecté ({0} respecté(s), {1} à examiner, {2} sans objet).");
    public static readonly Phrase NotReadySummary = new("Not ready: {0} item(s) not met, {1} need review, {2} met, {3} not applicable.", "Pas prêt : {0} élément(s) non respecté(s), {1} à examiner, {2} respecté(s), {3} sans objet.");
    public static readonly Phrase ReadinessPerItem = new("Readiness per item", "Préparation par élément");
    public static readonly Phrase StatusLine = new("Status: {0}", "Statut : {0}");
    public static readonly Phrase NextStep = new("Next step: {0}", "Étape suivante : {0}");
    public static readonly Phrase SelfAssessedLine = new("Partner's answer: {0}; {1}", "Réponse du partenaire : {0} ; {1}");
    public static readonly Phrase NotAnswered = new("not answered", "sans réponse");
    public static readonly Phrase CaseStudies = new("Case studies", "Études de cas");
    public static readonly Phrase EvidenceIndex = new("Evidence index", "Index des preuves");
    public static readonly Phrase EvidenceEntry = new("{0} bytes · SHA-256 {1}", "{0} octets · SHA-256 {1}");
    public static readonly Phrase Supports = new("Supports: {0}", "À l'appui de : {0}");
    public static readonly Phrase SupportsItemsAndCaseStudies = new("Supports: {0} · case studies: {1}", "À l'appui de : {0} · études de cas : {1}");
    public static readonly Phrase SupportsCaseStudies = new("Supports case studies: {0}", "À l'appui des études de cas : {0}");
    public static readonly Phrase NothingCited = new("not cited by any item or case study", "cité par aucun élément ni aucune étude de cas");
    public static readonly Phrase Links = new("Web addresses (listed, not fetched)", "Adresses Web (listées, non téléchargées)");
    public static readonly Phrase MissingFiles = new("Evidence named but not included", "Preuves citées mais non incluses");
    public static readonly Phrase NoEvidence = new("No evidence file.", "Aucun fichier de preuve.");
    public static readonly Phrase Page = new("Page {0}", "Page {0}");

    // The e-mail: a draft for the partner to read and send, true to the package's readiness
    public static readonly Phrase EmailOpening = new(
        "Hello,\n\nPlease find attached the completed self-assessment of {0} against the checklist \"{1}\" (version {2}), for {3} submitted case study(ies): {4}.\n",
        "Bonjour,\n\nVeuillez trouver ci-joint l'auto-évaluation finalisée {0} au regard de la liste de contrôle « {1} » (version {2}), pour {3} étude(s) de cas soumise(s) : {4}.\n");
    public static readonly Phrase EmailNoCaseStudy = new("none", "aucune");
    public static readonly Phrase EmailReady = new(
        "As of {0}, every item of the checklist is met or ready for review; {1} item(s) are left to the auditor's judgement.\n",
        "Au {0}, chaque élément de la liste de contrôle est respecté ou prêt pour l'examen ; {1} élément(s) restent soumis à l'appréciation de l'auditeur.\n");
    public static readonly Phrase EmailNotReady = new(
        "As of {0}, {1} item(s) of the checklist are not met yet:\n",
        "Au {0}, {1} élément(s) de la liste de contrôle ne sont pas encore respectés :\n");
    public static readonly Phrase EmailItem = new("- {0} {1}\n", "- {0} {1}\n");
    public static readonly Phrase EmailMissing = new(
        "The following evidence is named in the self-assessment but not attached yet:\n",
        "Les preuves suivantes sont citées dans l'auto-évaluation mais ne sont pas encore jointes :\n");
    public static readonly Phrase EmailMissingEntry = new("- {0} ({1})\n", "- {0} ({1})\n");
    public static readonly Phrase EmailClosing = new("\nBest regards,\n{0}\n", "\nCordialement,\n{0}\n");
    public static readonly Phrase EmailSignature = new("{0}, {1}", "{0}, {1}");

    /// <summary>« de » before a name in French, elided before a vowel or a mute h (« d'Acme », « de Contoso »).</summary>
    public static string FrenchOf(string name)
    {
        // Spelled out: the shipped build runs with invariant globalization, where Unicode normalisation does nothing
        const string ElidingLetters = "aàâäeéèêëiîïoôöuùûüyÿhæœAÀÂÄEÉÈÊËIÎÏOÔÖUÙÛÜYŸHÆŒ";
        var trimmed = name.TrimStart();
        return trimmed.Length > 0 && ElidingLetters.Contains(trimmed[0], StringComparison.Ordinal) ? "d'" + trimmed : "de " + trimmed;
    }
}
