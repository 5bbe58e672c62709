using System.Net;
using Attest.Web.Data;
using Attest.Web.Tests.Support;
using Microsoft.EntityFrameworkCore;

namespace Attest.Web.Tests;

public sealed class InvitationAcceptTests(World world) : IClassFixture<World>
{
    [Fact]
    public async Task Accepting_creates_the_user_with_the_invited_role_and_partner_and_signs_them_in()
    {
        var (id, token) = await AdminTestSteps.IssueAsync(world, "joiner@example.test", UserRole.Contributor, world.PartnerA);
        using var invitee = world.Client(null);

        var page = await invitee.GetAsync($"/invitations/{token}");
        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        var html = await page.Content.ReadAsStringAsync();
        Assert.Contains("partner contributor of Acme Retail Cloud", html, StringComparison.Ordinal);
        Assert.Contains("joiner@example.test", html, StringComparison.Ordinal);
        Assert.Contains("<label for=\"password\">", html, StringComparison.Ordinal);

        var accepted = await World.PostFormAsync(invitee, $"/invitations/{token}", $"/invitations/{token}", [new("DisplayName", "Jo Iner"), new("Password", World.Password)]);
        Assert.Equal(HttpStatusCode.Redirect, accepted.StatusCode);
        Assert.Equal("/", accepted.Headers.Location?.OriginalString);

        var user = await world.ReadAsync(db => db.Users.SingleAsync(u => u.Email == "joiner@example.test"));
        Assert.Equal(("Jo Iner", UserRole.Contributor, (Guid?)world.PartnerA, true), (user.DisplayName, user.Role, user.PartnerId, user.EmailConfirmed));
        Assert.NotNull((await AdminTestSteps.InvitationAsync(world, i => i.Id == id))!.AcceptedAt);

        // Signed in by the cookie just set: the partner's application is listed
        var home = await invitee.GetAsync("/");
        Assert.Equal(HttpStatusCode.OK, home.StatusCode);
        Assert.Contains($"/applications/{world.ApplicationA}", await home.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.True(await AdminTestSteps.SignInAsync(world, "joiner@example.test", World.Password));
    }

    [Fact]
    public async Task A_used_link_fails_with_a_clear_page_and_creates_nobody_else()
    {
        var (_, token) = await AdminTestSteps.IssueAsync(world, "once@example.test", UserRole.Auditor, null);
        using var first = world.Client(null);
        var accepted = await World.PostFormAsync(first, $"/invitations/{token}", $"/invitations/{token}", [new("DisplayName", "Once"), new("Password", World.Password)]);
        Assert.Equal(HttpStatusCode.Redirect, accepted.StatusCode);

        using var second = world.Client(null);
        var page = await second.GetAsync($"/invitations/{token}");
        Assert.Equal(HttpStatusCode.NotFound, page.StatusCode);
        Assert.Contains("already been used", await page.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        var reposted = await World.PostFormAsync(second, "/account/sign-in", $"/invitations/{token}", [new("DisplayName", "Twice"), new("Password", World.Password)]);
        Assert.Equal(HttpStatusCode.NotFound, reposted.StatusCode);
        Assert.Equal(1, await world.ReadAsync(db => db.Users.CountAsync(u => u.Email == "once@example.test")));
    }

    [Fact]
    public async Task An_expired_link_fails_with_a_clear_page_even_when_posted()
    {
        var (_, token) = await AdminTestSteps.IssueAsync(world, "late@example.test", UserRole.Contributor, world.PartnerA, TimeSpan.FromSeconds(-1));
        using var invitee = world.Client(null);
        var page = await invitee.GetAsync($"/invitations/{token}");
        Assert.Equal(HttpStatusCode.NotFound, page.StatusCode);
        var html = await page.Content.ReadAsStringAsync();
        Assert.Contains("This invitation expired on", html, StringComparison.Ordinal);
        Assert.DoesNotContain("Acme Retail Cloud", html, StringComparison.Ordinal);

        // A form copied from a page shown before it expired is refused too
        var (_, fresh) = await AdminTestSteps.IssueAsync(world, "fresh@example.test", UserRole.Auditor, null);
        var posted = await World.PostFormAsync(invitee, $"/invitations/{fresh}", $"/invitations/{token}", [new("DisplayName", "Late"), new("Password", World.Password)]);
        Assert.Equal(HttpStatusCode.NotFound, posted.StatusCode);
        Assert.False(await world.ReadAsync(db => db.Users.AnyAsync(u => u.Email == "late@example.test")));
    }

    [Fact]
    public async Task An_unknown_link_fails_with_a_clear_page_for_everyone()
    {
        foreach (var user in new[] { null, "admin", "leadA" })
        {
            using var client = world.Client(user);
            var page = await client.GetAsync("/invitations/" + new string('x', 43));
            Assert.Equal(HttpStatusCode.NotFound, page.StatusCode);
            Assert.Contains("The link is not valid", await page.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task A_weak_password_is_refused_and_the_invitation_stays_usable()
    {
        var (id, token) = await AdminTestSteps.IssueAsync(world, "weak@example.test", UserRole.Contributor, world.PartnerA);
        using var invitee = world.Client(null);
        var refused = await World.PostFormAsync(invitee, $"/invitations/{token}", $"/invitations/{token}", [new("DisplayName", "Weak"), new("Password", "short")]);
        Assert.Equal(HttpStatusCode.OK, refused.StatusCode);
        Assert.Contains("error-summary", await refused.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Null((await AdminTestSteps.InvitationAsync(world, i => i.Id == id))!.AcceptedAt);
        Assert.False(await world.ReadAsync(db => db.Users.AnyAsync(u => u.Email == "weak@example.test")));

        var blank = await World.PostFormAsync(invitee, $"/invitations/{token}", $"/invitations/{token}", [new("DisplayName", " "), new("Password", World.Password)]);
        Assert.Equal(HttpStatusCode.OK, blank.StatusCode);

        var accepted = await World.PostFormAsync(invitee, $"/invitations/{token}", $"/invitations/{token}", [new("DisplayName", "Strong"), new("Password", World.Password)]);
        Assert.Equal(HttpStatusCode.Redirect, accepted.StatusCode);
    }

    [Fact]
    public async Task An_address_that_already_has_an_account_is_told_to_sign_in_and_the_invitation_stays_pending()
    {
        var (id, token) = await AdminTestSteps.IssueAsync(world, "contributorA@example.test", UserRole.AllianceLead, world.PartnerA);
        using var invitee = world.Client(null);
        var refused = await World.PostFormAsync(invitee, $"/invitations/{token}", $"/invitations/{token}", [new("DisplayName", "Again"), new("Password", World.Password)]);
        Assert.Equal(HttpStatusCode.OK, refused.StatusCode);
        Assert.Contains("sign in instead", await refused.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Null((await AdminTestSteps.InvitationAsync(world, i => i.Id == id))!.AcceptedAt);
        Assert.Equal(UserRole.Contributor, await world.ReadAsync(db => db.Users.Where(u => u.Email == "contributorA@example.test").Select(u => u.Role).SingleAsync()));
    }

    [Fact]
    public async Task Accepting_one_invitation_removes_the_other_pending_ones_for_the_same_address()
    {
        var (_, first) = await AdminTestSteps.IssueAsync(world, "twice@example.test", UserRole.Contributor, world.PartnerA);
        var (other, _) = await AdminTestSteps.IssueAsync(world, "Twice@Example.test", UserRole.Auditor, null);
        using var invitee = world.Client(null);
        await World.PostFormAsync(invitee, $"/invitations/{first}", $"/invitations/{first}", [new("DisplayName", "Twice"), new("Password", World.Password)]);
        Assert.Null(await AdminTestSteps.InvitationAsync(world, i => i.Id == other));
    }

    [Fact]
    public async Task The_invitation_page_speaks_french_when_asked()
    {
        var (_, token) = await AdminTestSteps.IssueAsync(world, "francais@example.test", UserRole.AllianceLead, world.PartnerA);
        using var invitee = world.Client(null);
        invitee.DefaultRequestHeaders.AcceptLanguage.ParseAdd("fr");
        var html = WebUtility.HtmlDecode(await (await invitee.GetAsync($"/invitations/{token}")).Content.ReadAsStringAsync());
        Assert.Contains("Rejoindre Attest", html, StringComparison.Ordinal);
        Assert.Contains("responsable d'alliance du partenaire de Acme Retail Cloud", html, StringComparison.Ordinal);
    }
}
