using System.Text.Encodings.Web;
using System.Text.Json;
using Attest.Core.Catalogs;
using Attest.Core.Text;

namespace Attest.Core.Readiness;

/// <summary>
/// The JSON form of a readiness report: the contract of <c>attest check --format json</c> and of the web API's readiness
/// endpoint, written in one place so that both faces give the same shape.
/// </summary>
public static class ReadinessJson
{
    private static readonly JsonWriterOptions Options = new() { Indented = true, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    /// <summary>The indented JSON text of <paramref name="report"/>, texts in <paramref name="language"/>, with <paramref name="warnings"/> (e.g. evidence that could not be scanned).</summary>
    public static string Render(ReadinessReport report, Language language, IReadOnlyList<string>? warnings = null)
    {
        var buffer = new System.Buffers.ArrayBufferWriter<byte>(16 * 1024);
        WriteTo(buffer, report, language, warnings);
        return System.Text.Encoding.UTF8.GetString(buffer.WrittenSpan);
    }

    /// <summary>The same JSON as <see cref="Render"/>, written as UTF-8 into <paramref name="output"/> (e.g. a response body) without an intermediate string.</summary>
    public static void WriteTo(System.Buffers.IBufferWriter<byte> output, ReadinessReport report, Language language, IReadOnlyList<string>? warnings = null)
    {
        using var json = new Utf8JsonWriter(output, Options);
        Write(json, report, language, warnings ?? []);
    }

    private static void Write(Utf8JsonWriter json, ReadinessReport report, Language language, IReadOnlyList<string> warnings)
    {
        var catalog = report.Catalog;
        json.WriteStartObject();
        json.WriteString("checklist", catalog.Id);
        json.WriteString("checklistVersion", catalog.Version);
        json.WriteString("asOf", Date(report.AsOf));
        json.WriteString("language", language.Code());
        WriteNullable(json, "partner", report.Application.Partner.Name);
        json.WriteBoolean("ready", report.Ready);
        WriteNullable(json, "readyUntil", report.ReadyUntil is { } until ? Date(until) : null);
        if (report.Validity is { } validity)
        {
            json.WriteStartObject("validity");
            json.WriteString("phase", ChecklistPhases.Names.Wire(validity.Phase));
            json.WriteBoolean("accepted", validity.Accepted);
            WriteNullable(json, "acceptedUntil", validity.AcceptedUntil is { } last ? Date(last) : null);
            WriteNullable(json, "nextVersionExpected", validity.NextVersionExpected is { } next ? Date(next) : null);
            WriteNullable(json, "successor", validity.Successor);
            json.WriteString("reason", validity.Reason.In(language));
            WriteNullable(json, "nextStep", validity.NextStep?.In(language));
            json.WriteEndObject();
        }

        json.WriteStartObject("summary");
        foreach (var status in Enum.GetValues<ReadinessStatus>())
        {
            json.WriteNumber(ReadinessStatuses.Names.Wire(status), report.Count(status));
        }

        json.WriteEndObject();
        json.WriteStartArray("items");
        foreach (var item in report.Items)
        {
            WriteItem(json, report, item, language);
        }

        json.WriteEndArray();
        json.WriteStartArray("changes");
        foreach (var change in report.Changes)
        {
            json.WriteStartObject();
            json.WriteString("date", Date(change.Date));
            json.WriteString("item", change.ItemId);
            WriteNullable(json, "caseStudy", change.CaseStudyKey);
            json.WriteString("description", change.What.In(language));
            json.WriteEndObject();
        }

        json.WriteEndArray();
        json.WriteStartArray("missing");
        foreach (var item in report.NotMet)
        {
            json.WriteStartObject();
            json.WriteString("item", item.Item.Id);
            json.WriteString("title", item.Item.Title.In(language));
            WriteNullable(json, "nextStep", item.NextStep?.In(language));
            json.WriteEndObject();
        }

        json.WriteEndArray();
        json.WriteStartArray("warnings");
        foreach (var warning in warnings)
        {
            json.WriteStringValue(warning);
        }

        json.WriteEndArray();
        json.WriteEndObject();
    }

    private static void WriteItem(Utf8JsonWriter json, ReadinessReport report, ItemVerdict verdict, Language language)
    {
        var item = verdict.Item;
        json.WriteStartObject();
        json.WriteString("id", item.Id);
        json.WriteString("section", report.Catalog.SectionOf(item).Id);
        json.WriteString("part", CatalogReader.ChecklistParts.Wire(item.Part));
        json.WriteString("title", item.Title.In(language));
        json.WriteString("status", ReadinessStatuses.Names.Wire(verdict.Status));
        json.WriteString("reason", verdict.Reason.In(language));
        WriteNullable(json, "nextStep", verdict.NextStep?.In(language));
        json.WriteString("appliesTo", CatalogReader.Applicabilities.Wire(item.AppliesTo));
        json.WriteString("automation", CatalogReader.AutomationLevels.Wire(item.Automation));
        WriteNullable(json, "changesOn", verdict.ChangesOn is { } day ? Date(day) : null);
        WriteNullable(json, "change", verdict.Change?.In(language));
        json.WriteStartObject("facts");
        foreach (var fact in verdict.Facts)
        {
            json.WritePropertyName(fact.Name);
            WriteValue(json, fact.Value);
        }

        json.WriteEndObject();
        json.WriteStartArray("notes");
        foreach (var note in verdict.Notes)
        {
            json.WriteStringValue(note.In(language));
        }

        json.WriteEndArray();
        if (report.Application.SelfAssessment.TryGetValue(item.Id, out var entry))
        {
            json.WriteStartObject("selfAssessment");
            json.WritePropertyName("met");
            WriteValue(json, entry.Met);
            WriteNullable(json, "note", entry.Note);
            json.WritePropertyName("evidence");
            WriteValue(json, entry.Evidence ?? []);
            json.WriteEndObject();
        }
        else
        {
            json.WriteNull("selfAssessment");
        }

        json.WriteStartArray("caseStudies");
        foreach (var c in verdict.CaseStudies)
        {
            json.WriteStartObject();
            json.WriteString("key", c.Key);
            json.WriteString("status", ReadinessStatuses.Names.Wire(c.Status));
            json.WriteString("reason", c.Reason.In(language));
            WriteNullable(json, "nextStep", c.NextStep?.In(language));
            WriteNullable(json, "changesOn", c.ChangesOn is { } day2 ? Date(day2) : null);
            json.WriteEndObject();
        }

        json.WriteEndArray();
        json.WriteEndObject();
    }

    private static void WriteValue(Utf8JsonWriter json, object? value)
    {
        switch (value)
        {
            case null:
                json.WriteNullValue();
                break;
            case bool b:
                json.WriteBooleanValue(b);
                break;
            case int i:
                json.WriteNumberValue(i);
                break;
            case DateOnly d:
                json.WriteStringValue(Date(d));
                break;
            case string s:
                json.WriteStringValue(s);
                break;
            case System.Collections.IEnumerable list:
                json.WriteStartArray();
                foreach (var element in list)
                {
                    WriteValue(json, element);
                }

                json.WriteEndArray();
                break;
            default:
                json.WriteStringValue(value.ToString());
                break;
        }
    }

    private static void WriteNullable(Utf8JsonWriter json, string name, string? value)
    {
        if (value is null)
        {
            json.WriteNull(name);
        }
        else
        {
            json.WriteString(name, value);
        }
    }

    private static string Date(DateOnly day) => day.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
}
