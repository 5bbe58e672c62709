using System.Security.Cryptography;
using System.Text;
using Attest.Core.Applications;
using Attest.Core.Catalogs;
using Attest.Core.Readiness;
using Attest.Core.Text;

namespace Attest.Package.Tests.Support;

/// <summary>The shipped retail checklist and the ready example application, made into package inputs.</summary>
internal static class Samples
{
    public static readonly DateTimeOffset Frozen = new(2026, 11, 26, 9, 30, 0, TimeSpan.Zero);

    /// <summary>The 24 items of the retail checklist, in checklist order.</summary>
    public static readonly string[] RetailItemIds =
    [
        "PRE-1.1", "PRE-1.2", "PRE-2.1", "PRE-2.2", "PRE-2.3", "PRE-2.4", "PRE-3.1", "PRE-3.2", "PRE-4.1",
        "VAL-1.1", "VAL-1.2",
        "VAL-2.1", "VAL-2.2", "VAL-2.3", "VAL-2.4", "VAL-2.5", "VAL-2.6", "VAL-2.7", "VAL-2.8", "VAL-2.9", "VAL-2.10", "VAL-2.11", "VAL-2.12", "VAL-2.13",
    ];

    private static readonly Lazy<string> RootFolder = new(FindRoot);
    private static readonly Lazy<Catalog> RetailCatalog = new(LoadCatalog);

    public static string Root => RootFolder.Value;

    public static Catalog Catalog => RetailCatalog.Value;

    public static Application ReadyApplication()
    {
        var path = Path.Combine(Root, "examples", "ready.yaml");
        var (application, error) = ApplicationReader.Read(System.IO.File.ReadAllText(path), path, [Catalog]);
        Assert.Null(error);
        return application!;
    }

    public static EvidenceFile File(string name, byte[] content, string[]? items = null, string[]? caseStudies = null) => new()
    {
        Name = name,
        Size = content.LongLength,
        Sha256 = Convert.ToHexStringLower(SHA256.HashData(content)),
        Open = () => new MemoryStream(content, writable: false),
        Items = items ?? [],
        CaseStudies = caseStudies ?? [],
    };

    public static EvidenceFile TextFile(string name, string text, string[]? items = null, string[]? caseStudies = null) =>
        File(name, Encoding.UTF8.GetBytes(text), items, caseStudies);

    /// <summary>The ready example with three evidence files, a link and a missing file.</summary>
    public static SubmissionInput Input(Language? language = null, Application? application = null, IReadOnlyList<EvidenceFile>? evidence = null)
    {
        application ??= ReadyApplication();
        var report = ReadinessEngine.Evaluate(application, Catalog, application.AsOf ?? new DateOnly(2026, 11, 26));
        return new SubmissionInput
        {
            Application = application,
            Catalog = Catalog,
            Readiness = report,
            CreatedAt = Frozen,
            Language = language,
            Version = 3,
            Evidence = evidence ??
            [
                TextFile("iac/contoso/storefront.yaml", "AWSTemplateFormatVersion: '2010-09-09'\nResources: {}\n", ["VAL-2.2", "VAL-2.7"], ["contoso"]),
                TextFile("docs/contoso-dr.pdf", "%PDF-1.4 pretend runbook", ["VAL-2.5"], []),
                File("diagrams/contoso-network.png", [0x89, 0x50, 0x4E, 0x47, 0, 1, 2, 3, 255], ["VAL-2.12"], ["contoso"]),
            ],
            Links = [new EvidenceLink("https://acme.example/retail/contoso", [], ["contoso"])],
            Missing = [new MissingEvidence("decks/company-overview.pdf", ["VAL-1.1"], [], new LocalizedString("no such file", "fichier introuvable"))],
        };
    }

    private static Catalog LoadCatalog()
    {
        var path = Path.Combine(Root, "catalogs", "aws-retail-consulting-2019-12.yaml");
        var (catalog, error) = CatalogReader.Read(System.IO.File.ReadAllText(path), path);
        Assert.Null(error);
        return catalog!;
    }

    private static string FindRoot()
    {
        for (var folder = new DirectoryInfo(AppContext.BaseDirectory); folder is not null; folder = folder.Parent)
        {
            if (System.IO.File.Exists(Path.Combine(folder.FullName, "Attest.slnx")))
            {
                return folder.FullName;
            }
        }

        throw new InvalidOperationException("Attest.slnx not found above " + AppContext.BaseDirectory);
    }
}
