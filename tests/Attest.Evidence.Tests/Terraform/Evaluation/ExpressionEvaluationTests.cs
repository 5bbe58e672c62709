using Attest.Evidence.Model;

namespace Attest.Evidence.Tests.Terraform.Evaluation;

public sealed class ExpressionEvaluationTests
{
    [Theory]
    [InlineData("42", "42")]
    [InlineData("1.50", "1.5")]
    [InlineData("true", "true")]
    [InlineData("\"text\"", "\"text\"")]
    [InlineData("[1, \"a\", false]", "[1, \"a\", false]")]
    [InlineData("{ b = 2, a = 1 }", "{a=1, b=2}")]
    public void Literals_and_constructors_evaluate(string expression, string expected)
    {
        Assert.Equal(expected, Tf.Text(expression));
    }

    [Fact]
    public void A_computed_object_key_is_evaluated()
    {
        Assert.Equal("{ab=1}", Tf.Text("{ (\"${local.a}b\") = 1 }", "locals { a = \"a\" }"));
    }

    [Fact]
    public void Null_is_absent()
    {
        var value = Assert.Single(Tf.Eval("null").Values);
        Assert.True(value.IsAbsent);
    }

    [Theory]
    [InlineData("1 + 2 * 3", "7")]
    [InlineData("(1 + 2) * 3", "9")]
    [InlineData("7 / 2", "3.5")]
    [InlineData("7 % 3", "1")]
    [InlineData("-(2 - 5)", "3")]
    [InlineData("\"3\" + 1", "4")]
    [InlineData("2 > 1 && 1 >= 1", "true")]
    [InlineData("1 == 1.0", "true")]
    [InlineData("1 == \"1\"", "false")]
    [InlineData("[1, 2] == [1, 2]", "true")]
    [InlineData("{ a = 1 } != { a = 1 }", "false")]
    [InlineData("null == null", "true")]
    [InlineData("!true || false", "false")]
    public void Operators_evaluate(string expression, string expected)
    {
        Assert.Equal(expected, Tf.Text(expression));
    }

    [Fact]
    public void A_logical_operator_is_decided_by_one_known_side()
    {
        Assert.Equal("false", Tf.Text("false && var.unset", "variable \"unset\" {}"));
        Assert.Equal("true", Tf.Text("var.unset || true", "variable \"unset\" {}"));
        Assert.IsType<UnknownValue>(Tf.Single("var.unset && true", "variable \"unset\" {}"));
    }

    [Fact]
    public void Division_by_zero_is_an_error_that_try_catches()
    {
        Assert.StartsWith("unknown(cannot be evaluated: division by zero", Tf.Text("1 / 0"), StringComparison.Ordinal);
        Assert.Equal("0", Tf.Text("try(1 / 0, 0)"));
    }

    [Fact]
    public void A_template_interpolates_resolved_values()
    {
        Assert.Equal("\"bucket-logs-3\"", Tf.Text("\"bucket-${local.name}-${1 + 2}\"", "locals { name = \"logs\" }"));
    }

    [Fact]
    public void A_template_of_one_interpolation_keeps_the_value_type()
    {
        Assert.Equal("[1, 2]", Tf.Text("\"${local.list}\"", "locals { list = [1, 2] }"));
    }

    [Fact]
    public void A_template_with_an_unknown_part_is_unknown_and_says_why()
    {
        var value = Assert.IsType<UnknownValue>(Tf.Single("\"${aws_s3_bucket.b.arn}/*\"", "resource \"aws_s3_bucket\" \"b\" {}"));
        Assert.Equal("known after apply: aws_s3_bucket.b.arn", value.Why);
    }

    [Fact]
    public void Heredocs_and_template_directives_evaluate()
    {
        const string expression = "<<EOT\n%{ for n in local.names ~}\n${n}%{ if n != \"c\" },%{ endif }\n%{ endfor ~}\nEOT";
        Assert.Equal("\"a,\nb,\nc\n\"", Tf.Text(expression, "locals { names = [\"a\", \"b\", \"c\"] }"));
    }

    [Fact]
    public void A_template_if_on_an_unknown_condition_gives_both_texts()
    {
        var values = Tf.Eval("\"x%{ if var.flag }-on%{ else }-off%{ endif }\"", "variable \"flag\" {}").Values;
        Assert.Equal(["\"x-on\"", "\"x-off\""], values.Select(v => Tf.Show(v.Value)));
        Assert.All(values, v => Assert.Equal(ValueSource.Branch, v.Source));
    }

    [Fact]
    public void A_decided_condition_takes_its_branch()
    {
        var value = Assert.Single(Tf.Eval("var.enabled ? \"AES256\" : null", "variable \"enabled\" { default = true }").Values);
        Assert.Equal("AES256", value.Value);
        Assert.Equal(ValueSource.Default, value.Source);
        Assert.Equal("variable enabled default", value.How);
    }

    [Fact]
    public void An_unknown_condition_gives_both_branches_with_how()
    {
        var values = Tf.Eval("var.kms_key != null ? \"aws:kms\" : \"AES256\"", "variable \"kms_key\" {}").Values;

        Assert.Equal(2, values.Count);
        Assert.Equal(("aws:kms", ValueSource.Branch, "when var.kms_key != null is true"), (values[0].Value, values[0].Source, values[0].How));
        Assert.Equal(("AES256", ValueSource.Branch, "when var.kms_key != null is false"), (values[1].Value, values[1].Source, values[1].How));
    }

    [Fact]
    public void Nested_unknown_conditions_multiply_the_branches_within_the_bound()
    {
        var values = Tf.Eval("var.a ? (var.b ? 1 : 2) : 3", "variable \"a\" {}\nvariable \"b\" {}").Values;
        Assert.Equal(["1", "2", "3"], values.Select(v => Tf.Show(v.Value)));
        Assert.Contains("when var.a is true; when var.b is false", values[1].How, StringComparison.Ordinal);
    }

    [Fact]
    public void For_expressions_over_known_collections_evaluate()
    {
        const string config = "locals {\n  names = [\"a\", \"bb\", \"ccc\"]\n  sizes = { a = 1, b = 2 }\n}";
        Assert.Equal("[\"A\", \"CCC\"]", Tf.Text("[for n in local.names : upper(n) if length(n) != 2]", config));
        Assert.Equal("{a=\"#0\", bb=\"#1\", ccc=\"#2\"}", Tf.Text("{ for i, n in local.names : n => \"#${i}\" }", config));
        Assert.Equal("[\"a=1\", \"b=2\"]", Tf.Text("[for k, v in local.sizes : \"${k}=${v}\"]", config));
        Assert.Equal("{1=[\"a\"], 2=[\"bb\"], 3=[\"ccc\"]}", Tf.Text("{ for n in local.names : length(n) => n... }", config));
    }

    [Fact]
    public void A_for_expression_over_an_unknown_collection_is_unknown()
    {
        var value = Assert.IsType<UnknownValue>(Tf.Single("[for s in var.subnets : s.id]", "variable \"subnets\" {}"));
        Assert.Equal("variable subnets has no value", value.Why);
    }

    [Fact]
    public void Splats_apply_to_each_element()
    {
        const string config = "locals { rules = [{ port = 22 }, { port = 443 }] }";
        Assert.Equal("[22, 443]", Tf.Text("local.rules[*].port", config));
        Assert.Equal("[22, 443]", Tf.Text("local.rules.*.port", config));
        Assert.Equal("[]", Tf.Text("null[*]"));
        Assert.Equal("[{port=22}]", Tf.Text("local.rules[0][*]", config));
    }

    [Fact]
    public void Index_and_attribute_access_evaluate()
    {
        const string config = "locals {\n  m = { a = { list = [10, 20] } }\n  k = \"a\"\n}";
        Assert.Equal("20", Tf.Text("local.m.a.list[1]", config));
        Assert.Equal("20", Tf.Text("local.m[local.k][\"list\"][1]", config));
        Assert.Equal("10", Tf.Text("local.m.a.list.0", config));
        Assert.StartsWith("unknown(cannot be evaluated: no element or attribute b", Tf.Text("local.m.b", config), StringComparison.Ordinal);
    }

    [Fact]
    public void Try_and_can_catch_errors_but_not_unknowns()
    {
        const string config = "variable \"owner\" { default = {} }\nvariable \"unset\" {}";
        Assert.Equal("\"none\"", Tf.Text("try(var.owner[\"id\"], \"none\")", config));
        Assert.Equal("false", Tf.Text("can(var.owner.id)", config));
        Assert.Equal("true", Tf.Text("can(var.owner)", config));
        Assert.IsType<UnknownValue>(Tf.Single("try(var.unset.id, \"x\")", config));
    }

    [Fact]
    public void Try_falls_back_only_for_the_alternatives_that_fail()
    {
        var values = Tf.Eval("try(var.flag ? local.m.missing : \"ok\", \"fallback\")", "variable \"flag\" {}\nlocals { m = {} }").Values;
        Assert.Equal(["\"fallback\"", "\"ok\""], values.Select(v => Tf.Show(v.Value)));
    }

    [Fact]
    public void Path_module_and_workspace()
    {
        Assert.Equal("\"root\"", Tf.Text("path.module"));
        Assert.Equal("terraform.workspace is chosen when Terraform runs", Assert.IsType<UnknownValue>(Tf.Single("terraform.workspace")).Why);
    }

    [Fact]
    public void A_local_that_refers_to_itself_does_not_hang()
    {
        var value = Tf.Single("local.a", "locals {\n  a = local.b\n  b = local.a\n}");
        Assert.Contains("refers to itself", Assert.IsType<UnknownValue>(value).Why, StringComparison.Ordinal);
    }

    [Fact]
    public void A_long_chain_of_locals_is_bounded()
    {
        var locals = string.Join("\n", Enumerable.Range(0, 400).Select(i => $"  l{i} = local.l{i + 1}"));
        var value = Tf.Single("local.l0", "locals {\n" + locals + "\n  l400 = 1\n}");
        Assert.IsType<UnknownValue>(value);
    }

    [Fact]
    public void Alternatives_are_bounded()
    {
        var variables = string.Join("\n", Enumerable.Range(0, 8).Select(i => $"variable \"v{i}\" {{}}"));
        var sum = string.Join(" + ", Enumerable.Range(0, 8).Select(i => $"(var.v{i} ? {1 << i} : 0)"));
        var values = Tf.Eval(sum, variables).Values;
        Assert.Equal(64, values.Count);
        Assert.IsType<UnknownValue>(values[^1].Value);
    }
}
