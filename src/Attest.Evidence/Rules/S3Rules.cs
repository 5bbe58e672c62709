using Attest.Core.Findings;
using Attest.Core.Text;
using Attest.Evidence.Iam;
using Attest.Evidence.Model;

namespace Attest.Evidence.Rules;

/// <summary>Where a bucket's settings live: on the bucket (CloudFormation, older Terraform) or on resources that name it (Terraform AWS provider 4+).</summary>
internal static class Buckets
{
    public const string CfnBucket = "AWS::S3::Bucket";
    public const string TfBucket = "aws_s3_bucket";

    public static IEnumerable<IIacResource> All(ScanUnit unit) => unit.OfType(CfnBucket, TfBucket);

    /// <summary>Terraform resources of <paramref name="type"/> attached to <paramref name="bucket"/> through their <c>bucket</c> argument.</summary>
    public static List<IIacResource> Attached(ScanUnit unit, IIacResource bucket, string type) => unit.Referencing(bucket, type, "bucket").ToList();

    private static readonly string[] TfPolicy = ["policy"];
    private static readonly string[] CfnPolicy = ["PolicyDocument"];

    /// <summary>The bucket policies that apply to <paramref name="bucket"/>, with the path of their document.</summary>
    public static IEnumerable<(IIacResource Policy, string[] Path)> Policies(ScanUnit unit, IIacResource bucket) => bucket.Framework == "terraform"
        ? Attached(unit, bucket, "aws_s3_bucket_policy").Select(p => (p, TfPolicy)).Concat(bucket.ValuesAt(TfPolicy).Values.Any(v => !v.IsAbsent) ? [(bucket, TfPolicy)] : Array.Empty<(IIacResource, string[])>())
        : unit.Referencing(bucket, "AWS::S3::BucketPolicy", "Bucket").Select(p => (p, CfnPolicy));
}

/// <summary>Topic s3-public-access: the bucket-level public access block, all four settings.</summary>
internal sealed class S3PublicAccessBlockRule : IacRule
{
    private static readonly string[] Settings = ["BlockPublicAcls", "BlockPublicPolicy", "IgnorePublicAcls", "RestrictPublicBuckets"];
    private static readonly string[] TfSettings = ["block_public_acls", "block_public_policy", "ignore_public_acls", "restrict_public_buckets"];
    private static readonly Phrase Pass = new("Bucket {0} blocks public access with all four settings.", "Le compartiment {0} bloque l'accès public avec les quatre paramètres.");
    private static readonly Phrase Fail = new("Bucket {0} does not block public access with all four settings (BlockPublicAcls, BlockPublicPolicy, IgnorePublicAcls, RestrictPublicBuckets).", "Le compartiment {0} ne bloque pas l'accès public avec les quatre paramètres (BlockPublicAcls, BlockPublicPolicy, IgnorePublicAcls, RestrictPublicBuckets).");

    public override RuleDocumentation Documentation { get; } = new()
    {
        Id = "s3-public-access-block",
        Topic = "s3-public-access",
        Title = new("S3 bucket blocks public access", "Le compartiment S3 bloque l'accès public"),
        Rationale = new("A bucket created in the engagement must not be able to become public by an ACL or a policy; the four public access block settings prevent it at the bucket level.", "Un compartiment créé pendant la mission ne doit pas pouvoir devenir public par une ACL ou une stratégie ; les quatre paramètres de blocage de l'accès public l'empêchent au niveau du compartiment."),
        Fix = new("Set PublicAccessBlockConfiguration (CloudFormation) or an aws_s3_bucket_public_access_block (Terraform) with all four settings true.", "Définissez PublicAccessBlockConfiguration (CloudFormation) ou un aws_s3_bucket_public_access_block (Terraform) avec les quatre paramètres à true."),
        Severity = Severity.High,
        Equivalents = ["CKV_AWS_53", "CKV_AWS_54", "CKV_AWS_55", "CKV_AWS_56", "S3_BUCKET_LEVEL_PUBLIC_ACCESS_PROHIBITED", "S3_BUCKET_PUBLIC_READ_PROHIBITED", "S3_BUCKET_PUBLIC_WRITE_PROHIBITED", "AVD-AWS-0086", "AVD-AWS-0087", "AVD-AWS-0091", "AVD-AWS-0093", "AVD-AWS-0094"],
        ResourceTypes = [Buckets.CfnBucket, Buckets.TfBucket, "aws_s3_bucket_public_access_block"],
    };

    public override IEnumerable<EvidenceFinding> Check(ScanUnit unit)
    {
        foreach (var bucket in unit.OfType(Buckets.CfnBucket))
        {
            var judgement = Judgement.All(Settings.Select(s => RuleKit.IsTrue(bucket.ValuesAt("PublicAccessBlockConfiguration", s))).ToArray());
            yield return Finding(bucket, judgement, RuleKit.Say(judgement, bucket, Documentation.Title, Pass, Fail), "PublicAccessBlockConfiguration");
        }

        foreach (var bucket in unit.OfType(Buckets.TfBucket))
        {
            var blocks = Buckets.Attached(unit, bucket, "aws_s3_bucket_public_access_block");
            var judgement = blocks.Count == 0
                ? Judgement.Fail
                : Judgement.Any(blocks.Select(b => Judgement.All(TfSettings.Select(s => RuleKit.IsTrue(b.ValuesAt(s))).ToArray())).ToArray());
            yield return Finding(blocks.Count == 1 ? blocks[0] : bucket, judgement, RuleKit.Say(judgement, bucket, Documentation.Title, Pass, Fail)) with { Resource = bucket.Address, ResourceType = bucket.Type };
        }
    }
}

/// <summary>Topic s3-public-access: no public-read, public-write or authenticated-read canned ACL.</summary>
internal sealed class S3NoPublicAclRule : IacRule
{
    private static readonly HashSet<string> PublicAcls = new(StringComparer.OrdinalIgnoreCase) { "PublicRead", "PublicReadWrite", "AuthenticatedRead", "public-read", "public-read-write", "authenticated-read" };
    private static readonly Phrase Pass = new("Bucket {0} has no public canned ACL.", "Le compartiment {0} n'a pas d'ACL prédéfinie publique.");
    private static readonly Phrase Fail = new("Bucket {0} grants access to everyone or to any AWS user through its canned ACL.", "Le compartiment {0} donne accès à tous ou à tout utilisateur AWS par son ACL prédéfinie.");

    public override RuleDocumentation Documentation { get; } = new()
    {
        Id = "s3-no-public-acl",
        Topic = "s3-public-access",
        Title = new("S3 bucket has no public ACL", "Le compartiment S3 n'a pas d'ACL publique"),
        Rationale = new("A public-read, public-write or authenticated-read ACL opens the bucket beyond least privilege.", "Une ACL public-read, public-write ou authenticated-read ouvre le compartiment au-delà du moindre privilège."),
        Fix = new("Remove AccessControl / acl, or set it to Private; grant access through IAM or a scoped bucket policy.", "Supprimez AccessControl / acl, ou mettez-le à Private ; accordez l'accès par IAM ou une stratégie de compartiment ciblée."),
        Severity = Severity.High,
        // Not the guard rules S3_BUCKET_PUBLIC_READ_ACL and S3_BUCKET_NO_PUBLIC_RW_ACL: each passes the other's ACL (PublicReadWrite,
        // PublicRead), while this rule refuses every public canned ACL; their labelled cases disagree with it by design.
        Equivalents = ["CKV_AWS_20", "CKV_AWS_57", "AVD-AWS-0092"],
        ResourceTypes = [Buckets.CfnBucket, Buckets.TfBucket, "aws_s3_bucket_acl"],
    };

    public override IEnumerable<EvidenceFinding> Check(ScanUnit unit)
    {
        foreach (var bucket in Buckets.All(unit))
        {
            var cfn = bucket.Framework == "cloudformation";
            var path = cfn ? "AccessControl" : "acl";
            var judgements = new List<Judgement> { RuleKit.Text(bucket.ValuesAt(path), acl => !PublicAcls.Contains(acl), whenAbsent: true) };
            if (!cfn)
            {
                judgements.AddRange(Buckets.Attached(unit, bucket, "aws_s3_bucket_acl").Select(a => RuleKit.Text(a.ValuesAt("acl"), acl => !PublicAcls.Contains(acl), whenAbsent: true)));
            }

            var judgement = Judgement.All([.. judgements]);
            yield return Finding(bucket, judgement, RuleKit.Say(judgement, bucket, Documentation.Title, Pass, Fail), path);
        }
    }
}

/// <summary>Topic s3-public-alert: a mechanism alerts when a bucket becomes public (Config rule, Access Analyzer, or an EventBridge rule on the public-access API calls).</summary>
internal sealed class S3PublicAlertRule : IacRule
{
    private static readonly string[] ConfigRules = ["S3_BUCKET_PUBLIC_READ_PROHIBITED", "S3_BUCKET_PUBLIC_WRITE_PROHIBITED", "S3_BUCKET_LEVEL_PUBLIC_ACCESS_PROHIBITED", "S3_ACCOUNT_LEVEL_PUBLIC_ACCESS_BLOCKS", "S3_ACCOUNT_LEVEL_PUBLIC_ACCESS_BLOCKS_PERIODIC", "S3_BUCKET_POLICY_NOT_MORE_PERMISSIVE", "S3_BUCKET_ACL_PROHIBITED"];
    private static readonly string[] PublicCalls = ["PutBucketPolicy", "PutBucketAcl", "PutBucketPublicAccessBlock", "DeleteBucketPublicAccessBlock", "DeleteBucketPolicy", "PutAccountPublicAccessBlock", "DeleteAccountPublicAccessBlock", "PutObjectAcl"];
    private static readonly Phrase Pass = new("{0} alerts when a bucket becomes public.", "{0} alerte lorsqu'un compartiment devient public.");
    private static readonly Phrase Fail = new("{0}: buckets are created but nothing alerts when one becomes public (no Config rule, Access Analyzer or EventBridge rule on the public-access API calls).", "{0} : des compartiments sont créés mais rien n'alerte si l'un devient public (ni règle Config, ni Access Analyzer, ni règle EventBridge sur les appels d'API d'accès public).");

    public override RuleDocumentation Documentation { get; } = new()
    {
        Id = "s3-public-alert",
        Topic = "s3-public-alert",
        Title = new("An alert fires when a bucket becomes public", "Une alerte se déclenche quand un compartiment devient public"),
        Rationale = new("The checklist asks for monitoring or alerts that identify when a bucket becomes public, not only for controls that prevent it.", "La liste de contrôle demande une surveillance ou des alertes qui signalent qu'un compartiment devient public, pas seulement des contrôles qui l'empêchent."),
        Fix = new("Deploy an AWS Config managed rule (e.g. S3_BUCKET_LEVEL_PUBLIC_ACCESS_PROHIBITED), an IAM Access Analyzer, or an EventBridge rule on PutBucketPolicy/PutBucketAcl/PutBucketPublicAccessBlock calls with a notification target.", "Déployez une règle gérée AWS Config (par ex. S3_BUCKET_LEVEL_PUBLIC_ACCESS_PROHIBITED), un IAM Access Analyzer, ou une règle EventBridge sur les appels PutBucketPolicy/PutBucketAcl/PutBucketPublicAccessBlock avec une cible de notification."),
        Severity = Severity.Medium,
        Equivalents = [],
        ResourceTypes = ["AWS::Config::ConfigRule", "AWS::AccessAnalyzer::Analyzer", "AWS::Events::Rule", "aws_config_config_rule", "aws_accessanalyzer_analyzer", "aws_cloudwatch_event_rule"],
    };

    public override IEnumerable<EvidenceFinding> Check(ScanUnit unit)
    {
        var buckets = Buckets.All(unit).ToList();
        if (buckets.Count == 0)
        {
            yield break;
        }

        var alert = unit.OfType("AWS::AccessAnalyzer::Analyzer", "aws_accessanalyzer_analyzer").FirstOrDefault()
            ?? unit.OfType("AWS::Config::ConfigRule").FirstOrDefault(r => r.ValuesAt("Source", "SourceIdentifier").Values.Any(v => v.Text is { } t && ConfigRules.Contains(t, StringComparer.OrdinalIgnoreCase)))
            ?? unit.OfType("aws_config_config_rule").FirstOrDefault(r => r.ValuesAt("source", "*", "source_identifier").Values.Any(v => v.Text is { } t && ConfigRules.Contains(t, StringComparer.OrdinalIgnoreCase)))
            ?? unit.OfType("AWS::Events::Rule", "aws_cloudwatch_event_rule").FirstOrDefault(r => r.ValuesAt(r.Framework == "cloudformation" ? "EventPattern" : "event_pattern").Values.Any(v => MentionsPublicCall(v.Value)));
        if (alert is not null)
        {
            yield return Finding(alert, Judgement.Pass, Pass.With(alert.Address));
        }
        else
        {
            yield return Finding(buckets[0], Judgement.Fail, Fail.With(buckets[0].Address)) with { Resource = buckets[0].Address };
        }
    }

    private static bool MentionsPublicCall(object? value) => value switch
    {
        string s => PublicCalls.Any(c => s.Contains(c, StringComparison.Ordinal)),
        IReadOnlyList<object?> list => list.Any(MentionsPublicCall),
        IReadOnlyDictionary<string, object?> map => map.Values.Any(MentionsPublicCall),
        _ => false,
    };
}

/// <summary>Topic encryption-at-rest: default encryption at rest on every bucket.</summary>
internal sealed class S3DefaultEncryptionRule : IacRule
{
    private static readonly Phrase Pass = new("Bucket {0} encrypts objects by default.", "Le compartiment {0} chiffre les objets par défaut.");
    private static readonly Phrase Fail = new("Bucket {0} declares no default encryption.", "Le compartiment {0} ne déclare pas de chiffrement par défaut.");

    public override RuleDocumentation Documentation { get; } = new()
    {
        Id = "s3-default-encryption",
        Topic = "encryption-at-rest",
        Title = new("S3 bucket has default encryption", "Le compartiment S3 a un chiffrement par défaut"),
        Rationale = new("Sensitive data must be encrypted at rest; declaring the bucket's default encryption makes it explicit and auditable.", "Les données sensibles doivent être chiffrées au repos ; déclarer le chiffrement par défaut du compartiment le rend explicite et vérifiable."),
        Fix = new("Set BucketEncryption (CloudFormation) or aws_s3_bucket_server_side_encryption_configuration (Terraform) with AES256 or aws:kms.", "Définissez BucketEncryption (CloudFormation) ou aws_s3_bucket_server_side_encryption_configuration (Terraform) avec AES256 ou aws:kms."),
        Severity = Severity.Medium,
        Equivalents = ["CKV_AWS_19", "CKV_AWS_145", "S3_BUCKET_SERVER_SIDE_ENCRYPTION_ENABLED", "AVD-AWS-0088", "W41"],
        ResourceTypes = [Buckets.CfnBucket, Buckets.TfBucket, "aws_s3_bucket_server_side_encryption_configuration"],
    };

    public override IEnumerable<EvidenceFinding> Check(ScanUnit unit)
    {
        static bool? Algorithm(PossibleValue v) => v.IsAbsent ? false : v.Text is { } t ? t.Length > 0 : null;
        foreach (var bucket in unit.OfType(Buckets.CfnBucket))
        {
            var judgement = Judgement.Of(bucket.ValuesAt("BucketEncryption", "ServerSideEncryptionConfiguration", "*", "ServerSideEncryptionByDefault", "SSEAlgorithm"), Algorithm);
            yield return Finding(bucket, judgement, RuleKit.Say(judgement, bucket, Documentation.Title, Pass, Fail), "BucketEncryption");
        }

        foreach (var bucket in unit.OfType(Buckets.TfBucket))
        {
            string[] inner = ["rule", "*", "apply_server_side_encryption_by_default", "*", "sse_algorithm"];
            var candidates = new List<Judgement> { Judgement.Of(bucket.ValuesAt(["server_side_encryption_configuration", "*", .. inner]), Algorithm) };
            candidates.AddRange(Buckets.Attached(unit, bucket, "aws_s3_bucket_server_side_encryption_configuration").Select(c => Judgement.Of(c.ValuesAt(inner), Algorithm)));
            var judgement = Judgement.Any([.. candidates]);
            yield return Finding(bucket, judgement, RuleKit.Say(judgement, bucket, Documentation.Title, Pass, Fail));
        }
    }
}

/// <summary>Topic encryption-in-transit: the bucket policy denies requests that do not use TLS.</summary>
internal sealed class S3TlsOnlyRule : IacRule
{
    private static readonly Phrase Pass = new("Bucket {0} denies requests that do not use TLS.", "Le compartiment {0} refuse les requêtes qui n'utilisent pas TLS.");
    private static readonly Phrase Fail = new("Bucket {0} accepts requests without TLS: no policy statement denies aws:SecureTransport false.", "Le compartiment {0} accepte des requêtes sans TLS : aucune déclaration ne refuse aws:SecureTransport false.");

    public override RuleDocumentation Documentation { get; } = new()
    {
        Id = "s3-tls-only",
        Topic = "encryption-in-transit",
        Title = new("S3 bucket requires TLS", "Le compartiment S3 exige TLS"),
        Rationale = new("Data must be encrypted in transit; a bucket policy denying aws:SecureTransport false enforces it.", "Les données doivent être chiffrées en transit ; une stratégie de compartiment refusant aws:SecureTransport false l'impose."),
        Fix = new("Add a Deny statement for all principals and s3:* with the condition Bool aws:SecureTransport false.", "Ajoutez une déclaration Deny pour tous les principaux et s3:* avec la condition Bool aws:SecureTransport false."),
        Severity = Severity.Medium,
        Equivalents = ["S3_BUCKET_SSL_REQUESTS_ONLY"],
        ResourceTypes = [Buckets.CfnBucket, Buckets.TfBucket, "AWS::S3::BucketPolicy", "aws_s3_bucket_policy"],
    };

    public override IEnumerable<EvidenceFinding> Check(ScanUnit unit)
    {
        var judged = new HashSet<IIacResource>();
        foreach (var bucket in Buckets.All(unit))
        {
            var policies = Buckets.Policies(unit, bucket).ToList();
            judged.UnionWith(policies.Select(p => p.Policy));
            var judgement = policies.Count == 0 ? Judgement.Fail : Judgement.Any(policies.Select(p => Judge(p.Policy, p.Path)).ToArray());
            yield return Finding(bucket, judgement, RuleKit.Say(judgement, bucket, Documentation.Title, Pass, Fail));
        }

        // A policy for a bucket made elsewhere (a parameter, an import, another stack) is judged on its own
        foreach (var policy in unit.OfType("AWS::S3::BucketPolicy", "aws_s3_bucket_policy").Where(p => !judged.Contains(p)))
        {
            var cfn = policy.Framework == "cloudformation";
            string[] path = [cfn ? "PolicyDocument" : "policy"];
            var judgement = Judge(policy, path);
            var bucket = policy is IReferencingResource r && r.ReferencedResources(cfn ? "Bucket" : "bucket") is [var first, ..] ? first : policy.Address;
            yield return Finding(policy, judgement, RuleKit.Say(judgement, new Named(policy, bucket), Documentation.Title, Pass, Fail), path);
        }
    }

    private static Judgement Judge(IIacResource policy, string[] path) => Judgement.Of(policy.ValuesAt(path), v => PolicyDocument.From(v.Value) is not { } d ? null
        : DeniesInsecureTransport(d) ? true
        : DeniesInsecureTransport(PolicyDocument.From(v.Value, assumeWorst: true)!) ? null : false);

    private static bool DeniesInsecureTransport(PolicyDocument document) => document.Statements.Any(s => !s.IsAllow
        && s.Conditions.Any(c => (c.Key.StartsWith("Bool", StringComparison.OrdinalIgnoreCase))
            && c.Value.Any(k => string.Equals(k.Key, "aws:SecureTransport", StringComparison.OrdinalIgnoreCase) && k.Value.Contains("false", StringComparer.OrdinalIgnoreCase))));
}

/// <summary>Topic cross-region-recovery: the bucket replicates to another bucket.</summary>
internal sealed class S3ReplicationRule : IacRule
{
    private static readonly Phrase Pass = new("Bucket {0} replicates its objects.", "Le compartiment {0} réplique ses objets.");
    private static readonly Phrase Fail = new("Bucket {0} has no replication configuration.", "Le compartiment {0} n'a pas de configuration de réplication.");

    public override RuleDocumentation Documentation { get; } = new()
    {
        Id = "s3-replication",
        Topic = "cross-region-recovery",
        Title = new("S3 bucket replicates to another bucket", "Le compartiment S3 est répliqué vers un autre compartiment"),
        Rationale = new("Continuous replication to another Region is one of the mechanisms that lets data survive a lasting regional outage.", "La réplication continue vers une autre Région est l'un des mécanismes qui permettent aux données de survivre à une panne régionale durable."),
        Fix = new("Add ReplicationConfiguration (CloudFormation) or aws_s3_bucket_replication_configuration (Terraform) to a bucket in another Region.", "Ajoutez ReplicationConfiguration (CloudFormation) ou aws_s3_bucket_replication_configuration (Terraform) vers un compartiment d'une autre Région."),
        Severity = Severity.Low,
        Equivalents = ["CKV_AWS_144", "S3_BUCKET_REPLICATION_ENABLED"],
        ResourceTypes = [Buckets.CfnBucket, Buckets.TfBucket, "aws_s3_bucket_replication_configuration"],
    };

    public override IEnumerable<EvidenceFinding> Check(ScanUnit unit)
    {
        foreach (var bucket in Buckets.All(unit))
        {
            var judgement = bucket.Framework == "cloudformation"
                ? RuleKit.IsSet(bucket.ValuesAt("ReplicationConfiguration", "Rules"))
                : Judgement.Any([RuleKit.IsSet(bucket.ValuesAt("replication_configuration")), .. Buckets.Attached(unit, bucket, "aws_s3_bucket_replication_configuration").Select(r => RuleKit.IsSet(r.ValuesAt("rule")))]);
            yield return Finding(bucket, judgement, RuleKit.Say(judgement, bucket, Documentation.Title, Pass, Fail));
        }
    }
}
