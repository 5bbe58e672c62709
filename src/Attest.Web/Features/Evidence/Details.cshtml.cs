using Attest.Web.Data;
using Attest.Web.Infrastructure;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Attest.Web.Features.Evidence;

/// <summary>
/// One piece of evidence: its facts, its own date, where it is attached (attaching and detaching) and, for each place,
/// what of its stored analysis counts there (or that the analysis is pending or failed), what the analyzers found in it,
/// and deleting it — after a confirmation when it is still attached somewhere.
/// </summary>
public sealed class DetailsModel(
    AttestDbContext db,
    CurrentAccess access,
    RequestLanguage language,
    Catalogs catalogs,
    AttachEvidence attaching,
    DeleteEvidence deleting,
    OfficeClock clock) : PageModel
{
    public sealed record LinkRow(Guid Id, string Where, string? Effect);

    public sealed record Choice(string Value, string Text);

    public sealed record ChoiceGroup(string Label, IReadOnlyList<Choice> Choices);

    [BindProperty(SupportsGet = true)]
    public Guid Id { get; set; }

    [BindProperty]
    public PieceForm Form { get; set; } = new();

    [BindProperty]
    public AttachForm Attach { get; set; } = new();

    public EvidenceRecord Piece { get; private set; } = new();

    public string? AddedBy { get; private set; }

    public IReadOnlyList<LinkRow> Links { get; private set; } = [];

    public IReadOnlyList<ChoiceGroup> CaseStudyChoices { get; private set; } = [];

    public IReadOnlyList<ChoiceGroup> ItemChoices { get; private set; } = [];

    /// <summary>For a file that may be code: its stored analysis by the current analyzer (null until it is queued).</summary>
    public EvidenceAnalysisRecord? Analysis { get; private set; }

    /// <summary>For a file that may be code: its analysis once done, else null.</summary>
    public EvidenceScan? Scan { get; private set; }

    public bool MayBeCode { get; private set; }

    public bool ConfirmDelete { get; private set; }

    public async Task<IActionResult> OnGetAsync()
    {
        if (!await LoadAsync())
        {
            return NotFound();
        }

        Form = new PieceForm { Name = Piece.Name, IssuedOn = FormInput.Date(Piece.IssuedOn) };
        return Page();
    }

    public async Task<IActionResult> OnPostSaveAsync()
    {
        var piece = await EditableAsync(tracking: true);
        if (piece is null)
        {
            return NotFound();
        }

        var today = clock.Today;
        var name = EvidenceInput.Name(Form.Name, null, "Form.Name", ModelState, language.Value);
        var issued = EvidenceInput.IssuedOn(Form.IssuedOn, today, "Form.IssuedOn", ModelState, language.Value);
        if (!ModelState.IsValid)
        {
            await LoadAsync();
            return Page();
        }

        piece.Name = name!;
        piece.IssuedOn = issued;
        await db.SaveChangesAsync();
        TempData["Notice"] = language.T(Ui.Saved);
        return Redirect($"/evidence/{Id}");
    }

    public async Task<IActionResult> OnPostAttachAsync()
    {
        var piece = await EditableAsync(tracking: false);
        if (piece is null)
        {
            return NotFound();
        }

        var caseStudy = Split(Attach.CaseStudy);
        var item = Split(Attach.Item);
        if (caseStudy is not null && item is not null && caseStudy.Value.Application != item.Value.Application)
        {
            ModelState.AddModelError("Attach.Item", EvidenceInput.Labelled(Texts.Item, Texts.SameApplication, language.Value));
        }
        else
        {
            var attached = await attaching.AttachAsync(piece, (caseStudy ?? item)?.Application, caseStudy?.Value, item?.Value, HttpContext.RequestAborted);
            if (attached.Problem is not { } problem)
            {
                TempData["Notice"] = language.T(Texts.Attached);
                return Redirect($"/evidence/{Id}");
            }

            var (field, text) = problem switch
            {
                AttachProblem.NothingChosen => ("Attach.CaseStudy", Texts.ChooseOne),
                AttachProblem.AlreadyAttached => ("Attach.CaseStudy", Texts.AlreadyAttached),
                _ => (caseStudy is null ? "Attach.Item" : "Attach.CaseStudy", Texts.UnknownTarget),
            };
            ModelState.AddModelError(field, EvidenceInput.Labelled(Texts.Attach, text, language.Value));
        }

        await LoadAsync();
        Form = new PieceForm { Name = Piece.Name, IssuedOn = FormInput.Date(Piece.IssuedOn) };
        return Page();
    }

    public async Task<IActionResult> OnPostDetachAsync(Guid link)
    {
        if (await EditableAsync(tracking: false) is null)
        {
            return NotFound();
        }

        await attaching.DetachAsync(Id, link, HttpContext.RequestAborted);
        TempData["Notice"] = language.T(Texts.Detached);
        return Redirect($"/evidence/{Id}");
    }

    public async Task<IActionResult> OnPostDeleteAsync(string? confirm)
    {
        var piece = await EditableAsync(tracking: true);
        if (piece is null)
        {
            return NotFound();
        }

        if (!(await deleting.DeleteAsync(piece, evenIfAttached: confirm == "yes", HttpContext.RequestAborted)).Deleted)
        {
            await LoadAsync();
            Form = new PieceForm { Name = Piece.Name, IssuedOn = FormInput.Date(Piece.IssuedOn) };
            ConfirmDelete = true;
            return Page();
        }

        TempData["Notice"] = language.T(Texts.Deleted);
        return Redirect("/evidence");
    }

    private async Task<EvidenceRecord?> EditableAsync(bool tracking)
    {
        var query = tracking ? db.Evidence : db.Evidence.AsNoTracking();
        var piece = await query.FirstOrDefaultAsync(e => e.Id == Id);
        return piece is not null && access.Value.CanEdit(piece.PartnerId) ? piece : null;
    }

    private async Task<bool> LoadAsync()
    {
        var piece = await db.Evidence.AsNoTracking().FirstOrDefaultAsync(e => e.Id == Id);
        if (piece is null || !access.Value.CanEdit(piece.PartnerId))
        {
            return false;
        }

        Piece = piece;
        var lang = language.Value;
        AddedBy = piece.AddedBy is { } by ? await db.Users.AsNoTracking().Where(u => u.Id == by).Select(u => u.DisplayName).FirstOrDefaultAsync() : null;
        var applications = await db.Applications.AsNoTracking().Where(a => a.PartnerId == piece.PartnerId).Select(a => new { a.Id, a.ChecklistId }).ToListAsync();
        var caseStudies = await db.CaseStudies.AsNoTracking().Where(c => c.PartnerId == piece.PartnerId).Select(c => new { c.ApplicationId, c.Key, c.Customer, c.Position }).ToListAsync();
        string ApplicationName(Guid id) => applications.FirstOrDefault(a => a.Id == id) is { } a ? catalogs.Find(a.ChecklistId)?.Title.In(lang) ?? a.ChecklistId : "?";
        string CaseStudyName(Guid application, string key) => caseStudies.FirstOrDefault(c => c.ApplicationId == application && c.Key == key)?.Customer is { Length: > 0 } customer ? $"{customer} ({key})" : key;
        string ItemName(Guid application, string item) =>
            applications.FirstOrDefault(a => a.Id == application) is { } a && catalogs.Find(a.ChecklistId)?.FindItem(item) is { } found ? $"{item} {found.Title.In(lang)}" : item;

        MayBeCode = piece.Sha256 is not null && EvidenceContentType.MayHoldCode(piece.ContentType);
        if (MayBeCode)
        {
            Analysis = (await ApplicationEvidence.AnalysesAsync(db, [piece.Sha256!], HttpContext.RequestAborted)).GetValueOrDefault(piece.Sha256!);
            Scan = Analysis is null ? null : StoredAnalysis.Read(Analysis);
        }

        // What counts where: the same rule as readiness (ApplicationEvidence), said for each place
        string? Effect(Guid application, string? caseStudy, string? item)
        {
            if (caseStudy is not null && !caseStudies.Any(c => c.ApplicationId == application && c.Key == caseStudy))
            {
                return Texts.CaseStudyGone.In(lang);
            }

            if (!MayBeCode)
            {
                return null;
            }

            if (Analysis is { State: AnalysisState.Failed } failed)
            {
                return Texts.Format(Texts.AnalysisFailed.In(lang), failed.Error ?? "");
            }

            if (Scan is null)
            {
                return Texts.AnalysisPending.In(lang);
            }

            if (!Scan.IsCode)
            {
                return null;
            }

            var catalog = applications.FirstOrDefault(a => a.Id == application) is { } owner ? catalogs.Find(owner.ChecklistId) : null;
            var counted = ApplicationEvidence.Counted(Scan, piece.Name, item is null ? null : ApplicationEvidence.TopicsOf(catalog, [item])).ToList();
            var failing = counted.Count(f => f.Outcome == Attest.Core.Findings.FindingOutcome.Fail);
            return (caseStudy, item) switch
            {
                (not null, null) => Texts.Format(Texts.CountsForCaseStudy.In(lang), counted.Count, failing),
                (not null, { } i) => Texts.Format(Texts.CountsForCaseStudyItem.In(lang), counted.Count, i, failing),
                (null, { } i) => Texts.Format(Texts.CountsForItem.In(lang), counted.Count, i, failing),
                _ => null,
            };
        }

        var links = await db.EvidenceLinks.AsNoTracking().Where(l => l.EvidenceId == Id).Select(l => new { l.Id, l.ApplicationId, l.CaseStudyKey, l.ItemId }).ToListAsync();
        Links = links
            .Select(l => new LinkRow(l.Id, (l.CaseStudyKey, l.ItemId) switch
            {
                ({ } key, { } item) => Texts.Format(Texts.CaseStudyItemIn.In(lang), ApplicationName(l.ApplicationId), CaseStudyName(l.ApplicationId, key), ItemName(l.ApplicationId, item)),
                ({ } key, null) => Texts.Format(Texts.CaseStudyIn.In(lang), ApplicationName(l.ApplicationId), CaseStudyName(l.ApplicationId, key)),
                (null, { } item) => Texts.Format(Texts.ItemIn.In(lang), ApplicationName(l.ApplicationId), ItemName(l.ApplicationId, item)),
                _ => ApplicationName(l.ApplicationId),
            }, Effect(l.ApplicationId, l.CaseStudyKey, l.ItemId)))
            .OrderBy(l => l.Where, StringComparer.Ordinal)
            .ToList();
        CaseStudyChoices = applications
            .Select(a => new ChoiceGroup(ApplicationName(a.Id), caseStudies.Where(c => c.ApplicationId == a.Id).OrderBy(c => c.Position).Select(c => new Choice($"{a.Id:N}/{c.Key}", CaseStudyName(a.Id, c.Key))).ToList()))
            .Where(g => g.Choices.Count > 0)
            .ToList();
        ItemChoices = applications
            .Select(a => new ChoiceGroup(ApplicationName(a.Id), (catalogs.Find(a.ChecklistId)?.Items ?? []).Select(i => new Choice($"{a.Id:N}/{i.Id}", $"{i.Id} {i.Title.In(lang)}")).ToList()))
            .Where(g => g.Choices.Count > 0)
            .ToList();

        return true;
    }

    private static (Guid Application, string Value)? Split(string? choice)
    {
        var slash = choice?.IndexOf('/', StringComparison.Ordinal) ?? -1;
        return slash > 0 && Guid.TryParseExact(choice![..slash], "N", out var application) && choice.Length > slash + 1 ? (application, choice[(slash + 1)..]) : null;
    }

    /// <summary>The piece's own fields.</summary>
    public sealed class PieceForm
    {
        public string? Name { get; set; }

        public string? IssuedOn { get; set; }
    }

    /// <summary>Where to attach the piece: <c>application/case-study-key</c> and/or <c>application/item-id</c>.</summary>
    public sealed class AttachForm
    {
        public string? CaseStudy { get; set; }

        public string? Item { get; set; }
    }
}
