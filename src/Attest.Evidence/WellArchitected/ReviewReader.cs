using System.Globalization;
using System.Text;
using System.Text.Json;
using Attest.Core.Findings;
using Attest.Evidence.Model;

namespace Attest.Evidence.WellArchitected;

/// <summary>
/// Reads a Well-Architected review from the JSON the Well-Architected Tool gives, and counts the high-risk issues per
/// pillar. Three shapes are read: <c>aws wellarchitected get-lens-review</c> (<c>LensReview.PillarReviewSummaries[].RiskCounts.HIGH</c>),
/// <c>aws wellarchitected list-answers</c> (<c>AnswerSummaries[]</c>, one <c>Risk</c> per question) and
/// <c>aws wellarchitected list-lens-review-improvements</c> (<c>ImprovementSummaries[]</c>, the questions with a risk). Where
/// questions are listed, the count is made here from each applicable question's risk, not taken from the tool's totals.
/// A pillar the file does not speak of is absent from the counts (it exempts nothing).
/// </summary>
public static class ReviewReader
{
    /// <summary>The largest review file read.</summary>
    public const long MaxBytes = 10L * 1024 * 1024;

    /// <summary>The most questions read from one file.</summary>
    public const int MaxQuestions = 5_000;

    private static readonly JsonDocumentOptions Options = new() { MaxDepth = 32, CommentHandling = JsonCommentHandling.Disallow, AllowTrailingCommas = false };

    /// <summary>Whether <paramref name="text"/> looks like one of the three shapes (a cheap look at its keys; <see cref="Read"/> decides).</summary>
    public static bool LooksLikeReview(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        return text.TrimStart().StartsWith('{')
            && (text.Contains("\"PillarReviewSummaries\"", StringComparison.Ordinal)
                || ((text.Contains("\"AnswerSummaries\"", StringComparison.Ordinal) || text.Contains("\"ImprovementSummaries\"", StringComparison.Ordinal))
                    && text.Contains("\"PillarId\"", StringComparison.Ordinal)));
    }

    /// <summary>Reads a review; a problem names the file, line and column, never an exception.</summary>
    public static (WellArchitectedReview? Review, IacProblem? Problem) Read(string text, string file)
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentNullException.ThrowIfNull(file);
        if (Encoding.UTF8.GetByteCount(text) > MaxBytes)
        {
            return (null, Problem(file, 1, 1, $"the Well-Architected review is larger than the {MaxBytes / (1024 * 1024)} MB limit"));
        }

        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(text, Options);
        }
        catch (JsonException e)
        {
            return (null, Problem(file, (int)(e.LineNumber ?? 0) + 1, (int)(e.BytePositionInLine ?? 0) + 1, $"not valid JSON: {FirstSentence(e.Message)}"));
        }

        using (document)
        {
            try
            {
                return (ReadRoot(document.RootElement, text, file), null);
            }
            catch (ReviewException e)
            {
                var (line, column) = Place(text, e.Key);
                return (null, Problem(file, line, column, e.Message));
            }
        }
    }

    private static WellArchitectedReview ReadRoot(JsonElement root, string text, string file)
    {
        if (root.ValueKind != JsonValueKind.Object)
        {
            throw new ReviewException("a Well-Architected review is a JSON object", null);
        }

        var workload = OptionalString(root, "WorkloadName") ?? OptionalString(root, "WorkloadId");
        if (root.TryGetProperty("AnswerSummaries", out var answers))
        {
            return FromQuestions(answers, "AnswerSummaries", file, workload, OptionalString(root, "LensAlias"), null);
        }

        if (root.TryGetProperty("ImprovementSummaries", out var improvements))
        {
            return FromQuestions(improvements, "ImprovementSummaries", file, workload, OptionalString(root, "LensAlias"), null);
        }

        if (!root.TryGetProperty("LensReview", out var lens) || lens.ValueKind != JsonValueKind.Object)
        {
            throw new ReviewException("neither LensReview, AnswerSummaries nor ImprovementSummaries is there: not a Well-Architected Tool export", null);
        }

        var alias = OptionalString(lens, "LensAlias");
        var updated = OptionalString(lens, "UpdatedAt") is { } at && DateTimeOffset.TryParse(at, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var when)
            ? DateOnly.FromDateTime(when.UtcDateTime)
            : (DateOnly?)null;
        if (!lens.TryGetProperty("PillarReviewSummaries", out var pillars) || pillars.ValueKind != JsonValueKind.Array)
        {
            throw new ReviewException("LensReview.PillarReviewSummaries must be a list of pillars", "PillarReviewSummaries");
        }

        var counts = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var pillar in pillars.EnumerateArray())
        {
            var id = PillarOf(pillar, "PillarReviewSummaries");
            if (!pillar.TryGetProperty("RiskCounts", out var risks) || risks.ValueKind != JsonValueKind.Object)
            {
                throw new ReviewException($"pillar {id}: RiskCounts must be an object of counts", "RiskCounts");
            }

            var high = 0;
            if (risks.TryGetProperty("HIGH", out var value))
            {
                if (value.ValueKind != JsonValueKind.Number || !value.TryGetInt32(out high) || high < 0)
                {
                    throw new ReviewException($"pillar {id}: RiskCounts.HIGH must be a whole number, 0 or more", "HIGH");
                }
            }

            if (counts.ContainsKey(id))
            {
                throw new ReviewException($"pillar {id} is listed twice", id);
            }

            counts[id] = high;
        }

        return new WellArchitectedReview { File = file, Workload = workload, Lens = alias, UpdatedOn = updated, HighRisks = counts };
    }

    // One risk per question: the high ones counted per pillar; a pillar with questions and no high risk counts 0
    private static WellArchitectedReview FromQuestions(JsonElement list, string key, string file, string? workload, string? lens, DateOnly? updated)
    {
        if (list.ValueKind != JsonValueKind.Array)
        {
            throw new ReviewException($"{key} must be a list of questions", key);
        }

        if (list.GetArrayLength() > MaxQuestions)
        {
            throw new ReviewException($"{list.GetArrayLength()} questions; at most {MaxQuestions} are read", key);
        }

        var counts = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var question in list.EnumerateArray())
        {
            var id = PillarOf(question, key);
            var applicable = !question.TryGetProperty("IsApplicable", out var flag) || flag.ValueKind != JsonValueKind.False;
            var risk = OptionalString(question, "Risk");
            if (risk is not null and not ("HIGH" or "MEDIUM" or "NONE" or "UNANSWERED" or "NOT_APPLICABLE"))
            {
                throw new ReviewException($"unknown Risk '{risk}' (known: HIGH, MEDIUM, NONE, UNANSWERED, NOT_APPLICABLE)", risk);
            }

            counts[id] = counts.GetValueOrDefault(id) + (applicable && risk == "HIGH" ? 1 : 0);
        }

        return new WellArchitectedReview { File = file, Workload = workload, Lens = lens, UpdatedOn = updated, HighRisks = counts };
    }

    private static string PillarOf(JsonElement element, string key)
    {
        if (element.ValueKind != JsonValueKind.Object)
        {
            throw new ReviewException($"every entry of {key} must be an object", key);
        }

        var tool = OptionalString(element, "PillarId") ?? throw new ReviewException($"an entry of {key} has no PillarId", key);
        return WellArchitectedPillars.FromToolId(tool) ?? throw new ReviewException($"unknown pillar '{tool}' (known: {string.Join(", ", WellArchitectedPillars.All.Select(p => p.ToolId))})", tool);
    }

    private static string? OptionalString(JsonElement element, string name)
    {
        if (!element.TryGetProperty(name, out var value) || value.ValueKind == JsonValueKind.Null)
        {
            return null;
        }

        return value.ValueKind == JsonValueKind.String ? value.GetString() : throw new ReviewException($"{name} must be a string", name);
    }

    // The line and column of the first occurrence of a key or value named in a problem: JsonElement keeps no position
    private static (int Line, int Column) Place(string text, string? key)
    {
        var at = key is null ? -1 : text.IndexOf('"' + key + '"', StringComparison.Ordinal);
        if (at < 0)
        {
            return (1, 1);
        }

        var line = 1;
        var start = 0;
        for (var i = 0; i < at; i++)
        {
            if (text[i] == '\n')
            {
                line++;
                start = i + 1;
            }
        }

        return (line, at - start + 1);
    }

    private static string FirstSentence(string message)
    {
        var end = message.IndexOf(". ", StringComparison.Ordinal);
        return end < 0 ? message.TrimEnd('.') : message[..end];
    }

    private static IacProblem Problem(string file, int line, int column, string message) => new(new FileLocation(file, line, column), message);

    private sealed class ReviewException(string message, string? key) : Exception(message)
    {
        public string? Key { get; } = key;
    }
}
