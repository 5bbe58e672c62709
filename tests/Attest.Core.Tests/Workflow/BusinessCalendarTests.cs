using Attest.Core.Workflow;

namespace Attest.Core.Tests.Workflow;

public class BusinessCalendarTests
{
    private static DateOnly D(string day) => DateOnly.Parse(day, System.Globalization.CultureInfo.InvariantCulture);

    [Theory] // the observed dates published by the U.S. Office of Personnel Management
    [InlineData(2026, "2026-01-01 2026-01-19 2026-02-16 2026-05-25 2026-06-19 2026-07-03 2026-09-07 2026-10-12 2026-11-11 2026-11-26 2026-12-25")]
    [InlineData(2027, "2027-01-01 2027-01-18 2027-02-15 2027-05-31 2027-06-18 2027-07-05 2027-09-06 2027-10-11 2027-11-11 2027-11-25 2027-12-24 2027-12-31")]
    [InlineData(2022, "2022-01-17 2022-02-21 2022-05-30 2022-06-20 2022-07-04 2022-09-05 2022-10-10 2022-11-11 2022-11-24 2022-12-26")]
    [InlineData(2021, "2021-01-01 2021-01-18 2021-02-15 2021-05-31 2021-06-18 2021-07-05 2021-09-06 2021-10-11 2021-11-11 2021-11-25 2021-12-24 2021-12-31")]
    [InlineData(2020, "2020-01-01 2020-01-20 2020-02-17 2020-05-25 2020-07-03 2020-09-07 2020-10-12 2020-11-11 2020-11-26 2020-12-25")]
    public void United_States_federal_holidays_follow_the_observed_day_rules(int year, string expected)
    {
        var days = BusinessCalendar.Holidays(year, HolidayRules.UnitedStatesFederal).Order();

        Assert.Equal(expected.Split(' ').Select(D), days);
    }

    [Fact]
    public void Inauguration_day_is_not_a_holiday()
    {
        // 20 January after a presidential election is a holiday only in the Washington area, which the federal calendar leaves out
        Assert.True(BusinessCalendar.UnitedStates.IsBusinessDay(D("2021-01-20")));
        Assert.True(BusinessCalendar.UnitedStates.IsBusinessDay(D("2033-01-20")));
        Assert.False(BusinessCalendar.UnitedStates.IsBusinessDay(D("2025-01-20"))); // Martin Luther King, Jr. Day fell on it that year
    }

    [Theory] // Easter 2024-03-31, 2025-04-20, 2026-04-05
    [InlineData(2024, "2024-01-01 2024-04-01 2024-05-01 2024-05-08 2024-05-09 2024-05-20 2024-07-14 2024-08-15 2024-11-01 2024-11-11 2024-12-25")]
    [InlineData(2025, "2025-01-01 2025-04-21 2025-05-01 2025-05-08 2025-05-29 2025-06-09 2025-07-14 2025-08-15 2025-11-01 2025-11-11 2025-12-25")]
    [InlineData(2026, "2026-01-01 2026-04-06 2026-05-01 2026-05-08 2026-05-14 2026-05-25 2026-07-14 2026-08-15 2026-11-01 2026-11-11 2026-12-25")]
    public void French_public_holidays_include_the_moveable_feasts(int year, string expected)
    {
        Assert.Equal(expected.Split(' ').Select(D), BusinessCalendar.Holidays(year, HolidayRules.France).Order());
    }

    [Theory]
    [InlineData(2000, "2000-04-23")]
    [InlineData(2019, "2019-04-21")]
    [InlineData(2038, "2038-04-25")]
    [InlineData(2285, "2285-03-22")]
    public void Easter_sunday_is_computed_for_any_gregorian_year(int year, string expected) =>
        Assert.Equal(D(expected), BusinessCalendar.EasterSunday(year));

    [Theory]
    [InlineData("2026-09-04", "2026-09-14")] // a Friday before Labor Day (Monday 7 September)
    [InlineData("2026-11-23", "2026-12-01")] // Monday of Thanksgiving week
    [InlineData("2026-11-26", "2026-12-04")] // on Thanksgiving itself: counts from Friday
    [InlineData("2026-11-28", "2026-12-07")] // a Saturday: counts from Monday
    [InlineData("2026-12-23", "2026-12-31")] // across Christmas
    [InlineData("2026-12-28", "2027-01-05")] // across New Year's Day
    [InlineData("2027-12-20", "2027-12-28")] // Christmas 2027 is a Saturday, observed on Friday 24
    [InlineData("2026-04-02", "2026-04-09")] // Easter Monday is no U.S. holiday
    public void Answer_is_due_five_business_days_after_submission_in_the_united_states(string submitted, string due) =>
        Assert.Equal(D(due), BusinessCalendar.UnitedStates.AnswerDue(D(submitted)));

    [Theory]
    [InlineData("2026-04-02", "2026-04-10")] // across Easter Monday
    [InlineData("2026-04-30", "2026-05-11")] // across 1 May and 8 May (both Fridays)
    [InlineData("2026-05-13", "2026-05-21")] // across Ascension (Thursday 14 May)
    [InlineData("2026-05-22", "2026-06-01")] // Friday before Whit Monday
    [InlineData("2026-07-14", "2026-07-22")] // on Bastille Day (a Tuesday): counts from Wednesday 15
    [InlineData("2026-11-26", "2026-12-03")] // Thanksgiving is a working day in France
    public void Answer_is_due_five_business_days_after_submission_in_france(string submitted, string due) =>
        Assert.Equal(D(due), BusinessCalendar.France.AnswerDue(D(submitted)));

    [Fact]
    public void Extra_dates_from_configuration_are_not_business_days()
    {
        var calendar = new BusinessCalendar(HolidayRules.UnitedStatesFederal, [D("2026-11-27")]);

        Assert.False(calendar.IsBusinessDay(D("2026-11-27")));
        Assert.Equal(D("2026-12-07"), calendar.AnswerDue(D("2026-11-26"))); // counts from Monday 30
        Assert.Equal(D("2026-12-04"), new BusinessCalendar(HolidayRules.None).AnswerDue(D("2026-11-27")));
    }

    [Fact]
    public void Overdue_starts_the_day_after_the_due_date_and_counts_business_days()
    {
        var due = D("2026-12-01");

        Assert.False(BusinessCalendar.IsOverdue(due, due));
        Assert.True(BusinessCalendar.IsOverdue(due, D("2026-12-02")));
        Assert.Equal(0, BusinessCalendar.UnitedStates.BusinessDaysOverdue(due, due));
        Assert.Equal(4, BusinessCalendar.UnitedStates.BusinessDaysOverdue(due, D("2026-12-07"))); // 2, 3, 4 and 7 December
    }

    [Theory]
    [InlineData("2026-09-14", "2026-09-11")] // Monday due: remind on Friday
    [InlineData("2026-09-08", "2026-09-04")] // Tuesday after Labor Day: remind on the Friday before
    [InlineData("2027-01-04", "2026-12-31")] // after New Year's Day
    public void Reminder_is_one_business_day_before_the_due_date(string due, string reminder) =>
        Assert.Equal(D(reminder), BusinessCalendar.UnitedStates.ReminderDate(D(due)));

    [Fact]
    public void Adding_and_removing_business_days_are_inverse_on_business_days()
    {
        var calendar = BusinessCalendar.France;
        for (var day = D("2026-01-01"); day < D("2027-01-01"); day = day.AddDays(1))
        {
            if (calendar.IsBusinessDay(day))
            {
                Assert.Equal(day, calendar.AddBusinessDays(calendar.AddBusinessDays(day, 5), -5));
            }
        }
    }
}

public class BusinessCalendarConfigurationTests
{
    [Fact]
    public void Configuration_names_the_rules_and_extra_dates()
    {
        var (calendar, error) = BusinessCalendar.FromConfiguration("fr", ["2026-12-24", " 2026-12-31 "]);

        Assert.Null(error);
        Assert.Equal(HolidayRules.France, calendar!.Rules);
        Assert.False(calendar.IsBusinessDay(new DateOnly(2026, 12, 24)));
        Assert.False(calendar.IsBusinessDay(new DateOnly(2026, 12, 31)));
        Assert.Equal(HolidayRules.UnitedStatesFederal, BusinessCalendar.FromConfiguration(null, null).Calendar!.Rules);
    }

    [Fact]
    public void A_bad_setting_is_named_with_its_position()
    {
        Assert.Equal("Holidays:Rules: 'uk' is not one of us-federal, fr, none", BusinessCalendar.FromConfiguration("uk", null).Error);
        Assert.Equal("Holidays:Extra:1: '24/12/2026' is not a date written yyyy-MM-dd", BusinessCalendar.FromConfiguration("fr", ["2026-12-23", "24/12/2026"]).Error);
    }

    [Fact]
    public void The_deadline_says_when_to_remind_and_how_late_the_answer_is()
    {
        var deadline = BusinessCalendar.UnitedStates.Deadline(new DateOnly(2026, 11, 23), new DateOnly(2026, 12, 3));

        Assert.Equal(new AnswerDeadline(new DateOnly(2026, 11, 23), new DateOnly(2026, 12, 1), new DateOnly(2026, 11, 30), true, 2), deadline);
    }
}
