using Attest.Evidence.Model;
using Attest.Evidence.Terraform.Evaluation;

namespace Attest.Evidence.Tests.Terraform.Evaluation;

/// <summary>Shortcuts for evaluator tests: in-memory modules, resources by address, values as plain objects.</summary>
internal static class Tf
{
    public static IacDocument Read(string mainTf, IReadOnlyDictionary<string, string>? tfvars = null) =>
        TerraformReader.ReadModule(new Dictionary<string, string> { ["main.tf"] = mainTf }, "root", tfvars, _ => null);

    public static IacDocument Read(
        IReadOnlyDictionary<string, string> files,
        IReadOnlyDictionary<string, IReadOnlyDictionary<string, string>>? modules = null,
        IReadOnlyDictionary<string, string>? tfvars = null) =>
        TerraformReader.ReadModule(files, "root", tfvars, path => modules is not null && modules.TryGetValue(path, out var m) ? m : null);

    public static TerraformResource Resource(this IacDocument document, string address)
    {
        var found = document.Resources.FirstOrDefault(r => r.Address == address);
        Assert.True(found is not null, $"no resource {address}; found: {string.Join(", ", document.Resources.Select(r => r.Address))}");
        return Assert.IsType<TerraformResource>(found);
    }

    /// <summary>Evaluates <paramref name="expression"/> as the attribute v of a resource, with <paramref name="config"/> beside it.</summary>
    public static ValueSet Eval(string expression, string config = "")
    {
        var document = Read(config + "\nresource \"test\" \"r\" {\n  v = " + expression + "\n}\n");
        return document.Resource("test.r").ValuesAt("v");
    }

    /// <summary>The single value of an expression (asserting there is exactly one).</summary>
    public static object? Single(string expression, string config = "")
    {
        var set = Eval(expression, config);
        Assert.True(set.Values.Count == 1, $"{expression}: expected one value, got {Describe(set)}");
        return set.Values[0].Value;
    }

    public static string Describe(ValueSet set) => string.Join(" | ", set.Values.Select(v => $"{Show(v.Value)} [{v.Source}{(v.How is null ? "" : ": " + v.How)}]"));

    public static string Show(object? value) => value switch
    {
        null => "null",
        string s => "\"" + s + "\"",
        decimal d => d.ToString(System.Globalization.CultureInfo.InvariantCulture),
        bool b => b ? "true" : "false",
        UnknownValue u => "unknown(" + u.Why + ")",
        IReadOnlyDictionary<string, object?> map => "{" + string.Join(", ", map.Select(e => e.Key + "=" + Show(e.Value))) + "}",
        IReadOnlyList<object?> list => "[" + string.Join(", ", list.Select(Show)) + "]",
        _ => value.ToString() ?? "?",
    };

    /// <summary>The single value shown as text (<c>"a"</c>, <c>[1, 2]</c>, <c>{a=1}</c>).</summary>
    public static string Text(string expression, string config = "") => Show(Single(expression, config));
}
