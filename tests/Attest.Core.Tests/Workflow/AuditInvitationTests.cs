using System.Text;
using Attest.Core.Text;
using Attest.Core.Workflow;
using static Attest.Core.Tests.Workflow.WorkflowData;

namespace Attest.Core.Tests.Workflow;

public class AuditInvitationTests
{
    private static readonly TimeZoneInfo Paris = TimeZoneInfo.FindSystemTimeZoneById("Europe/Paris");
    private static readonly InvitationContext Context = new("app-42", "Acme; Retail, Cloud", "AWS Program Office", "retail-competency@aws.example", "attest.example");
    private static readonly DateTimeOffset Stamp = new(2026, 11, 26, 10, 15, 0, TimeSpan.Zero);

    private static Audit Scheduled(out ApplicationWorkflow workflow)
    {
        var clock = new Clock();
        workflow = Reach(Situation.AuditScheduled, clock);
        return workflow.Audit!;
    }

    private static Ical.Net.CalendarComponents.CalendarEvent ParseSingleEvent(string ics)
    {
        var calendar = Ical.Net.Calendar.Load(ics)!;
        Assert.Equal("REQUEST", calendar.Method);
        return Assert.Single(calendar.Events);
    }

    [Fact]
    public void The_invitation_parses_back_with_its_time_zone_people_and_texts()
    {
        var audit = Scheduled(out _);

        var ics = AuditInvitation.Build(audit, Paris, Context, Stamp, Language.Fr);
        var e = ParseSingleEvent(ics);

        Assert.Equal("audit-app-42@attest.example", e.Uid);
        Assert.Equal(0, e.Sequence);
        Assert.Equal("Europe/Paris", e.DtStart!.TzId);
        Assert.Equal(new DateTime(2026, 12, 10, 9, 0, 0), e.DtStart.Value);
        Assert.Equal(new DateTime(2026, 12, 10, 8, 0, 0, DateTimeKind.Utc), e.DtStart.AsUtc);
        Assert.Equal(new DateTime(2026, 12, 10, 12, 0, 0, DateTimeKind.Utc), e.DtEnd!.AsUtc);
        Assert.Equal(new DateTime(2026, 11, 26, 10, 15, 0, DateTimeKind.Utc), e.DtStamp!.AsUtc);
        Assert.Equal("Audit de compétence AWS vente au détail\u00A0: Acme; Retail, Cloud", e.Summary);
        Assert.Equal("https://meet.example/audit-42", e.Location);
        Assert.Contains("au plus (VAL-1.1)", e.Description, StringComparison.Ordinal);
        Assert.Contains("soit 2026-12-10 08:00 UTC", e.Description, StringComparison.Ordinal);
        Assert.Contains("responsable des opérations\u00A0: Gaëlle Roux", e.Description!.Split('\n'));
        Assert.Equal("mailto:retail-competency@aws.example", e.Organizer!.Value!.ToString());
        Assert.Equal("AWS Program Office", e.Organizer.CommonName);
        Assert.Equal(
            ["mailto:dana@audit.example", "mailto:farid@acme.example", "mailto:gaelle@acme.example", "mailto:hugo@acme.example"],
            e.Attendees.Select(a => a.Value!.ToString()));
        Assert.Equal("Gaëlle Roux", e.Attendees[2].CommonName);
        Assert.Equal("CHAIR", e.Attendees[0].Role);
    }

    [Fact]
    public void A_reschedule_keeps_the_uid_and_raises_the_sequence()
    {
        var audit = Scheduled(out var workflow);
        var first = ParseSingleEvent(AuditInvitation.Build(audit, Paris, Context, Stamp, Language.En));

        Ok(workflow.RescheduleAudit(Office, Start.AddDays(1), Plan(new DateTimeOffset(2027, 4, 1, 14, 0, 0, TimeSpan.FromHours(2)))));
        var second = ParseSingleEvent(AuditInvitation.Build(workflow.Audit!, Paris, Context, Stamp.AddDays(1), Language.En));

        Assert.Equal(first.Uid, second.Uid);
        Assert.Equal(1, second.Sequence);
        Assert.Equal(new DateTime(2027, 4, 1, 14, 0, 0), second.DtStart!.Value); // summer time in Paris
        Assert.Equal(new DateTime(2027, 4, 1, 12, 0, 0, DateTimeKind.Utc), second.DtStart.AsUtc);
    }

    [Fact]
    public void Lines_end_with_crlf_and_are_folded_at_75_octets_without_splitting_characters()
    {
        var scheduled = Scheduled(out _);
        var audit = scheduled with { Plan = scheduled.Plan with { Location = "Salle « Éléphant » — 3ᵉ étage, bâtiment Œ, 🏬 " + new string('é', 120) } };

        var ics = AuditInvitation.Build(audit, Paris, Context, Stamp, Language.Fr);

        Assert.DoesNotContain("\n", ics.Replace("\r\n", "", StringComparison.Ordinal), StringComparison.Ordinal);
        var lines = ics.Split("\r\n");
        Assert.All(lines, l => Assert.True(Encoding.UTF8.GetByteCount(l) <= 75, l));
        Assert.Contains(lines, l => l.StartsWith(' '));
        var unfolded = ics.Replace("\r\n ", "", StringComparison.Ordinal);
        Assert.Contains("LOCATION:Salle « Éléphant » — 3ᵉ étage\\, bâtiment Œ\\, 🏬 " + new string('é', 120) + "\r\n", unfolded, StringComparison.Ordinal);
        Assert.Equal(audit.Plan.Location, ParseSingleEvent(ics).Location);
    }

    [Fact]
    public void Names_cannot_break_out_of_their_parameter()
    {
        var scheduled = Scheduled(out _);
        var audit = scheduled with { Plan = scheduled.Plan with { AuditorName = "Dana \"X\";ROLE=OPT-PARTICIPANT:mailto:evil@example" } };

        var e = ParseSingleEvent(AuditInvitation.Build(audit, Paris, Context, Stamp, Language.En));

        Assert.Equal("mailto:dana@audit.example", e.Attendees[0].Value!.ToString());
        Assert.Equal("CHAIR", e.Attendees[0].Role);
    }

    [Fact]
    public void An_organizer_address_with_a_line_break_cannot_add_a_property()
    {
        var audit = Scheduled(out _);
        var context = Context with { OrganizerEmail = "po@aws.example\r\nATTENDEE:mailto:evil@example" };

        var ics = AuditInvitation.Build(audit, Paris, context, Stamp, Language.En);

        Assert.DoesNotContain("\r\nATTENDEE:mailto:evil", ics, StringComparison.Ordinal);
        Assert.Equal(4, ParseSingleEvent(ics).Attendees.Count);
    }
}
