using Attest.Core.Applications;
using Attest.Core.Catalogs;
using Attest.Core.Readiness;

namespace Attest.Core.Tests.Readiness;

public class PartnerRuleTests
{
    [Theory]
    [InlineData(true, ReadinessStatus.Met)]
    [InlineData(false, ReadinessStatus.NotMet)]
    [InlineData(null, ReadinessStatus.NotMet)]
    public void Guidelines_read_decides_PRE_1_1(bool? read, ReadinessStatus expected)
    {
        var verdict = Evaluate.Item(TestData.Ready().WithPartner(p => p with { GuidelinesRead = read }), "PRE-1.1");
        Assert.Equal(expected, verdict.Status);
        Assert.Equal(read is null, verdict.Reason.En().Contains("not stated", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData(PartnerTier.Registered, ReadinessStatus.NotMet)]
    [InlineData(PartnerTier.Select, ReadinessStatus.NotMet)]
    [InlineData(PartnerTier.Advanced, ReadinessStatus.Met)]
    [InlineData(PartnerTier.Premier, ReadinessStatus.Met)]
    public void Tier_must_be_advanced_or_higher(PartnerTier tier, ReadinessStatus expected) =>
        Assert.Equal(expected, Evaluate.Item(TestData.Ready().WithPartner(p => p with { Tier = tier }), "PRE-1.2").Status);

    [Fact]
    public void Unstated_tier_is_not_met_and_says_so_in_both_languages()
    {
        var verdict = Evaluate.Item(TestData.Ready().WithPartner(p => p with { Tier = null }), "PRE-1.2");
        Assert.Equal(ReadinessStatus.NotMet, verdict.Status);
        Assert.Contains("not stated", verdict.Reason.En(), StringComparison.Ordinal);
        Assert.Contains("n'est pas indiqué", verdict.Reason.Fr(), StringComparison.Ordinal);
        Assert.NotNull(verdict.NextStep);
    }

    [Fact]
    public void Self_assessment_that_contradicts_an_automatic_verdict_is_noted()
    {
        var verdict = Evaluate.Item(TestData.Ready().WithPartner(p => p with { Tier = PartnerTier.Select }), "PRE-1.2");
        Assert.Single(verdict.Notes);
    }

    [Theory]
    [InlineData(DeliveryCategory.Msp, true, ReadinessStatus.Met)]
    [InlineData(DeliveryCategory.Msp, false, ReadinessStatus.NotMet)]
    [InlineData(DeliveryCategory.Msp, null, ReadinessStatus.NotMet)]
    [InlineData(DeliveryCategory.Project, false, ReadinessStatus.NotApplicable)]
    [InlineData(DeliveryCategory.Project, true, ReadinessStatus.NotApplicable)]
    public void English_reading_of_PRE_2_4_requires_membership_when_any_case_study_is_msp(DeliveryCategory delivery, bool? member, ReadinessStatus expected)
    {
        var application = TestData.Ready().WithCase("northwind", c => c with { Delivery = delivery }).WithPartner(p => p with { MspProgramMember = member });
        var verdict = Evaluate.Item(application, "PRE-2.4");
        Assert.Equal(expected, verdict.Status);
        Assert.Contains(verdict.Notes, n => n.En().Contains("French 2019 text", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData(DeliveryCategory.Project, true, ReadinessStatus.Met)]
    [InlineData(DeliveryCategory.Project, false, ReadinessStatus.NotMet)]
    [InlineData(DeliveryCategory.Msp, false, ReadinessStatus.NotApplicable)]
    public void French_reading_of_PRE_2_4_requires_membership_when_no_case_study_is_msp(DeliveryCategory delivery, bool member, ReadinessStatus expected)
    {
        var french = TestData.Retail with { Options = new CatalogOptions { MspCriteriaReading = MspCriteriaReading.French } };
        var application = TestData.Ready().WithCase("northwind", c => c with { Delivery = delivery }).WithPartner(p => p with { MspProgramMember = member });
        var verdict = ReadinessEngine.EvaluateItems(application, french, TestData.AsOf).Single(i => i.Item.Id == "PRE-2.4");
        Assert.Equal(expected, verdict.Status);
        Assert.Contains(verdict.Notes, n => n.En().Contains("English checklists", StringComparison.Ordinal));
    }

    [Fact]
    public void Note_on_PRE_2_4_shows_what_the_other_reading_would_decide()
    {
        var application = TestData.Ready().WithPartner(p => p with { MspProgramMember = false });
        var verdict = Evaluate.Item(application, "PRE-2.4");
        Assert.Equal(ReadinessStatus.NotApplicable, verdict.Status);
        Assert.Contains("would be not met", verdict.Notes[0].En(), StringComparison.Ordinal);
    }

    [Fact]
    public void Practice_page_linked_from_the_home_page_is_met() =>
        Assert.Equal(ReadinessStatus.Met, Evaluate.Item(TestData.Ready(), "PRE-3.1").Status);

    [Theory]
    [InlineData(true, ReadinessStatus.Met)]
    [InlineData(false, ReadinessStatus.NotMet)]
    [InlineData(null, ReadinessStatus.NotMet)]
    public void Home_page_as_practice_page_counts_only_for_a_dedicated_retail_consultancy(bool? dedicated, ReadinessStatus expected)
    {
        var application = TestData.Ready().WithPartner(p => p with
        {
            Homepage = "https://acme.example/",
            PracticePage = new PracticePage { Url = "HTTPS://ACME.example", LinkedFromHomepage = null },
            DedicatedRetailConsultancy = dedicated,
        });
        Assert.Equal(expected, Evaluate.Item(application, "PRE-3.1").Status);
    }

    [Theory]
    [InlineData(false)]
    [InlineData(null)]
    public void Practice_page_not_linked_from_the_home_page_is_not_met(bool? linked)
    {
        var application = TestData.Ready().WithPartner(p => p with { PracticePage = new PracticePage { Url = "https://acme.example/retail", LinkedFromHomepage = linked } });
        var verdict = Evaluate.Item(application, "PRE-3.1");
        Assert.Equal(ReadinessStatus.NotMet, verdict.Status);
        Assert.Contains("linked", verdict.Reason.En(), StringComparison.Ordinal);
    }

    [Fact]
    public void Missing_practice_page_or_home_page_is_not_met()
    {
        Assert.Equal(ReadinessStatus.NotMet, Evaluate.Item(TestData.Ready().WithPartner(p => p with { PracticePage = null }), "PRE-3.1").Status);
        Assert.Equal(ReadinessStatus.NotMet, Evaluate.Item(TestData.Ready().WithPartner(p => p with { Homepage = null }), "PRE-3.1").Status);
        Assert.Equal(ReadinessStatus.NotMet, Evaluate.Item(TestData.Ready().WithPartner(p => p with { PracticePage = new PracticePage { Url = "not a url", LinkedFromHomepage = true } }), "PRE-3.1").Status);
    }

    [Fact]
    public void Recent_content_workshop_and_use_case_meet_PRE_3_2_until_the_newest_content_ages_out()
    {
        var verdict = Evaluate.Item(TestData.Ready(), "PRE-3.2");
        Assert.Equal(ReadinessStatus.Met, verdict.Status);
        Assert.Equal(new DateOnly(2027, 3, 2), verdict.ChangesOn);
        Assert.Equal(ReadinessStatus.Met, Evaluate.Item(TestData.Ready(), "PRE-3.2", new DateOnly(2027, 3, 1)).Status);
        Assert.Equal(ReadinessStatus.NotMet, Evaluate.Item(TestData.Ready(), "PRE-3.2", new DateOnly(2027, 3, 2)).Status);
    }

    [Fact]
    public void Content_older_than_twelve_months_or_dated_in_the_future_does_not_count()
    {
        var application = TestData.Ready().WithPartner(p => p with
        {
            Content =
            [
                new ContentItem { Url = "https://acme.example/old", Kind = ContentKind.Blog, Published = new DateOnly(2025, 11, 25) },
                new ContentItem { Url = "https://acme.example/soon", Kind = ContentKind.Video, Published = new DateOnly(2026, 12, 1) },
                new ContentItem { Kind = ContentKind.Workshop },
                new ContentItem { Kind = ContentKind.UseCase },
            ],
        });
        var verdict = Evaluate.Item(application, "PRE-3.2");
        Assert.Equal(ReadinessStatus.NotMet, verdict.Status);
        Assert.Contains("12 months", verdict.Reason.En(), StringComparison.Ordinal);
        Assert.Contains(verdict.Notes, n => n.En().Contains("after the evaluation date", StringComparison.Ordinal));
    }

    [Fact]
    public void Content_published_exactly_twelve_months_ago_counts()
    {
        var application = TestData.Ready().WithPartner(p => p with
        {
            Content = [.. p.Content!.Skip(1), new ContentItem { Url = "https://acme.example/edge", Kind = ContentKind.Blog, Published = new DateOnly(2025, 11, 26) }],
        });
        Assert.Equal(ReadinessStatus.Met, Evaluate.Item(application, "PRE-3.2").Status);
    }

    [Theory]
    [InlineData(ContentKind.Workshop)]
    [InlineData(ContentKind.UseCase)]
    public void Missing_workshop_or_use_case_examples_leave_PRE_3_2_not_met(ContentKind missing)
    {
        var application = TestData.Ready().WithPartner(p => p with { Content = p.Content!.Where(c => c.Kind != missing).ToArray() });
        var verdict = Evaluate.Item(application, "PRE-3.2");
        Assert.Equal(ReadinessStatus.NotMet, verdict.Status);
        Assert.Contains(missing == ContentKind.Workshop ? "workshop" : "use case", verdict.Reason.En(), StringComparison.Ordinal);
    }

    [Fact]
    public void No_content_at_all_is_not_met() =>
        Assert.Equal(ReadinessStatus.NotMet, Evaluate.Item(TestData.Ready().WithPartner(p => p with { Content = null }), "PRE-3.2").Status);

    [Fact]
    public void Self_assessment_complete_when_every_item_is_answered()
    {
        var verdict = Evaluate.Item(TestData.Ready(), "PRE-4.1");
        Assert.Equal(ReadinessStatus.Met, verdict.Status);
        Assert.Contains(verdict.Notes, n => n.En().Contains("[Acme Retail Cloud], Retail Competency Consulting Partner Completed Self-Assessment", StringComparison.Ordinal));
        Assert.Contains(verdict.Notes, n => n.Fr().Contains("[Acme Retail Cloud], Auto-évaluation finalisée du partenaire consultant de compétences en vente au détail", StringComparison.Ordinal));
    }

    [Fact]
    public void Self_assessment_with_an_unanswered_item_is_not_met_and_names_it()
    {
        var application = TestData.Ready().WithSelfAssessment("VAL-2.7", new SelfAssessmentEntry { Note = "later" }).WithSelfAssessment("VAL-1.1", null);
        var verdict = Evaluate.Item(application, "PRE-4.1");
        Assert.Equal(ReadinessStatus.NotMet, verdict.Status);
        Assert.Contains("VAL-1.1", verdict.Reason.En(), StringComparison.Ordinal);
        Assert.Contains("VAL-2.7", verdict.Reason.En(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(true, ReadinessStatus.NeedsReview)]
    [InlineData(false, ReadinessStatus.NotMet)]
    [InlineData(null, ReadinessStatus.NotMet)]
    public void Human_judged_partner_item_follows_the_self_assessment(bool? met, ReadinessStatus expected)
    {
        var application = TestData.Ready().WithSelfAssessment("VAL-1.1", new SelfAssessmentEntry { Met = met, Note = "deck" });
        var verdict = Evaluate.Item(application, "VAL-1.1");
        Assert.Equal(expected, verdict.Status);
        Assert.NotNull(verdict.NextStep);
    }
}
