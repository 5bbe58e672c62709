namespace Attest.Benchmarks;

/// <summary>The shared corpus, read in place (never copied into the repository): the folder <c>X/shared/corpus</c> found by walking up from the binaries.</summary>
public static class SharedCorpus
{
    /// <summary>The corpus folder; throws with a clear message when it cannot be found.</summary>
    public static string Root { get; } = Find();

    /// <summary>The CloudFormation templates (aws-cloudformation-templates).</summary>
    public static string CloudFormation => Path.Combine(Root, "cloudformation");

    /// <summary>The Terraform modules (terraform-aws-modules).</summary>
    public static string Terraform => Path.Combine(Root, "terraform");

    private static string Find()
    {
        for (var folder = new DirectoryInfo(AppContext.BaseDirectory); folder is not null; folder = folder.Parent)
        {
            var candidate = Path.Combine(folder.FullName, "shared", "corpus");
            if (Directory.Exists(candidate))
            {
                return candidate;
            }
        }

        throw new DirectoryNotFoundException($"no shared/corpus folder above {AppContext.BaseDirectory}");
    }
}
