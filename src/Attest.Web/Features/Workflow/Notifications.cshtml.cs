using Attest.Web.Data;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Attest.Web.Features.Workflow;

/// <summary>The signed-in user's notifications, newest first (the query filter shows only their own).</summary>
public sealed class NotificationsModel(AttestDbContext db, CurrentAccess access, TimeProvider clock) : PageModel
{
    public const int Shown = 200;

    public IReadOnlyList<NotificationRecord> Items { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync()
    {
        if (access.Value.UserId is null)
        {
            return NotFound();
        }

        var rows = await db.Notifications.AsNoTracking().ToListAsync(HttpContext.RequestAborted);
        Items = rows.OrderByDescending(n => n.At).ThenBy(n => n.Id).Take(Shown).ToList();
        return Page();
    }

    public async Task<IActionResult> OnPostReadAsync()
    {
        if (access.Value.UserId is null)
        {
            return NotFound();
        }

        var now = clock.GetUtcNow();
        await db.Notifications.Where(n => n.ReadAt == null).ExecuteUpdateAsync(n => n.SetProperty(x => x.ReadAt, now), HttpContext.RequestAborted);
        return RedirectToPage();
    }
}
