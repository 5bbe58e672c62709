using Attest.Core.Applications;
using Attest.Core.Site;
using Attest.Evidence.Site;
using Attest.Web.Data;
using Attest.Web.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Caching.Memory;

namespace Attest.Web.Features.Site;

/// <summary>
/// Runs the web site check of an application in the background (a <c>site-check</c> job of the durable jobs table, run by
/// <see cref="SiteCheckJob"/>), and keeps its result on the application:
/// the observation (or why there is none) with its date, which readiness then uses in place of the partner's declaration
/// for PRE-2.2, PRE-3.1 and PRE-3.2. The crawler refuses internal addresses unless the settings allow them (tests only).
/// </summary>
public sealed partial class SiteChecks(IServiceScopeFactory scopes, JobQueue jobs, AttestOptions options, TimeProvider clock, ILogger<SiteChecks> logger) : IDisposable
{
    /// <summary>The job kind of a web site check.</summary>
    public const string JobKind = "site-check";
    private readonly MemoryCache parsed = new(new MemoryCacheOptions { SizeLimit = 2_000 });

    /// <summary>
    /// Asks for a check of the application (already loaded through the access filters, so visible to the caller) and marks
    /// it as started, with its job in the same transaction; false when one is already running.
    /// </summary>
    public async Task<bool> RequestAsync(AttestDbContext db, ApplicationRecord application, CancellationToken cancel)
    {
        var now = clock.GetUtcNow();
        var stale = now - TimeSpan.FromSeconds(options.SiteCheck.TimeoutSeconds * 3L);

        // Started and not finished since, recently: that check is still running
        if (application.SiteCheckStartedAt is { } started && started > stale && (application.SiteCheckedAt is null || application.SiteCheckedAt < started))
        {
            return false;
        }

        // Marked as started with its job, in one transaction: a committed mark always has its check to come
        await using (var transaction = await db.Database.BeginTransactionAsync(cancel))
        {
            await db.Applications.Where(a => a.Id == application.Id).ExecuteUpdateAsync(s => s.SetProperty(a => a.SiteCheckStartedAt, now).SetProperty(a => a.ReadinessRevision, a => a.ReadinessRevision + 1), cancel);
            var job = jobs.Add(db, JobKind, new SiteCheckPayload(application.Id));
            await db.SaveChangesAsync(cancel);
            await transaction.CommitAsync(cancel);
            db.Entry(job).State = EntityState.Detached;
        }

        jobs.Wake();
        return true;
    }

    /// <summary>The stored observation of <paramref name="application"/>, parsed once per check.</summary>
    public SiteObservation? Observation(ApplicationRecord application)
    {
        if (application.SiteObservation is not { Length: > 0 } json || application.SiteCheckedAt is not { } checkedAt)
        {
            return null;
        }

        return parsed.GetOrCreate((application.Id, checkedAt.UtcTicks), entry =>
        {
            entry.Size = 1;
            entry.SlidingExpiration = TimeSpan.FromHours(1);
            var (observation, error) = SiteObservationJson.Read(json, "site-observation");
            if (error is not null)
            {
                LogUnreadable(logger, application.Id, error.ToString());
            }

            return observation;
        });
    }

    /// <summary>Whether a check of <paramref name="application"/> was asked for and has not finished.</summary>
    public bool IsRunning(ApplicationRecord application) =>
        application.SiteCheckStartedAt is { } started
        && (application.SiteCheckedAt is null || application.SiteCheckedAt < started)
        && started > clock.GetUtcNow() - TimeSpan.FromSeconds(options.SiteCheck.TimeoutSeconds * 3L);

    public void Dispose() => parsed.Dispose();

    /// <summary>Runs the check of a job; a failure on our side is stored on the application as such (the partner may ask again).</summary>
    internal async Task RunJobAsync(Guid id, CancellationToken cancel)
    {
        try
        {
            await CheckAsync(id, cancel);
        }
        catch (Exception e) when (e is not OperationCanceledException and not OutOfMemoryException)
        {
            LogFailed(logger, id, e);

            // When even this cannot be stored, the job fails and is retried
            await SaveAsync(id, null, "the check failed on our side; try again", cancel);
        }
    }

    /// <summary>Runs one check now and stores its result.</summary>
    public async Task CheckAsync(Guid id, CancellationToken cancel)
    {
        Application application;
        using (var scope = scopes.CreateScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<AttestDbContext>();

            // The request that queued the check went through the access filters; the background has no user
            var record = await db.Applications.IgnoreQueryFilters().AsNoTracking().Include(a => a.CaseStudies).Include(a => a.Content).AsSplitQuery().FirstOrDefaultAsync(a => a.Id == id, cancel);
            if (record is null)
            {
                return;
            }

            application = Applications.ApplicationMapping.ToDomain(record);
        }

        if (string.IsNullOrWhiteSpace(application.Partner.Homepage))
        {
            await SaveAsync(id, null, "the profile gives no home page to start from", cancel);
            return;
        }

        var settings = options.SiteCheck;
        var crawlOptions = new SiteCrawlOptions
        {
            AllowPrivateAddresses = settings.AllowPrivateAddresses,
            Limits = new SiteLimits { MaxPages = settings.MaxPages, MaxDepth = settings.MaxDepth, TimeoutSeconds = settings.TimeoutSeconds },
        };
        using var crawler = new SiteCrawler(crawlOptions, clock);
        var result = await crawler.CrawlAsync(application.Partner.Homepage, SiteTargets.From(application), cancel);

        // Without the home page (refused, unreachable, an error status) the visit observed nothing worth replacing a declaration
        await SaveAsync(id, result is { Error: null, Observation: { } observation } ? SiteObservationJson.Write(observation) : null, result.Error, cancel);
    }

    private async Task SaveAsync(Guid id, string? observation, string? error, CancellationToken cancel)
    {
        using var scope = scopes.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<AttestDbContext>();
        var now = clock.GetUtcNow();
        var shortError = error is { Length: > 2000 } ? error[..2000] : error;
        var rows = db.Applications.IgnoreQueryFilters().Where(a => a.Id == id);

        // A check that could not observe anything leaves the previous observation (with its own date) in use
        _ = observation is null
            ? await rows.ExecuteUpdateAsync(s => s.SetProperty(a => a.ReadinessRevision, a => a.ReadinessRevision + 1).SetProperty(a => a.SiteCheckedAt, now).SetProperty(a => a.SiteCheckError, shortError), cancel)
            : await rows.ExecuteUpdateAsync(s => s.SetProperty(a => a.ReadinessRevision, a => a.ReadinessRevision + 1).SetProperty(a => a.SiteCheckedAt, now).SetProperty(a => a.SiteObservation, observation).SetProperty(a => a.SiteCheckError, (string?)null), cancel);
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "The web site check of application {Id} failed")]
    private static partial void LogFailed(ILogger logger, Guid id, Exception exception);

    [LoggerMessage(Level = LogLevel.Warning, Message = "The stored site observation of application {Id} cannot be read: {Problem}")]
    private static partial void LogUnreadable(ILogger logger, Guid id, string problem);
}

/// <summary>What a web site check job checks.</summary>
public sealed record SiteCheckPayload(Guid ApplicationId);

/// <summary>Runs the <c>site-check</c> jobs.</summary>
public sealed class SiteCheckJob(SiteChecks sites) : IJobHandler
{
    public string Kind => SiteChecks.JobKind;

    public Task RunAsync(JobRecord job, IServiceProvider services, CancellationToken cancel)
    {
        ArgumentNullException.ThrowIfNull(job);
        var payload = System.Text.Json.JsonSerializer.Deserialize<SiteCheckPayload>(job.Payload, JobQueue.Json) ?? throw new JobGiveUpException("the site check cannot be read");
        return sites.RunJobAsync(payload.ApplicationId, cancel);
    }
}

/// <summary>What the profile shows of the latest web site check.</summary>
public sealed record SiteCheckView(bool Running, DateTimeOffset? StartedAt, DateTimeOffset? CheckedAt, string? Error, SiteObservation? Observation, bool HasHomepage)
{
    public static SiteCheckView Of(ApplicationRecord application, SiteChecks sites) => new(
        sites.IsRunning(application),
        application.SiteCheckStartedAt,
        application.SiteCheckedAt,
        application.SiteCheckError,
        sites.Observation(application),
        !string.IsNullOrWhiteSpace(application.Homepage));
}
