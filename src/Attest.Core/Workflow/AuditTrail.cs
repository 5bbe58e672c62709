using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using Attest.Core.Text;

namespace Attest.Core.Workflow;

/// <summary>
/// One entry of the append-only audit trail. <see cref="Hash"/> is the SHA-256 (lower-case hex) of
/// <see cref="AuditTrail.CanonicalText"/>, which covers every other field including <see cref="PreviousHash"/>, so that
/// changing, removing, inserting or reordering past entries breaks the chain.
/// </summary>
public sealed record AuditEntry
{
    /// <summary>Position in the chain, from 1, without gaps.</summary>
    public required long Sequence { get; init; }

    /// <summary>When, in UTC, to the microsecond (what both SQLite and PostgreSQL keep).</summary>
    public required DateTimeOffset At { get; init; }

    /// <summary>Who: a user id.</summary>
    public required string ActorId { get; init; }

    /// <summary>The role they acted in.</summary>
    public required string ActorRole { get; init; }

    /// <summary>What was done, e.g. <c>submit</c>.</summary>
    public required string Action { get; init; }

    /// <summary>The kind of thing changed, e.g. <c>application</c>.</summary>
    public required string EntityType { get; init; }

    /// <summary>Its id.</summary>
    public required string EntityId { get; init; }

    /// <summary>Its state before, as canonical JSON; null when it did not exist.</summary>
    public string? Before { get; init; }

    /// <summary>Its state after, as canonical JSON; null when it was deleted.</summary>
    public string? After { get; init; }

    /// <summary>The previous entry's hash; <see cref="AuditTrail.GenesisHash"/> for the first entry.</summary>
    public required string PreviousHash { get; init; }

    /// <summary>This entry's hash.</summary>
    public required string Hash { get; init; }
}

/// <summary>What is appended: the entry without its place in the chain.</summary>
public sealed record AuditChange(DateTimeOffset At, string ActorId, string ActorRole, string Action, string EntityType, string EntityId, string? Before, string? After);

/// <summary>How a chain was found broken.</summary>
public enum ChainBreak
{
    /// <summary>An entry's content does not match its hash (edited).</summary>
    ContentChanged,

    /// <summary>An entry does not point at the hash of the entry before it (removed, inserted or moved entries).</summary>
    LinkBroken,

    /// <summary>Sequence numbers are not 1, 2, 3… in order (removed, inserted or reordered entries).</summary>
    SequenceBroken,

    /// <summary>The chain ends before the last entry known from elsewhere (entries removed at the end).</summary>
    Truncated,
}

/// <summary>The verdict on a chain: intact, or the first broken sequence number and how.</summary>
public sealed record ChainVerification(bool Intact, long? FirstBrokenSequence, ChainBreak? Break, Message? Reason, int EntriesChecked);

/// <summary>Builds, verifies and exports the audit trail's hash chain. Pure: storing entries is the caller's business.</summary>
public static class AuditTrail
{
    /// <summary>The previous hash of the first entry: 64 zeros.</summary>
    public static readonly string GenesisHash = new('0', 64);

    /// <summary>The label that starts every canonical text, naming the serialisation.</summary>
    public const string Format = "attest/audit-entry/v1";

    /// <summary>The longest before or after text.</summary>
    public const int MaxStateLength = 1_000_000;

    private static readonly Phrase ChangedPhrase = new("Entry {0} was changed after it was written: its content does not match its hash.", "L'entrée {0} a été modifiée après son écriture : son contenu ne correspond pas à son empreinte.");
    private static readonly Phrase LinkPhrase = new("Entry {0} does not follow the entry before it: an entry was removed, inserted or moved just before it.", "L'entrée {0} ne suit pas l'entrée qui la précède : une entrée a été supprimée, insérée ou déplacée juste avant elle.");
    private static readonly Phrase SequencePhrase = new("Entry at position {0} carries sequence number {1}: entries were removed, inserted or reordered.", "L'entrée en position {0} porte le numéro {1} : des entrées ont été supprimées, insérées ou réordonnées.");
    private static readonly Phrase TruncatedPhrase = new("The chain stops at entry {0}, but entry {1} was written: entries were removed at the end.", "La chaîne s'arrête à l'entrée {0}, mais l'entrée {1} a été écrite : des entrées ont été supprimées à la fin.");
    private static readonly Phrase HeadPhrase = new("The last entry {0} is not the one recorded elsewhere: the end of the chain was rewritten.", "La dernière entrée {0} n'est pas celle enregistrée ailleurs : la fin de la chaîne a été réécrite.");

    private static readonly JsonWriterOptions Compact = new() { Indented = false, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    /// <summary>
    /// The next entry after <paramref name="last"/> (null for the first): the time is cut to the microsecond and turned
    /// to UTC, before and after are put in canonical JSON (<see cref="CanonicalJson"/>), and the hash is computed.
    /// </summary>
    /// <exception cref="JsonException">Before or after is not JSON.</exception>
    /// <exception cref="ArgumentException">A field is empty or too long.</exception>
    public static AuditEntry Append(AuditEntry? last, AuditChange change)
    {
        ArgumentNullException.ThrowIfNull(change);
        ArgumentException.ThrowIfNullOrWhiteSpace(change.ActorId);
        ArgumentException.ThrowIfNullOrWhiteSpace(change.Action);
        ArgumentException.ThrowIfNullOrWhiteSpace(change.EntityType);
        ArgumentException.ThrowIfNullOrWhiteSpace(change.EntityId);
        if (change.Before?.Length > MaxStateLength || change.After?.Length > MaxStateLength)
        {
            throw new ArgumentException($"before or after is longer than {MaxStateLength} characters", nameof(change));
        }

        var utc = change.At.ToUniversalTime();
        var entry = new AuditEntry
        {
            Sequence = (last?.Sequence ?? 0) + 1,
            At = new DateTimeOffset(utc.Ticks - (utc.Ticks % 10), TimeSpan.Zero),
            ActorId = change.ActorId,
            ActorRole = change.ActorRole ?? "",
            Action = change.Action,
            EntityType = change.EntityType,
            EntityId = change.EntityId,
            Before = change.Before is null ? null : CanonicalJson(change.Before),
            After = change.After is null ? null : CanonicalJson(change.After),
            PreviousHash = last?.Hash ?? GenesisHash,
            Hash = "",
        };
        return entry with { Hash = ComputeHash(entry) };
    }

    /// <summary>Appends every change in order to the chain ending with <paramref name="last"/>.</summary>
    public static IReadOnlyList<AuditEntry> AppendAll(AuditEntry? last, IEnumerable<AuditChange> changes)
    {
        ArgumentNullException.ThrowIfNull(changes);
        var result = new List<AuditEntry>();
        foreach (var change in changes)
        {
            last = Append(last, change);
            result.Add(last);
        }

        return result;
    }

    /// <summary>
    /// The text an entry's hash is computed over: the UTF-8 bytes of a compact JSON array (no spaces; strings escaped as
    /// JSON, non-ASCII letters kept as they are) holding, in this order: <see cref="Format"/>, the sequence number (a JSON
    /// number), the time as <c>yyyy-MM-ddTHH:mm:ss.ffffffZ</c> in UTC, actor id, actor role, action, entity type, entity id,
    /// before (a string holding canonical JSON, or null), after (likewise), and the previous hash. <see cref="AuditEntry.Hash"/>
    /// is not part of it.
    /// </summary>
    public static string CanonicalText(AuditEntry entry)
    {
        ArgumentNullException.ThrowIfNull(entry);
        using var stream = new MemoryStream();
        using (var json = new Utf8JsonWriter(stream, Compact))
        {
            json.WriteStartArray();
            json.WriteStringValue(Format);
            json.WriteNumberValue(entry.Sequence);
            json.WriteStringValue(entry.At.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.ffffff'Z'", CultureInfo.InvariantCulture));
            json.WriteStringValue(entry.ActorId);
            json.WriteStringValue(entry.ActorRole);
            json.WriteStringValue(entry.Action);
            json.WriteStringValue(entry.EntityType);
            json.WriteStringValue(entry.EntityId);
            WriteNullable(json, entry.Before);
            WriteNullable(json, entry.After);
            json.WriteStringValue(entry.PreviousHash);
            json.WriteEndArray();
        }

        return Encoding.UTF8.GetString(stream.ToArray());
    }

    /// <summary>The hash an entry should carry.</summary>
    public static string ComputeHash(AuditEntry entry) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(CanonicalText(entry))));

    /// <summary>
    /// JSON in canonical form: no insignificant white space, object members sorted by name (ordinal), duplicate names
    /// refused, strings escaped minimally, numbers kept as written. Equal values give equal text whatever the key order.
    /// </summary>
    /// <exception cref="JsonException">The text is not JSON, or an object repeats a name.</exception>
    public static string CanonicalJson(string json)
    {
        using var document = JsonDocument.Parse(json, new JsonDocumentOptions { MaxDepth = 64 });
        using var stream = new MemoryStream();
        using (var writer = new Utf8JsonWriter(stream, Compact))
        {
            WriteCanonical(writer, document.RootElement);
        }

        return Encoding.UTF8.GetString(stream.ToArray());
    }

    /// <summary>
    /// Checks a chain read back in storage order. Names the first broken sequence number: an edited entry breaks its own
    /// hash; a removed, inserted or moved entry breaks the sequence or the link of the entry after it. Entries removed at
    /// the end leave no trace in the chain itself: pass the last sequence number and hash recorded elsewhere (e.g. in a
    /// signed checkpoint) as <paramref name="expectedLast"/> to catch that too.
    /// </summary>
    public static ChainVerification Verify(IReadOnlyList<AuditEntry> entries, (long Sequence, string Hash)? expectedLast = null)
    {
        ArgumentNullException.ThrowIfNull(entries);
        var previousHash = GenesisHash;
        for (var i = 0; i < entries.Count; i++)
        {
            var entry = entries[i];
            var position = i + 1L;
            if (entry.Sequence != position)
            {
                // Report the lower of the two numbers: where the order first went wrong
                var first = Math.Min(entry.Sequence, position);
                return Broken(first, ChainBreak.SequenceBroken, SequencePhrase.With(position, entry.Sequence), i);
            }

            if (!string.Equals(ComputeHash(entry), entry.Hash, StringComparison.Ordinal))
            {
                return Broken(entry.Sequence, ChainBreak.ContentChanged, ChangedPhrase.With(entry.Sequence), i);
            }

            if (!string.Equals(entry.PreviousHash, previousHash, StringComparison.Ordinal))
            {
                return Broken(entry.Sequence, ChainBreak.LinkBroken, LinkPhrase.With(entry.Sequence), i);
            }

            previousHash = entry.Hash;
        }

        if (expectedLast is { } last)
        {
            if (entries.Count < last.Sequence)
            {
                return Broken(entries.Count + 1, ChainBreak.Truncated, TruncatedPhrase.With(entries.Count, last.Sequence), entries.Count);
            }

            var head = entries[(int)last.Sequence - 1];
            if (!string.Equals(head.Hash, last.Hash, StringComparison.Ordinal))
            {
                return Broken(head.Sequence, ChainBreak.ContentChanged, HeadPhrase.With(head.Sequence), entries.Count);
            }
        }

        return new ChainVerification(true, null, null, null, entries.Count);
    }

    /// <summary>
    /// The chain as CSV (RFC 4180: comma-separated, CRLF line ends, fields with commas, quotes or line breaks quoted and
    /// quotes doubled), with a header row. A cell starting with <c>=</c>, <c>+</c>, <c>-</c>, <c>@</c>, tab or carriage
    /// return gets a leading apostrophe so that spreadsheets show it as text instead of running it as a formula.
    /// </summary>
    public static string ToCsv(IEnumerable<AuditEntry> entries)
    {
        ArgumentNullException.ThrowIfNull(entries);
        var csv = new StringBuilder();
        Row(csv, ["sequence", "at", "actor", "role", "action", "entity_type", "entity_id", "before", "after", "previous_hash", "hash"]);
        foreach (var e in entries)
        {
            Row(csv,
            [
                e.Sequence.ToString(CultureInfo.InvariantCulture),
                e.At.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.ffffff'Z'", CultureInfo.InvariantCulture),
                e.ActorId, e.ActorRole, e.Action, e.EntityType, e.EntityId, e.Before ?? "", e.After ?? "", e.PreviousHash, e.Hash,
            ]);
        }

        return csv.ToString();
    }

    /// <summary>One CSV cell, guarded against formula injection and quoted when needed.</summary>
    public static string CsvCell(string value)
    {
        ArgumentNullException.ThrowIfNull(value);
        if (value.Length > 0 && value[0] is '=' or '+' or '-' or '@' or '\t' or '\r')
        {
            value = "'" + value;
        }

        return value.AsSpan().IndexOfAny("\",\r\n") >= 0 ? "\"" + value.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"" : value;
    }

    private static void Row(StringBuilder csv, string[] cells)
    {
        for (var i = 0; i < cells.Length; i++)
        {
            if (i > 0)
            {
                csv.Append(',');
            }

            csv.Append(CsvCell(cells[i]));
        }

        csv.Append("\r\n");
    }

    private static ChainVerification Broken(long sequence, ChainBreak kind, Message reason, int checkedCount) => new(false, sequence, kind, reason, checkedCount);

    private static void WriteNullable(Utf8JsonWriter json, string? value)
    {
        if (value is null)
        {
            json.WriteNullValue();
        }
        else
        {
            json.WriteStringValue(value);
        }
    }

    private static void WriteCanonical(Utf8JsonWriter writer, JsonElement element)
    {
        switch (element.ValueKind)
        {
            case JsonValueKind.Object:
                writer.WriteStartObject();
                var seen = new HashSet<string>(StringComparer.Ordinal);
                foreach (var property in element.EnumerateObject().OrderBy(p => p.Name, StringComparer.Ordinal))
                {
                    if (!seen.Add(property.Name))
                    {
                        throw new JsonException($"the name '{property.Name}' appears twice in one object");
                    }

                    writer.WritePropertyName(property.Name);
                    WriteCanonical(writer, property.Value);
                }

                writer.WriteEndObject();
                break;
            case JsonValueKind.Array:
                writer.WriteStartArray();
                foreach (var item in element.EnumerateArray())
                {
                    WriteCanonical(writer, item);
                }

                writer.WriteEndArray();
                break;
            default:
                element.WriteTo(writer);
                break;
        }
    }
}

/// <summary>Turns the workflow's recorded steps into audit-trail changes.</summary>
public static class WorkflowAuditTrail
{
    /// <summary>The entity type of an application's workflow in the trail.</summary>
    public const string EntityType = "application";

    /// <summary>
    /// The change for one recorded step: actor, role and action by their wire names, before <c>{"state":…}</c> and after
    /// <c>{"note":…,"state":…}</c>.
    /// </summary>
    public static AuditChange ChangeFor(string applicationId, WorkflowEvent step)
    {
        ArgumentNullException.ThrowIfNull(step);
        return new AuditChange(
            step.At,
            step.ActorId,
            Roles.Names.Wire(step.Role),
            WorkflowActions.Names.Wire(step.Action),
            EntityType,
            applicationId,
            State(step.From, null),
            State(step.To, step.Note));
    }

    /// <summary>
    /// The entry as an administrator may see it: the note a partner user (alliance lead or contributor) wrote on a step is
    /// the partner's own words, so it is left out and <c>"note_withheld":true</c> says that it was there. Other entries,
    /// and entries without a note, are returned as they are. The result no longer matches its hash: the chain is verified
    /// on the stored entries, never on this view.
    /// </summary>
    public static AuditEntry WithoutPartnerText(AuditEntry entry)
    {
        ArgumentNullException.ThrowIfNull(entry);
        var partnerSide = entry.ActorRole == Roles.Names.Wire(Role.AllianceLead) || entry.ActorRole == Roles.Names.Wire(Role.Contributor);
        if (!partnerSide || entry.After is null)
        {
            return entry;
        }

        try
        {
            using var document = JsonDocument.Parse(entry.After);
            if (document.RootElement.ValueKind != JsonValueKind.Object || !document.RootElement.TryGetProperty("note", out _))
            {
                return entry;
            }

            using var stream = new MemoryStream();
            using (var json = new Utf8JsonWriter(stream, new JsonWriterOptions { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping }))
            {
                json.WriteStartObject();
                json.WriteBoolean("note_withheld", true);
                foreach (var property in document.RootElement.EnumerateObject().Where(p => p.Name != "note"))
                {
                    property.WriteTo(json);
                }

                json.WriteEndObject();
            }

            return entry with { After = Encoding.UTF8.GetString(stream.ToArray()) };
        }
        catch (JsonException)
        {
            // Not the JSON the workflow writes: nothing of it is shown rather than a partner's words by mistake
            return entry with { After = """{"note_withheld":true}""" };
        }
    }

    private static string State(WorkflowState state, string? note)
    {
        using var stream = new MemoryStream();
        using (var json = new Utf8JsonWriter(stream))
        {
            json.WriteStartObject();
            if (note is not null)
            {
                json.WriteString("note", note);
            }

            json.WriteString("state", WorkflowStates.Names.Wire(state));
            json.WriteEndObject();
        }

        return Encoding.UTF8.GetString(stream.ToArray());
    }
}
