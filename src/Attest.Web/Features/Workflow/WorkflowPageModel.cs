using Attest.Core.Workflow;
using Attest.Web.Data;
using Attest.Web.Infrastructure;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Attest.Web.Features.Workflow;

/// <summary>
/// A page about one application's workflow. The application is found through the access filters (another partner's, a
/// draft for the program office, an audit not assigned to this auditor: 404); the aggregate decides what may be done.
/// </summary>
public abstract class WorkflowPageModel(WorkflowStore store, AttestDbContext db, RequestLanguage language) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public Guid Id { get; set; }

    public LoadedWorkflow Loaded { get; private set; } = null!;

    public ApplicationWorkflow Workflow => Loaded.Workflow;

    public Actor? Actor { get; private set; }

    /// <summary>Why the last action was refused, shown on the page.</summary>
    public Refusal? Refusal { get; protected set; }

    public string PartnerName => Loaded.Application.PartnerName ?? "";

    protected WorkflowStore Store => store;

    protected AttestDbContext Db => db;

    protected RequestLanguage Language => language;

    public bool Allows(WorkflowAction action) => Actor is not null && Workflow.Allows(action, Actor);

    /// <summary>Loads the application and the actor; false when the user may not see the application.</summary>
    protected async Task<bool> LoadAsync()
    {
        var loaded = await store.LoadAsync(Id, HttpContext.RequestAborted);
        if (loaded is null)
        {
            return false;
        }

        Loaded = loaded;
        Actor = store.Actor();
        return Actor is not null;
    }

    /// <summary>Runs an action: on refusal the page shows why; on success it is stored with its notices and the browser goes to <paramref name="then"/>.</summary>
    protected async Task<IActionResult> ActAsync(Func<Actor, DateTimeOffset, Outcome> action, Func<Task<IReadOnlyList<Notice>>> notices, string then)
    {
        var outcome = action(Actor!, store.Now);
        if (outcome.Refusal is { } refusal)
        {
            return await RefusedAsync(refusal);
        }

        if (!await store.SaveAsync(Loaded, await notices(), HttpContext.RequestAborted))
        {
            TempData["Notice"] = language.T(Texts.Conflict);
            return Redirect(Request.Path);
        }

        TempData["Notice"] = language.T(Texts.Done);
        return Redirect(then);
    }

    /// <summary>The page again, saying why <paramref name="refusal"/> happened; nothing is stored.</summary>
    protected async Task<IActionResult> RefusedAsync(Refusal refusal)
    {
        // Show the workflow as it was (an action of several steps may have done some in memory)
        Refusal = refusal;
        Loaded = Loaded with { Workflow = Loaded.Record is null ? new ApplicationWorkflow(Id.ToString()) : ApplicationWorkflow.Restore(SnapshotJson.Read(Loaded.Record.Snapshot)) };
        await OnRefusedAsync();
        return Page();
    }

    /// <summary>Gets what the page shows ready again after a refusal.</summary>
    protected virtual Task OnRefusedAsync() => Task.CompletedTask;

    protected static Task<IReadOnlyList<Notice>> Nobody() => Task.FromResult<IReadOnlyList<Notice>>([]);

    /// <summary>The program office's users.</summary>
    protected Task<List<string>> OfficeAsync() => db.Users.AsNoTracking().Where(u => u.Role == UserRole.ProgramOffice).Select(u => u.Id).ToListAsync(HttpContext.RequestAborted);

    /// <summary>The partner's alliance leads and contributors.</summary>
    protected Task<List<string>> PartnerPeopleAsync() =>
        db.Users.AsNoTracking().Where(u => u.PartnerId == Loaded.Application.PartnerId && (u.Role == UserRole.AllianceLead || u.Role == UserRole.Contributor)).Select(u => u.Id).ToListAsync(HttpContext.RequestAborted);

    protected string Dashboard => $"/applications/{Id}";

    protected static string Day(DateOnly day) => day.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
}
