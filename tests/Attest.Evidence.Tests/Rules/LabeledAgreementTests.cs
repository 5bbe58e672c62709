using System.Globalization;
using System.Text;
using Attest.Core.Documents;
using Attest.Core.Findings;
using Attest.Core.Text;
using Attest.Evidence.CloudFormation;
using Attest.Evidence.Model;
using Attest.Evidence.Rules;
using Attest.Evidence.Terraform.Evaluation;
using Xunit.Abstractions;

namespace Attest.Evidence.Tests.Rules;

/// <summary>
/// Our rules against the labelled data of the reference tools: the AWS Guard Rules Registry test files (a template with
/// PASS/FAIL/SKIP per guard rule) and trivy's check definitions (good and bad CloudFormation and Terraform snippets).
/// </summary>
public sealed class LabeledAgreementTests(ITestOutputHelper output)
{
    private const double Threshold = 0.95;

    /// <summary>
    /// trivy checks with the same meaning as one of our rules, reviewed one by one against the check's snippets. A check
    /// that is not here is either about something we do not judge, or listed in <see cref="TrivyNotMapped"/> with why.
    /// </summary>
    internal static readonly (string Check, string Rule)[] TrivyMapping =
    [
        ("s3/enable_bucket_encryption", "s3-default-encryption"),
        ("s3/no_public_access_with_acl", "s3-no-public-acl"),
        ("rds/encrypt_instance_storage_data", "rds-storage-encrypted"),
        ("rds/disable_public_access", "rds-not-public"),
        ("ec2/enable_volume_encryption", "ebs-encrypted"),
        ("ec2/enable_at_rest_encryption", "ebs-encrypted"),
        ("ec2/as_enable_at_rest_encryption", "ebs-encrypted"),
        ("ec2/no_public_ip", "instance-no-public-ip"),
        ("ec2/no_public_ip_subnet", "subnet-no-public-ip"),
        ("ec2/require_vpc_flow_logs_for_all_vpcs", "vpc-flow-logs"),
        ("dynamodb/enable_recovery", "dynamodb-pitr"),
        ("efs/enable_at_rest_encryption", "efs-encrypted"),
        ("sns/enable_topic_encryption", "sns-encrypted"),
        // trivy's name says "in transit", but its snippets are about the stream's KMS encryption at rest, as this rule
        ("kinesis/enable_in_transit_encryption", "kinesis-encrypted"),
        ("elb/use_secure_tls_policy", "lb-https"),
        ("cloudfront/enforce_https", "cloudfront-https"),
        ("kms/auto_rotate_keys", "kms-rotation"),
        ("iam/no_user_attached_policies", "iam-no-user-policies"),
        // The rule table's rows (src/Attest.Evidence/Rules/Table)
        ("documentdb/enable_storage_encryption", "docdb-encrypted"),
        ("documentdb/encryption_customer_key", "docdb-cmk"),
        ("documentdb/enable_log_export", "docdb-log-exports"),
        ("neptune/enable_storage_encryption", "neptune-encrypted"),
        ("neptune/encryption_customer_key", "neptune-cmk"),
        ("neptune/enable_log_export", "neptune-log-exports"),
        ("dynamodb/table_customer_key", "dynamodb-cmk"),
        ("sns/topic_encryption_with_cmk", "sns-cmk"),
        ("sqs/queue_encryption_with_cmk", "sqs-cmk"),
        ("redshift/encryption_customer_key", "redshift-cmk"),
        ("rds/encrypt_cluster_storage_data", "rds-cluster-cmk"),
        ("rds/performance_insights_encryption_customer_key", "rds-insights-cmk"),
        ("ec2/encryption_customer_key", "ebs-cmk"),
        ("ssm/secret_use_customer_key", "secretsmanager-cmk"),
        ("cloudwatch/log_group_customer_key", "log-group-cmk"),
        ("ecr/repository_customer_key", "ecr-cmk"),
        ("workspaces/enable_disk_encryption", "workspaces-encrypted"),
        ("codebuild/enable_encryption", "codebuild-artifacts-encrypted"),
        ("athena/enable_at_rest_encryption", "athena-results-encrypted"),
        ("apigateway/enable_cache_encryption", "apigw-cache-encrypted"),
        ("eks/encrypt_secrets", "eks-secrets-encrypted"),
        ("msk/enable_in_transit_encryption", "msk-tls"),
        ("cloudfront/use_secure_tls_policy", "cloudfront-tls12"),
        ("apigateway/use_secure_tls_policy", "apigw-domain-tls12"),
        ("elasticsearch/use_secure_tls_policy", "opensearch-tls12"),
        ("ecs/enable_in_transit_encryption", "ecs-efs-transit"),
        ("apigateway/enable_access_logging", "apigw-access-logs"),
        ("apigateway/enable_tracing", "apigw-tracing"),
        ("lambda/enable_tracing", "lambda-tracing"),
        ("sam/enable_function_tracing", "lambda-tracing"),
        ("s3/enable_logging", "s3-access-logging"),
        ("eks/enable_control_plane_logging", "eks-control-plane-logging"),
        ("msk/enable_logging", "msk-broker-logging"),
        ("elasticsearch/enable_domain_logging", "opensearch-logging"),
        ("mq/enable_audit_logging", "mq-audit-logging"),
        ("mq/enable_general_logging", "mq-general-logging"),
        ("cloudtrail/ensure_cloudwatch_integration", "cloudtrail-cloudwatch"),
        ("ecs/enable_container_insight", "ecs-container-insights"),
        ("ecr/enable_image_scans", "ecr-scan-on-push"),
        ("ecr/enforce_immutable_repository", "ecr-immutable-tags"),
        ("eks/no_public_cluster_access", "eks-endpoint-private"),
        ("mq/no_public_access", "mq-not-public"),
        ("elb/drop_invalid_headers", "alb-drop-invalid-headers"),
        ("s3/enable_versioning", "s3-versioning"),
        ("elasticache/enable_backup_retention", "elasticache-backup"),
        ("ec2/enforce_http_token_imds", "imdsv2-required"),
        ("ec2/as_enforce_http_token_imds", "imdsv2-required"),
        ("athena/no_encryption_override", "athena-enforce-workgroup"),
        ("sam/enable_state_machine_logging", "stepfunctions-logging"),
    ];

    /// <summary>trivy checks near one of our rules that are deliberately not compared, and why (shown in the report too).</summary>
    internal static readonly (string Check, string Rule, string Why)[] TrivyNotMapped =
    [
        ("s3/specify_public_access_block", "s3-public-access-block", "passes a block with two of the four settings; ours demands all four"),
        ("s3/block_public_acls", "s3-public-access-block", "one setting of the four; ours demands all four"),
        ("s3/block_public_policy", "s3-public-access-block", "one setting of the four; ours demands all four"),
        ("s3/ignore_public_acls", "s3-public-access-block", "one setting of the four; ours demands all four"),
        ("s3/no_public_buckets", "s3-public-access-block", "one setting (RestrictPublicBuckets) of the four; ours demands all four"),
        ("ec2/no_public_ingress_sgr", "sg-no-public-admin-ports", "fails any port open to a public range; ours is about SSH, RDP and all ports"),
        ("rds/specify_backup_retention", "rds-backup-retention", "fails a retention of 1 day and an unset one (AWS default: 1 day); ours asks that backups are kept at all"),
        ("sqs/enable_queue_encryption", "sqs-encrypted", "accepts SQS-managed encryption (sqs_managed_sse_enabled); ours asks for a KMS key"),
        ("elb/http_not_used", "lb-https", "only refuses plain HTTP; ours also fails an HTTPS listener with no TLS 1.2 policy (the API default policy allows TLS 1.0)"),
        ("elasticache/enable_at_rest_encryption", "elasticache-encrypted", "one half: its good snippet has no transit encryption, which ours requires too"),
        ("elasticache/enable_in_transit_encryption", "elasticache-encrypted", "one half: its good snippet has no encryption at rest, which ours requires too"),
        ("elasticsearch/enable_domain_encryption", "opensearch-encrypted", "one of the three settings ours requires together"),
        ("elasticsearch/enable_in_transit_encryption", "opensearch-encrypted", "one of the three settings ours requires together"),
        ("elasticsearch/enforce_https", "opensearch-encrypted", "one of the three settings ours requires together"),
        ("cloudtrail/enable_all_regions", "cloudtrail-multi-region", "one half: its good snippet has no log file validation, which ours requires too"),
        ("cloudtrail/enable_log_validation", "cloudtrail-multi-region", "one half: its good snippet is not multi-Region, which ours requires too"),
        ("cloudtrail/encryption_customer_key", "cloudtrail-cmk", "its good CloudFormation snippet writes KmsKeyId, a property CloudFormation does not know (it is KMSKeyId), and counts it as a key"),
        ("ec2/no_public_ingress_acl", "nacl-no-open-ingress", "fails an allow of any port from a public range; ours fails only an allow of every protocol (a public subnet's ACL allowing 443 is normal)"),
        ("cloudfront/enable_logging", "cloudfront-logging", "for CloudWatch Logs delivery it also wants an AWS::Logs::Delivery naming the delivery source; ours accepts the source"),
        ("s3/encryption_customer_key", "s3-cmk", "also exempts buckets that look like log destinations through ACL grants or policies to the log delivery service; ours exempts buckets named as a logging target or with the log-delivery-write ACL"),
        ("apigateway/no_public_access", "apigw-method-auth", "its good Terraform snippet exempts http_method \"OPTION\", a method API Gateway does not know; ours exempts OPTIONS (CORS preflight) only"),
        ("iam/no_policy_wildcards", "iam-no-admin", "fails any wildcard in actions or resources; ours is about \"*\" on \"*\""),
    ];

    private sealed record Case(string Tool, string Ours, string Theirs, string File, string Name, string Expected, string Verdict, bool Agrees, bool Unknown, string Message);

    [SharedFact]
    public void Our_rules_agree_with_the_labelled_data_of_guard_and_trivy()
    {
        var cases = new List<Case>();
        cases.AddRange(GuardCases());
        cases.AddRange(TrivyCases());

        var rows = cases.GroupBy(c => (c.Tool, c.Ours, c.Theirs)).OrderBy(g => g.Key.Ours, StringComparer.Ordinal).ThenBy(g => g.Key.Tool, StringComparer.Ordinal).ThenBy(g => g.Key.Theirs, StringComparer.Ordinal).ToList();
        var markdown = new StringBuilder();
        markdown.AppendLine("# Agreement with labelled data");
        markdown.AppendLine();
        markdown.AppendLine("Verdicts: no finding = SKIP, any `fail` = FAIL, otherwise PASS (an `unknown` counts as PASS and is counted apart).");
        markdown.AppendLine("Guard cases compare PASS/FAIL/SKIP exactly; trivy cases expect no fail on a good snippet and a fail on a bad one.");
        markdown.AppendLine();
        markdown.AppendLine("| our rule | tool | their rule | cases | agree | disagree | unknown | agreement |");
        markdown.AppendLine("|---|---|---|---:|---:|---:|---:|---:|");
        foreach (var row in rows)
        {
            var agree = row.Count(c => c.Agrees);
            markdown.AppendLine(CultureInfo.InvariantCulture, $"| {row.Key.Ours} | {row.Key.Tool} | {row.Key.Theirs} | {row.Count()} | {agree} | {row.Count() - agree} | {row.Count(c => c.Unknown)} | {Percent(agree, row.Count())} |");
        }

        var total = cases.Count(c => c.Agrees);
        markdown.AppendLine(CultureInfo.InvariantCulture, $"| **all** | | | {cases.Count} | {total} | {cases.Count - total} | {cases.Count(c => c.Unknown)} | {Percent(total, cases.Count)} |");
        markdown.AppendLine();
        markdown.AppendLine("## Disagreements");
        markdown.AppendLine();
        foreach (var c in cases.Where(c => !c.Agrees))
        {
            markdown.AppendLine(CultureInfo.InvariantCulture, $"- {c.Ours} / {c.Theirs}: `{c.File}` \"{c.Name}\": expected {c.Expected}, ours {c.Verdict} — {c.Message}");
        }

        markdown.AppendLine();
        markdown.AppendLine("## trivy checks not compared");
        markdown.AppendLine();
        markdown.AppendLine("| trivy check | our nearest rule | why not |");
        markdown.AppendLine("|---|---|---|");
        foreach (var (check, rule, why) in TrivyNotMapped)
        {
            markdown.AppendLine(CultureInfo.InvariantCulture, $"| {check} | {rule} | {why} |");
        }

        var text = markdown.ToString();
        output.WriteLine(text);
        var artifacts = Path.Combine(AppContext.BaseDirectory, "artifacts");
        Directory.CreateDirectory(artifacts);
        File.WriteAllText(Path.Combine(artifacts, "labeled-agreement.md"), text);

        Assert.True(rows.Count >= 40, $"only {rows.Count} pairs compared");
        var below = rows.Where(r => r.Count(c => c.Agrees) < Threshold * r.Count()).ToList();
        Assert.True(below.Count == 0, "pairs below 95% agreement:" + Environment.NewLine + string.Join(Environment.NewLine, below.Select(r =>
            $"{r.Key.Ours} / {r.Key.Tool} {r.Key.Theirs}: {r.Count(c => c.Agrees)}/{r.Count()}" + Environment.NewLine + string.Join(Environment.NewLine, r.Where(c => !c.Agrees).Select(c =>
                $"    {c.File} \"{c.Name}\": expected {c.Expected}, ours {c.Verdict}: {c.Message}")))));
    }

    [SharedFact]
    public void The_trivy_mapping_names_existing_checks_and_rules()
    {
        foreach (var (check, rule) in TrivyMapping)
        {
            Assert.True(File.Exists(Path.Combine(LabeledData.TrivyChecks, check + ".yaml")), $"no trivy check {check}");
            Assert.NotNull(RuleSet.Find(rule));
        }

        foreach (var (check, rule, why) in TrivyNotMapped)
        {
            Assert.True(File.Exists(Path.Combine(LabeledData.TrivyChecks, check + ".yaml")), $"no trivy check {check}");
            Assert.NotNull(RuleSet.Find(rule));
            Assert.False(string.IsNullOrWhiteSpace(why));
            Assert.DoesNotContain(TrivyMapping, m => m.Check == check);
        }
    }

    private static string Percent(int part, int whole) => whole == 0 ? "-" : (100.0 * part / whole).ToString("F1", CultureInfo.InvariantCulture) + "%";

    /// <summary>Every guard rule named as an equivalent, with our rules that name it.</summary>
    private static Dictionary<string, List<string>> GuardEquivalents()
    {
        var map = new Dictionary<string, List<string>>(StringComparer.Ordinal);
        foreach (var rule in RuleSet.All)
        {
            foreach (var name in rule.Documentation.Equivalents)
            {
                if (!map.TryGetValue(name, out var ours))
                {
                    map[name] = ours = [];
                }

                ours.Add(rule.Documentation.Id);
            }
        }

        return map;
    }

    private sealed record GuardEntry(string File, string Name, IacDocument Document, IReadOnlyList<(string Rule, string Expected)> Expectations);

    /// <summary>Every labelled template of the guard registry whose expectations name one of our equivalents.</summary>
    private static List<GuardEntry> GuardEntries(Dictionary<string, List<string>> equivalents)
    {
        var files = Directory.GetFiles(LabeledData.GuardRules, "*_tests.yml", SearchOption.AllDirectories).Order(StringComparer.Ordinal).ToList();
        Assert.True(files.Count >= 150, $"only {files.Count} guard test files under {LabeledData.GuardRules}");
        var entries = new List<GuardEntry>();
        foreach (var file in files)
        {
            var name = Path.GetRelativePath(LabeledData.GuardRules, file).Replace('\\', '/');
            var (root, error) = DocumentParser.Parse(File.ReadAllText(file), name, new DocumentLimits { AllowTags = true });
            Assert.True(root is SequenceNode, $"{name}: {error}");
            foreach (var entry in ((SequenceNode)root!).Items.OfType<MappingNode>())
            {
                var rules = Field(Field(entry, "expectations"), "rules") as MappingNode;
                if (Field(entry, "input") is not { } input || rules is null)
                {
                    continue;
                }

                var expectations = rules.Entries
                    .Where(e => equivalents.ContainsKey(e.Key.Value) && e.Value is ScalarNode)
                    .Select(e => (e.Key.Value, ((ScalarNode)e.Value).Value))
                    .ToList();
                if (expectations.Count > 0)
                {
                    var caseName = (Field(entry, "name") as ScalarNode)?.Value ?? "(unnamed)";
                    entries.Add(new GuardEntry(name, caseName, CloudFormationTemplate.FromNode(input, name).ToDocument(), expectations));
                }
            }
        }

        return entries;
    }

    /// <summary>
    /// Guard cases. A guard rule looks only at its own resource types (IAM_ROLE_… at roles, IAM_POLICY_… at policies): its
    /// scope is taken as the types of the templates it passes or fails, and our findings outside that scope are not counted.
    /// </summary>
    private static IEnumerable<Case> GuardCases()
    {
        var equivalents = GuardEquivalents();
        var entries = GuardEntries(equivalents);
        var scopes = entries
            .SelectMany(e => e.Expectations.Where(x => x.Expected is "PASS" or "FAIL").Select(x => (x.Rule, e.Document)))
            .GroupBy(x => x.Rule, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => g.SelectMany(x => x.Document.Resources.Select(r => r.Type)).ToHashSet(StringComparer.Ordinal), StringComparer.Ordinal);
        foreach (var entry in entries)
        {
            foreach (var (rule, expected) in entry.Expectations)
            {
                var ours = equivalents[rule];
                var (verdict, unknown, message) = Verdict(ours, entry.Document, scopes.GetValueOrDefault(rule));
                yield return new Case("guard", string.Join(" + ", ours), rule, entry.File, entry.Name, expected, verdict, verdict == expected, unknown, message);
            }
        }
    }

    private static IEnumerable<Case> TrivyCases()
    {
        foreach (var (check, rule) in TrivyMapping)
        {
            var file = Path.Combine(LabeledData.TrivyChecks, check + ".yaml");
            var (root, error) = DocumentParser.Parse(File.ReadAllText(file), check, new DocumentLimits { AllowTags = true });
            Assert.True(root is MappingNode, $"{check}: {error}");
            foreach (var framework in new[] { "cloudformation", "terraform" })
            {
                foreach (var label in new[] { "good", "bad" })
                {
                    if (Field(Field(root, framework), label) is not SequenceNode snippets)
                    {
                        continue;
                    }

                    for (var i = 0; i < snippets.Items.Count; i++)
                    {
                        if (snippets.Items[i] is not ScalarNode { Value: var snippet })
                        {
                            continue;
                        }

                        var where = $"{check}.yaml {framework}";
                        var caseName = $"{label} #{i + 1}";
                        var document = framework == "cloudformation"
                            ? CloudFormationReader.Read(snippet, $"{check}/{label}{i + 1}.yaml")
                            : TerraformReader.ReadModule(new Dictionary<string, string> { ["main.tf"] = snippet }, $"{check}/{label}{i + 1}", null, _ => null);
                        var (verdict, unknown, message) = Verdict([rule], document);
                        var agrees = label == "good" ? verdict != "FAIL" : verdict == "FAIL";
                        yield return new Case("trivy", rule, check + (framework == "terraform" ? " (tf)" : " (cfn)"), where, caseName, label == "good" ? "no fail" : "FAIL", verdict, agrees, unknown, message);
                    }
                }
            }
        }
    }

    /// <summary>Our verdict with <paramref name="rules"/> on a document: SKIP when no finding, FAIL when any fails, else PASS.</summary>
    private static (string Verdict, bool Unknown, string Message) Verdict(IEnumerable<string> rules, IacDocument document, HashSet<string>? scope = null)
    {
        var findings = rules.SelectMany(r => RuleHarness.Run(r, document)).Where(f => scope is null || scope.Contains(f.ResourceType)).ToList();
        var problems = document.Problems.Count == 0 ? "" : " [reading: " + string.Join("; ", document.Problems.Select(p => p.Message)) + "]";
        if (findings.Count == 0)
        {
            return ("SKIP", false, "(no finding)" + problems);
        }

        var fail = findings.FirstOrDefault(f => f.Outcome == FindingOutcome.Fail);
        var unknown = findings.FirstOrDefault(f => f.Outcome == FindingOutcome.Unknown);
        var shown = fail ?? unknown ?? findings[0];
        return (fail is null ? "PASS" : "FAIL", fail is null && unknown is not null, $"{shown.Resource}: {shown.Message.In(Language.En)}{problems}");
    }

    private static DocumentNode? Field(DocumentNode? node, string name) =>
        node is MappingNode map ? map.Entries.FirstOrDefault(e => e.Key.Value == name).Value : null;
}
