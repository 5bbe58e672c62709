using Attest.Web.Infrastructure;

namespace Attest.Web.Tests;

/// <summary>The sign-in throttle on its own clock: it engages per address and client and per client, and it expires.</summary>
public sealed class SignInThrottleTests
{
    private sealed class MovingClock : TimeProvider
    {
        public DateTimeOffset Now { get; set; } = new(2026, 11, 26, 9, 0, 0, TimeSpan.Zero);

        public override DateTimeOffset GetUtcNow() => Now;
    }

    [Fact]
    public void Five_failures_for_an_address_hold_that_client_back_for_the_window_only_and_a_success_forgets_them()
    {
        var clock = new MovingClock();
        var throttle = new SignInThrottle(clock, new AttestOptions());
        for (var i = 0; i < 4; i++)
        {
            throttle.Failed("ADMIN@EXAMPLE.TEST", "10.0.0.1");
        }

        Assert.True(throttle.Allows("ADMIN@EXAMPLE.TEST", "10.0.0.1"));
        throttle.Failed("ADMIN@EXAMPLE.TEST", "10.0.0.1");
        Assert.False(throttle.Allows("ADMIN@EXAMPLE.TEST", "10.0.0.1"));
        Assert.True(throttle.Allows("ADMIN@EXAMPLE.TEST", "10.0.0.2"));
        Assert.True(throttle.Allows("LEAD@EXAMPLE.TEST", "10.0.0.1"));

        clock.Now += TimeSpan.FromMinutes(14);
        Assert.False(throttle.Allows("ADMIN@EXAMPLE.TEST", "10.0.0.1"));
        clock.Now += TimeSpan.FromMinutes(1);
        Assert.True(throttle.Allows("ADMIN@EXAMPLE.TEST", "10.0.0.1"));

        throttle.Failed("ADMIN@EXAMPLE.TEST", "10.0.0.1");
        throttle.Succeeded("ADMIN@EXAMPLE.TEST", "10.0.0.1");
        for (var i = 0; i < 4; i++)
        {
            throttle.Failed("ADMIN@EXAMPLE.TEST", "10.0.0.1");
        }

        Assert.True(throttle.Allows("ADMIN@EXAMPLE.TEST", "10.0.0.1"));
    }

    [Fact]
    public void Twenty_failures_from_a_client_over_any_addresses_hold_it_back_whatever_the_address()
    {
        var throttle = new SignInThrottle(new MovingClock(), new AttestOptions { SignInFailuresPerClient = 20 });
        for (var i = 0; i < 20; i++)
        {
            Assert.True(throttle.Allows($"USER{i}@EXAMPLE.TEST", "10.0.0.9"));
            throttle.Failed($"USER{i}@EXAMPLE.TEST", "10.0.0.9");
        }

        Assert.False(throttle.Allows("NEW@EXAMPLE.TEST", "10.0.0.9"));
        Assert.True(throttle.Allows("NEW@EXAMPLE.TEST", "10.0.0.10"));
    }
}
