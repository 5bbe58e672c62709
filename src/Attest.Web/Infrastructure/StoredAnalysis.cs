using System.Text.Json;
using System.Text.Json.Serialization;
using Attest.Core.Findings;
using Attest.Core.Text;
using Attest.Evidence.Model;
using Attest.Web.Data;

namespace Attest.Web.Infrastructure;

/// <summary>The version of the analyzers whose results are stored; a stored analysis made by another version is made again.</summary>
public static class AnalyzerVersion
{
    /// <summary>
    /// Changed whenever the analyzers' results may change for the same content: the scanner's own version
    /// (<see cref="Attest.Evidence.Scanning.EvidenceAnalyzer.Version"/>) and the version of what is stored here.
    /// </summary>
    public const string Current = Attest.Evidence.Scanning.EvidenceAnalyzer.Version + "/stored-1";
}

/// <summary>
/// The one mapping between a scan result and what is stored: the JSON of findings, read problems and summary in
/// <see cref="EvidenceAnalysisRecord"/>, and the findings frozen with a submitted version. Every field is written and read
/// explicitly here, so that the format does not follow the analyzers' types by accident.
/// </summary>
public static class StoredAnalysis
{
    /// <summary>The longest text kept for a failure.</summary>
    public const int MaxErrorLength = 2000;

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
        MaxDepth = 16,
    };

    /// <summary>Puts <paramref name="scan"/> into <paramref name="record"/> and marks it done.</summary>
    public static void Complete(EvidenceAnalysisRecord record, EvidenceScan scan, DateTimeOffset at)
    {
        ArgumentNullException.ThrowIfNull(record);
        ArgumentNullException.ThrowIfNull(scan);
        record.State = AnalysisState.Done;
        record.Error = null;
        record.LeaseExpires = null;
        record.CompletedAt = at;
        record.IsCode = scan.IsCode;
        record.Archive = scan.Archive;
        record.Findings = WriteFindings(scan.Findings);
        record.Problems = JsonSerializer.Serialize(scan.Problems.Select(p => new ProblemRow(p.Location.File, p.Location.Line, p.Location.Column, p.Message)).ToList(), Json);
        record.Summary = JsonSerializer.Serialize(Summarize(scan), Json);
        record.Inventory = WriteInventory(scan.Inventory);
    }

    /// <summary>Marks <paramref name="record"/> failed with <paramref name="error"/> (cut to <see cref="MaxErrorLength"/>).</summary>
    public static void Fail(EvidenceAnalysisRecord record, string error, DateTimeOffset at)
    {
        ArgumentNullException.ThrowIfNull(record);
        ArgumentNullException.ThrowIfNull(error);
        record.State = AnalysisState.Failed;
        record.Error = error.Length > MaxErrorLength ? error[..MaxErrorLength] : error;
        record.LeaseExpires = null;
        record.CompletedAt = at;
        record.IsCode = false;
        record.Findings = null;
        record.Problems = null;
        record.Summary = null;
    }

    /// <summary>The scan stored in a done <paramref name="record"/>; null for any other state.</summary>
    public static EvidenceScan? Read(EvidenceAnalysisRecord record)
    {
        ArgumentNullException.ThrowIfNull(record);
        if (record.State != AnalysisState.Done)
        {
            return null;
        }

        var problems = record.Problems is { } text
            ? (JsonSerializer.Deserialize<List<ProblemRow>>(text, Json) ?? []).Select(p => new IacProblem(new FileLocation(p.File, p.Line, p.Column), p.Message)).ToList()
            : [];
        var reviews = record.Summary is { } summary ? JsonSerializer.Deserialize<AnalysisSummary>(summary, Json)?.Reviews ?? [] : [];
        return new EvidenceScan(record.IsCode, ReadFindings(record.Findings), problems, record.Archive)
        {
            Inventory = ReadInventory(record.Inventory),
            Reviews = [.. reviews.Select(r => r.ToReview())],
        };
    }

    /// <summary>The summary of a done <paramref name="record"/>; null for any other state.</summary>
    public static AnalysisSummary? Summary(EvidenceAnalysisRecord record) =>
        record?.State == AnalysisState.Done && record.Summary is { } text ? JsonSerializer.Deserialize<AnalysisSummary>(text, Json) : null;

    /// <summary>Findings as JSON, field by field.</summary>
    public static string WriteFindings(IEnumerable<EvidenceFinding> findings) =>
        JsonSerializer.Serialize(findings.Select(f => new FindingRow(
            f.RuleId, f.Topic, FindingNames.Outcomes.Wire(f.Outcome), FindingNames.Severities.Wire(f.Severity), f.Resource, f.ResourceType, f.File, f.Line, f.Column,
            f.Message.In(Language.En), f.Message.In(Language.Fr), f.Source, f.How, f.Framework)).ToList(), Json);

    /// <summary>Findings read back from <see cref="WriteFindings"/>'s JSON; none for null.</summary>
    /// <exception cref="JsonException">The text is not findings as written here.</exception>
    public static IReadOnlyList<EvidenceFinding> ReadFindings(string? json)
    {
        if (json is null)
        {
            return [];
        }

        return (JsonSerializer.Deserialize<List<FindingRow>>(json, Json) ?? []).Select(r => new EvidenceFinding
        {
            RuleId = r.Rule,
            Topic = r.Topic,
            Outcome = FindingNames.Outcomes.TryParse(r.Outcome, out var outcome) ? outcome : throw new JsonException($"unknown outcome '{r.Outcome}'"),
            Severity = FindingNames.Severities.TryParse(r.Severity, out var severity) ? severity : throw new JsonException($"unknown severity '{r.Severity}'"),
            Resource = r.Resource,
            ResourceType = r.ResourceType,
            File = r.File,
            Line = r.Line,
            Column = r.Column,
            Message = new Phrase(r.MessageEn, r.MessageFr).Message(),
            Source = r.Source,
            How = r.How,
            Framework = r.Framework,
        }).ToList();
    }

    /// <summary>
    /// The findings, resource inventory and Well-Architected reviews of each case study as JSON:
    /// <c>{ "case-study-key": { "findings": [finding…], "inventory": [entry…], "reviews": [review…] } }</c>, keys in ordinal
    /// order; <c>reviews</c> only where the case study has one (a version frozen before reviews were kept has none).
    /// </summary>
    public static string WriteCaseStudyFindings(CaseStudyFindings findings)
    {
        ArgumentNullException.ThrowIfNull(findings);
        using var stream = new MemoryStream();
        using (var writer = new Utf8JsonWriter(stream))
        {
            writer.WriteStartObject();
            foreach (var key in findings.ByCaseStudy.Keys.Union(findings.Inventories.Keys).Union(findings.Reviews.Keys).Order(StringComparer.Ordinal))
            {
                writer.WritePropertyName(key);
                writer.WriteStartObject();
                writer.WritePropertyName("findings");
                using (var document = JsonDocument.Parse(WriteFindings(findings.ByCaseStudy.GetValueOrDefault(key) ?? [])))
                {
                    document.WriteTo(writer);
                }

                writer.WritePropertyName("inventory");
                using (var document = JsonDocument.Parse(WriteInventory(findings.InventoryOf(key))))
                {
                    document.WriteTo(writer);
                }

                if (findings.ReviewsOf(key) is { Count: > 0 } reviews)
                {
                    writer.WritePropertyName("reviews");
                    JsonSerializer.Serialize(writer, reviews.Select(StoredReview.Of).ToList(), Json);
                }

                writer.WriteEndObject();
            }

            writer.WriteEndObject();
        }

        return System.Text.Encoding.UTF8.GetString(stream.ToArray());
    }

    /// <summary>An inventory as JSON, entry by entry.</summary>
    public static string WriteInventory(EvidenceInventory inventory)
    {
        ArgumentNullException.ThrowIfNull(inventory);
        return JsonSerializer.Serialize(inventory.Entries.Select(e => new InventoryRow(e.File, e.ResourceType, e.Service, e.Count)).ToList(), Json);
    }

    /// <summary>An inventory read back from <see cref="WriteInventory"/>'s JSON; empty for null.</summary>
    /// <exception cref="JsonException">The text is not an inventory as written here.</exception>
    public static EvidenceInventory ReadInventory(string? json) =>
        json is null ? EvidenceInventory.Empty : new((JsonSerializer.Deserialize<List<InventoryRow>>(json, Json) ?? []).Select(r => new InventoryEntry(r.File, r.ResourceType, r.Service, r.Count)));

    /// <summary>The findings of each case study read back from <see cref="WriteCaseStudyFindings"/>'s JSON.</summary>
    /// <exception cref="JsonException">The text is not findings by case study as written here.</exception>
    public static CaseStudyFindings ReadCaseStudyFindings(string json)
    {
        using var document = JsonDocument.Parse(json);
        if (document.RootElement.ValueKind != JsonValueKind.Object)
        {
            throw new JsonException("the frozen findings are not an object");
        }

        var byCaseStudy = new Dictionary<string, IReadOnlyList<EvidenceFinding>>(StringComparer.Ordinal);
        var inventories = new Dictionary<string, EvidenceInventory>(StringComparer.Ordinal);
        var reviews = new Dictionary<string, IReadOnlyList<WellArchitectedReview>>(StringComparer.Ordinal);
        foreach (var property in document.RootElement.EnumerateObject())
        {
            if (property.Value.ValueKind != JsonValueKind.Object
                || !property.Value.TryGetProperty("findings", out var list)
                || !property.Value.TryGetProperty("inventory", out var inventory))
            {
                throw new JsonException($"the frozen findings of '{property.Name}' are not findings and an inventory");
            }

            byCaseStudy[property.Name] = ReadFindings(list.GetRawText());
            inventories[property.Name] = ReadInventory(inventory.GetRawText());
            if (property.Value.TryGetProperty("reviews", out var stored))
            {
                reviews[property.Name] = [.. (stored.Deserialize<List<StoredReview>>(Json) ?? []).Select(r => r.HighRisks is null ? throw new JsonException($"a frozen review of '{property.Name}' has no high-risk counts") : r.ToReview())];
            }
        }

        return new CaseStudyFindings(byCaseStudy, inventories, reviews);
    }

    private static AnalysisSummary Summarize(EvidenceScan scan) => new(
        scan.IsCode,
        scan.Findings.Count,
        scan.Findings.Count(f => f.Outcome == FindingOutcome.Fail),
        scan.Findings.Count(f => f.Outcome == FindingOutcome.Pass),
        scan.Findings.Count(f => f.Outcome == FindingOutcome.Unknown),
        scan.Problems.Count,
        scan.Findings.GroupBy(f => f.Topic, StringComparer.Ordinal).OrderBy(g => g.Key, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.Count(), StringComparer.Ordinal),
        scan.Reviews.Count == 0 ? null : [.. scan.Reviews.Select(StoredReview.Of)]);

    private sealed record FindingRow(
        string Rule, string Topic, string Outcome, string Severity, string Resource, string ResourceType, string File, int Line, int Column,
        string MessageEn, string MessageFr, string Source, string? How, string Framework);

    private sealed record InventoryRow(string File, string ResourceType, string? Service, int Count);

    private sealed record ProblemRow(string File, int Line, int Column, string Message);
}

/// <summary>What a stored analysis found, in counts: findings by outcome, read problems, findings by topic; and the Well-Architected reviews the file holds.</summary>
public sealed record AnalysisSummary(bool Code, int Findings, int Failing, int Passing, int Unknown, int Problems, IReadOnlyDictionary<string, int> ByTopic, IReadOnlyList<StoredReview>? Reviews = null);

/// <summary>A Well-Architected review as stored with an analysis: high-risk issues per pillar.</summary>
public sealed record StoredReview(string File, string? Workload, string? Lens, DateOnly? UpdatedOn, IReadOnlyDictionary<string, int> HighRisks)
{
    /// <summary>The stored form of <paramref name="review"/>.</summary>
    public static StoredReview Of(WellArchitectedReview review) => new(review.File, review.Workload, review.Lens, review.UpdatedOn, review.HighRisks);

    /// <summary>The review again.</summary>
    public WellArchitectedReview ToReview() => new() { File = File, Workload = Workload, Lens = Lens, UpdatedOn = UpdatedOn, HighRisks = HighRisks };
}
