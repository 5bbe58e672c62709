using Attest.Core.Findings;
using Attest.Core.Text;
using Attest.Evidence.Model;

namespace Attest.Evidence.Rules;

/// <summary>What a rule is, for <c>attest rules</c>, SARIF and the web application: in both languages, with its equivalents elsewhere.</summary>
public sealed record RuleDocumentation
{
    /// <summary>Stable id, e.g. <c>s3-public-access-block</c>.</summary>
    public required string Id { get; init; }

    /// <summary>The topic it speaks to (<see cref="Topics"/>), e.g. <c>s3-public-access</c>; catalogs map topics to their items.</summary>
    public required string Topic { get; init; }

    /// <summary>A short title.</summary>
    public required LocalizedString Title { get; init; }

    /// <summary>Why it matters for the item.</summary>
    public required LocalizedString Rationale { get; init; }

    /// <summary>How to fix a failure.</summary>
    public required LocalizedString Fix { get; init; }

    /// <summary>How much a failure weighs.</summary>
    public required Severity Severity { get; init; }

    /// <summary>The same check in other tools (checkov, AWS Guard Rules Registry, trivy…), or empty when none has it.</summary>
    public IReadOnlyList<string> Equivalents { get; init; } = [];

    /// <summary>The resource types it looks at, per framework.</summary>
    public IReadOnlyList<string> ResourceTypes { get; init; } = [];
}

/// <summary>A check over the resources of one scanned unit (a template, a Terraform module, a plan).</summary>
public abstract class IacRule
{
    /// <summary>What the rule is.</summary>
    public abstract RuleDocumentation Documentation { get; }

    /// <summary>The findings for <paramref name="unit"/>: one per resource the rule applies to.</summary>
    public abstract IEnumerable<EvidenceFinding> Check(ScanUnit unit);

    /// <summary>A finding of this rule about <paramref name="resource"/>, located at <paramref name="path"/> when given.</summary>
    protected EvidenceFinding Finding(IIacResource resource, Judgement judgement, Message message, params string[] path)
    {
        var at = path.Length == 0 ? resource.Location : resource.LocationOf(path);
        var decisive = judgement.Decisive;
        return new EvidenceFinding
        {
            RuleId = Documentation.Id,
            Topic = Documentation.Topic,
            Outcome = judgement.Outcome,
            Severity = Documentation.Severity,
            Resource = resource.Address,
            ResourceType = resource.Type,
            File = at.File,
            Line = at.Line,
            Column = at.Column,
            Message = message,
            Source = decisive is null ? "literal" : SourceName(decisive.Source),
            How = decisive?.How is { } how && resource.Multiplicity is { } many ? $"{how}; {many}" : decisive?.How ?? resource.Multiplicity,
            Framework = resource.Framework,
        };
    }

    /// <summary>The wire name of a value source.</summary>
    public static string SourceName(ValueSource source) => source switch
    {
        ValueSource.Default => "default",
        ValueSource.AllowedValue => "allowed-value",
        ValueSource.Branch => "branch",
        ValueSource.Variables => "variables",
        ValueSource.Plan => "plan",
        _ => "literal",
    };
}

/// <summary>The resources of one scanned unit, with the look-ups rules share.</summary>
public sealed class ScanUnit(IacDocument document)
{
    private readonly ILookup<string, IIacResource> byType = document.Resources.ToLookup(r => r.Type, StringComparer.Ordinal);
    private readonly Dictionary<string, ILookup<string, IIacResource>> references = new(StringComparer.Ordinal);

    /// <summary>The document.</summary>
    public IacDocument Document { get; } = document;

    /// <summary>The resources of one of <paramref name="types"/>, in file order.</summary>
    public IEnumerable<IIacResource> OfType(params string[] types) => types.Length == 1 ? byType[types[0]] : Document.Resources.Where(r => types.Contains(r.Type, StringComparer.Ordinal));

    /// <summary>Whether any resource of one of <paramref name="types"/> exists.</summary>
    public bool Any(params string[] types) => types.Any(t => byType[t].Any());

    /// <summary>
    /// The resources of type <paramref name="type"/> whose value at <paramref name="path"/> refers to <paramref name="target"/>
    /// (a Terraform <c>aws_s3_bucket_public_access_block</c> naming its bucket, a CloudFormation bucket policy naming its bucket).
    /// </summary>
    public IEnumerable<IIacResource> Referencing(IIacResource target, string type, params string[] path)
    {
        // One index per (type, path), built on first use: asking for each target in turn stays linear in the resources
        var key = type + "\u001f" + string.Join('\u001f', path);
        if (!references.TryGetValue(key, out var index))
        {
            index = byType[type].SelectMany(r => References(r, path).Distinct(StringComparer.Ordinal).Select(address => (Address: address, Resource: r)))
                .ToLookup(p => p.Address, p => p.Resource, StringComparer.Ordinal);
            references[key] = index;
        }

        return index[target.Address];
    }

    private static IReadOnlyList<string> References(IIacResource resource, string[] path) => resource switch
    {
        IReferencingResource referencing => referencing.ReferencedResources(path),
        _ => [],
    };
}
