using System.Globalization;

namespace Attest.Evidence.Model;

/// <summary>A place in a scanned file: 1-based line and column.</summary>
public readonly record struct FileLocation(string File, int Line, int Column)
{
    /// <inheritdoc />
    public override string ToString() => string.Create(CultureInfo.InvariantCulture, $"{File}:{Line}:{Column}");
}

/// <summary>How a value was obtained; a result says it, so that a pass on a default is not mistaken for a pass on a literal.</summary>
public enum ValueSource
{
    /// <summary>Written as such in the file.</summary>
    Literal,

    /// <summary>The default of a CloudFormation parameter or Terraform variable.</summary>
    Default,

    /// <summary>One of a CloudFormation parameter's allowed values.</summary>
    AllowedValue,

    /// <summary>One branch of a condition whose outcome depends on input (<c>!If</c>, <c>a ? b : c</c>).</summary>
    Branch,

    /// <summary>A value given in a <c>.tfvars</c> file.</summary>
    Variables,

    /// <summary>A Terraform plan: exact.</summary>
    Plan,
}

/// <summary>A value that cannot be known from the code: a parameter with no default, an attribute known only after apply.</summary>
public sealed record UnknownValue(string Why);

/// <summary>
/// One possible value of a property, with how it was obtained. <see cref="Value"/> is null when the property is absent,
/// a string, decimal, bool, <see cref="IReadOnlyList{T}"/> of values, <see cref="IReadOnlyDictionary{TKey,TValue}"/> of values,
/// or an <see cref="UnknownValue"/>.
/// </summary>
public sealed record PossibleValue(object? Value, ValueSource Source, string? How = null)
{
    /// <summary>The absent value, as a literal fact.</summary>
    public static PossibleValue Absent { get; } = new(null, ValueSource.Literal);

    /// <summary>True when the property is not set.</summary>
    public bool IsAbsent => Value is null;

    /// <summary>True when the value cannot be known.</summary>
    public bool IsUnknown => Value is UnknownValue;

    /// <summary>The value as text when it is a scalar (numbers and booleans in their invariant form), else null.</summary>
    public string? Text => Value switch
    {
        string s => s,
        bool b => b ? "true" : "false",
        decimal d => d.ToString(CultureInfo.InvariantCulture),
        _ => null,
    };

    /// <summary>The value as a boolean, accepting <c>"true"</c>/<c>"false"</c> strings as CloudFormation and Terraform do.</summary>
    public bool? Boolean => Value switch
    {
        bool b => b,
        string s when string.Equals(s, "true", StringComparison.OrdinalIgnoreCase) => true,
        string s when string.Equals(s, "false", StringComparison.OrdinalIgnoreCase) => false,
        _ => null,
    };
}

/// <summary>Every value a property may take. Rules judge each: a pass needs every possibility to pass.</summary>
public sealed record ValueSet(IReadOnlyList<PossibleValue> Values)
{
    /// <summary>A single literal value.</summary>
    public static ValueSet Of(object? value) => new([new PossibleValue(value, ValueSource.Literal)]);

    /// <summary>The property is absent.</summary>
    public static ValueSet Absent { get; } = new([PossibleValue.Absent]);
}

/// <summary>One resource as a rule sees it, whatever the framework.</summary>
public interface IIacResource
{
    /// <summary><c>cloudformation</c> or <c>terraform</c>.</summary>
    string Framework { get; }

    /// <summary>The CloudFormation logical id, or the Terraform address (<c>aws_s3_bucket.logs</c>, <c>module.m.aws_s3_bucket.this[0]</c>).</summary>
    string Address { get; }

    /// <summary>The resource type: <c>AWS::S3::Bucket</c> or <c>aws_s3_bucket</c>.</summary>
    string Type { get; }

    /// <summary>Where the resource is declared.</summary>
    FileLocation Location { get; }

    /// <summary>
    /// Every possible value at <paramref name="path"/>, property names (CloudFormation) or attribute and block names (Terraform);
    /// the segment <c>*</c> stands for every element of a list, whose values are then all returned.
    /// </summary>
    ValueSet ValuesAt(params string[] path);

    /// <summary>Where the value at <paramref name="path"/> is written, or the resource's location when it is not.</summary>
    FileLocation LocationOf(params string[] path);

    /// <summary>
    /// Notes on how many instances the resource stands for (<c>count</c>, <c>for_each</c>, a CloudFormation <c>Condition</c>),
    /// or null for exactly one.
    /// </summary>
    string? Multiplicity { get; }
}

/// <summary>A parsed infrastructure-as-code file or module: its resources, and the problems met while reading it.</summary>
public sealed record IacDocument(string Framework, string File, IReadOnlyList<IIacResource> Resources, IReadOnlyList<IacProblem> Problems);

/// <summary>A problem met while reading a file (unparseable, unresolvable reference…), with its place.</summary>
public sealed record IacProblem(FileLocation Location, string Message);

/// <summary>A resource that can tell which other resources a value refers to.</summary>
public interface IReferencingResource
{
    /// <summary>The addresses or logical ids referred to anywhere under <paramref name="path"/>.</summary>
    IReadOnlyList<string> ReferencedResources(params string[] path);
}
