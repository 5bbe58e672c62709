using System.Buffers.Binary;

namespace Attest.Evidence.Scanning;

/// <summary>The bounds of a scan, and the folders it never enters: one list for the command line and the web.</summary>
public static class ScanLimits
{
    /// <summary>The largest text file read as infrastructure code or a policy.</summary>
    public const long MaxTextBytes = 10L * 1024 * 1024;

    /// <summary>The most entries an archive may declare.</summary>
    public const int MaxArchiveEntries = 2_000;

    /// <summary>The most bytes read out of one archive as text (CloudTrail logs are streamed and bounded by their own limits).</summary>
    public const long MaxArchiveBytes = 50L * 1024 * 1024;

    /// <summary>The highest ratio of an entry's declared size to its compressed size before it is taken for a bomb.</summary>
    public const int MaxCompressionRatio = 200;

    /// <summary>Folders never entered: tool caches, dependencies, build output, CloudTrail digests.</summary>
    public static IReadOnlyList<string> SkippedFolders { get; } = [".git", ".terraform", "node_modules", ".venv", "bin", "obj", "cdk.out", "CloudTrail-Digest"];

    /// <summary>Whether a path ('/' separators) lies inside a skipped folder.</summary>
    public static bool InSkippedFolder(string path) => path.Split('/').SkipLast(1).Any(s => SkippedFolders.Contains(s, StringComparer.Ordinal));

    /// <summary>The number of entries a ZIP file declares in its end record; null when it cannot be read (or is ZIP64).</summary>
    public static int? DeclaredEntries(Stream zip)
    {
        ArgumentNullException.ThrowIfNull(zip);
        const int EndRecord = 22;
        if (!zip.CanSeek || zip.Length < EndRecord)
        {
            return null;
        }

        var tail = (int)Math.Min(zip.Length, EndRecord + ushort.MaxValue);
        var buffer = new byte[tail];
        zip.Seek(-tail, SeekOrigin.End);
        zip.ReadExactly(buffer);
        zip.Seek(0, SeekOrigin.Begin);
        for (var i = tail - EndRecord; i >= 0; i--)
        {
            if (buffer[i] == 0x50 && buffer[i + 1] == 0x4B && buffer[i + 2] == 0x05 && buffer[i + 3] == 0x06)
            {
                var entries = BinaryPrimitives.ReadUInt16LittleEndian(buffer.AsSpan(i + 10));
                return entries == ushort.MaxValue ? null : entries;
            }
        }

        return null;
    }
}
