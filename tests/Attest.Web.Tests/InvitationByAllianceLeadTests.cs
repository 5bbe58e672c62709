using System.Net;
using Attest.Web.Data;
using Attest.Web.Tests.Support;
using Microsoft.EntityFrameworkCore;

namespace Attest.Web.Tests;

public sealed class InvitationByAllianceLeadTests(World world) : IClassFixture<World>
{
    [Fact]
    public async Task An_alliance_lead_sees_their_partners_people_only()
    {
        using var lead = world.Client("leadA");
        var html = await (await lead.GetAsync("/people")).Content.ReadAsStringAsync();
        Assert.Contains("People of Acme Retail Cloud", html, StringComparison.Ordinal);
        Assert.Contains("contributorA@example.test", html, StringComparison.Ordinal);
        Assert.DoesNotContain("leadB@example.test", html, StringComparison.Ordinal);
        Assert.DoesNotContain("Beta Consulting", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_alliance_lead_invites_a_contributor_of_their_partner_and_the_invitee_joins_it()
    {
        using var lead = world.Client("leadA");
        var response = await World.PostFormAsync(lead, "/people", "/people", [new("Form.Email", "writer@acme.example"), new("Form.Role", "Contributor")]);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var token = AdminTestSteps.TokenIn(await response.Content.ReadAsStringAsync());
        var stored = await AdminTestSteps.InvitationAsync(world, i => i.Email == "writer@acme.example");
        Assert.Equal((UserRole.Contributor, (Guid?)world.PartnerA, world.Users["leadA"]), (stored!.Role, stored.PartnerId, stored.CreatedBy));
        Assert.Contains("writer@acme.example", await (await lead.GetAsync("/people")).Content.ReadAsStringAsync(), StringComparison.Ordinal);

        using var invitee = world.Client(null);
        var accepted = await World.PostFormAsync(invitee, $"/invitations/{token}", $"/invitations/{token}", [new("DisplayName", "Writer"), new("Password", World.Password)]);
        Assert.Equal(HttpStatusCode.Redirect, accepted.StatusCode);
        Assert.Equal(world.PartnerA, await world.ReadAsync(db => db.Users.Where(u => u.Email == "writer@acme.example").Select(u => u.PartnerId).SingleAsync()));
    }

    [Fact]
    public async Task An_alliance_lead_of_partner_B_cannot_invite_into_partner_A()
    {
        using var leadB = world.Client("leadB");

        // Naming partner A in the form changes nothing: the invitation is for the lead's own partner
        var response = await World.PostFormAsync(leadB, "/people", "/people", [new("Form.Email", "intruder@example.test"), new("Form.Role", "AllianceLead"), new("Form.PartnerId", world.PartnerA.ToString())]);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var stored = await AdminTestSteps.InvitationAsync(world, i => i.Email == "intruder@example.test");
        Assert.Equal(world.PartnerB, stored!.PartnerId);

        // And the administrators' page, which does take a partner, is not there for them
        var admin = await World.PostFormAsync(leadB, "/people", "/admin/invitations", [new("Form.Email", "intruder2@example.test"), new("Form.Role", "Contributor"), new("Form.PartnerId", world.PartnerA.ToString())]);
        Assert.Equal(HttpStatusCode.NotFound, admin.StatusCode);
        Assert.False(await world.ReadAsync(db => db.Invitations.AnyAsync(i => i.PartnerId == world.PartnerA && i.CreatedBy == world.Users["leadB"])));
    }

    [Theory]
    [InlineData("PartnerManager")]
    [InlineData("Administrator")]
    [InlineData("ProgramOffice")]
    [InlineData("Auditor")]
    public async Task An_alliance_lead_invites_only_alliance_leads_and_contributors(string role)
    {
        using var lead = world.Client("leadA");
        var response = await World.PostFormAsync(lead, "/people", "/people", [new("Form.Email", $"{role}@elsewhere.example"), new("Form.Role", role)]);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("error-summary", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Null(await AdminTestSteps.InvitationAsync(world, i => i.Email == $"{role}@elsewhere.example"));
    }

    [Fact]
    public async Task An_alliance_lead_revokes_their_partners_invitations_but_not_another_partners()
    {
        var (mine, _) = await AdminTestSteps.IssueAsync(world, "mine@acme.example", UserRole.Contributor, world.PartnerA);
        var (theirs, _) = await AdminTestSteps.IssueAsync(world, "theirs@beta.example", UserRole.Contributor, world.PartnerB);
        using var lead = world.Client("leadA");
        var html = await (await lead.GetAsync("/people")).Content.ReadAsStringAsync();
        Assert.DoesNotContain("theirs@beta.example", html, StringComparison.Ordinal);

        var other = await World.PostFormAsync(lead, "/people", "/people?handler=Revoke", [new("id", theirs.ToString())]);
        Assert.Equal(HttpStatusCode.NotFound, other.StatusCode);
        Assert.NotNull(await AdminTestSteps.InvitationAsync(world, i => i.Id == theirs));

        var own = await World.PostFormAsync(lead, "/people", "/people?handler=Revoke", [new("id", mine.ToString())]);
        Assert.Equal(HttpStatusCode.Redirect, own.StatusCode);
        Assert.Null(await AdminTestSteps.InvitationAsync(world, i => i.Id == mine));
    }

    [Theory]
    [InlineData("contributorA")]
    [InlineData("manager")]
    [InlineData("admin")]
    public async Task Anyone_but_an_alliance_lead_gets_not_found_and_invites_nobody(string user)
    {
        using var client = world.Client(user);
        var response = await World.PostFormAsync(client, "/", "/people", [new("Form.Email", $"via-{user}@example.test"), new("Form.Role", "Contributor")]);
        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Null(await AdminTestSteps.InvitationAsync(world, i => i.Email == $"via-{user}@example.test"));
    }
}
