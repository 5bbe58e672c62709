using Attest.Core.Applications;
using Attest.Core.Text;
using Attest.Core.Workflow;
using static Attest.Core.Tests.Workflow.WorkflowData;

namespace Attest.Core.Tests.Workflow;

public class VersionDiffTests
{
    private static (SubmissionVersion V1, SubmissionVersion V2) Versions(Application second, Dictionary<string, string>? secondHashes = null)
    {
        var clock = new Clock();
        var w = Reach(Situation.InformationRequested, clock);
        Ok(w.Resubmit(Lead, clock.Next(), Input(second) with { EvidenceHashes = secondHashes ?? Hashes }));
        return (w.Versions[0], w.Versions[1]);
    }

    private static VersionDiff Diff(Application second, Dictionary<string, string>? secondHashes = null)
    {
        var (v1, v2) = Versions(second, secondHashes);
        var (diff, error) = VersionComparer.Compare(v1, v2, TestData.Retail);
        Assert.Null(error);
        return diff!;
    }

    [Fact]
    public void Identical_versions_have_no_differences()
    {
        var diff = Diff(TestData.Ready());

        Assert.True(diff.Empty);
        Assert.Equal((1, 2), (diff.From, diff.To));
    }

    [Fact]
    public void Self_assessment_changes_are_listed_field_by_field_for_the_item()
    {
        var second = TestData.Ready().WithSelfAssessment("VAL-2.4", new SelfAssessmentEntry { Met = true, Note = "Failover tested on 2026-07-01.", Evidence = ["docs/evidence.pdf", "docs/failover.pdf"] });

        var diff = Diff(second);

        var changes = Assert.Single(diff.ByItem).ToArray();
        Assert.Equal(["note", "evidence"], changes.Select(c => c.Field));
        Assert.All(changes, c => Assert.Equal((ChangeArea.SelfAssessment, "VAL-2.4"), (c.Area, c.ItemId)));
        Assert.Equal(("Done.", "Failover tested on 2026-07-01."), (changes[0].Before, changes[0].After));
        Assert.Equal(("docs/evidence.pdf", "docs/evidence.pdf; docs/failover.pdf"), (changes[1].Before, changes[1].After));
        Assert.Equal("Self-assessment of VAL-2.4: justification", changes[0].Title.In(Language.En));
        Assert.Equal("Auto-évaluation de VAL-2.4\u00A0: preuves", changes[1].Title.In(Language.Fr));
    }

    [Fact]
    public void A_changed_readiness_status_is_listed_for_the_item()
    {
        var first = TestData.Ready().WithSelfAssessment("VAL-1.2", new SelfAssessmentEntry { Met = false, Note = "Training plan in progress." });
        var clock = new Clock();
        var w = new ApplicationWorkflow("app-1");
        Ok(w.Submit(Lead, clock.Next(), Input(first)));
        Ok(w.StartReview(Office, clock.Next()));
        Ok(w.RequestInformation(Office, clock.Next(), new MessageDraft("VAL-1.2?", ["VAL-1.2"])));
        Ok(w.Resubmit(Lead, clock.Next(), Input()));

        var (diff, _) = VersionComparer.Compare(w.Versions[0], w.Versions[1], TestData.Retail);

        var item = Assert.Single(diff!.ByItem);
        Assert.Equal("VAL-1.2", item.Key);
        var readiness = item.Single(c => c.Area == ChangeArea.Readiness);
        Assert.Equal(("not-met", "needs-review"), (readiness.Before, readiness.After));
        Assert.Equal("Readiness of VAL-1.2: not met → needs review", readiness.Title.In(Language.En));
        Assert.Equal("Préparation de VAL-1.2\u00A0: non respecté → à examiner", readiness.Title.In(Language.Fr));
        Assert.Contains(item, c => c is { Area: ChangeArea.SelfAssessment, Field: "met", Before: "no", After: "yes" });
    }

    [Fact]
    public void Case_studies_added_removed_and_changed_are_named_with_the_fields_that_changed()
    {
        var second = TestData.Ready()
            .WithCaseStudies([.. TestData.Ready().CaseStudies.Where(c => c.Key != "tailspin"), TestData.CaseStudy("wingtip")])
            .WithCase("fabrikam", c => c with { Results = "Stock-outs down 30 %.", AwsServices = ["AWS Lambda", "Amazon DynamoDB", "Amazon Kinesis"] });

        var diff = Diff(second);

        Assert.Contains(diff.Changes, c => c is { Area: ChangeArea.CaseStudyRemoved, CaseStudyKey: "tailspin", Before: "Tailspin Retail" });
        Assert.Contains(diff.Changes, c => c is { Area: ChangeArea.CaseStudyAdded, CaseStudyKey: "wingtip", After: "Wingtip Retail" });
        var fabrikam = diff.Changes.Where(c => c is { Area: ChangeArea.CaseStudyChanged, CaseStudyKey: "fabrikam" }).ToArray();
        Assert.Equal(["awsServices", "results"], fabrikam.Select(c => c.Field));
        Assert.Equal("Case study fabrikam: AWS services", fabrikam[0].Title.In(Language.En));
        Assert.Equal("Étude de cas fabrikam\u00A0: résultats", fabrikam[1].Title.In(Language.Fr));

        // Readiness per case study follows the case studies: tailspin's verdicts go, wingtip's come
        Assert.Contains(diff.Changes, c => c is { Area: ChangeArea.Readiness, ItemId: "VAL-2.1", CaseStudyKey: "tailspin", After: null });
        Assert.Contains(diff.Changes, c => c is { Area: ChangeArea.Readiness, ItemId: "VAL-2.1", CaseStudyKey: "wingtip", Before: null });
    }

    [Fact]
    public void Profile_and_evidence_changes_are_listed()
    {
        var second = TestData.Ready().WithPartner(p => p with { Homepage = "https://www.acme.example/", Tier = PartnerTier.Premier });
        var hashes = Hashes;
        hashes["docs/evidence.pdf"] = new string('9', 64);
        hashes.Remove("iac/contoso/template.yaml");
        hashes["docs/new.pdf"] = new string('1', 64);

        var diff = Diff(second, hashes);

        var profile = diff.Changes.Where(c => c.Area == ChangeArea.Profile).ToArray();
        Assert.Equal([("tier", "advanced", "premier"), ("homepage", "https://acme.example/", "https://www.acme.example/")], profile.Select(c => (c.Field, c.Before, c.After)));
        Assert.Equal("Partner profile: tier", profile[0].Title.In(Language.En));
        var evidence = diff.Changes.Where(c => c.Area == ChangeArea.Evidence).Select(c => c.Title.In(Language.En));
        Assert.Equal(["Evidence docs/evidence.pdf changed (new SHA-256)", "Evidence docs/new.pdf added", "Evidence iac/contoso/template.yaml removed"], evidence);
    }
}
