using System.Threading.Channels;
using Attest.Core.Applications;
using Attest.Core.Site;
using Attest.Evidence.Site;
using Attest.Web.Data;
using Attest.Web.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Caching.Memory;

namespace Attest.Web.Features.Site;

/// <summary>
/// Runs the web site check of an application in the background, one at a time, and keeps its result on the application:
/// the observation (or why there is none) with its date, which readiness then uses in place of the partner's declaration
/// for PRE-2.2, PRE-3.1 and PRE-3.2. The crawler refuses internal addresses unless the settings allow them (tests only).
/// </summary>
public sealed partial class SiteChecks(IServiceScopeFactory scopes, AttestOptions options, TimeProvider clock, ILogger<SiteChecks> logger) : BackgroundService
{
    private readonly Channel<Guid> queue = Channel.CreateBounded<Guid>(new BoundedChannelOptions(64) { SingleReader = true, FullMode = BoundedChannelFullMode.DropWrite });
    private readonly MemoryCache parsed = new(new MemoryCacheOptions { SizeLimit = 2_000 });

    /// <summary>
    /// Asks for a check of the application (already loaded through the access filters, so visible to the caller) and marks
    /// it as started; false when one is already running or the queue is full.
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

        // Marked as started before it is queued, so that a quick check cannot finish before the mark and look unfinished
        var previous = application.SiteCheckStartedAt;
        await db.Applications.Where(a => a.Id == application.Id).ExecuteUpdateAsync(s => s.SetProperty(a => a.SiteCheckStartedAt, now), cancel);
        if (queue.Writer.TryWrite(application.Id))
        {
            return true;
        }

        await db.Applications.Where(a => a.Id == application.Id).ExecuteUpdateAsync(s => s.SetProperty(a => a.SiteCheckStartedAt, previous), cancel);
        return false;
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

    public override void Dispose()
    {
        parsed.Dispose();
        base.Dispose();
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        await foreach (var id in queue.Reader.ReadAllAsync(stoppingToken))
        {
            try
            {
                await CheckAsync(id, stoppingToken);
            }
            catch (Exception e) when (e is not OperationCanceledException and not OutOfMemoryException)
            {
                LogFailed(logger, id, e);
                await SaveAsync(id, null, "the check failed on our side; try again", stoppingToken);
            }
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
            ? await rows.ExecuteUpdateAsync(s => s.SetProperty(a => a.SiteCheckedAt, now).SetProperty(a => a.SiteCheckError, shortError), cancel)
            : await rows.ExecuteUpdateAsync(s => s.SetProperty(a => a.SiteCheckedAt, now).SetProperty(a => a.SiteObservation, observation).SetProperty(a => a.SiteCheckError, (string?)null), cancel);
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "The web site check of application {Id} failed")]
    private static partial void LogFailed(ILogger logger, Guid id, Exception exception);

    [LoggerMessage(Level = LogLevel.Warning, Message = "The stored site observation of application {Id} cannot be read: {Problem}")]
    private static partial void LogUnreadable(ILogger logger, Guid id, string problem);
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
