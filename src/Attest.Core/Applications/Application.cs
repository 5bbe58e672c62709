namespace Attest.Core.Applications;

/// <summary>
/// A partner's application for one checklist version: the content of an application file (format v1).
/// Every field a partner fills may be missing: drafts are evaluable, and the rule that needs a field says it is not stated.
/// </summary>
public sealed record Application
{
    /// <summary>The only format version this model reads and writes.</summary>
    public const string FormatV1 = "attest/application/v1";

    /// <summary>The most case studies an application may hold: far above the four the checklist asks for, low enough to keep every evaluation quick.</summary>
    public const int MaxCaseStudies = 200;

    /// <summary>The checklist (catalog) id, e.g. <c>aws-retail-consulting-2019-12</c>.</summary>
    public required string Checklist { get; init; }

    /// <summary>The evaluation date written in the file, if any.</summary>
    public DateOnly? AsOf { get; init; }

    /// <summary>The partner's profile.</summary>
    public PartnerProfile Partner { get; init; } = new();

    /// <summary>The case studies, in file order; keys are unique.</summary>
    public IReadOnlyList<CaseStudy> CaseStudies { get; init; } = [];

    /// <summary>The self-assessment, by checklist item id.</summary>
    public IReadOnlyDictionary<string, SelfAssessmentEntry> SelfAssessment { get; init; } = new Dictionary<string, SelfAssessmentEntry>();

    /// <summary>
    /// Further programs the same file applies for (<c>programs:</c>): by checklist id, the self-assessment of that checklist's
    /// items. The profile, case studies and evidence are shared; what a mapping carries over need not be repeated.
    /// </summary>
    public IReadOnlyDictionary<string, IReadOnlyDictionary<string, SelfAssessmentEntry>> Programs { get; init; } = new Dictionary<string, IReadOnlyDictionary<string, SelfAssessmentEntry>>();
}

/// <summary>What the partner says about itself.</summary>
public sealed record PartnerProfile
{
    /// <summary>The partner's name.</summary>
    public string? Name { get; init; }

    /// <summary>The partner's identifier at AWS (its APN Partner Central account id), shown on the self-assessment form.</summary>
    public string? Id { get; init; }

    /// <summary>The APN consulting tier.</summary>
    public PartnerTier? Tier { get; init; }

    /// <summary>The partner's stage on the AWS Services Path (<c>none</c> when it is not on the path); null when not stated.</summary>
    public ServicesPathStage? ServicesPath { get; init; }

    /// <summary>Whether the partner belongs to the AWS Managed Service Provider program.</summary>
    public bool? MspProgramMember { get; init; }

    /// <summary>Whether the partner has read the AWS Competency program guidelines.</summary>
    public bool? GuidelinesRead { get; init; }

    /// <summary>The partner's home page.</summary>
    public string? Homepage { get; init; }

    /// <summary>The retail practice page.</summary>
    public PracticePage? PracticePage { get; init; }

    /// <summary>Whether the partner is a consultancy dedicated to retail.</summary>
    public bool? DedicatedRetailConsultancy { get; init; }

    /// <summary>Public thought-leadership content; null when not stated.</summary>
    public IReadOnlyList<ContentItem>? Content { get; init; }

    /// <summary>The person the program office answers (the sender of the submission e-mail); null when not stated.</summary>
    public PartnerContact? Contact { get; init; }
}

/// <summary>The partner's contact for the application: the submission e-mail comes from them.</summary>
public sealed record PartnerContact
{
    /// <summary>Their name.</summary>
    public string? Name { get; init; }

    /// <summary>Their e-mail address.</summary>
    public string? Email { get; init; }
}

/// <summary>The retail-on-AWS practice page (PRE-3.1).</summary>
public sealed record PracticePage
{
    /// <summary>Its address.</summary>
    public string? Url { get; init; }

    /// <summary>Whether the home page links to it.</summary>
    public bool? LinkedFromHomepage { get; init; }
}

/// <summary>One piece of public content (PRE-3.2).</summary>
public sealed record ContentItem
{
    /// <summary>Its title.</summary>
    public string? Title { get; init; }

    /// <summary>Its address.</summary>
    public string? Url { get; init; }

    /// <summary>What kind of content it is.</summary>
    public ContentKind? Kind { get; init; }

    /// <summary>When it was published.</summary>
    public DateOnly? Published { get; init; }
}

/// <summary>A customer case study.</summary>
public sealed record CaseStudy
{
    /// <summary>Unique within the application.</summary>
    public required string Key { get; init; }

    /// <summary>The customer's name.</summary>
    public string? Customer { get; init; }

    /// <summary>The customer's web site.</summary>
    public string? CustomerWebsite { get; init; }

    /// <summary>
    /// Keys of other case studies whose customers the partner confirms are distinct legal entities from this one, though
    /// their names or domains look alike (PRE-2.1 asks for a review of such pairs until this is said).
    /// </summary>
    public IReadOnlyList<string>? DistinctFrom { get; init; }

    /// <summary>Whether the customer is the partner itself or one of its affiliates; null when not stated (read as no).</summary>
    public bool? Affiliate { get; init; }

    /// <summary>For an affiliate customer: whether the offering is also sold to outside customers (without it the case study does not count).</summary>
    public bool? OfferedOutside { get; init; }

    /// <summary>Architecture diagrams of the customer's deployment: evidence references (paths relative to the application file, or URLs).</summary>
    public IReadOnlyList<string>? ArchitectureDiagrams { get; init; }

    /// <summary>Production, pilot or proof of concept.</summary>
    public ProjectStage? Stage { get; init; }

    /// <summary>The retail business problem addressed.</summary>
    public RetailUseCase? UseCase { get; init; }

    /// <summary>MSP or project-based.</summary>
    public DeliveryCategory? Delivery { get; init; }

    /// <summary>When the project was completed.</summary>
    public DateOnly? Completed { get; init; }

    /// <summary>The customer's problem.</summary>
    public string? Problem { get; init; }

    /// <summary>What the partner proposed.</summary>
    public string? Solution { get; init; }

    /// <summary>The AWS services used.</summary>
    public IReadOnlyList<string>? AwsServices { get; init; }

    /// <summary>How the partner's retail knowledge was used.</summary>
    public string? RetailExpertise { get; init; }

    /// <summary>Third-party applications or solutions used; empty when stated as none, null when not stated.</summary>
    public IReadOnlyList<string>? ThirdParty { get; init; }

    /// <summary>The results.</summary>
    public string? Results { get; init; }

    /// <summary>Compliance requirements described by the customer; empty when none, null when not stated.</summary>
    public IReadOnlyList<string>? Compliance { get; init; }

    /// <summary>The public reference, when there is one.</summary>
    public PublicReference? PublicReference { get; init; }

    /// <summary>Whether it is an e-commerce implementation.</summary>
    public bool? Ecommerce { get; init; }

    /// <summary>Whether cardholder data is present.</summary>
    public bool? CardholderData { get; init; }

    /// <summary>RTO and RPO for the loss of one Availability Zone, per component (VAL-2.3).</summary>
    public IReadOnlyList<AvailabilityObjective>? Availability { get; init; }

    /// <summary>Disaster recovery for a lasting regional outage (VAL-2.5).</summary>
    public DisasterRecoveryPlan? DisasterRecovery { get; init; }

    /// <summary>The latest PCI-DSS vulnerability scan and penetration test (VAL-2.13).</summary>
    public PciTesting? Pci { get; init; }

    /// <summary>Evidence: paths relative to the application file, or URLs.</summary>
    public IReadOnlyList<string>? Evidence { get; init; }

    /// <summary>
    /// Whether the partner submits this case study to AWS (true) or keeps it out (false); null when not stated. When no
    /// case study of the file states it, the submitted ones are those Attest counts for PRE-2.1.
    /// </summary>
    public bool? Submitted { get; init; }
}

/// <summary>A public case study, whitepaper or blog post about a case study (PRE-2.2).</summary>
public sealed record PublicReference
{
    /// <summary>Its address.</summary>
    public string? Url { get; init; }

    /// <summary>Whether the partner's web site links to it.</summary>
    public bool? LinkedFromWebsite { get; init; }
}

/// <summary>RTO and RPO of one solution component for the loss of one Availability Zone.</summary>
public sealed record AvailabilityObjective
{
    /// <summary>The component.</summary>
    public string? Component { get; init; }

    /// <summary>Recovery time objective, in minutes.</summary>
    public int? RtoMinutes { get; init; }

    /// <summary>Recovery point objective, in minutes.</summary>
    public int? RpoMinutes { get; init; }
}

/// <summary>Disaster recovery for a lasting regional outage.</summary>
public sealed record DisasterRecoveryPlan
{
    /// <summary>Recovery time objective, in minutes.</summary>
    public int? RtoMinutes { get; init; }

    /// <summary>Recovery point objective, in minutes.</summary>
    public int? RpoMinutes { get; init; }

    /// <summary>When the recovery test was run.</summary>
    public DateOnly? TestedOn { get; init; }

    /// <summary>Whether the DR runbook was delivered to the customer.</summary>
    public bool? RunbookDelivered { get; init; }
}

/// <summary>Dates of the latest PCI-DSS tests.</summary>
public sealed record PciTesting
{
    /// <summary>The latest vulnerability scan.</summary>
    public DateOnly? LastVulnerabilityScan { get; init; }

    /// <summary>The latest penetration test.</summary>
    public DateOnly? LastPenetrationTest { get; init; }
}

/// <summary>The partner's own answer for one checklist item.</summary>
public sealed record SelfAssessmentEntry
{
    /// <summary>Met (true) or not met (false); null when not answered.</summary>
    public bool? Met { get; init; }

    /// <summary>The justification.</summary>
    public string? Note { get; init; }

    /// <summary>Evidence references.</summary>
    public IReadOnlyList<string>? Evidence { get; init; }

    /// <summary>For an item judged on case studies: the partner's answer per case study, by case study key; null when not stated.</summary>
    public IReadOnlyDictionary<string, CaseStudyAnswer>? CaseStudies { get; init; }
}

/// <summary>The partner's own answer for one checklist item on one case study (the self-assessment's per-case-study columns).</summary>
public sealed record CaseStudyAnswer
{
    /// <summary>Met, not met or not applicable; null when not answered.</summary>
    public AnswerValue? Answer { get; init; }

    /// <summary>The justification.</summary>
    public string? Note { get; init; }

    /// <summary>Evidence references.</summary>
    public IReadOnlyList<string>? Evidence { get; init; }
}
