using Attest.Evidence.Terraform;

namespace Attest.Evidence.Tests.Terraform;

public sealed class HclExpressionTests
{
    [Theory]
    [InlineData("42", 42)]
    [InlineData("1.5", 1.5)]
    [InlineData("1e3", 1000)]
    [InlineData("2.5E-1", 0.25)]
    public void Number_literal_keeps_text_and_decimal_value(string text, double expected)
    {
        var number = Hcl.Expr<NumberLiteralExpression>(text);

        Assert.Equal(text, number.Text);
        Assert.Equal((decimal)expected, Assert.IsType<decimal>(number.Value));
    }

    [Fact]
    public void Number_too_large_for_decimal_is_a_double()
    {
        Assert.Equal(1e300, Assert.IsType<double>(Hcl.Expr<NumberLiteralExpression>("1e300").Value));
    }

    [Fact]
    public void Keywords_true_false_null_are_literals()
    {
        Assert.True(Hcl.Expr<BoolLiteralExpression>("true").Value);
        Assert.False(Hcl.Expr<BoolLiteralExpression>("false").Value);
        Hcl.Expr<NullLiteralExpression>("null");
    }

    [Theory]
    [InlineData("var.x", "var", new[] { "x" })]
    [InlineData("aws_s3_bucket.logs.id", "aws_s3_bucket", new[] { "logs", "id" })]
    [InlineData("module.m.out", "module", new[] { "m", "out" })]
    [InlineData("count.index", "count", new[] { "index" })]
    public void Dotted_reference_is_a_scope_traversal(string text, string root, string[] attributes)
    {
        var traversal = Hcl.Expr<ScopeTraversalExpression>(text).Traversal;

        Assert.Equal(root, traversal.RootName);
        Assert.Equal(attributes, traversal.Steps.Select(s => Assert.IsType<AttributeStep>(s).Name));
        Assert.Equal(text, traversal.ToString());
    }

    [Fact]
    public void Constant_index_folds_into_the_traversal()
    {
        var traversal = Hcl.Expr<ScopeTraversalExpression>("local.a[0][\"k\"].b").Traversal;

        Assert.Equal("local.a[0][\"k\"].b", traversal.ToString());
        var number = Assert.IsType<IndexStep>(traversal.Steps[1]);
        Assert.Equal(0m, number.Key);
        Assert.False(number.IsLegacy);
        Assert.Equal("k", Assert.IsType<IndexStep>(traversal.Steps[2]).Key);
        Assert.Equal((1, 12), Hcl.Start(number.Range));
        Assert.Equal((1, 15), Hcl.End(number.Range));
    }

    [Fact]
    public void Legacy_dot_index_is_an_index_step()
    {
        var traversal = Hcl.Expr<ScopeTraversalExpression>("aws_instance.web.0.id").Traversal;

        var step = Assert.IsType<IndexStep>(traversal.Steps[1]);
        Assert.Equal(0m, step.Key);
        Assert.True(step.IsLegacy);
        Assert.Equal("aws_instance.web[0].id", traversal.ToString());
    }

    [Fact]
    public void Dynamic_index_is_an_index_expression_and_later_steps_are_relative()
    {
        var relative = Hcl.Expr<RelativeTraversalExpression>("local.subnets[var.i].id");

        var index = Assert.IsType<IndexExpression>(relative.Source);
        Assert.Equal("local.subnets", Hcl.TraversalText(index.Collection));
        Assert.Equal("var.i", Hcl.TraversalText(index.Key));
        Assert.Equal("id", Assert.IsType<AttributeStep>(Assert.Single(relative.Steps)).Name);
        Assert.Equal((1, 5), Hcl.Start(relative.Range));
        Assert.Equal((1, 28), Hcl.End(relative.Range));
    }

    [Fact]
    public void Full_splat_applies_following_steps_to_each_element()
    {
        var splat = Hcl.Expr<SplatExpression>("aws_subnet.private[*].id");

        Assert.True(splat.IsFullSplat);
        Assert.Equal("aws_subnet.private", Hcl.TraversalText(splat.Source));
        var each = Assert.IsType<RelativeTraversalExpression>(splat.Each);
        Assert.IsType<AnonymousSymbolExpression>(each.Source);
        Assert.Equal("id", Assert.IsType<AttributeStep>(Assert.Single(each.Steps)).Name);
        Assert.Equal((1, 29), Hcl.End(splat.Range));
    }

    [Fact]
    public void Full_splat_may_contain_another_full_splat()
    {
        var splat = Hcl.Expr<SplatExpression>("x.r[*].groups[*].name");

        var each = Assert.IsType<SplatExpression>(splat.Each);
        Assert.Equal("groups", Assert.IsType<AttributeStep>(Assert.Single(Assert.IsType<RelativeTraversalExpression>(each.Source).Steps)).Name);
        Assert.IsType<RelativeTraversalExpression>(each.Each);
    }

    [Fact]
    public void Attribute_splat_takes_only_attributes_and_a_following_index_applies_to_the_result()
    {
        var relative = Hcl.Expr<RelativeTraversalExpression>("aws_instance.web.*.id[0]");

        var splat = Assert.IsType<SplatExpression>(relative.Source);
        Assert.False(splat.IsFullSplat);
        Assert.Equal("aws_instance.web", Hcl.TraversalText(splat.Source));
        Assert.Equal("id", Assert.IsType<AttributeStep>(Assert.Single(Assert.IsType<RelativeTraversalExpression>(splat.Each).Steps)).Name);
        Assert.Equal(0m, Assert.IsType<IndexStep>(Assert.Single(relative.Steps)).Key);
    }

    [Fact]
    public void Bare_splat_has_an_anonymous_symbol_as_each()
    {
        var splat = Hcl.Expr<SplatExpression>("var.list[*]");

        Assert.IsType<AnonymousSymbolExpression>(splat.Each);
    }

    [Fact]
    public void Function_call_has_name_arguments_and_range()
    {
        var call = Hcl.Expr<FunctionCallExpression>("format(\"%s-%s\", var.a, 3)");

        Assert.Equal("format", call.Name);
        Assert.Equal(3, call.Arguments.Count);
        Assert.False(call.ExpandFinalArgument);
        Assert.Equal((1, 5), Hcl.Start(call.NameRange));
        Assert.Equal((1, 11), Hcl.End(call.NameRange));
        Assert.Equal((1, 30), Hcl.End(call.Range));
    }

    [Fact]
    public void Function_call_arguments_may_span_lines_and_end_with_a_comma()
    {
        var call = Hcl.Expr<FunctionCallExpression>("merge(\n  var.tags,\n  { Name = \"x\" },\n)");

        Assert.Equal(2, call.Arguments.Count);
        Assert.IsType<ObjectExpression>(call.Arguments[1]);
    }

    [Fact]
    public void Function_call_with_expansion_marks_the_final_argument()
    {
        var call = Hcl.Expr<FunctionCallExpression>("concat(var.lists...)");

        Assert.True(call.ExpandFinalArgument);
        Assert.Equal("var.lists", Hcl.TraversalText(Assert.Single(call.Arguments)));
    }

    [Fact]
    public void Namespaced_function_call_keeps_the_full_name()
    {
        var call = Hcl.Expr<FunctionCallExpression>("provider::aws::arn_parse(var.arn)");

        Assert.Equal("provider::aws::arn_parse", call.Name);
        Assert.Equal((1, 29), Hcl.End(call.NameRange));
    }

    [Fact]
    public void Function_call_result_can_be_traversed()
    {
        var relative = Hcl.Expr<RelativeTraversalExpression>("element(var.x, 0).id");

        Assert.IsType<FunctionCallExpression>(relative.Source);
    }

    [Fact]
    public void Tuple_allows_trailing_comma_and_newlines()
    {
        var tuple = Hcl.Expr<TupleExpression>("[\n  \"a\",\n  \"b\",\n]");

        Assert.Equal(["a", "b"], tuple.Elements.Select(Hcl.StringValue));
        Assert.Equal((1, 5), Hcl.Start(tuple.Range));
        Assert.Equal((4, 2), Hcl.End(tuple.Range));
        Assert.Empty(Hcl.Expr<TupleExpression>("[]").Elements);
    }

    [Fact]
    public void Object_accepts_every_key_form_and_separator()
    {
        var obj = Hcl.Expr<ObjectExpression>("{\n  name = 1\n  \"quoted key\" = 2, colon: 3\n  (var.dynamic) = 4\n}");

        Assert.Equal(4, obj.Items.Count);
        Assert.True(obj.Items[0].TryGetKeyName(out var first));
        Assert.Equal("name", first);
        Assert.True(obj.Items[1].TryGetKeyName(out var second));
        Assert.Equal("quoted key", second);
        Assert.True(obj.Items[2].TryGetKeyName(out var third));
        Assert.Equal("colon", third);
        var dynamic = Assert.IsType<ParenthesesExpression>(obj.Items[3].Key);
        Assert.Equal("var.dynamic", Hcl.TraversalText(dynamic.Inner));
        Assert.False(obj.Items[3].TryGetKeyName(out _));
    }

    [Fact]
    public void Object_items_on_one_line_need_commas()
    {
        var obj = Hcl.Expr<ObjectExpression>("{ a = 1, b = 2 }");

        Assert.Equal(2, obj.Items.Count);
        Assert.NotEmpty(Hcl.Parse("x = { a = 1 b = 2 }\n").Diagnostics);
    }

    [Fact]
    public void Conditional_has_condition_and_both_results()
    {
        var conditional = Hcl.Expr<ConditionalExpression>("var.create ? 1 : 0");

        Assert.Equal("var.create", Hcl.TraversalText(conditional.Condition));
        Assert.Equal(1m, Assert.IsType<NumberLiteralExpression>(conditional.TrueResult).Value);
        Assert.Equal(0m, Assert.IsType<NumberLiteralExpression>(conditional.FalseResult).Value);
        Assert.Equal((1, 5), Hcl.Start(conditional.Range));
        Assert.Equal((1, 23), Hcl.End(conditional.Range));
    }

    [Fact]
    public void Nested_conditional_associates_to_the_right()
    {
        var conditional = Hcl.Expr<ConditionalExpression>("a ? b : c ? d : e");

        Assert.IsType<ConditionalExpression>(conditional.FalseResult);
    }

    [Fact]
    public void Multiplication_binds_tighter_than_addition()
    {
        var add = Hcl.Expr<BinaryExpression>("1 + 2 * 3");

        Assert.Equal(BinaryOperator.Add, add.Operator);
        Assert.Equal(BinaryOperator.Multiply, Assert.IsType<BinaryExpression>(add.Right).Operator);
    }

    [Fact]
    public void Operators_of_one_level_associate_to_the_left()
    {
        var subtract = Hcl.Expr<BinaryExpression>("10 - 2 - 3");

        Assert.Equal(BinaryOperator.Subtract, Assert.IsType<BinaryExpression>(subtract.Left).Operator);
        Assert.IsType<NumberLiteralExpression>(subtract.Right);
    }

    [Theory]
    [InlineData("a || b && c", BinaryOperator.Or)]
    [InlineData("a && b == c", BinaryOperator.And)]
    [InlineData("a == b < c", BinaryOperator.Equal)]
    [InlineData("a != b >= c", BinaryOperator.NotEqual)]
    [InlineData("a <= b + c", BinaryOperator.LessThanOrEqual)]
    [InlineData("a > b - c", BinaryOperator.GreaterThan)]
    [InlineData("a - b % c", BinaryOperator.Subtract)]
    [InlineData("a + b / c", BinaryOperator.Add)]
    public void Lower_precedence_operator_is_at_the_root(string text, BinaryOperator root)
    {
        var binary = Hcl.Expr<BinaryExpression>(text);

        Assert.Equal(root, binary.Operator);
        Assert.IsType<BinaryExpression>(binary.Right);
    }

    [Fact]
    public void Unary_operator_binds_tighter_than_binary_and_applies_to_the_whole_traversal()
    {
        var equal = Hcl.Expr<BinaryExpression>("!var.a.enabled == -1");

        var not = Assert.IsType<UnaryExpression>(equal.Left);
        Assert.Equal(UnaryOperator.Not, not.Operator);
        Assert.Equal("var.a.enabled", Hcl.TraversalText(not.Operand));
        Assert.Equal(UnaryOperator.Negate, Assert.IsType<UnaryExpression>(equal.Right).Operator);
    }

    [Fact]
    public void Parentheses_override_precedence_and_stay_in_the_tree()
    {
        var multiply = Hcl.Expr<BinaryExpression>("(1 + 2) * 3");

        Assert.Equal(BinaryOperator.Multiply, multiply.Operator);
        var parentheses = Assert.IsType<ParenthesesExpression>(multiply.Left);
        Assert.Equal(BinaryOperator.Add, Assert.IsType<BinaryExpression>(parentheses.Inner).Operator);
        Assert.Equal((1, 5), Hcl.Start(parentheses.Range));
        Assert.Equal((1, 12), Hcl.End(parentheses.Range));
    }

    [Fact]
    public void Newlines_inside_parentheses_are_ignored()
    {
        var conditional = Hcl.Expr<ParenthesesExpression>("(\n  var.a\n  ? 1\n  : 2\n)");

        Assert.IsType<ConditionalExpression>(conditional.Inner);
    }

    [Fact]
    public void Tuple_for_expression_has_variables_collection_value_and_condition()
    {
        var expression = Hcl.Expr<ForExpression>("[for k, v in var.map : upper(v) if k != \"skip\"]");

        Assert.False(expression.IsObjectFor);
        Assert.Equal("k", expression.KeyVariable);
        Assert.Equal("v", expression.ValueVariable);
        Assert.Equal("var.map", Hcl.TraversalText(expression.Collection));
        Assert.Null(expression.KeyResult);
        Assert.Equal("upper", Assert.IsType<FunctionCallExpression>(expression.ValueResult).Name);
        Assert.Equal(BinaryOperator.NotEqual, Assert.IsType<BinaryExpression>(expression.Condition).Operator);
        Assert.False(expression.IsGrouped);
    }

    [Fact]
    public void Object_for_expression_with_grouping_spans_lines()
    {
        var expression = Hcl.Expr<ForExpression>("{\n  for s in var.subnets :\n  s.az => s.id...\n  if s.public\n}");

        Assert.True(expression.IsObjectFor);
        Assert.Null(expression.KeyVariable);
        Assert.Equal("s", expression.ValueVariable);
        Assert.Equal("s.az", Hcl.TraversalText(expression.KeyResult!));
        Assert.Equal("s.id", Hcl.TraversalText(expression.ValueResult));
        Assert.True(expression.IsGrouped);
        Assert.NotNull(expression.Condition);
        Assert.Equal((5, 2), Hcl.End(expression.Range));
    }

    [Fact]
    public void Object_key_named_like_a_keyword_can_be_quoted()
    {
        var obj = Hcl.Expr<ObjectExpression>("{ \"for\" = 1, if = 2 }");

        Assert.Equal(2, obj.Items.Count);
    }
}
