using Attest.Core.Applications;
using Attest.Core.Catalogs;
using Attest.Core.Findings;
using Attest.Core.Readiness;

namespace Attest.Core.Tests.Readiness;

/// <summary>The rule kinds of the service delivery checklists, judged on the real AWS WAF catalog.</summary>
public class ServiceDeliveryTests
{
    private static readonly DateOnly AsOf = new(2025, 6, 30);

    private static CaseStudy Case(string key) => new()
    {
        Key = key,
        Customer = $"{char.ToUpperInvariant(key[0])}{key[1..]} Payments",
        CustomerWebsite = $"https://{key}.example",
        Stage = ProjectStage.Production,
        Delivery = DeliveryCategory.Project,
        Completed = new DateOnly(2025, 3, 1),
        Problem = "Bot traffic on the checkout.",
        Solution = "AWS WAF with managed rule groups in front of CloudFront.",
        AwsServices = ["AWS WAF", "Amazon CloudFront"],
        Results = "Fraudulent checkouts down by 90 %.",
        ArchitectureDiagrams = [$"diagrams/{key}.png"],
        Evidence = [$"iac/{key}/"],
    };

    private static readonly CaseStudyAnswer Met = new() { Answer = AnswerValue.Met, Note = "Shown in the case study.", Evidence = ["docs/answer.pdf"] };

    /// <summary>Two qualifying case studies, every item answered met for both, every partner-level document cited.</summary>
    public static Application Ready() => new()
    {
        Checklist = "aws-waf-service-delivery-2025-02",
        AsOf = AsOf,
        Partner = new PartnerProfile { Name = "Acme Cloud", GuidelinesRead = true, ServicesPath = ServicesPathStage.Validated },
        CaseStudies = [Case("contoso"), Case("fabrikam")],
        SelfAssessment = TestData.Waf.Items.ToDictionary(i => i.Id, i => new SelfAssessmentEntry
        {
            Met = true,
            Note = "Done.",
            Evidence = ["docs/sop.pdf"],
            CaseStudies = new Dictionary<string, CaseStudyAnswer> { ["contoso"] = Met, ["fabrikam"] = Met },
        }),
    };

    private static ItemVerdict Item(Application application, string id, CaseStudyFindings? findings = null) =>
        ReadinessEngine.EvaluateItems(application, TestData.Waf, AsOf, findings).Single(i => i.Item.Id == id);

    private static Application Answer(Application application, string item, string key, CaseStudyAnswer? answer)
    {
        var entry = application.SelfAssessment[item];
        var answers = entry.CaseStudies!.ToDictionary(p => p.Key, p => p.Value);
        if (answer is null)
        {
            answers.Remove(key);
        }
        else
        {
            answers[key] = answer;
        }

        return application.WithSelfAssessment(item, entry with { CaseStudies = answers });
    }

    private static CaseStudyFindings Reviews(string key, params WellArchitectedReview[] reviews) =>
        new(new Dictionary<string, IReadOnlyList<EvidenceFinding>>(), null, new Dictionary<string, IReadOnlyList<WellArchitectedReview>> { [key] = reviews });

    private static WellArchitectedReview Review(string file, int security, int operations, int reliability) => new()
    {
        File = file,
        Workload = "checkout",
        HighRisks = new Dictionary<string, int> { ["security"] = security, ["operational-excellence"] = operations, ["reliability"] = reliability, ["cost-optimization"] = 4 },
    };

    [Fact]
    public void The_catalog_carries_its_window_and_the_new_rule_kinds()
    {
        var waf = TestData.Waf;
        Assert.Equal(new DateOnly(2025, 2, 14), waf.Released);
        Assert.Equal(new DateOnly(2025, 8, 1), waf.NextVersionExpected);
        Assert.Equal(new DateOnly(2025, 11, 30), waf.AcceptedUntil);
        Assert.Equal(["security", "operational-excellence", "reliability"], waf.ReviewExemption!.Pillars);
        Assert.Equal(["PRE-1.1", "PRE-1.2", "PRE-2.1", "PRE-2.2", "PRE-3.1", "WAF-001", "WAF-002", "WAF-003", "DOC-001", "ACCT-001", "ACCT-002", "OPE-001", "OPE-002", "OPE-003", "NETSEC-001", "NETSEC-002", "REL-001", "REL-002", "COST-001"], waf.Items.Select(i => i.Id));
        Assert.Equal(["root-usage", "logging"], waf.FindItem("ACCT-001")!.Topics);
        Assert.False(waf.FindItem("COST-001")!.ExemptByReview);
        Assert.Null(TestData.Retail.ReviewExemption);
    }

    [Fact]
    public void A_complete_application_is_ready_with_the_human_items_left_for_review()
    {
        var report = ReadinessEngine.Evaluate(Ready(), TestData.Waf, AsOf);
        Assert.True(report.Ready, string.Join("\n", report.NotMet.Select(i => $"{i.Item.Id}: {i.Reason.En()}")));
        Assert.Equal(ReadinessStatus.Met, report.Items.Single(i => i.Item.Id == "PRE-2.1").Status);
        Assert.Equal(ReadinessStatus.NeedsReview, report.Items.Single(i => i.Item.Id == "WAF-001").Status);
        Assert.Equal(ChecklistPhase.Current, report.Validity!.Phase);
    }

    [Theory]
    [InlineData(null, ReadinessStatus.NotMet)]
    [InlineData(ServicesPathStage.None, ReadinessStatus.NotMet)]
    [InlineData(ServicesPathStage.Registered, ReadinessStatus.NotMet)]
    [InlineData(ServicesPathStage.Validated, ReadinessStatus.Met)]
    [InlineData(ServicesPathStage.Differentiated, ReadinessStatus.Met)]
    public void Services_path_stage_is_a_partner_fact(ServicesPathStage? stage, ReadinessStatus expected)
    {
        var verdict = Item(Ready().WithPartner(p => p with { ServicesPath = stage }), "PRE-1.2");
        Assert.Equal(expected, verdict.Status);
    }

    [Fact]
    public void An_affiliate_counts_only_when_the_offering_is_sold_outside()
    {
        var affiliate = Ready().WithCase("fabrikam", c => c with { Affiliate = true });
        var verdict = Item(affiliate, "PRE-2.1");
        Assert.Equal(ReadinessStatus.NotMet, verdict.Status);
        Assert.Contains("offeredOutside", verdict.Case("fabrikam").Reason.En(), StringComparison.Ordinal);
        Assert.Equal(ReadinessStatus.Met, Item(affiliate.WithCase("fabrikam", c => c with { OfferedOutside = true }), "PRE-2.1").Status);
    }

    [Fact]
    public void Case_studies_need_no_retail_facts_but_leave_the_window_after_18_months()
    {
        var verdict = Item(Ready(), "PRE-2.1");
        Assert.Equal(ReadinessStatus.Met, verdict.Status);
        Assert.Equal(new DateOnly(2026, 9, 2), verdict.ChangesOn); // completed 2025-03-01: 2026-09-01 is the last day inside
    }

    [Fact]
    public void Architecture_diagrams_are_asked_of_every_case_study()
    {
        var verdict = Item(Ready().WithCase("contoso", c => c with { ArchitectureDiagrams = [] }), "PRE-2.2");
        Assert.Equal(ReadinessStatus.NotMet, verdict.Status);
        Assert.Equal(ReadinessStatus.NeedsReview, verdict.Case("fabrikam").Status);
    }

    [Fact]
    public void Per_reference_items_are_judged_for_every_case_study()
    {
        var verdict = Item(Answer(Ready(), "WAF-001", "fabrikam", null), "WAF-001");
        Assert.Equal(ReadinessStatus.NotMet, verdict.Status);
        Assert.Equal(ReadinessStatus.NeedsReview, verdict.Case("contoso").Status);
        Assert.Equal(ReadinessStatus.NotMet, verdict.Case("fabrikam").Status);
        Assert.Contains("selfAssessment.WAF-001.caseStudies.fabrikam", verdict.Case("fabrikam").NextStep!.En(), StringComparison.Ordinal);
    }

    [Fact]
    public void The_self_assessment_prerequisite_lists_each_missing_answer()
    {
        var verdict = Item(Answer(Ready(), "NETSEC-002", "contoso", null), "PRE-3.1");
        Assert.Equal(ReadinessStatus.NotMet, verdict.Status);
        Assert.Contains("NETSEC-002 for contoso", verdict.Reason.En(), StringComparison.Ordinal);
    }

    [Fact]
    public void A_common_requirement_is_met_by_one_case_study_of_two()
    {
        var one = Answer(Ready(), "NETSEC-001", "contoso", new CaseStudyAnswer { Answer = AnswerValue.NotMet });
        var verdict = Item(one, "NETSEC-001");
        Assert.Equal(ReadinessStatus.NeedsReview, verdict.Status);
        Assert.Equal(ReadinessStatus.NotMet, verdict.Case("contoso").Status);
        Assert.Equal(ReadinessStatus.NeedsReview, verdict.Case("fabrikam").Status);

        var none = Answer(one, "NETSEC-001", "fabrikam", new CaseStudyAnswer { Answer = AnswerValue.NotApplicable });
        Assert.Equal(ReadinessStatus.NotMet, Item(none, "NETSEC-001").Status);
    }

    [Fact]
    public void A_common_requirement_needing_a_partner_document_is_not_met_without_it()
    {
        var application = Ready().WithSelfAssessment("ACCT-002", Ready().SelfAssessment["ACCT-002"] with { Evidence = [] });
        var verdict = Item(application, "ACCT-002");
        Assert.Equal(ReadinessStatus.NotMet, verdict.Status);
        Assert.Contains("standard operating procedure", verdict.Reason.En(), StringComparison.Ordinal);
        Assert.Contains("selfAssessment.ACCT-002.evidence", verdict.NextStep!.En(), StringComparison.Ordinal);

        // REL-001 asks for an example only
        var noDocument = Ready().WithSelfAssessment("REL-001", Ready().SelfAssessment["REL-001"] with { Evidence = [] });
        Assert.Equal(ReadinessStatus.NeedsReview, Item(noDocument, "REL-001").Status);
    }

    [Fact]
    public void A_failing_finding_on_a_listed_topic_contradicts_the_one_example()
    {
        var only = Answer(Ready(), "NETSEC-002", "fabrikam", new CaseStudyAnswer { Answer = AnswerValue.NotMet });
        var findings = new CaseStudyFindings(new Dictionary<string, IReadOnlyList<EvidenceFinding>>
        {
            ["contoso"] = [new EvidenceFinding
            {
                RuleId = "s3-default-encryption", Topic = "encryption-at-rest", Outcome = FindingOutcome.Fail, Severity = Severity.High,
                Resource = "Orders", ResourceType = "AWS::S3::Bucket", File = "iac/contoso/template.yaml", Line = 9, Column = 5,
                Message = new Attest.Core.Text.Phrase("no default encryption", "pas de chiffrement par défaut").Message(),
            }],
        });
        var verdict = Item(only, "NETSEC-002", findings);
        Assert.Equal(ReadinessStatus.NotMet, verdict.Status);
        Assert.Contains("Orders (iac/contoso/template.yaml:9)", verdict.Case("contoso").Reason.En(), StringComparison.Ordinal);
    }

    [Fact]
    public void A_review_without_high_risks_in_the_three_pillars_exempts_and_is_named()
    {
        // Nothing answered, no SOP: the review alone meets it
        var bare = Answer(Ready(), "ACCT-002", "contoso", null).WithSelfAssessment("ACCT-002", null);
        var verdict = Item(bare, "ACCT-002", Reviews("contoso", Review("reviews/checkout.json", 0, 0, 0)));
        Assert.Equal(ReadinessStatus.Met, verdict.Status);
        Assert.Contains("reviews/checkout.json (checkout)", verdict.Reason.En(), StringComparison.Ordinal);
        Assert.Contains("Security", verdict.Case("contoso").Reason.En(), StringComparison.Ordinal);
        Assert.Contains("revue Well-Architected", verdict.Case("contoso").Reason.Fr(), StringComparison.Ordinal);
        Assert.Equal(["reviews/checkout.json"], (string[])verdict.Facts.Single(f => f.Name == "exemptedBy").Value!);

        // Cost is not one of the three pillars: COST-001 still needs its answers
        var cost = Item(Answer(bare, "COST-001", "contoso", null).WithSelfAssessment("COST-001", null), "COST-001", Reviews("contoso", Review("reviews/checkout.json", 0, 0, 0)));
        Assert.Equal(ReadinessStatus.NotMet, cost.Status);
    }

    [Fact]
    public void A_review_with_a_high_risk_in_one_pillar_does_not_exempt_and_says_why()
    {
        var bare = Answer(Answer(Ready(), "ACCT-002", "contoso", null), "ACCT-002", "fabrikam", null);
        var verdict = Item(bare, "ACCT-002", Reviews("contoso", Review("reviews/checkout.json", 0, 2, 0)));
        Assert.Equal(ReadinessStatus.NotMet, verdict.Status);
        Assert.Contains(verdict.Notes, n => n.En().Contains("2 high-risk issue(s) in Operational Excellence", StringComparison.Ordinal));
    }

    [Fact]
    public void A_review_missing_a_pillar_does_not_exempt()
    {
        var partial = new WellArchitectedReview { File = "r.json", HighRisks = new Dictionary<string, int> { ["security"] = 0, ["reliability"] = 0 } };
        var bare = Answer(Answer(Ready(), "REL-001", "contoso", null), "REL-001", "fabrikam", null);
        var verdict = Item(bare, "REL-001", Reviews("contoso", partial));
        Assert.Equal(ReadinessStatus.NotMet, verdict.Status);
        Assert.Contains(verdict.Notes, n => n.En().Contains("Operational Excellence not in the review", StringComparison.Ordinal));
    }

    [Fact]
    public void The_per_reference_diagram_item_is_exempted_per_case_study()
    {
        var bare = Answer(Answer(Ready(), "DOC-001", "contoso", null), "DOC-001", "fabrikam", null);
        var verdict = Item(bare, "DOC-001", Reviews("contoso", Review("wa.json", 0, 0, 0)));
        Assert.Equal(ReadinessStatus.Met, verdict.Case("contoso").Status);
        Assert.Equal(ReadinessStatus.NotMet, verdict.Case("fabrikam").Status);
        Assert.Equal(ReadinessStatus.NotMet, verdict.Status);
    }

    [Fact]
    public void An_expired_checklist_makes_the_report_not_ready_and_says_what_to_do()
    {
        var report = ReadinessEngine.Evaluate(Ready(), TestData.Waf, new DateOnly(2025, 12, 1));
        Assert.False(report.Ready);
        Assert.Equal(ChecklistPhase.NoLongerAccepted, report.Validity!.Phase);
        Assert.Contains("2025-11-30", report.Validity.Reason.En(), StringComparison.Ordinal);
        Assert.Contains("ready", ReadinessJson.Render(report, Attest.Core.Text.Language.En), StringComparison.Ordinal);
        Assert.Contains("\"phase\": \"no-longer-accepted\"", ReadinessJson.Render(report, Attest.Core.Text.Language.En), StringComparison.Ordinal);
    }

    [Fact]
    public void Ready_until_stops_at_the_last_accepted_day()
    {
        var report = ReadinessEngine.Evaluate(Ready(), TestData.Waf, AsOf);
        Assert.Equal(new DateOnly(2025, 11, 30), report.ReadyUntil);
    }
}

/// <summary>Validity windows at their edges: the day before, of and after each date.</summary>
public class ChecklistWindowTests
{
    private static Catalog Catalog(DateOnly? from = null, DateOnly? until = null, DateOnly? next = null, string? successor = null, DateOnly? previousUntil = null, string id = "old") =>
        TestData.Retail with { Id = id, EffectiveFrom = from, AcceptedUntil = until, NextVersionExpected = next, Successor = successor, PreviousAcceptedUntil = previousUntil };

    [Theory]
    [InlineData(2025, 2, 13, ChecklistPhase.NotYetEffective)]
    [InlineData(2025, 2, 14, ChecklistPhase.Current)]
    [InlineData(2025, 2, 15, ChecklistPhase.Current)]
    [InlineData(2025, 7, 31, ChecklistPhase.Current)]
    [InlineData(2025, 8, 1, ChecklistPhase.NewerExpected)]
    [InlineData(2025, 11, 29, ChecklistPhase.NewerExpected)]
    [InlineData(2025, 11, 30, ChecklistPhase.NewerExpected)]
    [InlineData(2025, 12, 1, ChecklistPhase.NoLongerAccepted)]
    public void The_waf_checklist_window_at_its_edges(int year, int month, int day, ChecklistPhase expected)
    {
        var validity = ChecklistWindow.Judge(TestData.Waf, new DateOnly(year, month, day));
        Assert.Equal(expected, validity.Phase);
        Assert.Equal(expected is ChecklistPhase.Current or ChecklistPhase.NewerExpected, validity.Accepted);
    }

    [Fact]
    public void Without_dates_a_checklist_is_current_with_no_end()
    {
        var validity = ChecklistWindow.Judge(Catalog(), new DateOnly(2030, 1, 1));
        Assert.Equal(ChecklistPhase.Current, validity.Phase);
        Assert.Contains("no end date", validity.Reason.In(Text.Language.En), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(2026, 3, 30, ChecklistPhase.NewerExpected)]
    [InlineData(2026, 3, 31, ChecklistPhase.NewerExpected)]
    [InlineData(2026, 4, 1, ChecklistPhase.NoLongerAccepted)]
    public void A_loaded_successor_says_until_when_the_previous_version_is_accepted(int year, int month, int day, ChecklistPhase expected)
    {
        var old = Catalog(until: new DateOnly(2026, 1, 31), successor: "new");
        var successor = Catalog(id: "new", previousUntil: new DateOnly(2026, 3, 31));
        var validity = ChecklistWindow.Judge(old, new DateOnly(year, month, day), successor);
        Assert.Equal(expected, validity.Phase);
        Assert.Equal(new DateOnly(2026, 3, 31), validity.AcceptedUntil);
        Assert.Equal("new", validity.Successor);
        Assert.Contains("new", validity.NextStep!.In(Text.Language.En), StringComparison.Ordinal);
    }

    [Fact]
    public void The_successor_is_found_among_the_loaded_catalogs()
    {
        var old = Catalog(successor: "new");
        var successor = Catalog(id: "new");
        Assert.Same(successor, ChecklistWindow.SuccessorAmong(old, [old, successor]));
        Assert.Null(ChecklistWindow.SuccessorAmong(Catalog(), [old, successor]));
    }

    [Fact]
    public void Moving_is_named_in_both_languages_once_the_window_has_ended()
    {
        var validity = ChecklistWindow.Judge(Catalog(until: new DateOnly(2026, 1, 31), successor: "aws-next"), new DateOnly(2026, 2, 1));
        Assert.Equal(ChecklistPhase.NoLongerAccepted, validity.Phase);
        Assert.Contains("aws-next", validity.NextStep!.In(Text.Language.En), StringComparison.Ordinal);
        Assert.Contains("Passez la candidature sur aws-next", validity.NextStep.In(Text.Language.Fr), StringComparison.Ordinal);
    }
}
