using System.Net;
using Attest.Core.Site;
using Attest.Evidence.Site;

namespace Attest.Evidence.Tests.Site;

/// <summary>With private addresses not allowed (the default), the crawler must never connect to the test site on loopback.</summary>
public sealed class SsrfGuardTests(TestSite site) : IClassFixture<TestSite>
{
    private static SiteCrawlOptions Guarded => new() { Limits = new SiteLimits { RequestTimeoutSeconds = 2, TimeoutSeconds = 10 } };

    private int Port => new Uri(site.Root).Port;

    [Fact]
    public async Task Loopback_by_address_is_refused_without_a_request_reaching_the_server()
    {
        var before = site.Requests;
        using var crawler = new SiteCrawler(Guarded);

        var result = await crawler.CrawlAsync(site.Url("/"));

        Assert.NotNull(result.Error);
        Assert.Equal(RefusalReason.PrivateAddress, result.Observation!.Refused.Single().Reason);
        Assert.Empty(result.Observation.Pages);
        Assert.Equal(before, site.Requests);
    }

    [Fact]
    public async Task A_host_name_resolving_to_loopback_is_refused()
    {
        var before = site.Requests;
        using var crawler = new SiteCrawler(Guarded);

        var result = await crawler.CrawlAsync($"http://localhost:{Port}/");

        var refused = result.Observation!.Refused.Single();
        Assert.Equal(RefusalReason.PrivateAddress, refused.Reason);
        Assert.Contains("localhost", refused.Detail, StringComparison.Ordinal);
        Assert.Equal(before, site.Requests);
    }

    [Theory]
    [InlineData("http://10.0.0.1/")]
    [InlineData("http://172.16.5.4/")]
    [InlineData("http://192.168.0.1/")]
    [InlineData("http://169.254.169.254/latest/meta-data/")]
    [InlineData("http://100.64.0.1/")]
    [InlineData("http://0.0.0.0/")]
    [InlineData("http://[::1]/")]
    [InlineData("http://[fe80::1]/")]
    [InlineData("http://[fd00:ec2::254]/")]
    [InlineData("http://[::ffff:127.0.0.1]/")]
    [InlineData("http://[::ffff:169.254.169.254]/")]
    [InlineData("http://2130706433/")]
    [InlineData("http://0x7f.1/")]
    public async Task Internal_addresses_in_any_spelling_are_refused(string start)
    {
        using var crawler = new SiteCrawler(Guarded);

        var result = await crawler.CrawlAsync(start);

        Assert.Equal(RefusalReason.PrivateAddress, result.Observation!.Refused.Single().Reason);
        Assert.NotNull(result.Error);
    }

    [Fact]
    public async Task The_connect_step_refuses_a_name_that_resolves_to_loopback()
    {
        var refused = await Assert.ThrowsAsync<AddressRefusedException>(async () => await GuardedConnection.ConnectAsync(new DnsEndPoint("localhost", Port), false, CancellationToken.None));

        Assert.True(IPAddress.IsLoopback(refused.Address));
    }

    [Fact]
    public async Task The_connect_step_connects_to_loopback_only_when_allowed()
    {
        await using var stream = await GuardedConnection.ConnectAsync(new DnsEndPoint("127.0.0.1", Port), true, CancellationToken.None);

        Assert.True(stream.CanWrite);
    }
}
