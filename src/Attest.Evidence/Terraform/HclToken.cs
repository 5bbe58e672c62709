namespace Attest.Evidence.Terraform;

internal enum TokenKind
{
    Invalid,
    EndOfFile,
    Newline,
    Identifier,
    Number,

    OpenQuote,
    CloseQuote,
    QuotedLiteral,
    OpenHeredoc,
    CloseHeredoc,
    HeredocLiteral,
    TemplateInterpolation,
    TemplateControl,
    TemplateSequenceEnd,

    OpenBrace,
    CloseBrace,
    OpenBracket,
    CloseBracket,
    OpenParen,
    CloseParen,

    Comma,
    Dot,
    Ellipsis,
    Colon,
    DoubleColon,
    Question,
    Equals,
    FatArrow,
    Plus,
    Minus,
    Star,
    Slash,
    Percent,
    EqualEqual,
    NotEqual,
    Less,
    LessEqual,
    Greater,
    GreaterEqual,
    And,
    Or,
    Bang,
}

/// <summary>A token: its kind and its span as character indexes and source positions.</summary>
/// <remarks>Strip markers and heredoc indentation are read back from the token text (<c>${~</c>, <c>~}</c>, <c>&lt;&lt;-</c>).</remarks>
internal readonly record struct Token(TokenKind Kind, int Start, int End, SourcePosition StartPos, SourcePosition EndPos)
{
    public int Length => End - Start;
}
