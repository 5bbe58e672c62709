namespace Attest.Web.Infrastructure;

/// <summary>
/// Background work that is not needed to answer the first request (jobs, analyses, reminders, the warm-up) waits until the
/// server listens, so that a starting instance spends its two cores on getting ready, not on a queue.
/// </summary>
public static class HostStart
{
    /// <summary>Completes once the host has started (at once if it already has): true, or false when it stops first.</summary>
    public static async Task<bool> WhenStartedAsync(this IHostApplicationLifetime lifetime, CancellationToken stoppingToken)
    {
        ArgumentNullException.ThrowIfNull(lifetime);
        var started = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        using (lifetime.ApplicationStarted.Register(() => started.TrySetResult()))
        using (stoppingToken.Register(() => started.TrySetCanceled(stoppingToken)))
        {
            try
            {
                await started.Task;
                return true;
            }
            catch (OperationCanceledException)
            {
                return false;
            }
        }
    }
}
