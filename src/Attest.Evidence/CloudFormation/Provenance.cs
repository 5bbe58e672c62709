using Attest.Evidence.Model;

namespace Attest.Evidence.CloudFormation;

/// <summary>
/// How an alternative was obtained: its weakest source, the reasons to show, and the choices it assumes
/// (a parameter's value, a condition's outcome) so that alternatives making contradictory choices are never combined.
/// </summary>
internal sealed class Provenance
{
    private static readonly KeyValuePair<string, string>[] NoAssumptions = [];

    private readonly int hash;

    private Provenance(ValueSource source, string[] hows, KeyValuePair<string, string>[] assumptions)
    {
        Source = source;
        Hows = hows;
        Assumptions = assumptions;
        var hash = new HashCode();
        hash.Add(source);
        foreach (var how in hows)
        {
            hash.Add(how, StringComparer.Ordinal);
        }

        foreach (var (key, value) in assumptions)
        {
            hash.Add(key, StringComparer.Ordinal);
            hash.Add(value, StringComparer.Ordinal);
        }

        this.hash = hash.ToHashCode();
    }

    /// <summary>Written as such: no reason, no assumption.</summary>
    public static Provenance Literal { get; } = new(ValueSource.Literal, [], NoAssumptions);

    public ValueSource Source { get; }

    public IReadOnlyList<string> Hows { get; }

    public IReadOnlyList<KeyValuePair<string, string>> Assumptions { get; }

    public bool IsLiteral => Source == ValueSource.Literal && Hows.Count == 0 && Assumptions.Count == 0;

    public string? How => Hows.Count == 0 ? null : string.Join("; ", Hows);

    /// <summary>Both provenances at once, or null when they assume contradictory choices.</summary>
    public static Provenance? Combine(Provenance a, Provenance b)
    {
        if (b.IsLiteral || ReferenceEquals(a, b))
        {
            return a;
        }

        if (a.IsLiteral)
        {
            return b;
        }

        var assumptions = new List<KeyValuePair<string, string>>(a.Assumptions);
        foreach (var (key, value) in b.Assumptions)
        {
            var existing = assumptions.FindIndex(x => x.Key == key);
            if (existing < 0)
            {
                assumptions.Add(new(key, value));
            }
            else if (assumptions[existing].Value != value)
            {
                return null;
            }
        }

        var hows = new List<string>(a.Hows);
        foreach (var how in b.Hows)
        {
            if (!hows.Contains(how))
            {
                hows.Add(how);
            }
        }

        return new Provenance(Weakest(a.Source, b.Source), [.. hows], [.. assumptions]);
    }

    /// <summary>
    /// What several alternatives have in common once merged into one: the weakest source, the reasons when there is a single one,
    /// and only the assumptions they all share (a disjunction of choices is not representable, so it is dropped).
    /// </summary>
    public static Provenance Merge(IReadOnlyList<Provenance> all)
    {
        if (all.Count == 1)
        {
            return all[0];
        }

        var source = ValueSource.Literal;
        foreach (var p in all)
        {
            source = Weakest(source, p.Source);
        }

        var common = all.Count == 0
            ? NoAssumptions
            : all[0].Assumptions.Where(a => all.All(p => p.Assumptions.Contains(a))).ToArray();
        var hows = all.Count > 0 && all.All(p => p.Hows.SequenceEqual(all[0].Hows)) ? [.. all[0].Hows] : Array.Empty<string>();
        return new Provenance(source, hows, common);
    }

    /// <summary>The same provenance with one more reason, a possibly weaker source, and one more assumption.</summary>
    public Provenance With(ValueSource source, string? how, string? assumptionKey = null, string? assumedValue = null)
    {
        var hows = how is null || Hows.Contains(how) ? (string[])[.. Hows] : [.. Hows, how];
        var assumptions = assumptionKey is null ? [.. Assumptions] : (KeyValuePair<string, string>[])[.. Assumptions.Where(a => a.Key != assumptionKey), new(assumptionKey, assumedValue ?? "")];
        return new Provenance(Weakest(Source, source), hows, assumptions);
    }

    /// <summary>True when this provenance already assumes <paramref name="key"/> has another value than <paramref name="value"/>.</summary>
    public bool Contradicts(string key, string value) => Assumptions.Any(a => a.Key == key && a.Value != value);

    public override bool Equals(object? obj) =>
        ReferenceEquals(this, obj)
        || (obj is Provenance other && hash == other.hash && Source == other.Source && Hows.SequenceEqual(other.Hows) && Assumptions.SequenceEqual(other.Assumptions));

    public override int GetHashCode() => hash;

    // A default is a guess, a branch or an allowed value an enumeration, a literal a fact: the weakest one describes a combination
    private static int Rank(ValueSource source) => source switch
    {
        ValueSource.Literal => 0,
        ValueSource.Plan => 0,
        ValueSource.AllowedValue => 1,
        ValueSource.Branch => 2,
        ValueSource.Variables => 3,
        _ => 4,
    };

    private static ValueSource Weakest(ValueSource a, ValueSource b) => Rank(b) > Rank(a) ? b : a;
}

/// <summary>One alternative while resolving: a value (possibly not yet evaluated) and how it was obtained.</summary>
internal readonly record struct Alternative(object? Value, Provenance Provenance);
