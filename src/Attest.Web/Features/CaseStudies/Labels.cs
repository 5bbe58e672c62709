using Attest.Core.Text;

namespace Attest.Web.Features.CaseStudies;

/// <summary>The labels of the case study form, in both languages.</summary>
public static class Labels
{
    public static readonly IReadOnlyDictionary<string, LocalizedString> Of = new Dictionary<string, LocalizedString>(StringComparer.Ordinal)
    {
        ["Key"] = new("Key (unique in the application)", "Clé (unique dans la candidature)"),
        ["Customer"] = new("Customer name", "Nom du client"),
        ["CustomerWebsite"] = new("Customer website", "Site web du client"),
        ["DistinctFrom"] = new("Confirmed distinct from the customers of these case studies, though alike in name or domain (their keys, one per line)", "Client confirmé distinct de ceux de ces études de cas, malgré un nom ou un domaine semblable (leurs clés, une par ligne)"),
        ["Stage"] = new("Stage", "Stade"),
        ["UseCase"] = new("Retail use case", "Cas d'utilisation de la vente au détail"),
        ["Delivery"] = new("Delivery category", "Catégorie de livraison"),
        ["Completed"] = new("Completed on (YYYY-MM-DD)", "Achevée le (AAAA-MM-JJ)"),
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
        ["DrTestedOn"] = new("Recovery test run on (YYYY-MM-DD)", "Test de reprise effectué le (AAAA-MM-JJ)"),
        ["DrRunbookDelivered"] = new("Recovery runbook delivered to the customer", "Runbook de reprise remis au client"),
        ["PciLastVulnerabilityScan"] = new("Last PCI vulnerability scan (YYYY-MM-DD)", "Dernière analyse de vulnérabilité PCI (AAAA-MM-JJ)"),
        ["PciLastPenetrationTest"] = new("Last PCI penetration test (YYYY-MM-DD)", "Dernier test de pénétration PCI (AAAA-MM-JJ)"),
        ["Evidence"] = new("Evidence: paths or addresses (one per line)", "Preuves : chemins ou adresses (une par ligne)"),
    };

    public static readonly LocalizedString NotStated = new("— not stated —", "— non indiqué —");
    public static readonly LocalizedString Yes = new("Yes", "Oui");
    public static readonly LocalizedString No = new("No", "Non");
}
