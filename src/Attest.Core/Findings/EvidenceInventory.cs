namespace Attest.Core.Findings;

/// <summary>How many resources of one type one file of evidence defines, and the AWS service they belong to (null when unknown).</summary>
public sealed record InventoryEntry(string File, string ResourceType, string? Service, int Count);

/// <summary>What evidence defines, per service: how many resources, of which types, in which files.</summary>
public sealed record ServiceCount(string Service, int Resources, IReadOnlyDictionary<string, int> ByResourceType, IReadOnlyList<string> Files);

/// <summary>
/// The resource inventory of some evidence: counts of resources per file and resource type, with their AWS service
/// (<see cref="AwsServices"/>). Readiness uses it to tell whether a case study's attached code uses a service.
/// </summary>
public sealed record EvidenceInventory
{
    // Before Empty, which uses it
    private static readonly IReadOnlyDictionary<string, ServiceCount> NoService = new Dictionary<string, ServiceCount>(StringComparer.Ordinal);

    /// <summary>Nothing defined.</summary>
    public static EvidenceInventory Empty { get; } = new([]);

    /// <summary>An inventory of <paramref name="entries"/>; entries about the same file and type are added up.</summary>
    public EvidenceInventory(IEnumerable<InventoryEntry> entries)
    {
        ArgumentNullException.ThrowIfNull(entries);
        Entries = [.. entries
            .GroupBy(e => (e.File, e.ResourceType))
            .Select(g => new InventoryEntry(g.Key.File, g.Key.ResourceType, g.First().Service, g.Sum(e => e.Count)))
            .OrderBy(e => e.File, StringComparer.Ordinal).ThenBy(e => e.ResourceType, StringComparer.Ordinal)];
        byService = Entries.Count == 0 ? NoService : Services(Entries);
    }

    // Computed once: readiness asks it of every case study for every item that applies to case studies using services
    private readonly IReadOnlyDictionary<string, ServiceCount> byService;

    /// <summary>The entries, by file then resource type.</summary>
    public IReadOnlyList<InventoryEntry> Entries { get; }

    /// <summary>Whether nothing is defined.</summary>
    public bool IsEmpty => Entries.Count == 0;

    /// <summary>Resources per resource type, over every file.</summary>
    public IReadOnlyDictionary<string, int> ByResourceType =>
        Entries.GroupBy(e => e.ResourceType, StringComparer.Ordinal).OrderBy(g => g.Key, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.Sum(e => e.Count), StringComparer.Ordinal);

    /// <summary>Per known service: its resources, by type, and the files defining them.</summary>
    public IReadOnlyDictionary<string, ServiceCount> ByService => byService;

    private static Dictionary<string, ServiceCount> Services(IReadOnlyList<InventoryEntry> entries) =>
        entries.Where(e => e.Service is not null).GroupBy(e => e.Service!, StringComparer.Ordinal).OrderBy(g => g.Key, StringComparer.Ordinal).ToDictionary(
            g => g.Key,
            g => new ServiceCount(
                g.Key,
                g.Sum(e => e.Count),
                g.GroupBy(e => e.ResourceType, StringComparer.Ordinal).ToDictionary(t => t.Key, t => t.Sum(e => e.Count), StringComparer.Ordinal),
                [.. g.Select(e => e.File).Distinct(StringComparer.Ordinal)]),
            StringComparer.Ordinal);

    /// <summary>What is defined for <paramref name="service"/>, or null when nothing is.</summary>
    public ServiceCount? Of(string service) => ByService.TryGetValue(service, out var count) ? count : null;

    /// <summary>The same inventory with every file name passed through <paramref name="rename"/>.</summary>
    public EvidenceInventory Renamed(Func<string, string> rename)
    {
        ArgumentNullException.ThrowIfNull(rename);
        return new(Entries.Select(e => e with { File = rename(e.File) }));
    }

    /// <summary>The inventories put together.</summary>
    public static EvidenceInventory Merge(IEnumerable<EvidenceInventory> inventories) => new(inventories.SelectMany(i => i.Entries));

    /// <summary>The inventory of resources, given as (file, resource type) pairs, one per resource.</summary>
    public static EvidenceInventory Of(IEnumerable<(string File, string ResourceType)> resources) =>
        new(resources.Select(r => new InventoryEntry(r.File, r.ResourceType, AwsServices.OfResourceType(r.ResourceType), 1)));
}
