using System.Text.Json;
using Microsoft.AspNetCore.Identity.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;

namespace Attest.Web.Data;

/// <summary>
/// The one database context. Every partner-owned table is filtered by <see cref="Access"/>: a query cannot return
/// another partner's rows unless it says <c>IgnoreQueryFilters()</c>, which only administration code may do.
/// </summary>
public class AttestDbContext(DbContextOptions options, CurrentAccess access) : IdentityDbContext<AttestUser>(options)
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public DbSet<Partner> Partners => Set<Partner>();

    public DbSet<PartnerAssignment> PartnerAssignments => Set<PartnerAssignment>();

    public DbSet<ApplicationRecord> Applications => Set<ApplicationRecord>();

    public DbSet<CaseStudyRecord> CaseStudies => Set<CaseStudyRecord>();

    public DbSet<ContentRecord> Content => Set<ContentRecord>();

    public DbSet<SelfAssessmentRecord> SelfAssessment => Set<SelfAssessmentRecord>();

    /// <summary>The access the filters apply (read at query time, so one context serves one request).</summary>
    internal Access Access => access.Value;

    protected override void OnModelCreating(ModelBuilder builder)
    {
        base.OnModelCreating(builder);

        builder.Entity<AttestUser>(user =>
        {
            user.Property(u => u.DisplayName).HasMaxLength(200);
            user.Property(u => u.PreferredLanguage).HasMaxLength(8);
            user.Property(u => u.Role).HasConversion<string>().HasMaxLength(32);
            user.HasIndex(u => u.PartnerId);
        });

        builder.Entity<Partner>(partner =>
        {
            partner.Property(p => p.Name).HasMaxLength(200).IsRequired();
            partner.HasIndex(p => p.Name).IsUnique();
            partner.HasQueryFilter(p => Access.PartnerIds.Contains(p.Id));
        });

        builder.Entity<PartnerAssignment>(assignment =>
        {
            assignment.HasKey(a => new { a.PartnerId, a.UserId });
            assignment.HasOne<Partner>().WithMany().HasForeignKey(a => a.PartnerId).OnDelete(DeleteBehavior.Cascade);
            assignment.HasOne<AttestUser>().WithMany().HasForeignKey(a => a.UserId).OnDelete(DeleteBehavior.Cascade);
        });

        builder.Entity<ApplicationRecord>(application =>
        {
            application.Property(a => a.ChecklistId).HasMaxLength(100).IsRequired();
            application.Property(a => a.Status).HasConversion<string>().HasMaxLength(32);
            application.Property(a => a.Tier).HasConversion<string>().HasMaxLength(32);
            application.Property(a => a.Revision).IsConcurrencyToken();
            application.HasIndex(a => new { a.PartnerId, a.ChecklistId }).IsUnique();
            application.HasOne<Partner>().WithMany().HasForeignKey(a => a.PartnerId).OnDelete(DeleteBehavior.Restrict);
            application.HasMany(a => a.CaseStudies).WithOne(c => c.Application).HasForeignKey(c => c.ApplicationId).OnDelete(DeleteBehavior.Cascade);
            application.HasMany(a => a.Content).WithOne().HasForeignKey(c => c.ApplicationId).OnDelete(DeleteBehavior.Cascade);
            application.HasMany(a => a.SelfAssessment).WithOne().HasForeignKey(s => s.ApplicationId).OnDelete(DeleteBehavior.Cascade);
            application.HasQueryFilter(a => Access.PartnerIds.Contains(a.PartnerId) || (Access.SeesSubmitted && a.Status != ApplicationStatus.Draft));
        });

        builder.Entity<CaseStudyRecord>(caseStudy =>
        {
            caseStudy.Property(c => c.Key).HasMaxLength(100).IsRequired();
            caseStudy.HasIndex(c => new { c.ApplicationId, c.Key }).IsUnique();
            caseStudy.Property(c => c.Revision).IsConcurrencyToken();
            caseStudy.Property(c => c.Stage).HasConversion<string>().HasMaxLength(32);
            caseStudy.Property(c => c.UseCase).HasConversion<string>().HasMaxLength(32);
            caseStudy.Property(c => c.Delivery).HasConversion<string>().HasMaxLength(32);
            JsonColumn(caseStudy.Property(c => c.AwsServices));
            JsonColumn(caseStudy.Property(c => c.ThirdParty));
            JsonColumn(caseStudy.Property(c => c.Compliance));
            JsonColumn(caseStudy.Property(c => c.Evidence));
            JsonColumn(caseStudy.Property(c => c.Availability));
            caseStudy.HasQueryFilter(c => Access.PartnerIds.Contains(c.PartnerId) || (Access.SeesSubmitted && c.Application!.Status != ApplicationStatus.Draft));
        });

        builder.Entity<ContentRecord>(content =>
        {
            content.Property(c => c.Kind).HasConversion<string>().HasMaxLength(32);
            content.HasQueryFilter(c => Access.PartnerIds.Contains(c.PartnerId) || Access.SeesSubmitted);
        });

        builder.Entity<SelfAssessmentRecord>(entry =>
        {
            entry.HasKey(s => new { s.ApplicationId, s.ItemId });
            entry.Property(s => s.ItemId).HasMaxLength(32);
            entry.Property(s => s.Revision).IsConcurrencyToken();
            JsonColumn(entry.Property(s => s.Evidence));
            entry.HasQueryFilter(s => Access.PartnerIds.Contains(s.PartnerId) || Access.SeesSubmitted);
        });
    }

    // Small lists live in one JSON text column: they are read and written with their row, never queried
    private static void JsonColumn<T>(Microsoft.EntityFrameworkCore.Metadata.Builders.PropertyBuilder<List<T>?> property) =>
        property.HasConversion(
            value => value == null ? null : JsonSerializer.Serialize(value, Json),
            text => text == null ? null : JsonSerializer.Deserialize<List<T>>(text, Json),
            new ValueComparer<List<T>?>(
                (a, b) => JsonSerializer.Serialize(a, Json) == JsonSerializer.Serialize(b, Json),
                value => JsonSerializer.Serialize(value, Json).GetHashCode(StringComparison.Ordinal),
                value => value == null ? null : JsonSerializer.Deserialize<List<T>>(JsonSerializer.Serialize(value, Json), Json)));
}

/// <summary>The SQLite flavour: its own migrations.</summary>
public sealed class SqliteAttestDbContext(DbContextOptions<SqliteAttestDbContext> options, CurrentAccess access) : AttestDbContext(options, access);

/// <summary>The PostgreSQL flavour: its own migrations.</summary>
public sealed class PostgresAttestDbContext(DbContextOptions<PostgresAttestDbContext> options, CurrentAccess access) : AttestDbContext(options, access);
