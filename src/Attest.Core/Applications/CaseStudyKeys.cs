using System.Globalization;
using System.Text;

namespace Attest.Core.Applications;

/// <summary>
/// Case study keys made from the customer's name: lower-case ASCII letters and digits joined by '-', accents dropped
/// ("Société Générale" gives <c>societe-generale</c>), at most <see cref="MaxLength"/> characters, made unique within
/// the application by a number ("contoso-2").
/// </summary>
public static class CaseStudyKeys
{
    /// <summary>The longest key made from a name (a key typed by hand may be longer, up to 100 characters).</summary>
    public const int MaxLength = 60;

    /// <summary>The key used when the name gives no letter or digit at all.</summary>
    public const string Fallback = "case-study";

    /// <summary>The key made from <paramref name="customer"/> alone (not yet made unique).</summary>
    public static string Slug(string? customer)
    {
        var key = new StringBuilder();
        var dash = false;
        foreach (var c in customer ?? "")
        {
            var folded = Fold(c);
            if (folded.Length == 0)
            {
                dash = true;
                continue;
            }

            if (dash && key.Length > 0)
            {
                key.Append('-');
            }

            dash = false;
            key.Append(folded);
        }

        var text = key.Length > MaxLength ? key.ToString(0, MaxLength).TrimEnd('-') : key.ToString();
        return text.Length == 0 ? Fallback : text;
    }

    // A letter or digit as lower-case ASCII (accents dropped, ligatures spelt out); empty for anything else. A table rather
    // than Unicode decomposition, which the invariant globalization mode does not do.
    private static string Fold(char c)
    {
        if (char.IsAsciiLetterOrDigit(c))
        {
            return char.ToLowerInvariant(c).ToString();
        }

        var lower = char.ToLowerInvariant(c);
        foreach (var (letters, ascii) in Accents)
        {
            if (letters.Contains(lower, StringComparison.Ordinal))
            {
                return ascii;
            }
        }

        return "";
    }

    private static readonly (string Letters, string Ascii)[] Accents =
    [
        ("àáâãäåāăą", "a"), ("æ", "ae"), ("çćĉċč", "c"), ("ďđ", "d"), ("èéêëēĕėęě", "e"), ("ĝğġģ", "g"), ("ĥħ", "h"),
        ("ìíîïĩīĭįı", "i"), ("ĵ", "j"), ("ķ", "k"), ("ĺļľŀł", "l"), ("ñńņňŉ", "n"), ("òóôõöøōŏő", "o"), ("œ", "oe"),
        ("ŕŗř", "r"), ("śŝşš", "s"), ("ß", "ss"), ("ţťŧ", "t"), ("ùúûüũūŭůűų", "u"), ("ŵ", "w"), ("ýÿŷ", "y"), ("źżž", "z"),
    ];

    /// <summary>
    /// The key made from <paramref name="customer"/>, unique among <paramref name="taken"/> (compared exactly) and never
    /// the reserved word <c>new</c>: the slug itself, or the slug followed by "-2", "-3"…
    /// </summary>
    public static string Unique(string? customer, IReadOnlyCollection<string> taken)
    {
        ArgumentNullException.ThrowIfNull(taken);
        var slug = Slug(customer);
        bool Free(string key) => key != "new" && !taken.Contains(key);
        if (Free(slug))
        {
            return slug;
        }

        for (var n = 2; ; n++)
        {
            var key = $"{slug}-{n.ToString(CultureInfo.InvariantCulture)}";
            if (Free(key))
            {
                return key;
            }
        }
    }
}
