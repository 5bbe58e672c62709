using Attest.Evidence.Rules;
using static Attest.Evidence.Tests.Rules.RuleHarness;

namespace Attest.Evidence.Tests.Rules.RuleTests;

/// <summary>Suppressions written for cfn-guard, cfn_nag, checkov or Attest itself remove the finding of the same check, and only it.</summary>
public sealed class SuppressionTests
{
    private static string Bucket(string metadata) => $"""
        Resources:
          Open:
            Type: AWS::S3::Bucket
            Metadata:
        {metadata}
          Other:
            Type: AWS::S3::Bucket
        """;

    [Theory]
    [InlineData("      guard:\n        SuppressedRules: [S3_BUCKET_LEVEL_PUBLIC_ACCESS_PROHIBITED]")]
    [InlineData("      guard:\n        SuppressedRules:\n          - S3_BUCKET_LEVEL_PUBLIC_ACCESS_PROHIBITED: the bucket serves a public web site")]
    [InlineData("      attest:\n        SuppressedRules: [s3-public-access-block]")]
    [InlineData("      checkov:\n        skip:\n          - id: CKV_AWS_53\n            comment: public site")]
    public void A_suppression_naming_the_rule_or_an_equivalent_removes_the_finding_on_that_resource_only(string metadata)
    {
        var document = Cfn(Bucket(metadata));
        var findings = Run("s3-public-access-block", document);
        Assert.DoesNotContain(findings, f => f.Resource == "Open");
        Assert.Contains(findings, f => f.Resource == "Other");
        Assert.Contains(RuleSet.Scan(document), f => f.RuleId == "s3-default-encryption" && f.Resource == "Open");
        Assert.DoesNotContain(RuleSet.Scan(document), f => f.RuleId == "s3-public-access-block" && f.Resource == "Open");
    }

    [Theory]
    [InlineData("cfn_nag")]
    [InlineData("cfn-nag")]
    public void A_cfn_nag_suppression_of_f16_removes_the_wildcard_principal_finding(string key)
    {
        var text = $$"""
            Resources:
              Policy:
                Type: AWS::S3::BucketPolicy
                Metadata:
                  {{key}}:
                    rules_to_suppress:
                      - id: F16
                        reason: public web site
                Properties:
                  Bucket: site
                  PolicyDocument:
                    Statement: [{ Effect: Allow, Principal: "*", Action: s3:GetObject, Resource: arn:aws:s3:::site/* }]
            """;
        Assert.Empty(Run("s3-policy-no-wildcard-principal", Cfn(text)));
        Assert.Single(Run("s3-policy-no-wildcard-principal", Cfn(text.Replace("F16", "F15", StringComparison.Ordinal))));
    }

    [Fact]
    public void A_suppression_of_another_check_leaves_the_finding()
    {
        var findings = Run("s3-public-access-block", Cfn(Bucket("      guard:\n        SuppressedRules: [S3_BUCKET_VERSIONING_ENABLED]")));
        Assert.Contains(findings, f => f.Resource == "Open");
    }
}
