using System.Net;

namespace Attest.Web.Tests.Support;

/// <summary>
/// One row of the authorization matrix: a route pattern as the app maps it, a URL to try, and the expected answer for
/// anonymous, admin, leadA, contributorA, leadB (another partner), manager (assigned to A), office, auditor — in that order.
/// </summary>
public sealed record MatrixRow(string Pattern, string Url, HttpStatusCode[] Expected);

/// <summary>A feature's rows of the authorization matrix; every implementation in this assembly is collected.</summary>
public interface IMatrixRows
{
    IEnumerable<MatrixRow> Rows(World world);
}
