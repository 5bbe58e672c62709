using System.Net;
using System.Runtime.CompilerServices;
using Attest.Web.Tests.Support;

namespace Attest.Web.Tests;

/// <summary>
/// The rows of the submission, review and audit pages. Application A stays a draft; application B (partner B) is taken
/// through the pages to an audit in progress assigned to the auditor, the first time the rows are asked for.
/// </summary>
public sealed class WorkflowMatrixRows : IMatrixRows
{
    private const HttpStatusCode Ok = HttpStatusCode.OK;
    private const HttpStatusCode SignIn = HttpStatusCode.Redirect;
    private const HttpStatusCode Hidden = HttpStatusCode.NotFound;

    private static readonly ConditionalWeakTable<World, object> Seeded = [];

    // Columns: anonymous, admin, leadA, contributorA, leadB (other partner), manager (assigned to A), office, auditor
    public IEnumerable<MatrixRow> Rows(World world)
    {
        Seeded.GetValue(world, w =>
        {
            Task.Run(() => WorkflowSteps.ToAuditInProgressAsync(w, w.ApplicationB, "auditor", "leadB")).GetAwaiter().GetResult();
            return new object();
        });
        var a = world.ApplicationA;
        var b = world.ApplicationB;
        HttpStatusCode[] draftPartnerSide = [SignIn, Hidden, Ok, Ok, Hidden, Ok, Hidden, Hidden];
        HttpStatusCode[] submittedReaders = [SignIn, Hidden, Hidden, Hidden, Ok, Hidden, Ok, Ok];
        return
        [
            new("applications/{id:guid}/review", $"/applications/{a}/review", draftPartnerSide),
            new("applications/{id:guid}/submit", $"/applications/{a}/submit", draftPartnerSide),
            new("applications/{id:guid}/versions", $"/applications/{b}/versions", submittedReaders),
            new("applications/{id:guid}/versions/{number:int}", $"/applications/{b}/versions/1", submittedReaders),
            new("applications/{id:guid}/versions/{number:int}/changes", $"/applications/{b}/versions/1/changes?from=1", submittedReaders),
            new("applications/{id:guid}/thread", $"/applications/{b}/thread", [SignIn, Hidden, Hidden, Hidden, Ok, Hidden, Ok, Hidden]),
            new("applications/{id:guid}/office", $"/applications/{b}/office", [SignIn, Hidden, Hidden, Hidden, Hidden, Hidden, Ok, Hidden]),
            new("office", "/office", [SignIn, Hidden, Hidden, Hidden, Hidden, Hidden, Ok, Hidden]),
            new("audits", "/audits", [SignIn, Hidden, Hidden, Hidden, Hidden, Hidden, Hidden, Ok]),
            new("audits/{id:guid}", $"/audits/{b}", [SignIn, Hidden, Hidden, Hidden, Hidden, Hidden, Hidden, Ok]),
            new("notifications", "/notifications", [SignIn, Ok, Ok, Ok, Ok, Ok, Ok, Ok]),
        ];
    }
}
