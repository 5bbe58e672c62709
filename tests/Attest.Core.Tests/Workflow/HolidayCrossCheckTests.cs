using Attest.Core.Workflow;
using PublicHoliday;

namespace Attest.Core.Tests.Workflow;

/// <summary>Our holiday rules against an independent implementation (the PublicHoliday package), weekday by weekday over 25 years.</summary>
public class HolidayCrossCheckTests
{
    private static (List<string> Differences, int Holidays) Compare(BusinessCalendar ours, IPublicHolidays theirs)
    {
        var differences = new List<string>();
        var holidays = 0;
        for (var day = new DateOnly(2021, 1, 1); day <= new DateOnly(2045, 12, 31); day = day.AddDays(1))
        {
            if (day.DayOfWeek is DayOfWeek.Saturday or DayOfWeek.Sunday)
            {
                continue; // weekends are never business days, whatever a calendar says about them
            }

            var mine = ours.IsHoliday(day);
            holidays += mine ? 1 : 0;
            var other = theirs.IsPublicHoliday(day.ToDateTime(TimeOnly.MinValue));
            if (mine != other)
            {
                differences.Add($"{day:yyyy-MM-dd} ours={mine} theirs={other}");
            }
        }

        return (differences, holidays);
    }

    [Fact]
    public void United_states_federal_holidays_match_on_every_weekday()
    {
        var (differences, holidays) = Compare(BusinessCalendar.UnitedStates, new USAPublicHoliday());

        Assert.Empty(differences);
        Assert.Equal(25 * 11, holidays); // eleven a year, each observed on a weekday
    }

    [Fact]
    public void French_public_holidays_match_on_every_weekday()
    {
        var (differences, holidays) = Compare(BusinessCalendar.France, new FrancePublicHoliday());

        Assert.Empty(differences);
        Assert.InRange(holidays, 25 * 7, 25 * 11); // those falling on a weekend are not moved in France
    }
}
