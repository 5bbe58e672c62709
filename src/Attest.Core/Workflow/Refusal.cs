using Attest.Core.Text;

namespace Attest.Core.Workflow;

/// <summary>Why an action was refused, in both languages, with the items concerned when there are some (e.g. unmet prerequisites).</summary>
public sealed record Refusal(Message Reason, IReadOnlyList<string> Items)
{
    /// <summary>A refusal without items.</summary>
    public Refusal(Message reason)
        : this(reason, [])
    {
    }

    /// <inheritdoc />
    public override string ToString() => Reason.In(Language.En);
}

/// <summary>The outcome of an action: done, or refused with a reason. Expected failures are values, not exceptions.</summary>
public sealed record Outcome
{
    private Outcome(Refusal? refusal) => Refusal = refusal;

    /// <summary>The action was done.</summary>
    public static Outcome Done { get; } = new((Refusal?)null);

    /// <summary>Why the action was refused; null when it was done.</summary>
    public Refusal? Refusal { get; }

    /// <summary>Whether the action was done.</summary>
    public bool Succeeded => Refusal is null;

    /// <summary>A refusal.</summary>
    public static Outcome Refused(Refusal refusal) => new(refusal);

    /// <summary>A refusal.</summary>
    public static Outcome Refused(Message reason) => new(new Refusal(reason));

    /// <summary>A refusal listing items.</summary>
    public static Outcome Refused(Message reason, IReadOnlyList<string> items) => new(new Refusal(reason, items));

    /// <inheritdoc />
    public override string ToString() => Refusal?.ToString() ?? "done";
}
