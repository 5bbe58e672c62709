using Attest.Core.Text;
using Attest.Web.Data;
using Attest.Web.Infrastructure;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Attest.Web.Features.Admin;

/// <summary>
/// The background jobs as the administrator sees them: how many wait, run and failed, and every job that failed (or is
/// being retried) with its kind, attempts and last error — never its payload, which may carry partner-written text.
/// A failed job can be started again.
/// </summary>
[AdministratorOnly]
public sealed class JobsModel(AttestDbContext db, RequestLanguage language, TimeProvider clock, JobQueue jobs) : PageModel
{
    private const int Shown = 200;

    public sealed record Row(long Id, string Kind, JobState State, int Attempts, int MaxAttempts, string? LastError, DateTimeOffset CreatedAt, DateTimeOffset? NextRun, DateTimeOffset? FinishedAt);

    public IReadOnlyDictionary<JobState, int> Counts { get; private set; } = new Dictionary<JobState, int>();

    /// <summary>Failed jobs, then jobs waiting for a retry, newest first.</summary>
    public IReadOnlyList<Row> Troubled { get; private set; } = [];

    /// <summary>Evidence files whose analysis failed (their own queue, the analyses table).</summary>
    public int FailedAnalyses { get; private set; }

    public async Task OnGetAsync() => await LoadAsync();

    public async Task<IActionResult> OnPostRetryAsync(long id)
    {
        var now = clock.GetUtcNow().ToUnixTimeMilliseconds();
        var changed = await db.Jobs.Where(j => j.Id == id && j.State == JobState.Failed)
            .ExecuteUpdateAsync(s => s.SetProperty(j => j.State, JobState.Pending).SetProperty(j => j.Attempts, 0).SetProperty(j => j.RunAt, now).SetProperty(j => j.FinishedAt, (long?)null), HttpContext.RequestAborted);
        if (changed == 0)
        {
            return NotFound();
        }

        jobs.Wake();
        TempData["Notice"] = language.T(JobTexts.Retried);
        return RedirectToPage();
    }

    /// <summary>The name of a state in the page's language.</summary>
    public string StateName(JobState state) => language.T(state switch
    {
        JobState.Pending => JobTexts.Pending,
        JobState.Running => JobTexts.Running,
        JobState.Done => JobTexts.Done,
        _ => JobTexts.Failed,
    });

    private async Task LoadAsync()
    {
        var cancel = HttpContext.RequestAborted;
        Counts = await db.Jobs.GroupBy(j => j.State).Select(g => new { g.Key, Count = g.Count() }).ToDictionaryAsync(g => g.Key, g => g.Count, cancel);
        var rows = await db.Jobs.AsNoTracking()
            .Where(j => j.State == JobState.Failed || (j.State == JobState.Pending && j.LastError != null))
            .OrderByDescending(j => j.State == JobState.Failed).ThenByDescending(j => j.Id)
            .Take(Shown)
            .Select(j => new { j.Id, j.Kind, j.State, j.Attempts, j.MaxAttempts, j.LastError, j.CreatedAt, j.RunAt, j.FinishedAt })
            .ToListAsync(cancel);
        Troubled = [.. rows.Select(j => new Row(
            j.Id, j.Kind, j.State, j.Attempts, j.MaxAttempts, j.LastError,
            DateTimeOffset.FromUnixTimeMilliseconds(j.CreatedAt),
            j.State == JobState.Pending ? DateTimeOffset.FromUnixTimeMilliseconds(j.RunAt) : null,
            j.FinishedAt is { } f ? DateTimeOffset.FromUnixTimeMilliseconds(f) : null))];
        FailedAnalyses = await db.EvidenceAnalyses.CountAsync(a => a.State == AnalysisState.Failed && a.AnalyzerVersion == AnalyzerVersion.Current, cancel);
    }
}

/// <summary>The texts of the jobs page, in English and French.</summary>
public static class JobTexts
{
    public static readonly LocalizedString Title = new("Background jobs", "Tâches de fond");
    public static readonly LocalizedString Intro = new(
        "E-mails, web site checks and due-date reminders wait in the database until an instance runs them. A job that fails is tried again later, waiting longer each time; after its last attempt it stays here as failed until you start it again.",
        "Les e-mails, les vérifications de site web et les rappels d'échéance attendent dans la base jusqu'à ce qu'une instance les exécute. Une tâche qui échoue est réessayée plus tard, avec une attente chaque fois plus longue ; après sa dernière tentative, elle reste ici en échec jusqu'à ce que vous la relanciez.");
    public static readonly LocalizedString Pending = new("Waiting", "En attente");
    public static readonly LocalizedString Running = new("Running", "En cours");
    public static readonly LocalizedString Done = new("Done", "Terminées");
    public static readonly LocalizedString Failed = new("Failed", "En échec");
    public static readonly LocalizedString Troubled = new("Failed and retried jobs", "Tâches en échec ou réessayées");
    public static readonly LocalizedString NoTrouble = new("No job has failed.", "Aucune tâche n'a échoué.");
    public static readonly LocalizedString Kind = new("Kind", "Type");
    public static readonly LocalizedString State = new("State", "État");
    public static readonly LocalizedString Attempts = new("Attempts", "Tentatives");
    public static readonly LocalizedString LastError = new("Last error", "Dernière erreur");
    public static readonly LocalizedString Queued = new("Queued", "Mise en file");
    public static readonly LocalizedString NextOrEnd = new("Next attempt or end", "Prochaine tentative ou fin");
    public static readonly LocalizedString Retry = new("Try again", "Relancer");
    public static readonly LocalizedString Retried = new("The job will run again shortly.", "La tâche va être relancée sous peu.");
    public static readonly LocalizedString FailedAnalyses = new("Evidence files whose analysis failed: {0}.", "Fichiers de preuve dont l'analyse a échoué : {0}.");
}
