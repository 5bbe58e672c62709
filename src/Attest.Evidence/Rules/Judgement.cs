using Attest.Core.Findings;
using Attest.Evidence.Model;

namespace Attest.Evidence.Rules;

/// <summary>
/// The outcome of judging every possible value of a property: pass only when every possibility passes, fail as soon as
/// one fails (naming it), unknown when none fails but one cannot be known.
/// </summary>
public sealed record Judgement(FindingOutcome Outcome, PossibleValue? Decisive)
{
    /// <summary>A plain pass.</summary>
    public static Judgement Pass { get; } = new(FindingOutcome.Pass, null);

    /// <summary>A plain fail.</summary>
    public static Judgement Fail { get; } = new(FindingOutcome.Fail, null);

    /// <summary>Judges each possibility with <paramref name="passes"/> (null: cannot tell).</summary>
    public static Judgement Of(ValueSet values, Func<PossibleValue, bool?> passes)
    {
        // No value at all (a list that is absent or empty under "*") is judged as an absent value
        if (values.Values.Count == 0)
        {
            values = ValueSet.Absent;
        }

        PossibleValue? unknown = null;
        PossibleValue? notLiteral = null;
        foreach (var value in values.Values)
        {
            var verdict = value.IsUnknown ? null : passes(value);
            switch (verdict)
            {
                case false:
                    return new Judgement(FindingOutcome.Fail, value);
                case null:
                    unknown ??= value;
                    break;
                default:
                    if (value.Source != ValueSource.Literal)
                    {
                        notLiteral ??= value;
                    }

                    break;
            }
        }

        return unknown is not null ? new Judgement(FindingOutcome.Unknown, unknown) : new Judgement(FindingOutcome.Pass, notLiteral);
    }

    /// <summary>Combines judgements of several properties: any fail fails, then any unknown, else pass.</summary>
    public static Judgement All(params Judgement[] judgements) =>
        judgements.FirstOrDefault(j => j.Outcome == FindingOutcome.Fail)
        ?? judgements.FirstOrDefault(j => j.Outcome == FindingOutcome.Unknown)
        ?? judgements.FirstOrDefault(j => j.Decisive is not null)
        ?? Pass;

    /// <summary>The best of several alternatives (any pass passes, then unknown, else fail).</summary>
    public static Judgement Any(params Judgement[] judgements) =>
        judgements.FirstOrDefault(j => j.Outcome == FindingOutcome.Pass)
        ?? judgements.FirstOrDefault(j => j.Outcome == FindingOutcome.Unknown)
        ?? judgements.FirstOrDefault()
        ?? Fail;
}
