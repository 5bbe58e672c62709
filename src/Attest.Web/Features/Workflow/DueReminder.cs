using System.Globalization;
using Attest.Core.Workflow;
using Attest.Web.Data;
using Attest.Web.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Attest.Web.Features.Workflow;

/// <summary>
/// Once an hour, queues the reminders to the program office of answers due soon: on the business day before the due
/// date (or later, if the service was down then). Every instance may run this: each reminder is one job with the key
/// <c>reminder:{application}:{due date}</c>, inserted only when no job has that key, and its handler
/// (<see cref="ReminderJob"/>) marks the workflow and writes the notices in one transaction, so a due date is reminded
/// of exactly once.
/// </summary>
public sealed partial class DueReminder(IServiceScopeFactory scopes, JobQueue jobs, TimeProvider clock, IHostApplicationLifetime lifetime, ILogger<DueReminder> logger) : BackgroundService
{
    public static readonly TimeSpan Period = TimeSpan.FromHours(1);

    internal static readonly string[] Awaiting = [.. new[] { WorkflowState.Submitted, WorkflowState.InReview, WorkflowState.Resubmitted }.Select(s => WorkflowStates.Names.Wire(s))];

    /// <summary>The key that makes the reminder of one due date one job.</summary>
    public static string KeyFor(Guid applicationId, DateOnly due) => $"reminder:{applicationId}:{due.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)}";

    /// <summary>Queues the reminders due at <paramref name="now"/>; returns how many this call queued (none twice for a due date).</summary>
    public async Task<int> CheckAsync(DateTimeOffset now, CancellationToken cancel)
    {
        using var scope = scopes.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<AttestDbContext>();
        var calendar = scope.ServiceProvider.GetRequiredService<OfficeCalendar>();
        var today = scope.ServiceProvider.GetRequiredService<OfficeClock>().Day(now);

        // The job acts for nobody in particular: it reads every partner's workflow, and tells only the program office
        var waiting = await db.Workflows.IgnoreQueryFilters().AsNoTracking().Where(w => w.AnswerDue != null && Awaiting.Contains(w.State)).ToListAsync(cancel);
        var queued = 0;
        foreach (var workflow in waiting.Where(w => w.ReminderSentFor != w.AnswerDue && calendar.Calendar.ReminderDate(w.AnswerDue!.Value) <= today))
        {
            var due = workflow.AnswerDue!.Value;
            if (await jobs.EnqueueOnceAsync(db, ReminderJob.JobKind, new ReminderPayload(workflow.ApplicationId, due), KeyFor(workflow.ApplicationId, due), cancel))
            {
                queued++;
            }
        }

        return queued;
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!await lifetime.WhenStartedAsync(stoppingToken))
        {
            return;
        }

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

    [LoggerMessage(Level = LogLevel.Error, Message = "The due-date reminders could not be queued: {Reason}")]
    private static partial void LogFailed(ILogger logger, string reason);
}

/// <summary>What a reminder job reminds of.</summary>
public sealed record ReminderPayload(Guid ApplicationId, DateOnly AnswerDue);

/// <summary>
/// Reminds the program office of one due answer: marks the workflow as reminded for that date, and adds the notices and
/// their e-mail jobs, in one transaction; a workflow already marked (or answered, or whose date moved) gets nothing.
/// </summary>
public sealed class ReminderJob : IJobHandler
{
    public const string JobKind = "reminder";

    public string Kind => JobKind;

    public async Task RunAsync(JobRecord job, IServiceProvider services, CancellationToken cancel)
    {
        ArgumentNullException.ThrowIfNull(job);
        ArgumentNullException.ThrowIfNull(services);
        var payload = System.Text.Json.JsonSerializer.Deserialize<ReminderPayload>(job.Payload, JobQueue.Json) ?? throw new JobGiveUpException("the reminder cannot be read");
        var db = services.GetRequiredService<AttestDbContext>();
        var store = services.GetRequiredService<WorkflowStore>();
        var id = payload.ApplicationId;
        var due = (DateOnly?)payload.AnswerDue;

        await using var transaction = await db.Database.BeginTransactionAsync(cancel);
        var marked = await db.Workflows.IgnoreQueryFilters()
            .Where(w => w.ApplicationId == id && w.AnswerDue == due && (w.ReminderSentFor == null || w.ReminderSentFor != due) && DueReminder.Awaiting.Contains(w.State))
            .ExecuteUpdateAsync(s => s.SetProperty(w => w.ReminderSentFor, due), cancel);
        if (marked == 0)
        {
            await transaction.CommitAsync(cancel);
            return;
        }

        var name = await db.Applications.IgnoreQueryFilters().Where(a => a.Id == id).Select(a => a.PartnerName).FirstOrDefaultAsync(cancel) ?? "";
        var office = await db.Users.AsNoTracking().Where(u => u.Role == UserRole.ProgramOffice).Select(u => u.Id).ToListAsync(cancel);
        var text = Texts.NoticeReminder.With(name, payload.AnswerDue.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
        await store.AddNoticesAsync([.. office.Select(u => new Notice(u, "reminder", text, $"/applications/{id}/office"))], cancel);
        await db.SaveChangesAsync(cancel);
        await transaction.CommitAsync(cancel);
        store.Wake();
    }
}
