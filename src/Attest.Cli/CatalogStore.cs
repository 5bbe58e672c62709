using Attest.Core.Catalogs;
using Attest.Core.Documents;

namespace Attest.Cli;

/// <summary>Finds catalog files: the ones shipped beside the tool, then any folder named by ATTEST_CATALOGS or --catalogs.</summary>
internal static class CatalogStore
{
    /// <summary>The folders to read, each with whether it must exist (those the user named must).</summary>
    public static IEnumerable<(string Folder, bool Required)> Folders(string? extra, Func<string, string?> environment)
    {
        yield return (Path.Combine(AppContext.BaseDirectory, "catalogs"), false);
        if (environment("ATTEST_CATALOGS") is { Length: > 0 } fromEnvironment)
        {
            foreach (var folder in fromEnvironment.Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries))
            {
                yield return (folder, true);
            }
        }

        if (!string.IsNullOrEmpty(extra))
        {
            yield return (extra, true);
        }
    }

    /// <summary>Loads the catalogs of the folders by the rules of <see cref="CatalogLoader"/>; the first problem stops the load.</summary>
    public static (IReadOnlyList<Catalog> Catalogs, InputError? Error) Load(IEnumerable<(string Folder, bool Required)> folders)
    {
        var names = new List<string>();
        foreach (var (folder, required) in folders)
        {
            if (!Directory.Exists(folder))
            {
                if (required)
                {
                    return ([], new InputError(folder, 1, 1, "", "no such catalog folder"));
                }

                continue;
            }

            try
            {
                names.AddRange(CatalogLoader.Select(Directory.EnumerateFiles(folder)));
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                return ([], new InputError(folder, 1, 1, "", e.Message.ReplaceLineEndings(" ")));
            }
        }

        return CatalogLoader.Load(names, InputFile.Read);
    }
}
