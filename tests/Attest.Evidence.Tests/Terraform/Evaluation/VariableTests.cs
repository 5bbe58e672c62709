using Attest.Evidence.Model;

namespace Attest.Evidence.Tests.Terraform.Evaluation;

public sealed class VariableTests
{
    private const string Config = """
        variable "acl" {
          type    = string
          default = "private"
        }

        variable "versioning" {
          type = bool
        }

        resource "aws_s3_bucket" "b" {
          acl        = var.acl
          versioning = var.versioning
        }
        """;

    [Fact]
    public void A_default_is_used_and_said_so()
    {
        var value = Assert.Single(Tf.Read(Config).Resource("aws_s3_bucket.b").ValuesAt("acl").Values);
        Assert.Equal(("private", ValueSource.Default, "variable acl default"), (value.Value, value.Source, value.How));
    }

    [Fact]
    public void A_variable_without_default_or_value_is_unknown()
    {
        var value = Assert.Single(Tf.Read(Config).Resource("aws_s3_bucket.b").ValuesAt("versioning").Values);
        Assert.Equal("variable versioning has no value", Assert.IsType<UnknownValue>(value.Value).Why);
    }

    [Fact]
    public void A_tfvars_value_overrides_the_default()
    {
        var document = Tf.Read(Config, new Dictionary<string, string> { ["prod.tfvars"] = "acl = \"public-read\"\nversioning = \"true\"\n" });
        var bucket = document.Resource("aws_s3_bucket.b");

        var acl = Assert.Single(bucket.ValuesAt("acl").Values);
        Assert.Equal(("public-read", ValueSource.Variables, "variable acl from root/prod.tfvars"), (acl.Value, acl.Source, acl.How));
        Assert.Equal(true, Assert.Single(bucket.ValuesAt("versioning").Values).Value);
    }

    [Fact]
    public void Auto_loaded_variable_files_apply_in_terraform_order()
    {
        var files = new Dictionary<string, string>
        {
            ["main.tf"] = Config,
            ["terraform.tfvars"] = "acl = \"from-terraform-tfvars\"",
            ["b.auto.tfvars.json"] = """{ "acl": "from-auto-json", "versioning": false }""",
            ["a.auto.tfvars"] = "acl = \"from-a-auto\"",
        };
        var bucket = Tf.Read(files).Resource("aws_s3_bucket.b");

        Assert.Equal("from-auto-json", Assert.Single(bucket.ValuesAt("acl").Values).Value);
        Assert.Equal(false, Assert.Single(bucket.ValuesAt("versioning").Values).Value);
    }

    [Fact]
    public void Explicit_variable_files_win_over_auto_loaded_ones()
    {
        var files = new Dictionary<string, string> { ["main.tf"] = Config, ["terraform.tfvars"] = "acl = \"auto\"" };
        var bucket = Tf.Read(files, tfvars: new Dictionary<string, string> { ["x.tfvars"] = "acl = \"explicit\"" }).Resource("aws_s3_bucket.b");
        Assert.Equal("explicit", Assert.Single(bucket.ValuesAt("acl").Values).Value);
    }

    [Fact]
    public void Invalid_variable_files_are_problems()
    {
        var document = Tf.Read(Config, new Dictionary<string, string> { ["bad.tfvars.json"] = "{ nope" });
        Assert.Contains(document.Problems, p => p.Location.File == "root/bad.tfvars.json" && p.Message.StartsWith("invalid JSON", StringComparison.Ordinal));
    }

    [Fact]
    public void Locals_build_on_variables_and_each_other()
    {
        const string config = """
            variable "env" { default = "prod" }
            locals {
              name   = "${var.env}-logs"
              tags   = merge(local.common, { Name = local.name })
              common = { Team = "ops" }
            }
            """;
        Assert.Equal("{Name=\"prod-logs\", Team=\"ops\"}", Tf.Text("local.tags", config));
    }

    [Fact]
    public void Object_types_fill_optional_attributes()
    {
        const string config = """
            variable "logging" {
              type = object({
                target_bucket = string
                target_prefix = optional(string, "logs/")
                enabled       = optional(bool)
              })
              default = { target_bucket = "b" }
            }
            """;
        Assert.Equal("{enabled=null, target_bucket=\"b\", target_prefix=\"logs/\"}", Tf.Text("var.logging", config));
    }

    [Fact]
    public void Primitive_types_convert_values()
    {
        Assert.Equal("\"5\"", Tf.Text("var.n", "variable \"n\" {\n  type = string\n  default = 5\n}"));
        Assert.Equal("[1, 2]", Tf.Text("var.l", "variable \"l\" {\n  type = list(number)\n  default = [\"1\", 2]\n}"));
    }

    [Fact]
    public void An_undeclared_variable_is_an_error_not_an_exception()
    {
        Assert.StartsWith("cannot be evaluated: undeclared variable", Assert.IsType<UnknownValue>(Tf.Single("var.nope")).Why, StringComparison.Ordinal);
    }
}
