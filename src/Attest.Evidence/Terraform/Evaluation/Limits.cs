namespace Attest.Evidence.Terraform.Evaluation;

/// <summary>Bounds on the work of one evaluation, so that any input finishes quickly.</summary>
internal static class Limits
{
    /// <summary>Most alternatives a value keeps; the rest become one unknown.</summary>
    public const int MaxAlternatives = 64;

    /// <summary>Most elements a computed list, map or string split may have.</summary>
    public const int MaxCollection = 10_000;

    /// <summary>Most characters a computed string may have.</summary>
    public const int MaxString = 1_000_000;

    /// <summary>Deepest nesting of values walked by equality, expansion and encoding.</summary>
    public const int MaxValueDepth = 64;

    /// <summary>Deepest nesting of expression evaluation, references through locals and outputs included.</summary>
    public const int MaxEvaluationDepth = 200;

    /// <summary>Deepest chain of local modules followed.</summary>
    public const int MaxModuleDepth = 12;

    /// <summary>Most local modules instantiated in one reading.</summary>
    public const int MaxModules = 200;

    /// <summary>Most instances of a resource evaluated one by one; above it, count.index and each are the union of all instances.</summary>
    public const int MaxInstances = 16;

    /// <summary>Most evaluation steps in one reading; past it every further value is unknown.</summary>
    public const long MaxSteps = 1_000_000;

    /// <summary>Most problems reported per file.</summary>
    public const int MaxProblemsPerFile = 20;
}
