using Attest.Core.Text;
using Attest.Core.Workflow;
using static Attest.Core.Tests.Workflow.WorkflowData;

namespace Attest.Core.Tests.Workflow;

/// <summary>Every situation × every action × every role: the allowed moves succeed and land where the table says; everything else is refused and changes nothing.</summary>
public class TransitionTableTests
{
    // The specification, written out by hand: (situation, action, role) → the state after. Anything absent is refused.
    private static readonly Dictionary<(Situation, WorkflowAction, Role), WorkflowState> Allowed = new()
    {
        [(Situation.Draft, WorkflowAction.RequestReview, Role.AllianceLead)] = WorkflowState.Draft,
        [(Situation.Draft, WorkflowAction.Submit, Role.AllianceLead)] = WorkflowState.Submitted,
        [(Situation.Draft, WorkflowAction.Withdraw, Role.AllianceLead)] = WorkflowState.Withdrawn,
        [(Situation.DraftUnderReview, WorkflowAction.CommentOnReview, Role.PartnerManager)] = WorkflowState.Draft,
        [(Situation.DraftUnderReview, WorkflowAction.CompleteReview, Role.PartnerManager)] = WorkflowState.Draft,
        [(Situation.DraftUnderReview, WorkflowAction.Submit, Role.AllianceLead)] = WorkflowState.Submitted,
        [(Situation.DraftUnderReview, WorkflowAction.Withdraw, Role.AllianceLead)] = WorkflowState.Withdrawn,
        [(Situation.Submitted, WorkflowAction.StartReview, Role.ProgramOffice)] = WorkflowState.InReview,
        [(Situation.Submitted, WorkflowAction.Withdraw, Role.AllianceLead)] = WorkflowState.Withdrawn,
        [(Situation.InReview, WorkflowAction.RequestInformation, Role.ProgramOffice)] = WorkflowState.InformationRequested,
        [(Situation.InReview, WorkflowAction.ScheduleAudit, Role.ProgramOffice)] = WorkflowState.AuditScheduled,
        [(Situation.InformationRequested, WorkflowAction.Reply, Role.AllianceLead)] = WorkflowState.InformationRequested,
        [(Situation.InformationRequested, WorkflowAction.Reply, Role.Contributor)] = WorkflowState.InformationRequested,
        [(Situation.InformationRequested, WorkflowAction.Resubmit, Role.AllianceLead)] = WorkflowState.Resubmitted,
        [(Situation.InformationRequested, WorkflowAction.Withdraw, Role.AllianceLead)] = WorkflowState.Withdrawn,
        [(Situation.Resubmitted, WorkflowAction.RequestInformation, Role.ProgramOffice)] = WorkflowState.InformationRequested,
        [(Situation.Resubmitted, WorkflowAction.ScheduleAudit, Role.ProgramOffice)] = WorkflowState.AuditScheduled,
        [(Situation.AuditScheduled, WorkflowAction.RescheduleAudit, Role.ProgramOffice)] = WorkflowState.AuditScheduled,
        [(Situation.AuditScheduled, WorkflowAction.StartAudit, Role.Auditor)] = WorkflowState.AuditInProgress,
        [(Situation.AuditInProgress, WorkflowAction.Score, Role.Auditor)] = WorkflowState.AuditInProgress,
        [(Situation.AuditInProgress, WorkflowAction.CloseAudit, Role.Auditor)] = WorkflowState.AuditInProgress,
        [(Situation.AuditClosed, WorkflowAction.Decide, Role.ProgramOffice)] = WorkflowState.Validated,
    };

    private static readonly Dictionary<Situation, WorkflowSnapshot> Snapshots = Enum.GetValues<Situation>().ToDictionary(s => s, s => Reach(s).ToSnapshot());

    private static readonly DateTimeOffset Later = Start.AddDays(1);

    public static TheoryData<Situation, WorkflowAction, Role> Cases()
    {
        var data = new TheoryData<Situation, WorkflowAction, Role>();
        foreach (var situation in Enum.GetValues<Situation>())
        {
            foreach (var action in Enum.GetValues<WorkflowAction>())
            {
                foreach (var role in Enum.GetValues<Role>())
                {
                    data.Add(situation, action, role);
                }
            }
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void Each_move_is_allowed_exactly_as_the_table_says(Situation situation, WorkflowAction action, Role role)
    {
        var workflow = ApplicationWorkflow.Restore(Snapshots[situation]);
        var before = workflow.ToSnapshot();
        var actor = ByRole[role];
        var shown = workflow.Allows(action, actor);

        var outcome = Invoke(workflow, action, actor, Later);

        if (Allowed.TryGetValue((situation, action, role), out var expected))
        {
            Assert.True(outcome.Succeeded, outcome.ToString());
            Assert.True(shown);
            Assert.Equal(expected, workflow.State);
            var last = workflow.History[^1];
            Assert.Equal(before.History.Count + 1, workflow.History.Count);
            Assert.Equal((action, actor.UserId, role, Later, before.State, expected), (last.Action, last.ActorId, last.Role, last.At, last.From, last.To));
        }
        else
        {
            Assert.False(outcome.Succeeded, $"{role} could {action} in {situation}");
            Assert.False(shown);
            var reason = outcome.Refusal!.Reason;
            Assert.False(string.IsNullOrWhiteSpace(reason.In(Language.En)));
            Assert.False(string.IsNullOrWhiteSpace(reason.In(Language.Fr)));
            Assert.NotEqual(reason.In(Language.En), reason.In(Language.Fr));
            var after = workflow.ToSnapshot();
            Assert.Equal(before.State, after.State);
            Assert.Equal(before.History, after.History);
            Assert.Equal(before.Versions, after.Versions);
            Assert.Equal(before.Thread, after.Thread);
            Assert.Equal(before.Reviews, after.Reviews);
            Assert.Same(before.Audit, after.Audit);
            Assert.Equal(before.Decision, after.Decision);
        }
    }

    [Fact]
    public void The_table_reaches_every_state()
    {
        var reached = Allowed.Values.Append(WorkflowState.Draft).Append(WorkflowState.NotValidated).ToHashSet();
        Assert.Equal(Enum.GetValues<WorkflowState>().ToHashSet(), reached);
        Assert.Equal(WorkflowState.NotValidated, Reach(Situation.NotValidated).State);
    }

    [Fact]
    public void A_refusal_for_the_wrong_role_names_who_may()
    {
        var outcome = Reach(Situation.Draft).Submit(Writer, Later, Input());

        Assert.Equal("As contributor you may not submit; only: alliance lead.", outcome.Refusal!.Reason.In(Language.En));
        Assert.Equal("En tant que contributeur, vous ne pouvez pas soumettre\u00A0; seulement\u00A0: responsable de l'alliance.", outcome.Refusal.Reason.In(Language.Fr));
    }

    [Fact]
    public void A_refusal_for_the_wrong_state_names_the_states_where_it_is_possible()
    {
        var outcome = Reach(Situation.InReview).Withdraw(Lead, Later);

        Assert.Equal("You cannot withdraw while the application is in review; this is possible when it is draft, submitted or information requested.", outcome.Refusal!.Reason.In(Language.En));
    }

    [Fact]
    public void A_final_state_refuses_everything_and_says_so()
    {
        var outcome = Reach(Situation.Validated).Withdraw(Lead, Later);

        Assert.Equal("Nobody may withdraw any more: the application is validated.", outcome.Refusal!.Reason.In(Language.En));
    }

    private static Outcome Invoke(ApplicationWorkflow w, WorkflowAction action, Actor actor, DateTimeOffset now) => action switch
    {
        WorkflowAction.RequestReview => w.RequestReview(actor, now, Manager.UserId, Manager.Name),
        WorkflowAction.CommentOnReview => w.CommentOnReview(actor, now, "VAL-2.4", "Add the failover test report."),
        WorkflowAction.CompleteReview => w.CompleteReview(actor, now, "Ready."),
        WorkflowAction.Submit => w.Submit(actor, now, Input()),
        WorkflowAction.StartReview => w.StartReview(actor, now),
        WorkflowAction.RequestInformation => w.RequestInformation(actor, now, new MessageDraft("Which runbooks were delivered?", ["VAL-2.6"])),
        WorkflowAction.Reply => w.Reply(actor, now, new MessageDraft("The runbook index is attached.")),
        WorkflowAction.Resubmit => w.Resubmit(actor, now, Input()),
        WorkflowAction.ScheduleAudit => w.ScheduleAudit(actor, now, Plan()),
        WorkflowAction.RescheduleAudit => w.RescheduleAudit(actor, now, Plan(new DateTimeOffset(2026, 12, 17, 14, 0, 0, TimeSpan.FromHours(1)))),
        WorkflowAction.StartAudit => w.StartAudit(actor, now),
        WorkflowAction.Score => w.Score(actor, now, "VAL-1.1", null, AuditScore.Met, "Deck shown."),
        WorkflowAction.CloseAudit => w.CloseAudit(actor, now),
        WorkflowAction.Decide => w.Decide(actor, now, DecisionOutcome.Validated),
        WorkflowAction.Withdraw => w.Withdraw(actor, now, "Not this year."),
        _ => throw new ArgumentOutOfRangeException(nameof(action)),
    };
}
