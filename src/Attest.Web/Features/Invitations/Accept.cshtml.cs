using System.Globalization;
using Attest.Web.Data;
using Attest.Web.Infrastructure;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Attest.Web.Features.Invitations;

/// <summary>
/// The invitation link: whoever holds it chooses a name and a password and becomes a user with the invited role and
/// partner. Unknown, revoked, expired or used links answer 404 with a page that says what to do.
/// </summary>
[AllowAnonymous]
public sealed class AcceptModel(AttestDbContext db, UserManager<AttestUser> users, SignInManager<AttestUser> signIn, RequestLanguage language, TimeProvider clock) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public string Token { get; set; } = "";

    [BindProperty]
    public string? DisplayName { get; set; }

    [BindProperty]
    public string? Password { get; set; }

    public Invitation? Invitation { get; private set; }

    public string? PartnerName { get; private set; }

    /// <summary>Why the link does not work, when it does not.</summary>
    public string? Problem { get; private set; }

    public async Task<IActionResult> OnGetAsync() => await LoadAsync() ? Page() : Gone();

    public async Task<IActionResult> OnPostAsync()
    {
        if (!await LoadAsync())
        {
            return Gone();
        }

        var invitation = Invitation!;
        DisplayName = DisplayName?.Trim() ?? "";
        if (DisplayName.Length == 0 || DisplayName.Length > 200)
        {
            ModelState.AddModelError(nameof(DisplayName), language.T(Ui.DisplayName) + ": " + language.T(Ui.Required));
        }

        if (string.IsNullOrEmpty(Password))
        {
            ModelState.AddModelError(nameof(Password), language.T(Ui.Password) + ": " + language.T(Ui.Required));
        }

        if (!ModelState.IsValid)
        {
            return Page();
        }

        var now = clock.GetUtcNow();
        await using var transaction = await db.Database.BeginTransactionAsync(HttpContext.RequestAborted);

        // Claiming the invitation first, conditionally, makes a second concurrent use of the same link find nothing to claim
        var claimed = await db.Invitations.Where(i => i.Id == invitation.Id && i.AcceptedAt == null)
            .ExecuteUpdateAsync(s => s.SetProperty(i => i.AcceptedAt, now), HttpContext.RequestAborted);
        if (claimed == 0)
        {
            Problem = language.T(Texts.Used);
            return Gone();
        }

        var user = new AttestUser
        {
            UserName = invitation.Email,
            Email = invitation.Email,
            EmailConfirmed = true,
            DisplayName = DisplayName,
            Role = invitation.Role,
            PartnerId = invitation.PartnerId,
            PreferredLanguage = language.Code,
            CreatedAt = now,
        };
        var created = await users.CreateAsync(user, Password!);
        if (!created.Succeeded)
        {
            await transaction.RollbackAsync(HttpContext.RequestAborted);
            foreach (var error in created.Errors)
            {
                if (error.Code.StartsWith("Password", StringComparison.Ordinal))
                {
                    ModelState.AddModelError(nameof(Password), language.T(Ui.Password) + ": " + language.T(Ui.PasswordRule));
                }
                else if (error.Code is "DuplicateUserName" or "DuplicateEmail")
                {
                    ModelState.AddModelError(nameof(Password), language.T(Texts.EmailTaken));
                }
                else
                {
                    ModelState.AddModelError(nameof(DisplayName), error.Description);
                }
            }

            return Page();
        }

        // Other pending invitations of the same address could only fail now: they go
        var email = invitation.Email.ToUpperInvariant();
#pragma warning disable CA1862 // EF translates ToUpper on both providers, not string.Equals with a StringComparison
        await db.Invitations.Where(i => i.Id != invitation.Id && i.AcceptedAt == null && i.Email.ToUpper() == email).ExecuteDeleteAsync(HttpContext.RequestAborted);
#pragma warning restore CA1862
        await transaction.CommitAsync(HttpContext.RequestAborted);

        await signIn.SignInAsync(user, isPersistent: false);
        return LocalRedirect("/");
    }

    private async Task<bool> LoadAsync()
    {
        Response.Headers.CacheControl = "no-store";
        var hash = InvitationToken.HashOf(Token);
        Invitation = await db.Invitations.AsNoTracking().FirstOrDefaultAsync(i => i.TokenHash == hash, HttpContext.RequestAborted);
        if (Invitation is null)
        {
            Problem = language.T(Texts.Unknown);
            return false;
        }

        if (Invitation.AcceptedAt is not null)
        {
            Problem = language.T(Texts.Used);
            return false;
        }

        if (Invitation.ExpiresAt <= clock.GetUtcNow())
        {
            Problem = string.Format(CultureInfo.InvariantCulture, language.T(Texts.Expired), Invitation.ExpiresAt.UtcDateTime.ToString("yyyy-MM-dd HH:mm 'UTC'", CultureInfo.InvariantCulture));
            return false;
        }

        if (Invitation.PartnerId is { } partnerId)
        {
            // Nobody is signed in here, so the filters hide every partner: the link itself grants sight of this one name
            PartnerName = await db.Partners.IgnoreQueryFilters().Where(p => p.Id == partnerId).Select(p => p.Name).FirstOrDefaultAsync(HttpContext.RequestAborted);
        }

        return true;
    }

    private PageResult Gone()
    {
        Response.StatusCode = StatusCodes.Status404NotFound;
        return Page();
    }
}
