using Attest.Core.Findings;
using Attest.Evidence.Model;
using Attest.Evidence.Scanning;

namespace Attest.Web.Infrastructure;

/// <summary>
/// What the analyzers found in one stored file. Locations are written against a placeholder (<c>$</c>) so that one scan
/// serves every piece of evidence with the same content, whatever its name: <see cref="FindingsFor"/> puts the name in.
/// </summary>
public sealed record EvidenceScan(bool IsCode, IReadOnlyList<EvidenceFinding> Findings, IReadOnlyList<IacProblem> Problems, bool Archive = false)
{
    public const string Placeholder = "$";

    /// <summary>The resources the file's code defines, per file and type, with their AWS service (files against the placeholder).</summary>
    public EvidenceInventory Inventory { get; init; } = EvidenceInventory.Empty;

    /// <summary>The Well-Architected reviews the file holds (files against the placeholder).</summary>
    public IReadOnlyList<WellArchitectedReview> Reviews { get; init; } = [];

    /// <summary>The reviews, located in the piece of evidence named <paramref name="name"/>.</summary>
    public IEnumerable<WellArchitectedReview> ReviewsFor(string name) => Reviews.Select(r => r with { File = Locate(r.File, name) });

    /// <summary>The inventory, located in the piece of evidence named <paramref name="name"/>.</summary>
    public EvidenceInventory InventoryFor(string name) => Inventory.Renamed(file => Locate(file, name));

    /// <summary>A file that is not infrastructure code.</summary>
    public static EvidenceScan NotCode { get; } = new(false, [], []);

    /// <summary>The findings, located in the piece of evidence named <paramref name="name"/>.</summary>
    public IEnumerable<EvidenceFinding> FindingsFor(string name) => Findings.Select(f => f with { File = Locate(f.File, name) });

    /// <summary>The problems met while reading, located in the piece of evidence named <paramref name="name"/>.</summary>
    public IEnumerable<string> ProblemsFor(string name) => Problems.Select(p => $"{Locate(p.Location.File, name)}:{p.Location.Line}:{p.Location.Column}: {p.Message}");

    // A single file is the evidence itself; a file inside an archive is shown under the archive's name
    private string Locate(string file, string name) =>
        Archive && file.StartsWith(IacEvidence.ArchivePrefix, StringComparison.Ordinal) ? name + "/" + file[IacEvidence.ArchivePrefix.Length..]
        : file.StartsWith(Placeholder, StringComparison.Ordinal) ? name
        : file;
}

/// <summary>
/// Reads one uploaded file through the one scanner (<see cref="Attest.Evidence.Scanning.EvidenceAnalyzer"/>): a template, a plan, a policy, a
/// CloudTrail log, a single <c>.tf</c> file (a one-file module), or a ZIP of them read within <see cref="ScanLimits"/>.
/// Locations are written against <see cref="EvidenceScan.Placeholder"/>. No I/O beyond the stream given.
/// </summary>
public static class IacEvidence
{
    public const string ArchivePrefix = EvidenceScan.Placeholder + "/";
    public const long MaxTextBytes = ScanLimits.MaxTextBytes;

    /// <summary>Scans <paramref name="file"/> (seekable); never throws on odd content: what cannot be read is a problem of the result.</summary>
    public static EvidenceScan Scan(Stream file)
    {
        ArgumentNullException.ThrowIfNull(file);
        var analysis = Attest.Evidence.Scanning.EvidenceAnalyzer.Analyze(EvidenceSource.Upload(EvidenceScan.Placeholder, file.Length, () =>
        {
            file.Seek(0, SeekOrigin.Begin);
            return new NonClosing(file);
        }));
        var archive = analysis.Summary.Kinds.ContainsKey(EvidenceKinds.Archive);
        return new EvidenceScan(analysis.Summary.HasEvidence || archive || analysis.Problems.Count > 0, analysis.Findings, analysis.Problems, archive) { Inventory = analysis.Summary.Inventory, Reviews = analysis.Reviews };
    }

    // Lets a reader dispose its stream without closing the stored file under it
    private sealed class NonClosing(Stream inner) : Stream
    {
        public override bool CanRead => true;

        public override bool CanSeek => inner.CanSeek;

        public override bool CanWrite => false;

        public override long Length => inner.Length;

        public override long Position { get => inner.Position; set => inner.Position = value; }

        public override int Read(byte[] buffer, int offset, int count) => inner.Read(buffer, offset, count);

        public override int Read(Span<byte> buffer) => inner.Read(buffer);

        public override void Flush()
        {
        }

        public override long Seek(long offset, SeekOrigin origin) => inner.Seek(offset, origin);

        public override void SetLength(long value) => throw new NotSupportedException();

        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
    }
}
