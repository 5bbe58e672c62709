using Attest.Core.Documents;

namespace Attest.Evidence.CloudFormation;

/// <summary>Turns YAML short forms (<c>!Ref x</c>, <c>!GetAtt a.b</c>) into the long forms JSON templates use, so that the rest of the model sees one shape.</summary>
internal static class ShortForms
{
    private static readonly HashSet<string> FunctionNames = new(StringComparer.Ordinal)
    {
        "Base64", "Cidr", "FindInMap", "GetAtt", "GetAZs", "ImportValue", "Join", "Select", "Split", "Sub", "Transform",
        "If", "Equals", "Not", "And", "Or", "Length", "ToJsonString", "Contains", "EachMemberEquals", "EachMemberIn",
        "RefAll", "ValueOf", "ValueOfAll",
    };

    /// <summary>Rewrites every tagged node below <paramref name="root"/>; untouched subtrees are shared, aliases stay shared.</summary>
    public static DocumentNode Normalize(DocumentNode root)
    {
        var memo = new Dictionary<DocumentNode, DocumentNode>(ReferenceEqualityComparer.Instance);
        return Rewrite(root, memo);
    }

    /// <summary>The long-form key for a YAML tag, or null for the standard YAML tags.</summary>
    public static string? LongName(string tag)
    {
        if (!tag.StartsWith('!') || tag.StartsWith("!!", StringComparison.Ordinal))
        {
            return null;
        }

        var name = tag[1..];
        return name switch
        {
            "Ref" or "Condition" => name,
            _ when FunctionNames.Contains(name) => "Fn::" + name,

            // Pre-processor directives (Rain::Embed) keep their namespace; anything else is a function CloudFormation will judge
            _ when name.Contains("::", StringComparison.Ordinal) => name,
            _ => "Fn::" + name,
        };
    }

    private static DocumentNode Rewrite(DocumentNode node, Dictionary<DocumentNode, DocumentNode> memo)
    {
        if (memo.TryGetValue(node, out var done))
        {
            return done;
        }

        DocumentNode result = node switch
        {
            MappingNode mapping => RewriteMapping(mapping, memo),
            SequenceNode sequence => RewriteSequence(sequence, memo),
            _ => node,
        };

        if (node.Tag is { } tag && LongName(tag) is { } name)
        {
            result = Wrap(name, Untagged(result, name), node.Position);
        }

        memo[node] = result;
        return result;
    }

    private static DocumentNode Untagged(DocumentNode node, string name)
    {
        if (node is not ScalarNode scalar)
        {
            return node;
        }

        if (name == "Fn::GetAtt")
        {
            // !GetAtt Res.Attr.Sub splits at the first dot: the attribute may itself hold dots
            var dot = scalar.Value.IndexOf('.', StringComparison.Ordinal);
            if (dot > 0)
            {
                ScalarNode[] parts = [new(scalar.Position, scalar.Value[..dot], quoted: true), new(scalar.Position, scalar.Value[(dot + 1)..], quoted: true)];
                return new SequenceNode(scalar.Position, parts, 3);
            }
        }

        // A tagged scalar is an argument, always text: `!GetAZs` alone means the empty string, not null
        return new ScalarNode(scalar.Position, scalar.Value, quoted: true);
    }

    private static MappingNode Wrap(string name, DocumentNode argument, SourcePosition at) =>
        new(at, [new(new ScalarNode(at, name, quoted: true), argument)], argument.Size + 2);

    private static MappingNode RewriteMapping(MappingNode mapping, Dictionary<DocumentNode, DocumentNode> memo)
    {
        List<KeyValuePair<ScalarNode, DocumentNode>>? entries = null;
        var size = 1;
        for (var i = 0; i < mapping.Entries.Count; i++)
        {
            var (key, value) = mapping.Entries[i];
            var rewritten = Rewrite(value, memo);
            if (!ReferenceEquals(rewritten, value) && entries is null)
            {
                entries = [.. mapping.Entries.Take(i)];
            }

            entries?.Add(new(key, rewritten));
            size += 1 + rewritten.Size;
        }

        return entries is null ? mapping : new MappingNode(mapping.Position, entries, size);
    }

    private static SequenceNode RewriteSequence(SequenceNode sequence, Dictionary<DocumentNode, DocumentNode> memo)
    {
        List<DocumentNode>? items = null;
        var size = 1;
        for (var i = 0; i < sequence.Items.Count; i++)
        {
            var item = sequence.Items[i];
            var rewritten = Rewrite(item, memo);
            if (!ReferenceEquals(rewritten, item) && items is null)
            {
                items = [.. sequence.Items.Take(i)];
            }

            items?.Add(rewritten);
            size += rewritten.Size;
        }

        return items is null ? sequence : new SequenceNode(sequence.Position, items, size);
    }
}
