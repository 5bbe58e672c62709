using Attest.Web.Data;
using Attest.Web.Infrastructure;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.RateLimiting;

namespace Attest.Web.Features.Account;

/// <summary>
/// The page a change-of-address e-mail links to (only when SMTP is configured). Opening the link only shows what will
/// change — mail scanners open links — and the change happens on the button, if the token is still valid and no other
/// account has taken the address meanwhile. A link that does not work says so (404).
/// </summary>
[EnableRateLimiting("sign-in")]
public sealed class ConfirmEmailModel(UserManager<AttestUser> users, AttestDbContext db, RequestLanguage language, MailOutbox? outbox = null) : PageModel
{
    [BindProperty(SupportsGet = true, Name = "user")]
    public string? UserId { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? Email { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? Token { get; set; }

    [BindProperty(SupportsGet = true)]
    public bool Done { get; set; }

    /// <summary>The account's current address; null when the link does not work.</summary>
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
            Account = null;
            return Gone();
        }

        await transaction.CommitAsync(HttpContext.RequestAborted);
        return RedirectToPage(new { done = true, email = Email });
    }

    private async Task<AttestUser?> FindAsync()
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

    private PageResult Gone()
    {
        Response.StatusCode = StatusCodes.Status404NotFound;
        return Page();
    }
}
