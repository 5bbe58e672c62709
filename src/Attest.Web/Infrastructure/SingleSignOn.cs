using Microsoft.AspNetCore.Identity;
using Microsoft.IdentityModel.Protocols.OpenIdConnect;

namespace Attest.Web.Infrastructure;

/// <summary>The company's OpenID Connect provider (section <c>Attest:Oidc</c>); the client secret comes from the environment or a secret store, never the repository.</summary>
public sealed class OidcSettings
{
    /// <summary>The issuer, such as <c>https://login.example.com/realms/staff</c>; single sign-on is off while it is empty.</summary>
    public string? Authority { get; set; }

    public string? ClientId { get; set; }

    public string? ClientSecret { get; set; }

    /// <summary>What the sign-in button names, such as <c>Example SSO</c>.</summary>
    public string? DisplayName { get; set; }

    public bool Enabled => !string.IsNullOrWhiteSpace(Authority);

    /// <summary>The origin of the provider, which the sign-in form may be sent on to.</summary>
    public string? Origin => Enabled && Uri.TryCreate(Authority, UriKind.Absolute, out var uri) ? uri.GetLeftPart(UriPartial.Authority) : null;
}

/// <summary>
/// Registers the <c>oidc</c> scheme when <c>Attest:Oidc:Authority</c> is set: authorization code flow with PKCE, the
/// <c>openid email</c> scopes, the answer read from the query (a plain redirect back, no script), signed into
/// Identity's external cookie; <c>/account/external</c> then matches the e-mail to an existing user.
/// </summary>
public static partial class SingleSignOn
{
    public const string Scheme = "oidc";

    /// <summary>The page the provider's answer ends on, success or not.</summary>
    public const string CallbackPage = "/account/external";

    public static IServiceCollection AddSingleSignOn(this IServiceCollection services, AttestOptions options)
    {
        var oidc = options.Oidc;
        if (!oidc.Enabled)
        {
            return services;
        }

        if (!Uri.TryCreate(oidc.Authority, UriKind.Absolute, out var authority) || string.IsNullOrWhiteSpace(oidc.ClientId))
        {
            throw new InvalidOperationException("Attest:Oidc:Authority must be an absolute address and Attest:Oidc:ClientId is required when single sign-on is on");
        }

        services.AddAuthentication().AddOpenIdConnect(Scheme, oidc.DisplayName, openId =>
        {
            openId.Authority = oidc.Authority;
            openId.ClientId = oidc.ClientId;
            openId.ClientSecret = oidc.ClientSecret;
            openId.ResponseType = OpenIdConnectResponseType.Code;
            openId.ResponseMode = OpenIdConnectResponseMode.Query;
            openId.UsePkce = true;
            openId.Scope.Clear();
            openId.Scope.Add("openid");
            openId.Scope.Add("email");
            openId.SignInScheme = IdentityConstants.ExternalScheme;
            openId.SaveTokens = false;
            openId.GetClaimsFromUserInfoEndpoint = false;

            // Plain http is accepted for a provider on this machine only (development and tests)
            openId.RequireHttpsMetadata = !authority.IsLoopback;

            // The answer comes back as a top-level GET: Lax cookies travel with it, and they are Secure whenever the site is on https
            openId.CorrelationCookie.SameSite = SameSiteMode.Lax;
            openId.CorrelationCookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
            openId.NonceCookie.SameSite = SameSiteMode.Lax;
            openId.NonceCookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;

            // A refusal or an error at the provider ends on the page that explains, not on an exception
            openId.Events.OnRemoteFailure = context =>
            {
                LogRemoteFailure(context.HttpContext.RequestServices.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(SingleSignOn)), context.Failure?.Message ?? "unknown");
                context.Response.Redirect(CallbackPage);
                context.HandleResponse();
                return Task.CompletedTask;
            };
        });
        return services;
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Single sign-on did not complete: {Reason}")]
    private static partial void LogRemoteFailure(ILogger logger, string reason);
}
