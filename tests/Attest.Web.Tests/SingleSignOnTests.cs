using System.Net;
using Attest.Web.Data;
using Attest.Web.Tests.Support;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Person = Attest.Web.Tests.Support.OpenIdProvider.Person;

namespace Attest.Web.Tests;

/// <summary>
/// The application on Kestrel with single sign-on towards a test OpenID provider on another loopback port. The
/// application's handler reaches the provider's discovery, keys and token endpoint over real HTTP; the test's client
/// follows the redirects between the two like a browser.
/// </summary>
public sealed class OidcWorld : IAsyncLifetime
{
    public OpenIdProvider Provider { get; } = new();

    public World World { get; private set; } = null!;

    public string BaseUrl { get; private set; } = "";

    public async Task InitializeAsync()
    {
        await Provider.StartAsync();

        // The real clock: the OpenID handler's cookies and the id_token's lifetime are checked against it
        World = new World(kestrel: true, new Dictionary<string, string>
        {
            ["Attest:Oidc:Authority"] = Provider.Authority,
            ["Attest:Oidc:ClientId"] = OpenIdProvider.ClientId,
            ["Attest:Oidc:ClientSecret"] = OpenIdProvider.ClientSecret,
            ["Attest:Oidc:DisplayName"] = "Example SSO",
        }, DateTimeOffset.UtcNow);
        await World.InitializeAsync();
        var addresses = World.Factory.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses;
        BaseUrl = addresses.First().Replace("[::]", "127.0.0.1", StringComparison.Ordinal).Replace("0.0.0.0", "127.0.0.1", StringComparison.Ordinal).TrimEnd('/');
    }

    public async Task DisposeAsync()
    {
        await World.DisposeAsync();
        await Provider.DisposeAsync();
    }

    /// <summary>A client with its own cookies that follows redirects, as a browser would.</summary>
    public HttpClient Browser() => new(new SocketsHttpHandler { UseCookies = true, CookieContainer = new CookieContainer(), AllowAutoRedirect = true, MaxAutomaticRedirections = 10 })
    {
        BaseAddress = new Uri(BaseUrl),
    };

    /// <summary>Presses "Sign in with Example SSO" on the sign-in page while <paramref name="person"/> is signed in at the provider.</summary>
    public async Task<HttpResponseMessage> SignInAsync(HttpClient browser, Person? person)
    {
        Provider.Next = person;
        return await World.PostFormAsync(browser, "/account/sign-in", "/account/external", []);
    }

    public async Task<List<UserLoginInfo>> LoginsAsync(string userId)
    {
        using var scope = World.Factory.Services.CreateScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<AttestUser>>();
        return [.. await users.GetLoginsAsync((await users.FindByIdAsync(userId))!)];
    }
}

public sealed class SingleSignOnTests(OidcWorld oidc) : IClassFixture<OidcWorld>
{
    private World World => oidc.World;

    [Fact]
    public async Task The_sign_in_page_offers_the_provider_and_lets_the_form_go_to_it()
    {
        using var browser = oidc.Browser();
        var page = await browser.GetAsync("/account/sign-in");
        var html = await page.Content.ReadAsStringAsync();
        Assert.Contains("action=\"/account/external\"", html, StringComparison.Ordinal);
        Assert.Contains(">Sign in with Example SSO</button>", html, StringComparison.Ordinal);
        Assert.DoesNotContain("/account/forgot-password", html, StringComparison.Ordinal);
        var policy = page.Headers.GetValues("Content-Security-Policy").Single();
        Assert.Contains($"form-action 'self' {oidc.Provider.Authority};", policy, StringComparison.Ordinal);
        Assert.DoesNotContain("unsafe-inline", policy, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_known_user_signs_in_and_the_login_is_linked_on_first_use()
    {
        var id = await AdminTestSteps.CreateUserAsync(World, "sso-known@example.test", UserRole.Contributor, World.PartnerA);
        using var browser = oidc.Browser();

        // The address matches whatever its case at the provider
        var response = await oidc.SignInAsync(browser, new Person("subject-known", "SSO-Known@Example.test", true));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("/", response.RequestMessage!.RequestUri!.AbsolutePath);
        Assert.Contains($"/applications/{World.ApplicationA}", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal([("oidc", "subject-known")], (await oidc.LoginsAsync(id)).Select(l => (l.LoginProvider, l.ProviderKey)));

        // What the application asked for: the code flow with PKCE and the e-mail scope, answered in the query (the code flow's default mode)
        var asked = oidc.Provider.AuthorizationRequests.Last();
        Assert.Equal(("code", "S256", "query"), (asked["response_type"], asked["code_challenge_method"], asked.GetValueOrDefault("response_mode", "query")));
        Assert.Equal(["email", "openid"], asked["scope"].Split(' ').Order(StringComparer.Ordinal));
        Assert.False(string.IsNullOrEmpty(asked["nonce"]));

        // Later sign-ins go by the linked subject, even once the provider reports another address
        using var again = oidc.Browser();
        var second = await oidc.SignInAsync(again, new Person("subject-known", "renamed@example.test", true));
        Assert.Equal(("/", HttpStatusCode.OK), (second.RequestMessage!.RequestUri!.AbsolutePath, second.StatusCode));
        Assert.Single(await oidc.LoginsAsync(id));
    }

    [Fact]
    public async Task An_unknown_address_is_refused_and_nobody_is_created()
    {
        using var browser = oidc.Browser();
        var response = await oidc.SignInAsync(browser, new Person("subject-stranger", "stranger@example.test", true));
        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.Equal("/account/external", response.RequestMessage!.RequestUri!.AbsolutePath);
        var html = await response.Content.ReadAsStringAsync();
        Assert.Contains("No Attest account uses the address stranger@example.test", html, StringComparison.Ordinal);
        Assert.Contains("ask your administrator for an invitation", html, StringComparison.Ordinal);
        Assert.False(await World.ReadAsync(db => db.Users.AnyAsync(u => u.Email == "stranger@example.test")));
        Assert.False(await World.ReadAsync(db => db.UserLogins.AnyAsync(l => l.ProviderKey == "subject-stranger")));
        await AssertSignedOutAsync(browser);
    }

    [Fact]
    public async Task An_unverified_address_is_refused_and_not_linked()
    {
        var id = await AdminTestSteps.CreateUserAsync(World, "sso-unverified@example.test", UserRole.Contributor, World.PartnerA);
        using var browser = oidc.Browser();
        var response = await oidc.SignInAsync(browser, new Person("subject-unverified", "sso-unverified@example.test", false));
        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.Contains("Example SSO has not verified the address sso-unverified@example.test", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Empty(await oidc.LoginsAsync(id));
        await AssertSignedOutAsync(browser);

        // No claim about verification at all is taken as the provider's word
        using var other = oidc.Browser();
        var plain = await oidc.SignInAsync(other, new Person("subject-unverified", "sso-unverified@example.test", null));
        Assert.Equal(("/", HttpStatusCode.OK), (plain.RequestMessage!.RequestUri!.AbsolutePath, plain.StatusCode));
    }

    [Fact]
    public async Task A_locked_user_is_refused_before_and_after_the_login_is_linked()
    {
        var locked = await AdminTestSteps.CreateUserAsync(World, "sso-locked@example.test", UserRole.Contributor, World.PartnerA);
        var linked = await AdminTestSteps.CreateUserAsync(World, "sso-linked@example.test", UserRole.Contributor, World.PartnerA);
        await LockAsync(locked);
        using (var browser = oidc.Browser())
        {
            var response = await oidc.SignInAsync(browser, new Person("subject-locked", "sso-locked@example.test", true));
            Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
            Assert.Contains("This Attest account is locked", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
            Assert.Empty(await oidc.LoginsAsync(locked));
            await AssertSignedOutAsync(browser);
        }

        using (var browser = oidc.Browser())
        {
            var first = await oidc.SignInAsync(browser, new Person("subject-linked", "sso-linked@example.test", true));
            Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        }

        await LockAsync(linked);
        using (var browser = oidc.Browser())
        {
            var response = await oidc.SignInAsync(browser, new Person("subject-linked", "sso-linked@example.test", true));
            Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
            Assert.Contains("This Attest account is locked", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
            await AssertSignedOutAsync(browser);
        }
    }

    [Fact]
    public async Task A_refusal_at_the_provider_ends_on_a_page_that_says_so()
    {
        using var browser = oidc.Browser();
        var issued = oidc.Provider.TokensIssued;
        var response = await oidc.SignInAsync(browser, null);
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("/account/external", response.RequestMessage!.RequestUri!.AbsolutePath);
        Assert.Contains("Signing in with Example SSO did not complete", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(issued, oidc.Provider.TokensIssued);
        await AssertSignedOutAsync(browser);
    }

    [Fact]
    public async Task The_sign_in_button_needs_the_antiforgery_token()
    {
        using var browser = oidc.Browser();
        var asked = oidc.Provider.AuthorizationRequests.Count;
        var response = await browser.PostAsync("/account/external", new FormUrlEncodedContent([]));
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal(asked, oidc.Provider.AuthorizationRequests.Count);
    }

    private static async Task AssertSignedOutAsync(HttpClient browser)
    {
        var home = await browser.GetAsync("/");
        Assert.Equal("/account/sign-in", home.RequestMessage!.RequestUri!.AbsolutePath);
    }

    private async Task LockAsync(string userId)
    {
        using var scope = World.Factory.Services.CreateScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<AttestUser>>();
        var user = (await users.FindByIdAsync(userId))!;
        user.LockoutEnd = DateTimeOffset.UtcNow.AddYears(100);
        await users.UpdateAsync(user);
    }
}

/// <summary>Without <c>Attest:Smtp</c> and <c>Attest:Oidc</c>, the features that need them are not offered and their pages are not found.</summary>
public sealed class AccountOptionsOffTests(World world) : IClassFixture<World>
{
    [Fact]
    public async Task The_sign_in_page_offers_neither_password_reset_nor_single_sign_on()
    {
        using var client = world.Client(null);
        var html = await (await client.GetAsync("/account/sign-in")).Content.ReadAsStringAsync();
        Assert.DoesNotContain("/account/forgot-password", html, StringComparison.Ordinal);
        Assert.DoesNotContain("/account/external", html, StringComparison.Ordinal);
        var posted = await World.PostFormAsync(client, "/account/sign-in", "/account/external", []);
        Assert.Equal(HttpStatusCode.NotFound, posted.StatusCode);
        var forgot = await World.PostFormAsync(client, "/account/sign-in", "/account/forgot-password", [new("Email", "leadA@example.test")]);
        Assert.Equal(HttpStatusCode.NotFound, forgot.StatusCode);
    }
}
