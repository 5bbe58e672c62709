using System.Security.Claims;
using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Builder;
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

    /// <summary>A request carrying this header comes from that client address (as the connection's remote address), as if from another machine.</summary>
    public const string ClientHeader = "X-Test-Client";
    private readonly string folder;
    private readonly string? postgresDatabase;
    private readonly string? postgresServer = Environment.GetEnvironmentVariable("ATTEST_TEST_POSTGRES");

    public AttestFactory()
        : this(Path.Combine(Path.GetTempPath(), "attest-web-tests", Guid.NewGuid().ToString("N")), "attest_test_" + Guid.NewGuid().ToString("N"))
    {
    }

    private AttestFactory(string folder, string database)
    {
        this.folder = folder;
        Directory.CreateDirectory(folder);
        if (postgresServer is not null)
        {
            postgresDatabase = database;
        }
    }

    /// <summary>Whether disposing this factory removes its data folder and database (false for one that shares another's).</summary>
    public bool OwnsStorage { get; set; } = true;

    /// <summary>
    /// Another instance of the application on the same database and data folder (a second server, or the same one
    /// restarted once this one is disposed), with the same time and settings; it does not own the storage.
    /// </summary>
    public AttestFactory SharingStorage()
    {
        var other = new AttestFactory(folder, postgresDatabase ?? "") { Now = Now, OwnsStorage = false };
        foreach (var (key, value) in Settings)
        {
            other.Settings[key] = value;
        }

        return other;
    }

    public string Provider => postgresServer is null ? "sqlite" : "postgres";

    /// <summary>The time the application sees: fixed, so that readiness verdicts do not drift with the calendar.</summary>
    public DateTimeOffset Now { get; init; } = new(2026, 11, 26, 9, 0, 0, TimeSpan.Zero);

    /// <summary>Extra configuration (such as <c>Attest:Smtp:Host</c>), applied over the defaults; set before the server starts.</summary>
    public Dictionary<string, string> Settings { get; } = [];

    /// <summary>Further services registered over the application's own (real parts only); set before the server starts.</summary>
    public Action<IServiceCollection>? MoreServices { get; set; }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Production");
        builder.UseSetting("Attest:DataFolder", folder);
        builder.UseSetting("Attest:SignInAttemptsPerMinute", "1000");
        builder.UseSetting("Attest:SignInFailuresPerClient", "1000");
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
            services.AddSingleton<IStartupFilter, ClientAddressFromHeader>();
            MoreServices?.Invoke(services);
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
        if (!OwnsStorage)
        {
            return;
        }

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

    /// <summary>Sets the connection's remote address from <see cref="ClientHeader"/>, before anything else reads it.</summary>
    private sealed class ClientAddressFromHeader : IStartupFilter
    {
        public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
        {
            app.Use((context, further) =>
            {
                if (context.Request.Headers.TryGetValue(ClientHeader, out var value) && System.Net.IPAddress.TryParse(value.ToString(), out var address))
                {
                    context.Connection.RemoteIpAddress = address;
                }

                return further(context);
            });
            next(app);
        };
    }

    /// <summary>A clock stopped at one instant.</summary>
    internal sealed class FixedTime(DateTimeOffset now) : TimeProvider
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
