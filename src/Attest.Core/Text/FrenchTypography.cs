using System.Text;

namespace Attest.Core.Text;

/// <summary>
/// French punctuation as French readers expect it: the space before <c>:</c>, <c>;</c>, <c>?</c>, <c>!</c> and <c>»</c>, and
/// after <c>«</c>, does not break (a question mark never starts a line on its own). Every French text of
/// <see cref="LocalizedString"/> and <see cref="Phrase"/> goes through <see cref="Apply"/>, so the texts are written with
/// ordinary spaces.
/// </summary>
public static class FrenchTypography
{
    /// <summary>The no-break space (U+00A0).</summary>
    public const char NoBreakSpace = '\u00A0';

    /// <summary>What a page writes after a label in <paramref name="language"/>: <c>:</c> in English, a no-break space and <c>:</c> in French.</summary>
    public static string Colon(Language language) => language == Language.Fr ? NoBreakSpace + ":" : ":";

    /// <summary><paramref name="text"/> with each ordinary space before <c>: ; ? ! »</c> and after <c>«</c> made a no-break space.</summary>
    public static string Apply(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        if (!NeedsWork(text))
        {
            return text;
        }

        var result = new StringBuilder(text.Length);
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            var before = i + 1 < text.Length && text[i + 1] is ':' or ';' or '?' or '!' or '»';
            var after = i > 0 && text[i - 1] == '«';
            result.Append(c == ' ' && (before || after) ? NoBreakSpace : c);
        }

        return result.ToString();
    }

    private static bool NeedsWork(string text) =>
        text.Contains(" :", StringComparison.Ordinal) || text.Contains(" ;", StringComparison.Ordinal) || text.Contains(" ?", StringComparison.Ordinal)
        || text.Contains(" !", StringComparison.Ordinal) || text.Contains(" »", StringComparison.Ordinal) || text.Contains("« ", StringComparison.Ordinal);
}
