using Attest.Core.Applications;
using Attest.Core.Readiness;
using Attest.Core.Site;
using Attest.Core.Tests.Readiness;

namespace Attest.Core.Tests.Site;

/// <summary>PRE-2.2, PRE-3.1 and PRE-3.2 judged from a site observation instead of the partner's declaration.</summary>
public sealed class SiteReadinessTests
{
    private static readonly DateTimeOffset ObservedAt = new(2026, 11, 25, 22, 30, 0, TimeSpan.Zero);

    /// <summary>acme.example as crawled: the practice page two clicks from home, contoso's case study three, the blog post dated 2026-03-01.</summary>
    private static SiteObservation Crawled(Func<SiteObservation, SiteObservation>? change = null)
    {
        var observation = new SiteObservation
        {
            ObservedAt = ObservedAt,
            StartUrl = "https://www.acme.example/",
            Pages =
            [
                new ObservedPage { Url = "https://www.acme.example/", Depth = 0, Status = 200 },
                new ObservedPage { Url = "https://www.acme.example/services", Depth = 1, Status = 200 },
                new ObservedPage { Url = "https://www.acme.example/retail", Depth = 2, Status = 200 },
                new ObservedPage { Url = "https://www.acme.example/blog/uc", Depth = 2, Status = 200, Published = new DateOnly(2026, 3, 1), DateSource = DateSource.JsonLd },
            ],
            PracticePage = new ObservedTarget { Url = "https://acme.example/retail", Reachable = true, Clicks = 2 },
            CaseStudies =
            [
                new ObservedTarget { Key = "contoso", Url = "https://acme.example/retail/contoso", Reachable = true, Clicks = 3 },
                new ObservedTarget { Key = "fabrikam", Url = "https://acme.example/retail/fabrikam", Reachable = true, Clicks = 3 },
            ],
            Content = [new ObservedContent { Url = "https://www.acme.example/blog/uc", Clicks = 2, Published = new DateOnly(2026, 3, 1), DateSource = DateSource.JsonLd, Language = "en" }],
        };
        return change is null ? observation : change(observation);
    }

    private static ItemVerdict Item(Application application, string id, SiteObservation? site) =>
        ReadinessEngine.EvaluateItems(application, TestData.Retail, TestData.AsOf, site: site).Single(i => i.Item.Id == id);

    [Fact]
    public void Without_an_observation_every_verdict_is_what_it_was()
    {
        var application = TestData.Ready();
        var before = ReadinessEngine.Evaluate(application, TestData.Retail, TestData.AsOf);
        var after = ReadinessEngine.Evaluate(application, TestData.Retail, TestData.AsOf, null, null);

        Assert.Equal(before.Items.Select(i => (i.Status, i.Reason.En(), i.Notes.Count)), after.Items.Select(i => (i.Status, i.Reason.En(), i.Notes.Count)));
        Assert.Equal(before.ReadyUntil, after.ReadyUntil);
    }

    [Fact]
    public void Practice_page_observed_two_clicks_from_home_is_met_with_the_date_in_both_languages()
    {
        var verdict = Item(TestData.Ready(), "PRE-3.1", Crawled());

        Assert.Equal(ReadinessStatus.Met, verdict.Status);
        Assert.Equal("Observed on 2026-11-25: the practice page https://acme.example/retail is reachable from the home page https://acme.example/ in 2 click(s).", verdict.Reason.En());
        Assert.StartsWith("Observé le 2026-11-25\u00A0: la page de pratique", verdict.Reason.Fr(), StringComparison.Ordinal);
        Assert.Contains(verdict.Facts, f => f is { Name: "observedClicks", Value: 2 });
        Assert.Empty(verdict.Notes);
    }

    [Fact]
    public void Practice_page_declared_linked_but_not_reached_is_not_met_and_the_contradiction_is_shown()
    {
        var site = Crawled(o => o with { PracticePage = o.PracticePage! with { Reachable = false, Clicks = null } });

        var verdict = Item(TestData.Ready(), "PRE-3.1", site);

        Assert.Equal(ReadinessStatus.NotMet, verdict.Status);
        Assert.Contains("not reachable from the home page", verdict.Reason.En(), StringComparison.Ordinal);
        Assert.Contains("n'est pas accessible", verdict.Reason.Fr(), StringComparison.Ordinal);
        Assert.Contains(verdict.Notes, n => n.En().Contains("declares the practice page linked", StringComparison.Ordinal));
        Assert.NotNull(verdict.NextStep);
    }

    [Theory]
    [InlineData(false)]
    [InlineData(null)]
    public void Practice_page_reached_but_not_declared_linked_is_met_with_a_note(bool? declared)
    {
        var application = TestData.Ready().WithPartner(p => p with { PracticePage = p.PracticePage! with { LinkedFromHomepage = declared } });

        var verdict = Item(application, "PRE-3.1", Crawled());

        Assert.Equal(ReadinessStatus.Met, verdict.Status);
        Assert.Contains(verdict.Notes, n => n.En().Contains("set practicePage.linkedFromHomepage to true", StringComparison.Ordinal));
        Assert.Equal(ReadinessStatus.NotMet, Item(application, "PRE-3.1", null).Status);
    }

    [Fact]
    public void A_visited_page_counts_when_the_crawl_was_not_asked_for_the_practice_page()
    {
        var verdict = Item(TestData.Ready(), "PRE-3.1", Crawled(o => o with { PracticePage = null }));

        Assert.Equal(ReadinessStatus.Met, verdict.Status);
        Assert.Contains("in 2 click(s)", verdict.Reason.En(), StringComparison.Ordinal);
    }

    [Fact]
    public void An_unvisited_address_of_a_site_crawled_to_the_end_is_unreachable_but_one_cut_short_by_a_bound_is_unknown()
    {
        var complete = Crawled(o => o with { PracticePage = null, Pages = o.Pages.Where(p => !p.Url.EndsWith("/retail", StringComparison.Ordinal)).ToArray() });
        var cut = complete with { LimitsHit = [SiteLimit.Pages] };

        Assert.Equal(ReadinessStatus.NotMet, Item(TestData.Ready(), "PRE-3.1", complete).Status);
        var verdict = Item(TestData.Ready(), "PRE-3.1", cut);
        Assert.Equal(ReadinessStatus.Met, verdict.Status);
        Assert.Contains(verdict.Notes, n => n.En().Contains("cannot tell", StringComparison.Ordinal) && n.En().Contains("pages", StringComparison.Ordinal));
        Assert.Contains(verdict.Notes, n => n.Fr().Contains("ne permet pas de savoir", StringComparison.Ordinal));
    }

    [Fact]
    public void An_observation_of_another_site_is_set_aside_with_a_note()
    {
        var site = Crawled(o => o with { StartUrl = "https://other.example/", PracticePage = o.PracticePage! with { Reachable = false } });

        var verdict = Item(TestData.Ready(), "PRE-3.1", site);

        Assert.Equal(ReadinessStatus.Met, verdict.Status);
        Assert.Contains("The practice page https://acme.example/retail is linked from the home page", verdict.Reason.En(), StringComparison.Ordinal);
        Assert.Contains(verdict.Notes, n => n.En().Contains("not the declared home page", StringComparison.Ordinal));
    }

    [Fact]
    public void Public_case_studies_observed_reachable_are_met_with_their_clicks()
    {
        var verdict = Item(TestData.Ready(), "PRE-2.2", Crawled());

        Assert.Equal(ReadinessStatus.Met, verdict.Status);
        Assert.StartsWith("Observed on 2026-11-25: 2 qualifying customers", verdict.Reason.En(), StringComparison.Ordinal);
        Assert.StartsWith("Observé le 2026-11-25\u00A0:", verdict.Reason.Fr(), StringComparison.Ordinal);
        Assert.Equal("Public at https://acme.example/retail/contoso; observed on 2026-11-25: reachable from the partner's home page in 3 click(s).", verdict.Case("contoso").Reason.En());
    }

    [Fact]
    public void A_public_case_study_declared_linked_but_not_reached_no_longer_counts()
    {
        var site = Crawled(o => o with { CaseStudies = [o.CaseStudies[0], o.CaseStudies[1] with { Reachable = false, Clicks = null }] });

        var verdict = Item(TestData.Ready(), "PRE-2.2", site);

        Assert.Equal(ReadinessStatus.NotMet, verdict.Status);
        Assert.Equal(ReadinessStatus.NotMet, verdict.Case("fabrikam").Status);
        Assert.Contains("not reachable from the partner's web site", verdict.Case("fabrikam").Reason.En(), StringComparison.Ordinal);
        Assert.Contains("inaccessible depuis le site web", verdict.Case("fabrikam").Reason.Fr(), StringComparison.Ordinal);
        Assert.Contains(verdict.Notes, n => n.En().StartsWith("fabrikam: the application declares", StringComparison.Ordinal));
        Assert.Equal(ReadinessStatus.Met, Item(TestData.Ready(), "PRE-2.2", null).Status);
    }

    [Fact]
    public void A_public_case_study_reached_but_declared_unlinked_counts_with_a_note()
    {
        var application = TestData.Ready().WithCase("fabrikam", c => c with { PublicReference = c.PublicReference! with { LinkedFromWebsite = false } });

        var verdict = Item(application, "PRE-2.2", Crawled());

        Assert.Equal(ReadinessStatus.Met, verdict.Status);
        Assert.Contains(verdict.Notes, n => n.En().Contains("set publicReference.linkedFromWebsite to true", StringComparison.Ordinal));
        Assert.Equal(ReadinessStatus.NotMet, Item(application, "PRE-2.2", null).Status);
    }

    [Fact]
    public void A_date_read_on_the_page_replaces_the_declared_one_and_the_difference_is_shown()
    {
        var site = Crawled(o => o with { Content = [o.Content[0] with { Published = new DateOnly(2024, 2, 1) }] });

        var verdict = Item(TestData.Ready(), "PRE-3.2", site);

        Assert.Equal(ReadinessStatus.NotMet, verdict.Status);
        Assert.StartsWith("Observed on 2026-11-25: Missing:", verdict.Reason.En(), StringComparison.Ordinal);
        Assert.Contains(verdict.Notes, n => n.En() == "Unified commerce: declared published on 2026-03-01, but the page declares 2024-02-01 (observed on 2026-11-25).");
        Assert.Contains(verdict.Notes, n => n.Fr().Contains("mais la page indique le 2024-02-01", StringComparison.Ordinal));
        Assert.Equal(ReadinessStatus.Met, Item(TestData.Ready(), "PRE-3.2", null).Status);
    }

    [Fact]
    public void A_date_read_on_the_page_fills_an_undeclared_one()
    {
        var application = TestData.Ready().WithPartner(p => p with { Content = [p.Content![0] with { Published = null }, .. p.Content.Skip(1)] });

        var verdict = Item(application, "PRE-3.2", Crawled());

        Assert.Equal(ReadinessStatus.Met, verdict.Status);
        Assert.StartsWith("Observed on 2026-11-25: 1 item(s) published", verdict.Reason.En(), StringComparison.Ordinal);
        Assert.Contains(verdict.Notes, n => n.En().StartsWith("Unified commerce: no publication date is declared", StringComparison.Ordinal));
        Assert.Equal(ReadinessStatus.NotMet, Item(application, "PRE-3.2", null).Status);
    }

    [Fact]
    public void A_content_page_that_could_not_be_read_is_noted()
    {
        var site = Crawled(o => o with
        {
            Content = [],
            Refused = [new RefusedPage { Url = "https://acme.example/blog/uc", Reason = RefusalReason.Unreachable, Status = 404 }],
        });

        var verdict = Item(TestData.Ready(), "PRE-3.2", site);

        Assert.Contains(verdict.Notes, n => n.En() == "Unified commerce: the page could not be read on 2026-11-25 (status 404); the declared date is used.");
        Assert.Contains(verdict.Notes, n => n.Fr().Contains("n'a pas pu être lue", StringComparison.Ordinal));
    }

    [Fact]
    public void The_observation_moves_the_ready_until_date_with_the_observed_publication_date()
    {
        var site = Crawled(o => o with { Content = [o.Content[0] with { Published = new DateOnly(2025, 12, 5) }] });

        var report = ReadinessEngine.Evaluate(TestData.Ready(), TestData.Retail, TestData.AsOf, site: site);
        var declared = ReadinessEngine.Evaluate(TestData.Ready(), TestData.Retail, TestData.AsOf);

        Assert.True(report.Ready);
        Assert.True(report.ReadyUntil < declared.ReadyUntil, $"{report.ReadyUntil} vs {declared.ReadyUntil}");
    }
}
