namespace Attest.Core.Text;

/// <summary>The languages every user-facing text exists in.</summary>
public enum Language
{
    /// <summary>English.</summary>
    En,

    /// <summary>French.</summary>
    Fr,
}

/// <summary>Parses and names <see cref="Language"/> values as they appear on command lines and in files.</summary>
public static class Languages
{
    /// <summary>Every supported language, English first.</summary>
    public static IReadOnlyList<Language> All { get; } = [Language.En, Language.Fr];

    /// <summary>The two-letter code, lower case: <c>en</c> or <c>fr</c>.</summary>
    public static string Code(this Language language) => language == Language.Fr ? "fr" : "en";

    /// <summary>Reads <c>en</c> or <c>fr</c> (any case, region suffix ignored).</summary>
    public static bool TryParse(string? code, out Language language)
    {
        language = Language.En;
        if (string.IsNullOrWhiteSpace(code))
        {
            return false;
        }

        var primary = code.Trim().Split('-', '_')[0].ToLowerInvariant();
        switch (primary)
        {
            case "en":
                return true;
            case "fr":
                language = Language.Fr;
                return true;
            default:
                return false;
        }
    }
}
