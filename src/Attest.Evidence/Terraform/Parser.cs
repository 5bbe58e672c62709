using System.Runtime.CompilerServices;

namespace Attest.Evidence.Terraform;

/// <summary>Recursive-descent parser over the token list; this part reads bodies, attributes and blocks.</summary>
/// <remarks>
/// Termination: every loop calls <see cref="Tick"/>, and the parser gives up with a diagnostic once the number of
/// steps exceeds a bound proportional to the token count; nesting is bounded by <see cref="HclParser.MaxNestingDepth"/>.
/// </remarks>
internal sealed partial class Parser
{
    private readonly string _source;
    private readonly string _fileName;
    private readonly List<Token> _tokens;
    private readonly Token _endOfFile;
    private readonly List<HclDiagnostic> _diagnostics = [];
    private readonly HashSet<int> _reportedOffsets = [];
    private readonly List<bool> _newlineModes = [];
    private readonly long _maxSteps;
    private long _steps;
    private int _position;
    private int _depth;
    private bool _aborted;

    public Parser(string source, string fileName, List<Token> tokens, IEnumerable<HclDiagnostic> lexerDiagnostics)
    {
        _source = source;
        _fileName = fileName;
        _tokens = tokens;
        _endOfFile = tokens[^1];
        _maxSteps = (64L * tokens.Count) + 1024;
        foreach (var diagnostic in lexerDiagnostics)
        {
            _reportedOffsets.Add(diagnostic.Range.Start.Byte);
        }
    }

    public IReadOnlyList<HclDiagnostic> Diagnostics => _diagnostics;

    public ConfigFile ParseFile()
    {
        PushNewlines(true);
        var items = ParseBodyItems(open: null, out _);
        var range = new SourceRange(_fileName, new SourcePosition(1, 1, 0), _endOfFile.EndPos);
        return new ConfigFile(new Body(items, range), range);
    }

    private List<BodyItem> ParseBodyItems(Token? open, out Token? close)
    {
        var items = new List<BodyItem>();
        var names = new HashSet<string>(StringComparer.Ordinal);
        var inBlock = open is not null;
        close = null;
        while (true)
        {
            Tick();
            var token = Peek();
            switch (token.Kind)
            {
                case TokenKind.Newline:
                    Read();
                    continue;
                case TokenKind.EndOfFile:
                    if (open is { } brace)
                    {
                        Error("Unclosed block: the '{' has no matching '}' before the end of the file", brace);
                    }

                    return items;
                case TokenKind.CloseBrace when inBlock:
                    close = Read();
                    return items;
                case TokenKind.CloseBrace:
                    Error("Unexpected '}': there is no open block to close", token);
                    Read();
                    continue;
                case TokenKind.Identifier:
                    var item = ParseBodyItem(inBlock);
                    if (item is AttributeDefinition attribute && !names.Add(attribute.Name))
                    {
                        Error($"Duplicate argument '{attribute.Name}': an argument may be defined only once in a block", attribute.NameRange);
                    }

                    if (item is not null)
                    {
                        items.Add(item);
                    }

                    continue;
                default:
                    Error($"Expected an argument or block definition, found {Describe(token)}", token);
                    RecoverAfterBodyItem(inBlock);
                    continue;
            }
        }
    }

    private BodyItem? ParseBodyItem(bool inBlock)
    {
        var name = Read();
        var next = Peek();
        if (next.Kind == TokenKind.Equals)
        {
            var attribute = ParseAttribute(name);
            var end = Peek();
            if (end.Kind == TokenKind.Newline)
            {
                Read();
            }
            else if (end.Kind != TokenKind.EndOfFile)
            {
                Error($"Missing newline after argument: found {Describe(end)} where the line should end", end);
                RecoverAfterBodyItem(inBlock);
            }

            return attribute;
        }

        if (next.Kind is TokenKind.OpenBrace or TokenKind.OpenQuote or TokenKind.Identifier)
        {
            return ParseBlock(name, inBlock);
        }

        Error($"Expected '=' or a block body after '{Text(name)}', found {Describe(next)}", next);
        RecoverAfterBodyItem(inBlock);
        return null;
    }

    private AttributeDefinition ParseAttribute(Token name)
    {
        Read();
        var expression = ParseExpression();
        return new AttributeDefinition(Text(name), expression, RangeOf(name), new SourceRange(_fileName, name.StartPos, expression.Range.End));
    }

    private Block? ParseBlock(Token type, bool inBlock)
    {
        if (!EnterNesting(type))
        {
            return null;
        }

        try
        {
            var labels = new List<BlockLabel>();
            while (true)
            {
                Tick();
                var token = Peek();
                if (token.Kind == TokenKind.Identifier)
                {
                    Read();
                    labels.Add(new BlockLabel(Text(token), false, RangeOf(token)));
                }
                else if (token.Kind == TokenKind.OpenQuote)
                {
                    labels.Add(ParseQuotedLabel());
                }
                else
                {
                    break;
                }
            }

            var open = Peek();
            if (open.Kind != TokenKind.OpenBrace)
            {
                Error($"Expected '{{' to open the body of block '{Text(type)}', found {Describe(open)}", open);
                RecoverAfterBodyItem(inBlock);
                return null;
            }

            Read();
            Token? close;
            var first = Peek();
            var items = first.Kind is TokenKind.Newline or TokenKind.EndOfFile or TokenKind.CloseBrace
                ? ParseBodyItems(open, out close)
                : ParseSingleLineBody(open, out close);
            var end = close?.EndPos ?? (items.Count > 0 ? items[^1].Range.End : open.EndPos);
            var body = new Body(items, new SourceRange(_fileName, open.StartPos, end));
            var block = new Block(Text(type), labels, body, RangeOf(type), new SourceRange(_fileName, type.StartPos, end));
            if (close is not null)
            {
                var after = Peek();
                if (after.Kind == TokenKind.Newline)
                {
                    Read();
                }
                else if (after.Kind != TokenKind.EndOfFile)
                {
                    Error($"Missing newline after block definition: found {Describe(after)} after '}}'", after);
                    RecoverAfterBodyItem(inBlock);
                }
            }

            return block;
        }
        finally
        {
            _depth--;
        }
    }

    private List<BodyItem> ParseSingleLineBody(Token open, out Token? close)
    {
        var items = new List<BodyItem>();
        var token = Peek();
        if (token.Kind == TokenKind.Identifier && PeekSecond().Kind == TokenKind.Equals)
        {
            items.Add(ParseAttribute(Read()));
        }
        else
        {
            Error($"A single-line block may contain only one argument definition, found {Describe(token)}", token);
        }

        var end = Peek();
        if (end.Kind == TokenKind.CloseBrace)
        {
            close = Read();
            return items;
        }

        Error($"Missing '}}' to close the single-line block opened at {open.StartPos}: a single-line block holds one argument and ends on the same line", end);
        close = RecoverTo(TokenKind.CloseBrace);
        return items;
    }

    private BlockLabel ParseQuotedLabel()
    {
        var open = Read();
        var text = new System.Text.StringBuilder();
        var end = open.EndPos;
        while (true)
        {
            Tick();
            var token = Peek();
            if (token.Kind == TokenKind.QuotedLiteral)
            {
                Read();
                text.Append(DecodeQuoted(token));
                end = token.EndPos;
            }
            else if (token.Kind == TokenKind.CloseQuote)
            {
                Read();
                end = token.EndPos;
                break;
            }
            else if (token.Kind is TokenKind.TemplateInterpolation or TokenKind.TemplateControl)
            {
                Error("Block labels cannot contain template sequences", token);
                Read();
                var closer = RecoverTo(TokenKind.TemplateSequenceEnd);
                end = closer?.EndPos ?? token.EndPos;
            }
            else
            {
                break;
            }
        }

        return new BlockLabel(text.ToString(), true, new SourceRange(_fileName, open.StartPos, end));
    }

    // ---- token access -------------------------------------------------------------------------

    private bool NewlinesSignificant => _newlineModes[^1];

    private void PushNewlines(bool significant) => _newlineModes.Add(significant);

    private void PopNewlines() => _newlineModes.RemoveAt(_newlineModes.Count - 1);

    private int SkipNewlines(int index)
    {
        if (!NewlinesSignificant)
        {
            while (_tokens[index].Kind == TokenKind.Newline)
            {
                index++;
            }
        }

        return index;
    }

    private Token Peek() => _aborted ? _endOfFile : _tokens[SkipNewlines(_position)];

    private Token PeekSecond()
    {
        if (_aborted)
        {
            return _endOfFile;
        }

        var first = SkipNewlines(_position);
        return _tokens[first].Kind == TokenKind.EndOfFile ? _endOfFile : _tokens[SkipNewlines(first + 1)];
    }

    private Token Read()
    {
        if (_aborted)
        {
            return _endOfFile;
        }

        var index = SkipNewlines(_position);
        var token = _tokens[index];
        _position = token.Kind == TokenKind.EndOfFile ? index : index + 1;
        return token;
    }

    private string Text(Token token) => _source.Substring(token.Start, token.Length);

    private bool IsKeyword(Token token, string keyword) =>
        token.Kind == TokenKind.Identifier && _source.AsSpan(token.Start, token.Length).SequenceEqual(keyword);

    private SourceRange RangeOf(Token token) => new(_fileName, token.StartPos, token.EndPos);

    private SourceRange RangeOf(Token first, Token last) => new(_fileName, first.StartPos, last.EndPos);

    [MethodImpl(MethodImplOptions.NoInlining)]
    private string Describe(Token token) => token.Kind switch
    {
        TokenKind.EndOfFile => "the end of the file",
        TokenKind.Newline => "the end of the line",
        TokenKind.Identifier => $"'{Text(token)}'",
        TokenKind.OpenQuote => "a string",
        TokenKind.OpenHeredoc => "a heredoc",
        TokenKind.TemplateSequenceEnd => "'}'",
        _ => $"'{Text(token)}'",
    };

    // ---- limits and diagnostics ---------------------------------------------------------------

    private void Tick()
    {
        if (++_steps > _maxSteps && !_aborted)
        {
            Abort("The parser stopped: it made no progress on this input (this is a parser bug; please report the file)", Peek());
        }
    }

    private bool EnterNesting(Token at)
    {
        Tick();
        if (_aborted || _depth >= HclParser.MaxNestingDepth || !RuntimeHelpers.TryEnsureSufficientExecutionStack())
        {
            return FailNesting(RangeOf(at));
        }

        _depth++;
        return true;
    }

    private bool CheckChain(int chainLength, SourceRange at)
    {
        if (_aborted || _depth + chainLength > HclParser.MaxNestingDepth || !RuntimeHelpers.TryEnsureSufficientExecutionStack())
        {
            return FailNesting(at);
        }

        return true;
    }

    // The stack check keeps the parser safe on threads with small stacks, where 256 levels may not fit.
    [MethodImpl(MethodImplOptions.NoInlining)]
    private bool FailNesting(SourceRange at)
    {
        if (!_aborted)
        {
            Abort($"Nesting is deeper than {HclParser.MaxNestingDepth} levels (or than the thread's stack allows); the rest of the file was not parsed", at);
        }

        return false;
    }

    [MethodImpl(MethodImplOptions.NoInlining)]
    private void Abort(string message, Token at) => Abort(message, RangeOf(at));

    [MethodImpl(MethodImplOptions.NoInlining)]
    private void Abort(string message, SourceRange at)
    {
        _diagnostics.Add(new HclDiagnostic(message, at));
        _aborted = true;
    }

    [MethodImpl(MethodImplOptions.NoInlining)]
    private void Error(string message, Token at)
    {
        // Invalid characters were reported by the lexer already.
        if (at.Kind != TokenKind.Invalid)
        {
            Error(message, RangeOf(at));
        }
    }

    [MethodImpl(MethodImplOptions.NoInlining)]
    private void Error(string message, SourceRange at)
    {
        if (!_aborted && _reportedOffsets.Add(at.Start.Byte))
        {
            _diagnostics.Add(new HclDiagnostic(message, at));
        }
    }

    // ---- recovery -----------------------------------------------------------------------------

    private static bool IsOpener(TokenKind kind) => kind is TokenKind.OpenBrace or TokenKind.OpenBracket or TokenKind.OpenParen
        or TokenKind.OpenQuote or TokenKind.OpenHeredoc or TokenKind.TemplateInterpolation or TokenKind.TemplateControl;

    private static TokenKind? OpenerOf(TokenKind closer) => closer switch
    {
        TokenKind.CloseBrace => TokenKind.OpenBrace,
        TokenKind.CloseBracket => TokenKind.OpenBracket,
        TokenKind.CloseParen => TokenKind.OpenParen,
        TokenKind.CloseQuote => TokenKind.OpenQuote,
        TokenKind.CloseHeredoc => TokenKind.OpenHeredoc,
        TokenKind.TemplateSequenceEnd => TokenKind.TemplateInterpolation,
        _ => null,
    };

    private static TokenKind NormalizeOpener(TokenKind kind) =>
        kind == TokenKind.TemplateControl ? TokenKind.TemplateInterpolation : kind;

    /// <summary>Skips to the token closing the current construct and consumes it; stops before an outer closer or the end.</summary>
    private Token? RecoverTo(TokenKind closer)
    {
        var open = new List<TokenKind>();
        while (!_aborted)
        {
            Tick();
            var token = _tokens[_position];
            if (token.Kind == TokenKind.EndOfFile)
            {
                return null;
            }

            if (IsOpener(token.Kind))
            {
                open.Add(NormalizeOpener(token.Kind));
            }
            else if (OpenerOf(token.Kind) is { } opener)
            {
                var index = open.LastIndexOf(opener);
                if (index >= 0)
                {
                    open.RemoveRange(index, open.Count - index);
                }
                else if (token.Kind == closer)
                {
                    _position++;
                    return token;
                }
                else
                {
                    return null;
                }
            }

            _position++;
        }

        return null;
    }

    /// <summary>Skips the rest of a broken body item: up to and including the end of its line, or up to the block's '}'.</summary>
    private void RecoverAfterBodyItem(bool inBlock)
    {
        var open = new List<TokenKind>();
        while (!_aborted)
        {
            Tick();
            var token = _tokens[_position];
            if (token.Kind == TokenKind.EndOfFile)
            {
                return;
            }

            if (token.Kind == TokenKind.Newline && open.Count == 0)
            {
                _position++;
                return;
            }

            if (IsOpener(token.Kind))
            {
                open.Add(NormalizeOpener(token.Kind));
            }
            else if (OpenerOf(token.Kind) is { } opener)
            {
                var index = open.LastIndexOf(opener);
                if (index >= 0)
                {
                    open.RemoveRange(index, open.Count - index);
                }
                else if (token.Kind == TokenKind.CloseBrace && inBlock)
                {
                    return;
                }
            }

            _position++;
        }
    }
}
