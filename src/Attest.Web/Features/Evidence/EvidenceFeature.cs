using Attest.Web.Infrastructure;

namespace Attest.Web.Features.Evidence;

/// <summary>Registers the evidence library: the file store (and its check for <c>/health/ready</c>), the background analyzer, the readiness helper and one class per action, which the pages share with the API.</summary>
public static class EvidenceFeature
{
    public static IServiceCollection AddEvidenceFeature(this IServiceCollection services)
    {
        services.AddSingleton<EvidenceStore>();
        services.AddHealthChecks().AddCheck<EvidenceStoreHealthCheck>("evidence-store");
        services.AddSingleton<EvidenceAnalysisWorker>();
        services.AddHostedService(sp => sp.GetRequiredService<EvidenceAnalysisWorker>());
        services.AddScoped<ApplicationEvidence>();
        services.AddSingleton<ReadinessCache>();
        services.AddScoped<AddEvidenceFile>();
        services.AddScoped<AddEvidenceLink>();
        services.AddScoped<AttachEvidence>();
        services.AddScoped<DeleteEvidence>();
        services.AddScoped<DownloadEvidence>();
        return services;
    }
}
