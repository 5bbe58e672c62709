using Attest.Web.Data;
using Attest.Web.Features.Invitations;
using Attest.Web.Infrastructure;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Attest.Web.Features.Admin;

/// <summary>Inviting anyone, with any role; the pending invitations; revoking one.</summary>
[AdministratorOnly]
public sealed class InvitationsModel(AttestDbContext db, UserManager<AttestUser> users, CurrentAccess access, RequestLanguage language, TimeProvider clock) : PageModel
{
    public sealed record Row(Guid Id, string Email, UserRole Role, string? Partner, DateTimeOffset ExpiresAt, string? InvitedBy);

    [BindProperty]
    public InvitationForm Form { get; set; } = new();

    /// <summary>The link just created: shown in this one response, never stored.</summary>
    public IssuedLink? Issued { get; private set; }

    public IReadOnlyList<Row> Pending { get; private set; } = [];

    public IReadOnlyList<(Guid Id, string Name)> Partners { get; private set; } = [];

    public async Task OnGetAsync() => await LoadAsync();

    public async Task<IActionResult> OnPostAsync()
    {
        await LoadAsync();
        var invitation = Form.ToInvitation(ModelState, language.Value, Enum.GetValues<UserRole>(), Partners.Select(p => p.Id).ToList());
        if (invitation is not null && await users.FindByEmailAsync(invitation.Email) is not null)
        {
            ModelState.AddModelError("Form.Email", language.T(Invitations.Texts.UserExists));
        }
        else if (invitation is not null && await InvitationMail.PendingForAsync(db, invitation.Email, clock.GetUtcNow(), HttpContext.RequestAborted))
        {
            ModelState.AddModelError("Form.Email", language.T(Invitations.Texts.AlreadyInvited));
        }

        if (invitation is null || !ModelState.IsValid)
        {
            return Page();
        }

        Issued = await InvitationMail.IssueAsync(db, HttpContext, invitation, access.Value.UserId!, clock.GetUtcNow());
        Form = new InvitationForm();
        ModelState.Clear();
        await LoadAsync();
        return Page();
    }

    public async Task<IActionResult> OnPostRevokeAsync(Guid id)
    {
        var removed = await db.Invitations.Where(i => i.Id == id && i.AcceptedAt == null).ExecuteDeleteAsync(HttpContext.RequestAborted);
        if (removed == 0)
        {
            return NotFound();
        }

        TempData["Notice"] = language.T(Invitations.Texts.Revoked);
        return RedirectToPage();
    }

    private async Task LoadAsync()
    {
        var cancel = HttpContext.RequestAborted;
        var partners = await db.Partners.IgnoreQueryFilters().AsNoTracking().ToDictionaryAsync(p => p.Id, p => p.Name, cancel);
        Partners = partners.Select(p => (p.Key, p.Value)).OrderBy(p => p.Value, StringComparer.OrdinalIgnoreCase).ToList();
        var open = await db.Invitations.AsNoTracking().Where(i => i.AcceptedAt == null).ToListAsync(cancel);
        var inviters = open.Select(i => i.CreatedBy).Distinct().ToList();
        var names = await db.Users.AsNoTracking().Where(u => inviters.Contains(u.Id)).ToDictionaryAsync(u => u.Id, u => u.DisplayName, cancel);
        var now = clock.GetUtcNow();

        // Expiry is compared here, not in SQL: SQLite cannot compare DateTimeOffset values
        Pending = open.Where(i => i.ExpiresAt > now)
            .OrderBy(i => i.ExpiresAt)
            .Select(i => new Row(i.Id, i.Email, i.Role, i.PartnerId is { } p ? partners.GetValueOrDefault(p) : null, i.ExpiresAt, names.GetValueOrDefault(i.CreatedBy)))
            .ToList();
    }
}
