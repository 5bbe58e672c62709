namespace Attest.Evidence.Tests.Rules;

/// <summary>Finds the labelled data: a folder X above the test binaries such that X/shared/labeled exists.</summary>
internal static class LabeledData
{
    private static readonly Lazy<string?> Root = new(() => Locate("labeled"));

    /// <summary>The <c>shared</c> folder, or an exception saying where it was looked for.</summary>
    public static string Shared => Root.Value ?? throw new InvalidOperationException(
        $"The labelled data was not found: no folder above '{AppContext.BaseDirectory}' has 'shared/labeled'. " +
        "Place the shared folder beside the repository (<repo>/../shared/labeled).");

    /// <summary>The AWS Guard Rules Registry rules, whose <c>tests/*_tests.yml</c> files are labelled templates.</summary>
    public static string GuardRules => Path.Combine(Shared, "labeled", "aws-guard-rules-registry", "rules", "aws");

    /// <summary>trivy's AWS checks, each <c>&lt;service&gt;/&lt;check&gt;.yaml</c> with good and bad snippets.</summary>
    public static string TrivyChecks => Path.Combine(Shared, "labeled", "trivy-checks", "checks", "cloud", "aws");

    /// <summary>The CloudFormation corpus.</summary>
    public static string CloudFormationCorpus => Path.Combine(Shared, "corpus", "cloudformation");

    /// <summary>The Terraform corpus.</summary>
    public static string TerraformCorpus => Path.Combine(Shared, "corpus", "terraform");

    private static string? Locate(string below)
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (Directory.Exists(Path.Combine(dir.FullName, "shared", below)))
            {
                return Path.Combine(dir.FullName, "shared");
            }
        }

        return null;
    }
}
