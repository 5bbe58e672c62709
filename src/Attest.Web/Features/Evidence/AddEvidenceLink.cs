using Attest.Web.Data;

namespace Attest.Web.Features.Evidence;

/// <summary>Adds a web address to a partner's library as a piece of evidence (its name, address and date already checked).</summary>
public sealed class AddEvidenceLink(AttestDbContext db, TimeProvider clock)
{
    public async Task<EvidenceRecord> AddAsync(Guid partner, string name, string url, DateOnly? issuedOn, string? addedBy, CancellationToken cancellationToken)
    {
        var piece = new EvidenceRecord { Id = Guid.NewGuid(), PartnerId = partner, Name = name, Url = url, IssuedOn = issuedOn, AddedAt = clock.GetUtcNow(), AddedBy = addedBy };
        db.Evidence.Add(piece);
        await db.SaveChangesAsync(cancellationToken);
        return piece;
    }
}
