using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Attest.Web.Data;
using Attest.Web.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Attest.Web.Features.Readiness;

/// <summary>
/// What the dashboard's matrix was drawn from, as a short fingerprint the page polls: the application's revision, its case
/// studies' and self-assessment's revisions, the files attached to it, the state of each file's analysis and the day. When
/// the fingerprint changes (an analysis finished, someone saved), the page fetches the matrix again.
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
            .Select(a => new { a.Revision, a.UpdatedAt, a.Status })
            .FirstOrDefaultAsync(cancellationToken);
        if (application is null)
        {
            return null;
        }

        var caseStudies = await db.CaseStudies.AsNoTracking().Where(c => c.ApplicationId == applicationId)
            .Select(c => new { c.Key, c.Revision }).ToListAsync(cancellationToken);
        var answers = await db.SelfAssessment.AsNoTracking().Where(s => s.ApplicationId == applicationId)
            .Select(s => new { s.ItemId, s.Revision }).ToListAsync(cancellationToken);
        var links = await db.EvidenceLinks.AsNoTracking().Where(l => l.ApplicationId == applicationId)
            .Join(db.Evidence, l => l.EvidenceId, e => e.Id, (l, e) => new { l.Id, l.CaseStudyKey, l.ItemId, e.Sha256, e.ContentType })
            .ToListAsync(cancellationToken);

        // The same files the dashboard counts in its progress: those that may hold code, of the case studies the application has
        var keys = caseStudies.Select(c => c.Key).ToHashSet(StringComparer.Ordinal);
        var code = links.Where(l => (l.CaseStudyKey is null || keys.Contains(l.CaseStudyKey)) && l.Sha256 is not null && EvidenceContentType.MayHoldCode(l.ContentType))
            .Select(l => l.Sha256!).Distinct(StringComparer.Ordinal).ToList();
        var analyses = code.Count == 0
            ? []
            : await db.EvidenceAnalyses.AsNoTracking()
                .Where(a => a.AnalyzerVersion == AnalyzerVersion.Current && code.Contains(a.Sha256))
                .Select(a => new { a.Sha256, a.State }).ToListAsync(cancellationToken);

        var text = new StringBuilder();
        text.Append(CultureInfo.InvariantCulture, $"{application.Revision}|{application.UpdatedAt.UtcTicks}|{application.Status}|{today:yyyy-MM-dd}\n");
        foreach (var c in caseStudies.OrderBy(c => c.Key, StringComparer.Ordinal))
        {
            text.Append(CultureInfo.InvariantCulture, $"c {c.Key} {c.Revision}\n");
        }

        foreach (var s in answers.OrderBy(s => s.ItemId, StringComparer.Ordinal))
        {
            text.Append(CultureInfo.InvariantCulture, $"s {s.ItemId} {s.Revision}\n");
        }

        foreach (var l in links.OrderBy(l => l.Id))
        {
            text.Append(CultureInfo.InvariantCulture, $"l {l.Id} {l.CaseStudyKey} {l.ItemId} {l.Sha256}\n");
        }

        foreach (var a in analyses.OrderBy(a => a.Sha256, StringComparer.Ordinal))
        {
            text.Append(CultureInfo.InvariantCulture, $"a {a.Sha256} {a.State}\n");
        }

        var state = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text.ToString())))[..20];
        var analysed = analyses.Count(a => a.State is AnalysisState.Done or AnalysisState.Failed);
        return new LiveState(state, analysed, code.Count);
    }
}
