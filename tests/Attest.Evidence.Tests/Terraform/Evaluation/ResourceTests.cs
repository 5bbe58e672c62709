using System.Text.Json;
using Attest.Evidence.Model;

namespace Attest.Evidence.Tests.Terraform.Evaluation;

public sealed class ResourceTests
{
    private const string Bucket = """
        resource "aws_s3_bucket" "logs" {
          bucket = "acme-logs"

          server_side_encryption_configuration {
            rule {
              apply_server_side_encryption_by_default {
                sse_algorithm = "aws:kms"
              }
            }
          }

          lifecycle {
            prevent_destroy = true
          }
        }

        resource "aws_s3_bucket_public_access_block" "logs" {
          bucket                  = aws_s3_bucket.logs.id
          block_public_acls       = true
          block_public_policy     = true
          ignore_public_acls      = true
          restrict_public_buckets = true
        }

        resource "aws_s3_bucket_policy" "logs" {
          bucket = local.bucket_id
          policy = jsonencode({ Statement = [{ Effect = "Deny", Principal = "*", Resource = "${aws_s3_bucket.logs.arn}/*" }] })
        }

        locals {
          bucket_id = aws_s3_bucket.logs.id
        }
        """;

    [Fact]
    public void A_resource_has_its_address_type_and_location()
    {
        var bucket = Tf.Read(Bucket).Resource("aws_s3_bucket.logs");
        Assert.Equal(("terraform", "aws_s3_bucket", "logs"), (bucket.Framework, bucket.Type, bucket.Name));
        Assert.Equal(new FileLocation("root/main.tf", 1, 1), bucket.Location);
        Assert.Null(bucket.Multiplicity);
        Assert.False(bucket.NeverCreated);
    }

    [Fact]
    public void Nested_blocks_are_lists_of_objects()
    {
        var bucket = Tf.Read(Bucket).Resource("aws_s3_bucket.logs");
        var value = Assert.Single(bucket.ValuesAt("server_side_encryption_configuration", "*", "rule", "*", "apply_server_side_encryption_by_default", "*", "sse_algorithm").Values);
        Assert.Equal(("aws:kms", ValueSource.Literal), (value.Value, value.Source));
        Assert.Equal(new FileLocation("root/main.tf", 7, 9), bucket.LocationOf("server_side_encryption_configuration", "*", "rule", "*", "apply_server_side_encryption_by_default", "*", "sse_algorithm"));
        Assert.Equal(new FileLocation("root/main.tf", 4, 3), bucket.LocationOf("server_side_encryption_configuration"));
    }

    [Fact]
    public void A_missing_attribute_or_block_is_absent()
    {
        var bucket = Tf.Read(Bucket).Resource("aws_s3_bucket.logs");
        Assert.True(Assert.Single(bucket.ValuesAt("versioning", "*", "enabled").Values).IsAbsent);
        Assert.True(Assert.Single(bucket.ValuesAt("acl").Values).IsAbsent);
        Assert.Equal(bucket.Location, bucket.LocationOf("acl"));
    }

    [Fact]
    public void Meta_arguments_are_not_values()
    {
        var bucket = Tf.Read(Bucket).Resource("aws_s3_bucket.logs");
        Assert.True(Assert.Single(bucket.ValuesAt("lifecycle").Values).IsAbsent);
    }

    [Fact]
    public void A_public_access_block_is_linked_to_its_bucket()
    {
        var document = Tf.Read(Bucket);
        var block = document.Resource("aws_s3_bucket_public_access_block.logs");

        Assert.Equal(["aws_s3_bucket.logs"], block.ReferencedResources("bucket"));
        Assert.Empty(block.ReferencedResources("block_public_acls"));
        Assert.Equal("known after apply: aws_s3_bucket.logs.id", Assert.IsType<UnknownValue>(Assert.Single(block.ValuesAt("bucket").Values).Value).Why);
    }

    [Fact]
    public void References_are_followed_through_locals()
    {
        var policy = Tf.Read(Bucket).Resource("aws_s3_bucket_policy.logs");
        Assert.Equal(["aws_s3_bucket.logs"], policy.ReferencedResources("bucket"));
        Assert.Equal(["aws_s3_bucket.logs"], policy.ReferencedResources("policy"));
        Assert.Equal(["aws_s3_bucket.logs"], policy.ReferencedResources());
    }

    [Fact]
    public void References_in_nested_blocks_are_per_attribute()
    {
        const string config = """
            resource "aws_kms_key" "k" {}
            resource "aws_s3_bucket_server_side_encryption_configuration" "e" {
              bucket = aws_s3_bucket.b.id
              rule {
                apply_server_side_encryption_by_default {
                  sse_algorithm     = "aws:kms"
                  kms_master_key_id = aws_kms_key.k.arn
                }
              }
            }
            resource "aws_s3_bucket" "b" {}
            """;
        var encryption = Tf.Read(config).Resource("aws_s3_bucket_server_side_encryption_configuration.e");
        Assert.Equal(["aws_s3_bucket.b"], encryption.ReferencedResources("bucket"));
        Assert.Equal(["aws_kms_key.k"], encryption.ReferencedResources("rule"));
        Assert.Equal(["aws_kms_key.k"], encryption.ReferencedResources("rule", "*", "apply_server_side_encryption_by_default", "*", "kms_master_key_id"));
        Assert.Empty(encryption.ReferencedResources("rule", "*", "apply_server_side_encryption_by_default", "*", "sse_algorithm"));
        Assert.Equal(["aws_kms_key.k", "aws_s3_bucket.b"], encryption.ReferencedResources());
    }

    [Fact]
    public void Only_the_branch_taken_is_referenced()
    {
        const string config = """
            variable "directory" { default = false }
            resource "aws_s3_bucket" "b" {}
            resource "aws_s3_directory_bucket" "d" {}
            resource "aws_s3_bucket_policy" "p" {
              bucket = var.directory ? aws_s3_directory_bucket.d.bucket : aws_s3_bucket.b.id
            }
            """;
        Assert.Equal(["aws_s3_bucket.b"], Tf.Read(config).Resource("aws_s3_bucket_policy.p").ReferencedResources("bucket"));
    }

    [Fact]
    public void A_dynamic_block_is_expanded_over_a_known_collection()
    {
        const string config = """
            variable "rules" {
              default = [
                { from = 443, cidr = "0.0.0.0/0" },
                { from = 22, cidr = "10.0.0.0/8" },
              ]
            }
            resource "aws_security_group" "web" {
              ingress {
                from_port = 80
              }
              dynamic "ingress" {
                for_each = var.rules
                iterator = rule
                content {
                  from_port   = rule.value.from
                  cidr_blocks = [rule.value.cidr]
                  description = "rule ${rule.key}"
                }
              }
            }
            """;
        var group = Tf.Read(config).Resource("aws_security_group.web");
        Assert.Equal(["80", "443", "22"], group.ValuesAt("ingress", "*", "from_port").Values.Select(v => Tf.Show(v.Value)));
        Assert.Equal(["null", "\"0.0.0.0/0\"", "\"10.0.0.0/8\""], group.ValuesAt("ingress", "*", "cidr_blocks", "0").Values.Select(v => Tf.Show(v.Value)));
        Assert.Equal("rule 1", group.ValuesAt("ingress", "*", "description").Values[2].Value);
        Assert.All(group.ValuesAt("ingress", "*", "from_port").Values.Skip(1), v => Assert.Equal(ValueSource.Default, v.Source));
        Assert.Equal(new FileLocation("root/main.tf", 15, 7), group.LocationOf("ingress", "1", "from_port"));
    }

    [Fact]
    public void A_dynamic_block_over_an_unknown_collection_is_one_element_marked_unknown()
    {
        const string config = """
            variable "rules" {}
            resource "aws_security_group" "web" {
              dynamic "ingress" {
                for_each = var.rules
                content {
                  protocol  = "tcp"
                  from_port = ingress.value.from
                }
              }
            }
            """;
        var values = Tf.Read(config).Resource("aws_security_group.web").ValuesAt("ingress", "*", "protocol").Values;
        Assert.Equal(2, values.Count);
        Assert.Equal(("tcp", ValueSource.Branch, "if dynamic ingress has elements"), (values[0].Value, values[0].Source, values[0].How));
        Assert.Equal("dynamic block ingress: for_each is not known (variable rules has no value)", Assert.IsType<UnknownValue>(values[1].Value).Why);
    }

    [Fact]
    public void A_dynamic_block_under_an_unknown_condition_may_be_absent()
    {
        const string config = """
            variable "kms_key" {}
            resource "aws_s3_bucket_server_side_encryption_configuration" "e" {
              dynamic "rule" {
                for_each = var.kms_key != null ? [var.kms_key] : []
                content {
                  sse_algorithm = "aws:kms"
                }
              }
            }
            """;
        var values = Tf.Read(config).Resource("aws_s3_bucket_server_side_encryption_configuration.e").ValuesAt("rule", "*", "sse_algorithm").Values;
        Assert.Equal(["\"aws:kms\"", "null"], values.Select(v => Tf.Show(v.Value)));
        Assert.Equal("when var.kms_key != null is false", values[1].How);
    }

    [Fact]
    public void Count_zero_is_never_created()
    {
        const string config = """
            variable "create" { default = false }
            resource "aws_s3_bucket" "b" {
              count  = var.create ? 1 : 0
              bucket = "b-${count.index}"
            }
            """;
        var bucket = Tf.Read(config).Resource("aws_s3_bucket.b");
        Assert.True(bucket.NeverCreated);
        Assert.Equal("count = var.create ? 1 : 0 → 0: never created (variable create default)", bucket.Multiplicity);
    }

    [Fact]
    public void An_unknown_count_is_described_and_not_never_created()
    {
        const string config = """
            variable "create" {}
            resource "aws_s3_bucket" "b" {
              count = var.create ? 1 : 0
            }
            """;
        var bucket = Tf.Read(config).Resource("aws_s3_bucket.b");
        Assert.False(bucket.NeverCreated);
        Assert.Equal("count = var.create ? 1 : 0 → 1 (when var.create is true), 0: never created (when var.create is false)", bucket.Multiplicity);
    }

    [Fact]
    public void Count_index_gives_each_instance_its_values()
    {
        const string config = """
            variable "azs" { default = ["eu-west-1a", "eu-west-1b"] }
            resource "aws_subnet" "private" {
              count             = length(var.azs)
              availability_zone = var.azs[count.index]
              cidr_block        = cidrsubnet("10.0.0.0/16", 8, count.index)
              vpc_id            = "vpc-1"
            }
            """;
        var subnet = Tf.Read(config).Resource("aws_subnet.private");
        Assert.Equal("count = length(var.azs) → 2 (variable azs default)", subnet.Multiplicity);
        var zones = subnet.ValuesAt("availability_zone").Values;
        Assert.Equal(["eu-west-1a", "eu-west-1b"], zones.Select(v => v.Value));
        Assert.Equal("instance [1]; variable azs default", zones[1].How);
        Assert.Equal(["10.0.0.0/24", "10.0.1.0/24"], subnet.ValuesAt("cidr_block").Values.Select(v => v.Value));
        Assert.Equal("vpc-1", Assert.Single(subnet.ValuesAt("vpc_id").Values).Value);
    }

    [Fact]
    public void For_each_binds_each_key_and_value()
    {
        const string config = """
            variable "buckets" {
              default = {
                logs = { versioned = false }
                data = { versioned = true }
              }
            }
            resource "aws_s3_bucket" "b" {
              for_each = var.buckets
              bucket   = "acme-${each.key}"
              tags     = { Versioned = each.value.versioned }
            }
            """;
        var bucket = Tf.Read(config).Resource("aws_s3_bucket.b");
        Assert.Equal("for_each over var.buckets → 2 instance(s): data, logs", bucket.Multiplicity);
        Assert.Equal(["acme-data", "acme-logs"], bucket.ValuesAt("bucket").Values.Select(v => v.Value));
        Assert.Equal([true, false], bucket.ValuesAt("tags", "Versioned").Values.Select(v => v.Value));
    }

    [Fact]
    public void For_each_over_a_set_and_an_empty_map()
    {
        const string config = """
            resource "aws_iam_user" "u" {
              for_each = toset(["bob", "alice"])
              name     = each.value
            }
            resource "aws_iam_user" "none" {
              for_each = {}
              name     = each.key
            }
            """;
        var document = Tf.Read(config);
        Assert.Equal(["alice", "bob"], document.Resource("aws_iam_user.u").ValuesAt("name").Values.Select(v => v.Value));
        var none = document.Resource("aws_iam_user.none");
        Assert.True(none.NeverCreated);
        Assert.Equal("for_each over {} → no instance: never created", none.Multiplicity);
    }

    [Fact]
    public void Data_sources_are_prefixed_and_policy_documents_render_as_json()
    {
        const string config = """
            resource "aws_s3_bucket" "b" {}
            data "aws_iam_policy_document" "tls" {
              statement {
                sid     = "DenyInsecure"
                effect  = "Deny"
                actions = ["s3:*"]
                resources = [aws_s3_bucket.b.arn, "${aws_s3_bucket.b.arn}/*"]
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
            resource "aws_s3_bucket_policy" "p" {
              bucket = aws_s3_bucket.b.id
              policy = data.aws_iam_policy_document.tls.json
            }
            """;
        var document = Tf.Read(config);
        var data = document.Resource("data.aws_iam_policy_document.tls");
        Assert.Equal(("data.aws_iam_policy_document", true), (data.Type, data.IsDataSource));

        var policy = document.Resource("aws_s3_bucket_policy.p");
        var text = Assert.IsType<string>(Assert.Single(policy.ValuesAt("policy").Values).Value);
        using var json = JsonDocument.Parse(text);
        var statement = json.RootElement.GetProperty("Statement")[0];
        Assert.Equal("2012-10-17", json.RootElement.GetProperty("Version").GetString());
        Assert.Equal("Deny", statement.GetProperty("Effect").GetString());
        Assert.Equal("s3:*", statement.GetProperty("Action").GetString());
        Assert.Equal("*", statement.GetProperty("Principal").GetString());
        Assert.Equal("false", statement.GetProperty("Condition").GetProperty("Bool").GetProperty("aws:SecureTransport").GetString());
        Assert.Equal("${aws_s3_bucket.b.arn}/*", statement.GetProperty("Resource")[1].GetString());
        Assert.Equal(["aws_s3_bucket.b", "data.aws_iam_policy_document.tls"], policy.ReferencedResources("policy"));
    }

    [Fact]
    public void A_resource_that_refers_to_an_undeclared_resource_gets_an_unknown_not_an_exception()
    {
        var value = Assert.Single(Tf.Read("resource \"a\" \"b\" {\n  x = aws_nope.x.id\n}").Resource("a.b").ValuesAt("x").Values);
        Assert.Contains("undeclared resource aws_nope.x", Assert.IsType<UnknownValue>(value.Value).Why, StringComparison.Ordinal);
    }

    [Fact]
    public void Duplicate_and_malformed_blocks_are_problems()
    {
        var document = Tf.Read("resource \"a\" \"b\" {}\nresource \"a\" \"b\" {}\nresource \"only_one_label\" {}\nresource \"a\" \"c\" {\n  x = \n}\n");
        Assert.Contains(document.Problems, p => p.Message.StartsWith("duplicate resource a.b", StringComparison.Ordinal) && p.Location.Line == 2);
        Assert.Contains(document.Problems, p => p.Message.Contains("needs two labels", StringComparison.Ordinal));
        Assert.Contains(document.Problems, p => p.Message.StartsWith("syntax error", StringComparison.Ordinal) && p.Location.Line == 5);
        Assert.Equal(["a.b", "a.c"], document.Resources.Select(r => r.Address));
    }
}
