using Attest.Core.Findings;
using Attest.Evidence.Model;

namespace Attest.Evidence.Rules;

/// <summary>Topics encryption-at-rest, encryption-in-transit and key-rotation: data stores encrypted at rest, listeners and distributions encrypting in transit, keys rotated.</summary>
internal static class EncryptionRules
{
    private static readonly HashSet<string> WeakTlsPolicies = new(StringComparer.OrdinalIgnoreCase)
    {
        "ELBSecurityPolicy-2015-05", "ELBSecurityPolicy-2016-08", "ELBSecurityPolicy-TLS-1-0-2015-04", "ELBSecurityPolicy-TLS-1-1-2017-01",
        "ELBSecurityPolicy-FS-2018-06", "ELBSecurityPolicy-FS-1-1-2019-08", "ELBSecurityPolicy-TLS13-1-0-2021-06", "ELBSecurityPolicy-TLS13-1-1-2021-06",
    };

    private static Func<ValueSet, Judgement> True => RuleKit.IsTrue;

    private static RuleDocumentation Doc(string id, string topic, string title, string titleFr, string rationale, string rationaleFr, string fix, string fixFr, Severity severity, params string[] equivalents) =>
        RuleKit.Doc(id, topic, title, titleFr, rationale, rationaleFr, fix, fixFr, severity, equivalents);

    public static IEnumerable<IacRule> All()
    {
        yield return new PropertyRule(
            Doc("rds-storage-encrypted", "encryption-at-rest", "RDS and Aurora storage is encrypted", "Le stockage RDS et Aurora est chiffré",
                "Databases hold the customer's sensitive data; their storage must be encrypted at rest.", "Les bases de données contiennent les données sensibles du client ; leur stockage doit être chiffré au repos.",
                "Set StorageEncrypted / storage_encrypted to true (it cannot be changed after creation: snapshot and restore).", "Mettez StorageEncrypted / storage_encrypted à true (non modifiable après création : instantané puis restauration).",
                Severity.High, "CKV_AWS_16", "CKV_AWS_96", "RDS_STORAGE_ENCRYPTED", "AVD-AWS-0079", "AVD-AWS-0080", "F26", "F27"),
            new("Database {0} encrypts its storage.", "La base de données {0} chiffre son stockage."),
            new("Database {0} does not encrypt its storage.", "La base de données {0} ne chiffre pas son stockage."),
            new("AWS::RDS::DBInstance", ["StorageEncrypted"], True, RuleKit.NotAuroraMember),
            new("AWS::RDS::DBCluster", ["StorageEncrypted"], True, r => r.ValuesAt("EngineMode").Values.All(v => v.Text != "serverless")),
            new("aws_db_instance", ["storage_encrypted"], True, RuleKit.NotAuroraMember),
            new("aws_rds_cluster", ["storage_encrypted"], True, r => r.ValuesAt("engine_mode").Values.All(v => v.Text != "serverless")));

        yield return new PropertyRule(
            Doc("ebs-encrypted", "encryption-at-rest", "EBS volumes are encrypted", "Les volumes EBS sont chiffrés",
                "Block storage of instances holds data and logs; it must be encrypted at rest.", "Le stockage en mode bloc des instances contient données et journaux ; il doit être chiffré au repos.",
                "Set Encrypted / encrypted to true on volumes and on every block device mapping, or turn on EBS encryption by default for the account.", "Mettez Encrypted / encrypted à true sur les volumes et chaque mappage de périphérique, ou activez le chiffrement EBS par défaut du compte.",
                Severity.High, "CKV_AWS_3", "CKV_AWS_8", "ENCRYPTED_VOLUMES", "AVD-AWS-0026", "AVD-AWS-0131", "AVD-AWS-0008", "F1"),
            new("Volumes of {0} are encrypted.", "Les volumes de {0} sont chiffrés."),
            new("Volumes of {0} are not encrypted.", "Les volumes de {0} ne sont pas chiffrés."),
            // A volume given a KMS key is encrypted with it (EC2 refuses a key on an unencrypted volume)
            PropertyCheck.All("AWS::EC2::Volume", r => Judgement.Any(RuleKit.IsTrue(r.ValuesAt("Encrypted")), KeyGiven(r.ValuesAt("KmsKeyId")))),
            new("AWS::AutoScaling::LaunchConfiguration", ["BlockDeviceMappings", "*", "Ebs", "Encrypted"], Present(True)),
            new("AWS::EC2::LaunchTemplate", ["LaunchTemplateData", "BlockDeviceMappings", "*", "Ebs", "Encrypted"], Present(True)),
            new("AWS::EC2::Instance", ["BlockDeviceMappings", "*", "Ebs", "Encrypted"], Present(True)),
            PropertyCheck.All("aws_ebs_volume", r => Judgement.Any(RuleKit.IsTrue(r.ValuesAt("encrypted")), KeyGiven(r.ValuesAt("kms_key_id")))),
            PropertyCheck.All("aws_launch_configuration", r => Judgement.All(Present(True)(r.ValuesAt("root_block_device", "*", "encrypted")), Present(True)(r.ValuesAt("ebs_block_device", "*", "encrypted")))),
            new("aws_launch_template", ["block_device_mappings", "*", "ebs", "*", "encrypted"], Present(True)),
            PropertyCheck.All("aws_instance", r => Judgement.All(Present(True)(r.ValuesAt("root_block_device", "*", "encrypted")), Present(True)(r.ValuesAt("ebs_block_device", "*", "encrypted")))));

        yield return new PropertyRule(
            Doc("dynamodb-encrypted", "encryption-at-rest", "DynamoDB tables use server-side encryption with a KMS key", "Les tables DynamoDB utilisent le chiffrement côté serveur avec une clé KMS",
                "DynamoDB always encrypts with an AWS owned key; naming encryption with a KMS key makes it auditable and under the customer's control.", "DynamoDB chiffre toujours avec une clé détenue par AWS ; déclarer un chiffrement par clé KMS le rend vérifiable et contrôlé par le client.",
                "Set SSESpecification.SSEEnabled / server_side_encryption.enabled to true.", "Mettez SSESpecification.SSEEnabled / server_side_encryption.enabled à true.",
                Severity.Low, "DYNAMODB_TABLE_ENCRYPTED_KMS", "AVD-AWS-0023", "W74"),
            new("Table {0} uses server-side encryption with a KMS key.", "La table {0} utilise le chiffrement côté serveur avec une clé KMS."),
            new("Table {0} relies on the default AWS owned key only.", "La table {0} se contente de la clé détenue par AWS par défaut."),
            new("AWS::DynamoDB::Table", ["SSESpecification", "SSEEnabled"], True),
            new("AWS::DynamoDB::GlobalTable", ["SSESpecification", "SSEEnabled"], True),
            new("aws_dynamodb_table", ["server_side_encryption", "*", "enabled"], True));

        yield return new PropertyRule(
            Doc("efs-encrypted", "encryption-at-rest", "EFS file systems are encrypted", "Les systèmes de fichiers EFS sont chiffrés",
                "Shared file systems hold customer data; they must be encrypted at rest.", "Les systèmes de fichiers partagés contiennent des données du client ; ils doivent être chiffrés au repos.",
                "Set Encrypted / encrypted to true when creating the file system.", "Mettez Encrypted / encrypted à true à la création du système de fichiers.",
                Severity.High, "CKV_AWS_42", "EFS_ENCRYPTED_CHECK", "AVD-AWS-0037", "F32"),
            new("File system {0} is encrypted.", "Le système de fichiers {0} est chiffré."),
            new("File system {0} is not encrypted.", "Le système de fichiers {0} n'est pas chiffré."),
            new("AWS::EFS::FileSystem", ["Encrypted"], True),
            new("aws_efs_file_system", ["encrypted"], True));

        yield return new PropertyRule(
            Doc("sqs-encrypted", "encryption-at-rest", "SQS queues are encrypted with KMS", "Les files SQS sont chiffrées avec KMS",
                "Messages may carry customer data; a KMS key encrypts them at rest under the customer's control.", "Les messages peuvent contenir des données du client ; une clé KMS les chiffre au repos sous le contrôle du client.",
                "Set KmsMasterKeyId / kms_master_key_id.", "Définissez KmsMasterKeyId / kms_master_key_id.",
                Severity.Medium, "CKV_AWS_27", "SQS_QUEUE_KMS_MASTER_KEY_ID_RULE", "AVD-AWS-0096", "W48"),
            new("Queue {0} is encrypted with a KMS key.", "La file {0} est chiffrée avec une clé KMS."),
            new("Queue {0} is not encrypted with a KMS key.", "La file {0} n'est pas chiffrée avec une clé KMS."),
            new("AWS::SQS::Queue", ["KmsMasterKeyId"], RuleKit.IsSet),
            new("aws_sqs_queue", ["kms_master_key_id"], RuleKit.IsSet));

        yield return new PropertyRule(
            Doc("sns-encrypted", "encryption-at-rest", "SNS topics are encrypted with KMS", "Les rubriques SNS sont chiffrées avec KMS",
                "Notifications may carry customer data; a KMS key encrypts them at rest.", "Les notifications peuvent contenir des données du client ; une clé KMS les chiffre au repos.",
                "Set KmsMasterKeyId / kms_master_key_id.", "Définissez KmsMasterKeyId / kms_master_key_id.",
                Severity.Medium, "CKV_AWS_26", "SNS_ENCRYPTED_KMS", "AVD-AWS-0095", "W47"),
            new("Topic {0} is encrypted with a KMS key.", "La rubrique {0} est chiffrée avec une clé KMS."),
            new("Topic {0} is not encrypted with a KMS key.", "La rubrique {0} n'est pas chiffrée avec une clé KMS."),
            new("AWS::SNS::Topic", ["KmsMasterKeyId"], RuleKit.IsSet),
            new("aws_sns_topic", ["kms_master_key_id"], RuleKit.IsSet));

        yield return new PropertyRule(
            Doc("kinesis-encrypted", "encryption-at-rest", "Kinesis streams are encrypted", "Les flux Kinesis sont chiffrés",
                "Event streams carry customer data; they must be encrypted at rest.", "Les flux d'événements transportent des données du client ; ils doivent être chiffrés au repos.",
                "Set StreamEncryption with EncryptionType KMS and a KeyId / encryption_type = \"KMS\" with a kms_key_id.", "Définissez StreamEncryption avec EncryptionType KMS et un KeyId / encryption_type = \"KMS\" avec un kms_key_id.",
                Severity.Medium, "CKV_AWS_43", "KINESIS_STREAM_ENCRYPTION_RULE", "AVD-AWS-0064", "W49"),
            new("Stream {0} is encrypted with KMS.", "Le flux {0} est chiffré avec KMS."),
            new("Stream {0} is not encrypted.", "Le flux {0} n'est pas chiffré."),
            // KMS encryption needs a key: a stream naming none is refused by Kinesis and stays unencrypted
            PropertyCheck.All("AWS::Kinesis::Stream", r => Judgement.All(Kms(r.ValuesAt("StreamEncryption", "EncryptionType")), RuleKit.IsSet(r.ValuesAt("StreamEncryption", "KeyId")))),
            PropertyCheck.All("aws_kinesis_stream", r => Judgement.All(Kms(r.ValuesAt("encryption_type")), RuleKit.IsSet(r.ValuesAt("kms_key_id")))));

        yield return new PropertyRule(
            Doc("elasticache-encrypted", "encryption-at-rest", "ElastiCache encrypts at rest and in transit", "ElastiCache chiffre au repos et en transit",
                "Caches often hold session and customer data; both at-rest and in-transit encryption are needed.", "Les caches contiennent souvent des sessions et des données du client ; les chiffrements au repos et en transit sont nécessaires.",
                "Set AtRestEncryptionEnabled and TransitEncryptionEnabled (at_rest_encryption_enabled, transit_encryption_enabled) to true.", "Mettez AtRestEncryptionEnabled et TransitEncryptionEnabled (at_rest_encryption_enabled, transit_encryption_enabled) à true.",
                // Not ELASTICACHE_REPLICATION_GROUP_ENCRYPTION_AT_REST nor ..._ENCRYPTION_IN_TRANSIT: each checks one half, and their labelled
                // passing cases leave the other half off, which this rule fails; the same for trivy's two elasticache checks.
                Severity.Medium, "CKV_AWS_29", "CKV_AWS_30", "AVD-AWS-0045", "AVD-AWS-0051"),
            new("Replication group {0} encrypts at rest and in transit.", "Le groupe de réplication {0} chiffre au repos et en transit."),
            new("Replication group {0} does not encrypt both at rest and in transit.", "Le groupe de réplication {0} ne chiffre pas à la fois au repos et en transit."),
            PropertyCheck.All("AWS::ElastiCache::ReplicationGroup", r => Judgement.All(RuleKit.IsTrue(r.ValuesAt("AtRestEncryptionEnabled")), RuleKit.IsTrue(r.ValuesAt("TransitEncryptionEnabled")))),
            PropertyCheck.All("aws_elasticache_replication_group", r => Judgement.All(RuleKit.IsTrue(r.ValuesAt("at_rest_encryption_enabled")), RuleKit.IsTrue(r.ValuesAt("transit_encryption_enabled")))));

        yield return new PropertyRule(
            Doc("redshift-encrypted", "encryption-at-rest", "Redshift clusters are encrypted", "Les clusters Redshift sont chiffrés",
                "Warehouses concentrate the customer's data; they must be encrypted at rest.", "Les entrepôts concentrent les données du client ; ils doivent être chiffrés au repos.",
                "Set Encrypted / encrypted to true.", "Mettez Encrypted / encrypted à true.",
                Severity.High, "CKV_AWS_64", "AVD-AWS-0084"),
            new("Cluster {0} is encrypted.", "Le cluster {0} est chiffré."),
            new("Cluster {0} is not encrypted.", "Le cluster {0} n'est pas chiffré."),
            new("AWS::Redshift::Cluster", ["Encrypted"], True),
            new("aws_redshift_cluster", ["encrypted"], True));

        yield return new PropertyRule(
            Doc("opensearch-encrypted", "encryption-at-rest", "OpenSearch domains encrypt at rest, between nodes and over HTTPS", "Les domaines OpenSearch chiffrent au repos, entre nœuds et en HTTPS",
                "Search indexes copy customer data; encryption at rest, node-to-node and HTTPS-only endpoints protect it.", "Les index de recherche copient des données du client ; le chiffrement au repos, entre nœuds et des points de terminaison HTTPS seulement les protègent.",
                "Enable EncryptionAtRestOptions, NodeToNodeEncryptionOptions and DomainEndpointOptions.EnforceHTTPS.", "Activez EncryptionAtRestOptions, NodeToNodeEncryptionOptions et DomainEndpointOptions.EnforceHTTPS.",
                // Not OPENSEARCH_ENCRYPTED_AT_REST, OPENSEARCH_NODE_TO_NODE_ENCRYPTION_CHECK, OPENSEARCH_HTTPS_REQUIRED nor
                // ELASTICSEARCH_ENCRYPTED_AT_REST: each checks one of the three settings this rule requires together, and their
                // labelled passing cases set only that one (the same for trivy's three elasticsearch checks).
                Severity.Medium, "CKV_AWS_5", "CKV_AWS_6", "AVD-AWS-0048", "AVD-AWS-0043", "AVD-AWS-0046"),
            new("Domain {0} encrypts at rest, between nodes and over HTTPS.", "Le domaine {0} chiffre au repos, entre nœuds et en HTTPS."),
            new("Domain {0} does not encrypt at rest, between nodes and over HTTPS.", "Le domaine {0} ne chiffre pas au repos, entre nœuds et en HTTPS."),
            PropertyCheck.All("AWS::OpenSearchService::Domain", Domain),
            PropertyCheck.All("AWS::Elasticsearch::Domain", Domain),
            PropertyCheck.All("aws_opensearch_domain", DomainTf),
            PropertyCheck.All("aws_elasticsearch_domain", DomainTf));

        yield return new PropertyRule(
            Doc("lb-https", "encryption-in-transit", "Load balancer listeners use TLS 1.2 or later", "Les écouteurs d'équilibreur de charge utilisent TLS 1.2 ou plus",
                "Traffic to the workload must be encrypted in transit: listeners serve HTTPS/TLS with a TLS 1.2+ policy, or redirect HTTP to HTTPS.", "Le trafic vers la charge de travail doit être chiffré en transit : les écouteurs servent HTTPS/TLS avec une stratégie TLS 1.2 ou plus, ou redirigent HTTP vers HTTPS.",
                "Use Protocol HTTPS (or TLS) with an ELBSecurityPolicy-TLS13-1-2 or TLS-1-2 policy, or make the HTTP listener's default action a redirect to HTTPS.", "Utilisez le protocole HTTPS (ou TLS) avec une stratégie ELBSecurityPolicy-TLS13-1-2 ou TLS-1-2, ou faites de l'action par défaut de l'écouteur HTTP une redirection vers HTTPS.",
                // Not ELBV2_LISTENER_PROTOCOL_RULE nor ELBV2_LISTENER_SSL_POLICY_RULE: they fail an HTTP listener that redirects to
                // HTTPS (this rule accepts it: no request is served in clear) and judge the protocol or the policy alone.
                Severity.High, "CKV_AWS_2", "CKV_AWS_103", "ELB_TLS_HTTPS_LISTENERS_ONLY", "AVD-AWS-0054", "AVD-AWS-0047"),
            new("Listener {0} encrypts traffic with TLS 1.2 or later, or redirects to HTTPS.", "L'écouteur {0} chiffre le trafic avec TLS 1.2 ou plus, ou redirige vers HTTPS."),
            new("Listener {0} serves traffic without TLS 1.2 or later.", "L'écouteur {0} sert du trafic sans TLS 1.2 ou plus."),
            PropertyCheck.All("AWS::ElasticLoadBalancingV2::Listener", r => Listener(r, "Protocol", "SslPolicy", ["DefaultActions", "*", "Type"], ["DefaultActions", "*", "RedirectConfig", "Protocol"])),
            PropertyCheck.All("aws_lb_listener", r => Listener(r, "protocol", "ssl_policy", ["default_action", "*", "type"], ["default_action", "*", "redirect", "*", "protocol"])),
            PropertyCheck.All("aws_alb_listener", r => Listener(r, "protocol", "ssl_policy", ["default_action", "*", "type"], ["default_action", "*", "redirect", "*", "protocol"])),
            new("AWS::ElasticLoadBalancing::LoadBalancer", ["Listeners", "*", "Protocol"], v => RuleKit.Text(v, p => p.Equals("HTTPS", StringComparison.OrdinalIgnoreCase) || p.Equals("SSL", StringComparison.OrdinalIgnoreCase), whenAbsent: false)));

        yield return new PropertyRule(
            Doc("cloudfront-https", "encryption-in-transit", "CloudFront viewers use HTTPS", "Les lecteurs CloudFront utilisent HTTPS",
                "Content delivered to shoppers must be encrypted in transit; allow-all lets browsers use plain HTTP.", "Le contenu livré aux clients doit être chiffré en transit ; allow-all laisse les navigateurs utiliser HTTP en clair.",
                "Set ViewerProtocolPolicy / viewer_protocol_policy to redirect-to-https or https-only on every cache behavior.", "Mettez ViewerProtocolPolicy / viewer_protocol_policy à redirect-to-https ou https-only sur chaque comportement de cache.",
                Severity.Medium, "CKV_AWS_34", "CLOUDFRONT_VIEWER_POLICY_HTTPS", "AVD-AWS-0012"),
            new("Distribution {0} requires HTTPS from viewers.", "La distribution {0} exige HTTPS des lecteurs."),
            new("Distribution {0} lets viewers use plain HTTP.", "La distribution {0} laisse les lecteurs utiliser HTTP en clair."),
            // The viewer protocol policy is required on every behavior: a distribution that writes none is judged on nothing
            PropertyCheck.All("AWS::CloudFront::Distribution", r => Judgement.All(
                Https(r.ValuesAt("DistributionConfig", "DefaultCacheBehavior", "ViewerProtocolPolicy"), absent: true),
                Https(r.ValuesAt("DistributionConfig", "CacheBehaviors", "*", "ViewerProtocolPolicy"), absent: true)),
                r => Written(r.ValuesAt("DistributionConfig", "DefaultCacheBehavior", "ViewerProtocolPolicy"), r.ValuesAt("DistributionConfig", "CacheBehaviors", "*", "ViewerProtocolPolicy"))),
            PropertyCheck.All("aws_cloudfront_distribution", r => Judgement.All(
                Https(r.ValuesAt("default_cache_behavior", "*", "viewer_protocol_policy"), absent: true),
                Https(r.ValuesAt("ordered_cache_behavior", "*", "viewer_protocol_policy"), absent: true)),
                r => Written(r.ValuesAt("default_cache_behavior", "*", "viewer_protocol_policy"), r.ValuesAt("ordered_cache_behavior", "*", "viewer_protocol_policy"))));

        yield return new PropertyRule(
            Doc("kms-rotation", "key-rotation", "KMS keys rotate", "Les clés KMS tournent",
                "Customer managed keys that encrypt sensitive data should rotate their key material every year.", "Les clés gérées par le client qui chiffrent des données sensibles doivent renouveler leur matériel chaque année.",
                "Set EnableKeyRotation / enable_key_rotation to true on symmetric keys.", "Mettez EnableKeyRotation / enable_key_rotation à true sur les clés symétriques.",
                Severity.Medium, "CKV_AWS_7", "CMK_BACKING_KEY_ROTATION_ENABLED", "AVD-AWS-0065", "F19"),
            new("Key {0} rotates its key material.", "La clé {0} renouvelle son matériel."),
            new("Key {0} does not rotate its key material.", "La clé {0} ne renouvelle pas son matériel."),
            // Only symmetric encryption keys can rotate: signing, MAC and key agreement keys cannot
            new("AWS::KMS::Key", ["EnableKeyRotation"], True, r => Symmetric(r.ValuesAt("KeySpec")) && Encrypts(r.ValuesAt("KeyUsage"))),
            new("aws_kms_key", ["enable_key_rotation"], True, r => Symmetric(r.ValuesAt("customer_master_key_spec")) && Symmetric(r.ValuesAt("key_spec")) && Encrypts(r.ValuesAt("key_usage"))));
    }

    // A block device list that is absent says nothing about encryption: judge only what is written
    private static Func<ValueSet, Judgement> Present(Func<ValueSet, Judgement> judge) => values =>
        values.Values.All(v => v.IsAbsent) && values.Values.Count <= 1 ? Judgement.Pass : judge(values);

    private static bool Symmetric(ValueSet spec) => spec.Values.All(v => v.IsAbsent || v.Text is "SYMMETRIC_DEFAULT");

    private static bool Encrypts(ValueSet usage) => usage.Values.All(v => v.IsAbsent || v.Text is not { } u || u.Equals("ENCRYPT_DECRYPT", StringComparison.OrdinalIgnoreCase));

    private static bool Written(params ValueSet[] values) => values.Any(set => set.Values.Any(v => !v.IsAbsent));

    private static Judgement Kms(ValueSet values) => RuleKit.Text(values, t => t.Equals("KMS", StringComparison.OrdinalIgnoreCase), whenAbsent: false);

    // A key named, whatever it is: passes when set, and is judged on nothing (fails) when absent
    private static Judgement KeyGiven(ValueSet values) => RuleKit.IsSet(values);

    private static Judgement Https(ValueSet values, bool absent) =>
        RuleKit.Text(values, p => !p.Equals("allow-all", StringComparison.OrdinalIgnoreCase), whenAbsent: absent);

    private static Judgement Domain(IIacResource r) => Judgement.All(
        RuleKit.IsTrue(r.ValuesAt("EncryptionAtRestOptions", "Enabled")),
        RuleKit.IsTrue(r.ValuesAt("NodeToNodeEncryptionOptions", "Enabled")),
        RuleKit.IsTrueOr(r.ValuesAt("DomainEndpointOptions", "EnforceHTTPS"), whenAbsent: false));

    private static Judgement DomainTf(IIacResource r) => Judgement.All(
        RuleKit.IsTrue(r.ValuesAt("encrypt_at_rest", "*", "enabled")),
        RuleKit.IsTrue(r.ValuesAt("node_to_node_encryption", "*", "enabled")),
        RuleKit.IsTrueOr(r.ValuesAt("domain_endpoint_options", "*", "enforce_https"), whenAbsent: false));

    private static Judgement Listener(IIacResource r, string protocol, string policy, string[] actionType, string[] redirectProtocol)
    {
        var protocols = r.ValuesAt(protocol);
        var plain = Judgement.Of(protocols, v => v.IsAbsent ? false : v.Text is { } p ? p.Equals("HTTPS", StringComparison.OrdinalIgnoreCase) || p.Equals("TLS", StringComparison.OrdinalIgnoreCase) : null);
        if (plain.Outcome == FindingOutcome.Pass)
        {
            return RuleKit.Text(r.ValuesAt(policy), p => !WeakTlsPolicies.Contains(p), whenAbsent: false);
        }

        // An HTTP listener whose default action redirects to HTTPS encrypts every request that reaches the workload
        var redirects = Judgement.All(
            RuleKit.Text(r.ValuesAt(actionType), t => t.Equals("redirect", StringComparison.OrdinalIgnoreCase), whenAbsent: false),
            RuleKit.Text(r.ValuesAt(redirectProtocol), p => p.Equals("HTTPS", StringComparison.OrdinalIgnoreCase) || p == "#{protocol}", whenAbsent: false));
        var network = Judgement.Of(protocols, v => v.Text is { } p && (p.Equals("TCP", StringComparison.OrdinalIgnoreCase) || p.Equals("UDP", StringComparison.OrdinalIgnoreCase) || p.Equals("TCP_UDP", StringComparison.OrdinalIgnoreCase) || p.Equals("GENEVE", StringComparison.OrdinalIgnoreCase)) ? true : false);
        return Judgement.Any(redirects, network.Outcome == FindingOutcome.Pass ? plain : Judgement.Fail, plain);
    }
}
