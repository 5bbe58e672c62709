using Attest.Web.Data;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Attest.Web.Features.Admin;

/// <summary>Every user with their role, partner and whether they may sign in.</summary>
[AdministratorOnly]
public sealed class UsersModel(AttestDbContext db, TimeProvider clock) : PageModel
{
    public sealed record Row(string Id, string Name, string Email, UserRole Role, string? Partner, bool Locked);

    public IReadOnlyList<Row> Users { get; private set; } = [];

    public async Task OnGetAsync()
    {
        var partners = await db.Partners.IgnoreQueryFilters().AsNoTracking().ToDictionaryAsync(p => p.Id, p => p.Name, HttpContext.RequestAborted);
        var users = await db.Users.AsNoTracking().Select(u => new { u.Id, u.DisplayName, u.Email, u.Role, u.PartnerId, u.LockoutEnd }).ToListAsync(HttpContext.RequestAborted);
        var now = clock.GetUtcNow();

        // Dates are compared here, not in SQL: SQLite cannot compare DateTimeOffset values
        Users = users
            .Select(u => new Row(u.Id, u.DisplayName, u.Email ?? "", u.Role, u.PartnerId is { } p ? partners.GetValueOrDefault(p) : null, u.LockoutEnd > now))
            .OrderBy(u => u.Name, StringComparer.OrdinalIgnoreCase)
            .ThenBy(u => u.Email, StringComparer.OrdinalIgnoreCase)
            .ToList();
    }
}
