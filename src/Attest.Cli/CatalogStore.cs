using Attest.Core.Catalogs;
using Attest.Core.Documents;

namespace Attest.Cli;

/// <summary>Finds and loads catalog files: the ones shipped beside the tool, then any folder named by ATTEST_CATALOGS or --catalogs.</summary>
internal static class CatalogStore
{
    public const long MaxCatalogBytes = 10 * 1024 * 1024;

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

    /// <summary>Loads every <c>*.yaml</c>/<c>*.yml</c>/<c>*.json</c> catalog of the folders; the first broken one stops the load.</summary>
    public static (IReadOnlyList<Catalog> Catalogs, InputError? Error) Load(IEnumerable<(string Folder, bool Required)> folders)
    {
        var catalogs = new List<Catalog>();
        foreach (var (folder, required) in folders)
        {
            if (!Directory.Exists(folder))
            {
                if (required)
                {
                    return (catalogs, new InputError(folder, 1, 1, "", "no such catalog folder"));
                }

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
                    var at = IdPosition(text!);
                    return (catalogs, new InputError(file, at.Line, at.Column, "id", $"catalog id '{twin.Id}' is already defined by another file"));
                }

                catalogs.Add(catalog!);
            }
        }

        return (catalogs, null);
    }

    private static SourcePosition IdPosition(string text) =>
        DocumentParser.Parse(text, "").Root is MappingNode root && root.Entries.FirstOrDefault(e => e.Key.Value == "id") is { Key: { } key } ? key.Position : new SourcePosition(1, 1);
}

/// <summary>Reads an input file as UTF-8 text within a size limit, turning I/O failures into input errors.</summary>
internal static class InputFile
{
    /// <summary>The line and column of the first byte that is not valid UTF-8, or null when all are.</summary>
    public static SourcePosition? FirstInvalidUtf8(ReadOnlySpan<byte> bytes)
    {
        var line = 1;
        var column = 1;
        while (!bytes.IsEmpty)
        {
            if (System.Text.Rune.DecodeFromUtf8(bytes, out var rune, out var consumed) != System.Buffers.OperationStatus.Done)
            {
                return new SourcePosition(line, column);
            }

            if (rune.Value == '\n')
            {
                line++;
                column = 1;
            }
            else
            {
                column += rune.Utf16SequenceLength;
            }

            bytes = bytes[consumed..];
        }

        return null;
    }

    public static (string? Text, InputError? Error) Read(string path, long maxBytes)
    {
        try
        {
            var info = new FileInfo(path);
            if (!info.Exists)
            {
                return (null, new InputError(path, 1, 1, "", Directory.Exists(path) ? "is a folder, not a file" : "no such file"));
            }

            if (info.Length > maxBytes)
            {
                var size = (info.Length / (1024.0 * 1024)).ToString("0.0", System.Globalization.CultureInfo.InvariantCulture);
                return (null, new InputError(path, 1, 1, "", $"the file is {size} MB ({info.Length} bytes), over the {maxBytes / (1024 * 1024)} MB limit"));
            }

            var bytes = File.ReadAllBytes(path);
            if (FirstInvalidUtf8(bytes) is { } bad)
            {
                return (null, new InputError(path, bad.Line, bad.Column, "", "the file is not UTF-8 text (invalid byte here)"));
            }

            return (System.Text.Encoding.UTF8.GetString(bytes).TrimStart('\uFEFF'), null);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return (null, new InputError(path, 1, 1, "", e.Message));
        }
    }
}
