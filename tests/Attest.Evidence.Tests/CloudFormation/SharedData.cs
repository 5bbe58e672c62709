namespace Attest.Evidence.Tests.CloudFormation;

/// <summary>The CloudFormation corpus and the AWS Guard Rules Registry in the shared folder.</summary>
internal static class SharedData
{
    /// <summary>The CloudFormation corpus folder (aws-cloudformation-templates).</summary>
    public static string CorpusDirectory => SharedFolder.Path("corpus", "cloudformation");

    /// <summary>The AWS Guard Rules Registry rules folder with its labelled test files.</summary>
    public static string GuardRulesDirectory => SharedFolder.Path("labeled", "aws-guard-rules-registry", "rules", "aws");

    /// <summary>Every file of the corpus, in a stable order.</summary>
    public static IReadOnlyList<string> CorpusFiles() =>
        Directory.GetFiles(CorpusDirectory, "*", SearchOption.AllDirectories).Order(StringComparer.Ordinal).ToList();

    /// <summary>The corpus files that are templates by their extension.</summary>
    public static IReadOnlyList<string> CorpusTemplates() =>
        CorpusFiles().Where(f => Path.GetExtension(f) is ".json" or ".yaml" or ".yml").ToList();

    public static string Relative(string file) => Path.GetRelativePath(CorpusDirectory, file);
}
