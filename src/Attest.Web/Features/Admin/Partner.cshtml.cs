using Attest.Web.Data;
using Attest.Web.Infrastructure;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Attest.Web.Features.Admin;

/// <summary>One partner: renaming it, and who belongs to it or is assigned to it.</summary>
[AdministratorOnly]
public sealed class PartnerModel(AttestDbContext db, RequestLanguage language) : PageModel
{
    public sealed record Person(string Id, string Name, string Email, UserRole Role);

    [BindProperty(SupportsGet = true)]
    public Guid Id { get; set; }

    [BindProperty]
    public string? Name { get; set; }

    public string CurrentName { get; private set; } = "";

    public IReadOnlyList<Person> People { get; private set; } = [];

    public IReadOnlyList<Person> Managers { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync()
    {
        if (!await LoadAsync())
        {
            return NotFound();
        }

        Name = CurrentName;
        return Page();
    }

    public async Task<IActionResult> OnPostAsync()
    {
        var partner = await db.Partners.IgnoreQueryFilters().FirstOrDefaultAsync(p => p.Id == Id, HttpContext.RequestAborted);
        if (partner is null)
        {
            return NotFound();
        }

        var name = await PartnerNames.CheckAsync(db, Name, Id, ModelState, language.Value, HttpContext.RequestAborted);
        if (name is not null)
        {
            partner.Name = name;
            try
            {
                await db.SaveChangesAsync(HttpContext.RequestAborted);
                TempData["Notice"] = language.T(Texts.Renamed);
                return RedirectToPage(new { id = Id });
            }
            catch (DbUpdateException)
            {
                PartnerNames.Taken(ModelState, language.Value);
                db.ChangeTracker.Clear();
            }
        }

        await LoadAsync();
        return Page();
    }

    private async Task<bool> LoadAsync()
    {
        var name = await db.Partners.IgnoreQueryFilters().Where(p => p.Id == Id).Select(p => p.Name).FirstOrDefaultAsync(HttpContext.RequestAborted);
        if (name is null)
        {
            return false;
        }

        CurrentName = name;
        People = (await db.Users.AsNoTracking().Where(u => u.PartnerId == Id).Select(u => new Person(u.Id, u.DisplayName, u.Email ?? "", u.Role)).ToListAsync(HttpContext.RequestAborted))
            .OrderBy(p => p.Name, StringComparer.OrdinalIgnoreCase).ToList();
        Managers = (await db.PartnerAssignments.AsNoTracking().Where(a => a.PartnerId == Id)
                .Join(db.Users, a => a.UserId, u => u.Id, (a, u) => new Person(u.Id, u.DisplayName, u.Email ?? "", u.Role))
                .ToListAsync(HttpContext.RequestAborted))
            .OrderBy(p => p.Name, StringComparer.OrdinalIgnoreCase).ToList();
        return true;
    }
}
