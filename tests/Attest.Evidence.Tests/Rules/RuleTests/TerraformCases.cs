namespace Attest.Evidence.Tests.Rules.RuleTests;

/// <summary>For every rule, one-file Terraform modules it passes and fails, with the line each finding must name.</summary>
internal static class TerraformCases
{
    private static RuleCase P(string rule, string resource, string marker, string text) => new(rule, RuleCase.Pass, resource, marker, text + "\n");

    private static RuleCase F(string rule, string resource, string marker, string text) => new(rule, RuleCase.Fail, resource, marker, text + "\n");

    public static IReadOnlyList<RuleCase> All { get; } =
    [
        // VAL-2.10: the provider 4+ split of a bucket's settings into resources that name it
        P("s3-public-access-block", "aws_s3_bucket.logs", "resource \"aws_s3_bucket_public_access_block\"", """
            resource "aws_s3_bucket" "logs" {
              bucket = "logs"
            }

            resource "aws_s3_bucket_public_access_block" "logs" {
              bucket                  = aws_s3_bucket.logs.id
              block_public_acls       = true
              block_public_policy     = true
              ignore_public_acls      = true
              restrict_public_buckets = true
            }
            """),
        F("s3-public-access-block", "aws_s3_bucket.logs", "resource \"aws_s3_bucket_public_access_block\"", """
            resource "aws_s3_bucket" "logs" {
              bucket = "logs"
            }

            resource "aws_s3_bucket_public_access_block" "logs" {
              bucket              = aws_s3_bucket.logs.id
              block_public_acls   = true
              block_public_policy = true
            }
            """),
        F("s3-public-access-block", "aws_s3_bucket.logs", "resource \"aws_s3_bucket\"", """
            resource "aws_s3_bucket" "logs" {
              bucket = "logs"
            }
            """),
        P("s3-no-public-acl", "aws_s3_bucket.site", "resource \"aws_s3_bucket\"", """
            resource "aws_s3_bucket" "site" {
              bucket = "site"
            }

            resource "aws_s3_bucket_acl" "site" {
              bucket = aws_s3_bucket.site.id
              acl    = "private"
            }
            """),
        F("s3-no-public-acl", "aws_s3_bucket.site", "resource \"aws_s3_bucket\"", """
            resource "aws_s3_bucket" "site" {
              bucket = "site"
            }

            resource "aws_s3_bucket_acl" "site" {
              bucket = aws_s3_bucket.site.id
              acl    = "public-read"
            }
            """),
        F("s3-no-public-acl", "aws_s3_bucket.site", "acl", """
            resource "aws_s3_bucket" "site" {
              bucket = "site"
              acl    = "public-read-write"
            }
            """),
        P("s3-policy-no-wildcard-principal", "aws_s3_bucket_policy.data", "policy =", """
            resource "aws_s3_bucket_policy" "data" {
              bucket = "data"
              policy = jsonencode({
                Statement = [{
                  Effect    = "Allow"
                  Principal = { AWS = "arn:aws:iam::111122223333:root" }
                  Action    = "s3:GetObject"
                  Resource  = "arn:aws:s3:::data/*"
                }]
              })
            }
            """),
        F("s3-policy-no-wildcard-principal", "aws_s3_bucket_policy.data", "policy =", """
            resource "aws_s3_bucket_policy" "data" {
              bucket = "data"
              policy = jsonencode({
                Statement = [{
                  Effect    = "Allow"
                  Principal = "*"
                  Action    = "s3:GetObject"
                  Resource  = "arn:aws:s3:::data/*"
                }]
              })
            }
            """),
        P("s3-public-alert", "aws_accessanalyzer_analyzer.account", "resource \"aws_accessanalyzer_analyzer\"", """
            resource "aws_s3_bucket" "data" {
              bucket = "data"
            }

            resource "aws_accessanalyzer_analyzer" "account" {
              analyzer_name = "account"
            }
            """),
        F("s3-public-alert", "aws_s3_bucket.data", "resource \"aws_s3_bucket\"", """
            resource "aws_s3_bucket" "data" {
              bucket = "data"
            }
            """),
        P("s3-default-encryption", "aws_s3_bucket.data", "resource \"aws_s3_bucket\"", """
            resource "aws_s3_bucket" "data" {
              bucket = "data"
            }

            resource "aws_s3_bucket_server_side_encryption_configuration" "data" {
              bucket = aws_s3_bucket.data.bucket
              rule {
                apply_server_side_encryption_by_default {
                  sse_algorithm = "aws:kms"
                }
              }
            }
            """),
        F("s3-default-encryption", "aws_s3_bucket.data", "resource \"aws_s3_bucket\"", """
            resource "aws_s3_bucket" "data" {
              bucket = "data"
            }
            """),
        P("s3-tls-only", "aws_s3_bucket.data", "resource \"aws_s3_bucket\"", """
            resource "aws_s3_bucket" "data" {
              bucket = "data"
            }

            resource "aws_s3_bucket_policy" "data" {
              bucket = aws_s3_bucket.data.id
              policy = jsonencode({
                Statement = [{
                  Effect    = "Deny"
                  Principal = "*"
                  Action    = "s3:*"
                  Resource  = ["${aws_s3_bucket.data.arn}", "${aws_s3_bucket.data.arn}/*"]
                  Condition = { Bool = { "aws:SecureTransport" = "false" } }
                }]
              })
            }
            """),
        F("s3-tls-only", "aws_s3_bucket.data", "resource \"aws_s3_bucket\"", """
            resource "aws_s3_bucket" "data" {
              bucket = "data"
            }
            """),
        P("s3-replication", "aws_s3_bucket.data", "resource \"aws_s3_bucket\"", """
            resource "aws_s3_bucket" "data" {
              bucket = "data"
            }

            resource "aws_s3_bucket_replication_configuration" "data" {
              bucket = aws_s3_bucket.data.id
              role   = "arn:aws:iam::111122223333:role/replication"
              rule {
                status = "Enabled"
                destination {
                  bucket = "arn:aws:s3:::data-eu-west-1"
                }
              }
            }
            """),
        F("s3-replication", "aws_s3_bucket.data", "resource \"aws_s3_bucket\"", """
            resource "aws_s3_bucket" "data" {
              bucket = "data"
            }
            """),

        // VAL-2.11
        P("rds-storage-encrypted", "aws_db_instance.db", "storage_encrypted", """
            resource "aws_db_instance" "db" {
              engine            = "postgres"
              storage_encrypted = true
            }
            """),
        F("rds-storage-encrypted", "aws_db_instance.db", "resource \"aws_db_instance\"", """
            resource "aws_db_instance" "db" {
              engine = "postgres"
            }
            """),
        P("ebs-encrypted", "aws_ebs_volume.data", "resource \"aws_ebs_volume\"", """
            resource "aws_ebs_volume" "data" {
              availability_zone = "eu-west-3a"
              size              = 100
              encrypted         = true
            }
            """),
        F("ebs-encrypted", "aws_instance.app", "resource \"aws_instance\"", """
            resource "aws_instance" "app" {
              ami = "ami-1"
              root_block_device {
                encrypted = false
              }
            }
            """),
        P("dynamodb-encrypted", "aws_dynamodb_table.orders", "enabled", """
            resource "aws_dynamodb_table" "orders" {
              name     = "orders"
              hash_key = "id"
              server_side_encryption {
                enabled = true
              }
            }
            """),
        F("dynamodb-encrypted", "aws_dynamodb_table.orders", "resource \"aws_dynamodb_table\"", """
            resource "aws_dynamodb_table" "orders" {
              name     = "orders"
              hash_key = "id"
            }
            """),
        P("efs-encrypted", "aws_efs_file_system.files", "encrypted", """
            resource "aws_efs_file_system" "files" {
              encrypted = true
            }
            """),
        F("efs-encrypted", "aws_efs_file_system.files", "resource \"aws_efs_file_system\"", """
            resource "aws_efs_file_system" "files" {
              creation_token = "files"
            }
            """),
        P("sqs-encrypted", "aws_sqs_queue.jobs", "kms_master_key_id", """
            resource "aws_sqs_queue" "jobs" {
              kms_master_key_id = "alias/aws/sqs"
            }
            """),
        F("sqs-encrypted", "aws_sqs_queue.jobs", "resource \"aws_sqs_queue\"", """
            resource "aws_sqs_queue" "jobs" {
              name = "jobs"
            }
            """),
        P("sns-encrypted", "aws_sns_topic.alerts", "kms_master_key_id", """
            resource "aws_sns_topic" "alerts" {
              kms_master_key_id = "alias/aws/sns"
            }
            """),
        F("sns-encrypted", "aws_sns_topic.alerts", "resource \"aws_sns_topic\"", """
            resource "aws_sns_topic" "alerts" {
              name = "alerts"
            }
            """),
        P("kinesis-encrypted", "aws_kinesis_stream.clicks", "resource \"aws_kinesis_stream\"", """
            resource "aws_kinesis_stream" "clicks" {
              shard_count     = 1
              encryption_type = "KMS"
              kms_key_id      = "alias/aws/kinesis"
            }
            """),
        F("kinesis-encrypted", "aws_kinesis_stream.clicks", "resource \"aws_kinesis_stream\"", """
            resource "aws_kinesis_stream" "clicks" {
              shard_count     = 1
              encryption_type = "NONE"
            }
            """),
        P("elasticache-encrypted", "aws_elasticache_replication_group.cache", "resource \"aws_elasticache_replication_group\"", """
            resource "aws_elasticache_replication_group" "cache" {
              replication_group_id       = "sessions"
              at_rest_encryption_enabled = true
              transit_encryption_enabled = true
            }
            """),
        F("elasticache-encrypted", "aws_elasticache_replication_group.cache", "resource \"aws_elasticache_replication_group\"", """
            resource "aws_elasticache_replication_group" "cache" {
              replication_group_id       = "sessions"
              transit_encryption_enabled = true
            }
            """),
        P("redshift-encrypted", "aws_redshift_cluster.warehouse", "encrypted", """
            resource "aws_redshift_cluster" "warehouse" {
              cluster_identifier = "warehouse"
              encrypted          = true
            }
            """),
        F("redshift-encrypted", "aws_redshift_cluster.warehouse", "encrypted", """
            resource "aws_redshift_cluster" "warehouse" {
              cluster_identifier = "warehouse"
              encrypted          = false
            }
            """),
        P("opensearch-encrypted", "aws_opensearch_domain.search", "resource \"aws_opensearch_domain\"", """
            resource "aws_opensearch_domain" "search" {
              domain_name = "search"
              encrypt_at_rest {
                enabled = true
              }
              node_to_node_encryption {
                enabled = true
              }
              domain_endpoint_options {
                enforce_https = true
              }
            }
            """),
        F("opensearch-encrypted", "aws_opensearch_domain.search", "resource \"aws_opensearch_domain\"", """
            resource "aws_opensearch_domain" "search" {
              domain_name = "search"
              encrypt_at_rest {
                enabled = true
              }
            }
            """),
        P("lb-https", "aws_lb_listener.https", "resource \"aws_lb_listener\"", """
            resource "aws_lb_listener" "https" {
              load_balancer_arn = "arn:aws:elasticloadbalancing:eu-west-3:111122223333:loadbalancer/app/web/1"
              protocol          = "HTTPS"
              ssl_policy        = "ELBSecurityPolicy-TLS13-1-2-2021-06"
              default_action {
                type             = "forward"
                target_group_arn = "arn:aws:elasticloadbalancing:eu-west-3:111122223333:targetgroup/web/1"
              }
            }
            """),
        P("lb-https", "aws_lb_listener.http", "resource \"aws_lb_listener\"", """
            resource "aws_lb_listener" "http" {
              load_balancer_arn = "arn:aws:elasticloadbalancing:eu-west-3:111122223333:loadbalancer/app/web/1"
              protocol          = "HTTP"
              default_action {
                type = "redirect"
                redirect {
                  protocol    = "HTTPS"
                  port        = "443"
                  status_code = "HTTP_301"
                }
              }
            }
            """),
        F("lb-https", "aws_alb_listener.http", "resource \"aws_alb_listener\"", """
            resource "aws_alb_listener" "http" {
              load_balancer_arn = "arn:aws:elasticloadbalancing:eu-west-3:111122223333:loadbalancer/app/web/1"
              protocol          = "HTTP"
              default_action {
                type             = "forward"
                target_group_arn = "arn:aws:elasticloadbalancing:eu-west-3:111122223333:targetgroup/web/1"
              }
            }
            """),
        P("cloudfront-https", "aws_cloudfront_distribution.cdn", "resource \"aws_cloudfront_distribution\"", """
            resource "aws_cloudfront_distribution" "cdn" {
              enabled = true
              default_cache_behavior {
                target_origin_id       = "site"
                viewer_protocol_policy = "redirect-to-https"
              }
            }
            """),
        F("cloudfront-https", "aws_cloudfront_distribution.cdn", "resource \"aws_cloudfront_distribution\"", """
            resource "aws_cloudfront_distribution" "cdn" {
              enabled = true
              default_cache_behavior {
                target_origin_id       = "site"
                viewer_protocol_policy = "redirect-to-https"
              }
              ordered_cache_behavior {
                path_pattern           = "/img/*"
                target_origin_id       = "img"
                viewer_protocol_policy = "allow-all"
              }
            }
            """),
        P("kms-rotation", "aws_kms_key.data", "enable_key_rotation", """
            resource "aws_kms_key" "data" {
              enable_key_rotation = true
            }
            """),
        F("kms-rotation", "aws_kms_key.data", "enable_key_rotation", """
            resource "aws_kms_key" "data" {
              enable_key_rotation = false
            }
            """),

        // VAL-2.4
        P("rds-multi-az", "aws_db_instance.db", "multi_az", """
            resource "aws_db_instance" "db" {
              engine   = "mysql"
              multi_az = true
            }
            """),
        F("rds-multi-az", "aws_db_instance.db", "resource \"aws_db_instance\"", """
            resource "aws_db_instance" "db" {
              engine = "mysql"
            }
            """),
        P("aurora-multi-az", "aws_rds_cluster.main", "resource \"aws_rds_cluster\"", """
            resource "aws_rds_cluster" "main" {
              engine = "aurora-postgresql"
            }

            resource "aws_rds_cluster_instance" "writer" {
              cluster_identifier = aws_rds_cluster.main.id
            }

            resource "aws_rds_cluster_instance" "reader" {
              cluster_identifier = aws_rds_cluster.main.id
            }
            """),
        F("aurora-multi-az", "aws_rds_cluster.main", "resource \"aws_rds_cluster\"", """
            resource "aws_rds_cluster" "main" {
              engine = "aurora-postgresql"
            }

            resource "aws_rds_cluster_instance" "writer" {
              cluster_identifier = aws_rds_cluster.main.id
            }
            """),
        P("multi-az-spread", "aws_autoscaling_group.web", "vpc_zone_identifier", """
            resource "aws_autoscaling_group" "web" {
              min_size            = 2
              max_size            = 4
              vpc_zone_identifier = ["subnet-a", "subnet-b"]
            }
            """),
        F("multi-az-spread", "aws_lb.web", "subnets", """
            resource "aws_lb" "web" {
              subnets = ["subnet-a"]
            }
            """),
        P("elb-cross-zone", "aws_elb.classic", "resource \"aws_elb\"", """
            resource "aws_elb" "classic" {
              name = "classic"
            }
            """),
        F("elb-cross-zone", "aws_elb.classic", "cross_zone_load_balancing", """
            resource "aws_elb" "classic" {
              name                      = "classic"
              cross_zone_load_balancing = false
            }
            """),

        // VAL-2.5
        P("dynamodb-pitr", "aws_dynamodb_table.orders", "enabled", """
            resource "aws_dynamodb_table" "orders" {
              name = "orders"
              point_in_time_recovery {
                enabled = true
              }
            }
            """),
        F("dynamodb-pitr", "aws_dynamodb_table.orders", "resource \"aws_dynamodb_table\"", """
            resource "aws_dynamodb_table" "orders" {
              name = "orders"
            }
            """),
        P("rds-backup-retention", "aws_rds_cluster.main", "backup_retention_period", """
            resource "aws_rds_cluster" "main" {
              engine                  = "aurora-mysql"
              backup_retention_period = 7
            }
            """),
        F("rds-backup-retention", "aws_db_instance.db", "backup_retention_period", """
            resource "aws_db_instance" "db" {
              engine                  = "mysql"
              backup_retention_period = 0
            }
            """),
        P("cross-region-recovery", "aws_dynamodb_table.orders", "resource \"aws_dynamodb_table\"", """
            resource "aws_dynamodb_table" "orders" {
              name = "orders"
              replica {
                region_name = "eu-west-1"
              }
            }
            """),
        F("cross-region-recovery", "aws_dynamodb_table.orders", "resource \"aws_dynamodb_table\"", """
            resource "aws_dynamodb_table" "orders" {
              name = "orders"
            }
            """),

        // VAL-2.7
        P("alarm-actions", "aws_cloudwatch_metric_alarm.errors", "resource \"aws_cloudwatch_metric_alarm\"", """
            resource "aws_cloudwatch_metric_alarm" "errors" {
              alarm_name    = "errors"
              alarm_actions = ["arn:aws:sns:eu-west-3:111122223333:ops"]
            }
            """),
        F("alarm-actions", "aws_cloudwatch_metric_alarm.errors", "resource \"aws_cloudwatch_metric_alarm\"", """
            resource "aws_cloudwatch_metric_alarm" "errors" {
              alarm_name      = "errors"
              alarm_actions   = ["arn:aws:sns:eu-west-3:111122223333:ops"]
              actions_enabled = false
            }
            """),
        P("log-retention", "aws_cloudwatch_log_group.app", "retention_in_days", """
            resource "aws_cloudwatch_log_group" "app" {
              retention_in_days = 90
            }
            """),
        F("log-retention", "aws_cloudwatch_log_group.app", "retention_in_days", """
            resource "aws_cloudwatch_log_group" "app" {
              retention_in_days = 0
            }
            """),
        P("rds-enhanced-monitoring", "aws_rds_cluster_instance.reader", "monitoring_interval", """
            resource "aws_rds_cluster_instance" "reader" {
              cluster_identifier  = "main"
              monitoring_interval = 30
            }
            """),
        F("rds-enhanced-monitoring", "aws_db_instance.db", "resource \"aws_db_instance\"", """
            resource "aws_db_instance" "db" {
              engine = "postgres"
            }
            """),
        P("vpc-flow-logs", "aws_vpc.main", "resource \"aws_vpc\"", """
            resource "aws_vpc" "main" {
              cidr_block = "10.0.0.0/16"
            }

            resource "aws_flow_log" "main" {
              vpc_id       = aws_vpc.main.id
              traffic_type = "ALL"
            }
            """),
        F("vpc-flow-logs", "aws_vpc.main", "resource \"aws_vpc\"", """
            resource "aws_vpc" "main" {
              cidr_block = "10.0.0.0/16"
            }
            """),
        P("cloudtrail-multi-region", "aws_cloudtrail.main", "resource \"aws_cloudtrail\"", """
            resource "aws_cloudtrail" "main" {
              name                       = "main"
              is_multi_region_trail      = true
              enable_log_file_validation = true
            }
            """),
        F("cloudtrail-multi-region", "aws_cloudtrail.main", "resource \"aws_cloudtrail\"", """
            resource "aws_cloudtrail" "main" {
              name                       = "main"
              enable_log_file_validation = true
            }
            """),
        P("alarm-coverage", "aws_sqs_queue.jobs", "resource \"aws_sqs_queue\"", """
            resource "aws_sqs_queue" "jobs" {
              name = "jobs"
            }

            resource "aws_cloudwatch_metric_alarm" "backlog" {
              alarm_name    = "backlog"
              alarm_actions = ["arn:aws:sns:eu-west-3:111122223333:ops"]
              dimensions = {
                QueueName = aws_sqs_queue.jobs.name
              }
            }
            """),
        F("alarm-coverage", "aws_lambda_function.api", "resource \"aws_lambda_function\"", """
            resource "aws_lambda_function" "api" {
              function_name = "api"
            }
            """),

        // VAL-2.12
        P("sg-no-public-admin-ports", "aws_security_group.web", "ingress {", """
            resource "aws_security_group" "web" {
              ingress {
                protocol    = "tcp"
                from_port   = 443
                to_port     = 443
                cidr_blocks = ["0.0.0.0/0"]
              }
            }
            """),
        F("sg-no-public-admin-ports", "aws_security_group_rule.ssh", "resource \"aws_security_group_rule\"", """
            resource "aws_security_group_rule" "ssh" {
              type              = "ingress"
              security_group_id = "sg-123"
              protocol          = "tcp"
              from_port         = 22
              to_port           = 22
              cidr_blocks       = ["0.0.0.0/0"]
            }
            """),
        F("sg-no-public-admin-ports", "aws_vpc_security_group_ingress_rule.rdp", "resource \"aws_vpc_security_group_ingress_rule\"", """
            resource "aws_vpc_security_group_ingress_rule" "rdp" {
              security_group_id = "sg-123"
              ip_protocol       = "tcp"
              from_port         = 3389
              to_port           = 3389
              cidr_ipv6         = "::/0"
            }
            """),
        P("sg-public-ingress-web-only", "aws_security_group.web", "ingress {", """
            resource "aws_security_group" "web" {
              ingress {
                protocol    = "tcp"
                from_port   = 443
                to_port     = 443
                cidr_blocks = ["0.0.0.0/0"]
              }
            }
            """),
        F("sg-public-ingress-web-only", "aws_vpc_security_group_ingress_rule.all", "resource \"aws_vpc_security_group_ingress_rule\"", """
            resource "aws_vpc_security_group_ingress_rule" "all" {
              security_group_id = "sg-123"
              ip_protocol       = "-1"
              cidr_ipv4         = "0.0.0.0/0"
            }
            """),
        P("rds-not-public", "aws_db_instance.db", "resource \"aws_db_instance\"", """
            resource "aws_db_instance" "db" {
              engine = "postgres"
            }
            """),
        F("rds-not-public", "aws_db_instance.db", "publicly_accessible", """
            resource "aws_db_instance" "db" {
              engine              = "postgres"
              publicly_accessible = true
            }
            """),
        P("subnet-no-public-ip", "aws_subnet.private", "resource \"aws_subnet\"", """
            resource "aws_subnet" "private" {
              vpc_id     = "vpc-1"
              cidr_block = "10.0.1.0/24"
            }
            """),
        F("subnet-no-public-ip", "aws_subnet.public", "map_public_ip_on_launch", """
            resource "aws_subnet" "public" {
              vpc_id                  = "vpc-1"
              cidr_block              = "10.0.0.0/24"
              map_public_ip_on_launch = true
            }
            """),
        P("instance-no-public-ip", "aws_launch_configuration.web", "associate_public_ip_address", """
            resource "aws_launch_configuration" "web" {
              image_id                    = "ami-1"
              associate_public_ip_address = false
            }
            """),
        F("instance-no-public-ip", "aws_instance.app", "associate_public_ip_address", """
            resource "aws_instance" "app" {
              ami                         = "ami-1"
              associate_public_ip_address = true
            }
            """),

        // VAL-2.2
        P("no-interactive-access", "aws_instance.app", "resource \"aws_instance\"", """
            resource "aws_instance" "app" {
              ami = "ami-1"
            }
            """),
        F("no-interactive-access", "aws_launch_template.app", "resource \"aws_launch_template\"", """
            resource "aws_launch_template" "app" {
              image_id = "ami-1"
              key_name = "ops"
            }
            """),
        P("iac-present", "", "resource \"aws_instance\"", """
            resource "aws_instance" "app" {
              ami = "ami-1"
            }
            """),
        P("ssm-session-manager", "aws_iam_role_policy_attachment.ssm", "policy_arn", """
            resource "aws_iam_role_policy_attachment" "ssm" {
              role       = "app"
              policy_arn = "arn:aws:iam::aws:policy/AmazonSSMManagedInstanceCore"
            }
            """),

        // VAL-2.9
        P("iam-no-admin", "aws_iam_policy.app", "policy =", """
            resource "aws_iam_policy" "app" {
              policy = jsonencode({
                Statement = [{ Effect = "Allow", Action = ["s3:GetObject"], Resource = "*" }]
              })
            }
            """),
        F("iam-no-admin", "aws_iam_policy.app", "policy =", """
            resource "aws_iam_policy" "app" {
              policy = jsonencode({
                Statement = [{ Effect = "Allow", Action = "*", Resource = "*" }]
              })
            }
            """),
        P("iam-no-service-wildcard", "aws_iam_role_policy.app", "policy =", """
            resource "aws_iam_role_policy" "app" {
              role   = "app"
              policy = jsonencode({
                Statement = [{ Effect = "Allow", Action = ["sqs:SendMessage"], Resource = "*" }]
              })
            }
            """),
        F("iam-no-service-wildcard", "aws_iam_role_policy.app", "policy =", """
            resource "aws_iam_role_policy" "app" {
              role   = "app"
              policy = jsonencode({
                Statement = [{ Effect = "Allow", Action = ["sqs:*"], Resource = "*" }]
              })
            }
            """),
        P("iam-passrole-wildcard", "aws_iam_policy.deploy", "policy =", """
            resource "aws_iam_policy" "deploy" {
              policy = jsonencode({
                Statement = [{ Effect = "Allow", Action = "iam:PassRole", Resource = "arn:aws:iam::111122223333:role/app" }]
              })
            }
            """),
        F("iam-passrole-wildcard", "aws_iam_policy.deploy", "policy =", """
            resource "aws_iam_policy" "deploy" {
              policy = jsonencode({
                Statement = [{ Effect = "Allow", Action = "iam:PassRole", Resource = "*" }]
              })
            }
            """),
        P("iam-privilege-escalation", "aws_iam_policy.deploy", "policy =", """
            resource "aws_iam_policy" "deploy" {
              policy = jsonencode({
                Statement = [{ Effect = "Allow", Action = "lambda:InvokeFunction", Resource = "*" }]
              })
            }
            """),
        F("iam-privilege-escalation", "aws_iam_policy.deploy", "policy =", """
            resource "aws_iam_policy" "deploy" {
              policy = jsonencode({
                Statement = [{ Effect = "Allow", Action = "iam:AttachRolePolicy", Resource = "*" }]
              })
            }
            """),
        P("iam-trust-no-wildcard", "aws_iam_role.app", "assume_role_policy", """
            resource "aws_iam_role" "app" {
              assume_role_policy = jsonencode({
                Statement = [{ Effect = "Allow", Principal = { Service = "ecs-tasks.amazonaws.com" }, Action = "sts:AssumeRole" }]
              })
            }
            """),
        F("iam-trust-no-wildcard", "aws_iam_role.app", "assume_role_policy", """
            resource "aws_iam_role" "app" {
              assume_role_policy = jsonencode({
                Statement = [{ Effect = "Allow", Principal = { AWS = "*" }, Action = "sts:AssumeRole" }]
              })
            }
            """),
        P("iam-no-allow-not-action", "aws_iam_policy.app", "policy =", """
            resource "aws_iam_policy" "app" {
              policy = jsonencode({
                Statement = [{ Effect = "Deny", NotAction = ["iam:ChangePassword"], Resource = "*" }]
              })
            }
            """),
        F("iam-no-allow-not-action", "aws_iam_policy.app", "policy =", """
            resource "aws_iam_policy" "app" {
              policy = jsonencode({
                Statement = [{ Effect = "Allow", NotAction = ["iam:*"], Resource = "*" }]
              })
            }
            """),
        P("iam-no-allow-not-resource", "aws_iam_policy.app", "policy =", """
            resource "aws_iam_policy" "app" {
              policy = jsonencode({
                Statement = [{ Effect = "Allow", Action = ["dynamodb:GetItem"], Resource = "arn:aws:dynamodb:eu-west-3:111122223333:table/orders" }]
              })
            }
            """),
        F("iam-no-allow-not-resource", "aws_iam_policy.app", "policy =", """
            data "aws_iam_policy_document" "app" {
              statement {
                actions       = ["dynamodb:GetItem"]
                not_resources = ["arn:aws:dynamodb:eu-west-3:111122223333:table/payroll"]
              }
            }

            resource "aws_iam_policy" "app" {
              policy = data.aws_iam_policy_document.app.json
            }
            """),
        P("iam-trust-external-id", "aws_iam_role.vendor", "assume_role_policy", """
            resource "aws_iam_role" "vendor" {
              assume_role_policy = jsonencode({
                Statement = [{
                  Effect    = "Allow"
                  Principal = { AWS = "arn:aws:iam::444455556666:root" }
                  Action    = "sts:AssumeRole"
                  Condition = { StringEquals = { "sts:ExternalId" = "b9f1c2d4-vendor" } }
                }]
              })
            }
            """),
        F("iam-trust-external-id", "aws_iam_role.vendor", "assume_role_policy", """
            resource "aws_iam_role" "vendor" {
              assume_role_policy = jsonencode({
                Statement = [{ Effect = "Allow", Principal = { AWS = "444455556666" }, Action = "sts:AssumeRole" }]
              })
            }
            """),
        P("resource-policy-not-public", "aws_sns_topic_policy.events", "policy =", """
            resource "aws_sns_topic_policy" "events" {
              arn = "arn:aws:sns:eu-west-3:111122223333:events"
              policy = jsonencode({
                Statement = [{
                  Effect    = "Allow"
                  Principal = { AWS = "*" }
                  Action    = "sns:Publish"
                  Resource  = "arn:aws:sns:eu-west-3:111122223333:events"
                  Condition = { StringEquals = { "aws:SourceAccount" = "111122223333" } }
                }]
              })
            }
            """),
        F("resource-policy-not-public", "aws_sqs_queue_policy.orders", "policy =", """
            resource "aws_sqs_queue_policy" "orders" {
              queue_url = "https://sqs.eu-west-3.amazonaws.com/111122223333/orders"
              policy = jsonencode({
                Statement = [{ Effect = "Allow", Principal = "*", Action = "sqs:SendMessage", Resource = "*" }]
              })
            }
            """),
        F("iam-no-user-policies", "aws_iam_user_policy_attachment.alice", "resource \"aws_iam_user_policy_attachment\"", """
            resource "aws_iam_user_policy_attachment" "alice" {
              user       = "alice"
              policy_arn = "arn:aws:iam::aws:policy/ReadOnlyAccess"
            }
            """),
    ];
}
