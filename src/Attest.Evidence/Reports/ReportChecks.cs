using Attest.Evidence.Rules;

namespace Attest.Evidence.Reports;

/// <summary>
/// Where another tool's check lands among our topics: through the equivalents our rules name (checkov ids, AWS Config /
/// Guard rule names), then through the reviewed table below for Prowler checks and Security Hub controls, whose ids our
/// rules do not name. A check found in neither is unknown: it is listed, never guessed.
/// </summary>
public static class ReportChecks
{
    /// <summary>The topic of account-level checks no rule of ours judges from code, but our CloudTrail analysis does (root usage).</summary>
    public const string RootUsage = "root-usage";

    /// <summary>
    /// Prowler check ids and Security Hub control ids (<c>securityhub:S3.5</c>) with the rule of ours that checks the same
    /// thing, or, for account-level checks, the topic they feed (written <c>topic:root-usage</c>).
    /// </summary>
    public static IReadOnlyDictionary<string, string> Table { get; } = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase)
    {
        // Root user and the trail that records it: the same topic as the CloudTrail analysis
        ["prowler:iam_avoid_root_usage"] = "topic:" + RootUsage,
        ["prowler:iam_root_mfa_enabled"] = "topic:" + RootUsage,
        ["prowler:iam_root_hardware_mfa_enabled"] = "topic:" + RootUsage,
        ["prowler:iam_no_root_access_key"] = "topic:" + RootUsage,
        ["prowler:cloudtrail_multi_region_enabled"] = "topic:" + RootUsage,
        ["prowler:cloudtrail_multi_region_enabled_logging_management_events"] = "topic:" + RootUsage,
        ["securityhub:IAM.4"] = "topic:" + RootUsage,
        ["securityhub:IAM.6"] = "topic:" + RootUsage,
        ["securityhub:IAM.9"] = "topic:" + RootUsage,
        ["securityhub:CloudTrail.1"] = "topic:" + RootUsage,
        ["config:ROOT_ACCOUNT_MFA_ENABLED"] = "topic:" + RootUsage,
        ["config:ROOT_ACCOUNT_HARDWARE_MFA_ENABLED"] = "topic:" + RootUsage,
        ["config:IAM_ROOT_ACCESS_KEY_CHECK"] = "topic:" + RootUsage,

        // Prowler checks with the same meaning as a rule of ours
        ["prowler:s3_bucket_default_encryption"] = "s3-default-encryption",
        ["prowler:s3_bucket_secure_transport_policy"] = "s3-tls-only",
        ["prowler:s3_bucket_level_public_access_block"] = "s3-public-access-block",
        ["prowler:s3_bucket_public_access"] = "s3-public-access-block",
        ["prowler:s3_bucket_versioning_enabled"] = "s3-versioning",
        ["prowler:s3_bucket_server_access_logging_enabled"] = "s3-access-logging",
        ["prowler:s3_bucket_cross_region_replication"] = "s3-replication",
        ["prowler:rds_instance_storage_encrypted"] = "rds-storage-encrypted",
        ["prowler:rds_instance_no_public_access"] = "rds-not-public",
        ["prowler:rds_instance_multi_az"] = "rds-multi-az",
        ["prowler:rds_instance_backup_enabled"] = "rds-backup-retention",
        ["prowler:rds_instance_deletion_protection"] = "rds-deletion-protection",
        ["prowler:rds_instance_enhanced_monitoring_enabled"] = "rds-enhanced-monitoring",
        ["prowler:ec2_ebs_volume_encryption"] = "ebs-encrypted",
        ["prowler:ec2_instance_imdsv2_enabled"] = "imdsv2-required",
        ["prowler:ec2_instance_public_ip"] = "instance-no-public-ip",
        ["prowler:ec2_securitygroup_allow_ingress_from_internet_to_tcp_port_22"] = "sg-no-public-admin-ports",
        ["prowler:ec2_securitygroup_allow_ingress_from_internet_to_port_3389"] = "sg-no-public-admin-ports",
        ["prowler:ec2_securitygroup_allow_ingress_from_internet_to_all_ports"] = "sg-no-public-admin-ports",
        ["prowler:vpc_flow_logs_enabled"] = "vpc-flow-logs",
        ["prowler:kms_cmk_rotation_enabled"] = "kms-rotation",
        ["prowler:dynamodb_tables_pitr_enabled"] = "dynamodb-pitr",
        ["prowler:efs_encryption_at_rest_enabled"] = "efs-encrypted",
        ["prowler:sqs_queues_server_side_encryption_enabled"] = "sqs-encrypted",
        ["prowler:sns_topics_kms_encryption_at_rest_enabled"] = "sns-encrypted",
        ["prowler:cloudtrail_log_file_validation_enabled"] = "cloudtrail-multi-region",
        ["prowler:cloudtrail_kms_encryption_enabled"] = "cloudtrail-cmk",
        ["prowler:cloudtrail_cloudwatch_logging_enabled"] = "cloudtrail-cloudwatch",
        ["prowler:cloudwatch_log_group_retention_policy_specific_days_enabled"] = "log-retention",
        ["prowler:cloudwatch_log_group_kms_encryption_enabled"] = "log-group-cmk",
        ["prowler:eks_cluster_not_publicly_accessible"] = "eks-endpoint-private",
        ["prowler:eks_cluster_kms_cmk_encryption_in_secrets_enabled"] = "eks-secrets-encrypted",
        ["prowler:eks_control_plane_logging_all_types_enabled"] = "eks-control-plane-logging",
        ["prowler:apigateway_restapi_logging_enabled"] = "apigw-access-logs",
        ["prowler:apigateway_restapi_tracing_enabled"] = "apigw-tracing",
        ["prowler:cloudfront_distributions_https_enabled"] = "cloudfront-https",
        ["prowler:cloudfront_distributions_logging_enabled"] = "cloudfront-logging",
        ["prowler:elbv2_logging_enabled"] = "elbv2-access-logs",
        ["prowler:elb_logging_enabled"] = "elb-access-logs",
        ["prowler:redshift_cluster_public_access"] = "rds-not-public",
        ["prowler:redshift_cluster_audit_logging"] = "redshift-audit-logging",
        ["prowler:opensearch_service_domains_encryption_at_rest_enabled"] = "opensearch-encrypted",
        ["prowler:opensearch_service_domains_not_publicly_accessible"] = "opensearch-in-vpc",
        ["prowler:secretsmanager_automatic_rotation_enabled"] = "secrets-rotation",
        ["prowler:ecr_repositories_scan_images_on_push_enabled"] = "ecr-scan-on-push",
        ["prowler:documentdb_cluster_storage_encrypted"] = "docdb-encrypted",
        ["prowler:neptune_cluster_storage_encrypted"] = "neptune-encrypted",
        ["prowler:kinesis_stream_encrypted_at_rest"] = "kinesis-encrypted",
        ["prowler:dms_instance_no_public_access"] = "dms-not-public",
        ["prowler:mq_broker_not_publicly_accessible"] = "mq-not-public",
        ["prowler:sagemaker_notebook_instance_without_direct_internet_access_configured"] = "sagemaker-notebook-no-internet",
        ["prowler:workspaces_volume_encryption_enabled"] = "workspaces-encrypted",

        // Security Hub controls (AWS Foundational Security Best Practices) with the same meaning as a rule of ours
        ["securityhub:S3.5"] = "s3-tls-only",
        ["securityhub:S3.8"] = "s3-public-access-block",
        ["securityhub:S3.9"] = "s3-access-logging",
        ["securityhub:S3.14"] = "s3-versioning",
        ["securityhub:RDS.2"] = "rds-not-public",
        ["securityhub:RDS.3"] = "rds-storage-encrypted",
        ["securityhub:RDS.5"] = "rds-multi-az",
        ["securityhub:EC2.3"] = "ebs-encrypted",
        ["securityhub:EC2.8"] = "imdsv2-required",
        ["securityhub:EC2.6"] = "vpc-flow-logs",
        ["securityhub:KMS.4"] = "kms-rotation",
        ["securityhub:DynamoDB.2"] = "dynamodb-pitr",
        ["securityhub:EFS.1"] = "efs-encrypted",
        ["securityhub:CloudTrail.2"] = "cloudtrail-cmk",
        ["securityhub:CloudTrail.4"] = "cloudtrail-multi-region",
        ["securityhub:CloudTrail.5"] = "cloudtrail-cloudwatch",
        ["securityhub:Lambda.7"] = "lambda-tracing",
        ["securityhub:ECR.1"] = "ecr-scan-on-push",
        ["securityhub:ECR.2"] = "ecr-immutable-tags",
        ["securityhub:EKS.1"] = "eks-endpoint-private",
        ["securityhub:EKS.8"] = "eks-control-plane-logging",
        ["securityhub:SecretsManager.1"] = "secrets-rotation",
        ["securityhub:DMS.1"] = "dms-not-public",
        ["securityhub:SageMaker.2"] = "sagemaker-notebook-no-internet",
    };

    private static readonly Lazy<Dictionary<string, IacRule>> ByEquivalent = new(() =>
    {
        var map = new Dictionary<string, IacRule>(StringComparer.OrdinalIgnoreCase);
        foreach (var rule in RuleSet.All)
        {
            foreach (var name in rule.Documentation.Equivalents)
            {
                map.TryAdd(name, rule);
            }
        }

        return map;
    });

    /// <summary>
    /// The topic (and our rule, when one checks the same thing) of <paramref name="tool"/>'s check <paramref name="id"/>
    /// (<c>checkov</c>, <c>prowler</c>, <c>securityhub</c>, <c>config</c> for an AWS Config rule name); null when unknown.
    /// </summary>
    public static (string Topic, IacRule? Rule)? Find(string tool, string id)
    {
        if (Table.TryGetValue(tool + ":" + id, out var target))
        {
            return target.Length == 0 ? null
                : target.StartsWith("topic:", StringComparison.Ordinal) ? (target["topic:".Length..], null)
                : RuleSet.Find(target) is { } rule ? (rule.Documentation.Topic, rule) : null;
        }

        // checkov ids and AWS Config / Guard rule names are the equivalents our rules name
        return tool is "checkov" or "config" && ByEquivalent.Value.TryGetValue(id, out var found) ? (found.Documentation.Topic, found) : null;
    }

    /// <summary>The AWS Config rule name behind a Security Hub control's Config rule (<c>securityhub-s3-bucket-ssl-requests-only-a1b2c3</c> → <c>S3_BUCKET_SSL_REQUESTS_ONLY</c>).</summary>
    public static string? ConfigRuleName(string configRule)
    {
        var name = configRule.StartsWith("securityhub-", StringComparison.OrdinalIgnoreCase) ? configRule["securityhub-".Length..] : configRule;
        var dash = name.LastIndexOf('-');
        // Security Hub appends a random suffix of letters and digits
        if (dash > 0 && name[(dash + 1)..].Any(char.IsDigit))
        {
            name = name[..dash];
        }

        return name.Length == 0 ? null : name.Replace('-', '_').ToUpperInvariant();
    }
}
