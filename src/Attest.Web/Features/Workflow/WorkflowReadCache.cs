using Attest.Core.Workflow;
using Attest.Web.Data;
using Microsoft.Extensions.Caching.Memory;

namespace Attest.Web.Features.Workflow;

/// <summary>
/// Workflows as read for display (the dashboard's panel, the package page), kept per application and readiness
/// revision: every save of a workflow bumps its application's revision in the same transaction
/// (<see cref="ReadinessRevisions"/>), so an entry is never served once the workflow changed, on any instance. What
/// is kept is only read: nobody changes a workflow through it (changes go through <see cref="WorkflowStore.LoadAsync"/>).
/// </summary>
public sealed class WorkflowReadCache : IDisposable
{
    /// <summary>At most this many workflows are kept; the least recently used go first.</summary>
    public const int Capacity = 2_000;

    private readonly MemoryCache cache = new(new MemoryCacheOptions { SizeLimit = Capacity, CompactionPercentage = 0.25 });

    /// <summary>The workflow of <paramref name="applicationId"/> at <paramref name="revision"/>, when kept.</summary>
    public bool TryGet(Guid applicationId, long revision, Reader reader, out Entry? entry) => cache.TryGetValue(new Key(applicationId, revision, reader), out entry) && entry is not null;

    /// <summary>Keeps what was read for <paramref name="applicationId"/> at <paramref name="revision"/>.</summary>
    public void Set(Guid applicationId, long revision, Reader reader, Entry entry) =>
        cache.Set(new Key(applicationId, revision, reader), entry, new MemoryCacheEntryOptions { Size = 1, SlidingExpiration = TimeSpan.FromMinutes(10) });

    public void Dispose() => cache.Dispose();

    /// <summary>The workflow's row (none before the first step) and the workflow restored from it.</summary>
    public sealed record Entry(WorkflowRecord? Record, ApplicationWorkflow Workflow);

    /// <summary>Why the reader sees the application, which decides what the workflows' filter shows them.</summary>
    public enum Reader
    {
        /// <summary>The application's partner's people, or its auditor: the workflow as it is.</summary>
        Owner,

        /// <summary>The program office: the workflow once it left the draft.</summary>
        Office,
    }

    private sealed record Key(Guid Application, long Revision, Reader Reader);
}
