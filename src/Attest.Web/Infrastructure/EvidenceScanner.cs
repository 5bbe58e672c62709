using System.Collections.Concurrent;
using System.Threading.Channels;
using Attest.Core.Findings;
using Attest.Evidence.Model;
using Attest.Evidence.Scanning;
using Attest.Web.Features.Evidence;
using Microsoft.Extensions.Caching.Memory;

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
/// Scans uploaded infrastructure code in the background: requests go through a bounded queue, the latest result of each
/// file is kept in memory by SHA-256 (there is no table for findings), and a result that is missing — never scanned, or
/// evicted — is simply asked for again.
/// </summary>
public sealed partial class EvidenceScanner(EvidenceStore store, ILogger<EvidenceScanner> logger) : BackgroundService
{
    private const int QueueLength = 256;
    private const long CacheSize = 200_000;
    private readonly Channel<string> queue = Channel.CreateBounded<string>(new BoundedChannelOptions(QueueLength) { SingleReader = true, FullMode = BoundedChannelFullMode.Wait });
    private readonly MemoryCache results = new(new MemoryCacheOptions { SizeLimit = CacheSize });
    private readonly ConcurrentDictionary<string, TaskCompletionSource> pending = new(StringComparer.Ordinal);

    /// <summary>The latest scan of the file with this address, or null when there is none yet.</summary>
    public EvidenceScan? Latest(string sha256) => results.TryGetValue(sha256, out EvidenceScan? scan) ? scan : null;

    /// <summary>Asks for a scan of the file with this address unless one is known or already waiting.</summary>
    public void Request(string sha256)
    {
        if (!EvidenceStore.IsAddress(sha256) || Latest(sha256) is not null)
        {
            return;
        }

        var waiting = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        if (pending.TryAdd(sha256, waiting) && !queue.Writer.TryWrite(sha256))
        {
            // The queue is full: the next page that needs this file asks again
            pending.TryRemove(sha256, out _);
            waiting.TrySetResult();
        }
    }

    /// <summary>Waits until the files with these addresses are scanned, at most <paramref name="timeout"/>.</summary>
    public async Task WaitAsync(IEnumerable<string> sha256s, TimeSpan timeout, CancellationToken cancellationToken)
    {
        var waits = sha256s.Select(s => pending.TryGetValue(s, out var waiting) ? waiting.Task : Task.CompletedTask).Where(t => !t.IsCompleted).ToList();
        if (waits.Count == 0)
        {
            return;
        }

        try
        {
            await Task.WhenAll(waits).WaitAsync(timeout, cancellationToken);
        }
        catch (TimeoutException)
        {
            // Still scanning: the page says so and shows the progress
        }
    }

    public override void Dispose()
    {
        results.Dispose();
        base.Dispose();
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        store.RemoveAbandonedUploads(TimeSpan.FromDays(1));
        await foreach (var sha256 in queue.Reader.ReadAllAsync(stoppingToken))
        {
            try
            {
                var scan = Scan(sha256);
                results.Set(sha256, scan, new MemoryCacheEntryOptions { Size = Math.Min(CacheSize / 10, 1 + scan.Findings.Count + scan.Problems.Count) });
            }
            catch (Exception e) when (e is not OperationCanceledException and not OutOfMemoryException)
            {
                LogScanFailed(logger, sha256, e);
                results.Set(sha256, new EvidenceScan(true, [], [new IacProblem(new FileLocation(EvidenceScan.Placeholder, 1, 1), "the file could not be scanned")]), new MemoryCacheEntryOptions { Size = 1 });
            }
            finally
            {
                if (pending.TryRemove(sha256, out var waiting))
                {
                    waiting.TrySetResult();
                }
            }
        }
    }

    private EvidenceScan Scan(string sha256)
    {
        using var file = store.OpenRead(sha256);
        return file is null ? EvidenceScan.NotCode : IacEvidence.Scan(file);
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "Scanning evidence {Sha256} failed")]
    private static partial void LogScanFailed(ILogger logger, string sha256, Exception exception);
}

/// <summary>
/// Reads one uploaded file through the one scanner (<see cref="EvidenceAnalyzer"/>): a template, a plan, a policy, a
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
        var analysis = EvidenceAnalyzer.Analyze(EvidenceSource.Upload(EvidenceScan.Placeholder, file.Length, () =>
        {
            file.Seek(0, SeekOrigin.Begin);
            return new NonClosing(file);
        }));
        var archive = analysis.Summary.Kinds.ContainsKey(EvidenceKinds.Archive);
        return new EvidenceScan(analysis.Summary.HasEvidence || archive || analysis.Problems.Count > 0, analysis.Findings, analysis.Problems, archive) { Inventory = analysis.Summary.Inventory };
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

/// <summary>Registers the evidence library's store, scanner and readiness helper.</summary>
public static class EvidenceServices
{
    public static IServiceCollection AddEvidence(this IServiceCollection services)
    {
        services.AddSingleton<EvidenceStore>();
        services.AddSingleton<EvidenceScanner>();
        services.AddHostedService(sp => sp.GetRequiredService<EvidenceScanner>());
        services.AddScoped<ApplicationEvidence>();
        services.AddScoped<Attest.Web.Features.Package.SubmissionPackages>();
        services.AddSingleton<Attest.Web.Features.Site.SiteChecks>();
        services.AddHostedService(sp => sp.GetRequiredService<Attest.Web.Features.Site.SiteChecks>());
        return services;
    }
}
