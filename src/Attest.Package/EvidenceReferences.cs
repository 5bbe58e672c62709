using Attest.Core.Applications;

namespace Attest.Package;

/// <summary>One evidence reference of an application (a relative path, a folder ending in '/', or a URL) and what cites it.</summary>
public sealed record EvidenceReference(string Reference, IReadOnlyList<string> Items, IReadOnlyList<string> CaseStudies)
{
    /// <summary>Whether it is a web address rather than a file.</summary>
    public bool IsUrl => EvidenceReferences.IsUrl(Reference);
}

/// <summary>Reads the evidence references of an application: case studies list <c>evidence</c> paths, self-assessment entries list <c>evidence</c> references.</summary>
public static class EvidenceReferences
{
    /// <summary>Whether <paramref name="reference"/> is a web address.</summary>
    public static bool IsUrl(string reference) => reference.Contains("://", StringComparison.Ordinal);

    /// <summary>Every distinct reference, in file order, with the items and case studies that cite it.</summary>
    public static IReadOnlyList<EvidenceReference> Collect(Application application)
    {
        var order = new List<string>();
        var items = new Dictionary<string, SortedSet<string>>(StringComparer.Ordinal);
        var caseStudies = new Dictionary<string, List<string>>(StringComparer.Ordinal);
        void Note(string reference)
        {
            if (!items.ContainsKey(reference))
            {
                order.Add(reference);
                items[reference] = new SortedSet<string>(ItemIdComparer.Instance);
                caseStudies[reference] = [];
            }
        }

        foreach (var caseStudy in application.CaseStudies)
        {
            foreach (var reference in (caseStudy.Evidence ?? []).Select(r => r.Trim()).Where(r => r.Length > 0))
            {
                Note(reference);
                if (!caseStudies[reference].Contains(caseStudy.Key))
                {
                    caseStudies[reference].Add(caseStudy.Key);
                }
            }
        }

        foreach (var (itemId, entry) in application.SelfAssessment)
        {
            foreach (var reference in (entry.Evidence ?? []).Select(r => r.Trim()).Where(r => r.Length > 0))
            {
                Note(reference);
                items[reference].Add(itemId);
            }

            // A per-case-study answer's evidence supports the item and that case study
            foreach (var (key, answer) in entry.CaseStudies ?? new Dictionary<string, CaseStudyAnswer>())
            {
                foreach (var reference in (answer.Evidence ?? []).Select(r => r.Trim()).Where(r => r.Length > 0))
                {
                    Note(reference);
                    items[reference].Add(itemId);
                    if (!caseStudies[reference].Contains(key))
                    {
                        caseStudies[reference].Add(key);
                    }
                }
            }
        }

        return order.Select(r => new EvidenceReference(r, items[r].ToArray(), caseStudies[r])).ToArray();
    }
}

/// <summary>Orders item ids as the checklist numbers them: PRE before VAL, then 2.9 before 2.10.</summary>
public sealed class ItemIdComparer : IComparer<string>
{
    /// <summary>The one instance.</summary>
    public static ItemIdComparer Instance { get; } = new();

    /// <inheritdoc />
    public int Compare(string? x, string? y)
    {
        if (x is null || y is null)
        {
            return string.CompareOrdinal(x, y);
        }

        var a = x.Split('-', '.');
        var b = y.Split('-', '.');
        for (var i = 0; i < Math.Min(a.Length, b.Length); i++)
        {
            var byPart = int.TryParse(a[i], out var na) && int.TryParse(b[i], out var nb) ? na.CompareTo(nb) : string.CompareOrdinal(a[i], b[i]);
            if (byPart != 0)
            {
                return byPart;
            }
        }

        return a.Length.CompareTo(b.Length);
    }
}
