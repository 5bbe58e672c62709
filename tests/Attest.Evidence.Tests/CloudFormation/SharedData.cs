namespace Attest.Evidence.Tests.CloudFormation;

/// <summary>Finds the shared data beside the repository: a folder X above the test binaries such that X/shared/corpus/cloudformation exists.</summary>
internal static class SharedData
{
    private static readonly Lazy<string?> Root = new(Locate);

    /// <summary>The CloudFormation corpus folder (aws-cloudformation-templates).</summary>
    public static string CorpusDirectory => Path.Combine(RequireRoot(), "corpus", "cloudformation");

    /// <summary>The AWS Guard Rules Registry rules folder with its labelled test files.</summary>
    public static string GuardRulesDirectory => Path.Combine(RequireRoot(), "labeled", "aws-guard-rules-registry", "rules", "aws");

    /// <summary>Every file of the corpus, in a stable order.</summary>
    public static IReadOnlyList<string> CorpusFiles() =>
        Directory.GetFiles(CorpusDirectory, "*", SearchOption.AllDirectories).Order(StringComparer.Ordinal).ToList();

    /// <summary>The corpus files that are templates by their extension.</summary>
    public static IReadOnlyList<string> CorpusTemplates() =>
        CorpusFiles().Where(f => Path.GetExtension(f) is ".json" or ".yaml" or ".yml").ToList();

    public static string Relative(string file) => Path.GetRelativePath(CorpusDirectory, file);

    private static string RequireRoot() =>
        Root.Value ?? throw new InvalidOperationException(
            $"The shared data was not found: no folder above '{AppContext.BaseDirectory}' has 'shared/corpus/cloudformation'. " +
            "Place the shared folder beside the repository (<repo>/../shared/corpus/cloudformation).");

    private static string? Locate()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (Directory.Exists(Path.Combine(dir.FullName, "shared", "corpus", "cloudformation")))
            {
                return Path.Combine(dir.FullName, "shared");
            }
        }

        return null;
    }
}
