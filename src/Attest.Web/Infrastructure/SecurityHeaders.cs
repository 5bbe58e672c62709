namespace Attest.Web.Infrastructure;

/// <summary>Headers every response carries: no inline script or style, no framing, no MIME sniffing.</summary>
public sealed class SecurityHeaders(RequestDelegate next, AttestOptions options)
{
    // The single sign-on button posts to Attest, which redirects to the provider: browsers apply form-action to that redirect too
    private readonly string policy = $"default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; form-action 'self'{(options.Oidc.Origin is { } provider ? " " + provider : "")}; frame-ancestors 'none'; base-uri 'self'; object-src 'none'";

    public Task InvokeAsync(HttpContext context)
    {
        context.Response.OnStarting(() =>
        {
            var headers = context.Response.Headers;
            headers["Content-Security-Policy"] = policy;
            headers["X-Content-Type-Options"] = "nosniff";
            headers["X-Frame-Options"] = "DENY";
            headers["Referrer-Policy"] = "same-origin";
            headers["Permissions-Policy"] = "camera=(), microphone=(), geolocation=()";
            return Task.CompletedTask;
        });
        return next(context);
    }
}
