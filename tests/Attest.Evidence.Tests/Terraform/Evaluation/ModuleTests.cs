using Attest.Evidence.Model;
using Attest.Evidence.Terraform.Evaluation;

namespace Attest.Evidence.Tests.Terraform.Evaluation;

public sealed class ModuleTests
{
    private static readonly IReadOnlyDictionary<string, string> StorageModule = new Dictionary<string, string>
    {
        ["variables.tf"] = """
            variable "name" {}
            variable "sse_algorithm" { default = "AES256" }
            variable "create" { default = true }
            """,
        ["main.tf"] = """
            resource "aws_s3_bucket" "this" {
              count  = var.create ? 1 : 0
              bucket = var.name
            }

            resource "aws_s3_bucket_server_side_encryption_configuration" "this" {
              count  = var.create ? 1 : 0
              bucket = aws_s3_bucket.this[0].id
              rule {
                apply_server_side_encryption_by_default {
                  sse_algorithm = var.sse_algorithm
                }
              }
            }

            module "nested" {
              source = "../shared/tags"
              name   = var.name
            }
            """,
        ["outputs.tf"] = """
            output "bucket_id" { value = try(aws_s3_bucket.this[0].id, "") }
            output "name_upper" { value = upper(var.name) }
            output "tags" { value = module.nested.tags }
            """,
    };

    private static readonly IReadOnlyDictionary<string, string> TagsModule = new Dictionary<string, string>
    {
        ["main.tf"] = """
            variable "name" {}
            output "tags" { value = { Name = var.name, Managed = "terraform" } }
            """,
    };

    private static IacDocument ReadRoot(string main) => Tf.Read(
        new Dictionary<string, string> { ["main.tf"] = main },
        new Dictionary<string, IReadOnlyDictionary<string, string>>
        {
            ["modules/storage"] = StorageModule,
            ["modules/shared/tags"] = TagsModule,
        });

    [Fact]
    public void A_local_module_is_followed_with_its_inputs()
    {
        var document = ReadRoot("""
            module "storage" {
              source        = "./modules/storage"
              name          = "acme-logs"
              sse_algorithm = "aws:kms"
            }
            """);

        Assert.Empty(document.Problems);
        var bucket = document.Resource("module.storage.aws_s3_bucket.this");
        Assert.Equal(("aws_s3_bucket", "module.storage"), (bucket.Type, bucket.Module));
        Assert.Equal(new FileLocation("root/modules/storage/main.tf", 1, 1), bucket.Location);
        Assert.Equal(("acme-logs", ValueSource.Literal), (bucket.ValuesAt("bucket").Values[0].Value, bucket.ValuesAt("bucket").Values[0].Source));

        var encryption = document.Resource("module.storage.aws_s3_bucket_server_side_encryption_configuration.this");
        Assert.Equal("aws:kms", Assert.Single(encryption.ValuesAt("rule", "*", "apply_server_side_encryption_by_default", "*", "sse_algorithm").Values).Value);
        Assert.Equal(["module.storage.aws_s3_bucket.this"], encryption.ReferencedResources("bucket"));
    }

    [Fact]
    public void A_module_default_is_said_to_be_the_modules()
    {
        var document = ReadRoot("module \"storage\" {\n  source = \"./modules/storage\"\n  name = \"n\"\n}");
        var value = Assert.Single(document.Resource("module.storage.aws_s3_bucket_server_side_encryption_configuration.this")
            .ValuesAt("rule", "*", "apply_server_side_encryption_by_default", "*", "sse_algorithm").Values);
        Assert.Equal(("AES256", ValueSource.Default, "variable sse_algorithm default in module.storage"), (value.Value, value.Source, value.How));
    }

    [Fact]
    public void Module_outputs_are_resolved_and_carry_references()
    {
        var document = ReadRoot("""
            module "storage" {
              source = "./modules/storage"
              name   = "acme"
            }
            resource "aws_s3_bucket_policy" "p" {
              bucket = module.storage.bucket_id
              tags   = module.storage.tags
              name   = module.storage.name_upper
            }
            """);
        var policy = document.Resource("aws_s3_bucket_policy.p");
        Assert.Equal(["module.storage.aws_s3_bucket.this"], policy.ReferencedResources("bucket"));
        Assert.Equal("known after apply: aws_s3_bucket.this[0].id", Assert.IsType<UnknownValue>(Assert.Single(policy.ValuesAt("bucket").Values).Value).Why);
        Assert.Equal("ACME", Assert.Single(policy.ValuesAt("name").Values).Value);
        Assert.Equal("terraform", Assert.Single(policy.ValuesAt("tags", "Managed").Values).Value);
        Assert.Contains(document.Resources, r => r.Address == "module.storage.module.nested.aws_s3_bucket.this" || r.Address.StartsWith("module.storage.aws_", StringComparison.Ordinal));
    }

    [Fact]
    public void A_registry_module_is_noted_not_followed()
    {
        var document = ReadRoot("""
            module "vpc" {
              source  = "terraform-aws-modules/vpc/aws"
              version = "~> 5.0"
            }
            module "git" {
              source = "git::https://example.com/modules.git//vpc?ref=v1"
            }
            resource "aws_instance" "web" {
              subnet_id = module.vpc.private_subnets[0]
            }
            """);
        Assert.Contains(document.Problems, p => p.Message == "module vpc from registry not followed (source \"terraform-aws-modules/vpc/aws\")" && p.Location.Line == 1);
        Assert.Contains(document.Problems, p => p.Message.StartsWith("module git from git not followed", StringComparison.Ordinal));
        var web = document.Resource("aws_instance.web");
        Assert.Equal("module vpc is not followed: module.vpc.private_subnets[0]", Assert.IsType<UnknownValue>(Assert.Single(web.ValuesAt("subnet_id").Values).Value).Why);
        Assert.Equal(["module.vpc"], web.ReferencedResources("subnet_id"));
    }

    [Fact]
    public void A_missing_local_module_is_a_problem()
    {
        var document = ReadRoot("module \"x\" {\n  source = \"./nowhere\"\n}");
        Assert.Contains(document.Problems, p => p.Message == "module x is not followed: local folder \"./nowhere\" not found");
    }

    [Fact]
    public void A_module_count_of_zero_makes_its_resources_never_created()
    {
        var document = ReadRoot("""
            module "storage" {
              source = "./modules/storage"
              count  = 0
              name   = "n"
            }
            """);
        var bucket = document.Resource("module.storage.aws_s3_bucket.this");
        Assert.True(bucket.NeverCreated);
        Assert.StartsWith("module.storage: count = 0 → 0: never created", bucket.Multiplicity, StringComparison.Ordinal);
    }

    [Fact]
    public void A_module_input_can_switch_a_child_resource_off()
    {
        var document = ReadRoot("module \"storage\" {\n  source = \"./modules/storage\"\n  name = \"n\"\n  create = false\n}");
        var bucket = document.Resource("module.storage.aws_s3_bucket.this");
        Assert.True(bucket.NeverCreated);
        Assert.Equal("count = var.create ? 1 : 0 → 0: never created", bucket.Multiplicity);
    }

    [Fact]
    public void A_module_for_each_binds_each_for_its_inputs()
    {
        var document = ReadRoot("""
            module "storage" {
              source   = "./modules/storage"
              for_each = toset(["a", "b"])
              name     = "bucket-${each.key}"
            }
            """);
        var bucket = document.Resource("module.storage.aws_s3_bucket.this");
        Assert.Equal(["bucket-a", "bucket-b"], bucket.ValuesAt("bucket").Values.Select(v => v.Value));
        Assert.StartsWith("module.storage: for_each over toset([\"a\", \"b\"]) → 2 instance(s): a, b", bucket.Multiplicity, StringComparison.Ordinal);
    }

    [Fact]
    public void Module_cycles_are_stopped()
    {
        var loop = new Dictionary<string, string> { ["main.tf"] = "module \"again\" {\n  source = \"../loop\"\n}\nresource \"null_resource\" \"n\" {}" };
        var document = Tf.Read(
            new Dictionary<string, string> { ["main.tf"] = "module \"loop\" {\n  source = \"./loop\"\n}" },
            new Dictionary<string, IReadOnlyDictionary<string, string>> { ["loop"] = loop });
        Assert.Contains(document.Problems, p => p.Message.Contains("leads back to a module that calls it", StringComparison.Ordinal));
        Assert.Equal(["module.loop.null_resource.n"], document.Resources.Select(r => r.Address));
    }

    [Fact]
    public void Deep_module_chains_are_bounded()
    {
        // Each level calls a deeper folder, so no cycle is seen; the depth bound stops it.
        var document = TerraformReader.ReadModule(
            new Dictionary<string, string> { ["main.tf"] = "module \"m\" {\n  source = \"./d\"\n}" },
            "root",
            null,
            path => new Dictionary<string, string> { ["main.tf"] = "module \"m\" {\n  source = \"./d\"\n}\nresource \"null_resource\" \"n\" {}" });
        Assert.Contains(document.Problems, p => p.Message.Contains("too many nested", StringComparison.Ordinal));
        Assert.InRange(document.Resources.Count, 1, 20);
    }

    [Fact]
    public void A_callback_that_throws_is_a_problem()
    {
        var document = TerraformReader.ReadModule(
            new Dictionary<string, string> { ["main.tf"] = "module \"m\" {\n  source = \"./d\"\n}" },
            "root",
            null,
            _ => throw new IOException("disk on fire"));
        Assert.Contains(document.Problems, p => p.Message.Contains("disk on fire", StringComparison.Ordinal));
    }

    [Fact]
    public void The_callback_receives_paths_relative_to_the_root_module()
    {
        var asked = new List<string>();
        TerraformReader.ReadModule(
            new Dictionary<string, string> { ["main.tf"] = "module \"a\" {\n  source = \"./modules/a\"\n}" },
            "envs/prod",
            null,
            path =>
            {
                asked.Add(path);
                return path == "modules/a" ? new Dictionary<string, string> { ["main.tf"] = "module \"b\" {\n  source = \"../../../shared/b\"\n}" } : null;
            });
        Assert.Equal(["modules/a", "../shared/b"], asked);
    }

    [Fact]
    public void Path_module_is_the_child_folder_and_json_configuration_is_noted()
    {
        var child = new Dictionary<string, string>
        {
            ["main.tf"] = "resource \"local_file\" \"f\" {\n  filename = \"${path.module}/out.txt\"\n}",
            ["extra.tf.json"] = "{}",
        };
        var document = Tf.Read(
            new Dictionary<string, string> { ["main.tf"] = "module \"files\" {\n  source = \"./modules/files\"\n}" },
            new Dictionary<string, IReadOnlyDictionary<string, string>> { ["modules/files"] = child });
        Assert.Equal("root/modules/files/out.txt", Assert.Single(document.Resource("module.files.local_file.f").ValuesAt("filename").Values).Value);
        Assert.Contains(document.Problems, p => p.Location.File == "root/modules/files/extra.tf.json" && p.Message.Contains(".tf.json", StringComparison.Ordinal));
    }
}
