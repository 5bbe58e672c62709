using Attest.Core.Applications;
using Attest.Package.Tests.Support;

namespace Attest.Package.Tests;

public sealed class EvidenceReferencesTests
{
    [Fact]
    public void Each_reference_is_listed_once_with_the_items_and_case_studies_citing_it()
    {
        var application = Samples.ReadyApplication() with
        {
            CaseStudies =
            [
                new CaseStudy { Key = "contoso", Evidence = ["iac/contoso/", "https://acme.example/retail/contoso", " shared.pdf "] },
                new CaseStudy { Key = "fabrikam", Evidence = ["shared.pdf", "shared.pdf"] },
            ],
            SelfAssessment = new Dictionary<string, SelfAssessmentEntry>
            {
                ["VAL-2.10"] = new() { Met = true, Evidence = ["iac/contoso/", "shared.pdf"] },
                ["VAL-2.2"] = new() { Met = true, Evidence = ["iac/contoso/", ""] },
                ["VAL-1.1"] = new() { Met = true, Evidence = ["decks/overview.pdf"] },
            },
        };

        var references = EvidenceReferences.Collect(application);

        Assert.Equal(["iac/contoso/", "https://acme.example/retail/contoso", "shared.pdf", "decks/overview.pdf"], references.Select(r => r.Reference));
        Assert.Equal(["VAL-2.2", "VAL-2.10"], references[0].Items);
        Assert.Equal(["contoso"], references[0].CaseStudies);
        Assert.True(references[1].IsUrl);
        Assert.Equal(["contoso", "fabrikam"], references[2].CaseStudies);
        Assert.Equal(["VAL-2.10"], references[2].Items);
        Assert.Equal(["VAL-1.1"], references[3].Items);
        Assert.Empty(references[3].CaseStudies);
    }

    [Fact]
    public void Item_ids_sort_as_the_checklist_numbers_them()
    {
        string[] ids = ["VAL-2.10", "PRE-4.1", "VAL-2.9", "VAL-1.2", "PRE-1.1", "VAL-2.1"];

        Assert.Equal(["PRE-1.1", "PRE-4.1", "VAL-1.2", "VAL-2.1", "VAL-2.9", "VAL-2.10"], ids.Order(ItemIdComparer.Instance));
    }
}
