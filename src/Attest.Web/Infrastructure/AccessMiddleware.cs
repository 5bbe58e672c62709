using System.Security.Claims;
using Attest.Web.Data;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Attest.Web.Infrastructure;

/// <summary>
/// Works out once per request what the signed-in user may see, for the database filters and the pages; a browser session
/// whose user is locked, gone, or has a new security stamp is signed out here on its next request.
/// </summary>
public sealed class AccessMiddleware(RequestDelegate next)
{
    // Compiled once: read on every signed-in request. The notifications' filter is the reader's own user id, which the
    // access being worked out here does not hold yet: the count names the user itself.
    private static readonly Func<AttestDbContext, string, CancellationToken, Task<UserRow?>> UserRow = EF.CompileAsyncQuery(
        (AttestDbContext db, string id, CancellationToken _) => db.Users.AsNoTracking().Where(u => u.Id == id)
            .Select(u => new UserRow(
                new KnownUser(u.Id, u.Role, u.PartnerId, u.DisplayName),
                u.SecurityStamp,
                u.LockoutEnd,
                db.Notifications.IgnoreQueryFilters().Count(n => n.UserId == id && n.ReadAt == null)))
            .FirstOrDefault());

    /// <summary>The <see cref="HttpContext.Items"/> key under which an authentication handler leaves the <see cref="KnownUser"/> it read.</summary>
    public const string KnownUserKey = "attest:known-user";

    public async Task InvokeAsync(HttpContext context, CurrentAccess current, AttestDbContext db, TimeProvider clock, IOptions<IdentityOptions> identity)
    {
        var userId = context.User.FindFirstValue(ClaimTypes.NameIdentifier);
        if (userId is not null)
        {
            KnownUser? user;
            int? unread = null;
            if (context.Items.TryGetValue(KnownUserKey, out var known) && known is KnownUser k && k.UserId == userId)
            {
                // An authentication handler that has just read the user (the API token's) hands it over rather than having it read twice
                user = k;
            }
            else
            {
                // One statement: the user, and the unread count the page's header shows
                var row = await UserRow(db, userId, context.RequestAborted);
                user = row?.Known;
                unread = row?.Unread;

                // A browser session ends as soon as access does: a locked user, or a new security stamp (a new password or
                // role) against the one the cookie carries, is signed out on this very request, not half an hour later
                if (context.User.Identity?.AuthenticationType == IdentityConstants.ApplicationScheme
                    && (row is null || row.LockoutEnd > clock.GetUtcNow() || row.SecurityStamp != context.User.FindFirstValue(identity.Value.ClaimsIdentity.SecurityStampClaimType)))
                {
                    await context.SignOutAsync(IdentityConstants.ApplicationScheme);
                    context.User = new ClaimsPrincipal(new ClaimsIdentity());
                    user = null;
                }
            }

            if (user is not null)
            {
                var partners = user.Role switch
                {
                    UserRole.AllianceLead or UserRole.Contributor when user.PartnerId is { } own => [own],
                    UserRole.PartnerManager => await db.PartnerAssignments.AsNoTracking().Where(a => a.UserId == userId).Select(a => a.PartnerId).ToListAsync(context.RequestAborted),
                    _ => new List<Guid>(),
                };
                // An auditor sees the applications whose audit is assigned to them, and no other
                var audited = user.Role == UserRole.Auditor
                    ? await db.Workflows.IgnoreQueryFilters().AsNoTracking().Where(w => w.AuditorId == userId).Select(w => w.ApplicationId).ToListAsync(context.RequestAborted)
                    : [];
                current.Value = new Access
                {
                    UserId = userId,
                    DisplayName = user.DisplayName,
                    Role = user.Role,
                    OwnPartnerId = user.PartnerId,
                    PartnerIds = partners,
                    SeesSubmitted = user.Role == UserRole.ProgramOffice,
                    AuditedApplicationIds = audited,
                    UnreadNotifications = unread,
                };
            }
        }

        await next(context);
    }
}

/// <summary>The signed-in user's row as the middleware reads it, with their unread notifications.</summary>
internal sealed record UserRow(KnownUser Known, string? SecurityStamp, DateTimeOffset? LockoutEnd, int Unread);

/// <summary>What access needs to know of a user: their role and partner, and the name the pages show.</summary>
public sealed record KnownUser(string UserId, UserRole Role, Guid? PartnerId, string DisplayName);
