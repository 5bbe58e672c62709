using Attest.Core.Workflow;
using Attest.Web.Data;
using Attest.Web.Features.Workflow;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;

namespace Attest.Web.Tests;

/// <summary>
/// The web's model of the audit trail and the definition <c>attest audit verify</c> reads with (Core's
/// <see cref="AuditTrailTable"/>) are one: the model's table and columns are compared for both providers, and a trail
/// the web wrote into a database its migrations made is read back and verified through the shared definition.
/// </summary>
public sealed class AuditTrailTableTests : IDisposable
{
    private readonly string folder = Path.Combine(Path.GetTempPath(), "attest-web-audit", Guid.NewGuid().ToString("N"));

    public AuditTrailTableTests() => Directory.CreateDirectory(folder);

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        Directory.Delete(folder, recursive: true);
    }

    public static TheoryData<string> Providers => ["sqlite", "postgres"];

    [Theory]
    [MemberData(nameof(Providers))]
    public void The_web_model_maps_the_trail_to_the_shared_table_and_columns(string provider)
    {
        using AttestDbContext db = provider == "sqlite" ? new SqliteDesignTimeFactory().CreateDbContext([]) : new PostgresDesignTimeFactory().CreateDbContext([]);

        var entity = db.Model.FindEntityType(typeof(AuditTrailRecord))!;

        Assert.Equal(AuditTrailTable.Name, entity.GetTableName());
        Assert.Equal(AuditTrailTable.Columns.Order(StringComparer.Ordinal), entity.GetProperties().Select(p => p.GetColumnName()).Order(StringComparer.Ordinal));
        Assert.Equal([AuditTrailTable.Sequence], entity.FindPrimaryKey()!.Properties.Select(p => p.GetColumnName()));
        Assert.All([AuditTrailTable.Before, AuditTrailTable.After], c => Assert.True(entity.GetProperties().Single(p => p.GetColumnName() == c).IsNullable, c));
    }

    [Fact]
    public async Task A_trail_the_web_wrote_reads_back_intact_through_the_shared_definition()
    {
        var file = Path.Combine(folder, "attest.db");
        var start = new DateTimeOffset(2026, 11, 26, 9, 0, 0, TimeSpan.Zero).AddTicks(1234560);
        var entries = AuditTrail.AppendAll(null, Enumerable.Range(1, 5).Select(i => new AuditChange(
            start.AddMinutes(i), "user-" + i, "alliance-lead", i % 2 == 0 ? "submit" : "comment", "application", "app-1", i == 1 ? null : "{\"v\":" + (i - 1) + "}", "{\"v\":" + i + "}")));
        await using (var db = new SqliteAttestDbContext(new DbContextOptionsBuilder<SqliteAttestDbContext>().UseSqlite($"Data Source={file}").Options))
        {
            await db.Database.MigrateAsync();
            db.AuditTrail.AddRange(entries.Select(TrailRecords.FromDomain));
            await db.SaveChangesAsync();
        }

        var read = new List<AuditEntry>();
        await using (var connection = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = file, Mode = SqliteOpenMode.ReadOnly }.ToString()))
        {
            await connection.OpenAsync();
            await using var command = connection.CreateCommand();
            command.CommandText = AuditTrailTable.SelectAll;
            await using var reader = await command.ExecuteReaderAsync();
            while (await reader.ReadAsync())
            {
                read.Add(AuditTrailTable.Read(reader));
            }
        }

        Assert.Equal(entries, read);
        Assert.True(AuditTrail.Verify(read, (5, entries[^1].Hash)).Intact);
    }
}
