using System.Net;
using Attest.Web.Data;
using Attest.Web.Features.Evidence;
using Attest.Web.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Attest.Web.Tests;

/// <summary>
/// The per-revision cache of evaluated readiness reports (issue 16 §4): every kind of change a report is made of moves the
/// application's readiness revision (and no other application's), a cached report is never served after a change — made
/// on this instance or another sharing the database — and a partner never reaches another partner's cached report.
/// </summary>
public sealed class ReadinessCacheTests
{
    private static Task<long> RevisionAsync(World world, Guid application) =>
        world.ReadAsync(db => db.Applications.IgnoreQueryFilters().Where(a => a.Id == application).Select(a => a.ReadinessRevision).SingleAsync());

    private static async Task ChangeAsync(World world, Func<AttestDbContext, Task> change)
    {
        using var scope = world.Factory.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<AttestDbContext>();
        await change(db);
        await db.SaveChangesAsync();
    }

    [Fact]
    public async Task Every_kind_of_change_a_report_is_made_of_bumps_the_readiness_revision_of_its_application_and_of_no_other()
    {
        var world = new World();
        await world.InitializeAsync();
        try
        {
            var a = world.ApplicationA;
            var sha256 = new string('a', 64);
            var evidenceId = Guid.NewGuid();
            var changes = new (string Kind, Func<AttestDbContext, Task> Change)[]
            {
                ("the application's own fields", async db => (await db.Applications.IgnoreQueryFilters().SingleAsync(x => x.Id == a)).Homepage = "https://acme.example"),
                ("a new case study", db =>
                {
                    db.CaseStudies.Add(new CaseStudyRecord { Id = Guid.NewGuid(), ApplicationId = a, PartnerId = world.PartnerA, Key = "fabrikam", Customer = "Fabrikam", Revision = 1 });
                    return Task.CompletedTask;
                }),
                ("a case study's fields", async db => (await db.CaseStudies.IgnoreQueryFilters().SingleAsync(c => c.ApplicationId == a && c.Key == "contoso")).Customer = "Contoso Markets"),
                ("a removed case study", async db => db.CaseStudies.Remove(await db.CaseStudies.IgnoreQueryFilters().SingleAsync(c => c.ApplicationId == a && c.Key == "fabrikam"))),
                ("content", db =>
                {
                    db.Content.Add(new ContentRecord { Id = Guid.NewGuid(), ApplicationId = a, PartnerId = world.PartnerA, Title = "Retail on AWS", Url = "https://acme.example/retail" });
                    return Task.CompletedTask;
                }),
                ("a self-assessment answer", db =>
                {
                    db.SelfAssessment.Add(new SelfAssessmentRecord { ApplicationId = a, PartnerId = world.PartnerA, ItemId = "PRE-1.1", Revision = 1 });
                    return Task.CompletedTask;
                }),
                ("the workflow", db =>
                {
                    db.Workflows.Add(new WorkflowRecord { ApplicationId = a, PartnerId = world.PartnerA, State = "draft", Snapshot = "{}", UpdatedAt = world.Factory.Now });
                    return Task.CompletedTask;
                }),
                ("an evidence link", db =>
                {
                    db.Evidence.Add(new EvidenceRecord { Id = evidenceId, PartnerId = world.PartnerA, Name = "architecture.yaml", Sha256 = sha256, ContentType = "application/x-yaml", AddedAt = world.Factory.Now });
                    db.EvidenceLinks.Add(new EvidenceLink { Id = Guid.NewGuid(), EvidenceId = evidenceId, PartnerId = world.PartnerA, ApplicationId = a, CaseStudyKey = "contoso" });
                    return Task.CompletedTask;
                }),
                ("the linked evidence (facts about the file)", async db => (await db.Evidence.IgnoreQueryFilters().SingleAsync(e => e.Id == evidenceId)).Name = "architecture-v2.yaml"),
                ("a stored analysis of the linked file arriving", db =>
                {
                    db.EvidenceAnalyses.Add(new EvidenceAnalysisRecord { Sha256 = sha256, AnalyzerVersion = "tests-only", State = AnalysisState.Failed, Error = "not analysed by the tests", QueuedAt = world.Factory.Now });
                    return Task.CompletedTask;
                }),
                ("its findings changing", async db => (await db.EvidenceAnalyses.SingleAsync(x => x.Sha256 == sha256)).Findings = "[]"),
            };

            foreach (var (kind, change) in changes)
            {
                var (before, other) = (await RevisionAsync(world, a), await RevisionAsync(world, world.ApplicationB));
                await ChangeAsync(world, change);
                Assert.True(await RevisionAsync(world, a) > before, $"{kind}: the readiness revision did not move");
                Assert.Equal(other, await RevisionAsync(world, world.ApplicationB));
            }

            // A bulk change of stored analyses (the worker failing files cut short too often) bumps through the content address
            var revision = await RevisionAsync(world, a);
            using (var scope = world.Factory.Services.CreateScope())
            {
                await ReadinessRevisions.BumpForContentAsync(scope.ServiceProvider.GetRequiredService<AttestDbContext>(), [sha256], CancellationToken.None);
            }

            Assert.True(await RevisionAsync(world, a) > revision, "a bulk change of the analyses did not move the readiness revision");

            // The linked evidence removed: its links go with it, and the application they named is still found
            revision = await RevisionAsync(world, a);
            await ChangeAsync(world, async db => db.Evidence.Remove(await db.Evidence.IgnoreQueryFilters().SingleAsync(e => e.Id == evidenceId)));
            Assert.True(await RevisionAsync(world, a) > revision, "removing the linked evidence did not move the readiness revision");
        }
        finally
        {
            await world.DisposeAsync();
        }
    }

    [Fact]
    public async Task A_cached_report_is_replaced_after_a_change_on_this_instance_or_another_and_another_partner_never_reaches_it()
    {
        var world = new World();
        await world.InitializeAsync();
        AttestFactory? second = null;
        try
        {
            using var leadA = await ApiSteps.AsAsync(world, "leadA");
            using var leadB = await ApiSteps.AsAsync(world, "leadB");
            var readiness = $"/api/v1/applications/{world.ApplicationA}/readiness";
            var dashboard = $"/applications/{world.ApplicationA}";
            using var page = world.Client("leadA");

            // Evaluated once, then served from the cache: the same answer
            var first = await leadA.GetStringAsync(readiness);
            var cache = world.Factory.Services.GetRequiredService<ReadinessCache>();
            var hits = cache.Hits;
            Assert.Equal(first, await leadA.GetStringAsync(readiness));
            Assert.True(cache.Hits > hits, "the second read was not served from the cache");
            Assert.Contains("Contoso Stores", WebUtility.HtmlDecode(await page.GetStringAsync(dashboard)), StringComparison.Ordinal);

            // Another partner's token and session reach neither the report nor the page, cached or not
            var refused = await leadB.GetAsync(readiness);
            Assert.Equal(HttpStatusCode.NotFound, refused.StatusCode);
            Assert.DoesNotContain("contoso", await refused.Content.ReadAsStringAsync(), StringComparison.OrdinalIgnoreCase);
            using (var pageB = world.Client("leadB"))
            {
                var other = await pageB.GetAsync(dashboard);
                Assert.Equal(HttpStatusCode.NotFound, other.StatusCode);
                Assert.DoesNotContain("Contoso Stores", await other.Content.ReadAsStringAsync(), StringComparison.Ordinal);
            }

            // A change on this instance: the next read is evaluated again and shows it
            await ChangeAsync(world, db =>
            {
                db.CaseStudies.Add(new CaseStudyRecord { Id = Guid.NewGuid(), ApplicationId = world.ApplicationA, PartnerId = world.PartnerA, Key = "fabrikam-cafes", Customer = "Fabrikam Cafés", Revision = 1 });
                return Task.CompletedTask;
            });
            var changed = await leadA.GetStringAsync(readiness);
            Assert.NotEqual(first, changed);
            Assert.Contains("Fabrikam Cafés", WebUtility.HtmlDecode(await page.GetStringAsync(dashboard)), StringComparison.Ordinal);

            // A change on another instance sharing the database: this instance's cached report is not served
            second = world.Factory.SharingStorage();
            using (var scope = second.Services.CreateScope())
            {
                var db = scope.ServiceProvider.GetRequiredService<AttestDbContext>();
                var contoso = await db.CaseStudies.IgnoreQueryFilters().SingleAsync(c => c.ApplicationId == world.ApplicationA && c.Key == "contoso");
                contoso.Customer = "Contoso Markets";
                await db.SaveChangesAsync();
            }

            var html = WebUtility.HtmlDecode(await page.GetStringAsync(dashboard));
            Assert.Contains("Contoso Markets", html, StringComparison.Ordinal);
            Assert.DoesNotContain("Contoso Stores", html, StringComparison.Ordinal);
        }
        finally
        {
            if (second is not null)
            {
                await second.DisposeAsync();
            }

            await world.DisposeAsync();
        }
    }

    [Fact]
    public async Task The_API_description_is_kept_for_everyone_and_no_page_or_answer_of_a_signed_in_user_is()
    {
        var world = new World();
        await world.InitializeAsync();
        try
        {
            using var anonymous = world.Client(null);
            var first = await anonymous.GetAsync("/openapi/v1.json");
            Assert.Equal(HttpStatusCode.OK, first.StatusCode);
            var again = await anonymous.GetAsync("/openapi/v1.json");
            Assert.Equal(await first.Content.ReadAsStringAsync(), await again.Content.ReadAsStringAsync());
            // The output cache answers with the entry's age
            Assert.True(again.Headers.Age is not null, "the second answer did not come from the output cache");

            using var leadA = world.Client("leadA");
            using var api = await ApiSteps.AsAsync(world, "leadA");
            foreach (var (client, url) in new[] { (leadA, $"/applications/{world.ApplicationA}"), (api, $"/api/v1/applications/{world.ApplicationA}/readiness"), (api, "/api/v1/applications/") })
            {
                for (var i = 0; i < 2; i++)
                {
                    var answer = await client.GetAsync(url);
                    Assert.Equal(HttpStatusCode.OK, answer.StatusCode);
                    Assert.Null(answer.Headers.Age);
                }
            }
        }
        finally
        {
            await world.DisposeAsync();
        }
    }
}
