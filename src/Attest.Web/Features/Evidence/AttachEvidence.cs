using Attest.Web.Data;
using Attest.Web.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Attest.Web.Features.Evidence;

/// <summary>Why a piece could not be attached.</summary>
public enum AttachProblem
{
    /// <summary>Neither a case study nor an item was named.</summary>
    NothingChosen,

    /// <summary>The application is not one of the piece's partner (or does not exist).</summary>
    UnknownApplication,

    /// <summary>The application has no case study with that key.</summary>
    UnknownCaseStudy,

    /// <summary>The application's checklist has no such item.</summary>
    UnknownItem,

    /// <summary>The piece is already attached exactly there.</summary>
    AlreadyAttached,
}

/// <summary>The link made, or why none was: with <see cref="AttachProblem.AlreadyAttached"/>, the link already there.</summary>
public sealed record Attachment(EvidenceLink? Link, AttachProblem? Problem);

/// <summary>
/// Attaches a piece of evidence to a case study, a checklist item, or both, of an application of the piece's own partner
/// (one piece may be attached to many places, each place once), and detaches it. The caller has checked that the user
/// may edit the piece.
/// </summary>
public sealed class AttachEvidence(AttestDbContext db, Catalogs catalogs)
{
    public async Task<Attachment> AttachAsync(EvidenceRecord piece, Guid? applicationId, string? caseStudy, string? item, CancellationToken cancellationToken)
    {
        if (applicationId is not { } id || (caseStudy is null && item is null))
        {
            return new(null, AttachProblem.NothingChosen);
        }

        var checklist = await db.Applications.AsNoTracking().Where(a => a.Id == id && a.PartnerId == piece.PartnerId).Select(a => a.ChecklistId).FirstOrDefaultAsync(cancellationToken);
        if (checklist is null)
        {
            return new(null, AttachProblem.UnknownApplication);
        }

        if (caseStudy is not null && !await db.CaseStudies.AnyAsync(c => c.ApplicationId == id && c.Key == caseStudy, cancellationToken))
        {
            return new(null, AttachProblem.UnknownCaseStudy);
        }

        if (item is not null && catalogs.Find(checklist)?.FindItem(item) is null)
        {
            return new(null, AttachProblem.UnknownItem);
        }

        var existing = await db.EvidenceLinks.AsNoTracking().FirstOrDefaultAsync(l => l.EvidenceId == piece.Id && l.ApplicationId == id && l.CaseStudyKey == caseStudy && l.ItemId == item, cancellationToken);
        if (existing is not null)
        {
            return new(existing, AttachProblem.AlreadyAttached);
        }

        var link = new EvidenceLink { Id = Guid.NewGuid(), EvidenceId = piece.Id, PartnerId = piece.PartnerId, ApplicationId = id, CaseStudyKey = caseStudy, ItemId = item };
        db.EvidenceLinks.Add(link);
        await db.SaveChangesAsync(cancellationToken);
        return new(link, null);
    }

    /// <summary>Removes the link <paramref name="linkId"/> of the piece <paramref name="pieceId"/>; false when it has no such link.</summary>
    public async Task<bool> DetachAsync(Guid pieceId, Guid linkId, CancellationToken cancellationToken)
    {
        var stored = await db.EvidenceLinks.FirstOrDefaultAsync(l => l.Id == linkId && l.EvidenceId == pieceId, cancellationToken);
        if (stored is null)
        {
            return false;
        }

        db.EvidenceLinks.Remove(stored);
        await db.SaveChangesAsync(cancellationToken);
        return true;
    }
}
