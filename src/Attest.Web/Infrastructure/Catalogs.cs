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
    }

    public IReadOnlyList<Catalog> All { get; }

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
