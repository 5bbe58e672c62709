namespace Attest.Core.Findings;

/// <summary>The analyzer findings about each case study's evidence, by case study key.</summary>
public sealed class CaseStudyFindings(IReadOnlyDictionary<string, IReadOnlyList<EvidenceFinding>> byCaseStudy)
{
    /// <summary>No findings at all.</summary>
    public static CaseStudyFindings None { get; } = new(new Dictionary<string, IReadOnlyList<EvidenceFinding>>());

    /// <summary>Every finding, by case study key.</summary>
    public IReadOnlyDictionary<string, IReadOnlyList<EvidenceFinding>> ByCaseStudy { get; } = byCaseStudy;

    /// <summary>The findings about <paramref name="item"/> in the evidence of case study <paramref name="caseStudy"/>.</summary>
    public IReadOnlyList<EvidenceFinding> For(string caseStudy, string item) =>
        ByCaseStudy.TryGetValue(caseStudy, out var findings) ? findings.Where(f => f.Item == item).ToArray() : [];
}
