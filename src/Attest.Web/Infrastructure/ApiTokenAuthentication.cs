using System.Security.Claims;
using System.Security.Cryptography;
using System.Text;
using System.Text.Encodings.Web;
using Attest.Web.Data;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Attest.Web.Infrastructure;

/// <summary>The secret of a personal API token: <c>att_</c> and 32 random bytes in base64url; only its SHA-256 is stored.</summary>
public static class ApiTokenSecret
{
    public const string Marker = "att_";

    /// <summary>How many leading characters are kept in clear, so that a user can tell their tokens apart.</summary>
    public const int PrefixLength = 12;

    private const int SecretLength = 43;

    private static readonly System.Buffers.SearchValues<char> Base64Url = System.Buffers.SearchValues.Create("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_");

    /// <summary>A new token; show it once, store <see cref="Hash"/> and <see cref="Prefix"/>.</summary>
    public static string Create() => Marker + Base64UrlEncode(RandomNumberGenerator.GetBytes(32));

    /// <summary>Lower-case hex SHA-256 of the whole token.</summary>
    public static string Hash(string token) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(token)));

    public static string Prefix(string token) => token[..PrefixLength];

    /// <summary>Whether <paramref name="token"/> has the shape of a token (checked before touching the database).</summary>
    public static bool IsWellFormed(string token) =>
        token.Length == Marker.Length + SecretLength
        && token.StartsWith(Marker, StringComparison.Ordinal)
        && token.AsSpan(Marker.Length).IndexOfAnyExcept(Base64Url) < 0;

    /// <summary>The token of an <c>Authorization: Bearer …</c> header, if the request has one.</summary>
    public static string? FromRequest(HttpRequest request)
    {
        var header = request.Headers.Authorization.ToString();
        return header.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase) ? header["Bearer ".Length..].Trim() : null;
    }

    private static string Base64UrlEncode(byte[] bytes) => Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');
}

/// <summary>
/// Signs API requests in from <c>Authorization: Bearer att_…</c>: the token's hash is looked up, a revoked token or a
/// locked-out user is refused, and the last use is recorded at most once a minute (no write on every call).
/// </summary>
public sealed partial class ApiTokenHandler(
    IOptionsMonitor<AuthenticationSchemeOptions> options,
    ILoggerFactory logger,
    UrlEncoder encoder,
    AttestDbContext db,
    TimeProvider clock) : AuthenticationHandler<AuthenticationSchemeOptions>(options, logger, encoder)
{
    public const string SchemeName = "ApiToken";

    /// <summary>The claim naming the token a request was signed in with.</summary>
    public const string TokenClaim = "attest:token";

    private static readonly TimeSpan LastUseResolution = TimeSpan.FromMinutes(1);

    protected override async Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        var token = ApiTokenSecret.FromRequest(Request);
        if (token is null)
        {
            return AuthenticateResult.NoResult();
        }

        if (!ApiTokenSecret.IsWellFormed(token))
        {
            return AuthenticateResult.Fail("malformed token");
        }

        var hash = ApiTokenSecret.Hash(token);
        // The token and its user in one statement; the access middleware then takes the user's role and partner from here
        var stored = await (
                from t in db.ApiTokens.AsNoTracking()
                join u in db.Users.AsNoTracking() on t.UserId equals u.Id
                where t.Hash == hash
                select new { t.Id, t.UserId, t.Hash, t.RevokedAt, t.LastUsedAt, u.UserName, u.LockoutEnd, u.Role, u.PartnerId, u.DisplayName })
            .FirstOrDefaultAsync(Context.RequestAborted);

        // The lookup is by a hash of the secret, so its timing tells nothing about the secret; the compare is constant-time anyway
        if (stored is null || !CryptographicOperations.FixedTimeEquals(Encoding.ASCII.GetBytes(stored.Hash), Encoding.ASCII.GetBytes(hash)) || stored.RevokedAt is not null)
        {
            return AuthenticateResult.Fail("unknown or revoked token");
        }

        var now = clock.GetUtcNow();
        if (stored.LockoutEnd > now)
        {
            return AuthenticateResult.Fail("the token's user may not sign in");
        }

        if (stored.LastUsedAt is not { } last || now - last >= LastUseResolution)
        {
            // Bookkeeping: a database that cannot take the write (full, read-only) must not fail the request
            try
            {
                await db.ApiTokens.Where(t => t.Id == stored.Id).ExecuteUpdateAsync(s => s.SetProperty(t => t.LastUsedAt, now), Context.RequestAborted);
            }
            catch (Exception e) when (e is System.Data.Common.DbException or DbUpdateException or InvalidOperationException && e is not OperationCanceledException)
            {
                LogLastUseNotStored(Logger, e.Message);
            }
        }

        Context.Items[AccessMiddleware.KnownUserKey] = new KnownUser(stored.UserId, stored.Role, stored.PartnerId, stored.DisplayName);
        var identity = new ClaimsIdentity(
            [new Claim(ClaimTypes.NameIdentifier, stored.UserId), new Claim(ClaimTypes.Name, stored.UserName ?? stored.UserId), new Claim(TokenClaim, stored.Id.ToString())],
            SchemeName);
        return AuthenticateResult.Success(new AuthenticationTicket(new ClaimsPrincipal(identity), SchemeName));
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "The last use of an API token could not be stored: {Reason}")]
    private static partial void LogLastUseNotStored(ILogger logger, string reason);

    protected override async Task HandleChallengeAsync(AuthenticationProperties properties)
    {
        var result = await HandleAuthenticateOnceSafeAsync();
        Response.StatusCode = StatusCodes.Status401Unauthorized;
        Response.Headers.WWWAuthenticate = result.Failure is null ? "Bearer" : "Bearer error=\"invalid_token\"";
        await Response.WriteAsJsonAsync(
            new ProblemDetails
            {
                Status = StatusCodes.Status401Unauthorized,
                Title = "Authentication required",
                Detail = result.Failure is null
                    ? "Send a personal API token as 'Authorization: Bearer att_…' (create one at /account/tokens). Reads also accept the signed-in browser session; changes need a token."
                    : "The API token is unknown, revoked, or its user may not sign in.",
            },
            options: null,
            contentType: "application/problem+json",
            Context.RequestAborted);
    }
}

/// <summary>Registration of API tokens: the handler, and the cookie scheme handing <c>/api</c> requests over to it.</summary>
public static class ApiTokenRegistration
{
    /// <summary>
    /// Adds the token scheme. Under <c>/api</c>, the application cookie forwards to it when the request carries a bearer
    /// token or has no session cookie at all, so that <c>/api</c> accepts either and answers a missing credential with a
    /// <c>Bearer</c> challenge; pages keep the cookie only.
    /// </summary>
    public static IServiceCollection AddApiTokens(this IServiceCollection services)
    {
        services.AddAuthentication().AddScheme<AuthenticationSchemeOptions, ApiTokenHandler>(ApiTokenHandler.SchemeName, _ => { });
        services.PostConfigure<CookieAuthenticationOptions>(IdentityConstants.ApplicationScheme, cookie =>
        {
            var previous = cookie.ForwardDefaultSelector;
            var cookieName = cookie.Cookie.Name ?? "";
            cookie.ForwardDefaultSelector = context =>
                context.Request.Path.StartsWithSegments("/api", StringComparison.Ordinal)
                && (ApiTokenSecret.FromRequest(context.Request) is not null || !context.Request.Cookies.ContainsKey(cookieName))
                    ? ApiTokenHandler.SchemeName
                    : previous?.Invoke(context);
        });
        return services;
    }
}
