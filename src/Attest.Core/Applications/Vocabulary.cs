using Attest.Core.Documents;

namespace Attest.Core.Applications;

/// <summary>APN consulting partner tiers, in increasing order.</summary>
public enum PartnerTier
{
    /// <summary>Registered.</summary>
    Registered,

    /// <summary>Select.</summary>
    Select,

    /// <summary>Advanced.</summary>
    Advanced,

    /// <summary>Premier.</summary>
    Premier,
}

/// <summary>Where a partner stands on the AWS Services Path, in increasing order.</summary>
public enum ServicesPathStage
{
    /// <summary>Not on the Services Path.</summary>
    None,

    /// <summary>Registered on the path.</summary>
    Registered,

    /// <summary>The Validated stage.</summary>
    Validated,

    /// <summary>The Differentiated stage.</summary>
    Differentiated,
}

/// <summary>How far a case study's project went.</summary>
public enum ProjectStage
{
    /// <summary>In production: the only stage that counts.</summary>
    Production,

    /// <summary>A pilot.</summary>
    Pilot,

    /// <summary>A proof of concept.</summary>
    ProofOfConcept,
}

/// <summary>The retail business problem a case study addresses (VAL-2.1), or none for generic IT.</summary>
public enum RetailUseCase
{
    /// <summary>Customer engagement.</summary>
    CustomerEngagement,

    /// <summary>Merchandising and corporate planning.</summary>
    MerchandisingPlanning,

    /// <summary>Supply chain and distribution, management or analytics.</summary>
    SupplyChain,

    /// <summary>Physical, digital or virtual stores.</summary>
    Stores,

    /// <summary>Advanced retail data science.</summary>
    DataScience,

    /// <summary>Key retail business applications.</summary>
    BusinessApplications,

    /// <summary>A generic IT problem: never counts.</summary>
    None,
}

/// <summary>The delivery category of a case study (PRE-2.3).</summary>
public enum DeliveryCategory
{
    /// <summary>Managed service: the partner keeps access and runs the environment.</summary>
    Msp,

    /// <summary>Project-based: built and handed over.</summary>
    Project,
}

/// <summary>The kind of a piece of public thought-leadership content (PRE-3.2).</summary>
public enum ContentKind
{
    /// <summary>A blog post.</summary>
    Blog,

    /// <summary>A press or trade article.</summary>
    Article,

    /// <summary>A video.</summary>
    Video,

    /// <summary>A whitepaper.</summary>
    Whitepaper,

    /// <summary>A customer workshop or education session.</summary>
    Workshop,

    /// <summary>A vertical use case the partner offers.</summary>
    UseCase,
}

/// <summary>A partner's answer for an item on one case study.</summary>
public enum AnswerValue
{
    /// <summary>The case study meets the item.</summary>
    Met,

    /// <summary>It does not.</summary>
    NotMet,

    /// <summary>The item does not apply to it.</summary>
    NotApplicable,
}

/// <summary>The wire spellings of the application vocabulary, and their names in both languages.</summary>
public static class Vocabulary
{
    /// <summary>Tiers.</summary>
    public static WireNames<PartnerTier> Tiers { get; } = new(
        (PartnerTier.Registered, "registered", "Registered", "Registered"),
        (PartnerTier.Select, "select", "Select", "Select"),
        (PartnerTier.Advanced, "advanced", "Advanced", "Advanced"),
        (PartnerTier.Premier, "premier", "Premier", "Premier"));

    /// <summary>Services Path stages.</summary>
    public static WireNames<ServicesPathStage> PathStages { get; } = new(
        (ServicesPathStage.None, "none", "not on the Services Path", "hors du parcours Services"),
        (ServicesPathStage.Registered, "registered", "Registered", "Registered"),
        (ServicesPathStage.Validated, "validated", "Validated", "Validated"),
        (ServicesPathStage.Differentiated, "differentiated", "Differentiated", "Differentiated"));

    /// <summary>Stages.</summary>
    public static WireNames<ProjectStage> Stages { get; } = new(
        (ProjectStage.Production, "production", "production", "production"),
        (ProjectStage.Pilot, "pilot", "pilot", "pilote"),
        (ProjectStage.ProofOfConcept, "proof-of-concept", "proof of concept", "démonstration de faisabilité"));

    /// <summary>Retail use cases.</summary>
    public static WireNames<RetailUseCase> UseCases { get; } = new(
        (RetailUseCase.CustomerEngagement, "customer-engagement", "customer engagement", "engagement client"),
        (RetailUseCase.MerchandisingPlanning, "merchandising-planning", "merchandising and corporate planning", "merchandising et planification d'entreprise"),
        (RetailUseCase.SupplyChain, "supply-chain", "supply chain and distribution", "chaîne logistique et distribution"),
        (RetailUseCase.Stores, "stores", "physical, digital or virtual stores", "boutiques physiques, numériques ou virtuelles"),
        (RetailUseCase.DataScience, "data-science", "advanced retail data science", "science avancée des données de la vente au détail"),
        (RetailUseCase.BusinessApplications, "business-applications", "key retail business applications", "applications métier clés de la vente au détail"),
        (RetailUseCase.None, "none", "none (generic IT)", "aucun (informatique générique)"));

    /// <summary>Delivery categories.</summary>
    public static WireNames<DeliveryCategory> Deliveries { get; } = new(
        (DeliveryCategory.Msp, "msp", "MSP", "FSG (services gérés)"),
        (DeliveryCategory.Project, "project", "project-based", "basé sur le projet"));

    /// <summary>Per-case-study answers.</summary>
    public static WireNames<AnswerValue> Answers { get; } = new(
        (AnswerValue.Met, "met", "met", "respecté"),
        (AnswerValue.NotMet, "not-met", "not met", "non respecté"),
        (AnswerValue.NotApplicable, "not-applicable", "not applicable", "sans objet"));

    /// <summary>Content kinds.</summary>
    public static WireNames<ContentKind> ContentKinds { get; } = new(
        (ContentKind.Blog, "blog", "blog post", "article de blog"),
        (ContentKind.Article, "article", "article", "article de presse"),
        (ContentKind.Video, "video", "video", "vidéo"),
        (ContentKind.Whitepaper, "whitepaper", "whitepaper", "livre blanc"),
        (ContentKind.Workshop, "workshop", "workshop", "atelier"),
        (ContentKind.UseCase, "use-case", "use case", "cas d'utilisation"));
}
