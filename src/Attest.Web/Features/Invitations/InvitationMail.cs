using System.Globalization;
using Attest.Web.Data;
using Attest.Web.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Attest.Web.Features.Invitations;

/// <summary>When SMTP is configured, a new invitation's link also goes to the invitee by e-mail, in the inviter's language.</summary>
public static partial class InvitationMail
{
    /// <summary>
    /// Stores <paramref name="invitation"/> with a fresh secret, e-mails its link when SMTP is configured, and returns the
    /// link to show once (the response is marked not to be cached).
    /// </summary>
    public static async Task<IssuedLink> IssueAsync(AttestDbContext db, HttpContext context, Invitation invitation, string createdBy, DateTimeOffset now)
    {
        var token = InvitationToken.Issue(invitation, createdBy, now);
        db.Invitations.Add(invitation);
        await db.SaveChangesAsync(context.RequestAborted);
        context.Response.Headers.CacheControl = "no-store";
        return new IssuedLink(invitation.Email, InvitationToken.Link(context.Request, token), invitation.ExpiresAt, await SendAsync(context, invitation, token));
    }

    /// <summary>
    /// Whether an invitation to <paramref name="email"/> (compared without case) is still waiting to be accepted, whoever
    /// sent it: a second one is refused while the first is pending (revoke it first, or let it expire).
    /// </summary>
    public static async Task<bool> PendingForAsync(AttestDbContext db, string email, DateTimeOffset now, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(email);
        var address = email.Trim();
        var open = await db.Invitations.IgnoreQueryFilters().AsNoTracking()
            .Where(i => i.AcceptedAt == null)
            .Select(i => new { i.Email, i.ExpiresAt })
            .ToListAsync(cancellationToken);

        // Compared here, not in SQL: SQLite cannot compare DateTimeOffset values, and case folding differs between providers
        return open.Any(i => i.ExpiresAt > now && string.Equals(i.Email, address, StringComparison.OrdinalIgnoreCase));
    }

    /// <summary>Sends the link of <paramref name="invitation"/>: true when the server took it, false when it failed, null without SMTP.</summary>
    public static async Task<bool?> SendAsync(HttpContext context, Invitation invitation, string token)
    {
        var services = context.RequestServices;
        if (services.GetService<IMailSender>() is not { } mail)
        {
            return null;
        }

        var language = services.GetRequiredService<RequestLanguage>().Value;
        var link = services.GetRequiredService<AttestOptions>().PublicLink($"/invitations/{token}");
        var until = invitation.ExpiresAt.UtcDateTime.ToString("yyyy-MM-dd HH:mm 'UTC'", CultureInfo.InvariantCulture);
        var body = string.Format(CultureInfo.InvariantCulture, Texts.MailBody.In(language), Texts.RoleName(invitation.Role).In(language), until, link);
        try
        {
            await mail.SendAsync(new OutgoingMail(invitation.Email, Texts.MailSubject.In(language), body), context.RequestAborted);
            return true;
        }
        catch (Exception e) when (SmtpMailSender.IsDeliveryFailure(e))
        {
            LogFailed(services.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(InvitationMail)), invitation.Email, e.Message);
            return false;
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "The invitation e-mail to {To} could not be sent: {Reason}")]
    private static partial void LogFailed(ILogger logger, string to, string reason);
}
