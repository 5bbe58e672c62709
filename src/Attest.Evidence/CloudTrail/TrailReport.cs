namespace Attest.Evidence.CloudTrail;

/// <summary>What a root event was, as far as root usage is concerned.</summary>
public enum RootEventKind
{
    /// <summary>A successful console sign-in as root.</summary>
    ConsoleSignIn,

    /// <summary>A failed sign-in as root: an attempt, not a use.</summary>
    FailedSignIn,

    /// <summary>A password recovery requested for root (anyone who knows the address can ask): an attempt, not a use.</summary>
    RecoveryRequested,

    /// <summary>A step of a sign-in (password checked, MFA challenged): the use, if any, is the console sign-in that follows.</summary>
    SignInStep,

    /// <summary>The root user created an access key for itself.</summary>
    AccessKeyCreated,

    /// <summary>A call signed with a root access key (not a console session).</summary>
    AccessKeyUse,

    /// <summary>Any other action by the root user, typically from a console session.</summary>
    Action,
}

/// <summary>One action by the root user, located in the logs.</summary>
public sealed record RootEvent
{
    /// <summary>The account.</summary>
    public required string Account { get; init; }

    /// <summary>When (UTC), or null when the record has no readable time.</summary>
    public required DateTime? Time { get; init; }

    /// <summary><c>eventName</c>.</summary>
    public required string Name { get; init; }

    /// <summary><c>eventSource</c>.</summary>
    public required string Source { get; init; }

    /// <summary><c>sourceIPAddress</c>.</summary>
    public required string SourceIp { get; init; }

    /// <summary>Whether multi-factor authentication was used (sign-in) or the session was MFA-authenticated; null when unstated.</summary>
    public required bool? Mfa { get; init; }

    /// <summary>What kind of root event.</summary>
    public required RootEventKind Kind { get; init; }

    /// <summary><c>errorCode</c>, when the call failed.</summary>
    public string? ErrorCode { get; init; }

    /// <summary>The access key that signed the call, if any.</summary>
    public string? AccessKeyId { get; init; }

    /// <summary>The log file.</summary>
    public required string File { get; init; }

    /// <summary>The 0-based index of the record in the file's <c>Records</c> array.</summary>
    public required long Record { get; init; }

    /// <summary>Whether the event is a use of the root user (an attempt that failed is not).</summary>
    public bool IsUse => Kind is not (RootEventKind.FailedSignIn or RootEventKind.RecoveryRequested or RootEventKind.SignInStep);
}

/// <summary>A count by name (event name or principal).</summary>
public sealed record NamedCount(string Name, long Count);

/// <summary>The changes to AWS resources after setup, by how they were made (a measure of deployment automation).</summary>
public sealed record ChangeCounts
{
    /// <summary>Mutating, successful management calls after setup, except those AWS services made on their own.</summary>
    public long Total => Automated + Manual;

    /// <summary>Through CloudFormation or a deployment role.</summary>
    public required long Automated { get; init; }

    /// <summary>Neither through CloudFormation nor by a deployment role.</summary>
    public required long Manual { get; init; }

    /// <summary>Of the manual ones, those made from the AWS console.</summary>
    public required long Console { get; init; }

    /// <summary>Calls AWS services made themselves (service events, calls invoked by a service): not counted either way.</summary>
    public required long Service { get; init; }

    /// <summary>The most frequent manual event names.</summary>
    public required IReadOnlyList<NamedCount> TopManualEvents { get; init; }

    /// <summary>The principals that made the most manual changes.</summary>
    public required IReadOnlyList<NamedCount> TopManualPrincipals { get; init; }
}

/// <summary>The timeline of one account: its activity, its setup window, its root events.</summary>
public sealed record AccountTimeline
{
    /// <summary>The account id.</summary>
    public required string Account { get; init; }

    /// <summary>The records of the account read.</summary>
    public required long Records { get; init; }

    /// <summary>The first event's time.</summary>
    public required DateTime? FirstActivity { get; init; }

    /// <summary>The last event's time.</summary>
    public required DateTime? LastActivity { get; init; }

    /// <summary>The start of the setup window.</summary>
    public required DateTime? SetupStart { get; init; }

    /// <summary>The end of the setup window (excluded).</summary>
    public required DateTime? SetupEnd { get; init; }

    /// <summary>How the setup window was chosen, in words (<c>first day of activity</c>, <c>given</c>).</summary>
    public required string SetupRule { get; init; }

    /// <summary>Root events (all kinds) inside the setup window.</summary>
    public required long RootInSetup { get; init; }

    /// <summary>Root events after the setup window, in time order (as many as were kept).</summary>
    public required IReadOnlyList<RootEvent> RootAfterSetup { get; init; }

    /// <summary>Root uses after setup beyond those kept in <see cref="RootAfterSetup"/>.</summary>
    public required long RootAfterSetupNotKept { get; init; }

    /// <summary>Root console sign-ins with MFA (whole period).</summary>
    public required long RootSignInsWithMfa { get; init; }

    /// <summary>Root console sign-ins without MFA (whole period).</summary>
    public required long RootSignInsWithoutMfa { get; init; }

    /// <summary>Failed root sign-ins (whole period).</summary>
    public required long RootFailedSignIns { get; init; }

    /// <summary>Root access keys created (whole period).</summary>
    public required long RootAccessKeysCreated { get; init; }

    /// <summary>Calls signed with a root access key (whole period).</summary>
    public required long RootAccessKeyUses { get; init; }

    /// <summary>The changes after setup, by how they were made.</summary>
    public required ChangeCounts Changes { get; init; }

    /// <summary>The first file read for this account.</summary>
    public required string FirstFile { get; init; }

    /// <summary>Root uses after setup (kept and not kept).</summary>
    public long RootUsesAfterSetup => RootAfterSetup.Count(e => e.IsUse) + RootAfterSetupNotKept;
}

/// <summary>A file that could not be read whole, or was skipped.</summary>
public sealed record TrailProblem(string File, TrailFileStatus Status, Attest.Core.Text.Message Message);

/// <summary>Everything the CloudTrail analysis found over a set of log files.</summary>
public sealed record TrailReport
{
    /// <summary>The CloudTrail files read (whole or in part).</summary>
    public required int Files { get; init; }

    /// <summary>The records read.</summary>
    public required long Records { get; init; }

    /// <summary>The bytes of JSON read.</summary>
    public required long Bytes { get; init; }

    /// <summary>Per account, by account id.</summary>
    public required IReadOnlyList<AccountTimeline> Accounts { get; init; }

    /// <summary>Files skipped or read in part.</summary>
    public required IReadOnlyList<TrailProblem> Problems { get; init; }

    /// <summary>The paths the logs were read from, as given.</summary>
    public required IReadOnlyList<string> Paths { get; init; }

    /// <summary>Root events of every kind (as counted by the plain filter: type Root, not invoked by a service, not a service event).</summary>
    public long RootEvents { get; init; }
}
