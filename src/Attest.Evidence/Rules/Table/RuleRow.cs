using Attest.Core.Findings;
using Attest.Core.Text;

namespace Attest.Evidence.Rules.Table;

/// <summary>A condition a resource must meet for a row to judge it (a Redis cache, an application load balancer…).</summary>
/// <param name="Path">The property path, dot-separated, <c>*</c> for every element of a list.</param>
/// <param name="Is">What the value must be for the row to apply.</param>
public sealed record Condition(string Path, Expectation Is);

/// <summary>
/// A resource another one makes exempt by naming it: a bucket that receives access logs need not log itself (nor can it use
/// SSE-KMS), so a row skips a bucket named as the target of a logging configuration.
/// </summary>
/// <param name="Type">The type of the resource that names it.</param>
/// <param name="Reference">The path, on that resource, of the reference.</param>
/// <param name="When">A condition that resource must meet, or null.</param>
public sealed record Exemption(string Type, string Reference, Condition? When = null);

/// <summary>
/// Where one resource type carries a row's setting, and what counts as good. Targets of the same type in a row must all
/// pass, except a target marked <see cref="Or"/>, an alternative to the one before it (either passes).
/// </summary>
public sealed record RowTarget
{
    /// <summary>The resource type: <c>AWS::DocDB::DBCluster</c> or <c>aws_docdb_cluster</c>.</summary>
    public required string Type { get; init; }

    /// <summary>The property path, dot-separated, <c>*</c> for every element of a list (Terraform blocks are lists).</summary>
    public required string Path { get; init; }

    /// <summary>What counts as good.</summary>
    public required Expectation Good { get; init; }

    /// <summary>
    /// When the setting lives on a separate resource that names this one (<c>aws_s3_bucket_logging</c> naming its bucket,
    /// <c>AWS::SecretsManager::RotationSchedule</c> naming its secret): that resource's type; <see cref="Path"/> is then read on it.
    /// </summary>
    public string? Via { get; init; }

    /// <summary>With <see cref="Via"/>: the path, on the separate resource, of the reference to this one (<c>bucket</c>).</summary>
    public string ViaReference { get; init; } = "";

    /// <summary>An alternative to the previous target of the same type: either passing is enough.</summary>
    public bool Or { get; init; }

    /// <summary>Conditions the resource must meet for the row to judge it (all of them); none means always.</summary>
    public IReadOnlyList<Condition> When { get; init; } = [];

    /// <summary>Resources that, by naming this one, make it exempt (checked with <see cref="When"/>, on the first target of a type).</summary>
    public IReadOnlyList<Exemption> Unless { get; init; } = [];

    /// <summary><c>cloudformation</c> or <c>terraform</c>, from the type.</summary>
    public string Framework => Type.StartsWith("AWS::", StringComparison.Ordinal) ? "cloudformation" : "terraform";

    /// <summary>The path as segments.</summary>
    public string[] Segments => Path.Length == 0 ? [] : Path.Split('.');

    /// <summary>What is expected, in both languages, as documentation and messages say it.</summary>
    public LocalizedString Describe()
    {
        var good = Good.Describe(Path.Length == 0 ? Via ?? Type : Path);
        return Via is null || Path.Length == 0 ? good : new($"{good.En} on a {Via}", $"{good.Fr} sur un {Via}");
    }
}

/// <summary>
/// One row of a rule family: a rule, with its id, topic, texts in both languages, equivalents in other tools, and where
/// each resource type carries the setting. <see cref="RuleTable"/> holds the rows; <see cref="TableRule"/> judges them.
/// </summary>
public sealed record RuleRow
{
    /// <summary>Stable rule id, e.g. <c>docdb-encrypted</c>.</summary>
    public required string Id { get; init; }

    /// <summary>The family (<see cref="RuleFamilies"/>), e.g. <c>encryption-at-rest</c>.</summary>
    public required string Family { get; init; }

    /// <summary>The topic it speaks to (<see cref="Topics"/>).</summary>
    public required string Topic { get; init; }

    /// <summary>How much a failure weighs.</summary>
    public required Severity Severity { get; init; }

    /// <summary>A short title, a statement of the good state.</summary>
    public required LocalizedString Title { get; init; }

    /// <summary>Why it matters.</summary>
    public required LocalizedString Description { get; init; }

    /// <summary>
    /// The same check in other tools (checkov ids, AWS Config / Guard rule names). Only checks that judge the same thing,
    /// never a stricter one: a row that accepts an AWS managed key does not claim a check that demands a customer managed one.
    /// </summary>
    public IReadOnlyList<string> Equivalents { get; init; } = [];

    /// <summary>Where each resource type carries the setting.</summary>
    public required IReadOnlyList<RowTarget> Targets { get; init; }
}

/// <summary>The rule families, in documentation order, with what each is about in both languages.</summary>
public static class RuleFamilies
{
    /// <summary>Every family.</summary>
    public static IReadOnlyDictionary<string, LocalizedString> All { get; } = new Dictionary<string, LocalizedString>(StringComparer.Ordinal)
    {
        ["encryption-at-rest"] = new("Data stores encrypt what they keep.", "Les magasins de données chiffrent ce qu'ils conservent."),
        ["customer-managed-key"] = new("The stricter variant: data stores encrypt with a key the customer manages (not an AWS owned or AWS managed key).", "La variante plus stricte : les magasins de données chiffrent avec une clé gérée par le client (et non une clé détenue ou gérée par AWS)."),
        ["encryption-in-transit"] = new("Connections use TLS, with a current policy.", "Les connexions utilisent TLS, avec une stratégie actuelle."),
        ["logging-tracing"] = new("Services record access logs, audit logs and traces.", "Les services enregistrent journaux d'accès, journaux d'audit et traces."),
        ["public-exposure"] = new("Endpoints, snapshots, images and network rules are not open to the whole internet.", "Points de terminaison, instantanés, images et règles réseau ne sont pas ouverts à tout Internet."),
        ["backup-retention"] = new("Data has backups kept for a while, versions, and protection against deletion.", "Les données ont des sauvegardes conservées un temps, des versions et une protection contre la suppression."),
        ["multi-az"] = new("Stateful services run in more than one Availability Zone.", "Les services avec état s'exécutent dans plus d'une zone de disponibilité."),
        ["key-rotation"] = new("Keys and secrets rotate.", "Les clés et les secrets tournent."),
        ["container-images"] = new("Container images are scanned and their tags do not move.", "Les images de conteneur sont analysées et leurs étiquettes ne bougent pas."),
        ["instance-metadata"] = new("Instances require the session-based instance metadata service (IMDSv2).", "Les instances exigent le service de métadonnées à session (IMDSv2)."),
    };
}
