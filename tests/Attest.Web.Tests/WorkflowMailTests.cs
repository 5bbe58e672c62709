using Attest.Web.Tests.Support;
using MimeKit;

namespace Attest.Web.Tests;

/// <summary>Workflow notifications by e-mail, read back from a real SMTP server on loopback.</summary>
public sealed class WorkflowMailTests(MailWorld mail) : IClassFixture<MailWorld>
{
    private World World => mail.World;

    [Fact]
    public async Task Submission_mails_the_office_and_scheduling_sends_the_invitation_to_the_auditor_and_attendees_who_are_users()
    {
        var a = World.ApplicationA;
        await WorkflowSteps.SubmitReadyAsync(World, a);
        var submitted = await mail.Smtp.NextAsync();
        Assert.Equal(["office@example.test"], submitted.To);
        Assert.StartsWith("[Attest] Acme Retail Cloud submitted version 1", submitted.Message.Subject, StringComparison.Ordinal);
        Assert.Contains($"{MailWorld.PublicUrl}/applications/{a}/office", submitted.Text, StringComparison.Ordinal);

        var office = $"/applications/{a}/office";
        await WorkflowSteps.DoAsync(World, "office", office, "StartReview");
        await WorkflowSteps.DoAsync(World, "office", office, "RequestInformation", ("text", "Please name the stores."));
        var requested = new[] { await mail.Smtp.NextAsync(), await mail.Smtp.NextAsync() };
        Assert.Equal(["contributorA@example.test", "leadA@example.test"], requested.SelectMany(m => m.To).Order(StringComparer.Ordinal));
        Assert.All(requested, m => Assert.Contains("asks for more information", m.Message.Subject, StringComparison.Ordinal));

        await WorkflowSteps.DoAsync(World, "leadA", $"/applications/{a}/thread", null, ("text", "All of them."));
        Assert.Equal(["office@example.test"], (await mail.Smtp.NextAsync()).To);
        await WorkflowSteps.DoAsync(World, "leadA", $"/applications/{a}/submit", null);
        Assert.Equal(["office@example.test"], (await mail.Smtp.NextAsync()).To);

        // One attendee is a user (the lead), one is not: the auditor and the lead get the invitation
        await WorkflowSteps.DoAsync(World, "office", office, "Schedule", WorkflowSteps.Plan(World, "auditor", "Ada Lead, leadA@example.test, business-development-lead\nOutside Person, outside@example.test, other"));
        var invited = new[] { await mail.Smtp.NextAsync(), await mail.Smtp.NextAsync() };
        Assert.Equal(["auditor@example.test", "leadA@example.test"], invited.SelectMany(m => m.To).Order(StringComparer.Ordinal));
        foreach (var message in invited)
        {
            var attachment = Assert.Single(message.Message.Attachments.OfType<MimePart>());
            Assert.Equal("audit.ics", attachment.FileName);
            Assert.Equal("text/calendar", attachment.ContentType.MimeType);
            using var content = new MemoryStream();
            await attachment.Content!.DecodeToAsync(content);
            var calendar = Ical.Net.Calendar.Load(System.Text.Encoding.UTF8.GetString(content.ToArray()))!;
            Assert.Equal("REQUEST", calendar.Method);
            var e = Assert.Single(calendar.Events);
            Assert.Equal("Europe/Paris", e.DtStart!.TzId);
            Assert.Equal(new DateTime(2026, 12, 10, 14, 0, 0), e.DtStart.Value);
            Assert.Contains(e.Attendees, x => x.Value!.ToString().Contains("outside@example.test", StringComparison.OrdinalIgnoreCase));
        }

        // Moving the audit sends the invitation again, as a new sequence of the same event
        await WorkflowSteps.DoAsync(World, "office", office, "Schedule", [.. WorkflowSteps.Plan(World, "auditor").Where(f => f.Item1 != "Schedule.Time"), ("Schedule.Time", "15:30")]);
        var moved = await mail.Smtp.NextAsync();
        Assert.Equal(["auditor@example.test"], moved.To);
        using (var content = new MemoryStream())
        {
            await moved.Message.Attachments.OfType<MimePart>().Single().Content!.DecodeToAsync(content);
            var e = Assert.Single(Ical.Net.Calendar.Load(System.Text.Encoding.UTF8.GetString(content.ToArray()))!.Events);
            Assert.Equal(1, e.Sequence);
            Assert.Equal(new DateTime(2026, 12, 10, 15, 30, 0), e.DtStart!.Value);
        }

        Assert.False(mail.Smtp.TryTake(out _));
    }
}
