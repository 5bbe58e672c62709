using System.Globalization;
using Attest.Evidence.Model;

namespace Attest.Evidence.Iam;

/// <summary>
/// One policy read from a JSON file, as rules see it: its document at <c>Document</c>, named by the principal and policy it
/// belongs to (<c>role/app/policy/deploy</c>, <c>role/app/trust</c>, <c>policy/ReadAll</c>).
/// </summary>
public sealed class PolicyResource : IIacResource
{
    /// <summary>The framework name of policy files.</summary>
    public const string FrameworkName = "iam";

    /// <summary>Resource types by what the policy is for.</summary>
    public const string IdentityType = "iam-identity-policy", PrincipalType = "iam-principal", TrustType = "iam-trust-policy", BucketType = "s3-bucket-policy", KeyType = "kms-key-policy",
        QueueType = "sqs-queue-policy", TopicType = "sns-topic-policy", OtherResourceType = "resource-policy";

    private readonly object? document;
    private readonly JsonTree tree;

    internal PolicyResource(string address, string type, object? document, JsonTree tree, FileLocation location, string? account, IReadOnlyList<PolicyDocument>? parts = null)
    {
        Parts = parts;
        Address = address;
        Type = type;
        this.document = document;
        this.tree = tree;
        Location = location;
        Account = account;
    }

    /// <summary>Every resource type of policy files.</summary>
    public static IReadOnlyList<string> Types { get; } = [IdentityType, PrincipalType, TrustType, BucketType, KeyType, QueueType, TopicType, OtherResourceType];

    /// <inheritdoc />
    public string Framework => FrameworkName;

    /// <inheritdoc />
    public string Address { get; }

    /// <inheritdoc />
    public string Type { get; }

    /// <inheritdoc />
    public FileLocation Location { get; }

    /// <inheritdoc />
    public string? Multiplicity => null;

    /// <summary>For a principal of an export: the policies its permissions are the union of (inline, attached, of its groups).</summary>
    public IReadOnlyList<PolicyDocument>? Parts { get; }

    /// <summary>The account the policy lives in, when the file says it (an ARN of the export); null otherwise.</summary>
    public string? Account { get; }

    /// <inheritdoc />
    public ValueSet ValuesAt(params string[] path)
    {
        ArgumentNullException.ThrowIfNull(path);
        var values = new List<object?> { document };
        foreach (var segment in path.Skip(1))
        {
            values = values.SelectMany(v => Step(v, segment)).ToList();
        }

        return path.Length == 0 || path[0] != "Document" || values.Count == 0 ? ValueSet.Absent : new ValueSet(values.Select(v => new PossibleValue(v, ValueSource.Literal)).ToList());
    }

    /// <inheritdoc />
    public FileLocation LocationOf(params string[] path)
    {
        ArgumentNullException.ThrowIfNull(path);
        var found = Location;
        var node = path.Length > 0 && path[0] == "Document" ? document : null;
        foreach (var segment in path.Skip(1))
        {
            node = Step(node, segment).FirstOrDefault();
            if (node is null)
            {
                break;
            }

            found = tree.PositionOf(node) ?? found;
        }

        return found;
    }

    private static IEnumerable<object?> Step(object? value, string segment) => value switch
    {
        IReadOnlyDictionary<string, object?> map => segment == "*" ? [map] : [PolicyDocument.Field(map, segment)],
        IReadOnlyList<object?> list when segment == "*" => list,
        IReadOnlyList<object?> list => int.TryParse(segment, NumberStyles.None, CultureInfo.InvariantCulture, out var i) && i < list.Count ? [list[i]] : [],
        _ => segment == "*" ? [value] : [],
    };
}

/// <summary>
/// Reads IAM policies from JSON: a single policy document (identity, resource or trust policy), the output of
/// <c>aws iam get-account-authorization-details</c> (users, groups and roles with their inline policies and trust policies,
/// managed policies judged on their default version), and the single-policy outputs of the CLI (<c>get-policy-version</c>,
/// <c>get-role-policy</c>, <c>get-role</c>, <c>get-bucket-policy</c>). Documents may be objects or URL-encoded JSON strings,
/// as the raw API returns them.
/// </summary>
public static class PolicyFile
{
    private static readonly string[] ExportKeys = ["UserDetailList", "GroupDetailList", "RoleDetailList", "Policies"];

    /// <summary>Whether the text may be a policy file: cheap, before parsing.</summary>
    public static bool MayBePolicy(string text) =>
        text.TrimStart().StartsWith('{')
        && (text.Contains("\"Statement\"", StringComparison.OrdinalIgnoreCase) || text.Contains("DetailList\"", StringComparison.Ordinal)
            || text.Contains("\"PolicyVersionList\"", StringComparison.Ordinal) || text.Contains("%22Statement%22", StringComparison.OrdinalIgnoreCase)
            || text.Contains("\"Policy\"", StringComparison.Ordinal));

    /// <summary>
    /// Reads <paramref name="text"/> named <paramref name="file"/>: the policies with the problems met, or, when the text is
    /// JSON but holds no policy, null with no problem; malformed JSON is a problem naming its line and column.
    /// </summary>
    public static (IacDocument? Document, IacProblem? Problem) Read(string text, string file)
    {
        ArgumentNullException.ThrowIfNull(text);
        var (tree, problem) = JsonTree.Parse(text, file);
        if (tree is null)
        {
            return (null, problem);
        }

        if (tree.Root is not IReadOnlyDictionary<string, object?> root)
        {
            return (null, null);
        }

        var reading = new Reading(tree);
        if (PolicyDocument.Field(root, "Statement") is not null)
        {
            reading.Single(root, DefaultName(root, file));
        }
        else if (ExportKeys.Any(k => root.ContainsKey(k)) && (root.ContainsKey("Policies") ? root.Keys.Any(k => k.EndsWith("DetailList", StringComparison.Ordinal)) || IsExportPolicyList(root["Policies"]) : true))
        {
            reading.Export(root);
        }
        else if (!reading.Wrapped(root, file))
        {
            return (null, null);
        }

        return (new IacDocument(PolicyResource.FrameworkName, file, reading.Resources, reading.Problems), null);
    }

    /// <summary>Reads a policy file from a stream of at most <paramref name="maxBytes"/> bytes (UTF-8).</summary>
    public static (IacDocument? Document, IacProblem? Problem) Read(Stream stream, string file, long maxBytes)
    {
        ArgumentNullException.ThrowIfNull(stream);
        using var buffer = new MemoryStream();
        var chunk = new byte[81920];
        int read;
        while ((read = stream.Read(chunk, 0, chunk.Length)) > 0)
        {
            if (buffer.Length + read > maxBytes)
            {
                return (null, new IacProblem(new FileLocation(file, 1, 1), string.Create(CultureInfo.InvariantCulture, $"the file is over the {maxBytes / (1024 * 1024)} MB limit")));
            }

            buffer.Write(chunk, 0, read);
        }

        string text;
        try
        {
            text = new System.Text.UTF8Encoding(false, true).GetString(buffer.GetBuffer(), 0, (int)buffer.Length).TrimStart('\uFEFF');
        }
        catch (System.Text.DecoderFallbackException)
        {
            return (null, new IacProblem(new FileLocation(file, 1, 1), "the file is not UTF-8 text"));
        }

        return Read(text, file);
    }

    private static bool IsExportPolicyList(object? value) => value is IReadOnlyList<object?> list && list.All(p => p is IReadOnlyDictionary<string, object?> m && m.ContainsKey("PolicyVersionList"));

    private static string DefaultName(IReadOnlyDictionary<string, object?> document, string file) =>
        PolicyDocument.Field(document, "Id") is string { Length: > 0 } id ? id : Path.GetFileNameWithoutExtension(file.Replace('\\', '/').Split('/')[^1]);

    private sealed class Reading(JsonTree tree)
    {
        public List<IIacResource> Resources { get; } = [];

        public List<IacProblem> Problems { get; } = [];

        // The documents read, by owner ("user/alice", "group/developers", "role/app") and by managed policy ARN
        private readonly Dictionary<string, List<(string Name, IReadOnlyDictionary<string, object?> Document)>> owned = new(StringComparer.Ordinal);
        private readonly Dictionary<string, (string Name, IReadOnlyDictionary<string, object?> Document)> managed = new(StringComparer.Ordinal);

        // A document given alone: its kind and service are told by its shape
        public void Single(object? value, string name, string? account = null)
        {
            if (Document(value, name) is not { } document)
            {
                return;
            }

            var parsed = PolicyDocument.From(document)!;
            var type = PolicyChecks.KindOf(parsed) switch
            {
                PolicyKind.Identity => PolicyResource.IdentityType,
                PolicyKind.Trust => PolicyResource.TrustType,
                _ => PolicyChecks.ServiceOf(parsed) switch
                {
                    "s3" => PolicyResource.BucketType,
                    "kms" => PolicyResource.KeyType,
                    "sqs" => PolicyResource.QueueType,
                    "sns" => PolicyResource.TopicType,
                    _ => PolicyResource.OtherResourceType,
                },
            };
            Add(name, type, document, value, account);
        }

        public bool Wrapped(IReadOnlyDictionary<string, object?> root, string fileName)
        {
            var name = Path.GetFileNameWithoutExtension(fileName.Replace('\\', '/').Split('/')[^1]);
            if (root.GetValueOrDefault("PolicyVersion") is IReadOnlyDictionary<string, object?> version && version.ContainsKey("Document"))
            {
                Single(version["Document"], Text(version, "VersionId") is { } v ? $"{name}@{v}" : name);
                return true;
            }

            if (root.GetValueOrDefault("Role") is IReadOnlyDictionary<string, object?> role && role.ContainsKey("AssumeRolePolicyDocument"))
            {
                Role(role);
                return true;
            }

            if (root.ContainsKey("PolicyDocument") && Text(root, "PolicyName") is { } policyName)
            {
                var owner = Text(root, "RoleName") is { } r ? $"role/{r}" : Text(root, "UserName") is { } u ? $"user/{u}" : Text(root, "GroupName") is { } g ? $"group/{g}" : name;
                Single(root["PolicyDocument"], $"{owner}/policy/{policyName}");
                return true;
            }

            // get-bucket-policy, get-queue-attributes, get-topic-attributes, get-key-policy: the policy as a JSON string
            var policy = root.GetValueOrDefault("Policy") ?? (root.GetValueOrDefault("Attributes") as IReadOnlyDictionary<string, object?>)?.GetValueOrDefault("Policy");
            if (policy is string text && Decode(text) is IReadOnlyDictionary<string, object?> decoded && decoded.ContainsKey("Statement"))
            {
                Single(policy, name);
                return true;
            }

            return false;
        }

        public void Export(IReadOnlyDictionary<string, object?> root)
        {
            foreach (var user in Entries(root, "UserDetailList"))
            {
                var userName = Text(user, "UserName") ?? "?";
                Inline(user, "UserPolicyList", $"user/{userName}", AccountOf(user));
            }

            foreach (var group in Entries(root, "GroupDetailList"))
            {
                Inline(group, "GroupPolicyList", $"group/{Text(group, "GroupName") ?? "?"}", AccountOf(group));
            }

            foreach (var role in Entries(root, "RoleDetailList"))
            {
                Role(role);
            }

            foreach (var policy in Entries(root, "Policies"))
            {
                ManagedPolicy(policy);
            }

            // Escalations can hide across policies (iam:PassRole in one, ec2:RunInstances in another): each principal is judged on the union too
            var groups = Entries(root, "GroupDetailList").Where(g => Text(g, "GroupName") is not null).GroupBy(g => Text(g, "GroupName")!).ToDictionary(g => g.Key, g => g.First(), StringComparer.Ordinal);
            foreach (var user in Entries(root, "UserDetailList"))
            {
                var name = $"user/{Text(user, "UserName") ?? "?"}";
                var parts = Granted(name, user);
                foreach (var group in user.GetValueOrDefault("GroupList") is IReadOnlyList<object?> list ? list.OfType<string>() : [])
                {
                    if (groups.TryGetValue(group, out var entry))
                    {
                        parts.AddRange(Granted($"group/{group}", entry));
                    }
                }

                Principal(name, user, parts);
            }

            foreach (var role in Entries(root, "RoleDetailList"))
            {
                var name = $"role/{Text(role, "RoleName") ?? "?"}";
                Principal(name, role, Granted(name, role));
            }
        }

        private List<(string Name, IReadOnlyDictionary<string, object?> Document)> Granted(string owner, IReadOnlyDictionary<string, object?> entry)
        {
            var parts = owned.TryGetValue(owner, out var inline) ? new List<(string, IReadOnlyDictionary<string, object?>)>(inline) : [];
            foreach (var attached in Entries(entry, "AttachedManagedPolicies"))
            {
                if (Text(attached, "PolicyArn") is { } arn && managed.TryGetValue(arn, out var policy))
                {
                    parts.Add(policy);
                }
            }

            return parts;
        }

        private void Principal(string name, IReadOnlyDictionary<string, object?> entry, List<(string Name, IReadOnlyDictionary<string, object?> Document)> parts)
        {
            if (parts.Count < 2)
            {
                return;
            }

            // Each statement keeps the name of its policy in its Sid, so that a finding says where the actions come from
            var statements = new List<object?>();
            foreach (var (policy, document) in parts)
            {
                var raw = PolicyDocument.Field(document, "Statement");
                foreach (var statement in (raw is IReadOnlyList<object?> list ? list : [raw]).OfType<IReadOnlyDictionary<string, object?>>())
                {
                    var copy = statement.Where(p => !string.Equals(p.Key, "Sid", StringComparison.OrdinalIgnoreCase)).ToDictionary(p => p.Key, p => p.Value, StringComparer.Ordinal);
                    copy["Sid"] = PolicyDocument.Field(statement, "Sid") is string { Length: > 0 } sid ? $"{policy} {sid}" : policy;
                    statements.Add(copy);
                }
            }

            var union = new Dictionary<string, object?>(StringComparer.Ordinal) { ["Statement"] = statements.ToArray() };
            Resources.Add(new PolicyResource(name, PolicyResource.PrincipalType, union, tree, tree.PositionOf(entry) ?? tree.Start, AccountOf(entry), [.. parts.Select(p => PolicyDocument.From(p.Document)!)]));
        }

        private void Role(IReadOnlyDictionary<string, object?> role)
        {
            var roleName = Text(role, "RoleName") ?? "?";
            var account = AccountOf(role);
            if (role.GetValueOrDefault("AssumeRolePolicyDocument") is { } trust && Document(trust, $"role/{roleName}/trust") is { } document)
            {
                Add($"role/{roleName}/trust", PolicyResource.TrustType, document, trust, account);
            }

            Inline(role, "RolePolicyList", $"role/{roleName}", account);
        }

        private void Inline(IReadOnlyDictionary<string, object?> owner, string key, string ownerName, string? account)
        {
            foreach (var inline in Entries(owner, key))
            {
                var name = $"{ownerName}/policy/{Text(inline, "PolicyName") ?? "?"}";
                if (inline.GetValueOrDefault("PolicyDocument") is { } value && Document(value, name) is { } document)
                {
                    Add(name, PolicyResource.IdentityType, document, value, account);
                    if (!owned.TryGetValue(ownerName, out var list))
                    {
                        owned[ownerName] = list = [];
                    }

                    list.Add((name, document));
                }
            }
        }

        // A managed policy is judged on its default version, the one in force
        private void ManagedPolicy(IReadOnlyDictionary<string, object?> policy)
        {
            var name = $"policy/{Text(policy, "PolicyName") ?? "?"}";
            var arn = Text(policy, "Arn");
            if (arn is not null && arn.Contains(":aws:policy/", StringComparison.Ordinal) && policy.GetValueOrDefault("AttachmentCount") is 0m)
            {
                // An AWS managed policy nobody uses grants nothing
                return;
            }

            var defaultId = Text(policy, "DefaultVersionId");
            var versions = Entries(policy, "PolicyVersionList").ToList();
            var chosen = versions.FirstOrDefault(v => v.GetValueOrDefault("IsDefaultVersion") is true)
                ?? versions.FirstOrDefault(v => defaultId is not null && Text(v, "VersionId") == defaultId);
            if (chosen is null)
            {
                Problems.Add(new IacProblem(tree.PositionOf(policy) ?? tree.Start, $"{name}: no default version in PolicyVersionList; the policy is not judged"));
                return;
            }

            var version = Text(chosen, "VersionId");
            var full = version is null ? name : $"{name}@{version}";
            if (chosen.GetValueOrDefault("Document") is { } value && Document(value, full) is { } document)
            {
                Add(full, PolicyResource.IdentityType, document, value, arn is null ? null : PolicyChecks.AccountOf(arn));
                if (arn is not null)
                {
                    managed[arn] = (full, document);
                }
            }
        }

        private void Add(string name, string type, IReadOnlyDictionary<string, object?> document, object? written, string? account)
        {
            // A document decoded from a string has no places of its own: its statements are located at the string
            Resources.Add(new PolicyResource(name, type, document, tree, tree.PositionOf(written) ?? tree.Start, account));
        }

        // The document as an object, decoding a URL-encoded or plain JSON string; a problem when it is neither
        private IReadOnlyDictionary<string, object?>? Document(object? value, string name)
        {
            var decoded = value is string text ? Decode(text) : value;
            if (decoded is IReadOnlyDictionary<string, object?> document && PolicyDocument.From(document) is not null)
            {
                return document;
            }

            Problems.Add(new IacProblem(tree.PositionOf(value) ?? tree.Start, $"{name}: the policy document is not a JSON object (nor URL-encoded JSON); not judged"));
            return null;
        }

        private static object? Decode(string text)
        {
            var trimmed = text.Trim();
            string json;
            try
            {
                json = trimmed.StartsWith('{') ? trimmed : Uri.UnescapeDataString(trimmed);
            }
            catch (UriFormatException)
            {
                return null;
            }

            var (inner, _) = JsonTree.Parse(json, "");
            return inner?.Root;
        }

        private static IEnumerable<IReadOnlyDictionary<string, object?>> Entries(IReadOnlyDictionary<string, object?> map, string key) =>
            map.GetValueOrDefault(key) is IReadOnlyList<object?> list ? list.OfType<IReadOnlyDictionary<string, object?>>() : [];

        private static string? Text(IReadOnlyDictionary<string, object?> map, string key) => map.GetValueOrDefault(key) as string;

        private static string? AccountOf(IReadOnlyDictionary<string, object?> entry) => Text(entry, "Arn") is { } arn ? PolicyChecks.AccountOf(arn) : null;
    }
}
