using Amazon;
using Amazon.Runtime;
using Amazon.S3;
using Amazon.S3.Model;

namespace Attest.Web.Infrastructure;

/// <summary>
/// Where evidence files are kept, each under its content address (the lower-case hex SHA-256), so that hashes, bundles and
/// verification do not depend on the place: the local data folder (<see cref="FolderEvidenceObjects"/>, the default) or
/// S3-compatible object storage (<see cref="S3EvidenceObjects"/>). Chosen by <c>Attest:EvidenceStore:Kind</c>.
/// </summary>
public interface IEvidenceObjects
{
    /// <summary>Puts the complete file at <paramref name="path"/> under <paramref name="sha256"/>; false (and nothing done) when an object is already there.</summary>
    Task<bool> PlaceAsync(string path, string sha256, long size, CancellationToken cancellationToken);

    /// <summary>The object, opened for reading from its start; null when there is none.</summary>
    Task<Stream?> OpenReadAsync(string sha256, CancellationToken cancellationToken);

    /// <summary>The object's size in bytes; null when there is none.</summary>
    Task<long?> SizeAsync(string sha256, CancellationToken cancellationToken);

    /// <summary>Removes the object; a missing one is no error, one that cannot be removed now is logged and left.</summary>
    Task DeleteAsync(string sha256, CancellationToken cancellationToken);

    /// <summary>Whether the store can be used now (for <c>/health/ready</c>): null when it can, otherwise why not.</summary>
    Task<string?> ProblemAsync(CancellationToken cancellationToken);
}

/// <summary>Evidence files in the data folder: <c>&lt;DataFolder&gt;/evidence/ab/abcdef…</c>.</summary>
public sealed partial class FolderEvidenceObjects(string root, ILogger logger) : IEvidenceObjects
{
    private const int BufferBytes = 81920;

    public Task<bool> PlaceAsync(string path, string sha256, long size, CancellationToken cancellationToken)
    {
        var target = PathOf(sha256);
        if (File.Exists(target))
        {
            return Task.FromResult(false);
        }

        Directory.CreateDirectory(Path.GetDirectoryName(target)!);
        File.Move(path, target);
        return Task.FromResult(true);
    }

    public Task<Stream?> OpenReadAsync(string sha256, CancellationToken cancellationToken) => Task.FromResult<Stream?>(Open(sha256));

    public Task<long?> SizeAsync(string sha256, CancellationToken cancellationToken)
    {
        var file = new FileInfo(PathOf(sha256));
        return Task.FromResult(file.Exists ? file.Length : (long?)null);
    }

    public Task DeleteAsync(string sha256, CancellationToken cancellationToken)
    {
        var path = PathOf(sha256);
        try
        {
            File.Delete(path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            // Left for the next clean-up: a file that cannot be removed now must not fail the request
            LogNotRemoved(logger, path, e.Message);
        }

        return Task.CompletedTask;
    }

    public Task<string?> ProblemAsync(CancellationToken cancellationToken)
    {
        try
        {
            Directory.CreateDirectory(root);
            return Task.FromResult<string?>(null);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return Task.FromResult<string?>($"the evidence folder {root} cannot be used: {e.Message}");
        }
    }

    /// <summary>The stored file, opened for reading (seekable); null when there is none.</summary>
    public FileStream? Open(string sha256)
    {
        try
        {
            return new FileStream(PathOf(sha256), FileMode.Open, FileAccess.Read, FileShare.Read, BufferBytes, FileOptions.Asynchronous | FileOptions.SequentialScan);
        }
        catch (Exception e) when (e is FileNotFoundException or DirectoryNotFoundException)
        {
            return null;
        }
    }

    private string PathOf(string sha256) => Path.Combine(root, sha256[..2], sha256);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Could not remove evidence file {Path}: {Reason}")]
    private static partial void LogNotRemoved(ILogger logger, string path, string reason);
}

/// <summary>
/// Evidence files as objects of one S3 bucket (AWS, or a compatible server such as MinIO or Ceph's radosgw with
/// <see cref="EvidenceStoreSettings.ForcePathStyle"/>), the content address as the key. Files go up and come down as
/// streams; a file is put from the temporary file it was received into, never from memory.
/// </summary>
public sealed partial class S3EvidenceObjects(IAmazonS3 client, string bucket, ILogger logger) : IEvidenceObjects, IDisposable
{
    /// <summary>The client for <paramref name="settings"/>: keys from the settings (the environment) when given, otherwise the SDK's usual chain.</summary>
    public static AmazonS3Client Client(EvidenceStoreSettings settings)
    {
        ArgumentNullException.ThrowIfNull(settings);
        var config = new AmazonS3Config
        {
            ForcePathStyle = settings.ForcePathStyle,

            // Checksums only where S3 requires them: S3-compatible servers do not all read the trailing checksums of the newer SDKs
            RequestChecksumCalculation = RequestChecksumCalculation.WHEN_REQUIRED,
            ResponseChecksumValidation = ResponseChecksumValidation.WHEN_REQUIRED,
        };
        if (!string.IsNullOrWhiteSpace(settings.ServiceUrl))
        {
            config.ServiceURL = settings.ServiceUrl;
            config.AuthenticationRegion = string.IsNullOrWhiteSpace(settings.Region) ? "us-east-1" : settings.Region;
        }
        else if (!string.IsNullOrWhiteSpace(settings.Region))
        {
            config.RegionEndpoint = RegionEndpoint.GetBySystemName(settings.Region);
        }

        return string.IsNullOrEmpty(settings.AccessKey)
            ? new AmazonS3Client(config)
            : new AmazonS3Client(new BasicAWSCredentials(settings.AccessKey, settings.SecretKey), config);
    }

    /// <summary>The key read by the readiness check.</summary>
    public const string HealthProbeKey = "attest-health-probe";

    public void Dispose() => client.Dispose();

    public async Task<bool> PlaceAsync(string path, string sha256, long size, CancellationToken cancellationToken)
    {
        if (await SizeAsync(sha256, cancellationToken) is not null)
        {
            return false;
        }

        await using var file = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 81920, FileOptions.Asynchronous | FileOptions.SequentialScan);
        await client.PutObjectAsync(
            new PutObjectRequest
            {
                BucketName = bucket,
                Key = sha256,
                InputStream = file,
                AutoCloseStream = false,
                ContentType = "application/octet-stream",
                UseChunkEncoding = false,
            },
            cancellationToken);
        return true;
    }

    public async Task<Stream?> OpenReadAsync(string sha256, CancellationToken cancellationToken)
    {
        try
        {
            var response = await client.GetObjectAsync(new GetObjectRequest { BucketName = bucket, Key = sha256 }, cancellationToken);
            return new ResponseStream(response);
        }
        catch (AmazonS3Exception e) when (e.StatusCode == System.Net.HttpStatusCode.NotFound)
        {
            return null;
        }
    }

    public async Task<long?> SizeAsync(string sha256, CancellationToken cancellationToken)
    {
        try
        {
            var metadata = await client.GetObjectMetadataAsync(new GetObjectMetadataRequest { BucketName = bucket, Key = sha256 }, cancellationToken);
            return metadata.ContentLength;
        }
        catch (AmazonS3Exception e) when (e.StatusCode == System.Net.HttpStatusCode.NotFound)
        {
            return null;
        }
    }

    public async Task DeleteAsync(string sha256, CancellationToken cancellationToken)
    {
        try
        {
            await client.DeleteObjectAsync(new DeleteObjectRequest { BucketName = bucket, Key = sha256 }, cancellationToken);
        }
        catch (AmazonServiceException e)
        {
            // Left behind, as a file that cannot be removed is: never a failed request for it
            LogNotRemoved(logger, bucket, sha256, e.Message);
        }
    }

    public async Task<string?> ProblemAsync(CancellationToken cancellationToken)
    {
        try
        {
            // A key that is never a content address: "no such key" says the server answers, the bucket is there and these
            // keys may read it (an object operation, which every S3-compatible server signs alike)
            using var probe = await client.GetObjectAsync(new GetObjectRequest { BucketName = bucket, Key = HealthProbeKey }, cancellationToken);
            return null;
        }
        catch (AmazonS3Exception e) when (e.StatusCode == System.Net.HttpStatusCode.NotFound && e.ErrorCode == "NoSuchKey")
        {
            return null;
        }
        catch (Exception e) when (e is AmazonServiceException or HttpRequestException or IOException)
        {
            return $"the evidence bucket {bucket} cannot be used: {(e is AmazonServiceException { ErrorCode: { Length: > 0 } code } ? code + ": " : "")}{e.Message}";
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Could not remove evidence object {Bucket}/{Key}: {Reason}")]
    private static partial void LogNotRemoved(ILogger logger, string bucket, string key, string reason);

    // The body of a GetObject answer, which releases the answer (and its connection) when disposed
    private sealed class ResponseStream(GetObjectResponse response) : Stream
    {
        private readonly Stream inner = response.ResponseStream;

        public override bool CanRead => true;

        public override bool CanSeek => false;

        public override bool CanWrite => false;

        public override long Length => response.ContentLength;

        public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }

        public override int Read(byte[] buffer, int offset, int count) => inner.Read(buffer, offset, count);

        public override int Read(Span<byte> buffer) => inner.Read(buffer);

        public override ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default) => inner.ReadAsync(buffer, cancellationToken);

        public override Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) => inner.ReadAsync(buffer, offset, count, cancellationToken);

        public override void Flush()
        {
        }

        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

        public override void SetLength(long value) => throw new NotSupportedException();

        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();

        protected override void Dispose(bool disposing)
        {
            if (disposing)
            {
                inner.Dispose();
                response.Dispose();
            }

            base.Dispose(disposing);
        }
    }
}
