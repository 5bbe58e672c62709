using System.Buffers;
using System.Security.Cryptography;
using System.Text.RegularExpressions;

namespace Attest.Web.Infrastructure;

/// <summary>A file received into the store's folder, hashed and typed, not yet in its place.</summary>
public sealed record ReceivedFile(string TempPath, string Sha256, long Size, string ContentType);

/// <summary>
/// Evidence files by content address (the lower-case hex SHA-256), kept by <see cref="IEvidenceObjects"/>: the local folder
/// <c>&lt;DataFolder&gt;/evidence/ab/abcdef…</c> by default, or an S3 bucket with the address as the key. A file is hashed
/// while it streams to a temporary file in the data folder, then put in its place; an identical file is stored once.
/// Placing a file and recording it, or forgetting a record and removing its file, happen under one lock so that a file in
/// use is never removed.
/// </summary>
public sealed partial class EvidenceStore : IDisposable
{
    private const int BufferBytes = 81920;
    private const string TempPrefix = ".upload-";
    private readonly SemaphoreSlim gate = new(1, 1);
    private readonly ILogger<EvidenceStore> logger;

    public EvidenceStore(AttestOptions options, ILogger<EvidenceStore> logger)
    {
        ArgumentNullException.ThrowIfNull(options);
        this.logger = logger;
        Root = Path.Combine(options.DataPath, "evidence");
        if (options.EvidenceStore.IsS3)
        {
            var bucket = options.EvidenceStore.Bucket is { Length: > 0 } named ? named : throw new InvalidOperationException("Attest:EvidenceStore:Bucket is required when Attest:EvidenceStore:Kind is s3");
            Objects = new S3EvidenceObjects(S3EvidenceObjects.Client(options.EvidenceStore), bucket, logger);
            Kind = "s3";
        }
        else
        {
            Objects = new FolderEvidenceObjects(Root, logger);
            Kind = "folder";
        }
    }

    public void Dispose()
    {
        gate.Dispose();
        (Objects as IDisposable)?.Dispose();
    }

    /// <summary>
    /// The folder of the evidence files when they are kept in the data folder; with object storage, only the received
    /// files waiting to be put in the bucket (and analysis copies) pass through it.
    /// </summary>
    public string Root { get; }

    /// <summary><c>folder</c> or <c>s3</c>.</summary>
    public string Kind { get; }

    /// <summary>Where the files are kept.</summary>
    public IEvidenceObjects Objects { get; }

    /// <summary>Whether <paramref name="sha256"/> is a content address this store could hold.</summary>
    public static bool IsAddress(string? sha256) => sha256 is not null && Address().IsMatch(sha256);

    /// <summary>
    /// Streams <paramref name="content"/> to a temporary file while hashing and counting it; null (and nothing left on disk)
    /// when it is longer than <paramref name="maxBytes"/>.
    /// </summary>
    public async Task<ReceivedFile?> ReceiveAsync(Stream content, long maxBytes, CancellationToken cancellationToken)
    {
        Directory.CreateDirectory(Root);
        var temp = Path.Combine(Root, TempPrefix + Guid.NewGuid().ToString("N"));
        var head = new byte[EvidenceContentType.HeadBytes];
        var headLength = 0;
        long size = 0;
        var buffer = ArrayPool<byte>.Shared.Rent(BufferBytes);
        var kept = false;
        try
        {
            using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
            await using (var file = new FileStream(temp, FileMode.CreateNew, FileAccess.Write, FileShare.None, BufferBytes, FileOptions.Asynchronous))
            {
                int read;
                while ((read = await content.ReadAsync(buffer.AsMemory(0, BufferBytes), cancellationToken)) > 0)
                {
                    size += read;
                    if (size > maxBytes)
                    {
                        return null;
                    }

                    hash.AppendData(buffer, 0, read);
                    if (headLength < head.Length)
                    {
                        var take = Math.Min(read, head.Length - headLength);
                        buffer.AsSpan(0, take).CopyTo(head.AsSpan(headLength));
                        headLength += take;
                    }

                    await file.WriteAsync(buffer.AsMemory(0, read), cancellationToken);
                }
            }

            var type = EvidenceContentType.Detect(head.AsSpan(0, headLength), complete: size <= head.Length, temp);
            kept = true;
            return new ReceivedFile(temp, Convert.ToHexStringLower(hash.GetHashAndReset()), size, type);
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
            if (!kept)
            {
                TryDelete(temp);
            }
        }
    }

    /// <summary>
    /// Moves <paramref name="file"/> to its content address (or drops it when an identical file is there) and runs
    /// <paramref name="record"/>, which saves the database row; when that fails, a file placed for it is removed again.
    /// </summary>
    public async Task CommitAsync(ReceivedFile file, Func<Task> record, CancellationToken cancellationToken)
    {
        await gate.WaitAsync(cancellationToken);
        try
        {
            var placed = await Objects.PlaceAsync(file.TempPath, file.Sha256, file.Size, cancellationToken);
            try
            {
                await record();
            }
            catch
            {
                if (placed)
                {
                    await Objects.DeleteAsync(file.Sha256, CancellationToken.None);
                }

                throw;
            }
        }
        finally
        {
            gate.Release();
            TryDelete(file.TempPath);
        }
    }

    /// <summary>Drops a received file that will not be kept.</summary>
    public void Discard(ReceivedFile file) => TryDelete(file.TempPath);

    /// <summary>
    /// Runs <paramref name="forget"/> (which deletes a database row pointing at <paramref name="sha256"/>), then removes the
    /// file when <paramref name="stillUsed"/> says no other row points at it.
    /// </summary>
    public async Task ForgetAsync(string sha256, Func<Task> forget, Func<Task<bool>> stillUsed, CancellationToken cancellationToken)
    {
        await gate.WaitAsync(cancellationToken);
        try
        {
            await forget();
            if (IsAddress(sha256) && !await stillUsed())
            {
                await Objects.DeleteAsync(sha256, CancellationToken.None);
            }
        }
        finally
        {
            gate.Release();
        }
    }

    /// <summary>The stored file with this address, opened for reading (a stream, not seekable with object storage); null when there is none.</summary>
    public async Task<Stream?> OpenReadAsync(string? sha256, CancellationToken cancellationToken) =>
        IsAddress(sha256) ? await Objects.OpenReadAsync(sha256!, cancellationToken) : null;

    /// <summary>
    /// <see cref="OpenReadAsync"/> for callers that read synchronously (the package writer); with object storage this
    /// waits for the answer's headers, and the content then streams.
    /// </summary>
    public Stream? OpenRead(string? sha256) =>
        !IsAddress(sha256) ? null
        : Objects is FolderEvidenceObjects folder ? folder.Open(sha256!)
        : Objects.OpenReadAsync(sha256!, CancellationToken.None).GetAwaiter().GetResult();

    /// <summary>
    /// The stored file opened for reading and seeking, as the analyzer needs: the file itself in the data folder; with
    /// object storage a temporary copy in the data folder, removed when the stream is closed. Null when there is none.
    /// </summary>
    public async Task<Stream?> OpenSeekableAsync(string sha256, CancellationToken cancellationToken)
    {
        if (!IsAddress(sha256))
        {
            return null;
        }

        if (Objects is FolderEvidenceObjects folder)
        {
            return folder.Open(sha256);
        }

        await using var source = await Objects.OpenReadAsync(sha256, cancellationToken);
        if (source is null)
        {
            return null;
        }

        Directory.CreateDirectory(Root);
        var copy = new FileStream(Path.Combine(Root, TempPrefix + Guid.NewGuid().ToString("N")), FileMode.CreateNew, FileAccess.ReadWrite, FileShare.None, BufferBytes, FileOptions.Asynchronous | FileOptions.DeleteOnClose);
        try
        {
            await source.CopyToAsync(copy, BufferBytes, cancellationToken);
            copy.Position = 0;
            return copy;
        }
        catch
        {
            await copy.DisposeAsync();
            throw;
        }
    }

    /// <summary>The size of the stored file with this address; null when there is none.</summary>
    public async Task<long?> SizeAsync(string sha256, CancellationToken cancellationToken) =>
        IsAddress(sha256) ? await Objects.SizeAsync(sha256, cancellationToken) : null;

    /// <summary>Whether a file with this address is stored.</summary>
    public async Task<bool> ExistsAsync(string sha256, CancellationToken cancellationToken) => await SizeAsync(sha256, cancellationToken) is not null;

    /// <summary>Removes temporary files a stopped process left behind.</summary>
    public void RemoveAbandonedUploads(TimeSpan olderThan)
    {
        if (!Directory.Exists(Root))
        {
            return;
        }

        foreach (var file in Directory.EnumerateFiles(Root, TempPrefix + "*"))
        {
            if (File.GetLastWriteTimeUtc(file) < DateTime.UtcNow - olderThan)
            {
                TryDelete(file);
            }
        }
    }

    /// <summary>
    /// Removes the stored files that no row points at (per <paramref name="referenced"/>, read under the store's lock so that
    /// a file being recorded by this instance is never taken) and that are older than <paramref name="olderThan"/>, so
    /// that a file placed by another instance whose row is about to commit stays. Such orphans are what a process killed
    /// between placing a file and committing its row leaves behind. Received files never placed (a temporary upload
    /// left by a killed process) go the same way. With object storage only those temporary files are swept here: objects
    /// without a row are left in the bucket. Returns how many were removed.
    /// </summary>
    public async Task<int> RemoveOrphansAsync(Func<CancellationToken, Task<IReadOnlySet<string>>> referenced, TimeSpan olderThan, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(referenced);
        if (!Directory.Exists(Root))
        {
            return 0;
        }

        await gate.WaitAsync(cancellationToken);
        try
        {
            var known = await referenced(cancellationToken);
            var before = DateTime.UtcNow - olderThan;
            var removed = 0;
            foreach (var temp in Directory.EnumerateFiles(Root, TempPrefix + "*"))
            {
                if (File.GetLastWriteTimeUtc(temp) < before)
                {
                    TryDelete(temp);
                    removed += File.Exists(temp) ? 0 : 1;
                }
            }

            foreach (var folder in Kind == "folder" ? Directory.EnumerateDirectories(Root) : [])
            {
                foreach (var file in Directory.EnumerateFiles(folder))
                {
                    var name = Path.GetFileName(file);
                    if (IsAddress(name) && file == PathOf(name) && !known.Contains(name) && File.GetLastWriteTimeUtc(file) < before)
                    {
                        TryDelete(file);
                        removed += File.Exists(file) ? 0 : 1;
                    }
                }
            }

            if (removed > 0)
            {
                LogOrphansRemoved(logger, removed);
            }

            return removed;
        }
        finally
        {
            gate.Release();
        }
    }

    private string PathOf(string sha256) => Path.Combine(Root, sha256[..2], sha256);

    private void TryDelete(string path)
    {
        try
        {
            File.Delete(path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            // Left for the next clean-up: a file that cannot be removed now must not fail the request
            LogNotRemoved(logger, path, e.Message);
        }
    }

    [GeneratedRegex("^[0-9a-f]{64}$", RegexOptions.CultureInvariant)]
    private static partial Regex Address();

    [LoggerMessage(Level = LogLevel.Information, Message = "Removed {Count} evidence files that no row points at (left by a stop between storing a file and recording it)")]
    private static partial void LogOrphansRemoved(ILogger logger, int count);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Could not remove evidence file {Path}: {Reason}")]
    private static partial void LogNotRemoved(ILogger logger, string path, string reason);
}
