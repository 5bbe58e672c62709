namespace Attest.Evidence.Terraform;

/// <summary>A syntax error found while parsing an HCL file.</summary>
/// <param name="Message">What is wrong, in plain words.</param>
/// <param name="Range">Where the problem is.</param>
public sealed record HclDiagnostic(string Message, SourceRange Range)
{
    /// <summary>The file the problem is in.</summary>
    public string FileName => Range.FileName;

    /// <summary>1-based line of the problem.</summary>
    public int Line => Range.Start.Line;

    /// <summary>1-based column of the problem.</summary>
    public int Column => Range.Start.Column;

    /// <summary>Formats the diagnostic as <c>file:line:column: message</c>.</summary>
    public override string ToString() => $"{FileName}:{Range.Start}: {Message}";
}
