using Attest.Core.Readiness;
using Attest.Core.Workflow;
using Attest.Web.Data;
using Attest.Web.Features.Applications;
using Attest.Web.Features.Evidence;
using Attest.Web.Features.Workflow;
using Attest.Web.Infrastructure;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Texts = Attest.Web.Features.Workflow.Texts;

namespace Attest.Web.Features.Submission;

/// <summary>
/// Submitting (and submitting again after an information request) and withdrawing. Submission freezes the application
/// as it is now, its readiness as of the office's today, the findings and the site observation that readiness was judged
/// on, and the SHA-256 of every library file attached to it.
/// </summary>
public sealed class SubmitModel(WorkflowStore store, AttestDbContext db, RequestLanguage language, Catalogs catalogs, ApplicationEvidence evidence, OfficeClock clock) : WorkflowPageModel(store, db, language)
{
    public ReadinessReport? Report { get; private set; }

    /// <summary>Files still waiting for their analysis: what is submitted now is judged without their findings.</summary>
    public ScanProgress Scan { get; private set; } = ScanProgress.None;

    private EvaluatedApplication? evaluated;

    public IReadOnlyList<ItemVerdict> UnmetPrerequisites { get; private set; } = [];

    public int AnswerDays => Store.Calendar.BusinessDays;

    public bool Resubmission => Workflow.State == WorkflowState.InformationRequested;

    public async Task<IActionResult> OnGetAsync() => await LoadPageAsync() ? Page() : NotFound();

    public async Task<IActionResult> OnPostAsync(string? note)
    {
        if (!await LoadPageAsync())
        {
            return NotFound();
        }

        // The readiness report is frozen in the checklist's language, like the package made from it
        var input = FrozenJudgement.Input(evaluated!, await EvidenceHashesAsync());
        var resubmission = Resubmission;
        return await ActAsync(
            (actor, now) => resubmission ? Workflow.Resubmit(actor, now, input, note) : Workflow.Submit(actor, now, input, note),
            async () =>
            {
                var due = Workflow.AnswerDue(Store.Calendar.Calendar, Store.Calendar.Zone, Store.Calendar.BusinessDays);
                var text = Texts.NoticeSubmitted.With(PartnerName, Workflow.CurrentVersion!.Number, due is { } d ? Day(d) : "—");
                return (await OfficeAsync()).Select(u => new Notice(u, "submitted", text, $"/applications/{Id}/office")).ToList();
            },
            Dashboard);
    }

    public async Task<IActionResult> OnPostWithdrawAsync(string? note)
    {
        if (!await LoadPageAsync())
        {
            return NotFound();
        }

        return await ActAsync((actor, now) => Workflow.Withdraw(actor, now, note), Nobody, Dashboard);
    }

    private async Task<bool> LoadPageAsync()
    {
        if (!await LoadAsync() || Actor!.Role is not (Role.AllianceLead or Role.Contributor or Role.PartnerManager))
        {
            return false;
        }

        var record = await ApplicationQueries.LoadAsync(Db, Id, tracking: false);
        if (record is null || catalogs.Find(record.ChecklistId) is not { } catalog)
        {
            return false;
        }

        // As the dashboard judges it: library evidence, findings of the code and the latest site observation
        evaluated = await evidence.EvaluateAsync(record, catalog, clock.Today, HttpContext.RequestAborted);
        Report = evaluated.Report;
        Scan = evaluated.Progress;
        UnmetPrerequisites = Report.Items.Where(i => i.Item.Part == Attest.Core.Catalogs.ChecklistPart.Prerequisites && i.Status == ReadinessStatus.NotMet).ToList();
        return true;
    }

    // Every file of the library attached to this application, by name (the id is added when two files share a name)
    private async Task<Dictionary<string, string>> EvidenceHashesAsync()
    {
        var files = await Db.EvidenceLinks.AsNoTracking().Where(l => l.ApplicationId == Id)
            .Join(Db.Evidence, l => l.EvidenceId, e => e.Id, (l, e) => new { e.Id, e.Name, e.Sha256 })
            .Where(e => e.Sha256 != null)
            .Distinct()
            .ToListAsync(HttpContext.RequestAborted);
        var hashes = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var file in files.OrderBy(f => f.Name, StringComparer.Ordinal).ThenBy(f => f.Id))
        {
            var name = hashes.ContainsKey(file.Name) || files.Count(f => f.Name == file.Name) > 1 ? $"{file.Name} ({file.Id})" : file.Name;
            hashes[name] = file.Sha256!;
        }

        return hashes;
    }
}
