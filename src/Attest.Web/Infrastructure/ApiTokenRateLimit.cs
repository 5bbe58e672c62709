using System.Globalization;
using System.Threading.RateLimiting;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.RateLimiting;

namespace Attest.Web.Infrastructure;

/// <summary>
/// Rate limit on token use: a fixed window per token (keyed by its hash), <c>Attest:ApiTokenRequestsPerMinute</c>
/// requests a minute (default 600). Requests without a token are not limited here. Beyond the limit: 429, Retry-After.
/// </summary>
public sealed class ApiTokenRateLimit(IConfiguration configuration) : IRateLimiterPolicy<string>
{
    public const string Policy = "api-token";

    private readonly int permitLimit = Math.Max(1, configuration.GetValue("Attest:ApiTokenRequestsPerMinute", 600));

    public Func<OnRejectedContext, CancellationToken, ValueTask>? OnRejected => async (rejected, cancel) =>
    {
        var response = rejected.HttpContext.Response;
        response.StatusCode = StatusCodes.Status429TooManyRequests;
        if (rejected.Lease.TryGetMetadata(MetadataName.RetryAfter, out var retryAfter))
        {
            response.Headers.RetryAfter = ((int)Math.Ceiling(retryAfter.TotalSeconds)).ToString(CultureInfo.InvariantCulture);
        }

        await response.WriteAsJsonAsync(
            new ProblemDetails { Status = StatusCodes.Status429TooManyRequests, Title = "Too many requests", Detail = $"A token may make {permitLimit} requests a minute." },
            options: null,
            contentType: "application/problem+json",
            cancel);
    };

    public RateLimitPartition<string> GetPartition(HttpContext httpContext) =>
        ApiTokenSecret.FromRequest(httpContext.Request) is { } token
            ? RateLimitPartition.GetFixedWindowLimiter(
                "token:" + ApiTokenSecret.Hash(token),
                _ => new FixedWindowRateLimiterOptions { PermitLimit = permitLimit, Window = TimeSpan.FromMinutes(1), QueueLimit = 0 })
            : RateLimitPartition.GetNoLimiter("no-token");
}
