using Attest.Web.Infrastructure;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Attest.Web.Features;

/// <summary>What a user sees instead of a stack trace: a plain sentence, the status code kept.</summary>
[AllowAnonymous]
[Microsoft.AspNetCore.Mvc.IgnoreAntiforgeryToken]
public sealed class ErrorModel(RequestLanguage language) : PageModel
{
    public string Title { get; private set; } = "";

    public void OnGet(int? status) => Title = language.T((Response.StatusCode >= 400 ? Response.StatusCode : status) switch { 404 => Ui.NotFound, 403 => Ui.Denied, 507 => Ui.StorageFull, _ => Ui.Failure });

    public void OnPost(int? status) => OnGet(status);
}
