using System.Text;
using Attest.Core.Applications;
using Attest.Core.Readiness;
using Attest.Web.Data;
using Attest.Web.Features.Evidence;
using Attest.Web.Infrastructure;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Attest.Web.Features.Applications;

/// <summary>The readiness dashboard of one application, its export and its import.</summary>
[RequestSizeLimit(MaxImportBytes + (64 * 1024))]
public sealed class ShowModel(AttestDbContext db, CurrentAccess access, Catalogs catalogs, RequestLanguage language, OfficeClock clock, ApplicationEvidence evidence, Attest.Web.Features.Workflow.WorkflowStore workflows) : PageModel
{
    public const long MaxImportBytes = 10 * 1024 * 1024;

    [BindProperty(SupportsGet = true)]
    public Guid Id { get; set; }

    public ReadinessReport? Report { get; private set; }

    public bool CanEdit { get; private set; }

    /// <summary>True when the partner's own people read the page: texts speak to them; others read them in the third person.</summary>
    public bool PartnerReads { get; private set; }

    /// <summary>True once the program office has decided: the application is read-only.</summary>
    public bool Decided { get; private set; }

    public ScanProgress Scan { get; private set; } = ScanProgress.None;

    /// <summary>The other programs the application's file holds answers for (<c>programs:</c>): each checklist's title and its number of answers.</summary>
    public IReadOnlyList<(Attest.Core.Text.LocalizedString Title, int Answers)> OtherPrograms { get; private set; } = [];

    /// <summary>Findings of files attached to an item without a case study, by item id: shown with the item, at item level.</summary>
    public IReadOnlyDictionary<string, IReadOnlyList<Attest.Core.Findings.EvidenceFinding>> ItemFindings { get; private set; } = new Dictionary<string, IReadOnlyList<Attest.Core.Findings.EvidenceFinding>>();

    /// <summary>The readiness as one table: items down, case studies across (built when first read: a page drawn from
    /// the rendered-fragment cache never needs it).</summary>
    public Attest.Web.Features.Readiness.MatrixView Matrix => matrix ??= BuildMatrix();

    /// <summary>The days on which time alone changes a verdict (built when first read).</summary>
    public Attest.Web.Features.Readiness.Timeline Timeline => timeline ??= BuildTimeline();

    /// <summary>What the readiness part of the page is drawn from (<see cref="Attest.Web.Features.Readiness.LiveState"/>): the page's
    /// script polls for a change of it.</summary>
    public string LiveFingerprint { get; private set; } = "";

    /// <summary>
    /// The key under which the readiness part of the page (summary, matrix, timeline), once rendered, is kept and shared by
    /// everyone who reads it the same way: the application, its readiness revision and the day (what the report is made
    /// of), the language, and whether the partner reads it and may edit it (wording and links). Only a reader who passed the
    /// access filters gets this far.
    /// </summary>
    public string RenderKey { get; private set; } = "";

    private Attest.Web.Features.Readiness.MatrixView? matrix;
    private Attest.Web.Features.Readiness.Timeline? timeline;
    private EvaluatedApplication? evaluated;

    /// <summary>The workflow's state, history and the steps this user may take.</summary>
    public Attest.Web.Features.Workflow.WorkflowPanel? Panel { get; private set; }

    public async Task<IActionResult> OnGetAsync() => await LoadAsync() ? Page() : NotFound();

    public async Task<IActionResult> OnGetExportAsync()
    {
        var record = await ApplicationQueries.LoadAsync(db, Id, tracking: false);
        if (record is null)
        {
            return NotFound();
        }

        var text = ApplicationWriter.Write(ApplicationMapping.ToDomain(record));
        var name = $"{Slug(record.PartnerName ?? "application")}-{record.ChecklistId}.yaml";
        return File(Encoding.UTF8.GetBytes(text), "application/yaml; charset=utf-8", name);
    }

    public async Task<IActionResult> OnPostImportAsync(IFormFile? file)
    {
        var record = await ApplicationQueries.LoadAsync(db, Id, tracking: true);
        if (record is null)
        {
            return NotFound();
        }

        if (!access.Value.CanEdit(record.PartnerId))
        {
            return Forbid();
        }

        if (await Attest.Web.Features.Workflow.DecidedApplications.IsDecidedAsync(db, Id, HttpContext.RequestAborted))
        {
            TempData["Notice"] = language.T(Attest.Web.Features.Workflow.DecidedApplications.ReadOnly);
            return Redirect($"/applications/{Id}");
        }

        if (file is null || file.Length == 0 || file.Length > MaxImportBytes)
        {
            ModelState.AddModelError("file", language.T(Ui.ImportNoFile));
            await LoadAsync();
            return Page();
        }

        string text;
        using (var reader = new StreamReader(file.OpenReadStream(), new UTF8Encoding(false, throwOnInvalidBytes: true)))
        {
            try
            {
                text = await reader.ReadToEndAsync();
            }
            catch (DecoderFallbackException)
            {
                ModelState.AddModelError("file", Format(Ui.ImportNotUtf8, file.FileName));
                await LoadAsync();
                return Page();
            }
        }

        var (imported, error) = ApplicationReader.Read(text, file.FileName, catalogs.All);
        if (error is not null || imported!.Checklist != record.ChecklistId)
        {
            ModelState.AddModelError("file", error is null
                ? Format(Ui.ImportWrongChecklist, file.FileName, imported!.Checklist, record.ChecklistId)
                : Ui.ImportProblem(error, file.FileName, language.Value));
            await LoadAsync();
            return Page();
        }

        if (ApplicationMapping.CheckPartnerName(imported, await ApplicationMapping.OwnerNameAsync(db, record.PartnerId, HttpContext.RequestAborted), file.FileName, text) is { } impostor)
        {
            ModelState.AddModelError("file", impostor.ToString());
            await LoadAsync();
            return Page();
        }

        // One save: the old content goes and the new arrives together, or nothing changes
        await ApplicationMapping.ReplaceAsync(db, record, imported, HttpContext.RequestAborted);
        record.UpdatedAt = clock.Now;
        await db.SaveChangesAsync();
        TempData["Notice"] = language.T(Ui.Imported);
        return Redirect($"/applications/{Id}");
    }

    private async Task<bool> LoadAsync()
    {
        // The row alone: the children are read only when this instance has no report for the application's readiness revision
        var record = await ApplicationQueries.LoadHeaderAsync(db, Id, HttpContext.RequestAborted);
        if (record is null || catalogs.Find(record.ChecklistId) is not { } catalog)
        {
            return false;
        }

        if (workflows.Actor() is { } actor)
        {
            // The workflow's row tells whether the application is decided too: one statement for both
            var loaded = await workflows.LoadForReadingAsync(record, HttpContext.RequestAborted);
            Decided = Attest.Web.Features.Workflow.DecidedApplications.IsDecided(loaded.Record?.State);
            Panel = Attest.Web.Features.Workflow.WorkflowPanel.For(record.Id, loaded.Workflow, actor, loaded.Record?.AnswerDue);
        }
        else
        {
            Decided = await Attest.Web.Features.Workflow.DecidedApplications.IsDecidedAsync(db, record.Id, HttpContext.RequestAborted);
        }

        OtherPrograms = [.. (record.ProgramAnswers ?? []).Select(p => (catalogs.Find(p.Checklist)?.Title ?? new(p.Checklist, p.Checklist), p.Answers.Count))];
        PartnerReads = access.Value.CanEdit(record.PartnerId);
        CanEdit = PartnerReads && !Decided;

        var today = clock.Today;
        evaluated = await evidence.EvaluateCachedAsync(record, catalog, today, HttpContext.RequestAborted);
        Scan = evaluated.Progress;
        ItemFindings = evaluated.ItemFindings;
        Report = evaluated.Report;
        matrix = null;
        timeline = null;
        LiveFingerprint = Attest.Web.Features.Readiness.LiveState.Fingerprint(record.ReadinessRevision, record.Status, today);
        RenderKey = string.Create(System.Globalization.CultureInfo.InvariantCulture, $"{record.Id:N}.{record.ReadinessRevision}.{today:yyyyMMdd}.{language.Value}.{(PartnerReads ? 'p' : 'o')}{(CanEdit ? 'e' : 'r')}");
        return true;
    }

    private Attest.Web.Features.Readiness.MatrixView BuildMatrix() => new(
        Attest.Web.Features.Readiness.ReadinessMatrix.Build(Report!, evaluated!.Findings, ItemFindings, partnerReads: PartnerReads),
        CanEdit ? key => $"/applications/{Id}/case-studies/{Uri.EscapeDataString(key)}" : null);

    private Attest.Web.Features.Readiness.Timeline BuildTimeline()
    {
        var names = Report!.Application.CaseStudies.ToDictionary(c => c.Key, c => string.IsNullOrWhiteSpace(c.Customer) ? c.Key : c.Customer!, StringComparer.Ordinal);
        return Attest.Web.Features.Readiness.Timeline.Build(Report, key => names.GetValueOrDefault(key, key), PartnerReads);
    }

    /// <summary>What to do about a failing item, or why it fails when there is no step to name.</summary>
    public Attest.Core.Text.Message NextStep(ItemVerdict item) => (item.NextStep ?? item.Reason).OnPage(PartnerReads);

    private string Format(Attest.Core.Text.LocalizedString text, params object?[] args) => string.Format(System.Globalization.CultureInfo.InvariantCulture, language.T(text), args);

    private static string Slug(string name) => new string(name.ToLowerInvariant().Select(c => char.IsAsciiLetterOrDigit(c) ? c : '-').ToArray()).Trim('-');
}

/// <summary>Loading an application with everything readiness needs; the access filters apply.</summary>
public static class ApplicationQueries
{
    // Compiled once: the hot paths (dashboard, readiness API) skip EF Core's query cache lookup and parameter extraction
    private static readonly Func<AttestDbContext, Guid, CancellationToken, Task<ApplicationRecord?>> Full = EF.CompileAsyncQuery(
        (AttestDbContext db, Guid id, CancellationToken _) => db.Applications.AsNoTracking()
            .Include(a => a.CaseStudies).Include(a => a.Content).Include(a => a.SelfAssessment).AsSplitQuery()
            .FirstOrDefault(a => a.Id == id));

    private static readonly Func<AttestDbContext, Guid, CancellationToken, Task<ApplicationRecord?>> Header = EF.CompileAsyncQuery(
        (AttestDbContext db, Guid id, CancellationToken _) => db.Applications.AsNoTracking().FirstOrDefault(a => a.Id == id));

    /// <summary>The application with its case studies, content and self-assessment (split: one statement per table, no row product).</summary>
    public static Task<ApplicationRecord?> LoadAsync(AttestDbContext db, Guid id, bool tracking, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(db);
        return tracking
            ? db.Applications.Include(a => a.CaseStudies).Include(a => a.Content).Include(a => a.SelfAssessment).AsSplitQuery().FirstOrDefaultAsync(a => a.Id == id, cancellationToken)
            : Full(db, id, cancellationToken);
    }

    /// <summary>The application's own row, without its children, untracked: enough to check access and find a cached report.</summary>
    public static Task<ApplicationRecord?> LoadHeaderAsync(AttestDbContext db, Guid id, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(db);
        return Header(db, id, cancellationToken);
    }
}
