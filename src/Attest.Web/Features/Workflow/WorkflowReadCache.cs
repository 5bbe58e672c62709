using System.Diagnostics.CodeAnalysis;
using Attest.Core.Workflow;
using Attest.Web.Data;
using Attest.Web.Infrastructure;

namespace Attest.Web.Features.Workflow;

/// <summary>
/// Workflows as read for display (the dashboard's panel, the package page), kept per application and readiness
/// revision (see <see cref="RevisionCache{TKey, TValue}"/>): every save of a workflow bumps its application's revision in the same transaction
/// (<see cref="ReadinessRevisions"/>), so an entry is never served once the workflow changed, on any instance. What
/// is kept is only read: nobody changes a workflow through it (changes go through <see cref="WorkflowStore.LoadAsync"/>).
/// </summary>
public sealed class WorkflowReadCache : RevisionCache<WorkflowReadCache.Key, WorkflowReadCache.Entry>
{
    /// <summary>The workflow of <paramref name="applicationId"/> at <paramref name="revision"/>, when kept.</summary>
    public bool TryGet(Guid applicationId, long revision, Reader reader, [NotNullWhen(true)] out Entry? entry) => TryGet(new Key(applicationId, revision, reader), out entry);

    /// <summary>Keeps what was read for <paramref name="applicationId"/> at <paramref name="revision"/>.</summary>
    public void Set(Guid applicationId, long revision, Reader reader, Entry entry) => Set(new Key(applicationId, revision, reader), entry);

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

    /// <summary>What a workflow is kept under.</summary>
    public readonly record struct Key(Guid Application, long Revision, Reader Reader);
}
