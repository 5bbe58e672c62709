using Attest.Web.Data;
using Attest.Web.Infrastructure;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Attest.Web.Features.Admin;

/// <summary>Which partners each partner manager sees: assigning and unassigning.</summary>
[AdministratorOnly]
public sealed class AssignmentsModel(AttestDbContext db, RequestLanguage language) : PageModel
{
    public sealed record Row(string UserId, string Manager, string Email, Guid PartnerId, string Partner);

    public IReadOnlyList<Row> Assignments { get; private set; } = [];

    public IReadOnlyList<(string Id, string Name)> Managers { get; private set; } = [];

    public IReadOnlyList<(Guid Id, string Name)> Partners { get; private set; } = [];

    [BindProperty]
    public string? ManagerId { get; set; }

    [BindProperty]
    public Guid? PartnerId { get; set; }

    /// <summary>The assignment whose removal waits for a confirmation (the confirm step, which works without script).</summary>
    public Row? Confirming { get; private set; }

    /// <summary>The list; with <paramref name="userId"/> and <paramref name="partnerId"/> of an assignment, the confirm step before unassigning it.</summary>
    public async Task<IActionResult> OnGetAsync(string? userId, Guid? partnerId)
    {
        await LoadAsync();
        if (userId is null && partnerId is null)
        {
            return Page();
        }

        Confirming = Assignments.FirstOrDefault(a => a.UserId == userId && a.PartnerId == partnerId);
        return Confirming is null ? NotFound() : Page();
    }

    public async Task<IActionResult> OnPostAssignAsync()
    {
        await LoadAsync();
        if (!Managers.Any(m => m.Id == ManagerId))
        {
            ModelState.AddModelError(nameof(ManagerId), language.T(Texts.ManagerRequired));
        }

        if (!Partners.Any(p => p.Id == PartnerId))
        {
            ModelState.AddModelError(nameof(PartnerId), language.T(Texts.PartnerRequired));
        }

        if (!ModelState.IsValid)
        {
            return Page();
        }

        if (!Assignments.Any(a => a.UserId == ManagerId && a.PartnerId == PartnerId))
        {
            db.PartnerAssignments.Add(new PartnerAssignment { UserId = ManagerId!, PartnerId = PartnerId!.Value });
            try
            {
                await db.SaveChangesAsync(HttpContext.RequestAborted);
            }
            catch (DbUpdateException)
            {
                // Assigned by someone else meanwhile (or the user or partner just went): show the page as it now is
                db.ChangeTracker.Clear();
            }
        }

        TempData["Notice"] = language.T(Texts.Assigned);
        return RedirectToPage();
    }

    /// <summary>Removes the assignment once confirmed (<paramref name="confirmed"/> is <c>yes</c>); otherwise shows the confirm step.</summary>
    public async Task<IActionResult> OnPostUnassignAsync(string userId, Guid partnerId, string? confirmed)
    {
        if (confirmed != "yes")
        {
            await LoadAsync();
            Confirming = Assignments.FirstOrDefault(a => a.UserId == userId && a.PartnerId == partnerId);
            return Confirming is null ? NotFound() : Page();
        }

        var removed = await db.PartnerAssignments.Where(a => a.UserId == userId && a.PartnerId == partnerId).ExecuteDeleteAsync(HttpContext.RequestAborted);
        if (removed == 0)
        {
            return NotFound();
        }

        TempData["Notice"] = language.T(Texts.Unassigned);
        return RedirectToPage();
    }

    private async Task LoadAsync()
    {
        var cancel = HttpContext.RequestAborted;
        var partners = await db.Partners.IgnoreQueryFilters().AsNoTracking().Select(p => new { p.Id, p.Name }).ToListAsync(cancel);
        var managers = await db.Users.AsNoTracking().Where(u => u.Role == UserRole.PartnerManager).Select(u => new { u.Id, u.DisplayName, u.Email }).ToListAsync(cancel);
        var assignments = await db.PartnerAssignments.AsNoTracking().ToListAsync(cancel);
        var partnerNames = partners.ToDictionary(p => p.Id, p => p.Name);
        var assigned = assignments.Select(a => a.UserId).Distinct().ToList();
        var users = await db.Users.AsNoTracking().Where(u => assigned.Contains(u.Id)).Select(u => new { u.Id, u.DisplayName, u.Email }).ToDictionaryAsync(u => u.Id, cancel);

        Partners = partners.Select(p => (p.Id, p.Name)).OrderBy(p => p.Name, StringComparer.OrdinalIgnoreCase).ToList();
        Managers = managers.Select(m => (m.Id, Name: m.DisplayName.Length > 0 ? $"{m.DisplayName} ({m.Email})" : m.Email ?? m.Id)).OrderBy(m => m.Name, StringComparer.OrdinalIgnoreCase).ToList();
        Assignments = assignments
            .Where(a => users.ContainsKey(a.UserId) && partnerNames.ContainsKey(a.PartnerId))
            .Select(a => new Row(a.UserId, users[a.UserId].DisplayName, users[a.UserId].Email ?? "", a.PartnerId, partnerNames[a.PartnerId]))
            .OrderBy(r => r.Manager, StringComparer.OrdinalIgnoreCase)
            .ThenBy(r => r.Partner, StringComparer.OrdinalIgnoreCase)
            .ToList();
    }
}
