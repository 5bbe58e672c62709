using System.Globalization;
using Attest.Evidence.CloudFormation;
using Attest.Evidence.Model;

namespace Attest.Evidence.Tests.CloudFormation;

/// <summary>Helpers to read small templates and show resolved values compactly in assertions.</summary>
internal static class Cfn
{
    public static CloudFormationTemplate Parse(string text, string file = "t.yaml")
    {
        var template = CloudFormationTemplate.Parse(text, file);
        return template;
    }

    /// <summary>The resource <paramref name="id"/> of a template that must read without problems.</summary>
    public static CloudFormationResource Resource(string text, string id = "R", string file = "t.yaml")
    {
        var template = Parse(text, file);
        Assert.True(template.Problems.Count == 0, string.Join("\n", template.Problems));
        return template.Resource(id) ?? throw new InvalidOperationException($"no resource {id}");
    }

    /// <summary>Each possible value rendered: text as is, lists as [a, b], mappings as {k: v}, unknowns as ?why, absent as (absent).</summary>
    public static string[] Shown(ValueSet set) => [.. set.Values.Select(v => Show(v.Value))];

    /// <summary>Each possible value with its source and how: <c>value | Source | how</c>.</summary>
    public static string[] Explained(ValueSet set) => [.. set.Values.Select(v => $"{Show(v.Value)} | {v.Source}" + (v.How is null ? "" : " | " + v.How))];

    public static string Show(object? value) => value switch
    {
        null => "(absent)",
        string s => s,
        bool b => b ? "true" : "false",
        decimal d => d.ToString(CultureInfo.InvariantCulture),
        UnknownValue u => "?" + u.Why,
        IReadOnlyList<object?> list => "[" + string.Join(", ", list.Select(Show)) + "]",
        IReadOnlyDictionary<string, object?> map => "{" + string.Join(", ", map.Select(e => $"{e.Key}: {Show(e.Value)}")) + "}",
        _ => "<" + value.GetType().Name + ">",
    };

    /// <summary>A YAML template with one resource R of a test type whose properties are <paramref name="properties"/> (indented by the caller at 6 spaces).</summary>
    public static string WithProperties(string properties, string sections = "") =>
        sections + "\nResources:\n  R:\n    Type: AWS::Test::Thing\n    Properties:\n" + properties + "\n";
}
