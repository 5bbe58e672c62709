using System.Globalization;

namespace Attest.Evidence.Terraform;

/// <summary>A point in source text.</summary>
/// <param name="Line">1-based line number.</param>
/// <param name="Column">1-based column, counted in Unicode code points (a tab counts as one).</param>
/// <param name="Byte">0-based offset in the UTF-8 encoding of the source.</param>
public readonly record struct SourcePosition(int Line, int Column, int Byte)
{
    /// <summary>Formats the position as <c>line:column</c>.</summary>
    public override string ToString() => string.Create(CultureInfo.InvariantCulture, $"{Line}:{Column}");
}

/// <summary>A span of source text in a named file; <see cref="End"/> is exclusive.</summary>
/// <param name="FileName">The file name given to the parser.</param>
/// <param name="Start">The first character of the span.</param>
/// <param name="End">The position just after the last character of the span.</param>
public readonly record struct SourceRange(string FileName, SourcePosition Start, SourcePosition End)
{
    /// <summary>Formats the range as <c>file:line:column-line:column</c>.</summary>
    public override string ToString() => $"{FileName}:{Start}-{End}";
}
