using System.Data;
using System.Globalization;

namespace Attest.Core.Workflow;

/// <summary>
/// The audit trail as the web application stores it: one table, one column per field of <see cref="AuditEntry"/>. The
/// web's database model maps its entity with these names and <c>attest audit verify</c> reads with them, so that the
/// two cannot drift apart unnoticed (a test builds the web's model and compares).
/// </summary>
public static class AuditTrailTable
{
    /// <summary>The table.</summary>
    public const string Name = "AuditTrail";

    /// <summary>Column of <see cref="AuditEntry.Sequence"/> (the key).</summary>
    public const string Sequence = nameof(AuditEntry.Sequence);

    /// <summary>Column of <see cref="AuditEntry.At"/>.</summary>
    public const string At = nameof(AuditEntry.At);

    /// <summary>Column of <see cref="AuditEntry.ActorId"/>.</summary>
    public const string ActorId = nameof(AuditEntry.ActorId);

    /// <summary>Column of <see cref="AuditEntry.ActorRole"/>.</summary>
    public const string ActorRole = nameof(AuditEntry.ActorRole);

    /// <summary>Column of <see cref="AuditEntry.Action"/>.</summary>
    public const string Action = nameof(AuditEntry.Action);

    /// <summary>Column of <see cref="AuditEntry.EntityType"/>.</summary>
    public const string EntityType = nameof(AuditEntry.EntityType);

    /// <summary>Column of <see cref="AuditEntry.EntityId"/>.</summary>
    public const string EntityId = nameof(AuditEntry.EntityId);

    /// <summary>Column of <see cref="AuditEntry.Before"/> (may be null).</summary>
    public const string Before = nameof(AuditEntry.Before);

    /// <summary>Column of <see cref="AuditEntry.After"/> (may be null).</summary>
    public const string After = nameof(AuditEntry.After);

    /// <summary>Column of <see cref="AuditEntry.PreviousHash"/>.</summary>
    public const string PreviousHash = nameof(AuditEntry.PreviousHash);

    /// <summary>Column of <see cref="AuditEntry.Hash"/>.</summary>
    public const string Hash = nameof(AuditEntry.Hash);

    /// <summary>Every column, in the order <see cref="SelectAll"/> reads them.</summary>
    public static IReadOnlyList<string> Columns { get; } = [Sequence, At, ActorId, ActorRole, Action, EntityType, EntityId, Before, After, PreviousHash, Hash];

    /// <summary>The query reading the whole trail in chain order (identifiers quoted, as both SQLite and PostgreSQL accept).</summary>
    public static string SelectAll { get; } = $"SELECT {string.Join(", ", Columns.Select(Quoted))} FROM {Quoted(Name)} ORDER BY {Quoted(Sequence)}";

    /// <summary>One row of <see cref="SelectAll"/> as an entry; the time is read as either provider keeps it (text in SQLite, a timestamp in PostgreSQL).</summary>
    /// <exception cref="FormatException">A value is not of the kind its column holds.</exception>
    public static AuditEntry Read(IDataRecord row)
    {
        ArgumentNullException.ThrowIfNull(row);
        return new AuditEntry
        {
            Sequence = row.GetInt64(0),
            At = Time(row.GetValue(1)),
            ActorId = row.GetString(2),
            ActorRole = row.GetString(3),
            Action = row.GetString(4),
            EntityType = row.GetString(5),
            EntityId = row.GetString(6),
            Before = row.IsDBNull(7) ? null : row.GetString(7),
            After = row.IsDBNull(8) ? null : row.GetString(8),
            PreviousHash = row.GetString(9),
            Hash = row.GetString(10),
        };
    }

    private static string Quoted(string identifier) => "\"" + identifier + "\"";

    private static DateTimeOffset Time(object value) => value switch
    {
        string text => DateTimeOffset.Parse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal),
        DateTime time => new DateTimeOffset(DateTime.SpecifyKind(time, DateTimeKind.Utc)),
        DateTimeOffset offset => offset,
        var other => throw new FormatException($"unexpected time value {other}"),
    };
}
