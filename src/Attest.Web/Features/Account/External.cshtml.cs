using System.Globalization;
using System.Security.Claims;
using Attest.Core.Text;
using Attest.Web.Data;
using Attest.Web.Infrastructure;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Attest.Web.Features.Account;

/// <summary>
/// Single sign-on (only when <c>Attest:Oidc</c> is configured). POST sends the browser to the provider; the provider's
/// answer ends here (GET), where its verified e-mail address is matched to an existing user — there is no
/// self-registration — whose external login is linked on first use. Unknown addresses, unverified addresses and locked
/// accounts are refused (403) with a page that says what to do.
/// </summary>
public sealed class ExternalModel(SignInManager<AttestUser> signIn, UserManager<AttestUser> users, AttestOptions options, RequestLanguage language, TimeProvider clock) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public string? ReturnUrl { get; set; }

    /// <summary>Why signing in did not happen.</summary>
    public string? Problem { get; private set; }

    private string Provider => string.IsNullOrWhiteSpace(options.Oidc.DisplayName) ? language.T(Texts.OrganisationAccount) : options.Oidc.DisplayName;

    public IActionResult OnPost()
    {
        if (!options.Oidc.Enabled)
        {
            return NotFound();
        }

        var back = Url.Page("/Account/External", new { returnUrl = LocalOrNull(ReturnUrl) });
        var properties = signIn.ConfigureExternalAuthenticationProperties(SingleSignOn.Scheme, back);
        return Challenge(properties, SingleSignOn.Scheme);
    }

    public async Task<IActionResult> OnGetAsync()
    {
        if (!options.Oidc.Enabled)
        {
            return NotFound();
        }

        Response.Headers.CacheControl = "no-store";
        var info = await signIn.GetExternalLoginInfoAsync();
        if (info is null)
        {
            Problem = Format(Texts.NotCompleted, Provider);
            Response.StatusCode = StatusCodes.Status400BadRequest;
            return Page();
        }

        var user = await users.FindByLoginAsync(info.LoginProvider, info.ProviderKey);
        if (user is null)
        {
            // First use: the provider's verified address names the user, who must already exist
            var email = info.Principal.FindFirstValue(ClaimTypes.Email) ?? info.Principal.FindFirstValue("email");
            if (string.IsNullOrWhiteSpace(email))
            {
                return await RefuseAsync(Format(Texts.NoEmail, Provider));
            }

            if (info.Principal.FindFirst("email_verified") is { } verified && !string.Equals(verified.Value, "true", StringComparison.OrdinalIgnoreCase))
            {
                return await RefuseAsync(Format(Texts.Unverified, Provider, email));
            }

            user = await users.FindByEmailAsync(email);
            if (user is null)
            {
                return await RefuseAsync(Format(Texts.NoAccount, email));
            }

            if (user.LockoutEnd > clock.GetUtcNow())
            {
                return await RefuseAsync(language.T(Texts.Locked));
            }

            var linked = await users.AddLoginAsync(user, new UserLoginInfo(info.LoginProvider, info.ProviderKey, info.ProviderDisplayName));
            if (!linked.Succeeded)
            {
                return await RefuseAsync(Format(Texts.NotCompleted, Provider));
            }
        }
        else if (user.LockoutEnd > clock.GetUtcNow())
        {
            return await RefuseAsync(language.T(Texts.Locked));
        }

        var result = await signIn.ExternalLoginSignInAsync(info.LoginProvider, info.ProviderKey, isPersistent: false, bypassTwoFactor: true);
        if (!result.Succeeded)
        {
            return await RefuseAsync(result.IsLockedOut ? language.T(Texts.Locked) : Format(Texts.NotCompleted, Provider));
        }

        return LocalRedirect(LocalOrNull(ReturnUrl) ?? "/");
    }

    private string? LocalOrNull(string? url) => url is { Length: > 0 } && Url.IsLocalUrl(url) ? url : null;

    private string Format(LocalizedString text, params object[] values) => string.Format(CultureInfo.InvariantCulture, language.T(text), values);

    private async Task<IActionResult> RefuseAsync(string problem)
    {
        // The provider's answer is of no further use: it must not linger in a cookie
        await HttpContext.SignOutAsync(IdentityConstants.ExternalScheme);
        Problem = problem;
        Response.StatusCode = StatusCodes.Status403Forbidden;
        return Page();
    }
}
