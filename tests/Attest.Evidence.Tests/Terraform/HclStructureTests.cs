using Attest.Evidence.Terraform;

namespace Attest.Evidence.Tests.Terraform;

public sealed class HclStructureTests
{
    [Fact]
    public void Attribute_has_name_value_and_ranges()
    {
        var file = Hcl.ParseValid("region = \"eu-west-3\"\n");

        var attribute = Assert.IsType<AttributeDefinition>(Assert.Single(file.Body.Items));
        Assert.Equal("region", attribute.Name);
        Assert.Equal("eu-west-3", Hcl.StringValue(attribute.Expression));
        Assert.Equal(Hcl.FileName, attribute.Range.FileName);
        Assert.Equal((1, 1), Hcl.Start(attribute.NameRange));
        Assert.Equal((1, 7), Hcl.End(attribute.NameRange));
        Assert.Equal((1, 1), Hcl.Start(attribute.Range));
        Assert.Equal((1, 21), Hcl.End(attribute.Range));
        Assert.Equal((1, 10), Hcl.Start(attribute.Expression.Range));
    }

    [Fact]
    public void Block_with_quoted_labels_has_type_labels_body_and_range()
    {
        var file = Hcl.ParseValid("""
            resource "aws_s3_bucket" "logs" {
              bucket = "my-logs"
            }

            """);

        var block = Assert.Single(file.Body.Blocks);
        Assert.Equal("resource", block.Type);
        Assert.Equal(["aws_s3_bucket", "logs"], block.Labels.Select(l => l.Value));
        Assert.All(block.Labels, l => Assert.True(l.IsQuoted));
        Assert.Equal((1, 10), Hcl.Start(block.Labels[0].Range));
        Assert.Equal((1, 25), Hcl.End(block.Labels[0].Range));
        Assert.Equal((1, 1), Hcl.Start(block.Range));
        Assert.Equal((3, 2), Hcl.End(block.Range));
        Assert.Equal((1, 33), Hcl.Start(block.Body.Range));
        Assert.Equal("my-logs", Hcl.StringValue(block.Body.FindAttribute("bucket")!.Expression));
    }

    [Fact]
    public void Block_labels_may_be_bare_identifiers()
    {
        var block = Assert.Single(Hcl.ParseValid("thing foo \"bar\" baz {\n}\n").Body.Blocks);

        Assert.Equal(["foo", "bar", "baz"], block.Labels.Select(l => l.Value));
        Assert.Equal([false, true, false], block.Labels.Select(l => l.IsQuoted));
    }

    [Fact]
    public void Quoted_label_decodes_escapes()
    {
        var block = Assert.Single(Hcl.ParseValid("b \"a\\\"b\" {}\n").Body.Blocks);

        Assert.Equal("a\"b", Assert.Single(block.Labels).Value);
    }

    [Fact]
    public void Body_keeps_attributes_and_nested_blocks_in_source_order()
    {
        var file = Hcl.ParseValid("""
            resource "aws_s3_bucket" "b" {
              bucket = "x"

              versioning {
                enabled = true
              }

              tags = {}
              lifecycle_rule {
                id = "one"
              }
              lifecycle_rule {
                id = "two"
              }
            }
            """);

        var body = Assert.Single(file.Body.Blocks).Body;
        Assert.Equal(
            ["bucket", "versioning", "tags", "lifecycle_rule", "lifecycle_rule"],
            body.Items.Select(i => i switch { AttributeDefinition a => a.Name, Block b => b.Type, _ => "?" }));
        Assert.Equal(2, body.BlocksOfType("lifecycle_rule").Count());
        var versioning = Assert.Single(body.BlocksOfType("versioning"));
        Assert.Empty(versioning.Labels);
        Assert.True(Assert.IsType<BoolLiteralExpression>(versioning.Body.FindAttribute("enabled")!.Expression).Value);
    }

    [Fact]
    public void Empty_block_and_single_line_block_are_accepted()
    {
        var file = Hcl.ParseValid("data \"aws_caller_identity\" \"current\" {}\nlifecycle { create_before_destroy = true }\n");

        var blocks = file.Body.Blocks.ToList();
        Assert.Empty(blocks[0].Body.Items);
        var attribute = Assert.Single(blocks[1].Body.Attributes);
        Assert.Equal("create_before_destroy", attribute.Name);
        Assert.Equal((2, 43), Hcl.End(blocks[1].Range));
    }

    [Fact]
    public void Comments_and_blank_lines_between_items_are_ignored()
    {
        var file = Hcl.ParseValid("""
            # leading comment
            a = 1 # trailing comment

            /* block
               comment */
            // another
            b = 2
            """);

        Assert.Equal(["a", "b"], file.Body.Attributes.Select(a => a.Name));
    }

    [Fact]
    public void Empty_file_has_an_empty_body()
    {
        var file = Hcl.ParseValid("");

        Assert.Empty(file.Body.Items);
        Assert.Equal((1, 1), Hcl.Start(file.Range));
    }

    [Fact]
    public void Last_item_may_end_at_the_end_of_the_file_without_a_newline()
    {
        var file = Hcl.ParseValid("a = 1\nb { c = 2 }");

        Assert.Single(file.Body.Attributes);
        Assert.Single(file.Body.Blocks);
    }

    [Fact]
    public void Attribute_names_and_block_types_may_contain_dashes()
    {
        var file = Hcl.ParseValid("my-block {\n  some-attr = 1\n}\n");

        Assert.Equal("some-attr", Assert.Single(Assert.Single(file.Body.Blocks).Body.Attributes).Name);
    }

    [Fact]
    public void Duplicate_attribute_in_one_body_is_reported_at_the_second_name()
    {
        var diagnostic = Hcl.FirstDiagnostic("a = 1\na = 2\n");

        Assert.Contains("Duplicate argument 'a'", diagnostic.Message, StringComparison.Ordinal);
        Assert.Equal((2, 1), (diagnostic.Line, diagnostic.Column));
    }

    [Fact]
    public void Terraform_file_with_variables_locals_resources_and_outputs_parses_into_the_expected_tree()
    {
        var file = Hcl.ParseValid("""
            terraform {
              required_version = ">= 1.5"
              required_providers {
                aws = {
                  source  = "hashicorp/aws"
                  version = ">= 5.0"
                }
              }
            }

            variable "bucket_name" {
              type    = string
              default = null
            }

            locals {
              tags = merge(var.tags, { Name = var.bucket_name })
            }

            resource "aws_s3_bucket" "this" {
              count  = var.create ? 1 : 0
              bucket = var.bucket_name
              tags   = local.tags
            }

            output "arn" {
              value = try(aws_s3_bucket.this[0].arn, null)
            }
            """);

        Assert.Equal(["terraform", "variable", "locals", "resource", "output"], file.Body.Blocks.Select(b => b.Type));
        var providers = Assert.Single(file.Body.Blocks.First().Body.BlocksOfType("required_providers"));
        var aws = Assert.IsType<ObjectExpression>(providers.Body.FindAttribute("aws")!.Expression);
        Assert.Equal(["source", "version"], aws.Items.Select(i => i.TryGetKeyName(out var k) ? k : "?"));
        var output = Assert.Single(file.Body.BlocksOfType("output"));
        var call = Assert.IsType<FunctionCallExpression>(output.Body.FindAttribute("value")!.Expression);
        Assert.Equal("try", call.Name);
        Assert.Equal("aws_s3_bucket.this[0].arn", Hcl.TraversalText(call.Arguments[0]));
    }
}
