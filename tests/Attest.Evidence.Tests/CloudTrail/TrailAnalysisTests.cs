using Attest.Core.Findings;
using Attest.Core.Text;
using Attest.Evidence.CloudTrail;

namespace Attest.Evidence.Tests.CloudTrail;

public sealed class TrailAnalysisTests : IDisposable
{
    private const string Account = "111122223333";
    private static readonly DateTime Day1 = new(2026, 3, 2, 8, 0, 0, DateTimeKind.Utc);
    private readonly string root = Path.Combine(Path.GetTempPath(), "attest-trail-tests", Guid.NewGuid().ToString("N"));
    private readonly TrailFixture fixture = new(42);

    public void Dispose()
    {
        if (Directory.Exists(root))
        {
            Directory.Delete(root, recursive: true);
        }
    }

    [Fact]
    public void Root_use_after_the_first_day_among_thousands_of_events_fails_and_lists_only_those_events()
    {
        // Day 1: setup by root (sign-in without MFA, an IAM user created); later days: ordinary traffic, then root again
        WriteDay(Day1, 800, fixture.ConsoleLogin(Account, Day1.AddMinutes(1), "Root", null, mfa: false, success: true), fixture.RootAction(Account, Day1.AddMinutes(5), "CreateUser", "iam.amazonaws.com", mfa: false));
        WriteDay(Day1.AddDays(1), 1500, fixture.RootInvokedByService(Account, Day1.AddDays(1).AddHours(2)), fixture.RootServiceEvent(Account, Day1.AddDays(1).AddHours(3)));
        var late = Day1.AddDays(5).AddHours(3);
        WriteDay(Day1.AddDays(5), 1200, fixture.ConsoleLogin(Account, late, "Root", null, mfa: true, success: true), fixture.RootAction(Account, late.AddMinutes(2), "DeleteTrail", "cloudtrail.amazonaws.com", mfa: true));

        var (report, findings) = Analyze(TrailOptions.Default);

        Assert.Equal(3500 + 6, report.Records);
        var account = Assert.Single(report.Accounts);
        Assert.Equal(Day1.Date, account.SetupStart);
        Assert.Equal(Day1.Date.AddDays(1), account.SetupEnd);
        Assert.Equal(2, account.RootInSetup);
        Assert.Equal(["ConsoleLogin", "DeleteTrail"], account.RootAfterSetup.Select(e => e.Name));
        Assert.Equal(1, account.RootSignInsWithMfa);
        Assert.Equal(1, account.RootSignInsWithoutMfa);
        Assert.All(account.RootAfterSetup, e => Assert.Equal(true, e.Mfa));
        Assert.Equal(late, account.RootAfterSetup[0].Time);
        Assert.EndsWith(".json.gz", account.RootAfterSetup[0].File, StringComparison.Ordinal);

        // The plain filter (type Root, not invoked by a service, not a service event) sees the four root events
        Assert.Equal(4, report.RootEvents);
        var verdict = findings.Single(f => f.RuleId == TrailRules.RootAfterSetup);
        Assert.Equal(FindingOutcome.Fail, verdict.Outcome);
        Assert.Equal(Severity.High, verdict.Severity);
        Assert.Equal("root-usage", verdict.Topic);
        Assert.Equal(Account, verdict.Resource);
        Assert.Contains("DeleteTrail", verdict.Message.In(Language.En), StringComparison.Ordinal);
        Assert.Contains("DeleteTrail", verdict.Message.In(Language.Fr), StringComparison.Ordinal);
        Assert.DoesNotContain("CreateUser", verdict.Message.In(Language.En), StringComparison.Ordinal);
    }

    [Fact]
    public void Root_only_within_the_setup_window_passes_and_names_the_period_read()
    {
        WriteDay(Day1, 300, fixture.ConsoleLogin(Account, Day1.AddMinutes(1), "Root", null, mfa: true, success: true), fixture.RootCreateAccessKey(Account, Day1.AddMinutes(3)));
        WriteDay(Day1.AddDays(3), 300, fixture.RootInvokedByService(Account, Day1.AddDays(3).AddHours(1)));

        var (report, findings) = Analyze(TrailOptions.Default);

        var verdict = findings.Single(f => f.RuleId == TrailRules.RootAfterSetup);
        Assert.Equal(FindingOutcome.Pass, verdict.Outcome);
        Assert.Contains("2026-03-02", verdict.Message.In(Language.En), StringComparison.Ordinal);
        Assert.Contains("2026-03-05", verdict.Message.In(Language.En), StringComparison.Ordinal);
        Assert.Equal(1, report.Accounts[0].RootAccessKeysCreated);
        Assert.Equal(2, report.Accounts[0].RootInSetup);
    }

    [Fact]
    public void A_longer_setup_window_given_as_an_end_time_covers_later_root_use()
    {
        var late = Day1.AddDays(2);
        WriteDay(Day1, 50);
        WriteDay(late, 50, fixture.RootAction(Account, late.AddHours(1), "PutBucketPolicy", "s3.amazonaws.com", mfa: true));
        WriteDay(Day1.AddDays(6), 50);

        var given = new DateTime(2026, 3, 5, 0, 0, 0, DateTimeKind.Utc);
        var (_, passing) = Analyze(TrailOptions.Default with { SetupEnd = given });
        var (_, byAccount) = Analyze(TrailOptions.Default with { SetupEndByAccount = new Dictionary<string, DateTime> { [Account] = given } });
        var (_, failing) = Analyze(TrailOptions.Default with { SetupDays = 2 });

        Assert.Equal(FindingOutcome.Pass, passing.Single(f => f.RuleId == TrailRules.RootAfterSetup).Outcome);
        Assert.Equal(FindingOutcome.Pass, byAccount.Single(f => f.RuleId == TrailRules.RootAfterSetup).Outcome);
        Assert.Equal(FindingOutcome.Fail, failing.Single(f => f.RuleId == TrailRules.RootAfterSetup).Outcome);
    }

    [Fact]
    public void Root_access_key_calls_are_told_from_console_sessions()
    {
        var later = Day1.AddDays(2);
        WriteDay(Day1, 20);
        WriteDay(later, 20, fixture.RootAccessKeyCall(Account, later.AddHours(1)), fixture.RootAction(Account, later.AddHours(2), "StopInstances", "ec2.amazonaws.com", mfa: false));

        var (report, findings) = Analyze(TrailOptions.Default);

        var events = report.Accounts[0].RootAfterSetup;
        Assert.Equal([RootEventKind.AccessKeyUse, RootEventKind.Action], events.Select(e => e.Kind));
        Assert.Equal(1, report.Accounts[0].RootAccessKeyUses);
        Assert.Contains("root access key", findings.Single(f => f.RuleId == TrailRules.RootAfterSetup).Message.In(Language.En), StringComparison.Ordinal);
    }

    [Fact]
    public void A_failed_root_sign_in_after_setup_is_an_attempt_not_a_use()
    {
        var later = Day1.AddDays(4);
        WriteDay(Day1, 30);
        WriteDay(later, 30, fixture.ConsoleLogin(Account, later.AddHours(1), "Root", null, mfa: false, success: false));

        var (report, findings) = Analyze(TrailOptions.Default);

        Assert.Equal(FindingOutcome.Pass, findings.Single(f => f.RuleId == TrailRules.RootAfterSetup).Outcome);
        var attempt = findings.Single(f => f.RuleId == TrailRules.RootSignInAttempts);
        Assert.Equal(FindingOutcome.Unknown, attempt.Outcome);
        Assert.Equal(1, report.Accounts[0].RootFailedSignIns);
    }

    [Fact]
    public void Sign_in_steps_and_failed_password_checks_of_root_are_not_uses()
    {
        var later = Day1.AddDays(4);
        string Step(string name, string result, int minute) =>
            "{\"eventVersion\":\"1.09\",\"userIdentity\":{\"type\":\"Root\",\"principalId\":\"" + Account + "\",\"arn\":\"arn:aws:iam::" + Account + ":root\",\"accountId\":\"" + Account + "\"},"
            + "\"eventTime\":\"" + TrailRules.Time(later.AddMinutes(minute)) + "\",\"eventSource\":\"signin.amazonaws.com\",\"eventName\":\"" + name + "\",\"sourceIPAddress\":\"203.0.113.9\","
            + "\"requestParameters\":null,\"responseElements\":{\"" + name + "\":\"" + result + "\"},\"additionalEventData\":{\"MFAUsed\":\"No\"},\"eventType\":\"AwsConsoleSignIn\",\"recipientAccountId\":\"" + Account + "\"}";
        WriteDay(Day1, 30);
        WriteDay(later, 30, Step("CredentialVerification", "Failure", 1), Step("CredentialVerification", "Success", 2), Step("CredentialChallenge", "Failure", 3));

        var (report, findings) = Analyze(TrailOptions.Default);

        Assert.Equal([RootEventKind.FailedSignIn, RootEventKind.SignInStep, RootEventKind.FailedSignIn], report.Accounts[0].RootAfterSetup.Select(e => e.Kind));
        Assert.Equal(FindingOutcome.Pass, findings.Single(f => f.RuleId == TrailRules.RootAfterSetup).Outcome);
        Assert.Contains("2 failed", findings.Single(f => f.RuleId == TrailRules.RootSignInAttempts).Message.In(Language.En), StringComparison.Ordinal);
    }

    [Fact]
    public void Logs_without_events_are_unknown_and_logs_that_stop_within_setup_are_unknown()
    {
        FixtureWrite(Day1, []);
        var (_, empty) = Analyze(TrailOptions.Default);
        Assert.Equal(FindingOutcome.Unknown, Assert.Single(empty).Outcome);

        WriteDay(Day1, 10, fixture.ConsoleLogin(Account, Day1.AddMinutes(1), "Root", null, mfa: true, success: true));
        var (_, setupOnly) = Analyze(TrailOptions.Default);
        Assert.Equal(FindingOutcome.Unknown, setupOnly.Single(f => f.RuleId == TrailRules.RootAfterSetup).Outcome);
    }

    [Fact]
    public void Changes_through_cloudformation_and_deployment_roles_pass_and_console_changes_fail_medium()
    {
        var later = Day1.AddDays(1);
        WriteDay(Day1, 0, fixture.ByRole(Account, Day1, "us-east-1", "Admin", "CreateVpc", "ec2.amazonaws.com", readOnly: false, console: true));
        WriteDay(later, 0,
            fixture.ThroughCloudFormation(Account, later, "us-east-1", "CreateBucket", "s3.amazonaws.com"),
            fixture.ByRole(Account, later.AddMinutes(1), "us-east-1", "github-actions-deploy", "UpdateFunctionCode", "lambda.amazonaws.com", readOnly: false),
            fixture.ByRole(Account, later.AddMinutes(2), "us-east-1", "orders-api-task-role", "DescribeInstances", "ec2.amazonaws.com", readOnly: null),
            fixture.ByRole(Account, later.AddMinutes(3), "us-east-1", "Admin", "DeleteBucket", "s3.amazonaws.com", readOnly: false, console: true, failed: true));

        var (report, findings) = Analyze(TrailOptions.Default);
        var changes = report.Accounts[0].Changes;
        Assert.Equal((2L, 0L), (changes.Automated, changes.Manual));
        Assert.Equal(FindingOutcome.Pass, findings.Single(f => f.RuleId == TrailRules.ManualChanges).Outcome);

        WriteDaySuffixed(later.AddHours(5), 0, fixture.ByRole(Account, later.AddHours(5), "us-east-1", "Admin", "AuthorizeSecurityGroupIngress", "ec2.amazonaws.com", readOnly: null, console: true), suffix: "b2");
        var (again, manual) = Analyze(TrailOptions.Default);
        var verdict = manual.Single(f => f.RuleId == TrailRules.ManualChanges);
        Assert.Equal((FindingOutcome.Fail, Severity.Medium), (verdict.Outcome, verdict.Severity));
        Assert.Equal("AuthorizeSecurityGroupIngress", again.Accounts[0].Changes.TopManualEvents.Single().Name);
        Assert.Contains("role/Admin", again.Accounts[0].Changes.TopManualPrincipals.Single().Name, StringComparison.Ordinal);

        // The same role named as a deployment role makes the change automated
        var (_, named) = Analyze(TrailOptions.Default with { DeploymentRoles = [.. TrailOptions.DefaultDeploymentRoles, "Adm*"] });
        Assert.Equal(FindingOutcome.Pass, named.Single(f => f.RuleId == TrailRules.ManualChanges).Outcome);
    }

    [Fact]
    public void A_setup_end_within_a_day_leaves_the_earlier_hours_out_of_the_changes()
    {
        WriteDay(Day1, 0,
            fixture.ByRole(Account, Day1, "us-east-1", "Admin", "CreateVpc", "ec2.amazonaws.com", readOnly: false, console: true),
            fixture.ThroughCloudFormation(Account, Day1.AddHours(6), "us-east-1", "CreateBucket", "s3.amazonaws.com"));

        var (report, findings) = Analyze(TrailOptions.Default with { SetupEnd = Day1.AddHours(3) });

        Assert.Equal((1L, 0L), (report.Accounts[0].Changes.Automated, report.Accounts[0].Changes.Manual));
        Assert.Equal(FindingOutcome.Pass, findings.Single(f => f.RuleId == TrailRules.ManualChanges).Outcome);
    }

    [Fact]
    public void Programmatic_manual_changes_fail_low()
    {
        var later = Day1.AddDays(1);
        WriteDay(Day1, 5);
        WriteDay(later, 0, fixture.ByRole(Account, later, "us-east-1", "ops-script", "PutRetentionPolicy", "logs.amazonaws.com", readOnly: false));
        var (_, findings) = Analyze(TrailOptions.Default);
        var verdict = findings.Single(f => f.RuleId == TrailRules.ManualChanges);
        Assert.Equal((FindingOutcome.Fail, Severity.Low), (verdict.Outcome, verdict.Severity));
    }

    [Fact]
    public void Each_account_gets_its_own_setup_window()
    {
        const string Other = "444455556666";
        var later = Day1.AddDays(10);
        WriteDay(Day1, 20);
        FixtureWrite(later, [.. Enumerable.Range(0, 20).Select(i => fixture.Ordinary(Other, later.AddMinutes(i))), fixture.ConsoleLogin(Other, later.AddHours(1), "Root", null, mfa: true, success: true)], Other);

        var (report, findings) = Analyze(TrailOptions.Default);

        Assert.Equal([Account, Other], report.Accounts.Select(a => a.Account));
        Assert.Equal(later.Date, report.Accounts[1].SetupStart);
        Assert.All(findings.Where(f => f.RuleId == TrailRules.RootAfterSetup), f => Assert.NotEqual(FindingOutcome.Fail, f.Outcome));
    }

    [Fact]
    public void Name_based_test_applies_only_when_read_only_is_absent()
    {
        Assert.False(TrailAnalyzer.IsMutating(new TrailEvent { Name = "DescribeInstances" }));
        Assert.False(TrailAnalyzer.IsMutating(new TrailEvent { Name = "ListBuckets" }));
        Assert.True(TrailAnalyzer.IsMutating(new TrailEvent { Name = "Getaway" }));
        Assert.True(TrailAnalyzer.IsMutating(new TrailEvent { Name = "CreateBucket" }));
        Assert.True(TrailAnalyzer.IsMutating(new TrailEvent { Name = "GetObject", ReadOnly = false }));
        Assert.False(TrailAnalyzer.IsMutating(new TrailEvent { Name = "CreateBucket", ReadOnly = true }));
    }

    [Fact]
    public void A_record_dated_9999_12_31_is_a_problem_of_its_file_and_every_other_finding_survives()
    {
        // One account's logs as usual, root used late; another account's only record is dated at the end of time
        var late = Day1.AddDays(5).AddHours(3);
        WriteDay(Day1, 200, fixture.ConsoleLogin(Account, Day1.AddMinutes(1), "Root", null, mfa: true, success: true));
        WriteDay(Day1.AddDays(5), 200, fixture.RootAction(Account, late, "DeleteTrail", "cloudtrail.amazonaws.com", mfa: true));
        var endOfTime = new DateTime(9999, 12, 31, 23, 59, 59, DateTimeKind.Utc);
        FixtureWrite(Day1, [fixture.Ordinary(Account, Day1.AddHours(1)), fixture.RootAction("999988887777", endOfTime, "CreateUser", "iam.amazonaws.com", mfa: false), fixture.RootAction("999988887777", new DateTime(1, 1, 1, 0, 0, 0, DateTimeKind.Utc), "CreateUser", "iam.amazonaws.com", mfa: false)], account: "999988887777", suffix: "z9");

        var (report, findings) = Analyze(TrailOptions.Default);

        var account = Assert.Single(report.Accounts);
        Assert.Equal(Account, account.Account);
        Assert.Equal(["DeleteTrail"], account.RootAfterSetup.Select(e => e.Name));
        Assert.Equal(FindingOutcome.Fail, findings.Single(f => f.RuleId == TrailRules.RootAfterSetup).Outcome);
        var problem = Assert.Single(report.Problems);
        Assert.Contains("999988887777", problem.File, StringComparison.Ordinal);
        Assert.Equal("2 record(s) dated outside 1900-01-01 to 2999-12-31 were left out, the first one record 2 (9999-12-31T23:59:59Z)", problem.Message.In(Language.En));
        Assert.Contains("9999-12-31", problem.Message.In(Language.Fr), StringComparison.Ordinal);
    }

    [Fact]
    public void A_setup_window_that_would_end_past_the_calendar_ends_at_its_last_instant()
    {
        var last = new DateTime(2999, 12, 31, 10, 0, 0, DateTimeKind.Utc);
        FixtureWrite(last, [fixture.ConsoleLogin(Account, last, "Root", null, mfa: true, success: true)]);

        var (report, _) = Analyze(TrailOptions.Default with { SetupDays = int.MaxValue });

        Assert.Equal(DateTime.MaxValue, report.Accounts[0].SetupEnd);
        Assert.Empty(report.Accounts[0].RootAfterSetup);
    }

    private void WriteDay(DateTime day, int ordinary, params string[] special)
    {
        var records = Enumerable.Range(0, ordinary).Select(i => fixture.Ordinary(Account, day.AddSeconds(i * 7))).ToList();

        // Special events land in the middle of the ordinary ones
        records.InsertRange(records.Count / 2, special);
        FixtureWrite(day, records);
    }

    private void FixtureWrite(DateTime day, IReadOnlyList<string> records, string account = Account, string suffix = "a1") =>
        TrailFixture.Write(root, account, "us-east-1", day, records, gzip: true, suffix: suffix);

    private void WriteDaySuffixed(DateTime day, int ordinary, string special, string suffix) =>
        FixtureWrite(day, [.. Enumerable.Range(0, ordinary).Select(i => fixture.Ordinary(Account, day.AddSeconds(i))), special], suffix: suffix);

    private (TrailReport Report, IReadOnlyList<EvidenceFinding> Findings) Analyze(TrailOptions options)
    {
        var analyzer = new TrailAnalyzer(options);
        analyzer.AddPath(root);
        foreach (var file in Directory.EnumerateFiles(root, "*", SearchOption.AllDirectories).Order(StringComparer.Ordinal))
        {
            using var stream = File.OpenRead(file);
            var result = file.EndsWith(".gz", StringComparison.Ordinal)
                ? TrailReader.ReadGzip(stream, TrailLimits.Default, (e, i) => analyzer.Add(e, file, i))
                : TrailReader.Read(stream, TrailLimits.Default, (e, i) => analyzer.Add(e, file, i));
            analyzer.AddFile(file, result);
        }

        var report = analyzer.Finish();
        return (report, TrailRules.Judge(report));
    }
}
