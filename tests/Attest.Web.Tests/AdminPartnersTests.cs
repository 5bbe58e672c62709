using System.Net;
using Attest.Web.Tests.Support;
using Microsoft.EntityFrameworkCore;

namespace Attest.Web.Tests;

public sealed class AdminPartnersTests(World world) : IClassFixture<World>
{
    [Fact]
    public async Task An_administrator_adds_a_partner_and_sees_it_in_the_list()
    {
        using var admin = world.Client("admin");
        var response = await World.PostFormAsync(admin, "/admin/partners", "/admin/partners", [new("Name", "  Gamma Stores  ")]);
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);

        var list = await (await admin.GetAsync("/admin/partners")).Content.ReadAsStringAsync();
        Assert.Contains("Gamma Stores", list, StringComparison.Ordinal);
        Assert.Contains("Acme Retail Cloud", list, StringComparison.Ordinal);
        Assert.Contains("Beta Consulting", list, StringComparison.Ordinal);
        var stored = await world.ReadAsync(db => db.Partners.IgnoreQueryFiltersForTests().SingleAsync(p => p.Name == "Gamma Stores"));
        Assert.NotEqual(default, stored.CreatedAt);
    }

    [Theory]
    [InlineData("acme RETAIL cloud", "another partner already has this name")]
    [InlineData("   ", "Partner name: required")]
    public async Task A_partner_name_that_is_taken_or_blank_is_refused_with_a_message(string name, string message)
    {
        using var admin = world.Client("admin");
        var before = await world.ReadAsync(db => db.Partners.IgnoreQueryFiltersForTests().CountAsync());
        var response = await World.PostFormAsync(admin, "/admin/partners", "/admin/partners", [new("Name", name)]);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var html = await response.Content.ReadAsStringAsync();
        Assert.Contains("error-summary", html, StringComparison.Ordinal);
        Assert.Contains(message, html, StringComparison.Ordinal);
        Assert.Equal(before, await world.ReadAsync(db => db.Partners.IgnoreQueryFiltersForTests().CountAsync()));
    }

    [Fact]
    public async Task An_administrator_renames_a_partner_but_not_to_another_partners_name()
    {
        using var admin = world.Client("admin");
        var id = Guid.NewGuid();
        await world.ReadAsync(async db =>
        {
            db.Partners.Add(new Data.Partner { Id = id, Name = "Delta Retail" });
            return await db.SaveChangesAsync();
        });

        var page = await admin.GetAsync($"/admin/partners/{id}");
        Assert.Contains("Delta Retail", await page.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        var renamed = await World.PostFormAsync(admin, $"/admin/partners/{id}", $"/admin/partners/{id}", [new("Name", "Delta Retail Group")]);
        Assert.Equal(HttpStatusCode.Redirect, renamed.StatusCode);
        Assert.Equal("Delta Retail Group", await world.ReadAsync(db => db.Partners.IgnoreQueryFiltersForTests().Where(p => p.Id == id).Select(p => p.Name).SingleAsync()));

        var clash = await World.PostFormAsync(admin, $"/admin/partners/{id}", $"/admin/partners/{id}", [new("Name", "Beta Consulting")]);
        Assert.Equal(HttpStatusCode.OK, clash.StatusCode);
        Assert.Contains("another partner already has this name", await clash.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal("Delta Retail Group", await world.ReadAsync(db => db.Partners.IgnoreQueryFiltersForTests().Where(p => p.Id == id).Select(p => p.Name).SingleAsync()));
    }

    [Fact]
    public async Task Renaming_a_partner_to_its_own_name_in_another_case_is_allowed()
    {
        using var admin = world.Client("admin");
        var id = Guid.NewGuid();
        await world.ReadAsync(async db =>
        {
            db.Partners.Add(new Data.Partner { Id = id, Name = "Epsilon shops" });
            return await db.SaveChangesAsync();
        });

        var renamed = await World.PostFormAsync(admin, $"/admin/partners/{id}", $"/admin/partners/{id}", [new("Name", "Epsilon Shops")]);
        Assert.Equal(HttpStatusCode.Redirect, renamed.StatusCode);
    }

    [Fact]
    public async Task An_unknown_partner_is_not_found()
    {
        using var admin = world.Client("admin");
        Assert.Equal(HttpStatusCode.NotFound, (await admin.GetAsync($"/admin/partners/{Guid.NewGuid()}")).StatusCode);
    }

    [Theory]
    [InlineData("leadA")]
    [InlineData("manager")]
    [InlineData("office")]
    public async Task Anyone_but_an_administrator_gets_not_found_when_posting_and_nothing_changes(string user)
    {
        using var client = world.Client(user);
        var created = await World.PostFormAsync(client, "/", "/admin/partners", [new("Name", "Sneaky " + user)]);
        var renamed = await World.PostFormAsync(client, "/", $"/admin/partners/{world.PartnerB}", [new("Name", "Hijacked " + user)]);
        Assert.Equal(HttpStatusCode.NotFound, created.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, renamed.StatusCode);
        Assert.False(await world.ReadAsync(db => db.Partners.IgnoreQueryFiltersForTests().AnyAsync(p => p.Name.StartsWith("Sneaky") || p.Name.StartsWith("Hijacked"))));
    }

    [Fact]
    public async Task Posting_to_a_page_without_a_post_handler_is_not_found_for_others_too()
    {
        using var lead = world.Client("leadA");
        Assert.Equal(HttpStatusCode.NotFound, (await World.PostFormAsync(lead, "/", "/admin", [])).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await World.PostFormAsync(lead, "/", "/admin/users", [])).StatusCode);
    }

    [Fact]
    public async Task Administration_is_in_french_when_asked()
    {
        using var admin = world.Client("admin");
        admin.DefaultRequestHeaders.AcceptLanguage.ParseAdd("fr-FR");
        var html = await (await admin.GetAsync("/admin/partners")).Content.ReadAsStringAsync();
        Assert.Contains("Ajouter un partenaire", html, StringComparison.Ordinal);
        Assert.Contains("<html lang=\"fr\">", html, StringComparison.Ordinal);
    }

    [Fact]
    public void Every_administration_page_model_is_for_administrators_only()
    {
        var pages = typeof(Features.Admin.AdministratorOnlyAttribute).Assembly.GetTypes()
            .Where(t => t.Namespace == typeof(Features.Admin.AdministratorOnlyAttribute).Namespace && typeof(Microsoft.AspNetCore.Mvc.RazorPages.PageModel).IsAssignableFrom(t))
            .ToList();
        Assert.NotEmpty(pages);
        Assert.All(pages, t => Assert.True(t.IsDefined(typeof(Features.Admin.AdministratorOnlyAttribute), inherit: true), t.Name));
    }

    [Fact]
    public async Task Only_administrators_see_the_administration_link()
    {
        using var admin = world.Client("admin");
        using var lead = world.Client("leadA");
        Assert.Contains("href=\"/admin\"", await (await admin.GetAsync("/")).Content.ReadAsStringAsync(), StringComparison.Ordinal);
        var leadHome = await (await lead.GetAsync("/")).Content.ReadAsStringAsync();
        Assert.DoesNotContain("href=\"/admin\"", leadHome, StringComparison.Ordinal);
        Assert.Contains("href=\"/people\"", leadHome, StringComparison.Ordinal);
    }
}
