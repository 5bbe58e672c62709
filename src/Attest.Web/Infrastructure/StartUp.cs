using Attest.Web.Data;
using Microsoft.EntityFrameworkCore;

namespace Attest.Web.Infrastructure;

/// <summary>
/// What has to be done before the server answers, kept short: a new instance of a running fleet should answer
/// <c>/health/ready</c> within a second.
/// </summary>
public static class StartUp
{
    /// <summary>
    /// Brings the database to the latest migration, and has EF Core's model built meanwhile on another thread (the first
    /// query needs it; building it costs more than anything else at start). <c>Migrate</c> runs only when a migration is
    /// pending: with none, it would still compare the model with the migrations' snapshot, the slowest part of a start.
    /// </summary>
    public static async Task PrepareDatabaseAsync(IServiceProvider services)
    {
        ArgumentNullException.ThrowIfNull(services);
        var model = Task.Run(() =>
        {
            using var scope = services.CreateScope();
            return scope.ServiceProvider.GetRequiredService<AttestDbContext>().Model;
        });

        using (var scope = services.CreateScope())
        {
            var database = scope.ServiceProvider.GetRequiredService<AttestDbContext>().Database;
            if ((await database.GetPendingMigrationsAsync()).Any())
            {
                await database.MigrateAsync();
            }
        }

        await model;
    }
}
