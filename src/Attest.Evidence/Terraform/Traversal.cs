using System.Globalization;
using System.Text;

namespace Attest.Evidence.Terraform;

/// <summary>A static reference: a root variable name followed by attribute and constant index steps.</summary>
/// <param name="RootName">The variable name, e.g. <c>var</c>, <c>aws_s3_bucket</c>, <c>local</c>.</param>
/// <param name="Steps">The steps after the root, in order.</param>
/// <param name="Range">Where the reference is.</param>
public sealed record Traversal(string RootName, IReadOnlyList<TraversalStep> Steps, SourceRange Range)
{
    /// <summary>Formats the reference as written canonically, e.g. <c>aws_s3_bucket.logs.id</c> or <c>local.a[0]</c>.</summary>
    public override string ToString()
    {
        var text = new StringBuilder(RootName);
        foreach (var step in Steps)
        {
            step.AppendTo(text);
        }

        return text.ToString();
    }
}

/// <summary>One step of a traversal.</summary>
/// <param name="Range">Where the step is.</param>
public abstract record TraversalStep(SourceRange Range)
{
    internal abstract void AppendTo(StringBuilder text);
}

/// <summary>An attribute access step, <c>.name</c>.</summary>
/// <param name="Name">The attribute name.</param>
/// <param name="Range">From the dot to the end of the name.</param>
public sealed record AttributeStep(string Name, SourceRange Range) : TraversalStep(Range)
{
    internal override void AppendTo(StringBuilder text) => text.Append('.').Append(Name);
}

/// <summary>A constant index step, <c>[0]</c>, <c>["key"]</c> or the legacy <c>.0</c>.</summary>
/// <param name="Key">The key: a <see cref="string"/>, or a number (<see cref="decimal"/>, or <see cref="double"/> when it does not fit).</param>
/// <param name="IsLegacy">True for the legacy <c>.0</c> form.</param>
/// <param name="Range">From the bracket or dot to the end of the key.</param>
public sealed record IndexStep(object Key, bool IsLegacy, SourceRange Range) : TraversalStep(Range)
{
    internal override void AppendTo(StringBuilder text)
    {
        if (Key is string s)
        {
            text.Append("[\"").Append(s.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("\"", "\\\"", StringComparison.Ordinal)).Append("\"]");
        }
        else
        {
            text.Append('[').Append(Convert.ToString(Key, CultureInfo.InvariantCulture)).Append(']');
        }
    }
}
