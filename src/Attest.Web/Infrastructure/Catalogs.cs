using Attest.Core.Catalogs;

namespace Attest.Web.Infrastructure;

/// <summary>The checklists this installation knows, read once at start; a broken catalog stops the start with its place.</summary>
public sealed class Catalogs
{
    public Catalogs(IEnumerable<string> folders)
    {
        var catalogs = new List<Catalog>();
        foreach (var folder in folders.Where(Directory.Exists))
        {
            foreach (var file in Directory.EnumerateFiles(folder, "*.yaml").Order(StringComparer.Ordinal))
            {
                var (catalog, error) = CatalogReader.Read(File.ReadAllText(file), file);
                if (catalog is null)
                {
                    throw new InvalidOperationException($"catalog {error}");
                }

                if (catalogs.Any(c => c.Id == catalog.Id))
                {
                    throw new InvalidOperationException($"catalog {file}: id '{catalog.Id}' is already defined by another file");
                }

                catalogs.Add(catalog);
            }
        }

        All = catalogs;
    }

    public IReadOnlyList<Catalog> All { get; }

    public Catalog? Find(string id) => All.FirstOrDefault(c => c.Id == id);
}
