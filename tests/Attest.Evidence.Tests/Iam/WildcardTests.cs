using Attest.Evidence.Iam;

namespace Attest.Evidence.Tests.Iam;

public sealed class WildcardTests
{
    [Theory]
    [InlineData("s3:Get*", "s3:GetObject", true)]
    [InlineData("s3:get*", "S3:GETOBJECT", true)]
    [InlineData("s3:Get*", "s3:PutObject", false)]
    [InlineData("*", "iam:PassRole", true)]
    [InlineData("iam:*", "iam:PassRole", true)]
    [InlineData("iam:Pass?ole", "iam:PassRole", true)]
    [InlineData("iam:Pass?ole", "iam:Passole", false)]
    [InlineData("iam:*Role*", "iam:PassRole", true)]
    [InlineData("iam:*Role*", "iam:CreatePolicyVersion", false)]
    [InlineData("s3:GetObject", "s3:GetObjectAcl", false)]
    [InlineData("ec2:*Instances", "ec2:RunInstances", true)]
    public void Actions_match_as_iam_matches_them_ignoring_case(string pattern, string action, bool expected) =>
        Assert.Equal(expected, Wildcard.Matches(pattern, action));

    [Theory]
    [InlineData("arn:aws:s3:::data/*", "arn:aws:s3:::data/2026/orders.csv", true)]
    [InlineData("arn:aws:s3:::data/*", "arn:aws:s3:::DATA/2026/orders.csv", false)]
    [InlineData("arn:aws:iam::111122223333:role/app-?", "arn:aws:iam::111122223333:role/app-1", true)]
    [InlineData("arn:aws:iam::111122223333:role/app-?", "arn:aws:iam::111122223333:role/app-10", false)]
    [InlineData("*", "arn:aws:sqs:eu-west-3:111122223333:orders", true)]
    public void Resources_match_with_case_counting(string pattern, string arn, bool expected) =>
        Assert.Equal(expected, Wildcard.MatchesResource(pattern, arn));

    [Theory]
    [InlineData("s3:*", "s3:Get*", true)]
    [InlineData("s3:Get*", "s3:*", false)]
    [InlineData("*", "s3:*", true)]
    [InlineData("s3:GetObject*", "s3:GetObject?", true)]
    [InlineData("s3:GetObject?", "s3:GetObject*", false)]
    [InlineData("s3:Get?bject", "s3:GetObject", true)]
    [InlineData("s3:Get*", "S3:GETOBJECT", true)]
    [InlineData("iam:*Policy", "iam:Put*Policy", true)]
    [InlineData("iam:Put*", "iam:*Policy", false)]
    public void Containment_of_action_patterns_is_sound(string general, string specific, bool expected) =>
        Assert.Equal(expected, Wildcard.Contains(general, specific, ignoreCase: true));

    [Fact]
    public void Containment_of_resource_patterns_counts_case()
    {
        Assert.True(Wildcard.Contains("arn:aws:s3:::data/*", "arn:aws:s3:::data/exports/*", ignoreCase: false));
        Assert.False(Wildcard.Contains("arn:aws:s3:::data/*", "arn:aws:s3:::Data/exports/*", ignoreCase: false));
    }
}
