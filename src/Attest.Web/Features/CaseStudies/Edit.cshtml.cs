using Attest.Web.Data;
using Attest.Web.Features.Applications;
using Attest.Web.Infrastructure;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Attest.Web.Features.CaseStudies;

/// <summary>
/// Creates and edits a case study. Two people editing the same one: the second save is refused with both versions
/// shown (optimistic concurrency on the case study's revision); nothing is silently overwritten.
/// </summary>
public sealed class EditModel(AttestDbContext db, CurrentAccess access, RequestLanguage language, TimeProvider clock) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public Guid Id { get; set; }

    [BindProperty(SupportsGet = true, Name = "key")]
    public string RouteKey { get; set; } = "";

    [BindProperty]
    public CaseStudyForm Form { get; set; } = new();

    public CaseStudyForm? Theirs { get; private set; }

    public IReadOnlyList<(string Field, string? Mine, string? Theirs)> Differences { get; private set; } = [];

    /// <summary>The names (and, for links, the addresses) of the partner's evidence library, offered for the evidence lines.</summary>
    public IReadOnlyList<string> Library { get; private set; } = [];

    /// <summary>
    /// The latest date that is today somewhere (UTC+14): a completion date after it is in the future wherever the partner
    /// is; the date pickers offer nothing later.
    /// </summary>
    public DateOnly LatestToday => DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime.AddHours(14));

    public async Task<IActionResult> OnGetAsync()
    {
        var application = await db.Applications.AsNoTracking().FirstOrDefaultAsync(a => a.Id == Id);
        if (application is null || !access.Value.CanEdit(application.PartnerId))
        {
            return NotFound();
        }

        if (await Attest.Web.Features.Workflow.DecidedApplications.IsDecidedAsync(db, Id, HttpContext.RequestAborted))
        {
            TempData["Notice"] = language.T(Attest.Web.Features.Workflow.DecidedApplications.ReadOnly);
            return Redirect($"/applications/{Id}");
        }

        await LoadLibraryAsync(application.PartnerId);
        if (RouteKey == "new")
        {
            Form = new CaseStudyForm { Revision = 0 };
            return Page();
        }

        var stored = await db.CaseStudies.AsNoTracking().FirstOrDefaultAsync(c => c.ApplicationId == Id && c.Key == RouteKey);
        if (stored is null)
        {
            return NotFound();
        }

        Form = CaseStudyForm.From(ApplicationMapping.ToDomain(stored), stored.Revision);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync()
    {
        var application = await db.Applications.FirstOrDefaultAsync(a => a.Id == Id);
        if (application is null || !access.Value.CanEdit(application.PartnerId))
        {
            return NotFound();
        }

        if (await Attest.Web.Features.Workflow.DecidedApplications.IsDecidedAsync(db, Id, HttpContext.RequestAborted))
        {
            TempData["Notice"] = language.T(Attest.Web.Features.Workflow.DecidedApplications.ReadOnly);
            return Redirect($"/applications/{Id}");
        }

        var creating = RouteKey == "new";
        var stored = creating ? null : await db.CaseStudies.FirstOrDefaultAsync(c => c.ApplicationId == Id && c.Key == RouteKey);
        if (!creating && stored is null)
        {
            return NotFound();
        }

        await LoadLibraryAsync(application.PartnerId);
        Form.CheckAgainst(ModelState, language.Value, LatestToday, Library, stored?.Evidence ?? []);
        if (string.IsNullOrWhiteSpace(Form.Key) && string.IsNullOrWhiteSpace(Form.Customer))
        {
            ModelState.AddModelError("Form.Key", CaseStudyForm.Texts.NoKeyNorCustomer.In(language.Value));
        }

        var edited = Form.ToDomain(ModelState, language.Value);
        if (edited is null)
        {
            return Page();
        }

        if (edited.Key.Length == 0)
        {
            // The key is made from the customer's name, unique among the application's other case studies
            var taken = await db.CaseStudies.Where(c => c.ApplicationId == Id && c.Id != (stored == null ? Guid.Empty : stored.Id)).Select(c => c.Key).ToListAsync();
            edited = edited with { Key = Attest.Core.Applications.CaseStudyKeys.Unique(edited.Customer, taken) };
            Form.Key = edited.Key;
        }

        if (edited.Key != stored?.Key && await db.CaseStudies.AnyAsync(c => c.ApplicationId == Id && c.Key == edited.Key))
        {
            ModelState.AddModelError("Form.Key", CaseStudyForm.Texts.DuplicateKey.In(language.Value));
            return Page();
        }

        if (stored is not null && stored.Revision != Form.Revision)
        {
            return Conflict(stored);
        }

        if (stored is null)
        {
            if (await db.CaseStudies.CountAsync(c => c.ApplicationId == Id) >= Attest.Core.Applications.Application.MaxCaseStudies)
            {
                ModelState.AddModelError("Form.Key", string.Format(System.Globalization.CultureInfo.InvariantCulture, CaseStudyForm.Texts.TooMany.In(language.Value), Attest.Core.Applications.Application.MaxCaseStudies));
                return Page();
            }

            var position = await db.CaseStudies.Where(c => c.ApplicationId == Id).Select(c => (int?)c.Position).MaxAsync() ?? -1;
            stored = new CaseStudyRecord { Id = Guid.NewGuid(), ApplicationId = Id, PartnerId = application.PartnerId, Position = position + 1 };
            db.CaseStudies.Add(stored);
        }

        ApplicationMapping.CopyTo(edited, stored);
        if (!creating && stored.Key != edited.Key)
        {
            // Evidence attached to the case study follows it to its new key, in the same save
            foreach (var link in await db.EvidenceLinks.Where(l => l.ApplicationId == Id && l.CaseStudyKey == stored.Key).ToListAsync())
            {
                link.CaseStudyKey = edited.Key;
            }
        }

        stored.Key = edited.Key;
        stored.Revision = Form.Revision + 1;
        stored.UpdatedAt = clock.GetUtcNow();
        stored.UpdatedBy = access.Value.UserId;
        application.UpdatedAt = stored.UpdatedAt;
        try
        {
            await db.SaveChangesAsync();
        }
        catch (DbUpdateConcurrencyException)
        {
            // Someone saved between our read and our write: show their version, keep ours in the form
            db.ChangeTracker.Clear();
            var current = await db.CaseStudies.AsNoTracking().FirstOrDefaultAsync(c => c.Id == stored.Id);
            return current is null ? NotFound() : Conflict(current);
        }

        TempData["Notice"] = language.T(Ui.Saved);
        return Redirect($"/applications/{Id}");
    }

    private async Task LoadLibraryAsync(Guid partnerId)
    {
        var pieces = await db.Evidence.AsNoTracking().Where(e => e.PartnerId == partnerId).Select(e => new { e.Name, e.Url }).Take(10_000).ToListAsync(HttpContext.RequestAborted);
        Library = [.. pieces.Select(p => p.Name).Concat(pieces.Where(p => p.Url != null).Select(p => p.Url!)).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal)];
    }

    private PageResult Conflict(CaseStudyRecord current)
    {
        Theirs = CaseStudyForm.From(ApplicationMapping.ToDomain(current), current.Revision);
        var mine = Form;
        Differences = typeof(CaseStudyForm).GetProperties()
            .Where(p => p.PropertyType == typeof(string) && Labels.Of.ContainsKey(p.Name))
            .Select(p => (p.Name, Mine: Normalize(p.GetValue(mine) as string), Theirs: Normalize(p.GetValue(Theirs) as string)))
            .Where(d => d.Mine != d.Theirs)
            .ToList();

        // Saving again now means "keep mine": the form carries the revision it has just seen
        Form.Revision = current.Revision;
        ModelState.Remove("Form.Revision");
        Response.StatusCode = StatusCodes.Status409Conflict;
        return Page();
    }

    private static string? Normalize(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim().Replace("\r\n", "\n", StringComparison.Ordinal);
}
