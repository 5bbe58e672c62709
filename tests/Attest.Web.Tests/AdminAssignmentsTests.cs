using System.Net;
using Attest.Web.Data;
using Attest.Web.Tests.Support;
using Microsoft.EntityFrameworkCore;

namespace Attest.Web.Tests;

public sealed class AdminAssignmentsTests(World world) : IClassFixture<World>
{
    [Fact]
    public async Task Assigning_a_partner_manager_opens_the_partners_applications_to_them_and_unassigning_closes_them()
    {
        var manager = await AdminTestSteps.CreateUserAsync(world, "pdm-b@example.test", UserRole.PartnerManager, null);
        using var pdm = world.Client(null);
        pdm.DefaultRequestHeaders.Add(AttestFactory.UserHeader, manager);
        Assert.Equal(HttpStatusCode.NotFound, (await pdm.GetAsync($"/applications/{world.ApplicationB}")).StatusCode);

        using var admin = world.Client("admin");
        var assigned = await World.PostFormAsync(admin, "/admin/assignments", "/admin/assignments?handler=Assign", [new("ManagerId", manager), new("PartnerId", world.PartnerB.ToString())]);
        Assert.Equal(HttpStatusCode.Redirect, assigned.StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await pdm.GetAsync($"/applications/{world.ApplicationB}")).StatusCode);
        var list = await (await admin.GetAsync("/admin/assignments")).Content.ReadAsStringAsync();
        Assert.Contains("pdm-b@example.test", list, StringComparison.Ordinal);

        // Assigning twice is harmless
        await World.PostFormAsync(admin, "/admin/assignments", "/admin/assignments?handler=Assign", [new("ManagerId", manager), new("PartnerId", world.PartnerB.ToString())]);
        Assert.Equal(1, await world.ReadAsync(db => db.PartnerAssignments.CountAsync(a => a.UserId == manager)));

        // "Unassign" first asks (a confirm step that works without script); only "Yes, unassign" removes the assignment
        var asked = await admin.GetAsync($"/admin/assignments?userId={manager}&partnerId={world.PartnerB}");
        var question = System.Net.WebUtility.HtmlDecode(await asked.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.OK, asked.StatusCode);
        Assert.Contains("<h2 id=\"confirm-title\">Unassign ", question, StringComparison.Ordinal);
        Assert.Contains("name=\"confirmed\" value=\"yes\"", question, StringComparison.Ordinal);
        var unconfirmed = await World.PostFormAsync(admin, "/admin/assignments", "/admin/assignments?handler=Unassign", [new("userId", manager), new("partnerId", world.PartnerB.ToString())]);
        Assert.Equal(HttpStatusCode.OK, unconfirmed.StatusCode);
        Assert.True(await world.ReadAsync(db => db.PartnerAssignments.AnyAsync(a => a.UserId == manager)));

        var unassigned = await World.PostFormAsync(admin, "/admin/assignments", "/admin/assignments?handler=Unassign", [new("userId", manager), new("partnerId", world.PartnerB.ToString()), new("confirmed", "yes")]);
        Assert.Equal(HttpStatusCode.Redirect, unassigned.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await pdm.GetAsync($"/applications/{world.ApplicationB}")).StatusCode);
        Assert.False(await world.ReadAsync(db => db.PartnerAssignments.AnyAsync(a => a.UserId == manager)));
    }

    [Fact]
    public async Task Only_a_partner_manager_can_be_assigned_and_only_to_a_partner_that_exists()
    {
        using var admin = world.Client("admin");
        var lead = await World.PostFormAsync(admin, "/admin/assignments", "/admin/assignments?handler=Assign", [new("ManagerId", world.Users["leadA"]), new("PartnerId", world.PartnerB.ToString())]);
        var nowhere = await World.PostFormAsync(admin, "/admin/assignments", "/admin/assignments?handler=Assign", [new("ManagerId", world.Users["manager"]), new("PartnerId", Guid.NewGuid().ToString())]);
        Assert.Equal(HttpStatusCode.OK, lead.StatusCode);
        Assert.Equal(HttpStatusCode.OK, nowhere.StatusCode);
        Assert.Contains("error-summary", await lead.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Contains("error-summary", await nowhere.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.False(await world.ReadAsync(db => db.PartnerAssignments.AnyAsync(a => a.UserId == world.Users["leadA"])));
        Assert.Equal(1, await world.ReadAsync(db => db.PartnerAssignments.CountAsync(a => a.UserId == world.Users["manager"])));
    }

    [Fact]
    public async Task Unassigning_what_is_not_assigned_is_not_found()
    {
        using var admin = world.Client("admin");
        var response = await World.PostFormAsync(admin, "/admin/assignments", "/admin/assignments?handler=Unassign", [new("userId", world.Users["manager"]), new("partnerId", world.PartnerB.ToString()), new("confirmed", "yes")]);
        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await admin.GetAsync($"/admin/assignments?userId={world.Users["manager"]}&partnerId={world.PartnerB}")).StatusCode);
    }

    [Theory]
    [InlineData("manager")]
    [InlineData("leadA")]
    [InlineData("office")]
    public async Task Anyone_but_an_administrator_gets_not_found_and_no_assignment_changes(string user)
    {
        using var client = world.Client(user);
        var assign = await World.PostFormAsync(client, "/", "/admin/assignments?handler=Assign", [new("ManagerId", world.Users["manager"]), new("PartnerId", world.PartnerB.ToString())]);
        var unassign = await World.PostFormAsync(client, "/", "/admin/assignments?handler=Unassign", [new("userId", world.Users["manager"]), new("partnerId", world.PartnerA.ToString()), new("confirmed", "yes")]);
        Assert.Equal(HttpStatusCode.NotFound, assign.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, unassign.StatusCode);
        var partners = await world.ReadAsync(db => db.PartnerAssignments.Where(a => a.UserId == world.Users["manager"]).Select(a => a.PartnerId).ToListAsync());
        Assert.Equal(new[] { world.PartnerA }, partners);
    }
}
