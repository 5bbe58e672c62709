using System.Globalization;
using Attest.Core.Findings;
using Attest.Core.Text;
using Attest.Evidence.Iam;
using Attest.Evidence.Model;

namespace Attest.Evidence.Rules;

/// <summary>A policy document inside a resource: where it is, what it is for, and the name shown for it in messages.</summary>
internal sealed record PolicyHolder(IIacResource Resource, string[] Path, PolicyKind Kind, string Shown);

/// <summary>Where policy documents live in templates, modules and policy files.</summary>
internal static class Policies
{
    /// <summary>Every identity policy document of the unit.</summary>
    public static IEnumerable<PolicyHolder> Identity(ScanUnit unit) => Holders(unit, PolicyKind.Identity,
        ("AWS::IAM::Policy", ["PolicyDocument"]), ("AWS::IAM::ManagedPolicy", ["PolicyDocument"]),
        ("AWS::IAM::Role", ["Policies", "*", "PolicyDocument"]), ("AWS::IAM::User", ["Policies", "*", "PolicyDocument"]), ("AWS::IAM::Group", ["Policies", "*", "PolicyDocument"]),
        ("aws_iam_policy", ["policy"]), ("aws_iam_role_policy", ["policy"]), ("aws_iam_user_policy", ["policy"]), ("aws_iam_group_policy", ["policy"]),
        ("aws_iam_role", ["inline_policy", "*", "policy"]), (PolicyResource.IdentityType, ["Document"]));

    /// <summary>The union of each principal's policies in an authorization-details export.</summary>
    public static IEnumerable<PolicyHolder> Principals(ScanUnit unit) => Holders(unit, PolicyKind.Identity, (PolicyResource.PrincipalType, ["Document"]));

    /// <summary>Every role trust policy of the unit.</summary>
    public static IEnumerable<PolicyHolder> Trust(ScanUnit unit) => Holders(unit, PolicyKind.Trust,
        ("AWS::IAM::Role", ["AssumeRolePolicyDocument"]), ("aws_iam_role", ["assume_role_policy"]), (PolicyResource.TrustType, ["Document"]));

    /// <summary>Every bucket policy of the unit, named by its bucket when it refers to one.</summary>
    public static IEnumerable<PolicyHolder> Buckets(ScanUnit unit) => Holders(unit, PolicyKind.Resource,
        ("AWS::S3::BucketPolicy", ["PolicyDocument"]), ("aws_s3_bucket_policy", ["policy"]), ("aws_s3_bucket", ["policy"]), (PolicyResource.BucketType, ["Document"]))
        .Select(h => h.Resource is IReferencingResource r && h.Resource.Type != "aws_s3_bucket" && r.ReferencedResources(h.Resource.Framework == "cloudformation" ? "Bucket" : "bucket") is [var bucket, ..] ? h with { Shown = bucket } : h);

    /// <summary>Every key, queue and topic policy of the unit, and resource policies of other services read from files.</summary>
    public static IEnumerable<PolicyHolder> OtherResources(ScanUnit unit) => Holders(unit, PolicyKind.Resource,
        ("AWS::KMS::Key", ["KeyPolicy"]), ("AWS::SQS::QueuePolicy", ["PolicyDocument"]), ("AWS::SNS::TopicPolicy", ["PolicyDocument"]),
        ("aws_kms_key", ["policy"]), ("aws_sqs_queue_policy", ["policy"]), ("aws_sqs_queue", ["policy"]), ("aws_sns_topic_policy", ["policy"]), ("aws_sns_topic", ["policy"]),
        (PolicyResource.KeyType, ["Document"]), (PolicyResource.QueueType, ["Document"]), (PolicyResource.TopicType, ["Document"]), (PolicyResource.OtherResourceType, ["Document"]));

    /// <summary>Every policy document of the unit, whatever it is for.</summary>
    public static IEnumerable<PolicyHolder> All(ScanUnit unit) => Identity(unit).Concat(Trust(unit)).Concat(Buckets(unit)).Concat(OtherResources(unit));

    /// <summary>The resource types the holders of <paramref name="kinds"/> come from.</summary>
    public static IReadOnlyList<string> TypesOf(params Func<ScanUnit, IEnumerable<PolicyHolder>>[] kinds) =>
        kinds.Contains(Identity) || kinds.Contains(All) ? [.. IdentityTypes, .. Extra(kinds)] : [.. Extra(kinds)];

    private static readonly string[] IdentityTypes = ["AWS::IAM::Policy", "AWS::IAM::ManagedPolicy", "AWS::IAM::Role", "AWS::IAM::User", "AWS::IAM::Group", "aws_iam_policy", "aws_iam_role_policy", "aws_iam_user_policy", "aws_iam_group_policy", "aws_iam_role", PolicyResource.IdentityType];

    private static IEnumerable<string> Extra(Func<ScanUnit, IEnumerable<PolicyHolder>>[] kinds)
    {
        var all = kinds.Contains(All);
        if (kinds.Contains(Principals))
        {
            yield return PolicyResource.PrincipalType;
        }

        if (all || kinds.Contains(Trust))
        {
            yield return "AWS::IAM::Role";
            yield return "aws_iam_role";
            yield return PolicyResource.TrustType;
        }

        if (all || kinds.Contains(Buckets))
        {
            foreach (var type in new[] { "AWS::S3::BucketPolicy", "aws_s3_bucket_policy", "aws_s3_bucket", PolicyResource.BucketType })
            {
                yield return type;
            }
        }

        if (all || kinds.Contains(OtherResources))
        {
            foreach (var type in new[] { "AWS::KMS::Key", "AWS::SQS::QueuePolicy", "AWS::SNS::TopicPolicy", "aws_kms_key", "aws_sqs_queue_policy", "aws_sqs_queue", "aws_sns_topic_policy", "aws_sns_topic", PolicyResource.KeyType, PolicyResource.QueueType, PolicyResource.TopicType, PolicyResource.OtherResourceType })
            {
                yield return type;
            }
        }
    }

    private static IEnumerable<PolicyHolder> Holders(ScanUnit unit, PolicyKind kind, params (string Type, string[] Path)[] places)
    {
        foreach (var resource in unit.OfType([.. places.Select(p => p.Type).Distinct()]))
        {
            foreach (var (_, path) in places.Where(p => p.Type == resource.Type))
            {
                var star = Array.IndexOf(path, "*");
                foreach (var expanded in Expand(resource, path))
                {
                    // An inline policy of a role, user or group is named beside its holder: "AppRole (policy deploy)"
                    var name = star < 0 || expanded[star] == "*" ? null
                        : resource.ValuesAt([.. expanded[..(star + 1)], resource.Framework == "cloudformation" ? "PolicyName" : "name"]).Values is [var named, ..] ? named.Text : null;
                    yield return new PolicyHolder(resource, expanded, kind, name is null ? resource.Address : $"{resource.Address} (policy {name})");
                }
            }
        }
    }

    // A path through a list ("Policies", "*", …) becomes one path per element, so that each document is located and named
    private static IEnumerable<string[]> Expand(IIacResource resource, string[] path)
    {
        var star = Array.IndexOf(path, "*");
        if (star < 0)
        {
            yield return path;
            yield break;
        }

        var lists = resource.ValuesAt(path[..star]).Values;
        if (lists.Any(v => v.IsUnknown || v.Value is not (null or IReadOnlyList<object?>)))
        {
            yield return path;
            yield break;
        }

        var count = lists.Max(v => v.Value is IReadOnlyList<object?> list ? list.Count : 0);
        for (var i = 0; i < count; i++)
        {
            foreach (var each in Expand(resource, [.. path[..star], i.ToString(CultureInfo.InvariantCulture), .. path[(star + 1)..]]))
            {
                yield return each;
            }
        }
    }
}

/// <summary>
/// A least-privilege check (one of <see cref="PolicyChecks"/>, named by the rule id) over the policy documents of one kind:
/// one failure per statement or combination found, else one pass (or unknown) per document, so that a clean policy is
/// positive evidence. A document fails when it fails whatever its unknown parts are, passes when it passes even with
/// every unknown part read as <c>"*"</c>, and is unknown otherwise.
/// </summary>
internal sealed class PolicyCheckRule(RuleDocumentation documentation, Phrase pass, Phrase fail, params Func<ScanUnit, IEnumerable<PolicyHolder>>[] holders) : IacRule
{
    public override RuleDocumentation Documentation { get; } = documentation with { ResourceTypes = Policies.TypesOf(holders) };

    public override IEnumerable<EvidenceFinding> Check(ScanUnit unit)
    {
        // A resource's documents (a role's inline policies and its trust policy) are judged together: every failure, else one verdict
        foreach (var group in holders.SelectMany(h => h(unit)).GroupBy(h => h.Resource))
        {
            var judged = group.DistinctBy(h => string.Join('/', h.Path)).Where(h => h.Resource.ValuesAt(h.Path).Values.Any(v => !v.IsAbsent)).ToList();
            if (judged.Count == 0)
            {
                continue;
            }

            var failures = new List<EvidenceFinding>();
            PossibleValue? unknown = null;
            PossibleValue? notLiteral = null;
            foreach (var holder in judged)
            {
                failures.AddRange(Judge(holder, ref unknown, ref notLiteral));
            }

            if (failures.Count > 0)
            {
                foreach (var failure in failures)
                {
                    yield return failure;
                }

                continue;
            }

            var first = judged[0];
            var judgement = unknown is not null ? new Judgement(FindingOutcome.Unknown, unknown) : new Judgement(FindingOutcome.Pass, notLiteral);
            var shown = judged.Count == 1 && first.Shown != first.Resource.Address ? new Named(first.Resource, first.Shown) : first.Resource;
            yield return Finding(first.Resource, judgement, RuleKit.Say(judgement, shown, Documentation.Title, pass, fail, "", ""), first.Path);
        }
    }

    private List<EvidenceFinding> Judge(PolicyHolder holder, ref PossibleValue? unknown, ref PossibleValue? notLiteral)
    {
        var context = new PolicyContext(holder.Kind, (holder.Resource as PolicyResource)?.Account, (holder.Resource as PolicyResource)?.Parts);
        var failures = new List<(PolicyIssue Issue, PolicyDocument Document, PossibleValue Value)>();
        foreach (var value in holder.Resource.ValuesAt(holder.Path).Values.Where(v => !v.IsAbsent))
        {
            var known = value.IsUnknown ? null : PolicyDocument.From(value.Value);
            if (known is null)
            {
                unknown ??= value;
                continue;
            }

            var issues = PolicyChecks.Run(Documentation.Id, known, context).ToList();
            if (issues.Count > 0)
            {
                failures.AddRange(issues.Where(i => !failures.Exists(f => f.Issue == i)).Select(i => (i, known, value)));
            }
            else if (PolicyDocument.From(value.Value, assumeWorst: true) is not { } worst || PolicyChecks.Run(Documentation.Id, worst, context).Any())
            {
                unknown ??= value;
            }
            else if (value.Source != ValueSource.Literal)
            {
                notLiteral ??= value;
            }
        }

        return failures.Select(f => Finding(holder.Resource, new Judgement(FindingOutcome.Fail, f.Value), fail.With(holder.Shown, PolicyChecks.Describe(f.Document, f.Issue.Statement), f.Issue.Detail),
            [.. holder.Path, "Statement", f.Issue.Statement.ToString(CultureInfo.InvariantCulture)])).ToList();
    }
}

/// <summary>Topics least-privilege, privilege-escalation, trust-policy, resource-policy-access (and s3-public-access for buckets): least privilege in identity, trust and resource policies.</summary>
internal static class IamRules
{
    private static RuleDocumentation Doc(string id, string topic, string title, string titleFr, string rationale, string rationaleFr, string fix, string fixFr, Severity severity, params string[] equivalents) =>
        RuleKit.Doc(id, topic, title, titleFr, rationale, rationaleFr, fix, fixFr, severity, equivalents);

    /// <summary>Topic s3-public-access: no bucket policy lets anyone in.</summary>
    public static IacRule PublicBucketPolicy { get; } = new PolicyCheckRule(
        RuleKit.Doc(PolicyChecks.PublicBucket, "s3-public-access", "S3 bucket policy has no unconditioned wildcard principal", "La stratégie de compartiment S3 n'a pas de principal générique sans condition",
            "An Allow statement for Principal \"*\" (or NotPrincipal) without a condition that narrows the caller makes the bucket public.", "Une déclaration Allow pour le principal « * » (ou NotPrincipal) sans condition qui restreint l'appelant rend le compartiment public.",
            "Name the principals that need access, or add a condition on the caller (aws:SourceArn, aws:SourceAccount, aws:PrincipalOrgID, aws:SourceVpce, aws:SourceIp…).", "Nommez les principaux qui ont besoin d'accès, ou ajoutez une condition sur l'appelant (aws:SourceArn, aws:SourceAccount, aws:PrincipalOrgID, aws:SourceVpce, aws:SourceIp…).",
            Severity.High, "S3_BUCKET_POLICY_NO_WILDCARD_PRINCIPAL", "CKV_AWS_70", "F16"),
        new("The policy of bucket {0} allows no unconditioned wildcard principal.", "La stratégie du compartiment {0} n'autorise aucun principal générique sans condition."),
        new("The policy of bucket {0} lets any principal in without a condition on the caller: statement {1} allows {2}.", "La stratégie du compartiment {0} laisse entrer n'importe quel principal sans condition sur l'appelant : la déclaration {1} autorise {2}."),
        Policies.Buckets);

    public static IEnumerable<IacRule> All()
    {
        yield return new PolicyCheckRule(
            Doc(PolicyChecks.Admin, "least-privilege", "No policy allows every action on every resource", "Aucune stratégie n'autorise toutes les actions sur toutes les ressources",
                "\"Action\": \"*\" on \"Resource\": \"*\" is administrator access, the opposite of least privilege.", "« Action »: « * » sur « Resource »: « * » est un accès administrateur, l'inverse du moindre privilège.",
                "List the actions and resources the principal needs; use IAM Access Analyzer policy generation from CloudTrail activity.", "Listez les actions et ressources dont le principal a besoin ; générez la stratégie avec IAM Access Analyzer à partir de l'activité CloudTrail.",
                Severity.High, "CKV_AWS_62", "CKV_AWS_1", "IAM_POLICY_NO_STATEMENTS_WITH_ADMIN_ACCESS", "IAM_MANAGEDPOLICY_NO_STATEMENTS_WITH_ADMIN_ACCESS", "AVD-AWS-0057"),
            new("The policies of {0} allow no action on every resource.", "Les stratégies de {0} n'autorisent pas toutes les actions sur toutes les ressources."),
            new("{0} allows every action on every resource (statement {1}).", "{0} autorise toutes les actions sur toutes les ressources (déclaration {1})."),
            Policies.Identity);

        yield return new PolicyCheckRule(
            Doc(PolicyChecks.ServiceWildcard, "least-privilege", "No policy allows every action of a service", "Aucune stratégie n'autorise toutes les actions d'un service",
                "\"s3:*\" or \"dynamodb:*\" grants far more than an application needs, including deletion and permission changes.", "« s3:* » ou « dynamodb:* » accorde bien plus que ce dont une application a besoin, y compris la suppression et la modification des droits.",
                "Replace service:* with the specific actions used.", "Remplacez service:* par les actions précises utilisées.",
                Severity.Medium, "CKV_AWS_63", "IAM_POLICY_NO_STATEMENTS_WITH_FULL_ACCESS", "IAM_MANAGEDPOLICY_NO_STATEMENTS_WITH_FULL_ACCESS", "F4", "F5"),
            new("The policies of {0} name actions, not whole services.", "Les stratégies de {0} nomment des actions, pas des services entiers."),
            new("{0} allows every action of a service: statement {1} grants {2}.", "{0} autorise toutes les actions d'un service : la déclaration {1} accorde {2}."),
            Policies.Identity);

        yield return new PolicyCheckRule(
            Doc(PolicyChecks.AllowNotAction, "least-privilege", "No Allow statement uses NotAction", "Aucune déclaration Allow n'utilise NotAction",
                "Allow with NotAction grants every action except those listed, including actions of services created later.", "Allow avec NotAction accorde toutes les actions sauf celles listées, y compris celles des services créés plus tard.",
                "List the allowed actions with Action; keep NotAction for Deny statements.", "Listez les actions autorisées avec Action ; réservez NotAction aux déclarations Deny.",
                // Not guard's IAM_ROLE_OR_POLICY_NO_ALLOW_PLUS_NOT_ACTION: its labelled roles carry a PolicyDocument property roles do not have
                Severity.Medium, "SQS_QUEUEPOLICY_NO_ALLOW_PLUS_NOT_ACTION", "W15", "W16", "W17", "W18"),
            new("The policies of {0} allow no action through NotAction.", "Les stratégies de {0} n'autorisent aucune action par NotAction."),
            new("{0} allows every action except some: statement {1} is Allow with NotAction ({2}).", "{0} autorise toutes les actions sauf quelques-unes : la déclaration {1} est un Allow avec NotAction ({2})."),
            Policies.All);

        yield return new PolicyCheckRule(
            Doc(PolicyChecks.AllowNotResource, "least-privilege", "No Allow statement uses NotResource", "Aucune déclaration Allow n'utilise NotResource",
                "Allow with NotResource grants the actions on every resource except those listed, including resources created later.", "Allow avec NotResource accorde les actions sur toutes les ressources sauf celles listées, y compris celles créées plus tard.",
                "List the resources with Resource; keep NotResource for Deny statements.", "Listez les ressources avec Resource ; réservez NotResource aux déclarations Deny.",
                // Not guard's IAM_ROLE_OR_POLICY_NO_ALLOW_PLUS_NOT_RESOURCE, for the same reason as NotAction
                Severity.Medium, "W21", "W22", "W23"),
            new("The policies of {0} allow nothing through NotResource.", "Les stratégies de {0} n'autorisent rien par NotResource."),
            new("{0} allows actions on every resource except some: statement {1} is Allow with NotResource ({2}).", "{0} autorise des actions sur toutes les ressources sauf quelques-unes : la déclaration {1} est un Allow avec NotResource ({2})."),
            Policies.All);

        yield return new PolicyCheckRule(
            Doc(PolicyChecks.PassRole, "privilege-escalation", "iam:PassRole is not allowed on every role", "iam:PassRole n'est pas autorisé sur tous les rôles",
                "Passing any role to a service lets a principal act with that role's permissions, including administrator roles.", "Transmettre n'importe quel rôle à un service permet d'agir avec les droits de ce rôle, y compris les rôles administrateurs.",
                "Restrict iam:PassRole to the ARNs of the roles the workload must pass, or add an iam:PassedToService condition.", "Limitez iam:PassRole aux ARN des rôles que la charge de travail doit transmettre, ou ajoutez une condition iam:PassedToService.",
                Severity.High, "IAM_POLICY_NO_WILDCARD_RESOURCE_ON_PASSROLE", "IAM_ROLE_NO_WILDCARD_RESOURCE_ON_PASSROLE", "CKV_AWS_286", "F38", "F39"),
            new("The policies of {0} do not allow iam:PassRole on every role.", "Les stratégies de {0} n'autorisent pas iam:PassRole sur tous les rôles."),
            new("{0} allows iam:PassRole on every role without a condition (statement {1}).", "{0} autorise iam:PassRole sur tous les rôles sans condition (déclaration {1})."),
            Policies.Identity);

        yield return new PolicyCheckRule(
            Doc(PolicyChecks.Escalation, "privilege-escalation", "No policy allows a known privilege escalation", "Aucune stratégie ne permet une élévation de privilèges connue",
                "Some actions let a principal grant itself more rights (new policy versions, attaching policies, passing roles to compute, login profiles…).", "Certaines actions permettent à un principal de s'accorder plus de droits (nouvelles versions de stratégie, attachement de stratégies, transmission de rôles au calcul, profils de connexion…).",
                "Remove these actions or scope them to specific resources, and add conditions or permission boundaries.", "Supprimez ces actions ou limitez-les à des ressources précises, et ajoutez des conditions ou des limites d'autorisations.",
                Severity.High, "CKV_AWS_110", "CKV_AWS_286", "CKV_AWS_287"),
            new("The policies of {0} allow no known privilege escalation.", "Les stratégies de {0} ne permettent pas d'élévation de privilèges connue."),
            new("{0} allows a known privilege escalation from statement {1}: {2} on every resource.", "{0} permet une élévation de privilèges connue à partir de la déclaration {1} : {2} sur toutes les ressources."),
            Policies.Identity, Policies.Principals);

        yield return new PolicyCheckRule(
            Doc(PolicyChecks.TrustOpen, "trust-policy", "Role trust policies name who may assume the role", "Les stratégies d'approbation des rôles nomment qui peut assumer le rôle",
                "A trust policy with Principal \"*\" and no condition on the caller lets any AWS account assume the role; so does trusting GitHub's OIDC provider without a condition on the repository (sub).", "Une stratégie d'approbation avec le principal « * » sans condition sur l'appelant permet à n'importe quel compte AWS d'assumer le rôle ; de même pour le fournisseur OIDC de GitHub sans condition sur le dépôt (sub).",
                "Name the accounts, roles or services allowed, and require sts:ExternalId for third parties.", "Nommez les comptes, rôles ou services autorisés, et exigez sts:ExternalId pour les tiers.",
                Severity.High, "CKV_AWS_60", "CKV_AWS_61", "IAM_ROLE_NO_FULL_ACCESS_ON_TRUST_POLICY", "F2"),
            new("Role {0} can be assumed only by named principals.", "Le rôle {0} ne peut être assumé que par des principaux nommés."),
            new("Role {0} can be assumed by anyone without a condition on the caller: statement {1} trusts {2}.", "Le rôle {0} peut être assumé par n'importe qui sans condition sur l'appelant : la déclaration {1} approuve {2}."),
            Policies.Trust);

        yield return new PolicyCheckRule(
            Doc(PolicyChecks.TrustExternalId, "trust-policy", "Roles trusted by another account require an external id", "Les rôles approuvés par un autre compte exigent un identifiant externe",
                "A role another account may assume without sts:ExternalId is open to the confused-deputy problem: a third party can be tricked into using it for someone else.", "Un rôle qu'un autre compte peut assumer sans sts:ExternalId est exposé au problème de l'adjoint confus : un tiers peut être amené à l'utiliser pour le compte de quelqu'un d'autre.",
                "Add a StringEquals condition on sts:ExternalId with the value agreed with the other account.", "Ajoutez une condition StringEquals sur sts:ExternalId avec la valeur convenue avec l'autre compte.",
                Severity.Medium),
            new("Role {0} is not assumed from another account without an external id.", "Le rôle {0} n'est pas assumé depuis un autre compte sans identifiant externe."),
            new("Role {0} can be assumed from another account without sts:ExternalId (statement {1}, account {2}).", "Le rôle {0} peut être assumé depuis un autre compte sans sts:ExternalId (déclaration {1}, compte {2})."),
            Policies.Trust);

        yield return new PolicyCheckRule(
            Doc(PolicyChecks.PublicResource, "resource-policy-access", "Key, queue and topic policies have no unconditioned wildcard principal", "Les stratégies de clé, file et rubrique n'ont pas de principal générique sans condition",
                "An Allow statement for Principal \"*\" without a condition on the caller lets any AWS account use the key, queue or topic.", "Une déclaration Allow pour le principal « * » sans condition sur l'appelant permet à n'importe quel compte AWS d'utiliser la clé, la file ou la rubrique.",
                "Name the principals, or add a condition on the caller (aws:SourceArn, aws:SourceAccount, aws:PrincipalOrgID, kms:CallerAccount…).", "Nommez les principaux, ou ajoutez une condition sur l'appelant (aws:SourceArn, aws:SourceAccount, aws:PrincipalOrgID, kms:CallerAccount…).",
                Severity.High, "SQS_QUEUEPOLICY_NO_WILDCARD_PRINCIPAL", "KMS_NO_WILDCARD_PRINCIPAL", "F21", "F76"),
            new("The resource policy of {0} allows no unconditioned wildcard principal.", "La stratégie de ressource de {0} n'autorise aucun principal générique sans condition."),
            new("The resource policy of {0} lets any principal in without a condition on the caller: statement {1} allows {2}.", "La stratégie de ressource de {0} laisse entrer n'importe quel principal sans condition sur l'appelant : la déclaration {1} autorise {2}."),
            Policies.OtherResources);

        yield return new UserPoliciesRule();
    }

    /// <summary>Topic least-privilege: permissions go to roles and groups, not to users.</summary>
    private sealed class UserPoliciesRule : IacRule
    {
        private static readonly Phrase Pass = new("User {0} has no policy of its own.", "L'utilisateur {0} n'a pas de stratégie propre.");
        private static readonly Phrase Fail = new("{0} attaches policies directly to a user.", "{0} attache des stratégies directement à un utilisateur.");

        public override RuleDocumentation Documentation { get; } = Doc("iam-no-user-policies", "least-privilege", "Policies are not attached to users", "Les stratégies ne sont pas attachées aux utilisateurs",
            "Granting through groups and roles keeps privileges reviewable; policies on individual users drift out of sight.", "Accorder par des groupes et des rôles garde les privilèges vérifiables ; les stratégies sur des utilisateurs individuels échappent à la revue.",
            "Attach the policies to a group or a role and put the user in the group.", "Attachez les stratégies à un groupe ou un rôle et placez l'utilisateur dans le groupe.",
            Severity.Low, "CKV_AWS_40", "IAM_USER_NO_POLICIES_CHECK", "IAM_NO_POLICY_ON_USER", "F10", "F11", "F12") with
        {
            ResourceTypes = ["AWS::IAM::User", "AWS::IAM::Policy", "AWS::IAM::ManagedPolicy", "aws_iam_user_policy", "aws_iam_user_policy_attachment", "aws_iam_policy_attachment"],
        };

        public override IEnumerable<EvidenceFinding> Check(ScanUnit unit)
        {
            foreach (var user in unit.OfType("AWS::IAM::User"))
            {
                var judgement = Judgement.All(Judgement.Of(user.ValuesAt("Policies"), Empty), Judgement.Of(user.ValuesAt("ManagedPolicyArns"), Empty));
                yield return Finding(user, judgement, RuleKit.Say(judgement, user, Documentation.Title, Pass, Fail));
            }

            foreach (var policy in unit.OfType("AWS::IAM::Policy", "AWS::IAM::ManagedPolicy"))
            {
                var judgement = Judgement.Of(policy.ValuesAt("Users"), Empty);
                if (judgement.Outcome != FindingOutcome.Pass)
                {
                    yield return Finding(policy, judgement, RuleKit.Say(judgement, policy, Documentation.Title, Pass, Fail), "Users");
                }
            }

            foreach (var attachment in unit.OfType("aws_iam_user_policy", "aws_iam_user_policy_attachment"))
            {
                yield return Finding(attachment, Judgement.Fail, Fail.With(attachment.Address));
            }

            foreach (var attachment in unit.OfType("aws_iam_policy_attachment"))
            {
                var judgement = Judgement.Of(attachment.ValuesAt("users"), Empty);
                if (judgement.Outcome != FindingOutcome.Pass)
                {
                    yield return Finding(attachment, judgement, RuleKit.Say(judgement, attachment, Documentation.Title, Pass, Fail), "users");
                }
            }
        }

        private static bool? Empty(PossibleValue value) => value.Value switch
        {
            null => true,
            IReadOnlyList<object?> list => list.Count == 0,
            UnknownValue => null,
            _ => false,
        };
    }
}
