using Attest.Core.Applications;
using Attest.Core.Workflow;
using Attest.Web.Infrastructure;

namespace Attest.Web.Features.Workflow;

/// <summary>
/// The customers' names of a submitted version's case studies, by key: pages about a version name its case studies by
/// customer, never by key (the key stands in only where a case study has no customer name).
/// </summary>
public static class FrozenCustomers
{
    /// <summary>Key → customer name of <paramref name="version"/>'s case studies; empty when the version cannot be read.</summary>
    public static IReadOnlyDictionary<string, string> Of(SubmissionVersion? version, Catalogs catalogs)
    {
        ArgumentNullException.ThrowIfNull(catalogs);
        if (version is null || catalogs.Find(version.Checklist) is not { } catalog
            || ApplicationReader.Read(version.ApplicationText, $"version {version.Number}", [catalog]).Application is not { } application)
        {
            return new Dictionary<string, string>(StringComparer.Ordinal);
        }

        return application.CaseStudies
            .Where(c => !string.IsNullOrWhiteSpace(c.Customer))
            .GroupBy(c => c.Key, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => g.First().Customer!, StringComparer.Ordinal);
    }

    /// <summary>The customer's name of <paramref name="key"/> in <paramref name="names"/>, or the key when it has none.</summary>
    public static string Name(IReadOnlyDictionary<string, string> names, string key)
    {
        ArgumentNullException.ThrowIfNull(names);
        return names.TryGetValue(key, out var name) ? name : key;
    }
}
