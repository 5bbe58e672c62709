using Attest.Core.Documents;
using Attest.Core.Text;

namespace Attest.Evidence.CloudTrail;

/// <summary>
/// Folds CloudTrail records, one at a time, into what the root-usage and deployment-automation topics need: per account its first and last activity,
/// every root event (up to a limit, then counters per hour), and counters per hour of the changes by how they were made.
/// Memory grows with accounts, hours and root events, never with the number of ordinary records.
/// </summary>
public sealed class TrailAnalyzer(TrailOptions options)
{
    private static readonly string[] ReadOnlyPrefixes =
    [
        "Get", "List", "Describe", "Head", "Lookup", "Search", "Query", "Scan", "Select", "BatchGet", "BatchDescribe", "Check",
        "Validate", "Estimate", "Preview", "View", "Verify", "Filter", "Retrieve", "Simulate", "Discover", "Test",
    ];

    private static readonly string[] SignInSources = ["signin.amazonaws.com", "sts.amazonaws.com", "sso.amazonaws.com", "portal.sso.amazonaws.com"];

    private readonly Dictionary<string, AccountState> accounts = new(StringComparer.Ordinal);
    private static readonly Phrase TimeOutOfRange = new(
        "{0} record(s) dated outside {1} to {2} were left out, the first one record {3} ({4})",
        "{0} enregistrement(s) datés hors de la période du {1} au {2} ont été écartés, le premier étant l'enregistrement {3} ({4})");

    private readonly List<TrailProblem> problems = [];
    private readonly Dictionary<string, OutOfRange> outOfRange = new(StringComparer.Ordinal);
    private readonly List<string> paths = [];
    private readonly Dictionary<string, bool> deploymentNames = new(StringComparer.Ordinal);
    private Func<string?, bool>? deploymentCheck;
    private int keptRoot;
    private int files;
    private long records;
    private long bytes;
    private long rootEvents;

    /// <summary>How a mutating call was made.</summary>
    internal enum ChangeKind
    {
        NotAChange,
        Service,
        Automated,
        Manual,
    }

    /// <summary>The options in force.</summary>
    public TrailOptions Options { get; } = options;

    /// <summary>Notes a path the logs are read from (for the report).</summary>
    public void AddPath(string path) => paths.Add(path);

    /// <summary>Folds one record of <paramref name="file"/> (its 0-based <paramref name="record"/> index).</summary>
    public void Add(TrailEvent e, string file, long record)
    {
        ArgumentNullException.ThrowIfNull(e);
        records++;

        // A record dated outside the accepted range (9999-12-31, year 1) is a problem of that record: it is left out
        // and named, and every other record and file is still analysed
        if (e.Time is { } stated && !DateRange.Contains(DateOnly.FromDateTime(stated)))
        {
            outOfRange[file] = outOfRange.TryGetValue(file, out var noted) ? noted.With(record, stated) : new OutOfRange(1, record, stated);
            return;
        }

        var id = e.Account;
        if (!accounts.TryGetValue(id, out var account))
        {
            account = new AccountState(id, file);
            accounts[id] = account;
        }
        else if (string.CompareOrdinal(file, account.FirstFile) < 0)
        {
            account.FirstFile = file;
        }

        account.Records++;
        int? hour = null;
        if (e.Time is { } time)
        {
            hour = Hour(time);
            account.First = account.First is { } first && first <= time ? first : time;
            account.Last = account.Last is { } last && last >= time ? last : time;
        }

        if (IsRootAction(e))
        {
            rootEvents++;
            var kind = RootKind(e);
            var mfa = e.Name == "ConsoleLogin" && e.MfaUsed is { } used ? string.Equals(used, "Yes", StringComparison.OrdinalIgnoreCase) : e.SessionMfa;
            account.Count(kind, mfa, e.Name == "ConsoleLogin");
            if (keptRoot < Options.MaxRootEvents)
            {
                keptRoot++;
                account.Root.Add(new RootEvent
                {
                    Account = id,
                    Time = e.Time,
                    Name = e.Name ?? "",
                    Source = e.Source ?? "",
                    SourceIp = e.SourceIp ?? "",
                    Mfa = mfa,
                    Kind = kind,
                    ErrorCode = e.ErrorCode,
                    AccessKeyId = e.AccessKeyId,
                    File = file,
                    Record = record,
                });
            }
            else
            {
                account.Hour(hour ?? int.MaxValue).RootNotKept += kind is RootEventKind.FailedSignIn or RootEventKind.RecoveryRequested or RootEventKind.SignInStep ? 0 : 1;
            }
        }

        var change = Change(e, deploymentCheck ??= IsDeploymentPrincipal);
        if (change == ChangeKind.NotAChange)
        {
            return;
        }

        // A record without a time cannot be placed before or after setup: it is counted as after, the cautious side
        var counts = account.Hour(hour ?? int.MaxValue);
        switch (change)
        {
            case ChangeKind.Service:
                counts.Service++;
                break;
            case ChangeKind.Automated:
                counts.Automated++;
                break;
            default:
                counts.Manual++;
                if (IsConsole(e))
                {
                    counts.Console++;
                }

                account.CountManual(hour ?? int.MaxValue, e.Name ?? "?", Principal(e), Options.MaxCounters);
                break;
        }
    }

    /// <summary>Notes how the reading of <paramref name="file"/> ended.</summary>
    public void AddFile(string file, TrailFileResult result)
    {
        ArgumentNullException.ThrowIfNull(result);
        bytes += result.Bytes;
        if (result.Status != TrailFileStatus.NotCloudTrail)
        {
            files++;
        }

        if (result.Problem is { } problem)
        {
            problems.Add(new TrailProblem(file, result.Status, problem));
        }
    }

    /// <summary>
    /// Adds what <paramref name="other"/> has folded (other files, read in parallel) to this analyzer; the result does
    /// not depend on the order of the merges.
    /// </summary>
    public void Merge(TrailAnalyzer other)
    {
        ArgumentNullException.ThrowIfNull(other);
        keptRoot += other.keptRoot;
        files += other.files;
        records += other.records;
        bytes += other.bytes;
        rootEvents += other.rootEvents;
        problems.AddRange(other.problems);
        foreach (var (file, theirs) in other.outOfRange)
        {
            outOfRange[file] = outOfRange.TryGetValue(file, out var mine) ? mine.Merge(theirs) : theirs;
        }

        foreach (var (id, theirs) in other.accounts)
        {
            if (accounts.TryGetValue(id, out var mine))
            {
                mine.Merge(theirs);
            }
            else
            {
                accounts[id] = theirs;
            }
        }
    }

    /// <summary>The timeline of each account, setup windows applied.</summary>
    public TrailReport Finish() => new()
    {
        Files = files,
        Records = records,
        Bytes = bytes,
        Accounts = [.. accounts.Values.OrderBy(a => a.Id, StringComparer.Ordinal).Select(Timeline)],
        Problems = [.. problems.Concat(outOfRange.Select(p => p.Value.Problem(p.Key))).OrderBy(p => p.File, StringComparer.Ordinal)],
        Paths = [.. paths],
        RootEvents = rootEvents,
    };

    /// <summary>The root user's own action: identity type Root, not a call an AWS service made for it, not a service event.</summary>
    internal static bool IsRootAction(TrailEvent e) =>
        e.IdentityType == "Root" && string.IsNullOrEmpty(e.InvokedBy) && e.Type != "AwsServiceEvent";

    internal static RootEventKind RootKind(TrailEvent e)
    {
        if (e.Source == "signin.amazonaws.com" && (e.ConsoleLoginResult == "Failure" || e.ResponseFailure || e.ErrorMessage is not null || e.ErrorCode is not null))
        {
            return RootEventKind.FailedSignIn;
        }

        if (e.Source == "signin.amazonaws.com" && e.Name is "CredentialVerification" or "CredentialChallenge" or "CheckMfa")
        {
            return RootEventKind.SignInStep;
        }

        if (e.Name == "PasswordRecoveryRequested")
        {
            return RootEventKind.RecoveryRequested;
        }

        if (e.Name == "ConsoleLogin")
        {
            return RootEventKind.ConsoleSignIn;
        }

        if (e.Name == "CreateAccessKey" && string.IsNullOrEmpty(e.RequestUserName))
        {
            return RootEventKind.AccessKeyCreated;
        }

        return IsAccessKeyCall(e) ? RootEventKind.AccessKeyUse : RootEventKind.Action;
    }

    // Long-term keys start with AKIA; temporary ones (ASIA) are a console session unless the record says otherwise
    private static bool IsAccessKeyCall(TrailEvent e) => e.AccessKeyId is { Length: > 0 } key
        && (key.StartsWith("AKIA", StringComparison.Ordinal) || (e.FromConsole != true && !IsConsole(e)));

    internal static bool IsConsole(TrailEvent e) =>
        e.FromConsole == true || (e.UserAgent is { } agent && agent.Contains("console", StringComparison.OrdinalIgnoreCase));

    /// <summary>Whether the call is a change, and how it was made.</summary>
    internal static ChangeKind Change(TrailEvent e, TrailOptions options) => Change(e, options.IsDeploymentPrincipal);

    private static ChangeKind Change(TrailEvent e, Func<string?, bool> isDeploymentPrincipal)
    {
        // Data events are the workload's traffic, sign-ins and role sessions are not changes, failed calls changed nothing
        if (e.Management == false || e.Category is "Data" or "Insight" || e.Type == "AwsConsoleSignIn" || e.ErrorCode is { Length: > 0 }
            || (e.Source is { } source && SignInSources.Contains(source, StringComparer.Ordinal)) || !IsMutating(e))
        {
            return ChangeKind.NotAChange;
        }

        if (e.InvokedBy == "cloudformation.amazonaws.com" || e.SourceIp == "cloudformation.amazonaws.com")
        {
            return ChangeKind.Automated;
        }

        if (e.Type == "AwsServiceEvent" || e.IdentityType == "AWSService" || !string.IsNullOrEmpty(e.InvokedBy)
            || e.SourceIp is "AWS Internal" || (e.SourceIp?.EndsWith(".amazonaws.com", StringComparison.Ordinal) ?? false)
            || IsServiceLinked(e.IssuerArn) || IsServiceLinked(e.IdentityArn))
        {
            return ChangeKind.Service;
        }

        var deployment = isDeploymentPrincipal(e.IssuerUserName) || isDeploymentPrincipal(e.IssuerArn)
            || (e.IdentityType == "IAMUser" && (isDeploymentPrincipal(e.IdentityUserName) || isDeploymentPrincipal(e.IdentityArn)));
        return deployment ? ChangeKind.Automated : ChangeKind.Manual;
    }

    /// <summary><c>readOnly</c> as stated; when absent, a name that does not start like a read counts as a change (the cautious side).</summary>
    internal static bool IsMutating(TrailEvent e)
    {
        if (e.ReadOnly is { } readOnly)
        {
            return !readOnly;
        }

        var name = e.Name ?? "";
        foreach (var prefix in ReadOnlyPrefixes)
        {
            if (name.StartsWith(prefix, StringComparison.Ordinal) && (name.Length == prefix.Length || char.IsUpper(name[prefix.Length])))
            {
                return false;
            }
        }

        return true;
    }

    // The options' answer, remembered per name (the same few roles make most calls); at most 10,000 names are remembered
    private bool IsDeploymentPrincipal(string? name)
    {
        if (string.IsNullOrEmpty(name))
        {
            return false;
        }

        if (deploymentNames.TryGetValue(name, out var known))
        {
            return known;
        }

        var answer = Options.IsDeploymentPrincipal(name);
        if (deploymentNames.Count < 10_000)
        {
            deploymentNames[name] = answer;
        }

        return answer;
    }

    private static bool IsServiceLinked(string? arn) => arn is not null && (arn.Contains("/aws-service-role/", StringComparison.Ordinal) || arn.Contains("AWSServiceRole", StringComparison.Ordinal));

    private static int Hour(DateTime time) => (int)Math.Clamp((time - DateTime.UnixEpoch).Ticks / TimeSpan.TicksPerHour, int.MinValue + 1, int.MaxValue - 1);

    private static string Principal(TrailEvent e) => e.IssuerArn ?? e.IdentityArn ?? e.PrincipalId ?? e.IdentityType ?? "?";

    private AccountTimeline Timeline(AccountState a)
    {
        DateTime? setupStart = null, setupEnd = null;
        string rule;
        if (Options.SetupEndByAccount.TryGetValue(a.Id, out var givenForAccount))
        {
            (setupStart, setupEnd, rule) = (a.First, givenForAccount, "given");
        }
        else if (Options.SetupEnd is { } given)
        {
            (setupStart, setupEnd, rule) = (a.First, given, "given");
        }
        else
        {
            rule = "first-days";
            if (a.First is { } first)
            {
                setupStart = first.Date;
                var days = Math.Max(1, Options.SetupDays);
                setupEnd = (DateTime.MaxValue - first.Date).TotalDays > days ? first.Date.AddDays(days) : DateTime.MaxValue;
            }
        }

        // Counters are per hour: the hour holding the end of setup counts as after unless setup ends on the hour, the cautious side
        var firstHourAfter = setupEnd is { } end ? Hour(end) : int.MinValue;
        var ordered = a.Root.OrderBy(r => r.Time ?? DateTime.MaxValue).ThenBy(r => r.File, StringComparer.Ordinal).ThenBy(r => r.Record).ToList();
        var after = ordered.Where(r => r.Time is not { } t || setupEnd is not { } e2 || t >= e2).ToList();
        long automated = 0, manual = 0, console = 0, service = 0, notKept = 0;
        foreach (var (bucket, c) in a.Hours)
        {
            if (bucket < firstHourAfter)
            {
                continue;
            }

            automated += c.Automated;
            manual += c.Manual;
            console += c.Console;
            service += c.Service;
            notKept += c.RootNotKept;
        }

        return new AccountTimeline
        {
            Account = a.Id,
            Records = a.Records,
            FirstActivity = a.First,
            LastActivity = a.Last,
            SetupStart = setupStart,
            SetupEnd = setupEnd,
            SetupRule = rule,
            RootInSetup = ordered.Count - after.Count,
            RootAfterSetup = after,
            RootAfterSetupNotKept = notKept,
            RootSignInsWithMfa = a.SignInsWithMfa,
            RootSignInsWithoutMfa = a.SignInsWithoutMfa,
            RootFailedSignIns = a.FailedSignIns,
            RootAccessKeysCreated = a.KeysCreated,
            RootAccessKeyUses = a.KeyUses,
            Changes = new ChangeCounts
            {
                Automated = automated,
                Manual = manual,
                Console = console,
                Service = service,
                TopManualEvents = Top(a.ManualNames, firstHourAfter),
                TopManualPrincipals = Top(a.ManualPrincipals, firstHourAfter),
            },
            FirstFile = a.FirstFile,
        };
    }

    private static NamedCount[] Top(Dictionary<(int Hour, string Name), long> counters, int fromHour) =>
    [
        .. counters.Where(p => p.Key.Hour >= fromHour).GroupBy(p => p.Key.Name, StringComparer.Ordinal)
            .Select(g => new NamedCount(g.Key, g.Sum(p => p.Value)))
            .OrderByDescending(n => n.Count).ThenBy(n => n.Name, StringComparer.Ordinal).Take(5),
    ];

    // The records of one file dated outside the accepted range: how many, and the first one (by record index)
    private sealed record OutOfRange(long Count, long FirstRecord, DateTime FirstTime)
    {
        public OutOfRange With(long record, DateTime time) =>
            record < FirstRecord ? new(Count + 1, record, time) : this with { Count = Count + 1 };

        public OutOfRange Merge(OutOfRange other) =>
            other.FirstRecord < FirstRecord ? new(Count + other.Count, other.FirstRecord, other.FirstTime) : this with { Count = Count + other.Count };

        public TrailProblem Problem(string file) => new(file, TrailFileStatus.Read, TimeOutOfRange.With(
            Count, Day(DateRange.Earliest), Day(DateRange.Latest), FirstRecord + 1, TrailRules.Time(FirstTime)));

        private static string Day(DateOnly day) => day.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
    }

    private sealed class HourCounts
    {
        public long Automated { get; set; }

        public long Manual { get; set; }

        public long Console { get; set; }

        public long Service { get; set; }

        public long RootNotKept { get; set; }
    }

    private sealed class AccountState(string id, string firstFile)
    {
        public string Id { get; } = id;

        public string FirstFile { get; set; } = firstFile;

        public long Records { get; set; }

        public DateTime? First { get; set; }

        public DateTime? Last { get; set; }

        public List<RootEvent> Root { get; } = [];

        public SortedDictionary<int, HourCounts> Hours { get; } = [];

        public Dictionary<(int Hour, string Name), long> ManualNames { get; } = [];

        public Dictionary<(int Hour, string Name), long> ManualPrincipals { get; } = [];

        public long SignInsWithMfa { get; private set; }

        public long SignInsWithoutMfa { get; private set; }

        public long FailedSignIns { get; private set; }

        public long KeysCreated { get; private set; }

        public long KeyUses { get; private set; }

        public void Merge(AccountState other)
        {
            FirstFile = string.CompareOrdinal(other.FirstFile, FirstFile) < 0 ? other.FirstFile : FirstFile;
            Records += other.Records;
            First = other.First is { } f && (First is null || f < First) ? f : First;
            Last = other.Last is { } l && (Last is null || l > Last) ? l : Last;
            Root.AddRange(other.Root);
            foreach (var (bucket, theirs) in other.Hours)
            {
                var mine = Hour(bucket);
                mine.Automated += theirs.Automated;
                mine.Manual += theirs.Manual;
                mine.Console += theirs.Console;
                mine.Service += theirs.Service;
                mine.RootNotKept += theirs.RootNotKept;
            }

            foreach (var (key, count) in other.ManualNames)
            {
                ManualNames[key] = ManualNames.GetValueOrDefault(key) + count;
            }

            foreach (var (key, count) in other.ManualPrincipals)
            {
                ManualPrincipals[key] = ManualPrincipals.GetValueOrDefault(key) + count;
            }

            SignInsWithMfa += other.SignInsWithMfa;
            SignInsWithoutMfa += other.SignInsWithoutMfa;
            FailedSignIns += other.FailedSignIns;
            KeysCreated += other.KeysCreated;
            KeyUses += other.KeyUses;
        }

        public HourCounts Hour(int hour)
        {
            if (!Hours.TryGetValue(hour, out var counts))
            {
                counts = new HourCounts();
                Hours[hour] = counts;
            }

            return counts;
        }

        public void Count(RootEventKind kind, bool? mfa, bool signIn)
        {
            switch (kind)
            {
                case RootEventKind.ConsoleSignIn when signIn:
                    if (mfa == true)
                    {
                        SignInsWithMfa++;
                    }
                    else
                    {
                        SignInsWithoutMfa++;
                    }

                    break;
                case RootEventKind.FailedSignIn:
                    FailedSignIns++;
                    break;
                case RootEventKind.AccessKeyCreated:
                    KeysCreated++;
                    break;
                case RootEventKind.AccessKeyUse:
                    KeyUses++;
                    break;
                default:
                    break;
            }
        }

        public void CountManual(int hour, string name, string principal, int max)
        {
            Add(ManualNames, (hour, name), max);
            Add(ManualPrincipals, (hour, principal), max);
        }

        private static void Add(Dictionary<(int Hour, string Name), long> counters, (int Hour, string Name) key, int max)
        {
            if (counters.TryGetValue(key, out var count))
            {
                counters[key] = count + 1;
            }
            else if (counters.Count < max)
            {
                counters[key] = 1;
            }
            else
            {
                var other = (key.Hour, "(other)");
                counters[other] = counters.GetValueOrDefault(other) + 1;
            }
        }
    }
}
