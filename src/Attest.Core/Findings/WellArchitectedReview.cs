using Attest.Core.Text;

namespace Attest.Core.Findings;

/// <summary>
/// What a Well-Architected review of one workload says, as read from the file the Well-Architected Tool gives: the
/// outstanding high-risk issues counted per pillar. Readers build it; readiness uses it for the Well-Architected exemption.
/// </summary>
public sealed record WellArchitectedReview
{
    /// <summary>The file it was read from (as the evidence names it).</summary>
    public required string File { get; init; }

    /// <summary>The workload reviewed, when the file names it.</summary>
    public string? Workload { get; init; }

    /// <summary>The lens reviewed (e.g. <c>wellarchitected</c>), when the file names it.</summary>
    public string? Lens { get; init; }

    /// <summary>When the review was last updated, when the file says.</summary>
    public DateOnly? UpdatedOn { get; init; }

    /// <summary>Outstanding high-risk issues by pillar id (<see cref="WellArchitectedPillars"/>); a pillar absent was not in the file.</summary>
    public required IReadOnlyDictionary<string, int> HighRisks { get; init; }

    /// <summary>The pillars of <paramref name="pillars"/> the review does not show free of high-risk issues: absent, or with at least one.</summary>
    public IReadOnlyList<string> NotClear(IEnumerable<string> pillars) =>
        [.. pillars.Where(p => !HighRisks.TryGetValue(p, out var n) || n > 0)];

    /// <summary>How the review is named to people: the file, and the workload when known.</summary>
    public string Name => Workload is { Length: > 0 } w ? $"{File} ({w})" : File;
}

/// <summary>The pillars of the Well-Architected Framework, by the ids catalogs use.</summary>
public static class WellArchitectedPillars
{
    /// <summary>Every pillar: id, the Well-Architected Tool's own id, and the name in both languages.</summary>
    public static IReadOnlyList<(string Id, string ToolId, LocalizedString Name)> All { get; } =
    [
        ("operational-excellence", "operationalExcellence", new("Operational Excellence", "Excellence opérationnelle")),
        ("security", "security", new("Security", "Sécurité")),
        ("reliability", "reliability", new("Reliability", "Fiabilité")),
        ("performance-efficiency", "performance", new("Performance Efficiency", "Efficacité des performances")),
        ("cost-optimization", "costOptimization", new("Cost Optimization", "Optimisation des coûts")),
        ("sustainability", "sustainability", new("Sustainability", "Durabilité")),
    ];

    /// <summary>Whether <paramref name="id"/> is a pillar id.</summary>
    public static bool IsKnown(string id) => All.Any(p => p.Id == id);

    /// <summary>The pillar id for the Well-Architected Tool's id (<c>operationalExcellence</c>, <c>costOptimization</c>…), or null.</summary>
    public static string? FromToolId(string toolId) =>
        All.FirstOrDefault(p => string.Equals(p.ToolId, toolId, StringComparison.OrdinalIgnoreCase) || p.Id == toolId).Id;

    /// <summary>The name of pillar <paramref name="id"/>.</summary>
    public static LocalizedString NameOf(string id) => All.FirstOrDefault(p => p.Id == id).Name ?? new(id, id);
}
