using System.Collections.Concurrent;

namespace Attest.Web.Infrastructure;

/// <summary>
/// Failed sign-ins counted in a window, by address from one client (<see cref="AttestOptions.SignInFailuresPerAddress"/>)
/// and by client over every address (<see cref="AttestOptions.SignInFailuresPerClient"/>). It never looks at accounts: an
/// unknown address is throttled exactly like a real one, so the throttle tells nobody who has an account; and since an
/// address is throttled per client and the throttle expires, nobody can lock the administrator (or anyone) out from
/// elsewhere. Kept in memory: each instance counts the attempts it answers.
/// </summary>
public sealed class SignInThrottle(TimeProvider clock, AttestOptions options)
{
    private const int PruneAbove = 100_000;
    private readonly ConcurrentDictionary<string, Window> failures = new(StringComparer.Ordinal);

    /// <summary>How long a client waits once throttled, at most.</summary>
    public TimeSpan Period => TimeSpan.FromMinutes(Math.Max(1, options.SignInThrottleMinutes));

    /// <summary>Whether an attempt for <paramref name="address"/> (normalized) from <paramref name="client"/> may go on.</summary>
    public bool Allows(string address, string client) =>
        Count(ClientKey(client)) < options.SignInFailuresPerClient && Count(AddressKey(address, client)) < options.SignInFailuresPerAddress;

    /// <summary>Counts a failed attempt.</summary>
    public void Failed(string address, string client)
    {
        if (failures.Count > PruneAbove)
        {
            Prune();
        }

        Add(ClientKey(client));
        Add(AddressKey(address, client));
    }

    /// <summary>Forgets the failures of <paramref name="address"/> from <paramref name="client"/> after a successful sign-in.</summary>
    public void Succeeded(string address, string client) => failures.TryRemove(AddressKey(address, client), out _);

    private static string ClientKey(string client) => "client\n" + client;

    private static string AddressKey(string address, string client) => "address\n" + address + "\n" + client;

    private int Count(string key)
    {
        if (!failures.TryGetValue(key, out var window))
        {
            return 0;
        }

        lock (window)
        {
            return window.Start + Period > clock.GetUtcNow() ? window.Count : 0;
        }
    }

    private void Add(string key)
    {
        var now = clock.GetUtcNow();
        var window = failures.GetOrAdd(key, _ => new Window { Start = now });
        lock (window)
        {
            if (window.Start + Period <= now)
            {
                window.Start = now;
                window.Count = 0;
            }

            window.Count++;
        }
    }

    private void Prune()
    {
        var now = clock.GetUtcNow();
        foreach (var (key, window) in failures)
        {
            bool expired;
            lock (window)
            {
                expired = window.Start + Period <= now;
            }

            if (expired)
            {
                failures.TryRemove(key, out _);
            }
        }
    }

    private sealed class Window
    {
        public DateTimeOffset Start { get; set; }

        public int Count { get; set; }
    }
}
