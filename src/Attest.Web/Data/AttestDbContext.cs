using System.Text.Json;
using Attest.Core.Workflow;
using Microsoft.AspNetCore.DataProtection.EntityFrameworkCore;
using Microsoft.AspNetCore.Identity.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;

namespace Attest.Web.Data;

/// <summary>
/// The one database context. Every partner-owned table is filtered by <see cref="Access"/>: a query cannot return
/// another partner's rows unless it says <c>IgnoreQueryFilters()</c>, which only administration code may do.
/// </summary>
public class AttestDbContext(DbContextOptions options) : IdentityDbContext<AttestUser>(options), IDataProtectionKeyContext
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public DbSet<Partner> Partners => Set<Partner>();

    public DbSet<PartnerAssignment> PartnerAssignments => Set<PartnerAssignment>();

    public DbSet<ApplicationRecord> Applications => Set<ApplicationRecord>();

    public DbSet<CaseStudyRecord> CaseStudies => Set<CaseStudyRecord>();

    public DbSet<ContentRecord> Content => Set<ContentRecord>();

    public DbSet<SelfAssessmentRecord> SelfAssessment => Set<SelfAssessmentRecord>();

    public DbSet<EvidenceRecord> Evidence => Set<EvidenceRecord>();

    public DbSet<EvidenceLink> EvidenceLinks => Set<EvidenceLink>();

    public DbSet<EvidenceAnalysisRecord> EvidenceAnalyses => Set<EvidenceAnalysisRecord>();

    public DbSet<ApiToken> ApiTokens => Set<ApiToken>();

    public DbSet<Invitation> Invitations => Set<Invitation>();

    public DbSet<WorkflowRecord> Workflows => Set<WorkflowRecord>();

    public DbSet<AuditTrailRecord> AuditTrail => Set<AuditTrailRecord>();

    public DbSet<NotificationRecord> Notifications => Set<NotificationRecord>();

    /// <summary>The durable background jobs (<see cref="Attest.Web.Infrastructure.JobQueue"/>).</summary>
    public DbSet<JobRecord> Jobs => Set<JobRecord>();

    /// <summary>The data-protection keys every instance shares (cookies, antiforgery tokens, e-mailed links).</summary>
    public DbSet<DataProtectionKey> DataProtectionKeys => Set<DataProtectionKey>();

    /// <summary>
    /// Whose access the filters apply: set by whoever hands the context out (the request's <see cref="Data.CurrentAccess"/>,
    /// see <see cref="AttestDatabase"/>). Contexts are pooled: it is cleared when the context goes back to the pool, and a
    /// context nobody gave an access to sees no partner's rows.
    /// </summary>
    public CurrentAccess? CurrentAccess { get; set; }

    /// <summary>The access the filters apply (read at query time, so one context serves one request).</summary>
    internal Access Access => CurrentAccess?.Value ?? Access.Nobody;

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
            application.Property(a => a.ServicesPath).HasConversion<string>().HasMaxLength(32);
            application.Property(a => a.Revision).IsConcurrencyToken();
            application.Property(a => a.SiteCheckError).HasMaxLength(2000);
            application.Property(a => a.PartnerApnId).HasMaxLength(200);
            application.Property(a => a.ContactName).HasMaxLength(200);
            application.Property(a => a.ContactEmail).HasMaxLength(254);
            application.HasIndex(a => new { a.PartnerId, a.ChecklistId }).IsUnique();
            JsonColumn(application.Property(a => a.ProgramAnswers));
            application.HasOne<Partner>().WithMany().HasForeignKey(a => a.PartnerId).OnDelete(DeleteBehavior.Restrict);
            application.HasMany(a => a.CaseStudies).WithOne(c => c.Application).HasForeignKey(c => c.ApplicationId).OnDelete(DeleteBehavior.Cascade);
            application.HasMany(a => a.Content).WithOne().HasForeignKey(c => c.ApplicationId).OnDelete(DeleteBehavior.Cascade);
            application.HasMany(a => a.SelfAssessment).WithOne().HasForeignKey(s => s.ApplicationId).OnDelete(DeleteBehavior.Cascade);
            application.HasQueryFilter(a => Access.PartnerIds.Contains(a.PartnerId) || (Access.SeesSubmitted && a.Status != ApplicationStatus.Draft) || Access.AuditedApplicationIds.Contains(a.Id));
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
            JsonColumn(caseStudy.Property(c => c.DistinctFrom));
            JsonColumn(caseStudy.Property(c => c.ArchitectureDiagrams));
            JsonColumn(caseStudy.Property(c => c.Availability));
            caseStudy.HasQueryFilter(c => Access.PartnerIds.Contains(c.PartnerId) || (Access.SeesSubmitted && c.Application!.Status != ApplicationStatus.Draft) || Access.AuditedApplicationIds.Contains(c.ApplicationId));
        });

        builder.Entity<ContentRecord>(content =>
        {
            content.Property(c => c.Kind).HasConversion<string>().HasMaxLength(32);
            content.HasQueryFilter(c => Access.PartnerIds.Contains(c.PartnerId) || Access.SeesSubmitted || Access.AuditedApplicationIds.Contains(c.ApplicationId));
        });

        builder.Entity<SelfAssessmentRecord>(entry =>
        {
            entry.HasKey(s => new { s.ApplicationId, s.ItemId });
            entry.Property(s => s.ItemId).HasMaxLength(32);
            entry.Property(s => s.Revision).IsConcurrencyToken();
            JsonColumn(entry.Property(s => s.Evidence));
            JsonColumn(entry.Property(s => s.CaseStudyAnswers));
            entry.HasQueryFilter(s => Access.PartnerIds.Contains(s.PartnerId) || Access.SeesSubmitted || Access.AuditedApplicationIds.Contains(s.ApplicationId));
        });

        builder.Entity<EvidenceRecord>(evidence =>
        {
            evidence.Property(e => e.Name).HasMaxLength(300).IsRequired();
            evidence.Property(e => e.Url).HasMaxLength(2000);
            evidence.Property(e => e.Sha256).HasMaxLength(64);
            evidence.Property(e => e.ContentType).HasMaxLength(100);
            evidence.HasIndex(e => new { e.PartnerId, e.Sha256 });
            evidence.HasOne<Partner>().WithMany().HasForeignKey(e => e.PartnerId).OnDelete(DeleteBehavior.Restrict);
            evidence.HasMany(e => e.Links).WithOne().HasForeignKey(l => l.EvidenceId).OnDelete(DeleteBehavior.Cascade);
            evidence.HasQueryFilter(e => Access.PartnerIds.Contains(e.PartnerId) || Access.SeesSubmitted || e.Links.Any(l => Access.AuditedApplicationIds.Contains(l.ApplicationId)));
        });

        builder.Entity<EvidenceLink>(link =>
        {
            link.Property(l => l.CaseStudyKey).HasMaxLength(100);
            link.Property(l => l.ItemId).HasMaxLength(32);
            link.HasIndex(l => new { l.ApplicationId, l.ItemId });
            link.HasOne<ApplicationRecord>().WithMany().HasForeignKey(l => l.ApplicationId).OnDelete(DeleteBehavior.Cascade);
            link.HasQueryFilter(l => Access.PartnerIds.Contains(l.PartnerId) || Access.SeesSubmitted || Access.AuditedApplicationIds.Contains(l.ApplicationId));
        });

        builder.Entity<EvidenceAnalysisRecord>(analysis =>
        {
            analysis.HasKey(a => new { a.Sha256, a.AnalyzerVersion });
            analysis.Property(a => a.Sha256).HasMaxLength(64);
            analysis.Property(a => a.AnalyzerVersion).HasMaxLength(64);
            analysis.Property(a => a.State).HasConversion<string>().HasMaxLength(16);
            analysis.Property(a => a.Error).HasMaxLength(2000);
            analysis.HasIndex(a => new { a.State, a.AnalyzerVersion });
        });

        builder.Entity<ApiToken>(token =>
        {
            token.Property(t => t.Name).HasMaxLength(100).IsRequired();
            token.Property(t => t.Prefix).HasMaxLength(16);
            token.Property(t => t.Hash).HasMaxLength(64).IsRequired();
            token.HasIndex(t => t.Hash).IsUnique();
            token.HasOne<AttestUser>().WithMany().HasForeignKey(t => t.UserId).OnDelete(DeleteBehavior.Cascade);
        });

        builder.Entity<Invitation>(invitation =>
        {
            invitation.Property(i => i.Email).HasMaxLength(256).IsRequired();
            invitation.Property(i => i.Role).HasConversion<string>().HasMaxLength(32);
            invitation.Property(i => i.TokenHash).HasMaxLength(64).IsRequired();
            invitation.HasIndex(i => i.TokenHash).IsUnique();
        });

        builder.Entity<WorkflowRecord>(workflow =>
        {
            workflow.HasKey(w => w.ApplicationId);
            workflow.Property(w => w.State).HasMaxLength(32).IsRequired();
            workflow.Property(w => w.AuditorId).HasMaxLength(450);
            workflow.Property(w => w.ReviewManagerId).HasMaxLength(450);
            workflow.Property(w => w.Snapshot).IsRequired();
            workflow.Property(w => w.Revision).IsConcurrencyToken();
            workflow.HasIndex(w => w.PartnerId);
            workflow.HasIndex(w => w.State);
            workflow.HasIndex(w => w.AnswerDue);
            workflow.HasIndex(w => w.AuditorId);
            workflow.HasIndex(w => w.ReviewManagerId);
            workflow.HasOne<ApplicationRecord>().WithOne().HasForeignKey<WorkflowRecord>(w => w.ApplicationId).OnDelete(DeleteBehavior.Cascade);
            workflow.HasOne<Partner>().WithMany().HasForeignKey(w => w.PartnerId).OnDelete(DeleteBehavior.Restrict);

            // The same isolation as the application's, in one place: own or assigned partners, every submitted one for the
            // program office, and for an auditor only the audits assigned to them
            workflow.HasQueryFilter(w => Access.PartnerIds.Contains(w.PartnerId) || (Access.SeesSubmitted && w.State != "draft") || Access.AuditedApplicationIds.Contains(w.ApplicationId));
        });

        // Table and column names come from Core's AuditTrailTable, which `attest audit verify` reads with
        builder.Entity<AuditTrailRecord>(entry =>
        {
            entry.ToTable(AuditTrailTable.Name);
            entry.HasKey(e => e.Sequence);
            entry.Property(e => e.Sequence).HasColumnName(AuditTrailTable.Sequence).ValueGeneratedNever();
            entry.Property(e => e.At).HasColumnName(AuditTrailTable.At);
            entry.Property(e => e.ActorId).HasColumnName(AuditTrailTable.ActorId).HasMaxLength(450).IsRequired();
            entry.Property(e => e.ActorRole).HasColumnName(AuditTrailTable.ActorRole).HasMaxLength(32).IsRequired();
            entry.Property(e => e.Action).HasColumnName(AuditTrailTable.Action).HasMaxLength(64).IsRequired();
            entry.Property(e => e.EntityType).HasColumnName(AuditTrailTable.EntityType).HasMaxLength(64).IsRequired();
            entry.Property(e => e.EntityId).HasColumnName(AuditTrailTable.EntityId).HasMaxLength(450).IsRequired();
            entry.Property(e => e.Before).HasColumnName(AuditTrailTable.Before);
            entry.Property(e => e.After).HasColumnName(AuditTrailTable.After);
            entry.Property(e => e.PreviousHash).HasColumnName(AuditTrailTable.PreviousHash).HasMaxLength(64).IsRequired();
            entry.Property(e => e.Hash).HasColumnName(AuditTrailTable.Hash).HasMaxLength(64).IsRequired();
            entry.HasIndex(e => new { e.EntityType, e.EntityId });
        });

        builder.Entity<NotificationRecord>(notification =>
        {
            notification.Property(n => n.UserId).HasMaxLength(450).IsRequired();
            notification.Property(n => n.Kind).HasMaxLength(64).IsRequired();
            notification.Property(n => n.TextEn).HasMaxLength(2000).IsRequired();
            notification.Property(n => n.TextFr).HasMaxLength(2000).IsRequired();
            notification.Property(n => n.Link).HasMaxLength(500);
            notification.HasIndex(n => new { n.UserId, n.ReadAt });
            notification.HasOne<AttestUser>().WithMany().HasForeignKey(n => n.UserId).OnDelete(DeleteBehavior.Cascade);
            notification.HasQueryFilter(n => n.UserId == Access.UserId);
        });

        builder.Entity<JobRecord>(job =>
        {
            job.Property(j => j.Kind).HasMaxLength(64).IsRequired();
            job.Property(j => j.Payload).IsRequired();
            job.Property(j => j.State).HasConversion<string>().HasMaxLength(16);
            job.Property(j => j.LeaseOwner).HasMaxLength(200);
            job.Property(j => j.LastError).HasMaxLength(2000);
            job.Property(j => j.DedupeKey).HasMaxLength(200);
            job.HasIndex(j => j.DedupeKey).IsUnique();
            job.HasIndex(j => new { j.State, j.RunAt });
        });
    }

    /// <summary>Back to the pool: the next request's access is set when it takes the context out again.</summary>
    public override void Dispose()
    {
        CurrentAccess = null;
        base.Dispose();
        GC.SuppressFinalize(this);
    }

    /// <summary>Back to the pool: the next request's access is set when it takes the context out again.</summary>
    public override ValueTask DisposeAsync()
    {
        CurrentAccess = null;
        GC.SuppressFinalize(this);
        return base.DisposeAsync();
    }

    /// <summary>Saves, then bumps the readiness revision of every application the saved changes touch, in one transaction.</summary>
    public override int SaveChanges(bool acceptAllChangesOnSuccess) =>
        SaveChangesAsync(acceptAllChangesOnSuccess).GetAwaiter().GetResult();

    /// <summary>Saves, then bumps the readiness revision of every application the saved changes touch, in one transaction.</summary>
    public override async Task<int> SaveChangesAsync(bool acceptAllChangesOnSuccess, CancellationToken cancellationToken = default)
    {
        var touched = ReadinessRevisions.Collect(ChangeTracker);
        if (touched.IsEmpty)
        {
            return await base.SaveChangesAsync(acceptAllChangesOnSuccess, cancellationToken);
        }

        // The bump comes after the change (a report computed in between is newer than its revision, never older), and
        // both commit together
        var own = Database.CurrentTransaction is null ? await Database.BeginTransactionAsync(cancellationToken) : null;
        try
        {
            var applications = await ReadinessRevisions.ApplicationsAsync(this, touched, cancellationToken);
            var saved = await base.SaveChangesAsync(acceptAllChangesOnSuccess, cancellationToken);
            await ReadinessRevisions.BumpApplicationsAsync(this, applications, cancellationToken);
            if (own is not null)
            {
                await own.CommitAsync(cancellationToken);
            }

            return saved;
        }
        finally
        {
            if (own is not null)
            {
                await own.DisposeAsync();
            }
        }
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
public sealed class SqliteAttestDbContext(DbContextOptions<SqliteAttestDbContext> options) : AttestDbContext(options);

/// <summary>The PostgreSQL flavour: its own migrations.</summary>
public sealed class PostgresAttestDbContext(DbContextOptions<PostgresAttestDbContext> options) : AttestDbContext(options);
