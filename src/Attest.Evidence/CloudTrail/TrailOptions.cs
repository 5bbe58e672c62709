namespace Attest.Evidence.CloudTrail;

/// <summary>What the CloudTrail analysis assumes: the account-setup window and the principals that are deployment automation.</summary>
public sealed record TrailOptions
{
    /// <summary>The default deployment role name patterns (case-insensitive; a plain text matches anywhere in the name, <c>*</c> is a wildcard).</summary>
    public static IReadOnlyList<string> DefaultDeploymentRoles { get; } =
    [
        "deploy", "cdk-", "cdk_", "terraform", "github-actions", "githubactions", "gitlab", "pipeline", "codebuild", "codepipeline",
        "cicd", "ci-cd", "atlantis", "spacelift", "jenkins", "circleci", "bitbucket", "azure-devops", "argocd", "cloudformation",
    ];

    /// <summary>The defaults: a setup window of one UTC day from the first activity of each account, the default deployment roles.</summary>
    public static TrailOptions Default { get; } = new();

    /// <summary>How many UTC days from the day of an account's first activity count as its setup (when no end is given).</summary>
    public int SetupDays { get; init; } = 1;

    /// <summary>When the setup window ends for every account (overrides <see cref="SetupDays"/>), or null.</summary>
    public DateTime? SetupEnd { get; init; }

    /// <summary>When the setup window ends, per account id (overrides the rest for that account).</summary>
    public IReadOnlyDictionary<string, DateTime> SetupEndByAccount { get; init; } = new Dictionary<string, DateTime>(StringComparer.Ordinal);

    /// <summary>Role (or user) name patterns of deployment automation, matched on the session issuer's name and ARN.</summary>
    public IReadOnlyList<string> DeploymentRoles { get; init; } = DefaultDeploymentRoles;

    /// <summary>How many root events are kept in detail (the timeline); beyond that they are only counted, per day.</summary>
    public int MaxRootEvents { get; init; } = 10_000;

    /// <summary>How many distinct (hour, name) and (hour, principal) counters are kept for the manual changes; beyond, they go to "other".</summary>
    public int MaxCounters { get; init; } = 50_000;

    /// <summary>Whether <paramref name="name"/> (a role or user name, or an ARN) matches a deployment pattern.</summary>
    public bool IsDeploymentPrincipal(string? name)
    {
        if (string.IsNullOrEmpty(name))
        {
            return false;
        }

        foreach (var pattern in DeploymentRoles)
        {
            if (Matches(name, pattern))
            {
                return true;
            }
        }

        return false;
    }

    private static bool Matches(string name, string pattern)
    {
        if (!pattern.Contains('*', StringComparison.Ordinal))
        {
            return name.Contains(pattern, StringComparison.OrdinalIgnoreCase);
        }

        // A glob matches the whole name, or the last segment of an ARN
        var last = name[(name.LastIndexOf('/') + 1)..];
        return Glob(name, pattern) || Glob(last, pattern);
    }

    private static bool Glob(ReadOnlySpan<char> text, ReadOnlySpan<char> pattern)
    {
        var star = pattern.IndexOf('*');
        if (star < 0)
        {
            return text.Equals(pattern, StringComparison.OrdinalIgnoreCase);
        }

        if (!text.StartsWith(pattern[..star], StringComparison.OrdinalIgnoreCase))
        {
            return false;
        }

        var rest = pattern[(star + 1)..];
        for (var i = star; i <= text.Length; i++)
        {
            if (Glob(text[i..], rest))
            {
                return true;
            }
        }

        return false;
    }
}
