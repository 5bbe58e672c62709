using Attest.Core.Catalogs;

namespace Attest.Core.Findings;

/// <summary>
/// What the analyzers found in each case study's evidence, by case study key: the findings, and the inventory of the
/// resources its code defines (which AWS services it uses). Findings reach a checklist item through the topics the
/// catalog lists for it.
/// </summary>
public sealed class CaseStudyFindings
{
    /// <summary>Findings and inventories by case study key.</summary>
    public CaseStudyFindings(IReadOnlyDictionary<string, IReadOnlyList<EvidenceFinding>> byCaseStudy, IReadOnlyDictionary<string, EvidenceInventory>? inventories = null, IReadOnlyDictionary<string, IReadOnlyList<WellArchitectedReview>>? reviews = null)
    {
        ArgumentNullException.ThrowIfNull(byCaseStudy);
        ByCaseStudy = byCaseStudy;
        Inventories = inventories ?? new Dictionary<string, EvidenceInventory>(StringComparer.Ordinal);
        Reviews = reviews ?? new Dictionary<string, IReadOnlyList<WellArchitectedReview>>(StringComparer.Ordinal);
    }

    /// <summary>No findings at all.</summary>
    public static CaseStudyFindings None { get; } = new(new Dictionary<string, IReadOnlyList<EvidenceFinding>>());

    /// <summary>Every finding, by case study key.</summary>
    public IReadOnlyDictionary<string, IReadOnlyList<EvidenceFinding>> ByCaseStudy { get; }

    /// <summary>The inventory of each case study's evidence, by case study key (absent: nothing known).</summary>
    public IReadOnlyDictionary<string, EvidenceInventory> Inventories { get; }

    /// <summary>The findings that are evidence for <paramref name="item"/> (their topic is one of its topics) in the evidence of case study <paramref name="caseStudy"/>.</summary>
    public IReadOnlyList<EvidenceFinding> For(string caseStudy, ChecklistItem item)
    {
        ArgumentNullException.ThrowIfNull(item);
        return item.Topics.Count > 0 && ByCaseStudy.TryGetValue(caseStudy, out var findings) ? findings.Where(f => item.Topics.Contains(f.Topic, StringComparer.Ordinal)).ToArray() : [];
    }

    /// <summary>The Well-Architected reviews found in each case study's evidence, by case study key.</summary>
    public IReadOnlyDictionary<string, IReadOnlyList<WellArchitectedReview>> Reviews { get; }

    /// <summary>The Well-Architected reviews in case study <paramref name="caseStudy"/>'s evidence (none when none is known).</summary>
    public IReadOnlyList<WellArchitectedReview> ReviewsOf(string caseStudy) => Reviews.TryGetValue(caseStudy, out var reviews) ? reviews : [];

    /// <summary>The inventory of case study <paramref name="caseStudy"/>'s evidence (empty when none is known).</summary>
    public EvidenceInventory InventoryOf(string caseStudy) => Inventories.TryGetValue(caseStudy, out var inventory) ? inventory : EvidenceInventory.Empty;
}
