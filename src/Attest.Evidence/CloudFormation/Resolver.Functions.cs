using System.Globalization;
using System.Net;
using System.Net.Sockets;
using Attest.Core.Documents;
using Attest.Evidence.Model;

namespace Attest.Evidence.CloudFormation;

/// <summary>The intrinsic functions: <c>Ref</c>, <c>Fn::Sub</c>, <c>Fn::Join</c>, <c>Fn::FindInMap</c>, <c>Fn::Cidr</c>…</summary>
internal sealed partial class Resolver
{
    private List<Alternative> Call(string name, DocumentNode argument, Provenance prov, int depth) => name switch
    {
        "Ref" => Texts(argument, prov, depth, (n, p) => Reference(n, p)),
        "Fn::GetAtt" => GetAtt(argument, prov, depth),
        "Fn::Sub" => Sub(argument, prov, depth),
        "Fn::Join" => Join(argument, prov, depth),
        "Fn::Select" => Select(argument, prov, depth),
        "Fn::Split" => Split(argument, prov, depth),
        "Fn::FindInMap" => FindInMap(argument, prov, depth),
        "Fn::If" => If(argument, prov),
        "Fn::Base64" => Deep(argument, prov, depth),
        "Fn::ImportValue" => [.. Deep(argument, prov, depth).Select(a => a with
        {
            Value = new UnknownValue(Values.Text(a.Value) is { } n ? $"the value another stack exports as '{n}'" : "a value another stack exports"),
        })],
        "Fn::GetAZs" => [.. Deep(argument, prov, depth).Select(a => a with
        {
            Value = new UnknownValue(Values.Text(a.Value) is { Length: > 0 } region ? $"the availability zones of {region}" : "the availability zones of the stack's region"),
        })],
        "Fn::Cidr" => Cidr(argument, prov, depth),
        "Fn::Length" => Length(argument, prov, depth),
        "Fn::ToJsonString" => [.. Deep(argument, prov, depth).Select(a => Values.Json(a.Value) is { } json ? a with { Value = json } : a with { Value = Unknown(a.Value, "the JSON text of a value") })],
        "Fn::Transform" => [new(new UnknownValue($"the output of the macro {MacroName(argument)}"), prov)],
        "Fn::Equals" or "Fn::And" or "Fn::Or" or "Fn::Not" => ConditionExpression(new MappingNode(argument.Position, [new(new ScalarNode(argument.Position, name, true), argument)], 1), prov, depth),
        _ when name.StartsWith("Rain::", StringComparison.Ordinal) => [new(new UnknownValue($"the Rain directive {name}, expanded only by `rain pkg`"), prov)],
        _ => [new(new UnknownValue($"{name} is not a CloudFormation function"), prov)],
    };

    private static string MacroName(DocumentNode argument) =>
        argument is MappingNode mapping && mapping.Entries.FirstOrDefault(e => e.Key.Value == "Name").Value is ScalarNode name ? name.Value : "named in Fn::Transform";

    private static UnknownValue Unknown(object? from, string what) =>
        from is UnknownValue u ? u : new UnknownValue($"{what} cannot be computed");

    /// <summary>Resolves <paramref name="argument"/> to text alternatives and continues with each; non-text alternatives become unknowns.</summary>
    private List<Alternative> Texts(DocumentNode argument, Provenance prov, int depth, Func<string, Provenance, List<Alternative>> then)
    {
        var output = new List<Alternative>();
        foreach (var alt in Deep(argument, prov, depth))
        {
            if (Values.Text(alt.Value) is { } text)
            {
                output.AddRange(then(text, alt.Provenance));
            }
            else
            {
                output.Add(alt with { Value = Unknown(alt.Value, "a name") });
            }
        }

        return output;
    }

    private List<Alternative> Reference(string name, Provenance prov)
    {
        switch (name)
        {
            case "AWS::NoValue":
                return [new(null, prov)];
            case "AWS::Partition":
                return [new("aws", prov.With(ValueSource.Default, "AWS::Partition taken as 'aws'"))];
            case "AWS::URLSuffix":
                return [new("amazonaws.com", prov.With(ValueSource.Default, "AWS::URLSuffix taken as 'amazonaws.com'"))];
        }

        if (Intrinsic.PseudoParameters.Contains(name))
        {
            return [new(new UnknownValue($"the pseudo parameter {name}, known only at deployment"), prov)];
        }

        if (parameters.TryGetValue(name, out var parameter))
        {
            return Parameter(parameter, prov);
        }

        if (resources.Contains(name))
        {
            return [new(new UnknownValue($"the physical id of resource {name}"), prov)];
        }

        return [new(new UnknownValue($"{name}, which the template does not declare"), prov)];
    }

    private static List<Alternative> Parameter(CloudFormationParameter parameter, Provenance prov)
    {
        var key = "P:" + parameter.Name;
        if (parameter.IsFromSsm)
        {
            var what = parameter.Default is null ? "" : $" '{parameter.Default}'";
            return [new(new UnknownValue($"parameter {parameter.Name}, read from the SSM parameter{what} at deployment"), prov)];
        }

        if (parameter.AllowedValues.Count > 0 && !parameter.IsList)
        {
            var output = new List<Alternative>();
            foreach (var allowed in parameter.AllowedValues)
            {
                if (!prov.Contradicts(key, allowed))
                {
                    var note = allowed == parameter.Default ? " (its default)" : "";
                    output.Add(new(parameter.Typed(allowed), prov.With(ValueSource.AllowedValue, $"parameter {parameter.Name} allowed value '{allowed}'{note}", key, allowed)));
                }
            }

            return output;
        }

        if (parameter.Default is { } value)
        {
            return prov.Contradicts(key, value) ? [] : [new(parameter.Typed(value), prov.With(ValueSource.Default, $"parameter {parameter.Name} default '{value}'", key, value))];
        }

        return [new(new UnknownValue($"parameter {parameter.Name} has no default"), prov)];
    }

    private List<Alternative> GetAtt(DocumentNode argument, Provenance prov, int depth)
    {
        var output = new List<Alternative>();
        foreach (var alt in Deep(argument, prov, depth))
        {
            var parts = alt.Value switch
            {
                string s when s.IndexOf('.', StringComparison.Ordinal) > 0 => s.Split('.', 2),
                IReadOnlyList<object?> list => list.Select(Values.Text).ToArray(),
                _ => null,
            };
            var what = parts is [{ } resource, { } attribute] ? $"attribute {attribute} of resource {resource}, known after deployment" : "an attribute known after deployment";
            output.Add(alt with { Value = new UnknownValue(what) });
        }

        return output;
    }

    private List<Alternative> Sub(DocumentNode argument, Provenance prov, int depth)
    {
        var args = Intrinsic.Arguments(argument);
        var template = args.Count > 0 ? args[0] : argument;
        var variables = args.Count > 1 ? args[1] as MappingNode : null;
        var output = new List<Alternative>();
        foreach (var text in Deep(template, prov, depth))
        {
            if (text.Value is not string source)
            {
                output.Add(text with { Value = Unknown(text.Value, "the text of Fn::Sub") });
                continue;
            }

            var parts = new List<List<Alternative>>();
            foreach (var (part, isVariable) in Intrinsic.SubParts(source))
            {
                parts.Add(isVariable ? Variable(part, variables, text.Provenance, depth) : [new(part, Provenance.Literal)]);
            }

            output.AddRange(Concatenate(parts, text.Provenance, "", source));
        }

        return output;
    }

    private List<Alternative> Variable(string name, MappingNode? variables, Provenance prov, int depth)
    {
        if (variables is not null && Lookup(variables, name) is { } value)
        {
            return Deep(value, prov, depth);
        }

        var dot = name.IndexOf('.', StringComparison.Ordinal);
        if (dot > 0)
        {
            return [new(new UnknownValue($"attribute {name[(dot + 1)..]} of resource {name[..dot]}, known after deployment"), prov)];
        }

        return Reference(name, prov);
    }

    /// <summary>Joins text alternatives part by part; an unknown part makes the whole unknown, saying where.</summary>
    private static List<Alternative> Concatenate(List<List<Alternative>> parts, Provenance prov, string separator, string? template)
    {
        var output = new List<Alternative>();
        foreach (var (values, p) in Product(parts, prov))
        {
            var unknown = values.OfType<UnknownValue>().FirstOrDefault();
            var nonText = values.FirstOrDefault(v => v is not null and not UnknownValue && Values.Text(v) is null);
            if (unknown is not null || nonText is not null)
            {
                var why = unknown?.Why ?? "a list or mapping where text is expected";
                var where = template is null ? "" : $" in '{Shorten(template)}'";
                output.Add(new(new UnknownValue(why + where), p));
                continue;
            }

            output.Add(new(string.Join(separator, values.Where(v => v is not null).Select(Values.Text)), p));
        }

        return Bound(output, null);
    }

    private static string Shorten(string text)
    {
        var line = text.ReplaceLineEndings(" ");
        return line.Length > 60 ? line[..57] + "..." : line;
    }

    private List<Alternative> Join(DocumentNode argument, Provenance prov, int depth)
    {
        var args = Intrinsic.Arguments(argument);
        if (args.Count != 2)
        {
            return [new(new UnknownValue("Fn::Join needs a separator and a list"), prov)];
        }

        var output = new List<Alternative>();
        foreach (var separator in Deep(args[0], prov, depth))
        {
            foreach (var list in Shallow(args[1], separator.Provenance, depth))
            {
                if (Values.Text(separator.Value) is not { } sep || !IsList(list.Value))
                {
                    output.Add(list with { Value = new UnknownValue("a join of " + Describe(list.Value is UnknownValue ? list.Value : separator.Value)) });
                    continue;
                }

                var parts = Items(list.Value).Select(i => Deep(i, list.Provenance, depth)).ToList();
                output.AddRange(Concatenate(parts, list.Provenance, sep, null));
            }
        }

        return output;
    }

    private static string Describe(object? value) => value is UnknownValue u ? u.Why : "a value that is not a list";

    private static bool IsList(object? value) => value is SequenceNode or IReadOnlyList<object?>;

    private static IReadOnlyList<object?> Items(object? value) => value switch
    {
        SequenceNode sequence => [.. sequence.Items],
        IReadOnlyList<object?> list => list,
        _ => [],
    };

    private List<Alternative> Select(DocumentNode argument, Provenance prov, int depth)
    {
        var args = Intrinsic.Arguments(argument);
        if (args.Count != 2)
        {
            return [new(new UnknownValue("Fn::Select needs an index and a list"), prov)];
        }

        var output = new List<Alternative>();
        foreach (var index in Deep(args[0], prov, depth))
        {
            foreach (var list in Shallow(args[1], index.Provenance, depth))
            {
                var text = Values.Text(index.Value);
                if (text is null || !int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var i))
                {
                    output.Add(list with { Value = new UnknownValue("an element chosen by " + Describe(index.Value)) });
                }
                else if (!IsList(list.Value))
                {
                    output.Add(list with { Value = new UnknownValue($"element {i} of " + Describe(list.Value)) });
                }
                else
                {
                    var items = Items(list.Value);
                    output.Add(i < items.Count ? list with { Value = items[i] } : list with { Value = new UnknownValue($"element {i} of a list of {items.Count}") });
                }
            }
        }

        return output;
    }

    private List<Alternative> Split(DocumentNode argument, Provenance prov, int depth)
    {
        var args = Intrinsic.Arguments(argument);
        if (args.Count != 2)
        {
            return [new(new UnknownValue("Fn::Split needs a separator and a text"), prov)];
        }

        var output = new List<Alternative>();
        foreach (var (values, p) in Product([Deep(args[0], prov, depth), Deep(args[1], prov, depth)], prov))
        {
            output.Add(Values.Text(values[0]) is { Length: > 0 } separator && Values.Text(values[1]) is { } source
                ? new(source.Split(separator).Select(s => (object?)s).ToArray(), p)
                : new(new UnknownValue("the parts of " + Describe(values[1] is UnknownValue ? values[1] : values[0])), p));
        }

        return output;
    }

    private List<Alternative> FindInMap(DocumentNode argument, Provenance prov, int depth)
    {
        var args = Intrinsic.Arguments(argument);
        if (args.Count < 3)
        {
            return [new(new UnknownValue("Fn::FindInMap needs a mapping and two keys"), prov)];
        }

        var fallback = args.Count > 3 && args[3] is MappingNode options ? Lookup(options, "DefaultValue") : null;
        var output = new List<Alternative>();
        foreach (var (keys, p) in Product([Deep(args[0], prov, depth), Deep(args[1], prov, depth), Deep(args[2], prov, depth)], prov))
        {
            if (Values.Text(keys[0]) is not { } mapName || !mappings.TryGetValue(mapName, out var node) || node is not MappingNode map)
            {
                output.Add(new(new UnknownValue("a value of " + (keys[0] is UnknownValue u ? u.Why : $"mapping {Values.Quote(keys[0])}, which the template does not declare")), p));
                continue;
            }

            output.AddRange(MappingLookup(mapName, map, keys[1], keys[2], fallback, p));
        }

        return output;
    }

    private static List<Alternative> MappingLookup(string mapName, MappingNode map, object? topKey, object? secondKey, DocumentNode? fallback, Provenance prov)
    {
        var top = Values.Text(topKey);
        var second = Values.Text(secondKey);
        if (top is not null && second is not null)
        {
            var found = Lookup(map, top) is MappingNode inner ? Lookup(inner, second) : null;
            return found is not null || fallback is not null
                ? [new(found ?? fallback, prov)]
                : [new(new UnknownValue($"mapping {mapName} has no entry {top}.{second}"), prov)];
        }

        if (topKey is not UnknownValue && secondKey is not UnknownValue)
        {
            return [new(new UnknownValue($"a value of mapping {mapName} looked up with a key that is not text"), prov)];
        }

        // A key known only at deployment (AWS::Region, most often): every entry it could select is an alternative
        var why = ((topKey as UnknownValue) ?? (UnknownValue)secondKey!).Why;
        var candidates = new List<(string Key, DocumentNode Value)>();
        foreach (var (outer, innerNode) in map.Entries)
        {
            if (top is not null && outer.Value != top || innerNode is not MappingNode inner)
            {
                continue;
            }

            foreach (var (k, v) in inner.Entries)
            {
                if (second is null || k.Value == second)
                {
                    candidates.Add(($"{outer.Value}.{k.Value}", v));
                }
            }
        }

        if (candidates.Count == 0)
        {
            return [new(new UnknownValue($"a value of mapping {mapName}, selected by {why}"), prov)];
        }

        var groups = candidates.GroupBy(c => c.Value is ScalarNode scalar ? "s:" + scalar.Value : "n:" + c.Key, StringComparer.Ordinal).ToList();
        if (groups.Count > MaxMappingEnumeration)
        {
            return [new(new UnknownValue($"one of {groups.Count} values of mapping {mapName}, selected by {why}"), prov.With(ValueSource.Branch, null))];
        }

        return [.. groups.Select(g =>
        {
            var keys = g.Select(c => c.Key).ToList();
            var listed = keys.Count <= 3 ? string.Join(", ", keys) : $"{string.Join(", ", keys.Take(3))} and {keys.Count - 3} more";
            return new Alternative(g.First().Value, prov.With(ValueSource.Branch, $"mapping {mapName} entry {listed}, as the key is {why}"));
        })];
    }

    private List<Alternative> Cidr(DocumentNode argument, Provenance prov, int depth)
    {
        var args = Intrinsic.Arguments(argument);
        if (args.Count != 3)
        {
            return [new(new UnknownValue("Fn::Cidr needs a block, a count and a size"), prov)];
        }

        var output = new List<Alternative>();
        foreach (var (values, p) in Product([Deep(args[0], prov, depth), Deep(args[1], prov, depth), Deep(args[2], prov, depth)], prov))
        {
            output.Add(new(ComputeCidr(Values.Text(values[0]), Values.Text(values[1]), Values.Text(values[2]))
                ?? (object)new UnknownValue("subnets of " + (values.OfType<UnknownValue>().FirstOrDefault()?.Why ?? "a block that cannot be divided as asked")), p));
        }

        return output;
    }

    /// <summary>The <paramref name="countText"/> consecutive subnets of <paramref name="block"/> with <paramref name="bitsText"/> host bits each, or null.</summary>
    internal static object?[]? ComputeCidr(string? block, string? countText, string? bitsText)
    {
        if (block?.Split('/') is not [var address, var prefixText]
            || !IPAddress.TryParse(address, out var ip)
            || !int.TryParse(prefixText, NumberStyles.None, CultureInfo.InvariantCulture, out var prefix)
            || !int.TryParse(countText, NumberStyles.None, CultureInfo.InvariantCulture, out var count)
            || !int.TryParse(bitsText, NumberStyles.None, CultureInfo.InvariantCulture, out var bits))
        {
            return null;
        }

        var width = ip.AddressFamily == AddressFamily.InterNetworkV6 ? 128 : 32;
        var newPrefix = width - bits;
        if (prefix > width || bits < 1 || newPrefix < prefix || count is < 1 or > 256 || (newPrefix - prefix < 9 && count > 1 << (newPrefix - prefix)))
        {
            return null;
        }

        var bytes = ip.GetAddressBytes();
        UInt128 value = 0;
        foreach (var b in bytes)
        {
            value = (value << 8) | b;
        }

        var hostMask = prefix == 0 ? UInt128.MaxValue : (UInt128.One << (width - prefix)) - 1;
        if (width == 32)
        {
            hostMask &= uint.MaxValue;
        }

        var network = value & ~hostMask;
        var result = new object?[count];
        for (var i = 0; i < count; i++)
        {
            var subnet = network + ((UInt128)(uint)i << bits);
            var raw = new byte[bytes.Length];
            for (var k = raw.Length - 1; k >= 0; k--)
            {
                raw[k] = (byte)(subnet & 0xFF);
                subnet >>= 8;
            }

            result[i] = new IPAddress(raw).ToString() + "/" + newPrefix.ToString(CultureInfo.InvariantCulture);
        }

        return result;
    }

    private List<Alternative> Length(DocumentNode argument, Provenance prov, int depth) =>
        [.. Shallow(argument, prov, depth).Select(a => IsList(a.Value)
            ? a with { Value = (decimal)Items(a.Value).Count }
            : a with { Value = new UnknownValue("the length of " + Describe(a.Value)) })];
}
