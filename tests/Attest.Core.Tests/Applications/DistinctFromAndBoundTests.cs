using Attest.Core.Applications;

namespace Attest.Core.Tests.Applications;

/// <summary>The format's <c>distinctFrom</c> field (confirming two look-alike customers are distinct) and the bound on case studies.</summary>
public class DistinctFromAndBoundTests
{
    private const string Header = "format: attest/application/v1\nchecklist: aws-retail-consulting-2019-12\n";

    private static (Application? Application, Attest.Core.Documents.InputError? Error) Read(string text) =>
        ApplicationReader.Read(text, "app.yaml", [TestData.Retail]);

    [Fact]
    public void Distinct_from_is_read_and_written_back_unchanged()
    {
        var text = Header + """
            caseStudies:
              - key: contoso
                customer: Contoso Stores
                customerWebsite: https://contoso.example
                distinctFrom: [contoso-inc, contoso-eu]
              - key: contoso-inc
                customer: Contoso Stores, Inc.
            """;
        var (application, error) = Read(text);
        Assert.Null(error);
        Assert.Equal(["contoso-inc", "contoso-eu"], application!.CaseStudies[0].DistinctFrom);
        Assert.Null(application.CaseStudies[1].DistinctFrom);

        var written = ApplicationWriter.Write(application);
        Assert.Contains("distinctFrom:", written, StringComparison.Ordinal);
        var (again, againError) = Read(written);
        Assert.Null(againError);
        Assert.Equal(application.CaseStudies[0].DistinctFrom, again!.CaseStudies[0].DistinctFrom);
        Assert.Equal(written, ApplicationWriter.Write(again));
    }

    [Fact]
    public void Distinct_from_that_is_not_a_list_is_an_error_naming_the_place()
    {
        var (_, error) = Read(Header + "caseStudies:\n  - key: a\n    distinctFrom: { b: true }\n");
        Assert.NotNull(error);
        Assert.Equal(5, error!.Line);
        Assert.Contains("distinctFrom", error.Field, StringComparison.Ordinal);
    }

    [Fact]
    public void More_case_studies_than_the_bound_is_an_error_naming_the_place()
    {
        var cases = string.Concat(Enumerable.Range(0, Application.MaxCaseStudies + 1).Select(i => $"  - key: c{i}\n"));
        var (application, error) = Read(Header + "caseStudies:\n" + cases);
        Assert.Null(application);
        Assert.Equal("app.yaml:4:3: caseStudies: 201 case studies; an application holds at most 200 (the checklist asks for four: keep the ones you submit and those you may use instead)", error!.ToString());
    }

    [Fact]
    public void The_bound_itself_is_accepted()
    {
        var cases = string.Concat(Enumerable.Range(0, Application.MaxCaseStudies).Select(i => $"  - key: c{i}\n"));
        var (application, error) = Read(Header + "caseStudies:\n" + cases);
        Assert.Null(error);
        Assert.Equal(Application.MaxCaseStudies, application!.CaseStudies.Count);
    }
}
