using Attest.Core.Catalogs;
using Attest.Core.Documents;

namespace Attest.Cli;

/// <summary>Finds and loads catalog files: the ones shipped beside the tool, then any folder named by ATTEST_CATALOGS or --catalogs.</summary>
internal static class CatalogStore
{
    public const long MaxCatalogBytes = 10 * 1024 * 1024;

    public static IEnumerable<string> Folders(string? extra, Func<string, string?> environment)
    {
        yield return Path.Combine(AppContext.BaseDirectory, "catalogs");
        if (environment("ATTEST_CATALOGS") is { Length: > 0 } fromEnvironment)
        {
            foreach (var folder in fromEnvironment.Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries))
            {
                yield return folder;
            }
        }

        if (!string.IsNullOrEmpty(extra))
        {
            yield return extra;
        }
    }

    /// <summary>Loads every <c>*.yaml</c>/<c>*.yml</c>/<c>*.json</c> catalog of the folders; the first broken one stops the load.</summary>
    public static (IReadOnlyList<Catalog> Catalogs, InputError? Error) Load(IEnumerable<string> folders)
    {
        var catalogs = new List<Catalog>();
        foreach (var folder in folders)
        {
            if (!Directory.Exists(folder))
            {
                continue;
            }

            var files = Directory.EnumerateFiles(folder)
                .Where(f => f.EndsWith(".yaml", StringComparison.OrdinalIgnoreCase) || f.EndsWith(".yml", StringComparison.OrdinalIgnoreCase) || f.EndsWith(".json", StringComparison.OrdinalIgnoreCase))
                .Order(StringComparer.Ordinal);
            foreach (var file in files)
            {
                var (text, readError) = InputFile.Read(file, MaxCatalogBytes);
                if (readError is not null)
                {
                    return (catalogs, readError);
                }

                var (catalog, error) = CatalogReader.Read(text!, file);
                if (error is not null)
                {
                    return (catalogs, error);
                }

                if (catalogs.FirstOrDefault(c => c.Id == catalog!.Id) is { } twin)
                {
                    return (catalogs, new InputError(file, 0, 0, "id", $"catalog id '{twin.Id}' is already defined by another file"));
                }

                catalogs.Add(catalog!);
            }
        }

        return (catalogs, null);
    }
}

/// <summary>Reads an input file as UTF-8 text within a size limit, turning I/O failures into input errors.</summary>
internal static class InputFile
{
    public static (string? Text, InputError? Error) Read(string path, long maxBytes)
    {
        try
        {
            var info = new FileInfo(path);
            if (!info.Exists)
            {
                return (null, new InputError(path, 0, 0, "", "no such file"));
            }

            if (info.Length > maxBytes)
            {
                return (null, new InputError(path, 0, 0, "", $"the file is {info.Length / (1024 * 1024)} MB, over the {maxBytes / (1024 * 1024)} MB limit"));
            }

            var bytes = File.ReadAllBytes(path);
            var text = new System.Text.UTF8Encoding(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true).GetString(bytes);
            return (text.TrimStart('\uFEFF'), null);
        }
        catch (System.Text.DecoderFallbackException)
        {
            return (null, new InputError(path, 0, 0, "", "the file is not UTF-8 text"));
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return (null, new InputError(path, 0, 0, "", e.Message));
        }
    }
}
