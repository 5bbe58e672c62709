using System.Net;
using Attest.Web.Data;
using Attest.Web.Tests.Support;
using Microsoft.EntityFrameworkCore;

namespace Attest.Web.Tests;

public sealed class AdminUsersTests(World world) : IClassFixture<World>
{
    [Fact]
    public async Task The_user_list_shows_each_users_role_and_partner()
    {
        using var admin = world.Client("admin");
        var html = WebUtility.HtmlDecode(await (await admin.GetAsync("/admin/users")).Content.ReadAsStringAsync());
        Assert.Contains("leadB@example.test", html, StringComparison.Ordinal);
        Assert.Contains("partner alliance lead", html, StringComparison.Ordinal);
        Assert.Contains("Beta Consulting", html, StringComparison.Ordinal);
        Assert.Contains("partner manager (PDM/PDR)", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_administrator_moves_a_contributor_to_another_partner_as_alliance_lead()
    {
        var id = await AdminTestSteps.CreateUserAsync(world, "mover@example.test", UserRole.Contributor, world.PartnerA);
        using var admin = world.Client("admin");
        var response = await World.PostFormAsync(admin, $"/admin/users/{id}", $"/admin/users/{id}?handler=Role", [new("Role", "AllianceLead"), new("PartnerId", world.PartnerB.ToString())]);
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var user = await world.ReadAsync(db => db.Users.SingleAsync(u => u.Id == id));
        Assert.Equal(UserRole.AllianceLead, user.Role);
        Assert.Equal(world.PartnerB, user.PartnerId);

        // The change holds at once: the user now sees partner B's application and no longer partner A's
        using var moved = world.Client(null);
        moved.DefaultRequestHeaders.Add(AttestFactory.UserHeader, id);
        Assert.Equal(HttpStatusCode.OK, (await moved.GetAsync($"/applications/{world.ApplicationB}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await moved.GetAsync($"/applications/{world.ApplicationA}")).StatusCode);
    }

    [Fact]
    public async Task A_partner_side_role_without_a_partner_is_refused()
    {
        var id = await AdminTestSteps.CreateUserAsync(world, "auditor2@example.test", UserRole.Auditor, null);
        using var admin = world.Client("admin");
        var response = await World.PostFormAsync(admin, $"/admin/users/{id}", $"/admin/users/{id}?handler=Role", [new("Role", "Contributor"), new("PartnerId", "")]);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("error-summary", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(UserRole.Auditor, await world.ReadAsync(db => db.Users.Where(u => u.Id == id).Select(u => u.Role).SingleAsync()));
    }

    [Fact]
    public async Task A_role_that_is_not_partner_side_drops_the_partner_and_a_former_manager_loses_the_assignments()
    {
        var contributor = await AdminTestSteps.CreateUserAsync(world, "leaving@example.test", UserRole.Contributor, world.PartnerA);
        var manager = await AdminTestSteps.CreateUserAsync(world, "pdm-leaving@example.test", UserRole.PartnerManager, null);
        await world.ReadAsync(async db =>
        {
            db.PartnerAssignments.Add(new PartnerAssignment { PartnerId = world.PartnerB, UserId = manager });
            return await db.SaveChangesAsync();
        });
        using var admin = world.Client("admin");

        await World.PostFormAsync(admin, $"/admin/users/{contributor}", $"/admin/users/{contributor}?handler=Role", [new("Role", "ProgramOffice"), new("PartnerId", world.PartnerA.ToString())]);
        var office = await world.ReadAsync(db => db.Users.SingleAsync(u => u.Id == contributor));
        Assert.Equal((UserRole.ProgramOffice, (Guid?)null), (office.Role, office.PartnerId));

        var response = await World.PostFormAsync(admin, $"/admin/users/{manager}", $"/admin/users/{manager}?handler=Role", [new("Role", "Auditor")]);
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.False(await world.ReadAsync(db => db.PartnerAssignments.AnyAsync(a => a.UserId == manager)));
    }

    [Fact]
    public async Task An_administrator_cannot_change_their_own_role_or_lock_themselves_out()
    {
        var me = world.Users["admin"];
        using var admin = world.Client("admin");
        var role = await World.PostFormAsync(admin, $"/admin/users/{me}", $"/admin/users/{me}?handler=Role", [new("Role", "Auditor")]);
        var locked = await World.PostFormAsync(admin, $"/admin/users/{me}", $"/admin/users/{me}?handler=Lock", []);
        Assert.Equal(HttpStatusCode.OK, role.StatusCode);
        Assert.Equal(HttpStatusCode.OK, locked.StatusCode);
        var stored = await world.ReadAsync(db => db.Users.SingleAsync(u => u.Id == me));
        Assert.Equal(UserRole.Administrator, stored.Role);
        Assert.Null(stored.LockoutEnd);
    }

    [Fact]
    public async Task A_locked_user_cannot_sign_in_until_unlocked()
    {
        var id = await AdminTestSteps.CreateUserAsync(world, "locked@example.test", UserRole.Contributor, world.PartnerA);
        Assert.True(await AdminTestSteps.SignInAsync(world, "locked@example.test", World.Password));
        var stamp = await world.ReadAsync(db => db.Users.Where(u => u.Id == id).Select(u => u.SecurityStamp).SingleAsync());
        using var admin = world.Client("admin");

        var locked = await World.PostFormAsync(admin, $"/admin/users/{id}", $"/admin/users/{id}?handler=Lock", []);
        Assert.Equal(HttpStatusCode.Redirect, locked.StatusCode);
        Assert.False(await AdminTestSteps.SignInAsync(world, "locked@example.test", World.Password));
        Assert.NotEqual(stamp, await world.ReadAsync(db => db.Users.Where(u => u.Id == id).Select(u => u.SecurityStamp).SingleAsync()));
        Assert.Contains("Unlock this account", await (await admin.GetAsync($"/admin/users/{id}")).Content.ReadAsStringAsync(), StringComparison.Ordinal);

        var unlocked = await World.PostFormAsync(admin, $"/admin/users/{id}", $"/admin/users/{id}?handler=Unlock", []);
        Assert.Equal(HttpStatusCode.Redirect, unlocked.StatusCode);
        Assert.True(await AdminTestSteps.SignInAsync(world, "locked@example.test", World.Password));
    }

    [Fact]
    public async Task An_unknown_user_is_not_found()
    {
        using var admin = world.Client("admin");
        Assert.Equal(HttpStatusCode.NotFound, (await admin.GetAsync($"/admin/users/{Guid.NewGuid()}")).StatusCode);
    }

    [Theory]
    [InlineData("leadA")]
    [InlineData("contributorA")]
    [InlineData("auditor")]
    public async Task Anyone_but_an_administrator_gets_not_found_when_changing_or_locking_a_user(string user)
    {
        var target = world.Users["leadB"];
        using var client = world.Client(user);
        var role = await World.PostFormAsync(client, "/", $"/admin/users/{target}?handler=Role", [new("Role", "Administrator")]);
        var locked = await World.PostFormAsync(client, "/", $"/admin/users/{target}?handler=Lock", []);
        Assert.Equal(HttpStatusCode.NotFound, role.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, locked.StatusCode);
        var stored = await world.ReadAsync(db => db.Users.SingleAsync(u => u.Id == target));
        Assert.Equal(UserRole.AllianceLead, stored.Role);
        Assert.Null(stored.LockoutEnd);
    }
}
