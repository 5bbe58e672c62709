using Attest.Core.Text;

namespace Attest.Core.Findings;

/// <summary>
/// The topics evidence rules speak to: stable names, independent of any checklist's numbering. A catalog item lists the
/// topics that are evidence for it (<c>topics:</c>), so the same findings feed every checklist. See <c>docs/topics.md</c>.
/// </summary>
public static class Topics
{
    /// <summary>Every topic with what it covers, in both languages, in documentation order.</summary>
    public static IReadOnlyDictionary<string, LocalizedString> All { get; } = new Dictionary<string, LocalizedString>(StringComparer.Ordinal)
    {
        ["s3-public-access"] = new("Amazon S3 buckets are not open to the public (public access block, ACLs, bucket policies).", "Les compartiments Amazon S3 ne sont pas ouverts au public (blocage de l'accès public, ACL, stratégies de compartiment)."),
        ["s3-public-alert"] = new("Something alerts when an Amazon S3 bucket becomes public.", "Un dispositif alerte quand un compartiment Amazon S3 devient public."),
        ["encryption-at-rest"] = new("Data stores encrypt what they keep.", "Les magasins de données chiffrent ce qu'ils conservent."),
        ["encryption-in-transit"] = new("Connections to the workload use TLS.", "Les connexions à la charge de travail utilisent TLS."),
        ["key-rotation"] = new("Encryption keys rotate.", "Les clés de chiffrement tournent."),
        ["root-usage"] = new("The root user is not used after account setup.", "L'utilisateur root ne sert plus après la mise en place du compte."),
        ["deployment-automation"] = new("Infrastructure is deployed and changed by automation, not by hand.", "L'infrastructure est déployée et modifiée par automatisation, pas à la main."),
        ["interactive-access"] = new("Instances are managed without interactive sessions (SSH, RDP, key pairs).", "Les instances sont gérées sans session interactive (SSH, RDP, paires de clés)."),
        ["multi-az"] = new("The workload survives the loss of one Availability Zone.", "La charge de travail survit à la perte d'une zone de disponibilité."),
        ["backup"] = new("Data has backups or point-in-time recovery.", "Les données ont des sauvegardes ou une restauration à un instant donné."),
        ["cross-region-recovery"] = new("Data is carried to another Region for disaster recovery.", "Les données sont portées vers une autre Région pour la reprise après sinistre."),
        ["monitoring"] = new("Alarms and metrics watch the workload and notify someone.", "Des alarmes et des métriques surveillent la charge de travail et préviennent quelqu'un."),
        ["logging"] = new("Logs are recorded and kept (API activity, network flows, log retention).", "Les journaux sont enregistrés et conservés (activité des API, flux réseau, rétention)."),
        ["network-segmentation"] = new("Security groups do not open administration ports to the internet.", "Les groupes de sécurité n'ouvrent pas les ports d'administration à Internet."),
        ["public-exposure"] = new("Databases, subnets and instances are not directly reachable from the internet.", "Les bases de données, sous-réseaux et instances ne sont pas joignables directement depuis Internet."),
        ["least-privilege"] = new("Identity policies grant only what is needed.", "Les stratégies d'identité n'accordent que le nécessaire."),
        ["privilege-escalation"] = new("No policy lets a principal raise its own privileges.", "Aucune stratégie ne permet à un principal d'élever ses propres privilèges."),
        ["trust-policy"] = new("Role trust policies name who may assume the role.", "Les stratégies d'approbation des rôles nomment qui peut assumer le rôle."),
        ["resource-policy-access"] = new("Key, queue and topic policies do not let anyone in.", "Les stratégies de clé, de file et de rubrique ne laissent entrer personne d'inconnu."),
    };

    /// <summary>Whether <paramref name="topic"/> is in the vocabulary.</summary>
    public static bool IsKnown(string topic) => All.ContainsKey(topic);
}
