using System.Text.RegularExpressions;

namespace Attest.Cli.Tests.Support;

/// <summary>What one run of the command line gave back.</summary>
internal sealed record CliResult(int ExitCode, string Out, string Err)
{
    /// <summary>The lines written to standard error, without the final line break.</summary>
    public string[] ErrLines => Err.Length == 0 ? [] : Err.TrimEnd('\n', '\r').Split('\n');

    public override string ToString() => $"exit {ExitCode}\n--- stdout ---\n{Out}\n--- stderr ---\n{Err}";
}

/// <summary>Runs <c>attest</c> in-process with captured output, a fixed today and a controlled environment.</summary>
internal static class CliRun
{
    public static readonly DateOnly Today = new(2026, 11, 26);

    public static CliResult Run(params string[] args) => Run(args, environment: null);

    public static CliResult Run(string[] args, IReadOnlyDictionary<string, string>? environment = null, bool terminal = false, DateOnly? today = null)
    {
        using var output = new StringWriter();
        using var error = new StringWriter();
        var variables = environment ?? new Dictionary<string, string>();
        var cli = new global::Attest.Cli.Cli(output, error, name => variables.TryGetValue(name, out var value) ? value : null, terminal, today ?? Today);
        var code = cli.Run(args);
        return new CliResult(code, output.ToString(), error.ToString());
    }
}

/// <summary>Assertions shared by the tests of unreadable inputs.</summary>
internal static class InputErrorAssert
{
    /// <summary>Exit 2, nothing on standard output, one line on standard error, no stack trace.</summary>
    public static string OneLine(CliResult result)
    {
        Assert.True(result.ExitCode == 2, $"expected exit 2\n{result}");
        Assert.True(result.Out.Length == 0, $"expected nothing on standard output\n{result}");
        var lines = result.ErrLines;
        Assert.True(lines.Length == 1, $"expected exactly one line on standard error\n{result}");
        Assert.StartsWith("attest: ", lines[0], StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", result.Err, StringComparison.Ordinal);
        Assert.DoesNotContain("Exception", result.Err, StringComparison.Ordinal);
        return lines[0];
    }

    /// <summary>As <see cref="OneLine"/>, and the line is <c>attest: file:line:column: field: problem</c> with these values.</summary>
    public static string At(CliResult result, string file, int line, int column, string field)
    {
        var message = OneLine(result);
        var expected = field.Length == 0 ? $"attest: {file}:{line}:{column}: " : $"attest: {file}:{line}:{column}: {field}: ";
        Assert.True(message.StartsWith(expected, StringComparison.Ordinal), $"expected the message to start with\n  {expected}\nbut it was\n  {message}");
        Assert.True(message.Length > expected.Length, $"the message names no problem: {message}");
        return message;
    }

    /// <summary>As <see cref="OneLine"/>, and the line names the file with some line and column.</summary>
    public static Match AtSomePlace(CliResult result, string file)
    {
        var message = OneLine(result);
        var match = Regex.Match(message, "^attest: " + Regex.Escape(file) + @":(?<line>[1-9][0-9]*):(?<column>[1-9][0-9]*): ");
        Assert.True(match.Success, $"expected 'attest: {file}:LINE:COLUMN: …' but got\n  {message}");
        return match;
    }
}
