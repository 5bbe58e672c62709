using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using Attest.Core.Documents;
using Attest.Evidence.Model;

namespace Attest.Evidence.CloudFormation;

/// <summary>Scalars as CloudFormation reads them, equality and text forms of resolved values.</summary>
internal static partial class Values
{
    /// <summary>
    /// The value of a scalar: quoted text stays text; unquoted <c>true</c>/<c>false</c> (any case) are booleans, plain decimal numbers are numbers
    /// (a leading zero, as in an account id, keeps it text), null and empty are absent.
    /// </summary>
    public static object? OfScalar(ScalarNode scalar)
    {
        if (scalar.Quoted)
        {
            return scalar.Value;
        }

        if (scalar.IsNull)
        {
            return null;
        }

        var text = scalar.Value;
        if (text.Equals("true", StringComparison.OrdinalIgnoreCase))
        {
            return true;
        }

        if (text.Equals("false", StringComparison.OrdinalIgnoreCase))
        {
            return false;
        }

        return Number(text) is { } number ? number : text;
    }

    /// <summary>A decimal when <paramref name="text"/> is written as a plain JSON-style number, else null.</summary>
    private static decimal? Number(string text) =>
        text.Length is > 0 and < 40 && NumberPattern().IsMatch(text) && decimal.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var d) ? d : null;

    /// <summary>The text CloudFormation substitutes for a scalar, or null for a list, mapping, absent or unknown value.</summary>
    public static string? Text(object? value) => value switch
    {
        string s => s,
        bool b => b ? "true" : "false",
        decimal d => d.ToString(CultureInfo.InvariantCulture),
        _ => null,
    };

    /// <summary>Structural equality of resolved values; scalars compare by their text, as <c>Fn::Equals</c> does.</summary>
    public static bool Same(object? a, object? b)
    {
        if (ReferenceEquals(a, b))
        {
            return true;
        }

        switch (a, b)
        {
            case (null, _) or (_, null):
                return false;
            case (UnknownValue x, UnknownValue y):
                return x.Why == y.Why;
            case (IReadOnlyList<object?> x, IReadOnlyList<object?> y):
                return x.Count == y.Count && x.Zip(y).All(p => Same(p.First, p.Second));
            case (IReadOnlyDictionary<string, object?> x, IReadOnlyDictionary<string, object?> y):
                return x.Count == y.Count && x.All(e => y.TryGetValue(e.Key, out var other) && Same(e.Value, other));
            default:
                return Text(a) is { } ta && Text(b) is { } tb && ta == tb && a.GetType() == b.GetType();
        }
    }

    /// <summary>Equality as <c>Fn::Equals</c> judges it: by text for scalars of any kind.</summary>
    public static bool EqualForCondition(object? a, object? b) =>
        Text(a) is { } ta && Text(b) is { } tb ? ta == tb : Same(a, b);

    /// <summary>A short quoted form for messages, cut at 60 characters.</summary>
    public static string Quote(object? value)
    {
        var text = Text(value) ?? value switch
        {
            null => "absent",
            IReadOnlyList<object?> list => $"a list of {list.Count}",
            IReadOnlyDictionary<string, object?> => "a mapping",
            UnknownValue => "unknown",
            _ => "?",
        };
        return Text(value) is null ? text : "'" + (text.Length > 60 ? text[..57] + "..." : text) + "'";
    }

    /// <summary>The JSON text of a fully known value (for <c>Fn::ToJsonString</c>), or null when part of it is unknown.</summary>
    public static string? Json(object? value)
    {
        using var stream = new MemoryStream();
        using (var writer = new Utf8JsonWriter(stream))
        {
            if (!WriteJson(writer, value))
            {
                return null;
            }
        }

        return Encoding.UTF8.GetString(stream.ToArray());
    }

    private static bool WriteJson(Utf8JsonWriter writer, object? value)
    {
        switch (value)
        {
            case string s:
                writer.WriteStringValue(s);
                return true;
            case bool b:
                writer.WriteBooleanValue(b);
                return true;
            case decimal d:
                writer.WriteNumberValue(d);
                return true;
            case IReadOnlyList<object?> list:
                writer.WriteStartArray();
                foreach (var item in list)
                {
                    if (!WriteJson(writer, item))
                    {
                        return false;
                    }
                }

                writer.WriteEndArray();
                return true;
            case IReadOnlyDictionary<string, object?> map:
                writer.WriteStartObject();
                foreach (var (key, item) in map)
                {
                    writer.WritePropertyName(key);
                    if (!WriteJson(writer, item))
                    {
                        return false;
                    }
                }

                writer.WriteEndObject();
                return true;
            default:
                return false;
        }
    }

    [GeneratedRegex(@"^-?(0|[1-9][0-9]*)(\.[0-9]+)?([eE][+-]?[0-9]+)?$")]
    private static partial Regex NumberPattern();
}
