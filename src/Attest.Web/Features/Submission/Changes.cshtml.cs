using Attest.Core.Workflow;
using Attest.Web.Data;
using Attest.Web.Features.Workflow;
using Attest.Web.Infrastructure;
using Microsoft.AspNetCore.Mvc;

namespace Attest.Web.Features.Submission;

/// <summary>What changed between two versions, item by item (the one before by default).</summary>
public sealed class ChangesModel(WorkflowStore store, AttestDbContext db, RequestLanguage language, Catalogs catalogs) : WorkflowPageModel(store, db, language)
{
    [BindProperty(SupportsGet = true)]
    public int Number { get; set; }

    [BindProperty(SupportsGet = true)]
    public int? From { get; set; }

    public VersionDiff? Diff { get; private set; }

    public string? Error { get; private set; }

    /// <summary>The customers' names of the newer version's case studies, by key.</summary>
    public IReadOnlyDictionary<string, string> Customers { get; private set; } = new Dictionary<string, string>();

    public async Task<IActionResult> OnGetAsync()
    {
        if (!await LoadAsync())
        {
            return NotFound();
        }

        var newer = Workflow.Versions.FirstOrDefault(v => v.Number == Number);
        var older = Workflow.Versions.FirstOrDefault(v => v.Number == (From ?? Number - 1));
        if (newer is null || older is null || catalogs.Find(newer.Checklist) is not { } catalog)
        {
            return NotFound();
        }

        (Diff, var error) = VersionComparer.Compare(older, newer, catalog);
        Customers = FrozenCustomers.Of(newer, catalogs);
        Error = error?.ToString();
        return Page();
    }
}
