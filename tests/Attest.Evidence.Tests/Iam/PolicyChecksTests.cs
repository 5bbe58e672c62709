using Attest.Evidence.Iam;

namespace Attest.Evidence.Tests.Iam;

/// <summary>The checks on documents written inline: the edges of Deny subtraction, conditions and principals.</summary>
public sealed class PolicyChecksTests
{
    private static readonly PolicyContext Identity = new(PolicyKind.Identity);

    private static PolicyDocument Doc(string json) => PolicyDocument.From(json) ?? throw new InvalidOperationException("not a policy: " + json);

    private static List<PolicyIssue> Run(string check, string json, PolicyContext? context = null) => PolicyChecks.Run(check, Doc(json), context ?? Identity).ToList();

    [Fact]
    public void A_partial_deny_leaves_administrator_access_standing()
    {
        Assert.Single(Run(PolicyChecks.Admin, """{"Statement": [{"Effect": "Allow", "Action": "*", "Resource": "*"}, {"Effect": "Deny", "Action": "iam:*", "Resource": "*"}]}"""));
    }

    [Fact]
    public void A_conditioned_deny_takes_nothing_away()
    {
        Assert.Single(Run(PolicyChecks.Admin, """{"Statement": [{"Effect": "Allow", "Action": "*", "Resource": "*"}, {"Effect": "Deny", "Action": "*", "Resource": "*", "Condition": {"Bool": {"aws:MultiFactorAuthPresent": "false"}}}]}"""));
    }

    [Fact]
    public void A_deny_on_fewer_resources_leaves_the_allow_standing_and_one_on_more_removes_it()
    {
        const string allow = """{"Effect": "Allow", "Action": "s3:*", "Resource": "arn:aws:s3:::shop-*"}""";
        Assert.Single(Run(PolicyChecks.ServiceWildcard, $$"""{"Statement": [{{allow}}, {"Effect": "Deny", "Action": "s3:*", "Resource": "arn:aws:s3:::shop-media"}]}"""));
        Assert.Empty(Run(PolicyChecks.ServiceWildcard, $$"""{"Statement": [{{allow}}, {"Effect": "Deny", "Action": "*", "Resource": "arn:aws:s3:::*"}]}"""));
        // Resources count case: a Deny on another spelling does not cover the allowed bucket
        Assert.Single(Run(PolicyChecks.ServiceWildcard, $$"""{"Statement": [{{allow}}, {"Effect": "Deny", "Action": "s3:*", "Resource": "arn:aws:s3:::SHOP-*"}]}"""));
    }

    [Fact]
    public void A_deny_with_not_action_subtracts_only_actions_it_surely_covers()
    {
        // Everything but the listed actions is denied: iam:PassRole is not listed, so it is denied
        Assert.Empty(Run(PolicyChecks.PassRole, """{"Statement": [{"Effect": "Allow", "Action": "iam:PassRole", "Resource": "*"}, {"Effect": "Deny", "NotAction": ["s3:*", "sqs:SendMessage"], "Resource": "*"}]}"""));
        Assert.Single(Run(PolicyChecks.PassRole, """{"Statement": [{"Effect": "Allow", "Action": "iam:PassRole", "Resource": "*"}, {"Effect": "Deny", "NotAction": ["iam:Pass*"], "Resource": "*"}]}"""));
    }

    [Fact]
    public void Escalations_are_one_issue_per_combination_and_none_under_administrator_access()
    {
        var issues = Run(PolicyChecks.Escalation, """{"Statement": [{"Effect": "Allow", "Action": ["iam:Attach*Policy", "iam:PassRole", "ec2:RunInstances"], "Resource": "*"}]}""");
        Assert.Equal(["iam:AttachUserPolicy", "iam:AttachGroupPolicy", "iam:AttachRolePolicy", "iam:PassRole + ec2:RunInstances"], issues.Select(i => i.Detail));
        Assert.Empty(Run(PolicyChecks.Escalation, """{"Statement": [{"Effect": "Allow", "Action": "*", "Resource": "*"}]}"""));
        // A combination denied in part is no combination
        Assert.Empty(Run(PolicyChecks.Escalation, """{"Statement": [{"Effect": "Allow", "Action": ["iam:PassRole", "glue:CreateDevEndpoint"], "Resource": "*"}, {"Effect": "Deny", "Action": "glue:*", "Resource": "*"}]}"""));
        // Actions match case-insensitively, as IAM does
        Assert.Single(Run(PolicyChecks.Escalation, """{"Statement": [{"Effect": "Allow", "Action": "IAM:createpolicyversion", "Resource": "*"}]}"""));
    }

    [Theory]
    [InlineData("""{"StringEquals": {"aws:SourceAccount": "111122223333"}}""", true)]
    [InlineData("""{"ArnLike": {"aws:SourceArn": "arn:aws:sns:eu-west-3:111122223333:events"}}""", true)]
    [InlineData("""{"IpAddress": {"aws:SourceIp": "203.0.113.0/24"}}""", true)]
    [InlineData("""{"IpAddress": {"aws:SourceIp": "0.0.0.0/0"}}""", false)]
    [InlineData("""{"StringNotEquals": {"aws:PrincipalOrgID": "o-a1b2c3d4e5"}}""", false)]
    [InlineData("""{"StringEqualsIfExists": {"aws:SourceVpce": "vpce-1a2b3c4d"}}""", false)]
    [InlineData("""{"StringLike": {"aws:PrincipalArn": "*"}}""", false)]
    [InlineData("""{"Null": {"aws:SourceVpce": "false"}}""", false)]
    [InlineData("""{"Bool": {"aws:SecureTransport": "true"}}""", false)]
    [InlineData("""{"StringLike": {"aws:Referer": "https://shop.example/*"}}""", false)]
    [InlineData("""{"ArnLike": {"aws:SourceArn": "arn:aws:s3:::*"}}""", false)]
    [InlineData("""{"ArnLike": {"aws:SourceArn": "arn:aws:s3:::contoso-*"}}""", true)]
    public void Only_a_positive_condition_on_the_caller_closes_a_public_statement(string condition, bool closed)
    {
        var issues = Run(PolicyChecks.PublicResource, $$"""{"Statement": [{"Effect": "Allow", "Principal": "*", "Action": "sqs:SendMessage", "Resource": "*", "Condition": {{condition}}}]}""", new PolicyContext(PolicyKind.Resource));
        Assert.Equal(closed, issues.Count == 0);
    }

    [Fact]
    public void An_external_id_does_not_close_a_trust_open_to_anyone()
    {
        var trust = new PolicyContext(PolicyKind.Trust);
        Assert.Single(Run(PolicyChecks.TrustOpen, """{"Statement": [{"Effect": "Allow", "Principal": {"AWS": "*"}, "Action": "sts:AssumeRole", "Condition": {"StringEquals": {"sts:ExternalId": "shared-secret"}}}]}""", trust));
        Assert.Empty(Run(PolicyChecks.TrustOpen, """{"Statement": [{"Effect": "Allow", "Principal": {"AWS": "*"}, "Action": "sts:AssumeRole", "Condition": {"ArnEquals": {"aws:PrincipalArn": "arn:aws:iam::444455556666:role/deployer"}}}]}""", trust));
    }

    [Theory]
    [InlineData("""{"StringEquals": {"token.actions.githubusercontent.com:aud": "sts.amazonaws.com"}}""", true)]
    [InlineData("""{"StringLike": {"token.actions.githubusercontent.com:sub": "repo:*"}}""", true)]
    [InlineData("""{"StringLike": {"token.actions.githubusercontent.com:sub": "repo:contoso/pos-exports:ref:refs/heads/main"}}""", false)]
    public void A_github_oidc_trust_is_open_unless_the_repository_is_named(string condition, bool open)
    {
        var trust = $$"""{"Statement": [{"Effect": "Allow", "Principal": {"Federated": "arn:aws:iam::111122223333:oidc-provider/token.actions.githubusercontent.com"}, "Action": "sts:AssumeRoleWithWebIdentity", "Condition": {{condition}}}]}""";
        Assert.Equal(open, Run(PolicyChecks.TrustOpen, trust, new PolicyContext(PolicyKind.Trust)).Count == 1);
    }

    [Fact]
    public void Every_resource_may_be_written_as_an_arn_pattern()
    {
        Assert.Single(Run(PolicyChecks.Admin, """{"Statement": [{"Effect": "Allow", "Action": "*", "Resource": "arn:aws:*:*:*:*"}]}"""));
        Assert.Single(Run(PolicyChecks.Admin, """{"Statement": [{"Effect": "Allow", "Action": "*", "Resource": "arn:*"}]}"""));
        Assert.Empty(Run(PolicyChecks.Admin, """{"Statement": [{"Effect": "Allow", "Action": "*", "Resource": "arn:aws:s3:::*"}]}"""));
        Assert.Single(Run(PolicyChecks.PassRole, """{"Statement": [{"Effect": "Allow", "Action": "iam:PassRole", "Resource": "arn:aws:iam::*:role/*"}]}"""));
        Assert.Empty(Run(PolicyChecks.PassRole, """{"Statement": [{"Effect": "Allow", "Action": "iam:PassRole", "Resource": "arn:aws:iam::111122223333:role/app-*"}]}"""));
    }

    [Fact]
    public void Not_principal_with_allow_and_a_wildcard_account_are_open_to_anyone()
    {
        var resource = new PolicyContext(PolicyKind.Resource);
        Assert.Single(Run(PolicyChecks.PublicBucket, """{"Statement": [{"Effect": "Allow", "NotPrincipal": {"AWS": "arn:aws:iam::111122223333:root"}, "Action": "s3:GetObject", "Resource": "arn:aws:s3:::media/*"}]}""", resource));
        Assert.Single(Run(PolicyChecks.PublicBucket, """{"Statement": [{"Effect": "Allow", "Principal": {"AWS": "arn:aws:iam::*:root"}, "Action": "s3:GetObject", "Resource": "arn:aws:s3:::media/*"}]}""", resource));
        Assert.Empty(Run(PolicyChecks.PublicBucket, """{"Statement": [{"Effect": "Deny", "Principal": "*", "Action": "s3:*", "Resource": "arn:aws:s3:::media/*", "Condition": {"Bool": {"aws:SecureTransport": "false"}}}]}""", resource));
    }

    [Fact]
    public void A_trust_to_the_own_account_needs_no_external_id_when_the_account_is_known()
    {
        const string trust = """{"Statement": [{"Effect": "Allow", "Principal": {"AWS": ["arn:aws:iam::111122223333:role/ci", "444455556666"]}, "Action": "sts:AssumeRole"}]}""";
        Assert.Equal("444455556666", Assert.Single(Run(PolicyChecks.TrustExternalId, trust, new PolicyContext(PolicyKind.Trust, "111122223333"))).Detail);
        // Without the account, every account named is taken as another one
        Assert.Equal("111122223333, 444455556666", Assert.Single(Run(PolicyChecks.TrustExternalId, trust, new PolicyContext(PolicyKind.Trust))).Detail);
        Assert.Empty(Run(PolicyChecks.TrustExternalId, """{"Statement": [{"Effect": "Allow", "Principal": {"Federated": "arn:aws:iam::111122223333:saml-provider/okta"}, "Action": "sts:AssumeRoleWithSAML"}]}""", new PolicyContext(PolicyKind.Trust)));
    }

    [Fact]
    public void Kind_and_service_come_from_the_shape_of_the_document()
    {
        Assert.Equal(PolicyKind.Identity, PolicyChecks.KindOf(Doc("""{"Statement": [{"Effect": "Allow", "Action": "s3:GetObject", "Resource": "*"}]}""")));
        Assert.Equal(PolicyKind.Trust, PolicyChecks.KindOf(Doc("""{"Statement": [{"Effect": "Allow", "Principal": {"Service": "ec2.amazonaws.com"}, "Action": ["sts:AssumeRole", "sts:TagSession"]}]}""")));
        Assert.Equal(PolicyKind.Resource, PolicyChecks.KindOf(Doc("""{"Statement": [{"Effect": "Allow", "Principal": "*", "Action": "sts:*"}]}""")));
        Assert.Null(PolicyChecks.ServiceOf(Doc("""{"Statement": [{"Effect": "Allow", "Principal": "*", "Action": ["s3:GetObject", "sqs:SendMessage"], "Resource": "*"}]}""")));
    }
}
