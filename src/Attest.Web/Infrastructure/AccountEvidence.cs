using System.IO.Compression;
using Attest.Core.Text;
using Attest.Evidence.CloudTrail;
using Attest.Evidence.Model;

namespace Attest.Web.Infrastructure;

/// <summary>
/// Evidence read from the account rather than from code: CloudTrail logs (plain or gzipped JSON, streamed whatever their
/// size) gathered into one analysis per uploaded file or archive, so that the account-setup window is found across all
/// the logs given together.
/// </summary>
public sealed class TrailEvidence
{
    public const int HeadBytes = 64 * 1024;
    private static readonly Phrase CannotRead = new("cannot be read: {0}", "illisible : {0}");
    private readonly TrailAnalyzer analyzer = new(TrailOptions.Default);
    private int files;

    /// <summary>Whether any CloudTrail file was read.</summary>
    public bool Found => files > 0;

    /// <summary>Whether bytes starting with <paramref name="head"/> are gzip.</summary>
    public static bool IsGzip(ReadOnlySpan<byte> head) => head.Length >= 2 && head[0] == 0x1F && head[1] == 0x8B;

    /// <summary>The CloudTrail shape of the stream opened by <paramref name="open"/> (decompressed when gzip), judged by its first bytes.</summary>
    public static TrailShape Detect(Func<Stream> open, bool gzip)
    {
        try
        {
            using var raw = open();
            using var stream = gzip ? new GZipStream(raw, CompressionMode.Decompress) : raw;
            var head = new byte[HeadBytes];
            var filled = stream.ReadAtLeast(head, head.Length, throwOnEndOfStream: false);
            return TrailReader.Detect(head.AsSpan(0, filled));
        }
        catch (Exception e) when (e is InvalidDataException or IOException)
        {
            return TrailShape.None;
        }
    }

    /// <summary>Reads one log file (shape known) into the analysis, under the name <paramref name="file"/>.</summary>
    public void Read(Func<Stream> open, bool gzip, TrailShape shape, string file)
    {
        files++;
        analyzer.AddPath(file);
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
        catch (IOException e)
        {
            result = new TrailFileResult(TrailFileStatus.Broken, 0, 0, CannotRead.With(e.Message));
        }

        analyzer.AddFile(file, result);
    }

    /// <summary>The verdicts drawn from every log read, and the problems met (in English, as the scanner's other problems).</summary>
    public (IReadOnlyList<Attest.Core.Findings.EvidenceFinding> Findings, IReadOnlyList<IacProblem> Problems) Judge()
    {
        var report = analyzer.Finish();
        var problems = report.Problems.Select(p => new IacProblem(new FileLocation(p.File, 1, 1), p.Message.In(Language.En))).ToList();
        return (TrailRules.Judge(report), problems);
    }
}
