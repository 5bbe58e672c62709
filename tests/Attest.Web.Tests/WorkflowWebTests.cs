using System.Net;
using Attest.Core.Workflow;
using Attest.Web.Data;
using Attest.Web.Features.Workflow;
using Attest.Web.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Attest.Web.Tests;

/// <summary>The submission, review and audit pages on the real application and database, one fresh world per test.</summary>
public sealed class WorkflowWebTests : IAsyncLifetime
{
    private readonly World world = new();

    private Guid A => world.ApplicationA;

    public Task InitializeAsync() => world.InitializeAsync();

    public Task DisposeAsync() => world.DisposeAsync();

    [Fact]
    public async Task Review_submission_information_request_resubmission_audit_and_validation_run_through_the_pages_and_the_trail_verifies()
    {
        await WorkflowSteps.MakeReadyAsync(world, A);

        // Review: the lead asks the partner's manager, who comments on an item and marks it done
        await WorkflowSteps.DoAsync(world, "leadA", $"/applications/{A}/review", "Request", ("reviewer", world.Users["manager"]));
        await WorkflowSteps.DoAsync(world, "manager", $"/applications/{A}/review", "Comment", ("item", "PRE-3.1"), ("text", "Link the practice page from the home page menu."));
        await WorkflowSteps.DoAsync(world, "manager", $"/applications/{A}/review", "Complete", ("summary", "Good to go."));
        var submitPage = await Html(world.Client("leadA"), $"/applications/{A}/submit");
        Assert.Contains("Reviewed by manager", submitPage, StringComparison.Ordinal);

        // A contributor sees the page but may not submit: the aggregate refuses and says who may
        var refused = await WorkflowSteps.PostAsync(world, "contributorA", $"/applications/{A}/submit", null);
        Assert.Equal(HttpStatusCode.OK, refused.StatusCode);
        Assert.Contains("only: alliance lead", await refused.Content.ReadAsStringAsync(), StringComparison.Ordinal);

        await WorkflowSteps.DoAsync(world, "leadA", $"/applications/{A}/submit", null, ("note", "Here we go"));
        var submitted = await WorkflowSteps.WorkflowAsync(world, A);
        Assert.Equal(WorkflowState.Submitted, submitted.State);
        Assert.Equal(1, submitted.CurrentVersion!.Number);
        Assert.True(submitted.CurrentVersion.IsIntact());
        Assert.Contains("Acme Retail Cloud", submitted.CurrentVersion.ApplicationText, StringComparison.Ordinal);

        // The office's queue: submitted on Thanksgiving (a US federal holiday), so five business days count from Friday
        var queue = await Html(world.Client("office"), "/office");
        Assert.Contains("Acme Retail Cloud", queue, StringComparison.Ordinal);
        Assert.Contains("2026-12-04", queue, StringComparison.Ordinal);
        Assert.Equal(new DateOnly(2026, 12, 4), await world.ReadAsync(db => db.Workflows.IgnoreQueryFiltersForTests().Where(w => w.ApplicationId == A).Select(w => w.AnswerDue).SingleAsync()));

        var office = $"/applications/{A}/office";
        await WorkflowSteps.DoAsync(world, "office", office, "StartReview");
        await WorkflowSteps.DoAsync(world, "office", office, "RequestInformation", ("text", "Which stores run the replenishment?"), ("items", "VAL-2.4 pre-3.1"));
        var thread = await Html(world.Client("leadA"), $"/applications/{A}/thread");
        Assert.Contains("Which stores run the replenishment?", thread, StringComparison.Ordinal);
        Assert.Contains("VAL-2.4, PRE-3.1", thread, StringComparison.Ordinal);
        await WorkflowSteps.DoAsync(world, "contributorA", $"/applications/{A}/thread", null, ("text", "All 240 stores since March."));

        // Changing the application and submitting again makes version 2, and the change shows item by item
        await world.ReadAsync(async db =>
        {
            var entry = await db.SelfAssessment.IgnoreQueryFiltersForTests().SingleAsync(s => s.ApplicationId == A && s.ItemId == "VAL-2.4");
            entry.Note = "Rolled out to all 240 stores in March 2026.";
            return await db.SaveChangesAsync();
        });
        await WorkflowSteps.DoAsync(world, "leadA", $"/applications/{A}/submit", null);
        var resubmitted = await WorkflowSteps.WorkflowAsync(world, A);
        Assert.Equal(WorkflowState.Resubmitted, resubmitted.State);
        Assert.Equal(2, resubmitted.Versions.Count);
        var changes = await Html(world.Client("office"), $"/applications/{A}/versions/2/changes");
        Assert.Contains("VAL-2.4", changes, StringComparison.Ordinal);
        Assert.Contains("Rolled out to all 240 stores in March 2026.", changes, StringComparison.Ordinal);
        Assert.Contains("submission-package", await Html(world.Client("leadA"), $"/applications/{A}/versions/2"), StringComparison.Ordinal);

        // The office's review stays started: the resubmission is scheduled without "start the review" again
        var officePage = await Html(world.Client("office"), office);
        Assert.DoesNotContain("Start the review", officePage, StringComparison.Ordinal);
        Assert.Contains("Schedule the audit", officePage, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, (await WorkflowSteps.PostAsync(world, "office", office, "StartReview")).StatusCode);
        Assert.Equal(WorkflowState.Resubmitted, (await WorkflowSteps.WorkflowAsync(world, A)).State);
        await WorkflowSteps.DoAsync(world, "office", office, "Schedule", WorkflowSteps.Plan(world, "auditor", "Ada Architect, leadA@example.test, certified-architect-or-engineer"));
        Assert.Contains("Acme Retail Cloud", await Html(world.Client("auditor"), "/audits"), StringComparison.Ordinal);

        // Closing with cells unscored is refused, listing them
        await WorkflowSteps.DoAsync(world, "auditor", $"/audits/{A}", "Start");
        var early = await WorkflowSteps.PostAsync(world, "auditor", $"/audits/{A}", "Close");
        Assert.Equal(HttpStatusCode.OK, early.StatusCode);
        Assert.Contains("cells are unscored", await early.Content.ReadAsStringAsync(), StringComparison.Ordinal);

        await WorkflowSteps.ScoreAllAsync(world, A);
        await WorkflowSteps.DoAsync(world, "auditor", $"/audits/{A}", "Close");
        await WorkflowSteps.DoAsync(world, "office", office, "Decide", ("outcome", "validated"));
        var decided = await WorkflowSteps.WorkflowAsync(world, A);
        Assert.Equal(WorkflowState.Validated, decided.State);
        Assert.Contains("Submission and audit: validated", await Html(world.Client("leadA"), $"/applications/{A}"), StringComparison.Ordinal);

        // Every step is in the trail, in order, and the chain verifies
        var trail = await WorkflowSteps.TrailAsync(world);
        Assert.Equal(decided.History.Count, trail.Count);
        Assert.Equal(decided.History.Select(h => WorkflowActions.Names.Wire(h.Action)), trail.Select(e => e.Action));
        Assert.All(trail, e => Assert.Equal(A.ToString(), e.EntityId));
        Assert.True(AuditTrail.Verify(trail).Intact);

        // Notifications: the partner heard of the request and the decision, the office of the submissions and the reply
        var leadNotices = await Html(world.Client("leadA"), "/notifications");
        Assert.Contains("asks for more information", leadNotices, StringComparison.Ordinal);
        Assert.Contains("decision", leadNotices, StringComparison.Ordinal);
        Assert.Contains("answered in the information thread", await Html(world.Client("office"), "/notifications"), StringComparison.Ordinal);
        Assert.Contains("Audit of Acme Retail Cloud", await Html(world.Client("auditor"), "/notifications"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Submission_is_refused_while_a_prerequisite_is_not_met_and_lists_them()
    {
        var response = await WorkflowSteps.PostAsync(world, "leadA", $"/applications/{A}/submit", null);
        var html = await response.Content.ReadAsStringAsync();
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("cannot be submitted while these prerequisites are not met", html, StringComparison.Ordinal);
        Assert.Contains("PRE-1.1", html, StringComparison.Ordinal);
        Assert.Empty(await world.ReadAsync(db => db.Workflows.IgnoreQueryFiltersForTests().ToListAsync()));
        Assert.Empty(await WorkflowSteps.TrailAsync(world));
    }

    [Fact]
    public async Task Another_partners_user_the_office_before_submission_and_the_administrator_get_404()
    {
        foreach (var user in new[] { "leadB", "office", "admin", "auditor" })
        {
            var response = await WorkflowSteps.PostAsync(world, user, $"/applications/{A}/submit", null);
            Assert.True(response.StatusCode == HttpStatusCode.NotFound, $"{user}: {response.StatusCode}");
        }

        await WorkflowSteps.SubmitReadyAsync(world, A);
        foreach (var user in new[] { "leadB", "admin", "auditor" })
        {
            var response = await WorkflowSteps.PostAsync(world, user, $"/applications/{A}/office", "StartReview");
            Assert.True(response.StatusCode == HttpStatusCode.NotFound, $"{user}: {response.StatusCode}");
        }

        // The partner's own lead sees the application but not the office's page
        Assert.Equal(HttpStatusCode.NotFound, (await world.Client("leadA").GetAsync($"/applications/{A}/office")).StatusCode);
        Assert.Equal(WorkflowState.Submitted, (await WorkflowSteps.WorkflowAsync(world, A)).State);
    }

    [Fact]
    public async Task An_auditor_sees_only_the_audits_assigned_to_them()
    {
        await world.AddUserAsync("auditor2", UserRole.Auditor, null);
        await WorkflowSteps.ToAuditInProgressAsync(world, A);
        Assert.Equal(HttpStatusCode.OK, (await world.Client("auditor").GetAsync($"/audits/{A}")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await world.Client("auditor").GetAsync($"/applications/{A}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await world.Client("auditor").GetAsync($"/applications/{world.ApplicationB}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await world.Client("auditor2").GetAsync($"/audits/{A}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await world.Client("auditor2").GetAsync($"/applications/{A}")).StatusCode);
        Assert.DoesNotContain("Acme Retail Cloud", await Html(world.Client("auditor2"), "/audits"), StringComparison.Ordinal);
        var response = await WorkflowSteps.PostAsync(world, "auditor2", $"/audits/{A}", "Close");
        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    [Fact]
    public async Task A_failed_item_prevents_validation_and_shows_on_the_decision_page()
    {
        await WorkflowSteps.ToAuditInProgressAsync(world, A);
        await WorkflowSteps.ScoreAllAsync(world, A, failing: "VAL-1.2");
        await WorkflowSteps.DoAsync(world, "auditor", $"/audits/{A}", "Close");
        var office = $"/applications/{A}/office";
        Assert.Contains("VAL-1.2", await Html(world.Client("office"), office), StringComparison.Ordinal);

        var refused = await WorkflowSteps.PostAsync(world, "office", office, "Decide", ("outcome", "validated"));
        Assert.Equal(HttpStatusCode.OK, refused.StatusCode);
        Assert.Contains("cannot be validated", await refused.Content.ReadAsStringAsync(), StringComparison.Ordinal);

        await WorkflowSteps.DoAsync(world, "office", office, "Decide", ("outcome", "not-validated"), ("note", "VAL-1.2 was not shown."));
        var workflow = await WorkflowSteps.WorkflowAsync(world, A);
        Assert.Equal(WorkflowState.NotValidated, workflow.State);
        Assert.Equal(["VAL-1.2"], workflow.Decision!.FailingItems.Select(f => f.ItemId));
        Assert.True(AuditTrail.Verify(await WorkflowSteps.TrailAsync(world)).Intact);
    }

    [Fact]
    public async Task The_lead_withdraws_and_nothing_more_can_happen()
    {
        await WorkflowSteps.SubmitReadyAsync(world, A);
        await WorkflowSteps.DoAsync(world, "leadA", $"/applications/{A}/submit", "Withdraw", ("note", "Not this year."));
        Assert.Equal(WorkflowState.Withdrawn, (await WorkflowSteps.WorkflowAsync(world, A)).State);
        var refused = await WorkflowSteps.PostAsync(world, "office", $"/applications/{A}/office", "StartReview");
        Assert.Contains("Nobody may", await refused.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_reminder_goes_to_the_office_once_on_the_business_day_before_the_due_date()
    {
        await WorkflowSteps.SubmitReadyAsync(world, A);
        var reminder = world.Factory.Services.GetRequiredService<DueReminder>();

        // Due on Friday 4 December: nothing on Wednesday, the reminder on Thursday, and not twice
        Assert.Equal(0, await reminder.CheckAsync(new DateTimeOffset(2026, 12, 2, 12, 0, 0, TimeSpan.Zero), CancellationToken.None));
        Assert.Equal(1, await reminder.CheckAsync(new DateTimeOffset(2026, 12, 3, 8, 0, 0, TimeSpan.Zero), CancellationToken.None));
        Assert.Equal(0, await reminder.CheckAsync(new DateTimeOffset(2026, 12, 3, 9, 0, 0, TimeSpan.Zero), CancellationToken.None));
        await JobsTests.WaitForJobsAsync(world, ReminderJob.JobKind);
        Assert.Equal(0, await reminder.CheckAsync(new DateTimeOffset(2026, 12, 3, 10, 0, 0, TimeSpan.Zero), CancellationToken.None));
        var notices = await world.ReadAsync(db => db.Notifications.IgnoreQueryFiltersForTests().Where(n => n.Kind == "reminder").ToListAsync());
        Assert.Equal([world.Users["office"]], notices.Select(n => n.UserId));
        Assert.Contains("2026-12-04", notices[0].TextEn, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Notifications_are_private_and_marked_read()
    {
        await WorkflowSteps.SubmitReadyAsync(world, A);
        Assert.Contains("Notifications (1 unread)", await Html(world.Client("office"), "/"), StringComparison.Ordinal);
        Assert.DoesNotContain("submitted version 1", await Html(world.Client("leadA"), "/notifications"), StringComparison.Ordinal);
        await WorkflowSteps.DoAsync(world, "office", "/notifications", "Read");
        Assert.DoesNotContain("unread)", await Html(world.Client("office"), "/"), StringComparison.Ordinal);
        Assert.Contains("submitted version 1", await Html(world.Client("office"), "/notifications"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_snapshot_survives_storage_unchanged()
    {
        await WorkflowSteps.ToAuditInProgressAsync(world, A);
        var json = await world.ReadAsync(db => db.Workflows.IgnoreQueryFiltersForTests().Select(w => w.Snapshot).SingleAsync());
        Assert.Equal(json, SnapshotJson.Write(SnapshotJson.Read(json)));
        var workflow = ApplicationWorkflow.Restore(SnapshotJson.Read(json));
        Assert.Equal(WorkflowState.AuditInProgress, workflow.State);
        Assert.NotEmpty(workflow.Audit!.Cells);
    }

    [Fact]
    public async Task The_queue_puts_overdue_answers_first_and_counts_business_days_late()
    {
        await WorkflowSteps.SubmitReadyAsync(world, A);
        await WorkflowSteps.MakeReadyAsync(world, world.ApplicationB, "Beta Consulting");
        await WorkflowSteps.DoAsync(world, "leadB", $"/applications/{world.ApplicationB}/submit", null);

        // B's answer was due a week ago (as if submitted earlier): it comes first, with the business days it is late
        var due = new DateOnly(2026, 11, 19);
        await world.ReadAsync(db => db.Workflows.IgnoreQueryFiltersForTests().Where(w => w.ApplicationId == world.ApplicationB).ExecuteUpdateAsync(w => w.SetProperty(x => x.AnswerDue, due)));
        var queue = await Html(world.Client("office"), "/office");
        Assert.True(queue.IndexOf("Beta Consulting", StringComparison.Ordinal) < queue.IndexOf("Acme Retail Cloud", StringComparison.Ordinal), queue);
        var late = BusinessCalendar.UnitedStates.BusinessDaysOverdue(due, new DateOnly(2026, 11, 26));

        // The applications list shows the workflow's state, to the office too, and never another partner's application
        var officeHome = await Html(world.Client("office"), "/");
        Assert.Contains("Beta Consulting", officeHome, StringComparison.Ordinal);
        Assert.Contains("Acme Retail Cloud", officeHome, StringComparison.Ordinal);
        var leadHome = await Html(world.Client("leadA"), "/");
        Assert.Contains("<td>submitted</td>", leadHome, StringComparison.Ordinal);
        Assert.DoesNotContain("Beta Consulting", leadHome, StringComparison.Ordinal);
        Assert.Contains($"overdue by {late} business days", queue, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_pages_speak_french()
    {
        await WorkflowSteps.SubmitReadyAsync(world, A);
        using var client = world.Client("office");
        client.DefaultRequestHeaders.AcceptLanguage.ParseAdd("fr-FR");
        Assert.Contains("File du bureau du programme", await Html(client, "/office"), StringComparison.Ordinal);
        using var office = world.Client("office");
        office.DefaultRequestHeaders.AcceptLanguage.ParseAdd("fr");
        var page = await Html(office, $"/applications/{A}/office");
        Assert.Contains("Commencer l'examen", page, StringComparison.Ordinal);
        Assert.Contains("soumise", page, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Submission_freezes_the_hashes_of_the_library_files_attached_and_replies_attach_library_files()
    {
        var piece = await AddEvidenceAsync(world.PartnerA, "architecture.pdf", "%PDF-1.4 architecture\n");
        var other = await AddEvidenceAsync(world.PartnerB, "not-yours.pdf", "%PDF-1.4 other\n");
        await world.ReadAsync(async db =>
        {
            db.EvidenceLinks.Add(new EvidenceLink { Id = Guid.NewGuid(), EvidenceId = piece.Id, PartnerId = world.PartnerA, ApplicationId = A, CaseStudyKey = "contoso" });
            return await db.SaveChangesAsync();
        });
        await WorkflowSteps.SubmitReadyAsync(world, A);
        var version = (await WorkflowSteps.WorkflowAsync(world, A)).CurrentVersion!;
        Assert.Equal(piece.Sha256, version.EvidenceHashes["architecture.pdf"]);
        Assert.Contains(piece.Sha256!, await Html(world.Client("office"), $"/applications/{A}/versions/1"), StringComparison.Ordinal);

        var office = $"/applications/{A}/office";
        await WorkflowSteps.DoAsync(world, "office", office, "StartReview");
        await WorkflowSteps.DoAsync(world, "office", office, "RequestInformation", ("text", "Send the architecture."));

        // Another partner's file cannot be attached, whatever the form says
        var stolen = await WorkflowSteps.PostAsync(world, "leadA", $"/applications/{A}/thread", null, ("text", "Here."), ("attach", other.Id.ToString()));
        Assert.Equal(HttpStatusCode.NotFound, stolen.StatusCode);
        await WorkflowSteps.DoAsync(world, "leadA", $"/applications/{A}/thread", null, ("text", "Here it is."), ("attach", piece.Id.ToString()));
        var reply = (await WorkflowSteps.WorkflowAsync(world, A)).Thread[^1];
        Assert.Equal([new AttachmentReference(piece.Id.ToString(), "architecture.pdf", piece.Sha256!)], reply.Attachments);
        Assert.Contains("architecture.pdf", await Html(world.Client("office"), $"/applications/{A}/thread"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_schedule_with_a_bad_date_zone_auditor_or_attendee_is_refused_with_the_fields_named()
    {
        await WorkflowSteps.SubmitReadyAsync(world, A);
        var office = $"/applications/{A}/office";
        await WorkflowSteps.DoAsync(world, "office", office, "StartReview");
        var response = await WorkflowSteps.PostAsync(world, "office", office, "Schedule", ("Schedule.Date", "2026-13-40"), ("Schedule.Time", "25:00"), ("Schedule.Zone", "Paris"), ("Schedule.Duration", "180"), ("Schedule.Auditor", world.Users["leadA"]),
            ("Schedule.Attendees[0].Name", "Just A Name"), ("Schedule.Attendees[0].Email", "not-an-address"), ("Schedule.Attendees[0].Role", "chief"));
        var html = System.Net.WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        foreach (var (id, message) in new[]
        {
            ("schedule-auditor-error", "Choose an auditor from the list."),
            ("schedule-date-error", "Date: choose a day in the calendar."),
            ("schedule-time-error", "Start time: give hours from 00 to 23 and minutes from 00 to 59 (e.g. 14:00)."),
            ("schedule-zone-error", "Time zone: choose a zone from the list (region/city, e.g. Europe/Paris)."),
            ("attendee-0-email-error", "Attendee 1: give an e-mail address such as name@example.com."),
            ("attendee-0-role-error", "Attendee 1: choose the person's role at the audit."),
        })
        {
            Assert.Contains($"<p class=\"field-error\" id=\"{id}\">{message}</p>", html, StringComparison.Ordinal);
            Assert.Contains($"<li>{message}</li>", html, StringComparison.Ordinal);
        }

        // What was typed comes back in the form; the pickers are a date, a time and a list of IANA zones
        Assert.Contains("value=\"Just A Name\"", html, StringComparison.Ordinal);
        Assert.Contains("type=\"date\"", html, StringComparison.Ordinal);
        Assert.Contains("type=\"time\"", html, StringComparison.Ordinal);
        Assert.Contains("<option>Europe/Paris</option>", html, StringComparison.Ordinal);
        Assert.Contains("<option value=\"operations-lead\">operations lead</option>", html, StringComparison.Ordinal);

        // A zone or a time the form does not offer, in French: refused beside the field, in French
        using (var client = world.Client("office"))
        {
            client.DefaultRequestHeaders.Add("Accept-Language", "fr");
            var french = await World.PostFormAsync(client, "/", $"{office}?handler=Schedule", [new("Schedule.Date", "2026-12-10"), new("Schedule.Time", "9h"), new("Schedule.Zone", "Romance Standard Time"), new("Schedule.Duration", "180"), new("Schedule.Auditor", world.Users["auditor"])]);
            var text = System.Net.WebUtility.HtmlDecode(await french.Content.ReadAsStringAsync());
            Assert.Equal(HttpStatusCode.OK, french.StatusCode);
            Assert.Contains("<p class=\"field-error\" id=\"schedule-zone-error\">Fuseau horaire\u00A0: choisissez un fuseau dans la liste (région/ville, p. ex. Europe/Paris).</p>", text, StringComparison.Ordinal);
            Assert.Contains("<p class=\"field-error\" id=\"schedule-time-error\">Heure de début\u00A0: indiquez les heures de 00 à 23", text, StringComparison.Ordinal);
        }

        Assert.Equal(WorkflowState.InReview, (await WorkflowSteps.WorkflowAsync(world, A)).State);

        // In the past: the aggregate refuses
        var past = await WorkflowSteps.PostAsync(world, "office", office, "Schedule", ("Schedule.Date", "2026-11-20"), ("Schedule.Time", "10:00"), ("Schedule.Zone", "Europe/Paris"), ("Schedule.Duration", "180"), ("Schedule.Auditor", world.Users["auditor"]));
        Assert.Contains("must start after", await past.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(WorkflowState.InReview, (await WorkflowSteps.WorkflowAsync(world, A)).State);
    }

    private async Task<EvidenceRecord> AddEvidenceAsync(Guid partner, string name, string text)
    {
        using var scope = world.Factory.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<AttestDbContext>();
        var store = scope.ServiceProvider.GetRequiredService<Attest.Web.Infrastructure.EvidenceStore>();
        using var content = new MemoryStream(System.Text.Encoding.UTF8.GetBytes(text));
        var file = (await store.ReceiveAsync(content, 1024, CancellationToken.None))!;
        var piece = new EvidenceRecord { Id = Guid.NewGuid(), PartnerId = partner, Name = name, Sha256 = file.Sha256, Size = file.Size, ContentType = file.ContentType, AddedAt = world.Factory.Now };
        await store.CommitAsync(file, async () =>
        {
            db.Evidence.Add(piece);
            await db.SaveChangesAsync();
        }, CancellationToken.None);
        return piece;
    }

    private static async Task<string> Html(HttpClient client, string url)
    {
        using (client)
        {
            var response = await client.GetAsync(url);
            var html = await response.Content.ReadAsStringAsync();
            Assert.True(response.StatusCode == HttpStatusCode.OK, $"{url}: {(int)response.StatusCode}");
            return System.Net.WebUtility.HtmlDecode(html);
        }
    }
}
