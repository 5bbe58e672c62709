namespace Attest.Evidence.Tests.Rules;

/// <summary>The labelled data and the corpora in the shared folder.</summary>
internal static class LabeledData
{
    /// <summary>The <c>shared</c> folder, or an exception saying where it was looked for.</summary>
    public static string Shared => SharedFolder.Path();

    /// <summary>The AWS Guard Rules Registry rules, whose <c>tests/*_tests.yml</c> files are labelled templates.</summary>
    public static string GuardRules => Path.Combine(Shared, "labeled", "aws-guard-rules-registry", "rules", "aws");

    /// <summary>trivy's AWS checks, each <c>&lt;service&gt;/&lt;check&gt;.yaml</c> with good and bad snippets.</summary>
    public static string TrivyChecks => Path.Combine(Shared, "labeled", "trivy-checks", "checks", "cloud", "aws");

    /// <summary>The CloudFormation corpus.</summary>
    public static string CloudFormationCorpus => Path.Combine(Shared, "corpus", "cloudformation");

    /// <summary>The Terraform corpus.</summary>
    public static string TerraformCorpus => Path.Combine(Shared, "corpus", "terraform");
}
