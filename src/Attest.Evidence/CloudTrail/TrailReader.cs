using System.Buffers;
using System.IO.Compression;
using System.Text.Json;
using Attest.Core.Text;

namespace Attest.Evidence.CloudTrail;

/// <summary>How the reading of one file ended.</summary>
public enum TrailFileStatus
{
    /// <summary>A CloudTrail log file, read to its end.</summary>
    Read,

    /// <summary>JSON without a top-level <c>Records</c> array: not a CloudTrail log file; skipped.</summary>
    NotCloudTrail,

    /// <summary>Invalid or truncated JSON or gzip: the records read before the fault were kept.</summary>
    Broken,

    /// <summary>Over a size limit (or a gzip bomb): reading stopped; the records read before were kept.</summary>
    Refused,
}

/// <summary>What a JSON file holds, as far as CloudTrail goes.</summary>
public enum TrailShape
{
    /// <summary>Not CloudTrail.</summary>
    None,

    /// <summary>Records: <c>{"Records":[…]}</c>, a bare array of events, or <c>lookup-events</c> output.</summary>
    Records,

    /// <summary>One event on its own, as the console shows it.</summary>
    SingleEvent,
}

/// <summary>What reading one file gave: its status, how many records and bytes, and the problem met, if any.</summary>
public sealed record TrailFileResult(TrailFileStatus Status, long Records, long Bytes, Message? Problem);

/// <summary>
/// Reads CloudTrail log files as AWS delivers them (<c>{"Records":[…]}</c>, plain or gzip) in constant memory: the JSON
/// is read through a fixed buffer with <see cref="Utf8JsonReader"/>, one record at a time; only the fields of
/// <see cref="TrailEvent"/> are kept, and each record is handed to the caller before the next one is read.
/// </summary>
public static class TrailReader
{
    private const int InitialBuffer = 1 << 20;

    private static readonly Phrase NotTrail = new("not a CloudTrail log file (no top-level Records array, array of events or lookup-events output); skipped", "pas un fichier de journal CloudTrail (ni tableau Records au premier niveau, ni tableau d'événements, ni sortie de lookup-events) ; ignoré");
    private static readonly Phrase BadJson = new("invalid or truncated JSON at byte offset {0}, in record {1} ({2} record(s) read before it were kept): {3}", "JSON invalide ou tronqué à l'octet {0}, dans l'enregistrement {1} (les {2} enregistrement(s) lus avant sont conservés) : {3}");
    private static readonly Phrase BadGzip = new("the gzip data is corrupt or ends early, after {0} byte(s) of JSON ({1} record(s) read before it were kept)", "les données gzip sont corrompues ou s'arrêtent trop tôt, après {0} octet(s) de JSON (les {1} enregistrement(s) lus avant sont conservés)");
    private static readonly Phrase TooLarge = new("larger than {0} once decompressed; refused after {1} record(s)", "plus de {0} une fois décompressé ; refusé après {1} enregistrement(s)");
    private static readonly Phrase Bomb = new("compressed more than {0} to 1 (a gzip bomb?); refused after {1} record(s)", "compressé plus de {0} fois (une bombe gzip ?) ; refusé après {1} enregistrement(s)");
    private static readonly Phrase RecordTooLarge = new("record {0} at byte offset {1} is larger than {2}; refused", "l'enregistrement {0} à l'octet {1} dépasse {2} ; refusé");
    private static readonly Phrase Unreadable = new("cannot be read: {0}", "illisible : {0}");

    private enum Phase
    {
        BeforeRoot,
        Root,
        RecordsValue,
        OtherValue,
        Skipping,
        Records,
        SkippingRecord,
        End,
    }

    /// <summary>Reads gzip-compressed CloudTrail JSON from <paramref name="compressed"/>; see <see cref="Read(Stream, TrailLimits, Action{TrailEvent, long})"/>.</summary>
    public static TrailFileResult ReadGzip(Stream compressed, TrailLimits limits, Action<TrailEvent, long> onRecord) =>
        ReadGzip(compressed, limits, onRecord, complete: false);

    /// <summary>
    /// Reads CloudTrail JSON from <paramref name="json"/>, calling <paramref name="onRecord"/> with each record (the same
    /// <see cref="TrailEvent"/> instance, refilled) and its 0-based index in the file.
    /// </summary>
    public static TrailFileResult Read(Stream json, TrailLimits limits, Action<TrailEvent, long> onRecord) =>
        Read(json, limits, onRecord, complete: false);

    /// <summary>
    /// <see cref="ReadGzip(Stream, TrailLimits, Action{TrailEvent, long})"/>; <paramref name="complete"/> reads every record
    /// the complete way (each record framed, then parsed on its own, every field), which the fast path must match.
    /// </summary>
    internal static TrailFileResult ReadGzip(Stream compressed, TrailLimits limits, Action<TrailEvent, long> onRecord, bool complete)
    {
        using var gzip = new GZipStream(compressed, CompressionMode.Decompress, leaveOpen: true);
        return Read(new BoundedStream(gzip, compressed, limits), limits, onRecord, complete);
    }

    /// <summary>
    /// <see cref="Read(Stream, TrailLimits, Action{TrailEvent, long})"/>; <paramref name="complete"/> reads every record the
    /// complete way. The fast way reads each record once, in place, with the file's reader, without the fields only root
    /// events need; a record whose bytes hold <c>"Root"</c> or an escape is read again whole.
    /// </summary>
    internal static TrailFileResult Read(Stream json, TrailLimits limits, Action<TrailEvent, long> onRecord, bool complete)
    {
        ArgumentNullException.ThrowIfNull(json);
        ArgumentNullException.ThrowIfNull(limits);
        ArgumentNullException.ThrowIfNull(onRecord);
        var bounded = json as BoundedStream ?? new BoundedStream(json, null, limits);
        var buffer = ArrayPool<byte>.Shared.Rent(InitialBuffer);
        var record = new TrailEvent();
        var cursor = new Cursor { Complete = complete };
        try
        {
            var state = new JsonReaderState();
            int start = 0, end = 0;
            var eof = false;
            while (true)
            {
                bool needMore;
                if (cursor.Scanning)
                {
                    // Between two records of the array: the scanner reads the records it can, the reader the others
                    var scanned = ScanRecords(buffer.AsSpan(start, end - start), cursor, record, onRecord, out var consumed);
                    start += consumed;
                    cursor.Offset += consumed;
                    needMore = scanned == RecordScanner.Outcome.NeedMore;
                    if (scanned == RecordScanner.Outcome.GiveBack || (needMore && eof))
                    {
                        // The reader takes over where the scanner stopped, in the state it would be in there
                        cursor.Scanning = false;
                        cursor.HoldScan = true;
                        state = ReaderState(cursor.Bare, cursor.AfterElement ? "[{}"u8 : "["u8);
                        continue;
                    }

                    if (scanned == RecordScanner.Outcome.Done)
                    {
                        // The end of the array
                        cursor.Scanning = false;
                        cursor.Phase = cursor.Bare ? Phase.End : Phase.Root;
                        state = ReaderState(cursor.Bare, "[]"u8);
                    }
                }
                else
                {
                    var reader = new Utf8JsonReader(buffer.AsSpan(start, end - start), eof, state);
                    try
                    {
                        needMore = Step(ref reader, buffer.AsSpan(start, end - start), cursor, record, onRecord);
                    }
                    catch (JsonException e)
                    {
                        return new(TrailFileStatus.Broken, cursor.Records, cursor.Offset + reader.BytesConsumed, BadJson.With(cursor.Offset + reader.BytesConsumed, cursor.Records + 1, cursor.Records, Reason(e)));
                    }

                    start += (int)reader.BytesConsumed;
                    cursor.Offset += reader.BytesConsumed;
                    state = reader.CurrentState;
                }

                if (cursor.Phase == Phase.End || cursor.NotTrail)
                {
                    // A bare array is CloudTrail only if its elements are events
                    return cursor.NotTrail || !cursor.SawRecords || (cursor.Bare && cursor.Events == 0)
                        ? new(TrailFileStatus.NotCloudTrail, cursor.Records, cursor.Offset, NotTrail.Message())
                        : new(TrailFileStatus.Read, cursor.Records, cursor.Offset, null);
                }

                if (!needMore)
                {
                    continue;
                }

                if (eof)
                {
                    // The reader saw the final block and still wants more: the JSON stops in the middle
                    return new(TrailFileStatus.Broken, cursor.Records, cursor.Offset, BadJson.With(cursor.Offset, cursor.Records + 1, cursor.Records, "the file ends before the JSON does"));
                }

                // Whitespace where the reader stopped lies between tokens: drop it, so that a run of blanks never fills the buffer
                var blanks = buffer.AsSpan(start, end - start).IndexOfAnyExcept(" \t\r\n"u8);
                blanks = blanks < 0 ? end - start : blanks;
                start += blanks;
                cursor.Offset += blanks;
                if (start < end && buffer[start] is (byte)',' or (byte)':')
                {
                    // The same after a separator the reader has not taken yet: the separator moves up over the blanks
                    var after = buffer.AsSpan(start + 1, end - start - 1).IndexOfAnyExcept(" \t\r\n"u8);
                    after = after < 0 ? end - start - 1 : after;
                    buffer[start + after] = buffer[start];
                    start += after;
                    cursor.Offset += after;
                }

                // Keep the unread tail, then fill the rest of the buffer; a record that does not fit makes it grow, up to the limit
                if (start > 0)
                {
                    Buffer.BlockCopy(buffer, start, buffer, 0, end - start);
                    end -= start;
                    start = 0;
                }

                if (end == buffer.Length)
                {
                    if (buffer.Length >= limits.MaxRecordBytes)
                    {
                        return new(TrailFileStatus.Refused, cursor.Records, cursor.Offset, RecordTooLarge.With(cursor.Records + 1, cursor.Offset, Size(limits.MaxRecordBytes)));
                    }

                    var larger = ArrayPool<byte>.Shared.Rent(Math.Min(buffer.Length * 2, limits.MaxRecordBytes));
                    Buffer.BlockCopy(buffer, 0, larger, 0, end);
                    ArrayPool<byte>.Shared.Return(buffer);
                    buffer = larger;
                }

                try
                {
                    var read = bounded.Read(buffer, end, buffer.Length - end);
                    if (read == 0)
                    {
                        eof = true;
                    }

                    end += read;
                }
                catch (TrailLimitException e)
                {
                    var problem = e.Ratio ? Bomb.With(limits.MaxCompressionRatio, cursor.Records) : TooLarge.With(Size(limits.MaxFileBytes), cursor.Records);
                    return new(TrailFileStatus.Refused, cursor.Records, bounded.Total, problem);
                }
                catch (InvalidDataException)
                {
                    return new(TrailFileStatus.Broken, cursor.Records, bounded.Total, BadGzip.With(bounded.Total, cursor.Records));
                }
                catch (IOException e)
                {
                    return new(TrailFileStatus.Broken, cursor.Records, bounded.Total, Unreadable.With(e.Message));
                }
            }
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }

    /// <summary>
    /// Whether <paramref name="head"/> (the first bytes of a decompressed file) starts a JSON object whose top level has a
    /// <c>Records</c> array before any value too long to see in it: how a CloudTrail file is told from other JSON.
    /// </summary>
    public static bool LooksLikeCloudTrail(ReadOnlySpan<byte> head) => Detect(head) != TrailShape.None;

    /// <summary>What <paramref name="head"/> (the first bytes of a decompressed file) starts: CloudTrail records, one event, or neither.</summary>
    public static TrailShape Detect(ReadOnlySpan<byte> head) => DetectShape(head) switch
    {
        true => TrailShape.Records,
        false => TrailShape.None,
        null => TrailShape.SingleEvent,
    };

    /// <summary>
    /// Reads a file holding one CloudTrail event (a top-level object with <c>eventName</c> and <c>eventSource</c>, as the
    /// console shows an event), up to <see cref="TrailLimits.MaxRecordBytes"/>.
    /// </summary>
    public static TrailFileResult ReadSingleEvent(Stream json, TrailLimits limits, Action<TrailEvent, long> onRecord)
    {
        ArgumentNullException.ThrowIfNull(json);
        ArgumentNullException.ThrowIfNull(limits);
        ArgumentNullException.ThrowIfNull(onRecord);
        using var bytes = new MemoryStream();
        try
        {
            var chunk = new byte[81920];
            int read;
            while ((read = json.Read(chunk, 0, chunk.Length)) > 0)
            {
                bytes.Write(chunk, 0, read);
                if (bytes.Length > limits.MaxRecordBytes)
                {
                    return new(TrailFileStatus.Refused, 0, bytes.Length, RecordTooLarge.With(1, 0, Size(limits.MaxRecordBytes)));
                }
            }
        }
        catch (InvalidDataException)
        {
            return new(TrailFileStatus.Broken, 0, bytes.Length, BadGzip.With(bytes.Length, 0));
        }

        var record = new TrailEvent();
        try
        {
            var data = bytes.GetBuffer().AsSpan(0, (int)bytes.Length);
            var check = new Utf8JsonReader(data, isFinalBlock: true, default);
            check.Read();
            check.Skip();
            RecordParser.Parse(data, record);
        }
        catch (JsonException e)
        {
            return new(TrailFileStatus.Broken, 0, bytes.Length, BadJson.With(e.BytePositionInLine ?? 0, 1, 0, Reason(e)));
        }

        onRecord(record, 0);
        return new(TrailFileStatus.Read, 1, bytes.Length, null);
    }

    // True: records (Records array, bare array of events, lookup-events output); null: one event; false: neither
    private static bool? DetectShape(ReadOnlySpan<byte> head)
    {
        var reader = new Utf8JsonReader(head, isFinalBlock: false, default);
        try
        {
            if (!reader.Read())
            {
                return false;
            }

            if (reader.TokenType == JsonTokenType.StartArray)
            {
                return FirstIsEvent(ref reader, embedded: false);
            }

            if (reader.TokenType != JsonTokenType.StartObject)
            {
                return false;
            }

            bool name = false, source = false;
            while (reader.Read())
            {
                if (reader.TokenType != JsonTokenType.PropertyName)
                {
                    return false;
                }

                var isRecords = reader.ValueTextEquals("Records"u8);
                var isEvents = reader.ValueTextEquals("Events"u8);
                name |= reader.ValueTextEquals("eventName"u8);
                source |= reader.ValueTextEquals("eventSource"u8);
                if (name && source)
                {
                    return null;
                }

                if (!reader.Read())
                {
                    return false;
                }

                if (isRecords)
                {
                    return reader.TokenType == JsonTokenType.StartArray;
                }

                if (isEvents && reader.TokenType == JsonTokenType.StartArray)
                {
                    return FirstIsEvent(ref reader, embedded: true);
                }

                if (!reader.TrySkip())
                {
                    return false;
                }
            }
        }
        catch (JsonException)
        {
            return false;
        }

        return false;
    }

    // The first element of an array is a CloudTrail event: an object with eventName and eventSource (or, embedded, a CloudTrailEvent string)
    private static bool FirstIsEvent(ref Utf8JsonReader reader, bool embedded)
    {
        if (!reader.Read() || reader.TokenType != JsonTokenType.StartObject)
        {
            return false;
        }

        var depth = reader.CurrentDepth;
        bool name = false, source = false;
        while (reader.Read() && !(reader.TokenType == JsonTokenType.EndObject && reader.CurrentDepth == depth))
        {
            if (reader.TokenType != JsonTokenType.PropertyName || reader.CurrentDepth != depth + 1)
            {
                continue;
            }

            if (embedded && reader.ValueTextEquals("CloudTrailEvent"u8))
            {
                return reader.Read() && reader.TokenType == JsonTokenType.String;
            }

            name |= reader.ValueTextEquals("eventName"u8);
            source |= reader.ValueTextEquals("eventSource"u8);
            if (name && source && !embedded)
            {
                return true;
            }
        }

        return false;
    }

    private static string Reason(JsonException e)
    {
        // The reader's own position suffix is replaced by our file-level offset
        var message = e.Message;
        var cut = message.IndexOf(" LineNumber:", StringComparison.Ordinal);
        return (cut > 0 ? message[..cut] : message).TrimEnd('.', ' ');
    }

    private static string Size(long bytes) => bytes >= 1024L * 1024 * 1024 && bytes % (1024L * 1024 * 1024) == 0
        ? $"{bytes / (1024L * 1024 * 1024)} GiB"
        : bytes >= 1024 * 1024 ? $"{bytes / (1024 * 1024)} MiB" : $"{bytes} bytes";

    // Returns true when the buffer ran out before the next complete token (or record)
    private static bool Step(ref Utf8JsonReader reader, ReadOnlySpan<byte> data, Cursor cursor, TrailEvent record, Action<TrailEvent, long> onRecord)
    {
        while (true)
        {
            if (cursor.Phase == Phase.Records && !cursor.Complete && !cursor.Embedded && !cursor.HoldScan)
            {
                // Between two records on the fast path: the scanner goes on from here
                cursor.Scanning = true;
                return false;
            }

            var checkpoint = reader;
            if (!reader.Read())
            {
                reader = checkpoint;
                return true;
            }

            switch (cursor.Phase)
            {
                case Phase.BeforeRoot:
                    if (reader.TokenType == JsonTokenType.StartArray)
                    {
                        // A bare array of records, as exports and event history downloads write them
                        cursor.SawRecords = true;
                        cursor.Bare = true;
                        cursor.AfterElement = false;
                        cursor.Phase = Phase.Records;
                        break;
                    }

                    if (reader.TokenType != JsonTokenType.StartObject)
                    {
                        cursor.NotTrail = true;
                        return false;
                    }

                    cursor.Phase = Phase.Root;
                    break;

                case Phase.Root:
                    if (reader.TokenType == JsonTokenType.EndObject)
                    {
                        cursor.Phase = Phase.End;
                        return false;
                    }

                    // "Events" is the output of aws cloudtrail lookup-events: each record is a JSON string in CloudTrailEvent
                    cursor.Embedded = reader.ValueTextEquals("Events"u8);
                    cursor.Phase = (cursor.Embedded || reader.ValueTextEquals("Records"u8)) && !cursor.SawRecords ? Phase.RecordsValue : Phase.OtherValue;
                    break;

                case Phase.RecordsValue or Phase.OtherValue:
                    if (cursor.Phase == Phase.RecordsValue && reader.TokenType == JsonTokenType.StartArray)
                    {
                        cursor.SawRecords = true;
                        cursor.AfterElement = false;
                        cursor.Phase = Phase.Records;
                    }
                    else if (reader.TokenType is JsonTokenType.StartObject or JsonTokenType.StartArray)
                    {
                        cursor.SkipDepth = reader.CurrentDepth;
                        cursor.Phase = Phase.Skipping;
                    }
                    else
                    {
                        cursor.Phase = Phase.Root;
                    }

                    break;

                case Phase.Skipping or Phase.SkippingRecord:
                    if (reader.TokenType is JsonTokenType.EndObject or JsonTokenType.EndArray && reader.CurrentDepth == cursor.SkipDepth)
                    {
                        cursor.Phase = cursor.Phase == Phase.Skipping ? Phase.Root : Phase.Records;
                    }

                    break;

                case Phase.Records:
                    if (reader.TokenType == JsonTokenType.EndArray)
                    {
                        cursor.Phase = cursor.Bare ? Phase.End : Phase.Root;
                        if (cursor.Bare)
                        {
                            return false;
                        }

                        break;
                    }

                    if (reader.TokenType != JsonTokenType.StartObject)
                    {
                        // A record that is not an object is counted as read but says nothing
                        cursor.Records++;
                        cursor.AfterElement = true;
                        cursor.HoldScan = false;
                        if (reader.TokenType == JsonTokenType.StartArray)
                        {
                            cursor.SkipDepth = reader.CurrentDepth;
                            cursor.Phase = Phase.SkippingRecord;
                        }

                        break;
                    }

                    var from = (int)reader.TokenStartIndex;
                    if (!cursor.Complete && !cursor.Embedded)
                    {
                        // The record is read in place, once, without the fields only root events need
                        if (cursor.Suspect < cursor.Offset + from)
                        {
                            cursor.Suspect = NextSuspect(data, from, cursor.Offset);
                        }

                        if (!RecordParser.TryParse(ref reader, record, rootFields: false))
                        {
                            // The record is not whole in the buffer: come back to it once more bytes are in
                            reader = checkpoint;
                            return true;
                        }

                        var to = (int)reader.BytesConsumed;
                        if (cursor.Suspect < cursor.Offset + to)
                        {
                            // Only a record whose bytes hold "Root" (or an escape, which could spell it) can be a root event: it is read again, whole
                            var bytes = data[from..to];
                            if (bytes.Contains((byte)'\\') || bytes.IndexOf("\"Root\""u8) >= 0)
                            {
                                RecordParser.Parse(bytes, record);
                            }

                            cursor.Suspect = NextSuspect(data, to, cursor.Offset);
                        }
                    }
                    else
                    {
                        if (!reader.TrySkip())
                        {
                            // The record is not whole in the buffer: come back to it once more bytes are in
                            reader = checkpoint;
                            return true;
                        }

                        if (cursor.Embedded)
                        {
                            RecordParser.ParseEmbedded(data[from..(int)reader.BytesConsumed], record);
                        }
                        else
                        {
                            RecordParser.Parse(data[from..(int)reader.BytesConsumed], record);
                        }
                    }

                    // A record with neither event name nor source says nothing: it is counted, not handed on
                    if (record.Name is not null || record.Source is not null)
                    {
                        cursor.Events++;
                        onRecord(record, cursor.Records);
                    }

                    cursor.Records++;
                    cursor.AfterElement = true;
                    cursor.HoldScan = false;
                    break;

                default:
                    return false;
            }
        }
    }

    // Reads the records from the start of data (just after the array's '[' or a record) with the scanner, as long as it
    // can: Done when it reached the array's end (consumed then includes the ']'), NeedMore when data ends within a record,
    // GiveBack when the reader must read the next element; consumed ends after the last record read
    private static RecordScanner.Outcome ScanRecords(ReadOnlySpan<byte> data, Cursor cursor, TrailEvent record, Action<TrailEvent, long> onRecord, out int consumed)
    {
        consumed = 0;
        while (true)
        {
            var i = consumed;
            if (!Blank(data, ref i))
            {
                return RecordScanner.Outcome.NeedMore;
            }

            if (data[i] == (byte)']')
            {
                consumed = i + 1;
                return RecordScanner.Outcome.Done;
            }

            if (cursor.AfterElement)
            {
                if (data[i] != (byte)',')
                {
                    return RecordScanner.Outcome.GiveBack;
                }

                i++;
                if (!Blank(data, ref i))
                {
                    return RecordScanner.Outcome.NeedMore;
                }
            }

            if (data[i] != (byte)'{')
            {
                return RecordScanner.Outcome.GiveBack;
            }

            var from = i;
            var outcome = RecordScanner.Scan(data, ref i, record);
            if (outcome != RecordScanner.Outcome.Done)
            {
                return outcome;
            }

            // Only a record whose bytes hold "Root" can be a root event (the scanner gives back any record with an escape): it is read again, whole
            var bytes = data[from..i];
            if (bytes.IndexOf("\"Root\""u8) >= 0)
            {
                RecordParser.Parse(bytes, record);
            }

            consumed = i;
            if (record.Name is not null || record.Source is not null)
            {
                cursor.Events++;
                onRecord(record, cursor.Records);
            }

            cursor.Records++;
            cursor.AfterElement = true;
        }
    }

    private static bool Blank(ReadOnlySpan<byte> data, ref int i)
    {
        while (i < data.Length && data[i] is (byte)' ' or (byte)'\n' or (byte)'\r' or (byte)'\t')
        {
            i++;
        }

        return i < data.Length;
    }

    // The reader's state just after the given tokens of the records array (which lies at the top level of a bare array,
    // or in the top-level object otherwise): where the scanner hands over to the reader
    private static JsonReaderState ReaderState(bool bare, ReadOnlySpan<byte> tokens)
    {
        var text = (bare ? ""u8 : "{\"Records\":"u8).ToArray().Concat(tokens.ToArray()).ToArray();
        var reader = new Utf8JsonReader(text, isFinalBlock: false, default);
        while (reader.Read())
        {
        }

        return reader.CurrentState;
    }

    // The file offset of the first "Root" or backslash in data from index from on; when there is none, a bound below any
    // that later bytes may hold (a "Root" may start in the last bytes and end in the next read)
    private static long NextSuspect(ReadOnlySpan<byte> data, int from, long offset)
    {
        var rest = data[from..];
        var root = rest.IndexOf("\"Root\""u8);
        var escape = rest.IndexOf((byte)'\\');
        var first = root < 0 ? escape : escape < 0 ? root : Math.Min(root, escape);
        return offset + (first >= 0 ? from + first : Math.Max(from, data.Length - 5));
    }

    private sealed class Cursor
    {
        public bool Complete { get; set; }

        // The file offset of the next "Root" or backslash, or a bound below it (see NextSuspect)
        public long Suspect { get; set; } = -1;

        public Phase Phase { get; set; } = Phase.BeforeRoot;

        public bool SawRecords { get; set; }

        public bool Bare { get; set; }

        public long Events { get; set; }

        public bool Embedded { get; set; }

        public bool NotTrail { get; set; }

        // The scanner, not the reader, reads the records array from the current position (fast path)
        public bool Scanning { get; set; }

        // The reader reads the next element of the records array (the scanner gave it back)
        public bool HoldScan { get; set; }

        // In the records array, at least one element was read: a ',' comes before the next
        public bool AfterElement { get; set; }

        public int SkipDepth { get; set; }

        public long Records { get; set; }

        public long Offset { get; set; }
    }
}
