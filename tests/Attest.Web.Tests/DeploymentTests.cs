using System.Diagnostics;
using System.Net;
using System.Text.RegularExpressions;
using Attest.Web.Tests.Support;
using Microsoft.EntityFrameworkCore;

namespace Attest.Web.Tests;

/// <summary>Running as several instances: keys shared through the database, the listening address from the environment, readiness.</summary>
public sealed partial class DeploymentTests
{
    [Fact]
    public async Task Two_instances_on_one_database_read_each_others_antiforgery_tokens_and_sign_in_cookies()
    {
        await using var world = new World();
        await world.InitializeAsync();
        await using var second = world.Factory.SharingStorage();

        // The form comes from the first instance, the sign-in goes to the second
        var first = world.Factory.CreateClient(new() { AllowAutoRedirect = false, HandleCookies = false });
        var other = second.CreateClient(new() { AllowAutoRedirect = false, HandleCookies = false });
        var (formCookies, token) = await FormAsync(first, "/account/sign-in");
        var signIn = await PostAsync(other, "/account/sign-in", formCookies, token, [new("Email", "leadA@example.test"), new("Password", World.Password)]);
        Assert.Equal(HttpStatusCode.Redirect, signIn.StatusCode);
        var session = Cookies(signIn);
        Assert.Contains(session, c => c.StartsWith("attest=", StringComparison.Ordinal));

        // The cookie issued by the second is a session on the first
        using var home = new HttpRequestMessage(HttpMethod.Get, "/");
        home.Headers.Add("Cookie", string.Join("; ", session));
        var page = await first.SendAsync(home);
        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        var html = await page.Content.ReadAsStringAsync();
        Assert.Contains("action=\"/account/sign-out\"", html, StringComparison.Ordinal);

        // The keys live in the database; an instance on another database cannot read the first's tokens
        Assert.True(await world.ReadAsync(db => db.DataProtectionKeys.AnyAsync()));
        await using var stranger = new World();
        await stranger.InitializeAsync();
        var refused = await PostAsync(stranger.Factory.CreateClient(new() { AllowAutoRedirect = false, HandleCookies = false }), "/account/sign-in", formCookies, token, [new("Email", "leadA@example.test"), new("Password", World.Password)]);
        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
    }

    [Fact]
    public async Task A_real_server_listens_where_ASPNETCORE_URLS_says_and_reports_the_database_in_its_readiness()
    {
        var folder = Directory.CreateTempSubdirectory("attest-urls-");
        try
        {
            var port = JobsTests.FreePort();
            using var server = Start(folder.FullName, new() { ["ASPNETCORE_URLS"] = $"http://127.0.0.1:{port}" });
            using var http = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{port}") };
            var ready = await ReadyAsync(http, server);
            Assert.Equal(HttpStatusCode.OK, ready.StatusCode);
            Assert.Equal("Healthy", await ready.Content.ReadAsStringAsync());

            // Without its database the server is not ready
            var database = Path.Combine(folder.FullName, "data", "attest.db");
            foreach (var file in new[] { database, database + "-wal", database + "-shm" }.Where(File.Exists))
            {
                File.Delete(file);
            }

            Directory.CreateDirectory(database);
            var notReady = await http.GetAsync("/health/ready");
            Assert.Equal(HttpStatusCode.ServiceUnavailable, notReady.StatusCode);
            Assert.Equal("Unhealthy", await notReady.Content.ReadAsStringAsync());
        }
        finally
        {
            folder.Delete(recursive: true);
        }
    }

    [Fact]
    public async Task The_urls_argument_wins_over_ASPNETCORE_URLS()
    {
        var folder = Directory.CreateTempSubdirectory("attest-urls-");
        try
        {
            var environment = JobsTests.FreePort();
            var argument = JobsTests.FreePort();
            using var server = Start(folder.FullName, new() { ["ASPNETCORE_URLS"] = $"http://127.0.0.1:{environment}" }, "--urls", $"http://127.0.0.1:{argument}");
            using var http = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{argument}") };
            Assert.Equal(HttpStatusCode.OK, (await ReadyAsync(http, server)).StatusCode);
            using var unused = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{environment}"), Timeout = TimeSpan.FromSeconds(5) };
            await Assert.ThrowsAsync<HttpRequestException>(() => unused.GetAsync("/health/live"));
        }
        finally
        {
            folder.Delete(recursive: true);
        }
    }

    /// <summary>The built web application (beside the tests) started with <c>dotnet Attest.Web.dll</c> in <paramref name="folder"/>; killed when disposed.</summary>
    internal static RunningServer Start(string folder, Dictionary<string, string> environment, params string[] arguments)
    {
        var start = new ProcessStartInfo(Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") ?? "dotnet")
        {
            WorkingDirectory = folder,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "Attest.Web.dll"));
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        start.Environment.Remove("ASPNETCORE_URLS");
        start.Environment["ASPNETCORE_ENVIRONMENT"] = "Production";
        start.Environment["Attest__DataFolder"] = Path.Combine(folder, "data");
        foreach (var (key, value) in environment)
        {
            start.Environment[key] = value;
        }

        return new RunningServer(Process.Start(start) ?? throw new InvalidOperationException("dotnet did not start"));
    }

    internal static async Task<HttpResponseMessage> ReadyAsync(HttpClient http, RunningServer server)
    {
        var until = DateTime.UtcNow.AddSeconds(90);
        while (true)
        {
            Assert.False(server.Process.HasExited, $"the server stopped: {server.Output}");
            try
            {
                var response = await http.GetAsync("/health/ready");
                if (response.StatusCode == HttpStatusCode.OK || DateTime.UtcNow > until)
                {
                    return response;
                }
            }
            catch (HttpRequestException) when (DateTime.UtcNow < until)
            {
                // Not listening yet
            }

            await Task.Delay(200);
        }
    }

    private static async Task<(List<string> Cookies, string Token)> FormAsync(HttpClient client, string path)
    {
        var response = await client.GetAsync(path);
        var html = await response.Content.ReadAsStringAsync();
        var token = TokenField().Match(html);
        Assert.True(token.Success, "no antiforgery token on " + path);
        return (Cookies(response), WebUtility.HtmlDecode(token.Groups[1].Value));
    }

    private static async Task<HttpResponseMessage> PostAsync(HttpClient client, string path, List<string> cookies, string token, List<KeyValuePair<string, string>> fields)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, path) { Content = new FormUrlEncodedContent([.. fields, new("__RequestVerificationToken", token)]) };
        request.Headers.Add("Cookie", string.Join("; ", cookies));
        return await client.SendAsync(request);
    }

    private static List<string> Cookies(HttpResponseMessage response) =>
        response.Headers.TryGetValues("Set-Cookie", out var values) ? [.. values.Select(v => v.Split(';')[0])] : [];

    [GeneratedRegex("name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"")]
    private static partial Regex TokenField();
}

/// <summary>A server process started by a test, with what it printed; killed (with its children) when disposed.</summary>
internal sealed class RunningServer : IDisposable
{
    private readonly System.Text.StringBuilder output = new();

    public RunningServer(Process process)
    {
        Process = process;
        process.OutputDataReceived += (_, e) => Append(e.Data);
        process.ErrorDataReceived += (_, e) => Append(e.Data);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
    }

    public Process Process { get; }

    public string Output
    {
        get
        {
            lock (output)
            {
                return output.ToString();
            }
        }
    }

    public void Dispose()
    {
        if (!Process.HasExited)
        {
            Process.Kill(entireProcessTree: true);
            Process.WaitForExit(10_000);
        }

        Process.Dispose();
    }

    private void Append(string? line)
    {
        lock (output)
        {
            output.AppendLine(line);
        }
    }
}
