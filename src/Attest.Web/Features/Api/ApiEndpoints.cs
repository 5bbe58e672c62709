using Attest.Web.Features.Applications;
using Attest.Web.Features.CaseStudies;
using Attest.Web.Features.Evidence;
using Attest.Web.Infrastructure;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.OpenApi;

namespace Attest.Web.Features.Api;

/// <summary>
/// The JSON API under <c>/api/v1</c>, with the pages' authorization: the database filters hide what the caller may not
/// see (404), and writes check <see cref="Data.Access.CanEdit"/> (403). Reads accept a bearer token or the browser
/// session; unsafe methods accept only a bearer token, which a browser never sends on its own, so the API needs no
/// antiforgery token. The OpenAPI document is at <c>/openapi/v1.json</c>.
/// </summary>
public static class ApiEndpoints
{
    public const string Prefix = "/api/v1";

    /// <summary>The policy of unsafe methods: signed in by a personal API token, never by the cookie.</summary>
    public static AuthorizationPolicy TokenOnly { get; } = new AuthorizationPolicyBuilder(ApiTokenHandler.SchemeName).RequireAuthenticatedUser().Build();

    public static IServiceCollection AddApi(this IServiceCollection services) =>
        services
            .AddOpenApi("v1", openApi =>
            {
                openApi.ShouldInclude = description => description.RelativePath?.StartsWith("api/", StringComparison.Ordinal) == true;
                openApi.AddDocumentTransformer<ApiDocument>();
            });

    public static IEndpointRouteBuilder MapApi(this IEndpointRouteBuilder app)
    {
        // The same document for everyone, built once per hour instead of on every request
        app.MapOpenApi().AllowAnonymous().CacheOutput(cache => cache.Expire(TimeSpan.FromHours(1)));
        var api = app.MapGroup(Prefix)
            .RequireAuthorization()
            .RequireRateLimiting(ApiTokenRateLimit.Policy)
            .ProducesProblem(StatusCodes.Status401Unauthorized)
            .ProducesProblem(StatusCodes.Status429TooManyRequests);
        api.MapApplications();
        api.MapWorkbook();
        api.MapCaseStudies();
        api.MapSelfAssessment();
        api.MapEvidence();
        return app;
    }

    /// <summary>Describes the bearer scheme and the rules every operation shares.</summary>
    private sealed class ApiDocument : IOpenApiDocumentTransformer
    {
        public Task TransformAsync(OpenApiDocument document, OpenApiDocumentTransformerContext context, CancellationToken cancellationToken)
        {
            document.Info = new OpenApiInfo
            {
                Title = "Attest API",
                Version = "v1",
                Description = "The partner workspace as JSON. Authenticate with a personal API token (create one at /account/tokens): "
                    + "'Authorization: Bearer att_…'. Reads also accept the signed-in browser session; PUT, POST and DELETE accept only a token. "
                    + "Whatever you may not see answers 404; what you may see but not change answers 403. Errors are ProblemDetails; "
                    + "input errors name the body's line, column and field. Case studies are replaced with If-Match: \"<revision>\" (the ETag).",
            };
            document.Components ??= new OpenApiComponents();
            document.Components.SecuritySchemes ??= new Dictionary<string, IOpenApiSecurityScheme>();
            document.Components.SecuritySchemes["bearer"] = new OpenApiSecurityScheme
            {
                Type = SecuritySchemeType.Http,
                Scheme = "bearer",
                BearerFormat = "att_<43 base64url characters>",
                Description = "A personal API token, shown once when created at /account/tokens; revocable there.",
            };
            document.Security = [new OpenApiSecurityRequirement { [new OpenApiSecuritySchemeReference("bearer", document)] = [] }];
            return Task.CompletedTask;
        }
    }
}

/// <summary>
/// Under <c>/api</c>, an error answered without a body (no route, wrong method, a rejected session) gets a ProblemDetails
/// body instead of the HTML error page the status code pages would render.
/// </summary>
public sealed class ApiProblemResponses(RequestDelegate next)
{
    public async Task InvokeAsync(HttpContext context)
    {
        if (!context.Request.Path.StartsWithSegments("/api", StringComparison.Ordinal))
        {
            await next(context);
            return;
        }

        if (context.Features.Get<IStatusCodePagesFeature>() is { } pages)
        {
            pages.Enabled = false;
        }

        await next(context);
        var response = context.Response;
        if (response.StatusCode >= 400 && !response.HasStarted && response.ContentLength is null && string.IsNullOrEmpty(response.ContentType))
        {
            await response.WriteAsJsonAsync(
                new ProblemDetails { Status = response.StatusCode, Title = ReasonPhrases.GetReasonPhrase(response.StatusCode) },
                options: null,
                contentType: "application/problem+json",
                context.RequestAborted);
        }
    }
}
