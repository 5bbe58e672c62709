using System.Globalization;
using System.Text;
using Attest.Core.Text;

namespace Attest.Core.Workflow;

/// <summary>Who sends the invitation (the program office) and what it is about.</summary>
/// <param name="ApplicationId">The application: the UID is derived from it, so that every update of the audit replaces the same calendar entry.</param>
/// <param name="PartnerName">The partner, named in the summary.</param>
/// <param name="OrganizerName">The program office's display name.</param>
/// <param name="OrganizerEmail">The program office's address.</param>
/// <param name="UidDomain">The right-hand side of the UID (the installation's host name).</param>
public sealed record InvitationContext(string ApplicationId, string PartnerName, string OrganizerName, string OrganizerEmail, string UidDomain = "attest.local");

/// <summary>
/// Writes the iCalendar (RFC 5545) invitation of a scheduled audit: one VEVENT with METHOD:REQUEST, the organizer, the
/// auditor and every attendee, start and end in the audit's time zone (TZID, with a VTIMEZONE giving the offset in force
/// at that moment), the stamp in UTC, a UID stable per audit and a SEQUENCE that grows with each reschedule. Lines are
/// folded at 75 octets and end with CRLF.
/// </summary>
public static class AuditInvitation
{
    private static readonly Phrase Summary = new("AWS Retail Competency audit: {0}", "Audit de compétence AWS vente au détail : {0}");
    private static readonly Phrase Opening = new("The audit opens with the partner's presentation of at most {0} minutes (VAL-1.1).", "L'audit commence par la présentation du partenaire, de {0} minutes au plus (VAL-1.1).");
    private static readonly Phrase StartsUtc = new("Start: {0} ({1}), that is {2} UTC.", "Début : {0} ({1}), soit {2} UTC.");
    private static readonly Phrase AuditorLine = new("Auditor: {0}", "Auditeur : {0}");
    private static readonly Phrase AttendeeLine = new("{0}: {1}", "{0} : {1}");

    /// <summary>The UID of the audit's calendar entry: the same for every revision of the audit of one application.</summary>
    public static string Uid(InvitationContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        return $"audit-{context.ApplicationId}@{context.UidDomain}";
    }

    /// <summary>The <c>.ics</c> text for <paramref name="audit"/>; <paramref name="zone"/> is the time zone named by the plan, <paramref name="stamp"/> the moment the invitation is written.</summary>
    public static string Build(Audit audit, TimeZoneInfo zone, InvitationContext context, DateTimeOffset stamp, Language language)
    {
        ArgumentNullException.ThrowIfNull(audit);
        ArgumentNullException.ThrowIfNull(zone);
        ArgumentNullException.ThrowIfNull(context);
        var plan = audit.Plan;
        if (plan.TimeZoneId.Length == 0 || !plan.TimeZoneId.All(c => char.IsAsciiLetterOrDigit(c) || c is '/' or '_' or '-' or '+'))
        {
            throw new ArgumentException($"'{plan.TimeZoneId}' is not an IANA time zone id", nameof(audit));
        }

        var start = TimeZoneInfo.ConvertTime(plan.Start, zone);
        var end = TimeZoneInfo.ConvertTime(plan.End, zone);
        var ics = new StringBuilder();
        Line(ics, "BEGIN:VCALENDAR");
        Line(ics, "VERSION:2.0");
        Line(ics, "PRODID:-//Attest//Audit invitation//EN");
        Line(ics, "CALSCALE:GREGORIAN");
        Line(ics, "METHOD:REQUEST");
        Line(ics, "BEGIN:VTIMEZONE");
        Line(ics, "TZID:" + Text(plan.TimeZoneId));

        // One fixed offset valid for this event is a complete VTIMEZONE for it; a reschedule writes a new one
        var daylight = zone.IsDaylightSavingTime(start);
        Line(ics, daylight ? "BEGIN:DAYLIGHT" : "BEGIN:STANDARD");
        Line(ics, "DTSTART:19700101T000000");
        Line(ics, "TZOFFSETFROM:" + Offset(start.Offset));
        Line(ics, "TZOFFSETTO:" + Offset(start.Offset));
        Line(ics, daylight ? "END:DAYLIGHT" : "END:STANDARD");
        Line(ics, "END:VTIMEZONE");
        Line(ics, "BEGIN:VEVENT");
        Line(ics, "UID:" + Text(Uid(context)));
        Line(ics, "DTSTAMP:" + Utc(stamp));
        Line(ics, $"DTSTART;TZID={plan.TimeZoneId}:{Local(start)}");
        Line(ics, $"DTEND;TZID={plan.TimeZoneId}:{Local(end)}");
        Line(ics, "SEQUENCE:" + audit.Revision.ToString(CultureInfo.InvariantCulture));
        Line(ics, "STATUS:CONFIRMED");
        Line(ics, "SUMMARY:" + Text(Summary.With(context.PartnerName).In(language)));
        if (!string.IsNullOrWhiteSpace(plan.Location))
        {
            Line(ics, "LOCATION:" + Text(plan.Location));
        }

        Line(ics, "DESCRIPTION:" + Text(Description(plan, start, language)));
        Line(ics, $"ORGANIZER;CN={Param(context.OrganizerName)}:mailto:{Address(context.OrganizerEmail)}");
        Line(ics, $"ATTENDEE;CN={Param(plan.AuditorName)};ROLE=CHAIR;PARTSTAT=NEEDS-ACTION;RSVP=TRUE:mailto:{Address(plan.AuditorEmail)}");
        foreach (var a in plan.Attendees)
        {
            Line(ics, $"ATTENDEE;CN={Param(a.Name)};ROLE=REQ-PARTICIPANT;PARTSTAT=NEEDS-ACTION;RSVP=TRUE:mailto:{Address(a.Email)}");
        }

        Line(ics, "END:VEVENT");
        Line(ics, "END:VCALENDAR");
        return ics.ToString();
    }

    private static string Description(AuditPlan plan, DateTimeOffset localStart, Language language)
    {
        var lines = new List<string>
        {
            StartsUtc.With(localStart.ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture), plan.TimeZoneId, plan.Start.UtcDateTime.ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture)).In(language),
            Opening.With(plan.OpeningPresentationMinutes).In(language),
            AuditorLine.With(plan.AuditorName).In(language),
        };
        lines.AddRange(plan.Attendees.Select(a => AttendeeLine.With(AttendeeRoles.Names.Display(a.Role), a.Name).In(language)));
        return string.Join("\n", lines);
    }

    private static string Utc(DateTimeOffset moment) => moment.UtcDateTime.ToString("yyyyMMdd'T'HHmmss'Z'", CultureInfo.InvariantCulture);

    private static string Local(DateTimeOffset moment) => moment.ToString("yyyyMMdd'T'HHmmss", CultureInfo.InvariantCulture);

    private static string Offset(TimeSpan offset) =>
        (offset < TimeSpan.Zero ? "-" : "+") + offset.Duration().ToString("hhmm", CultureInfo.InvariantCulture);

    // TEXT values (RFC 5545 3.3.11): backslash, semicolon, comma and line breaks escaped; other control characters dropped
    private static string Text(string value)
    {
        var text = new StringBuilder(value.Length);
        foreach (var c in value.Replace("\r\n", "\n", StringComparison.Ordinal))
        {
            switch (c)
            {
                case '\\' or ';' or ',':
                    text.Append('\\').Append(c);
                    break;
                case '\n':
                    text.Append("\\n");
                    break;
                case var _ when char.IsControl(c):
                    break;
                default:
                    text.Append(c);
                    break;
            }
        }

        return text.ToString();
    }

    // Addresses go in a URI: nothing that could end the line or the value
    private static string Address(string email) => new(email.Where(c => !char.IsControl(c) && !char.IsWhiteSpace(c) && c is not ('"' or ';' or ',' or ':')).ToArray());

    // Parameter values (RFC 5545 3.2): quoted, with double quotes and control characters removed since they cannot be escaped
    private static string Param(string value) =>
        "\"" + new string(value.Where(c => c != '"' && !char.IsControl(c)).ToArray()) + "\"";

    // Content lines are folded at 75 octets without splitting a UTF-8 sequence; continuation lines start with a space
    private static void Line(StringBuilder ics, string line)
    {
        var width = 0;
        var limit = 75;
        for (var i = 0; i < line.Length; i++)
        {
            var size = char.IsHighSurrogate(line[i]) && i + 1 < line.Length ? Encoding.UTF8.GetByteCount(line.AsSpan(i, 2)) : Encoding.UTF8.GetByteCount(line.AsSpan(i, 1));
            if (width + size > limit)
            {
                ics.Append("\r\n ");
                width = 0;
                limit = 74; // the leading space counts
            }

            ics.Append(line[i]);
            if (size == 4)
            {
                ics.Append(line[++i]);
            }

            width += size;
        }

        ics.Append("\r\n");
    }
}
