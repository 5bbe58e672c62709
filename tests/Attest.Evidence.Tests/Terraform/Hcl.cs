using Attest.Evidence.Terraform;

namespace Attest.Evidence.Tests.Terraform;

/// <summary>Parsing shortcuts for tests.</summary>
internal static class Hcl
{
    public const string FileName = "test.tf";

    public static HclParseResult Parse(string source) => HclParser.Parse(source, FileName);

    public static ConfigFile ParseValid(string source)
    {
        var result = Parse(source);
        Assert.True(result.Diagnostics.Count == 0, "Unexpected diagnostics:\n" + string.Join("\n", result.Diagnostics));
        return result.File;
    }

    /// <summary>Parses <c>x = expression</c> and returns the expression.</summary>
    public static Expression Expr(string expression) =>
        ParseValid($"x = {expression}\n").Body.FindAttribute("x")!.Expression;

    public static T Expr<T>(string expression)
        where T : Expression => Assert.IsType<T>(Expr(expression));

    public static string TraversalText(Expression expression) =>
        Assert.IsType<ScopeTraversalExpression>(expression).Traversal.ToString();

    public static string StringValue(Expression expression)
    {
        Assert.True(Assert.IsType<TemplateExpression>(expression).TryGetLiteralString(out var value), "not a plain string");
        return value;
    }

    public static (int Line, int Column) Start(SourceRange range) => (range.Start.Line, range.Start.Column);

    public static (int Line, int Column) End(SourceRange range) => (range.End.Line, range.End.Column);

    public static HclDiagnostic FirstDiagnostic(string source)
    {
        var result = Parse(source);
        Assert.NotEmpty(result.Diagnostics);
        return result.Diagnostics[0];
    }
}
