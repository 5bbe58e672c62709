using Attest.Core.Applications;
using Attest.Core.Documents;
using Attest.Core.Readiness;

namespace Attest.Core.Tests.Applications;

/// <summary>Dates at and past the edges of the accepted range (1900-01-01 to 2999-12-31): read problems of their field, never an internal error.</summary>
public class ApplicationDateRangeTests
{
    private const string Header = "format: attest/application/v1\nchecklist: aws-retail-consulting-2019-12\n";

    private static (Application? Application, InputError? Error) Read(string text) => ApplicationReader.Read(text, "app.yaml", [TestData.Retail]);

    // The ready example with every date moved to the given as-of and completions, so every window of the rules is computed there
    private static string ReadyExampleOn(string asOf, string completed) => string.Join('\n', TestData.ReadRepositoryFile("examples", "ready.yaml").Split('\n').Select(line =>
        line.StartsWith("asOf:", StringComparison.Ordinal) ? "asOf: " + asOf
        : line.TrimStart().StartsWith("completed:", StringComparison.Ordinal) ? line[..line.IndexOf("completed:", StringComparison.Ordinal)] + "completed: " + completed
        : line));

    [Theory]
    [InlineData("asOf: 0001-01-01\n", 3, 7, "asOf")]
    [InlineData("asOf: 9999-12-31\n", 3, 7, "asOf")]
    [InlineData("asOf: 1899-12-31\n", 3, 7, "asOf")]
    [InlineData("asOf: 3000-01-01\n", 3, 7, "asOf")]
    [InlineData("caseStudies:\n  - key: a\n    completed: 0001-01-01\n", 5, 16, "caseStudies[0].completed")]
    [InlineData("partner:\n  content:\n    - { title: T, url: https://a.example/, kind: blog, published: 9999-12-31 }\n", 5, 67, "partner.content[0].published")]
    public void A_date_outside_the_range_is_a_problem_of_its_field(string body, int line, int column, string field)
    {
        var (application, error) = Read(Header + body);

        Assert.Null(application);
        Assert.Equal((line, column, field), (error!.Line, error.Column, error.Field));
        Assert.EndsWith("is outside the accepted range, 1900-01-01 to 2999-12-31", error.Problem, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("2028-02-29", true)]
    [InlineData("2000-02-29", true)]
    [InlineData("2027-02-29", false)]
    [InlineData("1900-02-29", false)]
    public void The_29th_of_February_is_a_date_in_leap_years_only(string date, bool accepted)
    {
        var (application, error) = Read(Header + "asOf: " + date + "\n");

        Assert.Equal(accepted, error is null);
        Assert.Equal(accepted, application is not null);
        if (!accepted)
        {
            Assert.Equal("impossible date '" + date + "'", error!.Problem);
        }
    }

    [Theory]
    [InlineData("1900-01-01", "1900-01-01")]
    [InlineData("2999-12-31", "2999-12-31")]
    [InlineData("2999-12-31", "2998-06-30")]
    [InlineData("1901-07-31", "1900-01-01")]
    [InlineData("2028-02-29", "2026-08-31")]
    public void Readiness_is_computed_at_the_edges_of_the_range(string asOf, string completed)
    {
        var (application, error) = Read(ReadyExampleOn(asOf, completed));
        Assert.Null(error);

        var report = ReadinessEngine.Evaluate(application!, TestData.Retail, application!.AsOf!.Value);

        Assert.Equal(TestData.Retail.Items.Count, report.Items.Count);
        Assert.All(report.Items, i => Assert.True(i.ChangesOn is not { } day || day > application.AsOf, i.Item.Id));
    }

    [Fact]
    public void Month_arithmetic_clamps_at_the_ends_of_the_calendar()
    {
        Assert.Equal(DateOnly.MinValue, Calendar.AddMonths(new DateOnly(1, 1, 1), -1));
        Assert.Equal(DateOnly.MinValue, Calendar.AddMonths(new DateOnly(1, 6, 15), -18));
        Assert.Equal(DateOnly.MaxValue, Calendar.AddMonths(new DateOnly(9999, 12, 31), 18));
        Assert.Equal(DateOnly.MaxValue, Calendar.FirstDayOutside(new DateOnly(9999, 12, 31), 18));
        Assert.True(Calendar.WithinMonths(new DateOnly(1, 1, 1), new DateOnly(1, 3, 1), 18));
    }

    [Theory]
    [InlineData("2026-11-26", null)]
    [InlineData("0001-01-01", "the date 0001-01-01 is outside the accepted range, 1900-01-01 to 2999-12-31")]
    [InlineData("9999-12-31", "the date 9999-12-31 is outside the accepted range, 1900-01-01 to 2999-12-31")]
    [InlineData("2026-13-01", "impossible date '2026-13-01'")]
    [InlineData("26-11-2026", "expected a date (YYYY-MM-DD), got '26-11-2026'")]
    public void Date_range_parses_options_by_the_same_rules(string text, string? problem)
    {
        var (date, said) = DateRange.Parse(text);

        Assert.Equal(problem, said);
        Assert.Equal(problem is null, date is not null);
    }
}
