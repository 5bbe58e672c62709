using Attest.Core.Findings;

namespace Attest.Evidence.Rules.Table;

public static partial class RuleTable
{
    private const string Logging = "logging-tracing";
    private const string Exposure = "public-exposure";
    private const string Backup = "backup-retention";
    private const string Images = "container-images";

    private static IEnumerable<RuleRow> LoggingAndTracing()
    {
        yield return Row("apigw-access-logs", Logging, "logging", Severity.Medium,
            "API Gateway stages (REST, HTTP, WebSocket) write access logs", "Les étapes API Gateway (REST, HTTP, WebSocket) écrivent des journaux d'accès",
            "Access logs record who called the API and how it answered, the first thing read after an incident.", "Les journaux d'accès notent qui a appelé l'API et sa réponse, la première chose lue après un incident.",
            Eq("CKV_AWS_76", "CKV_AWS_95"),
            T("AWS::ApiGateway::Stage", "AccessLogSetting.DestinationArn", Expectation.Set),
            T("AWS::ApiGatewayV2::Stage", "AccessLogSettings.DestinationArn", Expectation.Set),
            T("aws_api_gateway_stage", "access_log_settings.*.destination_arn", Expectation.Set),
            T("aws_apigatewayv2_stage", "access_log_settings.*.destination_arn", Expectation.Set));

        yield return Row("apigw-tracing", Logging, "logging", Severity.Low,
            "API Gateway stages trace requests with X-Ray", "Les étapes API Gateway tracent les requêtes avec X-Ray",
            "Traces follow a request through the API and its back ends, showing where time and errors come from.", "Les traces suivent une requête dans l'API et ses services, montrant d'où viennent lenteurs et erreurs.",
            Eq("CKV_AWS_73"),
            T("AWS::ApiGateway::Stage", "TracingEnabled", Expectation.True),
            T("aws_api_gateway_stage", "xray_tracing_enabled", Expectation.True));

        yield return Row("lambda-tracing", Logging, "logging", Severity.Low,
            "Lambda functions trace invocations with X-Ray", "Les fonctions Lambda tracent leurs invocations avec X-Ray",
            "Active tracing shows each invocation's calls downstream, needed to monitor a serverless workload.", "Le traçage actif montre les appels de chaque invocation, nécessaire pour surveiller une charge sans serveur.",
            Eq("CKV_AWS_50"),
            T("AWS::Lambda::Function", "TracingConfig.Mode", Expectation.OneOf("Active")),
            T("AWS::Serverless::Function", "Tracing", Expectation.OneOf("Active")),
            T("aws_lambda_function", "tracing_config.*.mode", Expectation.OneOf("Active")));

        yield return Row("cloudfront-logging", Logging, "logging", Severity.Medium,
            "CloudFront distributions write access logs", "Les distributions CloudFront écrivent des journaux d'accès",
            "Edge access logs (standard logging, or a CloudWatch Logs delivery source) are the record of every viewer request.", "Les journaux d'accès en périphérie (journalisation standard, ou source de livraison CloudWatch Logs) sont la trace de chaque requête des lecteurs.",
            Eq("CKV_AWS_86", "W10"),
            T("AWS::CloudFront::Distribution", "DistributionConfig.Logging.Bucket", Expectation.Set),
            Or(Via("AWS::CloudFront::Distribution", "AWS::Logs::DeliverySource", "ResourceArn", "LogType", Expectation.OneOf("ACCESS_LOGS"))),
            T("aws_cloudfront_distribution", "logging_config.*.bucket", Expectation.Set),
            Or(Via("aws_cloudfront_distribution", "aws_cloudwatch_log_delivery_source", "resource_arn", "log_type", Expectation.OneOf("ACCESS_LOGS"))));

        yield return Row("elbv2-access-logs", Logging, "logging", Severity.Medium,
            "Application and network load balancers write access logs", "Les équilibreurs de charge d'application et réseau écrivent des journaux d'accès",
            "Load balancer access logs record every request reaching the workload.", "Les journaux d'accès de l'équilibreur notent chaque requête qui atteint la charge de travail.",
            Eq("CKV_AWS_91", "ELBV2_ACCESS_LOGGING_RULE", "W52"),
            T("AWS::ElasticLoadBalancingV2::LoadBalancer", "LoadBalancerAttributes", Expectation.Entry("Key", "access_logs.s3.enabled", "Value", "true"), If("Type", Expectation.NoneOf("gateway"))),
            T("aws_lb", "access_logs.*.enabled", Expectation.True, If("load_balancer_type", Expectation.NoneOf("gateway"))),
            T("aws_alb", "access_logs.*.enabled", Expectation.True));

        yield return Row("elb-access-logs", Logging, "logging", Severity.Medium,
            "Classic load balancers write access logs", "Les équilibreurs de charge classiques écrivent des journaux d'accès",
            "Load balancer access logs record every request reaching the workload.", "Les journaux d'accès de l'équilibreur notent chaque requête qui atteint la charge de travail.",
            Eq("CKV_AWS_92", "ELB_LOGGING_ENABLED", "W26"),
            T("AWS::ElasticLoadBalancing::LoadBalancer", "AccessLoggingPolicy.Enabled", Expectation.True),
            T("aws_elb", "access_logs.*.bucket", Expectation.Set),
            T("aws_elb", "access_logs.*.enabled", Expectation.TrueOrAbsent));

        yield return Row("s3-access-logging", Logging, "logging", Severity.Low,
            "S3 buckets write server access logs", "Les compartiments S3 écrivent des journaux d'accès serveur",
            "Server access logs record requests made to the bucket, for audits and investigations.", "Les journaux d'accès serveur notent les requêtes faites au compartiment, pour les audits et les enquêtes.",
            Eq("CKV_AWS_18", "S3_BUCKET_LOGGING_ENABLED", "W35"),
            NotLogBucket(T("AWS::S3::Bucket", "LoggingConfiguration", Expectation.Set)),
            NotLogBucket(Via("aws_s3_bucket", "aws_s3_bucket_logging", "bucket", "target_bucket", Expectation.Set)),
            Or(T("aws_s3_bucket", "logging.*.target_bucket", Expectation.Set)));

        yield return Row("eks-control-plane-logging", Logging, "logging", Severity.Medium,
            "EKS clusters send control plane logs to CloudWatch", "Les clusters EKS envoient les journaux du plan de contrôle à CloudWatch",
            "API server and audit logs show who did what in the cluster.", "Les journaux du serveur d'API et d'audit montrent qui a fait quoi dans le cluster.",
            Eq(),
            T("AWS::EKS::Cluster", "Logging.ClusterLogging.EnabledTypes", Expectation.Set),
            T("aws_eks_cluster", "enabled_cluster_log_types", Expectation.Set));

        yield return Row("redshift-audit-logging", Logging, "logging", Severity.Medium,
            "Redshift clusters write audit logs", "Les clusters Redshift écrivent des journaux d'audit",
            "Audit logs record connections and queries on the warehouse.", "Les journaux d'audit notent connexions et requêtes sur l'entrepôt.",
            Eq("CKV_AWS_71"),
            T("AWS::Redshift::Cluster", "LoggingProperties", Expectation.Set),
            T("aws_redshift_cluster", "logging.*.enable", Expectation.True),
            Or(Via("aws_redshift_cluster", "aws_redshift_logging", "cluster_identifier", "", Expectation.Exists)));

        yield return Row("docdb-log-exports", Logging, "logging", Severity.Medium,
            "DocumentDB clusters export their logs", "Les clusters DocumentDB exportent leurs journaux",
            "Audit and profiler logs in CloudWatch show who reached the database and what was slow.", "Les journaux d'audit et de profilage dans CloudWatch montrent qui a accédé à la base et ce qui était lent.",
            Eq(),
            T("AWS::DocDB::DBCluster", "EnableCloudwatchLogsExports", Expectation.Contains("audit", "profiler")),
            T("aws_docdb_cluster", "enabled_cloudwatch_logs_exports", Expectation.Contains("audit", "profiler")));

        yield return Row("neptune-log-exports", Logging, "logging", Severity.Medium,
            "Neptune clusters export audit logs", "Les clusters Neptune exportent leurs journaux d'audit",
            "Audit logs in CloudWatch show who queried the graph.", "Les journaux d'audit dans CloudWatch montrent qui a interrogé le graphe.",
            Eq("CKV_AWS_101"),
            T("AWS::Neptune::DBCluster", "EnableCloudwatchLogsExports", Expectation.Contains("audit")),
            T("aws_neptune_cluster", "enable_cloudwatch_logs_exports", Expectation.Contains("audit")));

        yield return Row("rds-log-exports", Logging, "logging", Severity.Low,
            "RDS databases export their logs", "Les bases RDS exportent leurs journaux",
            "Database logs in CloudWatch (error, audit, slow query) support monitoring and investigation.", "Les journaux de la base dans CloudWatch (erreurs, audit, requêtes lentes) servent la surveillance et les enquêtes.",
            Eq(),
            T("AWS::RDS::DBInstance", "EnableCloudwatchLogsExports", Expectation.Set, NotClusterMemberCfn),
            T("AWS::RDS::DBCluster", "EnableCloudwatchLogsExports", Expectation.Set),
            T("aws_db_instance", "enabled_cloudwatch_logs_exports", Expectation.Set, NotClusterMemberTf),
            T("aws_rds_cluster", "enabled_cloudwatch_logs_exports", Expectation.Set));

        yield return Row("msk-broker-logging", Logging, "logging", Severity.Medium,
            "MSK brokers send their logs somewhere", "Les brokers MSK envoient leurs journaux quelque part",
            "Broker logs show client connections, errors and authorisation failures.", "Les journaux des brokers montrent connexions, erreurs et refus d'autorisation.",
            Eq("CKV_AWS_80"),
            T("AWS::MSK::Cluster", "LoggingInfo.BrokerLogs.CloudWatchLogs.Enabled", Expectation.True),
            Or(T("AWS::MSK::Cluster", "LoggingInfo.BrokerLogs.Firehose.Enabled", Expectation.True)),
            Or(T("AWS::MSK::Cluster", "LoggingInfo.BrokerLogs.S3.Enabled", Expectation.True)),
            T("aws_msk_cluster", "logging_info.*.broker_logs.*.cloudwatch_logs.*.enabled", Expectation.True),
            Or(T("aws_msk_cluster", "logging_info.*.broker_logs.*.firehose.*.enabled", Expectation.True)),
            Or(T("aws_msk_cluster", "logging_info.*.broker_logs.*.s3.*.enabled", Expectation.True)));

        yield return Row("opensearch-logging", Logging, "logging", Severity.Medium,
            "OpenSearch domains publish their logs", "Les domaines OpenSearch publient leurs journaux",
            "Audit, error and slow logs in CloudWatch show who searched what and how the domain behaves.", "Les journaux d'audit, d'erreurs et lents dans CloudWatch montrent qui a cherché quoi et comment se comporte le domaine.",
            Eq(),
            T("AWS::OpenSearchService::Domain", "LogPublishingOptions", Expectation.Set),
            T("AWS::Elasticsearch::Domain", "LogPublishingOptions", Expectation.Set),
            T("aws_opensearch_domain", "log_publishing_options", Expectation.Set),
            T("aws_opensearch_domain", "log_publishing_options.*.enabled", Expectation.TrueOrAbsent),
            T("aws_elasticsearch_domain", "log_publishing_options", Expectation.Set),
            T("aws_elasticsearch_domain", "log_publishing_options.*.enabled", Expectation.TrueOrAbsent));

        yield return Row("mq-audit-logging", Logging, "logging", Severity.Low,
            "Amazon MQ brokers write audit logs", "Les brokers Amazon MQ écrivent des journaux d'audit",
            "Audit logs record management actions on the broker.", "Les journaux d'audit notent les actions d'administration du broker.",
            Eq("CKV_AWS_197"),
            T("AWS::AmazonMQ::Broker", "Logs.Audit", Expectation.True, If("EngineType", Expectation.NoneOf("RABBITMQ"))),
            T("aws_mq_broker", "logs.*.audit", Expectation.True, If("engine_type", Expectation.NoneOf("RabbitMQ"))));

        yield return Row("mq-general-logging", Logging, "logging", Severity.Low,
            "Amazon MQ brokers write general logs", "Les brokers Amazon MQ écrivent des journaux généraux",
            "General logs record the broker's activity and errors.", "Les journaux généraux notent l'activité et les erreurs du broker.",
            Eq("CKV_AWS_48"),
            T("AWS::AmazonMQ::Broker", "Logs.General", Expectation.True),
            T("aws_mq_broker", "logs.*.general", Expectation.True));

        yield return Row("cloudtrail-cloudwatch", Logging, "logging", Severity.Low,
            "CloudTrail delivers to CloudWatch Logs", "CloudTrail livre à CloudWatch Logs",
            "In CloudWatch Logs, API activity can raise alarms in minutes instead of waiting to be read.", "Dans CloudWatch Logs, l'activité d'API peut déclencher des alarmes en quelques minutes au lieu d'attendre d'être lue.",
            Eq("CLOUD_TRAIL_CLOUD_WATCH_LOGS_ENABLED"),
            T("AWS::CloudTrail::Trail", "CloudWatchLogsLogGroupArn", Expectation.Set),
            T("aws_cloudtrail", "cloud_watch_logs_group_arn", Expectation.Set));

        yield return Row("stepfunctions-logging", Logging, "logging", Severity.Low,
            "Step Functions state machines log executions", "Les machines à états Step Functions journalisent les exécutions",
            "Execution history in CloudWatch Logs shows which step failed and why.", "L'historique d'exécution dans CloudWatch Logs montre quelle étape a échoué et pourquoi.",
            Eq(),
            T("AWS::StepFunctions::StateMachine", "LoggingConfiguration.Level", Expectation.NoneOf("OFF").AbsentFails),
            T("AWS::Serverless::StateMachine", "Logging.Level", Expectation.NoneOf("OFF").AbsentFails),
            T("aws_sfn_state_machine", "logging_configuration.*.level", Expectation.NoneOf("OFF").AbsentFails));

        yield return Row("appsync-logging", Logging, "logging", Severity.Low,
            "AppSync APIs write resolver logs", "Les API AppSync écrivent des journaux de résolveurs",
            "Field-level logs in CloudWatch show which queries ran and which failed.", "Les journaux au niveau des champs dans CloudWatch montrent quelles requêtes ont tourné et lesquelles ont échoué.",
            Eq(),
            T("AWS::AppSync::GraphQLApi", "LogConfig.FieldLogLevel", Expectation.NoneOf("NONE").AbsentFails),
            T("aws_appsync_graphql_api", "log_config.*.field_log_level", Expectation.NoneOf("NONE").AbsentFails));

        yield return Row("ecs-container-logging", Logging, "logging", Severity.Low,
            "ECS containers send their logs somewhere", "Les conteneurs ECS envoient leurs journaux quelque part",
            "Without a log driver, a container's output is lost when its task stops.", "Sans pilote de journaux, la sortie d'un conteneur est perdue à l'arrêt de sa tâche.",
            Eq(),
            // Terraform writes container definitions as one JSON text (jsonencode), which the table does not read into
            T("AWS::ECS::TaskDefinition", "ContainerDefinitions.*.LogConfiguration.LogDriver", Expectation.Set));

        yield return Row("ecs-container-insights", Logging, "monitoring", Severity.Low,
            "ECS clusters have Container Insights", "Les clusters ECS ont Container Insights",
            "Container Insights collects the metrics of tasks and services, the base of their alarms.", "Container Insights collecte les métriques des tâches et services, base de leurs alarmes.",
            Eq("CKV_AWS_65"),
            T("AWS::ECS::Cluster", "ClusterSettings", Expectation.Entry("Name", "containerInsights", "Value", "enabled", "enhanced")),
            T("aws_ecs_cluster", "setting", Expectation.Entry("name", "containerInsights", "value", "enabled", "enhanced")));

        yield return Row("ec2-detailed-monitoring", Logging, "monitoring", Severity.Low,
            "EC2 instances have detailed monitoring", "Les instances EC2 ont la surveillance détaillée",
            "One-minute metrics let alarms react to an instance's trouble quickly.", "Des métriques à la minute permettent aux alarmes de réagir vite aux ennuis d'une instance.",
            Eq("CKV_AWS_126", "EC2_INSTANCE_DETAILED_MONITORING_ENABLED"),
            T("AWS::EC2::Instance", "Monitoring", Expectation.True),
            T("aws_instance", "monitoring", Expectation.True));
    }

    private static IEnumerable<RuleRow> ContainerImages()
    {
        yield return Row("ecr-scan-on-push", Images, "monitoring", Severity.Medium,
            "ECR repositories scan images on push", "Les dépôts ECR analysent les images à l'envoi",
            "Scanning each pushed image reports known vulnerabilities before the image runs.", "Analyser chaque image envoyée signale les vulnérabilités connues avant qu'elle ne tourne.",
            Eq("CKV_AWS_163", "ECR_REPO_SCAN_ON_PUSH_RULE"),
            T("AWS::ECR::Repository", "ImageScanningConfiguration.ScanOnPush", Expectation.True),
            T("aws_ecr_repository", "image_scanning_configuration.*.scan_on_push", Expectation.True));

        yield return Row("ecr-immutable-tags", Images, "deployment-automation", Severity.Low,
            "ECR image tags are immutable", "Les étiquettes d'image ECR sont immuables",
            "An immutable tag always names the same image, so a deployment is repeatable and cannot be swapped underneath.", "Une étiquette immuable désigne toujours la même image : un déploiement est reproductible et ne peut être remplacé en douce.",
            Eq("CKV_AWS_51"),
            T("AWS::ECR::Repository", "ImageTagMutability", Expectation.OneOf("IMMUTABLE", "IMMUTABLE_WITH_EXCLUSION")),
            T("aws_ecr_repository", "image_tag_mutability", Expectation.OneOf("IMMUTABLE", "IMMUTABLE_WITH_EXCLUSION")));
    }

    private static IEnumerable<RuleRow> PublicExposure()
    {
        yield return Row("eks-endpoint-private", Exposure, "public-exposure", Severity.High,
            "EKS cluster endpoints are not public", "Les points de terminaison des clusters EKS ne sont pas publics",
            "A public Kubernetes API endpoint can be reached from the whole internet; a private one only from the VPC.", "Un point de terminaison d'API Kubernetes public est joignable depuis tout Internet ; un privé, seulement depuis le VPC.",
            Eq("EKS_ENDPOINT_NO_PUBLIC_ACCESS"),
            T("AWS::EKS::Cluster", "ResourcesVpcConfig.EndpointPublicAccess", Expectation.False),
            T("aws_eks_cluster", "vpc_config.*.endpoint_public_access", Expectation.False));

        yield return Row("dms-not-public", Exposure, "public-exposure", Severity.High,
            "DMS replication instances are not public", "Les instances de réplication DMS ne sont pas publiques",
            "A replication instance reads and writes whole databases; it must not be reachable from the internet.", "Une instance de réplication lit et écrit des bases entières ; elle ne doit pas être joignable depuis Internet.",
            Eq("CKV_AWS_89", "DMS_REPLICATION_NOT_PUBLIC", "W91"),
            T("AWS::DMS::ReplicationInstance", "PubliclyAccessible", Expectation.False),
            T("aws_dms_replication_instance", "publicly_accessible", Expectation.NotTrue));

        yield return Row("mq-not-public", Exposure, "public-exposure", Severity.High,
            "Amazon MQ brokers are not public", "Les brokers Amazon MQ ne sont pas publics",
            "A public broker accepts connections from the whole internet.", "Un broker public accepte des connexions de tout Internet.",
            Eq("CKV_AWS_69"),
            T("AWS::AmazonMQ::Broker", "PubliclyAccessible", Expectation.NotTrue),
            T("aws_mq_broker", "publicly_accessible", Expectation.NotTrue));

        yield return Row("sagemaker-notebook-no-internet", Exposure, "public-exposure", Severity.Medium,
            "SageMaker notebooks have no direct internet access", "Les notebooks SageMaker n'ont pas d'accès direct à Internet",
            "Direct internet access bypasses the VPC's controls on what the notebook can reach and what can reach it.", "L'accès direct à Internet contourne les contrôles du VPC sur ce que le notebook joint et ce qui le joint.",
            Eq("SAGEMAKER_NOTEBOOK_NO_DIRECT_INTERNET_ACCESS"),
            T("AWS::SageMaker::NotebookInstance", "DirectInternetAccess", Expectation.OneOf("Disabled")),
            T("aws_sagemaker_notebook_instance", "direct_internet_access", Expectation.OneOf("Disabled")));

        yield return Row("opensearch-in-vpc", Exposure, "public-exposure", Severity.High,
            "OpenSearch domains are inside a VPC", "Les domaines OpenSearch sont dans un VPC",
            "A domain outside a VPC has a public endpoint, protected only by its access policy.", "Un domaine hors VPC a un point de terminaison public, protégé seulement par sa stratégie d'accès.",
            Eq("CKV_AWS_137"),
            T("AWS::OpenSearchService::Domain", "VPCOptions.SubnetIds", Expectation.Set),
            T("AWS::Elasticsearch::Domain", "VPCOptions.SubnetIds", Expectation.Set),
            T("aws_opensearch_domain", "vpc_options.*.subnet_ids", Expectation.Set),
            T("aws_elasticsearch_domain", "vpc_options.*.subnet_ids", Expectation.Set));

        yield return Row("lambda-url-auth", Exposure, "public-exposure", Severity.High,
            "Lambda function URLs require authentication", "Les URL de fonction Lambda exigent une authentification",
            "A function URL with no authentication lets anyone on the internet invoke the function.", "Une URL de fonction sans authentification laisse n'importe qui sur Internet invoquer la fonction.",
            Eq(),
            T("AWS::Lambda::Url", "AuthType", Expectation.NoneOf("NONE").AbsentFails),
            T("aws_lambda_function_url", "authorization_type", Expectation.NoneOf("NONE").AbsentFails));

        yield return Row("lambda-permission-not-public", Exposure, "public-exposure", Severity.High,
            "Lambda permissions do not let everyone invoke", "Les permissions Lambda ne laissent pas tout le monde invoquer",
            "A permission for principal * with no source account or ARN lets any AWS account invoke the function.", "Une permission pour le principal * sans compte ni ARN source laisse tout compte AWS invoquer la fonction.",
            Eq(),
            T("AWS::Lambda::Permission", "Principal", Expectation.NoneOf("*")),
            Or(T("AWS::Lambda::Permission", "SourceAccount", Expectation.Set)),
            Or(T("AWS::Lambda::Permission", "SourceArn", Expectation.Set)),
            T("aws_lambda_permission", "principal", Expectation.NoneOf("*")),
            Or(T("aws_lambda_permission", "source_account", Expectation.Set)),
            Or(T("aws_lambda_permission", "source_arn", Expectation.Set)));

        yield return Row("apigw-method-auth", Exposure, "public-exposure", Severity.Medium,
            "API Gateway methods require authorisation", "Les méthodes API Gateway exigent une autorisation",
            "A method with no authoriser and no API key can be called by anyone who knows the URL (CORS OPTIONS methods aside).", "Une méthode sans autorisation ni clé d'API peut être appelée par quiconque connaît l'URL (hors méthodes OPTIONS de CORS).",
            Eq("CKV_AWS_59"),
            T("AWS::ApiGateway::Method", "AuthorizationType", Expectation.NoneOf("NONE").AbsentFails, If("HttpMethod", Expectation.NoneOf("OPTIONS"))),
            Or(T("AWS::ApiGateway::Method", "ApiKeyRequired", Expectation.True)),
            T("aws_api_gateway_method", "authorization", Expectation.NoneOf("NONE").AbsentFails, If("http_method", Expectation.NoneOf("OPTIONS"))),
            Or(T("aws_api_gateway_method", "api_key_required", Expectation.True)));

        yield return Row("cognito-no-guest-access", Exposure, "public-exposure", Severity.Medium,
            "Cognito identity pools give no credentials to unauthenticated users", "Les groupes d'identités Cognito ne donnent pas d'identifiants aux utilisateurs non authentifiés",
            "Guest identities hand AWS credentials to anyone on the internet; their role must then be tightly limited, or guests turned off.", "Les identités invitées donnent des identifiants AWS à n'importe qui sur Internet ; leur rôle doit alors être très restreint, ou les invités désactivés.",
            Eq("COGNITO_ALLOW_UNAUTHENTICATED_IDENTITIES_RULE", "W57"),
            T("AWS::Cognito::IdentityPool", "AllowUnauthenticatedIdentities", Expectation.NotTrue),
            T("aws_cognito_identity_pool", "allow_unauthenticated_identities", Expectation.NotTrue));

        yield return Row("ami-not-public", Exposure, "public-exposure", Severity.High,
            "Machine images are not shared with everyone", "Les images machine ne sont pas partagées avec tout le monde",
            "A public AMI gives every AWS account a copy of the instance's disk, and whatever it holds.", "Une AMI publique donne à tout compte AWS une copie du disque de l'instance, et de tout ce qu'il contient.",
            Eq(),
            T("aws_ami_launch_permission", "group", Expectation.NoneOf("all")));

        yield return Row("snapshot-not-public", Exposure, "public-exposure", Severity.High,
            "EBS snapshots are not shared with everyone", "Les instantanés EBS ne sont pas partagés avec tout le monde",
            "A public snapshot lets any AWS account create a volume from it and read the data.", "Un instantané public permet à tout compte AWS d'en créer un volume et d'en lire les données.",
            Eq(),
            T("aws_snapshot_create_volume_permission", "account_id", Expectation.NoneOf("all")));

        yield return Row("nacl-no-open-ingress", Exposure, "public-exposure", Severity.Medium,
            "Network ACLs do not allow all traffic from the internet", "Les ACL réseau n'autorisent pas tout le trafic depuis Internet",
            "An inbound allow of every protocol from 0.0.0.0/0 or ::/0 takes away the subnet's second line of defence.", "Une autorisation entrante de tous les protocoles depuis 0.0.0.0/0 ou ::/0 retire au sous-réseau sa seconde ligne de défense.",
            Eq(),
            T("AWS::EC2::NetworkAclEntry", "Protocol", Expectation.NoneOf("-1").AbsentFails, If("Egress", Expectation.NotTrue), If("RuleAction", Expectation.OneOf("allow"))),
            Or(T("AWS::EC2::NetworkAclEntry", "CidrBlock", Expectation.NotWholeInternet)),
            T("AWS::EC2::NetworkAclEntry", "Protocol", Expectation.NoneOf("-1").AbsentFails),
            Or(T("AWS::EC2::NetworkAclEntry", "Ipv6CidrBlock", Expectation.NotWholeInternet)),
            T("aws_network_acl_rule", "protocol", Expectation.NoneOf("-1", "all").AbsentFails, If("egress", Expectation.NotTrue), If("rule_action", Expectation.OneOf("allow"))),
            Or(T("aws_network_acl_rule", "cidr_block", Expectation.NotWholeInternet)),
            T("aws_network_acl_rule", "protocol", Expectation.NoneOf("-1", "all").AbsentFails),
            Or(T("aws_network_acl_rule", "ipv6_cidr_block", Expectation.NotWholeInternet)));

        yield return Row("alb-drop-invalid-headers", Exposure, "public-exposure", Severity.Low,
            "Application load balancers drop invalid HTTP headers", "Les équilibreurs de charge d'application rejettent les en-têtes HTTP invalides",
            "Dropping malformed headers at the edge closes a path to request smuggling against the application.", "Rejeter les en-têtes malformés en bordure ferme une voie de contrebande de requêtes contre l'application.",
            Eq("CKV_AWS_131", "ALB_HTTP_DROP_INVALID_HEADER_ENABLED"),
            T("AWS::ElasticLoadBalancingV2::LoadBalancer", "LoadBalancerAttributes", Expectation.Entry("Key", "routing.http.drop_invalid_header_fields.enabled", "Value", "true"), If("Type", Expectation.OneOf("application").OrAbsent)),
            T("aws_lb", "drop_invalid_header_fields", Expectation.True, If("load_balancer_type", Expectation.OneOf("application").OrAbsent)),
            T("aws_alb", "drop_invalid_header_fields", Expectation.True));
    }

    private static IEnumerable<RuleRow> BackupAndRetention()
    {
        yield return Row("s3-versioning", Backup, "backup", Severity.Medium,
            "S3 buckets keep object versions", "Les compartiments S3 conservent les versions des objets",
            "Versioning keeps overwritten and deleted objects recoverable.", "Le versionnage garde récupérables les objets écrasés ou supprimés.",
            Eq("CKV_AWS_21", "S3_BUCKET_VERSIONING_ENABLED"),
            T("AWS::S3::Bucket", "VersioningConfiguration.Status", Expectation.OneOf("Enabled")),
            Via("aws_s3_bucket", "aws_s3_bucket_versioning", "bucket", "versioning_configuration.*.status", Expectation.OneOf("Enabled")),
            Or(T("aws_s3_bucket", "versioning.*.enabled", Expectation.True)));

        yield return Row("redshift-snapshot-retention", Backup, "backup", Severity.Medium,
            "Redshift keeps automated snapshots", "Redshift conserve des instantanés automatiques",
            "Automated snapshots are how a warehouse is restored; a retention of 0 turns them off.", "Les instantanés automatiques permettent de restaurer l'entrepôt ; une rétention de 0 les désactive.",
            Eq("REDSHIFT_BACKUP_ENABLED"),
            T("AWS::Redshift::Cluster", "AutomatedSnapshotRetentionPeriod", Expectation.AtLeast(1).OrAbsent),
            T("aws_redshift_cluster", "automated_snapshot_retention_period", Expectation.AtLeast(1).OrAbsent));

        yield return Row("elasticache-backup", Backup, "backup", Severity.Low,
            "Redis caches keep automatic snapshots", "Les caches Redis conservent des instantanés automatiques",
            "Without snapshots, a Redis cache used as a data store loses everything when its nodes are lost (cache.t1.micro nodes cannot take snapshots and are not judged).", "Sans instantanés, un cache Redis servant de magasin de données perd tout quand ses nœuds sont perdus (les nœuds cache.t1.micro ne le peuvent pas et ne sont pas jugés).",
            Eq(),
            T("AWS::ElastiCache::ReplicationGroup", "SnapshotRetentionLimit", Expectation.AtLeast(1)),
            T("AWS::ElastiCache::CacheCluster", "SnapshotRetentionLimit", Expectation.AtLeast(1), If("Engine", Expectation.OneOf("redis", "valkey")), If("CacheNodeType", Expectation.NoneOf("cache.t1.micro"))),
            T("aws_elasticache_replication_group", "snapshot_retention_limit", Expectation.AtLeast(1)),
            T("aws_elasticache_cluster", "snapshot_retention_limit", Expectation.AtLeast(1), If("engine", Expectation.OneOf("redis", "valkey")), If("node_type", Expectation.NoneOf("cache.t1.micro"))));

        yield return Row("rds-deletion-protection", Backup, "backup", Severity.Medium,
            "RDS databases are protected against deletion", "Les bases RDS sont protégées contre la suppression",
            "Deletion protection stops a database from being deleted by a mistaken change or command.", "La protection contre la suppression empêche qu'une base soit supprimée par une modification ou une commande erronée.",
            Eq("CKV_AWS_139", "RDS_INSTANCE_DELETION_PROTECTION_ENABLED", "F80"),
            T("AWS::RDS::DBInstance", "DeletionProtection", Expectation.True, NotClusterMemberCfn),
            T("AWS::RDS::DBCluster", "DeletionProtection", Expectation.True),
            T("aws_db_instance", "deletion_protection", Expectation.True, NotClusterMemberTf),
            T("aws_rds_cluster", "deletion_protection", Expectation.True));

        yield return Row("qldb-deletion-protection", Backup, "backup", Severity.Medium,
            "QLDB ledgers are protected against deletion", "Les registres QLDB sont protégés contre la suppression",
            "A ledger is a system of record; deletion protection stops it from being removed by a mistaken change.", "Un registre est un système de référence ; la protection contre la suppression empêche qu'une modification erronée le supprime.",
            Eq(),
            T("AWS::QLDB::Ledger", "DeletionProtection", Expectation.TrueOrAbsent),
            T("aws_qldb_ledger", "deletion_protection", Expectation.TrueOrAbsent));

        yield return Row("backup-plan-retention", Backup, "backup", Severity.Low,
            "Backup plans keep recovery points at least a week", "Les plans de sauvegarde gardent les points de récupération au moins une semaine",
            "Recovery points deleted within days may be gone before a problem is noticed.", "Des points de récupération supprimés en quelques jours peuvent disparaître avant qu'un problème soit remarqué.",
            Eq(),
            T("AWS::Backup::BackupPlan", "BackupPlan.BackupPlanRule.*.Lifecycle.DeleteAfterDays", Expectation.AtLeast(7).OrAbsent),
            T("aws_backup_plan", "rule.*.lifecycle.*.delete_after", Expectation.AtLeast(7).OrAbsent));
    }

    private static IEnumerable<RuleRow> MultiAz()
    {
        yield return Row("elasticache-multi-az", "multi-az", "multi-az", Severity.Medium,
            "ElastiCache replication groups fail over across zones", "Les groupes de réplication ElastiCache basculent entre zones",
            "Multi-AZ with automatic failover promotes a replica in another zone when the primary's zone fails.", "Le multi-AZ avec basculement automatique promeut un réplica d'une autre zone quand celle du primaire tombe.",
            Eq(),
            T("AWS::ElastiCache::ReplicationGroup", "MultiAZEnabled", Expectation.True),
            T("AWS::ElastiCache::ReplicationGroup", "AutomaticFailoverEnabled", Expectation.True),
            T("aws_elasticache_replication_group", "multi_az_enabled", Expectation.True),
            T("aws_elasticache_replication_group", "automatic_failover_enabled", Expectation.True));

        yield return Row("opensearch-zone-awareness", "multi-az", "multi-az", Severity.Medium,
            "OpenSearch domains spread across zones", "Les domaines OpenSearch s'étendent sur plusieurs zones",
            "Zone awareness places replicas in another zone so the domain survives the loss of one.", "La répartition par zone place les réplicas dans une autre zone pour survivre à la perte de l'une.",
            Eq(),
            T("AWS::OpenSearchService::Domain", "ClusterConfig.ZoneAwarenessEnabled", Expectation.True),
            T("AWS::Elasticsearch::Domain", "ElasticsearchClusterConfig.ZoneAwarenessEnabled", Expectation.True),
            T("aws_opensearch_domain", "cluster_config.*.zone_awareness_enabled", Expectation.True),
            T("aws_elasticsearch_domain", "cluster_config.*.zone_awareness_enabled", Expectation.True));

        yield return Row("efs-regional", "multi-az", "multi-az", Severity.Medium,
            "EFS file systems are Regional, not One Zone", "Les systèmes de fichiers EFS sont régionaux, pas à zone unique",
            "A One Zone file system is lost with its Availability Zone; a Regional one stores data in several zones.", "Un système à zone unique est perdu avec sa zone ; un régional stocke les données dans plusieurs zones.",
            Eq(),
            T("AWS::EFS::FileSystem", "AvailabilityZoneName", Expectation.Unset),
            T("aws_efs_file_system", "availability_zone_name", Expectation.Unset));

        yield return Row("mq-multi-az", "multi-az", "multi-az", Severity.Medium,
            "Amazon MQ brokers run in two zones", "Les brokers Amazon MQ tournent dans deux zones",
            "A single-instance broker stops with its zone; active/standby and cluster deployments fail over.", "Un broker à instance unique s'arrête avec sa zone ; les déploiements actif/veille et en cluster basculent.",
            Eq(),
            T("AWS::AmazonMQ::Broker", "DeploymentMode", Expectation.OneOf("ACTIVE_STANDBY_MULTI_AZ", "CLUSTER_MULTI_AZ")),
            T("aws_mq_broker", "deployment_mode", Expectation.OneOf("ACTIVE_STANDBY_MULTI_AZ", "CLUSTER_MULTI_AZ")));
    }

    private static IEnumerable<RuleRow> KeyRotation()
    {
        yield return Row("secrets-rotation", "key-rotation", "key-rotation", Severity.Medium,
            "Secrets rotate automatically", "Les secrets tournent automatiquement",
            "A rotation schedule replaces the secret regularly, limiting what a leaked value is worth.", "Un calendrier de rotation remplace le secret régulièrement, limitant la valeur d'une fuite.",
            Eq("SECRETSMANAGER_ROTATION_ENABLED_CHECK"),
            Via("AWS::SecretsManager::Secret", "AWS::SecretsManager::RotationSchedule", "SecretId", "", Expectation.Exists),
            Via("aws_secretsmanager_secret", "aws_secretsmanager_secret_rotation", "secret_id", "", Expectation.Exists));
    }

    private static IEnumerable<RuleRow> InstanceMetadata()
    {
        yield return Row("imdsv2-required", "instance-metadata", "public-exposure", Severity.High,
            "Instances require IMDSv2", "Les instances exigent IMDSv2",
            "With IMDSv1, a request forged through the application can read the instance role's credentials; IMDSv2's session token stops it.", "Avec IMDSv1, une requête falsifiée via l'application peut lire les identifiants du rôle de l'instance ; le jeton de session d'IMDSv2 l'empêche.",
            Eq("CKV_AWS_79"),
            T("AWS::EC2::LaunchTemplate", "LaunchTemplateData.MetadataOptions.HttpTokens", Expectation.OneOf("required")),
            Or(T("AWS::EC2::LaunchTemplate", "LaunchTemplateData.MetadataOptions.HttpEndpoint", Expectation.OneOf("disabled"))),
            T("AWS::AutoScaling::LaunchConfiguration", "MetadataOptions.HttpTokens", Expectation.OneOf("required")),
            Or(T("AWS::AutoScaling::LaunchConfiguration", "MetadataOptions.HttpEndpoint", Expectation.OneOf("disabled"))),
            T("aws_instance", "metadata_options.*.http_tokens", Expectation.OneOf("required")),
            Or(T("aws_instance", "metadata_options.*.http_endpoint", Expectation.OneOf("disabled"))),
            T("aws_launch_template", "metadata_options.*.http_tokens", Expectation.OneOf("required")),
            Or(T("aws_launch_template", "metadata_options.*.http_endpoint", Expectation.OneOf("disabled"))),
            T("aws_launch_configuration", "metadata_options.*.http_tokens", Expectation.OneOf("required")),
            Or(T("aws_launch_configuration", "metadata_options.*.http_endpoint", Expectation.OneOf("disabled"))));
    }
}
