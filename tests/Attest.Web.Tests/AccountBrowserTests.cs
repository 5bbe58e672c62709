using System.Text.RegularExpressions;
using Attest.Web.Data;
using Attest.Web.Tests.Support;
using Deque.AxeCore.Playwright;
using Microsoft.Playwright;

namespace Attest.Web.Tests;

/// <summary>Chromium against the application with both SMTP and single sign-on configured, the test SMTP server and OpenID provider beside it.</summary>
public sealed class AccountBrowser : IAsyncLifetime
{
    public OpenIdProvider Provider { get; } = new();

    public SmtpServer Smtp { get; } = new(MailWorld.RelayUser, MailWorld.RelayPassword);

    public Browser Browser { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        await Provider.StartAsync();
        var settings = MailWorld.Settings(Smtp.Port);
        settings["Attest:Oidc:Authority"] = Provider.Authority;
        settings["Attest:Oidc:ClientId"] = OpenIdProvider.ClientId;
        settings["Attest:Oidc:ClientSecret"] = OpenIdProvider.ClientSecret;
        settings["Attest:Oidc:DisplayName"] = "Example SSO";
        Browser = new Browser(new World(kestrel: true, settings, DateTimeOffset.UtcNow));
        await Browser.InitializeAsync();
    }

    public async Task DisposeAsync()
    {
        await Browser.DisposeAsync();
        await Provider.DisposeAsync();
        await Smtp.DisposeAsync();
    }
}

public sealed partial class AccountBrowserTests(AccountBrowser account) : IClassFixture<AccountBrowser>
{
    private Browser Browser => account.Browser;

    [Fact]
    public async Task Single_sign_on_works_in_a_real_browser_under_the_content_security_policy()
    {
        // Chromium applies form-action to the redirect that follows the form: the provider's origin must be allowed
        await AdminTestSteps.CreateUserAsync(Browser.World, "sso-browser@example.test", UserRole.Contributor, Browser.World.PartnerA);
        account.Provider.Next = new OpenIdProvider.Person("subject-browser", "sso-browser@example.test", true);
        var page = await Browser.PageAsync();
        var blocked = new List<string>();
        page.Console += (_, message) =>
        {
            if (message.Text.Contains("Content Security Policy", StringComparison.Ordinal))
            {
                blocked.Add(message.Text);
            }
        };
        await page.GotoAsync("/account/sign-in");
        await AssertAccessibleAsync(page);
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign in with Example SSO" }).ClickAsync();
        await page.WaitForURLAsync(url => new Uri(url).AbsolutePath == "/" && url.StartsWith(Browser.BaseUrl, StringComparison.Ordinal), new() { WaitUntil = WaitUntilState.Commit });
        await Assertions.Expect(page.GetByRole(AriaRole.Button, new() { Name = "Sign out" })).ToBeVisibleAsync();
        Assert.Empty(blocked);
    }

    [Fact]
    public async Task Password_reset_pages_work_by_keyboard_and_have_no_serious_accessibility_violations()
    {
        await AdminTestSteps.CreateUserAsync(Browser.World, "reset-browser@example.test", UserRole.Contributor, Browser.World.PartnerA);
        var page = await Browser.PageAsync();
        await page.GotoAsync("/account/sign-in");
        await page.GetByRole(AriaRole.Link, new() { Name = "Forgot your password?" }).ClickAsync();
        await AssertAccessibleAsync(page);
        await page.GetByLabel("E-mail address").FillAsync("reset-browser@example.test");
        await page.GetByLabel("E-mail address").PressAsync("Enter");
        await Assertions.Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync("If an account uses this address");

        var mail = await account.Smtp.NextAsync();
        var link = ResetPath().Match(mail.Text);
        Assert.True(link.Success, mail.Text);
        await page.GotoAsync(link.Groups[1].Value);
        await AssertAccessibleAsync(page);
        await page.GetByLabel("New password").FillAsync("only-lower-case-1");
        await page.GetByRole(AriaRole.Button, new() { Name = "Change my password" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Alert)).ToContainTextAsync("at least 12 characters");
        await AssertAccessibleAsync(page);
        await page.GetByLabel("New password").FillAsync("Browser-Reset-Password-7");
        await page.GetByRole(AriaRole.Button, new() { Name = "Change my password" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync("Your password is changed");

        await page.GetByRole(AriaRole.Link, new() { Name = "Sign in" }).ClickAsync();
        await page.GetByLabel("E-mail address").FillAsync("reset-browser@example.test");
        await page.GetByLabel("Password").FillAsync("Browser-Reset-Password-7");
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign in", Exact = true }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Button, new() { Name = "Sign out" })).ToBeVisibleAsync();
    }

    private static async Task AssertAccessibleAsync(IPage page)
    {
        var results = await page.RunAxe();
        var serious = results.Violations.Where(v => v.Impact is "serious" or "critical").ToList();
        Assert.True(serious.Count == 0, page.Url + "\n" + string.Join("\n", serious.Select(v => $"{v.Id} ({v.Impact}): {v.Help} — {string.Join(", ", v.Nodes.Select(n => n.Target?.ToString()))}")));
    }

    [GeneratedRegex(@"https://attest\.example\.test(/account/reset-password\?\S+)")]
    private static partial Regex ResetPath();
}
