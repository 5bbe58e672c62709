using System.Globalization;
using System.IO.Compression;
using System.Text;
using System.Text.Json;

namespace Attest.Evidence.Tests.CloudTrail;

/// <summary>
/// Writes realistic CloudTrail log files for tests and benchmarks: console sign-ins, role sessions, service events,
/// calls by application roles, calls through CloudFormation and deployment roles, and root events where asked — laid
/// out as AWS delivers them (AWSLogs/ACCOUNT/CloudTrail/REGION/YYYY/MM/DD/…json.gz). Deterministic for a given seed.
/// </summary>
internal sealed class TrailFixture(int seed)
{
    private static readonly string[] Regions = ["eu-west-1", "us-east-1", "eu-west-3"];
    private static readonly string[] ReadCalls = ["DescribeInstances", "ListBuckets", "GetObject", "DescribeAlarms", "ListFunctions", "GetParameter"];
    private readonly Random random = new(seed);

    /// <summary>Serialises records as a CloudTrail file body.</summary>
    public static string Body(IEnumerable<string> records) => "{\"Records\":[" + string.Join(",", records) + "]}";

    /// <summary>Writes a log file of <paramref name="records"/> under <paramref name="root"/> and returns its path.</summary>
    public static string Write(string root, string account, string region, DateTime time, IEnumerable<string> records, bool gzip = true, string suffix = "a1")
    {
        var folder = Path.Combine(root, "AWSLogs", account, "CloudTrail", region, time.ToString("yyyy", CultureInfo.InvariantCulture), time.ToString("MM", CultureInfo.InvariantCulture), time.ToString("dd", CultureInfo.InvariantCulture));
        Directory.CreateDirectory(folder);
        var name = $"{account}_CloudTrail_{region}_{time:yyyyMMdd'T'HHmm'Z'}_{suffix}.json" + (gzip ? ".gz" : "");
        var path = Path.Combine(folder, name);
        var bytes = Encoding.UTF8.GetBytes(Body(records));
        if (gzip)
        {
            using var file = File.Create(path);
            using var zip = new GZipStream(file, CompressionLevel.Fastest);
            zip.Write(bytes);
        }
        else
        {
            File.WriteAllBytes(path, bytes);
        }

        return path;
    }

    /// <summary>An ordinary, non-root event at <paramref name="time"/>.</summary>
    public string Ordinary(string account, DateTime time)
    {
        var region = Regions[random.Next(Regions.Length)];
        return random.Next(10) switch
        {
            0 => ConsoleLogin(account, time, "IAMUser", "alice", mfa: random.Next(4) != 0, success: true),
            1 => AssumeRole(account, time, region),
            2 => ServiceEvent(account, time, region),
            3 => ThroughCloudFormation(account, time, region, "CreateBucket", "s3.amazonaws.com"),
            4 => ByRole(account, time, region, "github-actions-deploy", "UpdateFunctionCode", "lambda.amazonaws.com", readOnly: false),
            5 => ByRole(account, time, region, "cdk-hnb659fds-cfn-exec-role-" + account + "-" + region, "CreateTable", "dynamodb.amazonaws.com", readOnly: false),
            6 => DataEvent(account, time, region),
            7 => InvokedByService(account, time, region),
            _ => ByRole(account, time, region, "orders-api-task-role", ReadCalls[random.Next(ReadCalls.Length)], "ec2.amazonaws.com", readOnly: true),
        };
    }

    /// <summary>A console sign-in.</summary>
    public string ConsoleLogin(string account, DateTime time, string type, string? user, bool mfa, bool success) => Record(time, json =>
    {
        Identity(json, type, account, user, accessKey: null, mfa: null, issuer: null, invokedBy: null);
        Common(json, time, "signin.amazonaws.com", "ConsoleLogin", "AwsConsoleSignIn", "203.0.113." + random.Next(1, 250), "Mozilla/5.0 (X11; Linux x86_64)", account);
        json.WriteStartObject("responseElements");
        json.WriteString("ConsoleLogin", success ? "Success" : "Failure");
        json.WriteEndObject();
        json.WriteStartObject("additionalEventData");
        json.WriteString("LoginTo", "https://console.aws.amazon.com/console/home");
        json.WriteString("MobileVersion", "No");
        json.WriteString("MFAUsed", mfa ? "Yes" : "No");
        json.WriteEndObject();
        if (!success)
        {
            json.WriteString("errorMessage", "Failed authentication");
        }

        json.WriteBoolean("readOnly", false);
        json.WriteBoolean("managementEvent", true);
        json.WriteString("eventCategory", "Management");
    });

    /// <summary>An action by the root user from a console session.</summary>
    public string RootAction(string account, DateTime time, string name, string source, bool mfa, bool readOnly = false) => Record(time, json =>
    {
        Identity(json, "Root", account, null, "ASIA" + Key(), mfa, issuer: null, invokedBy: null);
        Common(json, time, source, name, "AwsApiCall", "198.51.100.7", "console.amazonaws.com", account);
        json.WriteStartObject("requestParameters");
        json.WriteString("name", "example");
        json.WriteEndObject();
        json.WriteBoolean("readOnly", readOnly);
        json.WriteBoolean("managementEvent", true);
        json.WriteString("eventCategory", "Management");
        json.WriteString("sessionCredentialFromConsole", "true");
    });

    /// <summary>The root user creating an access key for itself.</summary>
    public string RootCreateAccessKey(string account, DateTime time) => Record(time, json =>
    {
        Identity(json, "Root", account, null, "ASIA" + Key(), mfa: true, issuer: null, invokedBy: null);
        Common(json, time, "iam.amazonaws.com", "CreateAccessKey", "AwsApiCall", "198.51.100.7", "console.amazonaws.com", account);
        json.WriteNull("requestParameters");
        json.WriteStartObject("responseElements");
        json.WriteStartObject("accessKey");
        json.WriteString("accessKeyId", "AKIA" + Key());
        json.WriteString("status", "Active");
        json.WriteEndObject();
        json.WriteEndObject();
        json.WriteBoolean("readOnly", false);
        json.WriteBoolean("managementEvent", true);
        json.WriteString("sessionCredentialFromConsole", "true");
    });

    /// <summary>A call signed with a root access key, from the CLI.</summary>
    public string RootAccessKeyCall(string account, DateTime time, string name = "RunInstances") => Record(time, json =>
    {
        Identity(json, "Root", account, null, "AKIA" + Key(), mfa: null, issuer: null, invokedBy: null);
        Common(json, time, "ec2.amazonaws.com", name, "AwsApiCall", "192.0.2.44", "aws-cli/2.15.0 Python/3.11 Linux", account);
        json.WriteBoolean("readOnly", false);
        json.WriteBoolean("managementEvent", true);
    });

    /// <summary>A call an AWS service made for the root user (must not count).</summary>
    public string RootInvokedByService(string account, DateTime time) => Record(time, json =>
    {
        Identity(json, "Root", account, null, null, mfa: null, issuer: null, invokedBy: "support.amazonaws.com");
        Common(json, time, "support.amazonaws.com", "DescribeTrustedAdvisorChecks", "AwsApiCall", "support.amazonaws.com", "support.amazonaws.com", account);
        json.WriteBoolean("readOnly", true);
        json.WriteBoolean("managementEvent", true);
    });

    /// <summary>A service event recorded under the root identity (must not count).</summary>
    public string RootServiceEvent(string account, DateTime time) => Record(time, json =>
    {
        Identity(json, "Root", account, null, null, mfa: null, issuer: null, invokedBy: null);
        Common(json, time, "health.amazonaws.com", "AWSHealthEvent", "AwsServiceEvent", "health.amazonaws.com", "health.amazonaws.com", account);
        json.WriteBoolean("readOnly", true);
        json.WriteBoolean("managementEvent", true);
    });

    /// <summary>A call by a role session.</summary>
    public string ByRole(string account, DateTime time, string region, string role, string name, string source, bool? readOnly, bool console = false, bool failed = false) => Record(time, json =>
    {
        Identity(json, "AssumedRole", account, null, "ASIA" + Key(), mfa: false, issuer: role, invokedBy: null);
        Common(json, time, source, name, "AwsApiCall", console ? "203.0.113.20" : "10.0." + random.Next(0, 255) + "." + random.Next(1, 255), console ? "console.amazonaws.com" : "aws-sdk-dotnet/3.7 ua/2.0 os/linux", account, region);
        json.WriteStartObject("requestParameters");
        json.WriteStartArray("items");
        for (var i = 0; i < 3; i++)
        {
            json.WriteStringValue("item-" + random.Next(1000).ToString(CultureInfo.InvariantCulture));
        }

        json.WriteEndArray();
        json.WriteEndObject();
        if (readOnly is { } flag)
        {
            json.WriteBoolean("readOnly", flag);
        }

        if (failed)
        {
            json.WriteString("errorCode", "AccessDenied");
        }

        json.WriteBoolean("managementEvent", true);
        json.WriteString("eventCategory", "Management");
        if (console)
        {
            json.WriteString("sessionCredentialFromConsole", "true");
        }
    });

    /// <summary>A call CloudFormation made while deploying a stack.</summary>
    public string ThroughCloudFormation(string account, DateTime time, string region, string name, string source) => Record(time, json =>
    {
        Identity(json, "AssumedRole", account, null, "ASIA" + Key(), mfa: false, issuer: "app-stack-role", invokedBy: "cloudformation.amazonaws.com");
        Common(json, time, source, name, "AwsApiCall", "cloudformation.amazonaws.com", "cloudformation.amazonaws.com", account, region);
        json.WriteBoolean("readOnly", false);
        json.WriteBoolean("managementEvent", true);
    });

    private string AssumeRole(string account, DateTime time, string region) => Record(time, json =>
    {
        Identity(json, "AWSService", account, null, null, mfa: null, issuer: null, invokedBy: "lambda.amazonaws.com");
        Common(json, time, "sts.amazonaws.com", "AssumeRole", "AwsApiCall", "lambda.amazonaws.com", "lambda.amazonaws.com", account, region);
        json.WriteStartObject("requestParameters");
        json.WriteString("roleArn", $"arn:aws:iam::{account}:role/orders-api-task-role");
        json.WriteString("roleSessionName", "session-" + random.Next(100000).ToString(CultureInfo.InvariantCulture));
        json.WriteEndObject();
        json.WriteBoolean("readOnly", true);
        json.WriteBoolean("managementEvent", true);
    });

    private string ServiceEvent(string account, DateTime time, string region) => Record(time, json =>
    {
        json.WriteStartObject("userIdentity");
        json.WriteString("accountId", account);
        json.WriteString("invokedBy", "ec2.amazonaws.com");
        json.WriteEndObject();
        Common(json, time, "ec2.amazonaws.com", "SharedSnapshotCopyInitiated", "AwsServiceEvent", "ec2.amazonaws.com", "ec2.amazonaws.com", account, region);
        json.WriteBoolean("readOnly", false);
        json.WriteBoolean("managementEvent", true);
    });

    private string DataEvent(string account, DateTime time, string region) => Record(time, json =>
    {
        Identity(json, "AssumedRole", account, null, "ASIA" + Key(), mfa: false, issuer: "orders-api-task-role", invokedBy: null);
        Common(json, time, "s3.amazonaws.com", "PutObject", "AwsApiCall", "10.0.3.4", "aws-sdk-java/2.20", account, region);
        json.WriteBoolean("readOnly", false);
        json.WriteBoolean("managementEvent", false);
        json.WriteString("eventCategory", "Data");
    });

    private string InvokedByService(string account, DateTime time, string region) => Record(time, json =>
    {
        Identity(json, "AssumedRole", account, null, "ASIA" + Key(), mfa: false, issuer: "AWSServiceRoleForAutoScaling", invokedBy: "autoscaling.amazonaws.com");
        Common(json, time, "ec2.amazonaws.com", "RunInstances", "AwsApiCall", "autoscaling.amazonaws.com", "autoscaling.amazonaws.com", account, region);
        json.WriteBoolean("readOnly", false);
        json.WriteBoolean("managementEvent", true);
    });

    private static void Identity(Utf8JsonWriter json, string type, string account, string? user, string? accessKey, bool? mfa, string? issuer, string? invokedBy)
    {
        json.WriteStartObject("userIdentity");
        json.WriteString("type", type);
        json.WriteString("principalId", type == "Root" ? account : "AROAEXAMPLE:" + (issuer ?? user ?? "x"));
        json.WriteString("arn", type switch
        {
            "Root" => $"arn:aws:iam::{account}:root",
            "IAMUser" => $"arn:aws:iam::{account}:user/{user}",
            _ => $"arn:aws:sts::{account}:assumed-role/{issuer}/session",
        });
        json.WriteString("accountId", account);
        if (user is not null)
        {
            json.WriteString("userName", user);
        }

        if (accessKey is not null)
        {
            json.WriteString("accessKeyId", accessKey);
        }

        if (mfa is not null || issuer is not null)
        {
            json.WriteStartObject("sessionContext");
            if (issuer is not null)
            {
                json.WriteStartObject("sessionIssuer");
                json.WriteString("type", "Role");
                json.WriteString("principalId", "AROAEXAMPLE");
                json.WriteString("arn", $"arn:aws:iam::{account}:role/{issuer}");
                json.WriteString("accountId", account);
                json.WriteString("userName", issuer);
                json.WriteEndObject();
            }

            json.WriteStartObject("attributes");
            json.WriteString("creationDate", "2026-01-01T00:00:00Z");
            json.WriteString("mfaAuthenticated", mfa == true ? "true" : "false");
            json.WriteEndObject();
            json.WriteEndObject();
        }

        if (invokedBy is not null)
        {
            json.WriteString("invokedBy", invokedBy);
        }

        json.WriteEndObject();
    }

    private void Common(Utf8JsonWriter json, DateTime time, string source, string name, string type, string ip, string agent, string account, string region = "us-east-1")
    {
        json.WriteString("eventVersion", "1.09");
        json.WriteString("eventTime", time.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture));
        json.WriteString("eventSource", source);
        json.WriteString("eventName", name);
        json.WriteString("awsRegion", region);
        json.WriteString("sourceIPAddress", ip);
        json.WriteString("userAgent", agent);
        json.WriteString("requestID", Guid(random));
        json.WriteString("eventID", Guid(random));
        json.WriteString("eventType", type);
        json.WriteString("recipientAccountId", account);
    }

    private static string Record(DateTime time, Action<Utf8JsonWriter> body) => Record(body);

    private static string Record(Action<Utf8JsonWriter> body)
    {
        using var stream = new MemoryStream();
        using (var json = new Utf8JsonWriter(stream))
        {
            json.WriteStartObject();
            body(json);
            json.WriteEndObject();
        }

        return Encoding.UTF8.GetString(stream.ToArray());
    }

    private string Key()
    {
        const string Letters = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";
        return string.Create(16, random, (span, r) =>
        {
            for (var i = 0; i < span.Length; i++)
            {
                span[i] = Letters[r.Next(Letters.Length)];
            }
        });
    }

    private static string Guid(Random random)
    {
        Span<byte> bytes = stackalloc byte[16];
        random.NextBytes(bytes);
        return new System.Guid(bytes).ToString();
    }
}
