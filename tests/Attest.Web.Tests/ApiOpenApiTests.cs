using System.Net;
using System.Text.Json;
using Attest.Web.Tests.Support;

namespace Attest.Web.Tests;

public sealed class ApiOpenApiTests(World world) : IClassFixture<World>
{
    [Fact]
    public async Task Anyone_may_read_the_openapi_document_and_it_lists_every_api_route_with_the_bearer_scheme()
    {
        using var anonymous = world.Client(null);
        var response = await anonymous.GetAsync("/openapi/v1.json");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var document = await ApiSteps.JsonAsync(response);
        var paths = document.GetProperty("paths");
        var expected = new (string Path, string[] Methods)[]
        {
            ("/api/v1/applications", ["get", "post"]),
            ("/api/v1/applications/{id}", ["get"]),
            ("/api/v1/applications/{id}/readiness", ["get"]),
            ("/api/v1/applications/{id}/export", ["get"]),
            ("/api/v1/applications/{id}/import", ["put"]),
            ("/api/v1/applications/{id}/case-studies/{key}", ["get", "put", "delete"]),
            ("/api/v1/applications/{id}/self-assessment/{itemId}", ["get", "put"]),
        };
        foreach (var (path, methods) in expected)
        {
            Assert.True(paths.TryGetProperty(path, out var operations), "missing path " + path);
            Assert.All(methods, m => Assert.True(operations.TryGetProperty(m, out _), $"missing {m} {path}"));
        }

        Assert.DoesNotContain(paths.EnumerateObject(), p => !p.Name.StartsWith("/api/", StringComparison.Ordinal));
        var bearer = document.GetProperty("components").GetProperty("securitySchemes").GetProperty("bearer");
        Assert.Equal("http", bearer.GetProperty("type").GetString());
        Assert.Equal("bearer", bearer.GetProperty("scheme").GetString());
        Assert.Equal(JsonValueKind.Array, document.GetProperty("security").ValueKind);
    }
}
