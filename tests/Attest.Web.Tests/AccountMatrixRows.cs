using System.Net;
using Attest.Web.Tests.Support;

namespace Attest.Web.Tests;

/// <summary>
/// Password reset and single sign-on exist only when SMTP and OpenID Connect are configured; the matrix's world has
/// neither, so their pages are not found for anyone. MailTests and SingleSignOnTests cover them switched on; the
/// account page itself is every signed-in user's.
/// </summary>
public sealed class AccountMatrixRows : IMatrixRows
{
    private const HttpStatusCode Hidden = HttpStatusCode.NotFound;
    private const HttpStatusCode Ok = HttpStatusCode.OK;

    // Columns: anonymous, admin, leadA, contributorA, leadB (other partner), manager (assigned to A), office, auditor
    private static readonly HttpStatusCode[] NotConfigured = [Hidden, Hidden, Hidden, Hidden, Hidden, Hidden, Hidden, Hidden];

    public IEnumerable<MatrixRow> Rows(World world) =>
    [
        new("account/forgot-password", "/account/forgot-password", NotConfigured),
        new("account/reset-password", $"/account/reset-password?user={world.Users["leadA"]}&token=not-a-token", NotConfigured),
        new("account/external", "/account/external", NotConfigured),
        new("account/confirm-email", $"/account/confirm-email?user={world.Users["leadA"]}&email=new%40example.test&token=not-a-token", NotConfigured),
        new("account", "/account", [HttpStatusCode.Redirect, Ok, Ok, Ok, Ok, Ok, Ok, Ok]),
    ];
}
