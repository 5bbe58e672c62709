using Attest.Web.Data;
using Attest.Web.Infrastructure;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.RateLimiting;

namespace Attest.Web.Features.Account;

/// <summary>
/// The page a password-reset e-mail links to (only when SMTP is configured): Identity's token, valid once and for
/// 3 hours, lets the holder choose a new password under Identity's rules. A link that does not work says so (404).
/// </summary>
[EnableRateLimiting("sign-in")]
public sealed class ResetPasswordModel(UserManager<AttestUser> users, RequestLanguage language, TimeProvider clock, MailOutbox? outbox = null) : PageModel
{
    [BindProperty(SupportsGet = true, Name = "user")]
    public string? UserId { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? Token { get; set; }

    [BindProperty]
    public string? Password { get; set; }

    [BindProperty(SupportsGet = true)]
    public bool Done { get; set; }

    /// <summary>The e-mail address of the account the link is for; null when the link does not work.</summary>
    public string? Account { get; private set; }

    public async Task<IActionResult> OnGetAsync()
    {
        if (outbox is null)
        {
            return NotFound();
        }

        Response.Headers.CacheControl = "no-store";
        if (Done)
        {
            return Page();
        }

        return await FindAsync() is null ? Gone() : Page();
    }

    public async Task<IActionResult> OnPostAsync()
    {
        if (outbox is null)
        {
            return NotFound();
        }

        Response.Headers.CacheControl = "no-store";
        Done = false;
        if (await FindAsync() is not { } user)
        {
            return Gone();
        }

        if (string.IsNullOrEmpty(Password))
        {
            ModelState.AddModelError(nameof(Password), language.T(Texts.PasswordRequired));
            return Page();
        }

        var result = await users.ResetPasswordAsync(user, Token!, Password);
        if (!result.Succeeded)
        {
            if (result.Errors.Any(e => e.Code == nameof(IdentityErrorDescriber.InvalidToken)))
            {
                Account = null;
                return Gone();
            }

            ModelState.AddModelError(nameof(Password), language.T(Texts.PasswordWeak));
            return Page();
        }

        // The reset proves the address: earlier failed attempts no longer count towards a lockout
        await users.ResetAccessFailedCountAsync(user);
        return RedirectToPage(new { done = true });
    }

    private async Task<AttestUser?> FindAsync()
    {
        if (string.IsNullOrEmpty(UserId) || string.IsNullOrEmpty(Token) || await users.FindByIdAsync(UserId) is not { } user || user.LockoutEnd > clock.GetUtcNow())
        {
            return null;
        }

        if (!await users.VerifyUserTokenAsync(user, users.Options.Tokens.PasswordResetTokenProvider, UserManager<AttestUser>.ResetPasswordTokenPurpose, Token))
        {
            return null;
        }

        Account = user.Email;
        return user;
    }

    private PageResult Gone()
    {
        Response.StatusCode = StatusCodes.Status404NotFound;
        return Page();
    }
}
