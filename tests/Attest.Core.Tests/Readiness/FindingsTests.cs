using Attest.Core.Findings;
using Attest.Core.Readiness;
using Attest.Core.Text;

namespace Attest.Core.Tests.Readiness;

public class FindingsTests
{
    private static readonly Phrase Said = new("{0}", "{0}");

    private static EvidenceFinding Finding(string topic, FindingOutcome outcome, string resource) => new()
    {
        RuleId = "test-rule",
        Topic = topic,
        Outcome = outcome,
        Severity = Severity.High,
        Resource = resource,
        ResourceType = "AWS::S3::Bucket",
        File = "iac/contoso/template.yaml",
        Line = 12,
        Column = 3,
        Message = Said.With($"{resource} says {outcome}"),
    };

    private static CaseStudyFindings For(string caseStudy, params EvidenceFinding[] findings) =>
        new(new Dictionary<string, IReadOnlyList<EvidenceFinding>> { [caseStudy] = findings });

    [Fact]
    public void Failing_finding_makes_the_item_not_met_for_its_case_study_and_names_the_resource()
    {
        var findings = For("contoso", Finding("encryption-at-rest", FindingOutcome.Fail, "LogsBucket"), Finding("encryption-at-rest", FindingOutcome.Pass, "DataBucket"));
        var verdict = ReadinessEngine.EvaluateItems(TestData.Ready(), TestData.Retail, TestData.AsOf, findings).Single(i => i.Item.Id == "VAL-2.11");
        Assert.Equal(ReadinessStatus.NotMet, verdict.Status);
        Assert.Equal(ReadinessStatus.NotMet, verdict.Case("contoso").Status);
        Assert.Contains("LogsBucket (iac/contoso/template.yaml:12)", verdict.Case("contoso").Reason.En(), StringComparison.Ordinal);
        Assert.Equal(ReadinessStatus.NeedsReview, verdict.Case("fabrikam").Status);
    }

    [Fact]
    public void Passing_findings_support_a_needs_review_verdict()
    {
        var findings = For("contoso", Finding("s3-public-access", FindingOutcome.Pass, "DataBucket"), Finding("s3-public-access", FindingOutcome.Unknown, "TempBucket"));
        var verdict = ReadinessEngine.EvaluateItems(TestData.Ready(), TestData.Retail, TestData.AsOf, findings).Single(i => i.Item.Id == "VAL-2.10");
        Assert.Equal(ReadinessStatus.NeedsReview, verdict.Status);
        Assert.Contains("1 conforming finding(s)", verdict.Case("contoso").Reason.En(), StringComparison.Ordinal);
        Assert.Contains("1 undecided or minor", verdict.Case("contoso").Reason.En(), StringComparison.Ordinal);
    }

    [Fact]
    public void Findings_about_another_item_or_case_study_change_nothing()
    {
        var findings = For("fabrikam", Finding("monitoring", FindingOutcome.Fail, "Alarm"));
        var verdicts = ReadinessEngine.EvaluateItems(TestData.Ready(), TestData.Retail, TestData.AsOf, findings);
        Assert.Equal(ReadinessStatus.NeedsReview, verdicts.Single(i => i.Item.Id == "VAL-2.11").Status);
        Assert.Equal(ReadinessStatus.NotMet, verdicts.Single(i => i.Item.Id == "VAL-2.7").Case("fabrikam").Status);
        Assert.Equal(ReadinessStatus.NeedsReview, verdicts.Single(i => i.Item.Id == "VAL-2.7").Case("contoso").Status);
    }

    [Fact]
    public void A_failing_finding_beyond_three_is_counted_not_listed()
    {
        var findings = For("contoso", [.. Enumerable.Range(1, 5).Select(i => Finding("encryption-at-rest", FindingOutcome.Fail, $"Bucket{i}"))]);
        var reason = ReadinessEngine.EvaluateItems(TestData.Ready(), TestData.Retail, TestData.AsOf, findings).Single(i => i.Item.Id == "VAL-2.11").Case("contoso").Reason.En();
        Assert.Contains("5 failing finding(s)", reason, StringComparison.Ordinal);
        Assert.Contains("and 2 more", reason, StringComparison.Ordinal);
        Assert.DoesNotContain("Bucket4", reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Low_severity_failure_does_not_make_the_item_not_met()
    {
        var minor = Finding("monitoring", FindingOutcome.Fail, "Queue") with { Severity = Severity.Low };
        var findings = For("contoso", minor, Finding("monitoring", FindingOutcome.Pass, "Alarm"));
        var verdict = ReadinessEngine.EvaluateItems(TestData.Ready(), TestData.Retail, TestData.AsOf, findings).Single(i => i.Item.Id == "VAL-2.7");
        Assert.Equal(ReadinessStatus.NeedsReview, verdict.Case("contoso").Status);
        Assert.Contains("1 undecided or minor", verdict.Case("contoso").Reason.En(), StringComparison.Ordinal);
    }
}
