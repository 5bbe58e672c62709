namespace Attest.Web.Features.Workflow;

/// <summary>
/// The IANA time zone ids this machine knows (e.g. <c>Europe/Paris</c>), offered in the audit scheduling form; a zone
/// outside the list (a city name such as "Paris", a Windows id) is refused.
/// </summary>
public static class IanaTimeZones
{
    private static readonly Lazy<IReadOnlyList<string>> Known = new(Load);

    /// <summary>The ids, sorted.</summary>
    public static IReadOnlyList<string> Ids => Known.Value;

    /// <summary>The zone of <paramref name="id"/> when it is one of <see cref="Ids"/> (exact spelling), otherwise null.</summary>
    public static TimeZoneInfo? Find(string? id)
    {
        var trimmed = id?.Trim();
        if (string.IsNullOrEmpty(trimmed) || trimmed.Length > 64 || !Set.Value.Contains(trimmed))
        {
            return null;
        }

        return TimeZoneInfo.TryFindSystemTimeZoneById(trimmed, out var zone) ? zone : null;
    }

    private static readonly Lazy<HashSet<string>> Set = new(() => new HashSet<string>(Known.Value, StringComparer.Ordinal));

    private static List<string> Load()
    {
        var ids = new SortedSet<string>(StringComparer.Ordinal) { "UTC" };
        foreach (var zone in TimeZoneInfo.GetSystemTimeZones())
        {
            if (zone.HasIanaId)
            {
                ids.Add(zone.Id);
            }
            else if (TimeZoneInfo.TryConvertWindowsIdToIanaId(zone.Id, out var iana))
            {
                ids.Add(iana);
            }
        }

        // Keep region/city ids (and UTC); drop the legacy aliases such as "EST5EDT" or "Etc/GMT+5" that nobody picks
        return [.. ids.Where(i => i == "UTC" || (i.Contains('/', StringComparison.Ordinal) && !i.StartsWith("Etc/", StringComparison.Ordinal) && !i.StartsWith("SystemV/", StringComparison.Ordinal)))];
    }
}
