using Attest.Core.Documents;

namespace Attest.Core.Catalogs;

/// <summary>Reads one catalog file for <see cref="CatalogLoader"/>: its text, read with at most <paramref name="maxBytes"/> bytes, or why it cannot be read.</summary>
/// <param name="name">The file's name as listed (a path).</param>
/// <param name="maxBytes">The most bytes the reader may accept (<see cref="TextInput.Read"/> enforces it while reading).</param>
public delegate (string? Text, InputError? Error) CatalogFileReader(string name, long maxBytes);

/// <summary>
/// The rules of loading the checklists an installation knows, the same for the command line and the web: which files are
/// catalogs (<c>.yaml</c>, <c>.yml</c>, <c>.json</c>), the size limit, one catalog per id (a second file with a known id
/// is refused at its id), every problem returned as a value with its place. The edges list and open the files.
/// </summary>
public static class CatalogLoader
{
    /// <summary>The largest catalog file accepted, in bytes.</summary>
    public const long MaxFileBytes = 10 * 1024 * 1024;

    /// <summary>The extensions of catalog files (compared without regard to case).</summary>
    public static IReadOnlyList<string> Extensions { get; } = [".yaml", ".yml", ".json"];

    /// <summary>Whether <paramref name="name"/> is a catalog file by its extension.</summary>
    public static bool IsCatalogFile(string name)
    {
        ArgumentNullException.ThrowIfNull(name);
        return Extensions.Any(e => name.EndsWith(e, StringComparison.OrdinalIgnoreCase));
    }

    /// <summary>The catalog files among the entries of one folder, in the order they are loaded (ordinal order of their names).</summary>
    public static IReadOnlyList<string> Select(IEnumerable<string> entries) => [.. entries.Where(IsCatalogFile).Order(StringComparer.Ordinal)];

    /// <summary>
    /// Loads the catalog files among <paramref name="names"/> in the order given, each read through <paramref name="read"/>;
    /// the first problem stops the load and is returned with the catalogs read before it.
    /// </summary>
    public static (IReadOnlyList<Catalog> Catalogs, InputError? Error) Load(IEnumerable<string> names, CatalogFileReader read)
    {
        ArgumentNullException.ThrowIfNull(names);
        ArgumentNullException.ThrowIfNull(read);
        var catalogs = new List<Catalog>();
        var origins = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var name in names.Where(IsCatalogFile))
        {
            var (text, readError) = read(name, MaxFileBytes);
            if (readError is not null)
            {
                return (catalogs, readError);
            }

            var (catalog, error) = CatalogReader.Read(text!, name);
            if (error is not null)
            {
                return (catalogs, error);
            }

            if (origins.TryGetValue(catalog!.Id, out var first))
            {
                var at = IdPosition(text!, name);
                return (catalogs, new InputError(name, at.Line, at.Column, "id", $"catalog id '{catalog.Id}' is already defined by {first}"));
            }

            origins.Add(catalog.Id, name);
            catalogs.Add(catalog);
        }

        return (catalogs, null);
    }

    private static SourcePosition IdPosition(string text, string name) =>
        DocumentParser.Parse(text, name).Root is MappingNode root && root.Entries.FirstOrDefault(e => e.Key.Value == "id") is { Key: { } key }
            ? key.Position
            : new SourcePosition(1, 1);
}
