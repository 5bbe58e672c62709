using System.Globalization;
using Attest.Core.Documents;
using Attest.Evidence.Model;

namespace Attest.Evidence.CloudFormation;

/// <summary>A resource of a CloudFormation template, its values resolved on demand into every alternative they may take.</summary>
public sealed class CloudFormationResource : IIacResource, IReferencingResource
{
    private readonly CloudFormationTemplate template;
    private readonly MappingNode definition;

    internal CloudFormationResource(
        CloudFormationTemplate template,
        string logicalId,
        string type,
        FileLocation location,
        MappingNode definition,
        DocumentNode? properties,
        DocumentNode? metadata,
        string? condition,
        IReadOnlyList<string> dependsOn)
    {
        this.template = template;
        this.definition = definition;
        Address = logicalId;
        Type = type;
        Location = location;
        Properties = properties;
        Metadata = metadata;
        Condition = condition;
        DependsOn = dependsOn;
    }

    /// <inheritdoc />
    public string Framework => "cloudformation";

    /// <summary>The logical id.</summary>
    public string Address { get; }

    /// <inheritdoc />
    public string Type { get; }

    /// <summary>Where the logical id is written.</summary>
    public FileLocation Location { get; }

    /// <summary>The condition the resource is created under, or null when it always is.</summary>
    public string? Condition { get; }

    /// <summary>The logical ids named in <c>DependsOn</c>.</summary>
    public IReadOnlyList<string> DependsOn { get; }

    /// <summary>The <c>Metadata</c> node in long form (cfn-nag and Guard suppressions live there), or null; see <see cref="MetadataAt"/>.</summary>
    public DocumentNode? Metadata { get; }

    /// <summary>The <c>Properties</c> node in long form, SAM globals merged in, or null when the resource has none.</summary>
    public DocumentNode? Properties { get; }

    /// <summary>The template the resource belongs to.</summary>
    public CloudFormationTemplate Template => template;

    /// <summary>
    /// Null for a resource always created; for one with a <c>Condition</c>, <c>only when condition C holds</c>, followed by what
    /// the template itself decides when it does (<c>(always false, given parameter Env default 'dev')</c>).
    /// </summary>
    public string? Multiplicity
    {
        get
        {
            if (Condition is null)
            {
                return null;
            }

            var outcomes = template.ConditionValues(Condition).Values;
            var text = $"only when condition {Condition} holds";
            if (outcomes.Count == 0 || outcomes.Any(o => o.Value is not bool) || outcomes.Select(o => o.Value).Distinct().Count() > 1)
            {
                return text;
            }

            var word = (bool)outcomes[0].Value! ? "true" : "false";
            var hows = outcomes.Select(o => o.How).OfType<string>().Distinct().ToList();
            return hows.Count == 0 ? $"{text} (always {word})" : $"{text} (always {word}, given {string.Join("; ", hows)})";
        }
    }

    /// <summary>
    /// Every possible value at <paramref name="path"/> below <c>Properties</c>, intrinsic functions resolved.
    /// <c>*</c> stands for every element of a list (a single value counts as a one-element list, as IAM allows); a number picks one element.
    /// A <c>*</c> over an empty list gives no value at all. Beyond 64 alternatives for one value, they collapse into an unknown.
    /// </summary>
    public ValueSet ValuesAt(params string[] path) => CloudFormationTemplate.ToValueSet(template.Resolver.Navigate(Properties, path));

    /// <summary>Every possible value at <paramref name="path"/> below <c>Metadata</c>.</summary>
    public ValueSet MetadataAt(params string[] path) => CloudFormationTemplate.ToValueSet(template.Resolver.Navigate(Metadata, path));

    /// <summary>Every possible value at <paramref name="path"/> below the resource's definition itself: <c>DeletionPolicy</c>, <c>UpdatePolicy</c>…</summary>
    public ValueSet AttributeValuesAt(params string[] path) => CloudFormationTemplate.ToValueSet(template.Resolver.Navigate(definition, path));

    /// <summary>
    /// Where the deepest node written on <paramref name="path"/> below <c>Properties</c> is: the key of a property, the element of a list
    /// (the first for <c>*</c>), through the first <c>Fn::If</c> branch that has it; the resource's location when nothing is written there.
    /// </summary>
    public FileLocation LocationOf(params string[] path)
    {
        ArgumentNullException.ThrowIfNull(path);
        var propertiesKey = definition.Entries.FirstOrDefault(e => e.Key.Value == "Properties").Key;
        var location = propertiesKey is null ? Location : template.Locate(propertiesKey.Position);
        var node = Properties;
        foreach (var segment in path)
        {
            var step = node is null ? null : Child(node, segment, 0);
            if (step is not { } found)
            {
                break;
            }

            location = template.Locate(found.At);
            node = found.Node;
        }

        return location;
    }

    /// <summary>
    /// The logical ids of the resources referenced (<c>Ref</c>, <c>Fn::GetAtt</c>, <c>${X}</c> or <c>${X.Attr}</c> in <c>Fn::Sub</c>)
    /// anywhere at or below <paramref name="path"/> in <c>Properties</c>, both branches of every <c>Fn::If</c> included, in order of appearance.
    /// </summary>
    public IReadOnlyList<string> ReferencedResources(params string[] path)
    {
        ArgumentNullException.ThrowIfNull(path);
        var frontier = Properties is null ? [] : new List<DocumentNode> { Properties };
        foreach (var segment in path)
        {
            var next = new List<DocumentNode>();
            foreach (var node in frontier)
            {
                Children(node, segment, next, 0);
            }

            frontier = next;
        }

        var found = new List<string>();
        foreach (var node in frontier)
        {
            CollectReferences(node, found);
        }

        return found;
    }

    /// <inheritdoc />
    public override string ToString() => $"{Address} ({Type})";

    private static (DocumentNode Node, SourcePosition At)? Child(DocumentNode node, string segment, int depth)
    {
        if (depth > 32)
        {
            return null;
        }

        if (Intrinsic.TryGet(node, out var name, out var argument))
        {
            if (name == "Fn::If" && Intrinsic.Arguments(argument) is [_, var whenTrue, var whenFalse])
            {
                return Child(whenTrue, segment, depth + 1) ?? Child(whenFalse, segment, depth + 1);
            }

            return null;
        }

        switch (node)
        {
            case MappingNode mapping:
                foreach (var (key, value) in mapping.Entries)
                {
                    if (key.Value == segment)
                    {
                        return (value, key.Position);
                    }
                }

                return segment == "*" ? (node, node.Position) : null;
            case SequenceNode sequence:
                var index = segment == "*" ? 0 : int.TryParse(segment, NumberStyles.None, CultureInfo.InvariantCulture, out var i) ? i : -1;
                return index >= 0 && index < sequence.Items.Count ? (sequence.Items[index], sequence.Items[index].Position) : null;
            default:
                return segment == "*" ? (node, node.Position) : null;
        }
    }

    private static void Children(DocumentNode node, string segment, List<DocumentNode> into, int depth)
    {
        if (depth > 32)
        {
            return;
        }

        if (Intrinsic.TryGet(node, out var name, out var argument))
        {
            if (name == "Fn::If" && Intrinsic.Arguments(argument) is [_, var whenTrue, var whenFalse])
            {
                Children(whenTrue, segment, into, depth + 1);
                Children(whenFalse, segment, into, depth + 1);
            }

            return;
        }

        switch (node)
        {
            case MappingNode mapping when segment == "*":
                into.Add(mapping);
                break;
            case MappingNode mapping:
                into.AddRange(mapping.Entries.Where(e => e.Key.Value == segment).Select(e => e.Value));
                break;
            case SequenceNode sequence when segment == "*":
                foreach (var item in sequence.Items)
                {
                    // An element may itself be an Fn::If choosing between elements
                    if (Intrinsic.TryGet(item, out var function, out _) && function == "Fn::If")
                    {
                        Children(item, "*", into, depth + 1);
                    }
                    else
                    {
                        into.Add(item);
                    }
                }

                break;
            case SequenceNode sequence:
                if (int.TryParse(segment, NumberStyles.None, CultureInfo.InvariantCulture, out var i) && i < sequence.Items.Count)
                {
                    into.Add(sequence.Items[i]);
                }

                break;
            case ScalarNode when segment == "*":
                into.Add(node);
                break;
        }
    }

    private void CollectReferences(DocumentNode root, List<string> found)
    {
        var stack = new Stack<DocumentNode>();
        stack.Push(root);
        while (stack.Count > 0)
        {
            var node = stack.Pop();
            if (Intrinsic.TryGet(node, out var function, out var argument))
            {
                switch (function)
                {
                    case "Ref":
                        AddResource(Intrinsic.Name(argument), found);
                        break;
                    case "Fn::GetAtt":
                        AddResource(argument switch
                        {
                            ScalarNode scalar => scalar.Value.Split('.')[0],
                            SequenceNode { Items: [ScalarNode first, ..] } => first.Value,
                            _ => null,
                        }, found);
                        break;
                    case "Fn::Sub":
                        var args = Intrinsic.Arguments(argument);
                        var text = Intrinsic.Name(args.Count > 0 ? args[0] : argument) ?? "";
                        var variables = args.Count > 1 && args[1] is MappingNode m ? m.Entries.Select(e => e.Key.Value).ToHashSet(StringComparer.Ordinal) : [];
                        foreach (var (part, isVariable) in Intrinsic.SubParts(text))
                        {
                            if (isVariable && !variables.Contains(part))
                            {
                                AddResource(part.Split('.')[0], found);
                            }
                        }

                        break;
                }
            }

            switch (node)
            {
                case MappingNode mapping:
                    for (var i = mapping.Entries.Count - 1; i >= 0; i--)
                    {
                        stack.Push(mapping.Entries[i].Value);
                    }

                    break;
                case SequenceNode sequence:
                    for (var i = sequence.Items.Count - 1; i >= 0; i--)
                    {
                        stack.Push(sequence.Items[i]);
                    }

                    break;
            }
        }
    }

    private void AddResource(string? name, List<string> found)
    {
        if (name is not null && template.Resource(name) is not null && !found.Contains(name))
        {
            found.Add(name);
        }
    }
}
