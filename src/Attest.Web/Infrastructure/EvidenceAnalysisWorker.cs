using System.Threading.Channels;
using Attest.Web.Data;
using Microsoft.EntityFrameworkCore;

namespace Attest.Web.Infrastructure;

/// <summary>
/// Analyses files in the background and stores the results (<see cref="EvidenceAnalysisRecord"/>, by content SHA-256 and
/// <see cref="AnalyzerVersion.Current"/>). The table is the work queue: a file that arrives gets a pending row
/// (<see cref="QueueAsync"/>), and every instance sharing the database picks pending rows up — when signalled, at start,
/// and every few seconds. A row is claimed by a conditional update with a lease, so that two instances never analyse the
/// same file at once and a file whose instance stopped mid-way is taken over once the lease lapses (on PostgreSQL with
/// <c>FOR UPDATE SKIP LOCKED</c>; after <see cref="MaxAttempts"/> cut-short attempts the file is failed, which the
/// administrator's jobs page counts). At start, every file
/// of every library whose analysis is missing or was made by another analyzer version is queued again. Pages and the API
/// only read the table.
/// </summary>
public sealed partial class EvidenceAnalysisWorker(IServiceScopeFactory scopes, EvidenceStore store, TimeProvider clock, IHostApplicationLifetime lifetime, ILogger<EvidenceAnalysisWorker> logger) : BackgroundService
{
    /// <summary>How long an instance may hold a file before another may take it over.</summary>
    public static readonly TimeSpan Lease = TimeSpan.FromMinutes(5);

    /// <summary>How many times an analysis may be cut short (its instance stopping) before the file is failed.</summary>
    public const int MaxAttempts = 5;

    /// <summary>How old a stored file without a row must be before the sweep at start removes it (younger ones may be in flight).</summary>
    public static readonly TimeSpan OrphanAge = TimeSpan.FromHours(1);

    private static readonly TimeSpan Poll = TimeSpan.FromSeconds(3);
    private readonly Channel<bool> wake = Channel.CreateBounded<bool>(new BoundedChannelOptions(1) { FullMode = BoundedChannelFullMode.DropWrite });

    /// <summary>
    /// Queues the analysis of the files with these addresses unless one by the current analyzer is stored or queued, and
    /// wakes the analyzer. Safe against a concurrent queueing of the same file (by this instance or another).
    /// </summary>
    public async Task QueueAsync(AttestDbContext db, IReadOnlyCollection<string> sha256s, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(sha256s);
        await QueueMissingAsync(db, sha256s, clock.GetUtcNow(), cancellationToken);
        Wake();
    }

    /// <summary>Asks the background loop to look for pending files now.</summary>
    public void Wake() => wake.Writer.TryWrite(true);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!await lifetime.WhenStartedAsync(stoppingToken))
        {
            return;
        }

        store.RemoveAbandonedUploads(TimeSpan.FromDays(1));
        try
        {
            await store.RemoveOrphansAsync(ReferencedAsync, OrphanAge, stoppingToken);
        }
        catch (Exception e) when (e is not OperationCanceledException and not OutOfMemoryException)
        {
            LogSweepFailed(logger, e);
        }

        try
        {
            await RequeueAsync(stoppingToken);
        }
        catch (Exception e) when (e is not OperationCanceledException and not OutOfMemoryException)
        {
            LogRequeueFailed(logger, e);
        }

        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                while (await ClaimNextAsync(stoppingToken) is { } sha256)
                {
                    await AnalyseAsync(sha256, stoppingToken);
                }
            }
            catch (Exception e) when (e is not OperationCanceledException and not OutOfMemoryException)
            {
                // The database is away for a moment: the next round tries again
                LogRoundFailed(logger, e);
            }

            using var timeout = CancellationTokenSource.CreateLinkedTokenSource(stoppingToken);
            timeout.CancelAfter(Poll);
            try
            {
                await wake.Reader.WaitToReadAsync(timeout.Token);
                wake.Reader.TryRead(out _);
            }
            catch (OperationCanceledException) when (!stoppingToken.IsCancellationRequested)
            {
                // Time to look again
            }
        }
    }

    // The content address of every stored file of every library
    private async Task<IReadOnlySet<string>> ReferencedAsync(CancellationToken cancellationToken)
    {
        using var scope = scopes.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<AttestDbContext>();
        var addresses = await db.Evidence.IgnoreQueryFilters().AsNoTracking().Where(e => e.Sha256 != null).Select(e => e.Sha256!).Distinct().ToListAsync(cancellationToken);
        return addresses.ToHashSet(StringComparer.Ordinal);
    }

    // Every file that may hold code, of every library, without an analysis by the current analyzer
    private async Task RequeueAsync(CancellationToken cancellationToken)
    {
        using var scope = scopes.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<AttestDbContext>();
        var files = await db.Evidence.IgnoreQueryFilters().AsNoTracking()
            .Where(e => e.Sha256 != null)
            .Select(e => new { e.Sha256, e.ContentType })
            .Distinct()
            .ToListAsync(cancellationToken);
        var addresses = files.Where(f => EvidenceContentType.MayHoldCode(f.ContentType)).Select(f => f.Sha256!).Distinct(StringComparer.Ordinal).ToList();
        foreach (var chunk in addresses.Chunk(500))
        {
            await QueueMissingAsync(db, chunk, clock.GetUtcNow(), cancellationToken);
        }
    }

    private static async Task QueueMissingAsync(AttestDbContext db, IReadOnlyCollection<string> sha256s, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var wanted = sha256s.Where(EvidenceStore.IsAddress).Distinct(StringComparer.Ordinal).ToList();
        if (wanted.Count == 0)
        {
            return;
        }

        var known = await db.EvidenceAnalyses.AsNoTracking()
            .Where(a => a.AnalyzerVersion == AnalyzerVersion.Current && wanted.Contains(a.Sha256))
            .Select(a => a.Sha256)
            .ToListAsync(cancellationToken);
        foreach (var sha256 in wanted.Except(known, StringComparer.Ordinal))
        {
            var row = new EvidenceAnalysisRecord { Sha256 = sha256, AnalyzerVersion = AnalyzerVersion.Current, State = AnalysisState.Pending, QueuedAt = now };
            db.EvidenceAnalyses.Add(row);
            try
            {
                await db.SaveChangesAsync(cancellationToken);
            }
            catch (DbUpdateException)
            {
                // Queued at the same moment elsewhere: the row is there, which is all that is asked
            }
            finally
            {
                db.Entry(row).State = EntityState.Detached;
            }
        }
    }

    // Takes one pending file (or one whose lease lapsed) for this instance; null when there is none
    private async Task<string?> ClaimNextAsync(CancellationToken cancellationToken)
    {
        using var scope = scopes.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<AttestDbContext>();
        var now = clock.GetUtcNow().ToUnixTimeMilliseconds();
        var version = AnalyzerVersion.Current;

        // A file whose analysis was cut short (its instance stopped) too many times is failed, for the administrator to see
        var exhausted = db.EvidenceAnalyses
            .Where(a => a.AnalyzerVersion == version && a.State == AnalysisState.Running && a.LeaseExpires < now && a.Attempts >= MaxAttempts);
        // Failed counts as analysed in the applications' progress: their cached reports go
        var failing = await exhausted.Select(a => a.Sha256).ToListAsync(cancellationToken);
        if (failing.Count > 0)
        {
            await exhausted.ExecuteUpdateAsync(s => s.SetProperty(a => a.State, AnalysisState.Failed).SetProperty(a => a.Error, $"the analysis was cut short {MaxAttempts} times").SetProperty(a => a.LeaseExpires, (long?)null), cancellationToken);
            await ReadinessRevisions.BumpForContentAsync(db, failing, cancellationToken);
        }

        if (db is PostgresAttestDbContext)
        {
            // One statement: instances skip the rows another is claiming instead of waiting for them
            var leaseUntil = now + (long)Lease.TotalMilliseconds;
            var pending = nameof(AnalysisState.Pending);
            var running = nameof(AnalysisState.Running);
            var claimed = await db.Database.SqlQuery<string>($"""
                UPDATE "EvidenceAnalyses" SET "State" = {running}, "LeaseExpires" = {leaseUntil}, "Attempts" = "Attempts" + 1
                WHERE ("Sha256", "AnalyzerVersion") IN (
                    SELECT "Sha256", "AnalyzerVersion" FROM "EvidenceAnalyses"
                    WHERE "AnalyzerVersion" = {version} AND ("State" = {pending} OR ("State" = {running} AND "LeaseExpires" < {now}))
                    ORDER BY "Attempts", "Sha256" LIMIT 1
                    FOR UPDATE SKIP LOCKED)
                RETURNING "Sha256" AS "Value"
                """).ToListAsync(cancellationToken);
            return claimed.FirstOrDefault();
        }

        var candidates = await db.EvidenceAnalyses.AsNoTracking()
            .Where(a => a.AnalyzerVersion == AnalyzerVersion.Current && (a.State == AnalysisState.Pending || (a.State == AnalysisState.Running && a.LeaseExpires < now)))
            // Fewest attempts first, so that a file whose analyses keep being cut short does not hold up the others
            .OrderBy(a => a.Attempts).ThenBy(a => a.Sha256)
            .Select(a => a.Sha256)
            .Take(16)
            .ToListAsync(cancellationToken);
        var until = now + (long)Lease.TotalMilliseconds;
        foreach (var sha256 in candidates)
        {
            var claimed = await db.EvidenceAnalyses
                .Where(a => a.Sha256 == sha256 && a.AnalyzerVersion == AnalyzerVersion.Current
                    && (a.State == AnalysisState.Pending || (a.State == AnalysisState.Running && a.LeaseExpires < now)))
                .ExecuteUpdateAsync(s => s.SetProperty(a => a.State, AnalysisState.Running).SetProperty(a => a.LeaseExpires, until).SetProperty(a => a.Attempts, a => a.Attempts + 1), cancellationToken);
            if (claimed == 1)
            {
                return sha256;
            }
        }

        return null;
    }

    private async Task AnalyseAsync(string sha256, CancellationToken cancellationToken)
    {
        EvidenceScan? scan = null;
        string? error = null;
        var gone = false;
        try
        {
            await using var file = await store.OpenSeekableAsync(sha256, cancellationToken);
            if (file is null)
            {
                gone = true;
            }
            else
            {
                scan = IacEvidence.Scan(file);
            }
        }
        catch (Exception e) when (e is not OperationCanceledException and not OutOfMemoryException)
        {
            LogScanFailed(logger, sha256, e);
            error = $"the analysis stopped: {e.Message}";
        }

        using var scope = scopes.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<AttestDbContext>();
        var row = await db.EvidenceAnalyses.FirstOrDefaultAsync(a => a.Sha256 == sha256 && a.AnalyzerVersion == AnalyzerVersion.Current, cancellationToken);
        if (row is null)
        {
            return;
        }

        // Deleted since it was queued: nothing to analyse, and the file is queued afresh if it ever arrives again
        if (gone)
        {
            db.EvidenceAnalyses.Remove(row);
            await db.SaveChangesAsync(cancellationToken);
            return;
        }

        var now = clock.GetUtcNow();
        if (scan is not null)
        {
            StoredAnalysis.Complete(row, scan, now);
        }
        else
        {
            StoredAnalysis.Fail(row, error ?? "the analysis stopped", now);
        }

        await db.SaveChangesAsync(cancellationToken);

        // The results of older analyzers are of no more use once the current one is stored
        await db.EvidenceAnalyses.Where(a => a.Sha256 == sha256 && a.AnalyzerVersion != AnalyzerVersion.Current).ExecuteDeleteAsync(cancellationToken);
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "Analysing evidence {Sha256} failed")]
    private static partial void LogScanFailed(ILogger logger, string sha256, Exception exception);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Removing evidence files without a row at start failed")]
    private static partial void LogSweepFailed(ILogger logger, Exception exception);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Queueing the evidence analyses at start failed")]
    private static partial void LogRequeueFailed(ILogger logger, Exception exception);

    [LoggerMessage(Level = LogLevel.Warning, Message = "A round of evidence analyses failed; trying again")]
    private static partial void LogRoundFailed(ILogger logger, Exception exception);
}
