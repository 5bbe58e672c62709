using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Sockets;
using System.Text.Json;
using System.Text.RegularExpressions;

namespace Attest.Benchmarks;

/// <summary>
/// <c>load --base http://127.0.0.1:PORT --credentials FILE [--connections 32] [--duration 20] [--warmup 5]
/// [--max-requests 1000000] [--label TEXT] [--no-header] [--scenario dashboard|api] [--server-pid PID[,PID…]]</c>: signs the load users in through the real sign-in form, then,
/// one scenario after the other, runs as many concurrent loops as connections (each its own connection, one request at a
/// time) for a warm-up and then a measured duration: (a) the readiness dashboard <c>GET /applications/{id}</c> of the
/// user's own application, with the session cookie; (b) the API <c>GET /api/v1/applications/{id}/readiness</c> with the
/// user's bearer token. Every latency is kept and sorted; any non-2xx answer or exception is an error. Prints one
/// Markdown row per scenario; with the server's process ids (the app's, and the database server's), also their CPU time
/// per request during the measured run, on stderr (less sensitive than latency to what else the machine is running). Loopback addresses only; stops by itself (time and request count are both bounded).
/// </summary>
public static partial class WebLoad
{
    private static readonly TimeSpan RequestTimeout = TimeSpan.FromSeconds(30);

    public static async Task<int> RunAsync(string[] args)
    {
        var baseAddress = new Uri(WebSeed.Option(args, "--base") ?? throw new ArgumentException("--base is required"));
        var credentialsPath = WebSeed.Option(args, "--credentials") ?? throw new ArgumentException("--credentials is required");
        var connections = int.Parse(WebSeed.Option(args, "--connections") ?? "32", CultureInfo.InvariantCulture);
        var duration = TimeSpan.FromSeconds(double.Parse(WebSeed.Option(args, "--duration") ?? "20", CultureInfo.InvariantCulture));
        var warmup = TimeSpan.FromSeconds(double.Parse(WebSeed.Option(args, "--warmup") ?? "5", CultureInfo.InvariantCulture));
        var maxRequests = long.Parse(WebSeed.Option(args, "--max-requests") ?? "1000000", CultureInfo.InvariantCulture);
        var label = WebSeed.Option(args, "--label") ?? baseAddress.Authority;
        var serverPids = (WebSeed.Option(args, "--server-pid") ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries).Select(p => int.Parse(p, CultureInfo.InvariantCulture)).ToArray();
        if (!IsLoopback(baseAddress))
        {
            Console.Error.WriteLine($"load: {baseAddress} is not a loopback address; only 127.0.0.1, ::1 or localhost are allowed");
            return 2;
        }

        if (connections < 1 || duration <= TimeSpan.Zero || duration > TimeSpan.FromMinutes(10) || maxRequests < 1)
        {
            throw new ArgumentException("--connections at least 1, --duration between 0 and 600 s, --max-requests at least 1");
        }

        var credentials = JsonSerializer.Deserialize<LoadCredentials>(await File.ReadAllTextAsync(credentialsPath), WebSeed.Json)
            ?? throw new ArgumentException($"{credentialsPath}: no credentials");
        if (credentials.Users.Count == 0)
        {
            throw new ArgumentException($"{credentialsPath}: no users");
        }

        // One user per connection (users are reused round-robin if there are fewer users than connections)
        var users = Enumerable.Range(0, connections).Select(i => credentials.Users[i % credentials.Users.Count]).ToArray();
        var clock = Stopwatch.StartNew();
        var sessions = new HttpClient[connections];
        var tokens = new HttpClient[connections];
        try
        {
            using (var gate = new SemaphoreSlim(4))
            {
                try
                {
                    await Task.WhenAll(users.Select(async (user, i) =>
                    {
                        await gate.WaitAsync();
                        try
                        {
                            sessions[i] = await SignInAsync(baseAddress, user, credentials.Password);
                        }
                        finally
                        {
                            gate.Release();
                        }
                    }));
                }
                catch (Exception e) when (e is HttpRequestException or InvalidOperationException or TaskCanceledException)
                {
                    Console.Error.WriteLine($"load: sign-in failed: {e.Message}");
                    return 1;
                }
            }

            Console.Error.WriteLine($"load: {connections} sessions signed in through /account/sign-in in {clock.ElapsedMilliseconds} ms");
            for (var i = 0; i < connections; i++)
            {
                tokens[i] = NewClient(baseAddress, cookies: null);
                tokens[i].DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", users[i].Token);
            }

            if (!args.Contains("--no-header"))
            {
                Console.WriteLine(Header);
                Console.WriteLine(Rule);
            }

            var scenarios = new (string Name, HttpClient[] Clients, Func<LoadUser, string> Path)[]
            {
                ("dashboard `GET /applications/{id}` (HTML, cookie)", sessions, u => $"/applications/{u.ApplicationId}"),
                ("API `GET /api/v1/applications/{id}/readiness` (JSON, token)", tokens, u => $"/api/v1/applications/{u.ApplicationId}/readiness"),
            };
            var only = WebSeed.Option(args, "--scenario");
            var failed = false;
            foreach (var (name, clients, path) in scenarios.Where(s => only is null || s.Name.StartsWith(only, StringComparison.OrdinalIgnoreCase)))
            {
                var paths = users.Select(path).ToArray();
                await RunLoopsAsync(clients, paths, warmup, maxRequests);
                var cpuBefore = ServerCpu(serverPids);
                var result = await RunLoopsAsync(clients, paths, duration, maxRequests);
                var cpu = ServerCpu(serverPids) - cpuBefore;
                Console.WriteLine(result.Row(label, name, connections));
                Console.Error.WriteLine($"load: {name}: {result.Sorted.Length:N0} answers, {result.Bytes / Math.Max(1, result.Sorted.Length):N0} bytes each on average, {result.Elapsed.TotalSeconds:F1} s"
                    + (serverPids.Length == 0 ? "" : string.Create(CultureInfo.InvariantCulture, $"; server CPU {cpu.TotalMilliseconds / Math.Max(1, result.Sorted.Length):F2} ms per request, {cpu / result.Elapsed:F2} cores busy")));
                failed |= result.Errors > 0;
            }

            return failed ? 1 : 0;
        }
        finally
        {
            foreach (var client in sessions.Concat(tokens).OfType<HttpClient>())
            {
                client.Dispose();
            }
        }
    }

    public const string Header = "| database | scenario | connections | requests | throughput | p50 | p90 | p99 | max | errors |";

    public const string Rule = "|---|---|---:|---:|---:|---:|---:|---:|---:|---:|";

    /// <summary>
    /// CPU time (user + system) used so far by the server processes: each process of <paramref name="pids"/>, its reaped
    /// children, and its live children (a PostgreSQL postmaster's backends); from /proc, zero where there is none.
    /// </summary>
    private static TimeSpan ServerCpu(int[] pids)
    {
        if (pids.Length == 0 || !Directory.Exists("/proc"))
        {
            return TimeSpan.Zero;
        }

        long ticks = 0;
        foreach (var folder in Directory.EnumerateDirectories("/proc"))
        {
            if (!int.TryParse(Path.GetFileName(folder), CultureInfo.InvariantCulture, out var pid) || Stat(pid) is not { } stat)
            {
                continue;
            }

            // Fields after the command name (in parentheses, may hold spaces): ppid is field 4, utime 14, stime 15, cutime 16, cstime 17
            if (pids.Contains(pid))
            {
                ticks += stat[11] + stat[12] + stat[13] + stat[14];
            }
            else if (pids.Contains((int)stat[1]))
            {
                ticks += stat[11] + stat[12];
            }
        }

        return TimeSpan.FromSeconds(ticks / 100.0);
    }

    private static long[]? Stat(int pid)
    {
        try
        {
            var text = File.ReadAllText($"/proc/{pid}/stat");
            return text[(text.LastIndexOf(')') + 2)..].Split(' ').Take(15).Select(f => long.TryParse(f, CultureInfo.InvariantCulture, out var n) ? n : 0).ToArray();
        }
        catch (IOException)
        {
            return null;
        }
        catch (UnauthorizedAccessException)
        {
            return null;
        }
    }

    private static bool IsLoopback(Uri address) =>
        address.Scheme is "http" or "https"
        && (string.Equals(address.Host, "localhost", StringComparison.OrdinalIgnoreCase) || (IPAddress.TryParse(address.Host.Trim('[', ']'), out var ip) && IPAddress.IsLoopback(ip)));

    private static HttpClient NewClient(Uri baseAddress, CookieContainer? cookies)
    {
        var handler = new SocketsHttpHandler
        {
            UseCookies = cookies is not null,
            CookieContainer = cookies ?? new CookieContainer(),
            AllowAutoRedirect = false,
            UseProxy = false,
            MaxConnectionsPerServer = 1,
            PooledConnectionLifetime = Timeout.InfiniteTimeSpan,
        };
        return new HttpClient(handler, disposeHandler: true) { BaseAddress = baseAddress, Timeout = RequestTimeout };
    }

    /// <summary>Signs in like a browser: GET the form, read its antiforgery token, POST it back; the session cookie stays in the client.</summary>
    private static async Task<HttpClient> SignInAsync(Uri baseAddress, LoadUser user, string password)
    {
        var cookies = new CookieContainer();
        var client = NewClient(baseAddress, cookies);
        var form = await client.GetStringAsync(new Uri("/account/sign-in", UriKind.Relative));
        var antiforgery = AntiforgeryField().Match(form);
        if (!antiforgery.Success)
        {
            throw new InvalidOperationException("the sign-in page has no antiforgery token");
        }

        using var body = new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["Email"] = user.Email,
            ["Password"] = password,
            ["ReturnUrl"] = "",
            ["__RequestVerificationToken"] = WebUtility.HtmlDecode(antiforgery.Groups[1].Value),
        });
        using var response = await client.PostAsync(new Uri("/account/sign-in", UriKind.Relative), body);
        if (response.StatusCode != HttpStatusCode.Redirect || cookies.GetCookies(baseAddress)["attest"] is null)
        {
            throw new InvalidOperationException($"sign-in of {user.Email} failed: {(int)response.StatusCode} {response.StatusCode}");
        }

        // The session opens the user's own dashboard
        using var check = await client.GetAsync(new Uri($"/applications/{user.ApplicationId}", UriKind.Relative));
        if (check.StatusCode != HttpStatusCode.OK)
        {
            throw new InvalidOperationException($"{user.Email}: its dashboard answered {(int)check.StatusCode} after sign-in");
        }

        return client;
    }

    /// <summary>One loop per client, each sending its request again as soon as the previous answer is read, until the time or the request budget is spent.</summary>
    private static async Task<LoadResult> RunLoopsAsync(HttpClient[] clients, string[] paths, TimeSpan duration, long maxRequests)
    {
        long issued = 0;
        var errorSamples = new List<string>();
        var started = Stopwatch.GetTimestamp();
        var end = started + (long)(duration.TotalSeconds * Stopwatch.Frequency);
        var loops = clients.Select((client, i) => Task.Run(async () =>
        {
            var latencies = new List<double>(4096);
            var errors = 0;
            long bytes = 0;
            var uri = new Uri(paths[i], UriKind.Relative);
            var buffer = new byte[64 * 1024];
            while (Stopwatch.GetTimestamp() < end && Interlocked.Increment(ref issued) <= maxRequests)
            {
                var start = Stopwatch.GetTimestamp();
                string? error = null;
                try
                {
                    using var response = await client.GetAsync(uri, HttpCompletionOption.ResponseHeadersRead);
                    await using var stream = await response.Content.ReadAsStreamAsync();
                    int read;
                    while ((read = await stream.ReadAsync(buffer)) > 0)
                    {
                        bytes += read;
                    }

                    if (!response.IsSuccessStatusCode)
                    {
                        error = $"{(int)response.StatusCode} {paths[i]}";
                    }
                }
                catch (Exception e) when (e is HttpRequestException or TaskCanceledException or IOException or SocketException)
                {
                    error = $"{e.GetType().Name}: {e.Message} ({paths[i]})";
                }

                latencies.Add(Stopwatch.GetElapsedTime(start).TotalMilliseconds);
                if (error is not null)
                {
                    errors++;
                    lock (errorSamples)
                    {
                        if (errorSamples.Count < 5)
                        {
                            errorSamples.Add(error);
                        }
                    }
                }
            }

            return (latencies, errors, bytes);
        })).ToArray();
        var results = await Task.WhenAll(loops);
        var elapsed = Stopwatch.GetElapsedTime(started);
        foreach (var sample in errorSamples)
        {
            Console.Error.WriteLine($"load: error: {sample}");
        }

        var all = results.SelectMany(r => r.latencies).ToArray();
        Array.Sort(all);
        return new LoadResult(all, results.Sum(r => r.errors), results.Sum(r => r.bytes), elapsed);
    }

    [GeneratedRegex("name=\"__RequestVerificationToken\"[^>]*?value=\"([^\"]+)\"")]
    private static partial Regex AntiforgeryField();

    private sealed record LoadResult(double[] Sorted, int Errors, long Bytes, TimeSpan Elapsed)
    {
        private double Percentile(double q) => Sorted.Length == 0 ? double.NaN : Sorted[Math.Clamp((int)Math.Ceiling(q * Sorted.Length) - 1, 0, Sorted.Length - 1)];

        public string Row(string label, string scenario, int connections) => string.Create(CultureInfo.InvariantCulture,
            $"| {label} | {scenario} | {connections} | {Sorted.Length:N0} | {Sorted.Length / Elapsed.TotalSeconds:N0} req/s | {Percentile(0.50):F1} ms | {Percentile(0.90):F1} ms | {Percentile(0.99):F1} ms | {(Sorted.Length == 0 ? double.NaN : Sorted[^1]):F1} ms | {Errors} |");
    }
}
