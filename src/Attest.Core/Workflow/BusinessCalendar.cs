using System.Globalization;
using Attest.Core.Documents;

namespace Attest.Core.Workflow;

/// <summary>Which public holidays a calendar keeps.</summary>
public enum HolidayRules
{
    /// <summary>United States federal holidays (5 U.S.C. 6103), with the observed-day rules; the default.</summary>
    UnitedStatesFederal,

    /// <summary>French public holidays (jours fériés, Code du travail L3133-1), without the Alsace-Moselle additions.</summary>
    France,

    /// <summary>No public holidays: only weekends and the extra dates.</summary>
    None,
}

/// <summary>Wire names of <see cref="HolidayRules"/>, as written in configuration: <c>us-federal</c>, <c>fr</c>, <c>none</c>.</summary>
public static class HolidayRuleNames
{
    /// <summary>The names.</summary>
    public static WireNames<HolidayRules> Names { get; } = new(
        (HolidayRules.UnitedStatesFederal, "us-federal", "United States federal holidays", "jours fériés fédéraux des États-Unis"),
        (HolidayRules.France, "fr", "French public holidays", "jours fériés français"),
        (HolidayRules.None, "none", "no public holidays", "aucun jour férié"));
}

/// <summary>Where the program office's answer stands: submitted on, due on, when to remind, and how late it is.</summary>
public sealed record AnswerDeadline(DateOnly SubmittedOn, DateOnly Due, DateOnly RemindOn, bool Overdue, int BusinessDaysOverdue);

/// <summary>
/// Business days: Monday to Friday, less the public holidays of <see cref="Rules"/> and the extra dates from configuration.
/// The holiday rules are written here because they are part of the domain (the program office's answer deadline).
/// </summary>
public sealed class BusinessCalendar
{
    private readonly HashSet<DateOnly> extra;
    private readonly System.Collections.Concurrent.ConcurrentDictionary<int, IReadOnlySet<DateOnly>> byYear = new();

    /// <summary>A calendar with <paramref name="rules"/> and <paramref name="extraHolidays"/> (e.g. a one-off closure).</summary>
    public BusinessCalendar(HolidayRules rules = HolidayRules.UnitedStatesFederal, IEnumerable<DateOnly>? extraHolidays = null)
    {
        Rules = rules;
        extra = [.. extraHolidays ?? []];
    }

    /// <summary>The most extra dates configuration may give.</summary>
    public const int MaxExtraHolidays = 1_000;

    /// <summary>
    /// A calendar from configuration: <paramref name="rules"/> by its wire name (empty: <c>us-federal</c>) and extra dates as
    /// <c>yyyy-MM-dd</c>; on a bad value, an error naming the setting and the position.
    /// </summary>
    public static (BusinessCalendar? Calendar, string? Error) FromConfiguration(string? rules, IReadOnlyList<string>? extraHolidays, string settingName = "Holidays")
    {
        var chosen = HolidayRules.UnitedStatesFederal;
        if (!string.IsNullOrWhiteSpace(rules) && !HolidayRuleNames.Names.TryParse(rules.Trim(), out chosen))
        {
            return (null, $"{settingName}:Rules: '{rules}' is not one of {string.Join(", ", HolidayRuleNames.Names.WireValues)}");
        }

        extraHolidays ??= [];
        if (extraHolidays.Count > MaxExtraHolidays)
        {
            return (null, $"{settingName}:Extra: {extraHolidays.Count} dates, at most {MaxExtraHolidays}");
        }

        var days = new List<DateOnly>();
        for (var i = 0; i < extraHolidays.Count; i++)
        {
            if (!DateOnly.TryParseExact(extraHolidays[i]?.Trim(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var day))
            {
                return (null, $"{settingName}:Extra:{i}: '{extraHolidays[i]}' is not a date written yyyy-MM-dd");
            }

            days.Add(day);
        }

        return (new BusinessCalendar(chosen, days), null);
    }

    /// <summary>The United States federal calendar with no extra dates.</summary>
    public static BusinessCalendar UnitedStates { get; } = new(HolidayRules.UnitedStatesFederal);

    /// <summary>The French calendar with no extra dates.</summary>
    public static BusinessCalendar France { get; } = new(HolidayRules.France);

    /// <summary>The holiday rules.</summary>
    public HolidayRules Rules { get; }

    /// <summary>The extra non-business dates.</summary>
    public IReadOnlyCollection<DateOnly> ExtraHolidays => extra;

    /// <summary>Whether <paramref name="day"/> is a public holiday (as observed) or an extra date.</summary>
    public bool IsHoliday(DateOnly day) => extra.Contains(day) || byYear.GetOrAdd(day.Year, year => Holidays(year, Rules)).Contains(day);

    /// <summary>Whether <paramref name="day"/> is a business day.</summary>
    public bool IsBusinessDay(DateOnly day) => day.DayOfWeek is not (DayOfWeek.Saturday or DayOfWeek.Sunday) && !IsHoliday(day);

    /// <summary><paramref name="day"/> itself when it is a business day, otherwise the next one.</summary>
    public DateOnly ThisOrNextBusinessDay(DateOnly day)
    {
        while (!IsBusinessDay(day))
        {
            day = day.AddDays(1);
        }

        return day;
    }

    /// <summary>The business day <paramref name="count"/> business days after (or, when negative, before) <paramref name="day"/>.</summary>
    public DateOnly AddBusinessDays(DateOnly day, int count)
    {
        var step = count < 0 ? -1 : 1;
        for (var left = Math.Abs(count); left > 0;)
        {
            day = day.AddDays(step);
            if (IsBusinessDay(day))
            {
                left--;
            }
        }

        return day;
    }

    /// <summary>
    /// The answer's due date for a submission on <paramref name="submittedOn"/>: <paramref name="businessDays"/> business
    /// days after it; a submission on a weekend or holiday counts from the next business day.
    /// </summary>
    public DateOnly AnswerDue(DateOnly submittedOn, int businessDays = 5) => AddBusinessDays(ThisOrNextBusinessDay(submittedOn), businessDays);

    /// <summary>The day to remind the program office: <paramref name="businessDaysBefore"/> business days before <paramref name="due"/>.</summary>
    public DateOnly ReminderDate(DateOnly due, int businessDaysBefore = 1) => AddBusinessDays(due, -businessDaysBefore);

    /// <summary>The deadline of an answer to a submission on <paramref name="submittedOn"/>, seen on <paramref name="today"/>.</summary>
    public AnswerDeadline Deadline(DateOnly submittedOn, DateOnly today, int businessDays = 5, int remindBusinessDaysBefore = 1)
    {
        var due = AnswerDue(submittedOn, businessDays);
        return new AnswerDeadline(submittedOn, due, ReminderDate(due, remindBusinessDaysBefore), IsOverdue(due, today), BusinessDaysOverdue(due, today));
    }

    /// <summary>Whether an answer due on <paramref name="due"/> is overdue on <paramref name="today"/> (the due day itself is still in time).</summary>
    public static bool IsOverdue(DateOnly due, DateOnly today) => today > due;

    /// <summary>How many business days <paramref name="today"/> is past <paramref name="due"/> (0 when not overdue).</summary>
    public int BusinessDaysOverdue(DateOnly due, DateOnly today)
    {
        var late = 0;
        for (var day = due.AddDays(1); day <= today; day = day.AddDays(1))
        {
            if (IsBusinessDay(day))
            {
                late++;
            }
        }

        return late;
    }

    /// <summary>The holidays (observed dates) that fall in <paramref name="year"/> under <paramref name="rules"/>.</summary>
    public static IReadOnlySet<DateOnly> Holidays(int year, HolidayRules rules) => rules switch
    {
        HolidayRules.UnitedStatesFederal => UnitedStatesHolidays(year),
        HolidayRules.France => FrenchHolidays(year),
        _ => new HashSet<DateOnly>(),
    };

    private static HashSet<DateOnly> UnitedStatesHolidays(int year)
    {
        var days = new HashSet<DateOnly>();

        // A fixed-date holiday on Saturday is observed the Friday before, on Sunday the Monday after; New Year's Day of
        // the next year can thus fall on 31 December of this one.
        for (var y = year; y <= year + 1; y++)
        {
            foreach (var (month, day, since) in new[] { (1, 1, 1), (6, 19, 2021), (7, 4, 1), (11, 11, 1), (12, 25, 1) })
            {
                if (y >= since && y <= 9998)
                {
                    days.Add(Observed(new DateOnly(y, month, day)));
                }
            }
        }

        days.Add(Nth(year, 1, DayOfWeek.Monday, 3)); // Birthday of Martin Luther King, Jr.
        days.Add(Nth(year, 2, DayOfWeek.Monday, 3)); // Washington's Birthday
        days.Add(Last(year, 5, DayOfWeek.Monday)); // Memorial Day
        days.Add(Nth(year, 9, DayOfWeek.Monday, 1)); // Labor Day
        days.Add(Nth(year, 10, DayOfWeek.Monday, 2)); // Columbus Day
        days.Add(Nth(year, 11, DayOfWeek.Thursday, 4)); // Thanksgiving Day
        days.RemoveWhere(d => d.Year != year);
        return days;
    }

    private static HashSet<DateOnly> FrenchHolidays(int year)
    {
        var easter = EasterSunday(year);
        return
        [
            new DateOnly(year, 1, 1),
            easter.AddDays(1), // lundi de Pâques
            new DateOnly(year, 5, 1),
            new DateOnly(year, 5, 8),
            easter.AddDays(39), // Ascension
            easter.AddDays(50), // lundi de Pentecôte
            new DateOnly(year, 7, 14),
            new DateOnly(year, 8, 15),
            new DateOnly(year, 11, 1),
            new DateOnly(year, 11, 11),
            new DateOnly(year, 12, 25),
        ];
    }

    private static DateOnly Observed(DateOnly day) => day.DayOfWeek switch
    {
        DayOfWeek.Saturday => day.AddDays(-1),
        DayOfWeek.Sunday => day.AddDays(1),
        _ => day,
    };

    private static DateOnly Nth(int year, int month, DayOfWeek weekday, int n)
    {
        var first = new DateOnly(year, month, 1);
        return first.AddDays(((7 + weekday - first.DayOfWeek) % 7) + (7 * (n - 1)));
    }

    private static DateOnly Last(int year, int month, DayOfWeek weekday)
    {
        var last = new DateOnly(year, month, DateTime.DaysInMonth(year, month));
        return last.AddDays(-((7 + last.DayOfWeek - weekday) % 7));
    }

    /// <summary>Easter Sunday in the Gregorian calendar (the anonymous "Meeus/Jones/Butcher" computation).</summary>
    public static DateOnly EasterSunday(int year)
    {
        var a = year % 19;
        var b = year / 100;
        var c = year % 100;
        var d = b / 4;
        var e = b % 4;
        var f = (b + 8) / 25;
        var g = (b - f + 1) / 3;
        var h = ((19 * a) + b - d - g + 15) % 30;
        var i = c / 4;
        var k = c % 4;
        var l = (32 + (2 * e) + (2 * i) - h - k) % 7;
        var m = (a + (11 * h) + (22 * l)) / 451;
        var month = (h + l - (7 * m) + 114) / 31;
        var day = ((h + l - (7 * m) + 114) % 31) + 1;
        return new DateOnly(year, month, day);
    }
}
