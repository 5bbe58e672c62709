namespace Attest.Evidence.Tests;

/// <summary>
/// The shared material (<c>corpus/</c> and <c>labeled/</c>) read in place beside the repository: a folder X above the
/// test binaries such that X/shared holds both. CI has it; elsewhere the tests that need it are skipped, saying why.
/// </summary>
internal static class SharedFolder
{
    public const string Missing = "the shared material is not beside the repository (<repo>/../shared with corpus/ and labeled/): these tests run where it is, as in CI";

    private static readonly Lazy<string?> Root = new(Locate);

    /// <summary>Whether the shared folder was found.</summary>
    public static bool Present => Root.Value is not null;

    /// <summary>A path inside the shared folder; throws, saying where it was looked for, when there is none.</summary>
    public static string Path(params string[] below) =>
        System.IO.Path.Combine([Root.Value ?? throw new InvalidOperationException($"No folder above '{AppContext.BaseDirectory}' has shared/corpus and shared/labeled: {Missing}."), .. below]);

    private static string? Locate()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            var shared = System.IO.Path.Combine(dir.FullName, "shared");
            if (Directory.Exists(System.IO.Path.Combine(shared, "corpus")) && Directory.Exists(System.IO.Path.Combine(shared, "labeled")))
            {
                return shared;
            }
        }

        return null;
    }
}

/// <summary>A fact over the shared material: skipped, with the reason, when it is not there.</summary>
internal sealed class SharedFactAttribute : FactAttribute
{
    public SharedFactAttribute()
    {
        if (!SharedFolder.Present)
        {
            Skip = SharedFolder.Missing;
        }
    }
}

/// <summary>A theory over the shared material: skipped, with the reason, when it is not there.</summary>
internal sealed class SharedTheoryAttribute : TheoryAttribute
{
    public SharedTheoryAttribute()
    {
        if (!SharedFolder.Present)
        {
            Skip = SharedFolder.Missing;
        }
    }
}
