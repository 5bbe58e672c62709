using Attest.Core.Documents;

namespace Attest.Core.Tests.Documents;

public class DocumentParserTagTests
{
    private static readonly DocumentLimits WithTags = new() { AllowTags = true };

    [Fact]
    public void Local_tags_are_refused_by_default()
    {
        var (root, error) = DocumentParser.Parse("a: !Sub x\n", "f.yaml");

        Assert.Null(root);
        Assert.Contains("tag !Sub is not supported", error!.Problem, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("a: 1\nb: !!python/object:os.system [ls]\n", 2, 4, "b", "!!python/object:os.system")]
    [InlineData("a:\n  - !!python/name:builtins.eval x\n", 2, 5, "a[0]", "!!python/name:builtins.eval")]
    [InlineData("!!binary aGVsbG8=\n", 1, 1, "", "!!binary")]
    public void Language_and_unknown_standard_tags_are_refused_at_their_place(string text, int line, int column, string field, string tag)
    {
        foreach (var limits in new[] { DocumentLimits.Default, WithTags })
        {
            var (root, error) = DocumentParser.Parse(text, "f.yaml", limits);

            Assert.Null(root);
            Assert.Equal((line, column, field), (error!.Line, error.Column, error.Field));
            Assert.StartsWith($"the YAML tag {tag} is not supported", error.Problem, StringComparison.Ordinal);
        }
    }

    [Theory]
    [InlineData("\0\0\0", 1, 1)]
    [InlineData("a: 1\nb: x\0y\n", 2, 5)]
    [InlineData("{\"a\":\n \"\0\"}", 2, 3)]
    public void Nul_characters_make_a_document_binary_not_empty(string text, int line, int column)
    {
        var (root, error) = DocumentParser.Parse(text, "f.yaml");

        Assert.Null(root);
        Assert.Equal("f.yaml:" + line + ":" + column + ": the file is binary, not text (a NUL character here)", error!.ToString());
    }

    [Fact]
    public void Allowed_tags_are_kept_on_scalars_lists_and_mappings()
    {
        var (root, error) = DocumentParser.Parse("a: !Ref x\nb: !GetAtt [r, Arn]\nc: !Foo {k: v}\nd: plain\n", "t.yaml", WithTags);

        Assert.Null(error);
        var entries = ((MappingNode)root!).Entries;
        Assert.Equal("!Ref", entries[0].Value.Tag);
        Assert.Equal("x", ((ScalarNode)entries[0].Value).Value);
        Assert.Equal("!GetAtt", Assert.IsType<SequenceNode>(entries[1].Value).Tag);
        Assert.Equal("!Foo", Assert.IsType<MappingNode>(entries[2].Value).Tag);
        Assert.Null(entries[3].Value.Tag);
        Assert.Null(root!.Tag);
    }

    [Fact]
    public void Standard_tags_are_reported_without_changing_quoting()
    {
        var (root, _) = DocumentParser.Parse("a: !!str 12\n", "f.yaml");

        var value = (ScalarNode)((MappingNode)root!).Entries[0].Value;
        Assert.Equal("tag:yaml.org,2002:str", value.Tag);
        Assert.True(value.Quoted);
    }

    [Fact]
    public void Allowing_tags_keeps_the_other_limits()
    {
        var (root, error) = DocumentParser.Parse("a: !Ref x\na: !Ref y\n", "t.yaml", WithTags);

        Assert.Null(root);
        Assert.Contains("duplicate key", error!.Problem, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(": [\nM")]
    [InlineData("a: 1\nb: : [\nM")]
    public void Texts_that_upset_the_yaml_library_are_syntax_errors_not_exceptions(string text)
    {
        var (root, error) = DocumentParser.Parse(text, "f.yaml");

        Assert.Null(root);
        Assert.Contains("YAML syntax error", error!.Problem, StringComparison.Ordinal);
        Assert.True(error.Line >= 1);
    }
}
