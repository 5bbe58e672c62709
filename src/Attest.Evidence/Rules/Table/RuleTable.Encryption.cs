using Attest.Core.Findings;

namespace Attest.Evidence.Rules.Table;

public static partial class RuleTable
{
    private const string AtRest = "encryption-at-rest";
    private const string Cmk = "customer-managed-key";
    private const string InTransit = "encryption-in-transit";

    private static IEnumerable<RuleRow> EncryptionAtRest()
    {
        yield return Row("docdb-encrypted", AtRest, AtRest, Severity.High,
            "DocumentDB clusters encrypt their storage", "Les clusters DocumentDB chiffrent leur stockage",
            "DocumentDB stores documents unencrypted unless told otherwise, and it cannot be changed after creation.", "DocumentDB stocke les documents en clair sauf indication contraire, et cela ne se change pas après création.",
            Eq("CKV_AWS_74"),
            T("AWS::DocDB::DBCluster", "StorageEncrypted", Expectation.True),
            T("aws_docdb_cluster", "storage_encrypted", Expectation.True));

        yield return Row("neptune-encrypted", AtRest, AtRest, Severity.High,
            "Neptune clusters encrypt their storage", "Les clusters Neptune chiffrent leur stockage",
            "Graph data is customer data; Neptune encrypts it only when asked at creation.", "Les données de graphe sont des données du client ; Neptune ne les chiffre que si on le demande à la création.",
            Eq("CKV_AWS_44"),
            T("AWS::Neptune::DBCluster", "StorageEncrypted", Expectation.True),
            T("aws_neptune_cluster", "storage_encrypted", Expectation.True));

        yield return Row("dax-encrypted", AtRest, AtRest, Severity.Medium,
            "DAX clusters encrypt at rest", "Les clusters DAX chiffrent au repos",
            "A DAX cache copies DynamoDB items; its nodes must encrypt them as the table does.", "Un cache DAX copie des éléments DynamoDB ; ses nœuds doivent les chiffrer comme la table.",
            Eq("CKV_AWS_47", "DAX_ENCRYPTION_ENABLED", "W83"),
            T("AWS::DAX::Cluster", "SSESpecification.SSEEnabled", Expectation.True),
            T("aws_dax_cluster", "server_side_encryption.*.enabled", Expectation.True));

        yield return Row("firehose-encrypted", AtRest, AtRest, Severity.Medium,
            "Firehose delivery streams encrypt at rest", "Les flux de diffusion Firehose chiffrent au repos",
            "Records wait in the delivery stream before delivery; server-side encryption protects them there.", "Les enregistrements attendent dans le flux avant leur livraison ; le chiffrement côté serveur les y protège.",
            Eq(),
            T("AWS::KinesisFirehose::DeliveryStream", "DeliveryStreamEncryptionConfigurationInput.KeyType", Expectation.OneOf("AWS_OWNED_CMK", "CUSTOMER_MANAGED_CMK")),
            T("aws_kinesis_firehose_delivery_stream", "server_side_encryption.*.enabled", Expectation.True));

        yield return Row("workspaces-encrypted", AtRest, AtRest, Severity.Medium,
            "WorkSpaces encrypt their root and user volumes", "Les WorkSpaces chiffrent leurs volumes racine et utilisateur",
            "Virtual desktops keep files and caches of the users' work on their volumes.", "Les bureaux virtuels gardent fichiers et caches du travail des utilisateurs sur leurs volumes.",
            Eq("WORKSPACE_ENCRYPTION_ENABLED", "F29"),
            T("AWS::WorkSpaces::Workspace", "RootVolumeEncryptionEnabled", Expectation.True),
            T("AWS::WorkSpaces::Workspace", "UserVolumeEncryptionEnabled", Expectation.True),
            T("aws_workspaces_workspace", "root_volume_encryption_enabled", Expectation.True),
            T("aws_workspaces_workspace", "user_volume_encryption_enabled", Expectation.True));

        yield return Row("codebuild-artifacts-encrypted", AtRest, AtRest, Severity.Medium,
            "CodeBuild artifacts stay encrypted", "Les artefacts CodeBuild restent chiffrés",
            "Build artifacts hold the application and sometimes its configuration; turning their encryption off exposes them.", "Les artefacts de build contiennent l'application et parfois sa configuration ; désactiver leur chiffrement les expose.",
            Eq("CKV_AWS_78"),
            T("AWS::CodeBuild::Project", "Artifacts.EncryptionDisabled", Expectation.NotTrue),
            T("AWS::CodeBuild::Project", "SecondaryArtifacts.*.EncryptionDisabled", Expectation.NotTrue),
            T("aws_codebuild_project", "artifacts.*.encryption_disabled", Expectation.NotTrue),
            T("aws_codebuild_project", "secondary_artifacts.*.encryption_disabled", Expectation.NotTrue));

        yield return Row("athena-results-encrypted", AtRest, AtRest, Severity.Medium,
            "Athena workgroups and databases encrypt query results", "Les groupes de travail et bases Athena chiffrent les résultats de requête",
            "Query results copy the data queried into S3; the workgroup should encrypt them.", "Les résultats de requête copient les données interrogées dans S3 ; le groupe de travail doit les chiffrer.",
            Eq(),
            T("AWS::Athena::WorkGroup", "WorkGroupConfiguration.ResultConfiguration.EncryptionConfiguration.EncryptionOption", Expectation.Set),
            T("aws_athena_workgroup", "configuration.*.result_configuration.*.encryption_configuration.*.encryption_option", Expectation.Set),
            T("aws_athena_database", "encryption_configuration.*.encryption_option", Expectation.Set));

        yield return Row("apigw-cache-encrypted", AtRest, AtRest, Severity.Medium,
            "API Gateway caches encrypt their data", "Les caches API Gateway chiffrent leurs données",
            "A response cache keeps copies of the API's answers; when caching is on, they must be encrypted.", "Un cache de réponses garde des copies des réponses de l'API ; quand le cache est actif, elles doivent être chiffrées.",
            Eq(),
            T("AWS::ApiGateway::Stage", "MethodSettings.*.CacheDataEncrypted", Expectation.True, If("CacheClusterEnabled", Expectation.True)),
            T("aws_api_gateway_method_settings", "settings.*.cache_data_encrypted", Expectation.True, If("settings.*.caching_enabled", Expectation.True)));

        yield return Row("eks-secrets-encrypted", AtRest, AtRest, Severity.High,
            "EKS clusters encrypt Kubernetes secrets with KMS", "Les clusters EKS chiffrent les secrets Kubernetes avec KMS",
            "Kubernetes secrets hold passwords and keys; envelope encryption with a KMS key protects them in etcd.", "Les secrets Kubernetes contiennent mots de passe et clés ; le chiffrement d'enveloppe par une clé KMS les protège dans etcd.",
            Eq("CKV_AWS_58", "EKS_CLUSTER_ENCRYPTION_RULE", "W82"),
            T("AWS::EKS::Cluster", "EncryptionConfig.*.Provider.KeyArn", Expectation.Set),
            T("aws_eks_cluster", "encryption_config.*.provider.*.key_arn", Expectation.Set));

        yield return Row("glue-catalog-encrypted", AtRest, AtRest, Severity.Medium,
            "The Glue Data Catalog is encrypted", "Le catalogue de données Glue est chiffré",
            "The catalog holds table definitions and connection details; KMS encryption protects its metadata.", "Le catalogue contient définitions de tables et détails de connexion ; le chiffrement KMS protège ses métadonnées.",
            Eq(),
            T("AWS::Glue::DataCatalogEncryptionSettings", "DataCatalogEncryptionSettings.EncryptionAtRest.CatalogEncryptionMode", Expectation.OneOf("SSE-KMS", "SSE-KMS-WITH-SERVICE-ROLE")),
            T("aws_glue_data_catalog_encryption_settings", "data_catalog_encryption_settings.*.encryption_at_rest.*.catalog_encryption_mode", Expectation.OneOf("SSE-KMS", "SSE-KMS-WITH-SERVICE-ROLE")));

        yield return Row("glue-security-configuration", AtRest, AtRest, Severity.Medium,
            "Glue security configurations encrypt job output, logs and bookmarks", "Les configurations de sécurité Glue chiffrent sorties, journaux et signets des tâches",
            "Glue jobs write data to S3, logs to CloudWatch and bookmarks; each must be encrypted.", "Les tâches Glue écrivent des données dans S3, des journaux dans CloudWatch et des signets ; chacun doit être chiffré.",
            Eq(),
            T("AWS::Glue::SecurityConfiguration", "EncryptionConfiguration.S3Encryptions.*.S3EncryptionMode", Expectation.NoneOf("DISABLED").AbsentFails),
            T("AWS::Glue::SecurityConfiguration", "EncryptionConfiguration.CloudWatchEncryption.CloudWatchEncryptionMode", Expectation.NoneOf("DISABLED").AbsentFails),
            T("AWS::Glue::SecurityConfiguration", "EncryptionConfiguration.JobBookmarksEncryption.JobBookmarksEncryptionMode", Expectation.NoneOf("DISABLED").AbsentFails),
            T("aws_glue_security_configuration", "encryption_configuration.*.s3_encryption.*.s3_encryption_mode", Expectation.NoneOf("DISABLED").AbsentFails),
            T("aws_glue_security_configuration", "encryption_configuration.*.cloudwatch_encryption.*.cloudwatch_encryption_mode", Expectation.NoneOf("DISABLED").AbsentFails),
            T("aws_glue_security_configuration", "encryption_configuration.*.job_bookmarks_encryption.*.job_bookmarks_encryption_mode", Expectation.NoneOf("DISABLED").AbsentFails));

        yield return Row("athena-enforce-workgroup", AtRest, AtRest, Severity.Low,
            "Athena workgroups enforce their settings", "Les groupes de travail Athena imposent leurs paramètres",
            "When the workgroup has no configuration, or does not enforce it, a client can run queries that write unencrypted results.", "Si le groupe n'a pas de configuration, ou ne l'impose pas, un client peut lancer des requêtes qui écrivent des résultats non chiffrés.",
            Eq(),
            T("AWS::Athena::WorkGroup", "WorkGroupConfiguration", Expectation.Set),
            T("AWS::Athena::WorkGroup", "WorkGroupConfiguration.EnforceWorkGroupConfiguration", Expectation.TrueOrAbsent),
            T("aws_athena_workgroup", "configuration", Expectation.Set),
            T("aws_athena_workgroup", "configuration.*.enforce_workgroup_configuration", Expectation.TrueOrAbsent));
    }

    private static IEnumerable<RuleRow> CustomerManagedKeys()
    {
        yield return Row("fsx-cmk", Cmk, AtRest, Severity.Low,
            "FSx file systems are encrypted with a customer managed key", "Les systèmes de fichiers FSx sont chiffrés avec une clé gérée par le client",
            "FSx always encrypts; naming a customer managed key puts the data's key under the customer's control.", "FSx chiffre toujours ; nommer une clé gérée par le client met la clé des données sous son contrôle.",
            Eq(),
            T("AWS::FSx::FileSystem", "KmsKeyId", Expectation.Set),
            T("aws_fsx_windows_file_system", "kms_key_id", Expectation.Set),
            T("aws_fsx_lustre_file_system", "kms_key_id", Expectation.Set),
            T("aws_fsx_ontap_file_system", "kms_key_id", Expectation.Set),
            T("aws_fsx_openzfs_file_system", "kms_key_id", Expectation.Set));

        yield return Row("kendra-cmk", Cmk, AtRest, Severity.Low,
            "Kendra indexes are encrypted with a customer managed key", "Les index Kendra sont chiffrés avec une clé gérée par le client",
            "A search index copies the documents it indexes; a customer managed key keeps them under the customer's control.", "Un index de recherche copie les documents qu'il indexe ; une clé gérée par le client les garde sous son contrôle.",
            Eq("KENDRA_INDEX_ENCRYPTION_KMS_KEY_ID_RULE", "W80"),
            T("AWS::Kendra::Index", "ServerSideEncryptionConfiguration.KmsKeyId", Expectation.Set),
            T("aws_kendra_index", "server_side_encryption_configuration.*.kms_key_id", Expectation.Set));

        yield return Row("timestream-cmk", Cmk, AtRest, Severity.Low,
            "Timestream databases are encrypted with a customer managed key", "Les bases Timestream sont chiffrées avec une clé gérée par le client",
            "Time series often record customer activity; a customer managed key keeps them under the customer's control.", "Les séries temporelles enregistrent souvent l'activité des clients ; une clé gérée par le client les garde sous son contrôle.",
            Eq(),
            T("AWS::Timestream::Database", "KmsKeyId", Expectation.Set),
            T("aws_timestreamwrite_database", "kms_key_id", Expectation.Set));

        yield return Row("mq-cmk", Cmk, AtRest, Severity.Low,
            "Amazon MQ brokers are encrypted with a customer managed key", "Les brokers Amazon MQ sont chiffrés avec une clé gérée par le client",
            "Queued messages may carry customer data; a customer managed key replaces the AWS owned one.", "Les messages en file peuvent contenir des données du client ; une clé gérée par le client remplace celle détenue par AWS.",
            Eq(),
            T("AWS::AmazonMQ::Broker", "EncryptionOptions.UseAwsOwnedKey", Expectation.False),
            T("AWS::AmazonMQ::Broker", "EncryptionOptions.KmsKeyId", Expectation.Set),
            T("aws_mq_broker", "encryption_options.*.use_aws_owned_key", Expectation.False),
            T("aws_mq_broker", "encryption_options.*.kms_key_id", Expectation.Set));

        yield return Row("dynamodb-cmk", Cmk, AtRest, Severity.Low,
            "DynamoDB tables are encrypted with a customer managed key", "Les tables DynamoDB sont chiffrées avec une clé gérée par le client",
            "The stricter variant of dynamodb-encrypted: a key the customer manages, whose use is logged and can be revoked.", "La variante plus stricte de dynamodb-encrypted : une clé gérée par le client, dont l'usage est journalisé et révocable.",
            Eq("CKV_AWS_119"),
            T("AWS::DynamoDB::Table", "SSESpecification.SSEEnabled", Expectation.True),
            T("AWS::DynamoDB::Table", "SSESpecification.KMSMasterKeyId", Expectation.NoneOf("alias/aws/dynamodb").AbsentFails),
            T("aws_dynamodb_table", "server_side_encryption.*.enabled", Expectation.True),
            T("aws_dynamodb_table", "server_side_encryption.*.kms_key_arn", Expectation.NoneOf("alias/aws/dynamodb").AbsentFails));

        yield return Row("sns-cmk", Cmk, AtRest, Severity.Low,
            "SNS topics are encrypted with a customer managed key", "Les rubriques SNS sont chiffrées avec une clé gérée par le client",
            "The stricter variant of sns-encrypted: not the AWS managed alias/aws/sns key.", "La variante plus stricte de sns-encrypted : pas la clé gérée par AWS alias/aws/sns.",
            Eq(),
            T("AWS::SNS::Topic", "KmsMasterKeyId", Expectation.NoneOf("alias/aws/sns").AbsentFails),
            T("aws_sns_topic", "kms_master_key_id", Expectation.NoneOf("alias/aws/sns").AbsentFails));

        yield return Row("sqs-cmk", Cmk, AtRest, Severity.Low,
            "SQS queues are encrypted with a customer managed key", "Les files SQS sont chiffrées avec une clé gérée par le client",
            "The stricter variant of sqs-encrypted: not the AWS managed alias/aws/sqs key.", "La variante plus stricte de sqs-encrypted : pas la clé gérée par AWS alias/aws/sqs.",
            Eq(),
            T("AWS::SQS::Queue", "KmsMasterKeyId", Expectation.NoneOf("alias/aws/sqs").AbsentFails),
            T("aws_sqs_queue", "kms_master_key_id", Expectation.NoneOf("alias/aws/sqs").AbsentFails));

        yield return Row("redshift-cmk", Cmk, AtRest, Severity.Low,
            "Redshift clusters are encrypted with a customer managed key", "Les clusters Redshift sont chiffrés avec une clé gérée par le client",
            "The stricter variant of redshift-encrypted: the warehouse names its KMS key.", "La variante plus stricte de redshift-encrypted : l'entrepôt nomme sa clé KMS.",
            Eq("CKV_AWS_142"),
            T("AWS::Redshift::Cluster", "KmsKeyId", Expectation.Set),
            T("aws_redshift_cluster", "kms_key_id", Expectation.Set));

        yield return Row("docdb-cmk", Cmk, AtRest, Severity.Low,
            "DocumentDB clusters are encrypted with a customer managed key", "Les clusters DocumentDB sont chiffrés avec une clé gérée par le client",
            "The stricter variant of docdb-encrypted: the cluster names its KMS key.", "La variante plus stricte de docdb-encrypted : le cluster nomme sa clé KMS.",
            Eq(),
            T("AWS::DocDB::DBCluster", "KmsKeyId", Expectation.Set),
            T("aws_docdb_cluster", "kms_key_id", Expectation.Set));

        yield return Row("neptune-cmk", Cmk, AtRest, Severity.Low,
            "Neptune clusters are encrypted with a customer managed key", "Les clusters Neptune sont chiffrés avec une clé gérée par le client",
            "The stricter variant of neptune-encrypted: the cluster names its KMS key.", "La variante plus stricte de neptune-encrypted : le cluster nomme sa clé KMS.",
            Eq(),
            T("AWS::Neptune::DBCluster", "KmsKeyId", Expectation.Set),
            T("aws_neptune_cluster", "kms_key_arn", Expectation.Set));

        yield return Row("rds-cluster-cmk", Cmk, AtRest, Severity.Low,
            "Aurora and RDS clusters are encrypted with a customer managed key", "Les clusters Aurora et RDS sont chiffrés avec une clé gérée par le client",
            "The stricter variant of rds-storage-encrypted: the cluster encrypts its storage with a KMS key it names.", "La variante plus stricte de rds-storage-encrypted : le cluster chiffre son stockage avec une clé KMS qu'il nomme.",
            Eq(),
            T("AWS::RDS::DBCluster", "StorageEncrypted", Expectation.True),
            T("AWS::RDS::DBCluster", "KmsKeyId", Expectation.Set),
            T("aws_rds_cluster", "storage_encrypted", Expectation.True),
            T("aws_rds_cluster", "kms_key_id", Expectation.Set));

        yield return Row("rds-insights-cmk", Cmk, AtRest, Severity.Low,
            "RDS Performance Insights data is encrypted with a customer managed key", "Les données Performance Insights de RDS sont chiffrées avec une clé gérée par le client",
            "Performance Insights keeps query texts, which may contain data; when it is on, a customer key should encrypt them.", "Performance Insights conserve le texte des requêtes, qui peut contenir des données ; quand il est actif, une clé du client doit les chiffrer.",
            Eq(),
            T("AWS::RDS::DBInstance", "PerformanceInsightsKMSKeyId", Expectation.Set, If("EnablePerformanceInsights", Expectation.True)),
            T("aws_db_instance", "performance_insights_kms_key_id", Expectation.Set, If("performance_insights_enabled", Expectation.True)),
            T("aws_rds_cluster_instance", "performance_insights_kms_key_id", Expectation.Set, If("performance_insights_enabled", Expectation.True)));

        yield return Row("ebs-cmk", Cmk, AtRest, Severity.Low,
            "EBS volumes are encrypted with a customer managed key", "Les volumes EBS sont chiffrés avec une clé gérée par le client",
            "The stricter variant of ebs-encrypted: the volume names its KMS key instead of the account's default aws/ebs key.", "La variante plus stricte de ebs-encrypted : le volume nomme sa clé KMS au lieu de la clé aws/ebs par défaut du compte.",
            Eq(),
            T("AWS::EC2::Volume", "KmsKeyId", Expectation.Set),
            T("aws_ebs_volume", "kms_key_id", Expectation.Set));

        yield return Row("s3-cmk", Cmk, AtRest, Severity.Low,
            "S3 buckets encrypt by default with a customer managed key", "Les compartiments S3 chiffrent par défaut avec une clé gérée par le client",
            "The stricter variant of s3-default-encryption: default encryption names a KMS key.", "La variante plus stricte de s3-default-encryption : le chiffrement par défaut nomme une clé KMS.",
            Eq(),
            NotLogBucket(T("AWS::S3::Bucket", "BucketEncryption.ServerSideEncryptionConfiguration.*.ServerSideEncryptionByDefault.KMSMasterKeyID", Expectation.Set)),
            NotLogBucket(Via("aws_s3_bucket", "aws_s3_bucket_server_side_encryption_configuration", "bucket", "rule.*.apply_server_side_encryption_by_default.*.kms_master_key_id", Expectation.Set)),
            Or(T("aws_s3_bucket", "server_side_encryption_configuration.*.rule.*.apply_server_side_encryption_by_default.*.kms_master_key_id", Expectation.Set)));

        yield return Row("secretsmanager-cmk", Cmk, AtRest, Severity.Low,
            "Secrets are encrypted with a customer managed key", "Les secrets sont chiffrés avec une clé gérée par le client",
            "A customer managed key lets the customer control and audit who can decrypt each secret.", "Une clé gérée par le client permet au client de contrôler et d'auditer qui peut déchiffrer chaque secret.",
            Eq("CKV_AWS_149", "SECRETSMANAGER_USING_CMK", "W77"),
            T("AWS::SecretsManager::Secret", "KmsKeyId", Expectation.NoneOf("alias/aws/secretsmanager").AbsentFails),
            T("aws_secretsmanager_secret", "kms_key_id", Expectation.NoneOf("alias/aws/secretsmanager").AbsentFails));

        yield return Row("log-group-cmk", Cmk, AtRest, Severity.Low,
            "Log groups are encrypted with a customer managed key", "Les groupes de journaux sont chiffrés avec une clé gérée par le client",
            "Logs may carry customer data; a KMS key the customer manages encrypts them under its control.", "Les journaux peuvent contenir des données du client ; une clé KMS qu'il gère les chiffre sous son contrôle.",
            Eq("CKV_AWS_158", "CLOUDWATCH_LOG_GROUP_ENCRYPTED", "W84"),
            T("AWS::Logs::LogGroup", "KmsKeyId", Expectation.Set),
            T("aws_cloudwatch_log_group", "kms_key_id", Expectation.Set));

        yield return Row("cloudtrail-cmk", Cmk, AtRest, Severity.Medium,
            "CloudTrail logs are encrypted with a customer managed key", "Les journaux CloudTrail sont chiffrés avec une clé gérée par le client",
            "The API activity record is evidence; a KMS key restricts who can read it beyond the bucket's own permissions.", "La trace de l'activité d'API est une preuve ; une clé KMS restreint qui peut la lire au-delà des permissions du compartiment.",
            Eq("CKV_AWS_35", "CLOUD_TRAIL_ENCRYPTION_ENABLED"),
            T("AWS::CloudTrail::Trail", "KMSKeyId", Expectation.Set),
            T("aws_cloudtrail", "kms_key_id", Expectation.Set));

        yield return Row("ecr-cmk", Cmk, AtRest, Severity.Low,
            "ECR repositories are encrypted with a customer managed key", "Les dépôts ECR sont chiffrés avec une clé gérée par le client",
            "Container images embed the application; KMS encryption puts their keys under the customer's control.", "Les images de conteneur embarquent l'application ; le chiffrement KMS met leurs clés sous le contrôle du client.",
            Eq(),
            T("AWS::ECR::Repository", "EncryptionConfiguration.EncryptionType", Expectation.OneOf("KMS", "KMS_DSSE")),
            T("AWS::ECR::Repository", "EncryptionConfiguration.KmsKey", Expectation.Set),
            T("aws_ecr_repository", "encryption_configuration.*.encryption_type", Expectation.OneOf("KMS", "KMS_DSSE")),
            T("aws_ecr_repository", "encryption_configuration.*.kms_key", Expectation.Set));

        yield return Row("sagemaker-notebook-cmk", Cmk, AtRest, Severity.Medium,
            "SageMaker notebooks encrypt their storage with a customer managed key", "Les notebooks SageMaker chiffrent leur stockage avec une clé gérée par le client",
            "Notebooks hold copies of training data; the customer's KMS key should encrypt their volume.", "Les notebooks contiennent des copies des données d'entraînement ; la clé KMS du client doit chiffrer leur volume.",
            Eq("CKV_AWS_22", "SAGEMAKER_NOTEBOOK_INSTANCE_KMS_KEY_CONFIGURED", "W1201"),
            T("AWS::SageMaker::NotebookInstance", "KmsKeyId", Expectation.Set),
            T("aws_sagemaker_notebook_instance", "kms_key_id", Expectation.Set));

        yield return Row("sagemaker-endpoint-cmk", Cmk, AtRest, Severity.Medium,
            "SageMaker endpoints encrypt their storage with a customer managed key", "Les points de terminaison SageMaker chiffrent leur stockage avec une clé gérée par le client",
            "Model endpoints keep model artefacts and request data on attached volumes.", "Les points de terminaison gardent artefacts de modèle et données de requête sur des volumes attachés.",
            Eq("CKV_AWS_98", "SAGEMAKER_ENDPOINT_CONFIGURATION_KMS_KEY_CONFIGURED", "W1200"),
            T("AWS::SageMaker::EndpointConfig", "KmsKeyId", Expectation.Set),
            T("aws_sagemaker_endpoint_configuration", "kms_key_arn", Expectation.Set));

        yield return Row("backup-vault-cmk", Cmk, AtRest, Severity.Low,
            "Backup vaults are encrypted with a customer managed key", "Les coffres de sauvegarde sont chiffrés avec une clé gérée par le client",
            "Recovery points are full copies of the data; the vault should encrypt them with the customer's key.", "Les points de récupération sont des copies complètes des données ; le coffre doit les chiffrer avec la clé du client.",
            Eq("CKV_AWS_166"),
            T("AWS::Backup::BackupVault", "EncryptionKeyArn", Expectation.Set),
            T("aws_backup_vault", "kms_key_arn", Expectation.Set));

        yield return Row("lambda-environment-cmk", Cmk, AtRest, Severity.Low,
            "Lambda environment variables are encrypted with a customer managed key", "Les variables d'environnement Lambda sont chiffrées avec une clé gérée par le client",
            "Environment variables often carry configuration secrets; a customer key keeps them under the customer's control.", "Les variables d'environnement portent souvent des secrets de configuration ; une clé du client les garde sous son contrôle.",
            Eq(),
            T("AWS::Lambda::Function", "KmsKeyArn", Expectation.Set, If("Environment.Variables", Expectation.Set)),
            T("aws_lambda_function", "kms_key_arn", Expectation.Set, If("environment.*.variables", Expectation.Set)));
    }

    private static IEnumerable<RuleRow> EncryptionInTransit()
    {
        yield return Row("msk-tls", InTransit, InTransit, Severity.High,
            "MSK clusters accept only TLS", "Les clusters MSK n'acceptent que TLS",
            "Kafka clients and brokers exchange the event stream; plaintext listeners let it travel unencrypted.", "Clients et brokers Kafka échangent le flux d'événements ; des écouteurs en clair le laissent circuler sans chiffrement.",
            Eq(),
            T("AWS::MSK::Cluster", "EncryptionInfo.EncryptionInTransit.ClientBroker", Expectation.OneOf("TLS").OrAbsent),
            T("AWS::MSK::Cluster", "EncryptionInfo.EncryptionInTransit.InCluster", Expectation.TrueOrAbsent),
            T("aws_msk_cluster", "encryption_info.*.encryption_in_transit.*.client_broker", Expectation.OneOf("TLS").OrAbsent),
            T("aws_msk_cluster", "encryption_info.*.encryption_in_transit.*.in_cluster", Expectation.TrueOrAbsent));

        yield return Row("cloudfront-tls12", InTransit, InTransit, Severity.Medium,
            "CloudFront serves viewers TLS 1.2 or later", "CloudFront sert les lecteurs en TLS 1.2 ou plus",
            "Older TLS versions have known weaknesses; a distribution with its own certificate can require TLS 1.2 (the default *.cloudfront.net certificate cannot, and is not judged).", "Les anciennes versions de TLS ont des faiblesses connues ; une distribution avec son propre certificat peut exiger TLS 1.2 (le certificat *.cloudfront.net par défaut ne le peut pas, et n'est pas jugé).",
            Eq(),
            T("AWS::CloudFront::Distribution", "DistributionConfig.ViewerCertificate.MinimumProtocolVersion", Expectation.OneOf("TLSv1.2_2018", "TLSv1.2_2019", "TLSv1.2_2021", "TLSv1.2_2025", "TLSv1.3_2025"), If("DistributionConfig.ViewerCertificate.CloudFrontDefaultCertificate", Expectation.NotTrue)),
            T("aws_cloudfront_distribution", "viewer_certificate.*.minimum_protocol_version", Expectation.OneOf("TLSv1.2_2018", "TLSv1.2_2019", "TLSv1.2_2021", "TLSv1.2_2025", "TLSv1.3_2025"), If("viewer_certificate.*.cloudfront_default_certificate", Expectation.NotTrue)));

        yield return Row("apigw-domain-tls12", InTransit, InTransit, Severity.Medium,
            "API Gateway custom domains require TLS 1.2", "Les domaines personnalisés API Gateway exigent TLS 1.2",
            "A custom domain's security policy sets the oldest TLS version clients may use.", "La stratégie de sécurité d'un domaine personnalisé fixe la plus ancienne version de TLS permise aux clients.",
            Eq("CKV_AWS_206"),
            T("AWS::ApiGateway::DomainName", "SecurityPolicy", Expectation.NoneOf("TLS_1_0").AbsentFails),
            T("AWS::ApiGatewayV2::DomainName", "DomainNameConfigurations.*.SecurityPolicy", Expectation.NoneOf("TLS_1_0")),
            T("aws_api_gateway_domain_name", "security_policy", Expectation.NoneOf("TLS_1_0").AbsentFails),
            T("aws_apigatewayv2_domain_name", "domain_name_configuration.*.security_policy", Expectation.NoneOf("TLS_1_0").AbsentFails));

        yield return Row("opensearch-tls12", InTransit, InTransit, Severity.Medium,
            "OpenSearch domains require TLS 1.2", "Les domaines OpenSearch exigent TLS 1.2",
            "The domain's TLS security policy sets the oldest TLS version clients may use; the default still allows TLS 1.0.", "La stratégie TLS du domaine fixe la plus ancienne version permise ; celle par défaut autorise encore TLS 1.0.",
            Eq(),
            T("AWS::OpenSearchService::Domain", "DomainEndpointOptions.TLSSecurityPolicy", Expectation.NoneOf("Policy-Min-TLS-1-0-2019-07").AbsentFails),
            T("AWS::Elasticsearch::Domain", "DomainEndpointOptions.TLSSecurityPolicy", Expectation.NoneOf("Policy-Min-TLS-1-0-2019-07").AbsentFails),
            T("aws_opensearch_domain", "domain_endpoint_options.*.tls_security_policy", Expectation.NoneOf("Policy-Min-TLS-1-0-2019-07").AbsentFails),
            T("aws_elasticsearch_domain", "domain_endpoint_options.*.tls_security_policy", Expectation.NoneOf("Policy-Min-TLS-1-0-2019-07").AbsentFails));

        yield return Row("ecs-efs-transit", InTransit, InTransit, Severity.Medium,
            "ECS tasks mount EFS volumes over TLS", "Les tâches ECS montent les volumes EFS en TLS",
            "File traffic between tasks and EFS crosses the network; transit encryption wraps it in TLS.", "Le trafic de fichiers entre tâches et EFS traverse le réseau ; le chiffrement en transit l'enveloppe dans TLS.",
            Eq("CKV_AWS_97"),
            T("AWS::ECS::TaskDefinition", "Volumes.*.EFSVolumeConfiguration.TransitEncryption", Expectation.OneOf("ENABLED"), If("Volumes.*.EFSVolumeConfiguration", Expectation.Set)),
            T("aws_ecs_task_definition", "volume.*.efs_volume_configuration.*.transit_encryption", Expectation.OneOf("ENABLED"), If("volume.*.efs_volume_configuration", Expectation.Set)));

        yield return Row("dax-tls", InTransit, InTransit, Severity.Medium,
            "DAX clusters encrypt their endpoint with TLS", "Les clusters DAX chiffrent leur point de terminaison avec TLS",
            "Applications read cached items from the DAX endpoint; TLS keeps them encrypted on the way.", "Les applications lisent les éléments en cache sur le point de terminaison DAX ; TLS les garde chiffrés en chemin.",
            Eq(),
            T("AWS::DAX::Cluster", "ClusterEndpointEncryptionType", Expectation.OneOf("TLS")),
            T("aws_dax_cluster", "cluster_endpoint_encryption_type", Expectation.OneOf("TLS")));

        yield return Row("dms-endpoint-tls", InTransit, InTransit, Severity.Medium,
            "DMS endpoints connect to databases over TLS", "Les points de terminaison DMS se connectent aux bases en TLS",
            "A migration copies whole databases across the network; the endpoint's SSL mode keeps the copy encrypted on the way.", "Une migration copie des bases entières à travers le réseau ; le mode SSL du point de terminaison garde la copie chiffrée en chemin.",
            Eq(),
            T("AWS::DMS::Endpoint", "SslMode", Expectation.NoneOf("none").AbsentFails, If("EngineName", Expectation.NoneOf("s3", "dynamodb", "kinesis", "kafka", "opensearch", "elasticsearch", "neptune", "redis", "azuredb", "docdb", "mongodb"))),
            T("aws_dms_endpoint", "ssl_mode", Expectation.NoneOf("none").AbsentFails, If("engine_name", Expectation.NoneOf("s3", "dynamodb", "kinesis", "kafka", "opensearch", "elasticsearch", "neptune", "redis", "azuredb", "docdb", "mongodb"))));
    }
}
