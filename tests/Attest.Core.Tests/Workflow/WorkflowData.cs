using Attest.Core.Applications;
using Attest.Core.Readiness;
using Attest.Core.Workflow;

namespace Attest.Core.Tests.Workflow;

/// <summary>People, inputs and ready-made situations for the workflow tests.</summary>
internal static class WorkflowData
{
    public static readonly DateTimeOffset Start = new(2026, 11, 23, 9, 0, 0, TimeSpan.Zero);

    public static readonly Actor Lead = new("lead-1", "Alice Martin", Role.AllianceLead);
    public static readonly Actor Writer = new("contrib-1", "Bruno Petit", Role.Contributor);
    public static readonly Actor Manager = new("pm-1", "Chloé Durand", Role.PartnerManager);
    public static readonly Actor Office = new("po-1", "Program Office", Role.ProgramOffice);
    public static readonly Actor Auditor = new("auditor-1", "Dana Auditor", Role.Auditor);
    public static readonly Actor Admin = new("admin-1", "Eve Admin", Role.Administrator);

    /// <summary>One actor per role; the partner manager is the reviewer asked and the auditor is the one assigned.</summary>
    public static readonly IReadOnlyDictionary<Role, Actor> ByRole = new Dictionary<Role, Actor>
    {
        [Role.AllianceLead] = Lead,
        [Role.Contributor] = Writer,
        [Role.PartnerManager] = Manager,
        [Role.ProgramOffice] = Office,
        [Role.Auditor] = Auditor,
        [Role.Administrator] = Admin,
    };

    private static readonly Lazy<ReadinessReport> ReadyReport = new(() => ReadinessEngine.Evaluate(TestData.Ready(), TestData.Retail, TestData.AsOf));

    public static ReadinessReport Report => ReadyReport.Value;

    public static Dictionary<string, string> Hashes => new()
    {
        ["docs/evidence.pdf"] = new string('a', 64),
        ["iac/contoso/template.yaml"] = new string('b', 64),
    };

    public static SubmissionInput Input(Application? application = null) =>
        new(application is null ? Report : ReadinessEngine.Evaluate(application, TestData.Retail, TestData.AsOf), Hashes);

    public static AuditPlan Plan(DateTimeOffset? start = null) => new()
    {
        Start = start ?? new DateTimeOffset(2026, 12, 10, 9, 0, 0, TimeSpan.FromHours(1)),
        TimeZoneId = "Europe/Paris",
        DurationMinutes = 240,
        AuditorId = Auditor.UserId,
        AuditorName = Auditor.Name,
        AuditorEmail = "dana@audit.example",
        Location = "https://meet.example/audit-42",
        Attendees =
        [
            new AuditAttendee("Farid Benali", "farid@acme.example", AttendeeRole.CertifiedArchitectOrEngineer),
            new AuditAttendee("Gaëlle Roux", "gaelle@acme.example", AttendeeRole.OperationsLead),
            new AuditAttendee("Hugo Lenoir", "hugo@acme.example", AttendeeRole.BusinessDevelopmentLead),
        ],
    };

    /// <summary>A clock for a test: each call is one minute after the previous.</summary>
    public sealed class Clock
    {
        private DateTimeOffset now = Start;

        public DateTimeOffset Next() => now = now.AddMinutes(1);
    }

    public static void Ok(Outcome outcome) => Assert.True(outcome.Succeeded, outcome.ToString());

    /// <summary>Drives a new workflow to a named situation (a state, sometimes with a detail that matters for the guards).</summary>
    public static ApplicationWorkflow Reach(Situation situation, Clock? clock = null)
    {
        clock ??= new Clock();
        var w = new ApplicationWorkflow("app-42");
        if (situation == Situation.Draft)
        {
            return w;
        }

        Ok(w.RequestReview(Lead, clock.Next(), Manager.UserId, Manager.Name));
        if (situation == Situation.DraftUnderReview)
        {
            return w;
        }

        Ok(w.CompleteReview(Manager, clock.Next(), "Looks ready."));
        Ok(w.Submit(Lead, clock.Next(), Input()));
        if (situation == Situation.Submitted)
        {
            return w;
        }

        if (situation == Situation.Withdrawn)
        {
            Ok(w.Withdraw(Lead, clock.Next()));
            return w;
        }

        Ok(w.StartReview(Office, clock.Next()));
        if (situation == Situation.InReview)
        {
            return w;
        }

        if (situation is Situation.InformationRequested or Situation.Resubmitted)
        {
            Ok(w.RequestInformation(Office, clock.Next(), new MessageDraft("Please describe the failover test of VAL-2.4.", ["VAL-2.4"])));
            if (situation == Situation.Resubmitted)
            {
                Ok(w.Reply(Writer, clock.Next(), new MessageDraft("Test report attached.", ["VAL-2.4"], [new AttachmentReference("file-9", "failover.pdf", new string('c', 64))])));
                Ok(w.Resubmit(Lead, clock.Next(), Input()));
            }

            return w;
        }

        Ok(w.ScheduleAudit(Office, clock.Next(), Plan()));
        if (situation == Situation.AuditScheduled)
        {
            return w;
        }

        Ok(w.StartAudit(Auditor, clock.Next()));
        foreach (var cell in w.Audit!.Cells)
        {
            Ok(w.Score(Auditor, clock.Next(), cell.ItemId, cell.CaseStudyKey, AuditScore.Met, "Seen."));
        }

        if (situation == Situation.AuditInProgress)
        {
            return w;
        }

        Ok(w.CloseAudit(Auditor, clock.Next()));
        if (situation == Situation.AuditClosed)
        {
            return w;
        }

        if (situation == Situation.Validated)
        {
            Ok(w.Decide(Office, clock.Next(), DecisionOutcome.Validated));
        }
        else
        {
            Ok(w.Decide(Office, clock.Next(), DecisionOutcome.NotValidated, "Evidence judged insufficient on review."));
        }

        return w;
    }
}

/// <summary>The situations the transition table covers: every state, Draft with and without an open review, and the audit before and after closing.</summary>
public enum Situation
{
    Draft,
    DraftUnderReview,
    Submitted,
    InReview,
    InformationRequested,
    Resubmitted,
    AuditScheduled,
    AuditInProgress,
    AuditClosed,
    Validated,
    NotValidated,
    Withdrawn,
}
