namespace Attest.Evidence.Tests.Terraform;

/// <summary>The Terraform corpus in the shared folder.</summary>
internal static class TerraformCorpus
{
    public static string RequireDirectory() => SharedFolder.Path("corpus", "terraform");

    public static IReadOnlyList<string> Files() =>
        Directory.GetFiles(RequireDirectory(), "*.tf", SearchOption.AllDirectories)
            .Order(StringComparer.Ordinal)
            .ToList();
}
