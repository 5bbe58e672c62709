using Attest.Core.Catalogs;
using Attest.Core.Documents;

namespace Attest.Web.Infrastructure;

/// <summary>
/// The checklists this installation knows, read once at start by the rules of <see cref="CatalogLoader"/> (the command
/// line's); a catalog that cannot be loaded stops the start with its place.
/// </summary>
public sealed class Catalogs
{
    public Catalogs(IEnumerable<string> folders)
    {
        var (catalogs, error) = Load(folders);
        if (error is not null)
        {
            throw new InvalidOperationException($"catalog {error}");
        }

        All = catalogs;
        var (mappings, mappingError) = LoadMappings(folders, catalogs);
        if (mappingError is not null)
        {
            throw new InvalidOperationException($"mapping {mappingError}");
        }

        Mappings = mappings;
    }

    public IReadOnlyList<Catalog> All { get; }

    /// <summary>The mappings between checklists (format <c>attest/mapping/v1</c>) in the <c>mappings</c> sub-folder of each catalog folder.</summary>
    public IReadOnlyList<ChecklistMapping> Mappings { get; }

    /// <summary>The mapping from checklist <paramref name="from"/> to <paramref name="to"/>, or null when none is loaded.</summary>
    public ChecklistMapping? FindMapping(string from, string to) => Mappings.FirstOrDefault(m => m.From == from && m.To == to);

    /// <summary>Loads the mapping files of the <c>mappings</c> sub-folders that exist (ordinal order); the first problem stops the load.</summary>
    public static (IReadOnlyList<ChecklistMapping> Mappings, InputError? Error) LoadMappings(IEnumerable<string> folders, IReadOnlyCollection<Catalog> catalogs)
    {
        var mappings = new List<ChecklistMapping>();
        foreach (var folder in folders.Select(f => Path.Combine(f, "mappings")).Where(Directory.Exists))
        {
            foreach (var file in CatalogLoader.Select(Directory.EnumerateFiles(folder)).Order(StringComparer.Ordinal))
            {
                var (text, readError) = Read(file, CatalogLoader.MaxFileBytes);
                if (readError is not null)
                {
                    return ([], readError);
                }

                var (mapping, error) = ChecklistMapping.Read(text!, file, catalogs);
                if (error is not null)
                {
                    return ([], error);
                }

                mappings.Add(mapping!);
            }
        }

        return (mappings, null);
    }

    /// <summary>Loads the catalog files of the folders that exist (each folder's files in ordinal order); the first problem stops the load.</summary>
    public static (IReadOnlyList<Catalog> Catalogs, InputError? Error) Load(IEnumerable<string> folders) =>
        CatalogLoader.Load(folders.Where(Directory.Exists).SelectMany(f => CatalogLoader.Select(Directory.EnumerateFiles(f))), Read);

    public Catalog? Find(string id) => All.FirstOrDefault(c => c.Id == id);

    // Catalog folders are the operator's: a file is read within the loader's limit, a problem becomes a value with its place
    private static (string? Text, InputError? Error) Read(string path, long maxBytes)
    {
        try
        {
            using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 1, FileOptions.SequentialScan);
            return TextInput.Read(stream, path, maxBytes);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return (null, new InputError(path, 1, 1, "", e.Message.ReplaceLineEndings(" ")));
        }
    }
}
