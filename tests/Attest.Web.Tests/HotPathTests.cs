using System.Net;
using System.Text.RegularExpressions;
using Attest.Core.Workflow;
using Attest.Web.Data;
using Attest.Web.Features.Workflow;
using Attest.Web.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Attest.Web.Tests;

/// <summary>
/// What the dashboard's path keeps between requests (issue 16 §4) never shows a reader more, or older, than a fresh read
/// would: pooled database contexts forget their reader, the workflow kept per readiness revision follows every change,
/// and the header's unread count, read with the user, is the user's own.
/// </summary>
public sealed partial class HotPathTests : IAsyncLifetime
{
    private readonly World world = new();

    public Task InitializeAsync() => world.InitializeAsync();

    public Task DisposeAsync() => world.DisposeAsync();

    [Fact]
    public async Task A_pooled_context_forgets_its_reader_when_it_goes_back_and_sees_nothing_without_one()
    {
        AttestDbContext used;
        using (var scope = world.Factory.Services.CreateScope())
        {
            scope.ServiceProvider.GetRequiredService<CurrentAccess>().Value = new Access { UserId = world.Users["leadA"], Role = UserRole.AllianceLead, OwnPartnerId = world.PartnerA, PartnerIds = [world.PartnerA] };
            used = scope.ServiceProvider.GetRequiredService<AttestDbContext>();
            Assert.Equal([world.ApplicationA], await used.Applications.Select(a => a.Id).ToListAsync());
        }

        // Back in the pool, the context holds no reader any more
        Assert.Null(used.CurrentAccess);

        // The next scopes (which may be handed the same context) read as whoever they are: here nobody
        for (var i = 0; i < 4; i++)
        {
            using var scope = world.Factory.Services.CreateScope();
            var db = scope.ServiceProvider.GetRequiredService<AttestDbContext>();
            Assert.Same(scope.ServiceProvider.GetRequiredService<CurrentAccess>(), db.CurrentAccess);
            Assert.Empty(await db.Applications.ToListAsync());
            Assert.Empty(await db.CaseStudies.ToListAsync());
        }
    }

    [Fact]
    public async Task The_dashboard_shows_the_workflow_as_it_is_after_each_step_to_the_partner_and_to_the_office()
    {
        var a = world.ApplicationA;
        var draft = await WorkflowHeadingAsync("leadA", a);
        Assert.Equal(draft, await WorkflowHeadingAsync("leadA", a));

        // Submitted through the pages: the lead's next dashboard says so, and the office reads the same state
        await WorkflowSteps.SubmitReadyAsync(world, a);
        var submitted = await WorkflowHeadingAsync("leadA", a);
        Assert.NotEqual(draft, submitted);
        Assert.Equal(submitted, await WorkflowHeadingAsync("office", a));

        // A step saved by someone else's scope (another instance would do the same): both readers see it at once
        using (var scope = world.Factory.Services.CreateScope())
        {
            scope.ServiceProvider.GetRequiredService<CurrentAccess>().Value = new Access { UserId = world.Users["office"], Role = UserRole.ProgramOffice, SeesSubmitted = true };
            var store = scope.ServiceProvider.GetRequiredService<WorkflowStore>();
            var loaded = (await store.LoadAsync(a, CancellationToken.None))!;
            Assert.True(loaded.Workflow.StartReview(new Actor(world.Users["office"], "office", Role.ProgramOffice), world.Factory.Now.AddMinutes(5)).Succeeded);
            Assert.True(await store.SaveAsync(loaded, [], CancellationToken.None));
        }

        var inReview = await WorkflowHeadingAsync("office", a);
        Assert.NotEqual(submitted, inReview);
        Assert.Equal(inReview, await WorkflowHeadingAsync("leadA", a));

        // Another partner still gets no page
        using var other = world.Client("leadB");
        Assert.Equal(HttpStatusCode.NotFound, (await other.GetAsync($"/applications/{a}")).StatusCode);
    }

    [Fact]
    public async Task The_unread_count_in_the_header_is_the_readers_own_and_follows_marking_read()
    {
        var a = world.ApplicationA;
        Assert.Equal(0, await UnreadAsync("leadA"));
        Assert.Equal(0, await UnreadAsync("office"));

        // A submission tells the office: its header counts it, the lead's does not
        await WorkflowSteps.SubmitReadyAsync(world, a);
        var office = await world.ReadAsync(db => db.Notifications.IgnoreQueryFilters().CountAsync(n => n.UserId == world.Users["office"] && n.ReadAt == null));
        Assert.True(office > 0);
        Assert.Equal(office, await UnreadAsync("office"));
        Assert.Equal(await world.ReadAsync(db => db.Notifications.IgnoreQueryFilters().CountAsync(n => n.UserId == world.Users["leadA"] && n.ReadAt == null)), await UnreadAsync("leadA"));

        // Marked read: the next page's header says none
        await WorkflowSteps.DoAsync(world, "office", "/notifications", "Read");
        Assert.Equal(0, await UnreadAsync("office"));
    }

    private async Task<string> WorkflowHeadingAsync(string user, Guid application)
    {
        using var client = world.Client(user);
        var page = await client.GetStringAsync($"/applications/{application}");
        return WebUtility.HtmlDecode(WorkflowHeading().Match(page) is { Success: true } m ? m.Groups[1].Value : throw new InvalidOperationException("no workflow panel on the dashboard"));
    }

    private async Task<int> UnreadAsync(string user)
    {
        using var client = world.Client(user);
        var page = await client.GetStringAsync("/");
        var link = NotificationsLink().Match(page);
        Assert.True(link.Success, "no notifications link in the header");
        var count = Regex.Match(link.Groups[1].Value, "[0-9]+");
        return count.Success ? int.Parse(count.Value, System.Globalization.CultureInfo.InvariantCulture) : 0;
    }

    [GeneratedRegex("<h2 id=\"workflow\">(.*?)</h2>", RegexOptions.Singleline)]
    private static partial Regex WorkflowHeading();

    [GeneratedRegex("<a href=\"/notifications\">([^<]*)</a>")]
    private static partial Regex NotificationsLink();
}
