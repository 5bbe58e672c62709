namespace Attest.Core.Text;

/// <summary>A text given in English and French.</summary>
public sealed record LocalizedString(string En, string Fr)
{
    /// <summary>The French text, its punctuation spaced as French wants it (<see cref="FrenchTypography"/>).</summary>
    public string Fr { get; init; } = FrenchTypography.Apply(Fr);

    /// <summary>The text in <paramref name="language"/>.</summary>
    public string In(Language language) => language == Language.Fr ? Fr : En;

    /// <inheritdoc />
    public override string ToString() => En;
}
