using Attest.Evidence.Rules;
using Attest.Evidence.Rules.Table;

namespace Attest.Evidence.Tests.Rules.Table;

/// <summary>docs/rules.md documents every rule as the table and the rules say: its generated part is current.</summary>
public sealed class RuleDocsTests
{
    [Fact]
    public void Docs_rules_md_holds_the_current_generated_part()
    {
        var folder = new DirectoryInfo(AppContext.BaseDirectory);
        while (folder is not null && !File.Exists(Path.Combine(folder.FullName, "Attest.slnx")))
        {
            folder = folder.Parent;
        }

        Assert.NotNull(folder);
        var text = File.ReadAllText(Path.Combine(folder.FullName, "docs", "rules.md")).ReplaceLineEndings("\n");
        var start = text.IndexOf(RuleDocs.Begin, StringComparison.Ordinal);
        var end = text.IndexOf(RuleDocs.End, StringComparison.Ordinal);
        Assert.True(start >= 0 && end > start, "docs/rules.md has no generated part");
        Assert.True(text[start..(end + RuleDocs.End.Length + 1)] == RuleDocs.Markdown(), "docs/rules.md is out of date: replace its generated part with the output of `attest rules --format markdown`");
    }

    [Fact]
    public void The_generated_part_names_every_rule_once_with_both_languages()
    {
        var markdown = RuleDocs.Markdown();
        foreach (var rule in RuleSet.All.Select(r => r.Documentation))
        {
            Assert.Contains("| `" + rule.Id + "` |", markdown, StringComparison.Ordinal);
            Assert.Contains(rule.Title.Fr.Replace("|", "\\|", StringComparison.Ordinal), markdown, StringComparison.Ordinal);
        }
    }
}
