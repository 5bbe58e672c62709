using Microsoft.Extensions.Caching.Memory;

namespace Attest.Web.Features.Evidence;

/// <summary>
/// Evaluated readiness reports of this instance, by application, readiness revision
/// (<see cref="Data.ApplicationRecord.ReadinessRevision"/>) and day. The revision is read from the database on every
/// request, after the access filters: a change anywhere (on any instance) moves it, so an entry is never served stale,
/// and only a caller who may read the application reaches its entry. Entries are shared by every reader of the
/// application: they hold the report and what it was judged on, nothing of the reader.
/// </summary>
public sealed class ReadinessCache : IDisposable
{
    /// <summary>At most this many reports are kept (about 100 – 300 KB each); the least recently used go first.</summary>
    public const int Capacity = 2_000;

    private readonly MemoryCache cache = new(new MemoryCacheOptions { SizeLimit = Capacity, CompactionPercentage = 0.25 });

    /// <summary>Reports found in the cache since start.</summary>
    public long Hits => Interlocked.Read(ref hits);

    /// <summary>Reports evaluated and added since start.</summary>
    public long Misses => Interlocked.Read(ref misses);

    private long hits;
    private long misses;

    /// <summary>The report of <paramref name="applicationId"/> at <paramref name="revision"/> as of <paramref name="day"/>, evaluated once.</summary>
    public async Task<EvaluatedApplication> GetOrEvaluateAsync(Guid applicationId, long revision, DateOnly day, Func<Task<EvaluatedApplication>> evaluate)
    {
        ArgumentNullException.ThrowIfNull(evaluate);
        var key = new Key(applicationId, revision, day);
        if (cache.TryGetValue(key, out EvaluatedApplication? found) && found is not null)
        {
            Interlocked.Increment(ref hits);
            return found;
        }

        Interlocked.Increment(ref misses);
        var evaluated = await evaluate();
        // An older revision of the same application will not be asked for again: it ages out, its slot is reused
        cache.Set(key, evaluated, new MemoryCacheEntryOptions { Size = 1, SlidingExpiration = TimeSpan.FromMinutes(10) });
        return evaluated;
    }

    public void Dispose() => cache.Dispose();

    private sealed record Key(Guid Application, long Revision, DateOnly Day);
}
