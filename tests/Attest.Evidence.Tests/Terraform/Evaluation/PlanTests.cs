using Attest.Evidence.Model;
using Attest.Evidence.Terraform.Evaluation;

namespace Attest.Evidence.Tests.Terraform.Evaluation;

public sealed class PlanTests
{
    private const string Plan = """
        {
          "format_version": "1.2",
          "terraform_version": "1.9.0",
          "planned_values": {
            "root_module": {
              "resources": [
                {
                  "address": "aws_s3_bucket.logs",
                  "mode": "managed",
                  "type": "aws_s3_bucket",
                  "name": "logs",
                  "values": {
                    "bucket": "acme-logs",
                    "force_destroy": false,
                    "tags": { "Team": "ops" },
                    "server_side_encryption_configuration": [
                      { "rule": [ { "apply_server_side_encryption_by_default": [ { "sse_algorithm": "aws:kms", "kms_master_key_id": "" } ] } ] }
                    ]
                  }
                },
                {
                  "address": "data.aws_caller_identity.current",
                  "mode": "data",
                  "type": "aws_caller_identity",
                  "name": "current",
                  "values": { "account_id": "123456789012" }
                }
              ],
              "child_modules": [
                {
                  "address": "module.storage",
                  "resources": [
                    {
                      "address": "module.storage.aws_s3_bucket_public_access_block.this[0]",
                      "mode": "managed",
                      "type": "aws_s3_bucket_public_access_block",
                      "name": "this",
                      "index": 0,
                      "values": { "block_public_acls": true, "restrict_public_buckets": false }
                    }
                  ]
                }
              ]
            }
          },
          "resource_changes": [
            {
              "address": "aws_s3_bucket.logs",
              "change": {
                "actions": ["create"],
                "after_unknown": {
                  "arn": true,
                  "id": true,
                  "tags": {},
                  "server_side_encryption_configuration": [ { "rule": [ { "apply_server_side_encryption_by_default": [ { "kms_master_key_id": true } ] } ] } ]
                }
              }
            },
            {
              "address": "module.storage.aws_s3_bucket_public_access_block.this[0]",
              "change": { "actions": ["create"], "after_unknown": { "bucket": true, "id": true } }
            }
          ],
          "configuration": {
            "root_module": {
              "resources": [
                { "address": "aws_s3_bucket.logs", "mode": "managed", "type": "aws_s3_bucket", "name": "logs",
                  "expressions": { "bucket": { "constant_value": "acme-logs" } } }
              ],
              "module_calls": {
                "storage": {
                  "source": "./modules/storage",
                  "module": {
                    "resources": [
                      { "address": "aws_s3_bucket_public_access_block.this", "mode": "managed", "type": "aws_s3_bucket_public_access_block", "name": "this",
                        "expressions": { "bucket": { "references": ["var.bucket_id", "aws_s3_bucket.inner[0].id", "aws_s3_bucket.inner"] } } }
                    ]
                  }
                }
              }
            }
          }
        }
        """;

    [Fact]
    public void Planned_values_are_exact()
    {
        var document = TerraformReader.ReadPlan(Plan, "plan.json");
        Assert.Empty(document.Problems);
        var bucket = Assert.IsType<TerraformResource>(document.Resources.Single(r => r.Address == "aws_s3_bucket.logs"));

        var algorithm = Assert.Single(bucket.ValuesAt("server_side_encryption_configuration", "*", "rule", "*", "apply_server_side_encryption_by_default", "*", "sse_algorithm").Values);
        Assert.Equal(("aws:kms", ValueSource.Plan), (algorithm.Value, algorithm.Source));
        Assert.Equal("ops", Assert.Single(bucket.ValuesAt("tags", "Team").Values).Value);
        Assert.Equal(("plan.json", 8), (bucket.Location.File, bucket.Location.Line));
        var absent = Assert.Single(bucket.ValuesAt("versioning").Values);
        Assert.True(absent.IsAbsent);
        Assert.Equal(ValueSource.Plan, absent.Source);
    }

    [Fact]
    public void After_unknown_parts_are_unknown()
    {
        var bucket = TerraformReader.ReadPlan(Plan, "plan.json").Resources.Single(r => r.Address == "aws_s3_bucket.logs");
        Assert.IsType<UnknownValue>(Assert.Single(bucket.ValuesAt("arn").Values).Value);
        Assert.IsType<UnknownValue>(Assert.Single(bucket.ValuesAt("server_side_encryption_configuration", "*", "rule", "*", "apply_server_side_encryption_by_default", "*", "kms_master_key_id").Values).Value);
    }

    [Fact]
    public void Child_module_resources_and_data_sources_are_read_with_their_references()
    {
        var document = TerraformReader.ReadPlan(Plan, "plan.json");
        var block = Assert.IsType<TerraformResource>(document.Resources.Single(r => r.Type == "aws_s3_bucket_public_access_block"));
        Assert.Equal(("module.storage.aws_s3_bucket_public_access_block.this[0]", "module.storage"), (block.Address, block.Module));
        Assert.Equal(true, Assert.Single(block.ValuesAt("block_public_acls").Values).Value);
        Assert.Equal(["module.storage.aws_s3_bucket.inner"], block.ReferencedResources("bucket"));

        var data = Assert.IsType<TerraformResource>(document.Resources.Single(r => r.Address == "data.aws_caller_identity.current"));
        Assert.Equal(("data.aws_caller_identity", true), (data.Type, data.IsDataSource));
    }

    [Theory]
    [InlineData("")]
    [InlineData("{")]
    [InlineData("[]")]
    [InlineData("{\"planned_values\": 3}")]
    [InlineData("{\"planned_values\": {\"root_module\": {\"resources\": [1, {\"address\": 2}, {}]}}}")]
    public void A_broken_plan_is_a_problem_not_an_exception(string json)
    {
        var document = TerraformReader.ReadPlan(json, "plan.json");
        Assert.NotEmpty(document.Problems);
        Assert.All(document.Problems, p => Assert.Equal("plan.json", p.Location.File));
    }
}
