using Attest.Core.Applications;
using Attest.Core.Readiness;
using Attest.Core.Text;

namespace Attest.Core.Tests.Catalogs;

/// <summary>The catalog's short titles are the checklist's own; the engine's French reads as French.</summary>
public class OfficialTitlesTests
{
    [Theory]
    [InlineData("PRE-1.1", "Directives du programme", "Program Guidelines")]
    [InlineData("PRE-2.1", "Études de cas client spécifiques à la vente au détail", "Retail-Specific Customer Case Studies")]
    [InlineData("PRE-2.4", "Critères des fournisseurs de service gérés", "Managed Service Provider Criteria")]
    [InlineData("PRE-3.1", "Microsite de pratique des partenaires APN", "APN Partner Practice Microsite")]
    [InlineData("PRE-3.2", "Leadership orienté sur la vente au détail", "Retail Thought Leadership")]
    [InlineData("PRE-4.1", "Auto-évaluation de la liste de contrôle de validation du programme partenaire de compétences AWS", "AWS Competency Program Validation Checklist Self-Assessment")]
    [InlineData("VAL-2.4", "Résilience et test de la zone de disponibilité AWS", "AWS Availability Zone Resiliency and Testing")]
    [InlineData("VAL-2.10", "Contrôle de l'accès au compartiment Amazon Simple Storage (S3)", "Amazon Simple Storage (S3) Bucket Access Control")]
    [InlineData("VAL-2.13", "PCI-DSS – Analyses de vulnérabilité et test de pénétration", "PCI-DSS Vulnerability Scanning and Penetration Testing")]
    public void Short_titles_are_the_official_ones(string id, string french, string english)
    {
        var item = TestData.Retail.FindItem(id)!;
        Assert.Equal(french, item.Title.Fr);
        Assert.Equal(english, item.Title.En);
    }

    [Fact]
    public void Sections_carry_the_source_numbering_and_titles()
    {
        Assert.Equal(
            ["1.0 Exigences du programme APN", "2.0 Études de cas client AWS", "3.0 Pratique et objectif de la vente au détail AWS", "4.0 Auto-évaluation du partenaire APN", "1.0 Aperçu de la pratique de la vente au détail", "2.0 Exigences des études de cas"],
            TestData.Retail.Sections.Select(s => s.Number + " " + s.Title.Fr));
    }

    [Fact]
    public void No_requirement_explains_a_catalog_option()
    {
        foreach (var item in TestData.Retail.Items)
        {
            Assert.DoesNotContain("mspCriteriaReading", item.Requirement.En + item.Requirement.Fr, StringComparison.Ordinal);
            Assert.DoesNotContain("catalog", item.Requirement.En + item.Requirement.Fr, StringComparison.OrdinalIgnoreCase);
        }
    }

    [Fact]
    public void Use_case_labels_are_complete_in_french()
    {
        Assert.Equal("merchandising et planification d'entreprise", Vocabulary.UseCases.Display(RetailUseCase.MerchandisingPlanning).Fr);
        Assert.Equal("science avancée des données de la vente au détail", Vocabulary.UseCases.Display(RetailUseCase.DataScience).Fr);
    }

    [Fact]
    public void A_classified_case_study_reads_as_french()
    {
        var report = ReadinessEngine.Evaluate(TestData.Ready(), TestData.Retail, TestData.AsOf);
        var reasons = report.Items.Single(v => v.Item.Id == "PRE-2.3").CaseStudies.Select(c => c.Reason.In(Language.Fr)).ToArray();

        Assert.NotEmpty(reasons);
        Assert.All(reasons, r => Assert.StartsWith("Classée dans la catégorie «\u00A0", r, StringComparison.Ordinal));
        Assert.DoesNotContain(reasons, r => r.StartsWith("Classée basé", StringComparison.Ordinal));
    }
}
