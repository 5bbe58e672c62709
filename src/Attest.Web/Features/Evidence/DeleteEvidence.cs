using Attest.Web.Data;
using Attest.Web.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Attest.Web.Features.Evidence;

/// <summary>Whether a piece was deleted, and how many places it was (or still is) attached to.</summary>
public sealed record Deletion(bool Deleted, int Attachments);

/// <summary>
/// Deletes a piece of evidence and its attachments — while it is attached somewhere, only when told to — and removes its
/// file from the store once no piece of any partner points at it. The caller has checked that the user may edit it.
/// </summary>
public sealed class DeleteEvidence(AttestDbContext db, EvidenceStore store)
{
    public async Task<Deletion> DeleteAsync(EvidenceRecord piece, bool evenIfAttached, CancellationToken cancellationToken)
    {
        var attached = await db.EvidenceLinks.CountAsync(l => l.EvidenceId == piece.Id, cancellationToken);
        if (attached > 0 && !evenIfAttached)
        {
            return new(false, attached);
        }

        async Task Forget()
        {
            db.Evidence.Remove(piece);
            await db.SaveChangesAsync(cancellationToken);
        }

        if (piece.Sha256 is { } sha256)
        {
            // Whether any piece of any partner still points at the file: a question about disk space, not a read of their content
            await store.ForgetAsync(sha256, Forget, () => db.Evidence.IgnoreQueryFilters().AnyAsync(e => e.Sha256 == sha256, cancellationToken), cancellationToken);
        }
        else
        {
            await Forget();
        }

        return new(true, attached);
    }
}
