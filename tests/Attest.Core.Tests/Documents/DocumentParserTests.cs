using System.Text;
using Attest.Core.Documents;

namespace Attest.Core.Tests.Documents;

public class DocumentParserTests
{
    [Fact]
    public void Yaml_and_json_of_the_same_shape_give_the_same_tree()
    {
        var (yaml, _) = DocumentParser.Parse("a: 1\nb: [x, \"2026-01-01\"]\n", "f.yaml");
        var (json, _) = DocumentParser.Parse("{\"a\": 1, \"b\": [\"x\", \"2026-01-01\"]}", "f.json");
        var y = Assert.IsType<MappingNode>(yaml);
        var j = Assert.IsType<MappingNode>(json);
        Assert.Equal(y.Entries.Select(e => e.Key.Value), j.Entries.Select(e => e.Key.Value));
        Assert.Equal("1", ((ScalarNode)j.Entries[0].Value).Value);
        Assert.False(((ScalarNode)j.Entries[0].Value).Quoted);
    }

    [Fact]
    public void Positions_are_one_based_lines_and_columns()
    {
        var (root, _) = DocumentParser.Parse("a: 1\nb:\n  c: true\n", "f.yaml");
        var b = (MappingNode)((MappingNode)root!).Entries[1].Value;
        Assert.Equal(new SourcePosition(3, 3), b.Entries[0].Key.Position);
        var (json, _) = DocumentParser.Parse("{\n  \"a\": {\"é\": 1, \"c\": 2}\n}", "f.json");
        var inner = (MappingNode)((MappingNode)json!).Entries[0].Value;
        Assert.Equal(new SourcePosition(2, 17), inner.Entries[1].Key.Position);
    }

    [Theory]
    [InlineData("a: 1\na: 2\n", 2, "duplicate key")]
    [InlineData("{\"a\": 1, \"a\": 2}", 1, "duplicate key")]
    [InlineData("a: [1, 2\n", 2, "YAML syntax error")]
    [InlineData("{\"a\": }", 1, "JSON syntax error")]
    [InlineData("a: 1\n---\nb: 2\n", 2, "more than one YAML document")]
    [InlineData("a: !Ref x\n", 1, "tag !Ref is not supported")]
    [InlineData("a: *nowhere\n", 1, "unknown alias *nowhere")]
    [InlineData("", 1, "empty")]
    [InlineData("? [a, b]\n: 1\n", 1, "a key must be plain text")]
    public void Malformed_documents_are_errors_with_a_position(string text, int line, string problem)
    {
        var (root, error) = DocumentParser.Parse(text, "f.yaml");
        Assert.Null(root);
        Assert.NotNull(error);
        Assert.Equal(line, error.Line);
        Assert.Contains(problem, error.Problem, StringComparison.Ordinal);
        Assert.StartsWith("f.yaml:", error.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void Alias_bomb_is_refused_without_expanding_it()
    {
        var yaml = new StringBuilder("a0: &a0 [x, x, x, x, x, x, x, x, x, x]\n");
        for (var i = 1; i < 12; i++)
        {
            yaml.Append($"a{i}: &a{i} [*a{i - 1}, *a{i - 1}, *a{i - 1}, *a{i - 1}, *a{i - 1}, *a{i - 1}, *a{i - 1}, *a{i - 1}, *a{i - 1}, *a{i - 1}]\n");
        }

        var (root, error) = DocumentParser.Parse(yaml.ToString(), "bomb.yaml");
        Assert.Null(root);
        Assert.Contains("alias bomb", error!.Problem, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public void Nesting_bomb_is_refused_at_the_depth_limit(bool json)
    {
        var text = json ? new string('[', 100_000) : "a: " + new string('[', 100_000);
        var (root, error) = DocumentParser.Parse(text, "deep");
        Assert.Null(root);
        Assert.Contains("nesting deeper than 64", error!.Problem, StringComparison.Ordinal);
    }

    [Fact]
    public void Oversize_text_is_refused_before_parsing()
    {
        var (root, error) = DocumentParser.Parse(new string('#', 100), "big.yaml", new DocumentLimits { MaxCharacters = 10 });
        Assert.Null(root);
        Assert.Contains("limit", error!.Problem, StringComparison.Ordinal);
    }

    [Fact]
    public void Anchors_and_small_aliases_are_allowed()
    {
        var (root, error) = DocumentParser.Parse("base: &b {x: 1}\ncopy: *b\n", "f.yaml");
        Assert.Null(error);
        Assert.Same(((MappingNode)root!).Entries[0].Value, ((MappingNode)root).Entries[1].Value);
    }

    [Fact]
    public void Quoted_scalars_are_marked_as_text()
    {
        var (root, _) = DocumentParser.Parse("a: 'true'\nb: true\nc: !!str 12\nd: ~\n", "f.yaml");
        var entries = ((MappingNode)root!).Entries;
        Assert.True(((ScalarNode)entries[0].Value).Quoted);
        Assert.False(((ScalarNode)entries[1].Value).Quoted);
        Assert.True(((ScalarNode)entries[2].Value).Quoted);
        Assert.True(((ScalarNode)entries[3].Value).IsNull);
    }
}
