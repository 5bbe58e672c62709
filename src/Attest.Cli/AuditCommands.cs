using System.CommandLine;
using System.Data.Common;
using System.Globalization;
using Attest.Core.Text;
using Attest.Core.Workflow;
using Microsoft.Data.Sqlite;
using Npgsql;

namespace Attest.Cli;

/// <summary>
/// <c>attest audit verify</c> checks the web application's audit trail (read through <see cref="AuditTrailTable"/>, the
/// definition the web's model maps) against its hash chain,
/// read-only: exit 0 intact, 1 broken (the first broken entry named), 2 when the database cannot be read.
/// <c>attest audit export</c> writes the trail as CSV.
/// </summary>
internal sealed class AuditCommands(TextWriter output, TextWriter error, Func<string?, Language> language)
{
    private static readonly Phrase Intact = new("intact: {0} entr(ies), the last #{1} with hash {2}", "intact : {0} entrée(s), la dernière n° {1} d'empreinte {2}");
    private static readonly Phrase Empty = new("intact: the audit trail is empty", "intact : la piste d'audit est vide");
    private static readonly Phrase Broken = new("broken at entry #{0}: {1}", "rompue à l'entrée n° {0} : {1}");

    public Command Audit()
    {
        var database = new Option<string?>("--database") { Description = "The SQLite database file (default: data/attest.db, the web application's default)" };
        var connection = new Option<string?>("--connection") { Description = "A PostgreSQL connection string instead (also: ATTEST_AUDIT_CONNECTION)" };
        var expect = new Option<string?>("--expect-last") { Description = "SEQUENCE:HASH of the last entry you noted earlier: detects entries removed at the end" };
        var lang = new Option<string?>("--lang") { Description = "Language of the messages: en or fr (default: from LANG, else en)" };
        lang.AcceptOnlyFromAmong("en", "fr");
        var verify = new Command("verify", "Check the audit trail's hash chain in the web application's database (read-only)") { database, connection, expect, lang };
        verify.SetAction(r => Verify(r.GetValue(database), r.GetValue(connection), r.GetValue(expect), language(r.GetValue(lang))));

        var outFile = new Option<string?>("--out") { Description = "The CSV file to write (default: standard output)" };
        var export = new Command("export", "Write the audit trail as CSV (RFC 4180)") { database, connection, outFile };
        export.SetAction(r => Export(r.GetValue(database), r.GetValue(connection), r.GetValue(outFile)));
        return new Command("audit", "The web application's audit trail") { verify, export };
    }

    private int Verify(string? database, string? connectionString, string? expectLast, Language lang)
    {
        (long Sequence, string Hash)? expected = null;
        if (expectLast is not null)
        {
            var parts = expectLast.Split(':', 2);
            if (parts.Length != 2 || !long.TryParse(parts[0], NumberStyles.None, CultureInfo.InvariantCulture, out var sequence) || sequence < 1 || parts[1].Length != 64)
            {
                return Fail("attest: --expect-last: expected SEQUENCE:HASH (a number from 1, a colon, 64 hex digits)");
            }

            expected = (sequence, parts[1].ToLowerInvariant());
        }

        if (Read(database, connectionString) is not { } entries)
        {
            return Cli.InputError;
        }

        var result = AuditTrail.Verify(entries, expected);
        if (!result.Intact)
        {
            var reason = result.Reason?.In(lang) ?? "";
            output.WriteLine(result.FirstBrokenSequence is { } at ? Broken.With(at, reason).In(lang) : reason);
            return Cli.NotReady;
        }

        if (entries.Count == 0)
        {
            output.WriteLine(new Message(Empty, []).In(lang));
            return Cli.Ready;
        }

        var last = entries[^1];
        output.WriteLine(Intact.With(entries.Count, last.Sequence, last.Hash).In(lang));
        return Cli.Ready;
    }

    private int Export(string? database, string? connectionString, string? outFile)
    {
        if (Read(database, connectionString) is not { } entries)
        {
            return Cli.InputError;
        }

        var csv = AuditTrail.ToCsv(entries);
        if (outFile is null)
        {
            output.Write(csv);
            return Cli.Ready;
        }

        try
        {
            // Written aside, then moved into place: never a half-written file under the name asked for
            var full = Path.GetFullPath(outFile);
            var temporary = full + ".tmp-" + Guid.NewGuid().ToString("N");
            File.WriteAllText(temporary, csv, new System.Text.UTF8Encoding(false));
            File.Move(temporary, full, overwrite: true);
            return Cli.Ready;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return Fail($"attest: {outFile}: {e.Message}");
        }
    }

    // Every entry in sequence order; null (with the problem written) when the database cannot be read
    private List<AuditEntry>? Read(string? database, string? connectionString)
    {
        connectionString ??= Environment.GetEnvironmentVariable("ATTEST_AUDIT_CONNECTION");
        if (database is not null && connectionString is not null)
        {
            error.WriteLine("attest: give either --database or --connection, not both");
            return null;
        }

        DbConnection connection;
        var place = "";
        try
        {
            if (connectionString is not null)
            {
                place = "PostgreSQL";
                connection = new NpgsqlConnection(connectionString);
            }
            else
            {
                var file = Path.GetFullPath(database ?? Path.Combine("data", "attest.db"));
                place = file;
                if (!File.Exists(file))
                {
                    error.WriteLine($"attest: {file}: no such database file");
                    return null;
                }

                if (InputFile.NotRegular(file) is { } notRegular)
                {
                    error.WriteLine($"attest: {file}: {notRegular}");
                    return null;
                }

                connection = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = file, Mode = SqliteOpenMode.ReadOnly }.ToString());
            }
        }
        catch (ArgumentException e)
        {
            error.WriteLine($"attest: --connection: {e.Message}");
            return null;
        }

        using (connection)
        {
            try
            {
                connection.Open();
                using var command = connection.CreateCommand();
                command.CommandText = AuditTrailTable.SelectAll;
                using var reader = command.ExecuteReader();
                var entries = new List<AuditEntry>();
                while (reader.Read())
                {
                    entries.Add(AuditTrailTable.Read(reader));
                }

                return entries;
            }
            catch (Exception e) when (e is DbException or InvalidCastException or FormatException or InvalidOperationException)
            {
                error.WriteLine($"attest: {place}: the audit trail cannot be read: {e.Message}");
                return null;
            }
        }
    }

    private int Fail(string message)
    {
        error.WriteLine(message);
        return Cli.InputError;
    }
}
