using System.Net;
using Attest.Web.Data;
using Attest.Web.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Attest.Web.Tests;

/// <summary>
/// The dashboard's readiness part (summary, matrix, timeline) is rendered once and shared (issue 16 §4): only by readers
/// who read it the same way (language, the partner or someone else, allowed to edit or not), and never after a change.
/// </summary>
public sealed class DashboardRenderCacheTests : IAsyncLifetime
{
    private readonly World world = new();

    public Task InitializeAsync() => world.InitializeAsync();

    public Task DisposeAsync() => world.DisposeAsync();

    [Fact]
    public async Task The_rendered_readiness_goes_only_to_readers_who_read_it_the_same_way()
    {
        var a = world.ApplicationA;
        var edit = $"href=\"/applications/{a}/case-studies/contoso\"";
        var add = $"href=\"/applications/{a}/case-studies/new\"";

        // The partner's lead first, so that what it may do is in the cache before the others ask
        var lead = await DashboardAsync("leadA", a, "en");
        Assert.Contains(edit, lead, StringComparison.Ordinal);
        Assert.Contains(add, lead, StringComparison.Ordinal);
        Assert.Contains("Items and case studies", lead, StringComparison.Ordinal);

        // The partner's manager reads the same application, in the third person and without the editing links
        var manager = await DashboardAsync("manager", a, "en");
        Assert.DoesNotContain(edit, manager, StringComparison.Ordinal);
        Assert.DoesNotContain(add, manager, StringComparison.Ordinal);

        // The same lead in French gets French, not the English fragment
        var french = WebUtility.HtmlDecode(await DashboardAsync("leadA", a, "fr"));
        Assert.Contains("Éléments et études de cas", french, StringComparison.Ordinal);
        Assert.DoesNotContain("Items and case studies", french, StringComparison.Ordinal);

        // And the English one is still what it was
        Assert.Equal(Readiness(lead), Readiness(await DashboardAsync("leadA", a, "en")));

        // Another partner gets no page at all, cached or not
        using var other = world.Client("leadB");
        Assert.Equal(HttpStatusCode.NotFound, (await other.GetAsync($"/applications/{a}")).StatusCode);
    }

    [Fact]
    public async Task A_change_shows_on_the_next_dashboard_on_this_instance_and_on_another()
    {
        var a = world.ApplicationA;
        Assert.Contains(">Contoso Stores<", await DashboardAsync("leadA", a, "en"), StringComparison.Ordinal);

        // Saved elsewhere (another instance, a background job): the readiness revision moves in the database
        using (var scope = world.Factory.Services.CreateScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<AttestDbContext>();
            (await db.CaseStudies.IgnoreQueryFilters().SingleAsync(c => c.ApplicationId == a && c.Key == "contoso")).Customer = "Contoso Markets";
            await db.SaveChangesAsync();
        }

        var after = await DashboardAsync("leadA", a, "en");
        Assert.Contains(">Contoso Markets<", after, StringComparison.Ordinal);
        Assert.DoesNotContain(">Contoso Stores<", after, StringComparison.Ordinal);
    }

    private async Task<string> DashboardAsync(string user, Guid application, string language)
    {
        using var client = world.Client(user);
        client.DefaultRequestHeaders.AcceptLanguage.ParseAdd(language);
        var response = await client.GetAsync($"/applications/{application}");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return await response.Content.ReadAsStringAsync();
    }

    // The part of the page the fragment cache holds, from the summary to the end of the timeline
    private static string Readiness(string html)
    {
        var start = html.IndexOf("data-live=\"summary\"", StringComparison.Ordinal);
        var end = html.IndexOf("aria-labelledby=\"files\"", StringComparison.Ordinal);
        Assert.True(start > 0 && end > start, "the dashboard has its readiness part and its files part");
        return html[start..end];
    }
}
