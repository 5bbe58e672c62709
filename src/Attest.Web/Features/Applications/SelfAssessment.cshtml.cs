using System.Globalization;
using Attest.Core.Catalogs;
using Attest.Core.Text;
using Attest.Web.Data;
using Attest.Web.Infrastructure;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Attest.Web.Features.Applications;

/// <summary>
/// The self-assessment of every checklist item: met or not, the justification, the evidence. Each item carries its own
/// revision; a save writes every item the user changed in one transaction, or — when one of them was changed by someone
/// else meanwhile, or anything is invalid — writes nothing and names the items concerned.
/// </summary>
public sealed class SelfAssessmentModel(AttestDbContext db, CurrentAccess access, Catalogs catalogs, RequestLanguage language, TimeProvider clock) : PageModel
{
    public sealed record LibraryPiece(Guid Id, string Name, string? Url, DateOnly? IssuedOn);

    [BindProperty(SupportsGet = true)]
    public Guid Id { get; set; }

    [BindProperty]
    public List<SelfAssessmentItemForm> Items { get; set; } = [];

    public Catalog Catalog { get; private set; } = null!;

    public bool CanEdit { get; private set; }

    public IReadOnlyList<LibraryPiece> Library { get; private set; } = [];

    /// <summary>The application's case studies (key, customer), in order: items judged on case studies take an answer for each.</summary>
    public IReadOnlyList<(string Key, string? Customer)> CaseStudies { get; private set; } = [];

    /// <summary>For each item in conflict: the version someone else saved.</summary>
    public IReadOnlyDictionary<string, SelfAssessmentItemForm> Conflicts { get; private set; } = new Dictionary<string, SelfAssessmentItemForm>();

    /// <summary>The form of each item, in checklist order.</summary>
    public IReadOnlyDictionary<string, SelfAssessmentItemForm> ByItem { get; private set; } = new Dictionary<string, SelfAssessmentItemForm>();

    public async Task<IActionResult> OnGetAsync()
    {
        var application = await db.Applications.AsNoTracking().FirstOrDefaultAsync(a => a.Id == Id);
        if (application is null || catalogs.Find(application.ChecklistId) is not { } catalog)
        {
            return NotFound();
        }

        Catalog = catalog;
        CanEdit = access.Value.CanEdit(application.PartnerId) && !await Attest.Web.Features.Workflow.DecidedApplications.IsDecidedAsync(db, Id, HttpContext.RequestAborted);
        var stored = await StoredAsync(tracking: false);
        Show(stored, posted: []);
        await LoadLibraryAsync(application.PartnerId);
        await LoadCaseStudiesAsync();
        return Page();
    }

    public async Task<IActionResult> OnPostAsync()
    {
        var application = await db.Applications.AsNoTracking().FirstOrDefaultAsync(a => a.Id == Id);
        if (application is null || !access.Value.CanEdit(application.PartnerId) || catalogs.Find(application.ChecklistId) is not { } catalog)
        {
            return NotFound();
        }

        if (await Attest.Web.Features.Workflow.DecidedApplications.IsDecidedAsync(db, Id, HttpContext.RequestAborted))
        {
            TempData["Notice"] = language.T(Attest.Web.Features.Workflow.DecidedApplications.ReadOnly);
            return Redirect($"/applications/{Id}");
        }

        Catalog = catalog;
        CanEdit = true;
        await LoadLibraryAsync(application.PartnerId);
        await LoadCaseStudiesAsync();
        var posted = new Dictionary<string, SelfAssessmentItemForm>(StringComparer.Ordinal);
        foreach (var item in Items.Where(i => catalog.FindItem(i.ItemId) is not null))
        {
            posted.TryAdd(item.ItemId, item);
        }

        Validate(posted.Values);
        var stored = await StoredAsync(tracking: true);
        if (!ModelState.IsValid)
        {
            Show(stored, posted);
            return Page();
        }

        var (changes, conflicts) = Compare(posted.Values, stored);
        if (conflicts.Count > 0)
        {
            return Conflict(stored, posted, conflicts);
        }

        foreach (var change in changes)
        {
            Apply(change, stored, application.PartnerId);
        }

        try
        {
            // One transaction: every changed item is written, with the application's time of change, or nothing is
            await using var transaction = await db.Database.BeginTransactionAsync();
            await db.SaveChangesAsync();
            if (changes.Count > 0)
            {
                var now = clock.GetUtcNow();
                await db.Applications.Where(a => a.Id == Id).ExecuteUpdateAsync(set => set.SetProperty(a => a.UpdatedAt, now).SetProperty(a => a.ReadinessRevision, a => a.ReadinessRevision + 1));
            }

            await transaction.CommitAsync();
        }
        catch (DbUpdateException)
        {
            db.ChangeTracker.Clear();
            var fresh = await StoredAsync(tracking: false);
            var (_, raced) = Compare(posted.Values, fresh);
            if (raced.Count == 0)
            {
                throw;
            }

            return Conflict(fresh, posted, raced);
        }

        TempData["Notice"] = language.T(Ui.Saved);
        return Redirect($"/applications/{Id}/self-assessment");
    }

    private void Validate(IEnumerable<SelfAssessmentItemForm> items)
    {
        var library = Library.Select(p => p.Id).ToHashSet();
        var lang = language.Value;
        string Format(LocalizedString text, params object[] values) => string.Format(CultureInfo.InvariantCulture, text.In(lang), values);
        foreach (var item in items)
        {
            var key = ErrorKey(item.ItemId);
            if (!FormInput.IsTri(item.Met))
            {
                ModelState.AddModelError($"{key}.Met", Format(SelfAssessmentTexts.BadMet, item.ItemId));
            }

            if (item.Note?.Length > SelfAssessmentItemForm.MaxNote)
            {
                ModelState.AddModelError($"{key}.Note", Format(SelfAssessmentTexts.NoteTooLong, item.ItemId, SelfAssessmentItemForm.MaxNote));
            }

            var references = FormInput.Lines(item.References);
            if (references.Count > SelfAssessmentItemForm.MaxReferences || references.Any(r => r.Length > SelfAssessmentItemForm.MaxReference))
            {
                ModelState.AddModelError($"{key}.References", Format(SelfAssessmentTexts.ReferencesTooMany, item.ItemId, SelfAssessmentItemForm.MaxReferences, SelfAssessmentItemForm.MaxReference));
            }

            if (item.Evidence.Any(e => !library.Contains(e)))
            {
                ModelState.AddModelError($"{key}.Evidence", Format(SelfAssessmentTexts.UnknownEvidence, item.ItemId));
            }

            var judgedOnPartner = Catalog.FindItem(item.ItemId)?.AppliesTo == Applicability.Partner;
            foreach (var answer in item.StatedAnswers)
            {
                if (judgedOnPartner || CaseStudies.All(c => c.Key != answer.Key))
                {
                    ModelState.AddModelError($"{key}.CaseStudies", Format(SelfAssessmentTexts.UnknownCaseStudy, item.ItemId, answer.Key));
                }
                else if (!string.IsNullOrEmpty(answer.Answer) && !Attest.Core.Applications.Vocabulary.Answers.TryParse(answer.Answer, out _))
                {
                    ModelState.AddModelError($"{key}.CaseStudies", Format(SelfAssessmentTexts.BadAnswer, item.ItemId, answer.Key));
                }
                else if (answer.Note?.Length > SelfAssessmentItemForm.MaxNote)
                {
                    ModelState.AddModelError($"{key}.CaseStudies", Format(SelfAssessmentTexts.NoteTooLong, item.ItemId, SelfAssessmentItemForm.MaxNote));
                }
            }

            if (item.CaseStudies.Count > CaseStudyLimit)
            {
                ModelState.AddModelError($"{key}.CaseStudies", Format(SelfAssessmentTexts.UnknownCaseStudy, item.ItemId, "…"));
            }
        }
    }

    // Untouched items are left alone; a touched item whose stored version moved since it was shown is a conflict
    private static (List<SelfAssessmentItemForm> Changes, Dictionary<string, SelfAssessmentItemForm> Conflicts) Compare(IEnumerable<SelfAssessmentItemForm> posted, Stored stored)
    {
        var changes = new List<SelfAssessmentItemForm>();
        var conflicts = new Dictionary<string, SelfAssessmentItemForm>(StringComparer.Ordinal);
        foreach (var mine in posted)
        {
            var wanted = mine.Fingerprint();
            var current = stored.FormOf(mine.ItemId);
            var now = current.Fingerprint();
            if (wanted == mine.Original || wanted == now)
            {
                continue;
            }

            if (current.Revision != mine.Revision || now != mine.Original)
            {
                conflicts[mine.ItemId] = current;
                continue;
            }

            changes.Add(mine);
        }

        return (changes, conflicts);
    }

    private void Apply(SelfAssessmentItemForm change, Stored stored, Guid partnerId)
    {
        stored.Entries.TryGetValue(change.ItemId, out var entry);
        if (change.IsEmpty)
        {
            if (entry is not null)
            {
                db.SelfAssessment.Remove(entry);
            }
        }
        else if (entry is null)
        {
            entry = new SelfAssessmentRecord { ApplicationId = Id, PartnerId = partnerId, ItemId = change.ItemId, Revision = change.Revision + 1 };
            change.CopyTo(entry);
            db.SelfAssessment.Add(entry);
        }
        else
        {
            change.CopyTo(entry);
            entry.Revision = change.Revision + 1;
        }

        var attached = stored.Links.Where(l => l.ItemId == change.ItemId).ToList();
        db.EvidenceLinks.RemoveRange(attached.Where(l => !change.Evidence.Contains(l.EvidenceId)));
        foreach (var piece in change.Evidence.Distinct().Where(e => attached.All(l => l.EvidenceId != e)))
        {
            db.EvidenceLinks.Add(new EvidenceLink { Id = Guid.NewGuid(), EvidenceId = piece, PartnerId = partnerId, ApplicationId = Id, ItemId = change.ItemId });
        }
    }

    private PageResult Conflict(Stored stored, Dictionary<string, SelfAssessmentItemForm> posted, Dictionary<string, SelfAssessmentItemForm> conflicts)
    {
        // Saving again now means "keep mine" for the items in conflict: their forms carry the version just seen
        foreach (var (itemId, theirs) in conflicts)
        {
            posted[itemId].Revision = theirs.Revision;
            posted[itemId].Original = theirs.Original;
        }

        Conflicts = conflicts;
        Show(stored, posted);
        Response.StatusCode = StatusCodes.Status409Conflict;
        return Page();
    }

    private void Show(Stored stored, Dictionary<string, SelfAssessmentItemForm> posted)
    {
        ByItem = Catalog.Items.ToDictionary(i => i.Id, i => posted.TryGetValue(i.Id, out var mine) ? mine : stored.FormOf(i.Id), StringComparer.Ordinal);
        Items = [.. ByItem.Values];
    }

    /// <summary>Where the errors of an item are kept, whatever its place in the posted form.</summary>
    public static string ErrorKey(string itemId) => $"item-{itemId}";

    // More per-case-study answers than an application may hold case studies is not a form this page made
    private const int CaseStudyLimit = 1000;

    private async Task LoadCaseStudiesAsync()
    {
        var rows = await db.CaseStudies.AsNoTracking().Where(c => c.ApplicationId == Id).OrderBy(c => c.Position).Select(c => new { c.Key, c.Customer }).ToListAsync();
        CaseStudies = rows.Select(r => (r.Key, r.Customer)).ToList();
    }

    private async Task LoadLibraryAsync(Guid partnerId)
    {
        var pieces = await db.Evidence.AsNoTracking().Where(e => e.PartnerId == partnerId).Select(e => new LibraryPiece(e.Id, e.Name, e.Url, e.IssuedOn)).ToListAsync();
        Library = pieces.OrderBy(p => p.Name, StringComparer.CurrentCultureIgnoreCase).ToList();
    }

    private async Task<Stored> StoredAsync(bool tracking)
    {
        var entries = tracking ? db.SelfAssessment : db.SelfAssessment.AsNoTracking();
        var links = tracking ? db.EvidenceLinks : db.EvidenceLinks.AsNoTracking();
        return new Stored(
            await entries.Where(s => s.ApplicationId == Id).ToDictionaryAsync(s => s.ItemId, StringComparer.Ordinal),
            await links.Where(l => l.ApplicationId == Id && l.ItemId != null && l.CaseStudyKey == null).ToListAsync());
    }

    /// <summary>The stored entries of the application and the library pieces attached to its items.</summary>
    private sealed record Stored(Dictionary<string, SelfAssessmentRecord> Entries, List<EvidenceLink> Links)
    {
        public SelfAssessmentItemForm FormOf(string itemId) =>
            SelfAssessmentItemForm.From(itemId, Entries.GetValueOrDefault(itemId), Links.Where(l => l.ItemId == itemId).Select(l => l.EvidenceId));
    }
}
