using Attest.Core.Findings;
using Attest.Evidence.Rules;

namespace Attest.Evidence.Tests.Rules.RuleTests;

/// <summary>Every rule of <see cref="RuleSet.All"/> passes and fails on small real templates and modules, at the right line.</summary>
public sealed class EveryRuleTests
{
    // Rules that only ever support an item: they have no failing case
    private static readonly string[] PassOnly = ["iac-present", "ssm-session-manager"];

    // On Terraform, users are judged through the attachments that name them: a module without one yields nothing
    private static readonly string[] TerraformFailOnly = ["iam-no-user-policies"];

    private static readonly Dictionary<string, RuleCase> Cfn = RuleCase.Named(CloudFormationCases.All);
    private static readonly Dictionary<string, RuleCase> Tf = RuleCase.Named(TerraformCases.All);

    public static TheoryData<string> CloudFormationCaseNames() => [.. Cfn.Keys];

    public static TheoryData<string> TerraformCaseNames() => [.. Tf.Keys];

    [Theory]
    [MemberData(nameof(CloudFormationCaseNames))]
    public void CloudFormation_case_gives_the_expected_outcome_at_the_expected_line(string name)
    {
        var c = Cfn[name];
        var finding = RuleHarness.Expect(c.Rule, RuleHarness.Cfn(c.Text), c.Resource, c.Outcome, c.Text, c.Marker);
        Assert.Equal("cloudformation", finding.Framework);
        Assert.Equal("literal", finding.Source);
    }

    [Theory]
    [MemberData(nameof(TerraformCaseNames))]
    public void Terraform_case_gives_the_expected_outcome_at_the_expected_line(string name)
    {
        var c = Tf[name];
        var finding = RuleHarness.Expect(c.Rule, RuleHarness.Tf(c.Text), c.Resource, c.Outcome, c.Text, c.Marker);
        Assert.Equal("terraform", finding.Framework);
        Assert.Equal("literal", finding.Source);
    }

    [Fact]
    public void Every_rule_has_a_passing_and_a_failing_case_in_both_frameworks()
    {
        var missing = new List<string>();
        // Table rows have their cases written from the row (TableRuleTests) and checked against labelled data
        foreach (var rule in RuleSet.All.Where(r => r is not Attest.Evidence.Rules.Table.TableRule).Select(r => r.Documentation.Id))
        {
            foreach (var (framework, cases) in new[] { ("cloudformation", CloudFormationCases.All), ("terraform", TerraformCases.All) })
            {
                if (!cases.Any(c => c.Rule == rule && c.Outcome == FindingOutcome.Pass) && !(framework == "terraform" && TerraformFailOnly.Contains(rule)))
                {
                    missing.Add($"{rule}: no passing {framework} case");
                }

                if (!PassOnly.Contains(rule) && !cases.Any(c => c.Rule == rule && c.Outcome == FindingOutcome.Fail))
                {
                    missing.Add($"{rule}: no failing {framework} case");
                }
            }
        }

        Assert.True(RuleSet.All.Count >= 40, $"only {RuleSet.All.Count} rules");
        Assert.Empty(missing);
    }

    [Fact]
    public void Every_rule_is_documented_in_both_languages_with_a_unique_id()
    {
        Assert.Equal(RuleSet.All.Count, RuleSet.All.Select(r => r.Documentation.Id).Distinct().Count());
        foreach (var rule in RuleSet.All.Select(r => r.Documentation))
        {
            Assert.True(Topics.IsKnown(rule.Topic), $"{rule.Id}: topic {rule.Topic} is not in the vocabulary");
            foreach (var text in new[] { rule.Title, rule.Rationale, rule.Fix })
            {
                Assert.False(string.IsNullOrWhiteSpace(text.En), rule.Id);
                Assert.False(string.IsNullOrWhiteSpace(text.Fr), rule.Id);
                Assert.NotEqual(text.En, text.Fr);
            }

            Assert.NotEmpty(rule.ResourceTypes);
            Assert.All(rule.Equivalents, e => Assert.Matches("^[A-Za-z0-9_-]+$", e));
        }
    }

    [Fact]
    public void The_pass_only_rules_yield_nothing_on_a_template_without_what_they_look_for()
    {
        var document = RuleHarness.Cfn("Resources:\n  Role:\n    Type: AWS::IAM::Role\n    Properties:\n      AssumeRolePolicyDocument: { Statement: [] }\n");
        Assert.Empty(RuleHarness.Run("ssm-session-manager", document));
        Assert.Single(RuleHarness.Run("iac-present", document));
        Assert.Empty(RuleHarness.Run("iac-present", RuleHarness.Cfn("Resources: {}\n")));
    }
}
