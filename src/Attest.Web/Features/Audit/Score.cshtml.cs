using Attest.Core.Applications;
using Attest.Core.Readiness;
using Attest.Core.Workflow;
using Attest.Web.Data;
using Attest.Web.Features.Workflow;
using Attest.Web.Infrastructure;
using Microsoft.AspNetCore.Mvc;

namespace Attest.Web.Features.Audit;

/// <summary>
/// The assigned auditor's scoring grid: every cell (item × case study, or the item for the partner), Met / Not met and a
/// note, with what readiness said of the submitted version beside it (reasons, analyzer findings, evidence).
/// </summary>
public sealed class ScoreModel(WorkflowStore store, AttestDbContext db, RequestLanguage language, Catalogs catalogs, OfficeClock clock) : WorkflowPageModel(store, db, language)
{
    public sealed class CellInput
    {
        public string Item { get; set; } = "";

        public string? CaseStudy { get; set; }

        public string? Score { get; set; }

        public string? Note { get; set; }
    }

    [BindProperty]
    public List<CellInput> Cells { get; set; } = [];

    /// <summary>Readiness of the submitted version, judged on what was frozen with it.</summary>
    public ReadinessReport? Report { get; private set; }

    /// <summary>False for a version submitted before findings were frozen with versions: it is judged on its text alone.</summary>
    public bool FindingsFrozen { get; private set; } = true;

    public Application? Submitted { get; private set; }

    public async Task<IActionResult> OnGetAsync() => await LoadPageAsync() ? Page() : NotFound();

    public async Task<IActionResult> OnPostStartAsync()
    {
        if (!await LoadPageAsync())
        {
            return NotFound();
        }

        return await ActAsync(Workflow.StartAudit, Nobody, $"/audits/{Id}");
    }

    public async Task<IActionResult> OnPostScoreAsync()
    {
        var input = Cells;
        if (!await LoadPageAsync() || Workflow.Audit is not { } audit)
        {
            return NotFound();
        }

        if (input.Count > audit.Cells.Count)
        {
            return BadRequest();
        }

        // Each changed cell is one scoring step (and one trail entry); unchanged ones are left alone
        return await ActAsync(
            (actor, now) =>
            {
                foreach (var cell in input.Where(c => !string.IsNullOrEmpty(c.Score)))
                {
                    if (!AuditScores.Names.TryParse(cell.Score!, out var score))
                    {
                        return Outcome.Refused(new Attest.Core.Text.Phrase("Unknown score '{0}'.", "Note inconnue « {0} ».").With(cell.Score));
                    }

                    var caseStudy = string.IsNullOrEmpty(cell.CaseStudy) ? null : cell.CaseStudy;
                    var current = Workflow.Audit!.Cells.FirstOrDefault(c => c.ItemId == cell.Item && c.CaseStudyKey == caseStudy);
                    var note = string.IsNullOrWhiteSpace(cell.Note) ? null : cell.Note.Trim();
                    if (current is not null && current.Score == score && current.Note == note)
                    {
                        continue;
                    }

                    var outcome = Workflow.Score(actor, now, cell.Item, caseStudy, score, note);
                    if (!outcome.Succeeded)
                    {
                        return outcome;
                    }
                }

                return Outcome.Done;
            },
            Nobody,
            $"/audits/{Id}");
    }

    public async Task<IActionResult> OnPostCloseAsync(string? note)
    {
        if (!await LoadPageAsync())
        {
            return NotFound();
        }

        return await ActAsync(
            (actor, now) => Workflow.CloseAudit(actor, now, note),
            async () => (await OfficeAsync()).Select(u => new Notice(u, "audit-closed", Texts.NoticeAuditClosed.With(PartnerName), $"/applications/{Id}/office")).ToList(),
            $"/audits/{Id}");
    }

    /// <summary>The readiness verdict of an item in the submitted version.</summary>
    public ItemVerdict? Verdict(string itemId) => Report?.Items.FirstOrDefault(i => i.Item.Id == itemId);

    private async Task<bool> LoadPageAsync()
    {
        if (!await LoadAsync() || Actor!.Role != Role.Auditor || Workflow.Audit?.Plan.AuditorId != Actor.UserId || Workflow.CurrentVersion is not { } version)
        {
            return false;
        }

        // Exactly what was frozen with the version: never today's attachments or analyses
        if (catalogs.Find(version.Checklist) is { } catalog && FrozenJudgement.Of(version, catalog, clock) is { } frozen)
        {
            Submitted = frozen.Application;
            Report = frozen.Report;
            FindingsFrozen = frozen.Frozen;
        }

        return true;
    }
}
