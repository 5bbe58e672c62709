using Attest.Web.Data;
using Attest.Web.Features.Invitations;
using Attest.Web.Infrastructure;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Attest.Web.Features.People;

/// <summary>
/// The alliance lead's view of their partner's people: who is there, pending invitations, and inviting alliance leads
/// and contributors — always into the lead's own partner, whatever the form says.
/// </summary>
public sealed class IndexModel(AttestDbContext db, CurrentAccess access, RequestLanguage language, TimeProvider clock) : PageModel
{
    private static readonly UserRole[] InvitableRoles = [UserRole.AllianceLead, UserRole.Contributor];

    public sealed record Person(string Name, string Email, UserRole Role);

    public sealed record Row(Guid Id, string Email, UserRole Role, DateTimeOffset ExpiresAt);

    [BindProperty]
    public InvitationForm Form { get; set; } = new();

    public IssuedLink? Issued { get; private set; }

    public string PartnerName { get; private set; } = "";

    public IReadOnlyList<Person> Members { get; private set; } = [];

    public IReadOnlyList<Row> Pending { get; private set; } = [];

    public IReadOnlyList<UserRole> Roles => InvitableRoles;

    public async Task<IActionResult> OnGetAsync() => OwnPartner() is { } partner && await LoadAsync(partner) ? Page() : NotFound();

    public async Task<IActionResult> OnPostAsync()
    {
        if (OwnPartner() is not { } partner || !await LoadAsync(partner))
        {
            return NotFound();
        }

        // The partner is the lead's own, never one named in the request
        Form.PartnerId = partner;
        var invitation = Form.ToInvitation(ModelState, language.Value, InvitableRoles, [partner]);
        if (invitation is not null && await InvitationMail.PendingForAsync(db, invitation.Email, clock.GetUtcNow(), HttpContext.RequestAborted))
        {
            ModelState.AddModelError("Form.Email", language.T(Invitations.Texts.AlreadyInvited));
            return Page();
        }

        if (invitation is null)
        {
            return Page();
        }

        Issued = await InvitationMail.IssueAsync(db, HttpContext, invitation, access.Value.UserId!, clock.GetUtcNow());
        Form = new InvitationForm();
        ModelState.Clear();
        await LoadAsync(partner);
        return Page();
    }

    public async Task<IActionResult> OnPostRevokeAsync(Guid id)
    {
        if (OwnPartner() is not { } partner)
        {
            return NotFound();
        }

        var removed = await db.Invitations.Where(i => i.Id == id && i.PartnerId == partner && i.AcceptedAt == null).ExecuteDeleteAsync(HttpContext.RequestAborted);
        if (removed == 0)
        {
            return NotFound();
        }

        TempData["Notice"] = language.T(Invitations.Texts.Revoked);
        return RedirectToPage();
    }

    private Guid? OwnPartner() => access.Value.OwnPartnerId is { } partner && access.Value.CanLead(partner) ? partner : null;

    private async Task<bool> LoadAsync(Guid partner)
    {
        var cancel = HttpContext.RequestAborted;
        var name = await db.Partners.Where(p => p.Id == partner).Select(p => p.Name).FirstOrDefaultAsync(cancel);
        if (name is null)
        {
            return false;
        }

        PartnerName = name;

        // Users and invitations carry no partner filter: they are scoped here, to the lead's own partner
        Members = (await db.Users.AsNoTracking().Where(u => u.PartnerId == partner).Select(u => new Person(u.DisplayName, u.Email ?? "", u.Role)).ToListAsync(cancel))
            .OrderBy(p => p.Name, StringComparer.OrdinalIgnoreCase)
            .ToList();
        var open = await db.Invitations.AsNoTracking().Where(i => i.PartnerId == partner && i.AcceptedAt == null).Select(i => new Row(i.Id, i.Email, i.Role, i.ExpiresAt)).ToListAsync(cancel);
        var now = clock.GetUtcNow();
        Pending = open.Where(i => i.ExpiresAt > now).OrderBy(i => i.ExpiresAt).ToList();
        return true;
    }
}
