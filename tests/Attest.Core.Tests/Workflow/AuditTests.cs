using Attest.Core.Applications;
using Attest.Core.Readiness;
using Attest.Core.Text;
using Attest.Core.Workflow;
using static Attest.Core.Tests.Workflow.WorkflowData;

namespace Attest.Core.Tests.Workflow;

public class AuditTests
{
    [Fact]
    public void Grid_has_one_cell_per_partner_item_and_one_per_case_study_in_scope()
    {
        var cells = AuditGrid.Build(Report);

        string[] Keys(string item) => cells.Where(c => c.ItemId == item).Select(c => c.CaseStudyKey ?? "(partner)").ToArray();
        string[] all = ["contoso", "fabrikam", "northwind", "tailspin"];
        Assert.Equal(["(partner)"], Keys("VAL-1.1"));
        Assert.Equal(["(partner)"], Keys("VAL-1.2"));
        Assert.Equal(all, Keys("VAL-2.1"));
        Assert.Equal(all, Keys("VAL-2.4"));
        Assert.Equal(["contoso"], Keys("VAL-2.10")); // the only one using Amazon S3
        Assert.Equal(["contoso"], Keys("VAL-2.12")); // the only e-commerce one with cardholder data
        Assert.Equal(["contoso"], Keys("VAL-2.13"));
        Assert.All(cells.Where(c => c.ItemId == "VAL-2.5"), c => Assert.True(c.OneSuffices));
        Assert.DoesNotContain(cells, c => c.ItemId.StartsWith("PRE-", StringComparison.Ordinal));
    }

    [Fact]
    public void Grid_leaves_a_managed_service_case_study_out_of_project_based_items()
    {
        var application = TestData.Ready().WithCase("northwind", c => c with { Delivery = DeliveryCategory.Msp });
        var cells = AuditGrid.Build(ReadinessEngine.Evaluate(application, TestData.Retail, TestData.AsOf));

        Assert.DoesNotContain(cells, c => c.ItemId == "VAL-2.2" && c.CaseStudyKey == "northwind");
        Assert.DoesNotContain(cells, c => c.ItemId == "VAL-2.8" && c.CaseStudyKey == "northwind");
        Assert.Contains(cells, c => c.ItemId == "VAL-2.1" && c.CaseStudyKey == "northwind");
        Assert.Contains(cells, c => c.ItemId == "VAL-2.11" && c.CaseStudyKey == "northwind");
    }

    [Fact]
    public void Grid_read_from_the_frozen_readiness_json_equals_the_grid_from_the_report()
    {
        var json = ReadinessJson.Render(Report, Language.Fr);

        Assert.Equal(AuditGrid.Build(Report), AuditGrid.BuildFromJson(json));
    }

    [Fact]
    public void Grid_read_from_a_report_frozen_before_parts_and_services_were_written_is_the_same()
    {
        var json = ReadinessJson.Render(Report, Language.En);
        var legacy = System.Text.RegularExpressions.Regex.Replace(json, "\\s*\"part\": \"[a-z]+\",", "")
            .Replace("\"case-studies-using-services\"", "\"case-studies-with-s3\"", StringComparison.Ordinal);
        Assert.DoesNotContain("\"part\"", legacy, StringComparison.Ordinal);
        Assert.Contains("case-studies-with-s3", legacy, StringComparison.Ordinal);

        Assert.Equal(AuditGrid.Build(Report), AuditGrid.BuildFromJson(legacy));
    }

    [Fact]
    public void Closing_is_refused_while_cells_are_unscored_and_lists_them()
    {
        var clock = new Clock();
        var w = Reach(Situation.AuditScheduled, clock);
        Ok(w.StartAudit(Auditor, clock.Next()));
        foreach (var cell in w.Audit!.Cells.Where(c => c.ItemId != "VAL-2.4" && c.ItemId != "VAL-1.2"))
        {
            Ok(w.Score(Auditor, clock.Next(), cell.ItemId, cell.CaseStudyKey, AuditScore.Met));
        }

        var outcome = w.CloseAudit(Auditor, clock.Next());

        Assert.False(outcome.Succeeded);
        Assert.Equal(["VAL-1.2", "VAL-2.4 (contoso)", "VAL-2.4 (fabrikam)", "VAL-2.4 (northwind)", "VAL-2.4 (tailspin)"], outcome.Refusal!.Items);
        Assert.Contains("VAL-2.4 (tailspin)", outcome.Refusal.Reason.In(Language.Fr), StringComparison.Ordinal);
        Assert.False(w.Audit.Closed);
    }

    [Fact]
    public void One_met_case_study_is_enough_for_an_at_least_one_item()
    {
        var clock = new Clock();
        var w = Reach(Situation.AuditScheduled, clock);
        Ok(w.StartAudit(Auditor, clock.Next()));
        foreach (var cell in w.Audit!.Cells.Where(c => c.ItemId != "VAL-2.5"))
        {
            Ok(w.Score(Auditor, clock.Next(), cell.ItemId, cell.CaseStudyKey, AuditScore.Met));
        }

        Ok(w.Score(Auditor, clock.Next(), "VAL-2.5", "fabrikam", AuditScore.NotMet, "No DR test."));
        Assert.Equal(4, w.Audit.Unscored.Count(c => c.ItemId == "VAL-2.5") + 1);
        Ok(w.Score(Auditor, clock.Next(), "VAL-2.5", "contoso", AuditScore.Met, "Cross-region replica tested."));

        Assert.Empty(w.Audit.Unscored);
        Assert.Equal(ItemOutcome.Met, w.Audit.Results.Single(r => r.ItemId == "VAL-2.5").Outcome);
        Ok(w.CloseAudit(Auditor, clock.Next()));
    }

    [Fact]
    public void A_failed_item_blocks_validation_and_is_listed_in_the_decision()
    {
        var clock = new Clock();
        var w = Reach(Situation.AuditScheduled, clock);
        Ok(w.StartAudit(Auditor, clock.Next()));
        foreach (var cell in w.Audit!.Cells)
        {
            var fails = cell.ItemId == "VAL-2.8" && cell.CaseStudyKey == "northwind";
            Ok(w.Score(Auditor, clock.Next(), cell.ItemId, cell.CaseStudyKey, fails ? AuditScore.NotMet : AuditScore.Met, fails ? "Root user used for deployments in March." : null));
        }

        Ok(w.CloseAudit(Auditor, clock.Next()));
        var validate = w.Decide(Office, clock.Next(), DecisionOutcome.Validated);
        Assert.Equal(["VAL-2.8"], validate.Refusal!.Items);
        Assert.Equal(WorkflowState.AuditInProgress, w.State);

        Ok(w.Decide(Office, clock.Next(), DecisionOutcome.NotValidated));

        Assert.Equal(WorkflowState.NotValidated, w.State);
        var failing = Assert.Single(w.Decision!.FailingItems);
        Assert.Equal(("VAL-2.8", ItemOutcome.NotMet), (failing.ItemId, failing.Outcome));
        Assert.Equal(["northwind"], failing.FailedCaseStudies);
        Assert.Equal(["northwind: Root user used for deployments in March."], failing.Notes);
    }

    [Fact]
    public void Not_validating_with_every_item_met_needs_a_note()
    {
        var clock = new Clock();
        var w = Reach(Situation.AuditClosed, clock);

        Assert.False(w.Decide(Office, clock.Next(), DecisionOutcome.NotValidated).Succeeded);
        Ok(w.Decide(Office, clock.Next(), DecisionOutcome.NotValidated, "Evidence could not be verified with the customer."));
    }

    [Fact]
    public void Scores_are_final_once_the_audit_is_closed()
    {
        var clock = new Clock();
        var w = Reach(Situation.AuditClosed, clock);

        var outcome = w.Score(Auditor, clock.Next(), "VAL-1.1", null, AuditScore.NotMet);

        Assert.Equal("The audit is closed; its scores are final.", outcome.Refusal!.Reason.In(Language.En));
    }

    [Fact]
    public void Another_auditor_cannot_open_score_or_close_the_audit()
    {
        var clock = new Clock();
        var other = new Actor("auditor-2", "Other Auditor", Role.Auditor);
        var w = Reach(Situation.AuditScheduled, clock);

        var start = w.StartAudit(other, clock.Next());
        Ok(w.StartAudit(Auditor, clock.Next()));
        var score = w.Score(other, clock.Next(), "VAL-1.1", null, AuditScore.Met);
        var close = w.CloseAudit(other, clock.Next());

        Assert.All([start, score, close], o => Assert.Equal("This audit is assigned to Dana Auditor; only that auditor may work on it.", o.Refusal!.Reason.In(Language.En)));
        Assert.False(w.Allows(WorkflowAction.Score, other));
        Assert.True(w.Allows(WorkflowAction.Score, Auditor));
    }

    [Fact]
    public void Scoring_a_cell_that_is_not_in_the_grid_is_refused()
    {
        var clock = new Clock();
        var w = Reach(Situation.AuditInProgress, clock);

        var outcome = w.Score(Auditor, clock.Next(), "VAL-2.12", "fabrikam", AuditScore.Met);

        Assert.Equal("VAL-2.12 (fabrikam) is not a cell of this audit's scoring grid.", outcome.Refusal!.Reason.In(Language.En));
    }

    [Fact]
    public void Scheduling_refuses_a_start_in_the_past_and_a_bad_plan()
    {
        var clock = new Clock();
        var w = Reach(Situation.InReview, clock);

        var past = w.ScheduleAudit(Office, clock.Next(), Plan(Start.AddDays(-1)));
        var bad = w.ScheduleAudit(Office, clock.Next(), Plan() with { AuditorEmail = "dana@audit.example\r\nBcc: x@evil.example", OpeningPresentationMinutes = 30 });

        Assert.StartsWith("The audit must start after", past.Refusal!.Reason.In(Language.En), StringComparison.Ordinal);
        Assert.Equal("The audit plan is incomplete or invalid: auditor e-mail, opening presentation (at most 15 minutes).", bad.Refusal!.Reason.In(Language.En));
        Assert.Equal(WorkflowState.InReview, w.State);
    }

    [Fact]
    public void Rescheduling_raises_the_revision_and_keeps_the_scores_grid()
    {
        var clock = new Clock();
        var w = Reach(Situation.AuditScheduled, clock);
        var cells = w.Audit!.Cells;

        Ok(w.RescheduleAudit(Office, clock.Next(), Plan(new DateTimeOffset(2026, 12, 15, 14, 0, 0, TimeSpan.FromHours(1)))));

        Assert.Equal(1, w.Audit.Revision);
        Assert.Same(cells, w.Audit.Cells);
        Assert.Equal(new DateTimeOffset(2026, 12, 15, 13, 0, 0, TimeSpan.Zero), w.Audit.Plan.Start);
    }

    [Fact]
    public void A_wall_clock_time_resolves_in_its_zone_and_a_skipped_one_does_not()
    {
        var paris = TimeZoneInfo.FindSystemTimeZoneById("Europe/Paris");

        Assert.Equal(new DateTimeOffset(2026, 12, 10, 8, 0, 0, TimeSpan.Zero), AuditPlan.Resolve(new DateTime(2026, 12, 10, 9, 0, 0), paris)!.Value.ToUniversalTime());
        Assert.Equal(TimeSpan.FromHours(2), AuditPlan.Resolve(new DateTime(2026, 7, 1, 9, 0, 0), paris)!.Value.Offset);
        Assert.Null(AuditPlan.Resolve(new DateTime(2026, 3, 29, 2, 30, 0), paris)); // clocks jump from 02:00 to 03:00
        Assert.Equal(TimeSpan.FromHours(2), AuditPlan.Resolve(new DateTime(2026, 10, 25, 2, 30, 0), paris)!.Value.Offset); // first of the two 02:30
    }

    [Fact]
    public void An_empty_note_is_no_note_and_an_overlong_one_is_refused()
    {
        var clock = new Clock();
        var w = Reach(Situation.AuditInProgress, clock);

        Ok(w.Score(Auditor, clock.Next(), "VAL-1.1", null, AuditScore.Met, "   "));
        var tooLong = w.Score(Auditor, clock.Next(), "VAL-1.2", null, AuditScore.Met, new string('n', MessageDraft.MaxTextLength + 1));

        Assert.Null(w.Audit!.Cells.Single(c => c.ItemId == "VAL-1.1").Note);
        Assert.False(tooLong.Succeeded);
        Assert.Equal("Seen.", w.Audit.Cells.Single(c => c.ItemId == "VAL-1.2").Note);
    }

    [Theory]
    [InlineData("Europe/Paris\r\nX-EVIL:1")]
    [InlineData("Paris time")]
    [InlineData("")]
    public void A_time_zone_that_is_not_an_iana_id_is_refused(string zone)
    {
        var clock = new Clock();
        var w = Reach(Situation.InReview, clock);

        var outcome = w.ScheduleAudit(Office, clock.Next(), Plan() with { TimeZoneId = zone });

        Assert.Equal("The audit plan is incomplete or invalid: time zone.", outcome.Refusal!.Reason.In(Language.En));
    }
}
