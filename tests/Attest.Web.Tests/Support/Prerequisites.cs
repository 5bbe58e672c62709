namespace Attest.Web.Tests.Support;

/// <summary>
/// What some tests need from the machine: PostgreSQL, the S3 test server, haproxy, root to mount a tmpfs, the shared corpus.
/// On a developer's own run a test whose prerequisite is missing is skipped, saying which. Where every prerequisite is
/// promised — <c>scripts/test</c> run as root, which installs and starts them (<c>ATTEST_TEST_REQUIRE_ALL=1</c>), or CI
/// (<c>CI</c> set) — the test runs and fails naming what is missing, so that no test there passes by not running. The
/// shared corpus beside the repository is promised by CI only (a fresh clone elsewhere has none).
/// </summary>
internal static class Prerequisites
{
    /// <summary>Whether a missing prerequisite fails the test instead of skipping it.</summary>
    public static bool Required { get; } = Environment.GetEnvironmentVariable("ATTEST_TEST_REQUIRE_ALL") == "1" || InCi;

    /// <summary>Whether the tests run in CI, which also promises the shared corpus.</summary>
    public static bool InCi { get; } = Environment.GetEnvironmentVariable("CI") is { Length: > 0 } ci && !ci.Equals("false", StringComparison.OrdinalIgnoreCase);

    /// <summary>The reason to skip a test whose prerequisite is <paramref name="missing"/> (null: nothing missing), or null where prerequisites are required.</summary>
    public static string? Skip(string? missing) => Required ? null : missing;

    /// <summary>The same for the shared corpus, required in CI only.</summary>
    public static string? SkipShared(string? missing) => InCi ? null : missing;

    /// <summary>Fails the test when <paramref name="missing"/> names a missing prerequisite (only reached where it is required).</summary>
    public static void Demand(string? missing)
    {
        if (missing is not null)
        {
            throw new InvalidOperationException("A prerequisite of this test is missing: " + missing);
        }
    }
}
