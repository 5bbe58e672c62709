using Attest.Web.Data;
using Attest.Web.Infrastructure;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.RateLimiting;

namespace Attest.Web.Features.Account;

/// <summary>
/// The page a change-of-address e-mail links to (only when SMTP is configured). Opening the link only shows what will
/// change — mail scanners open links — and the change happens on the button, if the token is still valid and no other
/// account has taken the address meanwhile. A link that does not work says so (404).
/// </summary>
[EnableRateLimiting("sign-in")]
public sealed class ConfirmEmailModel(UserManager<AttestUser> users, AttestDbContext db, RequestLanguage language, MailOutbox? outbox = null) : EmailedLinkModel(outbox)
{
    [BindProperty(SupportsGet = true)]
    public string? Email { get; set; }

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

        if (await EmailChange.ProblemAsync(users, user, Email!) is { } problem)
        {
            ModelState.AddModelError(nameof(Email), language.T(problem));
            return Page();
        }

        // The address and the user name change together, or neither does
        await using var transaction = await db.Database.BeginTransactionAsync(HttpContext.RequestAborted);
        var changed = await users.ChangeEmailAsync(user, Email!, Token!);
        if (changed.Succeeded)
        {
            changed = await users.SetUserNameAsync(user, Email!);
        }

        if (!changed.Succeeded)
        {
            await transaction.RollbackAsync(HttpContext.RequestAborted);
            return Gone();
        }

        await transaction.CommitAsync(HttpContext.RequestAborted);
        return RedirectToPage(new { done = true, email = Email });
    }

    protected override async Task<AttestUser?> FindAsync()
    {
        if (string.IsNullOrEmpty(UserId) || string.IsNullOrEmpty(Email) || string.IsNullOrEmpty(Token) || await users.FindByIdAsync(UserId) is not { } user)
        {
            return null;
        }

        if (!await EmailChange.IsValidAsync(users, user, Email, Token))
        {
            return null;
        }

        Account = user.Email;
        return user;
    }
}
