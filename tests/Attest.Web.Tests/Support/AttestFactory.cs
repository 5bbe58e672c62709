using System.Security.Claims;
using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Npgsql;

namespace Attest.Web.Tests.Support;

/// <summary>
/// The real application on a real database: a fresh SQLite file, or, when ATTEST_TEST_POSTGRES names a server, a fresh
/// PostgreSQL database. Requests carrying <c>X-Test-User</c> are signed in as that user; the others meet the real cookie sign-in.
/// </summary>
public sealed class AttestFactory : WebApplicationFactory<Program>
{
    public const string UserHeader = "X-Test-User";
    private readonly string folder = Path.Combine(Path.GetTempPath(), "attest-web-tests", Guid.NewGuid().ToString("N"));
    private readonly string? postgresDatabase;
    private readonly string? postgresServer = Environment.GetEnvironmentVariable("ATTEST_TEST_POSTGRES");

    public AttestFactory()
    {
        Directory.CreateDirectory(folder);
        if (postgresServer is not null)
        {
            postgresDatabase = "attest_test_" + Guid.NewGuid().ToString("N");
        }
    }

    public string Provider => postgresServer is null ? "sqlite" : "postgres";

    /// <summary>The time the application sees: fixed, so that readiness verdicts do not drift with the calendar.</summary>
    public DateTimeOffset Now { get; init; } = new(2026, 11, 26, 9, 0, 0, TimeSpan.Zero);

    /// <summary>Extra configuration (such as <c>Attest:Smtp:Host</c>), applied over the defaults; set before the server starts.</summary>
    public Dictionary<string, string> Settings { get; } = [];

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Production");
        builder.UseSetting("Attest:DataFolder", folder);
        builder.UseSetting("Attest:SignInAttemptsPerMinute", "1000");
        if (postgresServer is not null)
        {
            builder.UseSetting("Attest:DatabaseProvider", "postgres");
            builder.UseSetting("ConnectionStrings:Attest", new NpgsqlConnectionStringBuilder(postgresServer) { Database = postgresDatabase }.ConnectionString);
        }

        foreach (var (key, value) in Settings)
        {
            builder.UseSetting(key, value);
        }

        builder.ConfigureLogging(logging => logging.SetMinimumLevel(LogLevel.Warning));
        builder.ConfigureTestServices(services =>
        {
            services.AddSingleton<TimeProvider>(new FixedTime(Now));
            services.AddAuthentication()
                .AddScheme<AuthenticationSchemeOptions, TestUserHandler>("Test", _ => { })
                .AddPolicyScheme("TestOrCookie", "TestOrCookie", policy => policy.ForwardDefaultSelector = context =>
                    context.Request.Headers.ContainsKey(UserHeader) ? "Test" : IdentityConstants.ApplicationScheme);
            services.PostConfigure<AuthenticationOptions>(options =>
            {
                options.DefaultScheme = "TestOrCookie";
                options.DefaultAuthenticateScheme = "TestOrCookie";
                options.DefaultChallengeScheme = "TestOrCookie";
                options.DefaultForbidScheme = "TestOrCookie";
            });
        });
    }

    protected override void Dispose(bool disposing)
    {
        base.Dispose(disposing);
        if (postgresDatabase is not null)
        {
            NpgsqlConnection.ClearAllPools();
            using var connection = new NpgsqlConnection(postgresServer);
            connection.Open();
            using var drop = new NpgsqlCommand($"DROP DATABASE IF EXISTS {postgresDatabase} WITH (FORCE)", connection);
            drop.ExecuteNonQuery();
        }

        try
        {
            Directory.Delete(folder, recursive: true);
        }
        catch (IOException)
        {
            // A file still open by SQLite on some systems: the temp folder is cleaned by the system
        }
    }

    /// <summary>A clock stopped at one instant.</summary>
    private sealed class FixedTime(DateTimeOffset now) : TimeProvider
    {
        public override DateTimeOffset GetUtcNow() => now;
    }

    /// <summary>Signs the request in as the user named in the header.</summary>
    private sealed class TestUserHandler(IOptionsMonitor<AuthenticationSchemeOptions> options, ILoggerFactory logger, UrlEncoder encoder)
        : AuthenticationHandler<AuthenticationSchemeOptions>(options, logger, encoder)
    {
        protected override Task<AuthenticateResult> HandleAuthenticateAsync()
        {
            if (!Request.Headers.TryGetValue(UserHeader, out var user) || string.IsNullOrEmpty(user))
            {
                return Task.FromResult(AuthenticateResult.NoResult());
            }

            var identity = new ClaimsIdentity([new Claim(ClaimTypes.NameIdentifier, user.ToString()), new Claim(ClaimTypes.Name, user.ToString())], "Test");
            return Task.FromResult(AuthenticateResult.Success(new AuthenticationTicket(new ClaimsPrincipal(identity), "Test")));
        }
    }
}
