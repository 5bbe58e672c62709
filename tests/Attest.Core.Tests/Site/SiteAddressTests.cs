using Attest.Core.Site;

namespace Attest.Core.Tests.Site;

public sealed class SiteAddressTests
{
    [Theory]
    [InlineData("https://acme.example/retail", "http://www.acme.example/retail/", true)]
    [InlineData("https://ACME.example/retail#top", "https://acme.example/retail", true)]
    [InlineData("https://acme.example/retail?x=1", "https://acme.example/retail", false)]
    [InlineData("https://acme.example:8443/retail", "https://acme.example/retail", false)]
    public void Keys_ignore_scheme_www_case_fragment_and_trailing_slash(string a, string b, bool same) =>
        Assert.Equal(same, SiteAddress.Key(a) == SiteAddress.Key(b));

    [Theory]
    [InlineData("https://acme.example/", "http://www.acme.example/blog", true)]
    [InlineData("https://acme.example/", "acme.example/blog", true)]
    [InlineData("https://acme.example/", "https://blog.acme.example/", false)]
    [InlineData("https://acme.example/", "https://other.example/", false)]
    [InlineData("http://127.0.0.1:5000/", "http://127.0.0.1:5001/", false)]
    [InlineData("http://127.0.0.1:5000/", "http://127.0.0.1:5000/x", true)]
    [InlineData("https://acme.example/", "ftp://acme.example/", false)]
    public void Same_site_means_same_host_give_or_take_www_and_same_port(string a, string b, bool same) =>
        Assert.Equal(same, SiteAddress.SameSite(a, b));

    [Fact]
    public void Not_an_address_has_no_key() => Assert.Null(SiteAddress.Key("not a url"));
}
