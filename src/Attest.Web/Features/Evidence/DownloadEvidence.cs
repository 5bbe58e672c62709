using Attest.Web.Data;
using Attest.Web.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Net.Http.Headers;

namespace Attest.Web.Features.Evidence;

/// <summary>An evidence file ready to send: its content, the type it is served as, and the name to save it under.</summary>
public sealed record EvidenceFile(Stream Content, string ContentType, string Name);

/// <summary>
/// Who sees which evidence, for the download page and the API: partner users and managers see their partners' pieces;
/// the program office sees a piece once it backs a submitted application (the applications' filter decides which).
/// </summary>
public static class EvidenceVisibility
{
    public static IQueryable<EvidenceRecord> Visible(AttestDbContext db, Access access)
    {
        var partners = access.PartnerIds;
        var office = access.SeesSubmitted;
        return db.Evidence.Where(e => partners.Contains(e.PartnerId)
            || (office && e.Links.Any(l => db.Applications.Any(a => a.Id == l.ApplicationId && a.Status != ApplicationStatus.Draft))));
    }

    /// <summary>The links of visible pieces to applications the caller sees (the program office: submitted ones only).</summary>
    public static IQueryable<EvidenceLink> VisibleLinks(AttestDbContext db) =>
        db.EvidenceLinks.Where(l => db.Applications.Any(a => a.Id == l.ApplicationId));
}

/// <summary>
/// Opens an evidence file to serve it, always as an attachment and never sniffed: a browser must not render what a partner
/// uploaded (an HTML file is bytes here), and a type not detected by <see cref="EvidenceContentType"/> is served as bytes.
/// </summary>
public sealed class DownloadEvidence(AttestDbContext db, CurrentAccess access, EvidenceStore store)
{
    /// <summary>The file of the visible piece <paramref name="id"/>, with the response's headers set; null when there is none to serve.</summary>
    public async Task<EvidenceFile?> OpenAsync(Guid id, HttpResponse response, CancellationToken cancellationToken)
    {
        var piece = await EvidenceVisibility.Visible(db, access.Value).AsNoTracking().Where(e => e.Id == id).Select(e => new { e.Name, e.Sha256, e.ContentType }).FirstOrDefaultAsync(cancellationToken);
        if (piece?.Sha256 is null || await store.OpenReadAsync(piece.Sha256, cancellationToken) is not { } file)
        {
            return null;
        }

        response.Headers[HeaderNames.XContentTypeOptions] = "nosniff";
        response.Headers[HeaderNames.CacheControl] = "private, no-store";
        var type = piece.ContentType is { } known && EvidenceContentType.Known.Contains(known) ? known : EvidenceContentType.Bytes;
        return new EvidenceFile(file, type, piece.Name);
    }
}
