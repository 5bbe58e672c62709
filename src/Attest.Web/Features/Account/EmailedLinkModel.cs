using Attest.Web.Data;
using Attest.Web.Infrastructure;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Attest.Web.Features.Account;

/// <summary>
/// A page an e-mailed link opens: it exists only when e-mail is configured, is never cached, and a link that does not
/// (or no longer) work says so with a 404. Opening it only shows what the link is for; its form does the change.
/// </summary>
public abstract class EmailedLinkModel(MailOutbox? outbox) : PageModel
{
    [BindProperty(SupportsGet = true, Name = "user")]
    public string? UserId { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? Token { get; set; }

    [BindProperty(SupportsGet = true)]
    public bool Done { get; set; }

    /// <summary>The e-mail address of the account the link is for; null when the link does not work.</summary>
    public string? Account { get; protected set; }

    /// <summary>Whether e-mail is off, in which case these pages do not exist.</summary>
    protected bool MailOff => outbox is null;

    public async Task<IActionResult> OnGetAsync()
    {
        if (MailOff)
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

    /// <summary>The account the link is for when its token is valid (setting <see cref="Account"/>), else null.</summary>
    protected abstract Task<AttestUser?> FindAsync();

    /// <summary>The page saying the link does not work, with a 404.</summary>
    protected PageResult Gone()
    {
        Account = null;
        Response.StatusCode = StatusCodes.Status404NotFound;
        return Page();
    }
}
