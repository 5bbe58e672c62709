using Attest.Evidence.Scanning;
using Attest.Evidence.WellArchitected;

namespace Attest.Evidence.Tests.WellArchitected;

public class ReviewReaderTests
{
    private static readonly string Fixtures = Path.Combine(AppContext.BaseDirectory, "WellArchitected", "Fixtures");

    private static string Fixture(string name) => File.ReadAllText(Path.Combine(Fixtures, name));

    [Fact]
    public void A_lens_review_gives_the_high_risks_per_pillar()
    {
        var (review, problem) = ReviewReader.Read(Fixture("lens-review-clear.json"), "reviews/contoso.json");
        Assert.Null(problem);
        Assert.Equal(0, review!.HighRisks["security"]);
        Assert.Equal(0, review.HighRisks["operational-excellence"]);
        Assert.Equal(0, review.HighRisks["reliability"]);
        Assert.Equal(2, review.HighRisks["cost-optimization"]);
        Assert.Equal(1, review.HighRisks["performance-efficiency"]);
        Assert.Equal("wellarchitected", review.Lens);
        Assert.Equal(new DateOnly(2025, 3, 18), review.UpdatedOn);
        Assert.Empty(review.NotClear(["security", "operational-excellence", "reliability"]));
    }

    [Fact]
    public void Answers_are_counted_here_skipping_questions_marked_not_applicable()
    {
        var (review, problem) = ReviewReader.Read(Fixture("answers-security-hri.json"), "answers.json");
        Assert.Null(problem);
        Assert.Equal(1, review!.HighRisks["security"]);
        Assert.Equal(0, review.HighRisks["operational-excellence"]);
        Assert.Equal(1, review.HighRisks["reliability"]);
        Assert.False(review.HighRisks.ContainsKey("cost-optimization"));
        Assert.Equal(["security", "reliability"], review.NotClear(["security", "operational-excellence", "reliability"]));
    }

    [Fact]
    public void Improvements_are_counted_by_their_risk()
    {
        var (review, _) = ReviewReader.Read(Fixture("improvements.json"), "improvements.json");
        Assert.Equal(1, review!.HighRisks["security"]);
        Assert.Equal(0, review.HighRisks["reliability"]);
    }

    [Theory]
    [InlineData("{\"LensReview\": {\"PillarReviewSummaries\": [{\"PillarId\": \"security\", \"RiskCounts\": {\"HIGH\": -1}}]}}", 1, "RiskCounts.HIGH must be a whole number")]
    [InlineData("{\"LensReview\": {\"PillarReviewSummaries\": [{\"PillarId\": \"speed\", \"RiskCounts\": {}}]}}", 1, "unknown pillar 'speed'")]
    [InlineData("{\"LensReview\": {\"PillarReviewSummaries\": 3}}", 1, "must be a list of pillars")]
    [InlineData("{\n  \"AnswerSummaries\": [\n    {\"PillarId\": \"security\", \"Risk\": \"SEVERE\"}\n  ]\n}", 3, "unknown Risk 'SEVERE'")]
    [InlineData("{\n  \"AnswerSummaries\": [\n    {\"PillarId\": 7}\n  ]\n}", 3, "PillarId must be a string")]
    [InlineData("{\"LensReview\": {\"PillarReviewSummaries\": [{\"PillarId\": \"security\", \"RiskCounts\": {\"HIGH\": 0}}, {\"PillarId\": \"security\", \"RiskCounts\": {\"HIGH\": 2}}]}}", 1, "listed twice")]
    public void Hostile_input_is_a_problem_with_its_place(string text, int line, string expected)
    {
        var (review, problem) = ReviewReader.Read(text, "bad.json");
        Assert.Null(review);
        Assert.Equal("bad.json", problem!.Location.File);
        Assert.Equal(line, problem.Location.Line);
        Assert.Contains(expected, problem.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Broken_json_names_its_line_and_column()
    {
        var (_, problem) = ReviewReader.Read("{\n  \"LensReview\": {\n    \"PillarReviewSummaries\": [,]\n  }\n}", "broken.json");
        Assert.Equal(3, problem!.Location.Line);
        Assert.True(problem.Location.Column > 1);
        Assert.StartsWith("not valid JSON", problem.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Nesting_beyond_the_limit_is_refused()
    {
        var deep = "{\"LensReview\": " + new string('[', 100) + new string(']', 100) + "}";
        var (review, problem) = ReviewReader.Read(deep, "deep.json");
        Assert.Null(review);
        Assert.StartsWith("not valid JSON", problem!.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void The_scanner_tells_a_review_by_its_content_whatever_its_name()
    {
        var folder = Directory.CreateTempSubdirectory("attest-wa-");
        try
        {
            File.Copy(Path.Combine(Fixtures, "lens-review-clear.json"), Path.Combine(folder.FullName, "export.txt.json"));
            File.WriteAllText(Path.Combine(folder.FullName, "policy.json"), "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\",\"Action\":\"s3:GetObject\",\"Resource\":\"arn:aws:s3:::b/*\"}]}");
            var analysis = EvidenceAnalyzer.Analyze(EvidenceSource.Folder(folder.FullName, "evidence"));
            var review = Assert.Single(analysis.Reviews);
            Assert.Equal("evidence/export.txt.json", review.File);
            Assert.Equal(1, analysis.Summary.Kinds[EvidenceKinds.WellArchitectedReview]);
            Assert.Equal(1, analysis.Summary.Kinds[EvidenceKinds.IamPolicy]);
        }
        finally
        {
            folder.Delete(true);
        }
    }
}
