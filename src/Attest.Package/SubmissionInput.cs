using Attest.Core.Applications;
using Attest.Core.Catalogs;
using Attest.Core.Readiness;
using Attest.Core.Text;

namespace Attest.Package;

/// <summary>Everything the submission package is made from: one application, frozen or as it stands, with its evidence.</summary>
public sealed record SubmissionInput
{
    /// <summary>The application (format v1).</summary>
    public required Application Application { get; init; }

    /// <summary>Its checklist.</summary>
    public required Catalog Catalog { get; init; }

    /// <summary>Its readiness, from <see cref="ReadinessEngine.Evaluate"/>.</summary>
    public required ReadinessReport Readiness { get; init; }

    /// <summary>When the package is made: the version's frozen time, or now for a draft.</summary>
    public required DateTimeOffset CreatedAt { get; init; }

    /// <summary>The language of the texts; null means the checklist's own language.</summary>
    public Language? Language { get; init; }

    /// <summary>The frozen version's number, when there is one.</summary>
    public int? Version { get; init; }

    /// <summary>The evidence files, each with the items and case studies it supports.</summary>
    public IReadOnlyList<EvidenceFile> Evidence { get; init; } = [];

    /// <summary>Evidence given as web addresses: listed, never fetched.</summary>
    public IReadOnlyList<EvidenceLink> Links { get; init; } = [];

    /// <summary>Evidence the application names but that could not be found.</summary>
    public IReadOnlyList<MissingEvidence> Missing { get; init; } = [];

    /// <summary>The language the package is written in.</summary>
    public Language EffectiveLanguage => Language ?? Catalog.SourceLanguage;

    /// <summary>The partner's name, or a placeholder when the application does not state it.</summary>
    public string PartnerName => string.IsNullOrWhiteSpace(Application.Partner.Name) ? PackageTexts.UnnamedPartner.In(EffectiveLanguage) : Application.Partner.Name.Trim();
}

/// <summary>One evidence file: its name as the application gives it, its size and SHA-256, and what it supports.</summary>
public sealed record EvidenceFile
{
    /// <summary>The name as the application refers to it (a relative path such as <c>iac/contoso/storefront.yaml</c>).</summary>
    public required string Name { get; init; }

    /// <summary>Its size in bytes.</summary>
    public required long Size { get; init; }

    /// <summary>Its SHA-256, 64 lower-case hexadecimal digits.</summary>
    public required string Sha256 { get; init; }

    /// <summary>Opens the content for reading; called once per file when the bundle is written.</summary>
    public required Func<Stream> Open { get; init; }

    /// <summary>The checklist items it supports (self-assessment references).</summary>
    public IReadOnlyList<string> Items { get; init; } = [];

    /// <summary>The case studies it supports (case-study evidence lists), by key.</summary>
    public IReadOnlyList<string> CaseStudies { get; init; } = [];
}

/// <summary>Evidence given as a web address.</summary>
public sealed record EvidenceLink(string Url, IReadOnlyList<string> Items, IReadOnlyList<string> CaseStudies);

/// <summary>Evidence the application names that is not there (or may not be read), with why.</summary>
public sealed record MissingEvidence(string Reference, IReadOnlyList<string> Items, IReadOnlyList<string> CaseStudies, LocalizedString Why);
