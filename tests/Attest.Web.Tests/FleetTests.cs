using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Sockets;
using System.Text;
using System.Text.RegularExpressions;
using Attest.Web.Data;
using Attest.Web.Features.Workflow;
using Attest.Web.Infrastructure;
using Attest.Web.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Xunit.Abstractions;

namespace Attest.Web.Tests;

/// <summary>The fleet test runs alone: it starts real servers and a proxy, and times a kill.</summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class FleetGroup
{
    public const string Name = "Fleet";
}

/// <summary>
/// Several instances behind a reverse proxy, for real: one PostgreSQL database, three <c>dotnet Attest.Web.dll</c>
/// processes on one shared data folder, haproxy in front (round robin, readiness checks on <c>/health/ready</c>), and a
/// real SMTP server. Users sign in, upload evidence, submit, ask for password resets and get a due reminder through the
/// proxy while one instance is killed (<c>kill -9</c>) mid-load.
/// </summary>
[Collection(FleetGroup.Name)]
public sealed partial class FleetTests(ITestOutputHelper output)
{
    private const int Instances = 3;

    [FleetFact]
    public async Task Three_instances_behind_haproxy_lose_no_mail_upload_or_session_when_one_is_killed_mid_load()
    {
        Prerequisites.Demand(FleetFactAttribute.Missing);
        await using var smtp = new SmtpServer(MailWorld.RelayUser, MailWorld.RelayPassword);
        await using var world = new World(kestrel: false, MailWorld.Settings(smtp.Port));
        await world.InitializeAsync();
        var folder = Directory.CreateTempSubdirectory("attest-fleet-");
        var servers = new List<RunningServer>();
        RunningServer? proxy = null;
        try
        {
            // The database, prepared by an instance in the test (migrated, users, one application ready, another submitted
            // long enough ago for its reminder to be due); its clock is stopped in November, so it claims none of the jobs
            // the servers queue in real time
            await world.AddUserAsync("office2", UserRole.ProgramOffice, null);
            var resetUsers = new List<string>();
            for (var i = 0; i < 4; i++)
            {
                await world.AddUserAsync($"reset{i}", UserRole.Contributor, world.PartnerB);
                resetUsers.Add($"reset{i}@example.test");
            }

            await WorkflowSteps.MakeReadyAsync(world, world.ApplicationA);
            await WorkflowSteps.SubmitReadyAsync(world, world.ApplicationB, "leadB");
            var due = (await world.ReadAsync(db => db.Workflows.AsNoTracking().IgnoreQueryFiltersForTests().SingleAsync(w => w.ApplicationId == world.ApplicationB))).AnswerDue;
            Assert.NotNull(due);
            Assert.True(due.Value < DateOnly.FromDateTime(DateTime.UtcNow), "the seeded due date must be past for the reminder to be due");
            _ = await world.Factory.CreateClient().GetAsync("/account/sign-in"); // the data-protection key, made once
            var connection = world.Factory.Services.CreateScope().ServiceProvider.GetRequiredService<AttestDbContext>().Database.GetConnectionString()!;

            // Three servers, then the proxy
            var ports = Enumerable.Range(0, Instances).Select(_ => JobsTests.FreePort()).ToList();
            var environment = new Dictionary<string, string>
            {
                ["Attest__DataFolder"] = Path.Combine(folder.FullName, "data"),
                ["Attest__DatabaseProvider"] = "postgres",
                ["ConnectionStrings__Attest"] = connection,
                ["Attest__SignInAttemptsPerMinute"] = "1000",
                ["Attest__SignInFailuresPerClient"] = "1000",
                ["Attest__KnownProxies__0"] = "127.0.0.1",
                ["Attest__Jobs__LeaseSeconds"] = "8",
                ["Attest__Jobs__PollSeconds"] = "0.5",
                ["Logging__LogLevel__Default"] = "Warning",
            };
            foreach (var (key, value) in MailWorld.Settings(smtp.Port))
            {
                environment[key.Replace(":", "__", StringComparison.Ordinal)] = value;
            }

            foreach (var port in ports)
            {
                var instance = Path.Combine(folder.FullName, $"instance-{port}");
                Directory.CreateDirectory(instance);
                servers.Add(DeploymentTests.Start(instance, new(environment) { ["ASPNETCORE_URLS"] = $"http://127.0.0.1:{port}" }));
            }

            for (var i = 0; i < Instances; i++)
            {
                using var direct = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{ports[i]}") };
                Assert.Equal(HttpStatusCode.OK, (await DeploymentTests.ReadyAsync(direct, servers[i])).StatusCode);
            }

            var proxyPort = JobsTests.FreePort();
            var configuration = Path.Combine(folder.FullName, "haproxy.cfg");
            await File.WriteAllTextAsync(configuration, ProxyConfiguration(proxyPort, ports));
            proxy = StartProxy(configuration);
            var address = new Uri($"http://127.0.0.1:{proxyPort}");
            await WaitForProxyAsync(address, proxy);

            // Everyone signs in through the proxy (each sign-in lands on some instance)
            var partnerUsers = new[] { "leadA", "contributorA", "leadB" };
            var sessions = new Dictionary<string, Session>();
            foreach (var user in partnerUsers.Concat(["office", "manager", "auditor"]))
            {
                sessions[user] = await Session.SignInAsync(address, $"{user}@example.test");
            }

            // The load: every partner user uploads and reads; anonymous visitors ask for password resets; the lead submits
            var calls = new ConcurrentBag<Call>();
            var uploads = new ConcurrentBag<(Session Session, string Location, byte[] Content)>();
            var resets = new ConcurrentBag<string>();
            var signedOut = new ConcurrentBag<string>();
            var clock = Stopwatch.StartNew();
            using var stop = new CancellationTokenSource();
            var workers = new List<Task>();
            foreach (var user in partnerUsers)
            {
                var session = sessions[user];
                workers.Add(Task.Run(async () =>
                {
                    for (var n = 0; !stop.IsCancellationRequested; n++)
                    {
                        var content = Encoding.UTF8.GetBytes($"fleet evidence {user} {n} {Guid.NewGuid()}\n");
                        var upload = await TimedAsync(calls, clock, $"upload {user}", () => session.UploadAsync($"fleet-{user}-{n}.txt", content));
                        if (upload is { } u && (int)u.StatusCode is >= 200 and < 400)
                        {
                            Assert.Equal(HttpStatusCode.Redirect, u.StatusCode);
                            uploads.Add((session, u.Headers.Location!.OriginalString, content));
                        }

                        await HomeAsync(calls, clock, session, signedOut);
                    }
                }));
            }

            foreach (var user in new[] { "office", "manager", "auditor" })
            {
                var session = sessions[user];
                workers.Add(Task.Run(async () =>
                {
                    while (!stop.IsCancellationRequested)
                    {
                        await HomeAsync(calls, clock, session, signedOut);
                    }
                }));
            }

            workers.Add(Task.Run(async () =>
            {
                for (var n = 0; !stop.IsCancellationRequested; n++)
                {
                    var email = resetUsers[n % resetUsers.Count];
                    var anonymous = new Session(address);
                    var response = await TimedAsync(calls, clock, $"reset {email}", () => anonymous.PostFormAsync("/account/forgot-password", "/account/forgot-password", [new("Email", email)]));
                    if (response is { StatusCode: HttpStatusCode.Redirect })
                    {
                        resets.Add(email);
                    }

                    await Task.Delay(150);
                }
            }));

            await Task.Delay(1500);
            var submitted = await sessions["leadA"].PostFormAsync("/", $"/applications/{world.ApplicationA}/submit", [new("note", "submitted through the proxy")]);
            Assert.Equal(HttpStatusCode.Redirect, submitted.StatusCode);
            await Task.Delay(1500);

            // kill -9 one instance mid-load
            var victim = servers[1];
            var killedAt = clock.Elapsed;
            victim.Process.Kill();
            // SIGKILL is sent now, but the process (its listening socket with it) is gone only when the system has reaped
            // it: a connection it accepted in between is cut too, so the window of the kill ends at its exit
            await victim.Process.WaitForExitAsync();
            var exitedAt = clock.Elapsed;
            await Task.Delay(5000);
            await stop.CancelAsync();
            await Task.WhenAll(workers);
            var stoppedAt = clock.Elapsed;

            // No 5xx except requests in flight on the killed instance when it died (the proxy answers those 502)
            var failures = calls.Where(c => c.Status >= 500 || c.Status == 0).ToList();
            Assert.All(failures, c =>
            {
                Assert.True(c.Started <= exitedAt && c.Ended >= killedAt, $"{c.What}: {c.Status} at {c.Started}-{c.Ended}, not in flight at the kill ({killedAt}-{exitedAt})");
                // The proxy answers 502 (503, 504) for a request the dead instance dropped, or cuts a response it had begun (0)
                Assert.True(c.Status is 0 or 502 or 503 or 504, $"{c.What}: {c.Status} from an instance");
            });
            output.WriteLine($"{calls.Count} requests, {uploads.Count} uploads accepted, {resets.Count} resets asked, {failures.Count} cut by the kill at {killedAt}-{exitedAt}");
            Assert.True(failures.Count <= workers.Count, $"{failures.Count} failures for {workers.Count} clients");
            Assert.True(calls.Count(c => c.Started > killedAt) > 20, "the load went on after the kill");
            Assert.True(calls.Any(c => c.Started < killedAt && c.What.StartsWith("upload", StringComparison.Ordinal)), "uploads happened before the kill");

            // No one signed out: every session still works through the proxy, on every instance left
            Assert.Empty(signedOut);
            foreach (var session in sessions.Values)
            {
                for (var i = 0; i < Instances; i++)
                {
                    Assert.True(await session.SignedInAsync(), $"{session.Email} is signed out");
                }
            }

            // No accepted upload missing: each is downloadable, with its bytes
            Assert.NotEmpty(uploads);
            foreach (var (session, location, content) in uploads)
            {
                var download = await session.Http.GetAsync(location + "/download");
                Assert.True(download.StatusCode == HttpStatusCode.OK, $"{location}: {(int)download.StatusCode}");
                Assert.Equal(content, await download.Content.ReadAsByteArrayAsync());
            }

            // Every e-mail queued leaves exactly once: the jobs are done, and the server received each one once
            Assert.NotEmpty(resets);
            var mails = await WaitForMailJobsAsync(world);
            var received = new List<ReceivedMail>();
            var until = DateTime.UtcNow.AddSeconds(15);
            while (received.Count < mails && DateTime.UtcNow < until)
            {
                while (smtp.TryTake(out var mail))
                {
                    received.Add(mail!);
                }

                await Task.Delay(100);
            }

            await Task.Delay(1000); // a duplicate would arrive now
            while (smtp.TryTake(out var late))
            {
                received.Add(late!);
            }

            // The jobs table keeps no payload once a mail is sent: the count must match, and no message arrived twice
            // (each has its own recipient, text or link)
            Assert.Equal(mails, received.Count);
            var distinct = received.Select(m => $"{string.Join(",", m.To)}\n{m.Message.Subject}\n{m.Text}").Distinct(StringComparer.Ordinal).Count();
            Assert.Equal(received.Count, distinct);
            foreach (var email in resetUsers)
            {
                Assert.Equal(resets.Count(r => r == email), received.Count(m => m.To.Contains(email)));
            }

            // One reminder for the due date, though three instances looked for it at once, and its notices once
            var reminders = await world.ReadAsync(db => db.Jobs.AsNoTracking().Where(j => j.Kind == ReminderJob.JobKind).ToListAsync());
            var reminder = Assert.Single(reminders);
            Assert.Equal(DueReminder.KeyFor(world.ApplicationB, due.Value), reminder.DedupeKey);
            Assert.Equal(JobState.Done, reminder.State);
            var workflow = await world.ReadAsync(db => db.Workflows.AsNoTracking().IgnoreQueryFiltersForTests().SingleAsync(w => w.ApplicationId == world.ApplicationB));
            Assert.Equal(due, workflow.ReminderSentFor);

            // Behind the proxy the sign-in throttle keys on the client's address (X-Forwarded-For from a known proxy), not
            // on the proxy's: failures from one client (127.0.0.2) do not stop another (127.0.0.3)
            var attacker = new Session(address, "manager@example.test", "127.0.0.2");
            for (var i = 0; i < 12; i++)
            {
                Assert.Equal(HttpStatusCode.OK, (await attacker.PostFormAsync("/account/sign-in", "/account/sign-in", [new("Email", attacker.Email), new("Password", "Wrong-password-42")])).StatusCode);
            }

            for (var i = 0; i < Instances; i++)
            {
                Assert.Equal(HttpStatusCode.OK, (await attacker.PostFormAsync("/account/sign-in", "/account/sign-in", [new("Email", attacker.Email), new("Password", World.Password)])).StatusCode);
            }

            for (var i = 0; i < Instances; i++)
            {
                await Session.SignInAsync(address, "manager@example.test", "127.0.0.3");
            }

            var submittedWorkflow = await world.ReadAsync(db => db.Workflows.AsNoTracking().IgnoreQueryFiltersForTests().SingleAsync(w => w.ApplicationId == world.ApplicationA));
            Assert.Equal("submitted", submittedWorkflow.State);
            Assert.True(stoppedAt < TimeSpan.FromSeconds(30), $"the load took {stoppedAt}");
        }
        finally
        {
            proxy?.Dispose();
            foreach (var server in servers)
            {
                server.Dispose();
            }

            try
            {
                folder.Delete(recursive: true);
            }
            catch (IOException)
            {
                // A file still held by a dying server: the temp folder is cleaned by the system
            }
        }
    }

    /// <summary>The haproxy configuration of the test, from the sample's shape (deploy/haproxy.cfg): loopback only, quick checks.</summary>
    internal static string ProxyConfiguration(int port, IReadOnlyList<int> servers)
    {
        var text = new StringBuilder();
        text.Append(CultureInfo.InvariantCulture, $"""
            global
                maxconn 512

            defaults
                mode http
                option forwardfor
                option redispatch
                retries 3
                timeout connect 1s
                timeout client 30s
                timeout server 30s

            frontend attest
                bind 127.0.0.1:{port}
                default_backend instances

            backend instances
                balance roundrobin
                option httpchk GET /health/ready
                http-check expect status 200
                default-server inter 300ms fall 2 rise 2

            """);
        for (var i = 0; i < servers.Count; i++)
        {
            text.Append(CultureInfo.InvariantCulture, $"    server instance{i} 127.0.0.1:{servers[i]} check\n");
        }

        return text.ToString();
    }

    private static string? HaproxyPath() =>
        new[] { "/usr/sbin/haproxy", "/usr/bin/haproxy", "/usr/local/sbin/haproxy" }.FirstOrDefault(File.Exists);

    private static RunningServer StartProxy(string configuration)
    {
        var start = new ProcessStartInfo(HaproxyPath()!) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var argument in new[] { "-db", "-f", configuration })
        {
            start.ArgumentList.Add(argument);
        }

        return new RunningServer(Process.Start(start) ?? throw new InvalidOperationException("haproxy did not start"));
    }

    private static async Task WaitForProxyAsync(Uri address, RunningServer proxy)
    {
        using var http = new HttpClient { BaseAddress = address };
        var until = DateTime.UtcNow.AddSeconds(20);
        while (true)
        {
            Assert.False(proxy.Process.HasExited, $"haproxy stopped: {proxy.Output}");
            try
            {
                if ((await http.GetAsync("/health/ready")).StatusCode == HttpStatusCode.OK)
                {
                    return;
                }
            }
            catch (HttpRequestException) when (DateTime.UtcNow < until)
            {
                // Not listening yet
            }

            Assert.True(DateTime.UtcNow < until, "haproxy did not become ready: " + proxy.Output);
            await Task.Delay(100);
        }
    }

    private static async Task HomeAsync(ConcurrentBag<Call> calls, Stopwatch clock, Session session, ConcurrentBag<string> signedOut)
    {
        var home = await TimedAsync(calls, clock, $"home {session.Email}", () => session.Http.GetAsync("/"));
        if (home is { StatusCode: HttpStatusCode.Redirect } && home.Headers.Location?.OriginalString.Contains("sign-in", StringComparison.Ordinal) == true)
        {
            signedOut.Add(session.Email);
        }
    }

    private static async Task<HttpResponseMessage?> TimedAsync(ConcurrentBag<Call> calls, Stopwatch clock, string what, Func<Task<HttpResponseMessage>> call)
    {
        var started = clock.Elapsed;
        try
        {
            var response = await call();
            calls.Add(new Call(what, started, clock.Elapsed, (int)response.StatusCode));
            return response;
        }
        catch (HttpRequestException e)
        {
            calls.Add(new Call(what, started, clock.Elapsed, (int?)e.StatusCode ?? 0));
            return null;
        }
    }

    /// <summary>Waits until every mail and reminder job is done; returns how many e-mails were sent.</summary>
    private static async Task<int> WaitForMailJobsAsync(World world)
    {
        var until = DateTime.UtcNow.AddSeconds(40);
        while (true)
        {
            var jobs = await world.ReadAsync(db => db.Jobs.AsNoTracking().Where(j => j.Kind == MailOutbox.Kind || j.Kind == ReminderJob.JobKind).ToListAsync());
            if (jobs.All(j => j.State == JobState.Done) || DateTime.UtcNow > until)
            {
                Assert.All(jobs, j => Assert.True(j.State == JobState.Done, $"job {j.Id} {j.Kind} is {j.State}: {j.LastError}"));
                return jobs.Count(j => j.Kind == MailOutbox.Kind);
            }

            await Task.Delay(250);
        }
    }

    [GeneratedRegex("name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"")]
    private static partial Regex TokenField();

    private sealed record Call(string What, TimeSpan Started, TimeSpan Ended, int Status);

    /// <summary>One browser: its own cookies, through the proxy.</summary>
    private sealed class Session(Uri address, string email = "", string from = "127.0.0.1")
    {
        public string Email { get; } = email;

        /// <summary>Connects from the loopback address <c>from</c> (any of 127.0.0.0/8), as another machine would from its own.</summary>
        public HttpClient Http { get; } = new(new SocketsHttpHandler
        {
            AllowAutoRedirect = false,
            CookieContainer = new CookieContainer(),
            ConnectCallback = async (context, cancel) =>
            {
                var socket = new Socket(SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
                try
                {
                    socket.Bind(new IPEndPoint(IPAddress.Parse(from), 0));
                    await socket.ConnectAsync(context.DnsEndPoint, cancel);
                    return new NetworkStream(socket, ownsSocket: true);
                }
                catch
                {
                    socket.Dispose();
                    throw;
                }
            },
        })
        { BaseAddress = address, Timeout = TimeSpan.FromSeconds(20) };

        public static async Task<Session> SignInAsync(Uri address, string email, string from = "127.0.0.1")
        {
            var session = new Session(address, email, from);
            var response = await session.PostFormAsync("/account/sign-in", "/account/sign-in", [new("Email", email), new("Password", World.Password)]);
            Assert.True(response.StatusCode == HttpStatusCode.Redirect, $"{email}: {(int)response.StatusCode}");
            Assert.True(await session.SignedInAsync(), $"{email} is not signed in");
            return session;
        }

        public async Task<bool> SignedInAsync()
        {
            var home = await Http.GetAsync("/");
            return home.StatusCode == HttpStatusCode.OK && (await home.Content.ReadAsStringAsync()).Contains("action=\"/account/sign-out\"", StringComparison.Ordinal);
        }

        public async Task<HttpResponseMessage> PostFormAsync(string pageWithForm, string target, List<KeyValuePair<string, string>> fields)
        {
            var token = await TokenAsync(pageWithForm);
            return await Http.PostAsync(target, new FormUrlEncodedContent([.. fields, new("__RequestVerificationToken", token)]));
        }

        public async Task<HttpResponseMessage> UploadAsync(string name, byte[] content)
        {
            var token = await TokenAsync("/evidence/upload");
            using var form = new MultipartFormDataContent
            {
                { new StringContent(token), "__RequestVerificationToken" },
                { new StringContent(name), "name" },
                { new ByteArrayContent(content), "file", name },
            };
            return await Http.PostAsync("/evidence/upload", form);
        }

        private async Task<string> TokenAsync(string page)
        {
            var response = await Http.GetAsync(page);
            if ((int)response.StatusCode >= 500)
            {
                throw new HttpRequestException($"{page} for its form", null, response.StatusCode);
            }

            var html = await response.Content.ReadAsStringAsync();
            var token = TokenField().Match(html);
            return token.Success ? WebUtility.HtmlDecode(token.Groups[1].Value) : "";
        }
    }
}

/// <summary>The fleet test needs PostgreSQL (ATTEST_TEST_POSTGRES) and haproxy; without them skipped or failed, saying which (see <see cref="Prerequisites"/>).</summary>
internal sealed class FleetFactAttribute : FactAttribute
{
    public FleetFactAttribute() => Skip = Prerequisites.Skip(Missing);

    /// <summary>What the fleet test lacks here, or null.</summary>
    public static string? Missing =>
        Environment.GetEnvironmentVariable("ATTEST_TEST_POSTGRES") is not { Length: > 0 }
            ? "ATTEST_TEST_POSTGRES is not set: several instances share one PostgreSQL database (scripts/test starts one and sets it for the web suite's PostgreSQL run)"
            : !new[] { "/usr/sbin/haproxy", "/usr/bin/haproxy", "/usr/local/sbin/haproxy" }.Any(File.Exists)
                ? "haproxy is not installed: scripts/test installs it from Debian (apt-get install haproxy)"
                : null;
}
