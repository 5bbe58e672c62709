using Attest.Core.Text;
using Attest.Core.Workflow;
using Attest.Web.Data;
using Microsoft.EntityFrameworkCore;

namespace Attest.Web.Features.Workflow;

/// <summary>
/// An application the program office has decided on (validated or not) is read-only: its profile, case studies and
/// self-assessment stay as they were decided, on the pages and through the API.
/// </summary>
public static class DecidedApplications
{
    private static readonly string[] Decided = [WorkflowStates.Names.Wire(WorkflowState.Validated), WorkflowStates.Names.Wire(WorkflowState.NotValidated)];

    /// <summary>Why a change is refused.</summary>
    public static readonly LocalizedString ReadOnly = new(
        "The program office has decided on this application: it can no longer be changed.",
        "Le bureau du programme a statué sur cette candidature : elle ne peut plus être modifiée.");

    /// <summary>Whether a workflow in the state with this wire name (null: no workflow yet) is decided.</summary>
    public static bool IsDecided(string? state) => state is not null && Decided.Contains(state, StringComparer.Ordinal);

    /// <summary>Whether <paramref name="applicationId"/> has been decided.</summary>
    public static Task<bool> IsDecidedAsync(AttestDbContext db, Guid applicationId, CancellationToken cancel)
    {
        ArgumentNullException.ThrowIfNull(db);
        return db.Workflows.AsNoTracking().AnyAsync(w => w.ApplicationId == applicationId && Decided.Contains(w.State), cancel);
    }
}
