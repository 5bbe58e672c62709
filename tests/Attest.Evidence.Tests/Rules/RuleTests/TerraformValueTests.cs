using Attest.Core.Findings;
using Attest.Core.Text;
using Attest.Evidence.Terraform.Evaluation;
using static Attest.Evidence.Tests.Rules.RuleHarness;

namespace Attest.Evidence.Tests.Rules.RuleTests;

/// <summary>
/// The users' complaints about other tools on Terraform: a bucket's settings split over resources that name it, variables
/// with defaults and <c>.tfvars</c>, <c>count</c> and <c>for_each</c>, local modules.
/// </summary>
public sealed class TerraformValueTests
{
    private const string SplitBucket = """
        resource "aws_s3_bucket" "data" {
          bucket = "shop-data"
        }

        resource "aws_s3_bucket_public_access_block" "data" {
          bucket                  = aws_s3_bucket.data.id
          block_public_acls       = true
          block_public_policy     = true
          ignore_public_acls      = true
          restrict_public_buckets = true
        }

        resource "aws_s3_bucket_server_side_encryption_configuration" "data" {
          bucket = aws_s3_bucket.data.bucket
          rule {
            apply_server_side_encryption_by_default {
              sse_algorithm = "AES256"
            }
          }
        }

        data "aws_iam_policy_document" "tls" {
          statement {
            effect    = "Deny"
            actions   = ["s3:*"]
            resources = [aws_s3_bucket.data.arn, "${aws_s3_bucket.data.arn}/*"]
            principals {
              type        = "*"
              identifiers = ["*"]
            }
            condition {
              test     = "Bool"
              variable = "aws:SecureTransport"
              values   = ["false"]
            }
          }
        }

        resource "aws_s3_bucket_policy" "data" {
          bucket = aws_s3_bucket.data.id
          policy = data.aws_iam_policy_document.tls.json
        }

        resource "aws_s3_bucket" "other" {
          bucket = "shop-other"
        }
        """;

    [Fact]
    public void A_bucket_passes_through_the_separate_resources_that_name_it()
    {
        var document = Tf(SplitBucket);
        var block = Expect("s3-public-access-block", document, "aws_s3_bucket.data", FindingOutcome.Pass, SplitBucket, "resource \"aws_s3_bucket_public_access_block\"");
        Assert.Equal("aws_s3_bucket", block.ResourceType);
        Expect("s3-default-encryption", document, "aws_s3_bucket.data", FindingOutcome.Pass, SplitBucket, "resource \"aws_s3_bucket\" \"data\"");
        Expect("s3-tls-only", document, "aws_s3_bucket.data", FindingOutcome.Pass, SplitBucket, "resource \"aws_s3_bucket\" \"data\"");
    }

    [Fact]
    public void A_bucket_no_separate_resource_names_fails_even_beside_one_that_is_configured()
    {
        var document = Tf(SplitBucket);
        Expect("s3-public-access-block", document, "aws_s3_bucket.other", FindingOutcome.Fail, SplitBucket, "resource \"aws_s3_bucket\" \"other\"");
        Expect("s3-default-encryption", document, "aws_s3_bucket.other", FindingOutcome.Fail, SplitBucket, "resource \"aws_s3_bucket\" \"other\"");
        Expect("s3-tls-only", document, "aws_s3_bucket.other", FindingOutcome.Fail, SplitBucket, "resource \"aws_s3_bucket\" \"other\"");
    }

    [Fact]
    public void The_legacy_inline_encryption_block_counts_too()
    {
        const string text = """
            resource "aws_s3_bucket" "legacy" {
              bucket = "legacy"
              server_side_encryption_configuration {
                rule {
                  apply_server_side_encryption_by_default {
                    sse_algorithm = "aws:kms"
                  }
                }
              }
            }
            """;
        Expect("s3-default-encryption", Tf(text), "aws_s3_bucket.legacy", FindingOutcome.Pass, text, "resource \"aws_s3_bucket\"");
    }

    private const string Variables = """
        variable "encrypted" {
          type    = bool
          default = false
        }

        variable "unknown" {
          type = bool
        }

        resource "aws_db_instance" "defaulted" {
          engine            = "postgres"
          storage_encrypted = var.encrypted
        }

        resource "aws_db_instance" "unknown" {
          engine            = "postgres"
          storage_encrypted = var.unknown
        }
        """;

    [Fact]
    public void A_variable_default_is_judged_and_the_finding_says_it_came_from_the_default()
    {
        var f = Expect("rds-storage-encrypted", Tf(Variables), "aws_db_instance.defaulted", FindingOutcome.Fail, Variables, "storage_encrypted");
        Assert.Equal("default", f.Source);
        Assert.Contains("encrypted", f.How, StringComparison.Ordinal);
    }

    [Fact]
    public void A_value_from_a_tfvars_file_wins_over_the_default_and_says_so()
    {
        var f = Expect("rds-storage-encrypted", Tf(Variables, new Dictionary<string, string> { ["prod.tfvars"] = "encrypted = true\nunknown = true\n" }), "aws_db_instance.defaulted", FindingOutcome.Pass, Variables, "storage_encrypted");
        Assert.Equal("variables", f.Source);
    }

    [Fact]
    public void A_variable_without_value_is_unknown_and_says_which()
    {
        var f = Expect("rds-storage-encrypted", Tf(Variables), "aws_db_instance.unknown", FindingOutcome.Unknown, Variables, "storage_encrypted");
        Assert.Contains("unknown", f.Message.In(Language.En), StringComparison.Ordinal);
    }

    [Fact]
    public void Count_and_for_each_are_noted_in_how()
    {
        const string text = """
            resource "aws_sqs_queue" "counted" {
              count = 3
              name  = "jobs-${count.index}"
            }

            resource "aws_sqs_queue" "each" {
              for_each          = toset(["orders", "refunds"])
              name              = each.key
              kms_master_key_id = "alias/aws/sqs"
            }
            """;
        var document = Tf(text);
        var counted = Expect("sqs-encrypted", document, "aws_sqs_queue.counted", FindingOutcome.Fail, text, "resource \"aws_sqs_queue\" \"counted\"");
        Assert.Contains("count", counted.How, StringComparison.Ordinal);
        var each = Expect("sqs-encrypted", document, "aws_sqs_queue.each", FindingOutcome.Pass, text, "kms_master_key_id");
        Assert.Contains("for_each", each.How, StringComparison.Ordinal);
        Assert.Contains("orders", each.How, StringComparison.Ordinal);
    }

    [Fact]
    public void A_conditional_expression_on_an_unknown_variable_fails_on_the_failing_branch()
    {
        const string text = """
            variable "production" {
              type = bool
            }

            resource "aws_db_instance" "db" {
              engine   = "postgres"
              multi_az = var.production ? true : false
            }
            """;
        var f = Expect("rds-multi-az", Tf(text), "aws_db_instance.db", FindingOutcome.Fail, text, "multi_az");
        Assert.Equal("branch", f.Source);
    }

    [Fact]
    public void Resources_of_a_local_module_are_judged_under_their_module_address()
    {
        var root = new Dictionary<string, string>
        {
            ["main.tf"] = "module \"store\" {\n  source    = \"./modules/store\"\n  encrypted = false\n}\n",
        };
        var module = new Dictionary<string, string>
        {
            ["main.tf"] = "variable \"encrypted\" {\n  default = true\n}\n\nresource \"aws_efs_file_system\" \"files\" {\n  encrypted = var.encrypted\n}\n",
        };
        var document = TerraformReader.ReadModule(root, TfFolder, null, path => path == "modules/store" ? module : null);
        Assert.Empty(document.Problems);
        var f = On("efs-encrypted", document, "module.store.aws_efs_file_system.files");
        Assert.Equal(FindingOutcome.Fail, f.Outcome);
        Assert.Equal(TfFolder + "/modules/store/main.tf", f.File);
        Assert.Equal(6, f.Line);
        Bilingual(f);
    }
}
