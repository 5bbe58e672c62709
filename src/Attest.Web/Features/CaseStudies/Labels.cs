using Attest.Core.Text;

namespace Attest.Web.Features.CaseStudies;

/// <summary>The labels of the case study form, in both languages.</summary>
public static class Labels
{
    public static readonly IReadOnlyDictionary<string, LocalizedString> Of = new Dictionary<string, LocalizedString>(StringComparer.Ordinal)
    {
        ["Key"] = new("Key", "Clé"),
        ["Customer"] = new("Customer name", "Nom du client"),
        ["CustomerWebsite"] = new("Customer website", "Site web du client"),
        ["DistinctFrom"] = new("Confirmed distinct from the customers of these case studies, though alike in name or domain (their keys, one per line)", "Client confirmé distinct de ceux de ces études de cas, malgré un nom ou un domaine semblable (leurs clés, une par ligne)"),
        ["Stage"] = new("Stage", "Stade"),
        ["UseCase"] = new("Retail use case", "Cas d'utilisation de la vente au détail"),
        ["Delivery"] = new("Delivery category", "Catégorie de livraison"),
        ["Completed"] = new("Completed on", "Achevée le"),
        ["Problem"] = new("The customer's problem", "Le problème du client"),
        ["Solution"] = new("What you proposed", "Ce que vous avez proposé"),
        ["AwsServices"] = new("AWS services used (one per line)", "Services AWS utilisés (un par ligne)"),
        ["RetailExpertise"] = new("How your retail knowledge was used", "Comment votre connaissance de la vente au détail a servi"),
        ["ThirdPartyStated"] = new("Third-party applications are stated (an empty list means none)", "Les applications tierces sont indiquées (une liste vide signifie aucune)"),
        ["ThirdParty"] = new("Third-party applications (one per line)", "Applications tierces (une par ligne)"),
        ["Results"] = new("Results", "Résultats"),
        ["ComplianceStated"] = new("Compliance requirements are stated (an empty list means none)", "Les exigences de conformité sont indiquées (une liste vide signifie aucune)"),
        ["Compliance"] = new("Customer-described compliance requirements (one per line)", "Exigences de conformité décrites par le client (une par ligne)"),
        ["PublicReferenceUrl"] = new("Public case study address", "Adresse de l'étude de cas publique"),
        ["PublicReferenceLinked"] = new("Linked from your web site", "Liée depuis votre site web"),
        ["Affiliate"] = new("The customer is our company or an affiliate (service delivery checklists, 2.1)", "Le client est notre société ou une société affiliée (listes de prestation de services, 2.1)"),
        ["OfferedOutside"] = new("For an affiliate: the offering is also sold to outside customers", "Pour une société affiliée : l'offre est aussi vendue à des clients extérieurs"),
        ["ArchitectureDiagrams"] = new("Architecture diagrams of this deployment (service delivery checklists, 2.2; one file name or address per line)", "Schémas d'architecture de ce déploiement (listes de prestation de services, 2.2 ; un nom de fichier ou une adresse par ligne)"),
        ["Submitted"] = new("Submitted to AWS (not stated: the case studies Attest counts are submitted)", "Soumise à AWS (non indiqué : les études de cas retenues par Attest sont soumises)"),
        ["Ecommerce"] = new("E-commerce implementation", "Mise en œuvre de commerce électronique"),
        ["CardholderData"] = new("Cardholder data present", "Données de titulaires de carte présentes"),
        ["Availability"] = new("RTO/RPO for the loss of one Availability Zone, one component per line: name | RTO minutes | RPO minutes", "RTO/RPO pour la perte d'une zone de disponibilité, un composant par ligne : nom | RTO en minutes | RPO en minutes"),
        ["DrRtoMinutes"] = new("Regional disaster recovery: RTO (minutes)", "Reprise après sinistre régional : RTO (minutes)"),
        ["DrRpoMinutes"] = new("Regional disaster recovery: RPO (minutes)", "Reprise après sinistre régional : RPO (minutes)"),
        ["DrTestedOn"] = new("Recovery test run on", "Test de reprise effectué le"),
        ["DrRunbookDelivered"] = new("Recovery runbook delivered to the customer", "Runbook de reprise remis au client"),
        ["PciLastVulnerabilityScan"] = new("Last PCI vulnerability scan", "Dernière analyse de vulnérabilité PCI"),
        ["PciLastPenetrationTest"] = new("Last PCI penetration test", "Dernier test de pénétration PCI"),
        ["Evidence"] = new("Evidence: paths or addresses (one per line)", "Preuves : chemins ou adresses (une par ligne)"),
    };

    public static readonly LocalizedString KeyHint = new("A short name for files, links and the API, unique in this application: lower-case letters, digits and '-', made from the customer's name (left empty, it is made when you save). Pages show the customer's name, not the key.", "Un nom court pour les fichiers, les liens et l'API, unique dans cette candidature : minuscules, chiffres et « - », tiré du nom du client (laissée vide, elle est faite à l'enregistrement). Les pages affichent le nom du client, pas la clé.");
    public static readonly LocalizedString EvidenceHint = new("Each line a piece of your evidence library (its name as the Evidence page shows it, or a folder ending in '/') or an https:// address.", "Chaque ligne une pièce de votre bibliothèque de preuves (son nom tel que la page Preuves l'affiche, ou un dossier finissant par « / ») ou une adresse https://.");
    public static readonly LocalizedString LibraryList = new("Your evidence library ({0})", "Votre bibliothèque de preuves ({0})");
    public static readonly LocalizedString NotStated = new("— not stated —", "— non indiqué —");
    public static readonly LocalizedString Yes = new("Yes", "Oui");
    public static readonly LocalizedString No = new("No", "Non");
}
