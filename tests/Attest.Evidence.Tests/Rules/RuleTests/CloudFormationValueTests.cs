using Attest.Core.Findings;
using Attest.Core.Text;
using static Attest.Evidence.Tests.Rules.RuleHarness;

namespace Attest.Evidence.Tests.Rules.RuleTests;

/// <summary>
/// The users' complaints about other tools on CloudFormation: values behind <c>!Ref</c>, <c>!If</c>, <c>!Sub</c> and
/// parameters are judged over every value they may take, and the finding says which one decided.
/// </summary>
public sealed class CloudFormationValueTests
{
    private const string Database = """
        Parameters:
          Encrypt:
            Type: String
          Flavour:
            Type: String
            AllowedValues: ["true", "false"]
          Always:
            Type: String
            AllowedValues: ["true"]
          Default:
            Type: String
            Default: "false"
          Env:
            Type: String
        Conditions:
          IsProd: !Equals [!Ref Env, prod]
        Resources:
          Unknown:
            Type: AWS::RDS::DBInstance
            Properties:
              StorageEncrypted: !Ref Encrypt
          Allowed:
            Type: AWS::RDS::DBInstance
            Properties:
              StorageEncrypted: !Ref Flavour
          AllowedOnlyTrue:
            Type: AWS::RDS::DBInstance
            Properties:
              StorageEncrypted: !Ref Always
          Defaulted:
            Type: AWS::RDS::DBInstance
            Properties:
              StorageEncrypted: !Ref Default
          OneBranchFails:
            Type: AWS::RDS::DBInstance
            Properties:
              StorageEncrypted: !If [IsProd, true, false]
          BothBranchesPass:
            Type: AWS::RDS::DBInstance
            Properties:
              StorageEncrypted: !If [IsProd, true, "true"]
          OnlyInProd:
            Type: AWS::RDS::DBInstance
            Condition: IsProd
            Properties:
              StorageEncrypted: false
        """;

    [Fact]
    public void A_ref_to_a_parameter_without_default_is_unknown_and_says_why()
    {
        var f = Expect("rds-storage-encrypted", Cfn(Database), "Unknown", FindingOutcome.Unknown, Database, "!Ref Encrypt");
        Assert.Contains("Encrypt", f.Message.In(Language.En), StringComparison.Ordinal);
        Assert.Contains("Encrypt", f.Message.In(Language.Fr), StringComparison.Ordinal);
    }

    [Fact]
    public void A_ref_to_a_parameter_with_allowed_values_fails_on_the_allowed_value_that_fails()
    {
        var f = Expect("rds-storage-encrypted", Cfn(Database), "Allowed", FindingOutcome.Fail, Database, "!Ref Flavour");
        Assert.Equal("allowed-value", f.Source);
        Assert.Contains("Flavour", f.How, StringComparison.Ordinal);
        Assert.Contains("false", f.How, StringComparison.Ordinal);
    }

    [Fact]
    public void A_ref_to_a_parameter_whose_every_allowed_value_passes_passes_from_the_allowed_values()
    {
        var f = Expect("rds-storage-encrypted", Cfn(Database), "AllowedOnlyTrue", FindingOutcome.Pass, Database, "!Ref Always");
        Assert.Equal("allowed-value", f.Source);
        Assert.Contains("Always", f.How, StringComparison.Ordinal);
    }

    [Fact]
    public void A_ref_to_a_parameter_with_a_default_is_judged_on_the_default_and_says_so()
    {
        var f = Expect("rds-storage-encrypted", Cfn(Database), "Defaulted", FindingOutcome.Fail, Database, "!Ref Default");
        Assert.Equal("default", f.Source);
        Assert.Contains("Default", f.How, StringComparison.Ordinal);
    }

    [Fact]
    public void An_if_on_an_undecided_condition_fails_naming_the_failing_branch()
    {
        var f = Expect("rds-storage-encrypted", Cfn(Database), "OneBranchFails", FindingOutcome.Fail, Database, "[IsProd, true, false]");
        Assert.Equal("branch", f.Source);
        Assert.Contains("IsProd", f.How, StringComparison.Ordinal);
        Assert.Contains("false", f.How, StringComparison.Ordinal);
    }

    [Fact]
    public void An_if_whose_branches_both_pass_passes_from_the_branches()
    {
        var f = Expect("rds-storage-encrypted", Cfn(Database), "BothBranchesPass", FindingOutcome.Pass, Database, "[IsProd, true, \"true\"]");
        Assert.Equal("branch", f.Source);
        Assert.Contains("IsProd", f.How, StringComparison.Ordinal);
    }

    [Fact]
    public void A_resource_created_under_a_condition_says_so_in_how()
    {
        var f = Expect("rds-storage-encrypted", Cfn(Database), "OnlyInProd", FindingOutcome.Fail, Database, "StorageEncrypted: false");
        Assert.Contains("only when condition IsProd holds", f.How, StringComparison.Ordinal);
    }

    [Fact]
    public void An_if_whose_failing_branch_is_excluded_by_a_known_condition_passes()
    {
        const string text = """
            Parameters:
              Env:
                Type: String
                Default: prod
                AllowedValues: [prod]
            Conditions:
              IsProd: !Equals [!Ref Env, prod]
            Resources:
              Bucket:
                Type: AWS::S3::Bucket
                Properties:
                  PublicAccessBlockConfiguration: !If
                    - IsProd
                    - { BlockPublicAcls: true, BlockPublicPolicy: true, IgnorePublicAcls: true, RestrictPublicBuckets: true }
                    - !Ref AWS::NoValue
            """;
        var f = Expect("s3-public-access-block", Cfn(text), "Bucket", FindingOutcome.Pass, text, "PublicAccessBlockConfiguration");
        Assert.NotEqual("branch", f.Source);
    }

    [Fact]
    public void A_public_access_block_in_an_if_with_no_value_on_the_other_branch_fails_on_that_branch()
    {
        const string text = """
            Parameters:
              Env:
                Type: String
            Conditions:
              IsProd: !Equals [!Ref Env, prod]
            Resources:
              Bucket:
                Type: AWS::S3::Bucket
                Properties:
                  PublicAccessBlockConfiguration: !If
                    - IsProd
                    - { BlockPublicAcls: true, BlockPublicPolicy: true, IgnorePublicAcls: true, RestrictPublicBuckets: true }
                    - !Ref AWS::NoValue
            """;
        var f = Expect("s3-public-access-block", Cfn(text), "Bucket", FindingOutcome.Fail, text, "PublicAccessBlockConfiguration");
        Assert.Equal("branch", f.Source);
        Assert.Contains("IsProd", f.How, StringComparison.Ordinal);
    }

    [Fact]
    public void A_policy_document_with_an_if_fails_on_the_branch_that_grants_admin()
    {
        const string text = """
            Parameters:
              Admin:
                Type: String
                AllowedValues: ["yes", "no"]
            Conditions:
              GrantAdmin: !Equals [!Ref Admin, "yes"]
            Resources:
              Policy:
                Type: AWS::IAM::ManagedPolicy
                Properties:
                  PolicyDocument:
                    Statement:
                      - Effect: Allow
                        Action: !If [GrantAdmin, "*", "s3:GetObject"]
                        Resource: "*"
            """;
        var f = Expect("iam-no-admin", Cfn(text), "Policy", FindingOutcome.Fail, text, "- Effect: Allow");
        Assert.NotEqual("literal", f.Source);
        Assert.Contains("GrantAdmin", f.How, StringComparison.Ordinal);
    }

    [Fact]
    public void A_key_pair_named_by_a_parameter_without_default_is_a_key_pair_all_the_same()
    {
        const string text = """
            Parameters:
              KeyName:
                Type: AWS::EC2::KeyPair::KeyName
            Resources:
              App:
                Type: AWS::EC2::Instance
                Properties:
                  ImageId: ami-1
                  KeyName: !Ref KeyName
            """;
        Expect("no-interactive-access", Cfn(text), "App", FindingOutcome.Fail, text, "App:");
    }

    [Fact]
    public void A_policy_naming_an_unknown_action_is_unknown_unless_it_fails_anyway()
    {
        const string text = """
            Parameters:
              Action:
                Type: String
            Resources:
              Maybe:
                Type: AWS::IAM::ManagedPolicy
                Properties:
                  PolicyDocument:
                    Statement: [{ Effect: Allow, Action: !Ref Action, Resource: "*" }]
              Surely:
                Type: AWS::IAM::ManagedPolicy
                Properties:
                  PolicyDocument:
                    Statement:
                      - { Effect: Allow, Action: !Ref Action, Resource: "*" }
                      - { Effect: Allow, Action: "*", Resource: "*" }
            """;
        var document = Cfn(text);
        Expect("iam-no-admin", document, "Maybe", FindingOutcome.Unknown, text, "PolicyDocument");
        Expect("iam-no-admin", document, "Surely", FindingOutcome.Fail, text, "Action: \"*\"");
    }
}
