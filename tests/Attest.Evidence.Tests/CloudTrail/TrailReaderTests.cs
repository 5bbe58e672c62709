using System.IO.Compression;
using System.Text;
using System.Text.Json;
using Attest.Core.Text;
using Attest.Evidence.CloudTrail;

namespace Attest.Evidence.Tests.CloudTrail;

public sealed class TrailReaderTests
{
    private const string Account = "111122223333";
    private static readonly DateTime Start = new(2026, 5, 1, 0, 0, 0, DateTimeKind.Utc);
    private readonly TrailFixture fixture = new(7);

    [Fact]
    public void Every_record_is_read_with_its_index_and_fields_across_buffer_refills()
    {
        var records = Enumerable.Range(0, 5000).Select(i => fixture.Ordinary(Account, Start.AddSeconds(i))).ToList();
        records[4321] = fixture.RootAccessKeyCall(Account, Start.AddHours(3), "TerminateInstances");
        var seen = new List<(long Index, string? Name, string? Type)>();

        var result = TrailReader.ReadGzip(Gzip(TrailFixture.Body(records)), TrailLimits.Default, (e, i) => seen.Add((i, e.Name, e.IdentityType)));

        Assert.Equal((TrailFileStatus.Read, 5000L), (result.Status, result.Records));
        Assert.Null(result.Problem);
        Assert.Equal(Enumerable.Range(0, 5000).Select(i => (long)i), seen.Select(s => s.Index));
        Assert.Equal(("TerminateInstances", "Root"), (seen[4321].Name, seen[4321].Type));
    }

    [Fact]
    public void A_record_larger_than_the_buffer_is_read_whole_and_one_over_the_limit_is_refused()
    {
        var big = "{\"eventTime\":\"2026-05-01T00:00:00Z\",\"eventName\":\"PutBucketPolicy\",\"requestParameters\":{\"policy\":\"" + new string('x', 3_000_000) + "\",\"userName\":\"bob\"},\"userIdentity\":{\"type\":\"Root\",\"accountId\":\"" + Account + "\"}}";
        var body = TrailFixture.Body([fixture.Ordinary(Account, Start), big, fixture.Ordinary(Account, Start)]);
        var names = new List<string?>();

        var result = TrailReader.Read(new MemoryStream(Encoding.UTF8.GetBytes(body)), TrailLimits.Default, (e, _) => names.Add(e.RequestUserName ?? e.Name));
        Assert.Equal(TrailFileStatus.Read, result.Status);
        Assert.Equal("bob", names[1]);

        var refused = TrailReader.Read(new MemoryStream(Encoding.UTF8.GetBytes(body)), TrailLimits.Default with { MaxRecordBytes = 2 * 1024 * 1024 }, (_, _) => { });
        Assert.Equal((TrailFileStatus.Refused, 1L), (refused.Status, refused.Records));
        Assert.Contains("record 2", refused.Problem!.In(Language.En), StringComparison.Ordinal);
    }

    [Fact]
    public void A_truncated_gzip_file_keeps_the_records_read_before_and_names_the_offset()
    {
        var records = Enumerable.Range(0, 3000).Select(i => fixture.Ordinary(Account, Start.AddSeconds(i))).ToList();
        var whole = Gzip(TrailFixture.Body(records)).ToArray();
        var cut = new MemoryStream(whole[..(whole.Length / 2)]);
        long read = 0;

        var result = TrailReader.ReadGzip(cut, TrailLimits.Default, (_, _) => read++);

        Assert.Equal(TrailFileStatus.Broken, result.Status);
        Assert.InRange(read, 100, 2999);
        Assert.Equal(read, result.Records);
        Assert.Matches(@"\d+ byte|byte offset \d+", result.Problem!.In(Language.En));
    }

    [Fact]
    public void Truncated_json_is_reported_with_its_byte_offset_and_record()
    {
        var body = TrailFixture.Body(Enumerable.Range(0, 10).Select(i => fixture.Ordinary(Account, Start.AddSeconds(i))));
        var cut = body[..(body.Length - 40)];
        long read = 0;

        var result = TrailReader.Read(new MemoryStream(Encoding.UTF8.GetBytes(cut)), TrailLimits.Default, (_, _) => read++);

        Assert.Equal((TrailFileStatus.Broken, 9L, 9L), (result.Status, result.Records, read));
        Assert.Contains("byte offset", result.Problem!.In(Language.En), StringComparison.Ordinal);
        Assert.Contains("record 10", result.Problem!.In(Language.En), StringComparison.Ordinal);
        Assert.Contains("octet", result.Problem!.In(Language.Fr), StringComparison.Ordinal);
    }

    [Fact]
    public void Invalid_json_in_the_middle_keeps_the_records_before()
    {
        var good = fixture.Ordinary(Account, Start);
        var body = "{\"Records\":[" + good + "," + good + ",{\"eventName\": nope}," + good + "]}";
        long read = 0;

        var result = TrailReader.Read(new MemoryStream(Encoding.UTF8.GetBytes(body)), TrailLimits.Default, (_, _) => read++);

        Assert.Equal((TrailFileStatus.Broken, 2L), (result.Status, read));
        Assert.Contains("record 3", result.Problem!.In(Language.En), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("{\"AWSTemplateFormatVersion\":\"2010-09-09\",\"Resources\":{\"Records\":{\"Type\":\"AWS::S3::Bucket\"}}}")]
    [InlineData("{\"name\":\"x\",\"items\":[1,2,3]}")]
    [InlineData("[{\"Records\":[]}]")]
    [InlineData("{\"Records\":{\"a\":1}}")]
    [InlineData("{\"awsAccountId\":\"111122223333\",\"digestStartTime\":\"2026-01-01T00:00:00Z\",\"logFiles\":[]}")]
    public void Json_that_is_not_cloudtrail_is_skipped_with_a_note(string json)
    {
        var result = TrailReader.Read(new MemoryStream(Encoding.UTF8.GetBytes(json)), TrailLimits.Default, (_, _) => Assert.Fail("no record expected"));

        Assert.Equal(TrailFileStatus.NotCloudTrail, result.Status);
        Assert.Contains("not a CloudTrail", result.Problem!.In(Language.En), StringComparison.Ordinal);
        Assert.False(TrailReader.LooksLikeCloudTrail(Encoding.UTF8.GetBytes(json)));
    }

    [Fact]
    public void A_bare_array_of_events_and_lookup_events_output_are_read_too()
    {
        var root = fixture.RootAccessKeyCall(Account, Start.AddHours(1), "DeleteBucket");
        var bare = "[" + fixture.Ordinary(Account, Start) + "," + root + "]";
        var lookup = "{\"Events\":[{\"EventId\":\"1\",\"EventName\":\"DeleteBucket\",\"CloudTrailEvent\":" + JsonSerializer.Serialize(root) + "}],\"NextToken\":\"abc\"}";
        foreach (var json in new[] { bare, lookup })
        {
            var names = new List<string?>();
            Assert.True(TrailReader.LooksLikeCloudTrail(Encoding.UTF8.GetBytes(json)), json);
            var result = TrailReader.Read(new MemoryStream(Encoding.UTF8.GetBytes(json)), TrailLimits.Default, (e, _) => names.Add(e.IdentityType + ":" + e.Name));
            Assert.Equal(TrailFileStatus.Read, result.Status);
            Assert.Equal("Root:DeleteBucket", names[^1]);
        }

        Assert.False(TrailReader.LooksLikeCloudTrail("[{\"name\":\"a\"}]"u8));
        Assert.False(TrailReader.LooksLikeCloudTrail("{\"Events\":[{\"name\":\"a\"}]}"u8));
    }

    [Fact]
    public void One_event_on_its_own_is_recognised_and_read()
    {
        var one = fixture.RootAction(Account, Start, "DeleteTrail", "cloudtrail.amazonaws.com", mfa: false);
        Assert.Equal(TrailShape.SingleEvent, TrailReader.Detect(Encoding.UTF8.GetBytes(one)));
        Assert.Equal(TrailShape.None, TrailReader.Detect("{\"eventName\":\"x\"}"u8));
        TrailEvent? seen = null;
        var result = TrailReader.ReadSingleEvent(new MemoryStream(Encoding.UTF8.GetBytes(one)), TrailLimits.Default, (e, _) => seen = new TrailEvent { Name = e.Name, IdentityType = e.IdentityType });
        Assert.Equal((TrailFileStatus.Read, "DeleteTrail", "Root"), (result.Status, seen!.Name, seen.IdentityType));

        var broken = TrailReader.ReadSingleEvent(new MemoryStream(Encoding.UTF8.GetBytes(one[..^5])), TrailLimits.Default, (_, _) => Assert.Fail("no record expected"));
        Assert.Equal(TrailFileStatus.Broken, broken.Status);
    }

    [Fact]
    public void Records_after_other_top_level_fields_are_found()
    {
        var body = "{\"meta\":{\"x\":[1,{\"y\":2}]},\"Records\":[" + fixture.Ordinary(Account, Start) + "]}";
        Assert.True(TrailReader.LooksLikeCloudTrail(Encoding.UTF8.GetBytes(body)));
        var result = TrailReader.Read(new MemoryStream(Encoding.UTF8.GetBytes(body)), TrailLimits.Default, (_, _) => { });
        Assert.Equal((TrailFileStatus.Read, 1L), (result.Status, result.Records));
    }

    [Fact]
    public void A_gzip_bomb_and_a_file_over_the_size_limit_are_refused()
    {
        // 200 MB of one repeated record compresses far beyond any CloudTrail file
        var record = Encoding.UTF8.GetBytes(fixture.Ordinary(Account, Start) + ",");
        var compressed = new MemoryStream();
        using (var zip = new GZipStream(compressed, CompressionLevel.SmallestSize, leaveOpen: true))
        {
            zip.Write("{\"Records\":["u8);
            var block = new byte[1024 * 1024];
            for (var i = 0; i < block.Length; i++)
            {
                block[i] = (byte)' ';
            }

            zip.Write(record);
            for (var i = 0; i < 200; i++)
            {
                zip.Write(block);
            }
        }

        compressed.Position = 0;
        var bomb = TrailReader.ReadGzip(compressed, TrailLimits.Default, (_, _) => { });
        Assert.Equal(TrailFileStatus.Refused, bomb.Status);
        Assert.Contains("gzip bomb", bomb.Problem!.In(Language.En), StringComparison.Ordinal);

        var body = Encoding.UTF8.GetBytes(TrailFixture.Body(Enumerable.Range(0, 8000).Select(i => fixture.Ordinary(Account, Start.AddSeconds(i)))));
        var large = TrailReader.Read(new MemoryStream(body), TrailLimits.Default with { MaxFileBytes = body.Length / 2 }, (_, _) => { });
        Assert.Equal(TrailFileStatus.Refused, large.Status);
        Assert.InRange(large.Records, 1, 7999);
        Assert.Contains("once decompressed", large.Problem!.In(Language.En), StringComparison.Ordinal);
    }

    [Fact]
    public void Escaped_strings_and_flags_written_as_text_are_understood()
    {
        var body = "{\"Records\":[{\"eventName\":\"Console\\u004cogin\",\"userIdentity\":{\"type\":\"Root\",\"accountId\":\"1\"},\"additionalEventData\":{\"MFAUsed\":\"Yes\"},\"readOnly\":\"false\",\"eventTime\":\"2026-05-01T10:11:12Z\"}]}";
        TrailEvent? seen = null;
        TrailReader.Read(new MemoryStream(Encoding.UTF8.GetBytes(body)), TrailLimits.Default, (e, _) => seen = new TrailEvent { Name = e.Name, MfaUsed = e.MfaUsed, ReadOnly = e.ReadOnly, Time = e.Time });
        Assert.Equal("ConsoleLogin", seen!.Name);
        Assert.Equal("Yes", seen.MfaUsed);
        Assert.False(seen.ReadOnly);
        Assert.Equal(new DateTime(2026, 5, 1, 10, 11, 12, DateTimeKind.Utc), seen.Time);
    }

    private static MemoryStream Gzip(string text)
    {
        var stream = new MemoryStream();
        using (var zip = new GZipStream(stream, CompressionLevel.Fastest, leaveOpen: true))
        {
            zip.Write(Encoding.UTF8.GetBytes(text));
        }

        stream.Position = 0;
        return stream;
    }
}
