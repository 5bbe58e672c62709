namespace Attest.Evidence.Tests.Terraform;

public sealed class HclDiagnosticTests
{
    private static void AssertFirst(string source, int line, int column, string messageFragment)
    {
        var diagnostic = Hcl.FirstDiagnostic(source);

        Assert.Equal((line, column), (diagnostic.Line, diagnostic.Column));
        Assert.Contains(messageFragment, diagnostic.Message, StringComparison.Ordinal);
        Assert.Equal(Hcl.FileName, diagnostic.FileName);
    }

    [Fact]
    public void Unterminated_string_is_reported_at_its_opening_quote_and_the_next_line_still_parses()
    {
        var result = Hcl.Parse("a = \"abc\nb = 1\n");

        var diagnostic = Assert.Single(result.Diagnostics);
        Assert.Equal((1, 5), (diagnostic.Line, diagnostic.Column));
        Assert.StartsWith("Unterminated string", diagnostic.Message, StringComparison.Ordinal);
        Assert.Equal("abc", Hcl.StringValue(result.File.Body.FindAttribute("a")!.Expression));
        Assert.NotNull(result.File.Body.FindAttribute("b"));
    }

    [Fact]
    public void Unterminated_string_at_end_of_file_is_reported_at_its_opening_quote()
    {
        AssertFirst("x = 1\ny = \"abc", 2, 5, "Unterminated string");
    }

    [Fact]
    public void Unterminated_heredoc_is_reported_at_its_opener()
    {
        AssertFirst("a = 1\nb = <<EOF\nsome text\nEOT\n", 2, 5, "Unterminated heredoc");
    }

    [Fact]
    public void Missing_closing_brace_is_reported_at_the_unclosed_brace()
    {
        var result = Hcl.Parse("resource \"a\" \"b\" {\n  x = 1\n  nested {\n    y = 2\n  }\n");

        var diagnostic = Assert.Single(result.Diagnostics);
        Assert.Equal((1, 18), (diagnostic.Line, diagnostic.Column));
        Assert.StartsWith("Unclosed block", diagnostic.Message, StringComparison.Ordinal);
        var block = Assert.Single(result.File.Body.Blocks);
        Assert.Equal(2, block.Body.Items.Count);
    }

    [Fact]
    public void Invalid_character_is_reported_once_at_its_position()
    {
        var result = Hcl.Parse("a = 1 @ 2\n");

        var diagnostic = Assert.Single(result.Diagnostics);
        Assert.Equal((1, 7), (diagnostic.Line, diagnostic.Column));
        Assert.Equal("Invalid character '@'", diagnostic.Message);
    }

    [Fact]
    public void Two_arguments_on_one_line_report_the_missing_newline()
    {
        AssertFirst("a = 1 b = 2\n", 1, 7, "Missing newline after argument");
    }

    [Fact]
    public void Body_line_without_a_name_is_reported_and_the_next_line_parses()
    {
        var result = Hcl.Parse("resource \"a\" \"b\" {\n  = 1\n  y = 2\n}\n");

        var diagnostic = Assert.Single(result.Diagnostics);
        Assert.Equal((2, 3), (diagnostic.Line, diagnostic.Column));
        Assert.NotNull(Assert.Single(result.File.Body.Blocks).Body.FindAttribute("y"));
    }

    [Fact]
    public void Unclosed_tuple_is_reported_at_its_bracket()
    {
        AssertFirst("a = [1, 2\n", 1, 5, "Unclosed tuple");
    }

    [Fact]
    public void Unclosed_call_is_reported_at_its_parenthesis()
    {
        AssertFirst("a = max(1,\n", 1, 8, "Unclosed call to 'max'");
    }

    [Fact]
    public void Unclosed_interpolation_is_reported_at_its_opener()
    {
        var result = Hcl.Parse("a = \"${var.x\"\n");

        Assert.Contains(result.Diagnostics, d => d.Message.StartsWith("Unclosed template interpolation", StringComparison.Ordinal) && d.Column == 6);
    }

    [Fact]
    public void Missing_argument_separator_is_reported_at_the_second_argument()
    {
        AssertFirst("a = f(1 2)\nb = 3\n", 1, 9, "Missing ',' or ')'");
    }

    [Fact]
    public void Object_items_on_one_line_without_comma_are_reported()
    {
        AssertFirst("a = { x = 1 y = 2 }\n", 1, 13, "Missing ',' or newline");
    }

    [Fact]
    public void Invalid_escape_is_reported_at_the_backslash()
    {
        AssertFirst("a = \"ok \\q\"\n", 1, 9, "Invalid escape sequence '\\q'");
    }

    [Fact]
    public void Bad_unicode_escape_is_reported()
    {
        AssertFirst("a = \"\\u12\"\n", 1, 6, "Invalid unicode escape");
    }

    [Fact]
    public void Missing_endif_is_reported_at_the_if_directive()
    {
        AssertFirst("a = \"%{ if x }y\"\n", 1, 6, "Missing endif");
    }

    [Fact]
    public void Stray_endif_is_reported()
    {
        AssertFirst("a = \"x%{ endif }\"\n", 1, 7, "Unexpected endif");
    }

    [Fact]
    public void Missing_expression_is_reported_at_the_end_of_the_line()
    {
        AssertFirst("a =\nb = 1\n", 1, 4, "Expected an expression");
    }

    [Fact]
    public void Missing_conditional_colon_is_reported()
    {
        AssertFirst("a = x ? 1\n", 1, 10, "Missing ':'");
    }

    [Fact]
    public void Dangling_dot_is_reported()
    {
        AssertFirst("a = var.\n", 1, 9, "Expected an attribute name");
    }

    [Fact]
    public void Chained_legacy_index_is_reported()
    {
        AssertFirst("a = x.0.1\n", 1, 7, "Invalid legacy index");
    }

    [Fact]
    public void Template_in_block_label_is_reported()
    {
        AssertFirst("b \"${x}\" {}\n", 1, 4, "Block labels cannot contain template sequences");
    }

    [Fact]
    public void Second_argument_in_single_line_block_is_reported()
    {
        AssertFirst("block { a = 1 b = 2 }\nc = 3\n", 1, 15, "single-line block");
    }

    [Fact]
    public void Unterminated_block_comment_is_reported_at_its_start()
    {
        AssertFirst("a = 1 /* open\n", 1, 7, "Unterminated comment");
    }

    [Fact]
    public void Errors_on_several_lines_are_each_reported_in_source_order()
    {
        var result = Hcl.Parse("a = \nb = 1\nc = 1 2\nd = \"x\n");

        Assert.Equal([1, 3, 4], result.Diagnostics.Select(d => d.Line).Distinct());
        Assert.Equal(result.Diagnostics.OrderBy(d => d.Range.Start.Byte), result.Diagnostics);
    }

    [Fact]
    public void Diagnostic_formats_as_file_line_column_message()
    {
        Assert.Equal("test.tf:1:7: Invalid character '@'", Hcl.FirstDiagnostic("a = 1 @\n").ToString());
    }

    [Theory]
    [InlineData("[", 1)]
    [InlineData("(", 1)]
    [InlineData("{a=", 2)]
    [InlineData("-", 1)]
    [InlineData("!", 1)]
    [InlineData("f(", 2)]
    [InlineData("a[", 2)]
    public void Nesting_deeper_than_the_limit_stops_with_a_diagnostic_instead_of_overflowing_the_stack(string opener, int levelsPerRepeat)
    {
        var source = "x = " + string.Concat(Enumerable.Repeat(opener, 20_000 / levelsPerRepeat)) + "1\n";

        var result = Hcl.Parse(source);

        Assert.Contains(result.Diagnostics, d => d.Message.StartsWith("Nesting is deeper than 256 levels", StringComparison.Ordinal));
    }

    [Fact]
    public void Deeply_nested_blocks_stop_with_a_diagnostic()
    {
        var source = string.Concat(Enumerable.Repeat("b {\n", 5_000));

        Assert.Contains(Hcl.Parse(source).Diagnostics, d => d.Message.StartsWith("Nesting is deeper", StringComparison.Ordinal));
    }

    [Fact]
    public void Long_operator_chains_are_bounded_like_nesting()
    {
        var source = "x = " + string.Join(" + ", Enumerable.Repeat("1", 10_000)) + "\n";

        Assert.Contains(Hcl.Parse(source).Diagnostics, d => d.Message.StartsWith("Nesting is deeper", StringComparison.Ordinal));
    }

    [Fact]
    public void Nesting_within_the_limit_is_accepted()
    {
        var source = "x = " + new string('[', 100) + new string(']', 100) + "\n";

        Hcl.ParseValid(source);
    }

    [Theory]
    [InlineData("")]
    [InlineData("\n\n\n")]
    [InlineData("}}}}")]
    [InlineData("{{{{")]
    [InlineData("\"\"\"\"\"")]
    [InlineData("${${${")]
    [InlineData("%{%{")]
    [InlineData("<<EOF")]
    [InlineData("<<EOF\n")]
    [InlineData("a = <<-\n")]
    [InlineData("a = \"${\"${\"${")]
    [InlineData("a = \"%{ for }\"")]
    [InlineData("a = [for")]
    [InlineData("a = {for k, in x : k => v}")]
    [InlineData("a = x[*")]
    [InlineData("a = x.*.*")]
    [InlineData("a b c d e")]
    [InlineData("= = = =")]
    [InlineData("a = ~}")]
    [InlineData("a = f(x...,y)")]
    [InlineData("a = provider::")]
    [InlineData("\u0000\u0001\uFFFF\uD800")]
    [InlineData("a = \"\\U0011FFFF\"")]
    public void Malformed_input_returns_diagnostics_without_throwing(string source)
    {
        var result = Hcl.Parse(source);

        Assert.NotNull(result.File);
        if (source.Trim().Length > 0)
        {
            Assert.NotEmpty(result.Diagnostics);
        }
    }
}
