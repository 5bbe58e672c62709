using Attest.Core.Applications;
using Attest.Core.Catalogs;
using Attest.Core.Readiness;
using Attest.Core.Text;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;

namespace Attest.Package.Spreadsheet;

/// <summary>
/// The completed self-assessment as a spreadsheet laid out like the official checklist: one sheet with a row per item,
/// then one sheet per case study for the items judged on case studies. Every cell is a string; none is a formula.
/// </summary>
public static class SelfAssessmentWorkbook
{
    // Style indexes of the stylesheet below
    private const uint Wrapped = 1;
    private const uint Header = 2;
    private const uint Section = 3;
    private const uint WrappedQuoted = 4;

    /// <summary>Writes the workbook to <paramref name="output"/>.</summary>
    public static void Write(SubmissionInput input, Stream output)
    {
        ArgumentNullException.ThrowIfNull(input);
        var language = input.EffectiveLanguage;
        using var document = SpreadsheetDocument.Create(output, SpreadsheetDocumentType.Workbook);
        var workbookPart = document.AddWorkbookPart();
        workbookPart.Workbook = new Workbook();
        var styles = workbookPart.AddNewPart<WorkbookStylesPart>();
        styles.Stylesheet = Stylesheet();
        var sheets = workbookPart.Workbook.AppendChild(new Sheets());
        var names = new HashSet<string>(StringComparer.OrdinalIgnoreCase);

        AddSheet(workbookPart, sheets, names, PackageTexts.SelfAssessmentSheet.In(language), ItemsSheet(input, language));
        foreach (var caseStudy in input.Application.CaseStudies)
        {
            AddSheet(workbookPart, sheets, names, caseStudy.Key, CaseStudySheet(input, caseStudy, language));
        }

        workbookPart.Workbook.Save();
    }

    /// <summary>The workbook as bytes.</summary>
    public static byte[] Create(SubmissionInput input)
    {
        using var memory = new MemoryStream();
        Write(input, memory);
        return memory.ToArray();
    }

    /// <summary>Y/N in English, O/N in French, empty when not answered.</summary>
    internal static string MetYesNo(bool? met, Language language) => met switch
    {
        true => PackageTexts.Yes.In(language),
        false => PackageTexts.No.In(language),
        null => "",
    };

    private sealed record SheetContent(double[] Widths, List<(uint Style, string[] Cells)> Rows, bool FreezeHeader);

    private static SheetContent ItemsSheet(SubmissionInput input, Language language)
    {
        var rows = new List<(uint, string[])>
        {
            (Header, [PackageTexts.Number.In(language), PackageTexts.Title.In(language), PackageTexts.Requirement.In(language), PackageTexts.MetYesNo.In(language), PackageTexts.Justification.In(language), PackageTexts.EvidenceReferences.In(language)]),
        };
        foreach (var section in input.Catalog.Sections)
        {
            rows.Add((Section, [section.Id, section.Number + " " + section.Title.In(language), "", PackageTexts.MetYesNo.In(language), "", ""]));
            foreach (var item in section.Items)
            {
                var entry = input.Application.SelfAssessment.GetValueOrDefault(item.Id);
                rows.Add((Wrapped, [item.Id, item.Title.In(language), item.Requirement.In(language), MetYesNo(entry?.Met, language), entry?.Note ?? "", string.Join("\n", entry?.Evidence ?? [])]));
            }
        }

        return new SheetContent([12, 32, 70, 12, 50, 36], rows, FreezeHeader: true);
    }

    private static SheetContent CaseStudySheet(SubmissionInput input, CaseStudy caseStudy, Language language)
    {
        var rows = new List<(uint, string[])> { (Header, [PackageTexts.Field.In(language), PackageTexts.Value.In(language), "", "", "", ""]) };
        foreach (var (field, value) in CaseStudyFields.Of(caseStudy, language))
        {
            rows.Add((Wrapped, [field, value, "", "", "", ""]));
        }

        rows.Add((Wrapped, ["", "", "", "", "", ""]));
        rows.Add((Section, [PackageTexts.CaseStudyItems.In(language), "", "", "", "", ""]));
        rows.Add((Header, [PackageTexts.Item.In(language), PackageTexts.Title.In(language), PackageTexts.Verdict.In(language), PackageTexts.Reason.In(language), PackageTexts.MetYesNo.In(language), PackageTexts.EvidenceReferences.In(language)]));
        foreach (var verdict in input.Readiness.Items.Where(v => v.Item.AppliesTo != Applicability.Partner))
        {
            var entry = input.Application.SelfAssessment.GetValueOrDefault(verdict.Item.Id);
            var forThis = verdict.CaseStudies.FirstOrDefault(c => c.Key == caseStudy.Key);
            var status = forThis is null ? PackageTexts.NotJudgedHere.In(language) : ReadinessStatuses.Names.Display(forThis.Status).In(language);
            var evidence = input.Evidence.Where(f => f.CaseStudies.Contains(caseStudy.Key) && f.Items.Contains(verdict.Item.Id)).Select(f => f.Name)
                .Concat(input.Evidence.Where(f => f.CaseStudies.Contains(caseStudy.Key) && f.Items.Count == 0).Select(f => f.Name))
                .Distinct(StringComparer.Ordinal);
            rows.Add((Wrapped, [verdict.Item.Id, verdict.Item.Title.In(language), status, forThis?.Reason.In(language) ?? "", MetYesNo(entry?.Met, language), string.Join("\n", evidence)]));
        }

        return new SheetContent([28, 60, 18, 60, 12, 40], rows, FreezeHeader: false);
    }

    private static void AddSheet(WorkbookPart workbookPart, Sheets sheets, HashSet<string> names, string wanted, SheetContent content)
    {
        var part = workbookPart.AddNewPart<WorksheetPart>();
        var worksheet = new Worksheet();
        if (content.FreezeHeader)
        {
            worksheet.Append(new SheetViews(new SheetView(
                new Pane { VerticalSplit = 1, TopLeftCell = "A2", ActivePane = PaneValues.BottomLeft, State = PaneStateValues.Frozen },
                new Selection { Pane = PaneValues.BottomLeft, ActiveCell = "A2", SequenceOfReferences = new ListValue<StringValue> { InnerText = "A2" } })
            { WorkbookViewId = 0 }));
        }

        var columns = new Columns();
        for (var i = 0; i < content.Widths.Length; i++)
        {
            columns.Append(new Column { Min = (uint)(i + 1), Max = (uint)(i + 1), Width = content.Widths[i], CustomWidth = true });
        }

        worksheet.Append(columns);
        var data = new SheetData();
        for (var r = 0; r < content.Rows.Count; r++)
        {
            var (style, cells) = content.Rows[r];
            var row = new Row { RowIndex = (uint)(r + 1) };
            for (var c = 0; c < cells.Length; c++)
            {
                row.Append(TextCell(ColumnName(c) + (r + 1).ToString(System.Globalization.CultureInfo.InvariantCulture), cells[c], style));
            }

            data.Append(row);
        }

        worksheet.Append(data);
        part.Worksheet = worksheet;
        sheets.Append(new Sheet { Id = workbookPart.GetIdOfPart(part), SheetId = (uint)(sheets.Count() + 1), Name = SheetName(wanted, names) });
    }

    // Always an inline string: a text that looks like a formula stays text, with Excel's quote prefix so that editing keeps it so
    private static Cell TextCell(string reference, string text, uint style)
    {
        var clean = CellText.Clean(text);
        var quoted = style == Wrapped && CellText.LooksLikeFormula(clean);
        return new Cell(new InlineString(new Text(clean) { Space = SpaceProcessingModeValues.Preserve }))
        {
            CellReference = reference,
            DataType = CellValues.InlineString,
            StyleIndex = quoted ? WrappedQuoted : style,
        };
    }

    private static string ColumnName(int index) => ((char)('A' + index)).ToString();

    // Sheet names: at most 31 characters, none of []:*?/\, unique without regard to case
    private static string SheetName(string wanted, HashSet<string> taken)
    {
        var cleaned = new string(CellText.Clean(wanted).Select(ch => "[]:*?/\\".Contains(ch, StringComparison.Ordinal) ? '_' : ch).ToArray()).Trim('\'', ' ');
        if (cleaned.Length == 0)
        {
            cleaned = "sheet";
        }

        var name = cleaned.Length > 31 ? cleaned[..31] : cleaned;
        for (var n = 2; !taken.Add(name); n++)
        {
            var suffix = "~" + n.ToString(System.Globalization.CultureInfo.InvariantCulture);
            name = (cleaned.Length + suffix.Length > 31 ? cleaned[..(31 - suffix.Length)] : cleaned) + suffix;
        }

        return name;
    }

    private static Stylesheet Stylesheet() => new(
        new Fonts(
            new Font(new FontSize { Val = 10 }, new FontName { Val = "Calibri" }),
            new Font(new Bold(), new FontSize { Val = 10 }, new FontName { Val = "Calibri" })),
        new Fills(
            new Fill(new PatternFill { PatternType = PatternValues.None }),
            new Fill(new PatternFill { PatternType = PatternValues.Gray125 }),
            new Fill(new PatternFill(new ForegroundColor { Rgb = "FFD9E1F2" }) { PatternType = PatternValues.Solid }),
            new Fill(new PatternFill(new ForegroundColor { Rgb = "FFF2F2F2" }) { PatternType = PatternValues.Solid })),
        new Borders(new Border()),
        new CellFormats(
            new CellFormat(),
            new CellFormat(new Alignment { WrapText = true, Vertical = VerticalAlignmentValues.Top }) { ApplyAlignment = true },
            new CellFormat(new Alignment { WrapText = true, Vertical = VerticalAlignmentValues.Top }) { FontId = 1, FillId = 2, ApplyFont = true, ApplyFill = true, ApplyAlignment = true },
            new CellFormat(new Alignment { WrapText = true, Vertical = VerticalAlignmentValues.Top }) { FontId = 1, FillId = 3, ApplyFont = true, ApplyFill = true, ApplyAlignment = true },
            new CellFormat(new Alignment { WrapText = true, Vertical = VerticalAlignmentValues.Top }) { QuotePrefix = true, ApplyAlignment = true }));
}

/// <summary>Cell text made safe: only characters XML allows, within Excel's cell length.</summary>
internal static class CellText
{
    public const int MaxCellLength = 32_767;

    public static string Clean(string text)
    {
        var builder = new System.Text.StringBuilder(text.Length);
        for (var i = 0; i < text.Length && builder.Length < MaxCellLength; i++)
        {
            var ch = text[i];
            if (char.IsHighSurrogate(ch) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]))
            {
                if (builder.Length + 2 > MaxCellLength)
                {
                    break;
                }

                builder.Append(ch).Append(text[++i]);
            }
            else if (ch is '\t' or '\n' or '\r' || (ch >= 0x20 && ch <= 0xD7FF) || (ch >= 0xE000 && ch <= 0xFFFD))
            {
                builder.Append(ch);
            }
        }

        return builder.ToString();
    }

    public static bool LooksLikeFormula(string text) => text.Length > 0 && text[0] is '=' or '+' or '-' or '@' or '\t' or '\r' or '\n';
}
