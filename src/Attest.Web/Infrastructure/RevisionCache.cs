using System.Diagnostics.CodeAnalysis;
using Microsoft.Extensions.Caching.Memory;

namespace Attest.Web.Infrastructure;

/// <summary>
/// What this instance keeps about applications, keyed by (among others) the application's readiness revision
/// (<see cref="Data.ApplicationRecord.ReadinessRevision"/>): the revision is read from the database on every request,
/// after the access filters, and a change anywhere (on any instance) moves it, so an entry is never served once what it
/// was made from changed; an older revision is not asked for again and ages out. At most <see cref="Capacity"/> entries,
/// kept ten minutes after their last use; the least recently used go first when it is full.
/// </summary>
public abstract class RevisionCache<TKey, TValue> : IDisposable
    where TKey : notnull
    where TValue : class
{
    /// <summary>At most this many entries are kept.</summary>
    public const int Capacity = 2_000;

    private static readonly MemoryCacheEntryOptions Kept = new() { Size = 1, SlidingExpiration = TimeSpan.FromMinutes(10) };

    private readonly MemoryCache cache = new(new MemoryCacheOptions { SizeLimit = Capacity, CompactionPercentage = 0.25 });

    public void Dispose()
    {
        cache.Dispose();
        GC.SuppressFinalize(this);
    }

    /// <summary>The entry kept under <paramref name="key"/>, if any.</summary>
    protected bool TryGet(TKey key, [NotNullWhen(true)] out TValue? value) => cache.TryGetValue(key, out value) && value is not null;

    /// <summary>Keeps <paramref name="value"/> under <paramref name="key"/>.</summary>
    protected void Set(TKey key, TValue value) => cache.Set(key, value, Kept);
}
