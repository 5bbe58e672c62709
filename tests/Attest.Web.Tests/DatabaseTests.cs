using Attest.Web.Data;
using Attest.Web.Tests.Support;
using Microsoft.EntityFrameworkCore;

namespace Attest.Web.Tests;

public sealed class DatabaseTests(World world) : IClassFixture<World>
{
    [Fact]
    public async Task The_database_is_the_provider_asked_for()
    {
        var provider = await world.ReadAsync(db => Task.FromResult(db.Database.ProviderName ?? ""));
        Assert.Contains(world.Factory.Provider == "postgres" ? "Npgsql" : "Sqlite", provider, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_migrations_match_the_model()
    {
        var pending = await world.ReadAsync(db => Task.FromResult(db.Database.HasPendingModelChanges()));
        Assert.False(pending, "the model has changes no migration captures: add a migration for both providers");
    }

    [Fact]
    public async Task Filters_hide_other_partners_rows_even_from_a_direct_query()
    {
        using var scope = Microsoft.Extensions.DependencyInjection.ServiceProviderServiceExtensions.CreateScope(world.Factory.Services);
        var access = Microsoft.Extensions.DependencyInjection.ServiceProviderServiceExtensions.GetRequiredService<CurrentAccess>(scope.ServiceProvider);
        access.Value = new Access { PartnerIds = [world.PartnerB], OwnPartnerId = world.PartnerB, Role = UserRole.AllianceLead, UserId = world.Users["leadB"] };
        var db = Microsoft.Extensions.DependencyInjection.ServiceProviderServiceExtensions.GetRequiredService<AttestDbContext>(scope.ServiceProvider);
        Assert.DoesNotContain(await db.Applications.Select(a => a.Id).ToListAsync(), id => id == world.ApplicationA);
        Assert.All(await db.CaseStudies.ToListAsync(), c => Assert.Equal(world.PartnerB, c.PartnerId));
        Assert.Single(await db.Partners.ToListAsync());
    }

    [Fact]
    public void PostgreSQL_connections_prepare_statements_and_skip_the_reset_unless_configured_otherwise()
    {
        var defaults = new Npgsql.NpgsqlConnectionStringBuilder(PostgresConnection.WithDefaults("Host=127.0.0.1;Database=attest;Username=attest"));
        Assert.Equal(32, defaults.MaxAutoPrepare);
        Assert.Equal(2, defaults.AutoPrepareMinUsages);
        Assert.True(defaults.NoResetOnClose);
        Assert.Equal("attest", defaults.Database);

        var configured = new Npgsql.NpgsqlConnectionStringBuilder(PostgresConnection.WithDefaults("Host=127.0.0.1;Database=attest;Max Auto Prepare=0;AutoPrepareMinUsages=5;No Reset On Close=false"));
        Assert.Equal(0, configured.MaxAutoPrepare);
        Assert.Equal(5, configured.AutoPrepareMinUsages);
        Assert.False(configured.NoResetOnClose);
    }
}
