using System.Text;
using Attest.Core.Findings;
using Attest.Core.Text;
using Attest.Evidence.Reports;
using Attest.Evidence.Rules;
using Attest.Evidence.Scanning;

namespace Attest.Evidence.Tests.Reports;

/// <summary>checkov, Prowler and Security Hub reports read as evidence: mapped to topics through the equivalents, unknown checks listed, hostile input named.</summary>
public sealed class ReportReaderTests
{
    private static EvidenceAnalysis Upload(string name, string text)
    {
        var bytes = Encoding.UTF8.GetBytes(text);
        return EvidenceAnalyzer.Analyze(EvidenceSource.Upload(name, bytes.Length, () => new MemoryStream(bytes)));
    }

    private static int LineOf(string text, string marker) => text[..text.IndexOf(marker, StringComparison.Ordinal)].Count(c => c == '\n') + 1;

    [Fact]
    public void A_checkov_json_report_gives_findings_on_our_topics_with_checkov_named_and_lists_unknown_checks()
    {
        var analysis = Upload("checkov.json", SampleReports.CheckovJson);
        Assert.Equal(1, analysis.Summary.Kinds[EvidenceKinds.CheckovReport]);
        Assert.True(analysis.Summary.HasEvidence);

        var s3 = Assert.Single(analysis.Findings, f => f.RuleId == "checkov:CKV_AWS_19");
        Assert.Equal(FindingOutcome.Pass, s3.Outcome);
        Assert.Equal("encryption-at-rest", s3.Topic);
        Assert.Equal("AWS::S3::Bucket.Assets", s3.Resource);
        Assert.Equal("AWS::S3::Bucket", s3.ResourceType);
        Assert.Equal("checkov", s3.Framework);
        Assert.Equal("report", s3.Source);
        Assert.Contains("at template.yaml:4", s3.How, StringComparison.Ordinal);

        var docdb = Assert.Single(analysis.Findings, f => f.RuleId == "checkov:CKV_AWS_74");
        Assert.Equal(FindingOutcome.Fail, docdb.Outcome);
        Assert.Equal(Severity.High, docdb.Severity);
        Assert.Equal("checkov.json", docdb.File);
        Assert.Equal(LineOf(SampleReports.CheckovJson, "\"check_id\": \"CKV_AWS_74\"") - 1, docdb.Line);
        Assert.Contains("checkov reports FAILED for CKV_AWS_74 on AWS::DocDB::DBCluster.Catalog", docdb.Message.In(Language.En), StringComparison.Ordinal);
        Assert.Contains("checkov signale FAILED pour CKV_AWS_74", docdb.Message.In(Language.Fr), StringComparison.Ordinal);

        var imds = Assert.Single(analysis.Findings, f => f.RuleId == "checkov:CKV_AWS_79");
        Assert.Equal("aws_instance", imds.ResourceType);
        Assert.Equal(RuleSet.Find("imdsv2-required")!.Documentation.Topic, imds.Topic);

        Assert.DoesNotContain(analysis.Findings, f => f.RuleId.Contains("CKV_AWS_999", StringComparison.Ordinal));
        Assert.Contains(analysis.Problems, p => p.Location.File == "checkov.json" && p.Message.Contains("1 checks of this checkov report have no equivalent", StringComparison.Ordinal) && p.Message.Contains("CKV_AWS_999", StringComparison.Ordinal));
    }

    [Fact]
    public void A_checkov_sarif_report_gives_its_failures()
    {
        var analysis = Upload("checkov.sarif", SampleReports.CheckovSarif);
        Assert.Equal(1, analysis.Summary.Kinds[EvidenceKinds.CheckovReport]);
        var logging = Assert.Single(analysis.Findings, f => f.RuleId == "checkov:CKV_AWS_18");
        Assert.Equal(FindingOutcome.Fail, logging.Outcome);
        Assert.Equal("logging", logging.Topic);
        Assert.Contains("at template.yaml:4", logging.How, StringComparison.Ordinal);
        var headers = Assert.Single(analysis.Findings, f => f.RuleId == "checkov:CKV_AWS_131");
        Assert.Equal("public-exposure", headers.Topic);
        Assert.Equal(LineOf(SampleReports.CheckovSarif, "\"ruleId\": \"CKV_AWS_131\"") - 1, headers.Line);
    }

    [Fact]
    public void A_prowler_report_feeds_root_usage_with_its_root_and_cloudtrail_checks_and_keeps_account_and_region()
    {
        var analysis = Upload("prowler-output.ocsf.json", SampleReports.ProwlerOcsf);
        Assert.Equal(1, analysis.Summary.Kinds[EvidenceKinds.ProwlerReport]);
        var mfa = Assert.Single(analysis.Findings, f => f.RuleId == "prowler:iam_root_mfa_enabled");
        Assert.Equal(ReportChecks.RootUsage, mfa.Topic);
        Assert.Equal(FindingOutcome.Pass, mfa.Outcome);
        Assert.Equal(Severity.High, mfa.Severity);
        Assert.Equal("arn:aws:iam::111122223333:root", mfa.Resource);
        Assert.Contains("account 111122223333, region us-east-1", mfa.How, StringComparison.Ordinal);
        Assert.Equal("prowler", mfa.Framework);
        Assert.Equal(ReportChecks.RootUsage, Assert.Single(analysis.Findings, f => f.RuleId == "prowler:cloudtrail_multi_region_enabled").Topic);

        var bucket = Assert.Single(analysis.Findings, f => f.RuleId == "prowler:s3_bucket_default_encryption");
        Assert.Equal(FindingOutcome.Fail, bucket.Outcome);
        Assert.Equal("encryption-at-rest", bucket.Topic);
        Assert.Equal("AwsS3Bucket", bucket.ResourceType);
        Assert.Contains("region eu-west-3", bucket.How, StringComparison.Ordinal);
        Assert.Contains(analysis.Problems, p => p.Message.Contains("macie_is_enabled", StringComparison.Ordinal));
        Assert.DoesNotContain(analysis.Findings, f => f.RuleId.Contains("macie", StringComparison.Ordinal));
    }

    [Fact]
    public void A_security_hub_export_maps_controls_and_config_rules_and_the_root_user()
    {
        var analysis = Upload("findings.json", SampleReports.SecurityHubAsff);
        Assert.Equal(1, analysis.Summary.Kinds[EvidenceKinds.SecurityHubReport]);
        var tls = Assert.Single(analysis.Findings, f => f.RuleId == "securityhub:S3.5");
        Assert.Equal("encryption-in-transit", tls.Topic);
        Assert.Equal(FindingOutcome.Fail, tls.Outcome);
        Assert.Equal("arn:aws:s3:::shop-assets", tls.Resource);
        Assert.Contains("account 111122223333, region eu-west-3", tls.How, StringComparison.Ordinal);
        Assert.Equal("securityhub", tls.Framework);

        // No SecurityControlId: found through the Config rule the control runs, an equivalent of rds-storage-encrypted
        var rds = Assert.Single(analysis.Findings, f => f.RuleId == "securityhub:RDS_STORAGE_ENCRYPTED");
        Assert.Equal("encryption-at-rest", rds.Topic);
        Assert.Equal(FindingOutcome.Pass, rds.Outcome);

        var root = Assert.Single(analysis.Findings, f => f.RuleId == "securityhub:IAM.9");
        Assert.Equal(ReportChecks.RootUsage, root.Topic);
        Assert.Equal(Severity.High, root.Severity);
        Assert.Contains(analysis.Problems, p => p.Message.Contains("Macie.1", StringComparison.Ordinal));
    }

    [Fact]
    public void Only_the_chosen_topics_are_kept()
    {
        var bytes = Encoding.UTF8.GetBytes(SampleReports.ProwlerOcsf);
        var analysis = EvidenceAnalyzer.Analyze(EvidenceSource.Upload("p.json", bytes.Length, () => new MemoryStream(bytes)), new ScanOptions { Topics = t => t == ReportChecks.RootUsage });
        Assert.NotEmpty(analysis.Findings);
        Assert.All(analysis.Findings, f => Assert.Equal(ReportChecks.RootUsage, f.Topic));
    }

    [Fact]
    public void A_broken_report_is_a_problem_naming_the_place_never_an_exception()
    {
        var truncated = SampleReports.SecurityHubAsff[..(SampleReports.SecurityHubAsff.Length / 2)];
        var result = ReportReader.Read(ReportTools.SecurityHub, truncated, "findings.json");
        Assert.Empty(result.Findings);
        var problem = Assert.Single(result.Problems);
        Assert.Equal("findings.json", problem.Location.File);
        Assert.True(problem.Location.Line > 1, $"line {problem.Location.Line}");
        Assert.Contains("not a readable securityhub report", problem.Message, StringComparison.Ordinal);

        var deep = "[{\"metadata\":{\"event_code\":\"x\",\"product\":{\"name\":\"Prowler\"}}}," + new string('[', 500) + new string(']', 500) + "]";
        Assert.Equal(ReportTools.Prowler, ReportReader.Detect(deep));
        Assert.Contains("not a readable prowler report", Assert.Single(ReportReader.Read(ReportTools.Prowler, deep, "deep.json").Problems).Message, StringComparison.Ordinal);

        var odd = """[{"metadata": {"event_code": 7, "product": {"name": "Prowler"}}}, "text", {"metadata": {"event_code": "s3_bucket_default_encryption"}, "status_code": "FAIL", "resources": "none", "cloud": 3}]""";
        var read = ReportReader.Read(ReportTools.Prowler, odd, "odd.json");
        Assert.Equal(2, read.Problems.Count(p => p.Message.Contains("no metadata.event_code", StringComparison.Ordinal)));
        var finding = Assert.Single(read.Findings);
        Assert.Equal("", finding.Resource);
        Assert.Equal(FindingOutcome.Fail, finding.Outcome);
    }

    [Fact]
    public void Other_json_is_not_taken_for_a_report()
    {
        Assert.Null(ReportReader.Detect("""{"Version": "2012-10-17", "Statement": []}"""));
        Assert.Null(ReportReader.Detect("""{"version": "2.1.0", "runs": [{"tool": {"driver": {"name": "attest"}}}]}"""));
        Assert.Null(ReportReader.Detect("Resources: {}"));
        var other = ReportReader.Read(ReportTools.Checkov, """{"version": "2.1.0", "runs": [{"tool": {"driver": {"name": "tfsec"}}, "results": [{"ruleId": "x"}]}]}""", "other.sarif");
        Assert.Empty(other.Findings);
        Assert.Contains(other.Problems, p => p.Message.Contains("not checkov", StringComparison.Ordinal));
    }

    [Fact]
    public void Every_entry_of_the_check_table_names_an_existing_rule_or_a_known_topic()
    {
        foreach (var (check, target) in ReportChecks.Table)
        {
            Assert.Contains(':', check);
            if (target.StartsWith("topic:", StringComparison.Ordinal))
            {
                Assert.True(Topics.IsKnown(target["topic:".Length..]), check);
            }
            else
            {
                Assert.True(RuleSet.Find(target) is not null, $"{check}: no rule {target}");
            }
        }

        Assert.Equal("S3_BUCKET_SSL_REQUESTS_ONLY", ReportChecks.ConfigRuleName("securityhub-s3-bucket-ssl-requests-only-5f6e7d8c"));
        Assert.Equal("ROOT_ACCOUNT_MFA_ENABLED", ReportChecks.ConfigRuleName("root-account-mfa-enabled"));
    }
}
