using Attest.Core.Text;
using Attest.Web.Infrastructure;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Attest.Web.Features;

/// <summary>The language switcher: remembers the choice in a cookie and goes back where the user was.</summary>
[AllowAnonymous]
public sealed class LanguageModel : PageModel
{
    public IActionResult OnPost(string? code, string? returnUrl)
    {
        if (Languages.TryParse(code, out var language))
        {
            Response.Cookies.Append(RequestLanguage.CookieName, language.Code(), new CookieOptions { HttpOnly = true, SameSite = SameSiteMode.Lax, IsEssential = true, MaxAge = TimeSpan.FromDays(365), Secure = Request.IsHttps });
        }

        return LocalRedirect(returnUrl is { Length: > 0 } && Url.IsLocalUrl(returnUrl) ? returnUrl : "/");
    }
}
