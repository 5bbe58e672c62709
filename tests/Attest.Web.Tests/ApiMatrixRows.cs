using System.Net;
using Attest.Web.Tests.Support;

namespace Attest.Web.Tests;

/// <summary>
/// The API answers a GET like the pages do, except that it never redirects: anonymous is 401, what a user may not see is
/// 404. Routes with only unsafe methods answer a GET with 405 (their access is tested in the API tests). The OpenAPI
/// document is public; the tokens page is for every signed-in user.
/// </summary>
public sealed class ApiMatrixRows : IMatrixRows
{
    private const HttpStatusCode Ok = HttpStatusCode.OK;
    private const HttpStatusCode SignIn = HttpStatusCode.Redirect;
    private const HttpStatusCode Hidden = HttpStatusCode.NotFound;
    private const HttpStatusCode Unauthorized = HttpStatusCode.Unauthorized;
    private const HttpStatusCode NoSuchMethod = HttpStatusCode.MethodNotAllowed;

    // Columns: anonymous, admin, leadA, contributorA, leadB (other partner), manager (assigned to A), office, auditor
    private static readonly HttpStatusCode[] PartnerAndManager = [Unauthorized, Hidden, Ok, Ok, Hidden, Ok, Hidden, Hidden];

    public IEnumerable<MatrixRow> Rows(World world) =>
    [
        new("api/v1/applications", "/api/v1/applications", [Unauthorized, Ok, Ok, Ok, Ok, Ok, Ok, Ok]),
        new("api/v1/applications/{id:guid}", $"/api/v1/applications/{world.ApplicationA}", PartnerAndManager),
        new("api/v1/applications/{id:guid}/readiness", $"/api/v1/applications/{world.ApplicationA}/readiness", PartnerAndManager),
        new("api/v1/applications/{id:guid}/export", $"/api/v1/applications/{world.ApplicationA}/export", PartnerAndManager),
        new("api/v1/applications/{id:guid}/workbook", $"/api/v1/applications/{world.ApplicationA}/workbook", PartnerAndManager),
        new("api/v1/applications/{id:guid}/import", $"/api/v1/applications/{world.ApplicationA}/import", [NoSuchMethod, NoSuchMethod, NoSuchMethod, NoSuchMethod, NoSuchMethod, NoSuchMethod, NoSuchMethod, NoSuchMethod]),
        new("api/v1/applications/{id:guid}/case-studies/{key}", $"/api/v1/applications/{world.ApplicationA}/case-studies/contoso", PartnerAndManager),
        new("api/v1/applications/{id:guid}/self-assessment/{itemId}", $"/api/v1/applications/{world.ApplicationA}/self-assessment/PRE-1.1", PartnerAndManager),
        new("openapi/{documentName}.json", "/openapi/v1.json", [Ok, Ok, Ok, Ok, Ok, Ok, Ok, Ok]),
        new("account/tokens", "/account/tokens", [SignIn, Ok, Ok, Ok, Ok, Ok, Ok, Ok]),
    ];
}
