using System.Globalization;
using System.Text;

namespace Attest.Evidence.Terraform;

/// <summary>Template parsing: quoted strings and heredocs, escapes, strip markers, indented heredocs and directives.</summary>
internal sealed partial class Parser
{
    private enum DirectiveEnd
    {
        Else,
        EndIf,
        EndFor,
    }

    // Templates are first read as a flat list (where strip markers and heredoc indentation apply), then nested.
    private abstract class FlatPart(SourceRange range)
    {
        public SourceRange Range { get; set; } = range;
    }

    private sealed class FlatLiteral(string value, SourceRange range) : FlatPart(range)
    {
        public string Value { get; set; } = value;
    }

    private sealed class FlatInterpolation(Expression expression, SourceRange range) : FlatPart(range)
    {
        public Expression Expression { get; } = expression;
    }

    private sealed class FlatIf(Expression condition, SourceRange range) : FlatPart(range)
    {
        public Expression Condition { get; } = condition;
    }

    private sealed class FlatFor(string? keyVariable, string valueVariable, Expression collection, SourceRange range) : FlatPart(range)
    {
        public string? KeyVariable { get; } = keyVariable;

        public string ValueVariable { get; } = valueVariable;

        public Expression Collection { get; } = collection;
    }

    private sealed class FlatEnd(DirectiveEnd kind, SourceRange range) : FlatPart(range)
    {
        public DirectiveEnd Kind { get; } = kind;
    }

    private TemplateExpression ParseQuotedTemplate()
    {
        var open = Read();
        var parts = ParseTemplate(TokenKind.CloseQuote, indented: false, out var close);
        var end = close?.EndPos ?? (parts.Count > 0 ? parts[^1].Range.End : open.EndPos);
        return new TemplateExpression(parts, false, new SourceRange(_fileName, open.StartPos, end));
    }

    private TemplateExpression ParseHeredocTemplate()
    {
        var open = Read();
        var indented = open.Length > 2 && _source[open.Start + 2] == '-';
        var parts = ParseTemplate(TokenKind.CloseHeredoc, indented, out var close);
        var end = close?.EndPos ?? (parts.Count > 0 ? parts[^1].Range.End : open.EndPos);
        return new TemplateExpression(parts, true, new SourceRange(_fileName, open.StartPos, end));
    }

    private List<TemplatePart> ParseTemplate(TokenKind closeKind, bool indented, out Token? close)
    {
        var flat = ReadFlatParts(closeKind, out close);
        if (indented)
        {
            RemoveHeredocIndentation(flat);
        }

        var merged = MergeLiterals(flat);
        var index = 0;
        var parts = new List<TemplatePart>();
        while (!_aborted)
        {
            parts.AddRange(BuildParts(merged, ref index, out var stray));
            if (stray is null)
            {
                break;
            }

            Error($"Unexpected {DirectiveName(stray.Kind)} directive: there is no matching opening directive", stray.Range);
        }

        return parts;
    }

    private List<FlatPart> ReadFlatParts(TokenKind closeKind, out Token? close)
    {
        var flat = new List<FlatPart>();
        var trimNextStart = false;
        var previousIsLiteral = false;
        close = null;
        while (true)
        {
            Tick();
            var token = Peek();
            if (token.Kind == closeKind)
            {
                close = Read();
                return flat;
            }

            if (token.Kind == TokenKind.EndOfFile)
            {
                // The lexer has reported the unterminated string or heredoc.
                return flat;
            }

            var trimStart = trimNextStart;
            trimNextStart = false;
            var canTrimPrevious = previousIsLiteral;
            previousIsLiteral = false;
            Read();
            switch (token.Kind)
            {
                case TokenKind.QuotedLiteral or TokenKind.HeredocLiteral:
                    var value = token.Kind == TokenKind.QuotedLiteral ? DecodeQuoted(token) : DecodeHeredoc(token);
                    if (trimStart)
                    {
                        value = value.TrimStart();
                    }

                    flat.Add(new FlatLiteral(value, RangeOf(token)));
                    previousIsLiteral = true;
                    break;

                case TokenKind.TemplateInterpolation or TokenKind.TemplateControl:
                    if (token.Length == 3 && canTrimPrevious && flat[^1] is FlatLiteral previous)
                    {
                        previous.Value = previous.Value.TrimEnd();
                    }

                    PushNewlines(false);
                    var part = token.Kind == TokenKind.TemplateInterpolation ? ReadInterpolation(token) : ReadDirective(token);
                    var end = Peek();
                    Token? closer;
                    if (end.Kind == TokenKind.TemplateSequenceEnd)
                    {
                        closer = Read();
                        trimNextStart = closer.Value.Length == 2;
                    }
                    else
                    {
                        if (part is not null)
                        {
                            // A quote or the end here means the '}' was forgotten, not that extra text follows.
                            var what = token.Kind == TokenKind.TemplateInterpolation ? "interpolation" : "directive";
                            if (end.Kind is TokenKind.EndOfFile or TokenKind.OpenQuote or TokenKind.CloseQuote or TokenKind.CloseHeredoc)
                            {
                                Error($"Unclosed template {what}: the '{Text(token)}' has no matching '}}'", token);
                            }
                            else
                            {
                                Error($"Extra characters after the template {what}: expected '}}', found {Describe(end)}", end);
                            }
                        }

                        closer = RecoverTo(TokenKind.TemplateSequenceEnd);
                    }

                    PopNewlines();
                    if (part is not null)
                    {
                        part.Range = new SourceRange(_fileName, token.StartPos, closer?.EndPos ?? part.Range.End);
                        flat.Add(part);
                    }

                    break;

                default:
                    Error($"Unexpected {Describe(token)} in a template", token);
                    break;
            }
        }
    }

    private FlatInterpolation ReadInterpolation(Token open)
    {
        var expression = ParseExpression();
        return new FlatInterpolation(expression, Span(RangeOf(open), expression.Range));
    }

    private FlatPart? ReadDirective(Token open)
    {
        var keyword = Peek();
        if (keyword.Kind != TokenKind.Identifier)
        {
            Error($"Expected a template directive keyword (if, else, endif, for, endfor), found {Describe(keyword)}", keyword);
            return null;
        }

        Read();
        var range = RangeOf(open, keyword);
        switch (Text(keyword))
        {
            case "if":
                return new FlatIf(ParseExpression(), range);
            case "else":
                return new FlatEnd(DirectiveEnd.Else, range);
            case "endif":
                return new FlatEnd(DirectiveEnd.EndIf, range);
            case "endfor":
                return new FlatEnd(DirectiveEnd.EndFor, range);
            case "for":
                var first = Peek();
                if (first.Kind != TokenKind.Identifier)
                {
                    Error($"Expected a variable name after 'for', found {Describe(first)}", first);
                    return null;
                }

                Read();
                string? keyVariable = null;
                var valueVariable = Text(first);
                if (Peek().Kind == TokenKind.Comma)
                {
                    Read();
                    var second = Peek();
                    if (second.Kind != TokenKind.Identifier)
                    {
                        Error($"Expected a value variable name after ',', found {Describe(second)}", second);
                        return null;
                    }

                    Read();
                    keyVariable = valueVariable;
                    valueVariable = Text(second);
                }

                var inKeyword = Peek();
                if (!IsKeyword(inKeyword, "in"))
                {
                    Error($"Expected 'in' after the for variables, found {Describe(inKeyword)}", inKeyword);
                    return null;
                }

                Read();
                return new FlatFor(keyVariable, valueVariable, ParseExpression(), range);
            default:
                Error($"Unknown template directive '{Text(keyword)}': expected if, else, endif, for or endfor", keyword);
                return null;
        }
    }

    private static string DirectiveName(DirectiveEnd kind) => kind switch
    {
        DirectiveEnd.Else => "else",
        DirectiveEnd.EndIf => "endif",
        _ => "endfor",
    };

    // The <<- heredoc removes the smallest indentation of its lines; blank lines do not count, as in HCL.
    private static void RemoveHeredocIndentation(List<FlatPart> flat)
    {
        var minimum = int.MaxValue;
        var adjust = new List<FlatLiteral>();
        var atLineStart = true;
        foreach (var part in flat)
        {
            if (atLineStart)
            {
                atLineStart = false;
                if (part is FlatLiteral literal)
                {
                    var indentation = literal.Value.Length - literal.Value.TrimStart().Length;
                    var blank = indentation == literal.Value.Length && literal.Value.EndsWith('\n');
                    if (!blank)
                    {
                        minimum = Math.Min(minimum, indentation);
                        adjust.Add(literal);
                    }
                }
                else
                {
                    minimum = 0;
                }
            }

            if (part is FlatLiteral { Value: var text } && text.EndsWith('\n'))
            {
                atLineStart = true;
            }
        }

        if (minimum is 0 or int.MaxValue)
        {
            return;
        }

        foreach (var literal in adjust)
        {
            literal.Value = literal.Value[minimum..];
        }
    }

    private List<FlatPart> MergeLiterals(List<FlatPart> flat)
    {
        var merged = new List<FlatPart>(flat.Count);
        foreach (var part in flat)
        {
            if (part is FlatLiteral literal)
            {
                if (literal.Value.Length == 0)
                {
                    continue;
                }

                if (merged.Count > 0 && merged[^1] is FlatLiteral previous)
                {
                    previous.Value += literal.Value;
                    previous.Range = Span(previous.Range, literal.Range);
                    continue;
                }
            }

            merged.Add(part);
        }

        return merged;
    }

    /// <summary>Builds nested parts until the end of the list or an else/endif/endfor, which is consumed and returned.</summary>
    private List<TemplatePart> BuildParts(List<FlatPart> flat, ref int index, out FlatEnd? stop)
    {
        var parts = new List<TemplatePart>();
        stop = null;
        while (index < flat.Count && !_aborted)
        {
            Tick();
            var part = flat[index++];
            switch (part)
            {
                case FlatLiteral literal:
                    parts.Add(new TemplateLiteral(literal.Value, literal.Range));
                    break;
                case FlatInterpolation interpolation:
                    parts.Add(new TemplateInterpolation(interpolation.Expression, interpolation.Range));
                    break;
                case FlatIf open:
                    if (BuildIf(open, flat, ref index) is { } ifDirective)
                    {
                        parts.Add(ifDirective);
                    }

                    break;
                case FlatFor open:
                    if (BuildFor(open, flat, ref index) is { } forDirective)
                    {
                        parts.Add(forDirective);
                    }

                    break;
                case FlatEnd end:
                    stop = end;
                    return parts;
            }
        }

        return parts;
    }

    private TemplateIfDirective? BuildIf(FlatIf open, List<FlatPart> flat, ref int index)
    {
        if (!EnterNesting(_endOfFile))
        {
            return null;
        }

        try
        {
            var trueParts = BuildParts(flat, ref index, out var stop);
            var falseParts = new List<TemplatePart>();
            if (stop?.Kind == DirectiveEnd.Else)
            {
                falseParts = BuildParts(flat, ref index, out stop);
                while (stop?.Kind == DirectiveEnd.Else && !_aborted)
                {
                    Error($"Unexpected else directive: the if directive at {open.Range.Start} already has an else", stop.Range);
                    falseParts.AddRange(BuildParts(flat, ref index, out stop));
                }
            }

            if (stop is null)
            {
                Error("Missing endif directive for this if directive", open.Range);
            }
            else if (stop.Kind != DirectiveEnd.EndIf)
            {
                Error($"Unexpected {DirectiveName(stop.Kind)} directive: expected endif for the if directive at {open.Range.Start}", stop.Range);
            }

            var end = stop?.Range ?? (falseParts.Count > 0 ? falseParts[^1].Range : trueParts.Count > 0 ? trueParts[^1].Range : open.Range);
            return new TemplateIfDirective(open.Condition, trueParts, falseParts, Span(open.Range, end));
        }
        finally
        {
            _depth--;
        }
    }

    private TemplateForDirective? BuildFor(FlatFor open, List<FlatPart> flat, ref int index)
    {
        if (!EnterNesting(_endOfFile))
        {
            return null;
        }

        try
        {
            var parts = BuildParts(flat, ref index, out var stop);
            while (stop?.Kind == DirectiveEnd.Else && !_aborted)
            {
                Error("Unexpected else directive: a for directive has no else clause", stop.Range);
                parts.AddRange(BuildParts(flat, ref index, out stop));
            }

            if (stop is null)
            {
                Error("Missing endfor directive for this for directive", open.Range);
            }
            else if (stop.Kind != DirectiveEnd.EndFor)
            {
                Error($"Unexpected {DirectiveName(stop.Kind)} directive: expected endfor for the for directive at {open.Range.Start}", stop.Range);
            }

            var end = stop?.Range ?? (parts.Count > 0 ? parts[^1].Range : open.Range);
            return new TemplateForDirective(open.KeyVariable, open.ValueVariable, open.Collection, parts, Span(open.Range, end));
        }
        finally
        {
            _depth--;
        }
    }

    private string DecodeHeredoc(Token token)
    {
        var raw = _source.AsSpan(token.Start, token.Length);
        if (raw.IndexOf("{", StringComparison.Ordinal) < 0)
        {
            return raw.ToString();
        }

        return raw.ToString().Replace("$${", "${", StringComparison.Ordinal).Replace("%%{", "%{", StringComparison.Ordinal);
    }

    private string DecodeQuoted(Token token)
    {
        var start = token.Start;
        var end = token.End;
        if (_source.AsSpan(start, token.Length).IndexOfAny('\\', '{') < 0)
        {
            return _source.Substring(start, token.Length);
        }

        var text = new StringBuilder(token.Length);
        var i = start;
        while (i < end)
        {
            var c = _source[i];
            if (c is '$' or '%' && i + 2 < end && _source[i + 1] == c && _source[i + 2] == '{')
            {
                text.Append(c).Append('{');
                i += 3;
                continue;
            }

            if (c != '\\')
            {
                text.Append(c);
                i++;
                continue;
            }

            if (i + 1 >= end)
            {
                Error("Invalid escape sequence: a backslash must be followed by an escape character", PositionIn(token, i, 1));
                i++;
                continue;
            }

            var next = _source[i + 1];
            switch (next)
            {
                case 'n':
                    text.Append('\n');
                    i += 2;
                    continue;
                case 'r':
                    text.Append('\r');
                    i += 2;
                    continue;
                case 't':
                    text.Append('\t');
                    i += 2;
                    continue;
                case '"':
                    text.Append('"');
                    i += 2;
                    continue;
                case '\\':
                    text.Append('\\');
                    i += 2;
                    continue;
                case 'u' or 'U':
                    var digits = next == 'u' ? 4 : 8;
                    if (i + 2 + digits <= end
                        && int.TryParse(_source.AsSpan(i + 2, digits), NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture, out var code)
                        && Rune.IsValid(code))
                    {
                        text.Append(new Rune(code).ToString());
                        i += 2 + digits;
                        continue;
                    }

                    Error($"Invalid unicode escape: '\\{next}' must be followed by {digits} hexadecimal digits naming a valid character", PositionIn(token, i, 2));
                    text.Append(next);
                    i += 2;
                    continue;
                default:
                    Error($"Invalid escape sequence '\\{next}': only \\n \\r \\t \\\" \\\\ \\uNNNN and \\UNNNNNNNN are allowed", PositionIn(token, i, 2));
                    text.Append(next);
                    i += 2;
                    continue;
            }
        }

        return text.ToString();
    }

    // Quoted literals are single-line, so columns and bytes advance by code point from the token start.
    private SourceRange PositionIn(Token token, int index, int length)
    {
        var start = Advance(token.StartPos, token.Start, index);
        var end = Advance(start, index, Math.Min(index + length, token.End));
        return new SourceRange(_fileName, start, end);
    }

    private SourcePosition Advance(SourcePosition position, int from, int to)
    {
        var (column, offset) = (position.Column, position.Byte);
        for (var i = from; i < to; i++)
        {
            var c = _source[i];
            if (char.IsLowSurrogate(c) && i > from && char.IsHighSurrogate(_source[i - 1]))
            {
                continue;
            }

            column++;
            offset += c < 0x80 ? 1 : c < 0x800 ? 2 : char.IsHighSurrogate(c) ? 4 : 3;
        }

        return position with { Column = column, Byte = offset };
    }
}
