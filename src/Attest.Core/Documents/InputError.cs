namespace Attest.Core.Documents;

/// <summary>Why an input file could not be read: where, which field, and what is wrong.</summary>
public sealed record InputError(string File, int Line, int Column, string Field, string Problem)
{
    /// <summary>One line: <c>file:line:column: field: problem</c>.</summary>
    public override string ToString()
    {
        var place = Line > 0 ? $"{File}:{Line}:{Column}" : File;
        return string.IsNullOrEmpty(Field) ? $"{place}: {Problem}" : $"{place}: {Field}: {Problem}";
    }
}

/// <summary>Thrown inside readers to stop at the first problem; caught at the reader's edge and turned into an <see cref="InputError"/>.</summary>
internal sealed class InputErrorException(InputError error) : Exception(error.ToString())
{
    public InputError Error { get; } = error;
}
