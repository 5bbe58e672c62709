using System.Globalization;
using System.Net;
using System.Text.RegularExpressions;
using Attest.Web.Data;
using Attest.Web.Infrastructure;
using Attest.Web.Tests.Support;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;

namespace Attest.Web.Tests;

/// <summary>The application with SMTP configured, sending to a test SMTP server on loopback that requires authentication.</summary>
public sealed class MailWorld : IAsyncLifetime
{
    public const string PublicUrl = "https://attest.example.test";
    public const string RelayUser = "attest-relay";
    public const string RelayPassword = "relay-password-for-tests";

    public MailWorld()
    {
        World = new World(kestrel: false, Settings(Smtp.Port));
    }

    public SmtpServer Smtp { get; } = new(RelayUser, RelayPassword);

    public World World { get; }

    /// <summary>The configuration that turns e-mail on, towards a server on <paramref name="port"/>.</summary>
    public static Dictionary<string, string> Settings(int port) => new()
    {
        ["Attest:Smtp:Host"] = "127.0.0.1",
        ["Attest:Smtp:Port"] = port.ToString(CultureInfo.InvariantCulture),
        ["Attest:Smtp:StartTls"] = "false",
        ["Attest:Smtp:Username"] = RelayUser,
        ["Attest:Smtp:Password"] = RelayPassword,
        ["Attest:Smtp:From"] = "Attest <attest@example.test>",
        ["Attest:PublicUrl"] = PublicUrl,
    };

    public Task InitializeAsync() => World.InitializeAsync();

    public async Task DisposeAsync()
    {
        await World.DisposeAsync();
        await Smtp.DisposeAsync();
    }
}

public sealed partial class MailTests(MailWorld mail) : IClassFixture<MailWorld>
{
    private World World => mail.World;

    [Fact]
    public async Task The_smtp_sender_authenticates_and_delivers_through_a_real_smtp_exchange()
    {
        var sender = World.Factory.Services.GetRequiredService<IMailSender>();
        await sender.SendAsync(new OutgoingMail("someone@example.test", "Préparation — été", "Première ligne\n.une ligne qui commence par un point\n"), CancellationToken.None);

        var received = await mail.Smtp.NextAsync();
        Assert.Equal("attest@example.test", received.From);
        Assert.Equal(["someone@example.test"], received.To);
        Assert.Equal(MailWorld.RelayUser, received.User);
        Assert.Equal("Attest", received.Message.From.Mailboxes.Single().Name);
        Assert.Equal("Préparation — été", received.Message.Subject);
        Assert.Contains("Première ligne", received.Text, StringComparison.Ordinal);
        Assert.Contains("\n.une ligne qui commence par un point", received.Text.ReplaceLineEndings("\n"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Starttls_is_required_by_default_so_a_server_without_it_gets_nothing()
    {
        await using var plain = new SmtpServer();
        var sender = new SmtpMailSender(new AttestOptions { Smtp = new() { Host = "127.0.0.1", Port = plain.Port, From = "attest@example.test" } }, NullLogger<SmtpMailSender>.Instance);
        var failure = await Assert.ThrowsAnyAsync<Exception>(() => sender.SendAsync(new OutgoingMail("someone@example.test", "Secret", "Not in clear text"), CancellationToken.None));
        Assert.True(SmtpMailSender.IsDeliveryFailure(failure), failure.ToString());
        Assert.False(plain.TryTake(out _));
    }

    [Fact]
    public async Task Wrong_smtp_credentials_are_a_delivery_failure()
    {
        var options = new AttestOptions { Smtp = new() { Host = "127.0.0.1", Port = mail.Smtp.Port, StartTls = false, Username = MailWorld.RelayUser, Password = "wrong", From = "attest@example.test" } };
        var sender = new SmtpMailSender(options, NullLogger<SmtpMailSender>.Instance);
        var failure = await Assert.ThrowsAnyAsync<Exception>(() => sender.SendAsync(new OutgoingMail("someone@example.test", "Subject", "Body"), CancellationToken.None));
        Assert.True(SmtpMailSender.IsDeliveryFailure(failure), failure.ToString());
        Assert.False(mail.Smtp.TryTake(out _));
    }

    [Fact]
    public async Task Forgot_password_mails_a_link_that_sets_a_new_password_once()
    {
        await AdminTestSteps.CreateUserAsync(World, "forgetful@example.test", UserRole.Contributor, World.PartnerA);
        using var client = World.Client(null);
        var signIn = await (await client.GetAsync("/account/sign-in")).Content.ReadAsStringAsync();
        Assert.Contains("href=\"/account/forgot-password\"", signIn, StringComparison.Ordinal);

        // A forged Host header changes nothing: links in e-mails start with Attest:PublicUrl
        client.DefaultRequestHeaders.Host = "evil.example";
        var asked = await World.PostFormAsync(client, "/account/forgot-password", "/account/forgot-password", [new("Email", "forgetful@example.test")]);
        Assert.Equal(HttpStatusCode.Redirect, asked.StatusCode);
        var answer = await client.GetStringAsync(asked.Headers.Location);
        Assert.Contains("If an account uses this address", answer, StringComparison.Ordinal);

        var received = await mail.Smtp.NextAsync();
        Assert.Equal(["forgetful@example.test"], received.To);
        Assert.Equal("Choose a new Attest password", received.Message.Subject);
        var link = ResetLink().Match(received.Text);
        Assert.True(link.Success, received.Text);
        var path = link.Groups[1].Value;

        client.DefaultRequestHeaders.Host = null;
        var page = await client.GetAsync(path);
        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        Assert.Contains("For the account forgetful@example.test.", await page.Content.ReadAsStringAsync(), StringComparison.Ordinal);

        // Identity's rules, in the error summary
        var query = System.Web.HttpUtility.ParseQueryString(new Uri("http://x" + path).Query);
        KeyValuePair<string, string>[] fields = [new("user", query["user"]!), new("token", query["token"]!)];
        var weak = await World.PostFormAsync(client, path, "/account/reset-password", [.. fields, new("Password", "short")]);
        Assert.Equal(HttpStatusCode.OK, weak.StatusCode);
        var weakHtml = await weak.Content.ReadAsStringAsync();
        Assert.Contains("error-summary", weakHtml, StringComparison.Ordinal);
        Assert.Contains("New password: at least 12 characters", weakHtml, StringComparison.Ordinal);

        const string NewPassword = "Brand-new-Password-2026";
        var reset = await World.PostFormAsync(client, path, "/account/reset-password", [.. fields, new("Password", NewPassword)]);
        Assert.Equal(HttpStatusCode.Redirect, reset.StatusCode);
        Assert.Contains("Your password is changed", await client.GetStringAsync(reset.Headers.Location), StringComparison.Ordinal);
        Assert.True(await AdminTestSteps.SignInAsync(World, "forgetful@example.test", NewPassword));
        Assert.False(await AdminTestSteps.SignInAsync(World, "forgetful@example.test", World.Password));

        // The link worked once
        var again = await client.GetAsync(path);
        Assert.Equal(HttpStatusCode.NotFound, again.StatusCode);
        Assert.Contains("This link does not work", await again.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        var replayed = await World.PostFormAsync(client, "/account/forgot-password", "/account/reset-password", [.. fields, new("Password", "Another-Password-2026")]);
        Assert.Equal(HttpStatusCode.NotFound, replayed.StatusCode);
        Assert.True(await AdminTestSteps.SignInAsync(World, "forgetful@example.test", NewPassword));
    }

    [Fact]
    public async Task Forgot_password_answers_alike_for_every_address_and_mails_only_an_open_account_in_its_language()
    {
        var lockedId = await AdminTestSteps.CreateUserAsync(World, "locked-out@example.test", UserRole.Contributor, World.PartnerA);
        var frenchId = await AdminTestSteps.CreateUserAsync(World, "francoise@example.test", UserRole.Contributor, World.PartnerA);
        using (var scope = World.Factory.Services.CreateScope())
        {
            var users = scope.ServiceProvider.GetRequiredService<UserManager<AttestUser>>();
            var locked = (await users.FindByIdAsync(lockedId))!;
            locked.LockoutEnd = DateTimeOffset.UtcNow.AddYears(100);
            await users.UpdateAsync(locked);
            var french = (await users.FindByIdAsync(frenchId))!;
            french.PreferredLanguage = "fr";
            await users.UpdateAsync(french);
        }

        var answers = new List<(HttpStatusCode, string?)>();
        foreach (var email in new[] { "nobody@example.test", "locked-out@example.test", "francoise@example.test" })
        {
            using var client = World.Client(null);
            var asked = await World.PostFormAsync(client, "/account/forgot-password", "/account/forgot-password", [new("Email", email)]);
            answers.Add((asked.StatusCode, asked.Headers.Location?.OriginalString));
            Assert.Contains("If an account uses this address", await client.GetStringAsync(asked.Headers.Location), StringComparison.Ordinal);
        }

        Assert.Single(answers.Distinct());

        // Mail leaves in order: the first to arrive is Françoise's, so neither the unknown nor the locked address got one
        var received = await mail.Smtp.NextAsync();
        Assert.Equal(["francoise@example.test"], received.To);
        Assert.Equal("Choisir un nouveau mot de passe Attest", received.Message.Subject);
        Assert.StartsWith("Bonjour francoise,", received.Text, StringComparison.Ordinal);
        Assert.Contains(MailWorld.PublicUrl + "/account/reset-password?user=" + frenchId, received.Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Forgot_password_says_what_is_wrong_with_the_address()
    {
        using var client = World.Client(null);
        var response = await World.PostFormAsync(client, "/account/forgot-password", "/account/forgot-password", [new("Email", "not an address")]);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var html = await response.Content.ReadAsStringAsync();
        Assert.Contains("error-summary", html, StringComparison.Ordinal);
        Assert.Contains("enter an address such as name@example.com", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_reset_link_with_a_wrong_token_does_not_work()
    {
        using var client = World.Client(null);
        var response = await client.GetAsync($"/account/reset-password?user={World.Users["leadA"]}&token=forged");
        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Contains("/account/forgot-password", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_invitation_link_is_also_sent_by_email_from_the_admin_and_the_people_pages()
    {
        using var admin = World.Client("admin");
        var page = await World.PostFormAsync(admin, "/admin/invitations", "/admin/invitations", [new("Form.Email", "mailed-auditor@example.test"), new("Form.Role", nameof(UserRole.Auditor))]);
        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        var html = await page.Content.ReadAsStringAsync();
        Assert.Contains("It was also sent to mailed-auditor@example.test by e-mail.", html, StringComparison.Ordinal);
        var token = AdminTestSteps.TokenIn(html);

        var received = await mail.Smtp.NextAsync();
        Assert.Equal(["mailed-auditor@example.test"], received.To);
        Assert.Equal("You are invited to Attest", received.Message.Subject);
        Assert.Contains("as auditor", received.Text, StringComparison.Ordinal);
        Assert.Contains($"{MailWorld.PublicUrl}/invitations/{token}", received.Text, StringComparison.Ordinal);

        using var lead = World.Client("leadA");
        lead.DefaultRequestHeaders.AcceptLanguage.ParseAdd("fr");
        var people = await World.PostFormAsync(lead, "/people", "/people", [new("Form.Email", "mailed-contributor@example.test"), new("Form.Role", nameof(UserRole.Contributor))]);
        Assert.Contains("Il a aussi été envoyé à mailed-contributor@example.test par e-mail.", WebUtility.HtmlDecode(await people.Content.ReadAsStringAsync()), StringComparison.Ordinal);
        received = await mail.Smtp.NextAsync();
        Assert.Equal(["mailed-contributor@example.test"], received.To);
        Assert.Equal("Invitation à rejoindre Attest", received.Message.Subject);
    }

    [GeneratedRegex(@"https://attest\.example\.test(/account/reset-password\?user=[^\s]+&token=[^\s]+)")]
    private static partial Regex ResetLink();
}

/// <summary>A low sign-in rate limit: asking for reset links draws on the same budget as signing in.</summary>
public sealed class ForgotPasswordRateLimitTests : IAsyncLifetime
{
    private World world = null!;

    private SmtpServer Smtp { get; } = new(MailWorld.RelayUser, MailWorld.RelayPassword);

    public async Task InitializeAsync()
    {
        var settings = MailWorld.Settings(Smtp.Port);
        settings["Attest:SignInAttemptsPerMinute"] = "2";
        world = new World(kestrel: false, settings);
        await world.InitializeAsync();
    }

    public async Task DisposeAsync()
    {
        await world.DisposeAsync();
        await Smtp.DisposeAsync();
    }

    [Fact]
    public async Task Asking_for_reset_links_is_rate_limited_with_signing_in()
    {
        using var client = world.Client(null);
        var statuses = new List<HttpStatusCode>();
        for (var i = 0; i < 2; i++)
        {
            statuses.Add((await World.PostFormAsync(client, "/account/forgot-password", "/account/forgot-password", [new("Email", "nobody@example.test")])).StatusCode);
        }

        statuses.Add((await World.PostFormAsync(client, "/account/forgot-password", "/account/forgot-password", [new("Email", "nobody@example.test")])).StatusCode);
        statuses.Add((await World.PostFormAsync(client, "/account/sign-in", "/account/sign-in", [new("Email", "leadA@example.test"), new("Password", World.Password)])).StatusCode);
        Assert.Equal([HttpStatusCode.Redirect, HttpStatusCode.Redirect, HttpStatusCode.TooManyRequests, HttpStatusCode.TooManyRequests], statuses);
    }
}
