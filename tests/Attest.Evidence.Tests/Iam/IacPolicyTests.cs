using Attest.Core.Findings;
using Attest.Core.Text;
using Attest.Evidence.Iam;
using static Attest.Evidence.Tests.Rules.RuleHarness;

namespace Attest.Evidence.Tests.Iam;

/// <summary>The policy checks on documents embedded in CloudFormation and Terraform.</summary>
public sealed class IacPolicyTests
{
    [Fact]
    public void A_role_s_inline_policies_are_judged_together_and_the_failing_one_is_named_at_its_statement()
    {
        const string text = """
            Resources:
              Builder:
                Type: AWS::IAM::Role
                Properties:
                  AssumeRolePolicyDocument:
                    Statement: [{ Effect: Allow, Principal: { Service: codebuild.amazonaws.com }, Action: sts:AssumeRole }]
                  Policies:
                    - PolicyName: logs
                      PolicyDocument:
                        Statement: [{ Effect: Allow, Action: ["logs:CreateLogStream", "logs:PutLogEvents"], Resource: "*" }]
                    - PolicyName: deploy
                      PolicyDocument:
                        Statement:
                          - Effect: Allow
                            Action: ["iam:PassRole", "cloudformation:CreateStack"]
                            Resource: "*"
            """;
        var document = Cfn(text);
        var escalation = Expect(PolicyChecks.Escalation, document, "Builder", FindingOutcome.Fail, text, "- Effect: Allow");
        Assert.Contains("Builder (policy deploy)", escalation.Message.In(Language.En), StringComparison.Ordinal);
        Assert.Contains("iam:PassRole + cloudformation:CreateStack", escalation.Message.In(Language.En), StringComparison.Ordinal);
        // One verdict per role for a rule its policies pass, however many policies it has
        Expect(PolicyChecks.Admin, document, "Builder", FindingOutcome.Pass, text, "  PolicyDocument:");
    }

    [Fact]
    public void Principals_built_from_the_stack_s_own_account_are_neither_public_nor_another_account()
    {
        const string text = """
            Resources:
              Key:
                Type: AWS::KMS::Key
                Properties:
                  EnableKeyRotation: true
                  KeyPolicy:
                    Statement:
                      - Effect: Allow
                        Principal: { AWS: !Sub "arn:${AWS::Partition}:iam::${AWS::AccountId}:root" }
                        Action: kms:*
                        Resource: "*"
              Deployer:
                Type: AWS::IAM::Role
                Properties:
                  AssumeRolePolicyDocument:
                    Statement:
                      - Effect: Allow
                        Principal: { AWS: !Sub "arn:aws:iam::${AWS::AccountId}:role/pipeline" }
                        Action: sts:AssumeRole
            """;
        var document = Cfn(text);
        Expect(PolicyChecks.PublicResource, document, "Key", FindingOutcome.Pass, text, "KeyPolicy");
        Expect(PolicyChecks.TrustOpen, document, "Deployer", FindingOutcome.Pass, text, "AssumeRolePolicyDocument");
        Expect(PolicyChecks.TrustExternalId, document, "Deployer", FindingOutcome.Pass, text, "AssumeRolePolicyDocument");
    }

    [Fact]
    public void A_principal_that_is_a_parameter_leaves_a_public_check_undecided()
    {
        const string text = """
            Parameters:
              Reader:
                Type: String
            Resources:
              QueuePolicy:
                Type: AWS::SQS::QueuePolicy
                Properties:
                  Queues: [https://sqs.eu-west-3.amazonaws.com/111122223333/orders]
                  PolicyDocument:
                    Statement:
                      - { Effect: Allow, Principal: { AWS: !Ref Reader }, Action: sqs:ReceiveMessage, Resource: "*" }
            """;
        Expect(PolicyChecks.PublicResource, Cfn(text), "QueuePolicy", FindingOutcome.Unknown, text, "PolicyDocument");
    }

    [Fact]
    public void Terraform_policy_documents_from_data_sources_are_judged()
    {
        const string text = """
            data "aws_iam_policy_document" "trust" {
              statement {
                actions = ["sts:AssumeRole"]
                principals {
                  type        = "AWS"
                  identifiers = ["*"]
                }
              }
            }

            resource "aws_iam_role" "shared" {
              name               = "shared"
              assume_role_policy = data.aws_iam_policy_document.trust.json
              inline_policy {
                name   = "reports"
                policy = jsonencode({ Statement = [{ Effect = "Allow", Action = "s3:*", Resource = "arn:aws:s3:::reports/*" }] })
              }
            }

            data "aws_iam_policy_document" "media" {
              statement {
                actions   = ["s3:GetObject"]
                resources = ["arn:aws:s3:::media/*"]
                principals {
                  type        = "*"
                  identifiers = ["*"]
                }
                condition {
                  test     = "StringEquals"
                  variable = "aws:SourceVpce"
                  values   = ["vpce-0a1b2c3d4e5f67890"]
                }
              }
            }

            resource "aws_s3_bucket_policy" "media" {
              bucket = "media"
              policy = data.aws_iam_policy_document.media.json
            }
            """;
        var document = Tf(text);
        Expect(PolicyChecks.TrustOpen, document, "aws_iam_role.shared", FindingOutcome.Fail, text, "assume_role_policy");
        var wildcard = Expect(PolicyChecks.ServiceWildcard, document, "aws_iam_role.shared", FindingOutcome.Fail, text, "policy = jsonencode");
        Assert.Contains("aws_iam_role.shared (policy reports)", wildcard.Message.In(Language.En), StringComparison.Ordinal);
        Expect(PolicyChecks.PublicBucket, document, "aws_s3_bucket_policy.media", FindingOutcome.Pass, text, "policy =");
    }
}
