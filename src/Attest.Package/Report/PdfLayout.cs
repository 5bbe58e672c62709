using System.Text;
using PdfSharp;
using PdfSharp.Drawing;
using PdfSharp.Pdf;

namespace Attest.Package.Report;

/// <summary>A top-to-bottom flow of wrapped text over A4 pages: lines break between words, pages break between lines.</summary>
internal sealed class PdfLayout : IDisposable
{
    private const double Margin = 50;
    private readonly PdfDocument document;
    private readonly string footer;
    private readonly Func<int, string> pageLabel;
    private XGraphics? graphics;
    private PdfPage? page;
    private double y;

    public PdfLayout(PdfDocument document, string footer, Func<int, string> pageLabel)
    {
        EmbeddedFonts.Install();
        this.document = document;
        this.footer = footer;
        this.pageLabel = pageLabel;
        var options = new XPdfFontOptions(PdfFontEncoding.Unicode);
        Body = new XFont(EmbeddedFonts.Family, 9.5, XFontStyleEx.Regular, options);
        Small = new XFont(EmbeddedFonts.Family, 8, XFontStyleEx.Regular, options);
        Strong = new XFont(EmbeddedFonts.Family, 9.5, XFontStyleEx.Bold, options);
        Heading = new XFont(EmbeddedFonts.Family, 14, XFontStyleEx.Bold, options);
        Title = new XFont(EmbeddedFonts.Family, 22, XFontStyleEx.Bold, options);
    }

    public XFont Body { get; }

    public XFont Small { get; }

    public XFont Strong { get; }

    public XFont Heading { get; }

    public XFont Title { get; }

    private double Bottom => page!.Height.Point - Margin - 14;

    private double Width => page!.Width.Point - (2 * Margin);

    public void NewPage()
    {
        graphics?.Dispose();
        page = document.AddPage();
        page.Size = PageSize.A4;
        graphics = XGraphics.FromPdfPage(page);
        var label = footer + " · " + pageLabel(document.PageCount);
        graphics.DrawString(PdfText.Clean(label), Small, XBrushes.Gray, Margin, page.Height.Point - Margin + 4, XStringFormats.TopLeft);
        y = Margin;
    }

    public void Space(double points)
    {
        EnsurePage();
        y = Math.Min(y + points, Bottom);
    }

    /// <summary>Starts a new page unless <paramref name="points"/> still fit on this one.</summary>
    public void KeepRoom(double points)
    {
        EnsurePage();
        if (y + points > Bottom)
        {
            NewPage();
        }
    }

    /// <summary>Writes <paramref name="text"/> wrapped to the page width, indented by <paramref name="indent"/> points.</summary>
    public void Paragraph(string text, XFont font, double indent = 0, XBrush? brush = null)
    {
        EnsurePage();
        var lineHeight = font.GetHeight() * 1.15;
        foreach (var line in Wrap(PdfText.Clean(text), font, Width - indent))
        {
            if (y + lineHeight > Bottom)
            {
                NewPage();
            }

            graphics!.DrawString(line, font, brush ?? XBrushes.Black, Margin + indent, y, XStringFormats.TopLeft);
            y += lineHeight;
        }
    }

    public void Dispose() => graphics?.Dispose();

    private void EnsurePage()
    {
        if (page is null)
        {
            NewPage();
        }
    }

    private IEnumerable<string> Wrap(string text, XFont font, double width)
    {
        foreach (var paragraph in text.Split('\n'))
        {
            var line = new StringBuilder();
            foreach (var word in paragraph.Split(' ', StringSplitOptions.RemoveEmptyEntries))
            {
                var candidate = line.Length == 0 ? word : line + " " + word;
                if (Fits(candidate, font, width))
                {
                    line.Clear().Append(candidate);
                    continue;
                }

                if (line.Length > 0)
                {
                    yield return line.ToString();
                    line.Clear();
                }

                // A word wider than the line (a long hash or address) is cut where it must be
                var rest = word;
                while (!Fits(rest, font, width))
                {
                    int low = 1, high = rest.Length - 1;
                    while (low < high)
                    {
                        var middle = (low + high + 1) / 2;
                        if (Fits(rest[..middle], font, width))
                        {
                            low = middle;
                        }
                        else
                        {
                            high = middle - 1;
                        }
                    }

                    var cut = low;

                    yield return rest[..cut];
                    rest = rest[cut..];
                }

                line.Append(rest);
            }

            yield return line.ToString();
        }
    }

    private bool Fits(string text, XFont font, double width) => graphics!.MeasureString(text, font).Width <= width;
}

/// <summary>Text made safe for drawing: no control characters, no lone surrogates.</summary>
internal static class PdfText
{
    public static string Clean(string text)
    {
        var builder = new StringBuilder(text.Length);
        for (var i = 0; i < text.Length; i++)
        {
            var ch = text[i];
            if (char.IsHighSurrogate(ch) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]))
            {
                builder.Append(ch).Append(text[++i]);
            }
            else if (ch == '\n')
            {
                builder.Append(ch);
            }
            else if (ch == '\t' || ch == '\r')
            {
                builder.Append(' ');
            }
            else if (!char.IsControl(ch) && !char.IsSurrogate(ch))
            {
                builder.Append(ch);
            }
        }

        return builder.ToString();
    }
}
