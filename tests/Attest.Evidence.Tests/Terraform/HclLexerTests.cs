using Attest.Evidence.Terraform;

namespace Attest.Evidence.Tests.Terraform;

public sealed class HclLexerTests
{
    private static List<Token> Lex(string source)
    {
        var diagnostics = new List<HclDiagnostic>();
        var tokens = HclLexer.Tokenize(source, Hcl.FileName, diagnostics);
        Assert.True(diagnostics.Count == 0, string.Join("\n", diagnostics));
        return tokens;
    }

    private static TokenKind[] Kinds(string source) => Lex(source).Select(t => t.Kind).ToArray();

    private static string[] Texts(string source) =>
        Lex(source).Where(t => t.Kind != TokenKind.EndOfFile).Select(t => source[t.Start..t.End]).ToArray();

    [Fact]
    public void Tokens_carry_one_based_line_and_column_and_utf8_byte_offset()
    {
        var tokens = Lex("a = 1\nbé = \"x\"\n");

        Assert.Equal(new SourcePosition(1, 1, 0), tokens[0].StartPos);
        Assert.Equal(new SourcePosition(1, 5, 4), tokens[2].StartPos);
        Assert.Equal(TokenKind.Identifier, tokens[4].Kind);
        Assert.Equal(new SourcePosition(2, 1, 6), tokens[4].StartPos);

        // 'é' is one column but two UTF-8 bytes.
        Assert.Equal(new SourcePosition(2, 3, 9), tokens[4].EndPos);
        Assert.Equal(TokenKind.Equals, tokens[5].Kind);
        Assert.Equal(new SourcePosition(2, 4, 10), tokens[5].StartPos);
    }

    [Fact]
    public void Tab_counts_as_one_column()
    {
        var tokens = Lex("\ta");

        Assert.Equal(new SourcePosition(1, 2, 1), tokens[0].StartPos);
    }

    [Fact]
    public void Identifiers_may_contain_dashes_but_not_start_with_them()
    {
        Assert.Equal(["foo-bar_1", "-", "baz"], Texts("foo-bar_1 -baz"));
        Assert.Equal([TokenKind.Identifier, TokenKind.Minus, TokenKind.Identifier, TokenKind.EndOfFile], Kinds("foo-bar_1 -baz"));
    }

    [Theory]
    [InlineData("42")]
    [InlineData("1.5")]
    [InlineData("1e10")]
    [InlineData("2.5E-3")]
    [InlineData("7e+2")]
    public void Numbers_with_fraction_and_exponent_are_single_tokens(string number)
    {
        Assert.Equal([TokenKind.Number, TokenKind.EndOfFile], Kinds(number));
    }

    [Fact]
    public void Number_stops_before_a_dot_not_followed_by_a_digit()
    {
        Assert.Equal(["foo", ".", "0", ".", "bar"], Texts("foo.0.bar"));
    }

    [Fact]
    public void Operators_take_the_longest_match()
    {
        Assert.Equal(
            ["==", "!=", "<=", ">=", "&&", "||", "=>", "...", "::", "!", "<", ">", "=", ":", "?", "+", "-", "*", "/", "%", "."],
            Texts("== != <= >= && || => ... :: ! < > = : ? + - * / % ."));
    }

    [Fact]
    public void Comments_are_skipped_and_a_line_comment_keeps_its_newline()
    {
        Assert.Equal(
            [TokenKind.Identifier, TokenKind.Newline, TokenKind.Identifier, TokenKind.Newline, TokenKind.Identifier, TokenKind.Identifier, TokenKind.EndOfFile],
            Kinds("a # one\nb // two\nc /* three\nstill three */ d"));
    }

    [Fact]
    public void Crlf_is_one_newline_token()
    {
        var tokens = Lex("a\r\nb");

        Assert.Equal([TokenKind.Identifier, TokenKind.Newline, TokenKind.Identifier, TokenKind.EndOfFile], tokens.Select(t => t.Kind));
        Assert.Equal(new SourcePosition(2, 1, 3), tokens[2].StartPos);
    }

    [Fact]
    public void Quoted_template_switches_between_literal_and_expression_modes()
    {
        Assert.Equal(
            [
                TokenKind.OpenQuote, TokenKind.QuotedLiteral, TokenKind.TemplateInterpolation, TokenKind.Identifier,
                TokenKind.TemplateSequenceEnd, TokenKind.QuotedLiteral, TokenKind.CloseQuote, TokenKind.EndOfFile,
            ],
            Kinds("\"a ${b} c\""));
    }

    [Fact]
    public void Strip_markers_belong_to_the_template_sequence_tokens()
    {
        Assert.Equal(["\"", "${~", "b", "~}", "%{~", "if", "~}", "\""], Texts("\"${~b~}%{~if~}\""));
    }

    [Fact]
    public void Escaped_template_openers_stay_literal_text()
    {
        Assert.Equal([TokenKind.OpenQuote, TokenKind.QuotedLiteral, TokenKind.CloseQuote, TokenKind.EndOfFile], Kinds("\"$${a} %%{b}\""));
    }

    [Fact]
    public void Braces_inside_an_interpolation_do_not_end_it()
    {
        Assert.Equal(
            [
                TokenKind.OpenQuote, TokenKind.TemplateInterpolation, TokenKind.OpenBrace, TokenKind.Identifier, TokenKind.Equals,
                TokenKind.Number, TokenKind.CloseBrace, TokenKind.TemplateSequenceEnd, TokenKind.CloseQuote, TokenKind.EndOfFile,
            ],
            Kinds("\"${ {a = 1} }\""));
    }

    [Fact]
    public void Quoted_string_inside_an_interpolation_nests()
    {
        Assert.Equal(["\"", "${", "f", "(", "\"", ",", "\"", ")", "}", "\""], Texts("\"${f(\",\")}\""));
    }

    [Fact]
    public void Heredoc_yields_opener_one_literal_per_line_closer_then_newline()
    {
        var source = "<<EOF\nline one\n  ${x} two\nEOF\n";

        Assert.Equal(
            [
                TokenKind.OpenHeredoc, TokenKind.HeredocLiteral, TokenKind.HeredocLiteral, TokenKind.TemplateInterpolation,
                TokenKind.Identifier, TokenKind.TemplateSequenceEnd, TokenKind.HeredocLiteral, TokenKind.CloseHeredoc,
                TokenKind.Newline, TokenKind.EndOfFile,
            ],
            Kinds(source));
        Assert.Equal(["<<EOF\n", "line one\n", "  ", "${", "x", "}", " two\n", "EOF", "\n"], Texts(source));
    }

    [Fact]
    public void Heredoc_closing_marker_may_be_indented()
    {
        var tokens = Lex("<<-EOT\n  a\n  EOT\n");

        var closer = Assert.Single(tokens, t => t.Kind == TokenKind.CloseHeredoc);
        Assert.Equal(new SourcePosition(3, 3, 13), closer.StartPos);
    }

    [Fact]
    public void Marker_text_inside_a_heredoc_line_does_not_close_it()
    {
        Assert.Equal(
            [TokenKind.OpenHeredoc, TokenKind.HeredocLiteral, TokenKind.CloseHeredoc, TokenKind.EndOfFile],
            Kinds("<<EOF\nnot EOF\nEOF"));
    }

    [Fact]
    public void Invalid_character_is_reported_with_its_position()
    {
        var diagnostics = new List<HclDiagnostic>();

        var tokens = HclLexer.Tokenize("a = @", Hcl.FileName, diagnostics);

        Assert.Equal(TokenKind.Invalid, tokens[2].Kind);
        var diagnostic = Assert.Single(diagnostics);
        Assert.Equal((1, 5), (diagnostic.Line, diagnostic.Column));
        Assert.Contains("'@'", diagnostic.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Byte_order_mark_is_skipped()
    {
        var tokens = Lex("\uFEFFa");

        Assert.Equal(new SourcePosition(1, 1, 3), tokens[0].StartPos);
    }
}
