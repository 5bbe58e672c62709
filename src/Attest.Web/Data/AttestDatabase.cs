using Microsoft.EntityFrameworkCore;

namespace Attest.Web.Data;

/// <summary>
/// Registers the database: one provider's context from a pool (EF Core builds a context's services once, not per
/// request), handed out per scope as <see cref="AttestDbContext"/> with that scope's <see cref="Data.CurrentAccess"/>.
/// </summary>
public static class AttestDatabase
{
    /// <summary>Registers <typeparamref name="TContext"/> pooled, and <see cref="AttestDbContext"/> as the scope's context taken from the pool.</summary>
    public static IServiceCollection AddAttestDatabase<TContext>(this IServiceCollection services, Action<DbContextOptionsBuilder> configure)
        where TContext : AttestDbContext
    {
        ArgumentNullException.ThrowIfNull(configure);
        services.AddPooledDbContextFactory<TContext>(configure);
        // The scope disposes the context at its end, which returns it to the pool with its access cleared
        services.AddScoped<TContext>(provider =>
        {
            var db = provider.GetRequiredService<IDbContextFactory<TContext>>().CreateDbContext();
            db.CurrentAccess = provider.GetRequiredService<CurrentAccess>();
            return db;
        });
        services.AddScoped<AttestDbContext>(provider => provider.GetRequiredService<TContext>());
        return services;
    }
}
