using System.Text;
using System.Text.Json;
using Attest.Core.Text;
using Attest.Evidence.CloudTrail;
using Attest.Evidence.Scanning;

namespace Attest.Evidence.Tests.CloudTrail;

/// <summary>
/// The fast way of reading CloudTrail files (each record read once, in place, the root-only fields left out unless the
/// record's bytes hold <c>"Root"</c> or an escape) gives exactly what the complete way gives (each record framed, then
/// parsed whole): the same records, the same timeline, the same findings, the same problems, on ordinary and tricky JSON.
/// </summary>
public sealed class TrailFastPathTests : IDisposable
{
    private const string Account = "111122223333";
    private const string Other = "444455556666";
    private static readonly DateTime Day1 = new(2026, 3, 2, 8, 0, 0, DateTimeKind.Utc);
    private static readonly JsonSerializerOptions Indented = new() { WriteIndented = true };
    private readonly string root = Path.Combine(Path.GetTempPath(), "attest-trail-fast", Guid.NewGuid().ToString("N"));
    private readonly TrailFixture fixture = new(7);

    public void Dispose()
    {
        if (Directory.Exists(root))
        {
            Directory.Delete(root, recursive: true);
        }
    }

    [Fact]
    public void A_multi_file_tree_gives_the_same_timeline_and_findings_both_ways()
    {
        // Several days and accounts; root in setup, root after setup, service calls for root, failed sign-ins, manual changes
        for (var day = 0; day < 4; day++)
        {
            foreach (var account in new[] { Account, Other })
            {
                var time = Day1.AddDays(day);
                var records = Enumerable.Range(0, 700).Select(i => fixture.Ordinary(account, time.AddSeconds(i * 7))).ToList();
                records.Insert(100, fixture.RootAction(account, time.AddMinutes(30), day == 0 ? "CreateUser" : "DeleteTrail", "iam.amazonaws.com", mfa: day % 2 == 0));
                records.Insert(200, fixture.ConsoleLogin(account, time.AddMinutes(40), "Root", null, mfa: day == 0, success: day != 2));
                records.Insert(300, fixture.RootInvokedByService(account, time.AddMinutes(50)));
                records.Insert(400, fixture.RootServiceEvent(account, time.AddMinutes(55)));
                records.Insert(500, fixture.RootCreateAccessKey(account, time.AddMinutes(60)));
                records.Insert(600, fixture.RootAccessKeyCall(account, time.AddMinutes(65)));
                records.Add(fixture.ByRole(account, time.AddHours(3), "eu-west-1", "alice-admin", "PutBucketPolicy", "s3.amazonaws.com", readOnly: null, console: day == 3));
                TrailFixture.Write(root, account, "eu-west-1", time, records, gzip: day % 2 == 0);
            }
        }

        var files = Directory.GetFiles(root, "*.json*", SearchOption.AllDirectories).Order(StringComparer.Ordinal).ToList();
        var complete = Analyze(files, complete: true);
        var fast = Analyze(files, complete: false);

        Assert.Equal(complete, fast);
        Assert.Contains("cloudtrail-root-after-setup|Fail", fast, StringComparison.Ordinal);
        Assert.Contains("cloudtrail-manual-changes|Fail", fast, StringComparison.Ordinal);
    }

    [Fact]
    public void The_logs_are_read_only_when_a_selected_topic_needs_them()
    {
        var records = Enumerable.Range(0, 50).Select(i => fixture.Ordinary(Account, Day1.AddMinutes(i))).Append(fixture.RootAccessKeyCall(Account, Day1.AddDays(2)));
        TrailFixture.Write(root, Account, "eu-west-1", Day1, records);
        var folder = EvidenceSource.Folder(root);

        var other = EvidenceAnalyzer.Analyze(folder, new ScanOptions { Topics = t => t == "encryption-at-rest" });
        var rootOnly = EvidenceAnalyzer.Analyze(folder, new ScanOptions { Topics = t => t == "root-usage" });
        var all = EvidenceAnalyzer.Analyze(folder);

        // Found and counted either way; read, with the same timeline, only when root-usage or deployment-automation is selected
        Assert.Equal(1, other.Summary.Kinds[EvidenceKinds.CloudTrail]);
        Assert.Null(other.Trail);
        Assert.Empty(other.Findings);
        Assert.Equal(51, rootOnly.Trail!.Records);
        Assert.Equal(JsonSerializer.Serialize(all.Trail!.Accounts), JsonSerializer.Serialize(rootOnly.Trail.Accounts));
        Assert.All(rootOnly.Findings, f => Assert.Equal("root-usage", f.Topic));
        Assert.Contains(all.Findings, f => f.Topic == "deployment-automation");
    }

    [Fact]
    public void Tricky_json_gives_the_same_records_both_ways()
    {
        var plain = Enumerable.Range(0, 40).Select(i => fixture.Ordinary(Account, Day1.AddMinutes(i))).ToList();
        var rootAfter = fixture.RootAction(Account, Day1.AddDays(2), "DeleteTrail", "cloudtrail.amazonaws.com", mfa: false);
        var records = new List<string>(plain)
        {
            fixture.ConsoleLogin(Account, Day1.AddMinutes(1), "Root", null, mfa: false, success: true),

            // Pretty-printed, and with blanks around every ':' and ','
            Pretty(rootAfter),
            Spaced(fixture.RootAccessKeyCall(Account, Day1.AddDays(3))),
            Spaced(fixture.ConsoleLogin(Account, Day1.AddDays(3), "Root", null, mfa: true, success: false)),

            // "Root" written with escapes: in the value, and in the property names
            rootAfter.Replace("\"type\":\"Root\"", "\"type\":\"R\\u006fot\"", StringComparison.Ordinal),
            rootAfter.Replace("\"userIdentity\"", "\"user\\u0049dentity\"", StringComparison.Ordinal).Replace("\"type\":\"Root\"", "\"\\u0074ype\":\"Root\"", StringComparison.Ordinal),
            rootAfter.Replace("\"eventName\":\"DeleteTrail\"", "\"eventName\":\"Delete\\\"Trail\\\\\"", StringComparison.Ordinal),

            // "Root" elsewhere than the identity type: a user name, an event name, a nested object, a property name
            fixture.ByRole(Account, Day1.AddDays(2), "eu-west-1", "Root", "Root", "iam.amazonaws.com", readOnly: false).Replace("\"requestParameters\":{", "\"requestParameters\":{\"Root\":{\"type\":\"Root\"},", StringComparison.Ordinal),
            "{\"eventTime\":\"2026-03-05T10:00:00Z\",\"eventSource\":\"s3.amazonaws.com\",\"eventName\":\"PutObject\",\"recipientAccountId\":\"" + Account + "\",\"requestParameters\":{\"userIdentity\":{\"type\":\"Root\"},\"Root\":true},\"userIdentity\":{\"type\":\"IAMUser\",\"accountId\":\"" + Account + "\"}}",

            // A root record whose identity comes after everything else, fields twice, odd values
            "{\"readOnly\":\"false\",\"eventTime\":\"2026-03-06T10:00:00Z\",\"eventName\":\"CreateAccessKey\",\"eventSource\":\"iam.amazonaws.com\",\"requestParameters\":{\"userName\":\"bob\"},\"responseElements\":{\"x\":\"Failure\"},\"recipientAccountId\":\"" + Account + "\",\"userIdentity\":{\"type\":\"IAMUser\"},\"userIdentity\":{\"type\":\"Root\",\"accessKeyId\":\"AKIAEXAMPLE\",\"sessionContext\":{\"attributes\":{\"mfaAuthenticated\":\"true\"}}}}",
            "{\"eventTime\":12,\"eventName\":null,\"eventSource\":true,\"userIdentity\":[\"Root\"],\"readOnly\":{\"a\":1}}",
            "[\"not an object\"]",
            "\"Root\"",
            "{}",
        };

        // Non-ASCII text, and enough records that some cross the reader's 1 MiB buffer
        records.Add(fixture.ByRole(Account, Day1.AddDays(4), "eu-west-1", "opérateur-été", "PutRolePolicy", "iam.amazonaws.com", readOnly: false));
        records.AddRange(Enumerable.Range(0, 6000).Select(i => i % 500 == 0 ? Pretty(fixture.RootAction(Account, Day1.AddDays(5).AddSeconds(i), "PutUserPolicy", "iam.amazonaws.com", mfa: true)) : fixture.Ordinary(Account, Day1.AddDays(5).AddSeconds(i))));
        var body = Encoding.UTF8.GetBytes(TrailFixture.Body(records));
        Assert.True(body.Length > 1 << 20);

        var (completeResult, completeRecords) = Read(body, complete: true);
        var (fastResult, fastRecords) = Read(body, complete: false);

        Assert.Equal(completeResult, fastResult);
        Assert.StartsWith(nameof(TrailFileStatus.Read) + "|", fastResult, StringComparison.Ordinal);
        Assert.Equal(completeRecords.Count, fastRecords.Count);
        for (var i = 0; i < completeRecords.Count; i++)
        {
            Assert.Equal(completeRecords[i], fastRecords[i]);
        }

        // The escaped and pretty-printed root events are root events both ways
        Assert.InRange(fastRecords.Count(r => r.Contains("|root|", StringComparison.Ordinal)), 20, 20);
    }

    [Theory]
    [InlineData(40)]
    [InlineData(700)]
    [InlineData(5000)]
    public void Broken_and_truncated_files_give_the_same_problems_both_ways(int cutFromEnd)
    {
        var records = Enumerable.Range(0, 30).Select(i => i == 12 ? fixture.RootAccessKeyCall(Account, Day1.AddDays(2)) : fixture.Ordinary(Account, Day1.AddMinutes(i)));
        var body = TrailFixture.Body(records);
        var cut = Encoding.UTF8.GetBytes(body[..Math.Max(1, body.Length - cutFromEnd)]);
        var invalid = Encoding.UTF8.GetBytes(body.Replace("\"readOnly\":true", "\"readOnly\":tru", StringComparison.Ordinal));
        var good = fixture.Ordinary(Account, Day1);
        var unclosed = Encoding.UTF8.GetBytes("{\"Records\":[" + good + "," + good[..^1] + "]," + good + "]}");

        foreach (var bytes in new[] { cut, invalid, unclosed })
        {
            var complete = Read(bytes, complete: true);
            var fast = Read(bytes, complete: false);
            Assert.Equal(complete.Result, fast.Result);
            Assert.Equal(complete.Records, fast.Records);
            Assert.StartsWith(nameof(TrailFileStatus.Broken) + "|", fast.Result, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void Json_that_stresses_the_record_scanner_gives_the_same_records_both_ways()
    {
        var ordinary = fixture.Ordinary(Account, Day1);
        var head = "\"eventSource\":\"iam.amazonaws.com\",\"recipientAccountId\":\"" + Account + "\",";
        var records = new List<string>
        {
            // Strings holding braces, brackets, quotes, commas, colons and escapes, in skipped and kept values
            "{" + head + "\"eventName\":\"PutUserPolicy\",\"requestParameters\":{\"policyDocument\":\"{\\\"a\\\":[1,2,{\\\"b\\\":\\\"}\\\"}]}\",\"k\":\"]}{[,:\"}}",
            "{" + head + "\"eventName\":\"PutUserPolicy\",\"requestParameters\":{\"note\":\"]},{\\\"x\\\":\\u007d\"},\"userAgent\":\"a\\tb\\u00e9\"}",
            "{" + head + "\"eventName\":\"Create{User}\",\"userAgent\":\"x,y:z]}\",\"userIdentity\":{\"type\":\"IAMUser\",\"userName\":\"a\\\\b\"}}",

            // Numbers of every shape, in skipped values and in kept ones (read as written)
            "{" + head + "\"eventName\":\"PutMetricData\",\"n\":[0,-0,1,-12,3.25,-0.5,1e9,1E+9,2e-3,-1.5E-07,123456789012345678901234567890],\"readOnly\":0,\"eventType\":-1.5e3,\"managementEvent\":1}",
            "{" + head + "\"eventName\":12,\"eventCategory\":true,\"sourceIPAddress\":false,\"userAgent\":null,\"errorCode\":{\"a\":[]},\"eventType\":[\"AwsApiCall\"]}",

            // Nested arrays and objects, empty ones, and nesting deeper than the scanner follows
            "{" + head + "\"eventName\":\"RunInstances\",\"responseElements\":{\"a\":[[[]],[{}],{\"b\":[[1,[2,[3]]]]}],\"c\":{}},\"e\":[]}",
            "{" + head + "\"eventName\":\"Deep\",\"x\":" + new string('[', 40) + new string(']', 40) + ",\"y\":" + string.Concat(Enumerable.Repeat("{\"a\":", 40)) + "1" + new string('}', 40) + "}",

            // Property names written with unicode escapes, also for the fields the scanner keeps
            "{\"event\\u004eame\":\"DeleteBucket\",\"eventSource\":\"s3.amazonaws.com\",\"recipientAccountId\":\"" + Account + "\",\"readOnly\":false}",
            "{" + head + "\"eventName\":\"DeleteBucket\",\"user\\u0049dentity\":{\"type\":\"AssumedRole\",\"sessionContext\":{\"sessionIssuer\":{\"\\u0061rn\":\"arn:aws:iam::1:role/x\"}}}}",

            // Blanks of every kind everywhere, and fields in an unusual order, repeated, or of the wrong kind
            " \t\r\n{ \r\n\"eventName\" \t: \"AttachRolePolicy\" ,\n\"userIdentity\"\n:\n{\n\"sessionContext\" : { \"sessionIssuer\" : { \"userName\" : \"deploy\" , \"arn\" : \"arn:aws:iam::1:role/deploy\" } } , \"type\" : \"AssumedRole\" } , \"eventSource\" : \"iam.amazonaws.com\" , \"readOnly\" : \"False\" , \"recipientAccountId\":\"" + Account + "\"\t}\r\n",
            "{\"eventName\":\"A\",\"eventName\":\"CreateRole\",\"eventSource\":\"iam.amazonaws.com\",\"userIdentity\":{\"type\":\"IAMUser\",\"arn\":\"arn:1\"},\"userIdentity\":{\"arn\":\"arn:2\"},\"userIdentity\":\"none\",\"readOnly\":true,\"readOnly\":\"yes\",\"recipientAccountId\":\"" + Account + "\"}",
            "{" + head + "\"eventName\":\"PutObject\",\"userIdentity\":{\"sessionContext\":[{\"sessionIssuer\":{\"userName\":\"no\"}}],\"invokedBy\":{\"x\":1}},\"sessionCredentialFromConsole\":\"True\"}",

            // Times: the usual form, fractions, offsets, impossible dates, other kinds of value (an object whose members look like fields)
            "{" + head + "\"eventName\":\"T1\",\"eventTime\":\"2026-03-02T08:00:00.123Z\"}",
            "{" + head + "\"eventName\":\"T2\",\"eventTime\":\"2026-03-02T10:00:00+02:00\"}",
            "{" + head + "\"eventName\":\"T3\",\"eventTime\":\"2026-02-30T08:00:00Z\"}",
            "{" + head + "\"eventName\":\"T4\",\"eventTime\":\"2024-02-29T23:59:59Z\"}",
            "{" + head + "\"eventName\":\"T5\",\"eventTime\":\"2026-03-02T24:00:00Z\"}",
            "{" + head + "\"eventName\":\"T6\",\"eventTime\":\"0000-01-01T00:00:00Z\"}",
            "{" + head + "\"eventName\":\"T7\",\"eventTime\":{\"eventName\":\"Inside\",\"readOnly\":false},\"readOnly\":true}",
            "{" + head + "\"eventName\":\"T8\",\"eventTime\":[\"2026-03-02T08:00:00Z\"]}",

            // Non-ASCII text in skipped and in kept values
            "{" + head + "\"eventName\":\"PutBucketTagging\",\"requestParameters\":{\"tag\":\"été ✓ 日本\"}}",
            "{" + head + "\"eventName\":\"Überprüfen\",\"userAgent\":\"console ✓\"}",

            // Root in a skipped string, in a kept one, and as the identity type with blanks around
            "{" + head + "\"eventName\":\"X\",\"requestParameters\":{\"q\":\"\\\"Root\\\"\"}}",
            "{" + head + "\"eventName\":\"DeleteTrail\",\"userIdentity\":{ \"type\" : \"Root\" ,\"accessKeyId\":\"AKIAX\"}}",
            ordinary,
        };

        foreach (var body in new[]
        {
            TrailFixture.Body(records),
            "[" + string.Join(" , ", records) + "]",
            "{\"x\":{\"Records\":[1]},\"Records\":[\n" + string.Join(",\n", records) + "\n],\"y\":[{\"z\":[1,{}]}],\"Records\":[" + ordinary + "]}",
            "{\"Records\":[" + ordinary + "," + new string(' ', 3 << 20) + ordinary + new string('\n', 2 << 20) + "," + ordinary + "]}",
        })
        {
            var bytes = Encoding.UTF8.GetBytes(body);
            var (completeResult, completeRecords) = Read(bytes, complete: true);
            var (fastResult, fastRecords) = Read(bytes, complete: false);
            Assert.Equal(completeResult, fastResult);
            Assert.StartsWith(nameof(TrailFileStatus.Read) + "|", fastResult, StringComparison.Ordinal);
            Assert.Equal(completeRecords, fastRecords);
        }

        // The time that is an object is skipped whole: what it holds is not read as the record's fields
        var (_, read) = Read(Encoding.UTF8.GetBytes(TrailFixture.Body(records)), complete: false);
        Assert.Contains(read, r => r.Contains("|T7|", StringComparison.Ordinal) && r.Contains("|True|", StringComparison.Ordinal));
        Assert.DoesNotContain(read, r => r.Contains("Inside", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("\"readOnly\":tru,")]
    [InlineData("\"readOnly\":truex,")]
    [InlineData("\"readOnly\":nul,")]
    [InlineData("\"n\":01,")]
    [InlineData("\"n\":1.,")]
    [InlineData("\"n\":-,")]
    [InlineData("\"n\":.5,")]
    [InlineData("\"n\":+1,")]
    [InlineData("\"n\":1e,")]
    [InlineData("\"n\":1x,")]
    [InlineData("\"n\":NaN,")]
    [InlineData("\"eventName\":1e+,")]
    [InlineData("\"s\":\"a\tb\",")]
    [InlineData("\"eventName\":\"a\nb\",")]
    [InlineData("\"s\":\"a\\xb\",")]
    [InlineData("\"s\":'a',")]
    [InlineData("\"o\":{\"a\":1,},")]
    [InlineData("\"o\":[1,],")]
    [InlineData("\"o\":[1 2],")]
    [InlineData("\"o\":{\"a\" 1},")]
    [InlineData("\"o\":{\"a\":1 \"b\":2},")]
    [InlineData("\"o\":{a:1},")]
    [InlineData("\"o\":/* c */1,")]
    [InlineData("\"userIdentity\":{\"type\":\"IAMUser\",},")]
    [InlineData("\"o\":[}],")]
    [InlineData("\"o\" \"p\",")]
    [InlineData(",")]
    public void Invalid_json_inside_a_record_gives_the_same_problem_both_ways(string fault)
    {
        var records = Enumerable.Range(0, 20).Select(i => fixture.Ordinary(Account, Day1.AddMinutes(i))).ToList();
        records[7] = "{" + fault + records[7][1..];
        foreach (var body in new[] { TrailFixture.Body(records), "[" + string.Join(",", records) + "]" })
        {
            var bytes = Encoding.UTF8.GetBytes(body);
            var complete = Read(bytes, complete: true);
            var fast = Read(bytes, complete: false);
            Assert.Equal(complete.Result, fast.Result);
            Assert.Equal(complete.Records, fast.Records);
            Assert.StartsWith(nameof(TrailFileStatus.Broken) + "|7|", fast.Result, StringComparison.Ordinal);
        }
    }

    [Theory]
    [InlineData("{\"Records\":[{\"eventName\":\"A\",\"eventSource\":\"s\"},]}")]
    [InlineData("{\"Records\":[{\"eventName\":\"A\",\"eventSource\":\"s\"} {\"eventName\":\"B\"}]}")]
    [InlineData("{\"Records\":[,{\"eventName\":\"A\",\"eventSource\":\"s\"}]}")]
    [InlineData("{\"Records\":[{\"eventName\":\"A\",\"eventSource\":\"s\"}}")]
    [InlineData("{\"Records\":[{\"eventName\":\"A\",\"eventSource\":\"s\"}],}")]
    [InlineData("{\"Records\":[{\"eventName\":\"A\",\"eventSource\":\"s\"}] \"x\":1}")]
    [InlineData("{\"Records\":[{\"eventName\":\"A\",\"eventSource\":\"s\"},1,\"s\",null,[{\"eventName\":\"B\"}],{\"eventName\":\"C\",\"eventSource\":\"s\"}]")]
    [InlineData("{\"Records\":[{\"eventName\":\"A\",\"eventSource\":\"s\"}")]
    [InlineData("{\"Records\":[{\"eventName\":\"A\",\"eventSource\":\"s\"},{\"eventName\":\"B")]
    [InlineData("{\"Records\":[{\"eventName\":\"A\",\"eventSource\":\"s\"},{\"eventName\":tr")]
    [InlineData("{\"Records\":[{\"eventName\":\"A\",\"eventSource\":\"s\"},{\"n\":12")]
    [InlineData("[{\"eventName\":\"A\",\"eventSource\":\"s\"},]")]
    [InlineData("[{\"eventName\":\"A\",\"eventSource\":\"s\"},{")]
    [InlineData("{\"Records\":[{\"eventName\":\"A\",\"eventSource\":\"s\"},1,{\"eventName\":\"B\",\"eventSource\":\"s\"}],\"More\":{\"a\":[1,2]}}")]
    public void The_records_array_itself_reads_the_same_both_ways(string body)
    {
        var bytes = Encoding.UTF8.GetBytes(body);
        var complete = Read(bytes, complete: true);
        var fast = Read(bytes, complete: false);
        Assert.Equal(complete.Result, fast.Result);
        Assert.Equal(complete.Records, fast.Records);
    }

    // A record re-written with indentation and line breaks
    private static string Pretty(string record) => JsonSerializer.Serialize(JsonDocument.Parse(record).RootElement, Indented);

    // A record with blanks, tabs and line breaks around every ':' and ',' outside strings
    private static string Spaced(string record)
    {
        var text = new StringBuilder();
        var inString = false;
        for (var i = 0; i < record.Length; i++)
        {
            var c = record[i];
            if (inString)
            {
                text.Append(c);
                if (c == '\\')
                {
                    text.Append(record[++i]);
                }
                else if (c == '"')
                {
                    inString = false;
                }

                continue;
            }

            inString = c == '"';
            text.Append(c is ':' or ',' ? " \t" + c + "\r\n  " : c.ToString());
        }

        return text.ToString();
    }

    private static (string Result, List<string> Records) Read(byte[] body, bool complete)
    {
        var seen = new List<string>();
        var result = TrailReader.Read(new MemoryStream(body), TrailLimits.Default, (e, i) => seen.Add(Snapshot(e, i)), complete);
        return ($"{result.Status}|{result.Records}|{result.Bytes}|{result.Problem?.In(Language.En)}", seen);
    }

    // What the analysis reads of a record: every field for a root event, the others but the root-only ones otherwise
    private static string Snapshot(TrailEvent e, long index)
    {
        var isRoot = TrailAnalyzer.IsRootAction(e) || e.IdentityType == "Root";
        var common = string.Join('|', index, e.Time?.ToString("O", System.Globalization.CultureInfo.InvariantCulture), e.Source, e.Name, e.Type, e.Category, e.ReadOnly, e.Management, e.SourceIp, e.UserAgent,
            e.RecipientAccount, e.ErrorCode, e.IdentityType, e.IdentityArn, e.IdentityAccount, e.IdentityUserName, e.PrincipalId, e.InvokedBy, e.IssuerUserName, e.IssuerArn, e.FromConsole);
        return isRoot
            ? common + "|root|" + string.Join('|', e.ErrorMessage, e.AccessKeyId, e.SessionMfa, e.MfaUsed, e.ConsoleLoginResult, e.ResponseFailure, e.RequestUserName, TrailAnalyzer.RootKind(e))
            : common;
    }

    private static string Analyze(IReadOnlyList<string> files, bool complete)
    {
        var analyzer = new TrailAnalyzer(TrailOptions.Default);
        foreach (var file in files)
        {
            using var stream = File.OpenRead(file);
            void OnRecord(TrailEvent e, long record) => analyzer.Add(e, file, record);
            var result = file.EndsWith(".gz", StringComparison.Ordinal)
                ? TrailReader.ReadGzip(stream, TrailLimits.Default, OnRecord, complete)
                : TrailReader.Read(stream, TrailLimits.Default, OnRecord, complete);
            analyzer.AddFile(file, result);
        }

        var report = analyzer.Finish();
        var findings = TrailRules.Judge(report).Select(f => string.Join('|', f.RuleId, f.Outcome, f.Severity, f.Resource, f.File, f.Line, f.Message.In(Language.En), f.Message.In(Language.Fr)));
        var timeline = JsonSerializer.Serialize(new
        {
            report.Files,
            report.Records,
            report.Bytes,
            report.RootEvents,
            report.Accounts,
            Problems = report.Problems.Select(p => $"{p.File}|{p.Status}|{p.Message.In(Language.En)}"),
        });
        return timeline + "\n" + string.Join('\n', findings);
    }
}
