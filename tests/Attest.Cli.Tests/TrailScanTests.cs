using System.Text.Json;
using Attest.Cli.Tests.Support;
using Attest.Evidence.Tests.CloudTrail;

namespace Attest.Cli.Tests;

public sealed class TrailScanTests : IDisposable
{
    private const string Account = "210987654321";
    private static readonly DateTime Day1 = new(2026, 2, 10, 9, 0, 0, DateTimeKind.Utc);
    private readonly TempFolder temp = new();
    private readonly TrailFixture fixture = new(3);

    public void Dispose() => temp.Dispose();

    [Fact]
    public void Scan_of_a_log_tree_with_root_use_after_setup_fails_and_shows_the_timeline()
    {
        var logs = Logs(rootLate: true);

        var result = CliRun.Run("scan", logs, "--format", "json");

        Assert.True(result.ExitCode == 1, result.ToString());
        using var json = JsonDocument.Parse(result.Out);
        var verdict = json.RootElement.GetProperty("results").EnumerateArray().Single(r => r.GetProperty("rule").GetString() == "cloudtrail-root-after-setup");
        Assert.Equal(("fail", "high", "VAL-2.8", Account), (verdict.GetProperty("outcome").GetString(), verdict.GetProperty("severity").GetString(), verdict.GetProperty("item").GetString(), verdict.GetProperty("resource").GetString()));
        Assert.EndsWith(".json.gz", verdict.GetProperty("file").GetString(), StringComparison.Ordinal);

        var trail = json.RootElement.GetProperty("cloudtrail");
        Assert.Equal(2, trail.GetProperty("files").GetInt32());
        var account = trail.GetProperty("accounts")[0];
        Assert.Equal("2026-02-10T00:00:00Z", account.GetProperty("setupWindow").GetProperty("start").GetString());
        Assert.Equal("2026-02-11T00:00:00Z", account.GetProperty("setupWindow").GetProperty("end").GetString());
        var late = Assert.Single(account.GetProperty("timeline").EnumerateArray());
        Assert.Equal(("ConsoleLogin", false), (late.GetProperty("event").GetString(), late.GetProperty("mfa").GetBoolean()));
        Assert.Equal(JsonValueKind.Number, late.GetProperty("record").ValueKind);

        // The existing fields are all still there
        Assert.True(json.RootElement.TryGetProperty("errors", out _));
        Assert.True(json.RootElement.GetProperty("summary").TryGetProperty("fail", out _));
    }

    [Fact]
    public void Scan_of_logs_with_root_only_during_setup_passes_and_the_text_output_names_the_window()
    {
        var logs = Logs(rootLate: false);

        var result = CliRun.Run("scan", logs, "--lang", "fr");

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Contains("CloudTrail\u00A0: 2 fichier(s)", result.Out, StringComparison.Ordinal);
        Assert.Contains("2026-02-10T00:00:00Z → 2026-02-11T00:00:00Z", result.Out, StringComparison.Ordinal);
    }

    [Fact]
    public void The_setup_end_option_moves_the_window_and_a_bad_value_is_a_usage_error()
    {
        var logs = Logs(rootLate: true);

        Assert.Equal(0, CliRun.Run("scan", logs, "--setup-end", Account + "=2026-02-20").ExitCode);
        Assert.Equal(0, CliRun.Run("scan", logs, "--setup-days", "9").ExitCode);
        var bad = CliRun.Run("scan", logs, "--setup-end", "yesterday");
        Assert.Equal(2, bad.ExitCode);
        Assert.Contains("--setup-end", bad.Err, StringComparison.Ordinal);
    }

    [Fact]
    public void Scan_reports_a_truncated_log_and_a_gzip_file_that_is_not_cloudtrail_and_keeps_the_rest()
    {
        var logs = Logs(rootLate: true);
        var whole = File.ReadAllBytes(Directory.GetFiles(logs, "*.json.gz", SearchOption.AllDirectories).Order(StringComparer.Ordinal).Last());
        var cut = temp.WriteBytes("logs/AWSLogs/" + Account + "/CloudTrail/us-east-1/2026/02/16/cut.json.gz", whole[..(whole.Length * 2 / 3)]);
        var other = temp.WriteBytes("other.json.gz", Gzip("{\"hello\":\"world\"}"));

        var result = CliRun.Run("scan", logs, other, "--format", "json");

        using var json = JsonDocument.Parse(result.Out);
        var errors = json.RootElement.GetProperty("errors").EnumerateArray().Select(e => (File: e.GetProperty("file").GetString()!, Message: e.GetProperty("message").GetString()!)).ToList();
        Assert.Contains(errors, e => e.File.EndsWith("cut.json.gz", StringComparison.Ordinal) && e.Message.Contains("record(s) read before it were kept", StringComparison.Ordinal));
        Assert.Contains(errors, e => e.File.EndsWith("other.json.gz", StringComparison.Ordinal) && e.Message.Contains("not a CloudTrail", StringComparison.Ordinal));
        Assert.Equal("fail", json.RootElement.GetProperty("results").EnumerateArray().Single(r => r.GetProperty("rule").GetString() == "cloudtrail-root-after-setup").GetProperty("outcome").GetString());
        _ = cut;
    }

    [Fact]
    public void A_plain_json_cloudtrail_file_is_read_as_logs_not_as_a_template()
    {
        var file = TrailFixture.Write(temp.Combine("plain"), Account, "eu-west-1", Day1, [fixture.Ordinary(Account, Day1), fixture.RootAccessKeyCall(Account, Day1.AddDays(3))], gzip: false);

        var result = CliRun.Run("scan", file, "--format", "json");

        using var json = JsonDocument.Parse(result.Out);
        Assert.Empty(json.RootElement.GetProperty("errors").EnumerateArray());
        Assert.Equal(2, json.RootElement.GetProperty("cloudtrail").GetProperty("records").GetInt32());
        Assert.Equal(1, result.ExitCode);
    }

    [Fact]
    public void Files_read_in_parallel_give_the_same_output_every_time()
    {
        var logs = Logs(rootLate: true);
        for (var day = 20; day < 28; day++)
        {
            var time = new DateTime(2026, 2, day, 6, 0, 0, DateTimeKind.Utc);
            TrailFixture.Write(logs, Account, "eu-west-1", time, [.. Enumerable.Range(0, 200).Select(i => fixture.Ordinary(Account, time.AddSeconds(i))), fixture.RootAction(Account, time.AddHours(1), "StopInstances", "ec2.amazonaws.com", mfa: false)]);
        }

        var first = CliRun.Run("scan", logs, "--format", "json").Out;
        for (var run = 0; run < 3; run++)
        {
            Assert.Equal(first, CliRun.Run("scan", logs, "--format", "json").Out);
        }

        // Naming a file again beside its folder does not count its events twice
        var again = CliRun.Run("scan", logs, Directory.GetFiles(logs, "*.json.gz", SearchOption.AllDirectories)[0], "--format", "json").Out;
        Assert.Equal(RecordsOf(first), RecordsOf(again));

        using var json = JsonDocument.Parse(first);
        var times = json.RootElement.GetProperty("cloudtrail").GetProperty("accounts")[0].GetProperty("timeline").EnumerateArray().Select(e => e.GetProperty("time").GetString()).ToList();
        Assert.Equal(9, times.Count);
        Assert.Equal(times.Order(StringComparer.Ordinal), times);
    }

    [Fact]
    public void A_gzip_file_alone_that_is_not_cloudtrail_gets_a_note_and_no_verdict()
    {
        var other = temp.WriteBytes("other.json.gz", Gzip("{\"hello\":\"world\"}"));
        var result = CliRun.Run("scan", other, "--format", "json");
        using var json = JsonDocument.Parse(result.Out);
        Assert.Empty(json.RootElement.GetProperty("results").EnumerateArray());
        Assert.Single(json.RootElement.GetProperty("errors").EnumerateArray());
        Assert.Equal(0, result.ExitCode);
    }

    [Fact]
    public void A_folder_of_single_events_as_the_console_shows_them_is_read_as_logs()
    {
        temp.Write("events/1-setup.json", fixture.ConsoleLogin(Account, Day1, "Root", null, mfa: true, success: true));
        temp.Write("events/2-ordinary.json", fixture.Ordinary(Account, Day1.AddDays(2)));
        temp.Write("events/3-service.json", fixture.RootInvokedByService(Account, Day1.AddDays(3)));
        var events = temp.Combine("events");

        var clean = CliRun.Run("scan", events, "--format", "json");
        using (var json = JsonDocument.Parse(clean.Out))
        {
            Assert.Equal(3, json.RootElement.GetProperty("cloudtrail").GetProperty("records").GetInt32());
            Assert.Equal("pass", json.RootElement.GetProperty("results").EnumerateArray().Single(r => r.GetProperty("rule").GetString() == "cloudtrail-root-after-setup").GetProperty("outcome").GetString());
        }

        temp.Write("events/4-late.json", fixture.RootAction(Account, Day1.AddDays(4), "DeleteBucket", "s3.amazonaws.com", mfa: false));
        var late = CliRun.Run("scan", events, "--format", "json");
        using var again = JsonDocument.Parse(late.Out);
        Assert.Equal("fail", again.RootElement.GetProperty("results").EnumerateArray().Single(r => r.GetProperty("rule").GetString() == "cloudtrail-root-after-setup").GetProperty("outcome").GetString());
        Assert.Empty(again.RootElement.GetProperty("errors").EnumerateArray());
    }

    [Fact]
    public void Rules_lists_the_cloudtrail_rules()
    {
        var text = CliRun.Run("rules").Out;
        Assert.Contains("cloudtrail-root-after-setup  VAL-2.8", text, StringComparison.Ordinal);
        Assert.Contains("cloudtrail-manual-changes  VAL-2.2", text, StringComparison.Ordinal);
        using var json = JsonDocument.Parse(CliRun.Run("rules", "--format", "json").Out);
        Assert.Contains(json.RootElement.GetProperty("rules").EnumerateArray(), r => r.GetProperty("id").GetString() == "cloudtrail-root-signin-attempts");
    }

    [Fact]
    public void Check_weighs_cloudtrail_logs_listed_as_case_study_evidence()
    {
        var logs = Logs(rootLate: true);
        var iac = Path.Combine(Path.GetDirectoryName(Repo.ReadyExample)!, "iac", "contoso");
        var application = File.ReadAllText(Repo.ReadyExample).Replace("evidence: [iac/contoso/]", $"evidence: [\"{iac}/\", \"{logs}/\"]", StringComparison.Ordinal);
        var file = temp.Write("application.yaml", application);

        var result = CliRun.Run("check", file, "--format", "json");

        Assert.True(result.ExitCode == 1, result.ToString());
        using var json = JsonDocument.Parse(result.Out);
        var item = json.RootElement.GetProperty("items").EnumerateArray().Single(i => i.GetProperty("id").GetString() == "VAL-2.8");
        var contoso = item.GetProperty("caseStudies").EnumerateArray().Single(c => c.GetProperty("key").GetString() == "contoso");
        Assert.Equal("not-met", contoso.GetProperty("status").GetString());
        Assert.Contains("ConsoleLogin", contoso.GetProperty("reason").GetString(), StringComparison.Ordinal);

        // With the setup window stretched over the late sign-in, the logs no longer contradict the item
        var stretched = CliRun.Run("check", file, "--format", "json", "--setup-end", "2026-03-01");
        using var again = JsonDocument.Parse(stretched.Out);
        var after = again.RootElement.GetProperty("items").EnumerateArray().Single(i => i.GetProperty("id").GetString() == "VAL-2.8")
            .GetProperty("caseStudies").EnumerateArray().Single(c => c.GetProperty("key").GetString() == "contoso");
        Assert.Equal("needs-review", after.GetProperty("status").GetString());
    }

    // Two days of logs: root signs in and sets up on day 1; with rootLate, root signs in again (no MFA) on day 6
    private string Logs(bool rootLate)
    {
        var root = temp.Combine("logs");
        var first = Enumerable.Range(0, 1500).Select(i => fixture.Ordinary(Account, Day1.AddSeconds(i * 11))).ToList();
        first.Insert(700, fixture.ConsoleLogin(Account, Day1.AddMinutes(3), "Root", null, mfa: true, success: true));
        first.Insert(900, fixture.RootInvokedByService(Account, Day1.AddDays(2)));
        TrailFixture.Write(root, Account, "us-east-1", Day1, first);
        var later = Day1.AddDays(5);
        var second = Enumerable.Range(0, 1500).Select(i => fixture.Ordinary(Account, later.AddSeconds(i * 13))).ToList();
        if (rootLate)
        {
            second.Insert(1000, fixture.ConsoleLogin(Account, later.AddHours(2), "Root", null, mfa: false, success: true));
        }

        TrailFixture.Write(root, Account, "us-east-1", later, second);
        return root;
    }

    private static int RecordsOf(string output)
    {
        using var json = JsonDocument.Parse(output);
        return json.RootElement.GetProperty("cloudtrail").GetProperty("records").GetInt32();
    }

    private static byte[] Gzip(string text)
    {
        using var stream = new MemoryStream();
        using (var zip = new System.IO.Compression.GZipStream(stream, System.IO.Compression.CompressionLevel.Fastest))
        {
            zip.Write(System.Text.Encoding.UTF8.GetBytes(text));
        }

        return stream.ToArray();
    }
}
