namespace Attest.Web.Infrastructure;

/// <summary>
/// The one "today" of the web application: the date in the program office's time zone (<c>Attest:Workflow:TimeZone</c>)
/// at the instant the <see cref="TimeProvider"/> gives, for every page, the API, the submission and background work.
/// Tests replace the <see cref="TimeProvider"/>.
/// </summary>
public sealed class OfficeClock(TimeProvider clock, TimeZoneInfo zone)
{
    /// <summary>The office's time zone.</summary>
    public TimeZoneInfo Zone => zone;

    /// <summary>The current instant.</summary>
    public DateTimeOffset Now => clock.GetUtcNow();

    /// <summary>Today's date in the office's time zone.</summary>
    public DateOnly Today => Day(clock.GetUtcNow());

    /// <summary>The office's date at <paramref name="instant"/>.</summary>
    public DateOnly Day(DateTimeOffset instant) => DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(instant, zone).DateTime);
}
