using Attest.Core.Workflow;
using Attest.Web.Data;
using Microsoft.EntityFrameworkCore;

namespace Attest.Web.Features.Workflow;

/// <summary>
/// Once an hour, reminds the program office of answers due soon: on the business day before the due date (or later, if
/// the service was down then), once per due date.
/// </summary>
public sealed partial class DueReminder(IServiceScopeFactory scopes, TimeProvider clock, ILogger<DueReminder> logger) : BackgroundService
{
    public static readonly TimeSpan Period = TimeSpan.FromHours(1);

    private static readonly string[] Awaiting = [.. new[] { WorkflowState.Submitted, WorkflowState.InReview, WorkflowState.Resubmitted }.Select(s => WorkflowStates.Names.Wire(s))];

    /// <summary>Sends the reminders due at <paramref name="now"/>; returns how many applications were reminded of.</summary>
    public async Task<int> CheckAsync(DateTimeOffset now, CancellationToken cancel)
    {
        using var scope = scopes.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<AttestDbContext>();
        var store = scope.ServiceProvider.GetRequiredService<WorkflowStore>();
        var calendar = store.Calendar;
        var today = calendar.Today(now);

        // The job acts for nobody in particular: it reads every partner's workflow, and tells only the program office
        var waiting = await db.Workflows.IgnoreQueryFilters().Where(w => w.AnswerDue != null && Awaiting.Contains(w.State)).ToListAsync(cancel);
        var due = waiting.Where(w => w.ReminderSentFor != w.AnswerDue && calendar.Calendar.ReminderDate(w.AnswerDue!.Value) <= today).ToList();
        if (due.Count == 0)
        {
            return 0;
        }

        var ids = due.Select(w => w.ApplicationId).ToList();
        var names = await db.Applications.IgnoreQueryFilters().Where(a => ids.Contains(a.Id)).ToDictionaryAsync(a => a.Id, a => a.PartnerName ?? "", cancel);
        var office = await db.Users.AsNoTracking().Where(u => u.Role == UserRole.ProgramOffice).Select(u => u.Id).ToListAsync(cancel);
        var notices = new List<Notice>();
        foreach (var workflow in due)
        {
            workflow.ReminderSentFor = workflow.AnswerDue;
            var text = Texts.NoticeReminder.With(names.GetValueOrDefault(workflow.ApplicationId, ""), workflow.AnswerDue!.Value.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture));
            notices.AddRange(office.Select(u => new Notice(u, "reminder", text, $"/applications/{workflow.ApplicationId}/office")));
        }

        await store.NotifyAsync(notices, cancel);
        return due.Count;
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(Period, clock);
        do
        {
            try
            {
                await CheckAsync(clock.GetUtcNow(), stoppingToken);
            }
            catch (Exception e) when (e is DbUpdateException or InvalidOperationException or System.Data.Common.DbException)
            {
                LogFailed(logger, e.Message);
            }
        }
        while (await timer.WaitForNextTickAsync(stoppingToken));
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "The due-date reminders could not be sent: {Reason}")]
    private static partial void LogFailed(ILogger logger, string reason);
}
