using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;
using Attest.Evidence.Model;

namespace Attest.Evidence.Terraform.Evaluation;

/// <summary>The function library: the functions infrastructure code relies on; any other one is unknown.</summary>
internal sealed partial class Evaluator
{
    private delegate VSet Function(IReadOnlyList<VSet> args);

    private static readonly TimeSpan RegexTimeout = TimeSpan.FromMilliseconds(200);

    private static readonly Dictionary<string, (int Min, int Max, Function Body)> Library = new(StringComparer.Ordinal)
    {
        ["length"] = (1, 1, a => Lift(a, v => v[0] switch
        {
            VString s => new VNumber(new StringInfo(s.Value).LengthInTextElements),
            VList l => new VNumber(l.Items.Count),
            VMap m => new VNumber(m.Keys.Count),
            _ => new VError("length needs a string or collection"),
        })),
        ["merge"] = (0, int.MaxValue, a => Lift(a, Merge)),
        ["concat"] = (0, int.MaxValue, a => Lift(a, Concat)),
        ["lookup"] = (2, 3, a => Lift(a, v => Lookup(v))),
        ["coalesce"] = (1, int.MaxValue, a => Lift(a, Coalesce, passUnknown: true)),
        ["coalescelist"] = (1, int.MaxValue, a => Lift(a, CoalesceList, passUnknown: true)),
        ["compact"] = (1, 1, a => Lift(Expanded(a), v => Compact(v[0]))),
        ["distinct"] = (1, 1, a => Lift(Expanded(a), v => Distinct(v[0], false))),
        ["flatten"] = (1, 1, a => Lift(Expanded(a), v => Flatten(v[0]))),
        ["keys"] = (1, 1, a => Lift(a, v => v[0] is VMap m ? new VList([.. m.Keys.Select(VSet.Of)]) : new VError("keys needs a map"))),
        ["values"] = (1, 1, a => Lift(a, v => v[0] is VMap m ? new VList([.. m.Keys.Select(k => m.Entries[k])]) : new VError("values needs a map"))),
        ["element"] = (2, 2, a => Lift(a, v => Element(v[0], v[1]))),
        ["contains"] = (2, 2, a => Lift(Expanded(a), v => Contains(v[0], v[1]))),
        ["index"] = (2, 2, a => Lift(Expanded(a), v => IndexOf(v[0], v[1]))),
        ["tolist"] = (1, 1, a => Lift(a, v => v[0] switch
        {
            VList l => new VList(l.Items),
            VNull => VNull.Instance,
            _ => new VError("tolist needs a list or set"),
        })),
        ["toset"] = (1, 1, a => Lift(Expanded(a), v => Distinct(v[0], true))),
        ["tomap"] = (1, 1, a => Lift(a, v => v[0] is VMap or VNull ? v[0] : new VError("tomap needs an object or map"))),
        ["tostring"] = (1, 1, a => Lift(a, v => v[0] is VNull ? v[0] : Values.AsText(v[0]) is { } s ? new VString(s) : new VError("tostring needs a primitive value"))),
        ["tonumber"] = (1, 1, a => Lift(a, v => v[0] is VNull ? v[0] : Values.AsNumber(v[0]) is { } n ? new VNumber(n) : new VError("tonumber cannot convert this value"))),
        ["tobool"] = (1, 1, a => Lift(a, v => v[0] is VNull ? v[0] : Values.AsBool(v[0]) is { } b ? VBool.Of(b) : new VError("tobool cannot convert this value"))),
        ["format"] = (1, int.MaxValue, a => Lift(Expanded(a), Format)),
        ["formatlist"] = (1, int.MaxValue, a => Lift(Expanded(a), FormatList)),
        ["join"] = (2, int.MaxValue, a => Lift(Expanded(a), Join)),
        ["split"] = (2, 2, a => Lift(a, v => Strings(v, 2) is { } s ? Split(s[0], s[1]) : new VError("split needs strings"))),
        ["replace"] = (3, 3, a => Lift(a, ReplaceWithPlaceholders, passUnknown: true)),
        ["lower"] = (1, 1, a => StringFunction(a, s => s.ToLowerInvariant())),
        ["upper"] = (1, 1, a => StringFunction(a, s => s.ToUpperInvariant())),
        ["trimspace"] = (1, 1, a => StringFunction(a, s => s.Trim())),
        ["title"] = (1, 1, a => StringFunction(a, Title)),
        ["strrev"] = (1, 1, a => StringFunction(a, s => new string([.. s.Reverse()]))),
        ["trim"] = (2, 2, a => Lift(a, v => Strings(v, 2) is { } s ? new VString(s[0].Trim(s[1].ToCharArray())) : new VError("trim needs strings"))),
        ["trimprefix"] = (2, 2, a => Lift(a, v => Strings(v, 2) is { } s
            ? new VString(s[1].Length > 0 && s[0].StartsWith(s[1], StringComparison.Ordinal) ? s[0][s[1].Length..] : s[0])
            : new VError("trimprefix needs strings"))),
        ["trimsuffix"] = (2, 2, a => Lift(a, v => Strings(v, 2) is { } s
            ? new VString(s[1].Length > 0 && s[0].EndsWith(s[1], StringComparison.Ordinal) ? s[0][..^s[1].Length] : s[0])
            : new VError("trimsuffix needs strings"))),
        ["startswith"] = (2, 2, a => Lift(a, v => Strings(v, 2) is { } s ? VBool.Of(s[0].StartsWith(s[1], StringComparison.Ordinal)) : new VError("startswith needs strings"))),
        ["endswith"] = (2, 2, a => Lift(a, v => Strings(v, 2) is { } s ? VBool.Of(s[0].EndsWith(s[1], StringComparison.Ordinal)) : new VError("endswith needs strings"))),
        ["substr"] = (3, 3, a => Lift(a, v => Substring(v))),
        ["jsonencode"] = (1, 1, a => JsonValues.EncodeAll(a[0])),
        ["jsondecode"] = (1, 1, a => Lift(a, v => v[0] is VString s ? JsonValues.Decode(s.Value) : new VError("jsondecode needs a string"))),
        ["zipmap"] = (2, 2, a => Lift([Values.Expand(a[0]), a[1]], v => Zipmap(v[0], v[1]))),
        ["cidrsubnet"] = (3, 3, a => Lift(a, v => Values.AsText(v[0]) is { } p && Values.AsNumber(v[1]) is { } b && Values.AsNumber(v[2]) is { } n
            ? Cidr.Subnet(p, b, n)
            : new VError("cidrsubnet needs a prefix and two numbers"))),
        ["cidrhost"] = (2, 2, a => Lift(a, v => Values.AsText(v[0]) is { } p && Values.AsNumber(v[1]) is { } n ? Cidr.Host(p, n) : new VError("cidrhost needs a prefix and a number"))),
        ["cidrnetmask"] = (1, 1, a => Lift(a, v => Values.AsText(v[0]) is { } p ? Cidr.Netmask(p) : new VError("cidrnetmask needs a prefix"))),
        ["cidrsubnets"] = (1, int.MaxValue, a => Lift(a, v => Values.AsText(v[0]) is { } p && Numbers(v[1..]) is { } bits
            ? Cidr.Subnets(p, bits)
            : new VError("cidrsubnets needs a prefix and numbers"))),
        ["min"] = (1, int.MaxValue, a => Lift(a, v => Numbers(v) is { } n ? new VNumber(n.Min()) : new VError("min needs numbers"))),
        ["max"] = (1, int.MaxValue, a => Lift(a, v => Numbers(v) is { } n ? new VNumber(n.Max()) : new VError("max needs numbers"))),
        ["abs"] = (1, 1, a => NumberFunction(a, Math.Abs)),
        ["ceil"] = (1, 1, a => NumberFunction(a, Math.Ceiling)),
        ["floor"] = (1, 1, a => NumberFunction(a, Math.Floor)),
        ["signum"] = (1, 1, a => NumberFunction(a, n => Math.Sign(n))),
        ["sum"] = (1, 1, a => Lift(Expanded(a), v => v[0] is VList l && Numbers([.. l.Items.Select(i => i.Alts[0].Value)]) is { } n
            ? new VNumber(n.Sum())
            : new VError("sum needs a list of numbers"))),
        ["range"] = (1, 3, a => Lift(a, Range)),
        ["reverse"] = (1, 1, a => Lift(a, v => v[0] is VList l ? new VList([.. l.Items.Reverse()]) : new VError("reverse needs a list"))),
        ["slice"] = (3, 3, a => Lift(a, Slice)),
        ["sort"] = (1, 1, a => Lift(Expanded(a), Sort)),
        ["one"] = (1, 1, a => Lift(a, v => v[0] switch
        {
            VList { Items.Count: 0 } => VSet.Null,
            VList { Items.Count: 1 } l => l.Items[0],
            VNull => VSet.Null,
            _ => VSet.Error("one needs a collection of at most one element"),
        })),
        ["alltrue"] = (1, 1, a => Lift(Expanded(a), v => AllAny(v[0], true))),
        ["anytrue"] = (1, 1, a => Lift(Expanded(a), v => AllAny(v[0], false))),
        ["chunklist"] = (2, 2, a => Lift(a, ChunkList)),
        ["setunion"] = (1, int.MaxValue, a => Lift(Expanded(a), v => SetOperation(v, 0))),
        ["setintersection"] = (1, int.MaxValue, a => Lift(Expanded(a), v => SetOperation(v, 1))),
        ["setsubtract"] = (2, 2, a => Lift(Expanded(a), v => SetOperation(v, 2))),
        ["basename"] = (1, 1, a => StringFunction(a, s => s.TrimEnd('/').Split('/')[^1] is { Length: > 0 } b ? b : s.Length > 0 ? "/" : ".")),
        ["dirname"] = (1, 1, a => StringFunction(a, DirectoryName)),
        ["chomp"] = (1, 1, a => StringFunction(a, s => s.TrimEnd('\n', '\r'))),
        ["base64encode"] = (1, 1, a => StringFunction(a, s => Convert.ToBase64String(Encoding.UTF8.GetBytes(s)))),
        ["base64decode"] = (1, 1, a => Lift(a, v => Values.AsText(v[0]) is { } s ? Base64Decode(s) : new VError("base64decode needs a string"))),
        ["sha256"] = (1, 1, a => StringFunction(a, s => Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(Encoding.UTF8.GetBytes(s))))),
        ["sha512"] = (1, 1, a => StringFunction(a, s => Convert.ToHexStringLower(System.Security.Cryptography.SHA512.HashData(Encoding.UTF8.GetBytes(s))))),
        ["strcontains"] = (2, 2, a => Lift(a, v => Strings(v, 2) is { } s ? VBool.Of(s[0].Contains(s[1], StringComparison.Ordinal)) : new VError("strcontains needs strings"))),
        ["regex"] = (2, 2, a => Lift(a, v => Strings(v, 2) is { } s ? RegexMatches(s[0], s[1], all: false) : new VError("regex needs strings"))),
        ["regexall"] = (2, 2, a => Lift(a, v => Strings(v, 2) is { } s ? RegexMatches(s[0], s[1], all: true) : new VError("regexall needs strings"))),
        ["nonsensitive"] = (1, 1, a => a[0]),
        ["sensitive"] = (1, 1, a => a[0]),
    };

    private VSet CallFunction(FunctionCallExpression call, Scope scope)
    {
        switch (call.Name)
        {
            case "try":
                return Try(call.Arguments, 0, scope);
            case "can":
                return call.Arguments.Count == 1 ? Can(Eval(call.Arguments[0], scope)) : VSet.Error("can takes one argument");
        }

        // Arguments are evaluated even for functions we do not run, so their references are recorded.
        var args = new List<VSet>(call.Arguments.Count);
        foreach (var argument in call.Arguments)
        {
            args.Add(Eval(argument, scope));
        }

        if (!Library.TryGetValue(call.Name, out var function))
        {
            return VSet.Unknown($"function {call.Name} is not evaluated");
        }

        if (call.ExpandFinalArgument && args.Count > 0)
        {
            var last = args[^1];
            args.RemoveAt(args.Count - 1);
            var builder = new VSetBuilder();
            foreach (var alt in last.Alts)
            {
                if (alt.Value is not VList list)
                {
                    builder.Add(alt.Value is VUnknown or VError ? Derived(alt.Value) : new VError("only a list can be expanded with ..."), alt.Prov);
                    continue;
                }

                builder.AddAll(Invoke(call.Name, function, [.. args, .. list.Items]), alt.Prov);
            }

            return builder.Build();
        }

        return Invoke(call.Name, function, args);
    }

    private static VSet Invoke(string name, (int Min, int Max, Function Body) function, List<VSet> args)
    {
        if (args.Count < function.Min || args.Count > function.Max)
        {
            return VSet.Error($"{name} takes {function.Min}{(function.Max == function.Min ? "" : " or more")} argument(s), not {args.Count}");
        }

        return function.Body(args);
    }

    /// <summary><c>try</c>: the first argument that evaluates without error, alternative by alternative.</summary>
    private VSet Try(IReadOnlyList<Expression> arguments, int index, Scope scope)
    {
        if (index >= arguments.Count)
        {
            return VSet.Error("no argument of try could be evaluated");
        }

        var value = Eval(arguments[index], scope);
        if (!value.Any(IsFailure))
        {
            // Terraform counts every argument as a dependency: the fallbacks' references are recorded too.
            if (value.Any(v => v is VUnknown) && index + 1 < arguments.Count)
            {
                Try(arguments, index + 1, scope);
            }

            return value;
        }

        VSet? fallback = null;
        var builder = new VSetBuilder();
        foreach (var alt in value.Alts)
        {
            if (IsFailure(alt.Value))
            {
                fallback ??= Try(arguments, index + 1, scope);
                builder.AddAll(fallback, alt.Prov);
            }
            else
            {
                builder.Add(alt.Value, alt.Prov);
            }
        }

        return builder.Build();
    }

    private static bool IsFailure(V value) => value is VError || (value is VList or VMap && Values.FirstUnknownOrError(value) is VError);

    private static VSet Can(VSet value)
    {
        var builder = new VSetBuilder();
        foreach (var alt in value.Alts)
        {
            builder.Add(IsFailure(alt.Value) ? VBool.False : alt.Value is VUnknown ? Derived(alt.Value) : VBool.True, alt.Prov);
        }

        return builder.Build();
    }

    private static IReadOnlyList<VSet> Expanded(IReadOnlyList<VSet> args) => [.. args.Select(Values.Expand)];

    private static VSet StringFunction(IReadOnlyList<VSet> args, Func<string, string> body) =>
        Lift(args, v => Values.AsText(v[0]) is { } s ? new VString(body(s)) : new VError("a string is needed"));

    private static VSet NumberFunction(IReadOnlyList<VSet> args, Func<decimal, decimal> body) =>
        Lift(args, v => Values.AsNumber(v[0]) is { } n ? new VNumber(body(n)) : new VError("a number is needed"));

    private static string[]? Strings(V[] values, int count)
    {
        var result = new string[count];
        for (var i = 0; i < count; i++)
        {
            if (Values.AsText(values[i]) is not { } text)
            {
                return null;
            }

            result[i] = text;
        }

        return result;
    }

    private static decimal[]? Numbers(V[] values)
    {
        var result = new decimal[values.Length];
        for (var i = 0; i < values.Length; i++)
        {
            if (Values.AsNumber(values[i]) is not { } n)
            {
                return null;
            }

            result[i] = n;
        }

        return result.Length == 0 ? null : result;
    }

    private static V Merge(V[] values)
    {
        var entries = new Dictionary<string, VSet>(StringComparer.Ordinal);
        foreach (var value in values)
        {
            switch (value)
            {
                case VNull:
                    continue;
                case VMap map:
                    foreach (var key in map.Keys)
                    {
                        entries[key] = map.Entries[key];
                    }

                    break;
                default:
                    return new VError($"merge needs maps or objects, not {Values.TypeName(value)}");
            }
        }

        return entries.Count > Limits.MaxCollection ? new VUnknown("map too large") : new VMap(entries);
    }

    private static V Concat(V[] values)
    {
        var items = new List<VSet>();
        foreach (var value in values)
        {
            if (value is not VList list)
            {
                return new VError($"concat needs lists, not {Values.TypeName(value)}");
            }

            items.AddRange(list.Items);
            if (items.Count > Limits.MaxCollection)
            {
                return new VUnknown("list too large");
            }
        }

        return new VList(items);
    }

    private static VSet Lookup(V[] values)
    {
        if (values[0] is not VMap map)
        {
            return VSet.Error($"lookup needs a map, not {Values.TypeName(values[0])}");
        }

        if (Values.AsText(values[1]) is not { } key)
        {
            return VSet.Error("lookup needs a string key");
        }

        if (map.Entries.TryGetValue(key, out var entry))
        {
            return entry;
        }

        return values.Length > 2 ? VSet.Of(values[2]) : VSet.Error($"lookup: no key {key}");
    }

    private static V Coalesce(V[] values)
    {
        foreach (var value in values)
        {
            switch (value)
            {
                case VError or VUnknown:
                    return Derived(value);
                case VNull:
                case VString { Value.Length: 0 }:
                    continue;
                default:
                    return value;
            }
        }

        return new VError("coalesce: no non-null, non-empty argument");
    }

    private static V CoalesceList(V[] values)
    {
        foreach (var value in values)
        {
            switch (value)
            {
                case VError or VUnknown:
                    return Derived(value);
                case VList { Items.Count: > 0 }:
                    return value;
                case VList or VNull:
                    continue;
                default:
                    return new VError("coalescelist needs lists");
            }
        }

        return VList.Empty;
    }

    /// <summary>The elements of a fully expanded list, or an unknown or error met among them.</summary>
    private static (List<V>? Items, V? Failure) ListItems(V value, string function)
    {
        if (value is not VList list)
        {
            return (null, new VError($"{function} needs a list, not {Values.TypeName(value)}"));
        }

        var items = new List<V>(list.Items.Count);
        foreach (var item in list.Items)
        {
            var element = item.Alts[0].Value;
            if (element is VUnknown or VError)
            {
                return (null, Derived(element));
            }

            items.Add(element);
        }

        return (items, null);
    }

    private static V Compact(V value)
    {
        var (items, failure) = ListItems(value, "compact");
        return failure ?? new VList([.. items!.Where(i => i is not VNull and not VString { Value.Length: 0 }).Select(VSet.Of)]);
    }

    private static V Distinct(V value, bool asSet)
    {
        if (value is VNull && asSet)
        {
            return value;
        }

        var (items, failure) = ListItems(value, asSet ? "toset" : "distinct");
        if (failure is not null)
        {
            return failure;
        }

        var kept = new List<V>();
        foreach (var item in items!)
        {
            if (Values.FirstUnknownOrError(item) is { } nested)
            {
                return Derived(nested);
            }

            if (!kept.Exists(k => Values.DeepEquals(k, item)))
            {
                kept.Add(item);
            }
        }

        // Terraform orders a set of strings lexically.
        if (asSet && kept.TrueForAll(k => k is VString))
        {
            kept.Sort((a, b) => string.CompareOrdinal(((VString)a).Value, ((VString)b).Value));
        }

        return new VList([.. kept.Select(VSet.Of)], asSet);
    }

    private static V Flatten(V value)
    {
        var result = new List<VSet>();
        return FlattenInto(value, result, 0) ?? new VList(result);
    }

    private static V? FlattenInto(V value, List<VSet> result, int depth)
    {
        var (items, failure) = ListItems(value, "flatten");
        if (failure is not null)
        {
            return failure;
        }

        foreach (var item in items!)
        {
            if (item is VList && depth < Limits.MaxValueDepth)
            {
                if (FlattenInto(item, result, depth + 1) is { } nested)
                {
                    return nested;
                }
            }
            else
            {
                result.Add(VSet.Of(item));
            }

            if (result.Count > Limits.MaxCollection)
            {
                return new VUnknown("list too large");
            }
        }

        return null;
    }

    private static VSet Element(V list, V index)
    {
        if (list is not VList l)
        {
            return VSet.Error("element needs a list");
        }

        if (Values.AsNumber(index) is not { } n || n != decimal.Truncate(n) || n < 0)
        {
            return VSet.Error("element needs a whole, non-negative index");
        }

        return l.Items.Count == 0 ? VSet.Error("element: the list is empty") : l.Items[(int)(n % l.Items.Count)];
    }

    private static V Contains(V collection, V value)
    {
        if (collection is not VList list)
        {
            return new VError("contains needs a list or set");
        }

        if (Values.FirstUnknownOrError(value) is { } unknownValue)
        {
            return Derived(unknownValue);
        }

        V? unknown = null;
        foreach (var item in list.Items)
        {
            var element = item.Alts[0].Value;
            if (Values.FirstUnknownOrError(element) is { } u)
            {
                unknown ??= u;
                continue;
            }

            if (Values.DeepEquals(element, value))
            {
                return VBool.True;
            }
        }

        return unknown is null ? VBool.False : Derived(unknown);
    }

    private static V IndexOf(V collection, V value)
    {
        var (items, failure) = ListItems(collection, "index");
        if (failure is not null)
        {
            return failure;
        }

        var at = items!.FindIndex(i => Values.DeepEquals(i, value));
        return at < 0 ? new VError("index: the value is not in the list") : new VNumber(at);
    }

    private static V Zipmap(V keys, V values)
    {
        var (names, failure) = ListItems(keys, "zipmap");
        if (failure is not null)
        {
            return failure;
        }

        if (values is not VList list || list.Items.Count != names!.Count)
        {
            return new VError("zipmap needs two lists of the same length");
        }

        var entries = new Dictionary<string, VSet>(StringComparer.Ordinal);
        for (var i = 0; i < names.Count; i++)
        {
            if (Values.AsText(names[i]) is not { } name)
            {
                return new VError("zipmap keys must be strings");
            }

            entries[name] = list.Items[i];
        }

        return new VMap(entries);
    }

    private static V Join(V[] values)
    {
        if (Values.AsText(values[0]) is not { } separator)
        {
            return new VError("join needs a string separator");
        }

        var parts = new List<string>();
        foreach (var value in values[1..])
        {
            var (items, failure) = ListItems(value, "join");
            if (failure is not null)
            {
                return failure;
            }

            foreach (var item in items!)
            {
                if (Values.AsText(item) is not { } text)
                {
                    return new VError($"join cannot join a {Values.TypeName(item)}");
                }

                parts.Add(text);
            }
        }

        var joined = string.Join(separator, parts);
        return joined.Length > Limits.MaxString ? new VUnknown("string too large") : new VString(joined);
    }

    private static V Split(string separator, string text)
    {
        if (separator.Length == 0)
        {
            return new VError("split needs a non-empty separator");
        }

        var parts = text.Split(separator);
        return parts.Length > Limits.MaxCollection ? new VUnknown("list too large") : new VList([.. parts.Select(VSet.Of)]);
    }

    /// <summary>
    /// <c>replace</c>; a value known after apply may be the replacement: in JSON text (a policy with the bucket ARN put in) the result
    /// is the text with the placeholder, as <c>jsonencode</c> gives; elsewhere it stays unknown.
    /// </summary>
    private static VSet ReplaceWithPlaceholders(V[] values)
    {
        var texts = new string[3];
        VUnknown? placeholder = null;
        for (var i = 0; i < 3; i++)
        {
            switch (values[i])
            {
                case VError:
                    return VSet.Of(values[i]);
                case VUnknown { Placeholder: { } text } unknown when i == 2:
                    texts[i] = text;
                    placeholder ??= unknown;
                    break;
                case VUnknown:
                    return VSet.Of(Derived(values[i]));
                default:
                    if (Values.AsText(values[i]) is not { } s)
                    {
                        return VSet.Error("replace needs strings");
                    }

                    texts[i] = s;
                    break;
            }
        }

        var result = Replace(texts[0], texts[1], texts[2]);
        if (placeholder is null || result is not VString replaced || !texts[0].Contains(texts[1], StringComparison.Ordinal))
        {
            return VSet.Of(result);
        }

        return texts[0].TrimStart().StartsWith('{') || texts[0].TrimStart().StartsWith('[')
            ? VSet.Of(replaced, new Prov(ValueSource.Literal, "known after apply, shown as ${…}: " + (placeholder.Reference ?? placeholder.Placeholder)))
            : VSet.Of(new VUnknown(placeholder.Reason, null, replaced.Value));
    }

    private static V Replace(string text, string search, string replacement)
    {
        if (search.Length > 1 && search.StartsWith('/') && search.EndsWith('/'))
        {
            var pattern = search[1..^1];
            try
            {
                var regex = new Regex(pattern, RegexOptions.CultureInvariant, RegexTimeout);
                return Sized(regex.Replace(text, replacement));
            }
            catch (ArgumentException)
            {
                return new VUnknown($"regular expression {search} is not supported");
            }
        }

        return search.Length == 0 ? new VString(text) : Sized(text.Replace(search, replacement, StringComparison.Ordinal));
    }

    private static string DirectoryName(string path)
    {
        var trimmed = path.TrimEnd('/');
        var at = trimmed.LastIndexOf('/');
        return at < 0 ? "." : at == 0 ? "/" : trimmed[..at];
    }

    private static V Base64Decode(string text)
    {
        try
        {
            var bytes = Convert.FromBase64String(text);
            return new VString(new UTF8Encoding(false, true).GetString(bytes));
        }
        catch (FormatException)
        {
            return new VError("base64decode: invalid base64");
        }
        catch (DecoderFallbackException)
        {
            return new VError("base64decode: the result is not UTF-8");
        }
    }

    /// <summary><c>regex</c> and <c>regexall</c>: RE2 patterns run by .NET, which reads the RE2 subset the same way (named groups rewritten).</summary>
    private static V RegexMatches(string pattern, string text, bool all)
    {
        Regex regex;
        try
        {
            regex = new Regex(pattern.Replace("(?P<", "(?<", StringComparison.Ordinal), RegexOptions.CultureInvariant, RegexTimeout);
        }
        catch (ArgumentException)
        {
            return new VUnknown($"regular expression {pattern} is not supported");
        }

        var names = regex.GetGroupNames().Where(n => !int.TryParse(n, out _)).ToArray();
        var numbered = regex.GetGroupNumbers().Length - 1;
        V Result(Match match)
        {
            if (names.Length > 0)
            {
                return new VMap(names.ToDictionary(n => n, n => match.Groups[n].Success ? VSet.Of(match.Groups[n].Value) : VSet.Null, StringComparer.Ordinal));
            }

            return numbered == 0
                ? new VString(match.Value)
                : new VList([.. Enumerable.Range(1, numbered).Select(i => match.Groups[i].Success ? VSet.Of(match.Groups[i].Value) : VSet.Null)]);
        }

        if (!all)
        {
            var match = regex.Match(text);
            return match.Success ? Result(match) : new VError("regex: the pattern does not match");
        }

        var matches = regex.Matches(text).Take(Limits.MaxCollection).Select(m => VSet.Of(Result(m))).ToArray();
        return new VList(matches);
    }

    private static V Sized(string text) => text.Length > Limits.MaxString ? new VUnknown("string too large") : new VString(text);

    private static string Title(string text)
    {
        var builder = new StringBuilder(text.Length);
        var start = true;
        foreach (var c in text)
        {
            builder.Append(start && char.IsLetter(c) ? char.ToUpperInvariant(c) : c);
            start = !char.IsLetter(c) && !char.IsDigit(c);
        }

        return builder.ToString();
    }

    private static V Substring(V[] values)
    {
        if (Values.AsText(values[0]) is not { } text || Values.AsNumber(values[1]) is not { } offset || Values.AsNumber(values[2]) is not { } length)
        {
            return new VError("substr needs a string and two numbers");
        }

        var elements = new List<string>();
        var enumerator = StringInfo.GetTextElementEnumerator(text);
        while (enumerator.MoveNext())
        {
            elements.Add(enumerator.GetTextElement());
        }

        var start = offset < 0 ? elements.Count + offset : offset;
        if (start < 0 || start > elements.Count)
        {
            return new VError("substr: offset out of range");
        }

        var count = length < 0 ? elements.Count - start : Math.Min(length, elements.Count - start);
        return new VString(string.Concat(elements.Skip((int)start).Take((int)count)));
    }

    private static V Range(V[] values)
    {
        if (Numbers(values) is not { } n)
        {
            return new VError("range needs numbers");
        }

        var (start, limit, step) = n.Length switch
        {
            1 => (0m, n[0], 1m),
            2 => (n[0], n[1], n[0] <= n[1] ? 1m : -1m),
            _ => (n[0], n[1], n[2]),
        };
        if (step == 0 || (step > 0 && start > limit) || (step < 0 && start < limit))
        {
            return step == 0 ? new VError("range: step must not be zero") : VList.Empty;
        }

        var items = new List<VSet>();
        for (var x = start; step > 0 ? x < limit : x > limit; x += step)
        {
            if (items.Count >= 1024)
            {
                return new VError("range: more than 1024 elements");
            }

            items.Add(VSet.Of(new VNumber(x)));
        }

        return new VList(items);
    }

    private static V Slice(V[] values)
    {
        if (values[0] is not VList list || Values.AsNumber(values[1]) is not { } start || Values.AsNumber(values[2]) is not { } end)
        {
            return new VError("slice needs a list and two numbers");
        }

        if (start < 0 || end > list.Items.Count || start > end)
        {
            return new VError("slice: index out of range");
        }

        return new VList([.. list.Items.Skip((int)start).Take((int)(end - start))]);
    }

    private static V Sort(V[] values)
    {
        var (items, failure) = ListItems(values[0], "sort");
        if (failure is not null)
        {
            return failure;
        }

        var texts = new List<string>();
        foreach (var item in items!)
        {
            if (Values.AsText(item) is not { } text)
            {
                return new VError("sort needs strings");
            }

            texts.Add(text);
        }

        texts.Sort(string.CompareOrdinal);
        return new VList([.. texts.Select(VSet.Of)]);
    }

    private static V AllAny(V value, bool all)
    {
        var (items, failure) = ListItems(value, all ? "alltrue" : "anytrue");
        if (failure is not null)
        {
            return failure;
        }

        foreach (var item in items!)
        {
            if (Values.AsBool(item) is not { } b)
            {
                return new VError("alltrue and anytrue need bools");
            }

            if (b != all)
            {
                return VBool.Of(!all);
            }
        }

        return VBool.Of(all);
    }

    private static V ChunkList(V[] values)
    {
        if (values[0] is not VList list || Values.AsNumber(values[1]) is not { } size || size < 0)
        {
            return new VError("chunklist needs a list and a size");
        }

        if (size == 0)
        {
            return new VList([VSet.Of(list)]);
        }

        var chunks = list.Items.Chunk((int)Math.Min(size, int.MaxValue)).Select(c => VSet.Of(new VList(c))).ToArray();
        return new VList(chunks);
    }

    private static V SetOperation(V[] values, int operation)
    {
        var sets = new List<List<V>>();
        foreach (var value in values)
        {
            var (items, failure) = ListItems(value, "set functions");
            if (failure is not null)
            {
                return failure;
            }

            sets.Add(items!);
        }

        IEnumerable<V> result = operation switch
        {
            0 => sets.SelectMany(s => s),
            1 => sets[0].Where(v => sets.Skip(1).All(s => s.Exists(x => Values.DeepEquals(x, v)))),
            _ => sets[0].Where(v => !sets[1].Exists(x => Values.DeepEquals(x, v))),
        };
        return Distinct(new VList([.. result.Select(VSet.Of)]), true);
    }

    private static V FormatList(V[] values)
    {
        var length = -1;
        foreach (var value in values[1..])
        {
            if (value is VList list)
            {
                if (length >= 0 && list.Items.Count != length)
                {
                    return new VError("formatlist needs lists of the same length");
                }

                length = list.Items.Count;
            }
        }

        if (length < 0)
        {
            return new VList([VSet.Of(Format(values))]);
        }

        var items = new List<VSet>();
        for (var i = 0; i < length; i++)
        {
            var row = values.Select((v, j) => j > 0 && v is VList l ? l.Items[i].Alts[0].Value : v).ToArray();
            var formatted = Format(row);
            if (formatted is VError or VUnknown)
            {
                return formatted;
            }

            items.Add(VSet.Of(formatted));
        }

        return new VList(items);
    }

    /// <summary>Terraform's <c>format</c>: the verbs <c>%s %d %v %q %t %f %e %g %x %X %o %b %%</c> with flags, width and precision.</summary>
    private static V Format(V[] values)
    {
        if (Values.AsText(values[0]) is not { } spec)
        {
            return new VError("format needs a string");
        }

        var output = new StringBuilder();
        var next = 1;
        for (var i = 0; i < spec.Length; i++)
        {
            var c = spec[i];
            if (c != '%')
            {
                output.Append(c);
                continue;
            }

            if (++i >= spec.Length)
            {
                return new VError("format: a verb is missing at the end");
            }

            if (spec[i] == '%')
            {
                output.Append('%');
                continue;
            }

            var flags = "";
            while (i < spec.Length && "+-# 0".Contains(spec[i], StringComparison.Ordinal))
            {
                flags += spec[i++];
            }

            if (i < spec.Length && spec[i] == '[')
            {
                var close = spec.IndexOf(']', i);
                if (close < 0 || !int.TryParse(spec.AsSpan(i + 1, close - i - 1), NumberStyles.None, CultureInfo.InvariantCulture, out var explicitIndex))
                {
                    return new VError("format: invalid argument index");
                }

                next = explicitIndex;
                i = close + 1;
            }

            var width = ReadInt(spec, ref i);
            int? precision = null;
            if (i < spec.Length && spec[i] == '.')
            {
                i++;
                precision = ReadInt(spec, ref i) ?? 0;
            }

            if (i >= spec.Length)
            {
                return new VError("format: a verb is missing at the end");
            }

            var verb = spec[i];
            if (next >= values.Length)
            {
                return new VError("format: not enough arguments");
            }

            var argument = values[next++];
            if (argument is VUnknown or VError)
            {
                return Derived(argument);
            }

            var text = FormatVerb(verb, flags, precision, argument);
            if (text is null)
            {
                return new VError($"format: %{verb} cannot format a {Values.TypeName(argument)}");
            }

            if (width is { } w && text.Length < w)
            {
                text = flags.Contains('-', StringComparison.Ordinal)
                    ? text.PadRight(w)
                    : flags.Contains('0', StringComparison.Ordinal) && verb is 'd' or 'f' or 'e' or 'g'
                        ? (text.StartsWith('-') ? "-" + text[1..].PadLeft(w - 1, '0') : text.PadLeft(w, '0'))
                        : text.PadLeft(w);
            }

            output.Append(text);
            if (output.Length > Limits.MaxString)
            {
                return new VUnknown("string too large");
            }
        }

        return new VString(output.ToString());
    }

    private static int? ReadInt(string text, ref int i)
    {
        var start = i;
        while (i < text.Length && char.IsAsciiDigit(text[i]))
        {
            i++;
        }

        return i > start && int.TryParse(text.AsSpan(start, Math.Min(i - start, 6)), NumberStyles.None, CultureInfo.InvariantCulture, out var n) ? n : null;
    }

    private static string? FormatVerb(char verb, string flags, int? precision, V argument)
    {
        var plus = flags.Contains('+', StringComparison.Ordinal);
        switch (verb)
        {
            case 's':
                {
                    var text = Values.AsText(argument);
                    return text is not null && precision is { } p && p < text.Length ? text[..p] : text;
                }

            case 'v':
                if (argument is VList or VMap or VNull)
                {
                    return JsonValues.Encode(argument, out _) is VString json ? json.Value : null;
                }

                return Values.AsText(argument);
            case 'q':
                return Values.AsText(argument) is { } quoted ? JsonValues.Encode(new VString(quoted), out _) is VString q ? q.Value : null : null;
            case 't':
                return Values.AsBool(argument) is { } b ? (b ? "true" : "false") : null;
            case 'd':
                return Values.AsNumber(argument) is { } d && d == decimal.Truncate(d)
                    ? (plus && d >= 0 ? "+" : "") + d.ToString("0", CultureInfo.InvariantCulture)
                    : null;
            case 'f':
            case 'F':
                return Values.AsNumber(argument) is { } f
                    ? (plus && f >= 0 ? "+" : "") + f.ToString("F" + (precision ?? 6).ToString(CultureInfo.InvariantCulture), CultureInfo.InvariantCulture)
                    : null;
            case 'e':
            case 'E':
                return Values.AsNumber(argument) is { } e
                    ? ((double)e).ToString((verb == 'e' ? "e" : "E") + (precision ?? 6).ToString(CultureInfo.InvariantCulture), CultureInfo.InvariantCulture)
                        .Replace("e+0", "e+", StringComparison.Ordinal).Replace("E+0", "E+", StringComparison.Ordinal)
                    : null;
            case 'g':
            case 'G':
                return Values.AsNumber(argument) is { } g ? Values.NumberText(g) : null;
            case 'x':
            case 'X':
            case 'o':
            case 'b':
                if (Values.AsNumber(argument) is { } n && n == decimal.Truncate(n) && n >= long.MinValue && n <= long.MaxValue)
                {
                    var whole = (long)n;
                    var digits = verb switch
                    {
                        'x' => Math.Abs(whole).ToString("x", CultureInfo.InvariantCulture),
                        'X' => Math.Abs(whole).ToString("X", CultureInfo.InvariantCulture),
                        'o' => Convert.ToString(Math.Abs(whole), 8),
                        _ => Convert.ToString(Math.Abs(whole), 2),
                    };
                    return (whole < 0 ? "-" : "") + digits;
                }

                if (verb is 'x' or 'X' && Values.AsText(argument) is { } hex && argument is VString)
                {
                    var bytes = Convert.ToHexString(Encoding.UTF8.GetBytes(hex));
                    return verb == 'x' ? bytes.ToLowerInvariant() : bytes;
                }

                return null;
            default:
                return null;
        }
    }
}
