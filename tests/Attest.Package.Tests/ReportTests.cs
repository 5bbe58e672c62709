using System.Text;
using Attest.Core.Text;
using Attest.Package.Report;
using Attest.Package.Tests.Support;
using UglyToad.PdfPig;

namespace Attest.Package.Tests;

public sealed class ReportTests
{
    private static (string Text, int Pages) Extract(byte[] pdf)
    {
        using var document = PdfDocument.Open(pdf);
        var text = new StringBuilder();
        foreach (var page in document.GetPages())
        {
            text.AppendJoin(' ', page.GetWords().Select(w => w.Text)).Append('\n');
        }

        return (text.ToString(), document.NumberOfPages);
    }

    [Fact]
    public void The_report_names_every_item_with_its_status_and_reason()
    {
        var input = Samples.Input(Language.En);
        var (text, _) = Extract(ReadinessPdf.Create(input));

        Assert.Contains("Submission report", text, StringComparison.Ordinal);
        Assert.Contains("Acme Retail Cloud", text, StringComparison.Ordinal);
        Assert.Contains("version 1.0", text, StringComparison.Ordinal);
        Assert.Contains("2026-11-26", text, StringComparison.Ordinal);
        foreach (var id in Samples.RetailItemIds)
        {
            Assert.Contains(id + " ", text, StringComparison.Ordinal);
        }

        var firstWords = input.Readiness.Items[2].Reason.In(Language.En).Split(' ').Take(4);
        Assert.Contains(string.Join(' ', firstWords), text, StringComparison.Ordinal);
    }

    [Fact]
    public void The_french_report_keeps_its_accents_when_the_text_is_extracted()
    {
        var (text, _) = Extract(ReadinessPdf.Create(Samples.Input(Language.Fr)));

        Assert.Contains("Rapport de soumission", text, StringComparison.Ordinal);
        Assert.Contains("Préparation par élément", text, StringComparison.Ordinal);
        Assert.Contains("Études de cas", text, StringComparison.Ordinal);
        Assert.Contains("Index des preuves", text, StringComparison.Ordinal);
        Assert.Contains("respecté", text, StringComparison.Ordinal);
        Assert.Contains(Samples.Catalog.FindItem("PRE-2.1")!.Title.Fr, text, StringComparison.Ordinal);
    }

    [Fact]
    public void The_evidence_index_lists_name_size_hash_and_what_each_file_supports()
    {
        var input = Samples.Input(Language.En);
        var (text, _) = Extract(ReadinessPdf.Create(input));

        foreach (var file in input.Evidence)
        {
            Assert.Contains(file.Name, text, StringComparison.Ordinal);
            Assert.Contains($"{file.Size} bytes", text, StringComparison.Ordinal);
            Assert.Contains(file.Sha256, text.Replace(" ", "", StringComparison.Ordinal).Replace("\n", "", StringComparison.Ordinal), StringComparison.Ordinal);
        }

        Assert.Contains("Supports: VAL-2.2, VAL-2.7 · case studies: contoso", text, StringComparison.Ordinal);
        Assert.Contains("https://acme.example/retail/contoso", text, StringComparison.Ordinal);
        Assert.Contains("decks/company-overview.pdf: no such file", text, StringComparison.Ordinal);
    }

    [Fact]
    public void Long_texts_wrap_within_the_page_and_flow_onto_new_pages()
    {
        var application = Samples.ReadyApplication();
        var words = Enumerable.Range(1, 3000).Select(i => $"word{i}").ToArray();
        var caseStudies = application.CaseStudies.Select((c, i) => i == 0 ? c with { Solution = string.Join(' ', words) } : c).ToArray();
        var input = Samples.Input(Language.En, application with { CaseStudies = caseStudies });

        var (shortText, shortPages) = Extract(ReadinessPdf.Create(Samples.Input(Language.En)));
        var pdf = ReadinessPdf.Create(input);
        var (text, pages) = Extract(pdf);

        Assert.True(pages >= shortPages + 3, $"{pages} pages, {shortPages} without the long text");
        var found = text.Split([' ', '\n'], StringSplitOptions.RemoveEmptyEntries).Where(w => w.StartsWith("word", StringComparison.Ordinal)).ToArray();
        Assert.Equal(words, found);
        using var document = PdfDocument.Open(pdf);
        foreach (var page in document.GetPages())
        {
            Assert.All(page.Letters, l => Assert.InRange(l.BoundingBox.Right, 0, page.Width - 40));
            Assert.All(page.Letters, l => Assert.InRange(l.BoundingBox.Bottom, 20, page.Height));
        }

        Assert.DoesNotContain("word", shortText, StringComparison.Ordinal);
    }

    [Fact]
    public void A_word_longer_than_the_line_is_cut_and_control_characters_are_dropped()
    {
        var application = Samples.ReadyApplication();
        var endless = string.Concat(Enumerable.Repeat("0123456789", 60));
        var caseStudies = application.CaseStudies.Select((c, i) => i == 0 ? c with { Results = "bell\u0007 " + endless } : c).ToArray();
        var (text, _) = Extract(ReadinessPdf.Create(Samples.Input(Language.En, application with { CaseStudies = caseStudies })));

        Assert.Contains("bell ", text, StringComparison.Ordinal);
        Assert.Contains(endless, text.Replace(" ", "", StringComparison.Ordinal).Replace("\n", "", StringComparison.Ordinal), StringComparison.Ordinal);
        Assert.DoesNotContain("\u0007", text, StringComparison.Ordinal);
    }

    [Fact]
    public void The_text_is_drawn_with_the_embedded_dejavu_font_so_no_installed_font_is_needed()
    {
        using var document = PdfDocument.Open(ReadinessPdf.Create(Samples.Input(Language.Fr)));

        var fonts = document.GetPages().SelectMany(p => p.Letters).Select(l => l.FontName).Distinct().ToArray();

        Assert.NotEmpty(fonts);
        Assert.All(fonts, f => Assert.Contains("DejaVu Sans", f, StringComparison.Ordinal));
    }

    [Fact]
    public void Reports_made_at_the_same_time_on_several_threads_are_all_whole()
    {
        var inputs = new[] { Language.En, Language.Fr, Language.En, Language.Fr }.Select(l => Samples.Input(l)).ToArray();

        var pdfs = new byte[inputs.Length][];
        Parallel.For(0, inputs.Length, i => pdfs[i] = ReadinessPdf.Create(inputs[i]));

        foreach (var pdf in pdfs)
        {
            var (text, _) = Extract(pdf);
            Assert.Contains("VAL-2.13", text, StringComparison.Ordinal);
        }
    }
}
