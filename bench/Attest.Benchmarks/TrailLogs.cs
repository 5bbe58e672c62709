using System.Diagnostics;
using System.Globalization;
using Attest.Evidence.Tests.CloudTrail;

namespace Attest.Benchmarks;

/// <summary>
/// <c>cloudtrail-gen DIR MEGABYTES [--seed N]</c>: writes about MEGABYTES of gzipped CloudTrail logs under DIR, laid out as
/// AWS delivers them, with the realistic events of the tests' <see cref="TrailFixture"/> and a few root events; prints
/// how many records and how many root events (by the plain filter: type Root, not invoked by a service, not a service
/// event) it wrote, so that a reader of the logs can be checked against it. The same seed gives the same files.
/// </summary>
internal static class TrailLogs
{
    private const int RecordsPerFile = 4_000;
    private static readonly string[] Accounts = ["111122223333", "444455556666", "777788889999"];
    private static readonly string[] Regions = ["eu-west-1", "us-east-1", "eu-west-3"];

    public static int Generate(string[] args)
    {
        var folder = args[0];
        var megabytes = long.Parse(args[1], CultureInfo.InvariantCulture);
        var seed = args.Length >= 4 && args[2] == "--seed" ? int.Parse(args[3], CultureInfo.InvariantCulture) : 2026;
        var clock = Stopwatch.StartNew();

        // One file first, to size the rest: the number of files depends on the seed only, not on the threads
        var probe = Path.Combine(Path.GetTempPath(), "attest-cloudtrail-probe-" + Environment.ProcessId);
        var (probeRecords, _) = WriteFile(probe, 0, seed);
        var fileBytes = Directory.EnumerateFiles(probe, "*.gz", SearchOption.AllDirectories).Sum(f => new FileInfo(f).Length);
        Directory.Delete(probe, recursive: true);
        var files = (int)Math.Max(1, megabytes * 1024 * 1024 / fileBytes);

        long records = 0, root = 0;
        var gate = new object();
        Parallel.For(0, files, new ParallelOptions { MaxDegreeOfParallelism = Environment.ProcessorCount }, index =>
        {
            var (written, rootWritten) = WriteFile(folder, index, seed);
            lock (gate)
            {
                records += written;
                root += rootWritten;
            }
        });

        var bytes = Directory.EnumerateFiles(folder, "*.gz", SearchOption.AllDirectories).Sum(f => new FileInfo(f).Length);
        Console.WriteLine($"files: {files}");
        Console.WriteLine($"records: {records}");
        Console.WriteLine($"root events: {root}");
        Console.WriteLine($"compressed bytes: {bytes}");
        Console.WriteLine($"seconds: {clock.Elapsed.TotalSeconds:F1}");
        _ = probeRecords;
        return 0;
    }

    // File i: one account, one region, one hour; the first hour of each account is its setup, with root at work
    private static (long Records, long Root) WriteFile(string folder, int index, int seed)
    {
        var fixture = new TrailFixture(HashCode.Combine(seed, index));
        var account = Accounts[index % Accounts.Length];
        var region = Regions[index / Accounts.Length % Regions.Length];
        var hour = new DateTime(2026, 1, 5, 8, 0, 0, DateTimeKind.Utc).AddHours(index / (Accounts.Length * Regions.Length));
        var records = new List<string>(RecordsPerFile + 4);
        for (var i = 0; i < RecordsPerFile; i++)
        {
            records.Add(fixture.Ordinary(account, hour.AddSeconds(i * 3600.0 / RecordsPerFile)));
        }

        long root = 0;
        if (index < Accounts.Length)
        {
            records.Insert(10, fixture.ConsoleLogin(account, hour.AddMinutes(1), "Root", null, mfa: false, success: true));
            records.Insert(20, fixture.RootAction(account, hour.AddMinutes(2), "CreateUser", "iam.amazonaws.com", mfa: false));
            records.Insert(30, fixture.RootAction(account, hour.AddMinutes(3), "EnableMFADevice", "iam.amazonaws.com", mfa: false));
            root += 3;
        }

        // Now and then: root at work later (a use after setup), a failed root sign-in, root calls made by a service
        if (index % 97 == 50)
        {
            records.Insert(RecordsPerFile / 2, fixture.RootAction(account, hour.AddMinutes(30), "PutBucketPolicy", "s3.amazonaws.com", mfa: true));
            root++;
        }

        if (index % 131 == 70)
        {
            records.Insert(RecordsPerFile / 3, fixture.ConsoleLogin(account, hour.AddMinutes(20), "Root", null, mfa: false, success: false));
            root++;
        }

        if (index % 13 == 5)
        {
            records.Insert(RecordsPerFile / 4, fixture.RootInvokedByService(account, hour.AddMinutes(15)));
            records.Insert(RecordsPerFile / 5, fixture.RootServiceEvent(account, hour.AddMinutes(16)));
        }

        TrailFixture.Write(folder, account, region, hour, records, gzip: true, suffix: index.ToString("x6", CultureInfo.InvariantCulture));
        return (records.Count, root);
    }
}
