using System.Net;
using System.Security.Cryptography;
using System.Text;
using System.Text.RegularExpressions;
using Attest.Web.Data;
using Attest.Web.Tests.Support;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Attest.Web.Tests;

/// <summary>Personal API tokens: the page that issues them once, and the bearer sign-in that honours them.</summary>
public sealed partial class TokensTests(World world) : IClassFixture<World>
{
    private static string Sha256(string token) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(token)));

    private static async Task<(HttpResponseMessage Response, string Html)> CreateOnPageAsync(HttpClient client, string name)
    {
        var response = await World.PostFormAsync(client, "/account/tokens", "/account/tokens?handler=Create", [new("Name", name)]);
        return (response, await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task A_created_token_is_shown_once_and_only_its_hash_is_stored()
    {
        using var page = world.Client("contributorA");
        var (response, html) = await CreateOnPageAsync(page, "CI readiness check");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("no-store", response.Headers.CacheControl?.ToString() ?? "", StringComparison.Ordinal);
        var token = Assert.Single(TokenPattern().Matches(html)).Value;
        var stored = await world.ReadAsync(db => db.ApiTokens.SingleAsync(t => t.UserId == world.Users["contributorA"] && t.Name == "CI readiness check"));
        Assert.Equal(Sha256(token), stored.Hash);
        Assert.Equal(token[..12], stored.Prefix);
        Assert.DoesNotContain(token, $"{stored.Hash}|{stored.Prefix}|{stored.Name}", StringComparison.Ordinal);

        var later = await (await page.GetAsync("/account/tokens")).Content.ReadAsStringAsync();
        Assert.DoesNotContain(token, later, StringComparison.Ordinal);
        Assert.Contains(stored.Prefix, later, StringComparison.Ordinal);
        Assert.Contains("CI readiness check", later, StringComparison.Ordinal);

        using var api = ApiSteps.Bearer(world, token);
        Assert.Equal(HttpStatusCode.OK, (await api.GetAsync($"/api/v1/applications/{world.ApplicationA}")).StatusCode);
        Assert.NotNull(await world.ReadAsync(db => db.ApiTokens.Where(t => t.Id == stored.Id).Select(t => t.LastUsedAt).SingleAsync()));
    }

    [Fact]
    public async Task A_token_needs_a_name()
    {
        using var page = world.Client("leadA");
        var (response, html) = await CreateOnPageAsync(page, "   ");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("error-summary", html, StringComparison.Ordinal);
        Assert.DoesNotMatch(TokenPattern(), html);
    }

    [Fact]
    public async Task A_revoked_token_is_refused_with_401()
    {
        using var page = world.Client("leadA");
        var (_, html) = await CreateOnPageAsync(page, "to revoke");
        var token = TokenPattern().Match(html).Value;
        using var api = ApiSteps.Bearer(world, token);
        Assert.Equal(HttpStatusCode.OK, (await api.GetAsync("/api/v1/applications")).StatusCode);
        var id = await world.ReadAsync(db => db.ApiTokens.Where(t => t.Hash == Sha256(token)).Select(t => t.Id).SingleAsync());

        var revoked = await World.PostFormAsync(page, "/account/tokens", "/account/tokens?handler=Revoke", [new("id", id.ToString())]);
        var refused = await api.GetAsync("/api/v1/applications");

        Assert.Equal(HttpStatusCode.Redirect, revoked.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, refused.StatusCode);
        Assert.Contains("invalid_token", refused.Headers.WwwAuthenticate.ToString(), StringComparison.Ordinal);
        await ApiSteps.ProblemAsync(refused);
        Assert.NotNull(await world.ReadAsync(db => db.ApiTokens.Where(t => t.Id == id).Select(t => t.RevokedAt).SingleAsync()));
    }

    [Fact]
    public async Task Nobody_revokes_another_users_token()
    {
        var token = await ApiSteps.IssueTokenAsync(world, world.Users["leadA"], "not yours");
        var id = await world.ReadAsync(db => db.ApiTokens.Where(t => t.Hash == Sha256(token)).Select(t => t.Id).SingleAsync());
        using var other = world.Client("leadB");

        var response = await World.PostFormAsync(other, "/account/tokens", "/account/tokens?handler=Revoke", [new("id", id.ToString())]);
        var otherPage = await (await other.GetAsync("/account/tokens")).Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.DoesNotContain("not yours", otherPage, StringComparison.Ordinal);
        using var api = ApiSteps.Bearer(world, token);
        Assert.Equal(HttpStatusCode.OK, (await api.GetAsync("/api/v1/applications")).StatusCode);
    }

    [Theory]
    [InlineData("att_AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA")]
    [InlineData("att_short")]
    [InlineData("not-a-token-at-all")]
    public async Task A_wrong_token_is_refused_with_401(string token)
    {
        using var api = ApiSteps.Bearer(world, token);
        var response = await api.GetAsync("/api/v1/applications");

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        await ApiSteps.ProblemAsync(response);
    }

    [Fact]
    public async Task A_token_does_not_open_the_pages()
    {
        using var api = await ApiSteps.AsAsync(world, "leadA");
        var response = await api.GetAsync($"/applications/{world.ApplicationA}");

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
    }

    [Fact]
    public async Task The_token_of_a_locked_out_user_is_refused()
    {
        var userId = await AdminTestSteps.CreateUserAsync(world, $"locked-{Guid.NewGuid():N}@example.test", UserRole.Contributor, world.PartnerA);
        var token = await ApiSteps.IssueTokenAsync(world, userId);
        using (var scope = world.Factory.Services.CreateScope())
        {
            var users = scope.ServiceProvider.GetRequiredService<UserManager<AttestUser>>();
            await users.SetLockoutEndDateAsync((await users.FindByIdAsync(userId))!, DateTimeOffset.UtcNow.AddHours(1));
        }

        using var api = ApiSteps.Bearer(world, token);
        Assert.Equal(HttpStatusCode.Unauthorized, (await api.GetAsync("/api/v1/applications")).StatusCode);
    }

    [Fact]
    public async Task The_tokens_page_speaks_french()
    {
        using var page = world.Client("manager");
        page.DefaultRequestHeaders.AcceptLanguage.ParseAdd("fr");
        var html = await (await page.GetAsync("/account/tokens")).Content.ReadAsStringAsync();

        Assert.Contains("Jetons d'API", WebUtility.HtmlDecode(html), StringComparison.Ordinal);
        Assert.Contains("<label for=\"token-name\">", html, StringComparison.Ordinal);
        Assert.DoesNotContain("<script", html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("style=", html, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task Beyond_its_rate_limit_a_token_gets_429_and_other_tokens_do_not()
    {
        using var limited = world.Factory.WithWebHostBuilder(host => host.UseSetting("Attest:ApiTokenRequestsPerMinute", "3"));
        var busy = await ApiSteps.IssueTokenAsync(world, world.Users["leadA"], "busy");
        var quiet = await ApiSteps.IssueTokenAsync(world, world.Users["leadA"], "quiet");
        using var busyClient = limited.CreateClient(new() { AllowAutoRedirect = false });
        busyClient.DefaultRequestHeaders.Authorization = new("Bearer", busy);
        using var quietClient = limited.CreateClient(new() { AllowAutoRedirect = false });
        quietClient.DefaultRequestHeaders.Authorization = new("Bearer", quiet);

        var answers = new List<HttpStatusCode>();
        for (var i = 0; i < 4; i++)
        {
            answers.Add((await busyClient.GetAsync("/api/v1/applications")).StatusCode);
        }

        var refused = await busyClient.GetAsync("/api/v1/applications");
        var other = await quietClient.GetAsync("/api/v1/applications");

        Assert.Equal([HttpStatusCode.OK, HttpStatusCode.OK, HttpStatusCode.OK, HttpStatusCode.TooManyRequests], answers);
        Assert.Equal(HttpStatusCode.TooManyRequests, refused.StatusCode);
        Assert.NotNull(refused.Headers.RetryAfter);
        await ApiSteps.ProblemAsync(refused);
        Assert.Equal(HttpStatusCode.OK, other.StatusCode);
    }

    [GeneratedRegex("att_[A-Za-z0-9_-]{43}")]
    private static partial Regex TokenPattern();
}
