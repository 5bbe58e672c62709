using System.Globalization;
using Attest.Evidence.Model;

namespace Attest.Evidence.CloudFormation;

/// <summary>A template parameter as declared: what a <c>Ref</c> to it may give.</summary>
/// <param name="Name">The parameter's logical name.</param>
/// <param name="Type">Its declared type (<c>String</c>, <c>Number</c>, <c>CommaDelimitedList</c>, <c>AWS::EC2::VPC::Id</c>…).</param>
/// <param name="Location">Where it is declared.</param>
/// <param name="Default">Its default as text, or null when it has none.</param>
/// <param name="AllowedValues">Its allowed values as text, empty when any value is allowed.</param>
/// <param name="NoEcho">True when its value is masked (a secret).</param>
/// <param name="Description">Its description, if any.</param>
public sealed record CloudFormationParameter(
    string Name,
    string Type,
    FileLocation Location,
    string? Default,
    IReadOnlyList<string> AllowedValues,
    bool NoEcho,
    string? Description)
{
    /// <summary>True for <c>CommaDelimitedList</c> and <c>List&lt;…&gt;</c> types, whose <c>Ref</c> is a list.</summary>
    public bool IsList => Type == "CommaDelimitedList" || Type.StartsWith("List<", StringComparison.Ordinal);

    /// <summary>True for <c>AWS::SSM::Parameter::Value&lt;…&gt;</c> types: the default names an SSM parameter whose value is read at deployment.</summary>
    public bool IsFromSsm => Type.StartsWith("AWS::SSM::Parameter::Value<", StringComparison.Ordinal);

    /// <summary>The value a <c>Ref</c> gives for <paramref name="text"/>: a list for list types, a number for <c>Number</c>, else text.</summary>
    internal object Typed(string text)
    {
        if (IsList)
        {
            return text.Length == 0 ? Array.Empty<object?>() : text.Split(',').Select(s => (object?)s.Trim()).ToArray();
        }

        return Type == "Number" && decimal.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var number) ? number : text;
    }
}

/// <summary>A template output: its value is resolved with <see cref="CloudFormationTemplate.Resolve"/>.</summary>
/// <param name="Name">The output's logical name.</param>
/// <param name="Location">Where it is declared.</param>
/// <param name="Value">Its <c>Value</c> node, long forms only, or null when missing.</param>
/// <param name="ExportName">Its <c>Export.Name</c> node, or null when not exported.</param>
/// <param name="Condition">The condition it depends on, or null.</param>
public sealed record CloudFormationOutput(string Name, FileLocation Location, Core.Documents.DocumentNode? Value, Core.Documents.DocumentNode? ExportName, string? Condition);
