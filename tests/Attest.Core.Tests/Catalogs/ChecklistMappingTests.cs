using Attest.Core.Applications;
using Attest.Core.Catalogs;

namespace Attest.Core.Tests.Catalogs;

/// <summary>The Retail-to-WAF mapping as data, and one application judged against the other checklist.</summary>
public class ChecklistMappingTests
{
    private static readonly Catalog[] Both = [TestData.Retail, TestData.Waf];

    private static string MappingText => TestData.ReadRepositoryFile("catalogs", "mappings", "retail-2019-12-to-waf-2025-02.yaml");

    private static ChecklistMapping Mapping => ChecklistMapping.Read(MappingText, "m.yaml", Both).Mapping!;

    [Fact]
    public void The_shipped_mapping_reads_against_both_catalogs()
    {
        var (mapping, error) = ChecklistMapping.Read(MappingText, "m.yaml", Both);
        Assert.Null(error);
        Assert.Equal("aws-retail-consulting-2019-12", mapping!.From);
        Assert.Equal(CarryOver.Answer, mapping.Items.Single(i => i.To == "REL-001").Carries);
        Assert.Equal(["VAL-2.5", "VAL-2.3"], mapping.Items.Single(i => i.To == "REL-002").From);
    }

    [Theory]
    [InlineData("  - to: REL-001\n", "  - to: REL-009\n", "items[0].to", "unknown item 'REL-009' in aws-waf-service-delivery-2025-02")]
    [InlineData("    from: [VAL-2.2]\n", "    from: [VAL-9.9]\n", "items[0].from[0]", "unknown item 'VAL-9.9' in aws-retail-consulting-2019-12")]
    [InlineData("    carries: answer\n", "    carries: everything\n", "items[0].carries", "")]
    [InlineData("to: aws-waf-service-delivery-2025-02\n", "to: aws-other\n", "to", "unknown checklist 'aws-other'")]
    [InlineData("  - to: OPE-002\n", "  - to: REL-001\n", "items[1].to", "item 'REL-001' is mapped twice")]
    public void Mistakes_are_refused_at_their_place(string from, string to, string field, string problem)
    {
        var (mapping, error) = ChecklistMapping.Read(MappingText.Replace(from, to, StringComparison.Ordinal), "m.yaml", Both);
        Assert.Null(mapping);
        Assert.Equal(field, error!.Field);
        Assert.Contains(problem, error.Problem, StringComparison.Ordinal);
        Assert.True(error.Line > 1);
    }

    [Fact]
    public void Answers_carry_whole_or_as_evidence_and_the_partner_own_answer_wins()
    {
        var retail = TestData.Ready();
        var (projected, carried) = ApplicationProjection.For(retail, TestData.Waf, Mapping);
        Assert.Equal("aws-waf-service-delivery-2025-02", projected.Checklist);
        Assert.Same(retail.CaseStudies, projected.CaseStudies);
        Assert.Equal(retail.SelfAssessment["VAL-2.2"], projected.SelfAssessment["REL-001"]);
        Assert.Null(projected.SelfAssessment["ACCT-002"].Met);
        Assert.Equal(retail.SelfAssessment["VAL-2.9"].Evidence, projected.SelfAssessment["ACCT-002"].Evidence);
        Assert.False(projected.SelfAssessment.ContainsKey("WAF-001"));
        Assert.Contains(carried, c => c is { To: "REL-002", From: "VAL-2.5", Carries: CarryOver.Evidence });

        var own = new SelfAssessmentEntry { Met = false, Note = "Console changes happened." };
        var withOwn = retail with { Programs = new Dictionary<string, IReadOnlyDictionary<string, SelfAssessmentEntry>> { [TestData.Waf.Id] = new Dictionary<string, SelfAssessmentEntry> { ["REL-001"] = own } } };
        var (mine, carriedMine) = ApplicationProjection.For(withOwn, TestData.Waf, Mapping);
        Assert.Same(own, mine.SelfAssessment["REL-001"]);
        Assert.DoesNotContain(carriedMine, c => c.To == "REL-001");
        Assert.Empty(mine.Programs);
    }

    [Fact]
    public void Without_a_mapping_only_the_shared_facts_and_programs_answers_count()
    {
        var (projected, carried) = ApplicationProjection.For(TestData.Ready(), TestData.Waf, null);
        Assert.Empty(carried);
        Assert.Empty(projected.SelfAssessment);
        Assert.Equal(4, projected.CaseStudies.Count);
    }

    [Fact]
    public void Programs_are_read_written_and_checked_against_their_checklist()
    {
        var text = TestData.ReadRepositoryFile("examples", "ready.yaml")
            + "programs:\n  aws-waf-service-delivery-2025-02:\n    selfAssessment:\n      WAF-001:\n        caseStudies:\n          contoso: { answer: met, note: \"Bot control.\" }\n";
        var (application, error) = ApplicationReader.Read(text, "a.yaml", Both);
        Assert.Null(error);
        Assert.Equal(AnswerValue.Met, application!.Programs["aws-waf-service-delivery-2025-02"]["WAF-001"].CaseStudies!["contoso"].Answer);
        var (again, _) = ApplicationReader.Read(ApplicationWriter.Write(application), "b.yaml", Both);
        Assert.Equal("Bot control.", again!.Programs["aws-waf-service-delivery-2025-02"]["WAF-001"].CaseStudies!["contoso"].Note);

        var (_, unknownItem) = ApplicationReader.Read(text.Replace("      WAF-001:", "      VAL-2.2:", StringComparison.Ordinal), "a.yaml", Both);
        Assert.Equal("programs.aws-waf-service-delivery-2025-02.selfAssessment.VAL-2.2", unknownItem!.Field);
        var (_, own) = ApplicationReader.Read(TestData.ReadRepositoryFile("examples", "ready.yaml") + "programs:\n  aws-retail-consulting-2019-12: {}\n", "a.yaml", Both);
        Assert.Contains("the file's own checklist", own!.Problem, StringComparison.Ordinal);
    }
}
