using Attest.Core.Applications;
using Attest.Core.Catalogs;

namespace Attest.Core.Tests;

/// <summary>The real Retail catalog, and hand-written applications to vary in each test.</summary>
internal static class TestData
{
    public static readonly DateOnly AsOf = new(2026, 11, 26);

    private static readonly Lazy<Catalog> RetailCatalog = new(() =>
    {
        var path = Path.Combine(RepositoryRoot(), "catalogs", "aws-retail-consulting-2019-12.yaml");
        var (catalog, error) = CatalogReader.Read(File.ReadAllText(path), path);
        return catalog ?? throw new InvalidOperationException(error!.ToString());
    });

    public static Catalog Retail => RetailCatalog.Value;

    private static readonly Lazy<Catalog> WafCatalog = new(() =>
    {
        var path = Path.Combine(RepositoryRoot(), "catalogs", "aws-waf-service-delivery-2025-02.yaml");
        var (catalog, error) = CatalogReader.Read(File.ReadAllText(path), path);
        return catalog ?? throw new InvalidOperationException(error!.ToString());
    });

    /// <summary>The real AWS WAF Service Delivery catalog (February 2025).</summary>
    public static Catalog Waf => WafCatalog.Value;

    public static string RepositoryRoot()
    {
        var folder = new DirectoryInfo(AppContext.BaseDirectory);
        while (folder is not null && !File.Exists(Path.Combine(folder.FullName, "Attest.slnx")))
        {
            folder = folder.Parent;
        }

        return folder?.FullName ?? throw new InvalidOperationException("Attest.slnx not found above " + AppContext.BaseDirectory);
    }

    public static string ReadRepositoryFile(params string[] parts) => File.ReadAllText(Path.Combine([RepositoryRoot(), .. parts]));

    /// <summary>A production, project-based, complete case study completed three months before <see cref="AsOf"/>.</summary>
    public static CaseStudy CaseStudy(string key, string? customer = null, string? website = null) => new()
    {
        Key = key,
        Customer = customer ?? $"{char.ToUpperInvariant(key[0])}{key[1..]} Retail",
        CustomerWebsite = website ?? $"https://{key}.example",
        Stage = ProjectStage.Production,
        UseCase = RetailUseCase.SupplyChain,
        Delivery = DeliveryCategory.Project,
        Completed = new DateOnly(2026, 8, 26),
        Problem = "Stock-outs.",
        Solution = "Event-driven replenishment.",
        AwsServices = ["AWS Lambda", "Amazon DynamoDB"],
        RetailExpertise = "Replenishment know-how.",
        ThirdParty = [],
        Results = "Fewer stock-outs.",
        Compliance = [],
        Ecommerce = false,
        Availability = [new AvailabilityObjective { Component = "api", RtoMinutes = 15, RpoMinutes = 5 }],
        Evidence = [$"iac/{key}/"],
    };

    /// <summary>A ready application: four qualifying customers, two public, two with compliance, every item self-assessed met.</summary>
    public static Application Ready()
    {
        var cases = new[]
        {
            CaseStudy("contoso") with
            {
                Compliance = ["PCI-DSS"],
                PublicReference = new PublicReference { Url = "https://acme.example/retail/contoso", LinkedFromWebsite = true },
                Ecommerce = true,
                CardholderData = true,
                AwsServices = ["Amazon S3", "AWS Lambda"],
                Pci = new PciTesting { LastVulnerabilityScan = new DateOnly(2026, 10, 1), LastPenetrationTest = new DateOnly(2026, 9, 15) },
                DisasterRecovery = new DisasterRecoveryPlan { RtoMinutes = 240, RpoMinutes = 60, TestedOn = new DateOnly(2026, 8, 1), RunbookDelivered = true },
            },
            CaseStudy("fabrikam") with
            {
                Compliance = ["GDPR"],
                PublicReference = new PublicReference { Url = "https://acme.example/retail/fabrikam", LinkedFromWebsite = true },
            },
            CaseStudy("northwind"),
            CaseStudy("tailspin"),
        };
        return new Application
        {
            Checklist = "aws-retail-consulting-2019-12",
            AsOf = AsOf,
            Partner = new PartnerProfile
            {
                Name = "Acme Retail Cloud",
                Tier = PartnerTier.Advanced,
                MspProgramMember = false,
                GuidelinesRead = true,
                Homepage = "https://acme.example/",
                PracticePage = new PracticePage { Url = "https://acme.example/retail", LinkedFromHomepage = true },
                DedicatedRetailConsultancy = false,
                Content =
                [
                    new ContentItem { Title = "Unified commerce", Url = "https://acme.example/blog/uc", Kind = ContentKind.Blog, Published = new DateOnly(2026, 3, 1) },
                    new ContentItem { Title = "Store workshop", Url = "https://acme.example/events/stores", Kind = ContentKind.Workshop },
                    new ContentItem { Title = "Inventory visibility", Url = "https://acme.example/retail/inventory", Kind = ContentKind.UseCase },
                ],
            },
            CaseStudies = cases,
            SelfAssessment = Retail.Items.ToDictionary(i => i.Id, i => new SelfAssessmentEntry { Met = true, Note = "Done.", Evidence = ["docs/evidence.pdf"] }),
        };
    }

    public static Application WithCaseStudies(this Application application, params CaseStudy[] cases) => application with { CaseStudies = cases };

    public static Application WithPartner(this Application application, Func<PartnerProfile, PartnerProfile> change) => application with { Partner = change(application.Partner) };

    public static Application WithCase(this Application application, string key, Func<CaseStudy, CaseStudy> change) =>
        application with { CaseStudies = application.CaseStudies.Select(c => c.Key == key ? change(c) : c).ToArray() };

    public static Application WithSelfAssessment(this Application application, string item, SelfAssessmentEntry? entry)
    {
        var answers = application.SelfAssessment.ToDictionary(p => p.Key, p => p.Value);
        if (entry is null)
        {
            answers.Remove(item);
        }
        else
        {
            answers[item] = entry;
        }

        return application with { SelfAssessment = answers };
    }
}
