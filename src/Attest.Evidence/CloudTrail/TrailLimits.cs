namespace Attest.Evidence.CloudTrail;

/// <summary>How much a CloudTrail file may weigh before it is refused: log files are outside input.</summary>
public sealed record TrailLimits
{
    /// <summary>The default limits: 2 GiB of JSON per file, 16 MiB per record, a compression ratio of 250 to 1.</summary>
    public static TrailLimits Default { get; } = new();

    /// <summary>The most bytes of JSON one file may hold once decompressed.</summary>
    public long MaxFileBytes { get; init; } = 2L * 1024 * 1024 * 1024;

    /// <summary>The largest single record (CloudTrail delivers records of a few kilobytes; 16 MiB is far beyond).</summary>
    public int MaxRecordBytes { get; init; } = 16 * 1024 * 1024;

    /// <summary>
    /// The highest ratio of decompressed to compressed bytes accepted once <see cref="RatioCheckAfterBytes"/> have been
    /// decompressed; CloudTrail JSON compresses about 10 to 30 times (every record carries random ids), a gzip bomb hundreds to thousands of times.
    /// </summary>
    public double MaxCompressionRatio { get; init; } = 250;

    /// <summary>How many decompressed bytes to read before the ratio is judged.</summary>
    public long RatioCheckAfterBytes { get; init; } = 64L * 1024 * 1024;
}
