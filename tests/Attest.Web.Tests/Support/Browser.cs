using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace Attest.Web.Tests.Support;

/// <summary>
/// The real application on Kestrel (a loopback port of its own) and Debian's Chromium driven by Playwright: no browser
/// download, the flags this machine needs. One per test class.
/// </summary>
public sealed class Browser : IAsyncLifetime
{
    public const string ChromiumPath = "/usr/bin/chromium";

    private IPlaywright? playwright;

    public Browser()
        : this(new World(kestrel: true))
    {
    }

    /// <summary>Drives <paramref name="world"/>, which must listen on Kestrel; disposing the browser disposes it.</summary>
    internal Browser(World world)
    {
        World = world;
    }

    public World World { get; }

    public IBrowser Chromium { get; private set; } = null!;

    public string BaseUrl { get; private set; } = "";

    public async Task InitializeAsync()
    {
        await World.InitializeAsync();
        var addresses = World.Factory.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses;
        BaseUrl = addresses.First().Replace("[::]", "127.0.0.1", StringComparison.Ordinal).Replace("0.0.0.0", "127.0.0.1", StringComparison.Ordinal).TrimEnd('/');
        World.UseAddress(BaseUrl);
        playwright = await Playwright.CreateAsync();
        Chromium = await playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = ChromiumPath,
            Headless = true,
            Args = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run", "--disable-dev-shm-usage"],
        });
    }

    public async Task DisposeAsync()
    {
        await Chromium.CloseAsync();
        playwright?.Dispose();
        await World.DisposeAsync();
    }

    /// <summary>A fresh browser context (its own cookies) with a page, already signed in as <paramref name="user"/> when given.</summary>
    public async Task<IPage> PageAsync(string? user = null, string? language = null)
    {
        var context = await Chromium.NewContextAsync(new BrowserNewContextOptions { BaseURL = BaseUrl, Locale = language ?? "en-GB", ViewportSize = new ViewportSize { Width = 1280, Height = 900 } });
        var page = await context.NewPageAsync();
        page.SetDefaultTimeout(30_000);
        Assertions.SetDefaultExpectTimeout(30_000);
        if (user is not null)
        {
            await page.GotoAsync("/account/sign-in");
            await page.GetByLabel("E-mail address").FillAsync($"{user}@example.test");
            await page.GetByLabel("Password").FillAsync(World.Password);
            await page.GetByRole(AriaRole.Button, new() { Name = "Sign in" }).ClickAsync();
            // Committed is enough: the sign-in cookie came with the redirect. Waiting for the landing page's "load" as
            // well once hung for 30 s on a loaded CI machine although the page was there ("NetworkIdle" had fired);
            // what a test does next (a navigation, a locator) waits for what it needs itself.
            await page.WaitForURLAsync(url => !url.Contains("/account/sign-in", StringComparison.Ordinal), new() { WaitUntil = WaitUntilState.Commit });
        }

        return page;
    }
}
