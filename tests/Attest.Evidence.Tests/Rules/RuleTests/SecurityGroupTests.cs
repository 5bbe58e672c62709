using Attest.Core.Findings;
using static Attest.Evidence.Tests.Rules.RuleHarness;

namespace Attest.Evidence.Tests.Rules.RuleTests;

/// <summary>
/// sg-no-public-admin-ports on the cases other tools get wrong: CIDRs compared as networks, not strings; ports written as
/// text; ranges; the <c>-1</c> protocol; sources built with <c>!Sub</c> or taken from a parameter.
/// </summary>
public sealed class SecurityGroupTests
{
    private const string Rule = "sg-no-public-admin-ports";

    private static string Group(string ingress, string parameters = "") =>
        parameters + "Resources:\n  Group:\n    Type: AWS::EC2::SecurityGroup\n    Properties:\n      GroupDescription: admin\n      SecurityGroupIngress:\n        - " + ingress + "\n";

    [Theory]
    [InlineData("0.0.0.0/0")]
    [InlineData("0.0.0.0/00")]
    [InlineData(" 0.0.0.0/0 ")]
    [InlineData("0.0.0.0/1")]
    [InlineData("000.000.000.000/0")]
    public void An_ipv4_block_covering_the_internet_however_written_fails(string cidr)
    {
        var text = Group($"{{ IpProtocol: tcp, FromPort: 22, ToPort: 22, CidrIp: \"{cidr}\" }}");
        Expect(Rule, Cfn(text), "Group", FindingOutcome.Fail, text, "IpProtocol");
    }

    [Theory]
    [InlineData("::/0")]
    [InlineData("0:0:0:0:0:0:0:0/0")]
    [InlineData("0000::/0")]
    [InlineData("::/00")]
    public void An_ipv6_block_covering_the_internet_however_written_fails(string cidr)
    {
        var text = Group($"{{ IpProtocol: tcp, FromPort: 3389, ToPort: 3389, CidrIpv6: \"{cidr}\" }}");
        Expect(Rule, Cfn(text), "Group", FindingOutcome.Fail, text, "IpProtocol");
    }

    [Theory]
    [InlineData("10.0.0.0/8")]
    [InlineData("192.168.1.10/32")]
    [InlineData("0.0.0.0/8")]
    [InlineData("2001:db8::/32")]
    public void A_narrower_block_passes(string cidr)
    {
        var key = cidr.Contains(':', StringComparison.Ordinal) ? "CidrIpv6" : "CidrIp";
        var text = Group($"{{ IpProtocol: tcp, FromPort: 22, ToPort: 22, {key}: \"{cidr}\" }}");
        Expect(Rule, Cfn(text), "Group", FindingOutcome.Pass, text, "IpProtocol");
    }

    [Theory]
    [InlineData("FromPort: \"22\", ToPort: \"22\"", FindingOutcome.Fail)]
    [InlineData("FromPort: \"3389\", ToPort: \"3389\"", FindingOutcome.Fail)]
    [InlineData("FromPort: 0, ToPort: 65535", FindingOutcome.Fail)]
    [InlineData("FromPort: 20, ToPort: 25", FindingOutcome.Fail)]
    [InlineData("FromPort: \"23\", ToPort: \"3388\"", FindingOutcome.Pass)]
    [InlineData("FromPort: 443, ToPort: 443", FindingOutcome.Pass)]
    public void Ports_written_as_text_and_ranges_are_compared_as_numbers(string ports, FindingOutcome outcome)
    {
        var text = Group($"{{ IpProtocol: tcp, {ports}, CidrIp: 0.0.0.0/0 }}");
        Expect(Rule, Cfn(text), "Group", outcome, text, "IpProtocol");
    }

    [Theory]
    [InlineData("IpProtocol: \"-1\"", FindingOutcome.Fail)]
    [InlineData("IpProtocol: -1", FindingOutcome.Fail)]
    [InlineData("IpProtocol: \"-1\", FromPort: 443, ToPort: 443", FindingOutcome.Fail)]
    [InlineData("IpProtocol: \"6\", FromPort: 22, ToPort: 22", FindingOutcome.Fail)]
    [InlineData("IpProtocol: udp, FromPort: 3389, ToPort: 3389", FindingOutcome.Fail)]
    [InlineData("IpProtocol: icmp, FromPort: -1, ToPort: -1", FindingOutcome.Pass)]
    [InlineData("IpProtocol: \"58\", FromPort: -1, ToPort: -1", FindingOutcome.Pass)]
    public void The_all_protocols_value_opens_every_port_and_icmp_opens_none(string protocol, FindingOutcome outcome)
    {
        var text = Group($"{{ {protocol}, CidrIp: 0.0.0.0/0 }}");
        Expect(Rule, Cfn(text), "Group", outcome, text, "IpProtocol");
    }

    [Fact]
    public void An_entry_without_protocol_opens_nothing_and_yields_no_finding()
    {
        // CloudFormation refuses an ingress entry without IpProtocol: the group opens nothing
        var text = Group("{ FromPort: 0, ToPort: 65535, CidrIp: 0.0.0.0/0 }");
        Assert.Empty(Run(Rule, Cfn(text)));
    }

    [Fact]
    public void A_source_built_with_sub_from_a_default_fails_and_says_it_came_from_the_default()
    {
        const string parameters = """
            Parameters:
              AdminNetwork:
                Type: String
                Default: 0.0.0.0
            """;
        var text = Group("{ IpProtocol: tcp, FromPort: 22, ToPort: 22, CidrIp: !Sub \"${AdminNetwork}/0\" }", parameters + "\n");
        var f = Expect(Rule, Cfn(text), "Group", FindingOutcome.Fail, text, "IpProtocol");
        Assert.Equal("default", f.Source);
        Assert.Contains("AdminNetwork", f.How, StringComparison.Ordinal);
    }

    [Fact]
    public void A_source_from_a_parameter_with_allowed_values_fails_on_the_open_one()
    {
        const string parameters = """
            Parameters:
              AdminNetwork:
                Type: String
                AllowedValues: [10.0.0.0/8, 0.0.0.0/0]
            """;
        var text = Group("{ IpProtocol: tcp, FromPort: 22, ToPort: 22, CidrIp: !Ref AdminNetwork }", parameters + "\n");
        var f = Expect(Rule, Cfn(text), "Group", FindingOutcome.Fail, text, "IpProtocol");
        Assert.Equal("allowed-value", f.Source);
        Assert.Contains("0.0.0.0/0", f.How, StringComparison.Ordinal);
    }

    [Fact]
    public void A_source_from_a_parameter_without_default_is_unknown()
    {
        const string parameters = """
            Parameters:
              AdminNetwork:
                Type: String
            """;
        var text = Group("{ IpProtocol: tcp, FromPort: 22, ToPort: 22, CidrIp: !Ref AdminNetwork }", parameters + "\n");
        Expect(Rule, Cfn(text), "Group", FindingOutcome.Unknown, text, "IpProtocol");
    }

    [Fact]
    public void A_source_behind_an_if_fails_on_the_open_branch()
    {
        const string parameters = """
            Parameters:
              Env:
                Type: String
            Conditions:
              IsDev: !Equals [!Ref Env, dev]
            """;
        var text = Group("{ IpProtocol: tcp, FromPort: 22, ToPort: 22, CidrIp: !If [IsDev, 0.0.0.0/0, 10.0.0.0/8] }", parameters + "\n");
        var f = Expect(Rule, Cfn(text), "Group", FindingOutcome.Fail, text, "IpProtocol");
        Assert.Equal("branch", f.Source);
        Assert.Contains("IsDev", f.How, StringComparison.Ordinal);
    }

    [Fact]
    public void The_finding_points_at_the_entry_that_opens_the_port()
    {
        const string text = """
            Resources:
              Group:
                Type: AWS::EC2::SecurityGroup
                Properties:
                  GroupDescription: web
                  SecurityGroupIngress:
                    - { IpProtocol: tcp, FromPort: 443, ToPort: 443, CidrIp: 0.0.0.0/0 }
                    - { IpProtocol: tcp, FromPort: 80, ToPort: 80, CidrIp: 0.0.0.0/0 }
                    - { IpProtocol: "-1", CidrIpv6: "::/0" }
            """;
        Expect(Rule, Cfn(text), "Group", FindingOutcome.Fail, text, "IpProtocol: \"-1\"");
    }

    [Theory]
    [InlineData("protocol = \"-1\"\n    from_port = 0\n    to_port = 0\n    cidr_blocks = [\"0.0.0.0/0\"]", FindingOutcome.Fail)]
    [InlineData("protocol = \"tcp\"\n    from_port = \"22\"\n    to_port = \"22\"\n    ipv6_cidr_blocks = [\"0:0:0:0:0:0:0:0/0\"]", FindingOutcome.Fail)]
    [InlineData("protocol = \"tcp\"\n    from_port = 22\n    to_port = 22\n    cidr_blocks = [\"10.0.0.0/16\", \"0.0.0.0/00\"]", FindingOutcome.Fail)]
    [InlineData("protocol = \"icmp\"\n    from_port = -1\n    to_port = -1\n    cidr_blocks = [\"0.0.0.0/0\"]", FindingOutcome.Pass)]
    [InlineData("protocol = \"tcp\"\n    from_port = 22\n    to_port = 22\n    cidr_blocks = [\"172.16.0.0/12\"]", FindingOutcome.Pass)]
    public void Terraform_ingress_blocks_are_judged_the_same_way(string block, FindingOutcome outcome)
    {
        var text = "resource \"aws_security_group\" \"admin\" {\n  ingress {\n    " + block + "\n  }\n}\n";
        Expect(Rule, Tf(text), "aws_security_group.admin", outcome, text, "ingress {");
    }

    [Fact]
    public void A_terraform_source_from_a_variable_default_says_it_came_from_the_default()
    {
        const string text = """
            variable "admin_cidr" {
              default = "0.0.0.0/0"
            }

            resource "aws_security_group_rule" "ssh" {
              type              = "ingress"
              security_group_id = "sg-1"
              protocol          = "tcp"
              from_port         = 22
              to_port           = 22
              cidr_blocks       = [var.admin_cidr]
            }
            """;
        var f = Expect(Rule, Tf(text), "aws_security_group_rule.ssh", FindingOutcome.Fail, text, "resource \"aws_security_group_rule\"");
        Assert.Equal("default", f.Source);
        Assert.Contains("admin_cidr", f.How, StringComparison.Ordinal);
    }

    [Fact]
    public void No_interactive_access_flags_ssh_from_anywhere_even_from_a_private_range()
    {
        var text = Group("{ IpProtocol: tcp, FromPort: 22, ToPort: 22, CidrIp: 10.0.0.0/8 }");
        var document = Cfn(text);
        Expect(Rule, document, "Group", FindingOutcome.Pass, text, "IpProtocol");
        Expect("no-interactive-access", document, "Group", FindingOutcome.Fail, text, "IpProtocol");
    }
}
