using Attest.Web.Data;
using Attest.Web.Infrastructure;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Attest.Web.Features.Setup;

/// <summary>First run: creates the administrator; gone for good once an administrator exists (demo users do not count).</summary>
public sealed class IndexModel(UserManager<AttestUser> users, SignInManager<AttestUser> signIn, RequestLanguage language, TimeProvider clock) : PageModel
{
    [BindProperty]
    public string DisplayName { get; set; } = "";

    [BindProperty]
    public string Email { get; set; } = "";

    [BindProperty]
    public string Password { get; set; } = "";

    public async Task<IActionResult> OnGetAsync() => await users.Users.AnyAsync(u => u.Role == UserRole.Administrator) ? NotFound() : Page();

    public async Task<IActionResult> OnPostAsync()
    {
        if (await users.Users.AnyAsync(u => u.Role == UserRole.Administrator))
        {
            return NotFound();
        }

        if (string.IsNullOrWhiteSpace(DisplayName))
        {
            ModelState.AddModelError(nameof(DisplayName), language.T(Ui.DisplayName) + ": " + language.T(Ui.Required));
        }

        if (!ModelState.IsValid)
        {
            return Page();
        }

        var administrator = new AttestUser
        {
            UserName = Email,
            Email = Email,
            EmailConfirmed = true,
            DisplayName = DisplayName.Trim(),
            Role = UserRole.Administrator,
            CreatedAt = clock.GetUtcNow(),
        };
        var created = await users.CreateAsync(administrator, Password);
        if (!created.Succeeded)
        {
            foreach (var error in created.Errors)
            {
                ModelState.AddModelError(error.Code.Contains("Password", StringComparison.Ordinal) ? nameof(Password) : nameof(Email), error.Description);
            }

            return Page();
        }

        await signIn.SignInAsync(administrator, isPersistent: false);
        return LocalRedirect("/");
    }
}
