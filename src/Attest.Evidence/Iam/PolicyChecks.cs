using System.Globalization;

namespace Attest.Evidence.Iam;

/// <summary>What a policy is for: granted to a principal, trusting principals to assume a role, or attached to a resource.</summary>
public enum PolicyKind
{
    /// <summary>An identity policy (managed or inline), granted to a user, group or role.</summary>
    Identity,

    /// <summary>A role's trust policy (<c>AssumeRolePolicyDocument</c>).</summary>
    Trust,

    /// <summary>A resource policy: bucket, key, queue, topic…</summary>
    Resource,
}

/// <summary>
/// What an analysis knows besides the document: its kind, the account it lives in when known, and, for the union of a
/// principal's policies, the policies it was made of (a combination already inside one of them is reported there).
/// </summary>
public sealed record PolicyContext(PolicyKind Kind, string? Account = null, IReadOnlyList<PolicyDocument>? Parts = null);

/// <summary>One problem in a policy: the check (a rule id), the statement it is about (0-based), and what it names.</summary>
public sealed record PolicyIssue(string Check, int Statement, string Detail);

/// <summary>
/// The least-privilege checks over one policy document, pure functions. Deny statements subtract conservatively: only a
/// Deny without condition, applying to every principal, whose actions contain the allowed ones and whose resources contain
/// the allowed ones (or are <c>*</c>) takes an Allow away; any other Deny leaves the finding standing.
/// </summary>
public static class PolicyChecks
{
    /// <summary>Rule ids of the checks.</summary>
    public const string Admin = "iam-no-admin", ServiceWildcard = "iam-no-service-wildcard", AllowNotAction = "iam-no-allow-not-action",
        AllowNotResource = "iam-no-allow-not-resource", PassRole = "iam-passrole-wildcard", Escalation = "iam-privilege-escalation",
        TrustOpen = "iam-trust-no-wildcard", TrustExternalId = "iam-trust-external-id", PublicBucket = "s3-policy-no-wildcard-principal",
        PublicResource = "resource-policy-not-public";

    /// <summary>
    /// The well-known privilege escalations (Rhino Security Labs' list and its followers): each set of actions, allowed
    /// together on every resource, lets a principal raise its own privileges.
    /// </summary>
    public static IReadOnlyList<string[]> Escalations { get; } =
    [
        ["iam:CreatePolicyVersion"], ["iam:SetDefaultPolicyVersion"], ["iam:AttachUserPolicy"], ["iam:AttachGroupPolicy"], ["iam:AttachRolePolicy"],
        ["iam:PutUserPolicy"], ["iam:PutGroupPolicy"], ["iam:PutRolePolicy"], ["iam:CreateAccessKey"], ["iam:CreateLoginProfile"], ["iam:UpdateLoginProfile"],
        ["iam:AddUserToGroup"], ["iam:UpdateAssumeRolePolicy"], ["iam:PassRole", "ec2:RunInstances"], ["iam:PassRole", "lambda:CreateFunction", "lambda:InvokeFunction"],
        ["iam:PassRole", "lambda:CreateFunction", "lambda:CreateEventSourceMapping"], ["iam:PassRole", "cloudformation:CreateStack"], ["iam:PassRole", "glue:CreateDevEndpoint"],
        ["iam:PassRole", "datapipeline:CreatePipeline", "datapipeline:PutPipelineDefinition"], ["iam:PassRole", "sagemaker:CreateNotebookInstance", "sagemaker:CreatePresignedNotebookInstanceUrl"],
        ["iam:PassRole", "codestar:CreateProject"], ["lambda:UpdateFunctionCode"], ["glue:UpdateDevEndpoint"],
    ];

    // Condition keys that narrow who the caller can be, or where from; request-only keys (aws:SecureTransport, aws:Referer…) do not
    private static readonly HashSet<string> CallerKeys = new(StringComparer.OrdinalIgnoreCase)
    {
        "aws:SourceAccount", "aws:SourceArn", "aws:SourceOwner", "aws:SourceOrgID", "aws:SourceOrgPaths", "aws:PrincipalOrgID", "aws:PrincipalOrgPaths",
        "aws:PrincipalAccount", "aws:PrincipalArn", "aws:PrincipalServiceName", "aws:SourceVpce", "aws:SourceVpc", "aws:SourceVpcArn", "aws:SourceIp", "aws:VpcSourceIp",
        "aws:userid", "aws:username", "kms:CallerAccount", "s3:DataAccessPointAccount", "s3:DataAccessPointArn",
    };

    private static readonly string[] TrustActions = ["sts:AssumeRole", "sts:AssumeRoleWithSAML", "sts:AssumeRoleWithWebIdentity", "sts:TagSession", "sts:SetSourceIdentity", "sts:SetContext"];

    /// <summary>Runs the check <paramref name="check"/> (a rule id) on <paramref name="document"/>.</summary>
    public static IEnumerable<PolicyIssue> Run(string check, PolicyDocument document, PolicyContext context) => check switch
    {
        Admin => FindAdmin(document),
        ServiceWildcard => FindServiceWildcards(document),
        AllowNotAction => Each(document, check, s => s.IsAllow && s.ActionIsNegated ? string.Join(", ", s.Actions) : null),
        AllowNotResource => Each(document, check, s => s.IsAllow && s.ResourceIsNegated ? string.Join(", ", s.Resources) : null),
        PassRole => Each(document, check, s => s.IsAllow && s.CoversAction("iam:PassRole") && Broad(s) && !s.HasScopingCondition && !Denied(document, "iam:PassRole", s) ? "iam:PassRole" : null),
        Escalation => FindEscalations(document, context.Parts),
        TrustOpen => Each(document, check, s => !s.IsAllow ? null
            : IsOpenToAnyone(s) && !RestrictsCaller(s) && !FencedByDeny(document, s) ? "*"
            : OpenWebIdentity(s)),
        PublicBucket or PublicResource => Each(document, check, s => s.IsAllow && IsOpenToAnyone(s) && !RestrictsCaller(s) && !FencedByDeny(document, s) ? string.Join(", ", s.Actions) : null),
        TrustExternalId => Each(document, check, s => s.IsAllow && !IsOpenToAnyone(s) && !HasCondition(s, "sts:ExternalId") && OtherAccounts(s, context.Account) is { Count: > 0 } others ? string.Join(", ", others) : null),
        _ => throw new ArgumentOutOfRangeException(nameof(check), check, "not a policy check"),
    };

    /// <summary>What a document is by its shape: with principals, a trust policy (only <c>sts:AssumeRole*</c>) or a resource policy; else an identity policy.</summary>
    public static PolicyKind KindOf(PolicyDocument document)
    {
        if (!document.Statements.Any(s => s.Principals.Count > 0 || s.PrincipalIsNegated))
        {
            return PolicyKind.Identity;
        }

        var allows = document.Statements.Where(s => s.IsAllow && !s.ActionIsNegated).ToList();
        return allows.Count > 0 && allows.All(s => s.Actions.Count > 0 && s.Actions.All(a => TrustActions.Any(t => Wildcard.Matches(a, t) && !a.Contains('*', StringComparison.Ordinal))))
            ? PolicyKind.Trust
            : PolicyKind.Resource;
    }

    /// <summary>The service a resource policy belongs to (<c>s3</c>, <c>kms</c>, <c>sqs</c>, <c>sns</c>…), from its actions and resources; null when mixed or unknown.</summary>
    public static string? ServiceOf(PolicyDocument document)
    {
        var services = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        foreach (var s in document.Statements)
        {
            foreach (var action in s.ActionIsNegated ? [] : s.Actions)
            {
                if (action.IndexOf(':', StringComparison.Ordinal) is > 0 and var colon && !action[..colon].Contains('*', StringComparison.Ordinal))
                {
                    services.Add(action[..colon].ToLowerInvariant());
                }
            }

            foreach (var resource in s.ResourceIsNegated ? [] : s.Resources)
            {
                if (resource.Split(':') is [_, _, var service, ..] && service.Length > 0 && !service.Contains('*', StringComparison.Ordinal))
                {
                    services.Add(service.ToLowerInvariant());
                }
            }
        }

        return services.Count == 1 ? services.First() : null;
    }

    /// <summary>The account of a principal: a 12-digit id, or the account field of an ARN; null for services and wildcards.</summary>
    public static string? AccountOf(string principal)
    {
        if (IsAccountId(principal))
        {
            return principal;
        }

        return principal.StartsWith("arn:", StringComparison.Ordinal) && principal.Split(':') is [_, _, _, _, var account, ..] && IsAccountId(account) ? account : null;
    }

    /// <summary>
    /// Whether a condition of the statement narrows who may call, or from where: a caller key (source account or ARN,
    /// organization, VPC or endpoint, IP range, principal ARN, external id…) under a positive operator with real values.
    /// A negated operator (<c>StringNotEquals</c>), <c>…IfExists</c>, <c>Null</c> or <c>ForAllValues</c> (all true when the key
    /// is missing) and a value of <c>*</c> or <c>0.0.0.0/0</c> narrow nothing.
    /// </summary>
    public static bool RestrictsCaller(PolicyStatement statement) =>
        statement.Conditions.Any(op => Positive(op.Key) && op.Value.Any(key => CallerKeys.Contains(key.Key) && Narrow(key.Key, key.Value)));

    /// <summary>Whether any principal may use the statement: <c>*</c>, <c>{"AWS": "*"}</c>, an ARN with a wildcard account (<c>arn:aws:iam::*:root</c>), or <c>NotPrincipal</c> with Allow.</summary>
    public static bool IsOpenToAnyone(PolicyStatement statement) =>
        statement.PrincipalIsNegated
        || statement.Principals.Values.Any(values => values.Contains("*"))
        || statement.Principals.Values.Any(values => values.Any(p => p.StartsWith("arn:", StringComparison.Ordinal) && p.Split(':') is [_, _, _, _, var account, ..] && account.Contains('*', StringComparison.Ordinal)));

    // GitHub's OIDC provider signs tokens for every repository on GitHub: a trust without a condition on the token's
    // subject (repo:owner/name:…) lets any of them assume the role
    private static string? OpenWebIdentity(PolicyStatement statement) =>
        statement.Principals.TryGetValue("Federated", out var providers) && providers.Any(p => p.EndsWith("token.actions.githubusercontent.com", StringComparison.OrdinalIgnoreCase))
        && !statement.Conditions.Any(op => Positive(op.Key) && op.Value.Any(k => string.Equals(k.Key, "token.actions.githubusercontent.com:sub", StringComparison.OrdinalIgnoreCase)
            && k.Value.Count > 0 && k.Value.All(v => !OnlyWildcards(v) && !v.Equals("repo:*", StringComparison.OrdinalIgnoreCase))))
            ? "token.actions.githubusercontent.com (any repository)"
            : null;

    private static bool HasCondition(PolicyStatement statement, string key) =>
        statement.Conditions.Any(op => Positive(op.Key) && op.Value.Any(k => string.Equals(k.Key, key, StringComparison.OrdinalIgnoreCase) && Narrow(k.Key, k.Value)));

    private static List<string> OtherAccounts(PolicyStatement statement, string? own) =>
        statement.Principals.TryGetValue("AWS", out var aws)
            ? aws.Select(AccountOf).OfType<string>().Where(a => own is null || a != own).Distinct(StringComparer.Ordinal).ToList()
            : [];

    private static bool IsAccountId(string text) => text.Length == 12 && text.All(char.IsAsciiDigit);

    private static bool Positive(string op) =>
        !op.Contains("Not", StringComparison.OrdinalIgnoreCase) && !op.EndsWith("IfExists", StringComparison.OrdinalIgnoreCase)
        && !string.Equals(op, "Null", StringComparison.OrdinalIgnoreCase) && !op.StartsWith("ForAllValues:", StringComparison.OrdinalIgnoreCase);

    private static bool Narrow(string key, IReadOnlyList<string> values) =>
        values.Count > 0 && values.All(v => v.Length > 0 && !OnlyWildcards(v) && !(string.Equals(key, "aws:SourceIp", StringComparison.OrdinalIgnoreCase) && v is "0.0.0.0/0" or "::/0"));

    // "*", or an ARN whose region, account and resource are all wildcards or empty ("arn:aws:s3:::*"): it names no one
    private static bool OnlyWildcards(string value)
    {
        var parts = value.StartsWith("arn:", StringComparison.OrdinalIgnoreCase) ? value.Split(':').Skip(3) : [value];
        return parts.All(p => p.All(c => c is '*' or '?' or '/'));
    }

    // Operators that deny every caller but the named ones when used in a Deny ("deny unless from this VPC endpoint")
    private static bool Excepting(string op) =>
        op.Replace("IfExists", "", StringComparison.OrdinalIgnoreCase) is var bare && !op.StartsWith("For", StringComparison.OrdinalIgnoreCase)
        && (string.Equals(bare, "StringNotEquals", StringComparison.OrdinalIgnoreCase) || string.Equals(bare, "StringNotEqualsIgnoreCase", StringComparison.OrdinalIgnoreCase)
            || string.Equals(bare, "StringNotLike", StringComparison.OrdinalIgnoreCase) || string.Equals(bare, "ArnNotEquals", StringComparison.OrdinalIgnoreCase)
            || string.Equals(bare, "ArnNotLike", StringComparison.OrdinalIgnoreCase) || string.Equals(bare, "NotIpAddress", StringComparison.OrdinalIgnoreCase));

    /// <summary>
    /// Whether a Deny for every principal takes away each allowed action from all callers but named ones: its conditions
    /// all except callers by a caller key (<c>StringNotEquals aws:SourceVpce</c>, <c>NotIpAddress aws:SourceIp</c>…), so
    /// that what the Allow opens stays reachable only to them.
    /// </summary>
    private static bool FencedByDeny(PolicyDocument document, PolicyStatement allow) =>
        !allow.ActionIsNegated && allow.Actions.Count > 0 && allow.Actions.All(action => document.Statements.Any(d =>
            !d.IsAllow && !d.HasUnknownParts && !d.PrincipalIsNegated && d.Principals.Values.Any(v => v.Contains("*")) && d.Conditions.Count > 0
            && d.Conditions.All(op => Excepting(op.Key) && op.Value.Count > 0 && op.Value.All(k => CallerKeys.Contains(k.Key) && Narrow(k.Key, k.Value)))
            && DeniesAction(d, action) && DeniesResources(d, allow)));

    private static IEnumerable<PolicyIssue> Each(PolicyDocument document, string check, Func<PolicyStatement, string?> detail)
    {
        for (var i = 0; i < document.Statements.Count; i++)
        {
            if (detail(document.Statements[i]) is { } found)
            {
                yield return new PolicyIssue(check, i, found);
            }
        }
    }

    private static IEnumerable<PolicyIssue> FindAdmin(PolicyDocument document) =>
        Each(document, Admin, s => s.IsAllow && !s.ActionIsNegated && s.Actions.Any(a => a is "*" or "*:*") && (s.ResourceIsNegated || s.Resources.Any(Everything)) && !Denied(document, "*", s) ? "*" : null);

    // "*" or an ARN pattern that every ARN matches ("arn:*", "arn:aws:*:*:*:*")
    private static bool Everything(string resource) =>
        resource == "*" || (resource.Split(':') is ["arn", var partition, .. var rest] && (partition.StartsWith("aws", StringComparison.Ordinal) || partition.All(c => c == '*'))
            && rest.All(p => p.Length > 0 && p.All(c => c == '*')) && resource.EndsWith('*'));

    // "*" is every action of every service, so it is a service wildcard too, whatever the resource
    private static IEnumerable<PolicyIssue> FindServiceWildcards(PolicyDocument document) =>
        Each(document, ServiceWildcard, s => !s.IsAllow || s.ActionIsNegated ? null
            : s.Actions.Where(a => (a == "*" || a.EndsWith(":*", StringComparison.Ordinal)) && !Denied(document, a, s)).ToList() is { Count: > 0 } wide ? string.Join(", ", wide) : null);

    private static IEnumerable<PolicyIssue> FindEscalations(PolicyDocument document, IReadOnlyList<PolicyDocument>? parts)
    {
        // Administrator access contains every escalation; it is reported once, as such
        if (FindAdmin(document).Any() || (parts is not null && parts.Any(p => FindAdmin(p).Any())))
        {
            yield break;
        }

        foreach (var set in Escalations)
        {
            var statements = set.Select(action => Allowing(document, action)).ToList();
            if (statements.TrueForAll(i => i >= 0) && (parts is null || !parts.Any(p => set.All(action => Allowing(p, action) >= 0))))
            {
                // Over a principal's policies, each action names the policy (kept in the Sid) it comes from
                var named = parts is null ? set : set.Select((action, i) => $"{action} ({document.Statements[statements[i]].Sid})");
                yield return new PolicyIssue(Escalation, statements.Min(), string.Join(" + ", named));
            }
        }
    }

    // The first statement that allows the action on every resource of its kind, and that no Deny takes away; -1 when none
    private static int Allowing(PolicyDocument document, string action)
    {
        for (var i = 0; i < document.Statements.Count; i++)
        {
            var s = document.Statements[i];
            if (s.IsAllow && s.CoversAction(action) && Broad(s) && !Denied(document, action, s))
            {
                return i;
            }
        }

        return -1;
    }

    /// <summary>
    /// Whether the statement reaches every resource of a kind: <c>*</c>, <c>NotResource</c>, or an ARN whose resource part is
    /// only a wildcard (<c>arn:aws:iam::111122223333:role/*</c>, <c>arn:aws:iam::*:user/*</c>, <c>arn:aws:lambda:eu-west-3:111122223333:function:*</c>).
    /// </summary>
    public static bool Broad(PolicyStatement statement) => statement.ResourceIsNegated || statement.Resources.Any(r =>
        Everything(r) || (r.Split(':', 6) is [_, _, _, _, _, var part] && (part == "*" || (part.Split('/', ':') is [var type, "*"] && !type.Contains('*', StringComparison.Ordinal)))));

    // Whether unconditioned Deny statements take away every use of the action pattern on the allowing statement's resources
    private static bool Denied(PolicyDocument document, string action, PolicyStatement allow) =>
        document.Statements.Any(d => !d.IsAllow && !d.IsConditioned && !d.HasUnknownParts && !d.PrincipalIsNegated
            && (d.Principals.Count == 0 || d.Principals.Values.Any(v => v.Contains("*")))
            && DeniesAction(d, action) && DeniesResources(d, allow));

    private static bool DeniesAction(PolicyStatement deny, string action) => deny.ActionIsNegated
        ? deny.Actions.All(excepted => Disjoint(excepted, action))
        : deny.Actions.Any(pattern => Wildcard.Contains(pattern, action, ignoreCase: true));

    private static bool DeniesResources(PolicyStatement deny, PolicyStatement allow)
    {
        if (deny.ResourceIsNegated)
        {
            return false;
        }

        if (deny.Resources.Any(Everything))
        {
            return true;
        }

        return !allow.ResourceIsNegated && allow.Resources.Count > 0 && allow.Resources.All(r => deny.Resources.Any(d => Wildcard.Contains(d, r, ignoreCase: false)));
    }

    // Two action patterns share no action when their literal beginnings differ (a safe approximation: "may overlap" otherwise)
    private static bool Disjoint(string a, string b)
    {
        var pa = Literal(a);
        var pb = Literal(b);
        if (pa.Length == a.Length && pb.Length == b.Length)
        {
            return !string.Equals(a, b, StringComparison.OrdinalIgnoreCase);
        }

        if (pa.Length == a.Length)
        {
            return !Wildcard.Matches(b, a);
        }

        if (pb.Length == b.Length)
        {
            return !Wildcard.Matches(a, b);
        }

        return !pa.StartsWith(pb, StringComparison.OrdinalIgnoreCase) && !pb.StartsWith(pa, StringComparison.OrdinalIgnoreCase);
    }

    private static string Literal(string pattern) => pattern.IndexOfAny(['*', '?']) is >= 0 and var at ? pattern[..at] : pattern;

    /// <summary>A statement as people name it: its number (1-based) and its Sid when it has one.</summary>
    public static string Describe(PolicyDocument document, int statement) =>
        document.Statements[statement].Sid is { Length: > 0 } sid
            ? string.Create(CultureInfo.InvariantCulture, $"#{statement + 1} \"{sid}\"")
            : string.Create(CultureInfo.InvariantCulture, $"#{statement + 1}");
}
