using Attest.Web.Infrastructure;

namespace Attest.Web.Features.Evidence;

/// <summary>
/// Evaluated readiness reports of this instance, by application, readiness revision and day (see
/// <see cref="RevisionCache{TKey, TValue}"/>: never served stale). Only a caller who may read the application reaches
/// its entry (the revision is read after the access filters). Entries are shared by every reader of the application:
/// they hold the report and what it was judged on (about 100 – 300 KB each), nothing of the reader.
/// </summary>
public sealed class ReadinessCache : RevisionCache<ReadinessCache.Key, EvaluatedApplication>
{
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
        if (TryGet(key, out var found))
        {
            Interlocked.Increment(ref hits);
            return found;
        }

        Interlocked.Increment(ref misses);
        var evaluated = await evaluate();
        Set(key, evaluated);
        return evaluated;
    }

    /// <summary>What a report is kept under.</summary>
    public readonly record struct Key(Guid Application, long Revision, DateOnly Day);
}
