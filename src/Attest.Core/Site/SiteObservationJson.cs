using System.Globalization;
using System.Text;
using System.Text.Json;
using Attest.Core.Documents;

namespace Attest.Core.Site;

/// <summary>
/// Reads and writes <see cref="SiteObservation"/> as JSON (format <c>attest/site-observation/v1</c>; field by field in
/// docs/site-observation.md). Names are camelCase, enumerations kebab-case, dates <c>yyyy-MM-dd</c>, the instant ISO 8601 UTC.
/// </summary>
public static class SiteObservationJson
{
    /// <summary>The largest observation file read.</summary>
    public const int MaxBytes = 32 * 1024 * 1024;

    private static readonly JsonWriterOptions WriterOptions = new() { Indented = true };

    /// <summary>The observation as indented JSON.</summary>
    public static string Write(SiteObservation observation)
    {
        using var stream = new MemoryStream();
        using (var w = new Utf8JsonWriter(stream, WriterOptions))
        {
            w.WriteStartObject();
            w.WriteString("format", SiteObservation.FormatV1);
            w.WriteString("observedAt", observation.ObservedAt.ToUniversalTime().ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture));
            w.WriteString("startUrl", observation.StartUrl);
            var l = observation.Limits;
            w.WriteStartObject("limits");
            w.WriteNumber("maxPages", l.MaxPages);
            w.WriteNumber("maxDepth", l.MaxDepth);
            w.WriteNumber("timeoutSeconds", l.TimeoutSeconds);
            w.WriteNumber("requestTimeoutSeconds", l.RequestTimeoutSeconds);
            w.WriteNumber("maxPageBytes", l.MaxPageBytes);
            w.WriteNumber("concurrency", l.Concurrency);
            w.WriteNumber("maxRedirects", l.MaxRedirects);
            w.WriteEndObject();
            w.WriteStartArray("limitsHit");
            foreach (var hit in observation.LimitsHit)
            {
                w.WriteStringValue(Names.Limit(hit));
            }

            w.WriteEndArray();
            w.WriteStartArray("pages");
            foreach (var p in observation.Pages)
            {
                w.WriteStartObject();
                w.WriteString("url", p.Url);
                w.WriteNumber("depth", p.Depth);
                w.WriteNumber("status", p.Status);
                w.WriteStartArray("redirects");
                foreach (var r in p.Redirects)
                {
                    w.WriteStringValue(r);
                }

                w.WriteEndArray();
                OptionalString(w, "title", p.Title);
                OptionalString(w, "language", p.Language);
                OptionalString(w, "published", p.Published?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
                OptionalString(w, "dateSource", p.DateSource is { } s ? Names.Source(s) : null);
                w.WriteEndObject();
            }

            w.WriteEndArray();
            w.WriteStartArray("refused");
            foreach (var r in observation.Refused)
            {
                w.WriteStartObject();
                w.WriteString("url", r.Url);
                if (r.Depth is { } depth)
                {
                    w.WriteNumber("depth", depth);
                }

                w.WriteString("reason", Names.Reason(r.Reason));
                if (r.Status is { } status)
                {
                    w.WriteNumber("status", status);
                }

                OptionalString(w, "detail", r.Detail);
                w.WriteEndObject();
            }

            w.WriteEndArray();
            w.WritePropertyName("practicePage");
            if (observation.PracticePage is { } practice)
            {
                Target(w, practice);
            }
            else
            {
                w.WriteNullValue();
            }

            w.WriteStartArray("caseStudies");
            foreach (var t in observation.CaseStudies)
            {
                Target(w, t);
            }

            w.WriteEndArray();
            w.WriteStartArray("content");
            foreach (var c in observation.Content)
            {
                w.WriteStartObject();
                w.WriteString("url", c.Url);
                if (c.Clicks is { } clicks)
                {
                    w.WriteNumber("clicks", clicks);
                }

                OptionalString(w, "title", c.Title);
                OptionalString(w, "published", c.Published?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
                OptionalString(w, "dateSource", c.DateSource is { } s ? Names.Source(s) : null);
                OptionalString(w, "language", c.Language);
                w.WriteEndObject();
            }

            w.WriteEndArray();
            w.WriteEndObject();
        }

        return Encoding.UTF8.GetString(stream.ToArray()) + "\n";
    }

    /// <summary>Reads an observation; on failure, the error names the file and the field.</summary>
    public static (SiteObservation? Observation, InputError? Error) Read(string json, string file)
    {
        if (Encoding.UTF8.GetByteCount(json) > MaxBytes)
        {
            return (null, new InputError(file, 0, 0, "", $"larger than {MaxBytes} bytes"));
        }

        try
        {
            using var document = JsonDocument.Parse(json, new JsonDocumentOptions { MaxDepth = 16 });
            return (new Reader(file).Observation(document.RootElement), null);
        }
        catch (JsonException e)
        {
            return (null, new InputError(file, (int)(e.LineNumber ?? 0) + 1, (int)(e.BytePositionInLine ?? 0) + 1, "", "not valid JSON: " + e.Message));
        }
        catch (InputErrorException e)
        {
            return (null, e.Error);
        }
    }

    private static void OptionalString(Utf8JsonWriter w, string name, string? value)
    {
        if (value is not null)
        {
            w.WriteString(name, value);
        }
    }

    private static void Target(Utf8JsonWriter w, ObservedTarget t)
    {
        w.WriteStartObject();
        OptionalString(w, "key", t.Key);
        w.WriteString("url", t.Url);
        w.WriteBoolean("reachable", t.Reachable);
        if (t.Clicks is { } clicks)
        {
            w.WriteNumber("clicks", clicks);
        }

        w.WriteEndObject();
    }

    /// <summary>The wire names of the enumerations.</summary>
    public static class Names
    {
        /// <summary>The wire name of a bound.</summary>
        public static string Limit(SiteLimit limit) => limit switch
        {
            SiteLimit.Pages => "pages",
            SiteLimit.Depth => "depth",
            _ => "time",
        };

        /// <summary>The wire name of a date source.</summary>
        public static string Source(DateSource source) => source switch
        {
            DateSource.JsonLd => "json-ld",
            DateSource.Meta => "meta",
            _ => "time",
        };

        /// <summary>The wire name of a refusal reason.</summary>
        public static string Reason(RefusalReason reason) => reason switch
        {
            RefusalReason.Robots => "robots",
            RefusalReason.PrivateAddress => "private-address",
            RefusalReason.TooBig => "too-big",
            RefusalReason.TooSlow => "too-slow",
            RefusalReason.NotHtml => "not-html",
            RefusalReason.RedirectLoop => "redirect-loop",
            RefusalReason.TooManyRedirects => "too-many-redirects",
            RefusalReason.BadAddress => "bad-address",
            RefusalReason.OffSite => "off-site",
            _ => "unreachable",
        };

        internal static readonly IReadOnlyDictionary<string, SiteLimit> Limits = Enum.GetValues<SiteLimit>().ToDictionary(Limit, v => v, StringComparer.Ordinal);
        internal static readonly IReadOnlyDictionary<string, DateSource> Sources = Enum.GetValues<DateSource>().ToDictionary(Source, v => v, StringComparer.Ordinal);
        internal static readonly IReadOnlyDictionary<string, RefusalReason> Reasons = Enum.GetValues<RefusalReason>().ToDictionary(Reason, v => v, StringComparer.Ordinal);
    }

    private sealed class Reader(string file)
    {
        public SiteObservation Observation(JsonElement root)
        {
            Expect(root, JsonValueKind.Object, "");
            var format = RequiredString(root, "format", "");
            if (format != SiteObservation.FormatV1)
            {
                throw Fail("format", $"expected '{SiteObservation.FormatV1}', got '{format}'");
            }

            var observedText = RequiredString(root, "observedAt", "");
            if (!DateTimeOffset.TryParse(observedText, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var observedAt))
            {
                throw Fail("observedAt", $"expected an ISO 8601 instant, got '{observedText}'");
            }

            var limits = root.TryGetProperty("limits", out var l) ? Limits(l) : new SiteLimits();
            return new SiteObservation
            {
                ObservedAt = observedAt.ToUniversalTime(),
                StartUrl = RequiredString(root, "startUrl", ""),
                Limits = limits,
                LimitsHit = Array(root, "limitsHit", (e, path) => Enum(e, path, Names.Limits)),
                Pages = Array(root, "pages", Page),
                Refused = Array(root, "refused", Refused),
                PracticePage = root.TryGetProperty("practicePage", out var practice) && practice.ValueKind != JsonValueKind.Null ? Target(practice, "practicePage") : null,
                CaseStudies = Array(root, "caseStudies", Target),
                Content = Array(root, "content", Content),
            };
        }

        private SiteLimits Limits(JsonElement e)
        {
            Expect(e, JsonValueKind.Object, "limits");
            return new SiteLimits
            {
                MaxPages = Int(e, "maxPages", "limits") ?? 200,
                MaxDepth = Int(e, "maxDepth", "limits") ?? 4,
                TimeoutSeconds = Int(e, "timeoutSeconds", "limits") ?? 60,
                RequestTimeoutSeconds = Int(e, "requestTimeoutSeconds", "limits") ?? 10,
                MaxPageBytes = e.TryGetProperty("maxPageBytes", out var b) && b.ValueKind == JsonValueKind.Number && b.TryGetInt64(out var bytes) && bytes >= 0 ? bytes : 2 * 1024 * 1024,
                Concurrency = Int(e, "concurrency", "limits") ?? 4,
                MaxRedirects = Int(e, "maxRedirects", "limits") ?? 5,
            };
        }

        private ObservedPage Page(JsonElement e, string path)
        {
            Expect(e, JsonValueKind.Object, path);
            return new ObservedPage
            {
                Url = RequiredString(e, "url", path),
                Depth = Int(e, "depth", path) ?? throw Fail(path + ".depth", "is required"),
                Status = Int(e, "status", path) ?? throw Fail(path + ".status", "is required"),
                Redirects = Array(e, "redirects", (r, p) => String(r, p), path),
                Title = OptionalString(e, "title", path),
                Language = OptionalString(e, "language", path),
                Published = Date(e, "published", path),
                DateSource = OptionalString(e, "dateSource", path) is { } s ? Enum(s, path + ".dateSource", Names.Sources) : null,
            };
        }

        private RefusedPage Refused(JsonElement e, string path)
        {
            Expect(e, JsonValueKind.Object, path);
            return new RefusedPage
            {
                Url = RequiredString(e, "url", path),
                Depth = Int(e, "depth", path),
                Reason = Enum(e.TryGetProperty("reason", out var r) ? r : default, path + ".reason", Names.Reasons),
                Status = Int(e, "status", path),
                Detail = OptionalString(e, "detail", path),
            };
        }

        private ObservedTarget Target(JsonElement e, string path)
        {
            Expect(e, JsonValueKind.Object, path);
            if (!e.TryGetProperty("reachable", out var reachable) || reachable.ValueKind is not (JsonValueKind.True or JsonValueKind.False))
            {
                throw Fail(path + ".reachable", "expected true or false");
            }

            return new ObservedTarget
            {
                Key = OptionalString(e, "key", path),
                Url = RequiredString(e, "url", path),
                Reachable = reachable.GetBoolean(),
                Clicks = Int(e, "clicks", path),
            };
        }

        private ObservedContent Content(JsonElement e, string path)
        {
            Expect(e, JsonValueKind.Object, path);
            return new ObservedContent
            {
                Url = RequiredString(e, "url", path),
                Clicks = Int(e, "clicks", path),
                Title = OptionalString(e, "title", path),
                Published = Date(e, "published", path),
                DateSource = OptionalString(e, "dateSource", path) is { } s ? Enum(s, path + ".dateSource", Names.Sources) : null,
                Language = OptionalString(e, "language", path),
            };
        }

        private List<T> Array<T>(JsonElement parent, string name, Func<JsonElement, string, T> read, string parentPath = "")
        {
            var path = Join(parentPath, name);
            if (!parent.TryGetProperty(name, out var array) || array.ValueKind == JsonValueKind.Null)
            {
                return [];
            }

            Expect(array, JsonValueKind.Array, path);
            var list = new List<T>(array.GetArrayLength());
            var i = 0;
            foreach (var element in array.EnumerateArray())
            {
                list.Add(read(element, $"{path}[{i++}]"));
            }

            return list;
        }

        private TEnum Enum<TEnum>(JsonElement e, string path, IReadOnlyDictionary<string, TEnum> names) => Enum(String(e, path), path, names);

        private TEnum Enum<TEnum>(string text, string path, IReadOnlyDictionary<string, TEnum> names) =>
            names.TryGetValue(text, out var value) ? value : throw Fail(path, $"unknown value '{text}' (known: {string.Join(", ", names.Keys)})");

        private DateOnly? Date(JsonElement e, string name, string path)
        {
            if (OptionalString(e, name, path) is not { } text)
            {
                return null;
            }

            var (date, problem) = DateRange.Parse(text);
            return date ?? throw Fail(Join(path, name), problem!);
        }

        private int? Int(JsonElement e, string name, string path)
        {
            if (!e.TryGetProperty(name, out var value) || value.ValueKind == JsonValueKind.Null)
            {
                return null;
            }

            return value.ValueKind == JsonValueKind.Number && value.TryGetInt32(out var n) && n >= 0 ? n : throw Fail(Join(path, name), "expected a whole number, 0 or more");
        }

        private string RequiredString(JsonElement e, string name, string path) =>
            OptionalString(e, name, path) ?? throw Fail(Join(path, name), "is required");

        private string? OptionalString(JsonElement e, string name, string path) =>
            !e.TryGetProperty(name, out var value) || value.ValueKind == JsonValueKind.Null ? null : String(value, Join(path, name));

        private string String(JsonElement e, string path) =>
            e.ValueKind == JsonValueKind.String ? e.GetString()! : throw Fail(path, $"expected a string, got {Kind(e)}");

        private void Expect(JsonElement e, JsonValueKind kind, string path)
        {
            if (e.ValueKind != kind)
            {
                throw Fail(path, $"expected {(kind == JsonValueKind.Object ? "an object" : "an array")}, got {Kind(e)}");
            }
        }

        private static string Kind(JsonElement e) => e.ValueKind switch
        {
            JsonValueKind.Undefined => "nothing",
            JsonValueKind.Object => "an object",
            JsonValueKind.Array => "an array",
            JsonValueKind.String => "a string",
            JsonValueKind.Number => "a number",
            JsonValueKind.True or JsonValueKind.False => "a boolean",
            _ => "null",
        };

        private static string Join(string path, string name) => path.Length == 0 ? name : path + "." + name;

        private InputErrorException Fail(string field, string problem) => new(new InputError(file, 0, 0, field, problem));
    }
}
