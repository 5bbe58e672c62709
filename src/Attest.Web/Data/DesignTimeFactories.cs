using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;

namespace Attest.Web.Data;

/// <summary>Lets <c>dotnet ef migrations add X --context SqliteAttestDbContext</c> build the model without starting the app.</summary>
public sealed class SqliteDesignTimeFactory : IDesignTimeDbContextFactory<SqliteAttestDbContext>
{
    public SqliteAttestDbContext CreateDbContext(string[] args) =>
        new(new DbContextOptionsBuilder<SqliteAttestDbContext>().UseSqlite("Data Source=design-time.db").Options);
}

/// <summary>Lets <c>dotnet ef migrations add X --context PostgresAttestDbContext</c> build the model without a server.</summary>
public sealed class PostgresDesignTimeFactory : IDesignTimeDbContextFactory<PostgresAttestDbContext>
{
    public PostgresAttestDbContext CreateDbContext(string[] args) =>
        new(new DbContextOptionsBuilder<PostgresAttestDbContext>().UseNpgsql("Host=localhost;Database=attest_design").Options);
}
