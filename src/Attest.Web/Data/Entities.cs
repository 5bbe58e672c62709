using Attest.Core.Applications;
using Microsoft.AspNetCore.Identity;

namespace Attest.Web.Data;

/// <summary>The roles of PRODUCT.md; a user has one.</summary>
public enum UserRole
{
    /// <summary>The partner's owner of the application: everything on the partner's applications; submits.</summary>
    AllianceLead,

    /// <summary>An engineer or writer at the partner: edits, cannot submit.</summary>
    Contributor,

    /// <summary>AWS partner development manager: reads the partners assigned to them, comments.</summary>
    PartnerManager,

    /// <summary>AWS competency program staff: every submitted application.</summary>
    ProgramOffice,

    /// <summary>Reads and scores the audits assigned to them.</summary>
    Auditor,

    /// <summary>Runs the installation: users, partners, assignments; sees no partner content.</summary>
    Administrator,
}

/// <summary>Where an application stands; the full workflow comes with submission and review.</summary>
public enum ApplicationStatus
{
    /// <summary>Being prepared by the partner.</summary>
    Draft,

    /// <summary>Submitted to the program office.</summary>
    Submitted,
}

/// <summary>A person who signs in.</summary>
public sealed class AttestUser : IdentityUser
{
    public string DisplayName { get; set; } = "";

    public UserRole Role { get; set; }

    /// <summary>The partner a partner-side user belongs to; null for AWS staff and administrators.</summary>
    public Guid? PartnerId { get; set; }

    public string? PreferredLanguage { get; set; }

    public DateTimeOffset CreatedAt { get; set; }
}

/// <summary>An APN consulting partner: an organisation whose users prepare applications.</summary>
public sealed class Partner
{
    public Guid Id { get; set; }

    public string Name { get; set; } = "";

    public DateTimeOffset CreatedAt { get; set; }
}

/// <summary>A partner manager assigned to a partner.</summary>
public sealed class PartnerAssignment
{
    public Guid PartnerId { get; set; }

    public string UserId { get; set; } = "";
}

/// <summary>A partner's application for one checklist version, with the partner profile it declares.</summary>
public sealed class ApplicationRecord
{
    public Guid Id { get; set; }

    public Guid PartnerId { get; set; }

    public string ChecklistId { get; set; } = "";

    public ApplicationStatus Status { get; set; }

    public DateTimeOffset CreatedAt { get; set; }

    public DateTimeOffset UpdatedAt { get; set; }

    /// <summary>Incremented on every save of the application's own fields; a stale value is a conflict.</summary>
    public long Revision { get; set; }

    /// <summary>
    /// Incremented on every change that can alter the application's readiness report: its own fields, its case studies,
    /// content, self-assessment, workflow, evidence links, the linked evidence and the analyses of its files
    /// (<see cref="AttestDbContext"/> bumps it on save, <see cref="ReadinessRevisions"/> elsewhere). Kept in the database, so
    /// every instance sees another's change; not a concurrency token (clients' If-Match keeps <see cref="Revision"/>).
    /// </summary>
    public long ReadinessRevision { get; set; }

    public string? PartnerName { get; set; }

    public PartnerTier? Tier { get; set; }

    /// <summary>The partner's stage on the AWS Services Path (service delivery checklists, 1.2).</summary>
    public ServicesPathStage? ServicesPath { get; set; }

    public bool? MspProgramMember { get; set; }

    public bool? GuidelinesRead { get; set; }

    public string? Homepage { get; set; }

    public string? PracticePageUrl { get; set; }

    public bool? PracticePageLinkedFromHomepage { get; set; }

    public bool? DedicatedRetailConsultancy { get; set; }

    /// <summary>Null when the partner has not stated its content; otherwise the list (possibly empty).</summary>
    public bool ContentStated { get; set; }

    /// <summary>The partner's identifier at AWS (APN Partner Central account id), as format v1's partner.id.</summary>
    public string? PartnerApnId { get; set; }

    /// <summary>The contact's name (partner.contact.name).</summary>
    public string? ContactName { get; set; }

    /// <summary>The contact's e-mail address (partner.contact.email): the submission e-mail's sender.</summary>
    public string? ContactEmail { get; set; }

    public List<ContentRecord> Content { get; set; } = [];

    public List<CaseStudyRecord> CaseStudies { get; set; } = [];

    public List<SelfAssessmentRecord> SelfAssessment { get; set; } = [];

    /// <summary>
    /// The answers the application's file gives for other checklists (format v1's <c>programs:</c>), one entry per
    /// checklist in the file's order; null when the file has none. Kept as JSON with the row.
    /// </summary>
    public List<ProgramAnswersRecord>? ProgramAnswers { get; set; }

    /// <summary>The latest web site check asked for: when it started (null when none is running or was ever asked).</summary>
    public DateTimeOffset? SiteCheckStartedAt { get; set; }

    /// <summary>When the latest web site check ended.</summary>
    public DateTimeOffset? SiteCheckedAt { get; set; }

    /// <summary>The latest site observation (format <c>attest/site-observation/v1</c>), when the check could read the home page.</summary>
    public string? SiteObservation { get; set; }

    /// <summary>Why the latest check has no observation (a bad address, a home page that could not be read).</summary>
    public string? SiteCheckError { get; set; }
}

/// <summary>One piece of public content of the partner (PRE-3.2).</summary>
public sealed class ContentRecord
{
    public Guid Id { get; set; }

    public Guid ApplicationId { get; set; }

    public Guid PartnerId { get; set; }

    public int Position { get; set; }

    public string? Title { get; set; }

    public string? Url { get; set; }

    public ContentKind? Kind { get; set; }

    public DateOnly? Published { get; set; }
}

/// <summary>A case study, every field of format v1; lists are kept as JSON text.</summary>
public sealed class CaseStudyRecord
{
    public Guid Id { get; set; }

    public Guid ApplicationId { get; set; }

    public ApplicationRecord? Application { get; set; }

    public Guid PartnerId { get; set; }

    public int Position { get; set; }

    public string Key { get; set; } = "";

    public long Revision { get; set; }

    public DateTimeOffset UpdatedAt { get; set; }

    public string? UpdatedBy { get; set; }

    public string? Customer { get; set; }

    public string? CustomerWebsite { get; set; }

    /// <summary>Keys of case studies whose customers the partner confirms are distinct from this one's (format v1 <c>distinctFrom</c>).</summary>
    public List<string>? DistinctFrom { get; set; }

    /// <summary>The customer is the partner or an affiliate (service delivery checklists, 2.1).</summary>
    public bool? Affiliate { get; set; }

    /// <summary>For an affiliate: the offering is also sold to outside customers.</summary>
    public bool? OfferedOutside { get; set; }

    /// <summary>Architecture diagrams of the customer's deployment (service delivery checklists, 2.2).</summary>
    public List<string>? ArchitectureDiagrams { get; set; }

    public ProjectStage? Stage { get; set; }

    public RetailUseCase? UseCase { get; set; }

    public DeliveryCategory? Delivery { get; set; }

    public DateOnly? Completed { get; set; }

    public string? Problem { get; set; }

    public string? Solution { get; set; }

    public List<string>? AwsServices { get; set; }

    public string? RetailExpertise { get; set; }

    public List<string>? ThirdParty { get; set; }

    public string? Results { get; set; }

    public List<string>? Compliance { get; set; }

    public string? PublicReferenceUrl { get; set; }

    public bool? PublicReferenceLinked { get; set; }

    public bool? Ecommerce { get; set; }

    public bool? CardholderData { get; set; }

    public List<AvailabilityRecord>? Availability { get; set; }

    public bool HasDisasterRecovery { get; set; }

    public int? DrRtoMinutes { get; set; }

    public int? DrRpoMinutes { get; set; }

    public DateOnly? DrTestedOn { get; set; }

    public bool? DrRunbookDelivered { get; set; }

    public bool HasPci { get; set; }

    public DateOnly? PciLastVulnerabilityScan { get; set; }

    public DateOnly? PciLastPenetrationTest { get; set; }

    public List<string>? Evidence { get; set; }

    /// <summary>Whether the case study is submitted to AWS; null when not stated.</summary>
    public bool? Submitted { get; set; }
}

/// <summary>RTO and RPO of one component for the loss of one Availability Zone.</summary>
public sealed class AvailabilityRecord
{
    public string? Component { get; set; }

    public int? RtoMinutes { get; set; }

    public int? RpoMinutes { get; set; }
}

/// <summary>The partner's answer for one checklist item.</summary>
public sealed class SelfAssessmentRecord
{
    public Guid ApplicationId { get; set; }

    public Guid PartnerId { get; set; }

    public string ItemId { get; set; } = "";

    public bool? Met { get; set; }

    public string? Note { get; set; }

    public List<string>? Evidence { get; set; }

    /// <summary>The answers per case study (format v1's selfAssessment.&lt;item&gt;.caseStudies), in file order; null when not stated.</summary>
    public List<CaseStudyAnswerRecord>? CaseStudyAnswers { get; set; }

    public long Revision { get; set; }
}

/// <summary>The partner's answer for one item on one case study, kept inside its self-assessment entry.</summary>
public sealed class CaseStudyAnswerRecord
{
    public string Key { get; set; } = "";

    /// <summary>The wire spelling: met, not-met, not-applicable; null when not answered.</summary>
    public string? Answer { get; set; }

    public string? Note { get; set; }

    public List<string>? Evidence { get; set; }
}

/// <summary>The self-assessment of another checklist held by an application (format v1's <c>programs.&lt;checklist&gt;</c>).</summary>
public sealed class ProgramAnswersRecord
{
    /// <summary>The other checklist's id.</summary>
    public string Checklist { get; set; } = "";

    /// <summary>Its answers, one per item, in file order.</summary>
    public List<ProgramAnswerRecord> Answers { get; set; } = [];
}

/// <summary>One answer of another checklist's self-assessment: the same fields as <see cref="SelfAssessmentRecord"/>.</summary>
public sealed class ProgramAnswerRecord
{
    public string ItemId { get; set; } = "";

    public bool? Met { get; set; }

    public string? Note { get; set; }

    public List<string>? Evidence { get; set; }

    public List<CaseStudyAnswerRecord>? CaseStudyAnswers { get; set; }
}

/// <summary>A piece of evidence in the partner's library: an uploaded file (stored by its SHA-256) or a link.</summary>
public sealed class EvidenceRecord
{
    public Guid Id { get; set; }

    public Guid PartnerId { get; set; }

    public string Name { get; set; } = "";

    /// <summary>For a link: its address; null for a file.</summary>
    public string? Url { get; set; }

    /// <summary>For a file: the lower-case hex SHA-256 of its content, which is also where it is stored.</summary>
    public string? Sha256 { get; set; }

    public long? Size { get; set; }

    /// <summary>The type detected from the content (not the one the browser claimed).</summary>
    public string? ContentType { get; set; }

    /// <summary>When it was uploaded or added.</summary>
    public DateTimeOffset AddedAt { get; set; }

    public string? AddedBy { get; set; }

    /// <summary>The evidence's own date: when the document was issued, as the partner states it.</summary>
    public DateOnly? IssuedOn { get; set; }

    public List<EvidenceLink> Links { get; set; } = [];
}

/// <summary>Evidence attached to an application's item, case study, or both.</summary>
public sealed class EvidenceLink
{
    public Guid Id { get; set; }

    public Guid EvidenceId { get; set; }

    public Guid PartnerId { get; set; }

    public Guid ApplicationId { get; set; }

    public string? CaseStudyKey { get; set; }

    public string? ItemId { get; set; }
}

/// <summary>A personal API token: shown once, stored as a hash, revocable.</summary>
public sealed class ApiToken
{
    public Guid Id { get; set; }

    public string UserId { get; set; } = "";

    public string Name { get; set; } = "";

    /// <summary>The first characters, shown in lists so that a user can tell tokens apart.</summary>
    public string Prefix { get; set; } = "";

    /// <summary>SHA-256 of the whole token, lower-case hex.</summary>
    public string Hash { get; set; } = "";

    public DateTimeOffset CreatedAt { get; set; }

    public DateTimeOffset? LastUsedAt { get; set; }

    public DateTimeOffset? RevokedAt { get; set; }
}

/// <summary>An invitation by link to join as a user with a role (and a partner for partner-side roles).</summary>
public sealed class Invitation
{
    public Guid Id { get; set; }

    public string Email { get; set; } = "";

    public UserRole Role { get; set; }

    public Guid? PartnerId { get; set; }

    /// <summary>SHA-256 of the secret in the link, lower-case hex.</summary>
    public string TokenHash { get; set; } = "";

    public string CreatedBy { get; set; } = "";

    public DateTimeOffset CreatedAt { get; set; }

    public DateTimeOffset ExpiresAt { get; set; }

    public DateTimeOffset? AcceptedAt { get; set; }
}

/// <summary>
/// The workflow of one application (issue 5): the aggregate's snapshot as JSON text, plus the columns the queues and the
/// access filters query. Written only through the web's workflow store, which appends the
/// audit trail in the same transaction.
/// </summary>
public sealed class WorkflowRecord
{
    public Guid ApplicationId { get; set; }

    public Guid PartnerId { get; set; }

    /// <summary>The wire name of the state (e.g. <c>in-review</c>).</summary>
    public string State { get; set; } = "draft";

    /// <summary>When the latest version was submitted.</summary>
    public DateTimeOffset? SubmittedAt { get; set; }

    /// <summary>The day the program office's answer is due (business calendar), while one is awaited.</summary>
    public DateOnly? AnswerDue { get; set; }

    /// <summary>The day a reminder of <see cref="AnswerDue"/> was sent for, so that it goes once.</summary>
    public DateOnly? ReminderSentFor { get; set; }

    /// <summary>The auditor the audit is assigned to.</summary>
    public string? AuditorId { get; set; }

    /// <summary>The partner manager asked for the latest review.</summary>
    public string? ReviewManagerId { get; set; }

    /// <summary>The <see cref="Attest.Core.Workflow.WorkflowSnapshot"/> as JSON.</summary>
    public string Snapshot { get; set; } = "";

    /// <summary>How many history steps are in the trail already.</summary>
    public int Steps { get; set; }

    /// <summary>Incremented on every save; a stale value is a conflict.</summary>
    public long Revision { get; set; }

    public DateTimeOffset UpdatedAt { get; set; }
}

/// <summary>
/// One entry of the append-only, hash-chained audit trail (<see cref="Attest.Core.Workflow.AuditEntry"/>): never updated
/// nor deleted; the sequence is unique and gap-free.
/// </summary>
public sealed class AuditTrailRecord
{
    public long Sequence { get; set; }

    public DateTimeOffset At { get; set; }

    public string ActorId { get; set; } = "";

    public string ActorRole { get; set; } = "";

    public string Action { get; set; } = "";

    public string EntityType { get; set; } = "";

    public string EntityId { get; set; } = "";

    public string? Before { get; set; }

    public string? After { get; set; }

    public string PreviousHash { get; set; } = "";

    public string Hash { get; set; } = "";
}

/// <summary>A notice for one user, in both languages, shown in the in-app list (and sent by e-mail when SMTP is configured).</summary>
public sealed class NotificationRecord
{
    public Guid Id { get; set; }

    public string UserId { get; set; } = "";

    public DateTimeOffset At { get; set; }

    /// <summary>What happened, e.g. <c>submitted</c>, <c>information-requested</c>.</summary>
    public string Kind { get; set; } = "";

    public string TextEn { get; set; } = "";

    public string TextFr { get; set; } = "";

    /// <summary>A local path to the page concerned.</summary>
    public string? Link { get; set; }

    public DateTimeOffset? ReadAt { get; set; }
}

/// <summary>Where the analysis of one file stands.</summary>
public enum AnalysisState
{
    /// <summary>Waiting for the background analysis (also the work queue: pending rows are picked up).</summary>
    Pending,

    /// <summary>Being analysed by one instance, until <see cref="EvidenceAnalysisRecord.LeaseExpires"/>.</summary>
    Running,

    /// <summary>Analysed: findings, problems and summary are stored.</summary>
    Done,

    /// <summary>The analysis stopped; <see cref="EvidenceAnalysisRecord.Error"/> says why.</summary>
    Failed,
}

/// <summary>
/// The stored analysis of one file content by one analyzer version: the key is the content's SHA-256 and the analyzer
/// version, so a file is analysed once whoever uploaded it, and again when the analyzer changes. Pending rows are the
/// work queue of <see cref="Attest.Web.Infrastructure.EvidenceAnalysisWorker"/>. The result columns are written and read only
/// through <see cref="Attest.Web.Infrastructure.StoredAnalysis"/>. No partner column: a row is reached only through a
/// piece of evidence the reader may see.
/// </summary>
public sealed class EvidenceAnalysisRecord
{
    /// <summary>Lower-case hex SHA-256 of the content.</summary>
    public string Sha256 { get; set; } = "";

    /// <summary>The analyzer version that made (or will make) the result.</summary>
    public string AnalyzerVersion { get; set; } = "";

    public AnalysisState State { get; set; }

    /// <summary>Why the analysis failed.</summary>
    public string? Error { get; set; }

    /// <summary>How many times the analysis was started.</summary>
    public int Attempts { get; set; }

    /// <summary>When the file was queued.</summary>
    public DateTimeOffset QueuedAt { get; set; }

    /// <summary>While running: when the claim of the instance running it lapses (Unix milliseconds), so that another may take it over.</summary>
    public long? LeaseExpires { get; set; }

    /// <summary>When the analysis ended (done or failed).</summary>
    public DateTimeOffset? CompletedAt { get; set; }

    /// <summary>Whether the file is infrastructure code, a policy or a log the analyzers read.</summary>
    public bool IsCode { get; set; }

    /// <summary>Whether the file is an archive (locations inside it are shown under the piece's name).</summary>
    public bool Archive { get; set; }

    /// <summary>The findings as JSON (<see cref="Attest.Web.Infrastructure.StoredAnalysis"/>), located against a placeholder file name.</summary>
    public string? Findings { get; set; }

    /// <summary>The read problems as JSON.</summary>
    public string? Problems { get; set; }

    /// <summary>A summary as JSON: counts by outcome and by topic.</summary>
    public string? Summary { get; set; }

    /// <summary>The resources the file defines, per file and type with their AWS service, as JSON.</summary>
    public string? Inventory { get; set; }
}

/// <summary>Where a background job stands.</summary>
public enum JobState
{
    /// <summary>Waiting for its run time.</summary>
    Pending,

    /// <summary>Claimed by an instance until its lease lapses.</summary>
    Running,

    /// <summary>Finished.</summary>
    Done,

    /// <summary>Gave up after its last attempt; shown to the administrator, who may start it again.</summary>
    Failed,
}

/// <summary>
/// One unit of background work (an e-mail, a web site check, a due-date reminder) in the durable jobs table: written in
/// the same transaction as the change that asks for it, claimed by one instance at a time with a lease, retried with
/// backoff, and kept as failed when it keeps failing. Times are Unix milliseconds, compared in SQL on both databases.
/// </summary>
public sealed class JobRecord
{
    public long Id { get; set; }

    /// <summary>Which handler runs it, such as <c>mail</c>.</summary>
    public string Kind { get; set; } = "";

    /// <summary>What the handler needs, as JSON.</summary>
    public string Payload { get; set; } = "{}";

    public JobState State { get; set; }

    /// <summary>When it may run next (Unix milliseconds).</summary>
    public long RunAt { get; set; }

    /// <summary>How many times it was started.</summary>
    public int Attempts { get; set; }

    /// <summary>After how many attempts it is given up.</summary>
    public int MaxAttempts { get; set; }

    /// <summary>The instance running it.</summary>
    public string? LeaseOwner { get; set; }

    /// <summary>While running: when another instance may take it over (Unix milliseconds).</summary>
    public long? LeaseExpires { get; set; }

    /// <summary>Why the last attempt failed.</summary>
    public string? LastError { get; set; }

    /// <summary>At most one job per key (such as <c>reminder:{application}:{due date}</c>); null for none.</summary>
    public string? DedupeKey { get; set; }

    /// <summary>When it was queued (Unix milliseconds).</summary>
    public long CreatedAt { get; set; }

    /// <summary>When it ended, done or failed (Unix milliseconds).</summary>
    public long? FinishedAt { get; set; }
}
