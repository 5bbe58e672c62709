using System.Globalization;
using Attest.Core.Text;
using Attest.Core.Workflow;
using Attest.Web.Data;
using Attest.Web.Features.Workflow;
using Attest.Web.Infrastructure;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace Attest.Web.Features.Review;

/// <summary>The program office's actions on one application: start the review, request information, schedule the audit, decide.</summary>
public sealed class OfficeModel(WorkflowStore store, AttestDbContext db, RequestLanguage language, AttestOptions options, Catalogs catalogs) : WorkflowPageModel(store, db, language)
{
    public const int MaxLocationLength = 500;

    public sealed record Person(string Id, string Name, string Email);

    public IReadOnlyList<Person> Auditors { get; private set; } = [];

    public string DefaultZone => Store.Calendar.Zone.Id;

    /// <summary>The customers' names of the current version's case studies, by key (the failing items name them).</summary>
    public IReadOnlyDictionary<string, string> Customers { get; private set; } = new Dictionary<string, string>();

    /// <summary>Today in the office's zone, the earliest day the date picker offers.</summary>
    public string Today => Day(DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(Store.Now, Store.Calendar.Zone).DateTime));

    /// <summary>The scheduling form as posted, or filled from the audit already planned.</summary>
    [BindProperty]
    public ScheduleInput Schedule { get; set; } = new();

    public async Task<IActionResult> OnGetAsync()
    {
        if (!await LoadPageAsync())
        {
            return NotFound();
        }

        Schedule = ScheduleInput.From(Workflow.Audit?.Plan, DefaultZone);
        return Page();
    }

    public async Task<IActionResult> OnPostStartReviewAsync(string? note)
    {
        if (!await LoadPageAsync())
        {
            return NotFound();
        }

        return await ActAsync((actor, now) => Workflow.StartReview(actor, now, note), Nobody, $"/applications/{Id}/office");
    }

    public async Task<IActionResult> OnPostRequestInformationAsync(string? text, string? items)
    {
        if (!await LoadPageAsync())
        {
            return NotFound();
        }

        return await ActAsync(
            (actor, now) => Workflow.RequestInformation(actor, now, new MessageDraft(text ?? "", ItemList.Parse(items))),
            async () => (await PartnerPeopleAsync()).Select(u => new Notice(u, "information-requested", Texts.NoticeInformationRequested.With(PartnerName), $"/applications/{Id}/thread")).ToList(),
            $"/applications/{Id}/office");
    }

    public async Task<IActionResult> OnPostScheduleAsync(string? note, string? more)
    {
        if (!await LoadPageAsync())
        {
            return NotFound();
        }

        if (more is not null)
        {
            // "Add a person" without script: the same form again, one blank row more, nothing checked yet
            Schedule.Attendees.Add(new AttendeeInput());
            ModelState.Clear();
            return Page();
        }

        var plan = ReadPlan(Schedule);
        if (plan is null)
        {
            return Page();
        }

        var reschedule = Workflow.State == WorkflowState.AuditScheduled;
        return await ActAsync(
            (actor, now) => reschedule ? Workflow.RescheduleAudit(actor, now, plan, note) : Workflow.ScheduleAudit(actor, now, plan, note),
            () => InvitationsAsync(plan),
            $"/applications/{Id}/office");
    }

    public async Task<IActionResult> OnPostDecideAsync(string? outcome, string? note)
    {
        if (!await LoadPageAsync())
        {
            return NotFound();
        }

        if (!DecisionOutcomes.Names.TryParse(outcome ?? "", out var decided))
        {
            return BadRequest();
        }

        return await ActAsync(
            (actor, now) => Workflow.Decide(actor, now, decided, note),
            async () => (await PartnerPeopleAsync()).Select(u => new Notice(u, "decided", Texts.NoticeDecided.With(PartnerName, DecisionOutcomes.Names.Display(decided)), $"/applications/{Id}")).ToList(),
            $"/applications/{Id}/office");
    }

    private AuditPlan? ReadPlan(ScheduleInput input)
    {
        var language = Language.Value;
        var chosen = Auditors.FirstOrDefault(a => a.Id == input.Auditor);
        if (chosen is null)
        {
            ModelState.AddModelError("Schedule.Auditor", Texts.UnknownAuditor.In(language));
        }

        var dateOk = DateOnly.TryParseExact(input.Date?.Trim(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var day);
        if (!dateOk)
        {
            ModelState.AddModelError("Schedule.Date", Texts.BadAuditDate.In(language));
        }

        var timeOk = TimeOnly.TryParseExact(input.Time?.Trim(), ["HH:mm", "H:mm", "HH:mm:ss"], CultureInfo.InvariantCulture, DateTimeStyles.None, out var at);
        if (!timeOk)
        {
            ModelState.AddModelError("Schedule.Time", Texts.BadAuditTime.In(language));
        }

        var timeZone = IanaTimeZones.Find(input.Zone);
        if (timeZone is null)
        {
            ModelState.AddModelError("Schedule.Zone", Texts.BadZone.In(language));
        }

        DateTimeOffset? start = null;
        if (dateOk && timeOk && timeZone is not null)
        {
            start = AuditPlan.Resolve(day.ToDateTime(at), timeZone);
            if (start is null)
            {
                ModelState.AddModelError("Schedule.Time", Texts.BadDate.In(language));
            }
        }

        var durationOk = int.TryParse(input.Duration?.Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out var duration) && duration is >= 30 and <= 720;
        if (!durationOk)
        {
            ModelState.AddModelError("Schedule.Duration", Texts.BadDuration.In(language));
        }

        if (input.Location?.Length > MaxLocationLength)
        {
            ModelState.AddModelError("Schedule.Location", string.Format(CultureInfo.InvariantCulture, Texts.TooLong.In(language), Texts.Location.In(language), MaxLocationLength));
        }

        var people = new List<AuditAttendee>();
        var rows = input.Attendees.Where(r => !r.IsBlank).ToList();
        if (rows.Count > AuditPlan.MaxAttendees)
        {
            ModelState.AddModelError("Schedule.Attendees", string.Format(CultureInfo.InvariantCulture, Texts.TooManyAttendees.In(language), AuditPlan.MaxAttendees));
        }

        for (var i = 0; i < input.Attendees.Count && people.Count < AuditPlan.MaxAttendees; i++)
        {
            var row = input.Attendees[i];
            if (row.IsBlank)
            {
                continue;
            }

            var name = row.Name?.Trim() ?? "";
            var email = row.Email?.Trim() ?? "";
            if (name.Length is 0 or > 200)
            {
                ModelState.AddModelError($"Schedule.Attendees[{i}].Name", string.Format(CultureInfo.InvariantCulture, Texts.AttendeeName.In(language), i + 1));
            }

            if (email.Length is < 3 or > 254 || !email.Contains('@', StringComparison.Ordinal) || email.Any(char.IsWhiteSpace))
            {
                ModelState.AddModelError($"Schedule.Attendees[{i}].Email", string.Format(CultureInfo.InvariantCulture, Texts.AttendeeEmail.In(language), i + 1));
            }

            if (!AttendeeRoles.Names.TryParse(row.Role ?? "", out var role))
            {
                ModelState.AddModelError($"Schedule.Attendees[{i}].Role", string.Format(CultureInfo.InvariantCulture, Texts.AttendeeRole.In(language), i + 1));
                continue;
            }

            people.Add(new AuditAttendee(name, email, role));
        }

        if (!ModelState.IsValid)
        {
            return null;
        }

        return new AuditPlan
        {
            Start = start!.Value,
            TimeZoneId = timeZone!.Id,
            DurationMinutes = duration,
            AuditorId = chosen!.Id,
            AuditorName = chosen.Name,
            AuditorEmail = chosen.Email,
            Attendees = people,
            Location = string.IsNullOrWhiteSpace(input.Location) ? null : input.Location.Trim(),
        };
    }

    // The auditor and every attendee who is a user get a notification, and by e-mail the .ics invitation
    private async Task<IReadOnlyList<Notice>> InvitationsAsync(AuditPlan plan)
    {
        var audit = Workflow.Audit!;
        var zone = TimeZoneInfo.FindSystemTimeZoneById(plan.TimeZoneId);
        var office = await Db.Users.AsNoTracking().Where(u => u.Id == Actor!.UserId).Select(u => u.Email).FirstOrDefaultAsync(HttpContext.RequestAborted);
        var host = Uri.TryCreate(options.PublicUrl, UriKind.Absolute, out var url) ? url.Host : "attest.local";
        var context = new InvitationContext(Id.ToString(), PartnerName, Actor!.Name, office ?? "attest@" + host, host);
        var ics = AuditInvitation.Build(audit, zone, context, Store.Now, Language.Value);
        var attachment = new MailAttachment("audit.ics", "text/calendar; method=REQUEST; charset=utf-8", System.Text.Encoding.UTF8.GetBytes(ics));
        var emails = plan.Attendees.Select(a => a.Email.ToUpperInvariant()).ToList();
        var users = await Db.Users.AsNoTracking().Where(u => u.Id == plan.AuditorId || (u.NormalizedEmail != null && emails.Contains(u.NormalizedEmail))).Select(u => u.Id).ToListAsync(HttpContext.RequestAborted);
        var local = TimeZoneInfo.ConvertTime(plan.Start, zone).ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture);
        var text = Texts.NoticeAuditScheduled.With(PartnerName, local, plan.TimeZoneId);
        return users.Distinct().Select(u => new Notice(u, "audit-scheduled", text, u == plan.AuditorId ? $"/audits/{Id}" : $"/applications/{Id}", attachment)).ToList();
    }

    private async Task<bool> LoadPageAsync()
    {
        if (!await LoadAsync() || Actor!.Role != Role.ProgramOffice)
        {
            return false;
        }

        Customers = Workflow.Audit is { Closed: true } ? FrozenCustomers.Of(Workflow.CurrentVersion, catalogs) : new Dictionary<string, string>();
        Auditors = await Db.Users.AsNoTracking().Where(u => u.Role == UserRole.Auditor && u.Email != null)
            .Select(u => new Person(u.Id, u.DisplayName, u.Email!))
            .ToListAsync(HttpContext.RequestAborted);
        return true;
    }

    public LocalizedString OutcomeName(DecisionOutcome outcome) => DecisionOutcomes.Names.Display(outcome);
}

/// <summary>The audit scheduling form: date, time and IANA zone pickers, the auditor, and the attendees one row each.</summary>
public sealed class ScheduleInput
{
    /// <summary>The day, as the date picker posts it (<c>yyyy-MM-dd</c>).</summary>
    public string? Date { get; set; }

    /// <summary>The start time, as the time picker posts it (<c>HH:mm</c>).</summary>
    public string? Time { get; set; }

    /// <summary>An IANA time zone id from <see cref="IanaTimeZones.Ids"/>.</summary>
    public string? Zone { get; set; }

    /// <summary>Minutes, 30 to 720, as posted (checked by the page, so a bad value gets the page's own error).</summary>
    public string? Duration { get; set; } = "180";

    public string? Auditor { get; set; }

    public string? Location { get; set; }

    public List<AttendeeInput> Attendees { get; set; } = [];

    /// <summary>The form for <paramref name="plan"/> (null: a blank form in <paramref name="zone"/>).</summary>
    public static ScheduleInput From(AuditPlan? plan, string zone)
    {
        if (plan is null)
        {
            return new ScheduleInput { Zone = zone };
        }

        var local = OfficeCalendar.Local(plan.Start, plan.TimeZoneId);
        return new ScheduleInput
        {
            Date = local[..10],
            Time = local[11..],
            Zone = plan.TimeZoneId,
            Duration = plan.DurationMinutes.ToString(CultureInfo.InvariantCulture),
            Auditor = plan.AuditorId,
            Location = plan.Location,
            Attendees = [.. plan.Attendees.Select(a => new AttendeeInput { Name = a.Name, Email = a.Email, Role = AttendeeRoles.Names.Wire(a.Role) })],
        };
    }
}

/// <summary>One attendee row of the scheduling form; a row left blank is ignored.</summary>
public sealed class AttendeeInput
{
    public string? Name { get; set; }

    public string? Email { get; set; }

    /// <summary>The wire name of an <see cref="AttendeeRole"/>, chosen from a list.</summary>
    public string? Role { get; set; }

    public bool IsBlank => string.IsNullOrWhiteSpace(Name) && string.IsNullOrWhiteSpace(Email);
}
