using Attest.Core.Findings;

namespace Attest.Evidence.Rules.Table;

/// <summary>
/// The rule families as data: one row per rule, each naming the resource types it applies to, the CloudFormation property
/// and the Terraform attribute (or separate resource) that carry the setting, what counts as good, the topic and the
/// equivalents in other tools. <see cref="TableRule"/> judges every row; <c>docs/rules.md</c> is written from here.
/// </summary>
public static partial class RuleTable
{
    /// <summary>Every row, family by family.</summary>
    public static IReadOnlyList<RuleRow> Rows { get; } =
    [
        .. EncryptionAtRest(),
        .. CustomerManagedKeys(),
        .. EncryptionInTransit(),
        .. LoggingAndTracing(),
        .. PublicExposure(),
        .. BackupAndRetention(),
        .. MultiAz(),
        .. KeyRotation(),
        .. InstanceMetadata(),
        .. ContainerImages(),
    ];

    /// <summary>One rule per row.</summary>
    public static IReadOnlyList<IacRule> Rules { get; } = [.. Rows.Select(r => new TableRule(r))];

    private static RuleRow Row(string id, string family, string topic, Severity severity, string title, string titleFr, string why, string whyFr, string[] equivalents, params RowTarget[] targets) => new()
    {
        Id = id,
        Family = family,
        Topic = topic,
        Severity = severity,
        Title = new(title, titleFr),
        Description = new(why, whyFr),
        Equivalents = equivalents,
        Targets = targets,
    };

    private static RowTarget T(string type, string path, Expectation good, params Condition[] when) => new() { Type = type, Path = path, Good = good, When = when };

    private static RowTarget Via(string type, string via, string reference, string path, Expectation good) => new() { Type = type, Via = via, ViaReference = reference, Path = path, Good = good };

    private static RowTarget Or(RowTarget target) => target with { Or = true };

    // A bucket that receives server access logs: it does not log itself, and S3 cannot deliver logs to an SSE-KMS bucket
    private static RowTarget NotLogBucket(RowTarget target) => target.Framework == "cloudformation"
        ? target with
        {
            When = [.. target.When, If("AccessControl", Expectation.NoneOf("LogDeliveryWrite"))],
            Unless = [new Exemption("AWS::S3::Bucket", "LoggingConfiguration.DestinationBucketName")],
        }
        : target with
        {
            When = [.. target.When, If("acl", Expectation.NoneOf("log-delivery-write"))],
            Unless = [new Exemption("aws_s3_bucket_logging", "target_bucket"), new Exemption("aws_s3_bucket_acl", "bucket", If("acl", Expectation.OneOf("log-delivery-write")))],
        };

    private static Condition If(string path, Expectation expectation) => new(path, expectation);

    private static string[] Eq(params string[] equivalents) => equivalents;

    // Database engines: an instance that belongs to an Aurora cluster is judged through its cluster
    private static Condition NotClusterMemberCfn => If("DBClusterIdentifier", Expectation.Unset);
    private static Condition NotClusterMemberTf => If("cluster_identifier", Expectation.Unset);
}
