using System.Globalization;

namespace Attest.Core.Documents;

/// <summary>
/// The calendar dates Attest accepts in its files and options (an application's <c>asOf</c>, a case study's completion,
/// a catalog's publication, <c>--as-of</c>): from 1900-01-01 to 2999-12-31. Every real date of an application lies
/// within it, and every date the readiness rules compute from one (months back, 18-month windows, the day a verdict
/// changes) stays representable. A date outside is a problem of its field, never an internal error.
/// </summary>
public static class DateRange
{
    /// <summary>The earliest date accepted.</summary>
    public static DateOnly Earliest { get; } = new(1900, 1, 1);

    /// <summary>The latest date accepted.</summary>
    public static DateOnly Latest { get; } = new(2999, 12, 31);

    /// <summary>Whether <paramref name="date"/> is accepted.</summary>
    public static bool Contains(DateOnly date) => date >= Earliest && date <= Latest;

    /// <summary>What is wrong with <paramref name="date"/>, or null when it is accepted.</summary>
    public static string? Problem(DateOnly date) => Contains(date)
        ? null
        : $"the date {Show(date)} is outside the accepted range, {Show(Earliest)} to {Show(Latest)}";

    /// <summary>Reads <c>YYYY-MM-DD</c>: the date, or what is wrong with the text (not a date, impossible, out of range).</summary>
    public static (DateOnly? Date, string? Problem) Parse(string? text)
    {
        var trimmed = text?.Trim() ?? "";
        if (trimmed.Length != 10 || trimmed[4] != '-' || trimmed[7] != '-'
            || !int.TryParse(trimmed.AsSpan(0, 4), NumberStyles.None, CultureInfo.InvariantCulture, out var year)
            || !int.TryParse(trimmed.AsSpan(5, 2), NumberStyles.None, CultureInfo.InvariantCulture, out var month)
            || !int.TryParse(trimmed.AsSpan(8, 2), NumberStyles.None, CultureInfo.InvariantCulture, out var day))
        {
            return (null, $"expected a date (YYYY-MM-DD), got '{text}'");
        }

        if (year < 1 || month is < 1 or > 12 || day < 1 || day > DateTime.DaysInMonth(year, month))
        {
            return (null, $"impossible date '{text}'");
        }

        var date = new DateOnly(year, month, day);
        return Problem(date) is { } problem ? (null, problem) : (date, null);
    }

    private static string Show(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
}
