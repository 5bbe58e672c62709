using Attest.Web.Data;
using Attest.Web.Infrastructure;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.EntityFrameworkCore;

namespace Attest.Web.Features.Evidence;

/// <summary>The piece a file ended up in: a new one, or the one of the partner that already held the same content.</summary>
public sealed record AddedFile(EvidenceRecord Piece, bool AlreadyInLibrary);

/// <summary>
/// Adds a file to a partner's library, for the upload page and the API alike: the body is streamed into the store within
/// the upload limit (<see cref="AttestOptions.MaxUploadBytes"/>), hashed and typed from its content; a partner keeps one
/// piece per SHA-256 (an identical file gives back the piece it already has); a new file is committed with its row, and
/// a file that may be infrastructure code is queued for analysis (a pending row in the stored analyses).
/// </summary>
public sealed class AddEvidenceFile(AttestDbContext db, AttestOptions options, EvidenceStore store, EvidenceAnalysisWorker analyzer, TimeProvider clock)
{
    /// <summary>The upload limit, in bytes.</summary>
    public long MaxBytes => options.MaxUploadBytes;

    /// <summary>
    /// Lets the request carry the upload limit plus <paramref name="overhead"/> bytes (the rest of a form), no more. False
    /// when its declared length is already over: it is then refused unread, and the server's own limit is lifted so that
    /// it may discard the rest for a few seconds and the client gets to read why.
    /// </summary>
    public bool LimitRequest(HttpContext http, long overhead)
    {
        var size = http.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } feature ? feature : null;
        if (http.Request.ContentLength > MaxBytes + overhead)
        {
            size?.MaxRequestBodySize = null;
            return false;
        }

        size?.MaxRequestBodySize = MaxBytes + overhead;
        return true;
    }

    /// <summary>Streams <paramref name="content"/> into the store; null, with nothing left behind, when it passes the limit.</summary>
    public async Task<ReceivedFile?> ReceiveAsync(Stream content, CancellationToken cancellationToken)
    {
        try
        {
            return await store.ReceiveAsync(content, MaxBytes, cancellationToken);
        }
        catch (BadHttpRequestException e) when (e.StatusCode == StatusCodes.Status413PayloadTooLarge)
        {
            // The server's request limit stopped the body first
            return null;
        }
    }

    /// <summary>Drops a received file that will not be added.</summary>
    public void Discard(ReceivedFile? file)
    {
        if (file is not null)
        {
            store.Discard(file);
        }
    }

    /// <summary>Adds <paramref name="file"/> to <paramref name="partner"/>'s library (or finds the piece that already holds it).</summary>
    public async Task<AddedFile> AddAsync(ReceivedFile file, Guid partner, string name, DateOnly? issuedOn, string? addedBy, CancellationToken cancellationToken)
    {
        var existing = await db.Evidence.AsNoTracking().FirstOrDefaultAsync(e => e.PartnerId == partner && e.Sha256 == file.Sha256, cancellationToken);
        if (existing is not null)
        {
            store.Discard(file);
            await QueueAsync(existing, cancellationToken);
            return new AddedFile(existing, AlreadyInLibrary: true);
        }

        var piece = new EvidenceRecord
        {
            Id = Guid.NewGuid(),
            PartnerId = partner,
            Name = name,
            Sha256 = file.Sha256,
            Size = file.Size,
            ContentType = file.ContentType,
            AddedAt = clock.GetUtcNow(),
            AddedBy = addedBy,
            IssuedOn = issuedOn,
        };
        await store.CommitAsync(file, async () =>
        {
            db.Evidence.Add(piece);
            await db.SaveChangesAsync(cancellationToken);
        }, cancellationToken);
        await QueueAsync(piece, cancellationToken);
        return new AddedFile(piece, AlreadyInLibrary: false);
    }

    // Analysed once per content, in the background: the row is queued unless the current analyzer has one already
    private async Task QueueAsync(EvidenceRecord piece, CancellationToken cancellationToken)
    {
        if (piece.Sha256 is { } sha256 && EvidenceContentType.MayHoldCode(piece.ContentType))
        {
            await analyzer.QueueAsync(db, [sha256], cancellationToken);
        }
    }
}
