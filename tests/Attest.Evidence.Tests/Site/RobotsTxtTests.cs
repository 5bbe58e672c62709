using Attest.Evidence.Site;

namespace Attest.Evidence.Tests.Site;

public sealed class RobotsTxtTests
{
    private const string Agent = "AttestBot";

    [Fact]
    public void Our_own_group_replaces_the_star_group()
    {
        var robots = RobotsTxt.Parse("User-agent: *\nDisallow: /\n\nUser-agent: AttestBot\nDisallow: /secret\n", Agent);

        Assert.True(robots.IsAllowed("/"));
        Assert.True(robots.IsAllowed("/blog/post"));
        Assert.False(robots.IsAllowed("/secret/page"));
    }

    [Fact]
    public void The_star_group_applies_when_no_group_names_us()
    {
        var robots = RobotsTxt.Parse("User-agent: Googlebot\nDisallow: /\n\nUser-agent: *\nDisallow: /private\n", Agent);

        Assert.True(robots.IsAllowed("/"));
        Assert.False(robots.IsAllowed("/private/x"));
    }

    [Fact]
    public void Agent_names_match_without_case_and_version()
    {
        var robots = RobotsTxt.Parse("user-agent: attestbot/2.0\ndisallow: /x\n", Agent);

        Assert.False(robots.IsAllowed("/x"));
    }

    [Fact]
    public void Several_user_agent_lines_share_one_group_and_repeated_groups_merge()
    {
        var text = "User-agent: OtherBot\nUser-agent: AttestBot\nDisallow: /a\n\nUser-agent: AttestBot\nDisallow: /b\n";
        var robots = RobotsTxt.Parse(text, Agent);

        Assert.False(robots.IsAllowed("/a"));
        Assert.False(robots.IsAllowed("/b"));
        Assert.True(robots.IsAllowed("/c"));
    }

    [Fact]
    public void The_longest_match_wins_and_allow_wins_a_tie()
    {
        var robots = RobotsTxt.Parse("User-agent: *\nDisallow: /shop\nAllow: /shop/retail\nDisallow: /page\nAllow: /page\n", Agent);

        Assert.False(robots.IsAllowed("/shop/cart"));
        Assert.True(robots.IsAllowed("/shop/retail/case"));
        Assert.True(robots.IsAllowed("/page"));
    }

    [Theory]
    [InlineData("/*.pdf$", "/files/brochure.pdf", true)]
    [InlineData("/*.pdf$", "/files/brochure.pdf?x=1", false)]
    [InlineData("/*.pdf", "/files/brochure.pdf?x=1", true)]
    [InlineData("/blog/*/draft", "/blog/2026/draft-1", true)]
    [InlineData("/blog/*/draft", "/blog/draft", false)]
    [InlineData("/exact$", "/exact", true)]
    [InlineData("/exact$", "/exact/more", false)]
    [InlineData("/*", "/anything", true)]
    [InlineData("/a*b*c", "/axxbyyc", true)]
    [InlineData("/a*b*c$", "/axxbyycd", false)]
    public void Wildcards_and_end_anchors_match_like_rfc_9309(string pattern, string path, bool matches) =>
        Assert.Equal(matches, RobotsTxt.Matches(pattern, path));

    [Fact]
    public void Comments_unknown_lines_and_empty_disallow_are_ignored()
    {
        var robots = RobotsTxt.Parse("# hello\nUser-agent: * # everyone\nCrawl-delay: 10\nDisallow:\nSitemap: https://x.example/s.xml\nnonsense\n", Agent);

        Assert.True(robots.IsAllowed("/anything"));
    }

    [Fact]
    public void Robots_txt_itself_is_always_allowed_and_rules_before_any_group_count_for_nothing()
    {
        var robots = RobotsTxt.Parse("Disallow: /orphan\nUser-agent: *\nDisallow: /\n", Agent);

        Assert.True(robots.IsAllowed("/robots.txt"));
        Assert.False(robots.IsAllowed("/orphan"));
        Assert.True(RobotsTxt.Parse("Disallow: /orphan\n", Agent).IsAllowed("/orphan"));
    }

    [Fact]
    public void Query_strings_are_part_of_the_matched_path()
    {
        var robots = RobotsTxt.Parse("User-agent: *\nDisallow: /*?session=\n", Agent);

        Assert.False(robots.IsAllowed("/page?session=1"));
        Assert.True(robots.IsAllowed("/page?lang=fr"));
    }
}
