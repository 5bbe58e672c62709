using Attest.Web.Data;
using Microsoft.EntityFrameworkCore;

namespace Attest.Web.Features.Workflow;

/// <summary>The header's unread count, read once per request: with the user by the access middleware, or here.</summary>
public sealed class UnreadNotifications(AttestDbContext db, CurrentAccess access)
{
    private int? count;

    public async Task<int> CountAsync()
    {
        if (access.Value.UserId is null)
        {
            return 0;
        }

        return count ??= access.Value.UnreadNotifications ?? await db.Notifications.CountAsync(n => n.ReadAt == null);
    }
}
