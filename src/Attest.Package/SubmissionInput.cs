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

    /// <summary>The case studies submitted to AWS, in file order (see <see cref="SubmittedCaseStudies"/>).</summary>
    public IReadOnlyList<CaseStudy> Submitted => SubmittedCaseStudies.Of(Application, Readiness);

    /// <summary>
    /// Evidence files that go only because a whole folder was cited, and that no submitted case study cites: another
    /// customer's files may be among them. They are listed as a warning in the manifest and by the CLI before they go.
    /// </summary>
    public IReadOnlyList<EvidenceFile> Unrelated
    {
        get
        {
            var keys = Submitted.Select(c => c.Key).ToHashSet(StringComparer.Ordinal);
            return Evidence.Where(f => f.ThroughFolderOnly && !f.CaseStudies.Any(keys.Contains)).ToArray();
        }
    }

    /// <summary>The partner's contact as "Name &lt;address&gt;", or null when the application gives no address.</summary>
    public PartnerContact? Contact => Application.Partner.Contact is { Email: { Length: > 0 } } contact ? contact : null;
}

/// <summary>Which case studies an application submits to AWS.</summary>
public static class SubmittedCaseStudies
{
    /// <summary>
    /// The case studies marked <c>submitted: true</c> when any case study of the file states <c>submitted</c>; otherwise those
    /// Attest counts for PRE-2.1 (met on their own, one per customer) in <paramref name="readiness"/>.
    /// </summary>
    public static IReadOnlyList<CaseStudy> Of(Application application, ReadinessReport readiness)
    {
        ArgumentNullException.ThrowIfNull(application);
        ArgumentNullException.ThrowIfNull(readiness);
        if (application.CaseStudies.Any(c => c.Submitted is not null))
        {
            return application.CaseStudies.Where(c => c.Submitted == true).ToArray();
        }

        var counted = readiness.Items.FirstOrDefault(v => v.Item.Rule == "retail-case-studies")?.CaseStudies
            .Where(v => v.Status == ReadinessStatus.Met).Select(v => v.Key).ToHashSet(StringComparer.Ordinal) ?? [];
        return application.CaseStudies.Where(c => counted.Contains(c.Key)).ToArray();
    }
}

/// <summary>One evidence file: its name as the application gives it, its size and SHA-256, and what it supports.</summary>
public sealed record EvidenceFile
{
    /// <summary>The name as the application refers to it (a relative path such as <c>iac/contoso/storefront.yaml</c>).</summary>
    public required string Name { get; init; }

    /// <summary>
    /// The name it takes in the bundle when that is not <see cref="Name"/>: the web library names pieces by a display name,
    /// which gets the file's extension here so that the file opens with the right program.
    /// </summary>
    public string? FileName { get; init; }

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

    /// <summary>When it is included only because whole folders holding it were cited, never by its own name: those folder references; otherwise empty.</summary>
    public IReadOnlyList<string> ThroughFolders { get; init; } = [];

    /// <summary>True when it is included only because a whole folder holding it was cited.</summary>
    public bool ThroughFolderOnly => ThroughFolders.Count > 0;
}

/// <summary>Evidence given as a web address.</summary>
public sealed record EvidenceLink(string Url, IReadOnlyList<string> Items, IReadOnlyList<string> CaseStudies);

/// <summary>Evidence the application names that is not there (or may not be read), with why.</summary>
public sealed record MissingEvidence(string Reference, IReadOnlyList<string> Items, IReadOnlyList<string> CaseStudies, LocalizedString Why);
