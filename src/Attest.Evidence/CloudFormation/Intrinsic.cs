using Attest.Core.Documents;

namespace Attest.Evidence.CloudFormation;

/// <summary>Recognises intrinsic functions in their long form: a mapping with one key, <c>Ref</c>, <c>Fn::…</c> or a pre-processor directive.</summary>
internal static class Intrinsic
{
    /// <summary>Pseudo parameters CloudFormation provides; all but <c>AWS::NoValue</c> are known only at deployment.</summary>
    public static readonly HashSet<string> PseudoParameters = new(StringComparer.Ordinal)
    {
        "AWS::AccountId", "AWS::NotificationARNs", "AWS::NoValue", "AWS::Partition", "AWS::Region", "AWS::StackId", "AWS::StackName", "AWS::URLSuffix",
    };

    public static bool TryGet(DocumentNode node, out string name, out DocumentNode argument)
    {
        if (node is MappingNode { Entries.Count: 1 } mapping)
        {
            var (key, value) = mapping.Entries[0];
            if (key.Value == "Ref" || key.Value.StartsWith("Fn::", StringComparison.Ordinal) || key.Value.StartsWith("Rain::", StringComparison.Ordinal))
            {
                name = key.Value;
                argument = value;
                return true;
            }
        }

        name = "";
        argument = node;
        return false;
    }

    /// <summary>The text of a plain scalar argument (a name), or null when the argument is computed.</summary>
    public static string? Name(DocumentNode node) => node is ScalarNode { IsNull: false } scalar ? scalar.Value : null;

    /// <summary>The items of a list argument, or an empty list when it is not a list.</summary>
    public static IReadOnlyList<DocumentNode> Arguments(DocumentNode node) => node is SequenceNode sequence ? sequence.Items : [];

    /// <summary>The substitutions of a <c>Fn::Sub</c> template: literal text and <c>${…}</c> names, <c>${!x}</c> giving the literal <c>${x}</c>.</summary>
    public static IEnumerable<(string Text, bool IsVariable)> SubParts(string template)
    {
        var literal = new System.Text.StringBuilder();
        var i = 0;
        while (i < template.Length)
        {
            var open = template.IndexOf("${", i, StringComparison.Ordinal);
            var close = open < 0 ? -1 : template.IndexOf('}', open + 2);
            if (close < 0)
            {
                literal.Append(template, i, template.Length - i);
                break;
            }

            literal.Append(template, i, open - i);
            var inner = template[(open + 2)..close];
            if (inner.StartsWith('!'))
            {
                literal.Append("${").Append(inner, 1, inner.Length - 1).Append('}');
            }
            else
            {
                if (literal.Length > 0)
                {
                    yield return (literal.ToString(), false);
                    literal.Clear();
                }

                yield return (inner.Trim(), true);
            }

            i = close + 1;
        }

        if (literal.Length > 0)
        {
            yield return (literal.ToString(), false);
        }
    }
}
