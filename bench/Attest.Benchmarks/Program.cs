namespace Attest.Benchmarks; internal static class Program { private static void Main() { } }
