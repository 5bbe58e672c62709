using Attest.Web.Data;
using Attest.Web.Features.Workflow;
using Attest.Web.Infrastructure;
using Microsoft.AspNetCore.Mvc;

namespace Attest.Web.Features.Submission;

/// <summary>The frozen versions of an application, newest first.</summary>
public sealed class VersionsModel(WorkflowStore store, AttestDbContext db, RequestLanguage language) : WorkflowPageModel(store, db, language)
{
    public async Task<IActionResult> OnGetAsync() => await LoadAsync() ? Page() : NotFound();
}
