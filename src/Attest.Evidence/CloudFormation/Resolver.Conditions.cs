using Attest.Core.Documents;
using Attest.Evidence.Model;

namespace Attest.Evidence.CloudFormation;

/// <summary>Conditions and <c>Fn::If</c>: decided when every outcome agrees, branched otherwise, three-valued.</summary>
internal sealed partial class Resolver
{
    private List<Alternative> If(DocumentNode argument, Provenance prov)
    {
        var args = Intrinsic.Arguments(argument);
        if (args.Count != 3 || Intrinsic.Name(args[0]) is not { } name)
        {
            return [new(new UnknownValue("Fn::If needs a condition name and two values"), prov)];
        }

        var key = "C:" + name;
        var outcomes = Condition(name, 0).Where(o => Provenance.Combine(prov, o.Provenance) is not null).ToList();
        var whenTrue = outcomes.Where(o => o.Value is not false).ToList();
        var whenFalse = outcomes.Where(o => o.Value is not true).ToList();
        var decided = whenTrue.Count == 0 || whenFalse.Count == 0;
        var output = new List<Alternative>();
        foreach (var (branch, holds, node) in new[] { (whenTrue, true, args[1]), (whenFalse, false, args[2]) })
        {
            var word = holds ? "true" : "false";
            if (branch.Count == 0 || prov.Contradicts(key, word))
            {
                continue;
            }

            var merged = Provenance.Merge([.. branch.Select(o => o.Provenance)]);
            if (Provenance.Combine(prov, merged) is not { } combined)
            {
                continue;
            }

            var how = decided ? (merged.Source == ValueSource.Literal ? null : $"condition {name} is {word}") : $"when condition {name} is {word}";
            output.Add(new(node, combined.With(decided ? ValueSource.Literal : ValueSource.Branch, how, key, word)));
        }

        return output;
    }

    private List<Alternative> Condition(string name, int depth)
    {
        lock (conditionOutcomes)
        {
            if (conditionOutcomes.TryGetValue(name, out var known))
            {
                return known;
            }

            if (!conditions.TryGetValue(name, out var node))
            {
                return [new(new UnknownValue($"condition {name}, which the template does not declare"), Provenance.Literal)];
            }

            if (!conditionsInProgress.Add(name))
            {
                return [new(new UnknownValue($"condition {name}, which depends on itself"), Provenance.Literal)];
            }

            var outcomes = ConditionExpression(node, Provenance.Literal, depth + 1);
            conditionsInProgress.Remove(name);
            conditionOutcomes[name] = outcomes;
            return outcomes;
        }
    }

    /// <summary>Evaluates a condition expression into boolean (or unknown) alternatives, three-valued.</summary>
    private List<Alternative> ConditionExpression(DocumentNode node, Provenance prov, int depth)
    {
        if (depth > MaxDepth)
        {
            return [new(new UnknownValue("conditions nested too deeply"), prov)];
        }

        if (node is MappingNode { Entries.Count: 1 } mapping && mapping.Entries[0].Key.Value is "Fn::Equals" or "Fn::Not" or "Fn::And" or "Fn::Or" or "Condition")
        {
            var (key, argument) = mapping.Entries[0];
            var args = Intrinsic.Arguments(argument);
            switch (key.Value)
            {
                case "Condition":
                    return Intrinsic.Name(argument) is { } name
                        ? [.. Condition(name, depth).Select(o => Provenance.Combine(prov, o.Provenance) is { } p ? o with { Provenance = p } : (Alternative?)null).OfType<Alternative>()]
                        : [new(new UnknownValue("a condition named by a value that is not text"), prov)];
                case "Fn::Equals" when args.Count == 2:
                    return Bound([.. Product([Deep(args[0], prov, depth), Deep(args[1], prov, depth)], prov).Select(c => new Alternative(
                        c.Values[0] is UnknownValue || c.Values[1] is UnknownValue
                            ? new UnknownValue("a comparison with " + ((c.Values[0] as UnknownValue) ?? (UnknownValue)c.Values[1]!).Why)
                            : Values.EqualForCondition(c.Values[0], c.Values[1]),
                        c.Provenance))], "Fn::Equals");
                case "Fn::Not" when args.Count == 1:
                    return [.. ConditionExpression(args[0], prov, depth + 1).Select(o => o.Value is bool b ? o with { Value = !b } : o)];
                case "Fn::And" or "Fn::Or" when args.Count > 0:
                    return Logic(key.Value == "Fn::And", args, prov, depth);
                default:
                    return [new(new UnknownValue($"a malformed {key.Value}"), prov)];
            }
        }

        return [.. Deep(node, prov, depth).Select(a => a.Value switch
        {
            bool => a,
            string s when s.Equals("true", StringComparison.OrdinalIgnoreCase) => a with { Value = true },
            string s when s.Equals("false", StringComparison.OrdinalIgnoreCase) => a with { Value = false },
            _ => a with { Value = Unknown(a.Value, "a condition") },
        })];
    }

    private List<Alternative> Logic(bool and, IReadOnlyList<DocumentNode> operands, Provenance prov, int depth)
    {
        var combos = new List<Alternative> { new(and, prov) };
        foreach (var operand in operands)
        {
            var next = new List<Alternative>();
            foreach (var combo in combos)
            {
                foreach (var o in ConditionExpression(operand, combo.Provenance, depth + 1))
                {
                    if (Provenance.Combine(combo.Provenance, o.Provenance) is not { } p)
                    {
                        continue;
                    }

                    // Three-valued: false decides an And, true an Or, whatever the unknowns
                    var value = (combo.Value, o.Value) switch
                    {
                        (bool a, bool b) => and ? a && b : a || b,
                        (bool a, _) when a != and => a,
                        (_, bool b) when b != and => b,
                        (UnknownValue u, _) => u,
                        (_, var other) => other,
                    };
                    next.Add(new(value, p));
                }
            }

            combos = next.Count > MaxAlternatives ? [.. next.GroupBy(n => n.Value is bool b ? b.ToString() : "?").Select(g => Collapse([.. g], "") with { Value = g.First().Value })] : Distinct(next);
        }

        return combos;
    }
}
