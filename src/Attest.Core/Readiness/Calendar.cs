namespace Attest.Core.Readiness;

/// <summary>
/// Calendar-month windows as the checklist means them: a date is within the last N months of as-of when
/// <c>asOf - N months &lt;= date &lt;= asOf</c>, months subtracted with end-of-month clamping (31 August less 6 months is 28 or 29 February).
/// </summary>
public static class Calendar
{
    /// <summary><paramref name="date"/> moved by <paramref name="months"/> calendar months, clamped to the representable range.</summary>
    public static DateOnly AddMonths(DateOnly date, int months)
    {
        // Months counted from January of year 0: year 1 starts at 12
        var target = (date.Year * 12L) + date.Month - 1 + months;
        if (target < 12)
        {
            return DateOnly.MinValue;
        }

        if (target >= 10_000L * 12)
        {
            return DateOnly.MaxValue;
        }

        return date.AddMonths(months);
    }

    /// <summary>Whether <paramref name="date"/> lies in the <paramref name="months"/>-month window ending on <paramref name="asOf"/>, both edges included.</summary>
    public static bool WithinMonths(DateOnly date, DateOnly asOf, int months) =>
        date <= asOf && date >= AddMonths(asOf, -months);

    /// <summary>The first as-of date on which <paramref name="date"/> is no longer within the last <paramref name="months"/> months.</summary>
    public static DateOnly FirstDayOutside(DateOnly date, int months)
    {
        var day = AddMonths(date, months);
        while (day < DateOnly.MaxValue && AddMonths(day, -months) <= date)
        {
            day = day.AddDays(1);
        }

        return day;
    }
}
