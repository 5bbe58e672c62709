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

    /// <summary>
    /// The mapping from checklist <paramref name="from"/> to <paramref name="to"/> among the <c>mappings</c> sub-folders of the
    /// catalog folders (<c>.yaml</c>, <c>.yml</c>, <c>.json</c>, each read within the catalog size limit), or null when none
    /// is there; a mapping file that cannot be read is an error with its place.
    /// </summary>
    public static (ChecklistMapping? Mapping, InputError? Error) FindMapping(IEnumerable<(string Folder, bool Required)> folders, IReadOnlyCollection<Catalog> catalogs, string from, string to)
    {
        foreach (var (folder, _) in folders)
        {
            var mappings = Path.Combine(folder, "mappings");
            if (!Directory.Exists(mappings))
            {
                continue;
            }

            foreach (var file in CatalogLoader.Select(Directory.EnumerateFiles(mappings)))
            {
                var (text, readError) = InputFile.Read(file, CatalogLoader.MaxFileBytes);
                if (readError is not null)
                {
                    return (null, readError);
                }

                var (mapping, error) = ChecklistMapping.Read(text!, file, catalogs);
                if (error is not null)
                {
                    return (null, error);
                }

                if (mapping!.From == from && mapping.To == to)
                {
                    return (mapping, null);
                }
            }
        }

        return (null, null);
    }
}
