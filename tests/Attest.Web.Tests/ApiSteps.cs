using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using Attest.Web.Data;
using Attest.Web.Infrastructure;
using Attest.Web.Tests.Support;
using Microsoft.Extensions.DependencyInjection;

namespace Attest.Web.Tests;

/// <summary>Steps the API tests share: tokens stored the way the tokens page stores them, bearer clients, problem bodies.</summary>
internal static class ApiSteps
{
    public const string Checklist = "aws-retail-consulting-2019-12";

    /// <summary>A personal token of <paramref name="userId"/>, stored as its hash like the page does; returns the secret.</summary>
    public static async Task<string> IssueTokenAsync(World world, string userId, string name = "tests")
    {
        var token = ApiTokenSecret.Create();
        using var scope = world.Factory.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<AttestDbContext>();
        db.ApiTokens.Add(new ApiToken { Id = Guid.NewGuid(), UserId = userId, Name = name, Prefix = ApiTokenSecret.Prefix(token), Hash = ApiTokenSecret.Hash(token), CreatedAt = DateTimeOffset.UtcNow });
        await db.SaveChangesAsync();
        return token;
    }

    /// <summary>A client that authenticates only with <paramref name="token"/> (no test-user header, no cookie).</summary>
    public static HttpClient Bearer(World world, string token)
    {
        var client = world.Factory.CreateClient(new() { AllowAutoRedirect = false, HandleCookies = false });
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return client;
    }

    /// <summary>A bearer client for a user of the world (a key of <see cref="World.Users"/>).</summary>
    public static async Task<HttpClient> AsAsync(World world, string user) => Bearer(world, await IssueTokenAsync(world, world.Users[user]));

    public static StringContent Json(string text) => new(text, Encoding.UTF8, "application/json");

    public static StringContent Yaml(string text) => new(text, Encoding.UTF8, "application/yaml");

    public static HttpRequestMessage Put(string url, HttpContent content, string? ifMatch = null)
    {
        var request = new HttpRequestMessage(HttpMethod.Put, url) { Content = content };
        if (ifMatch is not null)
        {
            request.Headers.TryAddWithoutValidation("If-Match", ifMatch);
        }

        return request;
    }

    /// <summary>The ProblemDetails body of an error response (and checks that it is one).</summary>
    public static async Task<JsonElement> ProblemAsync(HttpResponseMessage response)
    {
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        using var document = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        var problem = document.RootElement.Clone();
        Assert.Equal((int)response.StatusCode, problem.GetProperty("status").GetInt32());
        return problem;
    }

    public static async Task<JsonElement> JsonAsync(HttpResponseMessage response)
    {
        using var document = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        return document.RootElement.Clone();
    }

    /// <summary>The folder holding <c>Attest.slnx</c>.</summary>
    public static string RepositoryRoot()
    {
        for (var folder = new DirectoryInfo(AppContext.BaseDirectory); folder is not null; folder = folder.Parent)
        {
            if (File.Exists(Path.Combine(folder.FullName, "Attest.slnx")))
            {
                return folder.FullName;
            }
        }

        throw new InvalidOperationException("Attest.slnx not found above " + AppContext.BaseDirectory);
    }

    /// <summary>The ready example without its case studies' evidence folders (which only the CLI, beside the file, can scan).</summary>
    public static string ReadyExampleWithoutScannedEvidence() =>
        string.Join('\n', File.ReadAllLines(Path.Combine(RepositoryRoot(), "examples", "ready.yaml")).Where(line => !line.TrimStart().StartsWith("evidence: [iac/", StringComparison.Ordinal))) + "\n";
}
