namespace Attest.Web.Infrastructure;

/// <summary>The settings of an installation (section <c>Attest</c>).</summary>
public sealed class AttestOptions
{
    /// <summary>Where the SQLite database and evidence files live; relative paths are relative to the working folder.</summary>
    public string DataFolder { get; set; } = "data";

    /// <summary><c>sqlite</c> (default) or <c>postgres</c>.</summary>
    public string DatabaseProvider { get; set; } = "sqlite";

    /// <summary>Largest evidence upload, in bytes (default 50 MB).</summary>
    public long MaxUploadBytes { get; set; } = 50L * 1024 * 1024;

    /// <summary>Load a demo partner, its users and a half-finished application at start (only into an empty database).</summary>
    public bool DemoData { get; set; }

    /// <summary>Sign-in attempts allowed per client address and minute (the failure throttle comes on top).</summary>
    public int SignInAttemptsPerMinute { get; set; } = 10;

    /// <summary>Failed sign-ins for one address from one client before that client waits (<see cref="SignInThrottleMinutes"/>).</summary>
    public int SignInFailuresPerAddress { get; set; } = 5;

    /// <summary>Failed sign-ins from one client, whatever the addresses, before that client waits.</summary>
    public int SignInFailuresPerClient { get; set; } = 20;

    /// <summary>The window the sign-in failures are counted in, in minutes.</summary>
    public int SignInThrottleMinutes { get; set; } = 15;

    /// <summary>
    /// The addresses of the reverse proxies in front of the instances (for example <c>127.0.0.1</c>): from these only,
    /// <c>X-Forwarded-For</c> and <c>X-Forwarded-Proto</c> give the client's address (the sign-in limits key on it) and
    /// scheme. Empty (default): the headers are ignored and the connection's address is the client's.
    /// </summary>
    public List<string> KnownProxies { get; set; } = [];

    /// <summary>Extra folders of catalog files.</summary>
    public List<string> CatalogFolders { get; set; } = [];

    /// <summary>
    /// The address users reach Attest at (for example <c>https://attest.example.com</c>): links sent by e-mail start with
    /// it, never with the Host header of a request. Required when <see cref="Smtp"/> is configured.
    /// </summary>
    public string? PublicUrl { get; set; }

    /// <summary>Outgoing e-mail (password reset, invitations); off while its host is empty.</summary>
    public SmtpSettings Smtp { get; set; } = new();

    /// <summary>Sign-in with an OpenID Connect provider; off while its authority is empty.</summary>
    public OidcSettings Oidc { get; set; } = new();

    /// <summary>The web site check (section <c>Attest:SiteCheck</c>).</summary>
    public SiteCheckSettings SiteCheck { get; set; } = new();

    /// <summary>The submission workflow: the program office's business calendar (section <c>Attest:Workflow</c>).</summary>
    public WorkflowSettings Workflow { get; set; } = new();

    /// <summary>Where evidence files are kept (section <c>Attest:EvidenceStore</c>): the data folder, or S3-compatible object storage.</summary>
    public EvidenceStoreSettings EvidenceStore { get; set; } = new();

    /// <summary>The durable background jobs (section <c>Attest:Jobs</c>).</summary>
    public JobSettings Jobs { get; set; } = new();

    public string DataPath => Path.GetFullPath(DataFolder);
}

/// <summary>
/// The evidence store: <c>folder</c> (default: <c>&lt;DataFolder&gt;/evidence</c>) or <c>s3</c>, a bucket of S3 or of an
/// S3-compatible server. The keys come from the environment (<c>Attest__EvidenceStore__AccessKey</c>, <c>…__SecretKey</c>),
/// never from a committed file; without them the AWS SDK's usual chain (environment, profile, instance role) is used.
/// </summary>
public sealed class EvidenceStoreSettings
{
    /// <summary><c>folder</c> (default) or <c>s3</c>.</summary>
    public string Kind { get; set; } = "folder";

    /// <summary>The server's address for an S3-compatible server (such as <c>http://127.0.0.1:9000</c>); empty for AWS itself.</summary>
    public string? ServiceUrl { get; set; }

    /// <summary>The AWS region (for AWS), or the region the server signs for (default <c>us-east-1</c>).</summary>
    public string? Region { get; set; }

    /// <summary>The bucket holding the evidence files (required for <c>s3</c>); it must exist.</summary>
    public string? Bucket { get; set; }

    /// <summary>Path-style addresses (<c>server/bucket/key</c>), as MinIO and Ceph usually need.</summary>
    public bool ForcePathStyle { get; set; }

    /// <summary>The access key id; from the environment only.</summary>
    public string? AccessKey { get; set; }

    /// <summary>The secret access key; from the environment only.</summary>
    public string? SecretKey { get; set; }

    /// <summary>Whether S3 is chosen; any other kind than <c>folder</c> or <c>s3</c> is refused at start.</summary>
    public bool IsS3 => Kind.Trim().ToLowerInvariant() switch
    {
        "s3" => true,
        "folder" or "" => false,
        _ => throw new InvalidOperationException($"Attest:EvidenceStore:Kind: '{Kind}' is not a store: use folder or s3"),
    };
}

/// <summary>The program office's calendar: which holidays, extra closed dates, and the office's time zone.</summary>
public sealed class WorkflowSettings
{
    /// <summary><c>us-federal</c> (default), <c>france</c> (or <c>fr</c>), or <c>none</c>.</summary>
    public string? Holidays { get; set; }

    /// <summary>Further closed dates, <c>yyyy-MM-dd</c>.</summary>
    public List<string> ExtraHolidays { get; set; } = [];

    /// <summary>The IANA time zone the office's days are counted in (default <c>UTC</c>).</summary>
    public string TimeZone { get; set; } = "UTC";

    /// <summary>Business days the program office has to answer a (re)submission.</summary>
    public int AnswerBusinessDays { get; set; } = 5;
}

/// <summary>Bounds of the web site check run from the partner profile; private addresses only for tests on one's own machine.</summary>
public sealed class SiteCheckSettings
{
    public int MaxPages { get; set; } = 200;

    public int MaxDepth { get; set; } = 4;

    public int TimeoutSeconds { get; set; } = 60;

    /// <summary>Lets the crawler reach loopback, private and link-local addresses: never on a server others can use.</summary>
    public bool AllowPrivateAddresses { get; set; }
}

/// <summary>How the durable jobs are run and retried (section <c>Attest:Jobs</c>).</summary>
public sealed class JobSettings
{
    /// <summary>Attempts before a job is given up and shown as failed to the administrator.</summary>
    public int MaxAttempts { get; set; } = 8;

    /// <summary>The wait before the first retry; it doubles with each further attempt, up to <see cref="RetryMaxSeconds"/>.</summary>
    public int RetryBaseSeconds { get; set; } = 30;

    public int RetryMaxSeconds { get; set; } = 3600;

    /// <summary>How long an instance may hold a job before another takes it over.</summary>
    public int LeaseSeconds { get; set; } = 300;

    /// <summary>How often an idle instance looks for due jobs (others' jobs wake it no sooner).</summary>
    public double PollSeconds { get; set; } = 2;

    /// <summary>Jobs one instance runs at once.</summary>
    public int BatchSize { get; set; } = 4;
}
