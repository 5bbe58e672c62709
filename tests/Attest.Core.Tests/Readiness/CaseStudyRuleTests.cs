using Attest.Core.Applications;
using Attest.Core.Findings;
using Attest.Core.Readiness;

namespace Attest.Core.Tests.Readiness;

public class CaseStudyRuleTests
{
    [Fact]
    public void Four_qualifying_customers_with_two_compliance_requirements_meet_PRE_2_1()
    {
        var verdict = Evaluate.Item(TestData.Ready(), "PRE-2.1");
        Assert.Equal(ReadinessStatus.Met, verdict.Status);
        Assert.All(verdict.CaseStudies, c => Assert.Equal(ReadinessStatus.Met, c.Status));
    }

    [Theory]
    [InlineData(ProjectStage.Pilot, "pilot")]
    [InlineData(ProjectStage.ProofOfConcept, "proof of concept")]
    public void Pilot_or_proof_of_concept_never_counts(ProjectStage stage, string said)
    {
        var verdict = Evaluate.Item(TestData.Ready().WithCase("tailspin", c => c with { Stage = stage }), "PRE-2.1");
        Assert.Equal(ReadinessStatus.NotMet, verdict.Status);
        Assert.Equal(ReadinessStatus.NotMet, verdict.Case("tailspin").Status);
        Assert.Contains(said, verdict.Case("tailspin").Reason.En(), StringComparison.Ordinal);
    }

    [Fact]
    public void Generic_it_case_study_never_counts()
    {
        var verdict = Evaluate.Item(TestData.Ready().WithCase("tailspin", c => c with { UseCase = RetailUseCase.None }), "PRE-2.1");
        Assert.Equal(ReadinessStatus.NotMet, verdict.Status);
        Assert.Contains("generic IT", verdict.Case("tailspin").Reason.En(), StringComparison.Ordinal);
    }

    [Fact]
    public void Fifth_case_study_replaces_a_disqualified_one()
    {
        var application = TestData.Ready().WithCase("tailspin", c => c with { Stage = ProjectStage.Pilot });
        application = application with { CaseStudies = [.. application.CaseStudies, TestData.CaseStudy("woodgrove")] };
        var verdict = Evaluate.Item(application, "PRE-2.1");
        Assert.Equal(ReadinessStatus.Met, verdict.Status);
        Assert.Equal(ReadinessStatus.NotMet, verdict.Case("tailspin").Status);
        Assert.Equal(ReadinessStatus.Met, verdict.Case("woodgrove").Status);
        Assert.True(Evaluate.Report(application).Ready);
    }

    [Fact]
    public void Same_customer_by_normalized_name_counts_once()
    {
        var application = TestData.Ready().WithCase("tailspin", c => c with { Customer = "  NORTHWIND   retail ", CustomerWebsite = "https://other.example" });
        var verdict = Evaluate.Item(application, "PRE-2.1");
        Assert.Equal(ReadinessStatus.NotMet, verdict.Status);
        Assert.Contains("same customer as northwind (same name)", verdict.Case("tailspin").Reason.En(), StringComparison.Ordinal);
        Assert.Contains("Only 3 unique customer(s) qualify", verdict.Reason.En(), StringComparison.Ordinal);
    }

    [Fact]
    public void Same_customer_by_web_domain_counts_once_even_with_www_and_another_name()
    {
        var application = TestData.Ready().WithCase("tailspin", c => c with { Customer = "Northwind Europe", CustomerWebsite = "http://WWW.northwind.example/eu/" });
        var verdict = Evaluate.Item(application, "PRE-2.1");
        Assert.Equal(ReadinessStatus.NotMet, verdict.Status);
        Assert.Contains("same web domain northwind.example", verdict.Case("tailspin").Reason.En(), StringComparison.Ordinal);
    }

    [Fact]
    public void Duplicates_are_grouped_transitively()
    {
        // A~B by name, B~C by domain: one customer
        var application = TestData.Ready().WithCaseStudies(
            TestData.CaseStudy("a", "Alpha", "https://alpha.example") with { Compliance = ["PCI-DSS"] },
            TestData.CaseStudy("b", "alpha", "https://beta.example") with { Compliance = ["GDPR"] },
            TestData.CaseStudy("c", "Gamma", "https://beta.example"),
            TestData.CaseStudy("d"),
            TestData.CaseStudy("e"));
        var verdict = Evaluate.Item(application, "PRE-2.1");
        Assert.Equal(3, verdict.Facts.Single(f => f.Name == "uniqueCustomers").Value);
        Assert.Equal(ReadinessStatus.NotMet, verdict.Case("c").Status);
    }

    [Fact]
    public void Compliance_is_counted_over_qualifying_customers_only()
    {
        var application = TestData.Ready()
            .WithCase("fabrikam", c => c with { Stage = ProjectStage.Pilot })
            .WithCaseStudies([.. TestData.Ready().CaseStudies.Select(c => c.Key == "fabrikam" ? c with { Stage = ProjectStage.Pilot } : c), TestData.CaseStudy("woodgrove")]);
        var verdict = Evaluate.Item(application, "PRE-2.1");
        Assert.Equal(ReadinessStatus.NotMet, verdict.Status);
        Assert.Contains("compliance", verdict.Reason.En(), StringComparison.Ordinal);
        Assert.Equal(1, verdict.Facts.Single(f => f.Name == "withCompliance").Value);
    }

    [Fact]
    public void Missing_fields_are_named_and_third_party_must_be_stated()
    {
        var application = TestData.Ready().WithCase("tailspin", c => c with { ThirdParty = null, Results = " ", AwsServices = [] });
        var reason = Evaluate.Item(application, "PRE-2.1").Case("tailspin").Reason.En();
        Assert.Contains("third-party", reason, StringComparison.Ordinal);
        Assert.Contains("results", reason, StringComparison.Ordinal);
        Assert.Contains("AWS services used", reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Case_study_completed_exactly_18_months_before_counts_and_the_day_before_does_not()
    {
        var edge = TestData.Ready().WithCase("tailspin", c => c with { Completed = new DateOnly(2025, 5, 26) });
        Assert.Equal(ReadinessStatus.Met, Evaluate.Item(edge, "PRE-2.1").Status);
        var tooOld = TestData.Ready().WithCase("tailspin", c => c with { Completed = new DateOnly(2025, 5, 25) });
        var verdict = Evaluate.Item(tooOld, "PRE-2.1");
        Assert.Equal(ReadinessStatus.NotMet, verdict.Status);
        Assert.Contains("more than 18 months", verdict.Case("tailspin").Reason.En(), StringComparison.Ordinal);
    }

    [Fact]
    public void Completion_after_as_of_does_not_count()
    {
        var verdict = Evaluate.Item(TestData.Ready().WithCase("tailspin", c => c with { Completed = new DateOnly(2026, 11, 27) }), "PRE-2.1");
        Assert.Contains("after the evaluation date", verdict.Case("tailspin").Reason.En(), StringComparison.Ordinal);
    }

    [Fact]
    public void Leap_day_completion_leaves_the_window_on_1_September()
    {
        var application = TestData.Ready().WithCase("tailspin", c => c with { Completed = new DateOnly(2024, 2, 29) });
        var verdict = Evaluate.Item(application, "PRE-2.1", new DateOnly(2025, 8, 31));
        Assert.Equal(ReadinessStatus.Met, verdict.Case("tailspin").Status);
        Assert.Equal(new DateOnly(2025, 9, 1), verdict.Case("tailspin").ChangesOn);
        Assert.Equal(ReadinessStatus.NotMet, Evaluate.Item(application, "PRE-2.1", new DateOnly(2025, 9, 1)).Case("tailspin").Status);
    }

    [Fact]
    public void PRE_2_1_changes_on_the_day_a_fourth_customer_is_lost()
    {
        var application = TestData.Ready().WithCase("tailspin", c => c with { Completed = new DateOnly(2025, 8, 31) });
        var verdict = Evaluate.Item(application, "PRE-2.1");
        Assert.Equal(new DateOnly(2027, 3, 1), verdict.ChangesOn); // 2027-02-28 less 18 months is 2025-08-28: still in
    }

    [Fact]
    public void Two_public_case_studies_linked_from_the_site_meet_PRE_2_2()
    {
        var verdict = Evaluate.Item(TestData.Ready(), "PRE-2.2");
        Assert.Equal(ReadinessStatus.Met, verdict.Status);
        Assert.Equal(ReadinessStatus.NotMet, verdict.Case("northwind").Status);
    }

    [Theory]
    [InlineData(false)]
    [InlineData(null)]
    public void Public_case_study_not_reachable_from_the_site_does_not_count(bool? linked)
    {
        var application = TestData.Ready().WithCase("fabrikam", c => c with { PublicReference = c.PublicReference! with { LinkedFromWebsite = linked } });
        var verdict = Evaluate.Item(application, "PRE-2.2");
        Assert.Equal(ReadinessStatus.NotMet, verdict.Status);
        Assert.Contains("Only 1", verdict.Reason.En(), StringComparison.Ordinal);
    }

    [Fact]
    public void Public_case_study_of_a_pilot_does_not_count()
    {
        var application = TestData.Ready().WithCase("fabrikam", c => c with { Stage = ProjectStage.Pilot });
        var verdict = Evaluate.Item(application, "PRE-2.2");
        Assert.Equal(ReadinessStatus.NotMet, verdict.Status);
        Assert.Equal(ReadinessStatus.NotApplicable, verdict.Case("fabrikam").Status);
    }

    [Fact]
    public void Two_public_case_studies_of_the_same_customer_count_once()
    {
        var application = TestData.Ready().WithCase("fabrikam", c => c with { CustomerWebsite = "https://contoso.example" });
        Assert.Equal(ReadinessStatus.NotMet, Evaluate.Item(application, "PRE-2.2").Status);
    }

    [Fact]
    public void Unclassified_case_study_leaves_PRE_2_3_not_met()
    {
        var verdict = Evaluate.Item(TestData.Ready().WithCase("tailspin", c => c with { Delivery = null }), "PRE-2.3");
        Assert.Equal(ReadinessStatus.NotMet, verdict.Status);
        Assert.Equal(ReadinessStatus.NotMet, verdict.Case("tailspin").Status);
        Assert.Equal(ReadinessStatus.Met, verdict.Case("contoso").Status);
        Assert.Equal(ReadinessStatus.NotMet, Evaluate.Item(TestData.Ready().WithCaseStudies(), "PRE-2.3").Status);
    }

    [Fact]
    public void Counted_case_studies_all_address_retail_use_cases()
    {
        var verdict = Evaluate.Item(TestData.Ready(), "VAL-2.1");
        Assert.Equal(ReadinessStatus.Met, verdict.Status);
        Assert.Contains("contoso, fabrikam, northwind, tailspin", verdict.Reason.En(), StringComparison.Ordinal);
    }

    [Fact]
    public void Case_studies_that_do_not_count_are_not_applicable_to_audit_items()
    {
        var application = TestData.Ready();
        application = application with { CaseStudies = [.. application.CaseStudies, TestData.CaseStudy("poc") with { Stage = ProjectStage.ProofOfConcept, Availability = null }] };
        var verdict = Evaluate.Item(application, "VAL-2.3");
        Assert.Equal(ReadinessStatus.Met, verdict.Status);
        Assert.Equal(ReadinessStatus.NotApplicable, verdict.Case("poc").Status);
        Assert.Contains("PRE-2.1", verdict.Case("poc").Reason.En(), StringComparison.Ordinal);
    }

    [Fact]
    public void No_qualifying_case_study_leaves_case_study_items_not_met()
    {
        var application = TestData.Ready().WithCaseStudies(TestData.CaseStudy("poc") with { Stage = ProjectStage.ProofOfConcept });
        Assert.Equal(ReadinessStatus.NotMet, Evaluate.Item(application, "VAL-2.1").Status);
        Assert.Equal(ReadinessStatus.NotMet, Evaluate.Item(application, "VAL-2.3").Status);
    }

    [Fact]
    public void Availability_objectives_are_needed_for_every_project_based_case_study()
    {
        var application = TestData.Ready().WithCase("northwind", c => c with { Availability = null })
            .WithCase("tailspin", c => c with { Availability = [new AvailabilityObjective { Component = "db", RtoMinutes = 5 }] });
        var verdict = Evaluate.Item(application, "VAL-2.3");
        Assert.Equal(ReadinessStatus.NotMet, verdict.Status);
        Assert.Contains("not stated", verdict.Case("northwind").Reason.En(), StringComparison.Ordinal);
        Assert.Contains("db", verdict.Case("tailspin").Reason.En(), StringComparison.Ordinal);
        Assert.Contains("2 of 4", verdict.Reason.En(), StringComparison.Ordinal);
    }

    [Fact]
    public void Msp_case_studies_are_outside_project_based_items()
    {
        var application = TestData.Ready().WithCase("northwind", c => c with { Delivery = DeliveryCategory.Msp, Availability = null });
        var verdict = Evaluate.Item(application, "VAL-2.3");
        Assert.Equal(ReadinessStatus.Met, verdict.Status);
        Assert.Equal(ReadinessStatus.NotApplicable, verdict.Case("northwind").Status);
    }

    [Fact]
    public void All_msp_case_studies_make_project_based_items_not_applicable()
    {
        var application = TestData.Ready() with { CaseStudies = TestData.Ready().CaseStudies.Select(c => c with { Delivery = DeliveryCategory.Msp }).ToArray() };
        Assert.Equal(ReadinessStatus.NotApplicable, Evaluate.Item(application, "VAL-2.3").Status);
        Assert.Equal(ReadinessStatus.NotApplicable, Evaluate.Item(application, "VAL-2.6").Status);
    }

    [Fact]
    public void Unknown_delivery_category_is_not_met_for_project_based_items()
    {
        var verdict = Evaluate.Item(TestData.Ready().WithCase("northwind", c => c with { Delivery = null }), "VAL-2.6");
        Assert.Equal(ReadinessStatus.NotMet, verdict.Status);
        Assert.Contains("PRE-2.3", verdict.Case("northwind").Reason.En(), StringComparison.Ordinal);
    }

    [Fact]
    public void AZ_resilience_needs_availability_objectives_then_review()
    {
        Assert.Equal(ReadinessStatus.NeedsReview, Evaluate.Item(TestData.Ready(), "VAL-2.4").Status);
        var verdict = Evaluate.Item(TestData.Ready().WithCase("northwind", c => c with { Availability = null }), "VAL-2.4");
        Assert.Equal(ReadinessStatus.NotMet, verdict.Status);
        Assert.Contains("VAL-2.3", verdict.Case("northwind").Reason.En(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(true, ReadinessStatus.NeedsReview)]
    [InlineData(false, ReadinessStatus.NotMet)]
    [InlineData(null, ReadinessStatus.NotMet)]
    public void Human_judged_case_study_item_follows_the_self_assessment(bool? met, ReadinessStatus expected)
    {
        var application = TestData.Ready().WithSelfAssessment("VAL-2.7", new SelfAssessmentEntry { Met = met });
        var verdict = Evaluate.Item(application, "VAL-2.7");
        Assert.Equal(expected, verdict.Status);
        Assert.All(verdict.CaseStudies, c => Assert.Equal(expected, c.Status));
    }

    [Fact]
    public void Case_study_without_evidence_is_flagged_for_review_items()
    {
        var application = TestData.Ready().WithCase("northwind", c => c with { Evidence = null }).WithSelfAssessment("VAL-2.7", new SelfAssessmentEntry { Met = true });
        var verdict = Evaluate.Item(application, "VAL-2.7");
        Assert.Contains("no evidence", verdict.Case("northwind").Reason.En(), StringComparison.Ordinal);
        Assert.Contains("iac/contoso/", verdict.Case("contoso").Reason.En(), StringComparison.Ordinal);
    }

    [Fact]
    public void S3_item_applies_only_to_case_studies_using_S3()
    {
        var verdict = Evaluate.Item(TestData.Ready(), "VAL-2.10");
        Assert.Equal(ReadinessStatus.NeedsReview, verdict.Status);
        Assert.Equal(ReadinessStatus.NeedsReview, verdict.Case("contoso").Status);
        Assert.Equal(ReadinessStatus.NotApplicable, verdict.Case("fabrikam").Status);
        var noS3 = TestData.Ready().WithCase("contoso", c => c with { AwsServices = ["AWS Lambda"] });
        Assert.Equal(ReadinessStatus.NotApplicable, Evaluate.Item(noS3, "VAL-2.10").Status);
    }

    [Theory]
    [InlineData("Amazon Simple Storage Service (S3)", true)]
    [InlineData("S3", true)]
    [InlineData("Amazon S3 Glacier", true)]
    [InlineData("Amazon SageMaker", false)]
    public void S3_is_recognised_in_service_names(string service, bool usesS3) =>
        Assert.Equal(usesS3, AwsServices.Names(service, "amazon-s3"));

    [Fact]
    public void Disaster_recovery_in_one_case_study_meets_VAL_2_5()
    {
        var verdict = Evaluate.Item(TestData.Ready(), "VAL-2.5");
        Assert.Equal(ReadinessStatus.Met, verdict.Status);
        Assert.Contains("contoso", verdict.Reason.En(), StringComparison.Ordinal);
    }

    [Fact]
    public void Disaster_recovery_tested_after_the_engagement_ended_does_not_count()
    {
        var application = TestData.Ready().WithCase("contoso", c => c with { DisasterRecovery = c.DisasterRecovery! with { TestedOn = new DateOnly(2026, 9, 1) } });
        var verdict = Evaluate.Item(application, "VAL-2.5");
        Assert.Equal(ReadinessStatus.NotMet, verdict.Status);
        Assert.Contains("after the engagement ended", verdict.Case("contoso").Reason.En(), StringComparison.Ordinal);
    }

    [Fact]
    public void Disaster_recovery_without_runbook_or_with_missing_objectives_is_not_met()
    {
        var noRunbook = TestData.Ready().WithCase("contoso", c => c with { DisasterRecovery = c.DisasterRecovery! with { RunbookDelivered = false } });
        Assert.Equal(ReadinessStatus.NotMet, Evaluate.Item(noRunbook, "VAL-2.5").Status);
        var noRto = TestData.Ready().WithCase("contoso", c => c with { DisasterRecovery = c.DisasterRecovery! with { RtoMinutes = null } });
        Assert.Contains("RTO", Evaluate.Item(noRto, "VAL-2.5").Case("contoso").Reason.En(), StringComparison.Ordinal);
        var none = TestData.Ready().WithCase("contoso", c => c with { DisasterRecovery = null });
        Assert.Equal(ReadinessStatus.NotMet, Evaluate.Item(none, "VAL-2.5").Status);
    }

    [Fact]
    public void Pci_scan_within_three_months_and_test_within_twelve_are_met_until_the_scan_ages_out()
    {
        // Scan of 2026-10-01 (3 months), penetration test of 2026-09-15 (12 months): the scan ages out first
        var verdict = Evaluate.Item(TestData.Ready(), "VAL-2.13");
        Assert.Equal(ReadinessStatus.Met, verdict.Status);
        Assert.Equal(new DateOnly(2027, 1, 2), verdict.Case("contoso").ChangesOn);
        Assert.Equal(ReadinessStatus.Met, Evaluate.Item(TestData.Ready(), "VAL-2.13", new DateOnly(2027, 1, 1)).Status);
        Assert.Equal(ReadinessStatus.NotMet, Evaluate.Item(TestData.Ready(), "VAL-2.13", new DateOnly(2027, 1, 2)).Status);
    }

    [Fact]
    public void Stale_or_missing_pci_dates_are_not_met()
    {
        var stale = TestData.Ready().WithCase("contoso", c => c with { Pci = new PciTesting { LastVulnerabilityScan = new DateOnly(2026, 8, 25), LastPenetrationTest = new DateOnly(2026, 11, 1) } });
        var verdict = Evaluate.Item(stale, "VAL-2.13");
        Assert.Equal(ReadinessStatus.NotMet, verdict.Status);
        Assert.Contains("vulnerability scan", verdict.Case("contoso").Reason.En(), StringComparison.Ordinal);
        var missing = TestData.Ready().WithCase("contoso", c => c with { Pci = new PciTesting { LastVulnerabilityScan = new DateOnly(2026, 11, 1) } });
        Assert.Contains("penetration test is not stated", Evaluate.Item(missing, "VAL-2.13").Case("contoso").Reason.En(), StringComparison.Ordinal);
    }

    [Fact]
    public void Pci_items_are_not_applicable_without_e_commerce_and_not_met_when_unstated()
    {
        var noEcommerce = TestData.Ready().WithCase("contoso", c => c with { Ecommerce = false });
        Assert.Equal(ReadinessStatus.NotApplicable, Evaluate.Item(noEcommerce, "VAL-2.13").Status);
        Assert.Equal(ReadinessStatus.NotApplicable, Evaluate.Item(noEcommerce, "VAL-2.12").Status);
        var unstated = TestData.Ready().WithCase("northwind", c => c with { Ecommerce = null });
        Assert.Equal(ReadinessStatus.NotMet, Evaluate.Item(unstated, "VAL-2.13").Status);
        Assert.Equal(ReadinessStatus.NotMet, Evaluate.Item(unstated, "VAL-2.12").Status);
    }

    [Fact]
    public void Segmentation_applies_only_with_cardholder_data()
    {
        Assert.Equal(ReadinessStatus.NeedsReview, Evaluate.Item(TestData.Ready(), "VAL-2.12").Status);
        var noCardholder = TestData.Ready().WithCase("contoso", c => c with { CardholderData = false });
        Assert.Equal(ReadinessStatus.NotApplicable, Evaluate.Item(noCardholder, "VAL-2.12").Status);
        var unstated = TestData.Ready().WithCase("contoso", c => c with { CardholderData = null });
        Assert.Equal(ReadinessStatus.NotMet, Evaluate.Item(unstated, "VAL-2.12").Status);
    }
}
