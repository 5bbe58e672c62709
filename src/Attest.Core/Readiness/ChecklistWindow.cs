using Attest.Core.Catalogs;
using Attest.Core.Text;

namespace Attest.Core.Readiness;

/// <summary>Where a checklist stands in its validity window on a given day.</summary>
public enum ChecklistPhase
{
    /// <summary>Before the first day it may be used.</summary>
    NotYetEffective,

    /// <summary>The version to use.</summary>
    Current,

    /// <summary>Still accepted, but a newer version exists or was expected: time to plan the move.</summary>
    NewerExpected,

    /// <summary>After the last day it is accepted.</summary>
    NoLongerAccepted,
}

/// <summary>Wire names of <see cref="ChecklistPhase"/>.</summary>
public static class ChecklistPhases
{
    /// <summary>The names: <c>not-yet-effective</c>, <c>current</c>, <c>newer-expected</c>, <c>no-longer-accepted</c>.</summary>
    public static Documents.WireNames<ChecklistPhase> Names { get; } = new(
        (ChecklistPhase.NotYetEffective, "not-yet-effective", "not yet in force", "pas encore en vigueur"),
        (ChecklistPhase.Current, "current", "current", "en vigueur"),
        (ChecklistPhase.NewerExpected, "newer-expected", "a newer version is due", "une version plus récente est attendue"),
        (ChecklistPhase.NoLongerAccepted, "no-longer-accepted", "no longer accepted", "plus acceptée"));
}

/// <summary>What the validity window of a checklist means for an application on one day.</summary>
public sealed record ChecklistValidity
{
    /// <summary>The phase.</summary>
    public required ChecklistPhase Phase { get; init; }

    /// <summary>The first day the checklist may be used, when known.</summary>
    public DateOnly? From { get; init; }

    /// <summary>The last day applications on it are accepted, when known.</summary>
    public DateOnly? AcceptedUntil { get; init; }

    /// <summary>When the next version is expected, when known.</summary>
    public DateOnly? NextVersionExpected { get; init; }

    /// <summary>The id of the checklist to move to, when known.</summary>
    public string? Successor { get; init; }

    /// <summary>The situation in plain words.</summary>
    public required Message Reason { get; init; }

    /// <summary>What to do, when there is something to do.</summary>
    public Message? NextStep { get; init; }

    /// <summary>Whether applications on the checklist are accepted on the day.</summary>
    public bool Accepted => Phase is ChecklistPhase.Current or ChecklistPhase.NewerExpected;
}

/// <summary>Judges a checklist's validity window: pure, from the catalog's dates and, when known, its successor's.</summary>
public static class ChecklistWindow
{
    private static readonly Phrase NotYet = new("This checklist may be used from {0}.", "Cette liste de contrôle peut être utilisée à partir du {0}.");
    private static readonly Phrase WaitOrOlder = new("Wait until {0}, or use the version in force today.", "Attendez le {0}, ou utilisez la version en vigueur aujourd'hui.");
    private static readonly Phrase Ended = new("This checklist stopped being accepted after {0}.", "Cette liste de contrôle n'est plus acceptée depuis le {0} inclus.");
    private static readonly Phrase MoveTo = new("Move the application to {0}: its case studies, evidence and facts carry over.", "Passez la candidature sur {0} : ses études de cas, preuves et faits sont repris.");
    private static readonly Phrase MoveToNewer = new(
        "Apply on the newer version AWS publishes instead: once it is added to Attest, start an application on it from your home page; the case studies, evidence and facts can be imported into it.",
        "Candidatez plutôt sur la version plus récente publiée par AWS : une fois ajoutée à Attest, démarrez une candidature sur celle-ci depuis votre page d'accueil ; les études de cas, preuves et faits peuvent y être importés.");
    private static readonly Phrase SuccessorThere = new("A newer checklist, {0}, replaces this one; this one is accepted until {1}.", "Une liste plus récente, {0}, remplace celle-ci ; celle-ci est acceptée jusqu'au {1}.");
    private static readonly Phrase SuccessorNoEnd = new("A newer checklist, {0}, replaces this one.", "Une liste plus récente, {0}, remplace celle-ci.");
    private static readonly Phrase NextDue = new("A newer version was expected on {0}; this one is accepted until {1}.", "Une version plus récente était attendue le {0} ; celle-ci est acceptée jusqu'au {1}.");
    private static readonly Phrase NextDueNoEnd = new("A newer version was expected on {0}.", "Une version plus récente était attendue le {0}.");
    private static readonly Phrase PlanMove = new("Submit by {0}, or plan the move to {1}.", "Soumettez avant le {0} inclus, ou préparez le passage sur {1}.");
    private static readonly Phrase PlanMoveNewer = new("Submit by {0}, or plan the move to the newer version.", "Soumettez avant le {0} inclus, ou préparez le passage sur la version plus récente.");
    private static readonly Phrase CurrentUntil = new("This checklist is current; it is accepted until {0}.", "Cette liste de contrôle est en vigueur ; elle est acceptée jusqu'au {0}.");
    private static readonly Phrase CurrentUntilNext = new("This checklist is current; the next version is expected on {0}, and this one is accepted until {1}.", "Cette liste de contrôle est en vigueur ; la prochaine version est attendue le {0}, et celle-ci est acceptée jusqu'au {1}.");
    private static readonly Phrase CurrentOpen = new("This checklist is current; no end date is set.", "Cette liste de contrôle est en vigueur ; aucune date de fin n'est fixée.");

    /// <summary>
    /// The last day applications on <paramref name="catalog"/> are accepted: what its successor says of the previous version
    /// (<see cref="Catalog.PreviousAcceptedUntil"/>) when the successor is known and says it, otherwise its own
    /// <see cref="Catalog.AcceptedUntil"/>.
    /// </summary>
    public static DateOnly? AcceptedUntil(Catalog catalog, Catalog? successor = null)
    {
        ArgumentNullException.ThrowIfNull(catalog);
        return successor?.PreviousAcceptedUntil ?? catalog.AcceptedUntil;
    }

    /// <summary>The successor of <paramref name="catalog"/> among <paramref name="known"/>, when it names one that is loaded.</summary>
    public static Catalog? SuccessorAmong(Catalog catalog, IEnumerable<Catalog> known)
    {
        ArgumentNullException.ThrowIfNull(catalog);
        ArgumentNullException.ThrowIfNull(known);
        return catalog.Successor is { } id ? known.FirstOrDefault(c => c.Id == id) : null;
    }

    /// <summary>Where <paramref name="catalog"/> stands on <paramref name="asOf"/>; the first and the last day are inside the window.</summary>
    public static ChecklistValidity Judge(Catalog catalog, DateOnly asOf, Catalog? successor = null)
    {
        ArgumentNullException.ThrowIfNull(catalog);
        var from = catalog.EffectiveFrom ?? catalog.Released;
        var until = AcceptedUntil(catalog, successor);
        var next = catalog.NextVersionExpected;
        var successorId = successor?.Id ?? catalog.Successor;
        var result = new ChecklistValidity { Phase = ChecklistPhase.Current, From = from, AcceptedUntil = until, NextVersionExpected = next, Successor = successorId, Reason = CurrentOpen.Message() };
        if (from is { } start && asOf < start)
        {
            return result with { Phase = ChecklistPhase.NotYetEffective, Reason = NotYet.With(start), NextStep = WaitOrOlder.With(start) };
        }

        if (until is { } end && asOf > end)
        {
            return result with { Phase = ChecklistPhase.NoLongerAccepted, Reason = Ended.With(end), NextStep = successorId is { } s ? MoveTo.With(s) : MoveToNewer.Message() };
        }

        if (successorId is { } id)
        {
            return result with
            {
                Phase = ChecklistPhase.NewerExpected,
                Reason = until is { } last ? SuccessorThere.With(id, last) : SuccessorNoEnd.With(id),
                NextStep = until is { } by ? PlanMove.With(by, id) : MoveTo.With(id),
            };
        }

        if (next is { } due && asOf >= due)
        {
            return result with
            {
                Phase = ChecklistPhase.NewerExpected,
                Reason = until is { } last ? NextDue.With(due, last) : NextDueNoEnd.With(due),
                NextStep = until is { } by ? PlanMoveNewer.With(by) : MoveToNewer.Message(),
            };
        }

        return result with
        {
            Reason = (until, next) switch
            {
                ({ } u, { } n) => CurrentUntilNext.With(n, u),
                ({ } u, null) => CurrentUntil.With(u),
                _ => CurrentOpen.Message(),
            },
        };
    }
}
