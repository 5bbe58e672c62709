using System.Globalization;
using System.Text;
using System.Text.Json;
using Attest.Evidence.Rules.Table;

namespace Attest.Evidence.Tests.Rules.Table;

/// <summary>
/// Writes, from a table row, a small real CloudFormation template or Terraform module per resource type: one where the
/// setting is good, and one per group where that group's setting is bad (the rest good). The readers then read them as
/// they read any file, so the row's paths are checked against the frameworks' real shapes (blocks, lists, references).
/// </summary>
internal static class RowCases
{
    public sealed record Case(string Row, string Framework, string Type, string Resource, bool Good, string Text, string Name);

    /// <summary>Every generated case of <paramref name="row"/>.</summary>
    public static IEnumerable<Case> Of(RuleRow row)
    {
        foreach (var type in row.Targets.Select(t => t.Type).Distinct(StringComparer.Ordinal))
        {
            var targets = row.Targets.Where(t => t.Type == type).ToList();
            // The first target of each group (an alternative is not needed when the first passes)
            var groups = targets.Where(t => !t.Or).ToList();
            var alternatives = targets.Select((t, i) => (t, i)).Where(p => p.t.Or)
                .Select(p => (Group: targets.Take(p.i).Count(t => !t.Or) - 1, Target: p.t)).ToList();
            var cfn = targets[0].Framework == "cloudformation";
            yield return Build(row, type, groups, bad: null, cfn, []);
            for (var i = 0; i < groups.Count; i++)
            {
                // A bad case makes the group's alternatives bad too; one that only absence could make bad, yet passes when absent, leaves no bad case
                var others = alternatives.Where(a => a.Group == i).Select(a => a.Target).ToList();
                if ((Bad(groups[i].Good) is not null || groups[i].Via is not null) && others.All(o => Bad(o.Good) is not null || !o.Good.WhenAbsent))
                {
                    yield return Build(row, type, groups, bad: i, cfn, others);
                }
            }
        }
    }

    private static Case Build(RuleRow row, string type, List<RowTarget> groups, int? bad, bool cfn, List<RowTarget> badAlternatives)
    {
        var properties = new Dictionary<string, object?>(StringComparer.Ordinal);
        var carriers = new List<(string Type, Dictionary<string, object?> Properties)>();
        foreach (var condition in groups[0].When)
        {
            // A condition met by leaving the value out is left out
            if (condition.Is.Judge(Model.ValueSet.Absent).Outcome != Core.Findings.FindingOutcome.Pass && Good(condition.Is) is { } value)
            {
                Put(properties, condition.Path.Split('.'), value);
            }
        }

        // The bad value goes last, so that a good value written deeper under the same path does not hide it
        foreach (var i in Enumerable.Range(0, groups.Count).OrderBy(i => i == bad))
        {
            var target = groups[i];
            var value = i == bad ? Bad(target.Good) : Good(target.Good);
            if (target.Via is { } via)
            {
                if (i == bad && (target.Good.Kind == ExpectationKind.Exists || value is null))
                {
                    continue;
                }

                var carrier = new Dictionary<string, object?>(StringComparer.Ordinal);
                Put(carrier, target.ViaReference.Split('.'), new Reference(cfn ? "Subject" : $"{type}.subject"));
                if (target.Path.Length > 0 && value is not null)
                {
                    Put(carrier, target.Segments, value);
                }

                carriers.Add((via, carrier));
            }
            else if (value is not null)
            {
                Put(properties, target.Segments, value);
            }
        }

        foreach (var alternative in badAlternatives.Where(a => a.Via is null))
        {
            if (Bad(alternative.Good) is { } value)
            {
                Put(properties, alternative.Segments, value);
            }
        }

        var name = bad is null ? "good" : $"bad #{bad + 1} ({groups[bad.Value].Path})";
        return cfn
            ? new Case(row.Id, "cloudformation", type, "Subject", bad is null, Json(type, properties, carriers), name)
            : new Case(row.Id, "terraform", type, $"{type}.subject", bad is null, Hcl(type, properties, carriers), name);
    }

    private static readonly JsonSerializerOptions Indented = new() { WriteIndented = true };

    private sealed record Reference(string Target);

    /// <summary>A good value for <paramref name="e"/>, or null when leaving it out is good.</summary>
    public static object? Good(Expectation e) => e.Kind switch
    {
        ExpectationKind.True => true,
        ExpectationKind.False => false,
        ExpectationKind.Set => "arn:aws:kms:eu-west-3:111122223333:key/1234abcd-12ab-34cd-56ef-1234567890ab",
        ExpectationKind.Unset => null,
        ExpectationKind.OneOf => e.Values[0],
        ExpectationKind.NoneOf => "arn:aws:kms:eu-west-3:111122223333:key/1234abcd-12ab-34cd-56ef-1234567890ab",
        ExpectationKind.AtLeast => e.Minimum + 7,
        ExpectationKind.Entry => new List<object?> { new Dictionary<string, object?> { [e.KeyField] = e.Key, [e.ValueField] = e.Values[0] } },
        ExpectationKind.NotWholeInternet => "10.0.0.0/16",
        ExpectationKind.Contains => new List<object?> { e.Values[0] },
        _ => null,
    };

    /// <summary>A bad value for <paramref name="e"/>, or null when only leaving it out is bad (then it is left out).</summary>
    public static object? Bad(Expectation e) => e.Kind switch
    {
        ExpectationKind.True => false,
        ExpectationKind.False => true,
        ExpectationKind.Set => e.WhenAbsent ? null : "",
        ExpectationKind.Unset => "eu-west-3a",
        ExpectationKind.OneOf => "NOT-" + e.Values[0],
        ExpectationKind.NoneOf => e.Values[0],
        ExpectationKind.AtLeast => e.Minimum - 1,
        ExpectationKind.Entry => new List<object?> { new Dictionary<string, object?> { [e.KeyField] = e.Key, [e.ValueField] = "false" } },
        ExpectationKind.NotWholeInternet => "0.0.0.0/0",
        ExpectationKind.Contains => new List<object?> { "not-" + e.Values[0] },
        _ => null,
    };

    // Puts a value at a dotted path: "*" makes a one-element list (of objects when more follows)
    private static void Put(Dictionary<string, object?> node, string[] path, object value)
    {
        var key = path[0];
        var rest = path.AsSpan(1);
        if (rest.Length == 0)
        {
            node[key] = value;
            return;
        }

        if (rest[0] == "*")
        {
            if (rest.Length == 1)
            {
                node[key] = new List<object?> { value };
                return;
            }

            if (node.GetValueOrDefault(key) is not List<object?> { Count: > 0 } list || list[0] is not Dictionary<string, object?>)
            {
                list = [new Dictionary<string, object?>(StringComparer.Ordinal)];
                node[key] = list;
            }

            Put((Dictionary<string, object?>)list[0]!, rest[1..].ToArray(), value);
            return;
        }

        if (node.GetValueOrDefault(key) is not Dictionary<string, object?> child)
        {
            child = new Dictionary<string, object?>(StringComparer.Ordinal);
            node[key] = child;
        }

        Put(child, rest.ToArray(), value);
    }

    private static string Json(string type, Dictionary<string, object?> properties, List<(string Type, Dictionary<string, object?> Properties)> carriers)
    {
        var resources = new Dictionary<string, object?> { ["Subject"] = new Dictionary<string, object?> { ["Type"] = type, ["Properties"] = Cfn(properties) } };
        for (var i = 0; i < carriers.Count; i++)
        {
            resources[$"Carrier{i}"] = new Dictionary<string, object?> { ["Type"] = carriers[i].Type, ["Properties"] = Cfn(carriers[i].Properties) };
        }

        return JsonSerializer.Serialize(new Dictionary<string, object?> { ["AWSTemplateFormatVersion"] = "2010-09-09", ["Resources"] = resources }, Indented);
    }

    private static object? Cfn(object? value) => value switch
    {
        Reference r => new Dictionary<string, object?> { ["Ref"] = r.Target },
        Dictionary<string, object?> map => map.ToDictionary(p => p.Key, p => Cfn(p.Value)),
        List<object?> list => list.Select(Cfn).ToList(),
        _ => value,
    };

    private static string Hcl(string type, Dictionary<string, object?> properties, List<(string Type, Dictionary<string, object?> Properties)> carriers)
    {
        var text = new StringBuilder();
        Block(text, $"resource \"{type}\" \"subject\"", properties, 0);
        for (var i = 0; i < carriers.Count; i++)
        {
            text.AppendLine();
            Block(text, $"resource \"{carriers[i].Type}\" \"carrier{i}\"", carriers[i].Properties, 0);
        }

        return text.ToString();
    }

    private static void Block(StringBuilder text, string header, Dictionary<string, object?> body, int depth)
    {
        var indent = new string(' ', depth * 2);
        text.Append(indent).Append(header).AppendLine(" {");
        foreach (var (key, value) in body)
        {
            switch (value)
            {
                case List<object?> list when list.All(i => i is Dictionary<string, object?>):
                    foreach (var item in list)
                    {
                        Block(text, key, (Dictionary<string, object?>)item!, depth + 1);
                    }

                    break;
                case Dictionary<string, object?> map:
                    Block(text, key, map, depth + 1);
                    break;
                default:
                    text.Append(indent).Append("  ").Append(key).Append(" = ").AppendLine(Literal(value));
                    break;
            }
        }

        text.Append(indent).AppendLine("}");
    }

    private static string Literal(object? value) => value switch
    {
        Reference r => r.Target + ".id",
        bool b => b ? "true" : "false",
        decimal d => d.ToString(CultureInfo.InvariantCulture),
        string s => JsonSerializer.Serialize(s),
        List<object?> list => "[" + string.Join(", ", list.Select(Literal)) + "]",
        _ => "null",
    };
}
