using System.Globalization;
using System.Text;

namespace Attest.Evidence.Terraform;

/// <summary>Turns HCL source into tokens, tracking the template/heredoc/brace nesting that decides how text is read.</summary>
internal sealed class HclLexer
{
    private enum FrameKind
    {
        Brace,
        Interpolation,
        Quoted,
        Heredoc,
    }

    private sealed class Frame(FrameKind kind, Token opener, string marker)
    {
        public FrameKind Kind { get; } = kind;

        public Token Opener { get; } = opener;

        public string Marker { get; } = marker;

        public bool AtLineStart { get; set; } = true;
    }

    private readonly string _source;
    private readonly string _fileName;
    private readonly List<Token> _tokens = [];
    private readonly List<Frame> _frames = [];
    private readonly List<HclDiagnostic> _diagnostics;
    private int _index;
    private int _line = 1;
    private int _column = 1;
    private int _byte;

    private HclLexer(string source, string fileName, List<HclDiagnostic> diagnostics)
    {
        _source = source;
        _fileName = fileName;
        _diagnostics = diagnostics;
    }

    /// <summary>Tokenizes the whole source; the last token is always <see cref="TokenKind.EndOfFile"/>.</summary>
    public static List<Token> Tokenize(string source, string fileName, List<HclDiagnostic> diagnostics)
    {
        var lexer = new HclLexer(source, fileName, diagnostics);
        lexer.Run();
        return lexer._tokens;
    }

    private SourcePosition Position => new(_line, _column, _byte);

    private char Current => _source[_index];

    private char At(int offset) => _index + offset < _source.Length ? _source[_index + offset] : '\0';

    private void Run()
    {
        if (_source.Length > 0 && _source[0] == '\uFEFF')
        {
            // A byte order mark is an encoding artifact, not content.
            _index = 1;
            _byte = 3;
        }

        while (_index < _source.Length)
        {
            var frame = _frames.Count > 0 ? _frames[^1] : null;
            switch (frame?.Kind)
            {
                case FrameKind.Quoted:
                    LexQuoted(frame);
                    break;
                case FrameKind.Heredoc:
                    LexHeredoc(frame);
                    break;
                default:
                    LexMain(frame);
                    break;
            }
        }

        for (var i = _frames.Count - 1; i >= 0; i--)
        {
            var frame = _frames[i];
            if (frame.Kind == FrameKind.Quoted)
            {
                Report("Unterminated string: the closing quote is missing", frame.Opener);
            }
            else if (frame.Kind == FrameKind.Heredoc)
            {
                Report($"Unterminated heredoc: no line with the closing marker '{frame.Marker}' before the end of the file", frame.Opener);
            }
        }

        var end = Position;
        _tokens.Add(new Token(TokenKind.EndOfFile, _index, _index, end, end));
    }

    private void Advance()
    {
        var c = _source[_index];
        if (c == '\n')
        {
            _line++;
            _column = 1;
            _byte++;
            _index++;
            return;
        }

        _column++;
        if (c < 0x80)
        {
            _byte++;
            _index++;
        }
        else if (c < 0x800)
        {
            _byte += 2;
            _index++;
        }
        else if (char.IsHighSurrogate(c) && _index + 1 < _source.Length && char.IsLowSurrogate(_source[_index + 1]))
        {
            _byte += 4;
            _index += 2;
        }
        else
        {
            _byte += 3;
            _index++;
        }
    }

    private void Advance(int count)
    {
        for (var i = 0; i < count && _index < _source.Length; i++)
        {
            Advance();
        }
    }

    private void AdvanceTo(int end)
    {
        while (_index < end)
        {
            Advance();
        }
    }

    private Token Emit(TokenKind kind, int start, SourcePosition startPos)
    {
        var token = new Token(kind, start, _index, startPos, Position);
        _tokens.Add(token);
        return token;
    }

    private void Report(string message, Token at) =>
        _diagnostics.Add(new HclDiagnostic(message, new SourceRange(_fileName, at.StartPos, at.EndPos)));

    private void Push(FrameKind kind, Token opener, string marker = "") => _frames.Add(new Frame(kind, opener, marker));

    private void Pop() => _frames.RemoveAt(_frames.Count - 1);

    private void LexMain(Frame? frame)
    {
        var start = _index;
        var startPos = Position;
        var c = Current;
        switch (c)
        {
            case ' ' or '\t':
                Advance();
                return;
            case '\n':
                Advance();
                Emit(TokenKind.Newline, start, startPos);
                return;
            case '\r' when At(1) == '\n':
                Advance(2);
                Emit(TokenKind.Newline, start, startPos);
                return;
            case '#':
                SkipLineComment();
                return;
            case '/' when At(1) == '/':
                SkipLineComment();
                return;
            case '/' when At(1) == '*':
                SkipBlockComment(start, startPos);
                return;
            case '"':
                Advance();
                Push(FrameKind.Quoted, Emit(TokenKind.OpenQuote, start, startPos));
                return;
            case '<' when At(1) == '<':
                LexHeredocOpener(start, startPos);
                return;
            case '{':
                Advance();
                Push(FrameKind.Brace, Emit(TokenKind.OpenBrace, start, startPos));
                return;
            case '}':
                Advance();
                if (frame?.Kind == FrameKind.Interpolation)
                {
                    Pop();
                    Emit(TokenKind.TemplateSequenceEnd, start, startPos);
                    return;
                }

                if (frame?.Kind == FrameKind.Brace)
                {
                    Pop();
                }

                Emit(TokenKind.CloseBrace, start, startPos);
                return;
            case '~' when At(1) == '}' && frame?.Kind == FrameKind.Interpolation:
                Advance(2);
                Pop();
                Emit(TokenKind.TemplateSequenceEnd, start, startPos);
                return;
        }

        var (kind, length) = c switch
        {
            '[' => (TokenKind.OpenBracket, 1),
            ']' => (TokenKind.CloseBracket, 1),
            '(' => (TokenKind.OpenParen, 1),
            ')' => (TokenKind.CloseParen, 1),
            ',' => (TokenKind.Comma, 1),
            '?' => (TokenKind.Question, 1),
            '+' => (TokenKind.Plus, 1),
            '-' => (TokenKind.Minus, 1),
            '*' => (TokenKind.Star, 1),
            '/' => (TokenKind.Slash, 1),
            '%' => (TokenKind.Percent, 1),
            ':' => At(1) == ':' ? (TokenKind.DoubleColon, 2) : (TokenKind.Colon, 1),
            '.' => At(1) == '.' && At(2) == '.' ? (TokenKind.Ellipsis, 3) : (TokenKind.Dot, 1),
            '=' => At(1) switch
            {
                '=' => (TokenKind.EqualEqual, 2),
                '>' => (TokenKind.FatArrow, 2),
                _ => (TokenKind.Equals, 1),
            },
            '!' => At(1) == '=' ? (TokenKind.NotEqual, 2) : (TokenKind.Bang, 1),
            '<' => At(1) == '=' ? (TokenKind.LessEqual, 2) : (TokenKind.Less, 1),
            '>' => At(1) == '=' ? (TokenKind.GreaterEqual, 2) : (TokenKind.Greater, 1),
            '&' when At(1) == '&' => (TokenKind.And, 2),
            '|' when At(1) == '|' => (TokenKind.Or, 2),
            _ => (TokenKind.Invalid, 0),
        };

        if (kind != TokenKind.Invalid)
        {
            Advance(length);
            Emit(kind, start, startPos);
            return;
        }

        if (c is >= '0' and <= '9')
        {
            LexNumber(start, startPos);
            return;
        }

        if (IsIdentifierStart(_index))
        {
            LexIdentifierRest();
            Emit(TokenKind.Identifier, start, startPos);
            return;
        }

        Advance();
        var invalid = Emit(TokenKind.Invalid, start, startPos);
        Report($"Invalid character {Describe(_source.AsSpan(start, _index - start))}", invalid);
    }

    private static string Describe(ReadOnlySpan<char> text)
    {
        var rune = Rune.DecodeFromUtf16(text, out var r, out _) == System.Buffers.OperationStatus.Done ? r : Rune.ReplacementChar;
        return Rune.IsControl(rune) || Rune.IsWhiteSpace(rune)
            ? string.Create(CultureInfo.InvariantCulture, $"U+{rune.Value:X4}")
            : $"'{rune}'";
    }

    private void SkipLineComment()
    {
        while (_index < _source.Length && Current != '\n' && !(Current == '\r' && At(1) == '\n'))
        {
            Advance();
        }
    }

    private void SkipBlockComment(int start, SourcePosition startPos)
    {
        Advance(2);
        while (_index < _source.Length)
        {
            if (Current == '*' && At(1) == '/')
            {
                Advance(2);
                return;
            }

            Advance();
        }

        Report("Unterminated comment: '/*' has no matching '*/'", new Token(TokenKind.Invalid, start, start + 2, startPos, startPos with { Column = startPos.Column + 2, Byte = startPos.Byte + 2 }));
    }

    private void LexNumber(int start, SourcePosition startPos)
    {
        while (_index < _source.Length && char.IsAsciiDigit(Current))
        {
            Advance();
        }

        if (_index < _source.Length && Current == '.' && char.IsAsciiDigit(At(1)))
        {
            Advance();
            while (_index < _source.Length && char.IsAsciiDigit(Current))
            {
                Advance();
            }
        }

        if (_index < _source.Length && Current is 'e' or 'E')
        {
            var digitAt = At(1) is '+' or '-' ? 2 : 1;
            if (char.IsAsciiDigit(At(digitAt)))
            {
                Advance(digitAt);
                while (_index < _source.Length && char.IsAsciiDigit(Current))
                {
                    Advance();
                }
            }
        }

        Emit(TokenKind.Number, start, startPos);
    }

    private void LexIdentifierRest()
    {
        Advance();
        while (_index < _source.Length && IsIdentifierContinue(_index))
        {
            Advance();
        }
    }

    private void LexHeredocOpener(int start, SourcePosition startPos)
    {
        var i = _index + 2;
        var indented = i < _source.Length && _source[i] == '-';
        if (indented)
        {
            i++;
        }

        var nameStart = i;
        if (i < _source.Length && IsIdentifierStart(i))
        {
            i += char.IsSurrogatePair(_source, i) ? 2 : 1;
            while (i < _source.Length && IsIdentifierContinue(i))
            {
                i += char.IsSurrogatePair(_source, i) ? 2 : 1;
            }
        }

        var nameEnd = i;
        var newlineLength = i < _source.Length && _source[i] == '\n' ? 1
            : i + 1 < _source.Length && _source[i] == '\r' && _source[i + 1] == '\n' ? 2
            : 0;
        if (nameEnd == nameStart || newlineLength == 0)
        {
            Advance(2);
            var invalid = Emit(TokenKind.Invalid, start, startPos);
            Report("Invalid heredoc: '<<' must be followed by a marker name and the end of the line", invalid);
            return;
        }

        AdvanceTo(nameEnd + newlineLength);
        var opener = Emit(TokenKind.OpenHeredoc, start, startPos);
        Push(FrameKind.Heredoc, opener, _source[nameStart..nameEnd]);
    }

    private void LexTemplateOpener(TokenKind kind)
    {
        var start = _index;
        var startPos = Position;
        Advance(At(2) == '~' ? 3 : 2);
        Push(FrameKind.Interpolation, Emit(kind, start, startPos));
    }

    private bool AtTemplateOpener(out TokenKind kind)
    {
        kind = Current == '$' ? TokenKind.TemplateInterpolation : TokenKind.TemplateControl;
        return Current is '$' or '%' && At(1) == '{';
    }

    private bool AtEscapedTemplateOpener() => Current is '$' or '%' && At(1) == Current && At(2) == '{';

    private void LexQuoted(Frame frame)
    {
        var start = _index;
        var startPos = Position;
        var c = Current;
        if (c == '"')
        {
            Advance();
            Pop();
            Emit(TokenKind.CloseQuote, start, startPos);
            return;
        }

        if (c == '\n' || (c == '\r' && At(1) == '\n'))
        {
            Report("Unterminated string: the closing quote is missing before the end of the line", frame.Opener);
            Pop();

            // A zero-width closing quote lets the parser carry on with the next line.
            Emit(TokenKind.CloseQuote, start, startPos);
            return;
        }

        if (AtTemplateOpener(out var opener))
        {
            LexTemplateOpener(opener);
            return;
        }

        while (_index < _source.Length)
        {
            c = Current;
            if (c == '"' || c == '\n' || (c == '\r' && At(1) == '\n'))
            {
                break;
            }

            if (AtEscapedTemplateOpener())
            {
                Advance(3);
                continue;
            }

            if (AtTemplateOpener(out _))
            {
                break;
            }

            Advance();
            if (c == '\\' && _index < _source.Length && Current != '\n' && !(Current == '\r' && At(1) == '\n'))
            {
                Advance();
            }
        }

        Emit(TokenKind.QuotedLiteral, start, startPos);
    }

    private void LexHeredoc(Frame frame)
    {
        if (frame.AtLineStart && TryLexHeredocCloser(frame))
        {
            return;
        }

        var start = _index;
        var startPos = Position;
        while (_index < _source.Length)
        {
            if (AtEscapedTemplateOpener())
            {
                Advance(3);
                continue;
            }

            if (AtTemplateOpener(out _))
            {
                break;
            }

            var c = Current;
            Advance();
            if (c == '\n')
            {
                frame.AtLineStart = true;
                Emit(TokenKind.HeredocLiteral, start, startPos);
                return;
            }
        }

        frame.AtLineStart = false;
        if (_index > start)
        {
            Emit(TokenKind.HeredocLiteral, start, startPos);
        }

        if (_index < _source.Length && AtTemplateOpener(out var opener))
        {
            LexTemplateOpener(opener);
        }
    }

    private bool TryLexHeredocCloser(Frame frame)
    {
        var lineEnd = _source.IndexOf('\n', _index);
        if (lineEnd < 0)
        {
            lineEnd = _source.Length;
        }

        var s = _index;
        while (s < lineEnd && _source[s] is ' ' or '\t')
        {
            s++;
        }

        var e = lineEnd;
        while (e > s && _source[e - 1] is ' ' or '\t' or '\r')
        {
            e--;
        }

        if (!_source.AsSpan(s, e - s).SequenceEqual(frame.Marker))
        {
            return false;
        }

        AdvanceTo(s);
        var start = _index;
        var startPos = Position;
        AdvanceTo(e);
        Pop();
        Emit(TokenKind.CloseHeredoc, start, startPos);
        return true;
    }

    private bool IsIdentifierStart(int index)
    {
        var c = _source[index];
        if (c < 0x80)
        {
            return char.IsAsciiLetter(c) || c == '_';
        }

        return Rune.DecodeFromUtf16(_source.AsSpan(index), out var rune, out _) == System.Buffers.OperationStatus.Done
            && Rune.GetUnicodeCategory(rune) is UnicodeCategory.UppercaseLetter or UnicodeCategory.LowercaseLetter
                or UnicodeCategory.TitlecaseLetter or UnicodeCategory.ModifierLetter or UnicodeCategory.OtherLetter
                or UnicodeCategory.LetterNumber;
    }

    private bool IsIdentifierContinue(int index)
    {
        var c = _source[index];
        if (c < 0x80)
        {
            return char.IsAsciiLetterOrDigit(c) || c is '_' or '-';
        }

        return IsIdentifierStart(index)
            || (Rune.DecodeFromUtf16(_source.AsSpan(index), out var rune, out _) == System.Buffers.OperationStatus.Done
                && Rune.GetUnicodeCategory(rune) is UnicodeCategory.NonSpacingMark or UnicodeCategory.SpacingCombiningMark
                    or UnicodeCategory.DecimalDigitNumber or UnicodeCategory.ConnectorPunctuation);
    }
}
