using Attest.Cli.Tests.Support;

namespace Attest.Cli.Tests;

public sealed class TextAndMarkdownOutputTests
{
    private const string Escape = "\u001b[";

    private static Dictionary<string, string> Env(params (string Name, string Value)[] variables) => variables.ToDictionary(v => v.Name, v => v.Value);

    [Fact]
    public void Check_text_has_no_colour_when_output_is_not_a_terminal()
    {
        var result = CliRun.Run(["check", Repo.NotReadyExample], terminal: false);

        Assert.Equal(1, result.ExitCode);
        Assert.DoesNotContain(Escape, result.Out, StringComparison.Ordinal);
    }

    [Fact]
    public void Check_text_has_no_colour_on_a_terminal_when_NO_COLOR_is_set()
    {
        var result = CliRun.Run(["check", Repo.NotReadyExample], Env(("NO_COLOR", "1")), terminal: true);

        Assert.Equal(1, result.ExitCode);
        Assert.DoesNotContain(Escape, result.Out, StringComparison.Ordinal);
    }

    [Fact]
    public void Check_text_has_colour_on_a_terminal_when_NO_COLOR_is_unset()
    {
        var result = CliRun.Run(["check", Repo.NotReadyExample], Env(), terminal: true);

        Assert.Equal(1, result.ExitCode);
        Assert.Contains(Escape, result.Out, StringComparison.Ordinal);
        Assert.Contains("\u001b[0m", result.Out, StringComparison.Ordinal);
    }

    [Fact]
    public void Check_text_has_colour_on_a_terminal_when_NO_COLOR_is_empty()
    {
        // no-color.org: only a non-empty NO_COLOR turns colour off
        var result = CliRun.Run(["check", Repo.ReadyExample], Env(("NO_COLOR", "")), terminal: true);

        Assert.Contains(Escape, result.Out, StringComparison.Ordinal);
    }

    [Fact]
    public void Check_text_with_and_without_colour_says_the_same_once_colour_codes_are_removed()
    {
        var plain = CliRun.Run(["check", Repo.NotReadyExample], terminal: false).Out;
        var coloured = CliRun.Run(["check", Repo.NotReadyExample], terminal: true).Out;

        Assert.Equal(plain, System.Text.RegularExpressions.Regex.Replace(coloured, @"\u001b\[[0-9;]*m", ""));
    }

    [Fact]
    public void Check_markdown_has_no_colour_even_on_a_terminal()
    {
        var result = CliRun.Run(["check", Repo.NotReadyExample, "--format", "markdown"], terminal: true);

        Assert.DoesNotContain(Escape, result.Out, StringComparison.Ordinal);
    }

    [Fact]
    public void Check_text_lists_not_met_items_before_the_sections()
    {
        var text = CliRun.Run("check", Repo.NotReadyExample).Out;

        var startHere = text.IndexOf("Not met — start here", StringComparison.Ordinal);
        var firstSection = text.IndexOf("Program prerequisites", StringComparison.Ordinal);
        var firstNotMet = text.IndexOf("PRE-1.2", StringComparison.Ordinal);
        Assert.True(startHere >= 0, text);
        Assert.True(firstSection > startHere, "the not-met list must come before the sections");
        Assert.InRange(firstNotMet, startHere, firstSection);
    }

    [Fact]
    public void Check_text_not_met_list_holds_exactly_the_not_met_items_of_the_json_report()
    {
        var json = System.Text.Json.JsonDocument.Parse(CliRun.Run("check", Repo.NotReadyExample, "--format", "json").Out);
        var notMet = json.RootElement.GetProperty("items").EnumerateArray()
            .Where(i => i.GetProperty("status").GetString() == "not-met")
            .Select(i => i.GetProperty("id").GetString()!)
            .ToArray();
        var text = CliRun.Run("check", Repo.NotReadyExample).Out;
        var head = text[..text.IndexOf("Program prerequisites", StringComparison.Ordinal)];

        Assert.NotEmpty(notMet);
        var listed = System.Text.RegularExpressions.Regex.Matches(head, @"^  ✗ (?<id>(PRE|VAL)-\d+\.\d+) ", System.Text.RegularExpressions.RegexOptions.Multiline)
            .Select(m => m.Groups["id"].Value)
            .ToArray();
        Assert.Equal(notMet, listed);
    }

    [Fact]
    public void Check_text_of_ready_example_has_no_not_met_list()
    {
        var text = CliRun.Run("check", Repo.ReadyExample).Out;

        Assert.DoesNotContain("Not met — start here", text, StringComparison.Ordinal);
        Assert.Contains("READY", text, StringComparison.Ordinal);
    }

    [Fact]
    public void Check_text_shows_every_item_of_the_checklist()
    {
        var text = CliRun.Run("check", Repo.ReadyExample).Out;

        foreach (var id in Repo.RetailItemIds)
        {
            Assert.Contains($" {id} ", text, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void Check_text_in_french_says_not_ready_in_french()
    {
        var text = CliRun.Run("check", Repo.NotReadyExample, "--lang", "fr").Out;

        Assert.Contains("PAS PRÊT", text, StringComparison.Ordinal);
        Assert.Contains("Non respecté — commencez ici", text, StringComparison.Ordinal);
        Assert.DoesNotContain("NOT READY", text, StringComparison.Ordinal);
    }

    [Fact]
    public void Check_markdown_has_one_table_per_section()
    {
        var markdown = CliRun.Run("check", Repo.NotReadyExample, "--format", "markdown").Out;
        var lines = markdown.Split('\n');

        var sectionHeadings = lines.Select((line, index) => (line, index)).Where(l => l.line.StartsWith("## ", StringComparison.Ordinal) && Repo.RetailSectionIds.Any(id => l.line.StartsWith("## " + id + " ", StringComparison.Ordinal))).ToArray();
        Assert.Equal(Repo.RetailSectionIds, sectionHeadings.Select(h => h.line.Split(' ')[1]).ToArray());
        foreach (var (_, index) in sectionHeadings)
        {
            Assert.Equal("", lines[index + 1]);
            Assert.StartsWith("| ", lines[index + 2], StringComparison.Ordinal);
            Assert.Equal("|---|---|---|---|", lines[index + 3]);
            Assert.StartsWith("| ", lines[index + 4], StringComparison.Ordinal);
        }
    }

    [Fact]
    public void Check_markdown_tables_hold_each_item_once_in_its_section()
    {
        var markdown = CliRun.Run("check", Repo.ReadyExample, "--format", "markdown").Out;
        var rows = markdown.Split('\n').Where(l => System.Text.RegularExpressions.Regex.IsMatch(l, @"^\| (PRE|VAL)-\d+\.\d+ ")).ToArray();

        Assert.Equal(Repo.RetailItemIds, rows.Select(r => r.Split(' ')[1]).ToArray());
        var columns = rows.Select(r => System.Text.RegularExpressions.Regex.Count(r, @"(?<!\\)\|")).Distinct().ToArray();
        Assert.Equal([5], columns);
    }

    [Fact]
    public void Check_markdown_in_french_uses_french_headings()
    {
        var markdown = CliRun.Run("check", Repo.NotReadyExample, "--format", "markdown", "--lang", "fr").Out;

        Assert.Contains("| Élément | Statut | Motif | Étape suivante |", markdown, StringComparison.Ordinal);
        Assert.Contains("PAS PRÊT", markdown, StringComparison.Ordinal);
    }
}
