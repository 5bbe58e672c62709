using Attest.Web.Data;
using Attest.Web.Infrastructure;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Attest.Web.Features.Admin;

/// <summary>Every partner, how many users and partner managers it has, and adding one.</summary>
[AdministratorOnly]
public sealed class PartnersModel(AttestDbContext db, RequestLanguage language, TimeProvider clock) : PageModel
{
    public sealed record Row(Guid Id, string Name, int Users, int Managers);

    public IReadOnlyList<Row> Partners { get; private set; } = [];

    [BindProperty]
    public string? Name { get; set; }

    public async Task OnGetAsync() => await LoadAsync();

    public async Task<IActionResult> OnPostAsync()
    {
        var name = await PartnerNames.CheckAsync(db, Name, null, ModelState, language.Value, HttpContext.RequestAborted);
        if (name is not null)
        {
            db.Partners.Add(new Partner { Id = Guid.NewGuid(), Name = name, CreatedAt = clock.GetUtcNow() });
            try
            {
                await db.SaveChangesAsync(HttpContext.RequestAborted);
                TempData["Notice"] = language.T(Texts.PartnerCreated);
                return RedirectToPage();
            }
            catch (DbUpdateException)
            {
                PartnerNames.Taken(ModelState, language.Value);
            }
        }

        await LoadAsync();
        return Page();
    }

    private async Task LoadAsync()
    {
        // Administration sees every partner's name: the one place the partner filter is lifted
        var partners = await db.Partners.IgnoreQueryFilters().AsNoTracking().Select(p => new { p.Id, p.Name }).ToListAsync(HttpContext.RequestAborted);
        var users = await db.Users.Where(u => u.PartnerId != null).GroupBy(u => u.PartnerId!.Value).Select(g => new { g.Key, Count = g.Count() }).ToDictionaryAsync(g => g.Key, g => g.Count, HttpContext.RequestAborted);
        var managers = await db.PartnerAssignments.GroupBy(a => a.PartnerId).Select(g => new { g.Key, Count = g.Count() }).ToDictionaryAsync(g => g.Key, g => g.Count, HttpContext.RequestAborted);
        Partners = partners
            .Select(p => new Row(p.Id, p.Name, users.GetValueOrDefault(p.Id), managers.GetValueOrDefault(p.Id)))
            .OrderBy(p => p.Name, StringComparer.OrdinalIgnoreCase)
            .ToList();
    }
}
