using Attest.Core.Site;
using Attest.Evidence.Site;

namespace Attest.Evidence.Tests.Site;

public sealed class PageReaderTests
{
    private static readonly Uri Page = new("https://acme.example/blog/post");

    [Fact]
    public void Json_ld_date_published_comes_first()
    {
        const string html = """
            <html lang="en-GB"><head><title> Unified commerce </title>
            <script type="application/ld+json">{"@context":"https://schema.org","@type":"BlogPosting","datePublished":"2026-03-01T09:00:00+01:00"}</script>
            <meta property="article:published_time" content="2025-01-01">
            </head><body><time datetime="2024-01-01">old</time></body></html>
            """;

        var facts = PageReader.Read(html, Page);

        Assert.Equal(new DateOnly(2026, 3, 1), facts.Published);
        Assert.Equal(DateSource.JsonLd, facts.DateSource);
        Assert.Equal("en-gb", facts.Language);
        Assert.Equal("Unified commerce", facts.Title);
    }

    [Fact]
    public void Json_ld_in_a_graph_or_an_array_is_found()
    {
        const string graph = """<script type="application/ld+json">{"@graph":[{"@type":"WebSite","name":"Acme"},{"@type":"Article","datePublished":"2026-05-04"}]}</script>""";
        const string array = """<script type="application/ld+json">[{"@type":"Organization"},{"@type":"NewsArticle","datePublished":["2026-06-07"]}]</script>""";

        Assert.Equal(new DateOnly(2026, 5, 4), PageReader.Read(graph, Page).Published);
        Assert.Equal(new DateOnly(2026, 6, 7), PageReader.Read(array, Page).Published);
    }

    [Fact]
    public void Broken_json_ld_falls_back_to_the_meta_tag()
    {
        const string html = """
            <script type="application/ld+json">{"datePublished": "2026-01-01" </script>
            <meta property="article:published_time" content="2026-02-03T10:00:00Z">
            """;

        var facts = PageReader.Read(html, Page);

        Assert.Equal(new DateOnly(2026, 2, 3), facts.Published);
        Assert.Equal(DateSource.Meta, facts.DateSource);
    }

    [Fact]
    public void The_time_element_is_the_last_resort_and_the_day_is_the_one_written()
    {
        const string html = """<article><time>no attribute</time><time datetime="2026-04-30T23:30:00-05:00">30 April</time></article>""";

        var facts = PageReader.Read(html, Page);

        Assert.Equal(new DateOnly(2026, 4, 30), facts.Published);
        Assert.Equal(DateSource.Time, facts.DateSource);
    }

    [Fact]
    public void A_page_without_a_date_has_none()
    {
        var facts = PageReader.Read("<p>Nothing dated <time datetime='soon'>soon</time></p>", Page);

        Assert.Null(facts.Published);
        Assert.Null(facts.DateSource);
    }

    [Fact]
    public void The_content_language_header_is_used_when_html_has_no_lang()
    {
        Assert.Equal("fr", PageReader.Read("<p>Bonjour</p>", Page, "fr, en").Language);
        Assert.Equal("de", PageReader.Read("<html lang='DE'><p>Hallo</p></html>", Page, "fr").Language);
    }

    [Fact]
    public void Links_are_resolved_deduplicated_and_only_web_ones_kept()
    {
        const string html = """
            <a href="/retail">Retail</a>
            <a href="/retail#top">Retail again</a>
            <a href="case/contoso">Relative</a>
            <a href="https://other.example/x">Other host</a>
            <a href="mailto:sales@acme.example">Mail</a>
            <a href="javascript:void(0)">Script</a>
            <a href="#section">Anchor</a>
            <area href="/map-area">
            """;

        var links = PageReader.Read(html, Page).Links.Select(l => l.AbsoluteUri).ToArray();

        Assert.Equal(["https://acme.example/retail", "https://acme.example/blog/case/contoso", "https://other.example/x", "https://acme.example/map-area"], links);
    }

    [Fact]
    public void The_base_element_changes_how_links_resolve()
    {
        var links = PageReader.Read("<base href='https://acme.example/fr/'><a href='retail'>x</a>", Page).Links;

        Assert.Equal("https://acme.example/fr/retail", Assert.Single(links).AbsoluteUri);
    }
}
