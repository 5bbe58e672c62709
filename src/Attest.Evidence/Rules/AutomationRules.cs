using Attest.Core.Findings;
using Attest.Core.Text;
using Attest.Evidence.Model;

namespace Attest.Evidence.Rules;

/// <summary>Topics deployment-automation and interactive-access: the infrastructure is code, and instances are managed without interactive sessions.</summary>
internal static class AutomationRules
{
    public static IEnumerable<IacRule> All()
    {
        yield return new InfrastructureAsCodeRule();
        yield return new SessionManagerRule();
    }

    /// <summary>A template or module with resources is itself evidence that provisioning is programmatic.</summary>
    private sealed class InfrastructureAsCodeRule : IacRule
    {
        private static readonly Phrase Pass = new("{0} resources are declared as code ({1}).", "{0} ressources sont déclarées sous forme de code ({1}).");

        public override RuleDocumentation Documentation { get; } = new()
        {
            Id = "iac-present",
            Topic = "deployment-automation",
            Title = new("Infrastructure is provisioned as code", "L'infrastructure est provisionnée sous forme de code"),
            Rationale = new("The checklist asks that all provisioning and changes of AWS resources go through programmatic mechanisms such as CloudFormation or Terraform.", "La liste de contrôle demande que tout provisionnement et toute modification des ressources AWS passent par des mécanismes programmatiques comme CloudFormation ou Terraform."),
            Fix = new("Describe every resource of the workload in CloudFormation or Terraform and deploy it through a pipeline.", "Décrivez chaque ressource de la charge de travail en CloudFormation ou Terraform et déployez-la par un pipeline."),
            Severity = Severity.Low,
            ResourceTypes = ["*"],
        };

        public override IEnumerable<EvidenceFinding> Check(ScanUnit unit)
        {
            var resources = unit.Document.Resources;
            // Policies exported from an account are evidence about IAM, not code that provisions anything
            if (resources.Count == 0 || unit.Document.Framework == Iam.PolicyResource.FrameworkName)
            {
                yield break;
            }

            var first = resources[0];
            yield return Finding(first, Judgement.Pass, Pass.With(resources.Count, unit.Document.Framework)) with { Resource = "", ResourceType = "", Line = 1, Column = 1, File = first.Location.File };
        }
    }

    /// <summary>Instance roles that carry the Systems Manager core policy make Session Manager the way in, instead of SSH.</summary>
    private sealed class SessionManagerRule : IacRule
    {
        private static readonly Phrase Pass = new("Role {0} lets instances be managed through Systems Manager (AmazonSSMManagedInstanceCore).", "Le rôle {0} permet de gérer les instances par Systems Manager (AmazonSSMManagedInstanceCore).");

        public override RuleDocumentation Documentation { get; } = new()
        {
            Id = "ssm-session-manager",
            Topic = "interactive-access",
            Title = new("Instances are managed through Systems Manager", "Les instances sont gérées par Systems Manager"),
            Rationale = new("Session Manager and Run Command replace interactive SSH/RDP for operations, with every session logged.", "Session Manager et Run Command remplacent SSH/RDP interactifs pour l'exploitation, chaque session étant journalisée."),
            Fix = new("Attach the AmazonSSMManagedInstanceCore managed policy to the instance role.", "Attachez la stratégie gérée AmazonSSMManagedInstanceCore au rôle de l'instance."),
            Severity = Severity.Low,
            ResourceTypes = ["AWS::IAM::Role", "aws_iam_role", "aws_iam_role_policy_attachment"],
        };

        public override IEnumerable<EvidenceFinding> Check(ScanUnit unit)
        {
            foreach (var role in unit.OfType("AWS::IAM::Role", "aws_iam_role"))
            {
                var path = role.Framework == "cloudformation" ? "ManagedPolicyArns" : "managed_policy_arns";
                if (Mentions(role.ValuesAt(path)))
                {
                    yield return Finding(role, Judgement.Pass, Pass.With(role.Address), path);
                }
            }

            foreach (var attachment in unit.OfType("aws_iam_role_policy_attachment"))
            {
                if (Mentions(attachment.ValuesAt("policy_arn")))
                {
                    yield return Finding(attachment, Judgement.Pass, Pass.With(attachment.Address), "policy_arn");
                }
            }
        }

        private static bool Mentions(ValueSet values) => values.Values.Any(v => v.Value switch
        {
            string s => s.Contains("AmazonSSMManagedInstanceCore", StringComparison.Ordinal),
            IReadOnlyList<object?> list => list.OfType<string>().Any(s => s.Contains("AmazonSSMManagedInstanceCore", StringComparison.Ordinal)),
            _ => false,
        });
    }
}
