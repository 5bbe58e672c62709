using System.Globalization;
using Attest.Web.Data;
using Attest.Web.Features.Account;
using Attest.Web.Infrastructure;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.RateLimiting;

namespace Attest.Web.Features.Settings;

/// <summary>
/// The signed-in user's own account: their password, and their e-mail address (through a confirmation link, when
/// e-mail is configured; otherwise an administrator changes it). Both ask for the current password, whose failures
/// count towards the lockout like sign-in's.
/// </summary>
[EnableRateLimiting("sign-in")]
public sealed class IndexModel(UserManager<AttestUser> users, SignInManager<AttestUser> signIn, RequestLanguage language, AttestOptions options, MailOutbox? outbox = null) : PageModel
{
    [BindProperty]
    public string? CurrentPassword { get; set; }

    [BindProperty]
    public string? NewPassword { get; set; }

    [BindProperty]
    public string? NewEmail { get; set; }

    [BindProperty]
    public string? EmailPassword { get; set; }

    public AttestUser Me { get; private set; } = null!;

    public bool HasPassword { get; private set; }

    public bool MailEnabled => outbox is not null;

    public async Task<IActionResult> OnGetAsync() => await LoadAsync() ? Page() : Challenge();

    public async Task<IActionResult> OnPostPasswordAsync()
    {
        if (!await LoadAsync())
        {
            return Challenge();
        }

        if (!HasPassword)
        {
            return NotFound();
        }

        if (string.IsNullOrEmpty(CurrentPassword))
        {
            ModelState.AddModelError(nameof(CurrentPassword), language.T(Texts.CurrentPasswordRequired));
        }

        if (string.IsNullOrEmpty(NewPassword))
        {
            ModelState.AddModelError(nameof(NewPassword), language.T(Account.Texts.PasswordRequired));
        }

        if (!ModelState.IsValid || !await CheckPasswordAsync(CurrentPassword!, nameof(CurrentPassword)))
        {
            return Page();
        }

        var changed = await users.ChangePasswordAsync(Me, CurrentPassword!, NewPassword!);
        if (!changed.Succeeded)
        {
            ModelState.AddModelError(nameof(NewPassword), language.T(Account.Texts.PasswordWeak));
            return Page();
        }

        // The security stamp changed, which signs out the user's other sessions; this one carries on
        await signIn.RefreshSignInAsync(Me);
        TempData["Notice"] = language.T(Texts.PasswordChanged);
        return RedirectToPage();
    }

    public async Task<IActionResult> OnPostEmailAsync()
    {
        if (!await LoadAsync())
        {
            return Challenge();
        }

        if (outbox is null)
        {
            return NotFound();
        }

        var proposed = NewEmail?.Trim() ?? "";
        if (await EmailChange.ProblemAsync(users, Me, proposed) is { } problem)
        {
            ModelState.AddModelError(nameof(NewEmail), language.T(problem));
        }

        if (HasPassword && string.IsNullOrEmpty(EmailPassword))
        {
            ModelState.AddModelError(nameof(EmailPassword), language.T(Texts.CurrentPasswordRequired));
        }

        if (!ModelState.IsValid || (HasPassword && !await CheckPasswordAsync(EmailPassword!, nameof(EmailPassword))))
        {
            return Page();
        }

        await EmailChange.SendLinkAsync(users, options, outbox, Me, proposed, language.Value);
        TempData["Notice"] = string.Format(CultureInfo.InvariantCulture, language.T(ChangeTexts.LinkSentTo), proposed, Me.Email);
        return RedirectToPage();
    }

    private async Task<bool> CheckPasswordAsync(string password, string field)
    {
        var result = await signIn.CheckPasswordSignInAsync(Me, password, lockoutOnFailure: true);
        if (result.Succeeded)
        {
            return true;
        }

        ModelState.AddModelError(field, language.T(result.IsLockedOut ? Account.Texts.Locked : Texts.CurrentPasswordWrong));
        return false;
    }

    private async Task<bool> LoadAsync()
    {
        Response.Headers.CacheControl = "no-store";
        if (await users.GetUserAsync(User) is not { } me)
        {
            return false;
        }

        Me = me;
        HasPassword = await users.HasPasswordAsync(me);
        return true;
    }
}
