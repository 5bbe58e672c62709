using System.Globalization;
using Attest.Core.Documents;
using Attest.Core.Text;

namespace Attest.Web.Infrastructure;

/// <summary>How posted form values are read: trimmed text, tri-state choices, ISO dates, web addresses.</summary>
public static class FormInput
{
    /// <summary>The trimmed text, or null when blank; line ends as <c>\n</c>.</summary>
    public static string? Text(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim().Replace("\r\n", "\n", StringComparison.Ordinal);

    /// <summary><c>yes</c>, <c>no</c>, or not stated.</summary>
    public static bool? Tri(string? value) => value switch { "yes" => true, "no" => false, _ => null };

    /// <summary>The form spelling of a tri-state value.</summary>
    public static string? Tri(bool? value) => value switch { true => "yes", false => "no", null => null };

    /// <summary>Whether a tri-state field holds a value the form offers.</summary>
    public static bool IsTri(string? value) => value is null or "" or "yes" or "no";

    /// <summary>A date as the form shows it.</summary>
    public static string? Date(DateOnly? value) => value?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    /// <summary>Reads <c>YYYY-MM-DD</c> within <see cref="DateRange"/>: (true, null) when blank, (false, null) when malformed or out of range.</summary>
    public static (bool Ok, DateOnly? Value) Date(string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return (true, null);
        }

        var (date, _) = DateRange.Parse(text);
        return (date is not null, date);
    }

    /// <summary>Whether <paramref name="text"/> is an absolute http or https address of at most 2,000 characters.</summary>
    public static bool IsWebAddress(string? text) =>
        text is { Length: <= 2000 }
        && Uri.TryCreate(text, UriKind.Absolute, out var uri)
        && (uri.Scheme == Uri.UriSchemeHttps || uri.Scheme == Uri.UriSchemeHttp)
        && uri.Host.Length > 0;

    /// <summary>Lines of a text area, trimmed, blank ones left out.</summary>
    public static List<string> Lines(string? text) => (text ?? "").Split('\n').Select(l => l.Trim()).Where(l => l.Length > 0).ToList();

    /// <summary>A message that names its field, punctuated as each language wants it.</summary>
    public static string Labelled(string label, string message, Language language) => $"{label}{Attest.Core.Text.FrenchTypography.Colon(language)} {message}";
}
