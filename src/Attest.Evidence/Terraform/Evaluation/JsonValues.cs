using System.Buffers;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using Attest.Evidence.Model;

namespace Attest.Evidence.Terraform.Evaluation;

/// <summary>Conversions between evaluated values and JSON text: <c>jsonencode</c>, <c>jsondecode</c>, <c>.tfvars.json</c>, plans.</summary>
internal static class JsonValues
{
    private static readonly JsonWriterOptions WriterOptions = new()
    {
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        SkipValidation = true,
    };

    public static readonly JsonDocumentOptions DocumentOptions = new()
    {
        MaxDepth = Limits.MaxValueDepth,
        AllowTrailingCommas = false,
        CommentHandling = JsonCommentHandling.Disallow,
    };

    /// <summary>A JSON element as a value with the given provenance on every part.</summary>
    public static V FromJson(JsonElement element, int depth = 0)
    {
        if (depth > Limits.MaxValueDepth)
        {
            return new VUnknown("JSON nested too deeply");
        }

        switch (element.ValueKind)
        {
            case JsonValueKind.String:
                return new VString(element.GetString() ?? "");
            case JsonValueKind.Number:
                return element.TryGetDecimal(out var d) ? new VNumber(d) : new VUnknown("number out of range: " + element.GetRawText());
            case JsonValueKind.True:
                return VBool.True;
            case JsonValueKind.False:
                return VBool.False;
            case JsonValueKind.Array:
                return new VList([.. element.EnumerateArray().Select(e => VSet.Of(FromJson(e, depth + 1)))]);
            case JsonValueKind.Object:
                var entries = new Dictionary<string, VSet>(StringComparer.Ordinal);
                foreach (var property in element.EnumerateObject())
                {
                    entries[property.Name] = VSet.Of(FromJson(property.Value, depth + 1));
                }

                return new VMap(entries);
            default:
                return VNull.Instance;
        }
    }

    public static V Decode(string text)
    {
        try
        {
            using var document = JsonDocument.Parse(text, DocumentOptions);
            return FromJson(document.RootElement);
        }
        catch (JsonException e)
        {
            return new VError("invalid JSON: " + e.Message);
        }
    }

    /// <summary>
    /// The JSON text of a concrete value, object keys sorted as Terraform writes them. A value known after apply is written as its
    /// placeholder (<c>"${aws_s3_bucket.logs.arn}"</c>) and named in <paramref name="placeholders"/>; any other unknown makes the result unknown.
    /// </summary>
    public static V Encode(V value, out IReadOnlyList<string> placeholders)
    {
        var found = new List<string>();
        placeholders = found;
        var buffer = new ArrayBufferWriter<byte>();
        try
        {
            using var writer = new Utf8JsonWriter(buffer, WriterOptions);
            if (Write(writer, value, 0, found) is { } failure)
            {
                return failure;
            }
        }
        catch (ArgumentException e)
        {
            // Text that is not valid UTF-16 (a lone surrogate) cannot be written.
            return new VError("value cannot be encoded as JSON: " + e.Message);
        }

        if (buffer.WrittenCount > Limits.MaxString)
        {
            return new VUnknown("JSON text too large");
        }

        return new VString(Encoding.UTF8.GetString(buffer.WrittenSpan));
    }

    private static V? Write(Utf8JsonWriter writer, V value, int depth, List<string> placeholders)
    {
        if (depth > Limits.MaxValueDepth)
        {
            return new VUnknown("value nested too deeply");
        }

        switch (value)
        {
            case VNull:
                writer.WriteNullValue();
                return null;
            case VString s:
                writer.WriteStringValue(s.Value);
                return null;
            case VNumber n:
                writer.WriteNumberValue(n.Value);
                return null;
            case VBool b:
                writer.WriteBooleanValue(b.Value);
                return null;
            case VUnknown { Placeholder: { } placeholder } unknown:
                writer.WriteStringValue(placeholder);
                placeholders.Add(unknown.Reference ?? placeholder);
                return null;
            case VUnknown or VError:
                return Evaluator.Derived(value);
            case VList list:
                writer.WriteStartArray();
                foreach (var item in list.Items)
                {
                    if (Write(writer, item.Alts[0].Value, depth + 1, placeholders) is { } failure)
                    {
                        return failure;
                    }
                }

                writer.WriteEndArray();
                return null;
            case VMap map:
                writer.WriteStartObject();
                foreach (var key in map.Keys)
                {
                    writer.WritePropertyName(key);
                    if (Write(writer, map.Entries[key].Alts[0].Value, depth + 1, placeholders) is { } failure)
                    {
                        return failure;
                    }
                }

                writer.WriteEndObject();
                return null;
            default:
                return new VError("value cannot be encoded");
        }
    }

    /// <summary><c>jsonencode</c> over every alternative; placeholders are noted in the provenance.</summary>
    public static VSet EncodeAll(VSet value)
    {
        var builder = new VSetBuilder();
        foreach (var alt in Values.Expand(value).Alts)
        {
            var encoded = Encode(alt.Value, out var placeholders);
            var prov = placeholders.Count == 0
                ? alt.Prov
                : alt.Prov.With(new Prov(ValueSource.Literal, "known after apply, shown as ${…}: " + string.Join(", ", placeholders.Distinct().Take(3))));
            builder.Add(encoded, prov);
        }

        return builder.Build();
    }
}
