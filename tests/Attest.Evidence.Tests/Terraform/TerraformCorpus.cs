namespace Attest.Evidence.Tests.Terraform;

/// <summary>Finds the shared Terraform corpus: a folder X above the test binaries such that X/shared/corpus/terraform exists.</summary>
internal static class TerraformCorpus
{
    private static readonly Lazy<string?> Root = new(Locate);

    public static string? Directory => Root.Value;

    public static string RequireDirectory() =>
        Directory ?? throw new InvalidOperationException(
            $"The Terraform corpus was not found: no folder above '{AppContext.BaseDirectory}' has 'shared/corpus/terraform'. " +
            "Place the shared corpus beside the repository (<repo>/../shared/corpus/terraform).");

    public static IReadOnlyList<string> Files() =>
        System.IO.Directory.GetFiles(RequireDirectory(), "*.tf", SearchOption.AllDirectories)
            .Order(StringComparer.Ordinal)
            .ToList();

    private static string? Locate()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            var candidate = Path.Combine(dir.FullName, "shared", "corpus", "terraform");
            if (System.IO.Directory.Exists(candidate))
            {
                return candidate;
            }
        }

        return null;
    }
}
