using System.Text.Json;

namespace Attest.Evidence.CloudTrail;

/// <summary>Fills a <see cref="TrailEvent"/> from the bytes of one whole record, skipping every field it does not need.</summary>
internal static class RecordParser
{
    public static void Parse(ReadOnlySpan<byte> json, TrailEvent e)
    {
        e.Clear();
        var reader = new Utf8JsonReader(json, isFinalBlock: true, default);
        reader.Read();
        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            if (reader.ValueTextEquals("eventTime"u8))
            {
                reader.Read();
                e.Time = reader.TokenType == JsonTokenType.String && reader.TryGetDateTimeOffset(out var time) ? time.UtcDateTime : null;
            }
            else if (reader.ValueTextEquals("eventSource"u8))
            {
                e.Source = Text(ref reader);
            }
            else if (reader.ValueTextEquals("eventName"u8))
            {
                e.Name = Text(ref reader);
            }
            else if (reader.ValueTextEquals("eventType"u8))
            {
                e.Type = Text(ref reader);
            }
            else if (reader.ValueTextEquals("eventCategory"u8))
            {
                e.Category = Text(ref reader);
            }
            else if (reader.ValueTextEquals("readOnly"u8))
            {
                e.ReadOnly = Flag(ref reader);
            }
            else if (reader.ValueTextEquals("managementEvent"u8))
            {
                e.Management = Flag(ref reader);
            }
            else if (reader.ValueTextEquals("sourceIPAddress"u8))
            {
                e.SourceIp = Text(ref reader);
            }
            else if (reader.ValueTextEquals("userAgent"u8))
            {
                e.UserAgent = Text(ref reader);
            }
            else if (reader.ValueTextEquals("recipientAccountId"u8))
            {
                e.RecipientAccount = Text(ref reader);
            }
            else if (reader.ValueTextEquals("errorCode"u8))
            {
                e.ErrorCode = Text(ref reader);
            }
            else if (reader.ValueTextEquals("errorMessage"u8))
            {
                e.ErrorMessage = Text(ref reader);
            }
            else if (reader.ValueTextEquals("sessionCredentialFromConsole"u8))
            {
                e.FromConsole = Flag(ref reader);
            }
            else if (reader.ValueTextEquals("userIdentity"u8))
            {
                UserIdentity(ref reader, e);
            }
            else if (reader.ValueTextEquals("additionalEventData"u8))
            {
                Object(ref reader, e, static (ref r, ev) =>
                {
                    if (r.ValueTextEquals("MFAUsed"u8))
                    {
                        ev.MfaUsed = Text(ref r);
                        return true;
                    }

                    return false;
                });
            }
            else if (reader.ValueTextEquals("responseElements"u8))
            {
                Object(ref reader, e, static (ref r, ev) =>
                {
                    if (r.ValueTextEquals("ConsoleLogin"u8))
                    {
                        ev.ConsoleLoginResult = Text(ref r);
                        return true;
                    }

                    // Sign-in steps answer "Failure" under their own name (CredentialVerification, CredentialChallenge…)
                    r.Read();
                    if (r.TokenType == JsonTokenType.String)
                    {
                        ev.ResponseFailure |= r.ValueTextEquals("Failure"u8);
                    }
                    else
                    {
                        r.Skip();
                    }

                    return true;
                });
            }
            else if (reader.ValueTextEquals("requestParameters"u8))
            {
                Object(ref reader, e, static (ref r, ev) =>
                {
                    if (r.ValueTextEquals("userName"u8))
                    {
                        ev.RequestUserName = Text(ref r);
                        return true;
                    }

                    return false;
                });
            }
            else
            {
                reader.Read();
                reader.Skip();
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
        if (r.ValueTextEquals("type"u8))
        {
            ev.IdentityType = Text(ref r);
        }
        else if (r.ValueTextEquals("arn"u8))
        {
            ev.IdentityArn = Text(ref r);
        }
        else if (r.ValueTextEquals("accountId"u8))
        {
            ev.IdentityAccount = Text(ref r);
        }
        else if (r.ValueTextEquals("userName"u8))
        {
            ev.IdentityUserName = Text(ref r);
        }
        else if (r.ValueTextEquals("principalId"u8))
        {
            ev.PrincipalId = Text(ref r);
        }
        else if (r.ValueTextEquals("accessKeyId"u8))
        {
            ev.AccessKeyId = Text(ref r);
        }
        else if (r.ValueTextEquals("invokedBy"u8))
        {
            ev.InvokedBy = Text(ref r);
        }
        else if (r.ValueTextEquals("sessionContext"u8))
        {
            Object(ref r, ev, static (ref c, ev2) =>
            {
                if (c.ValueTextEquals("attributes"u8))
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
        }
        else
        {
            return false;
        }

        return true;
    });

    // Reads the object value of the current property; the handler reads the values it wants, the others are skipped
    private static void Object(ref Utf8JsonReader reader, TrailEvent e, PropertyHandler handler)
    {
        reader.Read();
        if (reader.TokenType != JsonTokenType.StartObject)
        {
            reader.Skip();
            return;
        }

        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            if (!handler(ref reader, e))
            {
                reader.Read();
                reader.Skip();
            }
        }
    }

    // The value of the current property as text: strings as such, numbers and booleans as written, anything else null
    private static string? Text(ref Utf8JsonReader reader)
    {
        reader.Read();
        switch (reader.TokenType)
        {
            case JsonTokenType.String:
                return reader.GetString();
            case JsonTokenType.Number or JsonTokenType.True or JsonTokenType.False:
                return System.Text.Encoding.UTF8.GetString(reader.ValueSpan);
            default:
                reader.Skip();
                return null;
        }
    }

    // CloudTrail writes flags as JSON booleans or as the strings "true"/"false"
    private static bool? Flag(ref Utf8JsonReader reader)
    {
        reader.Read();
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
                reader.Skip();
                return null;
        }
    }
}
