using System.IO.Compression;
using System.Security.Cryptography;

namespace Attest.Package.Bundle;

/// <summary>
/// Writes the evidence bundle: every evidence file under <c>files/</c>, the report, the spreadsheet, and a
/// <c>manifest.json</c> naming each with its size, SHA-256 and what it supports.
/// </summary>
public static class EvidenceBundle
{
    /// <summary>The manifest's entry name.</summary>
    public const string ManifestName = "manifest.json";

    /// <summary>
    /// Writes the bundle to <paramref name="output"/> (left open) and returns its manifest. A file whose content no longer
    /// matches the size or SHA-256 it was given with is a fault: the bundle is not finished and the exception says which.
    /// </summary>
    public static BundleManifest Write(SubmissionInput input, byte[] workbook, byte[] report, Stream output)
    {
        ArgumentNullException.ThrowIfNull(input);
        ArgumentNullException.ThrowIfNull(workbook);
        ArgumentNullException.ThrowIfNull(report);
        var stamp = input.CreatedAt;
        using var zip = new ZipArchive(output, ZipArchiveMode.Create, leaveOpen: true);
        var documents = new List<ManifestFile>
        {
            AddBytes(zip, SubmissionPackage.ReportName, report, stamp),
            AddBytes(zip, SubmissionPackage.WorkbookName, workbook, stamp),
        };

        var names = BundleNames.Assign(input.Evidence.Select(f => f.FileName ?? f.Name));
        var files = new List<ManifestFile>();
        for (var i = 0; i < input.Evidence.Count; i++)
        {
            var file = input.Evidence[i];
            var (size, sha256) = AddStream(zip, names[i], file, stamp);
            if (size != file.Size || !string.Equals(sha256, file.Sha256, StringComparison.OrdinalIgnoreCase))
            {
                throw new InvalidOperationException($"evidence {file.Name} changed since it was hashed: {size} bytes, SHA-256 {sha256}, expected {file.Size} bytes, SHA-256 {file.Sha256}");
            }

            files.Add(new ManifestFile { Path = names[i], Name = file.Name, Size = size, Sha256 = sha256, Items = file.Items, CaseStudies = file.CaseStudies });
        }

        var unrelated = input.Unrelated;
        var manifest = new BundleManifest
        {
            Unrelated = [.. files.Where((_, i) => unrelated.Contains(input.Evidence[i])).Select(f => f.Path)],
            Submitted = [.. input.Submitted.Select(c => c.Key)],
            Checklist = input.Catalog.Id,
            Partner = input.PartnerName,
            Version = input.Version,
            AsOf = input.Readiness.AsOf,
            Language = input.EffectiveLanguage,
            Created = input.CreatedAt,
            Documents = documents,
            Files = files,
            Links = input.Links,
            Missing = input.Missing,
        };
        var entry = zip.CreateEntry(ManifestName, CompressionLevel.Optimal);
        entry.LastWriteTime = stamp;
        using (var stream = entry.Open())
        {
            stream.Write(manifest.ToJson());
        }

        return manifest;
    }

    /// <summary>The SHA-256 of <paramref name="bytes"/> as 64 lower-case hexadecimal digits.</summary>
    public static string Sha256Hex(ReadOnlySpan<byte> bytes) => Convert.ToHexStringLower(SHA256.HashData(bytes));

    private static ManifestFile AddBytes(ZipArchive zip, string name, byte[] bytes, DateTimeOffset stamp)
    {
        var entry = zip.CreateEntry(name, CompressionLevel.Optimal);
        entry.LastWriteTime = stamp;
        using (var stream = entry.Open())
        {
            stream.Write(bytes);
        }

        return new ManifestFile { Path = name, Size = bytes.LongLength, Sha256 = Sha256Hex(bytes) };
    }

    private static (long Size, string Sha256) AddStream(ZipArchive zip, string name, EvidenceFile file, DateTimeOffset stamp)
    {
        var entry = zip.CreateEntry(name, CompressionLevel.Optimal);
        entry.LastWriteTime = stamp;
        using var target = entry.Open();
        using var source = file.Open();
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        var buffer = new byte[81920];
        long size = 0;
        int read;
        while ((read = source.Read(buffer, 0, buffer.Length)) > 0)
        {
            hash.AppendData(buffer, 0, read);
            target.Write(buffer, 0, read);
            size += read;
        }

        return (size, Convert.ToHexStringLower(hash.GetHashAndReset()));
    }
}
