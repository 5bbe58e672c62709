using Attest.Web.Data;
using Attest.Web.Infrastructure;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.RateLimiting;

namespace Attest.Web.Features.Account;

/// <summary>
/// The page a password-reset e-mail links to (only when SMTP is configured): Identity's token, valid once and for
/// 3 hours, lets the holder choose a new password under Identity's rules. A link that does not work says so (404).
/// </summary>
[EnableRateLimiting("sign-in")]
public sealed class ResetPasswordModel(UserManager<AttestUser> users, RequestLanguage language, TimeProvider clock, MailOutbox? outbox = null) : EmailedLinkModel(outbox)
{
    [BindProperty]
    public string? Password { get; set; }

    public async Task<IActionResult> OnPostAsync()
    {
        if (MailOff)
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
                return Gone();
            }

            ModelState.AddModelError(nameof(Password), language.T(Texts.PasswordWeak));
            return Page();
        }

        // The reset proves the address: earlier failed attempts no longer count towards a lockout
        await users.ResetAccessFailedCountAsync(user);
        return RedirectToPage(new { done = true });
    }

    protected override async Task<AttestUser?> FindAsync()
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
}
