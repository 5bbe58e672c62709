using System.Net;
using System.Threading.RateLimiting;
using Attest.Web.Data;
using Attest.Web.Features.Api;
using Attest.Web.Features.Evidence;
using Attest.Web.Features.Package;
using Attest.Web.Features.Setup;
using Attest.Web.Features.Site;
using Attest.Web.Features.Workflow;
using Attest.Web.Infrastructure;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.HttpOverrides;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

var builder = WebApplication.CreateBuilder(args);

// ASPNETCORE_URLS, --urls (or the Urls setting) choose the address; without any, http://localhost:5080
if (string.IsNullOrWhiteSpace(builder.Configuration[WebHostDefaults.ServerUrlsKey])
    && string.IsNullOrWhiteSpace(builder.Configuration[WebHostDefaults.HttpPortsKey])
    && string.IsNullOrWhiteSpace(builder.Configuration[WebHostDefaults.HttpsPortsKey]))
{
    builder.WebHost.UseUrls("http://localhost:5080");
}

var options = builder.Configuration.GetSection("Attest").Get<AttestOptions>() ?? new AttestOptions();
builder.Services.AddSingleton(options);
Directory.CreateDirectory(options.DataPath);

builder.Services.AddScoped<CurrentAccess>();
builder.Services.AddScoped<RequestLanguage>();
// The checklists are read (YAML, validated) on another thread while the rest starts; a bad one still stops start-up below
var catalogsLoading = Task.Run(() => new Catalogs([Path.Combine(AppContext.BaseDirectory, "catalogs"), .. options.CatalogFolders]));
builder.Services.AddSingleton(_ => catalogsLoading.GetAwaiter().GetResult());
builder.Services.AddSingleton(TimeProvider.System);
builder.Services.AddSingleton<SignInThrottle>();
builder.Services.AddJobs();
// Each feature registers its own services
builder.Services.AddEvidenceFeature();
builder.Services.AddPackageFeature();
builder.Services.AddSiteFeature();
builder.Services.AddWorkflowFeature(options.Workflow);

var connection = builder.Configuration.GetConnectionString("Attest");
if (string.Equals(options.DatabaseProvider, "postgres", StringComparison.OrdinalIgnoreCase))
{
    var postgres = PostgresConnection.WithDefaults(connection ?? throw new InvalidOperationException("ConnectionStrings:Attest is required for PostgreSQL"));
    builder.Services.AddAttestDatabase<PostgresAttestDbContext>(db => db.UseNpgsql(postgres));
}
else
{
    builder.Services.AddAttestDatabase<SqliteAttestDbContext>(db => db.UseSqlite(connection ?? $"Data Source={Path.Combine(options.DataPath, "attest.db")}"));
}

builder.Services
    .AddIdentity<AttestUser, IdentityRole>(identity =>
    {
        identity.Password.RequiredLength = 12;
        identity.Password.RequireNonAlphanumeric = false;
        // Sign-in failures are throttled (SignInThrottle), never turned into a lockout anyone could cause for another's account
        identity.Lockout.MaxFailedAccessAttempts = 5;
        identity.Lockout.DefaultLockoutTimeSpan = TimeSpan.FromMinutes(15);
        identity.User.RequireUniqueEmail = true;
    })
    .AddEntityFrameworkStores<AttestDbContext>()
    .AddDefaultTokenProviders();
builder.Services.ConfigureApplicationCookie(cookie =>
{
    cookie.LoginPath = "/account/sign-in";
    cookie.AccessDeniedPath = "/account/denied";
    cookie.Cookie.Name = "attest";
    cookie.Cookie.HttpOnly = true;
    cookie.Cookie.SameSite = SameSiteMode.Lax;
    cookie.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
    // AccessMiddleware compares the cookie's security stamp with the user's on every request and ends the session at
    // once; Identity's own validator (every 30 minutes) would still build its sign-in services on every request to decide
    // that it has nothing to do
    cookie.Events.OnValidatePrincipal = _ => Task.CompletedTask;
    cookie.Events.OnRedirectToLogin = context => ApiAwareRedirect(context, StatusCodes.Status401Unauthorized);
    cookie.Events.OnRedirectToAccessDenied = context => ApiAwareRedirect(context, StatusCodes.Status403Forbidden);
});
builder.Services.AddSingleSignOn(options);
builder.Services.AddMail(options);
builder.Services.AddAuthorization();
builder.Services.AddApiTokens();
builder.Services.AddApi();
builder.Services.AddRazorPages(pages =>
{
    pages.RootDirectory = "/Features";
    pages.Conventions.AuthorizeFolder("/");
    pages.Conventions.AllowAnonymousToFolder("/Account");
    pages.Conventions.AllowAnonymousToPage("/Setup/Index");
});
builder.Services.AddAntiforgery(antiforgery => antiforgery.Cookie.Name = "attest-af");

// Keys in the database, under one application name: any instance reads any cookie, antiforgery token or e-mailed link
builder.Services.AddDataProtection().SetApplicationName("Attest").PersistKeysToDbContext<AttestDbContext>();
builder.Services.AddHealthChecks().AddDbContextCheck<AttestDbContext>("database");
// Only what is the same for everyone is kept (the API description); never a page or an answer of a signed-in user
builder.Services.AddOutputCache();
builder.Services.AddHostedService<StartupWarmUp>();
builder.Services.AddRateLimiter(limiter =>
{
    limiter.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
    // Sign-in attempts (not page views) are limited per client address
    limiter.AddPolicy("sign-in", context => HttpMethods.IsPost(context.Request.Method)
        ? RateLimitPartition.GetFixedWindowLimiter(
            context.Connection.RemoteIpAddress?.ToString() ?? "unknown",
            _ => new FixedWindowRateLimiterOptions { PermitLimit = options.SignInAttemptsPerMinute, Window = TimeSpan.FromMinutes(1), QueueLimit = 0 })
        : RateLimitPartition.GetNoLimiter("page"));
    // API calls with a personal token are limited per token (Attest:ApiTokenRequestsPerMinute, default 600)
    limiter.AddPolicy<string, ApiTokenRateLimit>(ApiTokenRateLimit.Policy);
});

// Behind a reverse proxy: the client's address and scheme come from the X-Forwarded-* headers of the known proxies only
if (options.KnownProxies.Count > 0)
{
    builder.Services.Configure<ForwardedHeadersOptions>(forwarded =>
    {
        forwarded.ForwardedHeaders = ForwardedHeaders.XForwardedFor | ForwardedHeaders.XForwardedProto;
        forwarded.KnownIPNetworks.Clear();
        forwarded.KnownProxies.Clear();
        foreach (var proxy in options.KnownProxies)
        {
            forwarded.KnownProxies.Add(IPAddress.TryParse(proxy.Trim(), out var address)
                ? address
                : throw new InvalidOperationException($"Attest:KnownProxies: '{proxy}' is not an IP address"));
        }
    });
}

var app = builder.Build();

await StartUp.PrepareDatabaseAsync(app.Services);
await catalogsLoading;

await DemoData.SeedIfAskedAsync(app.Services);

if (options.KnownProxies.Count > 0)
{
    app.UseForwardedHeaders();
}

if (!app.Environment.IsDevelopment())
{
    app.UseExceptionHandler("/error");
    app.UseHsts();
}

app.UseMiddleware<SecurityHeaders>();
app.UseStatusCodePagesWithReExecute("/error", "?status={0}");
app.UseMiddleware<ApiProblemResponses>();
app.UseMiddleware<StorageFull>();
app.UseStaticFiles();
app.UseRouting();
app.UseRateLimiter();
app.UseMiddleware<RequestLanguageMiddleware>();
app.UseAuthentication();
app.UseMiddleware<AccessMiddleware>();
app.UseMiddleware<FirstRunMiddleware>();
app.UseAuthorization();
app.UseAntiforgery();
app.UseOutputCache();

app.MapHealthChecks("/health/live", new() { Predicate = _ => false }).AllowAnonymous();
app.MapHealthChecks("/health/ready").AllowAnonymous();
app.MapRazorPages();
app.MapApi();

await app.RunAsync();

static Task ApiAwareRedirect(Microsoft.AspNetCore.Authentication.RedirectContext<Microsoft.AspNetCore.Authentication.Cookies.CookieAuthenticationOptions> context, int status)
{
    // The API answers with a status code; pages redirect to sign in
    if (context.Request.Path.StartsWithSegments("/api", StringComparison.Ordinal))
    {
        context.Response.StatusCode = status;
        return Task.CompletedTask;
    }

    context.Response.Redirect(context.RedirectUri);
    return Task.CompletedTask;
}

/// <summary>The entry point, visible to the tests' application factory.</summary>
public partial class Program;
