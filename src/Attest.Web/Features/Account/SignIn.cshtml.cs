using System.Globalization;
using Attest.Web.Data;
using Attest.Web.Infrastructure;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.RateLimiting;

namespace Attest.Web.Features.Account;

/// <summary>
/// Sign in with e-mail and password. The answer tells nobody who has an account: an unknown address costs the same password
/// hashing as a real one (checked against a hash of nothing), and a wrong password, an unknown address and a locked account
/// get the same words. Failures are throttled per address and client and per client (<see cref="SignInThrottle"/>), never by
/// locking the account, so that nobody can lock the administrator out; the request rate is limited per client as well.
/// </summary>
[EnableRateLimiting("sign-in")]
public sealed class SignInModel(SignInManager<AttestUser> signIn, UserManager<AttestUser> users, SignInThrottle throttle, RequestLanguage language, AttestOptions options, MailOutbox? outbox = null) : PageModel
{
    // A hash of a password nobody knows, made by the installation's own hasher: what an unknown address is checked against
    private static string? decoy;

    /// <summary>Whether "Forgot your password?" is offered: only when e-mail can be sent.</summary>
    public bool CanResetPassword => outbox is not null;

    /// <summary>The name on the single sign-on button; null when single sign-on is off.</summary>
    public string? SingleSignOn => !options.Oidc.Enabled ? null : string.IsNullOrWhiteSpace(options.Oidc.DisplayName) ? language.T(Texts.OrganisationAccount) : options.Oidc.DisplayName;

    [BindProperty]
    public string Email { get; set; } = "";

    [BindProperty]
    public string Password { get; set; } = "";

    [BindProperty(SupportsGet = true)]
    public string? ReturnUrl { get; set; }

    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostAsync()
    {
        var address = users.NormalizeEmail(Email?.Trim()) ?? "";
        var client = HttpContext.Connection.RemoteIpAddress?.ToString() ?? "unknown";
        if (!throttle.Allows(address, client))
        {
            ModelState.AddModelError(nameof(Email), string.Format(CultureInfo.InvariantCulture, language.T(Ui.SignInThrottled), (int)throttle.Period.TotalMinutes));
            return Page();
        }

        var user = string.IsNullOrWhiteSpace(Email) ? null : await users.FindByNameAsync(Email.Trim());
        if (await PasswordMatchesAsync(user, Password ?? "") && !await users.IsLockedOutAsync(user!) && await signIn.CanSignInAsync(user!))
        {
            throttle.Succeeded(address, client);
            await signIn.SignInAsync(user!, isPersistent: false);
            return LocalRedirect(ReturnUrl is { Length: > 0 } && Url.IsLocalUrl(ReturnUrl) ? ReturnUrl : "/");
        }

        throttle.Failed(address, client);
        ModelState.AddModelError(nameof(Email), language.T(Ui.BadSignIn));
        return Page();
    }

    // The same hashing work whether or not the address (or a password) exists
    private async Task<bool> PasswordMatchesAsync(AttestUser? user, string password)
    {
        if (user?.PasswordHash is null)
        {
            decoy ??= users.PasswordHasher.HashPassword(new AttestUser(), Convert.ToBase64String(System.Security.Cryptography.RandomNumberGenerator.GetBytes(24)));
            users.PasswordHasher.VerifyHashedPassword(new AttestUser(), decoy, password);
            return false;
        }

        return await users.CheckPasswordAsync(user, password);
    }
}
