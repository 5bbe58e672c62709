using System.Net;
using System.Text.RegularExpressions;
using Attest.Web.Data;
using Attest.Web.Tests.Support;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;

namespace Attest.Web.Tests;

/// <summary>
/// Sessions end when access ends (lock, role, password), and sign-in tells nobody who has an account: the same hashing
/// work and the same words for unknown, locked and wrong, and a throttle per address and client that never locks anyone out.
/// </summary>
public sealed partial class SessionsAndSignInTests : IAsyncLifetime
{
    private readonly World world = new(kestrel: false, new Dictionary<string, string> { ["Attest:SignInFailuresPerClient"] = "20" });
    private readonly CountingHasher hasher = new();

    public SessionsAndSignInTests()
    {
        world.Factory.MoreServices = services => services.AddScoped<IPasswordHasher<AttestUser>>(_ => hasher);
    }

    public Task InitializeAsync() => world.InitializeAsync();

    public Task DisposeAsync() => world.DisposeAsync();

    /// <summary>A browser (its own cookies) from <paramref name="address"/>, signed in through the real form; asserts that it worked.</summary>
    private async Task<HttpClient> SignedInAsync(string email, string address, string password = World.Password)
    {
        var client = From(address);
        var response = await SignInAsync(client, email, password);
        Assert.True(response.StatusCode == HttpStatusCode.Redirect, await response.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/")).StatusCode);
        return client;
    }

    private HttpClient From(string address)
    {
        var client = world.Client(null);
        client.DefaultRequestHeaders.Add(AttestFactory.ClientHeader, address);
        return client;
    }

    private static Task<HttpResponseMessage> SignInAsync(HttpClient client, string email, string password) =>
        World.PostFormAsync(client, "/account/sign-in", "/account/sign-in", [new("Email", email), new("Password", password)]);

    private static async Task AssertSignedOutAsync(HttpClient client)
    {
        var response = await client.GetAsync("/");
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Contains("/account/sign-in", response.Headers.Location!.OriginalString, StringComparison.Ordinal);
        var api = await client.GetAsync("/api/v1/applications");
        Assert.Equal(HttpStatusCode.Unauthorized, api.StatusCode);
    }

    [Fact]
    public async Task Locking_a_user_ends_their_open_session_on_the_next_request()
    {
        await world.AddUserAsync("locked-soon", UserRole.Contributor, world.PartnerA);
        using var session = await SignedInAsync("locked-soon@example.test", "10.1.0.1");
        using var admin = world.Client("admin");

        var locked = await World.PostFormAsync(admin, $"/admin/users/{world.Users["locked-soon"]}", $"/admin/users/{world.Users["locked-soon"]}?handler=Lock", []);
        Assert.Equal(HttpStatusCode.Redirect, locked.StatusCode);

        await AssertSignedOutAsync(session);
    }

    [Fact]
    public async Task Changing_a_users_role_ends_their_open_session_and_they_sign_in_again_into_the_new_role()
    {
        await world.AddUserAsync("moved", UserRole.AllianceLead, world.PartnerA);
        using var session = await SignedInAsync("moved@example.test", "10.1.0.2");
        using var admin = world.Client("admin");

        var changed = await World.PostFormAsync(admin, $"/admin/users/{world.Users["moved"]}", $"/admin/users/{world.Users["moved"]}?handler=Role", [new("Role", "Contributor"), new("PartnerId", world.PartnerA.ToString())]);
        Assert.Equal(HttpStatusCode.Redirect, changed.StatusCode);

        await AssertSignedOutAsync(session);
        using var again = await SignedInAsync("moved@example.test", "10.1.0.2");
    }

    [Fact]
    public async Task Changing_ones_password_ends_the_other_sessions_and_keeps_the_one_that_changed_it()
    {
        await world.AddUserAsync("rotating", UserRole.Contributor, world.PartnerA);
        using var here = await SignedInAsync("rotating@example.test", "10.1.0.3");
        using var elsewhere = await SignedInAsync("rotating@example.test", "10.1.0.4");

        var changed = await World.PostFormAsync(here, "/account", "/account?handler=Password", [new("CurrentPassword", World.Password), new("NewPassword", "A-new-password-2026")]);
        Assert.Equal(HttpStatusCode.Redirect, changed.StatusCode);

        await AssertSignedOutAsync(elsewhere);
        Assert.Equal(HttpStatusCode.OK, (await here.GetAsync("/")).StatusCode);
    }

    [Fact]
    public async Task Unknown_locked_and_wrong_get_the_same_answer_and_the_same_password_hashing()
    {
        await world.AddUserAsync("held", UserRole.Contributor, world.PartnerA);
        using (var scope = world.Factory.Services.CreateScope())
        {
            var users = scope.ServiceProvider.GetRequiredService<UserManager<AttestUser>>();
            var held = (await users.FindByIdAsync(world.Users["held"]))!;
            await users.SetLockoutEnabledAsync(held, true);
            await users.SetLockoutEndDateAsync(held, DateTimeOffset.UtcNow.AddYears(100));
        }

        using var client = From("10.1.0.5");
        var answers = new List<string>();
        var verifications = new List<int>();
        foreach (var (email, password) in new[]
        {
            ("nobody-here@example.test", "Some-password-123"),
            ("leadA@example.test", "Some-password-123"),
            ("held@example.test", World.Password),
            ("held@example.test", "Some-password-123"),
        })
        {
            var before = hasher.Verifications;
            var response = await SignInAsync(client, email, password);
            verifications.Add(hasher.Verifications - before);
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            answers.Add(Normalized(await response.Content.ReadAsStringAsync(), email));
        }

        Assert.Equal([1, 1, 1, 1], verifications);
        Assert.Single(answers.Distinct(StringComparer.Ordinal));
        Assert.Contains("The e-mail address or password is not right.", answers[0], StringComparison.Ordinal);
        Assert.DoesNotContain("locked", answers[0], StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task The_throttle_engages_per_address_for_real_and_unknown_alike_and_the_administrator_signs_in_from_elsewhere()
    {
        using var attacker = From("10.1.0.6");
        var real = new List<string>();
        var unknown = new List<string>();
        for (var i = 0; i < 5; i++)
        {
            real.Add(Normalized(await (await SignInAsync(attacker, "admin@example.test", $"Guess-number-{i}0")).Content.ReadAsStringAsync(), "admin@example.test"));
            unknown.Add(Normalized(await (await SignInAsync(attacker, "ghost@example.test", $"Guess-number-{i}0")).Content.ReadAsStringAsync(), "ghost@example.test"));
        }

        // The sixth attempt is throttled for both, with the same words, and even the right password does not get through
        var before = hasher.Verifications;
        var throttledReal = await SignInAsync(attacker, "admin@example.test", World.Password);
        var throttledUnknown = await SignInAsync(attacker, "ghost@example.test", World.Password);
        Assert.Equal(HttpStatusCode.OK, throttledReal.StatusCode);
        var text = Normalized(await throttledReal.Content.ReadAsStringAsync(), "admin@example.test");
        Assert.Contains("Too many failed attempts from here: wait 15 minutes", text, StringComparison.Ordinal);
        Assert.Equal(text, Normalized(await throttledUnknown.Content.ReadAsStringAsync(), "ghost@example.test"));
        Assert.Equal(before, hasher.Verifications);
        Assert.Equal(real, unknown);

        // Another address from the same client still gets through, and so does the administrator from another client
        using var lead = await SignedInAsync("leadA@example.test", "10.1.0.6");
        using var administrator = await SignedInAsync("admin@example.test", "10.1.0.7");
        Assert.Equal(HttpStatusCode.OK, (await administrator.GetAsync("/admin")).StatusCode);
    }

    [Fact]
    public async Task The_throttle_engages_per_client_over_every_address()
    {
        using var sprayer = From("10.1.0.8");
        for (var i = 0; i < 20; i++)
        {
            var response = await SignInAsync(sprayer, $"someone{i}@example.test", "Spray-password-2026");
            Assert.Contains("The e-mail address or password is not right.", WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync()), StringComparison.Ordinal);
        }

        var blocked = await SignInAsync(sprayer, "leadA@example.test", World.Password);
        Assert.Equal(HttpStatusCode.OK, blocked.StatusCode);
        Assert.Contains("Too many failed attempts from here", WebUtility.HtmlDecode(await blocked.Content.ReadAsStringAsync()), StringComparison.Ordinal);
        using var elsewhere = await SignedInAsync("leadA@example.test", "10.1.0.9");
    }

    // The page without what differs by design: the address typed and the antiforgery token
    private static string Normalized(string html, string email) =>
        Token().Replace(WebUtility.HtmlDecode(html), "token").Replace(email, "EMAIL", StringComparison.Ordinal);

    [GeneratedRegex("name=\"__RequestVerificationToken\" type=\"hidden\" value=\"[^\"]+\"")]
    private static partial Regex Token();

    /// <summary>The real password hasher, counting its verifications (registered in place of the application's own).</summary>
    private sealed class CountingHasher : IPasswordHasher<AttestUser>
    {
        private readonly PasswordHasher<AttestUser> real = new();
        private int verifications;

        public int Verifications => Volatile.Read(ref verifications);

        public string HashPassword(AttestUser user, string password) => real.HashPassword(user, password);

        public PasswordVerificationResult VerifyHashedPassword(AttestUser user, string hashedPassword, string providedPassword)
        {
            Interlocked.Increment(ref verifications);
            return real.VerifyHashedPassword(user, hashedPassword, providedPassword);
        }
    }
}
