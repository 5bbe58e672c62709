using Attest.Evidence.Terraform;

namespace Attest.Evidence.Tests.Terraform;

public sealed class ExpressionAnalysisTests
{
    private static object? Constant(string expression)
    {
        Assert.True(Hcl.Expr(expression).TryEvaluateLiteral(out var value), $"'{expression}' should be constant");
        return value;
    }

    private static string[] References(string expression) =>
        Hcl.Expr(expression).GetTraversals().Select(t => t.ToString()).ToArray();

    [Fact]
    public void Primitive_literals_evaluate_to_their_values()
    {
        Assert.Equal(90m, Constant("90"));
        Assert.Equal(-1.5m, Constant("-1.5"));
        Assert.Equal(true, Constant("true"));
        Assert.Equal(false, Constant("!true"));
        Assert.Null(Constant("null"));
        Assert.Equal("AES256", Constant("\"AES256\""));
        Assert.Equal(3m, Constant("(3)"));
    }

    [Fact]
    public void Heredoc_of_plain_text_evaluates_to_its_string()
    {
        var attribute = Hcl.ParseValid("x = <<-EOF\n  {\"Version\": \"2012-10-17\"}\n  EOF\n").Body.FindAttribute("x")!;

        Assert.True(attribute.Expression.TryEvaluateLiteral(out var value));
        Assert.Equal("{\"Version\": \"2012-10-17\"}\n", value);
    }

    [Fact]
    public void Single_interpolation_template_unwraps_to_the_inner_value()
    {
        Assert.Equal(true, Constant("\"${true}\""));
        Assert.Equal("ab", Constant("\"a${\"b\"}\""));
    }

    [Fact]
    public void Tuple_of_constants_evaluates_to_a_list()
    {
        var list = Assert.IsAssignableFrom<IReadOnlyList<object?>>(Constant("[\"s3:GetObject\", 1, null, [true]]"));

        Assert.Equal(4, list.Count);
        Assert.Equal("s3:GetObject", list[0]);
        Assert.Equal(1m, list[1]);
        Assert.Null(list[2]);
        Assert.Equal([true], Assert.IsAssignableFrom<IReadOnlyList<object?>>(list[3]));
    }

    [Fact]
    public void Object_of_constants_evaluates_to_a_map_in_source_order()
    {
        var map = Assert.IsAssignableFrom<IReadOnlyDictionary<string, object?>>(
            Constant("{\n  Environment = \"prod\"\n  \"cost-center\" = 42\n  nested = { enabled = true }\n}"));

        Assert.Equal(["Environment", "cost-center", "nested"], map.Keys);
        Assert.Equal("prod", map["Environment"]);
        Assert.Equal(42m, map["cost-center"]);
        Assert.Equal(true, Assert.IsAssignableFrom<IReadOnlyDictionary<string, object?>>(map["nested"])["enabled"]);
    }

    [Theory]
    [InlineData("var.bucket_name")]
    [InlineData("\"${var.env}-logs\"")]
    [InlineData("upper(\"a\")")]
    [InlineData("1 + 2")]
    [InlineData("[var.a]")]
    [InlineData("{ (var.k) = 1 }")]
    [InlineData("true ? 1 : 2")]
    [InlineData("[for x in [1] : x]")]
    [InlineData("\"%{ if true }a%{ endif }\"")]
    public void Expression_depending_on_anything_but_constants_is_not_constant(string expression)
    {
        Assert.False(Hcl.Expr(expression).TryEvaluateLiteral(out _));
    }

    [Fact]
    public void Traversals_of_an_interpolated_string_are_listed()
    {
        Assert.Equal(["var.bucket_name"], References("\"${var.bucket_name}-logs\""));
    }

    [Fact]
    public void Traversals_are_listed_in_source_order_across_operators_calls_and_collections()
    {
        Assert.Equal(
            ["var.create", "aws_s3_bucket.logs.arn", "local.tags", "module.m.out", "data.aws_iam_policy_document.this[0].json"],
            References("var.create ? [aws_s3_bucket.logs.arn] : merge(local.tags, { a = module.m.out, b = data.aws_iam_policy_document.this[0].json })"));
    }

    [Fact]
    public void Traversal_keeps_its_range()
    {
        var traversal = Assert.Single(Hcl.Expr("upper(var.name)").GetTraversals());

        Assert.Equal((1, 11), Hcl.Start(traversal.Range));
        Assert.Equal((1, 19), Hcl.End(traversal.Range));
    }

    [Fact]
    public void For_expression_variables_are_not_references()
    {
        Assert.Equal(
            ["var.subnets", "local.skip"],
            References("{ for k, s in var.subnets : k => s.id if k != local.skip }"));
    }

    [Fact]
    public void Template_for_directive_variable_is_not_a_reference()
    {
        Assert.Equal(["var.names", "var.sep"], References("\"%{ for n in var.names }${n}${var.sep}%{ endfor }\""));
    }

    [Fact]
    public void Splat_lists_its_source()
    {
        Assert.Equal(["aws_subnet.private"], References("aws_subnet.private[*].id"));
    }

    [Fact]
    public void Dynamic_index_lists_both_collection_and_key()
    {
        Assert.Equal(["local.azs", "count.index"], References("local.azs[count.index]"));
    }

    [Fact]
    public void Bare_object_keys_are_names_not_references_but_parenthesized_keys_are()
    {
        Assert.Equal(["var.v", "local.k", "var.w"], References("{ name = var.v, (local.k) = var.w }"));
    }

    [Fact]
    public void Traversal_formats_indexes_canonically()
    {
        Assert.Equal(["local.a[0][\"k\"]", "aws_instance.web[1]"], References("[local.a[0][\"k\"], aws_instance.web.1]"));
    }
}
