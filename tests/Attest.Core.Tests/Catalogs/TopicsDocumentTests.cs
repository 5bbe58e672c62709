using Attest.Core.Catalogs;
using Attest.Core.Findings;

namespace Attest.Core.Tests.Catalogs;

/// <summary>docs/topics.md lists, for every topic, the items of every shipped catalog that the topic feeds: kept current here.</summary>
public class TopicsDocumentTests
{
    [Fact]
    public void The_topic_table_lists_the_items_of_every_catalog_each_topic_feeds()
    {
        var catalogs = Directory.EnumerateFiles(Path.Combine(TestData.RepositoryRoot(), "catalogs"), "*.yaml").Order(StringComparer.Ordinal)
            .Select(path => CatalogReader.Read(File.ReadAllText(path), path))
            .Select(r => r.Catalog ?? throw new InvalidOperationException(r.Error!.ToString()))
            .ToList();
        Assert.True(catalogs.Count >= 2, "both shipped catalogs are expected in catalogs/");

        var lines = TestData.ReadRepositoryFile("docs", "topics.md").Split('\n').Select(l => l.TrimEnd('\r')).ToList();
        var header = lines.Single(l => l.StartsWith("| Topic | What it covers | Rules |", StringComparison.Ordinal));
        Assert.Equal("| Topic | What it covers | Rules | " + string.Join(" | ", catalogs.Select(c => $"`{c.Id}` items")) + " |", header);

        var rows = lines.Skip(lines.IndexOf(header) + 2).TakeWhile(l => l.StartsWith("| `", StringComparison.Ordinal))
            .Select(l => l.Split(" | "))
            .ToDictionary(cells => cells[0][3..^1], cells => cells[3..].Select(c => c.TrimEnd('|', ' ')).ToArray(), StringComparer.Ordinal);
        Assert.Equal(Topics.All.Keys.Order(StringComparer.Ordinal), rows.Keys.Order(StringComparer.Ordinal));
        foreach (var (topic, cells) in rows)
        {
            var expected = catalogs.Select(c => string.Join(", ", c.Items.Where(i => i.Topics.Contains(topic, StringComparer.Ordinal)).Select(i => i.Id)) is { Length: > 0 } ids ? ids : "—");
            Assert.True(expected.SequenceEqual(cells), $"docs/topics.md, topic {topic}: expected {string.Join(" | ", expected)}, found {string.Join(" | ", cells)}");
        }
    }
}
