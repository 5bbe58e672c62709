using PdfSharp.Fonts;

namespace Attest.Package.Report;

/// <summary>
/// Serves the DejaVu Sans faces shipped inside this assembly, so that reports render the same on a machine with no fonts
/// installed (a fresh Debian server). PDFsharp has one process-wide resolver: it is installed once, before the first report.
/// </summary>
internal sealed class EmbeddedFonts : IFontResolver
{
    public const string Family = "Attest DejaVu Sans";
    private const string RegularFace = "DejaVuSans";
    private const string BoldFace = "DejaVuSans-Bold";
    private static readonly Lock Gate = new();
    private static bool installed;

    private EmbeddedFonts()
    {
    }

    public static EmbeddedFonts Instance { get; } = new();

    /// <summary>Installs the resolver, or, when the host installed its own first, becomes its fallback.</summary>
    public static void Install()
    {
        lock (Gate)
        {
            if (installed)
            {
                return;
            }

            if (GlobalFontSettings.FontResolver is null)
            {
                GlobalFontSettings.FontResolver = Instance;
            }
            else if (GlobalFontSettings.FontResolver != Instance && GlobalFontSettings.FallbackFontResolver is null)
            {
                GlobalFontSettings.FallbackFontResolver = Instance;
            }

            installed = true;
        }
    }

    public FontResolverInfo? ResolveTypeface(string familyName, bool bold, bool italic) =>
        string.Equals(familyName, Family, StringComparison.OrdinalIgnoreCase)
            ? new FontResolverInfo(bold ? BoldFace : RegularFace, false, italic)
            : null;

    public byte[]? GetFont(string faceName)
    {
        if (faceName is not (RegularFace or BoldFace))
        {
            return null;
        }

        using var stream = typeof(EmbeddedFonts).Assembly.GetManifestResourceStream($"Attest.Package.Fonts.{faceName}.ttf")
            ?? throw new InvalidOperationException($"the embedded font {faceName} is missing from the assembly");
        using var memory = new MemoryStream();
        stream.CopyTo(memory);
        return memory.ToArray();
    }
}
