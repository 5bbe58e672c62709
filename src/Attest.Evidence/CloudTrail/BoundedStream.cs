namespace Attest.Evidence.CloudTrail;

/// <summary>Thrown by <see cref="BoundedStream"/> when a file goes over a limit.</summary>
internal sealed class TrailLimitException(bool ratio) : Exception(ratio ? "compression ratio over the limit" : "size over the limit")
{
    public bool Ratio { get; } = ratio;
}

/// <summary>
/// A read-only view of a (decompressed) stream that counts the bytes it gives and refuses to give more than the limit,
/// or to go on when the bytes come out of a compressed stream at a ratio only a gzip bomb reaches.
/// </summary>
internal sealed class BoundedStream(Stream inner, Stream? compressed, TrailLimits limits) : Stream
{
    public long Total { get; private set; }

    public override bool CanRead => true;

    public override bool CanSeek => false;

    public override bool CanWrite => false;

    public override long Length => throw new NotSupportedException();

    public override long Position { get => Total; set => throw new NotSupportedException(); }

    public override int Read(byte[] buffer, int offset, int count)
    {
        var read = inner.Read(buffer, offset, count);
        Total += read;
        if (Total > limits.MaxFileBytes)
        {
            throw new TrailLimitException(ratio: false);
        }

        if (compressed is { CanSeek: true } && Total > limits.RatioCheckAfterBytes && compressed.Position > 0
            && Total / (double)compressed.Position > limits.MaxCompressionRatio)
        {
            throw new TrailLimitException(ratio: true);
        }

        return read;
    }

    public override void Flush()
    {
    }

    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

    public override void SetLength(long value) => throw new NotSupportedException();

    public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
}
