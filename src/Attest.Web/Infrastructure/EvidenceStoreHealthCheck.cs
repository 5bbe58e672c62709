using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace Attest.Web.Infrastructure;

/// <summary>For <c>/health/ready</c>: the evidence store can be used (the folder exists or can be made; the bucket answers to these keys).</summary>
public sealed class EvidenceStoreHealthCheck(EvidenceStore store) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        var problem = await store.Objects.ProblemAsync(cancellationToken);
        return problem is null ? HealthCheckResult.Healthy($"evidence store: {store.Kind}") : HealthCheckResult.Unhealthy(problem);
    }
}
