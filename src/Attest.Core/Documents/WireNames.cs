using Attest.Core.Text;

namespace Attest.Core.Documents;

/// <summary>The spelling of an enumeration's values in files and JSON, and their names shown to users.</summary>
public sealed class WireNames<T>
    where T : struct, Enum
{
    private readonly Dictionary<string, T> byWire = new(StringComparer.Ordinal);
    private readonly Dictionary<T, (string Wire, LocalizedString Display)> byValue = [];

    /// <summary>Declares each value with its wire spelling and its English and French names.</summary>
    public WireNames(params (T Value, string Wire, string En, string Fr)[] values)
    {
        foreach (var (value, wire, en, fr) in values)
        {
            byWire.Add(wire, value);
            byValue.Add(value, (wire, new LocalizedString(en, fr)));
        }

        WireValues = values.Select(v => v.Wire).ToArray();
    }

    /// <summary>Every wire spelling, in declaration order.</summary>
    public IReadOnlyList<string> WireValues { get; }

    /// <summary>Reads a wire spelling (exact, case-sensitive).</summary>
    public bool TryParse(string wire, out T value) => byWire.TryGetValue(wire, out value);

    /// <summary>The wire spelling of <paramref name="value"/>.</summary>
    public string Wire(T value) => byValue[value].Wire;

    /// <summary>The name shown to users.</summary>
    public LocalizedString Display(T value) => byValue[value].Display;
}
