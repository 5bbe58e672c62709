using System.Globalization;
using Attest.Cli.Tests.Support;
using Attest.Core.Workflow;
using Microsoft.Data.Sqlite;

namespace Attest.Cli.Tests;

/// <summary><c>attest audit verify</c> and <c>export</c> against a SQLite database laid out as the web application's.</summary>
public sealed class AuditTests : IDisposable
{
    private readonly TempFolder temp = new();

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        temp.Dispose();
    }

    // The table as the web application's migrations make it on SQLite (times as text, as EF Core writes them)
    private string Database(int entries)
    {
        var file = Path.Combine(temp.Path, $"attest-{Guid.NewGuid():N}.db");
        using var connection = new SqliteConnection($"Data Source={file}");
        connection.Open();
        using (var create = connection.CreateCommand())
        {
            create.CommandText = """
                CREATE TABLE "AuditTrail" ("Sequence" INTEGER NOT NULL PRIMARY KEY, "At" TEXT NOT NULL, "ActorId" TEXT NOT NULL, "ActorRole" TEXT NOT NULL,
                  "Action" TEXT NOT NULL, "EntityType" TEXT NOT NULL, "EntityId" TEXT NOT NULL, "Before" TEXT NULL, "After" TEXT NULL,
                  "PreviousHash" TEXT NOT NULL, "Hash" TEXT NOT NULL);
                """;
            create.ExecuteNonQuery();
        }

        var start = new DateTimeOffset(2026, 11, 26, 9, 0, 0, TimeSpan.Zero).AddTicks(1234560);
        var changes = Enumerable.Range(1, entries).Select(i => new AuditChange(
            start.AddMinutes(i), $"user-{i % 3}", "alliance-lead", i % 2 == 0 ? "submit" : "comment", "application", "app-1",
            i == 1 ? null : $$"""{"state":"s{{i - 1}}"}""", $$"""{"state":"s{{i}}"}"""));
        foreach (var entry in AuditTrail.AppendAll(null, changes))
        {
            using var insert = connection.CreateCommand();
            insert.CommandText = "INSERT INTO \"AuditTrail\" VALUES ($s, $at, $actor, $role, $action, $type, $id, $before, $after, $previous, $hash)";
            insert.Parameters.AddWithValue("$s", entry.Sequence);
            insert.Parameters.AddWithValue("$at", entry.At.ToString("yyyy-MM-dd HH:mm:ss.FFFFFFFzzz", CultureInfo.InvariantCulture));
            insert.Parameters.AddWithValue("$actor", entry.ActorId);
            insert.Parameters.AddWithValue("$role", entry.ActorRole);
            insert.Parameters.AddWithValue("$action", entry.Action);
            insert.Parameters.AddWithValue("$type", entry.EntityType);
            insert.Parameters.AddWithValue("$id", entry.EntityId);
            insert.Parameters.AddWithValue("$before", (object?)entry.Before ?? DBNull.Value);
            insert.Parameters.AddWithValue("$after", (object?)entry.After ?? DBNull.Value);
            insert.Parameters.AddWithValue("$previous", entry.PreviousHash);
            insert.Parameters.AddWithValue("$hash", entry.Hash);
            insert.ExecuteNonQuery();
        }

        return file;
    }

    private static void Execute(string file, string sql)
    {
        using var connection = new SqliteConnection($"Data Source={file};Pooling=False");
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        command.ExecuteNonQuery();
    }

    private static string LastHash(string file)
    {
        using var connection = new SqliteConnection($"Data Source={file};Pooling=False");
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT \"Hash\" FROM \"AuditTrail\" ORDER BY \"Sequence\" DESC LIMIT 1";
        return (string)command.ExecuteScalar()!;
    }

    [Fact]
    public void An_untouched_trail_is_intact_and_its_last_entry_is_named()
    {
        var file = Database(5);
        var result = CliRun.Run("audit", "verify", "--database", file);

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.StartsWith($"intact: 5 entr(ies), the last #5 with hash {LastHash(file)}", result.Out, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("UPDATE \"AuditTrail\" SET \"After\" = '{\"state\":\"validated\"}' WHERE \"Sequence\" = 3", 3)]
    [InlineData("DELETE FROM \"AuditTrail\" WHERE \"Sequence\" = 2", 2)]
    [InlineData("UPDATE \"AuditTrail\" SET \"ActorId\" = 'someone-else' WHERE \"Sequence\" = 4", 4)]
    public void An_edited_or_deleted_entry_is_named(string tampering, long firstBroken)
    {
        var file = Database(5);
        Execute(file, tampering);
        var result = CliRun.Run("audit", "verify", "--database", file);

        Assert.True(result.ExitCode == 1, result.ToString());
        Assert.StartsWith($"broken at entry #{firstBroken}", result.Out, StringComparison.Ordinal);
    }

    [Fact]
    public void Entries_removed_at_the_end_are_caught_with_the_last_entry_noted_earlier()
    {
        var file = Database(5);
        var noted = $"5:{LastHash(file)}";
        Execute(file, "DELETE FROM \"AuditTrail\" WHERE \"Sequence\" = 5");

        Assert.Equal(0, CliRun.Run("audit", "verify", "--database", file).ExitCode);
        var result = CliRun.Run("audit", "verify", "--database", file, "--expect-last", noted);
        Assert.True(result.ExitCode == 1, result.ToString());
        Assert.Contains("removed at the end", result.Out, StringComparison.Ordinal);
    }

    [Fact]
    public void A_missing_database_or_a_bad_option_is_exit_2_with_one_line()
    {
        var missing = CliRun.Run("audit", "verify", "--database", Path.Combine(temp.Path, "nope.db"));
        Assert.Equal(2, missing.ExitCode);
        Assert.Contains("no such database file", missing.Err, StringComparison.Ordinal);

        var file = Database(1);
        Assert.Equal(2, CliRun.Run("audit", "verify", "--database", file, "--expect-last", "five").ExitCode);
        var zero = CliRun.Run("audit", "verify", "--database", file, "--expect-last", "0:" + new string('a', 64));
        Assert.Equal(2, zero.ExitCode);
        Assert.Contains("--expect-last", zero.Err, StringComparison.Ordinal);

        var noTable = Path.Combine(temp.Path, "empty.db");
        Execute(noTable, "CREATE TABLE \"Other\" (\"Id\" INTEGER)");
        var unreadable = CliRun.Run("audit", "verify", "--database", noTable);
        Assert.Equal(2, unreadable.ExitCode);
        Assert.Contains("the audit trail cannot be read", unreadable.Err, StringComparison.Ordinal);
    }

    [Fact]
    public void Export_writes_every_entry_as_csv_and_verification_speaks_french()
    {
        var file = Database(3);
        var csvFile = Path.Combine(temp.Path, "trail.csv");
        Assert.Equal(0, CliRun.Run("audit", "export", "--database", file, "--out", csvFile).ExitCode);
        var lines = File.ReadAllLines(csvFile);
        Assert.Equal(4, lines.Length);
        Assert.Contains("submit", lines[2], StringComparison.Ordinal);

        var french = CliRun.Run("audit", "verify", "--database", file, "--lang", "fr");
        Assert.StartsWith("intact\u00A0: 3 entrée(s)", french.Out, StringComparison.Ordinal);
    }
}
