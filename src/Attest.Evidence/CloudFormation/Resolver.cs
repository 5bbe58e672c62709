using System.Globalization;
using Attest.Core.Documents;
using Attest.Evidence.Model;

namespace Attest.Evidence.CloudFormation;

/// <summary>
/// Resolves template values into alternatives: intrinsic functions evaluated, parameters enumerated, conditions decided
/// when they can be and branched otherwise. Lazy: a node is only evaluated when navigation reaches it.
/// Thread-safe once built (conditions are evaluated up front).
/// </summary>
internal sealed partial class Resolver
{
    /// <summary>Most alternatives one value may have before they collapse into an unknown.</summary>
    public const int MaxAlternatives = 64;

    /// <summary>Most values one navigation may return when <c>*</c> fans out over lists.</summary>
    public const int MaxFanOut = 10_000;

    private const int MaxDepth = 200;

    /// <summary>Most function evaluations one navigation may take: aliases can make a few lines hold a million paths.</summary>
    private const int MaxSteps = 10_000;
    private const int MaxMappingEnumeration = 64;

    private readonly IReadOnlyDictionary<string, CloudFormationParameter> parameters;
    private readonly IReadOnlyDictionary<string, DocumentNode> conditions;
    private readonly IReadOnlyDictionary<string, DocumentNode> mappings;
    private readonly ISet<string> resources;
    private readonly Dictionary<string, List<Alternative>> conditionOutcomes = new(StringComparer.Ordinal);
    private readonly HashSet<string> conditionsInProgress = new(StringComparer.Ordinal);

    // Steps taken by the navigation running on this thread; the resolver itself is shared between threads
    [ThreadStatic]
    private static int steps;

    public Resolver(
        IReadOnlyDictionary<string, CloudFormationParameter> parameters,
        IReadOnlyDictionary<string, DocumentNode> conditions,
        IReadOnlyDictionary<string, DocumentNode> mappings,
        ISet<string> resources)
    {
        this.parameters = parameters;
        this.conditions = conditions;
        this.mappings = mappings;
        this.resources = resources;
        foreach (var name in conditions.Keys)
        {
            steps = 0;
            Condition(name, 0);
        }
    }

    /// <summary>Every value at <paramref name="path"/> below <paramref name="root"/>, fully evaluated.</summary>
    public List<Alternative> Navigate(DocumentNode? root, IReadOnlyList<string> path)
    {
        steps = 0;
        var states = new List<Alternative> { new(root, Provenance.Literal) };
        foreach (var segment in path)
        {
            var next = new List<Alternative>();
            foreach (var state in states)
            {
                foreach (var shape in Shallow(state.Value, state.Provenance, 0))
                {
                    Step(shape, segment, next);
                }
            }

            if (next.Count > MaxFanOut)
            {
                return [new(new UnknownValue($"more than {MaxFanOut} values"), Provenance.Merge([.. next.Select(n => n.Provenance)]))];
            }

            states = next;
        }

        var results = new List<Alternative>();
        foreach (var state in states)
        {
            results.AddRange(Deep(state.Value, state.Provenance, 0));
            if (results.Count > MaxFanOut)
            {
                return [new(new UnknownValue($"more than {MaxFanOut} values"), Provenance.Merge([.. results.Select(n => n.Provenance)]))];
            }
        }

        // Not made distinct: equal values of different list elements are different facts
        return results;
    }

    /// <summary>The outcomes of a named condition: booleans or unknowns, with the choices each assumes.</summary>
    public IReadOnlyList<Alternative> ConditionOutcomes(string name) => Condition(name, 0);

    private void Step(Alternative shape, string segment, List<Alternative> next)
    {
        var prov = shape.Provenance;
        switch (shape.Value)
        {
            case null or UnknownValue:
                next.Add(shape);
                break;
            case MappingNode mapping:
                next.Add(segment == "*" ? shape : new(Lookup(mapping, segment), prov));
                break;
            case IReadOnlyDictionary<string, object?> map:
                next.Add(segment == "*" ? shape : new(map.GetValueOrDefault(segment), prov));
                break;
            case SequenceNode or IReadOnlyList<object?>:
                var items = shape.Value is SequenceNode sequence ? sequence.Items.Cast<object?>().ToList() : [.. (IReadOnlyList<object?>)shape.Value];
                if (segment == "*")
                {
                    foreach (var item in items)
                    {
                        // CloudFormation drops list elements that resolve to AWS::NoValue
                        next.AddRange(Shallow(item, prov, 0).Where(a => a.Value is not null));
                    }
                }
                else
                {
                    var index = int.TryParse(segment, NumberStyles.None, CultureInfo.InvariantCulture, out var i) && i < items.Count ? i : -1;
                    next.Add(new(index >= 0 ? items[index] : null, prov));
                }

                break;
            default:
                // A scalar stands for a one-element list (IAM accepts "Action": "s3:*" as well as a list); it has no named members
                next.Add(segment == "*" ? shape : new(null, prov));
                break;
        }
    }

    private static DocumentNode? Lookup(MappingNode mapping, string key)
    {
        foreach (var (k, v) in mapping.Entries)
        {
            if (k.Value == key)
            {
                return v;
            }
        }

        return null;
    }

    /// <summary>
    /// Evaluates intrinsic functions at the top of <paramref name="value"/> only: the results are scalars, absent, unknowns,
    /// or lists and mappings whose members are still unevaluated.
    /// </summary>
    public List<Alternative> Shallow(object? value, Provenance prov, int depth)
    {
        if (value is not DocumentNode node)
        {
            return [new(value, prov)];
        }

        if (node is ScalarNode scalar)
        {
            return [new(Values.OfScalar(scalar), prov)];
        }

        if (!Intrinsic.TryGet(node, out var name, out var argument))
        {
            return [new(node, prov)];
        }

        if (depth > MaxDepth)
        {
            return [new(new UnknownValue("functions nested too deeply"), prov)];
        }

        if (++steps > MaxSteps)
        {
            return [new(new UnknownValue("too complex to resolve"), prov)];
        }

        var output = new List<Alternative>();
        foreach (var result in Call(name, argument, prov, depth + 1))
        {
            output.AddRange(Shallow(result.Value, result.Provenance, depth + 1));
        }

        return Bound(output, name);
    }

    /// <summary>Evaluates <paramref name="value"/> entirely: no unevaluated node remains in the alternatives.</summary>
    public List<Alternative> Deep(object? value, Provenance prov, int depth)
    {
        var output = new List<Alternative>();
        foreach (var shape in Shallow(value, prov, depth))
        {
            switch (shape.Value)
            {
                case MappingNode mapping:
                    output.AddRange(DeepEntries([.. mapping.Entries.Select(e => new KeyValuePair<string, object?>(e.Key.Value, e.Value))], shape.Provenance, depth + 1));
                    break;
                case IReadOnlyDictionary<string, object?> map:
                    output.AddRange(DeepEntries([.. map], shape.Provenance, depth + 1));
                    break;
                case SequenceNode sequence:
                    output.AddRange(DeepItems([.. sequence.Items], shape.Provenance, depth + 1));
                    break;
                case IReadOnlyList<object?> list when list.Any(i => i is DocumentNode or IReadOnlyList<object?> or IReadOnlyDictionary<string, object?>):
                    output.AddRange(DeepItems(list, shape.Provenance, depth + 1));
                    break;
                default:
                    output.Add(shape);
                    break;
            }
        }

        return Bound(output, null);
    }

    private List<Alternative> DeepEntries(IReadOnlyList<KeyValuePair<string, object?>> entries, Provenance prov, int depth)
    {
        if (depth > MaxDepth)
        {
            return [new(new UnknownValue("values nested too deeply"), prov)];
        }

        var members = entries.Select(e => Deep(e.Value, prov, depth)).ToList();
        var combos = Product(members, prov, keepMembers: true);
        return [.. combos.Select(c =>
        {
            var map = new Dictionary<string, object?>(StringComparer.Ordinal);
            for (var i = 0; i < entries.Count; i++)
            {
                // An entry resolving to AWS::NoValue is not set at all
                if (c.Values[i] is not null)
                {
                    map[entries[i].Key] = c.Values[i];
                }
            }

            return new Alternative(map, c.Provenance);
        })];
    }

    private List<Alternative> DeepItems(IReadOnlyList<object?> items, Provenance prov, int depth)
    {
        if (depth > MaxDepth)
        {
            return [new(new UnknownValue("values nested too deeply"), prov)];
        }

        var members = items.Select(i => Deep(i, prov, depth)).ToList();
        return [.. Product(members, prov, keepMembers: true).Select(c => new Alternative(c.Values.Where(v => v is not null).ToArray(), c.Provenance))];
    }

    /// <summary>
    /// Every consistent combination of the members' alternatives. When there would be too many, the members with several
    /// alternatives collapse into one unknown each, so that the rest of the value is still known.
    /// </summary>
    private static List<(object?[] Values, Provenance Provenance)> Product(List<List<Alternative>> members, Provenance prov, bool keepMembers = false)
    {
        var size = 1L;
        foreach (var m in members)
        {
            size = Math.Min(size * Math.Max(m.Count, 1), long.MaxValue / 1024);
        }

        if (size > MaxAlternatives && keepMembers)
        {
            members = [.. members.Select(m => m.Count <= 1 ? m : [Collapse(m, $"one of {m.Count} possible values")])];
        }
        else if (size > MaxAlternatives)
        {
            // A text or choice built from too many combinations is unknown as a whole
            var all = Collapse([.. members.SelectMany(m => m)], $"too many combinations ({size})");
            return [(Enumerable.Repeat(all.Value, members.Count).ToArray(), Provenance.Combine(prov, all.Provenance) ?? prov)];
        }

        var combos = new List<(object?[] Values, Provenance Provenance)> { (new object?[members.Count], prov) };
        for (var i = 0; i < members.Count; i++)
        {
            var next = new List<(object?[] Values, Provenance Provenance)>();
            foreach (var (values, p) in combos)
            {
                foreach (var alt in members[i])
                {
                    if (Provenance.Combine(p, alt.Provenance) is not { } combined)
                    {
                        continue;
                    }

                    var copy = members[i].Count == 1 ? values : (object?[])values.Clone();
                    copy[i] = alt.Value;
                    next.Add((copy, combined));
                }
            }

            combos = next;
        }

        return combos;
    }

    private static Alternative Collapse(IReadOnlyList<Alternative> alternatives, string why)
    {
        var merged = Provenance.Merge([.. alternatives.Select(a => a.Provenance)]);
        return new(new UnknownValue(why), merged);
    }

    /// <summary>Removes duplicates, and collapses into one unknown beyond <see cref="MaxAlternatives"/>.</summary>
    private static List<Alternative> Bound(List<Alternative> alternatives, string? function)
    {
        if (alternatives.Count <= 1)
        {
            return alternatives;
        }

        var distinct = Distinct(alternatives);
        return distinct.Count <= MaxAlternatives
            ? distinct
            : [Collapse(distinct, function is null ? $"too many combinations ({distinct.Count})" : $"too many combinations ({distinct.Count}) in {function}")];
    }

    private static List<Alternative> Distinct(List<Alternative> alternatives)
    {
        var seen = new HashSet<Alternative>(alternatives.Count, SameAlternative.Instance);
        var distinct = new List<Alternative>(alternatives.Count);
        foreach (var alt in alternatives)
        {
            if (seen.Add(alt))
            {
                distinct.Add(alt);
            }
        }

        return distinct;
    }

    /// <summary>Alternatives are the same when obtained the same way and equal: unevaluated nodes by identity, values by structure.</summary>
    private sealed class SameAlternative : IEqualityComparer<Alternative>
    {
        public static SameAlternative Instance { get; } = new();

        public bool Equals(Alternative x, Alternative y) =>
            x.Provenance.Equals(y.Provenance) && (x.Value is DocumentNode || y.Value is DocumentNode ? ReferenceEquals(x.Value, y.Value) : Values.Same(x.Value, y.Value));

        public int GetHashCode(Alternative obj) => HashCode.Combine(obj.Provenance, obj.Value switch
        {
            null => 0,
            DocumentNode node => System.Runtime.CompilerServices.RuntimeHelpers.GetHashCode(node),
            UnknownValue unknown => StringComparer.Ordinal.GetHashCode(unknown.Why),
            IReadOnlyList<object?> list => list.Count,
            IReadOnlyDictionary<string, object?> map => map.Count,
            var scalar => StringComparer.Ordinal.GetHashCode(Values.Text(scalar) ?? ""),
        });
    }
}
