using System.Globalization;
using Attest.Evidence.Model;

namespace Attest.Evidence.Terraform.Evaluation;

/// <summary>Resource and data blocks: instances from <c>count</c> / <c>for_each</c>, bodies with nested and dynamic blocks.</summary>
internal sealed partial class ModuleInstance
{
    private static readonly HashSet<string> MetaAttributes = new(StringComparer.Ordinal) { "count", "for_each", "provider", "depends_on" };
    private static readonly HashSet<string> MetaBlocks = new(StringComparer.Ordinal) { "lifecycle", "provisioner", "connection" };

    private readonly Dictionary<Block, (TerraformResource Resource, IReadOnlyList<string> References)> _evaluated = new(ReferenceEqualityComparer.Instance);
    private readonly HashSet<Block> _inProgress = new(ReferenceEqualityComparer.Instance);

    private sealed record InstancePlan(IReadOnlyList<(string? Key, Scope Scope)> Instances, string? Note, bool NeverCreated);

    /// <summary>Evaluates a resource or data block once; null while it is being evaluated (a block that refers to itself).</summary>
    private TerraformResource? EvaluateBlock(Block block, bool isData)
    {
        if (_evaluated.TryGetValue(block, out var done))
        {
            _session.Replay(done.References);
            return done.Resource;
        }

        if (!_inProgress.Add(block))
        {
            return null;
        }

        TerraformResource resource;
        IReadOnlyList<string> references;
        _session.PushRecorder();
        try
        {
            var type = block.Labels[0].Value;
            var name = block.Labels[1].Value;
            var uses = BodyUses(block.Body, "count") || BodyUses(block.Body, "each");
            var plan = PlanInstances(block, perInstance: uses);
            var instances = new List<ResourceInstance>(plan.Instances.Count);
            foreach (var (key, scope) in plan.Instances)
            {
                instances.Add(new ResourceInstance(key, EvalBody(block.Body, scope, true, block.Range)));
            }

            resource = new TerraformResource(
                Prefix + (isData ? "data." : "") + type + "." + name,
                (isData ? "data." : "") + type,
                name,
                Session.Location(block.Range),
                JoinNotes(_setup.Multiplicity, plan.Note),
                _setup.NeverCreated || plan.NeverCreated,
                isData,
                Prefix.TrimEnd('.'),
                instances);
        }
        finally
        {
            references = _session.PopRecorder();
            _inProgress.Remove(block);
        }

        _evaluated[block] = (resource, references);
        return resource;
    }

    private readonly Dictionary<Block, HashSet<string>?> _instanceKeys = new(ReferenceEqualityComparer.Instance);

    /// <summary>True when the resource's count or for_each is known and has no instance with this key (<c>aws_x.y[0]</c> of a count of 0).</summary>
    public bool HasNoInstance(string type, string name, string key)
    {
        if (!_resources.TryGetValue(type + "." + name, out var block))
        {
            return false;
        }

        if (!_instanceKeys.TryGetValue(block, out var keys))
        {
            // Null while computing, so that a count referring to its own resource stays undecided.
            _instanceKeys[block] = null;

            // The count of the referenced resource is not something the referring attribute refers to.
            _session.PushRecorder();
            try
            {
                keys = _instanceKeys[block] = KnownInstanceKeys(block);
            }
            finally
            {
                _session.PopRecorder(propagate: false);
            }
        }

        return keys is not null && !keys.Contains(key);
    }

    private HashSet<string>? KnownInstanceKeys(Block block)
    {
        var countAttribute = block.Body.FindAttribute("count");
        var forEachAttribute = block.Body.FindAttribute("for_each");
        var keys = new HashSet<string>(StringComparer.Ordinal);
        if (countAttribute is not null)
        {
            foreach (var alt in _evaluator.Eval(countAttribute.Expression, _scope).Alts)
            {
                if (Values.AsNumber(alt.Value) is not { } n || n < 0 || n > Limits.MaxCollection)
                {
                    return null;
                }

                for (var i = 0; i < n; i++)
                {
                    keys.Add(i.ToString(CultureInfo.InvariantCulture));
                }
            }

            return keys;
        }

        if (forEachAttribute is null)
        {
            return null;
        }

        foreach (var alt in _evaluator.Eval(forEachAttribute.Expression, _scope).Alts)
        {
            switch (alt.Value)
            {
                case VMap map:
                    keys.UnionWith(map.Keys);
                    break;
                case VList list:
                    foreach (var item in list.Items)
                    {
                        foreach (var element in item.Alts)
                        {
                            if (Values.AsText(element.Value) is not { } key)
                            {
                                return null;
                            }

                            keys.Add(key);
                        }
                    }

                    break;
                default:
                    return null;
            }
        }

        return keys;
    }

    private static bool BodyUses(Body body, string root)
    {
        foreach (var item in body.Items)
        {
            switch (item)
            {
                case AttributeDefinition attribute when attribute.Expression.GetTraversals().Any(t => t.RootName == root):
                    return true;
                case Block nested when BodyUses(nested.Body, root):
                    return true;
            }
        }

        return false;
    }

    /// <summary>The instances of a block from its <c>count</c> or <c>for_each</c>: one scope per instance, or one scope for all.</summary>
    private InstancePlan PlanInstances(Block block, bool perInstance)
    {
        var countAttribute = block.Body.FindAttribute("count");
        var forEachAttribute = block.Body.FindAttribute("for_each");
        if (countAttribute is not null)
        {
            return PlanCount(countAttribute, perInstance);
        }

        return forEachAttribute is not null ? PlanForEach(forEachAttribute, perInstance) : new InstancePlan([(null, _scope)], null, false);
    }

    private InstancePlan PlanCount(AttributeDefinition attribute, bool perInstance)
    {
        var value = _evaluator.Eval(attribute.Expression, _scope);
        var counts = new List<int>();
        var notes = new List<string>();
        string? unknown = null;
        foreach (var alt in value.Alts)
        {
            var how = alt.Prov.How is null ? "" : $" ({alt.Prov.How})";
            if (Values.AsNumber(alt.Value) is { } n && n >= 0 && n == decimal.Truncate(n))
            {
                var count = (int)Math.Min(n, int.MaxValue);
                counts.Add(count);
                notes.Add(count == 0 ? "0: never created" + how : count.ToString(CultureInfo.InvariantCulture) + how);
            }
            else
            {
                unknown ??= alt.Value switch
                {
                    VUnknown u => u.Reason,
                    VError e => "cannot be evaluated: " + e.Message,
                    _ => "not a whole number",
                };
                notes.Add("unknown (" + unknown + ")" + how);
            }
        }

        var note = $"count = {_session.Snippet(attribute.Expression.Range)} → {string.Join(", ", notes.Distinct())}";
        var neverCreated = unknown is null && counts.TrueForAll(c => c == 0);
        var max = counts.Count == 0 ? 0 : counts.Max();
        if (perInstance && unknown is null && max is > 1 and <= Limits.MaxInstances)
        {
            var instances = Enumerable.Range(0, max)
                .Select(i => ((string?)$"[{i}]", _scope.With("count", VSet.Of(Object(("index", VSet.Of(new VNumber(i))))))))
                .ToList();
            return new InstancePlan(instances, note, false);
        }

        var index = new VSetBuilder();
        for (var i = 0; i < Math.Min(max, Limits.MaxAlternatives - 1); i++)
        {
            index.Add(new VNumber(i), Prov.Literal);
        }

        if (unknown is not null || max >= Limits.MaxAlternatives)
        {
            index.Add(new VUnknown("count.index of a resource whose count is " + (unknown is null ? "large" : "not known")), Prov.Literal);
        }
        else if (max == 0)
        {
            index.Add(new VUnknown("the resource has no instance"), Prov.Literal);
        }

        return new InstancePlan([(null, _scope.With("count", VSet.Of(Object(("index", index.Build())))))], note, neverCreated);
    }

    private InstancePlan PlanForEach(AttributeDefinition attribute, bool perInstance)
    {
        var value = _evaluator.Eval(attribute.Expression, _scope);
        var entries = new List<(string Key, VSet Value)>();
        string? unknown = null;
        foreach (var alt in value.Alts)
        {
            switch (alt.Value)
            {
                case VMap map:
                    entries.AddRange(map.Keys.Select(k => (k, map.Entries[k].Inherit(alt.Prov))));
                    break;
                case VList list:
                    foreach (var item in list.Items)
                    {
                        foreach (var element in item.Alts)
                        {
                            if (Values.AsText(element.Value) is { } key)
                            {
                                entries.Add((key, VSet.Of(element.Value, alt.Prov.With(element.Prov))));
                            }
                            else
                            {
                                unknown ??= element.Value is VUnknown u ? u.Reason : "an element of for_each is not a string";
                            }
                        }
                    }

                    break;
                case VUnknown u:
                    unknown ??= u.Reason;
                    break;
                case VError e:
                    unknown ??= "cannot be evaluated: " + e.Message;
                    break;
                default:
                    unknown ??= "for_each is not a map or set";
                    break;
            }
        }

        var keys = entries.Select(e => e.Key).Distinct(StringComparer.Ordinal).ToList();
        var neverCreated = unknown is null && keys.Count == 0;
        var outcome = unknown is not null
            ? "unknown (" + unknown + ")"
            : keys.Count == 0
                ? "no instance: never created"
                : $"{keys.Count} instance(s): {string.Join(", ", keys.Take(5))}{(keys.Count > 5 ? ", …" : "")}";
        var note = $"for_each over {_session.Snippet(attribute.Expression.Range)} → {outcome}";

        if (perInstance && unknown is null && keys.Count is > 0 and <= Limits.MaxInstances)
        {
            var instances = new List<(string?, Scope)>();
            foreach (var key in keys)
            {
                var values = new VSetBuilder();
                foreach (var entry in entries.Where(e => e.Key == key))
                {
                    values.AddAll(entry.Value, Prov.Literal);
                }

                var each = Object(("key", VSet.Of(key)), ("value", values.Build()));
                instances.Add(($"[\"{key}\"]", _scope.With("each", VSet.Of(each))));
            }

            return new InstancePlan(instances, note, false);
        }

        var keySet = new VSetBuilder();
        var valueSet = new VSetBuilder();
        foreach (var (key, entryValue) in entries)
        {
            keySet.Add(new VString(key), Prov.Literal);
            valueSet.AddAll(entryValue, Prov.Literal);
        }

        if (unknown is not null || entries.Count == 0)
        {
            var reason = unknown is null ? "the resource has no instance" : "for_each is not known: " + unknown;
            keySet.Add(new VUnknown(reason), Prov.Literal);
            valueSet.Add(new VUnknown(reason), Prov.Literal);
        }

        var union = Object(("key", keySet.Build()), ("value", valueSet.Build()));
        return new InstancePlan([(null, _scope.With("each", VSet.Of(union)))], note, neverCreated);
    }

    private static VMap Object(params (string Key, VSet Value)[] entries) =>
        new(entries.ToDictionary(e => e.Key, e => e.Value, StringComparer.Ordinal));

    /// <summary>A block body as an object: attributes, and nested block types as lists of objects; it records where each part is and what it refers to.</summary>
    private VMap EvalBody(Body body, Scope scope, bool isResource, SourceRange self)
    {
        var entries = new Dictionary<string, VSet>(StringComparer.Ordinal);
        var locations = new Dictionary<string, SourceRange>(StringComparer.Ordinal);
        var references = new Dictionary<string, IReadOnlyList<string>>(StringComparer.Ordinal);
        var groups = new Dictionary<string, List<VSet>>(StringComparer.Ordinal);
        foreach (var item in body.Items)
        {
            switch (item)
            {
                case AttributeDefinition attribute when !(isResource && MetaAttributes.Contains(attribute.Name)):
                    _session.PushRecorder();
                    entries[attribute.Name] = _evaluator.Eval(attribute.Expression, scope);
                    references[attribute.Name] = _session.PopRecorder();
                    locations[attribute.Name] = attribute.Range;
                    break;
                case Block nested when !(isResource && MetaBlocks.Contains(nested.Type)):
                    string type;
                    VSet group;
                    _session.PushRecorder();
                    if (nested.Type == "dynamic")
                    {
                        type = nested.Labels.Count > 0 ? nested.Labels[0].Value : "dynamic";
                        group = EvalDynamic(nested, type, scope);
                    }
                    else
                    {
                        type = nested.Type;
                        group = VSet.Of(new VList([VSet.Of(EvalBody(nested.Body, scope, false, nested.Range))]));
                    }

                    var found = _session.PopRecorder();
                    references[type] = references.TryGetValue(type, out var earlier) ? [.. earlier.Union(found)] : found;
                    locations.TryAdd(type, nested.Range);
                    if (!groups.TryGetValue(type, out var list))
                    {
                        groups[type] = list = [];
                    }

                    list.Add(group);
                    break;
            }
        }

        foreach (var (type, list) in groups)
        {
            entries[type] = list.Count == 1
                ? list[0]
                : Evaluator.Lift(list, values => values.All(v => v is VList)
                    ? new VList([.. values.SelectMany(v => ((VList)v).Items)])
                    : values.First(v => v is not VList));
        }

        return new VMap(entries) { Locations = locations, Self = self, References = references };
    }

    /// <summary>A <c>dynamic</c> block: one element per for_each element, or, when for_each is unknown, a possible element and an unknown.</summary>
    private VSet EvalDynamic(Block block, string type, Scope scope)
    {
        var forEach = block.Body.FindAttribute("for_each");
        var content = block.Body.BlocksOfType("content").FirstOrDefault();
        if (forEach is null || content is null)
        {
            _session.Problem(block.Range, $"dynamic block {type} needs for_each and content");
            return VSet.Of(VList.Empty);
        }

        var iterator = block.Body.FindAttribute("iterator")?.Expression is ScopeTraversalExpression { Traversal.Steps.Count: 0 } name
            ? name.Traversal.RootName
            : type;
        var collection = _evaluator.Eval(forEach.Expression, scope);
        var builder = new VSetBuilder();
        foreach (var alt in collection.Alts)
        {
            if (alt.Value is VUnknown or VError)
            {
                var reason = alt.Value is VUnknown u ? u.Reason : "cannot be evaluated: " + ((VError)alt.Value).Message;
                var unknown = new VUnknown($"dynamic block {type}: for_each is not known ({reason})");
                var binding = Object(("key", VSet.Of(unknown)), ("value", VSet.Of(unknown)));
                var element = EvalBody(content.Body, scope.With(iterator, VSet.Of(binding)), false, content.Range);
                var branch = new Prov(ValueSource.Branch, $"if dynamic {type} has elements");
                builder.Add(new VList([new VSet([new Alt(element, branch), new Alt(unknown, new Prov(ValueSource.Branch, null))])]), alt.Prov);
                continue;
            }

            if (alt.Value is VNull)
            {
                builder.Add(VList.Empty, alt.Prov);
                continue;
            }

            var elements = Evaluator.Elements(alt.Value, alt.Prov);
            if (elements is null || elements.Count > Limits.MaxCollection)
            {
                builder.Add(new VUnknown($"dynamic block {type}: for_each is not a collection"), alt.Prov);
                continue;
            }

            var items = new List<VSet>(elements.Count);
            foreach (var (key, value) in elements)
            {
                if (_session.Exhausted)
                {
                    items.Add(VSet.Unknown("evaluation budget exhausted"));
                    break;
                }

                var binding = Object(("key", VSet.Of(key)), ("value", value));
                items.Add(VSet.Of(EvalBody(content.Body, scope.With(iterator, VSet.Of(binding)), false, content.Range)));
            }

            builder.Add(new VList(items), alt.Prov);
        }

        return builder.Build();
    }
}
