using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization;
using Attest.Core.Text;
using Attest.Core.Workflow;
using Attest.Web.Data;
using Attest.Web.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Attest.Web.Features.Workflow;

/// <summary>The program office's calendar, read once from <c>Attest:Workflow</c>; a wrong setting stops the start with its name.</summary>
public sealed class OfficeCalendar
{
    public OfficeCalendar(WorkflowSettings settings)
    {
        ArgumentNullException.ThrowIfNull(settings);
        var rules = string.Equals(settings.Holidays?.Trim(), "france", StringComparison.OrdinalIgnoreCase) ? "fr" : settings.Holidays;
        var (calendar, error) = BusinessCalendar.FromConfiguration(rules, settings.ExtraHolidays, "Attest:Workflow:Holidays");
        Calendar = calendar ?? throw new InvalidOperationException(error);
        try
        {
            Zone = TimeZoneInfo.FindSystemTimeZoneById(settings.TimeZone);
        }
        catch (Exception e) when (e is TimeZoneNotFoundException or InvalidTimeZoneException)
        {
            throw new InvalidOperationException($"Attest:Workflow:TimeZone: '{settings.TimeZone}' is not a known IANA time zone", e);
        }

        if (settings.AnswerBusinessDays is < 1 or > 60)
        {
            throw new InvalidOperationException($"Attest:Workflow:AnswerBusinessDays: {settings.AnswerBusinessDays} is not between 1 and 60");
        }

        BusinessDays = settings.AnswerBusinessDays;
    }

    public BusinessCalendar Calendar { get; }

    public TimeZoneInfo Zone { get; }

    public int BusinessDays { get; }

    /// <summary>An audit's start as "yyyy-MM-dd HH:mm" in its own time zone, or in UTC (marked) when the zone is unknown here.</summary>
    public static string Local(DateTimeOffset at, string zoneId) =>
        TimeZoneInfo.TryFindSystemTimeZoneById(zoneId, out var zone) ? TimeZoneInfo.ConvertTime(at, zone).ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture) : at.UtcDateTime.ToString("yyyy-MM-dd HH:mm 'UTC'", CultureInfo.InvariantCulture);
}

/// <summary>The workflow snapshot as stored: JSON with enum names, computed properties left out.</summary>
public static class SnapshotJson
{
    private static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web)
    {
        IgnoreReadOnlyProperties = true,
        Converters = { new JsonStringEnumConverter() },
        MaxDepth = 32,
    };

    public static string Write(WorkflowSnapshot snapshot) => JsonSerializer.Serialize(snapshot, Options);

    /// <exception cref="JsonException">The stored text is not a snapshot.</exception>
    public static WorkflowSnapshot Read(string json) => JsonSerializer.Deserialize<WorkflowSnapshot>(json, Options) ?? throw new JsonException("the workflow snapshot is empty");
}

/// <summary>An application visible to the current user, with its workflow (a new one in Draft when none is stored yet).</summary>
public sealed record LoadedWorkflow(ApplicationRecord Application, WorkflowRecord? Record, ApplicationWorkflow Workflow);

/// <summary>Someone to tell: a user, what happened (in both languages) and where to look; an optional file for the e-mail.</summary>
public sealed record Notice(string UserId, string Kind, Message Text, string Link, MailAttachment? Attachment = null);

/// <summary>
/// Loads and saves application workflows. A save writes, in one transaction, the snapshot and its query columns, one
/// audit-trail entry per new step (hash-chained after the last entry), the notifications and their e-mails (as jobs of
/// the durable jobs table, so that a committed step always has its e-mails).
/// </summary>
public sealed partial class WorkflowStore(AttestDbContext db, CurrentAccess access, OfficeCalendar calendar, TimeProvider clock, AttestOptions options, MailOutbox? outbox = null, WorkflowReadCache? reads = null)
{
    private const int Attempts = 5;

    // Appends are serialized inside one process; between processes the unique sequence turns a race into a retry
    private static readonly SemaphoreSlim AppendGate = new(1, 1);

    public OfficeCalendar Calendar => calendar;

    public DateTimeOffset Now => clock.GetUtcNow();

    /// <summary>The application and its workflow, or null when the user may not see the application.</summary>
    /// <summary>
    /// The workflow of an application already loaded (through the access filters) for reading only, such as the
    /// dashboard's panel: one untracked query.
    /// </summary>
    public async Task<LoadedWorkflow> LoadForReadingAsync(ApplicationRecord application, CancellationToken cancel)
    {
        ArgumentNullException.ThrowIfNull(application);
        // The caller has just read the application's row, access filters applied: its revision says whether what this
        // instance kept is still the workflow. What the workflows' filter lets through depends on why the reader sees the
        // application (its partner's people and its auditor see the workflow as it is, the office once it left the
        // draft): what one kind of reader read is kept for that kind only, and other readers read it themselves.
        var current = access.Value;
        var reader = current.PartnerIds.Contains(application.PartnerId) || current.AuditedApplicationIds.Contains(application.Id)
            ? WorkflowReadCache.Reader.Owner
            : current.SeesSubmitted ? WorkflowReadCache.Reader.Office : (WorkflowReadCache.Reader?)null;
        if (reads is not null && reader is { } kind && reads.TryGet(application.Id, application.ReadinessRevision, kind, out var kept))
        {
            return new LoadedWorkflow(application, kept!.Record, kept.Workflow);
        }

        var record = await db.Workflows.AsNoTracking().FirstOrDefaultAsync(w => w.ApplicationId == application.Id, cancel);
        var workflow = record is null ? new ApplicationWorkflow(application.Id.ToString()) : ApplicationWorkflow.Restore(SnapshotJson.Read(record.Snapshot));
        if (reader is { } by)
        {
            reads?.Set(application.Id, application.ReadinessRevision, by, new WorkflowReadCache.Entry(record, workflow));
        }

        return new LoadedWorkflow(application, record, workflow);
    }

    public async Task<LoadedWorkflow?> LoadAsync(Guid applicationId, CancellationToken cancel)
    {
        var application = await db.Applications.FirstOrDefaultAsync(a => a.Id == applicationId, cancel);
        if (application is null)
        {
            return null;
        }

        var record = await db.Workflows.FirstOrDefaultAsync(w => w.ApplicationId == applicationId, cancel);
        var workflow = record is null ? new ApplicationWorkflow(applicationId.ToString()) : ApplicationWorkflow.Restore(SnapshotJson.Read(record.Snapshot));
        return new LoadedWorkflow(application, record, workflow);
    }

    /// <summary>The signed-in user as the workflow's actor, or null for nobody (or a user without a role in it).</summary>
    public Actor? Actor()
    {
        var current = access.Value;
        if (current.UserId is not { } id || current.Role is not { } role)
        {
            return null;
        }

        // The access middleware read the name with the role: no second look at the user
        var name = current.DisplayName;
        return new Actor(id, string.IsNullOrWhiteSpace(name) ? id : name, ToWorkflowRole(role));
    }

    public static Role ToWorkflowRole(UserRole role) => role switch
    {
        UserRole.AllianceLead => Role.AllianceLead,
        UserRole.Contributor => Role.Contributor,
        UserRole.PartnerManager => Role.PartnerManager,
        UserRole.ProgramOffice => Role.ProgramOffice,
        UserRole.Auditor => Role.Auditor,
        _ => Role.Administrator,
    };

    /// <summary>
    /// Stores the workflow after an accepted action: false when someone else saved it since it was loaded (nothing is
    /// written then). The notices become notifications in the same transaction, and e-mails after it.
    /// </summary>
    public async Task<bool> SaveAsync(LoadedWorkflow loaded, IReadOnlyList<Notice> notices, CancellationToken cancel)
    {
        ArgumentNullException.ThrowIfNull(loaded);
        ArgumentNullException.ThrowIfNull(notices);
        var now = clock.GetUtcNow();
        var workflow = loaded.Workflow;
        var record = loaded.Record;
        if (record is null)
        {
            record = new WorkflowRecord { ApplicationId = loaded.Application.Id, PartnerId = loaded.Application.PartnerId };
            db.Workflows.Add(record);
        }

        var steps = workflow.History.Skip(record.Steps).ToList();
        record.State = WorkflowStates.Names.Wire(workflow.State);
        record.SubmittedAt = workflow.CurrentVersion?.SubmittedAt;
        record.AnswerDue = workflow.AnswerDue(calendar.Calendar, calendar.Zone, calendar.BusinessDays);
        record.AuditorId = workflow.Audit?.Plan.AuditorId;
        record.ReviewManagerId = workflow.CurrentReview?.ReviewerId;
        record.Snapshot = SnapshotJson.Write(workflow.ToSnapshot());
        record.Steps = workflow.History.Count;
        record.Revision++;
        record.UpdatedAt = now;
        if (workflow.State != WorkflowState.Draft && workflow.CurrentVersion is not null && loaded.Application.Status == ApplicationStatus.Draft)
        {
            loaded.Application.Status = ApplicationStatus.Submitted;
        }

        var notifications = notices.Select(n => new NotificationRecord
        {
            Id = Guid.NewGuid(),
            UserId = n.UserId,
            At = now,
            Kind = n.Kind,
            TextEn = Cut(n.Text.In(Language.En)),
            TextFr = Cut(n.Text.In(Language.Fr)),
            Link = n.Link,
        }).ToList();
        db.Notifications.AddRange(notifications);
        await QueueMailsAsync(notices, cancel);

        await AppendGate.WaitAsync(cancel);
        try
        {
            for (var attempt = 1; ; attempt++)
            {
                await using var transaction = await db.Database.BeginTransactionAsync(cancel);
                var entries = await AppendAsync(loaded.Application.Id, steps, cancel);
                try
                {
                    await db.SaveChangesAsync(cancel);
                    await transaction.CommitAsync(cancel);
                    break;
                }
                catch (DbUpdateConcurrencyException)
                {
                    await transaction.RollbackAsync(cancel);
                    return false;
                }
                catch (DbUpdateException) when (attempt < Attempts)
                {
                    await transaction.RollbackAsync(cancel);
                    entries.ForEach(e => db.Entry(e).State = EntityState.Detached);

                    // Someone else stored this application's first step meanwhile: a conflict like any other
                    if (loaded.Record is null && await db.Workflows.IgnoreQueryFilters().AsNoTracking().AnyAsync(w => w.ApplicationId == record.ApplicationId, cancel))
                    {
                        return false;
                    }

                    // Otherwise most likely another process took the next sequence number: chain again after the new last entry
                }
            }
        }
        finally
        {
            AppendGate.Release();
        }

        outbox?.Wake();
        return true;
    }

    /// <summary>
    /// Tells users without a workflow change (the due-date reminder): adds the notifications and their e-mail jobs to the
    /// context, written by the caller's next save (with whatever else it changes); call <see cref="Wake"/> after it.
    /// </summary>
    public async Task AddNoticesAsync(IReadOnlyList<Notice> notices, CancellationToken cancel)
    {
        ArgumentNullException.ThrowIfNull(notices);
        var now = clock.GetUtcNow();
        db.Notifications.AddRange(notices.Select(n => new NotificationRecord { Id = Guid.NewGuid(), UserId = n.UserId, At = now, Kind = n.Kind, TextEn = Cut(n.Text.In(Language.En)), TextFr = Cut(n.Text.In(Language.Fr)), Link = n.Link }));
        await QueueMailsAsync(notices, cancel);
    }

    /// <summary>Wakes the job runner for e-mails just committed.</summary>
    public void Wake() => outbox?.Wake();

    private async Task<List<AuditTrailRecord>> AppendAsync(Guid applicationId, List<WorkflowEvent> steps, CancellationToken cancel)
    {
        if (steps.Count == 0)
        {
            return [];
        }

        var last = await db.AuditTrail.AsNoTracking().OrderByDescending(e => e.Sequence).FirstOrDefaultAsync(cancel);
        var entries = AuditTrail.AppendAll(last is null ? null : TrailRecords.ToDomain(last), steps.Select(s => WorkflowAuditTrail.ChangeFor(applicationId.ToString(), s)))
            .Select(TrailRecords.FromDomain)
            .ToList();
        db.AuditTrail.AddRange(entries);
        return entries;
    }

    private async Task QueueMailsAsync(IReadOnlyList<Notice> notices, CancellationToken cancel)
    {
        if (outbox is null || notices.Count == 0)
        {
            return;
        }

        var ids = notices.Select(n => n.UserId).Distinct().ToList();
        var users = await db.Users.AsNoTracking().Where(u => ids.Contains(u.Id)).Select(u => new { u.Id, u.Email, u.PreferredLanguage }).ToListAsync(cancel);
        foreach (var notice in notices)
        {
            if (users.FirstOrDefault(u => u.Id == notice.UserId) is not { Email: { } email } user)
            {
                continue;
            }

            var language = Languages.TryParse(user.PreferredLanguage, out var chosen) ? chosen : Language.En;
            var text = notice.Text.In(language);
            var body = text + "\n\n" + options.PublicLink(notice.Link) + "\n";
            var mail = new OutgoingMail(email, Texts.MailSubject.In(language) + " " + FirstLine(text), body, notice.Attachment is { } a ? [a] : null);
            outbox.Add(db, mail);
        }
    }

    private static string FirstLine(string text)
    {
        var line = text.Split('\n')[0];
        return line.Length > 120 ? line[..117] + "..." : line;
    }

    private static string Cut(string text) => text.Length > 2000 ? text[..1997] + "..." : text;
}

/// <summary>Between the stored trail rows and the domain's entries.</summary>
public static class TrailRecords
{
    public static AuditEntry ToDomain(AuditTrailRecord r) => new()
    {
        Sequence = r.Sequence,
        At = r.At,
        ActorId = r.ActorId,
        ActorRole = r.ActorRole,
        Action = r.Action,
        EntityType = r.EntityType,
        EntityId = r.EntityId,
        Before = r.Before,
        After = r.After,
        PreviousHash = r.PreviousHash,
        Hash = r.Hash,
    };

    public static AuditTrailRecord FromDomain(AuditEntry e) => new()
    {
        Sequence = e.Sequence,
        At = e.At,
        ActorId = e.ActorId,
        ActorRole = e.ActorRole,
        Action = e.Action,
        EntityType = e.EntityType,
        EntityId = e.EntityId,
        Before = e.Before,
        After = e.After,
        PreviousHash = e.PreviousHash,
        Hash = e.Hash,
    };
}
