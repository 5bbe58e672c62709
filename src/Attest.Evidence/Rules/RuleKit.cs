using Attest.Core.Findings;
using Attest.Core.Text;
using Attest.Evidence.Model;

namespace Attest.Evidence.Rules;

/// <summary>Small judgements shared by rules.</summary>
internal static class RuleKit
{
    private static readonly Phrase Undecided = new("{0}: {1} cannot be decided from the code ({2}).", "{0} : {1} ne peut pas être décidé à partir du code ({2}).");
    private static readonly Phrase WhyUnknown = new("a value known only at deployment", "une valeur connue seulement au déploiement");

    /// <summary>The documentation of a rule, texts given as English and French pairs.</summary>
    public static RuleDocumentation Doc(string id, string topic, string title, string titleFr, string rationale, string rationaleFr, string fix, string fixFr, Severity severity, params string[] equivalents) => new()
    {
        Id = id,
        Topic = topic,
        Title = new(title, titleFr),
        Rationale = new(rationale, rationaleFr),
        Fix = new(fix, fixFr),
        Severity = severity,
        Equivalents = equivalents,
    };

    /// <summary>True for a database instance that is not a member of an Aurora cluster (the cluster is judged instead).</summary>
    public static bool NotAuroraMember(IIacResource r) =>
        r.ValuesAt(r.Framework == "cloudformation" ? "DBClusterIdentifier" : "cluster_identifier").Values.All(v => v.IsAbsent)
        && r.ValuesAt(r.Framework == "cloudformation" ? "Engine" : "engine").Values.All(v => v.Text is not { } e || !e.StartsWith("aurora", StringComparison.OrdinalIgnoreCase));

    /// <summary>True only when the value is true (absent fails).</summary>
    public static Judgement IsTrue(ValueSet values) => Judgement.Of(values, v => v.IsAbsent ? false : v.Boolean);

    /// <summary>True when the value is true, or absent and the service defaults to true.</summary>
    public static Judgement IsTrueOr(ValueSet values, bool whenAbsent) => Judgement.Of(values, v => v.IsAbsent ? whenAbsent : v.Boolean);

    /// <summary>Passes when the value is not true (absent passes).</summary>
    public static Judgement IsNotTrue(ValueSet values) => Judgement.Of(values, v => v.IsAbsent ? true : v.Boolean is { } b ? !b : null);

    /// <summary>Passes when the value is set to something (a non-empty text, list or object).</summary>
    public static Judgement IsSet(ValueSet values) => Judgement.Of(values, v => v.Value switch
    {
        null => false,
        string s => s.Length > 0,
        IReadOnlyList<object?> list => list.Count > 0,
        _ => true,
    });

    /// <summary>Passes when the text value satisfies <paramref name="passes"/>; absent is judged by <paramref name="whenAbsent"/>.</summary>
    public static Judgement Text(ValueSet values, Func<string, bool> passes, bool whenAbsent) =>
        Judgement.Of(values, v => v.IsAbsent ? whenAbsent : v.Text is { } text ? passes(text) : null);

    /// <summary>Passes when the number is at least <paramref name="minimum"/>; absent is judged by <paramref name="whenAbsent"/>.</summary>
    public static Judgement AtLeast(ValueSet values, decimal minimum, bool whenAbsent) =>
        Judgement.Of(values, v => v.IsAbsent ? whenAbsent : Number(v) is { } n ? n >= minimum : null);

    /// <summary>A value as a number (numbers written as text included).</summary>
    public static decimal? Number(PossibleValue value) => value.Value switch
    {
        decimal d => d,
        string s when decimal.TryParse(s, System.Globalization.NumberStyles.Float, System.Globalization.CultureInfo.InvariantCulture, out var n) => n,
        _ => null,
    };

    /// <summary>The message for a judgement: the pass or fail phrase, or a shared one naming why it cannot be decided.</summary>
    public static Message Say(Judgement judgement, IIacResource resource, LocalizedString title, Phrase pass, Phrase fail, params object?[] args)
    {
        object?[] all = [resource.Address, .. args];
        return judgement.Outcome switch
        {
            FindingOutcome.Pass => Fill(pass, all),
            FindingOutcome.Fail => Fill(fail, all),
            _ => Undecided.With(resource.Address, title, judgement.Decisive?.Value is UnknownValue u ? (object)u.Why : WhyUnknown.Message()),
        };
    }

    private static Message Fill(Phrase phrase, object?[] args) => args.Length switch
    {
        1 => phrase.With(args[0]),
        2 => phrase.With(args[0], args[1]),
        3 => phrase.With(args[0], args[1], args[2]),
        _ => phrase.With(args[0], args[1], args[2], args[3]),
    };
}

/// <summary>A resource shown under another name in a message (a bucket policy named by its bucket).</summary>
internal sealed class Named(IIacResource inner, string address) : IIacResource
{
    public string Framework => inner.Framework;

    public string Address => address;

    public string Type => inner.Type;

    public FileLocation Location => inner.Location;

    public string? Multiplicity => inner.Multiplicity;

    public ValueSet ValuesAt(params string[] path) => inner.ValuesAt(path);

    public FileLocation LocationOf(params string[] path) => inner.LocationOf(path);
}
