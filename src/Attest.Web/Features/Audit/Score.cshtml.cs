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

    /// <summary>The grid's rows and columns: the validation items with a cell, the submitted case studies by customer.</summary>
    public Attest.Web.Features.Readiness.ReadinessMatrix? Matrix { get; private set; }

    /// <summary>How many cells are scored.</summary>
    public int ScoredCount => Workflow.Audit?.Cells.Count(c => c.Score is not null) ?? 0;

    /// <summary>"31 of 45 scored".</summary>
    public string Progress => string.Format(System.Globalization.CultureInfo.InvariantCulture, Language.T(Texts.GridProgress), ScoredCount, Workflow.Audit?.Cells.Count ?? 0);

    /// <summary>The scoring cell of an item for a case study (null: the partner as a whole), if the audit has one.</summary>
    public ScoringCell? Cell(string itemId, string? caseStudyKey) => Workflow.Audit?.Cells.FirstOrDefault(c => c.ItemId == itemId && c.CaseStudyKey == caseStudyKey);

    /// <summary>The HTML id of a cell, the anchor a saved cell returns to.</summary>
    public static string Anchor(string itemId, string? caseStudyKey) => "cell-" + itemId + (caseStudyKey is null ? "" : "--" + caseStudyKey);

    /// <summary>A case study's name in the submitted version: its customer, or its key.</summary>
    public string CaseStudyName(string? key) =>
        key is null ? Language.T(Texts.Partner) : Submitted?.CaseStudies.FirstOrDefault(c => c.Key == key) is { Customer: { Length: > 0 } customer } ? customer : key;

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

    /// <summary>
    /// Scores one cell: the grid's forms post here one by one, so a failed save loses nothing else. A browser without script
    /// comes back to the grid at the cell; a script asking for JSON gets the progress, or the reason it was not saved.
    /// </summary>
    public async Task<IActionResult> OnPostCellAsync(string? item, string? caseStudy, string? score, string? note)
    {
        if (!await LoadPageAsync() || Workflow.Audit is not { } audit)
        {
            return NotFound();
        }

        var key = string.IsNullOrEmpty(caseStudy) ? null : caseStudy;
        var cell = audit.Cells.FirstOrDefault(c => c.ItemId == item && c.CaseStudyKey == key);
        var label = cell is null ? $"{item} ({caseStudy})" : $"{cell.ItemId} — {CaseStudyName(cell.CaseStudyKey)}";
        var wantsJson = Request.Headers.Accept.Any(a => a is not null && a.Contains("application/json", StringComparison.OrdinalIgnoreCase));
        var text = note is null ? null : note.Length > 20_000 ? null : string.IsNullOrWhiteSpace(note) ? null : note.Trim();
        Outcome outcome;
        if (cell is null)
        {
            outcome = Outcome.Refused(new Attest.Core.Text.Phrase(Texts.NoSuchCell.En, Texts.NoSuchCell.Fr).With(label));
        }
        else if (note is { Length: > 20_000 })
        {
            outcome = Outcome.Refused(new Attest.Core.Text.Phrase("The note is longer than 20,000 characters.", "La note dépasse 20 000 caractères.").Message());
        }
        else if (!AuditScores.Names.TryParse(score ?? "", out var parsed))
        {
            outcome = Outcome.Refused(new Attest.Core.Text.Phrase(Texts.ChooseScore.En, Texts.ChooseScore.Fr).With(label));
        }
        else
        {
            outcome = cell.Score == parsed && cell.Note == text ? Outcome.Done : Workflow.Score(Actor!, Store.Now, cell.ItemId, cell.CaseStudyKey, parsed, text);
        }

        var anchor = $"/audits/{Id}#{Anchor(cell?.ItemId ?? "", cell?.CaseStudyKey)}";
        if (outcome.Refusal is { } refusal)
        {
            if (wantsJson)
            {
                return new JsonResult(new { error = refusal.Reason.In(Language.Value) }) { StatusCode = StatusCodes.Status422UnprocessableEntity };
            }

            return await RefusedAsync(refusal);
        }

        if (!await Store.SaveAsync(Loaded, [], HttpContext.RequestAborted))
        {
            if (wantsJson)
            {
                return new JsonResult(new { error = Language.T(Texts.Conflict) }) { StatusCode = StatusCodes.Status409Conflict };
            }

            TempData["Notice"] = Language.T(Texts.Conflict);
            return Redirect(anchor);
        }

        if (wantsJson)
        {
            return new JsonResult(new { scored = ScoredCount, total = audit.Cells.Count, progress = Progress, saved = Language.T(Texts.CellSaved) });
        }

        TempData["Notice"] = string.Format(System.Globalization.CultureInfo.InvariantCulture, Language.T(Texts.CellScored), label);
        return Redirect(anchor);
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
            var scored = Workflow.Audit?.Cells.Select(c => c.ItemId).ToHashSet(StringComparer.Ordinal) ?? [];
            Matrix = Attest.Web.Features.Readiness.ReadinessMatrix.Build(frozen.Report, frozen.Findings, include: i => scored.Contains(i.Id), partnerReads: false);
        }

        return true;
    }
}
