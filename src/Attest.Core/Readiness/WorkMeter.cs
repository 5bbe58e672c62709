namespace Attest.Core.Readiness;

/// <summary>
/// Counts, on the current thread, the case studies the readiness work looks at (once per look, wherever a loop or a
/// look-up visits one), so that a test can check that the work grows linearly with the number of case studies
/// rather than timing it.
/// </summary>
internal static class WorkMeter
{
    [ThreadStatic]
    private static long visits;

    /// <summary>The visits counted on this thread since the last <see cref="Reset"/>.</summary>
    public static long Visits => visits;

    /// <summary>Counts <paramref name="count"/> visits.</summary>
    public static void Visit(long count = 1) => visits += count;

    /// <summary>Starts counting from zero.</summary>
    public static void Reset() => visits = 0;
}
