using Attest.Core.Applications;
using Attest.Core.Text;

namespace Attest.Core.Catalogs;

/// <summary>A published validation checklist, as data: sections, items, and how each item is judged.</summary>
public sealed record Catalog
{
    private ChecklistItem[]? items;

    /// <summary>The id applications refer to, e.g. <c>aws-retail-consulting-2019-12</c>.</summary>
    public required string Id { get; init; }

    /// <summary>The checklist's title.</summary>
    public required LocalizedString Title { get; init; }

    /// <summary>Who publishes it.</summary>
    public required string Issuer { get; init; }

    /// <summary>The publisher's version label.</summary>
    public required string Version { get; init; }

    /// <summary>The publication date.</summary>
    public required DateOnly Published { get; init; }

    /// <summary>The language the checklist was published in.</summary>
    public required Language SourceLanguage { get; init; }

    /// <summary>From when applications may use it, if stated.</summary>
    public DateOnly? EffectiveFrom { get; init; }

    /// <summary>Until when applications on it are accepted (the last day partners may use it: <c>validity.usableUntil</c>), if stated.</summary>
    public DateOnly? AcceptedUntil { get; init; }

    /// <summary>The day the publisher released this version (<c>validity.released</c>), if stated.</summary>
    public DateOnly? Released { get; init; }

    /// <summary>The day the next version is expected (<c>validity.nextVersionExpected</c>), if stated.</summary>
    public DateOnly? NextVersionExpected { get; init; }

    /// <summary>Until when the version before this one is still accepted (<c>validity.previousAcceptedUntil</c>), if stated.</summary>
    public DateOnly? PreviousAcceptedUntil { get; init; }

    /// <summary>The id of the checklist that replaces this one (<c>validity.successor</c>), once it is known.</summary>
    public string? Successor { get; init; }

    /// <summary>
    /// The Well-Architected exemption (<c>reviewExemption</c>): a case study whose review shows no outstanding high-risk issue
    /// in these pillars needs no other evidence for the items marked <see cref="ChecklistItem.ExemptByReview"/>; null when the
    /// checklist has none.
    /// </summary>
    public ReviewExemption? ReviewExemption { get; init; }

    /// <summary>Where and how the completed self-assessment is sent.</summary>
    public required ProgramOffice ProgramOffice { get; init; }

    /// <summary>Readings of the checklist that the catalog chooses.</summary>
    public CatalogOptions Options { get; init; } = new();

    /// <summary>The sections, in checklist order.</summary>
    public required IReadOnlyList<CatalogSection> Sections
    {
        get;
        init
        {
            field = value;
            items = null; // a copy made with `with` must not keep the original's item list
        }
    }

    /// <summary>Every item, in checklist order.</summary>
    public IReadOnlyList<ChecklistItem> Items => items ??= Sections.SelectMany(s => s.Items).ToArray();

    /// <summary>The item with this id, or null.</summary>
    public ChecklistItem? FindItem(string id) => Items.FirstOrDefault(i => i.Id == id);

    /// <summary>The items <paramref name="topic"/> is evidence for, in checklist order.</summary>
    public IReadOnlyList<ChecklistItem> ItemsFor(string topic) => [.. Items.Where(i => i.Topics.Contains(topic, StringComparer.Ordinal))];

    /// <summary>The section holding <paramref name="item"/>.</summary>
    public CatalogSection SectionOf(ChecklistItem item) => Sections.First(s => s.Items.Contains(item));
}

/// <summary>The program office's address and the subject line the completed self-assessment must carry.</summary>
public sealed record ProgramOffice
{
    /// <summary>The e-mail address.</summary>
    public required string Email { get; init; }

    /// <summary>The subject template; <c>{partner}</c> stands for the partner's name.</summary>
    public required LocalizedString SubjectTemplate { get; init; }

    /// <summary>Business days within which the program office answers a submission.</summary>
    public int AnswerWithinBusinessDays { get; init; } = 5;

    /// <summary>The subject line for <paramref name="partnerName"/>.</summary>
    public string Subject(string partnerName, Language language) =>
        SubjectTemplate.In(language).Replace("{partner}", partnerName, StringComparison.Ordinal);
}

/// <summary>How PRE-2.4 is read: the two published texts disagree.</summary>
public enum MspCriteriaReading
{
    /// <summary>If any case study is MSP, the partner must be an MSP program member (English checklists; the default).</summary>
    English,

    /// <summary>If no case study is MSP, the partner must be an MSP program member (the French 2019 text).</summary>
    French,
}

/// <summary>How VAL-2.13 is read: whether « trimestrielles » qualifies the penetration tests as well as the scans.</summary>
public enum PciTestingReading
{
    /// <summary>
    /// Quarterly vulnerability scans; penetration tests at the interval PCI DSS sets (a year): the scan within the rule's
    /// <c>scanWindowMonths</c>, the test within <c>penetrationTestWindowMonths</c> (the default).
    /// </summary>
    ScansQuarterly,

    /// <summary>Both the scan and the penetration test within <c>scanWindowMonths</c> (the strict reading).</summary>
    BothQuarterly,
}

/// <summary>Choices a catalog makes where the source is open to more than one reading.</summary>
public sealed record CatalogOptions
{
    /// <summary>The PRE-2.4 reading.</summary>
    public MspCriteriaReading MspCriteriaReading { get; init; } = MspCriteriaReading.English;

    /// <summary>The VAL-2.13 reading.</summary>
    public PciTestingReading PciTestingReading { get; init; } = PciTestingReading.ScansQuarterly;
}

/// <summary>Whether a section belongs to the prerequisites or to the audit's validation checklist.</summary>
public enum ChecklistPart
{
    /// <summary>Program prerequisites, checked before an audit is scheduled.</summary>
    Prerequisites,

    /// <summary>The validation checklist, scored at the audit.</summary>
    Validation,
}

/// <summary>A numbered section of the checklist.</summary>
public sealed record CatalogSection
{
    /// <summary>e.g. <c>PRE-2</c>.</summary>
    public required string Id { get; init; }

    /// <summary>Prerequisites or validation.</summary>
    public required ChecklistPart Part { get; init; }

    /// <summary>The number as printed, e.g. <c>2.0</c>.</summary>
    public required string Number { get; init; }

    /// <summary>The section title.</summary>
    public required LocalizedString Title { get; init; }

    /// <summary>The items, in order.</summary>
    public required IReadOnlyList<ChecklistItem> Items { get; init; }
}

/// <summary>Whom or what an item is judged on.</summary>
public enum Applicability
{
    /// <summary>The partner as a whole.</summary>
    Partner,

    /// <summary>Every case study of the application.</summary>
    EachCaseStudy,

    /// <summary>Every case study that counts for the application.</summary>
    AllCaseStudies,

    /// <summary>Every counted case study delivered as a project.</summary>
    AllProjectBased,

    /// <summary>At least one counted case study.</summary>
    AtLeastOneCaseStudy,

    /// <summary>Counted e-commerce case studies.</summary>
    Ecommerce,

    /// <summary>Counted e-commerce case studies with cardholder data.</summary>
    EcommerceCardholderData,

    /// <summary>
    /// Counted case studies that use one of the item's <see cref="ChecklistItem.Services"/>: named in their typed service
    /// list, or defined by the code attached to them (wire name <c>case-studies-using-services</c>).
    /// </summary>
    CaseStudiesUsingServices,

    /// <summary>The name of <see cref="CaseStudiesUsingServices"/> in the first catalogs (<c>case-studies-with-s3</c>, services Amazon S3).</summary>
    CaseStudiesWithS3 = CaseStudiesUsingServices,
}

/// <summary>How far an item can be decided without a person.</summary>
public enum Automation
{
    /// <summary>Decided from the application's facts.</summary>
    Automatic,

    /// <summary>Facts and analyzers support it; a person completes the judgement.</summary>
    Partial,

    /// <summary>Only a person can judge; Attest shows what they need.</summary>
    Human,
}

/// <summary>The pillars a Well-Architected review must show free of outstanding high-risk issues to exempt a case study.</summary>
/// <param name="Pillars">Pillar ids (<see cref="Findings.WellArchitectedPillars"/>), e.g. <c>security</c>.</param>
public sealed record ReviewExemption(IReadOnlyList<string> Pillars);

/// <summary>A Well-Architected Framework best practice an item rests on.</summary>
public sealed record WellArchitectedPractice(string Pillar, string BestPractice, LocalizedString Title);

/// <summary>One checklist item.</summary>
public sealed record ChecklistItem
{
    /// <summary>e.g. <c>PRE-2.1</c> or <c>VAL-2.10</c>.</summary>
    public required string Id { get; init; }

    /// <summary>The number as printed in its section, e.g. <c>2.1</c>.</summary>
    public required string Number { get; init; }

    /// <summary>The part of the checklist it belongs to: its section's <c>part</c> (never guessed from its id).</summary>
    public ChecklistPart Part { get; init; } = ChecklistPart.Validation;

    /// <summary>The topics whose findings are evidence for it (<see cref="Findings.Topics"/>); empty when analyzers have nothing to say.</summary>
    public IReadOnlyList<string> Topics { get; init; } = [];

    /// <summary>The AWS services that make it apply to a case study (<see cref="Findings.AwsServices"/>), for <see cref="Applicability.CaseStudiesUsingServices"/>.</summary>
    public IReadOnlyList<string> Services { get; init; } = [];

    /// <summary>The short title.</summary>
    public required LocalizedString Title { get; init; }

    /// <summary>What the partner must have or do.</summary>
    public required LocalizedString Requirement { get; init; }

    /// <summary>What the auditor expects to see.</summary>
    public required LocalizedString Evidence { get; init; }

    /// <summary>Whom or what it is judged on.</summary>
    public required Applicability AppliesTo { get; init; }

    /// <summary>How far it can be decided automatically.</summary>
    public required Automation Automation { get; init; }

    /// <summary>The readiness rule that judges it.</summary>
    public required string Rule { get; init; }

    /// <summary>The rule's parameters (window lengths, counts…), by name.</summary>
    public IReadOnlyDictionary<string, string> Parameters { get; init; } = new Dictionary<string, string>();

    /// <summary>The Well-Architected best practices it rests on.</summary>
    public IReadOnlyList<WellArchitectedPractice> WellArchitected { get; init; } = [];

    /// <summary>Whether a case study exempted by a Well-Architected review (<see cref="Catalog.ReviewExemption"/>) meets it without other evidence.</summary>
    public bool ExemptByReview { get; init; }

    /// <summary>A whole-number parameter.</summary>
    public int IntParameter(string name) => int.Parse(Parameters[name], System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>A yes/no parameter.</summary>
    public bool FlagParameter(string name) => Parameters[name] == "yes";

    /// <summary>A Services Path stage parameter.</summary>
    public ServicesPathStage PathStageParameter(string name) => Vocabulary.PathStages.TryParse(Parameters[name], out var stage) ? stage : throw new InvalidOperationException($"{Id}: bad stage parameter");

    /// <summary>A tier parameter.</summary>
    public PartnerTier TierParameter(string name) => Vocabulary.Tiers.TryParse(Parameters[name], out var tier) ? tier : throw new InvalidOperationException($"{Id}: bad tier parameter");
}
