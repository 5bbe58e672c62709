using System.Net;
using Attest.Web.Data;
using Attest.Web.Features.Workflow;
using Attest.Web.Infrastructure;
using Attest.Web.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging.Abstractions;

namespace Attest.Web.Tests;

/// <summary>
/// The durable jobs table on the suite's database (SQLite, and PostgreSQL in the second run): reminders once however many
/// instances race, leases taken over, retries with backoff ending as failed jobs the administrator sees, and e-mail
/// surviving a restart.
/// </summary>
public sealed class JobsTests
{
    private static readonly DateTimeOffset ThursdayBeforeDue = new(2026, 12, 3, 8, 0, 0, TimeSpan.Zero);

    [Fact]
    public async Task A_reminder_is_sent_exactly_once_when_two_instances_race_on_one_database()
    {
        await using var world = new World();
        await world.InitializeAsync();
        await using var second = world.Factory.SharingStorage();
        await WorkflowSteps.SubmitReadyAsync(world, world.ApplicationA);
        var reminders = new[] { world.Factory.Services.GetRequiredService<DueReminder>(), second.Services.GetRequiredService<DueReminder>() };

        // Both instances' schedulers find the due date at once, each several times: one job
        var queued = await Task.WhenAll(Enumerable.Range(0, 6).Select(i => reminders[i % 2].CheckAsync(ThursdayBeforeDue, CancellationToken.None)));
        Assert.Equal(1, queued.Sum());

        // Even jobs made without the key (as if two had been queued) remind once: the mark and the notices commit together
        foreach (var services in new[] { world.Factory.Services, second.Services })
        {
            using var scope = services.CreateScope();
            var db = scope.ServiceProvider.GetRequiredService<AttestDbContext>();
            scope.ServiceProvider.GetRequiredService<JobQueue>().Add(db, ReminderJob.JobKind, new ReminderPayload(world.ApplicationA, new DateOnly(2026, 12, 4)));
            await db.SaveChangesAsync();
        }

        var runners = new[] { world.Factory.Services.GetRequiredService<JobRunner>(), second.Services.GetRequiredService<JobRunner>() };
        await Task.WhenAll(runners.Select(r => r.RunDueAsync(CancellationToken.None)).Concat(runners.Select(r => r.RunDueAsync(CancellationToken.None))));
        await WaitForJobsAsync(world, ReminderJob.JobKind);

        var notices = await world.ReadAsync(db => db.Notifications.IgnoreQueryFiltersForTests().Where(n => n.Kind == "reminder").ToListAsync());
        Assert.Equal([world.Users["office"]], notices.Select(n => n.UserId));
        var jobs = await world.ReadAsync(db => db.Jobs.AsNoTracking().Where(j => j.Kind == ReminderJob.JobKind).ToListAsync());
        Assert.Equal(3, jobs.Count);
        Assert.All(jobs, j => Assert.Equal(JobState.Done, j.State));
        Assert.Single(jobs, j => j.DedupeKey == DueReminder.KeyFor(world.ApplicationA, new DateOnly(2026, 12, 4)));

        // Later rounds queue nothing more
        Assert.Equal(0, await reminders[1].CheckAsync(ThursdayBeforeDue.AddHours(5), CancellationToken.None));
    }

    [Fact]
    public async Task A_job_whose_instance_died_is_taken_over_once_its_lease_lapses_and_not_before()
    {
        await using var world = new World();
        await world.InitializeAsync();
        var now = world.Factory.Now;
        var id = await AddJobAsync(world, new JobRecord
        {
            Kind = Attest.Web.Features.Site.SiteChecks.JobKind,
            Payload = $$"""{"applicationId":"{{world.ApplicationA}}"}""",
            State = JobState.Running,
            Attempts = 1,
            MaxAttempts = 5,
            LeaseOwner = "an-instance-that-was-killed",
            LeaseExpires = now.AddMinutes(5).ToUnixTimeMilliseconds(),
            RunAt = now.ToUnixTimeMilliseconds(),
            CreatedAt = now.ToUnixTimeMilliseconds(),
        });
        var clock = new MovableTime(now.AddMinutes(1));
        var runner = Runner(world, clock);

        // The lease still holds: nobody else touches the job
        Assert.Equal(0, await runner.RunDueAsync(CancellationToken.None));
        Assert.Equal("an-instance-that-was-killed", (await JobAsync(world, id)).LeaseOwner);

        // Lapsed: taken over and run (the profile gives no home page, which the check stores)
        clock.Now = now.AddMinutes(6);
        Assert.Equal(1, await runner.RunDueAsync(CancellationToken.None));
        var job = await JobAsync(world, id);
        Assert.Equal(JobState.Done, job.State);
        Assert.Equal(2, job.Attempts);
        Assert.Null(job.LeaseOwner);
        var application = await world.ReadAsync(db => db.Applications.IgnoreQueryFilters().AsNoTracking().SingleAsync(a => a.Id == world.ApplicationA));
        Assert.Equal("the profile gives no home page to start from", application.SiteCheckError);
    }

    [Fact]
    public async Task A_failing_job_is_retried_with_growing_waits_then_failed_and_shown_to_the_administrator_who_may_retry_it()
    {
        await using var world = new World(kestrel: false, new Dictionary<string, string> { ["Attest:Jobs:MaxAttempts"] = "3" });
        await world.InitializeAsync();

        // Only this test's runner (with its movable clock) works the table: the host's own would race it after the retry
        await world.Factory.Services.GetRequiredService<JobRunner>().StopAsync(CancellationToken.None);

        // A real SMTP exchange with a server that is not there: connection refused at every attempt
        var closedPort = FreePort();
        var sender = new SmtpMailSender(new AttestOptions { Smtp = new() { Host = "127.0.0.1", Port = closedPort, StartTls = false, From = "attest@example.test" } }, NullLogger<SmtpMailSender>.Instance);
        var start = world.Factory.Now.AddDays(1);
        long id;
        using (var scope = world.Factory.Services.CreateScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<AttestDbContext>();
            var job = scope.ServiceProvider.GetRequiredService<JobQueue>().Add(db, MailOutbox.Kind, new OutgoingMail("office@example.test", "Secret subject", "A body the administrator must not see"), start);
            await db.SaveChangesAsync();
            id = job.Id;
        }

        var clock = new MovableTime(start);
        var settings = new JobSettings { RetryBaseSeconds = 30, RetryMaxSeconds = 3600 };
        var runner = Runner(world, clock, settings, new MailJob(sender));

        Assert.Equal(1, await runner.RunDueAsync(CancellationToken.None));
        var first = await JobAsync(world, id);
        Assert.Equal(JobState.Pending, first.State);
        Assert.Equal(start.AddSeconds(30).ToUnixTimeMilliseconds(), first.RunAt);
        Assert.False(string.IsNullOrEmpty(first.LastError));

        // Not before its time; then a wait twice as long
        clock.Now = start.AddSeconds(29);
        Assert.Equal(0, await runner.RunDueAsync(CancellationToken.None));
        clock.Now = start.AddSeconds(30);
        Assert.Equal(1, await runner.RunDueAsync(CancellationToken.None));
        Assert.Equal(start.AddSeconds(90).ToUnixTimeMilliseconds(), (await JobAsync(world, id)).RunAt);

        clock.Now = start.AddSeconds(90);
        Assert.Equal(1, await runner.RunDueAsync(CancellationToken.None));
        var failed = await JobAsync(world, id);
        Assert.Equal(JobState.Failed, failed.State);
        Assert.Equal(3, failed.Attempts);
        clock.Now = start.AddDays(1);
        Assert.Equal(0, await runner.RunDueAsync(CancellationToken.None));

        // The administrator sees it, in both languages, without its content; nobody else sees the page
        var page = await world.Client("admin").GetStringAsync("/admin/jobs");
        Assert.Contains($"id=\"job-{id}\"", page, StringComparison.Ordinal);
        Assert.Contains("<code>mail</code>", page, StringComparison.Ordinal);
        Assert.Contains("3 / 3", page, StringComparison.Ordinal);
        Assert.Contains(WebUtility.HtmlEncode(failed.LastError!), page, StringComparison.Ordinal);
        Assert.DoesNotContain("Secret subject", page, StringComparison.Ordinal);
        Assert.DoesNotContain("must not see", page, StringComparison.Ordinal);
        var french = world.Client("admin");
        french.DefaultRequestHeaders.AcceptLanguage.ParseAdd("fr");
        Assert.Contains("Tâches de fond", WebUtility.HtmlDecode(await french.GetStringAsync("/admin/jobs")), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.NotFound, (await world.Client("leadA").GetAsync("/admin/jobs")).StatusCode);

        var retried = await World.PostFormAsync(world.Client("admin"), "/admin/jobs", "/admin/jobs?handler=Retry", [new("id", id.ToString(System.Globalization.CultureInfo.InvariantCulture))]);
        Assert.Equal(HttpStatusCode.Redirect, retried.StatusCode);
        // Back in the queue with its attempts counted afresh (the host's own runner is stopped, so nothing else takes it)
        var again = await JobAsync(world, id);
        Assert.Equal(JobState.Pending, again.State);
        Assert.Equal(0, again.Attempts);
        Assert.Null(again.FinishedAt);
        Assert.Equal(1, await runner.RunDueAsync(CancellationToken.None));
        Assert.Equal(1, (await JobAsync(world, id)).Attempts);
    }

    [Fact]
    public async Task An_email_queued_before_a_restart_is_sent_after_it()
    {
        await using var smtp = new SmtpServer(MailWorld.RelayUser, MailWorld.RelayPassword);
        await using var world = new World(kestrel: false, MailWorld.Settings(smtp.Port));
        await world.InitializeAsync();

        // The first instance queues the e-mail and stops before its runner gets to it
        var first = world.Factory.Services;
        await first.GetRequiredService<JobRunner>().StopAsync(CancellationToken.None);
        await first.GetRequiredService<MailOutbox>().PostAsync(new OutgoingMail("someone@example.test", "Queued before the restart", "Still sent."), CancellationToken.None);
        var restarted = world.Factory.SharingStorage();
        restarted.OwnsStorage = true;
        world.Factory.OwnsStorage = false;
        await world.Factory.DisposeAsync();
        Assert.False(smtp.TryTake(out _));

        // The new process finds it in the table and sends it
        await using (restarted)
        {
            _ = restarted.Services;
            var received = await smtp.NextAsync();
            Assert.Equal("Queued before the restart", received.Message.Subject);
            using var scope = restarted.Services.CreateScope();
            var db = scope.ServiceProvider.GetRequiredService<AttestDbContext>();
            await WaitUntilAsync(async () => await db.Jobs.AsNoTracking().AllAsync(j => j.State == JobState.Done));
        }
    }

    [Fact]
    public void Backoff_doubles_from_its_base_and_stops_at_its_ceiling()
    {
        var settings = new JobSettings { RetryBaseSeconds = 30, RetryMaxSeconds = 3600 };
        Assert.Equal([30, 60, 120, 240, 480, 960, 1920, 3600, 3600], Enumerable.Range(1, 9).Select(a => JobRunner.Backoff(settings, a).TotalSeconds));
    }

    internal static async Task WaitForJobsAsync(World world, string kind) =>
        await WaitUntilAsync(() => world.ReadAsync(db => db.Jobs.AsNoTracking().Where(j => j.Kind == kind).AllAsync(j => j.State == JobState.Done || j.State == JobState.Failed)));

    internal static async Task WaitUntilAsync(Func<Task<bool>> condition)
    {
        for (var i = 0; i < 200; i++)
        {
            if (await condition())
            {
                return;
            }

            await Task.Delay(50);
        }

        Assert.Fail("the jobs did not finish within 10 s");
    }

    /// <summary>A loopback port nothing listens on (taken, then given back).</summary>
    internal static int FreePort()
    {
        var listener = new System.Net.Sockets.TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        return port;
    }

    private static JobRunner Runner(World world, TimeProvider clock, JobSettings? settings = null, params IJobHandler[] handlers)
    {
        var services = world.Factory.Services;
        var options = new AttestOptions { Jobs = settings ?? new JobSettings() };
        IEnumerable<IJobHandler> all = handlers.Length > 0 ? handlers : services.GetServices<IJobHandler>();
        return new JobRunner(services.GetRequiredService<IServiceScopeFactory>(), services.GetRequiredService<JobQueue>(), all, options, clock, services.GetRequiredService<IHostApplicationLifetime>(), NullLogger<JobRunner>.Instance);
    }

    private static async Task<long> AddJobAsync(World world, JobRecord job)
    {
        using var scope = world.Factory.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<AttestDbContext>();
        db.Jobs.Add(job);
        await db.SaveChangesAsync();
        return job.Id;
    }

    private static Task<JobRecord> JobAsync(World world, long id) => world.ReadAsync(db => db.Jobs.AsNoTracking().SingleAsync(j => j.Id == id));

    /// <summary>A clock the test moves.</summary>
    private sealed class MovableTime(DateTimeOffset now) : TimeProvider
    {
        public DateTimeOffset Now { get; set; } = now;

        public override DateTimeOffset GetUtcNow() => Now;
    }
}
