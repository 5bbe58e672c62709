using System.Security.Claims;
using Attest.Web.Data;
using Microsoft.EntityFrameworkCore;

namespace Attest.Web.Infrastructure;

/// <summary>Works out once per request what the signed-in user may see, for the database filters and the pages.</summary>
public sealed class AccessMiddleware(RequestDelegate next)
{
    public async Task InvokeAsync(HttpContext context, CurrentAccess current, AttestDbContext db)
    {
        var userId = context.User.FindFirstValue(ClaimTypes.NameIdentifier);
        if (userId is not null)
        {
            var user = await db.Users.AsNoTracking().Where(u => u.Id == userId).Select(u => new { u.Role, u.PartnerId }).FirstOrDefaultAsync(context.RequestAborted);
            if (user is not null)
            {
                var partners = user.Role switch
                {
                    UserRole.AllianceLead or UserRole.Contributor when user.PartnerId is { } own => [own],
                    UserRole.PartnerManager => await db.PartnerAssignments.AsNoTracking().Where(a => a.UserId == userId).Select(a => a.PartnerId).ToListAsync(context.RequestAborted),
                    _ => new List<Guid>(),
                };
                current.Value = new Access
                {
                    UserId = userId,
                    Role = user.Role,
                    OwnPartnerId = user.PartnerId,
                    PartnerIds = partners,
                    SeesSubmitted = user.Role == UserRole.ProgramOffice,
                };
            }
        }

        await next(context);
    }
}
