using System.Net;
using Attest.Web.Data;
using Attest.Web.Features.Invitations;
using Attest.Web.Tests.Support;
using Microsoft.EntityFrameworkCore;

namespace Attest.Web.Tests;

public sealed class AdminInvitationsTests(World world) : IClassFixture<World>
{
    [Fact]
    public async Task An_administrator_invites_a_contributor_and_gets_a_one_time_link_whose_secret_is_not_stored()
    {
        using var admin = world.Client("admin");
        var response = await World.PostFormAsync(admin, "/admin/invitations", "/admin/invitations", [new("Form.Email", "new.contributor@example.test"), new("Form.Role", "Contributor"), new("Form.PartnerId", world.PartnerB.ToString())]);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("no-store", response.Headers.CacheControl?.ToString() ?? "", StringComparison.Ordinal);
        var html = await response.Content.ReadAsStringAsync();
        var token = AdminTestSteps.TokenIn(html);
        Assert.Equal(32, Convert.FromBase64String(token.Replace('-', '+').Replace('_', '/') + "=").Length);

        var stored = await AdminTestSteps.InvitationAsync(world, i => i.Email == "new.contributor@example.test");
        Assert.NotNull(stored);
        Assert.Equal(InvitationToken.HashOf(token), stored.TokenHash);
        Assert.Equal(64, stored.TokenHash.Length);
        Assert.DoesNotContain(token, stored.TokenHash, StringComparison.Ordinal);
        Assert.Equal((UserRole.Contributor, (Guid?)world.PartnerB, world.Users["admin"]), (stored.Role, stored.PartnerId, stored.CreatedBy));
        Assert.Equal(TimeSpan.FromDays(7), stored.ExpiresAt - stored.CreatedAt);
        Assert.Null(stored.AcceptedAt);

        // The pending list shows it, without the link
        var list = await (await admin.GetAsync("/admin/invitations")).Content.ReadAsStringAsync();
        Assert.Contains("new.contributor@example.test", list, StringComparison.Ordinal);
        Assert.DoesNotContain(token, list, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_administrator_invites_a_partner_manager_without_a_partner()
    {
        using var admin = world.Client("admin");
        var response = await World.PostFormAsync(admin, "/admin/invitations", "/admin/invitations", [new("Form.Email", "pdm.new@example.test"), new("Form.Role", "PartnerManager"), new("Form.PartnerId", world.PartnerA.ToString())]);
        AdminTestSteps.TokenIn(await response.Content.ReadAsStringAsync());
        var stored = await AdminTestSteps.InvitationAsync(world, i => i.Email == "pdm.new@example.test");
        Assert.Equal((UserRole.PartnerManager, (Guid?)null), (stored!.Role, stored.PartnerId));
    }

    [Theory]
    [InlineData("someone@example.test", "Contributor", "", "choose one")]
    [InlineData("not an address", "Contributor", "A", "enter an address")]
    [InlineData("someone@example.test", "", "A", "Role: required")]
    [InlineData("someone@example.test", "Superuser", "A", "Role: required")]
    [InlineData("leadB@example.test", "Contributor", "A", "already exists")]
    public async Task A_wrong_invitation_is_refused_with_a_message_and_nothing_stored(string email, string role, string partner, string message)
    {
        using var admin = world.Client("admin");
        var before = await world.ReadAsync(db => db.Invitations.CountAsync());
        var response = await World.PostFormAsync(admin, "/admin/invitations", "/admin/invitations", [new("Form.Email", email), new("Form.Role", role), new("Form.PartnerId", partner == "A" ? world.PartnerA.ToString() : "")]);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var html = await response.Content.ReadAsStringAsync();
        Assert.Contains("error-summary", html, StringComparison.Ordinal);
        Assert.Contains(message, html, StringComparison.Ordinal);
        Assert.DoesNotContain("issued-link", html, StringComparison.Ordinal);
        Assert.Equal(before, await world.ReadAsync(db => db.Invitations.CountAsync()));
    }

    [Fact]
    public async Task A_revoked_invitation_leaves_the_list_and_its_link_no_longer_works()
    {
        var (id, token) = await AdminTestSteps.IssueAsync(world, "revoked@example.test", UserRole.Auditor, null);
        using var admin = world.Client("admin");
        Assert.Contains("revoked@example.test", await (await admin.GetAsync("/admin/invitations")).Content.ReadAsStringAsync(), StringComparison.Ordinal);

        var response = await World.PostFormAsync(admin, "/admin/invitations", "/admin/invitations?handler=Revoke", [new("id", id.ToString())]);
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.DoesNotContain("revoked@example.test", await (await admin.GetAsync("/admin/invitations")).Content.ReadAsStringAsync(), StringComparison.Ordinal);
        using var anonymous = world.Client(null);
        Assert.Equal(HttpStatusCode.NotFound, (await anonymous.GetAsync($"/invitations/{token}")).StatusCode);

        var again = await World.PostFormAsync(admin, "/admin/invitations", "/admin/invitations?handler=Revoke", [new("id", id.ToString())]);
        Assert.Equal(HttpStatusCode.NotFound, again.StatusCode);
    }

    [Fact]
    public async Task Expired_and_accepted_invitations_are_not_listed_as_pending()
    {
        await AdminTestSteps.IssueAsync(world, "expired.listed@example.test", UserRole.Auditor, null, TimeSpan.FromMinutes(-1));
        using var admin = world.Client("admin");
        var html = await (await admin.GetAsync("/admin/invitations")).Content.ReadAsStringAsync();
        Assert.DoesNotContain("expired.listed@example.test", html, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("leadA")]
    [InlineData("manager")]
    [InlineData("office")]
    public async Task Anyone_but_an_administrator_gets_not_found_and_no_invitation(string user)
    {
        var (id, _) = await AdminTestSteps.IssueAsync(world, $"kept-{user}@example.test", UserRole.Auditor, null);
        using var client = world.Client(user);
        var create = await World.PostFormAsync(client, "/", "/admin/invitations", [new("Form.Email", $"sneaky-{user}@example.test"), new("Form.Role", "Administrator")]);
        var revoke = await World.PostFormAsync(client, "/", "/admin/invitations?handler=Revoke", [new("id", id.ToString())]);
        Assert.Equal(HttpStatusCode.NotFound, create.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, revoke.StatusCode);
        Assert.Null(await AdminTestSteps.InvitationAsync(world, i => i.Email == $"sneaky-{user}@example.test"));
        Assert.NotNull(await AdminTestSteps.InvitationAsync(world, i => i.Id == id));
    }

    [Fact]
    public async Task The_link_shown_once_has_a_copy_button_that_the_script_reveals()
    {
        using var admin = world.Client("admin");
        var response = await World.PostFormAsync(admin, "/admin/invitations", "/admin/invitations", [new("Form.Email", "copy.me@example.test"), new("Form.Role", "ProgramOffice")]);
        var html = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("<button type=\"button\" class=\"secondary\" data-copy=\"issued-link\" data-copy-status=\"issued-link-copied\" data-copied=\"Link copied.\" hidden>Copy the link</button>", html, StringComparison.Ordinal);
        Assert.Contains("<p id=\"issued-link-copied\" class=\"hint\" role=\"status\"></p>", html, StringComparison.Ordinal);
        Assert.Contains("<script src=\"/js/forms.js", html, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("en", "E-mail address: an invitation to this address is already waiting to be accepted; revoke it in the list below before sending a new one.")]
    [InlineData("fr", "Adresse e-mail : une invitation à cette adresse attend déjà d'être acceptée ; révoquez-la dans la liste ci-dessous avant d'en envoyer une nouvelle.")]
    public async Task A_second_invitation_to_a_pending_address_is_refused_until_the_first_is_revoked(string language, string message)
    {
        var email = $"twice-{language}@example.test";
        using var admin = world.Client("admin");
        admin.DefaultRequestHeaders.AcceptLanguage.ParseAdd(language);
        Assert.Equal(HttpStatusCode.OK, (await World.PostFormAsync(admin, "/admin/invitations", "/admin/invitations", [new("Form.Email", email), new("Form.Role", "Auditor")])).StatusCode);
        var first = await AdminTestSteps.InvitationAsync(world, i => i.Email == email);

        // The same address, even in other letters' case: refused beside the field, the first invitation left as it was
        var again = await World.PostFormAsync(admin, "/admin/invitations", "/admin/invitations", [new("Form.Email", email.ToUpperInvariant()), new("Form.Role", "Auditor")]);
        var html = System.Net.WebUtility.HtmlDecode(await again.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.OK, again.StatusCode);
        Assert.Contains($"<p class=\"field-error\" id=\"form-email-error\">{Attest.Core.Text.FrenchTypography.Apply(message)}</p>", html, StringComparison.Ordinal);
        Assert.DoesNotContain("issued-link", html, StringComparison.Ordinal);
        var addresses = await world.ReadAsync(db => db.Invitations.Select(i => i.Email).ToListAsync());
        Assert.Single(addresses, a => string.Equals(a, email, StringComparison.OrdinalIgnoreCase));

        // Once revoked, a new one may be sent
        await World.PostFormAsync(admin, "/admin/invitations", "/admin/invitations?handler=Revoke", [new("id", first!.Id.ToString())]);
        var fresh = await World.PostFormAsync(admin, "/admin/invitations", "/admin/invitations", [new("Form.Email", email), new("Form.Role", "Auditor")]);
        Assert.Contains("issued-link", await fresh.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_administrators_home_page_points_at_administration()
    {
        using var admin = world.Client("admin");
        var home = await admin.GetStringAsync("/");

        Assert.Contains("<section class=\"admin-start\" aria-labelledby=\"admin-start\">", home, StringComparison.Ordinal);
        Assert.Contains("<a href=\"/admin\">Go to the administration</a>", home, StringComparison.Ordinal);
        Assert.Contains("<a href=\"/admin/invitations\">Invitations</a>", home, StringComparison.Ordinal);
        using var lead = world.Client("leadA");
        Assert.DoesNotContain("admin-start", await lead.GetStringAsync("/"), StringComparison.Ordinal);
    }
}
