using System.Net;
using Attest.Evidence.Site;

namespace Attest.Evidence.Tests.Site;

public sealed class AddressGuardTests
{
    [Theory]
    [InlineData("10.1.2.3")]
    [InlineData("172.16.0.1")]
    [InlineData("172.31.255.255")]
    [InlineData("192.168.1.1")]
    [InlineData("127.0.0.1")]
    [InlineData("127.255.0.9")]
    [InlineData("169.254.169.254")]
    [InlineData("169.254.0.1")]
    [InlineData("100.64.0.1")]
    [InlineData("100.127.255.254")]
    [InlineData("0.0.0.0")]
    [InlineData("0.1.2.3")]
    [InlineData("224.0.0.251")]
    [InlineData("239.255.255.250")]
    [InlineData("255.255.255.255")]
    [InlineData("240.0.0.1")]
    [InlineData("192.0.2.10")]
    [InlineData("198.18.0.1")]
    [InlineData("::1")]
    [InlineData("::")]
    [InlineData("fe80::1")]
    [InlineData("febf::1")]
    [InlineData("fc00::1")]
    [InlineData("fd12:3456::1")]
    [InlineData("ff02::1")]
    [InlineData("fd00:ec2::254")]
    [InlineData("2001:db8::1")]
    [InlineData("::ffff:127.0.0.1")]
    [InlineData("::ffff:10.0.0.1")]
    [InlineData("::ffff:169.254.169.254")]
    [InlineData("::ffff:192.168.0.1")]
    [InlineData("::127.0.0.1")]
    [InlineData("64:ff9b::a00:1")]
    [InlineData("2002:a00:1::1")]
    [InlineData("2002:7f00:1::")]
    public void Internal_and_special_addresses_are_refused(string address)
    {
        var ip = IPAddress.Parse(address);

        Assert.False(AddressGuard.IsPublic(ip));
        Assert.NotNull(AddressGuard.WhyRefused(ip));
    }

    [Theory]
    [InlineData("8.8.8.8")]
    [InlineData("1.1.1.1")]
    [InlineData("172.15.255.255")]
    [InlineData("172.32.0.1")]
    [InlineData("100.63.255.255")]
    [InlineData("100.128.0.1")]
    [InlineData("169.253.1.1")]
    [InlineData("192.169.0.1")]
    [InlineData("11.0.0.1")]
    [InlineData("2a00:1450:4007:80e::200e")]
    [InlineData("2600:1f18::1")]
    [InlineData("::ffff:8.8.8.8")]
    [InlineData("64:ff9b::808:808")]
    [InlineData("2002:808:808::1")]
    public void Public_unicast_addresses_are_allowed(string address) =>
        Assert.True(AddressGuard.IsPublic(IPAddress.Parse(address)), AddressGuard.WhyRefused(IPAddress.Parse(address)));

    [Fact]
    public void The_reason_names_the_range()
    {
        Assert.Contains("link-local", AddressGuard.WhyRefused(IPAddress.Parse("169.254.169.254")), StringComparison.Ordinal);
        Assert.Contains("loopback", AddressGuard.WhyRefused(IPAddress.Parse("::ffff:127.0.0.1")), StringComparison.Ordinal);
        Assert.Contains("written as IPv6", AddressGuard.WhyRefused(IPAddress.Parse("::ffff:127.0.0.1")), StringComparison.Ordinal);
    }
}
