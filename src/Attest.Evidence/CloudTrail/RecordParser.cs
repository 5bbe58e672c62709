using System.Text.Json;

namespace Attest.Evidence.CloudTrail;

/// <summary>
/// Fills a <see cref="TrailEvent"/> from one record, skipping every field it does not need. The complete path reads a
/// record's own bytes; the fast path reads the record in place with the file's reader, once, and leaves out the fields only
/// root events need when the record cannot be a root event.
/// </summary>
internal static class RecordParser
{
    // The top-level fields read, in the order of the Top constants
    private static readonly byte[][] TopNames =
    [
        "eventTime"u8.ToArray(), "eventSource"u8.ToArray(), "eventName"u8.ToArray(), "eventType"u8.ToArray(), "eventCategory"u8.ToArray(),
        "readOnly"u8.ToArray(), "managementEvent"u8.ToArray(), "sourceIPAddress"u8.ToArray(), "userAgent"u8.ToArray(),
        "recipientAccountId"u8.ToArray(), "errorCode"u8.ToArray(), "errorMessage"u8.ToArray(), "sessionCredentialFromConsole"u8.ToArray(),
        "userIdentity"u8.ToArray(), "additionalEventData"u8.ToArray(), "responseElements"u8.ToArray(), "requestParameters"u8.ToArray(),
    ];

    // The fields of userIdentity read, in the order of the Identity constants
    private static readonly byte[][] IdentityNames =
    [
        "type"u8.ToArray(), "arn"u8.ToArray(), "accountId"u8.ToArray(), "userName"u8.ToArray(), "principalId"u8.ToArray(),
        "accessKeyId"u8.ToArray(), "invokedBy"u8.ToArray(), "sessionContext"u8.ToArray(),
    ];

    /// <summary>Parses the whole record in <paramref name="json"/>, every field the analysis may read (the complete path).</summary>
    public static void Parse(ReadOnlySpan<byte> json, TrailEvent e)
    {
        var reader = new Utf8JsonReader(json, isFinalBlock: true, default);
        reader.Read();
        Fields(ref reader, e, rootFields: true);
    }

    /// <summary>
    /// Parses the record whose <c>StartObject</c> <paramref name="reader"/> has just read, leaving the reader on its
    /// <c>EndObject</c>; the caller has made sure the whole record is in the reader's data. <paramref name="rootFields"/>
    /// false leaves out the fields only a root event needs. False when the data ran out all the same (the caller then
    /// reads the record the complete way).
    /// </summary>
    public static bool TryParse(ref Utf8JsonReader reader, TrailEvent e, bool rootFields)
    {
        try
        {
            Fields(ref reader, e, rootFields);
            return true;
        }
        catch (IncompleteException)
        {
            return false;
        }
    }

    private static void Fields(ref Utf8JsonReader reader, TrailEvent e, bool rootFields)
    {
        e.Clear();
        e.RootFields = rootFields;
        while (Next(ref reader) && reader.TokenType == JsonTokenType.PropertyName)
        {
            switch (Lookup(ref reader, TopNames))
            {
                case Top.EventTime:
                    Next(ref reader);
                    e.Time = reader.TokenType == JsonTokenType.String && reader.TryGetDateTimeOffset(out var time) ? time.UtcDateTime : null;
                    SkipValue(ref reader);
                    break;
                case Top.EventSource:
                    e.Source = Text(ref reader);
                    break;
                case Top.EventName:
                    e.Name = Text(ref reader);
                    break;
                case Top.EventType:
                    e.Type = Text(ref reader);
                    break;
                case Top.EventCategory:
                    e.Category = Text(ref reader);
                    break;
                case Top.ReadOnly:
                    e.ReadOnly = Flag(ref reader);
                    break;
                case Top.ManagementEvent:
                    e.Management = Flag(ref reader);
                    break;
                case Top.SourceIpAddress:
                    e.SourceIp = Text(ref reader);
                    break;
                case Top.UserAgent:
                    e.UserAgent = Text(ref reader);
                    break;
                case Top.RecipientAccountId:
                    e.RecipientAccount = Text(ref reader);
                    break;
                case Top.ErrorCode:
                    e.ErrorCode = Text(ref reader);
                    break;
                case Top.ErrorMessage when rootFields:
                    e.ErrorMessage = Text(ref reader);
                    break;
                case Top.SessionCredentialFromConsole:
                    e.FromConsole = Flag(ref reader);
                    break;
                case Top.UserIdentity:
                    UserIdentity(ref reader, e);
                    break;
                case Top.AdditionalEventData when rootFields:
                    Object(ref reader, e, static (ref r, ev) =>
                    {
                        if (r.ValueTextEquals("MFAUsed"u8))
                        {
                            ev.MfaUsed = Text(ref r);
                            return true;
                        }

                        return false;
                    });
                    break;
                case Top.ResponseElements when rootFields:
                    Object(ref reader, e, static (ref r, ev) =>
                    {
                        if (r.ValueTextEquals("ConsoleLogin"u8))
                        {
                            ev.ConsoleLoginResult = Text(ref r);
                            return true;
                        }

                        // Sign-in steps answer "Failure" under their own name (CredentialVerification, CredentialChallenge…)
                        Next(ref r);
                        if (r.TokenType == JsonTokenType.String)
                        {
                            ev.ResponseFailure |= r.ValueTextEquals("Failure"u8);
                        }
                        else
                        {
                            SkipValue(ref r);
                        }

                        return true;
                    });
                    break;
                case Top.RequestParameters when rootFields:
                    Object(ref reader, e, static (ref r, ev) =>
                    {
                        if (r.ValueTextEquals("userName"u8))
                        {
                            ev.RequestUserName = Text(ref r);
                            return true;
                        }

                        return false;
                    });
                    break;
                default:
                    Next(ref reader);
                    SkipValue(ref reader);
                    break;
            }
        }
    }

    /// <summary>An element of <c>aws cloudtrail lookup-events</c> output: the record is the JSON text of its <c>CloudTrailEvent</c>.</summary>
    public static void ParseEmbedded(ReadOnlySpan<byte> json, TrailEvent e)
    {
        e.Clear();
        var reader = new Utf8JsonReader(json, isFinalBlock: true, default);
        reader.Read();
        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            if (reader.ValueTextEquals("CloudTrailEvent"u8) && reader.Read() && reader.TokenType == JsonTokenType.String)
            {
                var text = reader.GetString()!;
                try
                {
                    Parse(System.Text.Encoding.UTF8.GetBytes(text), e);
                }
                catch (JsonException)
                {
                    // An embedded record that is not JSON says nothing; the record is counted, its fields stay empty
                    e.Clear();
                }

                return;
            }

            reader.Read();
            reader.Skip();
        }
    }

    private delegate bool PropertyHandler(ref Utf8JsonReader reader, TrailEvent e);

    private static void UserIdentity(ref Utf8JsonReader reader, TrailEvent e) => Object(ref reader, e, static (ref r, ev) =>
    {
        switch (Lookup(ref r, IdentityNames))
        {
            case Identity.Type:
                ev.IdentityType = Text(ref r);
                return true;
            case Identity.Arn:
                ev.IdentityArn = Text(ref r);
                return true;
            case Identity.AccountId:
                ev.IdentityAccount = Text(ref r);
                return true;
            case Identity.UserName:
                ev.IdentityUserName = Text(ref r);
                return true;
            case Identity.PrincipalId:
                ev.PrincipalId = Text(ref r);
                return true;
            case Identity.AccessKeyId when ev.RootFields:
                ev.AccessKeyId = Text(ref r);
                return true;
            case Identity.InvokedBy:
                ev.InvokedBy = Text(ref r);
                return true;
            case Identity.SessionContext:
                SessionContext(ref r, ev);
                return true;
            default:
                return false;
        }
    });

    private static void SessionContext(ref Utf8JsonReader reader, TrailEvent e) => Object(ref reader, e, static (ref c, ev2) =>
    {
        if (ev2.RootFields && c.ValueTextEquals("attributes"u8))
        {
            Object(ref c, ev2, static (ref a, ev3) =>
            {
                if (a.ValueTextEquals("mfaAuthenticated"u8))
                {
                    ev3.SessionMfa = Flag(ref a);
                    return true;
                }

                return false;
            });
            return true;
        }

        if (c.ValueTextEquals("sessionIssuer"u8))
        {
            Object(ref c, ev2, static (ref s, ev3) =>
            {
                if (s.ValueTextEquals("userName"u8))
                {
                    ev3.IssuerUserName = Text(ref s);
                    return true;
                }

                if (s.ValueTextEquals("arn"u8))
                {
                    ev3.IssuerArn = Text(ref s);
                    return true;
                }

                return false;
            });
            return true;
        }

        return false;
    });

    // The index in names of the current property's name, or -1: unescaped names are compared as bytes, length first
    private static int Lookup(ref Utf8JsonReader reader, byte[][] names)
    {
        if (reader.ValueIsEscaped)
        {
            for (var i = 0; i < names.Length; i++)
            {
                if (reader.ValueTextEquals(names[i]))
                {
                    return i;
                }
            }

            return -1;
        }

        var name = reader.ValueSpan;
        for (var i = 0; i < names.Length; i++)
        {
            if (names[i].Length == name.Length && name.SequenceEqual(names[i]))
            {
                return i;
            }
        }

        return -1;
    }

    // Reads the object value of the current property; the handler reads the values it wants, the others are skipped
    private static void Object(ref Utf8JsonReader reader, TrailEvent e, PropertyHandler handler)
    {
        Next(ref reader);
        if (reader.TokenType != JsonTokenType.StartObject)
        {
            SkipValue(ref reader);
            return;
        }

        while (Next(ref reader) && reader.TokenType == JsonTokenType.PropertyName)
        {
            if (!handler(ref reader, e))
            {
                Next(ref reader);
                SkipValue(ref reader);
            }
        }
    }

    // The next token; the data cannot run out within a record the caller found whole, unless that record is not JSON
    private static bool Next(ref Utf8JsonReader reader) => reader.Read() ? true : throw new IncompleteException();

    private static void SkipValue(ref Utf8JsonReader reader)
    {
        if (!reader.TrySkip())
        {
            throw new IncompleteException();
        }
    }

    // The value of the current property as text: strings as such, numbers and booleans as written, anything else null
    private static string? Text(ref Utf8JsonReader reader)
    {
        Next(ref reader);
        switch (reader.TokenType)
        {
            case JsonTokenType.String:
                return reader.GetString();
            case JsonTokenType.Number or JsonTokenType.True or JsonTokenType.False:
                return System.Text.Encoding.UTF8.GetString(reader.ValueSpan);
            default:
                SkipValue(ref reader);
                return null;
        }
    }

    // CloudTrail writes flags as JSON booleans or as the strings "true"/"false"
    private static bool? Flag(ref Utf8JsonReader reader)
    {
        Next(ref reader);
        switch (reader.TokenType)
        {
            case JsonTokenType.True:
                return true;
            case JsonTokenType.False:
                return false;
            case JsonTokenType.String:
                return reader.ValueTextEquals("true"u8) || reader.ValueTextEquals("True"u8) ? true
                    : reader.ValueTextEquals("false"u8) || reader.ValueTextEquals("False"u8) ? false : null;
            default:
                SkipValue(ref reader);
                return null;
        }
    }

    private sealed class IncompleteException : Exception
    {
    }

    private static class Top
    {
        public const int EventTime = 0;
        public const int EventSource = 1;
        public const int EventName = 2;
        public const int EventType = 3;
        public const int EventCategory = 4;
        public const int ReadOnly = 5;
        public const int ManagementEvent = 6;
        public const int SourceIpAddress = 7;
        public const int UserAgent = 8;
        public const int RecipientAccountId = 9;
        public const int ErrorCode = 10;
        public const int ErrorMessage = 11;
        public const int SessionCredentialFromConsole = 12;
        public const int UserIdentity = 13;
        public const int AdditionalEventData = 14;
        public const int ResponseElements = 15;
        public const int RequestParameters = 16;
    }

    private static class Identity
    {
        public const int Type = 0;
        public const int Arn = 1;
        public const int AccountId = 2;
        public const int UserName = 3;
        public const int PrincipalId = 4;
        public const int AccessKeyId = 5;
        public const int InvokedBy = 6;
        public const int SessionContext = 7;
    }
}
