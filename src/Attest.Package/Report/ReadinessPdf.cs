using System.Globalization;
using Attest.Core.Readiness;
using Attest.Core.Text;
using PdfSharp.Drawing;
using PdfSharp.Pdf;

namespace Attest.Package.Report;

/// <summary>
/// The PDF report of a submission: a title page (partner, checklist, version, date), the readiness of every item with its
/// reason, the case studies, and the evidence index (name, size, SHA-256, what each file supports).
/// </summary>
public static class ReadinessPdf
{
    /// <summary>Writes the report to <paramref name="output"/> (left open).</summary>
    public static void Write(SubmissionInput input, Stream output)
    {
        ArgumentNullException.ThrowIfNull(input);
        ArgumentNullException.ThrowIfNull(output);
        var language = input.EffectiveLanguage;
        using var document = new PdfDocument();
        document.Info.Title = PdfText.Clean($"{PackageTexts.ReportTitle.In(language)} — {input.PartnerName}");
        document.Info.Subject = PdfText.Clean(input.Catalog.Title.In(language));
        document.Info.Creator = "Attest";
        document.Info.CreationDate = input.CreatedAt.UtcDateTime;
        using (var layout = new PdfLayout(document, PdfText.Clean($"{input.PartnerName} · {input.Catalog.Id}"), n => PackageTexts.Page.With(n).In(language)))
        {
            TitlePage(layout, input, language);
            Items(layout, input, language);
            CaseStudies(layout, input, language);
            EvidenceIndex(layout, input, language);
        }

        document.Save(output, closeStream: false);
    }

    /// <summary>The report as bytes.</summary>
    public static byte[] Create(SubmissionInput input)
    {
        using var memory = new MemoryStream();
        Write(input, memory);
        return memory.ToArray();
    }

    private static void TitlePage(PdfLayout layout, SubmissionInput input, Language language)
    {
        var report = input.Readiness;
        var catalog = input.Catalog;
        layout.NewPage();
        layout.Space(120);
        layout.Paragraph(PackageTexts.ReportTitle.In(language), layout.Title);
        layout.Space(16);
        layout.Paragraph(input.PartnerName, layout.Heading);
        layout.Space(24);
        Labelled(layout, PackageTexts.Checklist.In(language), PackageTexts.ChecklistVersion.With(catalog.Title.In(language), catalog.Version, catalog.Published).In(language));
        Labelled(layout, PackageTexts.ApplicationVersion.In(language), input.Version?.ToString(CultureInfo.InvariantCulture) ?? PackageTexts.Draft.In(language));
        Labelled(layout, PackageTexts.Created.In(language), input.CreatedAt.ToUniversalTime().ToString("yyyy-MM-dd HH:mm 'UTC'", CultureInfo.InvariantCulture));
        Labelled(layout, PackageTexts.AsOf.In(language), report.AsOf.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
        layout.Space(16);
        var summary = report.Ready
            ? PackageTexts.ReadySummary.With(report.Count(ReadinessStatus.Met), report.Count(ReadinessStatus.NeedsReview), report.Count(ReadinessStatus.NotApplicable))
            : PackageTexts.NotReadySummary.With(report.Count(ReadinessStatus.NotMet), report.Count(ReadinessStatus.NeedsReview), report.Count(ReadinessStatus.Met), report.Count(ReadinessStatus.NotApplicable));
        Labelled(layout, PackageTexts.Summary.In(language), summary.In(language));
    }

    private static void Items(PdfLayout layout, SubmissionInput input, Language language)
    {
        layout.NewPage();
        layout.Paragraph(PackageTexts.ReadinessPerItem.In(language), layout.Heading);
        foreach (var section in input.Catalog.Sections)
        {
            layout.Space(8);
            layout.KeepRoom(60);
            layout.Paragraph($"{section.Id} {section.Title.In(language)}", layout.Strong, brush: XBrushes.DarkSlateGray);
            foreach (var verdict in input.Readiness.Items.Where(v => section.Items.Contains(v.Item)))
            {
                layout.Space(4);
                layout.KeepRoom(40);
                layout.Paragraph($"{verdict.Item.Id} {verdict.Item.Title.In(language)}", layout.Strong);
                layout.Paragraph(PackageTexts.StatusLine.With(ReadinessStatuses.Names.Display(verdict.Status)).In(language), layout.Body, 12);
                layout.Paragraph(verdict.Reason.In(language), layout.Body, 12);
                if (verdict.NextStep is { } next)
                {
                    layout.Paragraph(PackageTexts.NextStep.With(next).In(language), layout.Body, 12);
                }

                foreach (var caseStudy in verdict.CaseStudies)
                {
                    layout.Paragraph($"{caseStudy.Key}: {ReadinessStatuses.Names.Display(caseStudy.Status).In(language)} — {caseStudy.Reason.In(language)}", layout.Small, 24);
                }

                foreach (var note in verdict.Notes)
                {
                    layout.Paragraph(note.In(language), layout.Small, 12, XBrushes.DimGray);
                }

                var entry = input.Application.SelfAssessment.GetValueOrDefault(verdict.Item.Id);
                var answer = entry?.Met is null ? PackageTexts.NotAnswered.In(language) : Spreadsheet.SelfAssessmentWorkbook.MetYesNo(entry.Met, language);
                layout.Paragraph(PackageTexts.SelfAssessedLine.With(answer, entry?.Note ?? "").In(language).TrimEnd(' ', ';'), layout.Small, 12, XBrushes.DimGray);
            }
        }
    }

    private static void CaseStudies(PdfLayout layout, SubmissionInput input, Language language)
    {
        layout.NewPage();
        layout.Paragraph(PackageTexts.CaseStudies.In(language), layout.Heading);
        foreach (var caseStudy in input.Application.CaseStudies)
        {
            layout.Space(10);
            layout.KeepRoom(80);
            layout.Paragraph($"{caseStudy.Key} — {caseStudy.Customer}", layout.Strong);
            foreach (var (field, value) in CaseStudyFields.Of(caseStudy, language).Skip(1))
            {
                Labelled(layout, field, value, 12);
            }
        }
    }

    private static void EvidenceIndex(PdfLayout layout, SubmissionInput input, Language language)
    {
        layout.NewPage();
        layout.Paragraph(PackageTexts.EvidenceIndex.In(language), layout.Heading);
        layout.Space(6);
        if (input.Evidence.Count == 0)
        {
            layout.Paragraph(PackageTexts.NoEvidence.In(language), layout.Body);
        }

        foreach (var file in input.Evidence)
        {
            layout.Space(4);
            layout.KeepRoom(36);
            layout.Paragraph(file.Name, layout.Strong);
            layout.Paragraph(PackageTexts.EvidenceEntry.With(file.Size.ToString(CultureInfo.InvariantCulture), file.Sha256).In(language), layout.Small, 12);
            layout.Paragraph(Supports(file.Items, file.CaseStudies, language), layout.Small, 12);
        }

        if (input.Links.Count > 0)
        {
            layout.Space(10);
            layout.Paragraph(PackageTexts.Links.In(language), layout.Strong, brush: XBrushes.DarkSlateGray);
            foreach (var link in input.Links)
            {
                layout.Paragraph(link.Url, layout.Body, 12);
                layout.Paragraph(Supports(link.Items, link.CaseStudies, language), layout.Small, 24);
            }
        }

        if (input.Missing.Count > 0)
        {
            layout.Space(10);
            layout.Paragraph(PackageTexts.MissingFiles.In(language), layout.Strong, brush: XBrushes.DarkRed);
            foreach (var missing in input.Missing)
            {
                layout.Paragraph($"{missing.Reference}: {missing.Why.In(language)}", layout.Body, 12);
                layout.Paragraph(Supports(missing.Items, missing.CaseStudies, language), layout.Small, 24);
            }
        }
    }

    private static string Supports(IReadOnlyList<string> items, IReadOnlyList<string> caseStudies, Language language) => (items.Count, caseStudies.Count) switch
    {
        (0, 0) => PackageTexts.NothingCited.In(language),
        (_, 0) => PackageTexts.Supports.With(string.Join(", ", items)).In(language),
        (0, _) => PackageTexts.SupportsCaseStudies.With(string.Join(", ", caseStudies)).In(language),
        _ => PackageTexts.SupportsItemsAndCaseStudies.With(string.Join(", ", items), string.Join(", ", caseStudies)).In(language),
    };

    private static void Labelled(PdfLayout layout, string label, string value, double indent = 0)
    {
        layout.Paragraph(label, layout.Small, indent, XBrushes.DimGray);
        layout.Paragraph(value, layout.Body, indent + 8);
    }
}
