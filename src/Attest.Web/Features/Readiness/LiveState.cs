using System.Globalization;
using Attest.Web.Data;
using Attest.Web.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Attest.Web.Features.Readiness;

/// <summary>
/// What the dashboard's matrix was drawn from, as a short fingerprint the page polls: the application's readiness revision
/// (which every change a report is made of moves, an analysis ending included: <see cref="ReadinessRevisions"/>), its
/// status and the day. When the fingerprint changes (an analysis finished, someone saved), the page fetches the matrix again.
/// </summary>
/// <param name="State">The fingerprint: equal fingerprints mean the same matrix.</param>
/// <param name="Analysed">Files attached to the application whose analysis is over (done or failed).</param>
/// <param name="Files">Files attached to the application that are analysed.</param>
public sealed record LiveState(string State, int Analysed, int Files)
{
    /// <summary>True while some attached file still waits for its analysis.</summary>
    public bool Running => Analysed < Files;

    /// <summary>
    /// The fingerprint of the application <paramref name="applicationId"/> as the current user may see it (the access filters
    /// apply), or null when the application is not found for this user.
    /// </summary>
    public static async Task<LiveState?> OfAsync(AttestDbContext db, Guid applicationId, DateOnly today, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        var application = await db.Applications.AsNoTracking().Where(a => a.Id == applicationId)
            .Select(a => new { a.ReadinessRevision, a.Status })
            .FirstOrDefaultAsync(cancellationToken);
        if (application is null)
        {
            return null;
        }

        // The same files the dashboard counts in its progress: those that may hold code, of the case studies the application
        // has (or of the application itself); only their number of finished analyses is read, for the polling pace
        var files = await db.EvidenceLinks.AsNoTracking()
            .Where(l => l.ApplicationId == applicationId
                && (l.CaseStudyKey == null || db.CaseStudies.Any(c => c.ApplicationId == applicationId && c.Key == l.CaseStudyKey)))
            .Join(db.Evidence, l => l.EvidenceId, e => e.Id, (l, e) => new { e.Sha256, e.ContentType })
            .Where(e => e.Sha256 != null)
            .Distinct()
            .ToListAsync(cancellationToken);
        var code = files.Where(f => EvidenceContentType.MayHoldCode(f.ContentType)).Select(f => f.Sha256!).Distinct(StringComparer.Ordinal).ToList();
        var analysed = code.Count == 0
            ? 0
            : await db.EvidenceAnalyses.AsNoTracking()
                .CountAsync(a => a.AnalyzerVersion == AnalyzerVersion.Current && code.Contains(a.Sha256)
                    && (a.State == AnalysisState.Done || a.State == AnalysisState.Failed), cancellationToken);

        return new LiveState(Fingerprint(application.ReadinessRevision, application.Status, today), analysed, code.Count);
    }

    /// <summary>The fingerprint of an application at this readiness revision and status, on <paramref name="today"/>.</summary>
    public static string Fingerprint(long readinessRevision, ApplicationStatus status, DateOnly today) =>
        string.Create(CultureInfo.InvariantCulture, $"{readinessRevision}-{status}-{today:yyyyMMdd}");
}
