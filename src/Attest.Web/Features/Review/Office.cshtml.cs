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
public sealed class OfficeModel(WorkflowStore store, AttestDbContext db, RequestLanguage language, AttestOptions options) : WorkflowPageModel(store, db, language)
{
    public const int MaxLocationLength = 500;

    public sealed record Person(string Id, string Name, string Email);

    public IReadOnlyList<Person> Auditors { get; private set; } = [];

    public string DefaultZone => Store.Calendar.Zone.Id;

    public async Task<IActionResult> OnGetAsync() => await LoadPageAsync() ? Page() : NotFound();

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

    public async Task<IActionResult> OnPostScheduleAsync(string? date, string? time, string? zone, int? duration, string? auditor, string? location, string? attendees, string? note)
    {
        if (!await LoadPageAsync())
        {
            return NotFound();
        }

        var plan = ReadPlan(date, time, zone, duration, auditor, location, attendees);
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

    private AuditPlan? ReadPlan(string? date, string? time, string? zone, int? duration, string? auditor, string? location, string? attendees)
    {
        var language = Language.Value;
        var chosen = Auditors.FirstOrDefault(a => a.Id == auditor);
        if (chosen is null)
        {
            ModelState.AddModelError("auditor", Texts.UnknownAuditor.In(language));
        }

        TimeZoneInfo? timeZone = null;
        DateTimeOffset? start = null;
        if (DateOnly.TryParseExact(date?.Trim(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var day)
            && TimeOnly.TryParseExact(time?.Trim(), ["HH:mm", "H:mm"], CultureInfo.InvariantCulture, DateTimeStyles.None, out var at)
            && !string.IsNullOrWhiteSpace(zone) && zone.Length <= 64 && TimeZoneInfo.TryFindSystemTimeZoneById(zone.Trim(), out timeZone))
        {
            start = AuditPlan.Resolve(day.ToDateTime(at), timeZone);
        }

        if (start is null)
        {
            ModelState.AddModelError("date", Texts.BadDate.In(language));
        }

        if (location?.Length > MaxLocationLength)
        {
            ModelState.AddModelError("location", string.Format(CultureInfo.InvariantCulture, Texts.TooLong.In(language), Texts.Location.In(language), MaxLocationLength));
        }

        var people = new List<AuditAttendee>();
        var lines = (attendees ?? "").Split('\n', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);
        for (var i = 0; i < lines.Length && i <= AuditPlan.MaxAttendees; i++)
        {
            var parts = lines[i].Split(',', StringSplitOptions.TrimEntries);
            if (parts.Length != 3 || !AttendeeRoles.Names.TryParse(parts[2], out var role))
            {
                ModelState.AddModelError("attendees", string.Format(CultureInfo.InvariantCulture, Texts.BadAttendee.In(language), i + 1));
                continue;
            }

            people.Add(new AuditAttendee(parts[0], parts[1], role));
        }

        if (!ModelState.IsValid)
        {
            return null;
        }

        return new AuditPlan
        {
            Start = start!.Value,
            TimeZoneId = timeZone!.Id,
            DurationMinutes = duration ?? 180,
            AuditorId = chosen!.Id,
            AuditorName = chosen.Name,
            AuditorEmail = chosen.Email,
            Attendees = people,
            Location = string.IsNullOrWhiteSpace(location) ? null : location.Trim(),
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

        Auditors = await Db.Users.AsNoTracking().Where(u => u.Role == UserRole.Auditor && u.Email != null)
            .Select(u => new Person(u.Id, u.DisplayName, u.Email!))
            .ToListAsync(HttpContext.RequestAborted);
        return true;
    }

    public LocalizedString OutcomeName(DecisionOutcome outcome) => DecisionOutcomes.Names.Display(outcome);
}
