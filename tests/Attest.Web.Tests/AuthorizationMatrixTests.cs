using System.Net;
using Attest.Web.Tests.Support;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace Attest.Web.Tests;

/// <summary>
/// Every page and endpoint the application maps, for every role and for a user of another partner, against the answer
/// expected. An endpoint the table does not know fails the test: a new page must say who may reach it.
/// </summary>
public sealed class AuthorizationMatrixTests(World world) : IClassFixture<World>
{
    private const HttpStatusCode Ok = HttpStatusCode.OK;
    private const HttpStatusCode SignIn = HttpStatusCode.Redirect;
    private const HttpStatusCode Hidden = HttpStatusCode.NotFound;

    // Columns: anonymous, admin, leadA, contributorA, leadB (other partner), manager (assigned to A), office, auditor
    private static readonly string[] Who = [null!, "admin", "leadA", "contributorA", "leadB", "manager", "office", "auditor"];

    private Dictionary<string, (string Url, HttpStatusCode[] Expected)> Matrix() =>
        typeof(AuthorizationMatrixTests).Assembly.GetTypes()
            .Where(t => typeof(IMatrixRows).IsAssignableFrom(t) && t is { IsClass: true, IsAbstract: false })
            .SelectMany(t => ((IMatrixRows)Activator.CreateInstance(t)!).Rows(world))
            .ToDictionary(r => r.Pattern, r => (r.Url, r.Expected), StringComparer.Ordinal);

    [Fact]
    public void Every_mapped_endpoint_has_a_row_in_the_matrix()
    {
        var patterns = world.Factory.Services.GetRequiredService<EndpointDataSource>().Endpoints
            .OfType<RouteEndpoint>()
            .Select(e => e.RoutePattern.RawText?.Trim('/') ?? "")
            .Distinct()
            .ToList();
        var matrix = Matrix();
        var missing = patterns.Where(p => !matrix.ContainsKey(p)).ToList();
        Assert.True(missing.Count == 0, "endpoints without a row in the authorization matrix: " + string.Join(", ", missing));
    }

    [Fact]
    public async Task Every_endpoint_answers_every_role_as_the_matrix_says()
    {
        var failures = new List<string>();
        foreach (var (pattern, (url, expected)) in Matrix())
        {
            for (var i = 0; i < Who.Length; i++)
            {
                using var client = world.Client(Who[i]);
                var response = await client.GetAsync(url);
                if (response.StatusCode != expected[i])
                {
                    failures.Add($"{pattern} as {Who[i] ?? "anonymous"}: expected {(int)expected[i]}, got {(int)response.StatusCode}");
                }
            }
        }

        Assert.True(failures.Count == 0, string.Join("\n", failures));
    }

    [Fact]
    public async Task Export_follows_the_same_access_as_the_dashboard()
    {
        foreach (var (user, expected) in new (string?, HttpStatusCode)[] { ("leadA", Ok), ("manager", Ok), ("leadB", Hidden), ("office", Hidden), ("admin", Hidden), (null, SignIn) })
        {
            using var client = world.Client(user);
            var response = await client.GetAsync($"/applications/{world.ApplicationA}?handler=Export");
            Assert.True(expected == response.StatusCode, $"{user ?? "anonymous"}: {response.StatusCode}");
        }
    }

    [Fact]
    public async Task Another_partners_user_cannot_change_the_application_by_posting_to_it()
    {
        using var client = world.Client("leadB");
        var response = await World.PostFormAsync(client, "/", $"/applications/{world.ApplicationA}/case-studies/contoso", [new("Form.Key", "contoso"), new("Form.Customer", "Hijacked"), new("Form.Revision", "1")]);
        Assert.Equal(Hidden, response.StatusCode);
        var customer = await world.ReadAsync(db => Task.FromResult(db.CaseStudies.IgnoreQueryFiltersForTests().Single(c => c.ApplicationId == world.ApplicationA).Customer));
        Assert.Equal("Contoso Stores", customer);
    }

    [Fact]
    public async Task Partner_manager_can_read_but_not_edit()
    {
        using var client = world.Client("manager");
        var response = await World.PostFormAsync(client, $"/applications/{world.ApplicationA}", $"/applications/{world.ApplicationA}/case-studies/contoso", [new("Form.Key", "contoso"), new("Form.Customer", "Changed"), new("Form.Revision", "1")]);
        Assert.Equal(Hidden, response.StatusCode);
    }
}

/// <summary>The rows of the pages every installation has: sign-in, errors, setup, health, the applications list and dashboard.</summary>
public sealed class CoreMatrixRows : IMatrixRows
{
    private const HttpStatusCode Ok = HttpStatusCode.OK;
    private const HttpStatusCode SignIn = HttpStatusCode.Redirect;
    private const HttpStatusCode Hidden = HttpStatusCode.NotFound;
    private const HttpStatusCode Refused = HttpStatusCode.Forbidden;

    public IEnumerable<MatrixRow> Rows(World world) =>
    [
        new("", "/", [SignIn, Ok, Ok, Ok, Ok, Ok, Ok, Ok]),
        new("account/sign-in", "/account/sign-in", [Ok, Ok, Ok, Ok, Ok, Ok, Ok, Ok]),
        new("account/sign-out", "/account/sign-out", [Hidden, Hidden, Hidden, Hidden, Hidden, Hidden, Hidden, Hidden]),
        new("account/denied", "/account/denied", [Refused, Refused, Refused, Refused, Refused, Refused, Refused, Refused]),
        new("error", "/error", [Ok, Ok, Ok, Ok, Ok, Ok, Ok, Ok]),
        new("language", "/language", [Ok, Ok, Ok, Ok, Ok, Ok, Ok, Ok]),
        new("setup", "/setup", [Hidden, Hidden, Hidden, Hidden, Hidden, Hidden, Hidden, Hidden]),
        new("applications/{id:guid}", $"/applications/{world.ApplicationA}", [SignIn, Hidden, Ok, Ok, Hidden, Ok, Hidden, Hidden]),
        new("applications/{id:guid}/case-studies/{key}", $"/applications/{world.ApplicationA}/case-studies/contoso", [SignIn, Hidden, Ok, Ok, Hidden, Hidden, Hidden, Hidden]),
        new("health/live", "/health/live", [Ok, Ok, Ok, Ok, Ok, Ok, Ok, Ok]),
        new("health/ready", "/health/ready", [Ok, Ok, Ok, Ok, Ok, Ok, Ok, Ok]),
    ];
}
