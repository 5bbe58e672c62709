using System.Globalization;
using Attest.Core.Readiness;
using Attest.Core.Text;

namespace Attest.Web.Features.Readiness;

/// <summary>One change on a day of the timeline.</summary>
/// <param name="ItemId">The item whose verdict changes; null for the checklist itself.</param>
/// <param name="Who">The case study's customer (or key) the change is about; null for the item as a whole.</param>
/// <param name="What">What happens.</param>
public sealed record TimelineEvent(string? ItemId, string? Who, LocalizedString What);

/// <summary>A day on which at least one verdict changes, numbered as on the drawing, with where it sits on it.</summary>
public sealed record TimelineDay(int Number, DateOnly Day, IReadOnlyList<TimelineEvent> Events, double X, int Lane);

/// <summary>A month boundary on the drawing's axis.</summary>
public sealed record TimelineTick(DateOnly Month, double X);

/// <summary>
/// The days on which a verdict will change by the passing of time alone (a case study leaving its window, content
/// ageing, scans going stale, the checklist no longer accepted), laid out for a server-drawn SVG line.
/// </summary>
public sealed record Timeline(DateOnly From, DateOnly To, IReadOnlyList<TimelineDay> Days, IReadOnlyList<TimelineTick> Ticks, DateOnly? ReadyUntil)
{
    /// <summary>The drawing's width in SVG units.</summary>
    public const double Width = 900;

    /// <summary>The drawing's height in SVG units.</summary>
    public const double Height = 108;

    /// <summary>Where the axis starts and ends.</summary>
    public const double Left = 30, Right = 870;

    /// <summary>The axis's height.</summary>
    public const double Axis = 70;

    /// <summary>How far apart two numbers must be on one lane.</summary>
    private const double Spacing = 26;

    /// <summary>True when nothing changes by time alone.</summary>
    public bool Empty => Days.Count == 0;

    /// <summary>Where <paramref name="day"/> sits on the axis.</summary>
    public double X(DateOnly day)
    {
        var span = Math.Max(1, To.DayNumber - From.DayNumber);
        return Left + ((Right - Left) * Math.Clamp(day.DayNumber - From.DayNumber, 0, span) / span);
    }

    /// <summary>The timeline of <paramref name="report"/>; <paramref name="name"/> names a case study by its key.</summary>
    public static Timeline Build(ReadinessReport report, Func<string, string> name, bool partnerReads = true)
    {
        ArgumentNullException.ThrowIfNull(report);
        ArgumentNullException.ThrowIfNull(name);
        var events = report.Changes
            .Select(c => (c.Date, Event: new TimelineEvent(c.ItemId, c.CaseStudyKey is null ? null : name(c.CaseStudyKey), c.What.OnPage(partnerReads).Localized())))
            .ToList();
        if (report.Catalog.AcceptedUntil is { } until && until >= report.AsOf)
        {
            events.Add((until.AddDays(1), new TimelineEvent(null, null, Texts.ChecklistEnds)));
        }

        var from = report.AsOf;
        var last = events.Count == 0 ? from : events.Max(e => e.Date);
        var to = last.DayNumber - from.DayNumber < 60 ? from.AddDays(60) : last.AddDays(Math.Max(7, (last.DayNumber - from.DayNumber) / 30));
        var shell = new Timeline(from, to, [], [], report.ReadyUntil);
        var lanes = new List<double>();
        var days = new List<TimelineDay>();
        foreach (var group in events.GroupBy(e => e.Date).OrderBy(g => g.Key))
        {
            var x = shell.X(group.Key);
            var lane = lanes.FindIndex(end => x - end >= Spacing);
            if (lane < 0)
            {
                lane = lanes.Count < 3 ? lanes.Count : lanes.IndexOf(lanes.Min());
                if (lane == lanes.Count)
                {
                    lanes.Add(x);
                }
            }

            lanes[lane] = x;
            days.Add(new TimelineDay(days.Count + 1, group.Key, [.. group.Select(g => g.Event)], x, lane));
        }

        var ticks = new List<TimelineTick>();
        for (var month = new DateOnly(from.Year, from.Month, 1).AddMonths(1); month <= to; month = month.AddMonths(1))
        {
            ticks.Add(new TimelineTick(month, shell.X(month)));
        }

        return shell with { Days = days, Ticks = ticks };
    }

    private static readonly string[] MonthsEn = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"];

    private static readonly string[] MonthsFr = ["janv.", "févr.", "mars", "avr.", "mai", "juin", "juil.", "août", "sept.", "oct.", "nov.", "déc."];

    /// <summary>A month's short label in <paramref name="language"/>, e.g. <c>Mar</c>, or <c>Jan 2027</c> for January.</summary>
    public static string MonthLabel(DateOnly month, Language language)
    {
        var name = (language == Language.Fr ? MonthsFr : MonthsEn)[month.Month - 1];
        return month.Month == 1 ? $"{name} {month.Year.ToString(CultureInfo.InvariantCulture)}" : name;
    }

    /// <summary>Formats an SVG coordinate.</summary>
    public static string N(double value) => value.ToString("0.#", CultureInfo.InvariantCulture);
}
