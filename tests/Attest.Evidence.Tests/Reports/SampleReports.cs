namespace Attest.Evidence.Tests.Reports;

/// <summary>Reports as the tools write them (shapes taken from their documented outputs), small enough to read.</summary>
internal static class SampleReports
{
    /// <summary><c>checkov -d . -o json</c> over a CloudFormation template and a Terraform module: an array, one object per framework.</summary>
    public const string CheckovJson = """
        [
          {
            "check_type": "cloudformation",
            "results": {
              "passed_checks": [
                {
                  "check_id": "CKV_AWS_19",
                  "bc_check_id": "BC_AWS_S3_14",
                  "check_name": "Ensure the S3 bucket has server-side-encryption enabled",
                  "check_result": { "result": "PASSED", "evaluated_keys": ["Properties/BucketEncryption"] },
                  "file_path": "/template.yaml",
                  "file_line_range": [4, 12],
                  "resource": "AWS::S3::Bucket.Assets",
                  "check_class": "checkov.cloudformation.checks.resource.aws.S3Encryption",
                  "severity": null
                }
              ],
              "failed_checks": [
                {
                  "check_id": "CKV_AWS_74",
                  "check_name": "Ensure DocDB is encrypted at rest (default is unencrypted)",
                  "check_result": { "result": "FAILED" },
                  "file_path": "/template.yaml",
                  "file_line_range": [14, 20],
                  "resource": "AWS::DocDB::DBCluster.Catalog",
                  "severity": "HIGH"
                },
                {
                  "check_id": "CKV_AWS_999",
                  "check_name": "A check Attest has no equivalent for",
                  "check_result": { "result": "FAILED" },
                  "file_path": "/template.yaml",
                  "file_line_range": [22, 25],
                  "resource": "AWS::SNS::Topic.Alerts"
                }
              ],
              "skipped_checks": [],
              "parsing_errors": []
            },
            "summary": { "passed": 1, "failed": 2, "skipped": 0, "parsing_errors": 0, "resource_count": 3, "checkov_version": "3.2.0" }
          },
          {
            "check_type": "terraform",
            "results": {
              "passed_checks": [],
              "failed_checks": [
                {
                  "check_id": "CKV_AWS_79",
                  "check_name": "Ensure Instance Metadata Service Version 1 is not enabled",
                  "check_result": { "result": "FAILED" },
                  "file_path": "/infra/main.tf",
                  "file_line_range": [1, 9],
                  "resource": "module.web.aws_instance.app"
                }
              ],
              "skipped_checks": [],
              "parsing_errors": []
            },
            "summary": { "passed": 0, "failed": 1, "skipped": 0, "parsing_errors": 0, "resource_count": 1, "checkov_version": "3.2.0" }
          }
        ]
        """;

    /// <summary><c>checkov -o sarif</c>: failures only, rules described by the driver.</summary>
    public const string CheckovSarif = """
        {
          "$schema": "https://raw.githubusercontent.com/oasis-tcs/sarif-spec/master/Schemata/sarif-schema-2.1.0.json",
          "version": "2.1.0",
          "runs": [
            {
              "tool": {
                "driver": {
                  "name": "Checkov",
                  "version": "3.2.0",
                  "rules": [
                    { "id": "CKV_AWS_18", "name": "Ensure the S3 bucket has access logging enabled", "shortDescription": { "text": "Ensure the S3 bucket has access logging enabled" } },
                    { "id": "CKV_AWS_131", "name": "Ensure that ALB drops HTTP headers", "shortDescription": { "text": "Ensure that ALB drops HTTP headers" } }
                  ]
                }
              },
              "results": [
                {
                  "ruleId": "CKV_AWS_18",
                  "ruleIndex": 0,
                  "level": "error",
                  "message": { "text": "Ensure the S3 bucket has access logging enabled" },
                  "locations": [ { "physicalLocation": { "artifactLocation": { "uri": "template.yaml" }, "region": { "startLine": 4, "endLine": 12 } } } ]
                },
                {
                  "ruleId": "CKV_AWS_131",
                  "ruleIndex": 1,
                  "level": "error",
                  "message": { "text": "Ensure that ALB drops HTTP headers" },
                  "locations": [ { "physicalLocation": { "artifactLocation": { "uri": "lb.yaml" }, "region": { "startLine": 3 } } } ]
                }
              ]
            }
          ]
        }
        """;

    /// <summary><c>prowler aws -M json-ocsf</c>: an array of OCSF Detection Findings.</summary>
    public const string ProwlerOcsf = """
        [
          {
            "message": "Root account has MFA enabled.",
            "metadata": {
              "event_code": "iam_root_mfa_enabled",
              "product": { "name": "Prowler", "uid": "prowler", "vendor_name": "Prowler", "version": "4.2.0" },
              "profiles": ["cloud", "datetime"],
              "tenant_uid": "",
              "version": "1.2.0"
            },
            "severity_id": 5,
            "severity": "Critical",
            "status": "New",
            "status_code": "PASS",
            "status_detail": "Root account has MFA enabled.",
            "status_id": 1,
            "activity_name": "Create",
            "finding_info": { "created_time": 1733500000, "desc": "Ensure MFA is enabled for the root account", "title": "Ensure MFA is enabled for the root account", "uid": "prowler-aws-iam_root_mfa_enabled-111122223333-us-east-1-root" },
            "resources": [ { "cloud_partition": "aws", "region": "us-east-1", "data": { "details": "" }, "group": { "name": "iam" }, "labels": [], "name": "<root_account>", "type": "AwsIamUser", "uid": "arn:aws:iam::111122223333:root" } ],
            "category_name": "Findings",
            "class_name": "Detection Finding",
            "cloud": { "account": { "name": "", "type": "AWS Account", "type_id": 10, "uid": "111122223333", "labels": [] }, "org": { "name": "", "uid": "" }, "provider": "aws", "region": "us-east-1" },
            "type_uid": 200401
          },
          {
            "message": "S3 Bucket shop-assets does not have default encryption enabled.",
            "metadata": { "event_code": "s3_bucket_default_encryption", "product": { "name": "Prowler", "vendor_name": "Prowler", "version": "4.2.0" } },
            "severity": "Medium",
            "status_code": "FAIL",
            "finding_info": { "title": "Check if S3 buckets have default encryption (SSE) enabled or use a bucket policy to enforce it.", "uid": "prowler-aws-s3_bucket_default_encryption-111122223333-eu-west-3-shop-assets" },
            "resources": [ { "region": "eu-west-3", "name": "shop-assets", "type": "AwsS3Bucket", "uid": "arn:aws:s3:::shop-assets" } ],
            "cloud": { "account": { "uid": "111122223333" }, "provider": "aws", "region": "eu-west-3" }
          },
          {
            "message": "Trail management-events is multiregion and it is logging.",
            "metadata": { "event_code": "cloudtrail_multi_region_enabled", "product": { "name": "Prowler" } },
            "severity": "High",
            "status_code": "PASS",
            "finding_info": { "title": "Ensure CloudTrail is enabled in all regions" },
            "resources": [ { "region": "eu-west-3", "type": "AwsCloudTrailTrail", "uid": "arn:aws:cloudtrail:eu-west-3:111122223333:trail/management-events" } ],
            "cloud": { "account": { "uid": "111122223333" }, "region": "eu-west-3" }
          },
          {
            "message": "Macie is not enabled.",
            "metadata": { "event_code": "macie_is_enabled", "product": { "name": "Prowler" } },
            "severity": "Low",
            "status_code": "FAIL",
            "finding_info": { "title": "Check if Amazon Macie is enabled." },
            "resources": [ { "region": "eu-west-3", "type": "Other", "uid": "arn:aws:macie:eu-west-3:111122223333:session" } ],
            "cloud": { "account": { "uid": "111122223333" }, "region": "eu-west-3" }
          }
        ]
        """;

    /// <summary><c>aws securityhub get-findings</c>: Findings in ASFF, one by control id, one through its Config rule, one about the root user.</summary>
    public const string SecurityHubAsff = """
        {
          "Findings": [
            {
              "SchemaVersion": "2018-10-08",
              "Id": "arn:aws:securityhub:eu-west-3:111122223333:security-control/S3.5/finding/0f1e2d3c",
              "ProductArn": "arn:aws:securityhub:eu-west-3::product/aws/securityhub",
              "GeneratorId": "security-control/S3.5",
              "AwsAccountId": "111122223333",
              "Region": "eu-west-3",
              "Types": ["Software and Configuration Checks/Industry and Regulatory Standards"],
              "Title": "S3 general purpose buckets should require requests to use SSL",
              "Severity": { "Label": "MEDIUM", "Normalized": 40 },
              "ProductFields": { "RelatedAWSResources:0/name": "securityhub-s3-bucket-ssl-requests-only-5f6e7d8c", "RelatedAWSResources:0/type": "AWS::Config::ConfigRule" },
              "Resources": [ { "Type": "AwsS3Bucket", "Id": "arn:aws:s3:::shop-assets", "Partition": "aws", "Region": "eu-west-3" } ],
              "Compliance": { "Status": "FAILED", "SecurityControlId": "S3.5" },
              "RecordState": "ACTIVE",
              "Workflow": { "Status": "NEW" }
            },
            {
              "SchemaVersion": "2018-10-08",
              "Id": "arn:aws:securityhub:eu-west-3:111122223333:subscription/aws-foundational-security-best-practices/v/1.0.0/RDS.99/finding/1a2b",
              "ProductArn": "arn:aws:securityhub:eu-west-3::product/aws/securityhub",
              "GeneratorId": "aws-foundational-security-best-practices/v/1.0.0/RDS.99",
              "AwsAccountId": "111122223333",
              "Region": "eu-west-3",
              "Title": "RDS DB instances should have encryption at-rest enabled",
              "Severity": { "Label": "MEDIUM" },
              "ProductFields": { "RelatedAWSResources:0/name": "securityhub-rds-storage-encrypted-a1b2c3d4", "RelatedAWSResources:0/type": "AWS::Config::ConfigRule" },
              "Resources": [ { "Type": "AwsRdsDbInstance", "Id": "arn:aws:rds:eu-west-3:111122223333:db:orders", "Region": "eu-west-3" } ],
              "Compliance": { "Status": "PASSED" },
              "RecordState": "ACTIVE"
            },
            {
              "SchemaVersion": "2018-10-08",
              "Id": "arn:aws:securityhub:us-east-1:111122223333:security-control/IAM.9/finding/9z8y",
              "ProductArn": "arn:aws:securityhub:us-east-1::product/aws/securityhub",
              "GeneratorId": "security-control/IAM.9",
              "AwsAccountId": "111122223333",
              "Region": "us-east-1",
              "Title": "MFA should be enabled for the root user",
              "Severity": { "Label": "CRITICAL" },
              "Resources": [ { "Type": "AwsAccount", "Id": "AWS::::Account:111122223333", "Region": "us-east-1" } ],
              "Compliance": { "Status": "FAILED", "SecurityControlId": "IAM.9" },
              "RecordState": "ACTIVE"
            },
            {
              "SchemaVersion": "2018-10-08",
              "Id": "arn:aws:securityhub:eu-west-3:111122223333:security-control/Macie.1/finding/7x",
              "ProductArn": "arn:aws:securityhub:eu-west-3::product/aws/securityhub",
              "GeneratorId": "security-control/Macie.1",
              "AwsAccountId": "111122223333",
              "Region": "eu-west-3",
              "Title": "Amazon Macie should be enabled",
              "Severity": { "Label": "MEDIUM" },
              "Resources": [ { "Type": "AwsAccount", "Id": "AWS::::Account:111122223333" } ],
              "Compliance": { "Status": "FAILED", "SecurityControlId": "Macie.1" },
              "RecordState": "ACTIVE"
            }
          ],
          "NextToken": null
        }
        """;
}
