using Attest.Core.Applications;
using Attest.Core.Readiness;
using Attest.Core.Tests.Readiness;

namespace Attest.Core.Tests.Applications;

public class ApplicationWriterTests
{
    private static Application Read(string text) =>
        ApplicationReader.Read(text, "written.yaml", [TestData.Retail]) is { Application: { } application } ? application : throw new InvalidOperationException(ApplicationReader.Read(text, "written.yaml", [TestData.Retail]).Error!.ToString());

    [Theory]
    [InlineData("ready.yaml")]
    [InlineData("not-ready.yaml")]
    public void Export_then_import_then_export_gives_the_same_text(string example)
    {
        var first = ApplicationWriter.Write(Read(TestData.ReadRepositoryFile("examples", example)));
        var second = ApplicationWriter.Write(Read(first));
        Assert.Equal(first, second);
    }

    [Fact]
    public void Written_application_judges_as_the_original()
    {
        var original = TestData.Ready();
        var copy = Read(ApplicationWriter.Write(original));
        var a = ReadinessEngine.EvaluateItems(original, TestData.Retail, TestData.AsOf);
        var b = ReadinessEngine.EvaluateItems(copy, TestData.Retail, TestData.AsOf);
        Assert.Equal(a.Select(v => (v.Item.Id, v.Status, v.Reason.En())), b.Select(v => (v.Item.Id, v.Status, v.Reason.En())));
    }

    [Fact]
    public void Missing_and_empty_lists_stay_apart_and_awkward_text_stays_text()
    {
        var application = new Application
        {
            Checklist = "aws-retail-consulting-2019-12",
            Partner = new PartnerProfile { Name = "yes", Homepage = "1.0" },
            CaseStudies =
            [
                new CaseStudy { Key = "a", ThirdParty = [], Customer = "Contoso: \"the\" #1\nstores", Problem = "2026-01-01" },
                new CaseStudy { Key = "b" },
            ],
        };
        var copy = Read(ApplicationWriter.Write(application));
        Assert.Equal("yes", copy.Partner.Name);
        Assert.Equal("1.0", copy.Partner.Homepage);
        Assert.Empty(copy.CaseStudies[0].ThirdParty!);
        Assert.Null(copy.CaseStudies[1].ThirdParty);
        Assert.Equal("Contoso: \"the\" #1\nstores", copy.CaseStudies[0].Customer);
        Assert.Equal("2026-01-01", copy.CaseStudies[0].Problem);
        Assert.Null(copy.Partner.Content);
    }

    [Fact]
    public void Self_assessment_is_written_in_checklist_order()
    {
        var text = ApplicationWriter.Write(TestData.Ready());
        var positions = TestData.Retail.Items.Select(i => text.IndexOf($"  {i.Id}:", StringComparison.Ordinal)).ToArray();
        Assert.All(positions, p => Assert.True(p > 0));
        Assert.Equal(positions.Order(), positions);
    }
}
