using System.Buffers;
using System.Text;
using System.Text.Json;

namespace Attest.Evidence.CloudTrail;

/// <summary>
/// The fast path's record reader: walks one record's bytes without <see cref="Utf8JsonReader"/>, checking the JSON as it
/// goes, and keeps only the fields <see cref="RecordParser"/> reads when root fields are left out. It accepts a strict
/// subset of what the reader accepts: anything it is unsure of (an escape, a control character, a number or a word it
/// does not recognise, non-ASCII text in a kept value, deep nesting, invalid JSON) makes it give the record back, and the
/// reader then reads that record (and reports its faults) exactly as before.
/// </summary>
internal static class RecordScanner
{
    /// <summary>How scanning a record ended.</summary>
    public enum Outcome
    {
        /// <summary>The record was read; the index is past its closing brace.</summary>
        Done,

        /// <summary>The data ends inside the record.</summary>
        NeedMore,

        /// <summary>The record holds something the scanner leaves to the reader.</summary>
        GiveBack,
    }

    // Deeper values than this within a record are left to the reader (which allows 64 levels in the whole file)
    private const int MaxDepth = 32;

    // Where a string being skipped may stop: its end, an escape, or a control character (invalid in a JSON string)
    private static readonly SearchValues<byte> StringStops = SearchValues.Create([.. Enumerable.Range(0, 0x20).Select(b => (byte)b), (byte)'"', (byte)'\\']);

    // The same for a kept value, which must be ASCII as well (its text is made without the reader's UTF-8 checks)
    private static readonly SearchValues<byte> KeptStops = SearchValues.Create([.. Enumerable.Range(0, 0x20).Concat(Enumerable.Range(0x80, 0x80)).Select(b => (byte)b), (byte)'"', (byte)'\\']);

    [ThreadStatic]
    private static StringTable? strings;

    private delegate Outcome Member(ReadOnlySpan<byte> data, ref int i, ReadOnlySpan<byte> name, TrailEvent e, StringTable table);

    /// <summary>
    /// Reads the record whose <c>{</c> is at <paramref name="i"/> into <paramref name="e"/> (root fields left out); on
    /// <see cref="Outcome.Done"/> <paramref name="i"/> is past the record, otherwise it is unspecified.
    /// </summary>
    public static Outcome Scan(ReadOnlySpan<byte> data, ref int i, TrailEvent e)
    {
        var table = strings ??= new StringTable();
        e.Clear();
        e.RootFields = false;
        return Members(data, ref i, e, table, TopMember);
    }

    // An object's members, from its '{' on: each is offered to member, which reads its value or skips it
    private static Outcome Members(ReadOnlySpan<byte> data, ref int i, TrailEvent e, StringTable table, Member member)
    {
        i++;
        if (!Blanks(data, ref i))
        {
            return Outcome.NeedMore;
        }

        if (data[i] == (byte)'}')
        {
            i++;
            return Outcome.Done;
        }

        while (true)
        {
            if (data[i] != (byte)'"')
            {
                return Outcome.GiveBack;
            }

            var outcome = String(data, ref i, StringStops, out var name);
            if (outcome != Outcome.Done)
            {
                return outcome;
            }

            if (!Blanks(data, ref i))
            {
                return Outcome.NeedMore;
            }

            if (data[i] != (byte)':')
            {
                return Outcome.GiveBack;
            }

            i++;
            if (!Blanks(data, ref i))
            {
                return Outcome.NeedMore;
            }

            outcome = member(data, ref i, name, e, table);
            if (outcome != Outcome.Done)
            {
                return outcome;
            }

            if (!Blanks(data, ref i))
            {
                return Outcome.NeedMore;
            }

            if (data[i] == (byte)'}')
            {
                i++;
                return Outcome.Done;
            }

            if (data[i] != (byte)',')
            {
                return Outcome.GiveBack;
            }

            i++;
            if (!Blanks(data, ref i))
            {
                return Outcome.NeedMore;
            }
        }
    }

    private static Outcome TopMember(ReadOnlySpan<byte> data, ref int i, ReadOnlySpan<byte> name, TrailEvent e, StringTable table)
    {
        switch (name.Length)
        {
            case 8 when name.SequenceEqual("readOnly"u8):
                return Assign(Flag(data, ref i, out var readOnly), e.ReadOnly = readOnly);
            case 9 when name.SequenceEqual("eventTime"u8):
                return Time(data, ref i, e);
            case 9 when name.SequenceEqual("eventName"u8):
                return Assign(Text(data, ref i, table, out var eventName), e.Name = eventName);
            case 9 when name.SequenceEqual("eventType"u8):
                return Assign(Text(data, ref i, table, out var eventType), e.Type = eventType);
            case 9 when name.SequenceEqual("userAgent"u8):
                return Assign(Text(data, ref i, table, out var agent), e.UserAgent = agent);
            case 9 when name.SequenceEqual("errorCode"u8):
                return Assign(Text(data, ref i, table, out var code), e.ErrorCode = code);
            case 11 when name.SequenceEqual("eventSource"u8):
                return Assign(Text(data, ref i, table, out var source), e.Source = source);
            case 12 when name.SequenceEqual("userIdentity"u8):
                return data[i] == (byte)'{' ? Members(data, ref i, e, table, IdentityMember) : Skip(data, ref i, 0);
            case 13 when name.SequenceEqual("eventCategory"u8):
                return Assign(Text(data, ref i, table, out var category), e.Category = category);
            case 15 when name.SequenceEqual("managementEvent"u8):
                return Assign(Flag(data, ref i, out var management), e.Management = management);
            case 15 when name.SequenceEqual("sourceIPAddress"u8):
                return Assign(Text(data, ref i, table, out var ip), e.SourceIp = ip);
            case 18 when name.SequenceEqual("recipientAccountId"u8):
                return Assign(Text(data, ref i, table, out var recipient), e.RecipientAccount = recipient);
            case 28 when name.SequenceEqual("sessionCredentialFromConsole"u8):
                return Assign(Flag(data, ref i, out var console), e.FromConsole = console);
            default:
                return Skip(data, ref i, 0);
        }
    }

    private static Outcome IdentityMember(ReadOnlySpan<byte> data, ref int i, ReadOnlySpan<byte> name, TrailEvent e, StringTable table)
    {
        switch (name.Length)
        {
            case 3 when name.SequenceEqual("arn"u8):
                return Assign(Text(data, ref i, table, out var arn), e.IdentityArn = arn);
            case 4 when name.SequenceEqual("type"u8):
                return Assign(Text(data, ref i, table, out var type), e.IdentityType = type);
            case 8 when name.SequenceEqual("userName"u8):
                return Assign(Text(data, ref i, table, out var user), e.IdentityUserName = user);
            case 9 when name.SequenceEqual("accountId"u8):
                return Assign(Text(data, ref i, table, out var account), e.IdentityAccount = account);
            case 9 when name.SequenceEqual("invokedBy"u8):
                return Assign(Text(data, ref i, table, out var invokedBy), e.InvokedBy = invokedBy);
            case 11 when name.SequenceEqual("principalId"u8):
                return Assign(Text(data, ref i, table, out var principal), e.PrincipalId = principal);
            case 14 when name.SequenceEqual("sessionContext"u8):
                return data[i] == (byte)'{' ? Members(data, ref i, e, table, SessionMember) : Skip(data, ref i, 1);
            default:
                return Skip(data, ref i, 1);
        }
    }

    private static Outcome SessionMember(ReadOnlySpan<byte> data, ref int i, ReadOnlySpan<byte> name, TrailEvent e, StringTable table) =>
        name.SequenceEqual("sessionIssuer"u8) && data[i] == (byte)'{' ? Members(data, ref i, e, table, IssuerMember) : Skip(data, ref i, 2);

    private static Outcome IssuerMember(ReadOnlySpan<byte> data, ref int i, ReadOnlySpan<byte> name, TrailEvent e, StringTable table)
    {
        if (name.SequenceEqual("userName"u8))
        {
            return Assign(Text(data, ref i, table, out var user), e.IssuerUserName = user);
        }

        if (name.SequenceEqual("arn"u8))
        {
            return Assign(Text(data, ref i, table, out var arn), e.IssuerArn = arn);
        }

        return Skip(data, ref i, 3);
    }

    // The outcome of reading a value, once the value is stored (a record not read to its end is read again from its start)
    private static Outcome Assign<T>(Outcome outcome, T stored)
    {
        _ = stored;
        return outcome;
    }

    // Past JSON blanks; false when the data ends first
    private static bool Blanks(ReadOnlySpan<byte> data, ref int i)
    {
        while (i < data.Length)
        {
            if (data[i] is not ((byte)' ' or (byte)'\n' or (byte)'\r' or (byte)'\t'))
            {
                return true;
            }

            i++;
        }

        return false;
    }

    // The string at i (its opening quote), without quotes; given back if it holds an escape or a stop byte
    private static Outcome String(ReadOnlySpan<byte> data, ref int i, SearchValues<byte> stops, out ReadOnlySpan<byte> text)
    {
        text = default;
        var rest = data[(i + 1)..];
        var stop = rest.IndexOfAny(stops);
        if (stop < 0)
        {
            return Outcome.NeedMore;
        }

        if (rest[stop] != (byte)'"')
        {
            return Outcome.GiveBack;
        }

        text = rest[..stop];
        i += stop + 2;
        return Outcome.Done;
    }

    // A value read as text the way RecordParser reads it: strings as such, numbers and true/false as written, anything else null
    private static Outcome Text(ReadOnlySpan<byte> data, ref int i, StringTable table, out string? value)
    {
        value = null;
        var first = data[i];
        if (first == (byte)'"')
        {
            var outcome = String(data, ref i, KeptStops, out var text);
            if (outcome == Outcome.Done)
            {
                value = table.Get(text);
            }

            return outcome;
        }

        if (first is (byte)'-' or >= (byte)'0' and <= (byte)'9' or (byte)'t' or (byte)'f')
        {
            var from = i;
            var outcome = Skip(data, ref i, 0);
            if (outcome == Outcome.Done)
            {
                value = Encoding.ASCII.GetString(data[from..i]);
            }

            return outcome;
        }

        return Skip(data, ref i, 0);
    }

    // JSON booleans, or the strings "true"/"True"/"false"/"False"; anything else null
    private static Outcome Flag(ReadOnlySpan<byte> data, ref int i, out bool? value)
    {
        value = null;
        switch (data[i])
        {
            case (byte)'t' or (byte)'f':
                var word = data[i] == (byte)'t';
                var outcome = Skip(data, ref i, 0);
                value = outcome == Outcome.Done ? word : null;
                return outcome;
            case (byte)'"':
                outcome = String(data, ref i, StringStops, out var text);
                value = text.SequenceEqual("true"u8) || text.SequenceEqual("True"u8) ? true
                    : text.SequenceEqual("false"u8) || text.SequenceEqual("False"u8) ? false : null;
                return outcome;
            default:
                return Skip(data, ref i, 0);
        }
    }

    // eventTime: the usual "YYYY-MM-DDTHH:MM:SSZ" is read here; any other string is read by the reader's own ISO 8601 parsing
    private static Outcome Time(ReadOnlySpan<byte> data, ref int i, TrailEvent e)
    {
        if (data[i] != (byte)'"')
        {
            e.Time = null;
            return Skip(data, ref i, 0);
        }

        var from = i;
        var outcome = String(data, ref i, StringStops, out var text);
        if (outcome != Outcome.Done)
        {
            return outcome;
        }

        if (UsualTime(text) is { } time)
        {
            e.Time = time;
        }
        else
        {
            var reader = new Utf8JsonReader(data[from..i], isFinalBlock: true, default);
            reader.Read();
            e.Time = reader.TryGetDateTimeOffset(out var parsed) ? parsed.UtcDateTime : null;
        }

        return Outcome.Done;
    }

    private static DateTime? UsualTime(ReadOnlySpan<byte> t)
    {
        if (t.Length != 20 || t[4] != (byte)'-' || t[7] != (byte)'-' || t[10] != (byte)'T' || t[13] != (byte)':' || t[16] != (byte)':' || t[19] != (byte)'Z')
        {
            return null;
        }

        int year = Digits(t[..4]), month = Digits(t.Slice(5, 2)), day = Digits(t.Slice(8, 2));
        int hour = Digits(t.Slice(11, 2)), minute = Digits(t.Slice(14, 2)), second = Digits(t.Slice(17, 2));
        return year >= 1 && month is >= 1 and <= 12 && day >= 1 && day <= DateTime.DaysInMonth(year, month) && hour is >= 0 and <= 23 && minute is >= 0 and <= 59 && second is >= 0 and <= 59
            ? new DateTime(year, month, day, hour, minute, second, DateTimeKind.Utc)
            : null;
    }

    // The value of ASCII digits, or -1 when one is not a digit
    private static int Digits(ReadOnlySpan<byte> digits)
    {
        var value = 0;
        foreach (var d in digits)
        {
            if (d is < (byte)'0' or > (byte)'9')
            {
                return -1;
            }

            value = (value * 10) + d - '0';
        }

        return value;
    }

    // Past the value at i (checked as JSON); depth is how deep within the record the value lies
    private static Outcome Skip(ReadOnlySpan<byte> data, ref int i, int depth)
    {
        switch (data[i])
        {
            case (byte)'"':
                return String(data, ref i, StringStops, out _);
            case (byte)'{':
                return depth >= MaxDepth ? Outcome.GiveBack : Members(data, ref i, depth + 1);
            case (byte)'[':
                return depth >= MaxDepth ? Outcome.GiveBack : Elements(data, ref i, depth + 1);
            case (byte)'t':
                return Word(data, ref i, "true"u8);
            case (byte)'f':
                return Word(data, ref i, "false"u8);
            case (byte)'n':
                return Word(data, ref i, "null"u8);
            case (byte)'-' or (>= (byte)'0' and <= (byte)'9'):
                return Number(data, ref i);
            default:
                return Outcome.GiveBack;
        }
    }

    // An object skipped whole
    private static Outcome Members(ReadOnlySpan<byte> data, ref int i, int depth)
    {
        i++;
        if (!Blanks(data, ref i))
        {
            return Outcome.NeedMore;
        }

        if (data[i] == (byte)'}')
        {
            i++;
            return Outcome.Done;
        }

        while (true)
        {
            if (data[i] != (byte)'"')
            {
                return Outcome.GiveBack;
            }

            var outcome = String(data, ref i, StringStops, out _);
            if (outcome != Outcome.Done)
            {
                return outcome;
            }

            if (!Blanks(data, ref i))
            {
                return Outcome.NeedMore;
            }

            if (data[i] != (byte)':')
            {
                return Outcome.GiveBack;
            }

            i++;
            if (!Blanks(data, ref i))
            {
                return Outcome.NeedMore;
            }

            outcome = Skip(data, ref i, depth);
            if (outcome != Outcome.Done)
            {
                return outcome;
            }

            if (!Blanks(data, ref i))
            {
                return Outcome.NeedMore;
            }

            if (data[i] == (byte)'}')
            {
                i++;
                return Outcome.Done;
            }

            if (data[i] != (byte)',')
            {
                return Outcome.GiveBack;
            }

            i++;
            if (!Blanks(data, ref i))
            {
                return Outcome.NeedMore;
            }
        }
    }

    // An array skipped whole
    private static Outcome Elements(ReadOnlySpan<byte> data, ref int i, int depth)
    {
        i++;
        if (!Blanks(data, ref i))
        {
            return Outcome.NeedMore;
        }

        if (data[i] == (byte)']')
        {
            i++;
            return Outcome.Done;
        }

        while (true)
        {
            var outcome = Skip(data, ref i, depth);
            if (outcome != Outcome.Done)
            {
                return outcome;
            }

            if (!Blanks(data, ref i))
            {
                return Outcome.NeedMore;
            }

            if (data[i] == (byte)']')
            {
                i++;
                return Outcome.Done;
            }

            if (data[i] != (byte)',')
            {
                return Outcome.GiveBack;
            }

            i++;
            if (!Blanks(data, ref i))
            {
                return Outcome.NeedMore;
            }
        }
    }

    // true, false or null, followed by a byte that may end a value
    private static Outcome Word(ReadOnlySpan<byte> data, ref int i, ReadOnlySpan<byte> word)
    {
        var rest = data[i..];
        if (rest.Length <= word.Length)
        {
            return word.StartsWith(rest) ? Outcome.NeedMore : Outcome.GiveBack;
        }

        if (!rest.StartsWith(word) || !Ends(rest[word.Length]))
        {
            return Outcome.GiveBack;
        }

        i += word.Length;
        return Outcome.Done;
    }

    // -?(0|[1-9][0-9]*)(.[0-9]+)?([eE][+-]?[0-9]+)?, followed by a byte that may end a value
    private static Outcome Number(ReadOnlySpan<byte> data, ref int i)
    {
        var j = i;
        if (data[j] == (byte)'-')
        {
            j++;
        }

        if (j >= data.Length)
        {
            return Outcome.NeedMore;
        }

        if (data[j] == (byte)'0')
        {
            j++;
        }
        else if (!Digit(data, ref j))
        {
            return j >= data.Length ? Outcome.NeedMore : Outcome.GiveBack;
        }

        if (j < data.Length && data[j] == (byte)'.')
        {
            j++;
            if (!Digit(data, ref j))
            {
                return j >= data.Length ? Outcome.NeedMore : Outcome.GiveBack;
            }
        }

        if (j < data.Length && data[j] is (byte)'e' or (byte)'E')
        {
            j++;
            if (j < data.Length && data[j] is (byte)'+' or (byte)'-')
            {
                j++;
            }

            if (!Digit(data, ref j))
            {
                return j >= data.Length ? Outcome.NeedMore : Outcome.GiveBack;
            }
        }

        if (j >= data.Length)
        {
            return Outcome.NeedMore;
        }

        if (!Ends(data[j]))
        {
            return Outcome.GiveBack;
        }

        i = j;
        return Outcome.Done;
    }

    // Past one or more digits; false when there is none at j
    private static bool Digit(ReadOnlySpan<byte> data, ref int j)
    {
        var from = j;
        while (j < data.Length && data[j] is >= (byte)'0' and <= (byte)'9')
        {
            j++;
        }

        return j > from;
    }

    private static bool Ends(byte b) => b is (byte)',' or (byte)'}' or (byte)']' or (byte)' ' or (byte)'\n' or (byte)'\r' or (byte)'\t';

    /// <summary>The strings of kept values, made once per distinct short value (event names, sources, accounts and roles repeat).</summary>
    private sealed class StringTable
    {
        private const int Slots = 4096;
        private const int MaxLength = 96;
        private readonly byte[]?[] keys = new byte[Slots][];
        private readonly string[] values = new string[Slots];

        public string Get(ReadOnlySpan<byte> text)
        {
            if (text.Length > MaxLength)
            {
                return Encoding.ASCII.GetString(text);
            }

            var hash = new HashCode();
            hash.AddBytes(text);
            var slot = hash.ToHashCode() & (Slots - 1);
            if (keys[slot] is { } key && text.SequenceEqual(key))
            {
                return values[slot];
            }

            var value = Encoding.ASCII.GetString(text);
            keys[slot] = text.ToArray();
            values[slot] = value;
            return value;
        }
    }
}
