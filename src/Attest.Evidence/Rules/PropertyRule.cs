using Attest.Core.Findings;
using Attest.Core.Text;
using Attest.Evidence.Model;

namespace Attest.Evidence.Rules;

/// <summary>One resource type checked by a <see cref="PropertyRule"/>: where the property is, and how it is judged.</summary>
internal sealed record PropertyCheck(string Type, string[] Path, Func<ValueSet, Judgement> Judge, Func<IIacResource, bool>? AppliesTo = null)
{
    /// <summary>Several properties that must all pass (their paths are given to <see cref="Judge"/> one by one).</summary>
    public static PropertyCheck All(string type, Func<IIacResource, Judgement> judge, Func<IIacResource, bool>? appliesTo = null) =>
        new(type, [], _ => Judgement.Pass, appliesTo) { Whole = judge };

    /// <summary>A judgement over the whole resource, for checks that read more than one property.</summary>
    public Func<IIacResource, Judgement>? Whole { get; init; }
}

/// <summary>
/// A rule that judges one property (or a few) per resource, on CloudFormation and Terraform alike: the data-driven
/// form of most checks, keeping each check readable as a line of C#.
/// </summary>
internal sealed class PropertyRule(RuleDocumentation documentation, Phrase pass, Phrase fail, params PropertyCheck[] checks) : IacRule
{
    public override RuleDocumentation Documentation { get; } = documentation with { ResourceTypes = checks.Select(c => c.Type).Distinct().ToArray() };

    public override IEnumerable<EvidenceFinding> Check(ScanUnit unit)
    {
        foreach (var check in checks)
        {
            foreach (var resource in unit.OfType(check.Type))
            {
                if (check.AppliesTo is { } applies && !applies(resource))
                {
                    continue;
                }

                var judgement = check.Whole is { } whole ? whole(resource) : check.Judge(resource.ValuesAt(check.Path));
                yield return Finding(resource, judgement, RuleKit.Say(judgement, resource, Documentation.Title, pass, fail), check.Path);
            }
        }
    }
}
