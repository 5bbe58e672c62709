using Attest.Web.Data;
using Attest.Web.Infrastructure;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.RateLimiting;

namespace Attest.Web.Features.Account;

/// <summary>Sign in with e-mail and password; failures lock the account after five attempts and are rate limited per address.</summary>
[EnableRateLimiting("sign-in")]
public sealed class SignInModel(SignInManager<AttestUser> signIn, RequestLanguage language, AttestOptions options, MailOutbox? outbox = null) : PageModel
{
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
        var result = await signIn.PasswordSignInAsync(Email, Password, isPersistent: false, lockoutOnFailure: true);
        if (result.Succeeded)
        {
            return LocalRedirect(ReturnUrl is { Length: > 0 } && Url.IsLocalUrl(ReturnUrl) ? ReturnUrl : "/");
        }

        ModelState.AddModelError(nameof(Email), language.T(result.IsLockedOut ? Ui.LockedOut : Ui.BadSignIn));
        return Page();
    }
}
