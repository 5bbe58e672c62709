using Attest.Core.Findings;
using Attest.Core.Text;
using Attest.Evidence.CloudFormation;
using Attest.Evidence.Rules;
using Attest.Evidence.Rules.Table;

namespace Attest.Evidence.Tests.Rules.Table;

/// <summary>The rule table: every row judged on templates and modules written from it, and a few hand-written cases of the evaluator's forms.</summary>
public sealed class TableRuleTests
{
    private static readonly Dictionary<string, RowCases.Case> Cases = RuleTable.Rows.SelectMany(RowCases.Of)
        .ToDictionary(c => $"{c.Row} {c.Type} {c.Name}", StringComparer.Ordinal);

    public static TheoryData<string> CaseNames() => [.. Cases.Keys];

    [Theory]
    [MemberData(nameof(CaseNames))]
    public void A_row_passes_its_good_case_and_fails_its_bad_ones(string name)
    {
        var c = Cases[name];
        var document = c.Framework == "cloudformation"
            ? RuleHarness.Cfn(c.Text)
            : RuleHarness.Tf(c.Text);
        var finding = RuleHarness.On(c.Row, document, c.Resource);
        Assert.True(finding.Outcome == (c.Good ? FindingOutcome.Pass : FindingOutcome.Fail), $"{name}: {finding.Outcome}: {finding.Message.In(Language.En)}\n{c.Text}");
        Assert.Equal(c.Type, finding.ResourceType);
        Assert.Equal(c.Framework, finding.Framework);
        RuleHarness.Bilingual(finding);
    }

    [Fact]
    public void Every_row_covers_both_frameworks_is_documented_and_has_a_known_topic_and_family()
    {
        Assert.True(RuleTable.Rows.Count >= 50, $"only {RuleTable.Rows.Count} rows");
        foreach (var row in RuleTable.Rows)
        {
            Assert.True(Topics.IsKnown(row.Topic), $"{row.Id}: {row.Topic}");
            Assert.True(RuleFamilies.All.ContainsKey(row.Family), $"{row.Id}: {row.Family}");
            Assert.NotEqual(row.Title.En, row.Title.Fr);
            Assert.NotEqual(row.Description.En, row.Description.Fr);
            // ECS container definitions are one JSON text in Terraform (jsonencode), not attributes the table reads
            if (row.Id != "ecs-container-logging")
            {
                Assert.Contains(row.Targets, t => t.Framework == "terraform");
            }

            // A few services have no CloudFormation resource for the setting (AMI launch permissions, snapshot sharing)
            if (!row.Targets.All(t => t.Type is "aws_ami_launch_permission" or "aws_snapshot_create_volume_permission"))
            {
                Assert.Contains(row.Targets, t => t.Framework == "cloudformation");
            }

            Assert.NotNull(RuleSet.Find(row.Id));
            Assert.False(row.Targets[0].Or, $"{row.Id}: the first target is an alternative to nothing");
        }

        Assert.All(RuleFamilies.All.Keys, f => Assert.Contains(RuleTable.Rows, r => r.Family == f));
    }

    [Fact]
    public void Every_row_has_a_good_and_a_bad_case_in_each_of_its_frameworks()
    {
        foreach (var row in RuleTable.Rows)
        {
            foreach (var framework in row.Targets.Select(t => t.Framework).Distinct())
            {
                Assert.Contains(Cases.Values, c => c.Row == row.Id && c.Framework == framework && c.Good);
                Assert.Contains(Cases.Values, c => c.Row == row.Id && c.Framework == framework && !c.Good);
            }
        }
    }

    [Fact]
    public void A_customer_managed_key_variant_does_not_let_its_looser_row_claim_the_stricter_check()
    {
        var loose = RuleSet.Find("dynamodb-encrypted")!.Documentation.Equivalents;
        var strict = RuleSet.Find("dynamodb-cmk")!.Documentation.Equivalents;
        Assert.DoesNotContain("CKV_AWS_119", loose);
        Assert.Contains("CKV_AWS_119", strict);
        // No check is claimed by two rules of which one is a customer managed key variant
        var cmk = RuleTable.Rows.Where(r => r.Family == "customer-managed-key").SelectMany(r => r.Equivalents).ToHashSet(StringComparer.Ordinal);
        foreach (var rule in RuleSet.All.Where(r => r is not TableRule { Row.Family: "customer-managed-key" }))
        {
            Assert.DoesNotContain(rule.Documentation.Equivalents, cmk.Contains);
        }
    }

    [Fact]
    public void A_split_terraform_bucket_setting_is_read_from_the_resource_that_names_the_bucket()
    {
        var document = RuleHarness.Tf("""
            resource "aws_s3_bucket" "data" {
              bucket = "data"
            }

            resource "aws_s3_bucket" "plain" {
              bucket = "plain"
            }

            resource "aws_s3_bucket_versioning" "data" {
              bucket = aws_s3_bucket.data.id
              versioning_configuration {
                status = "Enabled"
              }
            }
            """);
        Assert.Equal(FindingOutcome.Pass, RuleHarness.On("s3-versioning", document, "aws_s3_bucket.data").Outcome);
        Assert.Equal(FindingOutcome.Fail, RuleHarness.On("s3-versioning", document, "aws_s3_bucket.plain").Outcome);
    }

    [Fact]
    public void An_alternative_passes_when_the_first_form_is_absent()
    {
        var document = RuleHarness.Cfn("""
            Resources:
              Kafka:
                Type: AWS::MSK::Cluster
                Properties:
                  LoggingInfo:
                    BrokerLogs:
                      S3:
                        Enabled: true
                        Bucket: logs
              Quiet:
                Type: AWS::MSK::Cluster
                Properties:
                  LoggingInfo:
                    BrokerLogs:
                      CloudWatchLogs:
                        Enabled: false
            """);
        Assert.Equal(FindingOutcome.Pass, RuleHarness.On("msk-broker-logging", document, "Kafka").Outcome);
        Assert.Equal(FindingOutcome.Fail, RuleHarness.On("msk-broker-logging", document, "Quiet").Outcome);
    }

    [Fact]
    public void A_parameter_without_default_leaves_the_row_undecided_and_a_default_is_named_as_the_source()
    {
        var document = RuleHarness.Cfn("""
            Parameters:
              Encrypt:
                Type: String
              Public:
                Type: String
                Default: "false"
            Resources:
              Docs:
                Type: AWS::DocDB::DBCluster
                Properties:
                  StorageEncrypted: !Ref Encrypt
              Migration:
                Type: AWS::DMS::ReplicationInstance
                Properties:
                  PubliclyAccessible: !Ref Public
            """);
        Assert.Equal(FindingOutcome.Unknown, RuleHarness.On("docdb-encrypted", document, "Docs").Outcome);
        var migration = RuleHarness.On("dms-not-public", document, "Migration");
        Assert.Equal(FindingOutcome.Pass, migration.Outcome);
        Assert.Equal("default", migration.Source);
    }

    [Fact]
    public void A_condition_that_does_not_hold_leaves_the_resource_unjudged()
    {
        var document = RuleHarness.Cfn("""
            Resources:
              Memcached:
                Type: AWS::ElastiCache::CacheCluster
                Properties:
                  Engine: memcached
                  CacheNodeType: cache.t3.micro
                  NumCacheNodes: 1
              Redis:
                Type: AWS::ElastiCache::CacheCluster
                Properties:
                  Engine: redis
                  CacheNodeType: cache.t3.micro
                  NumCacheNodes: 1
            """);
        var findings = RuleHarness.Run("elasticache-backup", document);
        Assert.Equal(["Redis"], findings.Select(f => f.Resource));
        Assert.Equal(FindingOutcome.Fail, findings[0].Outcome);
        Assert.Contains("SnapshotRetentionLimit", findings[0].Message.In(Language.En), StringComparison.Ordinal);
    }

    [Fact]
    public void A_key_value_list_is_judged_by_its_named_entry()
    {
        var document = RuleHarness.Cfn("""
            Resources:
              Web:
                Type: AWS::ElasticLoadBalancingV2::LoadBalancer
                Properties:
                  Subnets: [subnet-1, subnet-2]
                  LoadBalancerAttributes:
                    - Key: idle_timeout.timeout_seconds
                      Value: "60"
                    - Key: access_logs.s3.enabled
                      Value: "true"
                    - Key: routing.http.drop_invalid_header_fields.enabled
                      Value: "false"
              Net:
                Type: AWS::ElasticLoadBalancingV2::LoadBalancer
                Properties:
                  Type: network
                  Subnets: [subnet-1, subnet-2]
            """);
        Assert.Equal(FindingOutcome.Pass, RuleHarness.On("elbv2-access-logs", document, "Web").Outcome);
        Assert.Equal(FindingOutcome.Fail, RuleHarness.On("elbv2-access-logs", document, "Net").Outcome);
        Assert.Equal(FindingOutcome.Fail, RuleHarness.On("alb-drop-invalid-headers", document, "Web").Outcome);
        Assert.DoesNotContain(RuleHarness.Run("alb-drop-invalid-headers", document), f => f.Resource == "Net");
    }

    [Fact]
    public void Rows_read_the_same_template_through_the_reader_as_a_scan_does()
    {
        var document = CloudFormationReader.Read("""
            Resources:
              Trail:
                Type: AWS::CloudTrail::Trail
                Properties:
                  IsLogging: true
                  S3BucketName: logs
                  KMSKeyId: alias/trail
            """, "t.yaml");
        var findings = RuleSet.Scan(document);
        Assert.Contains(findings, f => f.RuleId == "cloudtrail-cmk" && f.Outcome == FindingOutcome.Pass && f.Topic == "encryption-at-rest");
        Assert.Contains(findings, f => f.RuleId == "cloudtrail-cloudwatch" && f.Outcome == FindingOutcome.Fail && f.Topic == "logging");
    }
}
