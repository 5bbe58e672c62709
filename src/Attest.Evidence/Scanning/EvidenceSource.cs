namespace Attest.Evidence.Scanning;

/// <summary>One named stream of a tree of evidence: its name relative to the tree's root ('/' separators), its length, and how to open it.</summary>
/// <param name="Name">The path inside the tree, e.g. <c>infra/main.tf</c>; empty for a source that is one stream.</param>
/// <param name="Length">Its length in bytes.</param>
/// <param name="Open">Opens it for reading; the caller disposes the stream.</param>
public sealed record EvidenceEntry(string Name, long Length, Func<Stream> Open);

/// <summary>How a source came to the scanner, which decides what is said about files that are not evidence.</summary>
public enum SourceKind
{
    /// <summary>A folder walked recursively: files that are not evidence are passed over in silence.</summary>
    Folder,

    /// <summary>One file named by the user: when it is not evidence, a read problem says so.</summary>
    NamedFile,

    /// <summary>One uploaded stream whose name says nothing: its content alone decides, and it is silent when it is not evidence.</summary>
    Upload,
}

/// <summary>
/// A tree of named streams for <see cref="EvidenceAnalyzer"/>: a folder on disk, one file, or one upload (which may be a
/// ZIP archive, read within <see cref="ScanLimits"/>). <see cref="Name"/> is how its root appears in findings: a
/// file inside it is shown as <c>Name/path</c>, a single stream as <c>Name</c>.
/// </summary>
public sealed class EvidenceSource
{
    private readonly Func<IEnumerable<EvidenceEntry>> entries;

    private EvidenceSource(string name, SourceKind kind, Func<IEnumerable<EvidenceEntry>> entries, string? folderOnDisk)
    {
        Name = name;
        Kind = kind;
        this.entries = entries;
        FolderOnDisk = folderOnDisk;
    }

    /// <summary>How the root appears in findings.</summary>
    public string Name { get; }

    /// <summary>What the source is.</summary>
    public SourceKind Kind { get; }

    /// <summary>For a source on disk, the folder its entries are relative to (local Terraform modules outside the tree are read from there).</summary>
    public string? FolderOnDisk { get; }

    /// <summary>The entries, in a stable order.</summary>
    public IEnumerable<EvidenceEntry> Entries() => entries();

    /// <summary>
    /// A folder on disk, walked depth first in ordinal order; folders named in <see cref="ScanLimits.SkippedFolders"/> and
    /// symbolic links are not entered. <paramref name="accept"/>, when given, keeps only the files of the folder itself
    /// (not of its subfolders) whose name it accepts.
    /// </summary>
    public static EvidenceSource Folder(string path, string? name = null, Func<string, bool>? accept = null)
    {
        ArgumentNullException.ThrowIfNull(path);
        var full = Path.GetFullPath(path);
        return new(name ?? path, SourceKind.Folder, () => Walk(full, "", accept), full);
    }

    /// <summary>One file on disk, named by the user.</summary>
    public static EvidenceSource File(string path, string? name = null)
    {
        ArgumentNullException.ThrowIfNull(path);
        var full = Path.GetFullPath(path);
        return new(name ?? path, SourceKind.NamedFile, () => [new EvidenceEntry("", new FileInfo(full).Length, () => OpenFile(full))], Path.GetDirectoryName(full));
    }

    /// <summary>One uploaded stream, known by its content alone.</summary>
    public static EvidenceSource Upload(string name, long length, Func<Stream> open)
    {
        ArgumentNullException.ThrowIfNull(name);
        ArgumentNullException.ThrowIfNull(open);
        return new(name, SourceKind.Upload, () => [new EvidenceEntry("", length, open)], null);
    }

    /// <summary>A tree given as entries (already in memory, or from another store).</summary>
    public static EvidenceSource Tree(string name, IReadOnlyList<EvidenceEntry> entries)
    {
        ArgumentNullException.ThrowIfNull(name);
        ArgumentNullException.ThrowIfNull(entries);
        return new(name, SourceKind.Folder, () => entries.Where(e => !ScanLimits.InSkippedFolder(e.Name)).OrderBy(e => e.Name, StringComparer.Ordinal), null);
    }

    /// <summary>How an entry's name appears in findings.</summary>
    public string Display(string entryName) => entryName.Length == 0 ? Name : Name.Length == 0 ? entryName : Name.TrimEnd('/', '\\') + "/" + entryName;

    private static FileStream OpenFile(string path) => RegularFile.OpenRead(path);

    private static IEnumerable<EvidenceEntry> Walk(string folder, string relative, Func<string, bool>? accept)
    {
        List<string> names;
        try
        {
            names = [.. Directory.EnumerateFileSystemEntries(folder).Order(StringComparer.Ordinal)];
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            yield break;
        }

        foreach (var entry in names)
        {
            var name = Path.GetFileName(entry);
            var path = relative.Length == 0 ? name : relative + "/" + name;
            FileAttributes attributes;
            try
            {
                attributes = System.IO.File.GetAttributes(entry);
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                continue;
            }

            if ((attributes & FileAttributes.Directory) != 0)
            {
                if (accept is null && !ScanLimits.SkippedFolders.Contains(name, StringComparer.Ordinal) && (attributes & FileAttributes.ReparsePoint) == 0)
                {
                    foreach (var inner in Walk(entry, path, accept))
                    {
                        yield return inner;
                    }
                }
            }
            else if (accept is null || accept(name))
            {
                long length;
                try
                {
                    length = new FileInfo(entry).Length;
                }
                catch (Exception e) when (e is IOException or UnauthorizedAccessException)
                {
                    continue;
                }

                var full = entry;
                yield return new EvidenceEntry(path, length, () => OpenFile(full));
            }
        }
    }
}
