using System.Globalization;
using System.Text;
using System.Text.Json;
using Attest.Core.Findings;
using Attest.Core.Text;
using Attest.Evidence.Model;

namespace Attest.Evidence.Reports;

/// <summary>The tools whose reports are read as evidence.</summary>
public static class ReportTools
{
    /// <summary>checkov, JSON (<c>-o json</c>) or SARIF (<c>-o sarif</c>) output.</summary>
    public const string Checkov = "checkov";

    /// <summary>Prowler, JSON-OCSF output.</summary>
    public const string Prowler = "prowler";

    /// <summary>AWS Security Hub findings in ASFF (<c>aws securityhub get-findings</c>).</summary>
    public const string SecurityHub = "securityhub";
}

/// <summary>What a report gave: its tool, findings mapped to our topics, and problems (unknown checks listed, malformed parts named).</summary>
public sealed record ReportResult(string Tool, IReadOnlyList<EvidenceFinding> Findings, IReadOnlyList<IacProblem> Problems);

/// <summary>
/// Reads the reports partners already have (checkov JSON and SARIF, Prowler JSON-OCSF, Security Hub ASFF) into findings
/// beside our own: each keeps the tool's check, status, resource, account and region, names the tool as its framework,
/// and speaks to the topic its check maps to (<see cref="ReportChecks"/>). Checks that map nowhere are listed in one
/// problem, not guessed. Malformed input gives problems naming file, line and column, never an exception.
/// </summary>
public static class ReportReader
{
    /// <summary>The most findings read from one report; the rest is reported as skipped.</summary>
    public const int MaxFindings = 100_000;

    private const int MaxListedUnknown = 30;
    private static readonly JsonDocumentOptions Options = new() { MaxDepth = 64, CommentHandling = JsonCommentHandling.Skip, AllowTrailingCommas = true };

    private static readonly Phrase Said = new("{0} reports {1} for {2} on {3}: {4}", "{0} signale {1} pour {2} sur {3} : {4}");
    private static readonly Phrase Unknown = new("{0} checks of this {1} report have no equivalent among Attest's rules and were not counted: {2}", "{0} contrôles de ce rapport {1} n'ont pas d'équivalent parmi les règles d'Attest et n'ont pas été comptés : {2}");

    /// <summary>The tool whose report <paramref name="text"/> looks like, or null; decided on a few markers, before any parsing.</summary>
    public static string? Detect(string text)
    {
        var start = text.AsSpan().TrimStart();
        if (start.Length == 0 || (start[0] != '{' && start[0] != '['))
        {
            return null;
        }

        if (text.Contains("\"check_type\"", StringComparison.Ordinal) && (text.Contains("\"failed_checks\"", StringComparison.Ordinal) || text.Contains("\"passed_checks\"", StringComparison.Ordinal)))
        {
            return ReportTools.Checkov;
        }

        if (text.Contains("\"runs\"", StringComparison.Ordinal) && text.Contains("\"driver\"", StringComparison.Ordinal) && text.Contains("\"checkov\"", StringComparison.OrdinalIgnoreCase))
        {
            return ReportTools.Checkov;
        }

        if (text.Contains("\"event_code\"", StringComparison.Ordinal) && text.Contains("\"Prowler\"", StringComparison.OrdinalIgnoreCase))
        {
            return ReportTools.Prowler;
        }

        return text.Contains("\"Findings\"", StringComparison.Ordinal) && text.Contains("\"SchemaVersion\"", StringComparison.Ordinal) && text.Contains("\"AwsAccountId\"", StringComparison.Ordinal)
            ? ReportTools.SecurityHub
            : null;
    }

    /// <summary>Reads <paramref name="text"/>, a report of <paramref name="tool"/>, shown as <paramref name="file"/>.</summary>
    public static ReportResult Read(string tool, string text, string file)
    {
        var problems = new List<IacProblem>();
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(text, Options);
        }
        catch (JsonException e)
        {
            var line = (int)(e.LineNumber ?? 0) + 1;
            var column = (int)(e.BytePositionInLine ?? 0) + 1;
            problems.Add(new IacProblem(new FileLocation(file, line, column), $"not a readable {tool} report: {FirstSentence(e.Message)}"));
            return new ReportResult(tool, [], problems);
        }

        using (document)
        {
            var lines = ObjectLines(Encoding.UTF8.GetBytes(text));
            var reader = new Reader(tool, file, lines, problems);
            var root = document.RootElement;
            switch (tool)
            {
                case ReportTools.Checkov when root.ValueKind == JsonValueKind.Object && root.TryGetProperty("runs", out _):
                    reader.Sarif(root);
                    break;
                case ReportTools.Checkov:
                    reader.CheckovJson(root);
                    break;
                case ReportTools.Prowler:
                    reader.Prowler(root);
                    break;
                default:
                    reader.SecurityHub(root);
                    break;
            }

            return new ReportResult(tool, reader.Finish(), problems);
        }
    }

    private static string FirstSentence(string message) => message.Split(". ", 2)[0].TrimEnd('.');

    /// <summary>
    /// The 1-based line of every object, keyed by its path of property names (array elements written <c>[]</c>), in
    /// document order: the k-th object met at a path by <see cref="JsonDocument"/> is the k-th listed here.
    /// </summary>
    private static Dictionary<string, List<int>> ObjectLines(byte[] bytes)
    {
        var lines = new Dictionary<string, List<int>>(StringComparer.Ordinal);
        var reader = new Utf8JsonReader(bytes, new JsonReaderOptions { MaxDepth = 64, CommentHandling = JsonCommentHandling.Skip, AllowTrailingCommas = true });
        var path = new List<string>();
        string? property = null;
        var line = 1;
        long counted = 0;
        while (reader.Read())
        {
            switch (reader.TokenType)
            {
                case JsonTokenType.PropertyName:
                    property = reader.GetString();
                    continue;
                case JsonTokenType.StartObject or JsonTokenType.StartArray:
                    var parentIsArray = path.Count > 0 && path[^1].EndsWith("[]", StringComparison.Ordinal);
                    var name = parentIsArray ? "" : property ?? "";
                    var segment = reader.TokenType == JsonTokenType.StartArray ? name + "[]" : name;
                    if (reader.TokenType == JsonTokenType.StartObject)
                    {
                        // Count the newlines up to this token, from where the last count stopped
                        var end = reader.TokenStartIndex;
                        line += bytes.AsSpan((int)counted, (int)(end - counted)).Count((byte)'\n');
                        counted = end;
                        var key = string.Join('.', path.Append(segment).Where(s => s.Length > 0));
                        if (!lines.TryGetValue(key, out var list))
                        {
                            lines[key] = list = [];
                        }

                        list.Add(line);
                    }

                    path.Add(segment);
                    break;
                case JsonTokenType.EndObject or JsonTokenType.EndArray:
                    path.RemoveAt(path.Count - 1);
                    break;
            }

            property = null;
        }

        return lines;
    }

    private sealed class Reader(string tool, string file, Dictionary<string, List<int>> lines, List<IacProblem> problems)
    {
        private readonly List<EvidenceFinding> findings = [];
        private readonly SortedSet<string> unknown = new(StringComparer.Ordinal);
        private readonly Dictionary<string, int> seen = new(StringComparer.Ordinal);
        private bool full;

        public List<EvidenceFinding> Finish()
        {
            if (unknown.Count > 0)
            {
                var listed = string.Join(", ", unknown.Take(MaxListedUnknown)) + (unknown.Count > MaxListedUnknown ? ", …" : "");
                problems.Add(new IacProblem(new FileLocation(file, 1, 1), Unknown.With(unknown.Count, tool, listed).In(Language.En)));
            }

            return findings;
        }

        // The line of the next object at path (objects are met in document order)
        private int Line(string path)
        {
            var index = seen.GetValueOrDefault(path);
            seen[path] = index + 1;
            return lines.TryGetValue(path, out var list) && index < list.Count ? list[index] : 1;
        }

        private void Problem(int line, string message) => problems.Add(new IacProblem(new FileLocation(file, line, 1), message));

        /// <summary>checkov <c>-o json</c>: one object per framework (or an array of them), results.passed_checks / failed_checks.</summary>
        public void CheckovJson(JsonElement root)
        {
            if (root.ValueKind == JsonValueKind.Array)
            {
                foreach (var part in root.EnumerateArray())
                {
                    CheckovPart(part, "[]");
                }
            }
            else
            {
                CheckovPart(root, "");
            }
        }

        private void CheckovPart(JsonElement part, string prefix)
        {
            var at = prefix.Length == 0 ? "" : prefix + ".";
            if (part.ValueKind != JsonValueKind.Object || !part.TryGetProperty("results", out var results) || results.ValueKind != JsonValueKind.Object)
            {
                if (part.ValueKind == JsonValueKind.Object)
                {
                    Line(prefix);
                }

                Problem(1, "a checkov report part has no results object; skipped");
                return;
            }

            var type = Text(part, "check_type") ?? "";
            foreach (var (list, status) in new[] { ("passed_checks", "PASSED"), ("failed_checks", "FAILED") })
            {
                if (!results.TryGetProperty(list, out var checks) || checks.ValueKind != JsonValueKind.Array)
                {
                    continue;
                }

                foreach (var check in checks.EnumerateArray())
                {
                    var line = Line($"{at}results.{list}[]");
                    if (check.ValueKind != JsonValueKind.Object || Text(check, "check_id") is not { } id)
                    {
                        Problem(line, "a checkov check has no check_id; skipped");
                        continue;
                    }

                    var resource = Text(check, "resource") ?? "";
                    var where = Text(check, "file_path") is { } path ? $"{path.TrimStart('/')}:{FirstLine(check)}" : null;
                    Add(id, id, Text(check, "check_name") ?? id, Text(check.TryGetProperty("check_result", out var r) ? r : default, "result") ?? status,
                        resource, CheckovType(resource, type), null, null, Text(check, "severity"), line, where);
                }
            }
        }

        private static string FirstLine(JsonElement check) =>
            check.TryGetProperty("file_line_range", out var range) && range.ValueKind == JsonValueKind.Array && range.GetArrayLength() > 0 && range[0].TryGetInt32(out var first)
                ? first.ToString(CultureInfo.InvariantCulture)
                : "1";

        // CloudFormation resources are written "AWS::S3::Bucket.Logical", Terraform ones "aws_s3_bucket.name"
        private static string CheckovType(string resource, string checkType) => resource.LastIndexOf('.') is var dot and > 0
            ? checkType == "cloudformation" ? resource[..dot] : resource.Split('.')[^2]
            : resource;

        /// <summary>SARIF (checkov <c>-o sarif</c>): runs[].results[], failures only, rules named by the run's tool driver.</summary>
        public void Sarif(JsonElement root)
        {
            if (!root.TryGetProperty("runs", out var runs) || runs.ValueKind != JsonValueKind.Array)
            {
                Problem(1, "a SARIF report with no runs array; skipped");
                return;
            }

            foreach (var run in runs.EnumerateArray())
            {
                Line("runs[]");
                var driver = run.ValueKind == JsonValueKind.Object && run.TryGetProperty("tool", out var t) && t.TryGetProperty("driver", out var d) ? d : default;
                if (Text(driver, "name") is not { } name || !name.Equals("checkov", StringComparison.OrdinalIgnoreCase))
                {
                    Problem(1, $"a SARIF run of {Text(driver, "name") ?? "an unnamed tool"}, not checkov; skipped");
                    continue;
                }

                var titles = new Dictionary<string, string>(StringComparer.Ordinal);
                if (driver.TryGetProperty("rules", out var rules) && rules.ValueKind == JsonValueKind.Array)
                {
                    foreach (var rule in rules.EnumerateArray())
                    {
                        if (Text(rule, "id") is { } id && (Text(rule, "name") ?? (rule.TryGetProperty("shortDescription", out var s) ? Text(s, "text") : null)) is { } title)
                        {
                            titles.TryAdd(id, title);
                        }
                    }
                }

                if (!run.TryGetProperty("results", out var results) || results.ValueKind != JsonValueKind.Array)
                {
                    continue;
                }

                foreach (var result in results.EnumerateArray())
                {
                    var line = Line("runs[].results[]");
                    if (result.ValueKind != JsonValueKind.Object || Text(result, "ruleId") is not { } id)
                    {
                        Problem(line, "a SARIF result has no ruleId; skipped");
                        continue;
                    }

                    string? where = null;
                    var resource = "";
                    if (result.TryGetProperty("locations", out var locations) && locations.ValueKind == JsonValueKind.Array && locations.GetArrayLength() > 0)
                    {
                        var physical = locations[0].TryGetProperty("physicalLocation", out var p) ? p : default;
                        var uri = physical.ValueKind == JsonValueKind.Object && physical.TryGetProperty("artifactLocation", out var a) ? Text(a, "uri") : null;
                        var start = physical.ValueKind == JsonValueKind.Object && physical.TryGetProperty("region", out var region) && region.TryGetProperty("startLine", out var sl) && sl.TryGetInt32(out var n) ? n : 1;
                        where = uri is null ? null : $"{uri}:{start.ToString(CultureInfo.InvariantCulture)}";
                        resource = uri ?? "";
                    }

                    // SARIF carries failures (level error or warning); a note or none is not a failure
                    var level = Text(result, "level") ?? "warning";
                    var status = level is "error" or "warning" ? "FAILED" : "UNKNOWN";
                    var message = result.TryGetProperty("message", out var m) ? Text(m, "text") : null;
                    Add(id, id, titles.GetValueOrDefault(id) ?? message ?? id, status, resource, "", null, null, null, line, where);
                }
            }
        }

        /// <summary>Prowler JSON-OCSF: an array of findings, the check in metadata.event_code, the status in status_code.</summary>
        public void Prowler(JsonElement root)
        {
            if (root.ValueKind != JsonValueKind.Array)
            {
                Problem(1, "a Prowler JSON-OCSF report is an array of findings; this one is not");
                return;
            }

            foreach (var item in root.EnumerateArray())
            {
                var line = Line("[]");
                var metadata = item.ValueKind == JsonValueKind.Object && item.TryGetProperty("metadata", out var md) ? md : default;
                if (Text(metadata, "event_code") is not { } id)
                {
                    Problem(line, "a Prowler finding has no metadata.event_code; skipped");
                    continue;
                }

                var cloud = item.TryGetProperty("cloud", out var c) ? c : default;
                var account = cloud.ValueKind == JsonValueKind.Object && cloud.TryGetProperty("account", out var acc) ? Text(acc, "uid") : null;
                var resource = item.TryGetProperty("resources", out var rs) && rs.ValueKind == JsonValueKind.Array && rs.GetArrayLength() > 0 ? rs[0] : default;
                var title = item.TryGetProperty("finding_info", out var info) ? Text(info, "title") : null;
                Add(id, id, title ?? Text(item, "message") ?? id, Text(item, "status_code") ?? "UNKNOWN",
                    Text(resource, "uid") ?? Text(resource, "name") ?? "", Text(resource, "type") ?? "", account, Text(cloud, "region") ?? Text(resource, "region"), Text(item, "severity"), line, null);
            }
        }

        /// <summary>Security Hub ASFF (<c>aws securityhub get-findings</c>): Findings[], the control through its Config rule or SecurityControlId.</summary>
        public void SecurityHub(JsonElement root)
        {
            var list = root.ValueKind == JsonValueKind.Object && root.TryGetProperty("Findings", out var f) ? f : root;
            var path = root.ValueKind == JsonValueKind.Object ? "Findings[]" : "[]";
            if (list.ValueKind != JsonValueKind.Array)
            {
                Problem(1, "a Security Hub export has a Findings array; this one has none");
                return;
            }

            foreach (var item in list.EnumerateArray())
            {
                var line = Line(path);
                if (item.ValueKind != JsonValueKind.Object)
                {
                    Problem(line, "a Security Hub finding is not an object; skipped");
                    continue;
                }

                var compliance = item.TryGetProperty("Compliance", out var comp) ? comp : default;
                var control = Text(compliance, "SecurityControlId");
                var configRule = item.TryGetProperty("ProductFields", out var fields) && fields.ValueKind == JsonValueKind.Object
                    ? fields.EnumerateObject().Where(p => p.Name.StartsWith("RelatedAWSResources:", StringComparison.Ordinal) && p.Name.EndsWith("/name", StringComparison.Ordinal)).Select(p => p.Value.GetString()).FirstOrDefault(n => n is not null)
                    : null;
                var config = configRule is null ? null : ReportChecks.ConfigRuleName(configRule);
                var shown = control ?? config ?? Text(item, "GeneratorId");
                if (shown is null)
                {
                    Problem(line, "a Security Hub finding names no control, Config rule or generator; skipped");
                    continue;
                }

                var resource = item.TryGetProperty("Resources", out var rs) && rs.ValueKind == JsonValueKind.Array && rs.GetArrayLength() > 0 ? rs[0] : default;
                var status = Text(compliance, "Status") ?? "UNKNOWN";
                var severity = item.TryGetProperty("Severity", out var sev) ? Text(sev, "Label") : null;
                // The control first (Security Hub's own id), then the Config rule it runs (an equivalent our rules name)
                var lookup = control is not null && ReportChecks.Find(ReportTools.SecurityHub, control) is not null ? (ReportTools.SecurityHub, control)
                    : config is not null ? ("config", config) : (ReportTools.SecurityHub, shown);
                Add(shown, lookup.Item2, Text(item, "Title") ?? shown, status, Text(resource, "Id") ?? "", Text(resource, "Type") ?? "",
                    Text(item, "AwsAccountId"), Text(item, "Region") ?? Text(resource, "Region"), severity, line, null, lookup.Item1);
            }
        }

        private void Add(string shown, string id, string title, string status, string resource, string type, string? account, string? region, string? severity, int line, string? where, string? lookupTool = null)
        {
            if (full)
            {
                return;
            }

            if (findings.Count >= MaxFindings)
            {
                full = true;
                Problem(line, string.Create(CultureInfo.InvariantCulture, $"the report has more than {MaxFindings} findings; the rest was skipped"));
                return;
            }

            var outcome = status.ToUpperInvariant() switch
            {
                "PASSED" or "PASS" => FindingOutcome.Pass,
                "FAILED" or "FAIL" => FindingOutcome.Fail,
                _ => FindingOutcome.Unknown,
            };
            if (ReportChecks.Find(lookupTool ?? tool, id) is not { } mapped)
            {
                unknown.Add(shown);
                return;
            }

            var context = new List<string>();
            if (account is not null)
            {
                context.Add("account " + account);
            }

            if (region is not null)
            {
                context.Add("region " + region);
            }

            if (where is not null)
            {
                context.Add("at " + where);
            }

            context.Add("status " + status);
            findings.Add(new EvidenceFinding
            {
                RuleId = $"{tool}:{shown}",
                Topic = mapped.Topic,
                Outcome = outcome,
                Severity = Severity(severity) ?? mapped.Rule?.Documentation.Severity ?? Core.Findings.Severity.Medium,
                Resource = resource,
                ResourceType = type,
                File = file,
                Line = line,
                Column = 1,
                Message = Said.With(tool, status, shown, resource.Length == 0 ? "-" : resource, Clip(title)),
                Source = "report",
                How = string.Join(", ", context),
                Framework = tool,
            });
        }

        private static Severity? Severity(string? label) => label?.ToUpperInvariant() switch
        {
            "CRITICAL" or "HIGH" => Core.Findings.Severity.High,
            "MEDIUM" => Core.Findings.Severity.Medium,
            "LOW" or "INFORMATIONAL" => Core.Findings.Severity.Low,
            _ => null,
        };

        private static string Clip(string text) => text.Length <= 300 ? text : text[..300] + "…";
    }

    private static string? Text(JsonElement element, string name) =>
        element.ValueKind == JsonValueKind.Object && element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;
}
