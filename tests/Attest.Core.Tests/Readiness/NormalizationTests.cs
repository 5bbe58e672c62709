using Attest.Core.Readiness;

namespace Attest.Core.Tests.Readiness;

public class NormalizationTests
{
    [Theory]
    [InlineData("Contoso Stores", "  contoso   STORES ")]
    [InlineData("Contoso Stores", "ContosoStores")]
    [InlineData("Café Rouge", "CAFÉ ROUGE")]
    public void Customer_names_equal_after_case_and_spacing_are_ignored(string a, string b) =>
        Assert.Equal(Normalization.CustomerName(a), Normalization.CustomerName(b));

    [Theory]
    [InlineData("https://www.contoso.example", "contoso.example")]
    [InlineData("http://CONTOSO.example/stores/eu", "contoso.example")]
    [InlineData("contoso.example", "contoso.example")]
    [InlineData("https://shop.contoso.example.", "shop.contoso.example")]
    public void Web_domain_drops_scheme_www_path_and_case(string website, string domain) =>
        Assert.Equal(domain, Normalization.WebDomain(website));

    [Theory]
    [InlineData("")]
    [InlineData("not a url")]
    [InlineData("ftp://contoso.example")]
    public void Web_domain_of_something_that_is_not_a_web_address_is_null(string website) =>
        Assert.Null(Normalization.WebDomain(website));

    [Theory]
    [InlineData("https://acme.example", "https://acme.example/")]
    [InlineData("https://ACME.example/Retail/", "https://acme.example/Retail")]
    [InlineData("HTTP://acme.example:80/retail", "https://acme.example/retail")]
    [InlineData("https://acme.example/retail#top", "https://acme.example/retail")]
    public void Urls_of_the_same_page_compare_equal(string a, string b) => Assert.True(Normalization.SameUrl(a, b));

    [Theory]
    [InlineData("https://acme.example/retail", "https://acme.example/")]
    [InlineData("https://acme.example/Retail", "https://acme.example/retail")]
    [InlineData("https://acme.example/?page=retail", "https://acme.example/")]
    [InlineData("https://acme.example:8443/", "https://acme.example/")]
    public void Urls_of_different_pages_compare_different(string a, string b) => Assert.False(Normalization.SameUrl(a, b));
}
