using Attest.Web.Data;
using Attest.Web.Infrastructure;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Attest.Web.Features.Applications;

/// <summary>
/// Edits the partner profile an application declares. Two people saving it: the second save is refused with both
/// versions shown (optimistic concurrency on the application's revision); nothing is silently overwritten.
/// </summary>
public sealed class ProfileModel(AttestDbContext db, CurrentAccess access, RequestLanguage language, TimeProvider clock, Site.SiteChecks sites) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public Guid Id { get; set; }

    [BindProperty]
    public ProfileForm Form { get; set; } = new();

    public bool Conflicted { get; private set; }

    public IReadOnlyList<(string Field, string? Theirs, string? Mine)> Differences { get; private set; } = [];

    /// <summary>The latest web site check, shown below the form.</summary>
    public Site.SiteCheckView? SiteCheck { get; private set; }

    /// <summary>The customers' names of the application's case studies, by key: the site check names its targets by them.</summary>
    public IReadOnlyDictionary<string, string> Customers { get; private set; } = new Dictionary<string, string>();

    /// <summary>After any handler that shows the page with a site check naming case studies, their customers' names are loaded.</summary>
    public override async Task OnPageHandlerExecutionAsync(Microsoft.AspNetCore.Mvc.Filters.PageHandlerExecutingContext context, Microsoft.AspNetCore.Mvc.Filters.PageHandlerExecutionDelegate next)
    {
        ArgumentNullException.ThrowIfNull(next);
        var executed = await next();
        if (executed.Result is PageResult && SiteCheck?.Observation is { CaseStudies.Count: > 0 })
        {
            var names = await db.CaseStudies.AsNoTracking().Where(c => c.ApplicationId == Id && c.Customer != null).Select(c => new { c.Key, c.Customer }).ToListAsync(HttpContext.RequestAborted);
            Customers = names.ToDictionary(c => c.Key, c => c.Customer!, StringComparer.Ordinal);
        }
    }

    public async Task<IActionResult> OnGetAsync()
    {
        var application = await db.Applications.AsNoTracking().Include(a => a.Content).FirstOrDefaultAsync(a => a.Id == Id);
        if (application is null || !access.Value.CanEdit(application.PartnerId))
        {
            return NotFound();
        }

        if (await Attest.Web.Features.Workflow.DecidedApplications.IsDecidedAsync(db, Id, HttpContext.RequestAborted))
        {
            TempData["Notice"] = language.T(Attest.Web.Features.Workflow.DecidedApplications.ReadOnly);
            return Redirect($"/applications/{Id}");
        }

        Form = ProfileForm.From(application);
        SiteCheck = Site.SiteCheckView.Of(application, sites);
        return Page();
    }

    public async Task<IActionResult> OnPostCheckSiteAsync()
    {
        var application = await db.Applications.AsNoTracking().Include(a => a.Content).FirstOrDefaultAsync(a => a.Id == Id);
        if (application is null || !access.Value.CanEdit(application.PartnerId))
        {
            return NotFound();
        }

        if (await Attest.Web.Features.Workflow.DecidedApplications.IsDecidedAsync(db, Id, HttpContext.RequestAborted))
        {
            TempData["Notice"] = language.T(Attest.Web.Features.Workflow.DecidedApplications.ReadOnly);
            return Redirect($"/applications/{Id}");
        }

        if (string.IsNullOrWhiteSpace(application.Homepage))
        {
            ModelState.AddModelError("site-check", language.T(Site.Texts.NoHomepage));
            Form = ProfileForm.From(application);
            SiteCheck = Site.SiteCheckView.Of(application, sites);
            return Page();
        }

        var started = await sites.RequestAsync(db, application, HttpContext.RequestAborted);
        TempData["Notice"] = language.T(started ? Site.Texts.Started : Site.Texts.AlreadyRunning);
        return Redirect($"/applications/{Id}/profile#site-check");
    }

    public async Task<IActionResult> OnPostAsync()
    {
        var application = await db.Applications.Include(a => a.Content).FirstOrDefaultAsync(a => a.Id == Id);
        if (application is null || !access.Value.CanEdit(application.PartnerId))
        {
            return NotFound();
        }

        if (await Attest.Web.Features.Workflow.DecidedApplications.IsDecidedAsync(db, Id, HttpContext.RequestAborted))
        {
            TempData["Notice"] = language.T(Attest.Web.Features.Workflow.DecidedApplications.ReadOnly);
            return Redirect($"/applications/{Id}");
        }

        if (Form.Action == "add")
        {
            // Only the form changes: one more row to fill, rows marked for removal gone, nothing saved
            ModelState.Clear();
            Form.Content = [.. Form.Content.Where(r => r.Remove != "yes"), new ContentRow()];
            Form.Action = null;
            return Page();
        }

        var profile = Form.ToDomain(ModelState, language.Value);
        if (profile is null)
        {
            return Page();
        }

        if (application.Revision != Form.Revision)
        {
            return Conflict(application);
        }

        ProfileForm.CopyTo(profile, application);
        application.Revision = Form.Revision + 1;
        application.UpdatedAt = clock.GetUtcNow();
        try
        {
            await db.SaveChangesAsync();
        }
        catch (DbUpdateConcurrencyException)
        {
            // Someone saved between our read and our write: show their version, keep ours in the form
            db.ChangeTracker.Clear();
            var current = await db.Applications.AsNoTracking().Include(a => a.Content).FirstOrDefaultAsync(a => a.Id == Id);
            return current is null ? NotFound() : Conflict(current);
        }

        TempData["Notice"] = language.T(Ui.Saved);
        return Redirect($"/applications/{Id}");
    }

    private PageResult Conflict(ApplicationRecord current)
    {
        Conflicted = true;
        Differences = ProfileForm.Differences(ProfileForm.From(current), Form);

        // Saving again now means "keep mine": the form carries the revision it has just seen
        Form.Revision = current.Revision;
        ModelState.Remove("Form.Revision");
        Response.StatusCode = StatusCodes.Status409Conflict;
        return Page();
    }
}
