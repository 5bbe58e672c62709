using System.IO.Compression;
using System.Text;

namespace Attest.Package.Tests.Support;

/// <summary>Builds and edits zip files for the verifier's tests.</summary>
internal static class Zips
{
    /// <summary>A zip with these entries, written in order (names are not checked: hostile names are the point).</summary>
    public static byte[] Create(params (string Name, byte[] Content)[] entries)
    {
        using var memory = new MemoryStream();
        using (var zip = new ZipArchive(memory, ZipArchiveMode.Create, leaveOpen: true))
        {
            foreach (var (name, content) in entries)
            {
                using var stream = zip.CreateEntry(name, CompressionLevel.Optimal).Open();
                stream.Write(content);
            }
        }

        return memory.ToArray();
    }

    /// <summary>A copy of <paramref name="zip"/> edited by <paramref name="edit"/>.</summary>
    public static byte[] Edit(byte[] zip, Action<ZipArchive> edit)
    {
        using var memory = new MemoryStream();
        memory.Write(zip);
        memory.Position = 0;
        using (var archive = new ZipArchive(memory, ZipArchiveMode.Update, leaveOpen: true))
        {
            edit(archive);
        }

        return memory.ToArray();
    }

    public static byte[] Read(byte[] zip, string name)
    {
        using var archive = new ZipArchive(new MemoryStream(zip), ZipArchiveMode.Read);
        using var stream = archive.GetEntry(name)!.Open();
        using var memory = new MemoryStream();
        stream.CopyTo(memory);
        return memory.ToArray();
    }

    public static void Replace(ZipArchive archive, string name, byte[] content)
    {
        archive.GetEntry(name)!.Delete();
        using var stream = archive.CreateEntry(name).Open();
        stream.Write(content);
    }

    public static byte[] Utf8(string text) => Encoding.UTF8.GetBytes(text);
}
