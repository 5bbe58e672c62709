using System.Text;
using Attest.Core.Findings;
using Attest.Core.Text;
using Attest.Evidence.Iam;
using Attest.Evidence.Model;
using Attest.Evidence.Rules;
using Attest.Evidence.Tests.Rules;

namespace Attest.Evidence.Tests.Iam;

/// <summary>
/// Policy files read and judged as <c>attest scan</c> does (reader, then every rule): each check has a fixture that fails it
/// and a near miss that must not, named <c>&lt;rule&gt;[.variant].fail|pass.json</c>; the failing statement has the Sid <c>Finding</c>.
/// </summary>
public sealed class PolicyFileTests
{
    private static readonly string Fixtures = Path.Combine(AppContext.BaseDirectory, "Iam", "Fixtures");

    public static TheoryData<string> CheckFixtures()
    {
        var data = new TheoryData<string>();
        foreach (var file in Directory.GetFiles(Path.Combine(Fixtures, "checks"), "*.json").Order(StringComparer.Ordinal))
        {
            data.Add(Path.GetFileName(file));
        }

        return data;
    }

    private static (IacDocument Document, IReadOnlyList<EvidenceFinding> Findings) Scan(string file)
    {
        var text = File.ReadAllText(file);
        var (document, problem) = PolicyFile.Read(text, file);
        Assert.True(problem is null, problem?.Message);
        Assert.NotNull(document);
        Assert.True(document.Problems.Count == 0, string.Join(" | ", document.Problems.Select(p => $"{p.Location} {p.Message}")));
        return (document, RuleSet.Scan(document));
    }

    [Theory]
    [MemberData(nameof(CheckFixtures))]
    public void Each_check_fails_its_fixture_at_the_statement_and_passes_its_near_miss(string name)
    {
        var rule = name.Split('.')[0];
        var shouldFail = name.EndsWith(".fail.json", StringComparison.Ordinal);
        var file = Path.Combine(Fixtures, "checks", name);
        var (_, all) = Scan(file);
        var findings = all.Where(f => f.RuleId == rule).ToList();
        Assert.True(findings.Count > 0, $"{rule} said nothing about {name}:\n{RuleHarness.Describe(all)}");
        Assert.All(all, RuleHarness.Bilingual);
        Assert.All(all, f => Assert.Equal(RuleHarness.Rule(f.RuleId).Documentation.Topic, f.Topic));
        if (shouldFail)
        {
            var failure = Assert.Single(findings, f => f.Outcome == FindingOutcome.Fail);
            var lines = File.ReadAllLines(file);
            var sid = Array.FindIndex(lines, l => l.Contains("\"Sid\": \"Finding\"", StringComparison.Ordinal));
            var statementStart = Array.FindLastIndex(lines, sid, l => l.TrimEnd().EndsWith('{'));
            Assert.Equal(statementStart + 1, failure.Line);
            Assert.Equal(lines[statementStart].IndexOf('{', StringComparison.Ordinal) + 1, failure.Column);
            Assert.Equal(file, failure.File);
            Assert.Equal("iam", failure.Framework);
            Assert.Contains("#", failure.Message.In(Language.En), StringComparison.Ordinal);
        }
        else
        {
            Assert.True(findings.All(f => f.Outcome == FindingOutcome.Pass), RuleHarness.Describe(findings));
        }
    }

    [Fact]
    public void A_clean_identity_policy_gives_a_pass_for_every_identity_check()
    {
        var (_, findings) = Scan(Path.Combine(Fixtures, "checks", "iam-no-admin.pass.json"));
        string[] identityChecks = [PolicyChecks.Admin, PolicyChecks.ServiceWildcard, PolicyChecks.AllowNotAction, PolicyChecks.AllowNotResource, PolicyChecks.PassRole, PolicyChecks.Escalation];
        Assert.Equal(identityChecks.Order(StringComparer.Ordinal), findings.Select(f => f.RuleId).Order(StringComparer.Ordinal));
        Assert.All(findings, f => Assert.Equal(FindingOutcome.Pass, f.Outcome));
        Assert.All(findings, f => Assert.Equal("iam-no-admin.pass", f.Resource));
        Assert.All(findings, f => Assert.Equal(PolicyResource.IdentityType, f.ResourceType));
    }

    [Fact]
    public void Resource_policies_are_told_apart_by_their_service_and_trust_policies_by_their_actions()
    {
        Assert.Equal(PolicyResource.BucketType, Scan(Path.Combine(Fixtures, "checks", "s3-policy-no-wildcard-principal.pass.json")).Document.Resources[0].Type);
        Assert.Equal(PolicyResource.KeyType, Scan(Path.Combine(Fixtures, "checks", "resource-policy-not-public.kms.pass.json")).Document.Resources[0].Type);
        Assert.Equal(PolicyResource.QueueType, Scan(Path.Combine(Fixtures, "checks", "resource-policy-not-public.sqs.fail.json")).Document.Resources[0].Type);
        Assert.Equal(PolicyResource.TopicType, Scan(Path.Combine(Fixtures, "checks", "resource-policy-not-public.sns.pass.json")).Document.Resources[0].Type);
        Assert.Equal(PolicyResource.TrustType, Scan(Path.Combine(Fixtures, "checks", "iam-trust-external-id.pass.json")).Document.Resources[0].Type);
        // A public bucket speaks to S3 public access; a public queue, to resource policies
        Assert.Equal("s3-public-access", Scan(Path.Combine(Fixtures, "checks", "s3-policy-no-wildcard-principal.fail.json")).Findings.Single(f => f.Outcome == FindingOutcome.Fail).Topic);
        Assert.Equal("resource-policy-access", Scan(Path.Combine(Fixtures, "checks", "resource-policy-not-public.sqs.fail.json")).Findings.Single(f => f.Outcome == FindingOutcome.Fail).Topic);
    }

    [Fact]
    public void An_authorization_details_export_is_judged_per_principal_and_policy_on_default_versions()
    {
        var file = Path.Combine(Fixtures, "authorization-details.json");
        var (document, findings) = Scan(file);
        Assert.Equal(
            [
                "group/developers/policy/sandbox-bucket", "policy/ReadOnlyReports@v2", "policy/deploy-pipeline@v3",
                "role/basket-service-task/policy/basket-table", "role/basket-service-task/trust", "role/ci-release/trust",
                "role/forecast-builder", "role/forecast-builder/policy/functions", "role/forecast-builder/trust", "role/vendor-monitoring/trust",
                "user/alice", "user/alice/policy/alice-reports", "user/ci-deployer", "user/ci-deployer/policy/rotate-keys",
            ],
            document.Resources.Select(r => r.Address).Order(StringComparer.Ordinal));

        var failures = findings.Where(f => f.Outcome == FindingOutcome.Fail).Select(f => (f.Resource, f.RuleId)).Order().ToList();
        Assert.Equal(
            [
                ("group/developers/policy/sandbox-bucket", PolicyChecks.ServiceWildcard),
                ("policy/deploy-pipeline@v3", PolicyChecks.PassRole),
                ("policy/deploy-pipeline@v3", PolicyChecks.Escalation),
                ("role/forecast-builder", PolicyChecks.Escalation),
                ("role/vendor-monitoring/trust", PolicyChecks.TrustExternalId),
                ("user/ci-deployer/policy/rotate-keys", PolicyChecks.Escalation),
            ],
            failures);
        Assert.DoesNotContain(findings, f => f.Outcome == FindingOutcome.Unknown);

        // The trust of a role of the same account needs no external id; the account comes from the role's ARN
        Assert.Equal(FindingOutcome.Pass, findings.Single(f => f.Resource == "role/ci-release/trust" && f.RuleId == PolicyChecks.TrustExternalId).Outcome);

        // The combination names its actions; a URL-encoded document is located at its string
        var escalation = findings.Single(f => f.Resource == "policy/deploy-pipeline@v3" && f.RuleId == PolicyChecks.Escalation);
        Assert.Contains("iam:PassRole + cloudformation:CreateStack", escalation.Message.In(Language.En), StringComparison.Ordinal);
        var lines = File.ReadAllLines(file);
        Assert.StartsWith("\"Document\": \"%7B", lines[escalation.Line - 1][(escalation.Column - 1 - "\"Document\": ".Length)..], StringComparison.Ordinal);
        var trust = findings.Single(f => f.Resource == "role/vendor-monitoring/trust" && f.Outcome == FindingOutcome.Fail);
        Assert.Contains("444455556666", trust.Message.In(Language.En), StringComparison.Ordinal);

        // A combination spread over two policies of one role is reported on the role, naming where each part comes from;
        // one already inside a single policy (deploy-pipeline, attached to ci-deployer too) is not repeated on its principals
        var spread = findings.Single(f => f.Resource == "role/forecast-builder" && f.Outcome == FindingOutcome.Fail);
        Assert.Contains("iam:PassRole (policy/deploy-pipeline@v3 PassAnyRole) + lambda:CreateFunction (role/forecast-builder/policy/functions Functions) + lambda:InvokeFunction", spread.Message.In(Language.En), StringComparison.Ordinal);
        Assert.Equal("{", lines[spread.Line - 1].Trim());
        Assert.Contains(lines.Skip(spread.Line).Take(2), l => l.Contains("\"RoleName\": \"forecast-builder\"", StringComparison.Ordinal));
        Assert.Equal(PolicyResource.PrincipalType, spread.ResourceType);
        Assert.Equal(FindingOutcome.Pass, findings.Single(f => f.Resource == "user/ci-deployer" && f.RuleId == PolicyChecks.Escalation).Outcome);

        // An object document is located at its failing statement
        var sandbox = findings.Single(f => f.Outcome == FindingOutcome.Fail && f.Resource.StartsWith("group/", StringComparison.Ordinal));
        Assert.Contains("\"Sid\": \"Sandbox\"", lines[sandbox.Line], StringComparison.Ordinal);
    }

    [Fact]
    public void A_managed_policy_without_a_default_version_is_a_problem_not_a_verdict()
    {
        const string text = """
            {"Policies": [{"PolicyName": "orphan", "Arn": "arn:aws:iam::111122223333:policy/orphan", "DefaultVersionId": "v9",
              "PolicyVersionList": [{"Document": {"Statement": [{"Effect": "Allow", "Action": "*", "Resource": "*"}]}, "VersionId": "v1", "IsDefaultVersion": false}]}]}
            """;
        var (document, problem) = PolicyFile.Read(text, "orphan.json");
        Assert.Null(problem);
        Assert.Empty(document!.Resources);
        var reported = Assert.Single(document.Problems);
        Assert.Contains("policy/orphan", reported.Message, StringComparison.Ordinal);
        Assert.Equal(1, reported.Location.Line);
        Assert.Equal(15, reported.Location.Column);
    }

    [Fact]
    public void Single_policy_outputs_of_the_aws_cli_are_read()
    {
        var bucketPolicy = """{"Policy": "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\",\"Principal\":\"*\",\"Action\":\"s3:GetObject\",\"Resource\":\"arn:aws:s3:::shop-media/*\"}]}"}""";
        var (bucket, _) = PolicyFile.Read(bucketPolicy, "shop-media.json");
        var finding = RuleSet.Scan(bucket!).Single(f => f.RuleId == PolicyChecks.PublicBucket);
        Assert.Equal(FindingOutcome.Fail, finding.Outcome);
        Assert.Equal("shop-media", finding.Resource);

        var version = """{"PolicyVersion": {"Document": "%7B%22Statement%22%3A%5B%7B%22Effect%22%3A%22Allow%22%2C%22Action%22%3A%22iam%3APutRolePolicy%22%2C%22Resource%22%3A%22*%22%7D%5D%7D", "VersionId": "v4", "IsDefaultVersion": true}}""";
        var (policy, _) = PolicyFile.Read(version, "deploy.json");
        var escalation = RuleSet.Scan(policy!).Single(f => f.RuleId == PolicyChecks.Escalation);
        Assert.Equal(FindingOutcome.Fail, escalation.Outcome);
        Assert.Equal("deploy@v4", escalation.Resource);

        var inline = """{"RoleName": "app", "PolicyName": "data", "PolicyDocument": {"Statement": {"Effect": "Allow", "Action": "dynamodb:*", "Resource": "*"}}}""";
        var (role, _) = PolicyFile.Read(inline, "app-data.json");
        Assert.Equal("role/app/policy/data", Assert.Single(role!.Resources).Address);
        Assert.Equal(FindingOutcome.Fail, RuleSet.Scan(role).Single(f => f.RuleId == PolicyChecks.ServiceWildcard).Outcome);
    }

    [Fact]
    public void Malformed_json_names_its_line_and_column()
    {
        var (document, problem) = PolicyFile.Read(File.ReadAllText(Path.Combine(Fixtures, "malformed.json")), "malformed.json");
        Assert.Null(document);
        Assert.NotNull(problem);
        // Line 6 is '      "Action" "s3:GetObject",': the colon is missing where the value starts
        Assert.Equal(6, problem.Location.Line);
        Assert.Equal(16, problem.Location.Column);
        Assert.StartsWith("malformed JSON", problem.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("LineNumber", problem.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Json_that_is_no_policy_is_not_taken()
    {
        Assert.Equal((null, null), PolicyFile.Read("""{"name": "shop", "version": "1.2.0", "dependencies": {}}""", "package.json"));
        Assert.Equal((null, null), PolicyFile.Read("""["Statement"]""", "list.json"));
    }

    [Fact]
    public void A_document_that_is_neither_an_object_nor_encoded_json_is_a_problem_at_its_place()
    {
        const string text = "{\n  \"RoleDetailList\": [\n    {\"RoleName\": \"broken\", \"AssumeRolePolicyDocument\": \"%7Bnot json\"}\n  ]\n}\n";
        var (document, _) = PolicyFile.Read(text, "details.json");
        var problem = Assert.Single(document!.Problems);
        Assert.Equal(3, problem.Location.Line);
        Assert.Equal(56, problem.Location.Column);
        Assert.Contains("role/broken/trust", problem.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_stream_over_the_limit_is_refused_without_reading_it_all()
    {
        var big = new string(' ', 2 * 1024 * 1024);
        using var stream = new MemoryStream(Encoding.UTF8.GetBytes("{\"Statement\": []," + big + "}"));
        var (document, problem) = PolicyFile.Read(stream, "big.json", 1024 * 1024);
        Assert.Null(document);
        Assert.Contains("1 MB limit", problem!.Message, StringComparison.Ordinal);
        Assert.True(stream.Position < stream.Length);

        using var small = new MemoryStream(Encoding.UTF8.GetBytes("{\"Statement\": [{\"Effect\": \"Allow\", \"Action\": \"*\", \"Resource\": \"*\"}]}"));
        var (read, _) = PolicyFile.Read(small, "small.json", 1024 * 1024);
        Assert.Equal(FindingOutcome.Fail, RuleSet.Scan(read!).Single(f => f.RuleId == PolicyChecks.Admin).Outcome);
    }
}
