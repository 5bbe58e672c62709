using System.Net;
using Attest.Web.Tests.Support;

namespace Attest.Web.Tests;

/// <summary>
/// Administration is for administrators only, everyone else is told "not found"; the people page is for alliance leads
/// (each sees their own partner); an invitation link that is not valid is "not found" for everyone.
/// </summary>
public sealed class AdminMatrixRows : IMatrixRows
{
    private const HttpStatusCode Ok = HttpStatusCode.OK;
    private const HttpStatusCode SignIn = HttpStatusCode.Redirect;
    private const HttpStatusCode Hidden = HttpStatusCode.NotFound;

    // Columns: anonymous, admin, leadA, contributorA, leadB (other partner), manager (assigned to A), office, auditor
    private static readonly HttpStatusCode[] AdministratorsOnly = [SignIn, Ok, Hidden, Hidden, Hidden, Hidden, Hidden, Hidden];

    public IEnumerable<MatrixRow> Rows(World world) =>
    [
        new("admin", "/admin", AdministratorsOnly),
        new("admin/partners", "/admin/partners", AdministratorsOnly),
        new("admin/partners/{id:guid}", $"/admin/partners/{world.PartnerA}", AdministratorsOnly),
        new("admin/users", "/admin/users", AdministratorsOnly),
        new("admin/audit-trail", "/admin/audit-trail", AdministratorsOnly),
        new("admin/jobs", "/admin/jobs", AdministratorsOnly),
        new("admin/users/{id}", $"/admin/users/{world.Users["leadA"]}", AdministratorsOnly),
        new("admin/assignments", "/admin/assignments", AdministratorsOnly),
        new("admin/invitations", "/admin/invitations", AdministratorsOnly),
        new("people", "/people", [SignIn, Hidden, Ok, Hidden, Ok, Hidden, Hidden, Hidden]),
        new("invitations/{token}", "/invitations/not-a-real-invitation-token-000000000000000", [Hidden, Hidden, Hidden, Hidden, Hidden, Hidden, Hidden, Hidden]),
    ];
}
