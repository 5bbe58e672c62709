using Attest.Core.Documents;

namespace Attest.Evidence.CloudFormation;

/// <summary>
/// Reports references to names a template does not declare (<c>Ref</c>, <c>Fn::GetAtt</c>, <c>${…}</c>, conditions, <c>DependsOn</c>):
/// CloudFormation refuses such a template, and a rule reading it would reason on nothing.
/// </summary>
internal sealed class ReferenceCheck(CloudFormationTemplate template, HashSet<string> resources, IReadOnlyList<string> moduleIds)
{
    private readonly string[] serverlessIds = template.IsServerless
        ? [.. template.Resources.Where(r => r.Type.StartsWith("AWS::Serverless::", StringComparison.Ordinal)).Select(r => r.Address)]
        : [];

    public void Run(List<KeyValuePair<ScalarNode, DocumentNode>> definitions, List<KeyValuePair<ScalarNode, DocumentNode>> outputs, IReadOnlyDictionary<string, DocumentNode> conditions)
    {
        foreach (var (key, definition) in definitions)
        {
            if (definition is not MappingNode mapping)
            {
                continue;
            }

            foreach (var (field, value) in mapping.Entries)
            {
                switch (field.Value)
                {
                    case "Condition" when Intrinsic.Name(value) is { } condition && !conditions.ContainsKey(condition):
                        template.Problem(value.Position, $"resource {key.Value} depends on condition {condition}, which the template does not declare");
                        break;
                    case "DependsOn":
                        IEnumerable<DocumentNode> names = value is SequenceNode list ? list.Items : [value];
                        foreach (var name in names)
                        {
                            if (Intrinsic.Name(name) is { } other && !resources.Contains(other) && !IsGeneratedName(other))
                            {
                                template.Problem(name.Position, $"resource {key.Value} depends on {other}, which the template does not declare");
                            }
                        }

                        break;
                    case "Properties" or "Metadata" or "CreationPolicy" or "UpdatePolicy":
                        Walk(value, conditions);
                        break;
                }
            }
        }

        foreach (var (_, output) in outputs)
        {
            Walk(output, conditions);
        }

        foreach (var (_, condition) in conditions)
        {
            Walk(condition, conditions, inConditions: true);
        }
    }

    private void Walk(DocumentNode root, IReadOnlyDictionary<string, DocumentNode> conditions, bool inConditions = false)
    {
        var stack = new Stack<DocumentNode>();
        stack.Push(root);
        while (stack.Count > 0)
        {
            var node = stack.Pop();
            if (Intrinsic.TryGet(node, out var function, out var argument))
            {
                if (function == "Fn::Transform" || function.StartsWith("Rain::", StringComparison.Ordinal))
                {
                    // Macro parameters and pre-processor directives follow their own rules
                    continue;
                }

                Check(node, function, argument, conditions);
            }
            else if (inConditions && node is MappingNode { Entries: [{ Key.Value: "Condition" } entry] } && Intrinsic.Name(entry.Value) is { } name && !conditions.ContainsKey(name))
            {
                template.Problem(entry.Value.Position, $"condition {name} is used but not declared");
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

    private void Check(DocumentNode node, string function, DocumentNode argument, IReadOnlyDictionary<string, DocumentNode> conditions)
    {
        switch (function)
        {
            case "Ref" when Intrinsic.Name(argument) is { } name && !IsReferable(name):
                template.Problem(node.Position, $"Ref to {name}, which is neither a parameter nor a resource of the template");
                break;
            case "Fn::GetAtt":
                var target = argument switch
                {
                    ScalarNode scalar => scalar.Value.Split('.')[0],
                    SequenceNode { Items: [ScalarNode first, ..] } => first.Value,
                    _ => null,
                };
                if (target is not null && !resources.Contains(target) && !IsGeneratedName(target))
                {
                    template.Problem(node.Position, $"Fn::GetAtt on {target}, which is not a resource of the template");
                }

                break;
            case "Fn::Sub":
                var args = Intrinsic.Arguments(argument);
                var text = args.Count > 0 ? Intrinsic.Name(args[0]) : Intrinsic.Name(argument);
                var variables = args.Count > 1 && args[1] is MappingNode m ? m.Entries.Select(e => e.Key.Value).ToHashSet(StringComparer.Ordinal) : [];
                foreach (var (part, isVariable) in Intrinsic.SubParts(text ?? ""))
                {
                    if (!isVariable || variables.Contains(part))
                    {
                        continue;
                    }

                    var dot = part.IndexOf('.', StringComparison.Ordinal);
                    var known = dot > 0 ? resources.Contains(part[..dot]) || IsGeneratedName(part[..dot]) : IsReferable(part);
                    if (!known)
                    {
                        template.Problem(node.Position, dot > 0
                            ? $"Fn::Sub refers to ${{{part}}}, but {part[..dot]} is not a resource of the template"
                            : $"Fn::Sub refers to ${{{part}}}, which is neither a parameter nor a resource of the template");
                    }
                }

                break;
            case "Fn::If" when Intrinsic.Arguments(argument) is [var condition, ..] && Intrinsic.Name(condition) is { } name && !conditions.ContainsKey(name):
                template.Problem(node.Position, $"Fn::If on condition {name}, which the template does not declare");
                break;
        }
    }

    private bool IsReferable(string name) =>
        template.Parameters.ContainsKey(name) || resources.Contains(name) || Intrinsic.PseudoParameters.Contains(name) || IsGeneratedName(name);

    /// <summary>
    /// SAM creates resources of its own, named after the serverless resource (<c>MyFunctionRole</c>, <c>ServerlessRestApi</c>, <c>MyApi.Stage</c>),
    /// and so do Rain modules (<c>NetworkVPC</c> for module <c>Network</c>).
    /// </summary>
    private bool IsGeneratedName(string name) =>
        (template.IsServerless && (name.StartsWith("Serverless", StringComparison.Ordinal) || serverlessIds.Any(id => name.StartsWith(id, StringComparison.Ordinal))))
        || moduleIds.Any(id => name.StartsWith(id, StringComparison.Ordinal));
}
