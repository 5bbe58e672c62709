using Attest.Core.Readiness;

namespace Attest.Core.Tests.Readiness;

public class CalendarTests
{
    [Theory]
    [InlineData("2025-05-26", true)] // exactly 18 months before 2026-11-26
    [InlineData("2025-05-25", false)] // the day before
    [InlineData("2026-11-26", true)] // the as-of day itself
    [InlineData("2026-11-27", false)] // after as-of
    public void Eighteen_month_window_has_inclusive_edges(string date, bool within) =>
        Assert.Equal(within, Calendar.WithinMonths(DateOnly.Parse(date), new DateOnly(2026, 11, 26), 18));

    [Fact]
    public void Window_from_the_31st_clamps_to_the_end_of_a_shorter_month()
    {
        // 2026-08-31 less 18 months is 2025-02-31, clamped to 2025-02-28
        Assert.Equal(new DateOnly(2025, 2, 28), Calendar.AddMonths(new DateOnly(2026, 8, 31), -18));
        Assert.True(Calendar.WithinMonths(new DateOnly(2025, 2, 28), new DateOnly(2026, 8, 31), 18));
        Assert.False(Calendar.WithinMonths(new DateOnly(2025, 2, 27), new DateOnly(2026, 8, 31), 18));
    }

    [Fact]
    public void Completion_on_29_February_stays_in_the_window_until_the_end_of_August()
    {
        var leapDay = new DateOnly(2024, 2, 29);
        Assert.True(Calendar.WithinMonths(leapDay, new DateOnly(2025, 8, 31), 18));
        Assert.False(Calendar.WithinMonths(leapDay, new DateOnly(2025, 9, 1), 18));
        Assert.Equal(new DateOnly(2025, 9, 1), Calendar.FirstDayOutside(leapDay, 18));
    }

    [Theory]
    [InlineData("2025-02-28", 18, "2026-09-01")] // every as-of from 2026-08-28 to 2026-08-31 still reaches back to 2025-02-28
    [InlineData("2026-01-15", 18, "2027-07-16")]
    [InlineData("2026-09-15", 3, "2026-12-16")]
    [InlineData("2026-11-30", 3, "2027-03-01")] // 2027-02-28 less 3 months is 2026-11-28, so February keeps it until its end
    public void First_day_outside_is_the_first_as_of_date_whose_window_starts_after_the_date(string date, int months, string expected)
    {
        var day = DateOnly.Parse(date);
        var outside = Calendar.FirstDayOutside(day, months);
        Assert.Equal(DateOnly.Parse(expected), outside);
        Assert.False(Calendar.WithinMonths(day, outside, months));
        Assert.True(Calendar.WithinMonths(day, outside.AddDays(-1), months));
    }

    [Fact]
    public void Months_added_near_the_ends_of_the_calendar_clamp_instead_of_throwing()
    {
        Assert.Equal(DateOnly.MinValue, Calendar.AddMonths(new DateOnly(1, 3, 1), -18));
        Assert.Equal(DateOnly.MaxValue, Calendar.AddMonths(new DateOnly(9999, 11, 1), 18));
        Assert.True(Calendar.WithinMonths(new DateOnly(1, 1, 1), new DateOnly(1, 2, 1), 18));
        Assert.Equal(DateOnly.MaxValue, Calendar.FirstDayOutside(new DateOnly(9999, 12, 1), 18));
    }
}
