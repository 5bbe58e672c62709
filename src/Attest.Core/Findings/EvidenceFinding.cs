using Attest.Core.Documents;
using Attest.Core.Text;

namespace Attest.Core.Findings;

/// <summary>What a check found about one resource.</summary>
public enum FindingOutcome
{
    /// <summary>The resource supports the checklist item.</summary>
    Pass,

    /// <summary>The resource contradicts the checklist item.</summary>
    Fail,

    /// <summary>The code does not say: a value nobody can know before deployment, or a reference that cannot be followed.</summary>
    Unknown,
}

/// <summary>How much a failure weighs.</summary>
public enum Severity
{
    /// <summary>Worth fixing; rarely decisive at the audit.</summary>
    Low,

    /// <summary>An auditor will ask about it.</summary>
    Medium,

    /// <summary>Contradicts the item outright.</summary>
    High,
}

/// <summary>Wire names of the findings vocabulary.</summary>
public static class FindingNames
{
    /// <summary>Outcomes: <c>pass</c>, <c>fail</c>, <c>unknown</c>.</summary>
    public static WireNames<FindingOutcome> Outcomes { get; } = new(
        (FindingOutcome.Pass, "pass", "pass", "conforme"),
        (FindingOutcome.Fail, "fail", "fail", "non conforme"),
        (FindingOutcome.Unknown, "unknown", "unknown", "indéterminé"));

    /// <summary>Severities: <c>low</c>, <c>medium</c>, <c>high</c>.</summary>
    public static WireNames<Severity> Severities { get; } = new(
        (Severity.Low, "low", "low", "faible"),
        (Severity.Medium, "medium", "medium", "moyenne"),
        (Severity.High, "high", "high", "élevée"));
}

/// <summary>
/// One finding of an evidence analyzer: which rule, which topic, which resource, where, and how the value it
/// judged was obtained. Analyzers produce them; readiness folds them into the items' verdicts.
/// </summary>
public sealed record EvidenceFinding
{
    /// <summary>The rule's id.</summary>
    public required string RuleId { get; init; }

    /// <summary>
    /// The topic the finding speaks to (<see cref="Topics"/>), e.g. <c>s3-public-access</c>; catalog items list the topics
    /// that are evidence for them.
    /// </summary>
    public required string Topic { get; init; }

    /// <summary>Pass, fail or unknown.</summary>
    public required FindingOutcome Outcome { get; init; }

    /// <summary>The rule's severity.</summary>
    public required Severity Severity { get; init; }

    /// <summary>The resource: a CloudFormation logical id or a Terraform address; empty for a finding about a whole file.</summary>
    public required string Resource { get; init; }

    /// <summary>The resource type, e.g. <c>AWS::S3::Bucket</c> or <c>aws_s3_bucket</c>.</summary>
    public required string ResourceType { get; init; }

    /// <summary>The file, as given to the analyzer.</summary>
    public required string File { get; init; }

    /// <summary>1-based line.</summary>
    public required int Line { get; init; }

    /// <summary>1-based column.</summary>
    public required int Column { get; init; }

    /// <summary>What was found, in both languages.</summary>
    public required Message Message { get; init; }

    /// <summary>How the judged value was obtained: <c>literal</c>, <c>default</c>, <c>allowed-value</c>, <c>branch</c>, <c>variables</c>, <c>plan</c>, or <c>report</c> (another tool's report said it).</summary>
    public string Source { get; init; } = "literal";

    /// <summary>For a value that is not a literal: which parameter, default or branch it came from.</summary>
    public string? How { get; init; }

    /// <summary><c>cloudformation</c> or <c>terraform</c>; for a finding read from another tool's report, the tool: <c>checkov</c>, <c>prowler</c>, <c>securityhub</c>.</summary>
    public string Framework { get; init; } = "";
}
