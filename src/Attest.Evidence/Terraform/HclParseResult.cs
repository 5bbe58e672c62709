namespace Attest.Evidence.Terraform;

/// <summary>The outcome of parsing one file: the syntax tree (as much as could be read) and any syntax errors.</summary>
/// <param name="File">The parsed file; partial when <see cref="Diagnostics"/> is not empty.</param>
/// <param name="Diagnostics">Syntax errors in source order; empty when the file is valid.</param>
public sealed record HclParseResult(ConfigFile File, IReadOnlyList<HclDiagnostic> Diagnostics)
{
    /// <summary>True when the file had at least one syntax error.</summary>
    public bool HasErrors => Diagnostics.Count > 0;
}
