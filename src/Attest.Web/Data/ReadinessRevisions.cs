using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;

namespace Attest.Web.Data;

/// <summary>
/// Keeps <see cref="ApplicationRecord.ReadinessRevision"/> moving with everything a readiness report is made of, so that
/// a report cached under (application, readiness revision, day) is never served once any of it changed, on any instance.
/// Saves through <see cref="AttestDbContext"/> are covered by <see cref="Collect"/>; a bulk update
/// (<c>ExecuteUpdate</c>) that touches such data calls <see cref="BumpAsync"/> itself.
/// </summary>
public static class ReadinessRevisions
{
    /// <summary>What a set of changes touches: applications directly, evidence records, and stored analyses by content address.</summary>
    public sealed record Touched(HashSet<Guid> Applications, HashSet<Guid> Evidence, HashSet<string> Sha256s)
    {
        public bool IsEmpty => Applications.Count == 0 && Evidence.Count == 0 && Sha256s.Count == 0;
    }

    /// <summary>The applications, evidence and analyses that the pending changes of <paramref name="tracker"/> touch.</summary>
    public static Touched Collect(ChangeTracker tracker)
    {
        ArgumentNullException.ThrowIfNull(tracker);
        var touched = new Touched([], [], new HashSet<string>(StringComparer.Ordinal));
        foreach (var entry in tracker.Entries())
        {
            if (entry.State is not (EntityState.Added or EntityState.Modified or EntityState.Deleted))
            {
                continue;
            }

            switch (entry.Entity)
            {
                case ApplicationRecord application when entry.State != EntityState.Added:
                    // A new application has no report cached yet
                    touched.Applications.Add(application.Id);
                    break;
                case CaseStudyRecord or ContentRecord or SelfAssessmentRecord or EvidenceLink or WorkflowRecord:
                    Add(touched.Applications, entry, "ApplicationId");
                    break;
                case EvidenceRecord evidence when entry.State != EntityState.Added:
                    // A new record is linked nowhere yet; its links bring their applications
                    touched.Evidence.Add(evidence.Id);
                    break;
                case EvidenceAnalysisRecord analysis:
                    touched.Sha256s.Add(analysis.Sha256);
                    if (entry.State == EntityState.Modified && entry.Property(nameof(EvidenceAnalysisRecord.Sha256)).OriginalValue is string before)
                    {
                        touched.Sha256s.Add(before);
                    }

                    break;
            }
        }

        return touched;
    }

    /// <summary>Bumps the readiness revision of every application that <paramref name="touched"/> reaches, whoever owns it.</summary>
    public static async Task BumpAsync(AttestDbContext db, Touched touched, CancellationToken cancellationToken) =>
        await BumpApplicationsAsync(db, await ApplicationsAsync(db, touched, cancellationToken), cancellationToken);

    /// <summary>
    /// The applications <paramref name="touched"/> reaches. Read before the changes are saved: a removed evidence record
    /// takes its links with it, and the applications they named must still be found.
    /// </summary>
    public static async Task<IReadOnlyList<Guid>> ApplicationsAsync(AttestDbContext db, Touched touched, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(touched);
        var ids = touched.Applications.ToList();
        if (touched.Evidence.Count > 0 || touched.Sha256s.Count > 0)
        {
            var evidence = touched.Evidence.ToList();
            var sha256s = touched.Sha256s.ToList();
            // The evidence (or its content) may be linked to applications of the partner only, but a background worker
            // has no partner: the filters are off, and only revision numbers are written
            ids.AddRange(await db.EvidenceLinks.IgnoreQueryFilters()
                .Where(l => evidence.Contains(l.EvidenceId) || db.Evidence.IgnoreQueryFilters().Any(e => e.Id == l.EvidenceId && e.Sha256 != null && sha256s.Contains(e.Sha256)))
                .Select(l => l.ApplicationId)
                .Distinct()
                .ToListAsync(cancellationToken));
        }

        return ids.Distinct().ToList();
    }

    /// <summary>Bumps the readiness revision of these applications, whoever owns them.</summary>
    public static async Task BumpApplicationsAsync(AttestDbContext db, IReadOnlyList<Guid> applications, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(applications);
        if (applications.Count == 0)
        {
            return;
        }

        var distinct = applications.ToList();
        await db.Applications.IgnoreQueryFilters()
            .Where(a => distinct.Contains(a.Id))
            .ExecuteUpdateAsync(s => s.SetProperty(a => a.ReadinessRevision, a => a.ReadinessRevision + 1), cancellationToken);
    }

    /// <summary>Bumps the applications whose linked files have these content addresses (a stored analysis changed in bulk).</summary>
    public static Task BumpForContentAsync(AttestDbContext db, IEnumerable<string> sha256s, CancellationToken cancellationToken) =>
        BumpAsync(db, new Touched([], [], sha256s.ToHashSet(StringComparer.Ordinal)), cancellationToken);

    private static void Add(HashSet<Guid> applications, EntityEntry entry, string property)
    {
        var value = entry.Property(property);
        if (entry.State != EntityState.Added && value.OriginalValue is Guid before)
        {
            applications.Add(before);
        }

        if (value.CurrentValue is Guid now)
        {
            applications.Add(now);
        }
    }
}
