using Attest.Core.Applications;

namespace Attest.Core.Catalogs;

/// <summary>The kind of value a rule parameter takes.</summary>
public enum ParameterKind
{
    /// <summary>A whole number, 1 or more.</summary>
    Count,

    /// <summary>A partner tier.</summary>
    Tier,

    /// <summary>A stage of the AWS Services Path (<c>registered</c>, <c>validated</c>, <c>differentiated</c>).</summary>
    PathStage,

    /// <summary><c>yes</c> or <c>no</c>.</summary>
    Flag,
}

/// <summary>A parameter a rule accepts, with its default.</summary>
public sealed record RuleParameter(string Name, ParameterKind Kind, string Default);

/// <summary>
/// The readiness rules a catalog may name, and their parameters. A new catalog picks among these and sets
/// their parameters; only a rule of a new kind needs code.
/// </summary>
public static class RuleSignatures
{
    /// <summary>Every rule id with its parameters.</summary>
    public static IReadOnlyDictionary<string, IReadOnlyList<RuleParameter>> All { get; } = new Dictionary<string, IReadOnlyList<RuleParameter>>(StringComparer.Ordinal)
    {
        ["guidelines-read"] = [],
        ["minimum-tier"] = [new("minimum", ParameterKind.Tier, "advanced")],
        ["retail-case-studies"] = [new("required", ParameterKind.Count, "4"), new("windowMonths", ParameterKind.Count, "18"), new("withCompliance", ParameterKind.Count, "2")],
        ["public-case-studies"] = [new("required", ParameterKind.Count, "2")],
        ["delivery-category"] = [],
        ["msp-criteria"] = [],
        ["practice-page"] = [],
        ["thought-leadership"] = [new("windowMonths", ParameterKind.Count, "12")],
        ["self-assessment-complete"] = [],
        ["self-assessed"] = [],
        ["retail-use-case"] = [],
        ["availability-objectives"] = [],
        ["az-resilience"] = [],
        ["disaster-recovery"] = [],
        ["pci-testing"] = [new("scanWindowMonths", ParameterKind.Count, "3"), new("penetrationTestWindowMonths", ParameterKind.Count, "12")],
        ["services-path"] = [new("minimum", ParameterKind.PathStage, "validated")],
        ["production-case-studies"] = [new("required", ParameterKind.Count, "2"), new("windowMonths", ParameterKind.Count, "18")],
        ["architecture-diagrams"] = [],
        ["case-study-self-assessment"] = [],
        ["per-reference"] = [],
        ["common-requirement"] = [new("partnerDocument", ParameterKind.Flag, "no")],
    };

    internal static bool IsValid(ParameterKind kind, string value) => kind switch
    {
        ParameterKind.Count => int.TryParse(value, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var n) && n >= 1,
        ParameterKind.Tier => Vocabulary.Tiers.TryParse(value, out _),
        ParameterKind.PathStage => Vocabulary.PathStages.TryParse(value, out _),
        ParameterKind.Flag => value is "yes" or "no",
        _ => false,
    };
}
