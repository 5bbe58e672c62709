namespace Attest.Evidence.Terraform;

/// <summary>Parses HCL native syntax (Terraform <c>.tf</c> files) into a syntax tree, without evaluating it.</summary>
/// <remarks>Never throws on malformed input: syntax errors come back as diagnostics next to a partial tree.</remarks>
public static class HclParser
{
    /// <summary>The deepest nesting of blocks and expressions the parser accepts before it stops with a diagnostic.</summary>
    public const int MaxNestingDepth = 256;

    /// <summary>Parses the text of one file.</summary>
    /// <param name="source">The file content.</param>
    /// <param name="fileName">The name reported in ranges and diagnostics.</param>
    public static HclParseResult Parse(string source, string fileName)
    {
        ArgumentNullException.ThrowIfNull(source);
        ArgumentNullException.ThrowIfNull(fileName);

        var lexerDiagnostics = new List<HclDiagnostic>();
        var tokens = HclLexer.Tokenize(source, fileName, lexerDiagnostics);
        var parser = new Parser(source, fileName, tokens, lexerDiagnostics);
        var file = parser.ParseFile();
        var diagnostics = lexerDiagnostics.Concat(parser.Diagnostics)
            .OrderBy(d => d.Range.Start.Byte)
            .ToList();
        return new HclParseResult(file, diagnostics);
    }
}
