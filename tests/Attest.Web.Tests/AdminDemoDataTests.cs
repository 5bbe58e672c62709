using System.Collections.Concurrent;
using System.Net;
using System.Text.RegularExpressions;
using Attest.Core.Applications;
using Attest.Web.Data;
using Attest.Web.Features.Setup;
using Attest.Web.Tests.Support;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Attest.Web.Tests;

/// <summary>A fresh installation started with <c>Attest:DemoData=true</c>.</summary>
public sealed partial class AdminDemoDataTests : IAsyncLifetime
{
    private WebApplicationFactory<Program> factory = null!;

    private AttestFactory Root { get; } = new();

    private LogCapture Log { get; } = new();

    public Task InitializeAsync()
    {
        factory = Root.WithWebHostBuilder(builder =>
        {
            builder.UseSetting("Attest:DemoData", "true");
            builder.ConfigureLogging(logging => logging.AddProvider(Log));
        });
        _ = factory.Services;
        return Task.CompletedTask;
    }

    public async Task DisposeAsync()
    {
        await factory.DisposeAsync();
        await Root.DisposeAsync();
    }

    [Fact]
    public async Task It_creates_the_partner_its_people_the_assignment_and_a_half_finished_application()
    {
        using var scope = factory.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<AttestDbContext>();
        var partner = await db.Partners.IgnoreQueryFiltersForTests().SingleAsync();
        Assert.Equal("Acme Retail Cloud", partner.Name);

        var users = await db.Users.ToListAsync();
        Assert.Equal(new[] { UserRole.AllianceLead, UserRole.Contributor, UserRole.PartnerManager }, users.Select(u => u.Role).Order());
        Assert.All(users.Where(u => u.Role != UserRole.PartnerManager), u => Assert.Equal(partner.Id, u.PartnerId));
        Assert.All(users, u => Assert.True(u.EmailConfirmed));
        Assert.DoesNotContain(users, u => u.Role == UserRole.Administrator);
        var manager = users.Single(u => u.Role == UserRole.PartnerManager);
        Assert.Null(manager.PartnerId);
        Assert.Equal(new[] { partner.Id }, await db.PartnerAssignments.Where(a => a.UserId == manager.Id).Select(a => a.PartnerId).ToListAsync());

        var application = await db.Applications.IgnoreQueryFiltersForTests().Include(a => a.CaseStudies).Include(a => a.SelfAssessment).Include(a => a.Content).SingleAsync();
        Assert.Equal(("aws-retail-consulting-2019-12", ApplicationStatus.Draft, partner.Id), (application.ChecklistId, application.Status, application.PartnerId));
        Assert.Equal("Acme Retail Cloud", application.PartnerName);
        Assert.Null(application.PracticePageUrl);
        Assert.Equal(3, application.CaseStudies.Count);
        Assert.Single(application.CaseStudies, c => c.Stage == ProjectStage.Pilot);
        Assert.All(application.CaseStudies, c => Assert.Equal(partner.Id, c.PartnerId));
        Assert.NotEmpty(application.SelfAssessment);
        Assert.True(application.SelfAssessment.Count < 24, "the self-assessment is only started");
    }

    [Fact]
    public async Task The_demo_application_is_readable_by_its_people_and_not_ready()
    {
        using var scope = factory.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<AttestDbContext>();
        var people = await db.Users.ToListAsync();
        var id = await db.Applications.IgnoreQueryFiltersForTests().Select(a => a.Id).SingleAsync();
        var lead = people.Single(u => u.Role == UserRole.AllianceLead).Id;
        var manager = people.Single(u => u.Role == UserRole.PartnerManager).Id;

        // Until an administrator exists every page leads to the first-run setup
        var admin = new AttestUser { UserName = "admin@example.test", Email = "admin@example.test", DisplayName = "Admin", Role = UserRole.Administrator };
        Assert.True((await scope.ServiceProvider.GetRequiredService<UserManager<AttestUser>>().CreateAsync(admin, World.Password)).Succeeded);
        foreach (var user in new[] { lead, manager })
        {
            using var client = factory.CreateClient(new() { AllowAutoRedirect = false });
            client.DefaultRequestHeaders.Add(AttestFactory.UserHeader, user);
            var page = await client.GetAsync($"/applications/{id}");
            Assert.Equal(HttpStatusCode.OK, page.StatusCode);
            Assert.Contains("Not ready", await page.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task Each_password_is_random_logged_exactly_once_and_signs_in()
    {
        var messages = Log.Messages.ToList();
        using var scope = factory.Services.CreateScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<AttestUser>>();
        var passwords = new List<string>();
        foreach (var user in await users.Users.ToListAsync())
        {
            var lines = messages.Where(m => m.Contains(user.Email!, StringComparison.Ordinal)).ToList();
            var line = Assert.Single(lines);
            var password = Password().Match(line).Groups[1].Value;
            Assert.Equal(20, password.Length);
            Assert.True(await users.CheckPasswordAsync(user, password), user.Email);
            Assert.Single(messages, m => m.Contains(password, StringComparison.Ordinal));
            passwords.Add(password);
        }

        Assert.Equal(3, passwords.Distinct(StringComparer.Ordinal).Count());

        // A second start finds a partner and loads nothing, so no password is written again
        var before = Log.Messages.Length;
        await DemoData.SeedIfAskedAsync(factory.Services);
        Assert.DoesNotContain(Log.Messages.Skip(before), m => m.Contains("password", StringComparison.OrdinalIgnoreCase));
        Assert.Equal(3, await users.Users.CountAsync());
        Assert.Equal(1, await scope.ServiceProvider.GetRequiredService<AttestDbContext>().Partners.IgnoreQueryFiltersForTests().CountAsync());
    }

    [Fact]
    public async Task The_first_run_still_asks_for_an_administrator()
    {
        using var client = factory.CreateClient(new() { AllowAutoRedirect = false });
        var home = await client.GetAsync("/");
        Assert.Equal(HttpStatusCode.Redirect, home.StatusCode);
        Assert.Equal("/setup", home.Headers.Location?.OriginalString);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/setup")).StatusCode);
    }

    [Fact]
    public void Generated_passwords_meet_the_sign_in_rules_and_differ()
    {
        var passwords = Enumerable.Range(0, 50).Select(_ => DemoData.NewPassword()).ToList();
        Assert.All(passwords, p => Assert.Matches("^(?=.*[0-9])(?=.*[a-z])(?=.*[A-Z])[A-Za-z0-9]{20}$", p));
        Assert.Equal(passwords.Count, passwords.Distinct(StringComparer.Ordinal).Count());
    }

    [GeneratedRegex("password ([A-Za-z0-9]{20})")]
    private static partial Regex Password();

    /// <summary>Keeps every log message written, formatted.</summary>
    private sealed class LogCapture : ILoggerProvider
    {
        private readonly ConcurrentQueue<string> messages = new();

        public string[] Messages => [.. messages];

        public ILogger CreateLogger(string categoryName) => new Logger(messages);

        public void Dispose()
        {
        }

        private sealed class Logger(ConcurrentQueue<string> messages) : ILogger
        {
            public IDisposable? BeginScope<TState>(TState state)
                where TState : notnull => null;

            public bool IsEnabled(LogLevel logLevel) => true;

            public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter) =>
                messages.Enqueue(formatter(state, exception));
        }
    }
}
