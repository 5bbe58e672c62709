using Attest.Web.Infrastructure;

namespace Attest.Web.Features.Workflow;

/// <summary>
/// Registers what the submission, review and audit rooms share: the office's calendar and its "today", the workflow
/// store, the unread notifications and the reminder of due answers.
/// </summary>
public static class WorkflowFeature
{
    /// <summary>Reads the calendar from <paramref name="settings"/> now, so that a wrong setting stops the start with its name.</summary>
    public static IServiceCollection AddWorkflowFeature(this IServiceCollection services, WorkflowSettings settings)
    {
        var calendar = new OfficeCalendar(settings);
        services.AddSingleton(calendar);
        services.AddSingleton(sp => new OfficeClock(sp.GetRequiredService<TimeProvider>(), calendar.Zone));
        services.AddSingleton<WorkflowReadCache>();
        services.AddScoped<WorkflowStore>();
        services.AddScoped<UnreadNotifications>();
        services.AddSingleton<DueReminder>();
        services.AddHostedService(sp => sp.GetRequiredService<DueReminder>());
        services.AddJobHandler<ReminderJob>();
        return services;
    }
}
