using Attest.Core.Findings;
using Attest.Evidence.CloudFormation;
using Attest.Evidence.Model;

namespace Attest.Evidence.Rules;

/// <summary>
/// A resource may waive a rule, as teams already do for other tools: CloudFormation <c>Metadata</c> with
/// <c>attest: { SuppressedRules: [id] }</c>, or the cfn-guard (<c>guard: SuppressedRules</c>), cfn_nag
/// (<c>rules_to_suppress: [{ id }]</c>, also under the <c>cfn-nag</c> spelling) and checkov (<c>checkov: skip: [{ id }]</c>) forms
/// naming one of the rule's equivalents. A suppression may give its reason beside the name (<c>- RULE_NAME: reason</c>), as
/// cfn-guard accepts.
/// </summary>
internal static class Suppressions
{
    public static bool Suppressed(IacDocument document, EvidenceFinding finding, RuleDocumentation rule)
    {
        if (document.Resources.FirstOrDefault(r => r.Address == finding.Resource) is not CloudFormationResource resource)
        {
            return false;
        }

        var names = new HashSet<string>(rule.Equivalents, StringComparer.OrdinalIgnoreCase) { rule.Id };
        return Named(resource.MetadataAt("attest", "SuppressedRules"), names)
            || Named(resource.MetadataAt("guard", "SuppressedRules"), names)
            || Named(resource.MetadataAt("cfn_nag", "rules_to_suppress", "*", "id"), names)
            || Named(resource.MetadataAt("cfn-nag", "rules_to_suppress", "*", "id"), names)
            || Named(resource.MetadataAt("checkov", "skip", "*", "id"), names);
    }

    private static bool Named(ValueSet values, HashSet<string> names) => values.Values.Any(v => Names(v.Value).Any(names.Contains));

    // A name, a list of names, or names given as keys with their reason as value
    private static IEnumerable<string> Names(object? value) => value switch
    {
        string s => [s],
        IReadOnlyDictionary<string, object?> map => map.Keys,
        IReadOnlyList<object?> list => list.SelectMany(item => item switch
        {
            string s => [s],
            IReadOnlyDictionary<string, object?> map => map.Keys,
            _ => Array.Empty<string>(),
        }),
        _ => [],
    };
}
