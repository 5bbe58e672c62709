using Attest.Core.Findings;
using Attest.Core.Text;
using Attest.Evidence.Iam;
using Attest.Evidence.Model;

namespace Attest.Evidence.Rules;

/// <summary>Where policy documents live in templates and modules.</summary>
internal static class Policies
{
    /// <summary>Every identity policy document of the unit, with the resource that holds it and its path.</summary>
    public static IEnumerable<(IIacResource Holder, string[] Path)> Identity(ScanUnit unit)
    {
        foreach (var r in unit.OfType("AWS::IAM::Policy", "AWS::IAM::ManagedPolicy"))
        {
            yield return (r, ["PolicyDocument"]);
        }

        foreach (var r in unit.OfType("AWS::IAM::Role", "AWS::IAM::User", "AWS::IAM::Group"))
        {
            yield return (r, ["Policies", "*", "PolicyDocument"]);
        }

        foreach (var r in unit.OfType("aws_iam_policy", "aws_iam_role_policy", "aws_iam_user_policy", "aws_iam_group_policy"))
        {
            yield return (r, ["policy"]);
        }

        foreach (var r in unit.OfType("aws_iam_role"))
        {
            yield return (r, ["inline_policy", "*", "policy"]);
        }
    }

    /// <summary>
    /// Judges every policy at a holder's path: fails when a document matches <paramref name="bad"/> whatever its unknown
    /// parts are, passes when it does not match even with every unknown part read as <c>"*"</c>, and is unknown otherwise.
    /// </summary>
    public static Judgement Judge(IIacResource holder, string[] path, Func<PolicyDocument, bool> bad) =>
        Judgement.Of(holder.ValuesAt(path), v =>
        {
            if (v.IsAbsent)
            {
                return true;
            }

            if (Documents(v.Value, assumeWorst: false) is not { } known || Documents(v.Value, assumeWorst: true) is not { } worst)
            {
                return null;
            }

            var badEvenSo = known.Any(bad);
            var badAtWorst = worst.Any(bad);
            return badEvenSo ? false : badAtWorst ? null : true;
        });

    // A path ending under "*" yields the list of documents rather than one document
    private static List<PolicyDocument>? Documents(object? value, bool assumeWorst)
    {
        if (PolicyDocument.From(value, assumeWorst) is { } single)
        {
            return [single];
        }

        if (value is IReadOnlyList<object?> list)
        {
            var documents = list.Select(item => PolicyDocument.From(item, assumeWorst)).ToList();
            return documents.All(d => d is not null) ? documents.Select(d => d!).ToList() : null;
        }

        return null;
    }
}

/// <summary>VAL-2.9: least privilege in IAM policies.</summary>
internal static class IamRules
{
    // Each set, allowed together on every resource, lets a principal raise its own privileges
    private static readonly string[][] Escalations =
    [
        ["iam:CreatePolicyVersion"], ["iam:SetDefaultPolicyVersion"], ["iam:AttachUserPolicy"], ["iam:AttachGroupPolicy"], ["iam:AttachRolePolicy"],
        ["iam:PutUserPolicy"], ["iam:PutGroupPolicy"], ["iam:PutRolePolicy"], ["iam:CreateAccessKey"], ["iam:CreateLoginProfile"], ["iam:UpdateLoginProfile"],
        ["iam:AddUserToGroup"], ["iam:UpdateAssumeRolePolicy", "sts:AssumeRole"], ["iam:PassRole", "ec2:RunInstances"], ["iam:PassRole", "lambda:CreateFunction", "lambda:InvokeFunction"],
        ["iam:PassRole", "lambda:CreateFunction", "lambda:CreateEventSourceMapping"], ["iam:PassRole", "cloudformation:CreateStack"], ["iam:PassRole", "glue:CreateDevEndpoint"],
        ["iam:PassRole", "datapipeline:CreatePipeline", "datapipeline:PutPipelineDefinition"], ["lambda:UpdateFunctionCode"], ["glue:UpdateDevEndpoint"],
    ];

    private static RuleDocumentation Doc(string id, string title, string titleFr, string rationale, string rationaleFr, string fix, string fixFr, Severity severity, params string[] equivalents) =>
        RuleKit.Doc(id, "VAL-2.9", title, titleFr, rationale, rationaleFr, fix, fixFr, severity, equivalents);

    public static IEnumerable<IacRule> All()
    {
        yield return new PolicyRule(
            Doc("iam-no-admin", "No policy allows every action on every resource", "Aucune stratégie n'autorise toutes les actions sur toutes les ressources",
                "\"Action\": \"*\" on \"Resource\": \"*\" is administrator access, the opposite of least privilege.", "« Action »: « * » sur « Resource »: « * » est un accès administrateur, l'inverse du moindre privilège.",
                "List the actions and resources the principal needs; use IAM Access Analyzer policy generation from CloudTrail activity.", "Listez les actions et ressources dont le principal a besoin ; générez la stratégie avec IAM Access Analyzer à partir de l'activité CloudTrail.",
                Severity.High, "CKV_AWS_62", "CKV_AWS_1", "IAM_POLICY_NO_STATEMENTS_WITH_ADMIN_ACCESS", "IAM_MANAGEDPOLICY_NO_STATEMENTS_WITH_ADMIN_ACCESS", "AVD-AWS-0057"),
            new("The policies of {0} allow no action on every resource.", "Les stratégies de {0} n'autorisent pas toutes les actions sur toutes les ressources."),
            new("A policy of {0} allows every action on every resource.", "Une stratégie de {0} autorise toutes les actions sur toutes les ressources."),
            d => d.Allows.Any(s => !s.ActionIsNegated && s.Actions.Any(a => a is "*" or "*:*") && s.CoversAllResources));

        yield return new PolicyRule(
            Doc("iam-no-service-wildcard", "No policy allows every action of a service", "Aucune stratégie n'autorise toutes les actions d'un service",
                "\"s3:*\" or \"dynamodb:*\" grants far more than an application needs, including deletion and permission changes.", "« s3:* » ou « dynamodb:* » accorde bien plus que ce dont une application a besoin, y compris la suppression et la modification des droits.",
                "Replace service:* with the specific actions used.", "Remplacez service:* par les actions précises utilisées.",
                Severity.Medium, "CKV_AWS_63", "IAM_POLICY_NO_STATEMENTS_WITH_FULL_ACCESS", "IAM_MANAGEDPOLICY_NO_STATEMENTS_WITH_FULL_ACCESS", "F4", "F5"),
            new("The policies of {0} name actions, not whole services.", "Les stratégies de {0} nomment des actions, pas des services entiers."),
            new("A policy of {0} allows every action of a service (service:*).", "Une stratégie de {0} autorise toutes les actions d'un service (service:*)."),
            // "*" is every action of every service, so it is a service wildcard too, whatever the resource
            d => d.Allows.Any(s => !s.ActionIsNegated && s.Actions.Any(a => a == "*" || a.EndsWith(":*", StringComparison.Ordinal))));

        yield return new PolicyRule(
            Doc("iam-passrole-wildcard", "iam:PassRole is not allowed on every role", "iam:PassRole n'est pas autorisé sur tous les rôles",
                "Passing any role to a service lets a principal act with that role's permissions, including administrator roles.", "Transmettre n'importe quel rôle à un service permet d'agir avec les droits de ce rôle, y compris les rôles administrateurs.",
                "Restrict iam:PassRole to the ARNs of the roles the workload must pass.", "Limitez iam:PassRole aux ARN des rôles que la charge de travail doit transmettre.",
                Severity.High, "IAM_POLICY_NO_WILDCARD_RESOURCE_ON_PASSROLE", "IAM_ROLE_NO_WILDCARD_RESOURCE_ON_PASSROLE", "CKV_AWS_286", "F38", "F39"),
            new("The policies of {0} do not allow iam:PassRole on every role.", "Les stratégies de {0} n'autorisent pas iam:PassRole sur tous les rôles."),
            new("A policy of {0} allows iam:PassRole on every role.", "Une stratégie de {0} autorise iam:PassRole sur tous les rôles."),
            // A condition (iam:PassedToService, iam:AssociatedResourceArn…) scopes the pass, as AWS recommends
            d => d.Allows.Any(s => s.CoversAction("iam:PassRole") && s.CoversAllResources && !s.HasScopingCondition));

        yield return new PolicyRule(
            Doc("iam-privilege-escalation", "No policy allows a known privilege escalation", "Aucune stratégie ne permet une élévation de privilèges connue",
                "Some actions let a principal grant itself more rights (new policy versions, attaching policies, passing roles to compute, login profiles…).", "Certaines actions permettent à un principal de s'accorder plus de droits (nouvelles versions de stratégie, attachement de stratégies, transmission de rôles au calcul, profils de connexion…).",
                "Remove these actions or scope them to specific resources, and add conditions or permission boundaries.", "Supprimez ces actions ou limitez-les à des ressources précises, et ajoutez des conditions ou des limites d'autorisations.",
                Severity.High, "CKV_AWS_110", "CKV_AWS_286", "CKV_AWS_287"),
            new("The policies of {0} allow no known privilege escalation.", "Les stratégies de {0} ne permettent pas d'élévation de privilèges connue."),
            new("A policy of {0} allows a known privilege escalation (e.g. iam:CreatePolicyVersion, iam:Attach*Policy, iam:PassRole with compute).", "Une stratégie de {0} permet une élévation de privilèges connue (par ex. iam:CreatePolicyVersion, iam:Attach*Policy, iam:PassRole avec du calcul)."),
            d => Escalations.Any(set => set.All(action => d.Allows.Any(s => s.CoversAction(action) && s.CoversAllResources))));

        yield return new TrustPolicyRule();
        yield return new UserPoliciesRule();
    }

    /// <summary>A rule that fails a policy holder when one of its documents matches a predicate.</summary>
    private sealed class PolicyRule(RuleDocumentation documentation, Phrase pass, Phrase fail, Func<PolicyDocument, bool> bad) : IacRule
    {
        public override RuleDocumentation Documentation { get; } = documentation with
        {
            ResourceTypes = ["AWS::IAM::Policy", "AWS::IAM::ManagedPolicy", "AWS::IAM::Role", "AWS::IAM::User", "AWS::IAM::Group", "aws_iam_policy", "aws_iam_role_policy", "aws_iam_user_policy", "aws_iam_group_policy", "aws_iam_role"],
        };

        public override IEnumerable<EvidenceFinding> Check(ScanUnit unit)
        {
            foreach (var (holder, path) in Policies.Identity(unit))
            {
                var judgement = Policies.Judge(holder, path, bad);
                if (judgement.Outcome == FindingOutcome.Pass && holder.ValuesAt(path).Values.All(v => v.IsAbsent))
                {
                    continue;
                }

                yield return Finding(holder, judgement, RuleKit.Say(judgement, holder, Documentation.Title, pass, fail), path[0]);
            }
        }
    }

    /// <summary>VAL-2.9: role trust policies do not let anyone assume the role.</summary>
    private sealed class TrustPolicyRule : IacRule
    {
        private static readonly Phrase Pass = new("Role {0} can be assumed only by named principals.", "Le rôle {0} ne peut être assumé que par des principaux nommés.");
        private static readonly Phrase Fail = new("Role {0} can be assumed by any principal (\"*\") without a condition.", "Le rôle {0} peut être assumé par n'importe quel principal (« * ») sans condition.");

        public override RuleDocumentation Documentation { get; } = Doc("iam-trust-no-wildcard", "Role trust policies name who may assume the role", "Les stratégies d'approbation des rôles nomment qui peut assumer le rôle",
            "A trust policy with Principal \"*\" and no condition lets any AWS account assume the role.", "Une stratégie d'approbation avec le principal « * » sans condition permet à n'importe quel compte AWS d'assumer le rôle.",
            "Name the accounts, roles or services allowed, and require sts:ExternalId for third parties.", "Nommez les comptes, rôles ou services autorisés, et exigez sts:ExternalId pour les tiers.",
            Severity.High, "CKV_AWS_60", "CKV_AWS_61", "IAM_ROLE_NO_FULL_ACCESS_ON_TRUST_POLICY", "F2") with
        {
            ResourceTypes = ["AWS::IAM::Role", "aws_iam_role"],
        };

        public override IEnumerable<EvidenceFinding> Check(ScanUnit unit)
        {
            foreach (var role in unit.OfType("AWS::IAM::Role", "aws_iam_role"))
            {
                string[] path = role.Framework == "cloudformation" ? ["AssumeRolePolicyDocument"] : ["assume_role_policy"];
                var judgement = Policies.Judge(role, path, d => d.Allows.Any(s => s.HasWildcardPrincipal && !s.HasScopingCondition));
                yield return Finding(role, judgement, RuleKit.Say(judgement, role, Documentation.Title, Pass, Fail), path);
            }
        }
    }

    /// <summary>VAL-2.9: permissions go to roles and groups, not to users.</summary>
    private sealed class UserPoliciesRule : IacRule
    {
        private static readonly Phrase Pass = new("User {0} has no policy of its own.", "L'utilisateur {0} n'a pas de stratégie propre.");
        private static readonly Phrase Fail = new("{0} attaches policies directly to a user.", "{0} attache des stratégies directement à un utilisateur.");

        public override RuleDocumentation Documentation { get; } = Doc("iam-no-user-policies", "Policies are not attached to users", "Les stratégies ne sont pas attachées aux utilisateurs",
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
