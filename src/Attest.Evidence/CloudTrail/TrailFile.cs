using System.IO.Compression;
using Attest.Core.Text;

namespace Attest.Evidence.CloudTrail;

/// <summary>
/// One CloudTrail log file, plain or gzipped, wherever it is kept (a file on disk, a stored upload, an entry of an
/// archive): the caller opens it, this tells its shape from the first bytes and streams it into an analysis.
/// </summary>
public static class TrailFile
{
    /// <summary>How many decompressed bytes are looked at to tell the shape.</summary>
    public const int HeadBytes = 64 * 1024;

    private static readonly Phrase CannotOpen = new("cannot be read: {0}", "illisible : {0}");

    /// <summary>Whether bytes starting with <paramref name="head"/> are gzip.</summary>
    public static bool IsGzip(ReadOnlySpan<byte> head) => head.Length >= 2 && head[0] == 0x1F && head[1] == 0x8B;

    /// <summary>The CloudTrail shape of what <paramref name="open"/> gives (decompressed when <paramref name="gzip"/>); None when it cannot be read.</summary>
    public static TrailShape Detect(Func<Stream> open, bool gzip)
    {
        ArgumentNullException.ThrowIfNull(open);
        try
        {
            using var raw = open();
            using var stream = gzip ? new GZipStream(raw, CompressionMode.Decompress) : raw;
            var head = new byte[HeadBytes];
            var filled = stream.ReadAtLeast(head, head.Length, throwOnEndOfStream: false);
            return TrailReader.Detect(head.AsSpan(0, filled));
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or InvalidDataException)
        {
            return TrailShape.None;
        }
    }

    /// <summary>Streams the log (its shape known) into <paramref name="analyzer"/> under the name <paramref name="file"/>; a file that cannot be opened is a broken file of the analysis.</summary>
    public static void Read(TrailAnalyzer analyzer, Func<Stream> open, bool gzip, TrailShape shape, string file)
    {
        ArgumentNullException.ThrowIfNull(analyzer);
        ArgumentNullException.ThrowIfNull(open);
        TrailFileResult result;
        try
        {
            using var raw = open();
            void OnRecord(TrailEvent e, long record) => analyzer.Add(e, file, record);
            if (shape == TrailShape.SingleEvent)
            {
                using var json = gzip ? new GZipStream(raw, CompressionMode.Decompress) : raw;
                result = TrailReader.ReadSingleEvent(json, TrailLimits.Default, OnRecord);
            }
            else
            {
                result = gzip ? TrailReader.ReadGzip(raw, TrailLimits.Default, OnRecord) : TrailReader.Read(raw, TrailLimits.Default, OnRecord);
            }
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            result = new TrailFileResult(TrailFileStatus.Broken, 0, 0, CannotOpen.With(e.Message));
        }

        analyzer.AddFile(file, result);
    }
}
