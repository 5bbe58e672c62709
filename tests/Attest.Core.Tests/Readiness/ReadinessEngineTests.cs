using Attest.Core.Applications;
using Attest.Core.Catalogs;
using Attest.Core.Readiness;

namespace Attest.Core.Tests.Readiness;

public class ReadinessEngineTests
{
    [Fact]
    public void Every_catalog_rule_has_an_implementation() =>
        Assert.Equal(RuleSignatures.All.Keys.Order(), ReadinessEngine.ImplementedRules.Order());

    [Fact]
    public void Ready_application_is_ready_with_every_item_judged()
    {
        var report = Evaluate.Report(TestData.Ready());
        Assert.True(report.Ready, string.Join("\n", report.NotMet.Select(i => $"{i.Item.Id}: {i.Reason.En()}")));
        Assert.Equal(24, report.Items.Count);
        Assert.All(report.Items, i => Assert.False(string.IsNullOrWhiteSpace(i.Reason.En())));
        Assert.All(report.Items, i => Assert.NotEqual(i.Reason.En(), i.Reason.Fr()));
    }

    [Fact]
    public void Ready_until_is_the_day_before_the_first_item_turns_not_met()
    {
        var report = Evaluate.Report(TestData.Ready());
        Assert.Equal(new DateOnly(2027, 1, 1), report.ReadyUntil); // the vulnerability scan of 2026-10-01 is stale from 2027-01-02
        Assert.True(Evaluate.Report(TestData.Ready(), new DateOnly(2027, 1, 1)).Ready);
        Assert.False(Evaluate.Report(TestData.Ready(), new DateOnly(2027, 1, 2)).Ready);
    }

    [Fact]
    public void Ready_until_looks_past_changes_that_do_not_break_readiness()
    {
        // Without PCI tests to age, the next break is the blog post of 2026-03-01 ageing out on 2027-03-02
        var application = TestData.Ready().WithCase("contoso", c => c with { Ecommerce = false });
        var report = Evaluate.Report(application);
        Assert.Equal(new DateOnly(2027, 3, 1), report.ReadyUntil);
    }

    [Fact]
    public void Not_ready_application_has_no_ready_until_and_lists_upcoming_changes()
    {
        var application = TestData.Ready().WithPartner(p => p with { Tier = PartnerTier.Select });
        var report = Evaluate.Report(application);
        Assert.False(report.Ready);
        Assert.Null(report.ReadyUntil);
        Assert.Contains(report.Changes, c => c.ItemId == "PRE-2.1" && c.CaseStudyKey == "contoso" && c.Date == new DateOnly(2028, 2, 27));
        Assert.Equal(report.Changes.OrderBy(c => c.Date), report.Changes);
    }

    [Fact]
    public void Draft_with_nothing_but_the_header_is_evaluable_and_not_ready()
    {
        var report = Evaluate.Report(new Application { Checklist = "aws-retail-consulting-2019-12" });
        Assert.False(report.Ready);
        Assert.All(report.Items, i => Assert.NotNull(i.Reason));
    }

    [Fact]
    public void Evaluation_is_deterministic()
    {
        var a = Evaluate.Report(TestData.Ready());
        var b = Evaluate.Report(TestData.Ready());
        Assert.Equal(a.Items.Select(i => (i.Item.Id, i.Status, i.Reason.En())), b.Items.Select(i => (i.Item.Id, i.Status, i.Reason.En())));
    }
}
