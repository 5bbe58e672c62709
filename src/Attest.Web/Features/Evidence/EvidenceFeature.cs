namespace Attest.Web.Features.Evidence;

/// <summary>Registers what the library's pages and the evidence API share: one class per action.</summary>
public static class EvidenceActions
{
    public static IServiceCollection AddEvidenceActions(this IServiceCollection services)
    {
        services.AddScoped<AddEvidenceFile>();
        services.AddScoped<AddEvidenceLink>();
        services.AddScoped<AttachEvidence>();
        services.AddScoped<DeleteEvidence>();
        services.AddScoped<DownloadEvidence>();
        return services;
    }
}
