using Attest.Web.Data;
using Attest.Web.Features.Applications;
using Attest.Web.Infrastructure;

namespace Attest.Web.Features.Evidence;

/// <summary>
/// Once the server listens, does in the background what the first dashboard or readiness request would otherwise pay
/// for: EF Core's model and the hot queries compiled (the application's row, its children, the evidence links), a
/// connection opened, and one readiness evaluation per checklist (the engine's code compiled). Reads only; a failure is
/// logged and changes nothing.
/// </summary>
public sealed partial class StartupWarmUp(IServiceScopeFactory scopes, IHostApplicationLifetime lifetime, ILogger<StartupWarmUp> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!await lifetime.WhenStartedAsync(stoppingToken))
        {
            return;
        }

        try
        {
            using var scope = scopes.CreateScope();
            var services = scope.ServiceProvider;
            var db = services.GetRequiredService<AttestDbContext>();
            var evidence = services.GetRequiredService<ApplicationEvidence>();
            var clock = services.GetRequiredService<OfficeClock>();
            // No application has the empty id: the statements run and find nothing
            await ApplicationQueries.LoadHeaderAsync(db, Guid.Empty, stoppingToken);
            await ApplicationQueries.LoadAsync(db, Guid.Empty, tracking: false, stoppingToken);
            foreach (var catalog in services.GetRequiredService<Catalogs>().All)
            {
                await evidence.EvaluateAsync(new ApplicationRecord { Id = Guid.Empty, ChecklistId = catalog.Id }, catalog, clock.Today, stoppingToken);
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }
#pragma warning disable CA1031 // The warm-up is an optimisation: whatever goes wrong, the requests do the work themselves
        catch (Exception e)
#pragma warning restore CA1031
        {
            StoppedEarly(logger, e);
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "The start-up warm-up stopped early; the first requests will be slower")]
    private static partial void StoppedEarly(ILogger logger, Exception error);
}
