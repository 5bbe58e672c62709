using System.IO.Compression;
using System.Text;

namespace Attest.Web.Infrastructure;

/// <summary>
/// The type of an evidence file, judged from its first bytes and never from the name or the browser's claim. Anything
/// that could be rendered as active content by a browser (HTML, SVG, XML) is plain bytes to us.
/// </summary>
public static class EvidenceContentType
{
    public const int HeadBytes = 8192;
    public const string Pdf = "application/pdf";
    public const string Png = "image/png";
    public const string Jpeg = "image/jpeg";
    public const string Gif = "image/gif";
    public const string Zip = "application/zip";
    public const string Docx = "application/vnd.openxmlformats-officedocument.wordprocessingml.document";
    public const string Xlsx = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
    public const string Pptx = "application/vnd.openxmlformats-officedocument.presentationml.presentation";
    public const string Text = "text/plain";
    public const string Json = "application/json";
    public const string Gzip = "application/gzip";
    public const string Bytes = "application/octet-stream";

    // More entries than this and the archive is not opened to tell Office documents apart: it is a ZIP
    private const int MaxEntriesToInspect = 10_000;

    /// <summary>Every type <see cref="Detect"/> answers; a stored type outside it is served as bytes.</summary>
    public static IReadOnlySet<string> Known { get; } = new HashSet<string>(StringComparer.Ordinal) { Pdf, Png, Jpeg, Gif, Zip, Gzip, Docx, Xlsx, Pptx, Text, Json, Bytes };

    /// <summary>The type of a file from its first bytes; <paramref name="path"/> lets a ZIP be opened to tell Office documents apart.</summary>
    /// <param name="head">The file's first bytes (up to <see cref="HeadBytes"/>).</param>
    /// <param name="complete">True when <paramref name="head"/> is the whole file.</param>
    /// <param name="path">The file on disk, or null.</param>
    public static string Detect(ReadOnlySpan<byte> head, bool complete, string? path)
    {
        if (head.StartsWith("%PDF-"u8))
        {
            return Pdf;
        }

        if (head.StartsWith((ReadOnlySpan<byte>)[0x89, (byte)'P', (byte)'N', (byte)'G', 0x0D, 0x0A, 0x1A, 0x0A]))
        {
            return Png;
        }

        if (head.StartsWith((ReadOnlySpan<byte>)[0xFF, 0xD8, 0xFF]))
        {
            return Jpeg;
        }

        if (head.StartsWith("GIF87a"u8) || head.StartsWith("GIF89a"u8))
        {
            return Gif;
        }

        if (head.StartsWith("PK\x03\x04"u8) || head.StartsWith("PK\x05\x06"u8))
        {
            return path is null ? Zip : ZipKind(path);
        }

        if (head.StartsWith((ReadOnlySpan<byte>)[0x1F, 0x8B]))
        {
            return Gzip;
        }

        if (!IsUtf8Text(head, complete))
        {
            return Bytes;
        }

        var first = FirstSignificant(head);
        return first switch
        {
            // Markup may be HTML or SVG with scripts: never something a browser should render
            (byte)'<' => Bytes,
            (byte)'{' or (byte)'[' => Json,
            _ => Text,
        };
    }

    /// <summary>Whether files of this type are what an analyzer may read (templates, Terraform, plans, IAM policies, CloudTrail logs, gzipped or not) or an archive of them.</summary>
    public static bool MayHoldCode(string? contentType) => contentType is Text or Json or Zip or Gzip;

    /// <summary>The number of entries a ZIP file declares in its end record; null when it cannot be read (or is ZIP64).</summary>
    public static int? DeclaredEntries(Stream zip) => Attest.Evidence.Scanning.ScanLimits.DeclaredEntries(zip);

    private static string ZipKind(string path)
    {
        try
        {
            using var stream = File.OpenRead(path);
            if (DeclaredEntries(stream) is not { } count || count > MaxEntriesToInspect)
            {
                return Zip;
            }

            using var archive = new ZipArchive(stream, ZipArchiveMode.Read);
            var names = archive.Entries.Select(e => e.FullName).ToHashSet(StringComparer.Ordinal);
            if (!names.Contains("[Content_Types].xml"))
            {
                return Zip;
            }

            return names.Contains("word/document.xml") ? Docx : names.Contains("xl/workbook.xml") ? Xlsx : names.Contains("ppt/presentation.xml") ? Pptx : Zip;
        }
        catch (Exception e) when (e is InvalidDataException or IOException)
        {
            return Zip;
        }
    }

    // UTF-8 without control characters other than tab, line feed, form feed and carriage return
    private static bool IsUtf8Text(ReadOnlySpan<byte> head, bool complete)
    {
        if (head.StartsWith((ReadOnlySpan<byte>)[0xEF, 0xBB, 0xBF]))
        {
            head = head[3..];
        }

        foreach (var b in head)
        {
            if (b < 0x20 && b is not ((byte)'\t' or (byte)'\n' or (byte)'\f' or (byte)'\r'))
            {
                return false;
            }

            if (b == 0x7F)
            {
                return false;
            }
        }

        var chars = new char[head.Length + 1];
        try
        {
            // A sequence cut by the end of the head is fine when the file goes on
            new UTF8Encoding(false, throwOnInvalidBytes: true).GetDecoder().Convert(head, chars, flush: complete, out _, out _, out _);
            return true;
        }
        catch (DecoderFallbackException)
        {
            return false;
        }
    }

    private static byte FirstSignificant(ReadOnlySpan<byte> head)
    {
        if (head.StartsWith((ReadOnlySpan<byte>)[0xEF, 0xBB, 0xBF]))
        {
            head = head[3..];
        }

        foreach (var b in head)
        {
            if (b is not ((byte)' ' or (byte)'\t' or (byte)'\n' or (byte)'\r' or (byte)'\f'))
            {
                return b;
            }
        }

        return 0;
    }
}
