using Attest.Core.Applications;
using Attest.Core.Readiness;
using Attest.Core.Text;
using Attest.Core.Workflow;
using static Attest.Core.Tests.Workflow.WorkflowData;

namespace Attest.Core.Tests.Workflow;

public class SubmissionTests
{
    [Fact]
    public void Submission_is_refused_while_prerequisites_are_not_met_and_lists_them()
    {
        var application = TestData.Ready()
            .WithPartner(p => p with { Tier = PartnerTier.Select, GuidelinesRead = null });
        var w = new ApplicationWorkflow("app-1");

        var outcome = w.Submit(Lead, Start, Input(application));

        Assert.Equal(["PRE-1.1", "PRE-1.2"], outcome.Refusal!.Items);
        Assert.Equal("The application cannot be submitted while these prerequisites are not met: PRE-1.1, PRE-1.2.", outcome.Refusal.Reason.In(Language.En));
        Assert.Equal("La candidature ne peut pas être soumise tant que ces prérequis ne sont pas respectés\u00A0: PRE-1.1, PRE-1.2.", outcome.Refusal.Reason.In(Language.Fr));
        Assert.Equal(WorkflowState.Draft, w.State);
        Assert.Empty(w.Versions);
    }

    [Fact]
    public void An_unmet_validation_item_does_not_block_submission()
    {
        var application = TestData.Ready().WithSelfAssessment("VAL-1.2", new SelfAssessmentEntry { Met = false, Note = "Training plan in progress." });
        var report = ReadinessEngine.Evaluate(application, TestData.Retail, TestData.AsOf);
        Assert.Equal(ReadinessStatus.NotMet, report.Items.Single(i => i.Item.Id == "VAL-1.2").Status);

        Ok(new ApplicationWorkflow("app-1").Submit(Lead, Start, new SubmissionInput(report, Hashes)));
    }

    [Fact]
    public void Submission_freezes_version_one_with_the_application_the_readiness_report_and_the_evidence_hashes()
    {
        var w = new ApplicationWorkflow("app-1");
        var hashes = Hashes;
        hashes["diagrams/ARCH.PNG"] = new string('D', 64);

        Ok(w.Submit(Lead, Start, new SubmissionInput(Report, hashes, Language.Fr)));

        var v = Assert.Single(w.Versions);
        Assert.Equal((1, Start, Lead.UserId, "aws-retail-consulting-2019-12", "Acme Retail Cloud"), (v.Number, v.SubmittedAt, v.SubmittedBy, v.Checklist, v.PartnerName));
        var (read, error) = ApplicationReader.Read(v.ApplicationText, "v1", [TestData.Retail]);
        Assert.Null(error);
        Assert.Equal(ApplicationWriter.Write(TestData.Ready()), ApplicationWriter.Write(read!));
        Assert.Equal(ReadinessJson.Render(Report, Language.Fr), v.ReadinessJson);
        Assert.Equal(new string('d', 64), v.EvidenceHashes["diagrams/ARCH.PNG"]); // stored lower case
        Assert.Equal(["diagrams/ARCH.PNG", "docs/evidence.pdf", "iac/contoso/template.yaml"], v.EvidenceHashes.Keys);
        Assert.True(v.IsIntact());
        Assert.Equal(WorkflowState.Submitted, w.State);
    }

    [Fact]
    public void A_stored_version_changed_afterwards_is_no_longer_intact()
    {
        var w = new ApplicationWorkflow("app-1");
        Ok(w.Submit(Lead, Start, Input()));
        var v = w.Versions[0];

        Assert.False((v with { ApplicationText = v.ApplicationText.Replace("Acme", "Acne", StringComparison.Ordinal) }).IsIntact());
        Assert.False((v with { EvidenceHashes = new Dictionary<string, string>(v.EvidenceHashes) { ["docs/evidence.pdf"] = new string('e', 64) } }).IsIntact());
        Assert.False((v with { Number = 2 }).IsIntact());
    }

    [Fact]
    public void Findings_and_the_site_observation_frozen_with_a_version_are_kept_as_given_and_covered_by_its_hash()
    {
        var w = new ApplicationWorkflow("app-1");
        Ok(w.Submit(Lead, Start, Input() with { Findings = """{"contoso":[]}""", SiteObservation = """{"format":"attest/site-observation/v1"}""" }));
        var v = w.Versions[0];

        Assert.Equal(("""{"contoso":[]}""", """{"format":"attest/site-observation/v1"}"""), (v.FindingsJson, v.SiteObservationJson));
        Assert.True(v.IsIntact());
        Assert.False((v with { FindingsJson = """{"contoso":[{}]}""" }).IsIntact());
        Assert.False((v with { SiteObservationJson = null }).IsIntact());

        // A version frozen without them (as every version before them) has the hash it always had
        var without = new ApplicationWorkflow("app-2");
        Ok(without.Submit(Lead, Start, Input()));
        Assert.Null(without.Versions[0].FindingsJson);
        Assert.Equal(without.Versions[0].ContentHash, SubmissionVersion.ComputeContentHash(v with { FindingsJson = null, SiteObservationJson = null }));
    }

    [Theory]
    [InlineData("docs/a.pdf", "abc")]
    [InlineData("docs/a.pdf", "zzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzz")]
    [InlineData("", "aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa")]
    [InlineData("docs/a\n.pdf", "aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa")]
    public void A_bad_evidence_hash_or_name_is_refused(string name, string hash)
    {
        var w = new ApplicationWorkflow("app-1");

        var outcome = w.Submit(Lead, Start, new SubmissionInput(Report, new Dictionary<string, string> { [name] = hash }));

        Assert.False(outcome.Succeeded);
        Assert.Empty(w.Versions);
    }

    [Fact]
    public void Review_round_records_comments_per_item_and_says_whether_a_review_happened()
    {
        var clock = new Clock();
        var w = new ApplicationWorkflow("app-1");
        Assert.False(w.ReviewHappened);

        Ok(w.RequestReview(Lead, clock.Next(), Manager.UserId, Manager.Name));
        Ok(w.CommentOnReview(Manager, clock.Next(), "VAL-2.4", "Show the failover test, not only the diagram."));
        Ok(w.CommentOnReview(Manager, clock.Next(), null, "Good overall."));
        Assert.False(w.ReviewHappened);
        Ok(w.CompleteReview(Manager, clock.Next(), "Recommended."));

        Assert.True(w.ReviewHappened);
        var round = Assert.Single(w.Reviews);
        Assert.Equal(["VAL-2.4", null], round.Comments.Select(c => c.ItemId));
        Assert.Equal("Recommended.", round.Summary);
        Assert.False(w.CommentOnReview(Manager, clock.Next(), "VAL-1.1", "Late remark.").Succeeded);
    }

    [Fact]
    public void Only_the_partner_manager_asked_may_comment()
    {
        var clock = new Clock();
        var w = Reach(Situation.DraftUnderReview, clock);
        var other = new Actor("pm-2", "Other Manager", Role.PartnerManager);

        var outcome = w.CommentOnReview(other, clock.Next(), "VAL-1.1", "Hello");

        Assert.Equal("This review was asked of Chloé Durand; only they may comment on it or mark it done.", outcome.Refusal!.Reason.In(Language.En));
        Assert.Empty(w.CurrentReview!.Comments);
    }

    [Fact]
    public void A_second_review_can_be_asked_once_the_first_is_done_but_not_while_it_is_open()
    {
        var clock = new Clock();
        var w = Reach(Situation.DraftUnderReview, clock);

        Assert.Equal("A review by Chloé Durand is already open.", w.RequestReview(Lead, clock.Next(), "pm-2", "Other").Refusal!.Reason.In(Language.En));
        Ok(w.CompleteReview(Manager, clock.Next()));
        Ok(w.RequestReview(Lead, clock.Next(), "pm-2", "Other"));
        Assert.Equal(2, w.Reviews.Count);
        Assert.True(w.ReviewHappened);
    }

    [Fact]
    public void Information_request_reply_and_resubmission_keep_the_thread_and_make_version_two()
    {
        var clock = new Clock();
        var w = Reach(Situation.InReview, clock);

        Ok(w.RequestInformation(Office, clock.Next(), new MessageDraft("Please add the DR test report.", ["VAL-2.5"])));
        Assert.Equal(WorkflowState.InformationRequested, w.State);
        Ok(w.Reply(Writer, clock.Next(), new MessageDraft("Attached.", ["VAL-2.5"], [new AttachmentReference("f-1", "dr-test.pdf", new string('f', 64))])));
        Ok(w.Reply(Lead, clock.Next(), new MessageDraft("We also updated the self-assessment.")));
        var changed = TestData.Ready().WithSelfAssessment("VAL-2.5", new SelfAssessmentEntry { Met = true, Note = "DR test on 2026-08-01.", Evidence = ["docs/dr-test.pdf"] });
        Ok(w.Resubmit(Lead, clock.Next(), Input(changed)));

        // The office's review stays started: the resubmission is not "started" again
        Assert.Equal(WorkflowState.Resubmitted, w.State);
        Assert.False(w.Allows(WorkflowAction.StartReview, Office));
        Assert.False(w.StartReview(Office, clock.Next()).Succeeded);
        Assert.True(w.Allows(WorkflowAction.ScheduleAudit, Office));
        Assert.True(w.Allows(WorkflowAction.RequestInformation, Office));
        Assert.Equal([MessageKind.Request, MessageKind.Reply, MessageKind.Reply], w.Thread.Select(m => m.Kind));
        Assert.Equal([1, 2, 3], w.Thread.Select(m => m.Number));
        Assert.Equal((Role.Contributor, "dr-test.pdf"), (w.Thread[1].Role, w.Thread[1].Attachments.Single().FileName));
        Assert.Equal([1, 2], w.Versions.Select(v => v.Number));
        Assert.Contains("DR test on 2026-08-01.", w.CurrentVersion!.ApplicationText, StringComparison.Ordinal);
        Assert.Equal(
            [WorkflowState.Draft, WorkflowState.Submitted, WorkflowState.InReview, WorkflowState.InformationRequested, WorkflowState.InformationRequested, WorkflowState.InformationRequested, WorkflowState.Resubmitted],
            w.History.Skip(2).Select(e => e.To).Prepend(WorkflowState.Draft));
    }

    [Fact]
    public void A_message_pointing_at_unknown_items_or_without_text_is_refused()
    {
        var clock = new Clock();
        var w = Reach(Situation.InReview, clock);

        var unknown = w.RequestInformation(Office, clock.Next(), new MessageDraft("See VAL-9.9.", ["VAL-9.9"]));
        var empty = w.RequestInformation(Office, clock.Next(), new MessageDraft("   "));
        var huge = w.RequestInformation(Office, clock.Next(), new MessageDraft(new string('x', MessageDraft.MaxTextLength + 1)));

        Assert.Equal(["VAL-9.9"], unknown.Refusal!.Items);
        Assert.Equal("The text is empty.", empty.Refusal!.Reason.In(Language.En));
        Assert.False(huge.Succeeded);
        Assert.Empty(w.Thread);
        Assert.Equal(WorkflowState.InReview, w.State);
    }

    [Fact]
    public void A_time_earlier_than_the_last_step_is_refused()
    {
        var clock = new Clock();
        var w = Reach(Situation.Submitted, clock);

        var outcome = w.StartReview(Office, Start);

        Assert.StartsWith("The time given (2026-11-23T09:00:00.0000000+00:00) is earlier than the last recorded step", outcome.Refusal!.Reason.In(Language.En), StringComparison.Ordinal);
    }

    [Fact]
    public void A_restored_workflow_carries_on_where_it_stopped()
    {
        var clock = new Clock();
        var w = Reach(Situation.InformationRequested, clock);

        var restored = ApplicationWorkflow.Restore(w.ToSnapshot());
        Ok(restored.Resubmit(Lead, clock.Next(), Input()));

        Assert.Equal(WorkflowState.Resubmitted, restored.State);
        Assert.Equal(WorkflowState.InformationRequested, w.State);
        Assert.Equal(w.History, restored.History.Take(w.History.Count));
    }

    [Fact]
    public void The_answer_is_due_five_business_days_after_the_latest_submission_in_the_office_time_zone()
    {
        var newYork = TimeZoneInfo.FindSystemTimeZoneById("America/New_York");
        var w = new ApplicationWorkflow("app-1");
        Assert.Null(w.AnswerDue(BusinessCalendar.UnitedStates, newYork));

        // Saturday 28 November 03:00 UTC is still Friday 27 November in New York
        Ok(w.Submit(Lead, new DateTimeOffset(2026, 11, 28, 3, 0, 0, TimeSpan.Zero), Input()));

        Assert.Equal(new DateOnly(2026, 12, 4), w.AnswerDue(BusinessCalendar.UnitedStates, newYork));
        Assert.Equal(new DateOnly(2026, 12, 7), w.AnswerDue(BusinessCalendar.UnitedStates, TimeZoneInfo.Utc));
        Ok(w.StartReview(Office, new DateTimeOffset(2026, 11, 30, 15, 0, 0, TimeSpan.Zero)));
        Assert.NotNull(w.AnswerDue(BusinessCalendar.UnitedStates, newYork));
        Ok(w.RequestInformation(Office, new DateTimeOffset(2026, 11, 30, 16, 0, 0, TimeSpan.Zero), new MessageDraft("Which region hosts the DR copy?")));
        Assert.Null(w.AnswerDue(BusinessCalendar.UnitedStates, newYork)); // answered: the ball is with the partner
    }
}
