using Attest.Core.Catalogs;
using Attest.Core.Readiness;
using Attest.Core.Tests.Readiness;
using Attest.Core.Text;

namespace Attest.Core.Tests.Catalogs;

public class CatalogReaderTests
{
    private static string RetailText => TestData.ReadRepositoryFile("catalogs", "aws-retail-consulting-2019-12.yaml");

    [Fact]
    public void Retail_catalog_has_every_item_of_the_source_in_order()
    {
        string[] expected =
        [
            "PRE-1.1", "PRE-1.2", "PRE-2.1", "PRE-2.2", "PRE-2.3", "PRE-2.4", "PRE-3.1", "PRE-3.2", "PRE-4.1",
            "VAL-1.1", "VAL-1.2", "VAL-2.1", "VAL-2.2", "VAL-2.3", "VAL-2.4", "VAL-2.5", "VAL-2.6", "VAL-2.7", "VAL-2.8", "VAL-2.9", "VAL-2.10", "VAL-2.11", "VAL-2.12", "VAL-2.13",
        ];
        Assert.Equal(expected, TestData.Retail.Items.Select(i => i.Id));
    }

    [Fact]
    public void Retail_catalog_texts_exist_in_both_languages()
    {
        foreach (var item in TestData.Retail.Items)
        {
            foreach (var text in new[] { item.Title, item.Requirement, item.Evidence })
            {
                Assert.False(string.IsNullOrWhiteSpace(text.En), item.Id);
                Assert.False(string.IsNullOrWhiteSpace(text.Fr), item.Id);
            }

            Assert.NotEqual(item.Requirement.En, item.Requirement.Fr);
        }
    }

    [Fact]
    public void Retail_catalog_header_matches_the_source()
    {
        var catalog = TestData.Retail;
        Assert.Equal("aws-retail-consulting-2019-12", catalog.Id);
        Assert.Equal("1.0", catalog.Version);
        Assert.Equal(Language.Fr, catalog.SourceLanguage);
        Assert.Equal("competency-checklist@amazon.com", catalog.ProgramOffice.Email);
        Assert.Equal("[Acme], Retail Competency Consulting Partner Completed Self-Assessment", catalog.ProgramOffice.Subject("Acme", Language.En));
        Assert.Equal("[Acme], Auto-évaluation finalisée du partenaire consultant de compétences en vente au détail", catalog.ProgramOffice.Subject("Acme", Language.Fr));
        Assert.Equal(MspCriteriaReading.English, catalog.Options.MspCriteriaReading);
        Assert.Equal(18, catalog.FindItem("PRE-2.1")!.IntParameter("windowMonths"));
        Assert.Contains(catalog.Items, i => i.WellArchitected.Count > 0);
    }

    [Theory]
    [InlineData("        rule: guidelines-read\n", "        rule: guidelines-red\n", "sections[0].items[0].rule", "unknown rule")]
    [InlineData("        appliesTo: partner\n", "        appliesTo: everyone\n", "sections[0].items[0].appliesTo", "unknown value 'everyone'")]
    [InlineData("        parameters: { minimum: advanced }\n", "        parameters: { minimum: gold }\n", "sections[0].items[1].parameters.minimum", "not a valid tier")]
    [InlineData("        parameters: { required: 4, windowMonths: 18, withCompliance: 2 }\n", "        parameters: { required: 4, windowMonths: 0, withCompliance: 2 }\n", "sections[1].items[0].parameters.windowMonths", "not a valid count")]
    [InlineData("        parameters: { required: 2 }\n", "        parameters: { required: 2, extra: 1 }\n", "sections[1].items[1].parameters.extra", "takes no parameter")]
    [InlineData("      - id: PRE-1.2\n", "      - id: PRE-1.1\n", "sections[0].items[1].id", "used twice")]
    [InlineData("        automation: automatic\n        rule: guidelines-read\n", "        automation: automatic\n        rule: guidelines-read\n        colour: blue\n", "sections[0].items[0].colour", "unknown key")]
    [InlineData("format: attest/catalog/v1\n", "format: attest/catalog/v9\n", "format", "unknown catalog format")]
    public void Broken_catalog_is_an_error_naming_file_line_and_field(string original, string broken, string field, string problem)
    {
        Assert.Contains(original, RetailText, StringComparison.Ordinal);
        var index = RetailText.IndexOf(original, StringComparison.Ordinal);
        var text = string.Concat(RetailText.AsSpan(0, index), broken, RetailText.AsSpan(index + original.Length));
        var (catalog, error) = CatalogReader.Read(text, "broken.yaml");
        Assert.Null(catalog);
        Assert.Equal("broken.yaml", error!.File);
        Assert.True(error.Line > 0);
        Assert.Equal(field, error.Field);
        Assert.Contains(problem, error.Problem, StringComparison.Ordinal);
    }

    [Fact]
    public void Item_without_a_french_title_is_an_error()
    {
        var text = RetailText.Replace("title: { en: \"Program Guidelines\", fr: \"Directives du programme\" }", "title: { en: \"Program Guidelines\" }", StringComparison.Ordinal);
        var (_, error) = CatalogReader.Read(text, "c.yaml");
        Assert.Equal("sections[0].items[0].title.fr", error!.Field);
    }

    [Fact]
    public void Second_catalog_with_other_parameters_needs_no_code()
    {
        // A later edition: another id, a 12-month case study window, three customers, the French PRE-2.4 reading
        var text = RetailText
            .Replace("id: aws-retail-consulting-2019-12", "id: aws-retail-consulting-2027-01", StringComparison.Ordinal)
            .Replace("{ required: 4, windowMonths: 18, withCompliance: 2 }", "{ required: 3, windowMonths: 12, withCompliance: 1 }", StringComparison.Ordinal)
            .Replace("mspCriteriaReading: english", "mspCriteriaReading: french", StringComparison.Ordinal);
        var (catalog, error) = CatalogReader.Read(text, "later.yaml");
        Assert.Null(error);
        var application = TestData.Ready() with
        {
            Checklist = catalog!.Id,
            CaseStudies = [.. TestData.Ready().CaseStudies.Take(3), TestData.CaseStudy("old") with { Completed = new DateOnly(2025, 9, 1) }],
        };
        var verdicts = ReadinessEngine.EvaluateItems(application, catalog, TestData.AsOf);
        var caseStudies = verdicts.Single(v => v.Item.Id == "PRE-2.1");
        Assert.Equal(ReadinessStatus.Met, caseStudies.Status);
        Assert.Equal(ReadinessStatus.NotMet, caseStudies.Case("old").Status);
        Assert.Equal(ReadinessStatus.NotMet, verdicts.Single(v => v.Item.Id == "PRE-2.4").Status);
    }
}
