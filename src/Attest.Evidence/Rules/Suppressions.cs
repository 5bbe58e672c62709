using Attest.Core.Findings;
using Attest.Evidence.CloudFormation;
using Attest.Evidence.Model;

namespace Attest.Evidence.Rules;

/// <summary>
/// A resource may waive a rule, as teams already do for other tools: CloudFormation <c>Metadata</c> with
/// <c>attest: { SuppressedRules: [id] }</c>, or the cfn-guard (<c>guard: SuppressedRules</c>), cfn_nag
/// (<c>rules_to_suppress: [{ id }]</c>) and checkov (<c>checkov: skip: [{ id }]</c>) forms naming one of the rule's equivalents.
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
            || Named(resource.MetadataAt("checkov", "skip", "*", "id"), names);
    }

    private static bool Named(ValueSet values, HashSet<string> names) => values.Values.Any(v => v.Value switch
    {
        string s => names.Contains(s),
        IReadOnlyList<object?> list => list.OfType<string>().Any(names.Contains),
        _ => false,
    });
}
