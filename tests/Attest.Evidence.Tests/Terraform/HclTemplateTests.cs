using Attest.Evidence.Terraform;

namespace Attest.Evidence.Tests.Terraform;

public sealed class HclTemplateTests
{
    private static IReadOnlyList<TemplatePart> Parts(string expression) =>
        Hcl.Expr<TemplateExpression>(expression).Parts;

    private static string HeredocValue(string source)
    {
        var template = Assert.IsType<TemplateExpression>(Hcl.ParseValid(source).Body.FindAttribute("x")!.Expression);
        Assert.True(template.IsHeredoc);
        return Hcl.StringValue(template);
    }

    [Fact]
    public void Plain_string_is_a_template_with_one_literal_part()
    {
        var template = Hcl.Expr<TemplateExpression>("\"hello\"");

        Assert.False(template.IsHeredoc);
        Assert.Equal("hello", Assert.IsType<TemplateLiteral>(Assert.Single(template.Parts)).Value);
        Assert.Equal((1, 5), Hcl.Start(template.Range));
        Assert.Equal((1, 12), Hcl.End(template.Range));
    }

    [Fact]
    public void Empty_string_has_no_parts_and_an_empty_value()
    {
        Assert.Empty(Parts("\"\""));
        Assert.Equal("", Hcl.StringValue(Hcl.Expr("\"\"")));
    }

    [Fact]
    public void Escape_sequences_are_decoded()
    {
        Assert.Equal("a\nb\tc\rd\"e\\f", Hcl.StringValue(Hcl.Expr("\"a\\nb\\tc\\rd\\\"e\\\\f\"")));
    }

    [Fact]
    public void Unicode_escapes_cover_the_basic_and_supplementary_planes()
    {
        Assert.Equal("é😀", Hcl.StringValue(Hcl.Expr("\"\\u00e9\\U0001F600\"")));
    }

    [Fact]
    public void Doubled_template_openers_are_literal_text()
    {
        Assert.Equal("${aws:username} %{x}", Hcl.StringValue(Hcl.Expr("\"$${aws:username} %%{x}\"")));
    }

    [Fact]
    public void Lone_dollar_and_percent_are_literal_text()
    {
        Assert.Equal("100% $HOME", Hcl.StringValue(Hcl.Expr("\"100% $HOME\"")));
    }

    [Fact]
    public void Interpolation_splits_the_template_into_parts_with_ranges()
    {
        var parts = Parts("\"Hello, ${var.name}!\"");

        Assert.Equal(3, parts.Count);
        Assert.Equal("Hello, ", Assert.IsType<TemplateLiteral>(parts[0]).Value);
        var interpolation = Assert.IsType<TemplateInterpolation>(parts[1]);
        Assert.Equal("var.name", Hcl.TraversalText(interpolation.Expression));
        Assert.Equal((1, 13), Hcl.Start(interpolation.Range));
        Assert.Equal((1, 24), Hcl.End(interpolation.Range));
        Assert.Equal("!", Assert.IsType<TemplateLiteral>(parts[2]).Value);
    }

    [Fact]
    public void Interpolation_may_contain_nested_strings_and_objects()
    {
        var interpolation = Assert.IsType<TemplateInterpolation>(Assert.Single(Parts("\"${join(\",\", [for k, v in { a = 1 } : k])}\"")));

        var call = Assert.IsType<FunctionCallExpression>(interpolation.Expression);
        Assert.Equal(",", Hcl.StringValue(call.Arguments[0]));
        Assert.IsType<ForExpression>(call.Arguments[1]);
    }

    [Fact]
    public void If_directive_with_else_has_both_branches()
    {
        var directive = Assert.IsType<TemplateIfDirective>(Assert.Single(Parts("\"%{ if var.on }yes%{ else }no%{ endif }\"")));

        Assert.Equal("var.on", Hcl.TraversalText(directive.Condition));
        Assert.Equal("yes", Assert.IsType<TemplateLiteral>(Assert.Single(directive.TrueParts)).Value);
        Assert.Equal("no", Assert.IsType<TemplateLiteral>(Assert.Single(directive.FalseParts)).Value);
        Assert.Equal((1, 6), Hcl.Start(directive.Range));
        Assert.Equal((1, 44), Hcl.End(directive.Range));
    }

    [Fact]
    public void If_directive_without_else_has_no_false_parts()
    {
        var directive = Assert.IsType<TemplateIfDirective>(Parts("\"a%{ if x }b%{ endif }\"")[1]);

        Assert.Empty(directive.FalseParts);
    }

    [Fact]
    public void For_directive_has_variables_collection_and_repeated_parts()
    {
        var directive = Assert.IsType<TemplateForDirective>(Assert.Single(Parts("\"%{ for i, name in var.names }${i}=${name};%{ endfor }\"")));

        Assert.Equal("i", directive.KeyVariable);
        Assert.Equal("name", directive.ValueVariable);
        Assert.Equal("var.names", Hcl.TraversalText(directive.Collection));
        Assert.Equal(4, directive.Parts.Count);
    }

    [Fact]
    public void Directives_nest()
    {
        var outer = Assert.IsType<TemplateForDirective>(Assert.Single(Parts("\"%{ for x in xs }%{ if x }[${x}]%{ endif }%{ endfor }\"")));

        var inner = Assert.IsType<TemplateIfDirective>(Assert.Single(outer.Parts));
        Assert.Equal(3, inner.TrueParts.Count);
    }

    [Fact]
    public void Strip_marker_on_interpolation_removes_adjacent_whitespace()
    {
        var template = Hcl.Expr<TemplateExpression>("\"hello ${~ \"world\" ~}  \"");

        Assert.Equal(2, template.Parts.Count);
        Assert.Equal("hello", Assert.IsType<TemplateLiteral>(template.Parts[0]).Value);
        Assert.IsType<TemplateInterpolation>(template.Parts[1]);
        Assert.True(template.TryEvaluateLiteral(out var value));
        Assert.Equal("helloworld", value);
    }

    [Fact]
    public void Strip_markers_on_directives_remove_whitespace_inside_the_branch()
    {
        var directive = Assert.IsType<TemplateIfDirective>(Assert.Single(Parts("\"%{ if true ~} hello %{~ endif }\"")));

        Assert.Equal("hello", Assert.IsType<TemplateLiteral>(Assert.Single(directive.TrueParts)).Value);
    }

    [Fact]
    public void Strip_marker_does_not_touch_values_of_other_interpolations()
    {
        var parts = Parts("\"${\"hello\" ~}${\" world\"}\"");

        Assert.Equal(2, parts.Count);
        Assert.All(parts, p => Assert.IsType<TemplateInterpolation>(p));
    }

    [Fact]
    public void Heredoc_keeps_lines_and_the_final_newline()
    {
        Assert.Equal("line one\n  line two\n", HeredocValue("x = <<EOF\nline one\n  line two\nEOF\n"));
    }

    [Fact]
    public void Heredoc_does_not_decode_backslash_escapes()
    {
        Assert.Equal("a\\nb \"q\"\n", HeredocValue("x = <<EOF\na\\nb \"q\"\nEOF\n"));
    }

    [Fact]
    public void Empty_heredoc_is_an_empty_string()
    {
        Assert.Equal("", HeredocValue("x = <<EOF\nEOF\n"));
    }

    [Fact]
    public void Heredoc_with_indent_marker_strips_common_leading_spaces()
    {
        Assert.Equal("{\n  \"a\": 1\n}\n", HeredocValue("x = <<-EOT\n    {\n      \"a\": 1\n    }\n    EOT\n"));
    }

    [Fact]
    public void Indented_heredoc_ignores_blank_lines_when_measuring_indentation()
    {
        Assert.Equal("a\n\n b\n", HeredocValue("x = <<-EOT\n    a\n\n     b\n  EOT\n"));
    }

    [Fact]
    public void Indented_heredoc_with_a_line_starting_with_interpolation_strips_nothing()
    {
        var template = Assert.IsType<TemplateExpression>(Hcl.ParseValid("x = <<-EOT\n  a\n${b}\n  EOT\n").Body.FindAttribute("x")!.Expression);

        Assert.Equal("  a\n", Assert.IsType<TemplateLiteral>(template.Parts[0]).Value);
    }

    [Fact]
    public void Heredoc_without_indent_marker_keeps_leading_spaces()
    {
        Assert.Equal("    a\n", HeredocValue("x = <<EOT\n    a\n    EOT\n"));
    }

    [Fact]
    public void Heredoc_with_interpolation_and_directive_builds_parts()
    {
        var template = Assert.IsType<TemplateExpression>(Hcl.ParseValid("""
            x = <<EOT
            #!/bin/bash
            echo ${var.cluster}
            %{ for arg in var.args ~}
            run ${arg}
            %{ endfor ~}
            EOT
            y = 1

            """).Body.FindAttribute("x")!.Expression);

        Assert.Equal("#!/bin/bash\necho ", Assert.IsType<TemplateLiteral>(template.Parts[0]).Value);
        Assert.IsType<TemplateInterpolation>(template.Parts[1]);
        Assert.Equal("\n", Assert.IsType<TemplateLiteral>(template.Parts[2]).Value);
        var loop = Assert.IsType<TemplateForDirective>(template.Parts[3]);
        Assert.Equal("run ", Assert.IsType<TemplateLiteral>(loop.Parts[0]).Value);
        Assert.Equal("\n", Assert.IsType<TemplateLiteral>(loop.Parts[2]).Value);
        Assert.Equal(4, template.Parts.Count);
    }

    [Fact]
    public void Heredoc_range_runs_from_the_opener_to_the_closing_marker_and_the_next_item_follows()
    {
        var file = Hcl.ParseValid("x = <<-EOF\n  text\n  EOF\ny = 2\n");

        var template = file.Body.FindAttribute("x")!.Expression;
        Assert.Equal((1, 5), Hcl.Start(template.Range));
        Assert.Equal((3, 6), Hcl.End(template.Range));
        Assert.Equal(2m, Assert.IsType<NumberLiteralExpression>(file.Body.FindAttribute("y")!.Expression).Value);
    }

    [Fact]
    public void Heredocs_as_function_arguments_parse()
    {
        var call = Hcl.Expr<FunctionCallExpression>("jsonencode(<<EOF\n{}\nEOF\n)");

        Assert.Equal("{}\n", Hcl.StringValue(Assert.Single(call.Arguments)));
    }
}
