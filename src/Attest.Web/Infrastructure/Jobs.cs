using System.Text.Json;
using System.Threading.Channels;
using Attest.Web.Data;
using Microsoft.EntityFrameworkCore;

namespace Attest.Web.Infrastructure;

/// <summary>Runs the jobs of one kind. Throwing fails the attempt (retried later with backoff); returning finishes the job.</summary>
public interface IJobHandler
{
    /// <summary>The <see cref="JobRecord.Kind"/> this handler runs.</summary>
    string Kind { get; }

    /// <summary>Runs <paramref name="job"/> with services of a scope of its own.</summary>
    Task RunAsync(JobRecord job, IServiceProvider services, CancellationToken cancel);
}

/// <summary>A failure that no retry can mend (such as a payload that cannot be read): the job is failed at once.</summary>
public sealed class JobGiveUpException(string message) : Exception(message);

/// <summary>
/// Puts work in the durable jobs table. <see cref="Add"/> adds the job to a context so that it is committed with the
/// business change that asks for it (a committed change always has its job); <see cref="EnqueueOnceAsync"/> inserts at
/// most one job per key, whatever the number of instances asking. The in-memory signal only wakes this instance's
/// runner sooner; the table is the only copy of the work.
/// </summary>
[System.Diagnostics.CodeAnalysis.SuppressMessage("Naming", "CA1711:Identifiers should not have incorrect suffix", Justification = "It is the queue of jobs, by design")]
public sealed class JobQueue(AttestOptions options, TimeProvider clock)
{
    /// <summary>How payloads are written.</summary>
    public static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    private readonly Channel<bool> signal = Channel.CreateBounded<bool>(new BoundedChannelOptions(1) { FullMode = BoundedChannelFullMode.DropWrite });

    /// <summary>Wakes the runner of this instance (others find the job when they next look).</summary>
    public void Wake() => signal.Writer.TryWrite(true);

    internal ChannelReader<bool> Signal => signal.Reader;

    /// <summary>Adds a job to <paramref name="db"/>; it is written by the caller's next save. Call <see cref="Wake"/> after the commit.</summary>
    public JobRecord Add<T>(AttestDbContext db, string kind, T payload, DateTimeOffset? runAt = null)
    {
        ArgumentNullException.ThrowIfNull(db);
        var now = clock.GetUtcNow().ToUnixTimeMilliseconds();
        var job = new JobRecord
        {
            Kind = kind,
            Payload = JsonSerializer.Serialize(payload, Json),
            State = JobState.Pending,
            RunAt = runAt?.ToUnixTimeMilliseconds() ?? now,
            MaxAttempts = Math.Max(1, options.Jobs.MaxAttempts),
            CreatedAt = now,
        };
        db.Jobs.Add(job);
        return job;
    }

    /// <summary>Writes a job now and wakes the runner.</summary>
    public async Task EnqueueAsync<T>(AttestDbContext db, string kind, T payload, CancellationToken cancel)
    {
        Add(db, kind, payload);
        await db.SaveChangesAsync(cancel);
        Wake();
    }

    /// <summary>
    /// Inserts the job unless one with <paramref name="dedupeKey"/> exists, in any state (an insert that ignores the
    /// conflict on the unique key, so two instances asking at once make one job); true when this call made it.
    /// </summary>
    public async Task<bool> EnqueueOnceAsync<T>(AttestDbContext db, string kind, T payload, string dedupeKey, CancellationToken cancel)
    {
        ArgumentNullException.ThrowIfNull(db);
        var now = clock.GetUtcNow().ToUnixTimeMilliseconds();
        var json = JsonSerializer.Serialize(payload, Json);
        var state = nameof(JobState.Pending);
        var max = Math.Max(1, options.Jobs.MaxAttempts);
        var inserted = await db.Database.ExecuteSqlInterpolatedAsync(
            $"""
            INSERT INTO "Jobs" ("Kind", "Payload", "State", "RunAt", "Attempts", "MaxAttempts", "DedupeKey", "CreatedAt")
            VALUES ({kind}, {json}, {state}, {now}, 0, {max}, {dedupeKey}, {now})
            ON CONFLICT ("DedupeKey") DO NOTHING
            """,
            cancel);
        if (inserted > 0)
        {
            Wake();
        }

        return inserted > 0;
    }
}

/// <summary>
/// Works the jobs table in the background. Each round claims due jobs (and jobs whose lease lapsed, so that the work of
/// an instance that died is taken over) for this instance: on PostgreSQL with <c>FOR UPDATE SKIP LOCKED</c>, so that
/// instances never wait on or take each other's jobs; on SQLite with one update, the database serialising writers. A job
/// that fails is retried with exponential backoff until <see cref="JobRecord.MaxAttempts"/>, then kept as
/// <see cref="JobState.Failed"/> for the administrator (<c>/admin/jobs</c>).
/// </summary>
public sealed partial class JobRunner(IServiceScopeFactory scopes, JobQueue queue, IEnumerable<IJobHandler> handlers, AttestOptions options, TimeProvider clock, IHostApplicationLifetime lifetime, ILogger<JobRunner> logger) : BackgroundService
{
    private static readonly TimeSpan KeepDone = TimeSpan.FromDays(14);
    private readonly Dictionary<string, IJobHandler> byKind = handlers.ToDictionary(h => h.Kind, StringComparer.Ordinal);
    private DateTimeOffset lastPurge = DateTimeOffset.MinValue;

    /// <summary>Who holds the leases this runner takes: the machine, the process and this runner.</summary>
    public string Owner { get; } = OwnerName();

    private JobSettings Settings => options.Jobs;

    /// <summary>The wait before the attempt after attempt number <paramref name="attempts"/>: doubling, capped.</summary>
    public static TimeSpan Backoff(JobSettings settings, int attempts)
    {
        ArgumentNullException.ThrowIfNull(settings);
        var seconds = settings.RetryBaseSeconds * Math.Pow(2, Math.Clamp(attempts - 1, 0, 30));
        return TimeSpan.FromSeconds(Math.Min(seconds, settings.RetryMaxSeconds));
    }

    /// <summary>Claims the jobs due now (at most the batch size), runs them and records how each went; returns how many were claimed.</summary>
    public async Task<int> RunDueAsync(CancellationToken cancel)
    {
        var claimed = await ClaimAsync(Math.Max(1, Settings.BatchSize), cancel);

        // Kinds side by side (a slow site check holds no e-mail up), the jobs of one kind in the order they were queued
        await Task.WhenAll(claimed.GroupBy(j => j.Kind, StringComparer.Ordinal).Select(async kind =>
        {
            foreach (var job in kind.OrderBy(j => j.RunAt).ThenBy(j => j.Id))
            {
                await RunOneAsync(job, cancel);
            }
        }));
        return claimed.Count;
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!await lifetime.WhenStartedAsync(stoppingToken))
        {
            return;
        }

        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                while (await RunDueAsync(stoppingToken) > 0)
                {
                }

                await PurgeAsync(stoppingToken);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                // Stopping is not a failure: the runner ends without an error
                return;
            }
            catch (Exception e) when (e is not OperationCanceledException and not OutOfMemoryException)
            {
                // The database is away for a moment: the next round tries again
                LogRoundFailed(logger, e);
            }

            using var timeout = CancellationTokenSource.CreateLinkedTokenSource(stoppingToken);
            timeout.CancelAfter(TimeSpan.FromSeconds(Math.Max(0.05, Settings.PollSeconds)));
            try
            {
                await queue.Signal.WaitToReadAsync(timeout.Token);
                queue.Signal.TryRead(out _);
            }
            catch (OperationCanceledException)
            {
                // Time to look again, or to stop
            }
        }
    }

    private async Task<List<JobRecord>> ClaimAsync(int count, CancellationToken cancel)
    {
        using var scope = scopes.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<AttestDbContext>();
        var now = clock.GetUtcNow().ToUnixTimeMilliseconds();
        var until = now + (Settings.LeaseSeconds * 1000L);
        var pending = nameof(JobState.Pending);
        var running = nameof(JobState.Running);
        var owner = Owner;
        FormattableString sql;
        if (db is PostgresAttestDbContext)
        {
            sql = $"""
              UPDATE "Jobs" SET "State" = {running}, "LeaseOwner" = {owner}, "LeaseExpires" = {until}, "Attempts" = "Attempts" + 1
              WHERE "Id" IN (
                  SELECT "Id" FROM "Jobs"
                  WHERE ("State" = {pending} AND "RunAt" <= {now}) OR ("State" = {running} AND "LeaseExpires" < {now})
                  ORDER BY "RunAt", "Id" LIMIT {count}
                  FOR UPDATE SKIP LOCKED)
              RETURNING *
              """;
        }
        else
        {
            sql = $"""
              UPDATE "Jobs" SET "State" = {running}, "LeaseOwner" = {owner}, "LeaseExpires" = {until}, "Attempts" = "Attempts" + 1
              WHERE "Id" IN (
                  SELECT "Id" FROM "Jobs"
                  WHERE ("State" = {pending} AND "RunAt" <= {now}) OR ("State" = {running} AND "LeaseExpires" < {now})
                  ORDER BY "RunAt", "Id" LIMIT {count})
              RETURNING *
              """;
        }

        return await db.Jobs.FromSqlInterpolated(sql).AsNoTracking().ToListAsync(cancel);
    }

    private async Task RunOneAsync(JobRecord job, CancellationToken cancel)
    {
        string? error = null;
        var giveUp = false;
        if (job.Attempts > job.MaxAttempts)
        {
            // Taken over after its lease lapsed once too often: whatever runs it stops its instance
            error = $"the instance running it stopped {job.Attempts - 1} times";
            giveUp = true;
        }
        else if (!byKind.TryGetValue(job.Kind, out var handler))
        {
            error = $"no handler for jobs of kind \"{job.Kind}\"";
        }
        else
        {
            try
            {
                using var scope = scopes.CreateScope();
                await handler.RunAsync(job, scope.ServiceProvider, cancel);
            }
            catch (OperationCanceledException) when (cancel.IsCancellationRequested)
            {
                // Stopping: the job goes back to the table as it was, for this instance after its restart or another one
                await ReleaseAsync(job, CancellationToken.None);
                return;
            }
            catch (JobGiveUpException e)
            {
                error = e.Message;
                giveUp = true;
            }
            catch (Exception e) when (e is not OutOfMemoryException)
            {
                error = e.Message;
                LogAttemptFailed(logger, job.Id, job.Kind, job.Attempts, e);
            }
        }

        await FinishAsync(job, error, giveUp, CancellationToken.None);
    }

    private async Task FinishAsync(JobRecord job, string? error, bool giveUp, CancellationToken cancel)
    {
        using var scope = scopes.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<AttestDbContext>();
        var now = clock.GetUtcNow();
        var at = now.ToUnixTimeMilliseconds();
        var mine = db.Jobs.Where(j => j.Id == job.Id && j.LeaseOwner == Owner && j.State == JobState.Running);
        if (error is null)
        {
            // The payload (an e-mail's text, say) is of no more use once the job is done
            await mine.ExecuteUpdateAsync(s => s.SetProperty(j => j.State, JobState.Done).SetProperty(j => j.FinishedAt, at).SetProperty(j => j.Payload, "{}")
                .SetProperty(j => j.LeaseOwner, (string?)null).SetProperty(j => j.LeaseExpires, (long?)null).SetProperty(j => j.LastError, (string?)null), cancel);
            return;
        }

        var reason = error.Length > 2000 ? error[..1997] + "..." : error;
        if (giveUp || job.Attempts >= job.MaxAttempts)
        {
            await mine.ExecuteUpdateAsync(s => s.SetProperty(j => j.State, JobState.Failed).SetProperty(j => j.FinishedAt, at).SetProperty(j => j.LastError, reason)
                .SetProperty(j => j.LeaseOwner, (string?)null).SetProperty(j => j.LeaseExpires, (long?)null), cancel);
            LogGaveUp(logger, job.Id, job.Kind, job.Attempts, reason);
            return;
        }

        var next = (now + Backoff(Settings, job.Attempts)).ToUnixTimeMilliseconds();
        await mine.ExecuteUpdateAsync(s => s.SetProperty(j => j.State, JobState.Pending).SetProperty(j => j.RunAt, next).SetProperty(j => j.LastError, reason)
            .SetProperty(j => j.LeaseOwner, (string?)null).SetProperty(j => j.LeaseExpires, (long?)null), cancel);
    }

    private async Task ReleaseAsync(JobRecord job, CancellationToken cancel)
    {
        try
        {
            using var scope = scopes.CreateScope();
            var db = scope.ServiceProvider.GetRequiredService<AttestDbContext>();
            await db.Jobs.Where(j => j.Id == job.Id && j.LeaseOwner == Owner && j.State == JobState.Running)
                .ExecuteUpdateAsync(s => s.SetProperty(j => j.State, JobState.Pending).SetProperty(j => j.Attempts, j => j.Attempts - 1)
                    .SetProperty(j => j.LeaseOwner, (string?)null).SetProperty(j => j.LeaseExpires, (long?)null), cancel);
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            // Left running: its lease lapses and another round takes it over
            LogRoundFailed(logger, e);
        }
    }

    // Done jobs are kept a while (those with a key for good: the key is what makes them happen once)
    private async Task PurgeAsync(CancellationToken cancel)
    {
        var now = clock.GetUtcNow();
        if (now - lastPurge < TimeSpan.FromHours(1))
        {
            return;
        }

        lastPurge = now;
        using var scope = scopes.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<AttestDbContext>();
        var before = (now - KeepDone).ToUnixTimeMilliseconds();
        await db.Jobs.Where(j => j.State == JobState.Done && j.DedupeKey == null && j.FinishedAt < before).ExecuteDeleteAsync(cancel);
    }

    private static string OwnerName()
    {
        var name = $"{Environment.MachineName}/{Environment.ProcessId}/{Guid.NewGuid():N}";
        return name.Length > 200 ? name[^200..] : name;
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "A round of background jobs failed; trying again")]
    private static partial void LogRoundFailed(ILogger logger, Exception exception);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Job {Id} ({Kind}) failed at attempt {Attempt}; it will be retried")]
    private static partial void LogAttemptFailed(ILogger logger, long id, string kind, int attempt, Exception exception);

    [LoggerMessage(Level = LogLevel.Error, Message = "Job {Id} ({Kind}) failed after {Attempts} attempts and is given up: {Reason}")]
    private static partial void LogGaveUp(ILogger logger, long id, string kind, int attempts, string reason);
}

/// <summary>Registers the jobs table's queue and runner; features add their handlers with <see cref="AddJobHandler{T}"/>.</summary>
public static class JobRegistration
{
    public static IServiceCollection AddJobs(this IServiceCollection services)
    {
        services.AddSingleton<JobQueue>();
        services.AddSingleton<JobRunner>();
        services.AddHostedService(sp => sp.GetRequiredService<JobRunner>());
        return services;
    }

    public static IServiceCollection AddJobHandler<T>(this IServiceCollection services)
        where T : class, IJobHandler
    {
        services.AddSingleton<IJobHandler, T>();
        return services;
    }
}
