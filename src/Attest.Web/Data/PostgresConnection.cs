using Npgsql;

namespace Attest.Web.Data;

/// <summary>Attest's defaults for a PostgreSQL connection string; whatever the configured string says wins.</summary>
public static class PostgresConnection
{
    /// <summary>
    /// Turns on Npgsql's automatic statement preparation (the same few statements serve every page: preparing them once
    /// per connection took a quarter to a third off the CPU each request costs the app and the server together under load;
    /// see docs/performance.md) and leaves a pooled connection's session as it is when it goes back to the pool (Npgsql
    /// otherwise sends a reset before its next use: one more statement for every query EF Core runs; Attest sets no
    /// session state, no temporary table, lock or LISTEN, and an open transaction is still rolled back on close), unless
    /// the connection string sets them.
    /// </summary>
    public static string WithDefaults(string connectionString)
    {
        var builder = new NpgsqlConnectionStringBuilder(connectionString);
        if (!HasKey(connectionString, "Max Auto Prepare", "MaxAutoPrepare"))
        {
            builder.MaxAutoPrepare = 32;
        }

        if (!HasKey(connectionString, "Auto Prepare Min Usages", "AutoPrepareMinUsages"))
        {
            builder.AutoPrepareMinUsages = 2;
        }

        if (!HasKey(connectionString, "No Reset On Close", "NoResetOnClose"))
        {
            builder.NoResetOnClose = true;
        }

        return builder.ConnectionString;
    }

    private static bool HasKey(string connectionString, params string[] names)
    {
        var given = new System.Data.Common.DbConnectionStringBuilder { ConnectionString = connectionString };
        return names.Any(n => given.ContainsKey(n));
    }
}
