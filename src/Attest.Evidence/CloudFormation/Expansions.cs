using Attest.Core.Documents;

namespace Attest.Evidence.CloudFormation;

/// <summary>
/// What CloudFormation does to a template before resolving it, where it is simple: SAM <c>Globals</c> merged into serverless
/// resources, and <c>Fn::ForEach</c> loops (AWS::LanguageExtensions) unrolled.
/// </summary>
internal static class Expansions
{
    private const int MaxExpandedEntries = 10_000;

    /// <summary>
    /// SAM's merge of a <c>Globals</c> section into a resource's properties: the resource wins for values, mappings merge
    /// key by key, lists add the resource's items after the global ones.
    /// </summary>
    public static DocumentNode MergeGlobals(DocumentNode global, DocumentNode local)
    {
        if (global is MappingNode g && local is MappingNode l && !Intrinsic.TryGet(g, out _, out _) && !Intrinsic.TryGet(l, out _, out _))
        {
            var entries = new List<KeyValuePair<ScalarNode, DocumentNode>>();
            foreach (var (key, value) in g.Entries)
            {
                var mine = l.Entries.FirstOrDefault(e => e.Key.Value == key.Value);
                entries.Add(mine.Key is null ? new(key, value) : new(mine.Key, MergeGlobals(value, mine.Value)));
            }

            entries.AddRange(l.Entries.Where(e => !g.Entries.Any(x => x.Key.Value == e.Key.Value)));
            return new MappingNode(l.Position, entries, 1 + entries.Sum(e => 1 + e.Value.Size));
        }

        if (global is SequenceNode gs && local is SequenceNode ls)
        {
            List<DocumentNode> items = [.. gs.Items, .. ls.Items];
            return new SequenceNode(ls.Position, items, 1 + items.Sum(i => i.Size));
        }

        return local;
    }

    /// <summary>
    /// The entries of a section with its <c>Fn::ForEach::Name</c> loops unrolled. <paramref name="collection"/> gives the
    /// values a loop's collection holds, or null when they cannot be known; such loops are reported and skipped.
    /// </summary>
    public static List<KeyValuePair<ScalarNode, DocumentNode>> UnrollLoops(
        MappingNode section,
        Func<DocumentNode, IReadOnlyList<string>?> collection,
        Action<SourcePosition, string> problem)
    {
        var output = new List<KeyValuePair<ScalarNode, DocumentNode>>();
        Unroll(section.Entries, collection, problem, output, 0);
        return output;
    }

    private static void Unroll(
        IEnumerable<KeyValuePair<ScalarNode, DocumentNode>> entries,
        Func<DocumentNode, IReadOnlyList<string>?> collection,
        Action<SourcePosition, string> problem,
        List<KeyValuePair<ScalarNode, DocumentNode>> output,
        int depth)
    {
        foreach (var (key, value) in entries)
        {
            if (!key.Value.StartsWith("Fn::ForEach::", StringComparison.Ordinal))
            {
                output.Add(new(key, value));
                continue;
            }

            if (value is not SequenceNode { Items: [ScalarNode { IsNull: false } identifier, var source, MappingNode fragment] } || depth > 8)
            {
                problem(key.Position, $"{key.Value} is not a loop of the form [identifier, collection, fragment]");
                continue;
            }

            if (collection(source) is not { } items)
            {
                problem(key.Position, $"{key.Value} loops over a collection that cannot be known before deployment; its resources are not read");
                continue;
            }

            if ((long)items.Count * fragment.Size > 5_000_000)
            {
                problem(key.Position, $"{key.Value} expands to too large a template");
                continue;
            }

            foreach (var item in items)
            {
                if (output.Count > MaxExpandedEntries)
                {
                    problem(key.Position, $"{key.Value} expands to more than {MaxExpandedEntries} entries");
                    return;
                }

                var expanded = fragment.Entries.Select(e => new KeyValuePair<ScalarNode, DocumentNode>(
                    new ScalarNode(e.Key.Position, SubstituteKey(e.Key.Value, identifier.Value, item), quoted: true),
                    Substitute(e.Value, identifier.Value, item)));
                Unroll(expanded, collection, problem, output, depth + 1);
            }
        }
    }

    private static string SubstituteKey(string key, string identifier, string value)
    {
        var alphanumeric = new string([.. value.Where(char.IsAsciiLetterOrDigit)]);
        return key.Replace("${" + identifier + "}", value, StringComparison.Ordinal).Replace("&{" + identifier + "}", alphanumeric, StringComparison.Ordinal);
    }

    /// <summary>The fragment with <c>Ref identifier</c>, <c>${identifier}</c> in <c>Fn::Sub</c> and in keys replaced by the loop's value.</summary>
    private static DocumentNode Substitute(DocumentNode node, string identifier, string value)
    {
        if (Intrinsic.TryGet(node, out var name, out var argument))
        {
            if (name == "Ref" && Intrinsic.Name(argument) == identifier)
            {
                return new ScalarNode(node.Position, value, quoted: true);
            }

            if (name == "Fn::Sub")
            {
                var replaced = argument switch
                {
                    ScalarNode text => (DocumentNode)new ScalarNode(text.Position, SubstituteKey(text.Value, identifier, value), quoted: true),
                    SequenceNode { Items: [ScalarNode text, ..] } list => new SequenceNode(
                        list.Position,
                        [new ScalarNode(text.Position, SubstituteKey(text.Value, identifier, value), quoted: true), .. list.Items.Skip(1).Select(r => Substitute(r, identifier, value))],
                        list.Size),
                    _ => Substitute(argument, identifier, value),
                };
                var key = ((MappingNode)node).Entries[0].Key;
                return new MappingNode(node.Position, [new(key, replaced)], node.Size);
            }
        }

        return node switch
        {
            MappingNode mapping => new MappingNode(
                mapping.Position,
                [.. mapping.Entries.Select(e => new KeyValuePair<ScalarNode, DocumentNode>(
                    e.Key.Value.Contains('{', StringComparison.Ordinal) ? new ScalarNode(e.Key.Position, SubstituteKey(e.Key.Value, identifier, value), quoted: true) : e.Key,
                    Substitute(e.Value, identifier, value)))],
                mapping.Size),
            SequenceNode sequence => new SequenceNode(sequence.Position, [.. sequence.Items.Select(i => Substitute(i, identifier, value))], sequence.Size),
            _ => node,
        };
    }
}
