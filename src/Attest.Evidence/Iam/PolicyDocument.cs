using System.Text.Json;
using Attest.Evidence.Model;

namespace Attest.Evidence.Iam;

/// <summary>An IAM policy document (identity, resource or trust policy), read from a value tree or JSON text.</summary>
public sealed record PolicyDocument(IReadOnlyList<PolicyStatement> Statements, bool HasUnknownParts)
{
    /// <summary>
    /// Reads a policy from a resolved value: an object tree, or JSON text (a Terraform <c>jsonencode</c>, a CloudFormation string).
    /// Parts that cannot be known are left out, or, with <paramref name="assumeWorst"/>, read as <c>"*"</c> (and an unknown
    /// effect as Allow): a verdict that holds under both readings does not depend on them. Null when it is not a policy.
    /// </summary>
    public static PolicyDocument? From(object? value, bool assumeWorst = false)
    {
        if (value is string text)
        {
            value = ParseJson(text);
        }

        if (value is not IReadOnlyDictionary<string, object?> document)
        {
            return null;
        }

        var unknown = false;
        var statements = new List<PolicyStatement>();
        var raw = Field(document, "Statement");
        foreach (var item in raw is IReadOnlyList<object?> list ? list : raw is null ? [] : [raw])
        {
            if (item is IReadOnlyDictionary<string, object?> statement)
            {
                statements.Add(PolicyStatement.From(statement, assumeWorst));
            }
            else
            {
                unknown = true;
            }
        }

        return new PolicyDocument(statements, unknown || raw is UnknownValue || statements.Any(s => s.HasUnknownParts));
    }

    /// <summary>The statements that allow.</summary>
    public IEnumerable<PolicyStatement> Allows => Statements.Where(s => s.IsAllow);

    internal static object? Field(IReadOnlyDictionary<string, object?> map, string name)
    {
        foreach (var (key, value) in map)
        {
            if (string.Equals(key, name, StringComparison.OrdinalIgnoreCase))
            {
                return value;
            }
        }

        return null;
    }

    private static object? ParseJson(string text)
    {
        try
        {
            using var json = JsonDocument.Parse(text, new JsonDocumentOptions { MaxDepth = 64, AllowTrailingCommas = true });
            return Convert(json.RootElement);
        }
        catch (JsonException)
        {
            return null;
        }
    }

    private static object? Convert(JsonElement element) => element.ValueKind switch
    {
        JsonValueKind.Object => element.EnumerateObject().ToDictionary(p => p.Name, p => Convert(p.Value), StringComparer.Ordinal) as IReadOnlyDictionary<string, object?>,
        JsonValueKind.Array => element.EnumerateArray().Select(Convert).ToArray(),
        JsonValueKind.String => element.GetString(),
        JsonValueKind.Number => element.GetDecimal(),
        JsonValueKind.True => true,
        JsonValueKind.False => false,
        _ => null,
    };
}

/// <summary>One statement: effect, principals, actions, resources, conditions.</summary>
public sealed record PolicyStatement
{
    /// <summary>True for <c>Allow</c>.</summary>
    public bool IsAllow { get; init; }

    /// <summary>The statement's <c>Sid</c>, when it has one.</summary>
    public string? Sid { get; init; }

    /// <summary>The <c>Action</c> patterns (or <c>NotAction</c> when <see cref="ActionIsNegated"/>).</summary>
    public IReadOnlyList<string> Actions { get; init; } = [];

    /// <summary>True when the statement uses <c>NotAction</c>.</summary>
    public bool ActionIsNegated { get; init; }

    /// <summary>The <c>Resource</c> patterns (or <c>NotResource</c>).</summary>
    public IReadOnlyList<string> Resources { get; init; } = [];

    /// <summary>True when the statement uses <c>NotResource</c>.</summary>
    public bool ResourceIsNegated { get; init; }

    /// <summary>Principals by kind (<c>AWS</c>, <c>Service</c>, <c>Federated</c>, <c>CanonicalUser</c>; <c>*</c> for the anonymous wildcard).</summary>
    public IReadOnlyDictionary<string, IReadOnlyList<string>> Principals { get; init; } = new Dictionary<string, IReadOnlyList<string>>();

    /// <summary>True when the statement uses <c>NotPrincipal</c>.</summary>
    public bool PrincipalIsNegated { get; init; }

    /// <summary>Conditions: operator → key → values.</summary>
    public IReadOnlyDictionary<string, IReadOnlyDictionary<string, IReadOnlyList<string>>> Conditions { get; init; } = new Dictionary<string, IReadOnlyDictionary<string, IReadOnlyList<string>>>();

    /// <summary>True when some part could not be known (a parameter, a reference).</summary>
    public bool HasUnknownParts { get; init; }

    /// <summary>True when any principal is <c>*</c> (alone or as an AWS principal).</summary>
    public bool HasWildcardPrincipal => !PrincipalIsNegated && Principals.Values.Any(v => v.Contains("*"));

    /// <summary>True when the statement has at least one condition.</summary>
    public bool IsConditioned => Conditions.Count > 0;

    /// <summary>
    /// True when a condition can narrow who may use the statement (source account, organization, VPC or endpoint, IP range,
    /// principal ARN or tag, external id…): conditions on the request alone (<c>aws:Referer</c>, <c>aws:SecureTransport</c>,
    /// <c>aws:UserAgent</c>, dates, <c>s3:</c> request keys) leave a <c>*</c> principal open to anyone.
    /// </summary>
    public bool HasScopingCondition => Conditions.Values.Any(keys => keys.Keys.Any(key => !RequestOnlyKeys.Contains(key) && !RequestOnlyPrefixes.Any(p => key.StartsWith(p, StringComparison.OrdinalIgnoreCase))));

    private static readonly HashSet<string> RequestOnlyKeys = new(StringComparer.OrdinalIgnoreCase)
    {
        "aws:Referer", "aws:UserAgent", "aws:SecureTransport", "aws:CurrentTime", "aws:EpochTime", "aws:RequestedRegion", "aws:TokenIssueTime",
        "aws:MultiFactorAuthPresent", "aws:MultiFactorAuthAge", "aws:ViaAWSService", "aws:TagKeys",
    };

    private static readonly string[] RequestOnlyPrefixes = ["aws:RequestTag/", "aws:CalledVia", "s3:x-amz-", "s3:prefix", "s3:delimiter", "s3:max-keys", "s3:signatureversion", "s3:signatureAge", "s3:authType", "s3:TlsVersion", "s3:VersionId", "s3:LocationConstraint", "s3:object-lock"];

    /// <summary>Whether the statement's actions cover <paramref name="action"/> (IAM wildcard matching, case-insensitive).</summary>
    public bool CoversAction(string action) => ActionIsNegated ? !Actions.Any(p => Wildcard.Matches(p, action)) : Actions.Any(p => Wildcard.Matches(p, action));

    /// <summary>Whether every resource is covered (<c>*</c>, or a negated list).</summary>
    public bool CoversAllResources => ResourceIsNegated || Resources.Contains("*");

    internal static PolicyStatement From(IReadOnlyDictionary<string, object?> s, bool assumeWorst)
    {
        var unknown = false;
        IReadOnlyList<string> Strings(object? value)
        {
            switch (value)
            {
                case null:
                    return [];
                case string text:
                    return [text];
                case IReadOnlyList<object?> list:
                    var result = new List<string>();
                    foreach (var item in list)
                    {
                        if (item is string t)
                        {
                            result.Add(t);
                        }
                        else
                        {
                            unknown = true;
                            if (assumeWorst)
                            {
                                result.Add("*");
                            }
                        }
                    }

                    return result;
                default:
                    unknown = true;
                    return assumeWorst ? ["*"] : [];
            }
        }

        var notAction = PolicyDocument.Field(s, "NotAction");
        var notResource = PolicyDocument.Field(s, "NotResource");
        var notPrincipal = PolicyDocument.Field(s, "NotPrincipal");
        var principalValue = notPrincipal ?? PolicyDocument.Field(s, "Principal");
        var principals = new Dictionary<string, IReadOnlyList<string>>(StringComparer.OrdinalIgnoreCase);
        switch (principalValue)
        {
            case string text:
                principals["*"] = [text];
                break;
            case IReadOnlyDictionary<string, object?> map:
                foreach (var (kind, value) in map)
                {
                    principals[kind] = Strings(OwnAccount(value));
                }

                break;
            case null:
                break;
            default:
                unknown = true;
                if (assumeWorst)
                {
                    principals["AWS"] = ["*"];
                }

                break;
        }

        var conditions = new Dictionary<string, IReadOnlyDictionary<string, IReadOnlyList<string>>>(StringComparer.OrdinalIgnoreCase);
        switch (PolicyDocument.Field(s, "Condition"))
        {
            case IReadOnlyDictionary<string, object?> operators:
                foreach (var (op, keys) in operators)
                {
                    var byKey = new Dictionary<string, IReadOnlyList<string>>(StringComparer.OrdinalIgnoreCase);
                    if (keys is IReadOnlyDictionary<string, object?> keyMap)
                    {
                        foreach (var (key, values) in keyMap)
                        {
                            byKey[key] = values switch
                            {
                                bool b => [b ? "true" : "false"],
                                decimal d => [d.ToString(System.Globalization.CultureInfo.InvariantCulture)],
                                _ => Strings(values),
                            };
                        }
                    }
                    else
                    {
                        unknown = true;
                    }

                    conditions[op] = byKey;
                }

                break;
            case null:
                break;
            default:
                unknown = true;
                break;
        }

        var effect = PolicyDocument.Field(s, "Effect");
        if (effect is not string)
        {
            unknown = true;
        }

        return new PolicyStatement
        {
            Sid = PolicyDocument.Field(s, "Sid") as string,
            IsAllow = effect is string e ? string.Equals(e, "Allow", StringComparison.OrdinalIgnoreCase) : assumeWorst,
            Actions = Strings(notAction ?? PolicyDocument.Field(s, "Action")),
            ActionIsNegated = notAction is not null,
            Resources = Strings(notResource ?? PolicyDocument.Field(s, "Resource")),
            ResourceIsNegated = notResource is not null,
            Principals = principals,
            PrincipalIsNegated = notPrincipal is not null,
            Conditions = conditions,
            HasUnknownParts = unknown,
        };
    }

    // A principal built from the deploying account (CloudFormation's AWS::AccountId) is unknown as text, yet surely that
    // account: it is read as such rather than as "*", so that the usual key and trust policies are not left undecided
    private static object? OwnAccount(object? value) => value switch
    {
        UnknownValue u when u.Why.Contains("AWS::AccountId", StringComparison.Ordinal) => "arn:aws:iam::${AWS::AccountId}:root",
        IReadOnlyList<object?> list => list.Select(OwnAccount).ToArray(),
        _ => value,
    };
}

/// <summary>
/// IAM wildcard matching: <c>*</c> any run of characters (none included), <c>?</c> exactly one. Actions compare
/// case-insensitively, resources (ARNs) case-sensitively, as IAM does.
/// </summary>
public static class Wildcard
{
    /// <summary>Whether the action pattern <paramref name="pattern"/> matches <paramref name="text"/>, ignoring case.</summary>
    public static bool Matches(string pattern, string text) => Matches(pattern, text, ignoreCase: true);

    /// <summary>Whether the resource pattern <paramref name="pattern"/> matches the ARN <paramref name="text"/>, case counting.</summary>
    public static bool MatchesResource(string pattern, string text) => Matches(pattern, text, ignoreCase: false);

    /// <summary>
    /// Whether every text <paramref name="specific"/> matches is also matched by <paramref name="general"/> (<c>s3:*</c> contains
    /// <c>s3:Get*</c>). Sound but not complete: when it says true it is true; some exotic containments are missed.
    /// </summary>
    public static bool Contains(string general, string specific, bool ignoreCase)
    {
        // The specific pattern's wildcards are read as symbols that only a "*" of the general one can absorb ("?" too absorbs a "?")
        int g = 0, s = 0, star = -1, mark = 0;
        while (s < specific.Length)
        {
            var c = specific[s];
            if (g < general.Length && general[g] != '*' && (general[g] == '?' ? c != '*' : c is not ('*' or '?') && Same(general[g], c, ignoreCase)))
            {
                g++;
                s++;
            }
            else if (g < general.Length && general[g] == '*')
            {
                star = g++;
                mark = s;
            }
            else if (star >= 0)
            {
                g = star + 1;
                s = ++mark;
            }
            else
            {
                return false;
            }
        }

        while (g < general.Length && general[g] == '*')
        {
            g++;
        }

        return g == general.Length;
    }

    private static bool Matches(string pattern, string text, bool ignoreCase)
    {
        int p = 0, t = 0, star = -1, mark = 0;
        while (t < text.Length)
        {
            if (p < pattern.Length && (pattern[p] == '?' || (pattern[p] != '*' && Same(pattern[p], text[t], ignoreCase))))
            {
                p++;
                t++;
            }
            else if (p < pattern.Length && pattern[p] == '*')
            {
                star = p++;
                mark = t;
            }
            else if (star >= 0)
            {
                p = star + 1;
                t = ++mark;
            }
            else
            {
                return false;
            }
        }

        while (p < pattern.Length && pattern[p] == '*')
        {
            p++;
        }

        return p == pattern.Length;
    }

    private static bool Same(char a, char b, bool ignoreCase) => a == b || (ignoreCase && char.ToLowerInvariant(a) == char.ToLowerInvariant(b));
}
