using System.Globalization;
using System.Net.Mail;
using Attest.Core.Text;
using Attest.Web.Data;
using Attest.Web.Infrastructure;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.RateLimiting;

namespace Attest.Web.Features.Account;

/// <summary>
/// Asks for a password-reset link by e-mail (only when SMTP is configured). The answer is the same whether or not an
/// account uses the address, and the e-mail leaves after the response, so neither the page nor its timing tells who has
/// an account. Attempts share the sign-in rate limit. Locked accounts and unconfirmed addresses get no link.
/// </summary>
[EnableRateLimiting("sign-in")]
public sealed class ForgotPasswordModel(UserManager<AttestUser> users, RequestLanguage language, AttestOptions options, TimeProvider clock, MailOutbox? outbox = null) : PageModel
{
    [BindProperty]
    public string? Email { get; set; }

    [BindProperty(SupportsGet = true)]
    public bool Sent { get; set; }

    public IActionResult OnGet() => outbox is null ? NotFound() : Page();

    public async Task<IActionResult> OnPostAsync()
    {
        if (outbox is null)
        {
            return NotFound();
        }

        var email = Email?.Trim() ?? "";
        if (email.Length == 0)
        {
            ModelState.AddModelError(nameof(Email), language.T(Texts.EmailRequired));
        }
        else if (email.Length > 256 || !MailAddress.TryCreate(email, out _))
        {
            ModelState.AddModelError(nameof(Email), language.T(Texts.BadEmail));
        }

        if (!ModelState.IsValid)
        {
            Sent = false;
            return Page();
        }

        var user = await users.FindByEmailAsync(email);
        if (user is { EmailConfirmed: true, Email: { } address } && !(user.LockoutEnd > clock.GetUtcNow()))
        {
            var token = await users.GeneratePasswordResetTokenAsync(user);
            var link = options.PublicLink($"/account/reset-password?user={Uri.EscapeDataString(user.Id)}&token={Uri.EscapeDataString(token)}");
            var lang = Languages.TryParse(user.PreferredLanguage, out var preferred) ? preferred : language.Value;
            var body = string.Format(CultureInfo.InvariantCulture, Texts.ResetBody.In(lang), user.DisplayName.Length > 0 ? user.DisplayName : address, address, link);
            await outbox.PostAsync(new OutgoingMail(address, Texts.ResetSubject.In(lang), body), CancellationToken.None);
        }

        return RedirectToPage(new { sent = true });
    }
}
