using System.Net;
using System.Text.RegularExpressions;
using Attest.Web.Data;
using Attest.Web.Tests.Support;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Attest.Web.Tests;

/// <summary>The user's own account page and the administrator's change of address, with e-mail configured: a new address proves itself by a link.</summary>
public sealed partial class AccountSettingsWithMailTests(MailWorld mail) : IClassFixture<MailWorld>
{
    private World World => mail.World;

    [Fact]
    public async Task A_new_address_takes_effect_only_when_the_link_sent_to_it_is_opened()
    {
        var id = await World.AddUserAsync("mover", UserRole.Contributor, World.PartnerA);
        using var client = World.Client("mover");
        var asked = await World.PostFormAsync(client, "/account", "/account?handler=Email", [new("NewEmail", "mover.new@example.test"), new("EmailPassword", World.Password)]);
        Assert.Equal(HttpStatusCode.Redirect, asked.StatusCode);
        Assert.Contains("A confirmation link is on its way to mover.new@example.test", WebUtility.HtmlDecode(await client.GetStringAsync("/account")), StringComparison.Ordinal);

        var link = await mail.Smtp.NextAsync();
        Assert.Equal(["mover.new@example.test"], link.To);
        Assert.Equal("Confirm your new Attest e-mail address", link.Message.Subject);
        var notice = await mail.Smtp.NextAsync();
        Assert.Equal(["mover@example.test"], notice.To);
        Assert.Contains("mover.new@example.test", notice.Text, StringComparison.Ordinal);
        Assert.Equal("mover@example.test", await EmailOfAsync(id));

        // Opening the link shows what will change and changes nothing; the button does it
        var path = WebUtility.HtmlDecode(ConfirmLink().Match(link.Text).Groups[1].Value);
        using var anonymous = World.Client(null);
        var shown = await anonymous.GetAsync(path);
        Assert.Equal(HttpStatusCode.OK, shown.StatusCode);
        Assert.Contains("will sign in with mover.new@example.test", await shown.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal("mover@example.test", await EmailOfAsync(id));

        var confirmed = await World.PostFormAsync(anonymous, path, path, []);
        Assert.Equal(HttpStatusCode.Redirect, confirmed.StatusCode);
        var user = await World.ReadAsync(db => db.Users.AsNoTracking().SingleAsync(u => u.Id == id));
        Assert.Equal(("mover.new@example.test", "mover.new@example.test", true), (user.Email, user.UserName, user.EmailConfirmed));

        // A link works once
        var again = await World.PostFormAsync(anonymous, "/account/sign-in", path, []);
        Assert.Equal(HttpStatusCode.NotFound, again.StatusCode);
        Assert.Contains("not valid any more", await again.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_change_of_address_needs_the_current_password_and_a_free_address()
    {
        await World.AddUserAsync("careful", UserRole.Contributor, World.PartnerA);
        using var client = World.Client("careful");
        var wrong = await World.PostFormAsync(client, "/account", "/account?handler=Email", [new("NewEmail", "careful.new@example.test"), new("EmailPassword", "Not-the-password-1")]);
        Assert.Equal(HttpStatusCode.OK, wrong.StatusCode);
        Assert.Contains("Current password: it is not the right one.", await wrong.Content.ReadAsStringAsync(), StringComparison.Ordinal);

        var taken = await World.PostFormAsync(client, "/account", "/account?handler=Email", [new("NewEmail", "leadA@example.test"), new("EmailPassword", World.Password)]);
        Assert.Contains("another account already uses it", await taken.Content.ReadAsStringAsync(), StringComparison.Ordinal);

        var malformed = await World.PostFormAsync(client, "/account", "/account?handler=Email", [new("NewEmail", "not an address"), new("EmailPassword", World.Password)]);
        Assert.Contains("enter an address such as name@example.com", await malformed.Content.ReadAsStringAsync(), StringComparison.Ordinal);

        // None of the three sent anything: the next message to arrive is the one a valid request sends afterwards
        var valid = await World.PostFormAsync(client, "/account", "/account?handler=Email", [new("NewEmail", "careful.new@example.test"), new("EmailPassword", World.Password)]);
        Assert.Equal(HttpStatusCode.Redirect, valid.StatusCode);
        Assert.Equal(["careful.new@example.test"], (await mail.Smtp.NextAsync()).To);
        Assert.Equal(["careful@example.test"], (await mail.Smtp.NextAsync()).To);
    }

    [Fact]
    public async Task An_administrator_changes_an_address_through_the_same_confirmation()
    {
        var id = await World.AddUserAsync("renamed", UserRole.Auditor, null);
        using var admin = World.Client("admin");
        var asked = await World.PostFormAsync(admin, $"/admin/users/{id}", $"/admin/users/{id}?handler=Email", [new("NewEmail", "renamed.new@example.test")]);
        Assert.Equal(HttpStatusCode.Redirect, asked.StatusCode);
        var link = await mail.Smtp.NextAsync();
        Assert.Equal(["renamed.new@example.test"], link.To);
        Assert.Equal(["renamed@example.test"], (await mail.Smtp.NextAsync()).To);
        Assert.Equal("renamed@example.test", await EmailOfAsync(id));
    }

    [Fact]
    public async Task A_forged_confirmation_link_does_not_work()
    {
        using var client = World.Client(null);
        var response = await client.GetAsync($"/account/confirm-email?user={World.Users["leadA"]}&email=thief%40example.test&token=forged");
        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.DoesNotContain("leadA@example.test", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    private Task<string?> EmailOfAsync(string id) => World.ReadAsync(db => db.Users.AsNoTracking().Where(u => u.Id == id).Select(u => u.Email).SingleAsync());

    [GeneratedRegex(@"https://attest\.example\.test(/account/confirm-email\?[^\s]+)")]
    private static partial Regex ConfirmLink();
}

/// <summary>The same without e-mail: users change their password; an administrator changes addresses at once.</summary>
public sealed class AccountSettingsTests(World world) : IClassFixture<World>
{
    [Fact]
    public async Task The_account_page_shows_who_is_signed_in_and_says_who_changes_the_address()
    {
        using var client = world.Client("contributorA");
        var html = WebUtility.HtmlDecode(await client.GetStringAsync("/account"));
        Assert.Contains("contributorA@example.test", html, StringComparison.Ordinal);
        Assert.Contains("an administrator changes addresses", html, StringComparison.Ordinal);
        Assert.DoesNotContain("NewEmail", html, StringComparison.Ordinal);
        var refused = await World.PostFormAsync(client, "/account", "/account?handler=Email", [new("NewEmail", "elsewhere@example.test"), new("EmailPassword", World.Password)]);
        Assert.Equal(HttpStatusCode.NotFound, refused.StatusCode);
    }

    [Fact]
    public async Task A_user_changes_their_password_with_the_current_one()
    {
        var id = await world.AddUserAsync("changer", UserRole.Contributor, world.PartnerA);
        using var client = world.Client("changer");
        var wrong = await World.PostFormAsync(client, "/account", "/account?handler=Password", [new("CurrentPassword", "Not-the-password-1"), new("NewPassword", "A-new-password-2026")]);
        Assert.Contains("Current password: it is not the right one.", await wrong.Content.ReadAsStringAsync(), StringComparison.Ordinal);

        var weak = await World.PostFormAsync(client, "/account", "/account?handler=Password", [new("CurrentPassword", World.Password), new("NewPassword", "short")]);
        Assert.Contains("at least 12 characters", await weak.Content.ReadAsStringAsync(), StringComparison.Ordinal);

        var changed = await World.PostFormAsync(client, "/account", "/account?handler=Password", [new("CurrentPassword", World.Password), new("NewPassword", "A-new-password-2026")]);
        Assert.Equal(HttpStatusCode.Redirect, changed.StatusCode);
        using var scope = world.Factory.Services.CreateScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<AttestUser>>();
        var user = await users.FindByIdAsync(id);
        Assert.True(await users.CheckPasswordAsync(user!, "A-new-password-2026"));
        Assert.False(await users.CheckPasswordAsync(user!, World.Password));
    }

    [Fact]
    public async Task Without_email_an_administrator_changes_an_address_at_once_but_not_their_own()
    {
        var id = await world.AddUserAsync("moved", UserRole.Contributor, world.PartnerA);
        using var admin = world.Client("admin");
        var changed = await World.PostFormAsync(admin, $"/admin/users/{id}", $"/admin/users/{id}?handler=Email", [new("NewEmail", "moved.new@example.test")]);
        Assert.Equal(HttpStatusCode.Redirect, changed.StatusCode);
        var user = await world.ReadAsync(db => db.Users.AsNoTracking().SingleAsync(u => u.Id == id));
        Assert.Equal(("moved.new@example.test", "moved.new@example.test", true), (user.Email, user.UserName, user.EmailConfirmed));

        var own = await World.PostFormAsync(admin, $"/admin/users/{world.Users["admin"]}", $"/admin/users/{world.Users["admin"]}?handler=Email", [new("NewEmail", "boss@example.test")]);
        Assert.Equal(HttpStatusCode.OK, own.StatusCode);
        Assert.Equal("admin@example.test", await world.ReadAsync(db => db.Users.AsNoTracking().Where(u => u.Id == world.Users["admin"]).Select(u => u.Email).SingleAsync()));

        // Only administrators reach the page at all
        using var lead = world.Client("leadA");
        var refused = await lead.GetAsync($"/admin/users/{id}");
        Assert.Contains(refused.StatusCode, new[] { HttpStatusCode.Forbidden, HttpStatusCode.NotFound, HttpStatusCode.Redirect });
    }
}
