using System.Text;
using Attest.Core.Text;

namespace Attest.Package.Bundle;

/// <summary>Entry names inside a bundle: made safe when writing, checked when reading.</summary>
public static class BundleNames
{
    /// <summary>The folder holding the evidence files.</summary>
    public const string FilesFolder = "files/";

    private const int MaxSegment = 120;
    private const int MaxPath = 400;
    private const string Forbidden = "\\:*?\"<>|";

    /// <summary>
    /// Names every evidence file under <c>files/</c>, keeping its folders but never leaving the folder:
    /// no <c>..</c>, no absolute path, no characters Windows refuses, no two names equal without regard to case.
    /// </summary>
    public static IReadOnlyList<string> Assign(IEnumerable<string> names)
    {
        var taken = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        var assigned = new List<string>();
        foreach (var name in names)
        {
            var safe = FilesFolder + Clean(name);
            var candidate = safe;
            for (var n = 2; !taken.Add(candidate); n++)
            {
                var extension = Path.GetExtension(safe);
                candidate = extension.Length is > 0 and <= 10
                    ? safe[..^extension.Length] + "~" + n.ToString(System.Globalization.CultureInfo.InvariantCulture) + extension
                    : safe + "~" + n.ToString(System.Globalization.CultureInfo.InvariantCulture);
            }

            assigned.Add(candidate);
        }

        return assigned;
    }

    /// <summary>Why <paramref name="name"/> may not name a bundle entry, or null when it may.</summary>
    public static LocalizedString? Unsafe(string name)
    {
        if (name.Length == 0)
        {
            return new LocalizedString("empty name", "nom vide");
        }

        if (name.Length > MaxPath * 2)
        {
            return new LocalizedString("name too long", "nom trop long");
        }

        if (name.Contains('\\', StringComparison.Ordinal))
        {
            return new LocalizedString("backslash in the name", "barre oblique inverse dans le nom");
        }

        if (name.StartsWith('/') || (name.Length >= 2 && name[1] == ':' && char.IsAsciiLetter(name[0])))
        {
            return new LocalizedString("absolute path", "chemin absolu");
        }

        if (name.Any(char.IsControl))
        {
            return new LocalizedString("control character in the name", "caractère de contrôle dans le nom");
        }

        var segments = name.TrimEnd('/').Split('/');
        if (segments.Any(s => s is "" or "." or ".."))
        {
            return new LocalizedString("'..', '.' or an empty folder in the path", "« .. », « . » ou un dossier vide dans le chemin");
        }

        return null;
    }

    private static string Clean(string name)
    {
        var segments = new List<string>();
        foreach (var raw in name.Replace('\\', '/').Split('/'))
        {
            var segment = new StringBuilder();
            foreach (var ch in raw)
            {
                segment.Append(char.IsControl(ch) || char.IsSurrogate(ch) || Forbidden.Contains(ch, StringComparison.Ordinal) ? '_' : ch);
            }

            var cleaned = segment.ToString().Trim().TrimEnd('.');
            if (cleaned is "" or "." or "..")
            {
                continue;
            }

            segments.Add(cleaned.Length > MaxSegment ? cleaned[..MaxSegment] : cleaned);
        }

        var path = string.Join('/', segments);
        if (path.Length > MaxPath)
        {
            path = path[^MaxPath..].TrimStart('/');
        }

        return path.Length == 0 ? "file" : path;
    }
}
