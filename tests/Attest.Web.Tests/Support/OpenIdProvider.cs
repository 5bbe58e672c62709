using System.Buffers.Text;
using System.Collections.Concurrent;
using System.Net.Http.Headers;
using System.Security.Cryptography;
using System.Text;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace Attest.Web.Tests.Support;

/// <summary>
/// A minimal OpenID provider on a loopback port: discovery document, JWKS with an RSA key made here, an authorization
/// endpoint that at once redirects back with a code for <see cref="Next"/> (or with <c>access_denied</c>), and a token
/// endpoint that checks the client secret, the redirect address and the PKCE verifier, then issues an RS256 id_token
/// carrying the nonce. Codes work once.
/// </summary>
public sealed class OpenIdProvider : IAsyncDisposable
{
    public const string ClientId = "attest-tests";
    public const string ClientSecret = "client-secret-for-tests";
    private const string KeyId = "test-key-1";

    private readonly RSA key = RSA.Create(2048);
    private readonly ConcurrentDictionary<string, Grant> grants = new();
    private WebApplication? app;
    private int tokensIssued;

    /// <summary>The issuer, such as <c>http://127.0.0.1:41234</c>.</summary>
    public string Authority { get; private set; } = "";

    /// <summary>Who is signed in at the provider when the next authorization request arrives; null when the person refuses.</summary>
    public Person? Next { get; set; }

    /// <summary>Every authorization request received, for checking what the application asked for.</summary>
    public ConcurrentQueue<IReadOnlyDictionary<string, string>> AuthorizationRequests { get; } = new();

    /// <summary>Tokens issued (after every check passed).</summary>
    public int TokensIssued => tokensIssued;

    public async Task StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        app = builder.Build();
        app.MapGet("/.well-known/openid-configuration", Discovery);
        app.MapGet("/jwks", Keys);
        app.MapGet("/authorize", Authorize);
        app.MapPost("/token", TokenAsync);
        await app.StartAsync();
        Authority = app.Urls.First().TrimEnd('/');
    }

    public async ValueTask DisposeAsync()
    {
        if (app is not null)
        {
            await app.DisposeAsync();
        }

        key.Dispose();
    }

    private static string Base64UrlSha256(string text, int bytes = 32) => Base64Url.EncodeToString(SHA256.HashData(Encoding.ASCII.GetBytes(text)).AsSpan(0, bytes));

    private IResult Discovery() => Results.Json(new Dictionary<string, object>
    {
        ["issuer"] = Authority,
        ["authorization_endpoint"] = Authority + "/authorize",
        ["token_endpoint"] = Authority + "/token",
        ["jwks_uri"] = Authority + "/jwks",
        ["response_types_supported"] = new[] { "code" },
        ["response_modes_supported"] = new[] { "query" },
        ["subject_types_supported"] = new[] { "public" },
        ["id_token_signing_alg_values_supported"] = new[] { "RS256" },
        ["code_challenge_methods_supported"] = new[] { "S256" },
        ["scopes_supported"] = new[] { "openid", "email" },
        ["token_endpoint_auth_methods_supported"] = new[] { "client_secret_post", "client_secret_basic" },
    });

    private IResult Keys()
    {
        var rsa = key.ExportParameters(includePrivateParameters: false);
        return Results.Json(new Dictionary<string, object>
        {
            ["keys"] = new[]
            {
                new Dictionary<string, string> { ["kty"] = "RSA", ["use"] = "sig", ["alg"] = "RS256", ["kid"] = KeyId, ["n"] = Base64Url.EncodeToString(rsa.Modulus), ["e"] = Base64Url.EncodeToString(rsa.Exponent) },
            },
        });
    }

    private IResult Authorize(HttpRequest request)
    {
        var query = request.Query.ToDictionary(q => q.Key, q => q.Value.ToString(), StringComparer.Ordinal);
        AuthorizationRequests.Enqueue(query);
        var redirect = query.GetValueOrDefault("redirect_uri", "");
        var state = Uri.EscapeDataString(query.GetValueOrDefault("state", ""));
        if (query.GetValueOrDefault("client_id") != ClientId || query.GetValueOrDefault("response_type") != "code" || !Uri.TryCreate(redirect, UriKind.Absolute, out _))
        {
            return Results.BadRequest();
        }

        if (Next is not { } person)
        {
            return Results.Redirect($"{redirect}?error=access_denied&state={state}");
        }

        var code = Base64Url.EncodeToString(RandomNumberGenerator.GetBytes(32));
        grants[code] = new Grant(person, query.GetValueOrDefault("nonce"), query.GetValueOrDefault("code_challenge", ""), redirect);
        return Results.Redirect($"{redirect}?code={code}&state={state}");
    }

    private async Task<IResult> TokenAsync(HttpRequest request)
    {
        var form = await request.ReadFormAsync();
        var (client, secret) = (form["client_id"].ToString(), form["client_secret"].ToString());
        if (AuthenticationHeaderValue.TryParse(request.Headers.Authorization, out var basic) && basic is { Scheme: "Basic", Parameter: { } encoded })
        {
            var pair = Encoding.UTF8.GetString(Convert.FromBase64String(encoded)).Split(':', 2);
            (client, secret) = (Uri.UnescapeDataString(pair[0]), Uri.UnescapeDataString(pair[^1]));
        }

        if (client != ClientId || secret != ClientSecret)
        {
            return Results.Json(new Dictionary<string, string> { ["error"] = "invalid_client" }, statusCode: StatusCodes.Status401Unauthorized);
        }

        var verifier = form["code_verifier"].ToString();
        if (form["grant_type"] != "authorization_code" || !grants.TryRemove(form["code"].ToString(), out var grant) || grant.RedirectUri != form["redirect_uri"]
            || verifier.Length < 43 || Base64UrlSha256(verifier) != grant.Challenge)
        {
            return Results.Json(new Dictionary<string, string> { ["error"] = "invalid_grant" }, statusCode: StatusCodes.Status400BadRequest);
        }

        var accessToken = Base64Url.EncodeToString(RandomNumberGenerator.GetBytes(32));
        var claims = new Dictionary<string, object> { ["sub"] = grant.Person.Subject, ["at_hash"] = Base64UrlSha256(accessToken, 16) };
        if (grant.Nonce is { } nonce)
        {
            claims["nonce"] = nonce;
        }

        if (grant.Person.Email is { } email)
        {
            claims["email"] = email;
        }

        if (grant.Person.EmailVerified is { } verified)
        {
            claims["email_verified"] = verified;
        }

        var now = DateTime.UtcNow;
        var idToken = new JsonWebTokenHandler().CreateToken(new SecurityTokenDescriptor
        {
            Issuer = Authority,
            Audience = ClientId,
            Claims = claims,
            IssuedAt = now,
            NotBefore = now,
            Expires = now.AddMinutes(5),
            SigningCredentials = new SigningCredentials(new RsaSecurityKey(key) { KeyId = KeyId }, SecurityAlgorithms.RsaSha256),
        });
        Interlocked.Increment(ref tokensIssued);
        return Results.Json(new Dictionary<string, object> { ["access_token"] = accessToken, ["token_type"] = "Bearer", ["expires_in"] = 300, ["id_token"] = idToken });
    }

    /// <summary>Someone signed in at the provider: the subject, and what the provider says of their e-mail address.</summary>
    public sealed record Person(string Subject, string? Email, bool? EmailVerified);

    private sealed record Grant(Person Person, string? Nonce, string Challenge, string RedirectUri);
}
