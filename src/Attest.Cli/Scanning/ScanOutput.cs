using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using Attest.Core.Catalogs;
using Attest.Core.Findings;
using Attest.Core.Text;
using Attest.Evidence.CloudTrail;
using Attest.Evidence.Model;
using Attest.Evidence.Rules;

namespace Attest.Cli.Scanning;

/// <summary>The findings of a scan and the problems met, ready to render; <see cref="Items"/> names the items of the checklist being judged.</summary>
internal sealed record ScanReport(IReadOnlyList<EvidenceFinding> Findings, IReadOnlyList<IacProblem> Problems, TopicItems Items, TrailReport? Trail = null);

/// <summary>Which items of the checklist being judged each topic is evidence for (none without a checklist).</summary>
internal sealed class TopicItems(Catalog? catalog)
{
    /// <summary>The checklist, if any.</summary>
    public Catalog? Catalog { get; } = catalog;

    /// <summary>The first item listing <paramref name="topic"/>, or null.</summary>
    public string? ItemOf(string topic) => Catalog?.ItemsFor(topic) is [var first, ..] ? first.Id : null;

    /// <summary>Every item listing <paramref name="topic"/>.</summary>
    public IReadOnlyList<string> ItemsOf(string topic) => Catalog is null ? [] : [.. Catalog.ItemsFor(topic).Select(i => i.Id)];
}

/// <summary>Renders scan reports and the rule list as text, JSON or SARIF 2.1.0.</summary>
internal static class ScanOutput
{
    private static readonly JsonWriterOptions Options = new() { Indented = true, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    public static string Json(ScanReport report, Language language) => Write(json =>
    {
        json.WriteStartObject();
        json.WriteStartArray("results");
        foreach (var f in report.Findings)
        {
            json.WriteStartObject();
            json.WriteString("rule", f.RuleId);
            json.WriteString("topic", f.Topic);
            Nullable(json, "item", report.Items.ItemOf(f.Topic));
            json.WriteString("outcome", FindingNames.Outcomes.Wire(f.Outcome));
            json.WriteString("severity", FindingNames.Severities.Wire(f.Severity));
            json.WriteString("resource", f.Resource);
            json.WriteString("resourceType", f.ResourceType);
            json.WriteString("file", Relative(f.File));
            json.WriteNumber("line", f.Line);
            json.WriteNumber("column", f.Column);
            json.WriteString("message", f.Message.In(language));
            json.WriteString("source", f.Source);
            if (f.How is null)
            {
                json.WriteNull("how");
            }
            else
            {
                json.WriteString("how", f.How);
            }

            json.WriteString("framework", f.Framework);
            json.WriteEndObject();
        }

        json.WriteEndArray();
        json.WriteStartArray("errors");
        foreach (var p in report.Problems)
        {
            json.WriteStartObject();
            json.WriteString("file", Relative(p.Location.File));
            json.WriteNumber("line", p.Location.Line);
            json.WriteNumber("column", p.Location.Column);
            json.WriteString("message", p.Message);
            json.WriteEndObject();
        }

        json.WriteEndArray();
        json.WriteStartObject("summary");
        foreach (var outcome in Enum.GetValues<FindingOutcome>())
        {
            json.WriteNumber(FindingNames.Outcomes.Wire(outcome), report.Findings.Count(f => f.Outcome == outcome));
        }

        json.WriteNumber("errors", report.Problems.Count);
        json.WriteEndObject();
        if (report.Trail is { } trail)
        {
            TrailOutput.Json(json, trail, language);
        }

        json.WriteEndObject();
    });

    /// <summary>SARIF 2.1.0 as GitHub code scanning reads it: failures as alerts, undecided ones as notes, passes left out.</summary>
    public static string Sarif(ScanReport report, Language language, string version) => Write(json =>
    {
        var items = report.Items;
        var rules = Documented.ToList();
        json.WriteStartObject();
        json.WriteString("$schema", "https://json.schemastore.org/sarif-2.1.0.json");
        json.WriteString("version", "2.1.0");
        json.WriteStartArray("runs");
        json.WriteStartObject();
        json.WriteStartObject("tool");
        json.WriteStartObject("driver");
        json.WriteString("name", "Attest");
        json.WriteString("semanticVersion", version);
        json.WriteString("informationUri", "https://github.com/attest/attest");
        json.WriteStartArray("rules");
        foreach (var rule in rules)
        {
            json.WriteStartObject();
            json.WriteString("id", rule.Id);
            json.WriteString("name", Pascal(rule.Id));
            json.WriteStartObject("shortDescription");
            json.WriteString("text", rule.Title.In(language));
            json.WriteEndObject();
            json.WriteStartObject("fullDescription");
            json.WriteString("text", rule.Rationale.In(language));
            json.WriteEndObject();
            json.WriteStartObject("help");
            json.WriteString("text", rule.Fix.In(language));
            json.WriteString("markdown", $"**{items.ItemOf(rule.Topic) ?? rule.Topic}** — {rule.Rationale.In(language)}\n\n{rule.Fix.In(language)}");
            json.WriteEndObject();
            json.WriteStartObject("defaultConfiguration");
            json.WriteString("level", Level(rule.Severity));
            json.WriteEndObject();
            json.WriteStartObject("properties");
            json.WriteStartArray("tags");
            json.WriteStringValue("security");
            json.WriteStringValue(rule.Topic);
            foreach (var id in items.ItemsOf(rule.Topic))
            {
                json.WriteStringValue(id);
            }

            json.WriteEndArray();
            json.WriteString("security-severity", rule.Severity switch { Severity.High => "8.0", Severity.Medium => "5.5", _ => "3.0" });
            json.WriteString("topic", rule.Topic);
            Nullable(json, "item", items.ItemOf(rule.Topic));
            json.WriteStartArray("equivalents");
            foreach (var equivalent in rule.Equivalents)
            {
                json.WriteStringValue(equivalent);
            }

            json.WriteEndArray();
            json.WriteEndObject();
            json.WriteEndObject();
        }

        json.WriteEndArray();
        json.WriteEndObject();
        json.WriteEndObject();
        json.WriteStartArray("results");
        foreach (var f in report.Findings.Where(f => f.Outcome != FindingOutcome.Pass))
        {
            json.WriteStartObject();
            json.WriteString("ruleId", f.RuleId);
            json.WriteNumber("ruleIndex", rules.FindIndex(r => r.Id == f.RuleId));
            json.WriteString("kind", f.Outcome == FindingOutcome.Fail ? "fail" : "review");
            json.WriteString("level", f.Outcome == FindingOutcome.Fail ? Level(f.Severity) : "note");
            json.WriteStartObject("message");
            json.WriteString("text", f.Message.In(language));
            json.WriteEndObject();
            json.WriteStartArray("locations");
            json.WriteStartObject();
            json.WriteStartObject("physicalLocation");
            json.WriteStartObject("artifactLocation");
            json.WriteString("uri", Uri(f.File));
            json.WriteString("uriBaseId", "%SRCROOT%");
            json.WriteEndObject();
            json.WriteStartObject("region");
            json.WriteNumber("startLine", Math.Max(1, f.Line));
            json.WriteNumber("startColumn", Math.Max(1, f.Column));
            json.WriteEndObject();
            json.WriteEndObject();
            json.WriteStartArray("logicalLocations");
            json.WriteStartObject();
            json.WriteString("name", f.Resource);
            json.WriteString("kind", "resource");
            json.WriteEndObject();
            json.WriteEndArray();
            json.WriteEndObject();
            json.WriteEndArray();
            json.WriteStartObject("partialFingerprints");
            json.WriteString("attest/v1", $"{f.RuleId}:{Uri(f.File)}:{f.Resource}");
            json.WriteEndObject();
            json.WriteStartObject("properties");
            json.WriteString("topic", f.Topic);
            Nullable(json, "item", items.ItemOf(f.Topic));
            json.WriteString("resourceType", f.ResourceType);
            json.WriteString("source", f.Source);
            json.WriteEndObject();
            json.WriteEndObject();
        }

        json.WriteEndArray();
        json.WriteStartArray("invocations");
        json.WriteStartObject();
        json.WriteBoolean("executionSuccessful", true);
        json.WriteStartArray("toolExecutionNotifications");
        foreach (var p in report.Problems)
        {
            json.WriteStartObject();
            json.WriteString("level", "warning");
            json.WriteStartObject("message");
            json.WriteString("text", p.Message);
            json.WriteEndObject();
            json.WriteStartArray("locations");
            json.WriteStartObject();
            json.WriteStartObject("physicalLocation");
            json.WriteStartObject("artifactLocation");
            json.WriteString("uri", Uri(p.Location.File));
            json.WriteString("uriBaseId", "%SRCROOT%");
            json.WriteEndObject();
            json.WriteStartObject("region");
            json.WriteNumber("startLine", Math.Max(1, p.Location.Line));
            json.WriteNumber("startColumn", Math.Max(1, p.Location.Column));
            json.WriteEndObject();
            json.WriteEndObject();
            json.WriteEndObject();
            json.WriteEndArray();
            json.WriteEndObject();
        }

        json.WriteEndArray();
        json.WriteEndObject();
        json.WriteEndArray();
        json.WriteEndObject();
        json.WriteEndArray();
        json.WriteEndObject();
    });

    public static string Text(ScanReport report, Language language)
    {
        var text = new StringBuilder();
        // Grouped by the item of the checklist being judged (by topic when no item lists it)
        foreach (var group in report.Findings.Where(f => f.Outcome != FindingOutcome.Pass).GroupBy(f => report.Items.ItemOf(f.Topic) ?? f.Topic).OrderBy(g => g.Key, StringComparer.Ordinal))
        {
            // The item, then the topics its findings speak to
            text.Append(group.Key);
            var topics = group.Select(f => f.Topic).Where(t => t != group.Key).Distinct(StringComparer.Ordinal).ToList();
            text.Append(topics.Count > 0 ? $" ({string.Join(", ", topics)})\n" : "\n");
            foreach (var f in group)
            {
                var mark = f.Outcome == FindingOutcome.Fail ? "✗" : "?";
                text.Append($"  {mark} {Relative(f.File)}:{f.Line}:{f.Column} {f.Resource} [{f.RuleId}, {FindingNames.Severities.Display(f.Severity).In(language)}] {f.Message.In(language)}");
                text.Append(f.How is null ? "\n" : $" ({f.Source}: {f.How})\n");
            }
        }

        foreach (var p in report.Problems)
        {
            text.Append($"! {Relative(p.Location.File)}:{p.Location.Line}:{p.Location.Column} {p.Message}\n");
        }

        if (report.Trail is { } trail)
        {
            TrailOutput.Text(text, trail, language);
        }

        var pass = report.Findings.Count(f => f.Outcome == FindingOutcome.Pass);
        var fail = report.Findings.Count(f => f.Outcome == FindingOutcome.Fail);
        var unknown = report.Findings.Count(f => f.Outcome == FindingOutcome.Unknown);
        text.Append(language == Language.Fr
            ? $"{pass} conforme(s), {fail} non conforme(s), {unknown} indéterminé(s), {report.Problems.Count} erreur(s) de lecture\n"
            : $"{pass} passed, {fail} failed, {unknown} unknown, {report.Problems.Count} read error(s)\n");
        return text.ToString();
    }

    public static string RulesJson(Language language, TopicItems items) => Write(json =>
    {
        json.WriteStartObject();
        json.WriteStartArray("rules");
        foreach (var rule in Documented)
        {
            json.WriteStartObject();
            json.WriteString("id", rule.Id);
            json.WriteString("topic", rule.Topic);
            Nullable(json, "item", items.ItemOf(rule.Topic));
            json.WriteStartArray("items");
            foreach (var id in items.ItemsOf(rule.Topic))
            {
                json.WriteStringValue(id);
            }

            json.WriteEndArray();
            json.WriteString("severity", FindingNames.Severities.Wire(rule.Severity));
            json.WriteString("title", rule.Title.In(language));
            json.WriteString("rationale", rule.Rationale.In(language));
            json.WriteString("fix", rule.Fix.In(language));
            foreach (var other in Languages.All)
            {
                json.WriteStartObject(other.Code());
                json.WriteString("title", rule.Title.In(other));
                json.WriteString("rationale", rule.Rationale.In(other));
                json.WriteString("fix", rule.Fix.In(other));
                json.WriteEndObject();
            }

            json.WriteStartArray("equivalents");
            foreach (var equivalent in rule.Equivalents)
            {
                json.WriteStringValue(equivalent);
            }

            json.WriteEndArray();
            json.WriteStartArray("resourceTypes");
            foreach (var type in rule.ResourceTypes)
            {
                json.WriteStringValue(type);
            }

            json.WriteEndArray();
            json.WriteEndObject();
        }

        json.WriteEndArray();
        json.WriteEndObject();
    });

    public static string RulesText(Language language, TopicItems items)
    {
        var text = new StringBuilder();
        foreach (var rule in Documented)
        {
            var item = items.ItemsOf(rule.Topic) is { Count: > 0 } ids ? string.Join(",", ids) + "  " : "";
            text.Append($"{rule.Id}  {item}{rule.Topic}  {FindingNames.Severities.Display(rule.Severity).In(language)}  {rule.Title.In(language)}\n");
            text.Append($"    {rule.Rationale.In(language)}\n    → {rule.Fix.In(language)}\n");
            if (rule.Equivalents.Count > 0)
            {
                text.Append($"    = {string.Join(", ", rule.Equivalents)}\n");
            }
        }

        return text.ToString();
    }

    // Infrastructure-code rules, then the rules over CloudTrail logs
    private static IEnumerable<RuleDocumentation> Documented => RuleSet.All.Select(r => r.Documentation).Concat(TrailRules.Documentation);

    private static void Nullable(Utf8JsonWriter json, string name, string? value)
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

    private static string Level(Severity severity) => severity == Severity.Low ? "note" : severity == Severity.Medium ? "warning" : "error";

    private static string Pascal(string id) => string.Concat(id.Split('-').Select(p => p.Length == 0 ? p : char.ToUpperInvariant(p[0]) + p[1..]));

    private static string Relative(string file) => Path.IsPathRooted(file) ? Path.GetRelativePath(Environment.CurrentDirectory, file) : file;

    private static string Uri(string file) => Relative(file).Replace('\\', '/');

    private static string Write(Action<Utf8JsonWriter> body)
    {
        using var stream = new MemoryStream();
        using (var json = new Utf8JsonWriter(stream, Options))
        {
            body(json);
        }

        return Encoding.UTF8.GetString(stream.ToArray());
    }
}
