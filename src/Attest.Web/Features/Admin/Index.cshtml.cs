using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Attest.Web.Features.Admin;

/// <summary>The administrator's start page: where partners, users, assignments and invitations are managed.</summary>
[AdministratorOnly]
public sealed class IndexModel : PageModel
{
    public void OnGet()
    {
    }
}
