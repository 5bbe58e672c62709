using System.Globalization;
using Attest.Evidence.Model;

namespace Attest.Evidence.Terraform.Evaluation;

/// <summary>An evaluated Terraform value; composites hold a <see cref="VSet"/> per element so independent choices stay apart.</summary>
internal abstract class V
{
    private Prov? _nested;

    /// <summary>True when no nested element has more than one alternative.</summary>
    public virtual bool IsConcrete => true;

    /// <summary>The provenance of every nested element combined (a map holding a default is itself partly a default).</summary>
    public Prov NestedProv => _nested ??= ComputeNestedProv();

    protected virtual Prov ComputeNestedProv() => Prov.Literal;

    protected static Prov Combine(IEnumerable<VSet> items)
    {
        var prov = Prov.Literal;
        foreach (var item in items)
        {
            foreach (var alt in item.Alts)
            {
                prov = prov.With(alt.Prov).With(alt.Value.NestedProv);
            }
        }

        return prov;
    }
}

/// <summary>The null value: an attribute set to it is absent.</summary>
internal sealed class VNull : V
{
    public static readonly VNull Instance = new();

    private VNull()
    {
    }
}

internal sealed class VString(string value) : V
{
    public string Value { get; } = value;
}

internal sealed class VNumber : V
{
    public VNumber(decimal value) => Value = Values.Normalize(value);

    public decimal Value { get; }
}

internal sealed class VBool : V
{
    public static readonly VBool True = new(true);
    public static readonly VBool False = new(false);

    private VBool(bool value) => Value = value;

    public bool Value { get; }

    public static VBool Of(bool value) => value ? True : False;
}

/// <summary>A list, tuple or set; sets keep their elements in Terraform's order (strings sorted).</summary>
internal sealed class VList : V
{
    private readonly bool _concrete;

    public VList(IReadOnlyList<VSet> items, bool isSet = false)
    {
        Items = items;
        IsSet = isSet;
        _concrete = items.All(i => i.IsConcrete);
    }

    public static VList Empty { get; } = new([]);

    public IReadOnlyList<VSet> Items { get; }

    public bool IsSet { get; }

    public override bool IsConcrete => _concrete;

    protected override Prov ComputeNestedProv() => Combine(Items);
}

/// <summary>A map or object, keys in ordinal order as Terraform iterates them; a block body also records where its parts are written.</summary>
internal sealed class VMap : V
{
    private readonly bool _concrete;

    public VMap(IReadOnlyDictionary<string, VSet> entries)
    {
        Entries = entries;
        Keys = [.. entries.Keys.Order(StringComparer.Ordinal)];
        _concrete = entries.Values.All(e => e.IsConcrete);
    }

    public static VMap Empty { get; } = new(new Dictionary<string, VSet>());

    public IReadOnlyDictionary<string, VSet> Entries { get; }

    public IReadOnlyList<string> Keys { get; }

    /// <summary>Where each attribute or nested block of a body is written; null for computed maps.</summary>
    public IReadOnlyDictionary<string, SourceRange>? Locations { get; init; }

    /// <summary>Where the block this map stands for is written.</summary>
    public SourceRange? Self { get; init; }

    /// <summary>The resource addresses each attribute or nested block of a body refers to.</summary>
    public IReadOnlyDictionary<string, IReadOnlyList<string>>? References { get; init; }

    public override bool IsConcrete => _concrete;

    protected override Prov ComputeNestedProv() => Combine(Entries.Values);
}

/// <summary>A value nobody can know from the code.</summary>
/// <param name="reason">Why, in the words of <see cref="UnknownValue.Why"/>.</param>
/// <param name="reference">For a value known after apply, the reference it stands for (<c>aws_s3_bucket.logs.arn</c>); null otherwise.</param>
/// <param name="placeholder">Text that stands for the value when it is embedded in a string (<c>${aws_s3_bucket.logs.arn}/*</c>); only for values known after apply, which can never be a wildcard.</param>
internal sealed class VUnknown(string reason, string? reference = null, string? placeholder = null) : V
{
    public string Reason { get; } = reason;

    public string? Reference { get; } = reference;

    public string? Placeholder { get; } = placeholder ?? (reference is null ? null : "${" + reference + "}");
}

/// <summary>An evaluation error (missing key, wrong type…); <c>try</c> and <c>can</c> catch it, elsewhere it reads as unknown.</summary>
internal sealed class VError(string message) : V
{
    public string Message { get; } = message;
}

/// <summary>How a value was obtained, combined along the way: the weakest source wins and the notes add up.</summary>
internal readonly record struct Prov(ValueSource Source, string? How)
{
    private const int MaxHowLength = 240;

    public static Prov Literal { get; } = new(ValueSource.Literal, null);

    public bool IsPlainLiteral => Source == ValueSource.Literal && How is null;

    public Prov With(Prov other)
    {
        if (other.IsPlainLiteral || this == other)
        {
            return this;
        }

        if (IsPlainLiteral)
        {
            return other;
        }

        return new Prov(Weaker(Source, other.Source), JoinHow(How, other.How));
    }

    private static ValueSource Weaker(ValueSource a, ValueSource b) => Rank(a) >= Rank(b) ? a : b;

    private static int Rank(ValueSource source) => source switch
    {
        ValueSource.Literal or ValueSource.Plan => 0,
        ValueSource.Variables => 1,
        ValueSource.Default => 2,
        ValueSource.AllowedValue => 3,
        _ => 4,
    };

    private static string? JoinHow(string? a, string? b)
    {
        if (a is null || b is null)
        {
            return a ?? b;
        }

        if (a.Contains(b, StringComparison.Ordinal))
        {
            return a;
        }

        if (b.Contains(a, StringComparison.Ordinal))
        {
            return b;
        }

        if (a.Length >= MaxHowLength)
        {
            return a;
        }

        var joined = a + "; " + b;
        return joined.Length <= MaxHowLength ? joined : joined[..MaxHowLength] + "…";
    }
}

/// <summary>One alternative of a value set.</summary>
internal sealed record Alt(V Value, Prov Prov);

/// <summary>Every value an expression may have (at least one); bounded by <see cref="Limits.MaxAlternatives"/>.</summary>
internal sealed class VSet
{
    public static readonly VSet Null = new([new Alt(VNull.Instance, Prov.Literal)]);
    public static readonly VSet True = new([new Alt(VBool.True, Prov.Literal)]);
    public static readonly VSet False = new([new Alt(VBool.False, Prov.Literal)]);

    public VSet(IReadOnlyList<Alt> alts)
    {
        Alts = alts.Count == 0 ? [new Alt(VNull.Instance, Prov.Literal)] : alts;
    }

    public IReadOnlyList<Alt> Alts { get; }

    public bool IsSingle => Alts.Count == 1;

    public bool IsConcrete => Alts.Count == 1 && Alts[0].Value.IsConcrete;

    /// <summary>The value when there is exactly one alternative.</summary>
    public V? Single => Alts.Count == 1 ? Alts[0].Value : null;

    public static VSet Of(V value) => new([new Alt(value, Prov.Literal)]);

    public static VSet Of(V value, Prov prov) => new([new Alt(value, prov)]);

    public static VSet Of(string value) => Of(new VString(value));

    public static VSet Unknown(string reason) => Of(new VUnknown(reason));

    public static VSet Error(string message) => Of(new VError(message));

    /// <summary>The same alternatives, each also marked with <paramref name="prov"/>.</summary>
    public VSet Inherit(Prov prov)
    {
        if (prov.IsPlainLiteral)
        {
            return this;
        }

        var alts = new Alt[Alts.Count];
        for (var i = 0; i < alts.Length; i++)
        {
            alts[i] = Alts[i] with { Prov = prov.With(Alts[i].Prov) };
        }

        return new VSet(alts);
    }

    public bool All(Func<V, bool> predicate) => Alts.All(a => predicate(a.Value));

    public bool Any(Func<V, bool> predicate) => Alts.Any(a => predicate(a.Value));
}

/// <summary>Collects alternatives, dropping duplicates; past the bound the rest becomes one unknown.</summary>
internal sealed class VSetBuilder
{
    private readonly List<Alt> _alts = [];
    private bool _overflow;

    public bool IsFull => _alts.Count >= Limits.MaxAlternatives - 1;

    public void Add(V value, Prov prov)
    {
        foreach (var existing in _alts)
        {
            if (existing.Prov == prov && Values.DeepEquals(existing.Value, value))
            {
                return;
            }
        }

        if (_alts.Count >= Limits.MaxAlternatives - 1)
        {
            _overflow = true;
            return;
        }

        _alts.Add(new Alt(value, prov));
    }

    public void AddAll(VSet set, Prov prov)
    {
        foreach (var alt in set.Alts)
        {
            Add(alt.Value, prov.With(alt.Prov));
        }
    }

    public void MarkOverflow() => _overflow = true;

    public VSet Build()
    {
        if (_overflow)
        {
            _alts.Add(new Alt(new VUnknown($"more than {Limits.MaxAlternatives} possible values"), new Prov(ValueSource.Branch, null)));
        }

        return new VSet(_alts.ToArray());
    }
}

/// <summary>Helpers over evaluated values.</summary>
internal static class Values
{
    private const decimal One = 1.000000000000000000000000000000000m;

    public static decimal Normalize(decimal value) => value / One;

    public static string NumberText(decimal value) => Normalize(value).ToString(CultureInfo.InvariantCulture);

    public static string TypeName(V value) => value switch
    {
        VNull => "null",
        VString => "string",
        VNumber => "number",
        VBool => "bool",
        VList { IsSet: true } => "set",
        VList => "list",
        VMap => "object",
        VUnknown => "unknown",
        _ => "error",
    };

    /// <summary>The text of a scalar as Terraform converts it to string, or null for other values.</summary>
    public static string? AsText(V value) => value switch
    {
        VString s => s.Value,
        VNumber n => NumberText(n.Value),
        VBool b => b.Value ? "true" : "false",
        _ => null,
    };

    public static decimal? AsNumber(V value) => value switch
    {
        VNumber n => n.Value,
        VString s when decimal.TryParse(s.Value, NumberStyles.Float, CultureInfo.InvariantCulture, out var d) => d,
        _ => null,
    };

    public static bool? AsBool(V value) => value switch
    {
        VBool b => b.Value,
        VString { Value: "true" } => true,
        VString { Value: "false" } => false,
        _ => null,
    };

    public static bool DeepEquals(V a, V b)
    {
        if (ReferenceEquals(a, b))
        {
            return true;
        }

        switch (a)
        {
            case VString sa when b is VString sb:
                return string.Equals(sa.Value, sb.Value, StringComparison.Ordinal);
            case VNumber na when b is VNumber nb:
                return na.Value == nb.Value;
            case VBool ba when b is VBool bb:
                return ba.Value == bb.Value;
            case VUnknown ua when b is VUnknown ub:
                return string.Equals(ua.Reason, ub.Reason, StringComparison.Ordinal)
                    && string.Equals(ua.Placeholder, ub.Placeholder, StringComparison.Ordinal);
            case VError ea when b is VError eb:
                return string.Equals(ea.Message, eb.Message, StringComparison.Ordinal);
            case VList la when b is VList lb:
                if (la.Items.Count != lb.Items.Count)
                {
                    return false;
                }

                for (var i = 0; i < la.Items.Count; i++)
                {
                    if (!DeepEquals(la.Items[i], lb.Items[i]))
                    {
                        return false;
                    }
                }

                return true;
            case VMap ma when b is VMap mb:
                if (ma.Keys.Count != mb.Keys.Count)
                {
                    return false;
                }

                foreach (var key in ma.Keys)
                {
                    if (!mb.Entries.TryGetValue(key, out var other) || !DeepEquals(ma.Entries[key], other))
                    {
                        return false;
                    }
                }

                return true;
            default:
                return false;
        }
    }

    public static bool DeepEquals(VSet a, VSet b)
    {
        if (ReferenceEquals(a, b))
        {
            return true;
        }

        if (a.Alts.Count != b.Alts.Count)
        {
            return false;
        }

        for (var i = 0; i < a.Alts.Count; i++)
        {
            if (a.Alts[i].Prov != b.Alts[i].Prov || !DeepEquals(a.Alts[i].Value, b.Alts[i].Value))
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>The first unknown or error met anywhere inside a value, or null when it is fully known.</summary>
    public static V? FirstUnknownOrError(V value, int depth = 0)
    {
        switch (value)
        {
            case VUnknown or VError:
                return value;
            case VList list when depth < Limits.MaxValueDepth:
                foreach (var item in list.Items)
                {
                    foreach (var alt in item.Alts)
                    {
                        if (FirstUnknownOrError(alt.Value, depth + 1) is { } found)
                        {
                            return found;
                        }
                    }
                }

                return null;
            case VMap map when depth < Limits.MaxValueDepth:
                foreach (var entry in map.Entries.Values)
                {
                    foreach (var alt in entry.Alts)
                    {
                        if (FirstUnknownOrError(alt.Value, depth + 1) is { } found)
                        {
                            return found;
                        }
                    }
                }

                return null;
            case VList or VMap:
                return new VUnknown("value nested too deeply");
            default:
                return null;
        }
    }

    /// <summary>
    /// Rewrites every nested choice as a choice of the whole value, so each alternative is concrete; bounded, the rest becomes unknown.
    /// </summary>
    public static VSet Expand(VSet set)
    {
        if (set.Alts.All(a => a.Value.IsConcrete))
        {
            return set.Alts.All(a => a.Value.NestedProv.IsPlainLiteral)
                ? set
                : new VSet([.. set.Alts.Select(a => a with { Prov = a.Prov.With(a.Value.NestedProv) })]);
        }

        var builder = new VSetBuilder();
        foreach (var alt in set.Alts)
        {
            foreach (var (value, prov) in ExpandValue(alt.Value, 0))
            {
                builder.Add(value, alt.Prov.With(prov));
                if (builder.IsFull)
                {
                    builder.MarkOverflow();
                    return builder.Build();
                }
            }
        }

        return builder.Build();
    }

    private static IEnumerable<(V Value, Prov Prov)> ExpandValue(V value, int depth)
    {
        if (value.IsConcrete)
        {
            yield return (value, value.NestedProv);
            yield break;
        }

        if (depth > Limits.MaxValueDepth)
        {
            yield return (new VUnknown("value nested too deeply"), Prov.Literal);
            yield break;
        }

        switch (value)
        {
            case VList list:
                {
                    var choices = list.Items.Select(i => ExpandChoices(i, depth)).ToList();
                    foreach (var (combination, prov) in Combine(choices))
                    {
                        if (combination is null)
                        {
                            yield return (TooMany, prov);
                            continue;
                        }

                        yield return (new VList(combination.Select(v => VSet.Of(v)).ToArray(), list.IsSet), prov);
                    }

                    break;
                }

            case VMap map:
                {
                    var choices = map.Keys.Select(k => ExpandChoices(map.Entries[k], depth)).ToList();
                    foreach (var (combination, prov) in Combine(choices))
                    {
                        if (combination is null)
                        {
                            yield return (TooMany, prov);
                            continue;
                        }

                        var entries = new Dictionary<string, VSet>(StringComparer.Ordinal);
                        for (var i = 0; i < map.Keys.Count; i++)
                        {
                            entries[map.Keys[i]] = VSet.Of(combination[i]);
                        }

                        yield return (new VMap(entries) { Locations = map.Locations, Self = map.Self, References = map.References }, prov);
                    }

                    break;
                }

            default:
                yield return (value, Prov.Literal);
                break;
        }
    }

    private static List<(V Value, Prov Prov)> ExpandChoices(VSet set, int depth)
    {
        var result = new List<(V, Prov)>();
        foreach (var alt in set.Alts)
        {
            foreach (var (value, prov) in ExpandValue(alt.Value, depth + 1))
            {
                result.Add((value, alt.Prov.With(prov)));
                if (result.Count >= Limits.MaxAlternatives)
                {
                    return result;
                }
            }
        }

        return result;
    }

    private static readonly VUnknown TooMany = new($"more than {Limits.MaxAlternatives} possible values");

    /// <summary>The cross product; a null combination stands for the ones past the bound.</summary>
    private static IEnumerable<(V[]? Values, Prov Prov)> Combine(List<List<(V Value, Prov Prov)>> choices)
    {
        var indexes = new int[choices.Count];
        for (var produced = 0; produced < Limits.MaxAlternatives; produced++)
        {
            var values = new V[choices.Count];
            var prov = Prov.Literal;
            for (var i = 0; i < choices.Count; i++)
            {
                values[i] = choices[i][indexes[i]].Value;
                prov = prov.With(choices[i][indexes[i]].Prov);
            }

            yield return (values, prov);

            var position = choices.Count - 1;
            while (position >= 0)
            {
                indexes[position]++;
                if (indexes[position] < choices[position].Count)
                {
                    break;
                }

                indexes[position] = 0;
                position--;
            }

            if (position < 0)
            {
                yield break;
            }
        }

        yield return (null, new Prov(ValueSource.Branch, null));
    }

    /// <summary>The public form of a concrete value, as <see cref="PossibleValue.Value"/> describes it.</summary>
    public static object? ToPublic(V value, int depth = 0)
    {
        switch (value)
        {
            case VNull:
                return null;
            case VString s:
                return s.Value;
            case VNumber n:
                return n.Value;
            case VBool b:
                return b.Value;
            case VUnknown u:
                return new UnknownValue(u.Reason);
            case VError e:
                return new UnknownValue("cannot be evaluated: " + e.Message);
            case VList list when depth < Limits.MaxValueDepth:
                return list.Items.Select(i => ToPublic(i.Alts[0].Value, depth + 1)).ToArray();
            case VMap map when depth < Limits.MaxValueDepth:
                var entries = new Dictionary<string, object?>(StringComparer.Ordinal);
                foreach (var key in map.Keys)
                {
                    entries[key] = ToPublic(map.Entries[key].Alts[0].Value, depth + 1);
                }

                return new SortedReadOnlyMap(map.Keys, entries);
            default:
                return new UnknownValue("value nested too deeply");
        }
    }
}

/// <summary>A read-only dictionary enumerated in the key order Terraform uses.</summary>
internal sealed class SortedReadOnlyMap(IReadOnlyList<string> keys, Dictionary<string, object?> entries) : IReadOnlyDictionary<string, object?>
{
    public object? this[string key] => entries[key];

    public IEnumerable<string> Keys => keys;

    public IEnumerable<object?> Values => keys.Select(k => entries[k]);

    public int Count => keys.Count;

    public bool ContainsKey(string key) => entries.ContainsKey(key);

    public bool TryGetValue(string key, out object? value) => entries.TryGetValue(key, out value);

    public IEnumerator<KeyValuePair<string, object?>> GetEnumerator() =>
        keys.Select(k => new KeyValuePair<string, object?>(k, entries[k])).GetEnumerator();

    System.Collections.IEnumerator System.Collections.IEnumerable.GetEnumerator() => GetEnumerator();
}
