using System.Text.RegularExpressions;
using Attest.Web.Data;
using Attest.Web.Features.Invitations;
using Attest.Web.Tests.Support;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;

namespace Attest.Web.Tests;

/// <summary>Steps the administration and invitation tests share: users and invitations made directly, links read from pages.</summary>
internal static partial class AdminTestSteps
{
    /// <summary>A new user with the world's password; returns its id.</summary>
    public static async Task<string> CreateUserAsync(World world, string email, UserRole role, Guid? partner)
    {
        using var scope = world.Factory.Services.CreateScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<AttestUser>>();
        var user = new AttestUser { UserName = email, Email = email, EmailConfirmed = true, DisplayName = email.Split('@')[0], Role = role, PartnerId = partner };
        var created = await users.CreateAsync(user, World.Password);
        Assert.True(created.Succeeded, string.Join("; ", created.Errors.Select(e => e.Description)));
        return user.Id;
    }

    /// <summary>An invitation stored the way the pages store it; returns the secret of its link.</summary>
    public static async Task<(Guid Id, string Token)> IssueAsync(World world, string email, UserRole role, Guid? partner, TimeSpan? expiresIn = null)
    {
        using var scope = world.Factory.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<AttestDbContext>();
        var invitation = new Invitation { Id = Guid.NewGuid(), Email = email, Role = role, PartnerId = partner };
        var now = world.Factory.Services.GetRequiredService<TimeProvider>().GetUtcNow();
        var token = InvitationToken.Issue(invitation, world.Users["admin"], expiresIn is { } e ? now + e - InvitationToken.Lifetime : now);
        db.Invitations.Add(invitation);
        await db.SaveChangesAsync();
        return (invitation.Id, token);
    }

    /// <summary>The secret of the invitation link shown on a page.</summary>
    public static string TokenIn(string html)
    {
        var match = Link().Match(html);
        Assert.True(match.Success, "no invitation link on the page");
        return match.Groups[1].Value;
    }

    /// <summary>Signs in through the real sign-in form; true when it worked.</summary>
    public static async Task<bool> SignInAsync(World world, string email, string password)
    {
        using var client = world.Client(null);
        var response = await World.PostFormAsync(client, "/account/sign-in", "/account/sign-in", [new("Email", email), new("Password", password)]);
        return response.StatusCode == System.Net.HttpStatusCode.Redirect;
    }

    public static async Task<Invitation?> InvitationAsync(World world, Func<Invitation, bool> which) =>
        await world.ReadAsync(db => Task.FromResult(db.Invitations.AsEnumerable().FirstOrDefault(which)));

    [GeneratedRegex("/invitations/([A-Za-z0-9_-]{43})\"")]
    private static partial Regex Link();
}
