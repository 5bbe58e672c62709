using Attest.Web.Infrastructure;

namespace Attest.Web.Features.Site;

/// <summary>Registers the practice page's checks, run in the background.</summary>
public static class SiteFeature
{
    public static IServiceCollection AddSiteFeature(this IServiceCollection services)
    {
        services.AddSingleton<SiteChecks>();
        services.AddJobHandler<SiteCheckJob>();
        return services;
    }
}
