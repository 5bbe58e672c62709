using System.Net;
using System.Runtime.CompilerServices;
using Attest.Web.Data;
using Attest.Web.Infrastructure;
using Attest.Web.Tests.Support;
using Microsoft.Extensions.DependencyInjection;

namespace Attest.Web.Tests;

/// <summary>The rows of the partner profile, the self-assessment and the evidence library.</summary>
public sealed class EvidenceMatrixRows : IMatrixRows
{
    private const HttpStatusCode Ok = HttpStatusCode.OK;
    private const HttpStatusCode SignIn = HttpStatusCode.Redirect;
    private const HttpStatusCode Hidden = HttpStatusCode.NotFound;

    // One piece of evidence of partner A per world, stored the first time the rows are asked for
    private static readonly ConditionalWeakTable<World, StrongBox<Guid>> Pieces = [];

    public IEnumerable<MatrixRow> Rows(World world)
    {
        var piece = Pieces.GetValue(world, w => new StrongBox<Guid>(Task.Run(() => SeedAsync(w)).GetAwaiter().GetResult())).Value;
        return
        [
            new("applications/{id:guid}/profile", $"/applications/{world.ApplicationA}/profile", [SignIn, Hidden, Ok, Ok, Hidden, Hidden, Hidden, Hidden]),
            new("applications/{id:guid}/self-assessment", $"/applications/{world.ApplicationA}/self-assessment", [SignIn, Hidden, Ok, Ok, Hidden, Ok, Hidden, Hidden]),
            new("evidence", "/evidence", [SignIn, Hidden, Ok, Ok, Ok, Hidden, Hidden, Hidden]),
            new("evidence/upload", "/evidence/upload", [SignIn, Hidden, Ok, Ok, Ok, Hidden, Hidden, Hidden]),
            new("evidence/{id:guid}", $"/evidence/{piece}", [SignIn, Hidden, Ok, Ok, Hidden, Hidden, Hidden, Hidden]),
            new("evidence/{id:guid}/download", $"/evidence/{piece}/download", [SignIn, Hidden, Ok, Ok, Hidden, Ok, Hidden, Hidden]),
        ];
    }

    private static async Task<Guid> SeedAsync(World world)
    {
        using var scope = world.Factory.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<AttestDbContext>();
        var store = scope.ServiceProvider.GetRequiredService<EvidenceStore>();
        using var content = new MemoryStream("%PDF-1.4 matrix\n"u8.ToArray());
        var file = (await store.ReceiveAsync(content, 1024, CancellationToken.None))!;
        var piece = new EvidenceRecord { Id = Guid.NewGuid(), PartnerId = world.PartnerA, Name = "matrix.pdf", Sha256 = file.Sha256, Size = file.Size, ContentType = file.ContentType, AddedAt = DateTimeOffset.UtcNow };
        await store.CommitAsync(file, async () =>
        {
            db.Evidence.Add(piece);
            await db.SaveChangesAsync();
        }, CancellationToken.None);
        return piece.Id;
    }
}
