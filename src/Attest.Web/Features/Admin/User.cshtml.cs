using System.Globalization;
using Attest.Web.Data;
using Attest.Web.Features.Account;
using Attest.Web.Features.Invitations;
using Attest.Web.Infrastructure;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Attest.Web.Features.Admin;

/// <summary>
/// One user: changing their role and partner, their e-mail address (through a confirmation link sent to the new address
/// when e-mail is configured, at once otherwise), locking and unlocking their account. Nobody changes or locks themselves.
/// </summary>
[AdministratorOnly]
public sealed class UserModel(AttestDbContext db, UserManager<AttestUser> users, CurrentAccess access, RequestLanguage language, TimeProvider clock, AttestOptions options, MailOutbox? outbox = null) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public string Id { get; set; } = "";

    [BindProperty]
    public string? Role { get; set; }

    [BindProperty]
    public Guid? PartnerId { get; set; }

    [BindProperty]
    public string? NewEmail { get; set; }

    public bool MailEnabled => outbox is not null;

    public AttestUser? Shown { get; private set; }

    public string? PartnerName { get; private set; }

    public bool Locked { get; private set; }

    public bool IsSelf => Id == access.Value.UserId;

    public IReadOnlyList<(Guid Id, string Name)> Partners { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync()
    {
        var user = await users.FindByIdAsync(Id);
        if (user is null)
        {
            return NotFound();
        }

        Role = user.Role.ToString();
        PartnerId = user.PartnerId;
        await ShowAsync(user);
        return Page();
    }

    public async Task<IActionResult> OnPostRoleAsync()
    {
        var user = await users.FindByIdAsync(Id);
        if (user is null)
        {
            return NotFound();
        }

        var partners = await PartnerListAsync();
        var role = Enum.GetNames<UserRole>().Contains(Role, StringComparer.Ordinal) ? Enum.Parse<UserRole>(Role!) : (UserRole?)null;
        if (IsSelf)
        {
            ModelState.AddModelError(nameof(Role), language.T(Texts.NotYourself));
        }
        else if (role is null)
        {
            ModelState.AddModelError(nameof(Role), language.T(Texts.Role) + ": " + language.T(Invitations.Texts.Required));
        }
        else if (InvitationForm.NeedsPartner(role.Value) && (PartnerId is not { } chosen || !partners.Any(p => p.Id == chosen)))
        {
            ModelState.AddModelError(nameof(PartnerId), language.T(Invitations.Texts.PartnerNeeded));
        }

        if (!ModelState.IsValid)
        {
            await ShowAsync(user);
            return Page();
        }

        user.Role = role!.Value;

        // Only partner-side roles belong to a partner
        user.PartnerId = InvitationForm.NeedsPartner(user.Role) ? PartnerId : null;
        await using var transaction = await db.Database.BeginTransactionAsync(HttpContext.RequestAborted);

        // A new security stamp ends the user's open sessions at once: they sign in again into their new role
        var updated = await users.UpdateSecurityStampAsync(user);
        if (!updated.Succeeded)
        {
            foreach (var error in updated.Errors)
            {
                ModelState.AddModelError(nameof(Role), error.Description);
            }

            await ShowAsync(user);
            return Page();
        }

        var dropped = user.Role == UserRole.PartnerManager ? 0 : await db.PartnerAssignments.Where(a => a.UserId == user.Id).ExecuteDeleteAsync(HttpContext.RequestAborted);
        await transaction.CommitAsync(HttpContext.RequestAborted);
        TempData["Notice"] = language.T(Texts.RoleChanged) + (dropped > 0 ? " " + language.T(Texts.AssignmentsDropped) : "");
        return RedirectToPage(new { id = Id });
    }

    public async Task<IActionResult> OnPostEmailAsync()
    {
        var user = await users.FindByIdAsync(Id);
        if (user is null)
        {
            return NotFound();
        }

        var proposed = NewEmail?.Trim() ?? "";
        if (IsSelf)
        {
            ModelState.AddModelError(nameof(NewEmail), language.T(Texts.NotYourself));
        }
        else if (await EmailChange.ProblemAsync(users, user, proposed) is { } problem)
        {
            ModelState.AddModelError(nameof(NewEmail), language.T(problem));
        }

        if (!ModelState.IsValid)
        {
            Role = user.Role.ToString();
            PartnerId = user.PartnerId;
            await ShowAsync(user);
            return Page();
        }

        if (outbox is not null)
        {
            await EmailChange.SendLinkAsync(users, options, outbox, user, proposed, language.Value);
            TempData["Notice"] = string.Format(CultureInfo.InvariantCulture, language.T(ChangeTexts.LinkSentTo), proposed, user.Email);
        }
        else
        {
            var changed = await EmailChange.ApplyAsync(users, user, proposed);
            if (!changed.Succeeded)
            {
                throw new InvalidOperationException(string.Join("; ", changed.Errors.Select(e => e.Code)));
            }

            TempData["Notice"] = string.Format(CultureInfo.InvariantCulture, language.T(ChangeTexts.Changed), proposed);
        }

        return RedirectToPage(new { id = Id });
    }

    public Task<IActionResult> OnPostLockAsync() => SetLockAsync(locked: true);

    public Task<IActionResult> OnPostUnlockAsync() => SetLockAsync(locked: false);

    private async Task<IActionResult> SetLockAsync(bool locked)
    {
        var user = await users.FindByIdAsync(Id);
        if (user is null)
        {
            return NotFound();
        }

        if (IsSelf)
        {
            ModelState.AddModelError(nameof(Role), language.T(Texts.NotYourself));
            Role = user.Role.ToString();
            PartnerId = user.PartnerId;
            await ShowAsync(user);
            return Page();
        }

        user.LockoutEnabled = true;
        user.LockoutEnd = locked ? clock.GetUtcNow().AddYears(100) : null;
        user.AccessFailedCount = 0;

        // A new security stamp (and the lock itself) ends the sessions the user already has on their next request
        var result = locked ? await users.UpdateSecurityStampAsync(user) : await users.UpdateAsync(user);
        if (!result.Succeeded)
        {
            throw new InvalidOperationException(string.Join("; ", result.Errors.Select(e => e.Code)));
        }

        TempData["Notice"] = language.T(locked ? Texts.WasLocked : Texts.WasUnlocked);
        return RedirectToPage(new { id = Id });
    }

    private async Task<List<(Guid Id, string Name)>> PartnerListAsync() =>
        (await db.Partners.IgnoreQueryFilters().AsNoTracking().Select(p => new { p.Id, p.Name }).ToListAsync(HttpContext.RequestAborted))
            .Select(p => (p.Id, p.Name))
            .OrderBy(p => p.Name, StringComparer.OrdinalIgnoreCase)
            .ToList();

    private async Task ShowAsync(AttestUser user)
    {
        Shown = user;
        Partners = await PartnerListAsync();
        PartnerName = user.PartnerId is { } id ? Partners.FirstOrDefault(p => p.Id == id).Name : null;
        Locked = user.LockoutEnd > clock.GetUtcNow();
    }
}
