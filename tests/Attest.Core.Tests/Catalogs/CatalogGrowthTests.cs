using Attest.Core.Catalogs;

namespace Attest.Core.Tests.Catalogs;

/// <summary>What format v1 grew for the service delivery checklists, and how the reader refuses its misuses.</summary>
public class CatalogGrowthTests
{
    private static string WafText => TestData.ReadRepositoryFile("catalogs", "aws-waf-service-delivery-2025-02.yaml");

    private static Attest.Core.Documents.InputError Error(string text)
    {
        var (catalog, error) = CatalogReader.Read(text, "waf.yaml");
        Assert.Null(catalog);
        return error!;
    }

    [Fact]
    public void The_waf_catalog_texts_exist_in_both_languages()
    {
        foreach (var item in TestData.Waf.Items)
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
    public void Usable_until_and_accepted_until_are_one_date()
    {
        var error = Error(WafText.Replace("  usableUntil: 2025-11-30", "  usableUntil: 2025-11-30\n  acceptedUntil: 2025-11-30", StringComparison.Ordinal));
        Assert.Equal("validity.usableUntil", error.Field);
        Assert.Contains("give only one", error.Problem, StringComparison.Ordinal);
    }

    [Fact]
    public void The_next_version_cannot_come_before_the_release()
    {
        var error = Error(WafText.Replace("nextVersionExpected: 2025-08-01", "nextVersionExpected: 2025-01-01", StringComparison.Ordinal));
        Assert.Equal("validity.nextVersionExpected", error.Field);
        Assert.Equal(13, error.Line);
    }

    [Fact]
    public void A_successor_is_read_and_cannot_be_the_checklist_itself()
    {
        var (catalog, _) = CatalogReader.Read(WafText.Replace("  usableUntil: 2025-11-30", "  usableUntil: 2025-11-30\n  successor: aws-waf-service-delivery-2025-08\n  previousAcceptedUntil: 2025-05-31", StringComparison.Ordinal), "waf.yaml");
        Assert.Equal("aws-waf-service-delivery-2025-08", catalog!.Successor);
        Assert.Equal(new DateOnly(2025, 5, 31), catalog.PreviousAcceptedUntil);
        var error = Error(WafText.Replace("  usableUntil: 2025-11-30", "  usableUntil: 2025-11-30\n  successor: aws-waf-service-delivery-2025-02", StringComparison.Ordinal));
        Assert.Equal("validity.successor", error.Field);
    }

    [Fact]
    public void An_item_exempt_by_review_needs_the_catalog_exemption()
    {
        var error = Error(WafText.Replace("reviewExemption:\n  pillars: [security, operational-excellence, reliability]\n", "", StringComparison.Ordinal));
        Assert.Equal("reviewExemption", error.Field);
        Assert.Contains("DOC-001", error.Problem, StringComparison.Ordinal);
    }

    [Fact]
    public void An_unknown_pillar_is_refused_at_its_place()
    {
        var error = Error(WafText.Replace("pillars: [security, operational-excellence, reliability]", "pillars: [security, speed]", StringComparison.Ordinal));
        Assert.Equal("reviewExemption.pillars[1]", error.Field);
        Assert.Contains("unknown pillar 'speed'", error.Problem, StringComparison.Ordinal);
    }

    [Fact]
    public void A_common_requirement_is_met_by_at_least_one_case_study()
    {
        var text = WafText.Replace("        appliesTo: at-least-one-case-study\n        automation: human\n        rule: common-requirement\n        exemptByReview: true", "        appliesTo: all-case-studies\n        automation: human\n        rule: common-requirement\n        exemptByReview: true", StringComparison.Ordinal);
        Assert.NotEqual(WafText, text);
        var error = Error(text);
        Assert.EndsWith(".appliesTo", error.Field, StringComparison.Ordinal);
    }

    [Fact]
    public void Parameters_of_the_new_kinds_are_checked()
    {
        var error = Error(WafText.Replace("parameters: { minimum: validated }", "parameters: { minimum: gold }", StringComparison.Ordinal));
        Assert.Contains("'gold' is not a valid pathstage", error.Problem, StringComparison.Ordinal);
        error = Error(WafText.Replace("partnerDocument: \"yes\"", "partnerDocument: maybe", StringComparison.Ordinal));
        Assert.Contains("'maybe' is not a valid flag", error.Problem, StringComparison.Ordinal);
    }
}
