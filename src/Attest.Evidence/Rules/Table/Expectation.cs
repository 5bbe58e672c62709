using System.Globalization;
using Attest.Core.Text;
using Attest.Evidence.Model;

namespace Attest.Evidence.Rules.Table;

/// <summary>The kinds of judgement a table row can ask of a value.</summary>
public enum ExpectationKind
{
    /// <summary>The value is true.</summary>
    True,

    /// <summary>The value is false.</summary>
    False,

    /// <summary>The value is set to something (a non-empty text, list or object).</summary>
    Set,

    /// <summary>The value is not set.</summary>
    Unset,

    /// <summary>The value is one of <see cref="Expectation.Values"/> (case-insensitive).</summary>
    OneOf,

    /// <summary>The value is none of <see cref="Expectation.Values"/> (case-insensitive).</summary>
    NoneOf,

    /// <summary>The value is a number of at least <see cref="Expectation.Minimum"/>.</summary>
    AtLeast,

    /// <summary>
    /// The value is a list of key/value objects (<c>[{Key: k, Value: v}]</c>) whose entry named <see cref="Expectation.Key"/>
    /// (under the field <see cref="Expectation.KeyField"/>) has, under <see cref="Expectation.ValueField"/>, one of <see cref="Expectation.Values"/>.
    /// </summary>
    Entry,

    /// <summary>The value is an address range (or a list of them) that is not the whole internet (<c>0.0.0.0/0</c>, <c>::/0</c>).</summary>
    NotWholeInternet,

    /// <summary>For a separate resource (<see cref="RowTarget.Via"/>): one exists.</summary>
    Exists,

    /// <summary>The value, a list or a single text, contains one of <see cref="Expectation.Values"/> (case-insensitive).</summary>
    Contains,
}

/// <summary>
/// What counts as good for one value of a table row: a kind, its parameters, and how an absent value is judged (the
/// service's default, when it has one that is good).
/// </summary>
public sealed record Expectation
{
    /// <summary>The kind of judgement.</summary>
    public required ExpectationKind Kind { get; init; }

    /// <summary>Whether an absent value passes (the service default is good) or fails.</summary>
    public bool WhenAbsent { get; init; }

    /// <summary>The accepted (or refused, for <see cref="ExpectationKind.NoneOf"/>) values.</summary>
    public IReadOnlyList<string> Values { get; init; } = [];

    /// <summary>The least accepted number, for <see cref="ExpectationKind.AtLeast"/>.</summary>
    public decimal Minimum { get; init; }

    /// <summary>For <see cref="ExpectationKind.Entry"/>: the field that names an entry (e.g. <c>Key</c>).</summary>
    public string KeyField { get; init; } = "Key";

    /// <summary>For <see cref="ExpectationKind.Entry"/>: the entry's name (e.g. <c>access_logs.s3.enabled</c>).</summary>
    public string Key { get; init; } = "";

    /// <summary>For <see cref="ExpectationKind.Entry"/>: the field that holds an entry's value (e.g. <c>Value</c>).</summary>
    public string ValueField { get; init; } = "Value";

    /// <summary>The value must be true; absent fails.</summary>
    public static Expectation True { get; } = new() { Kind = ExpectationKind.True };

    /// <summary>The value must be true or absent (the service defaults to true).</summary>
    public static Expectation TrueOrAbsent { get; } = new() { Kind = ExpectationKind.True, WhenAbsent = true };

    /// <summary>The value must be false; absent fails (the service defaults to true).</summary>
    public static Expectation False { get; } = new() { Kind = ExpectationKind.False };

    /// <summary>The value must not be true; absent passes (the service defaults to false).</summary>
    public static Expectation NotTrue { get; } = new() { Kind = ExpectationKind.False, WhenAbsent = true };

    /// <summary>The value must be set.</summary>
    public static Expectation Set { get; } = new() { Kind = ExpectationKind.Set };

    /// <summary>The value must not be set.</summary>
    public static Expectation Unset { get; } = new() { Kind = ExpectationKind.Unset, WhenAbsent = true };

    /// <summary>A separate resource carrying the setting must exist.</summary>
    public static Expectation Exists { get; } = new() { Kind = ExpectationKind.Exists };

    /// <summary>No range may be the whole internet; absent passes.</summary>
    public static Expectation NotWholeInternet { get; } = new() { Kind = ExpectationKind.NotWholeInternet, WhenAbsent = true };

    /// <summary>The value must be one of <paramref name="values"/>; absent fails.</summary>
    public static Expectation OneOf(params string[] values) => new() { Kind = ExpectationKind.OneOf, Values = values };

    /// <summary>The value must be none of <paramref name="values"/>; absent passes.</summary>
    public static Expectation NoneOf(params string[] values) => new() { Kind = ExpectationKind.NoneOf, Values = values, WhenAbsent = true };

    /// <summary>The value (a list or a text) must contain one of <paramref name="values"/>; absent fails.</summary>
    public static Expectation Contains(params string[] values) => new() { Kind = ExpectationKind.Contains, Values = values };

    /// <summary>The value must be a number of at least <paramref name="minimum"/>; absent fails.</summary>
    public static Expectation AtLeast(decimal minimum) => new() { Kind = ExpectationKind.AtLeast, Minimum = minimum };

    /// <summary>The key/value list must have entry <paramref name="key"/> with one of <paramref name="values"/>; no such entry fails.</summary>
    public static Expectation Entry(string keyField, string key, string valueField, params string[] values) =>
        new() { Kind = ExpectationKind.Entry, KeyField = keyField, Key = key, ValueField = valueField, Values = values };

    /// <summary>The same expectation, an absent value passing (the service default is good).</summary>
    public Expectation OrAbsent => this with { WhenAbsent = true };

    /// <summary>The same expectation, an absent value failing.</summary>
    public Expectation AbsentFails => this with { WhenAbsent = false };

    /// <summary>Judges every possible value.</summary>
    public Judgement Judge(ValueSet values) => Kind switch
    {
        ExpectationKind.Exists => Judgement.Of(values, v => !v.IsAbsent),
        _ => Judgement.Of(values, v => v.IsAbsent ? WhenAbsent : Passes(v.Value)),
    };

    private bool? Passes(object? value) => Kind switch
    {
        ExpectationKind.True => Boolean(value),
        ExpectationKind.False => Boolean(value) is { } b ? !b : null,
        ExpectationKind.Set => value switch
        {
            string s => s.Length > 0,
            IReadOnlyList<object?> list => list.Count > 0,
            IReadOnlyDictionary<string, object?> map => map.Count > 0,
            _ => true,
        },
        ExpectationKind.Unset => value switch
        {
            string s => s.Length == 0,
            IReadOnlyList<object?> list => list.Count == 0,
            _ => false,
        },
        ExpectationKind.OneOf => Text(value) is { } t ? Values.Contains(t, StringComparer.OrdinalIgnoreCase) : null,
        ExpectationKind.NoneOf => Text(value) is { } t ? !Values.Contains(t, StringComparer.OrdinalIgnoreCase) : null,
        ExpectationKind.AtLeast => Number(value) is { } n ? n >= Minimum : Text(value) is null ? null : false,
        ExpectationKind.Entry => EntryPasses(value),
        ExpectationKind.Contains => value switch
        {
            IReadOnlyList<object?> list when list.Any(i => Text(i) is { } t && Values.Contains(t, StringComparer.OrdinalIgnoreCase)) => true,
            IReadOnlyList<object?> list => list.Any(i => Text(i) is null) ? null : false,
            _ => Text(value) is { } t ? Values.Contains(t, StringComparer.OrdinalIgnoreCase) : null,
        },
        ExpectationKind.NotWholeInternet => NotInternet(value),
        _ => null,
    };

    private bool? EntryPasses(object? value)
    {
        if (value is not IReadOnlyList<object?> list)
        {
            return null;
        }

        bool? verdict = WhenAbsent;
        foreach (var item in list)
        {
            if (item is UnknownValue)
            {
                verdict = null;
                continue;
            }

            if (item is not IReadOnlyDictionary<string, object?> entry || !entry.TryGetValue(KeyField, out var key))
            {
                continue;
            }

            if (Text(key) is not { } name)
            {
                verdict = null;
                continue;
            }

            if (!name.Equals(Key, StringComparison.OrdinalIgnoreCase))
            {
                continue;
            }

            // The last entry of a name wins, as the service applies them in order
            verdict = entry.TryGetValue(ValueField, out var v) && Text(v) is { } text ? Values.Contains(text, StringComparer.OrdinalIgnoreCase) : null;
        }

        return verdict;
    }

    private static bool? NotInternet(object? value)
    {
        IEnumerable<object?> items = value is IReadOnlyList<object?> list ? list : [value];
        foreach (var item in items)
        {
            if (item is not string text)
            {
                return null;
            }

            if (Cidr.Parse(text) is { IsWholeInternet: true })
            {
                return false;
            }
        }

        return true;
    }

    private static bool? Boolean(object? value) => value switch
    {
        bool b => b,
        string s when s.Equals("true", StringComparison.OrdinalIgnoreCase) => true,
        string s when s.Equals("false", StringComparison.OrdinalIgnoreCase) => false,
        _ => null,
    };

    private static string? Text(object? value) => value switch
    {
        string s => s,
        bool b => b ? "true" : "false",
        decimal d => d.ToString(CultureInfo.InvariantCulture),
        _ => null,
    };

    private static decimal? Number(object? value) => value switch
    {
        decimal d => d,
        string s when decimal.TryParse(s, NumberStyles.Float, CultureInfo.InvariantCulture, out var n) => n,
        _ => null,
    };

    /// <summary>What is expected, in both languages, for the value at <paramref name="path"/> (as the documentation and messages say it).</summary>
    public LocalizedString Describe(string path)
    {
        var absent = WhenAbsent && Kind is not (ExpectationKind.Unset or ExpectationKind.NoneOf or ExpectationKind.NotWholeInternet)
            ? new LocalizedString(" (or absent)", " (ou absent)")
            : new LocalizedString("", "");
        var list = string.Join(", ", Values);
        var (en, fr) = Kind switch
        {
            ExpectationKind.True => ($"{path} is true", $"{path} vaut true"),
            ExpectationKind.False => ($"{path} is false", $"{path} vaut false"),
            ExpectationKind.Set => ($"{path} is set", $"{path} est renseigné"),
            ExpectationKind.Unset => ($"{path} is not set", $"{path} n'est pas renseigné"),
            ExpectationKind.OneOf => ($"{path} is one of {list}", $"{path} vaut l'une des valeurs {list}"),
            ExpectationKind.NoneOf => ($"{path} is none of {list}", $"{path} ne vaut aucune des valeurs {list}"),
            ExpectationKind.AtLeast => ($"{path} is at least {Minimum.ToString(CultureInfo.InvariantCulture)}", $"{path} vaut au moins {Minimum.ToString(CultureInfo.InvariantCulture)}"),
            ExpectationKind.Entry => ($"{path} has {Key} = {list}", $"{path} contient {Key} = {list}"),
            ExpectationKind.Contains => ($"{path} includes {list}", $"{path} comprend {list}"),
            ExpectationKind.NotWholeInternet => ($"{path} is not the whole internet (0.0.0.0/0, ::/0)", $"{path} n'est pas tout Internet (0.0.0.0/0, ::/0)"),
            _ => ($"a {path} exists", $"un {path} existe"),
        };
        return new(en + absent.En, fr + absent.Fr);
    }
}
