using Attest.Core.Text;

namespace Attest.Core.Documents;

/// <summary>Why an input file could not be read: where, which field, and what is wrong.</summary>
public sealed record InputError(string File, int Line, int Column, string Field, string Problem)
{
    /// <summary>
    /// The problem in both languages, where the reader words it so (the common problems of any field: wrong kind of value,
    /// unknown key or value, missing field, bad date or number); null where only <see cref="Problem"/>, in English, exists.
    /// </summary>
    public LocalizedString? Localized { get; init; }

    /// <summary>The problem in <paramref name="language"/>, or null when it is worded in English only.</summary>
    public string? ProblemIn(Language language) => language == Language.En ? Problem : Localized?.In(language);

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
