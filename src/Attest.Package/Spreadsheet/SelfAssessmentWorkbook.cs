using System.Globalization;
using Attest.Core.Applications;
using Attest.Core.Catalogs;
using Attest.Core.Readiness;
using Attest.Core.Text;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;

namespace Attest.Package.Spreadsheet;

/// <summary>
/// The completed self-assessment laid out as AWS's self-assessment forms are: a header block (partner, checklist, date,
/// contact); then the checklist's two parts, program prerequisites and validation checklist, each with its own numbering,
/// the official short titles, the requirement, the partner's Met Y/N, response and evidence, and for the items judged on
/// case studies a Met Y/N and a response column per submitted case study (N/A where the item does not apply to it); one
/// sheet per submitted case study with its facts; and Attest's own verdicts apart, on a "Readiness" sheet. Every cell is
/// a string; none is a formula.
/// </summary>
public static class SelfAssessmentWorkbook
{
    /// <summary>What a case-study column says when the item does not apply to that case study.</summary>
    public const string NotApplicable = "N/A";

    // Style indexes of the stylesheet below
    private const uint Wrapped = 1;
    private const uint Header = 2;
    private const uint Section = 3;
    private const uint WrappedQuoted = 4;
    private const uint Title = 5;

    // Columns of the form before the per-case-study pairs
    private const int FixedColumns = 6;

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
        var submitted = input.Submitted;

        AddSheet(workbookPart, sheets, names, PackageTexts.SelfAssessmentSheet.In(language), FormSheet(input, submitted, language));
        for (var i = 0; i < submitted.Count; i++)
        {
            AddSheet(workbookPart, sheets, names, PackageTexts.CaseStudyNumber.With(i + 1).In(language), CaseStudySheet(submitted[i], i + 1, language));
        }

        AddSheet(workbookPart, sheets, names, PackageTexts.ReadinessSheet.In(language), ReadinessSheet(input, submitted, language));
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

    /// <summary>The form's Met cell for one case study: the partner's per-case-study answer, else N/A when the item does not apply to it, else the item's own answer.</summary>
    internal static string CaseStudyMet(ItemVerdict verdict, SelfAssessmentEntry? entry, CaseStudy caseStudy, bool counted, Language language)
    {
        if (entry?.CaseStudies?.GetValueOrDefault(caseStudy.Key) is { Answer: { } answer })
        {
            return answer switch
            {
                AnswerValue.Met => PackageTexts.Yes.In(language),
                AnswerValue.NotMet => PackageTexts.No.In(language),
                _ => NotApplicable,
            };
        }

        // An item met by at least one case study says nothing of each one: without a per-case-study answer the cell stays empty
        return DoesNotApply(verdict, caseStudy, counted) ? NotApplicable
            : verdict.Item.AppliesTo == Applicability.AtLeastOneCaseStudy ? ""
            : MetYesNo(entry?.Met, language);
    }

    // An item judged on case studies does not apply to one that its scope leaves out by the case study's own facts (an MSP
    // case study for a project-based item, no e-commerce for PCI-DSS…), or that Attest counts and judges not applicable.
    private static bool DoesNotApply(ItemVerdict verdict, CaseStudy caseStudy, bool counted)
    {
        var outOfScope = verdict.Item.AppliesTo switch
        {
            Applicability.AllProjectBased => caseStudy.Delivery == DeliveryCategory.Msp,
            Applicability.Ecommerce => caseStudy.Ecommerce == false,
            Applicability.EcommerceCardholderData => caseStudy.Ecommerce == false || caseStudy.CardholderData == false,
            _ => false,
        };
        return outOfScope || (counted && verdict.CaseStudies.FirstOrDefault(c => c.Key == caseStudy.Key)?.Status == ReadinessStatus.NotApplicable);
    }

    private sealed record SheetContent(double[] Widths, List<(uint Style, string[] Cells)> Rows, int FreezeRows);

    private static SheetContent FormSheet(SubmissionInput input, IReadOnlyList<CaseStudy> submitted, Language language)
    {
        var width = FixedColumns + (2 * submitted.Count);
        string[] Row(params string[] cells) => [.. cells, .. Enumerable.Repeat("", width - cells.Length)];
        var catalog = input.Catalog;
        var partner = input.Application.Partner;
        var contact = partner.Contact;
        var rows = new List<(uint, string[])>
        {
            (Title, Row(catalog.Title.In(language))),
            (Wrapped, Row(PackageTexts.ChecklistVersionLabel.In(language), PackageTexts.ChecklistVersionValue.With(catalog.Version, catalog.Published.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)).In(language))),
            (Wrapped, Row(PackageTexts.PartnerName.In(language), input.PartnerName)),
            (Wrapped, Row(PackageTexts.PartnerId.In(language), partner.Id?.Trim() ?? "")),
            (Wrapped, Row(PackageTexts.FormDate.In(language), input.Readiness.AsOf.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture))),
            (Wrapped, Row(PackageTexts.Contact.In(language), ContactText(contact))),
            (Wrapped, Row()),
        };

        var columns = new List<string>
        {
            PackageTexts.Number.In(language), PackageTexts.Title.In(language), PackageTexts.Requirement.In(language),
            PackageTexts.MetYesNo.In(language), PackageTexts.Response.In(language), PackageTexts.EvidenceReferences.In(language),
        };
        for (var i = 0; i < submitted.Count; i++)
        {
            var name = PackageTexts.CaseStudyColumn.With(i + 1, submitted[i].Customer ?? submitted[i].Key).In(language);
            columns.Add(name + " — " + PackageTexts.MetYesNo.In(language));
            columns.Add(name + " — " + PackageTexts.Response.In(language));
        }

        var verdicts = input.Readiness.Items.ToDictionary(v => v.Item.Id, StringComparer.Ordinal);
        var counted = input.Readiness.Items.FirstOrDefault(v => v.Item.Rule == "retail-case-studies")?.CaseStudies
            .Where(v => v.Status == ReadinessStatus.Met).Select(v => v.Key).ToHashSet(StringComparer.Ordinal) ?? [];
        foreach (var part in new[] { ChecklistPart.Prerequisites, ChecklistPart.Validation })
        {
            var sections = catalog.Sections.Where(s => s.Part == part).ToArray();
            if (sections.Length == 0)
            {
                continue;
            }

            rows.Add((Title, Row((part == ChecklistPart.Prerequisites ? PackageTexts.PrerequisitesPart : PackageTexts.ValidationPart).In(language))));
            rows.Add((Header, [.. columns]));
            foreach (var section in sections)
            {
                rows.Add((Section, Row(section.Number, section.Title.In(language), "", PackageTexts.MetYesNo.In(language))));
                foreach (var item in section.Items)
                {
                    var entry = input.Application.SelfAssessment.GetValueOrDefault(item.Id);
                    var cells = new List<string> { item.Number, item.Title.In(language), item.Requirement.In(language), ItemMet(verdicts.GetValueOrDefault(item.Id), entry, language), entry?.Note ?? "", string.Join("\n", entry?.Evidence ?? []) };
                    foreach (var caseStudy in submitted)
                    {
                        if (item.AppliesTo == Applicability.Partner || verdicts.GetValueOrDefault(item.Id) is not { } verdict)
                        {
                            cells.Add("");
                            cells.Add("");
                            continue;
                        }

                        var answer = entry?.CaseStudies?.GetValueOrDefault(caseStudy.Key);
                        cells.Add(CaseStudyMet(verdict, entry, caseStudy, counted.Contains(caseStudy.Key), language));
                        cells.Add(string.Join("\n", new[] { answer?.Note ?? "" }.Concat(answer?.Evidence ?? []).Where(t => t.Length > 0)));
                    }

                    rows.Add((Wrapped, [.. cells]));
                }
            }

            rows.Add((Wrapped, Row()));
        }

        double[] widths = [8, 30, 60, 10, 45, 30, .. Enumerable.Range(0, submitted.Count).SelectMany(_ => new double[] { 12, 40 })];
        return new SheetContent(widths, rows, FreezeRows: 0);
    }

    // The item's own Met cell: the partner's answer; N/A when it is not answered and the item applies to nothing here
    private static string ItemMet(ItemVerdict? verdict, SelfAssessmentEntry? entry, Language language) =>
        entry?.Met is null && verdict?.Status == ReadinessStatus.NotApplicable ? NotApplicable : MetYesNo(entry?.Met, language);

    private static string ContactText(PartnerContact? contact) => contact switch
    {
        null => "",
        { Name: { Length: > 0 } name, Email: { Length: > 0 } email } => $"{name.Trim()} <{email.Trim()}>",
        _ => (contact.Name ?? contact.Email ?? "").Trim(),
    };

    private static SheetContent CaseStudySheet(CaseStudy caseStudy, int number, Language language)
    {
        var rows = new List<(uint, string[])>
        {
            (Title, [PackageTexts.CaseStudyColumn.With(number, caseStudy.Customer ?? caseStudy.Key).In(language), ""]),
            (Header, [PackageTexts.Field.In(language), PackageTexts.Value.In(language)]),
        };
        foreach (var (field, value) in CaseStudyFields.Of(caseStudy, language))
        {
            rows.Add((Wrapped, [field, value]));
        }

        return new SheetContent([34, 90], rows, FreezeRows: 0);
    }

    private static SheetContent ReadinessSheet(SubmissionInput input, IReadOnlyList<CaseStudy> submitted, Language language)
    {
        var rows = new List<(uint, string[])>
        {
            (Title, [PackageTexts.ReadinessTitle.With(input.Readiness.AsOf.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)).In(language), "", "", "", "", ""]),
            (Header, [PackageTexts.Item.In(language), PackageTexts.Title.In(language), PackageTexts.Verdict.In(language), PackageTexts.Reason.In(language), PackageTexts.NextStepColumn.In(language), PackageTexts.Notes.In(language)]),
        };
        var keys = submitted.Select(c => c.Key).ToHashSet(StringComparer.Ordinal);
        foreach (var verdict in input.Readiness.Items)
        {
            rows.Add((Wrapped, [verdict.Item.Id, verdict.Item.Title.In(language), ReadinessStatuses.Names.Display(verdict.Status).In(language), verdict.Reason.In(language), verdict.NextStep?.In(language) ?? "", string.Join("\n", verdict.Notes.Select(n => n.In(language)))]));
            foreach (var forCase in verdict.CaseStudies.Where(c => keys.Contains(c.Key)))
            {
                rows.Add((Wrapped, ["", "· " + forCase.Key, ReadinessStatuses.Names.Display(forCase.Status).In(language), forCase.Reason.In(language), forCase.NextStep?.In(language) ?? "", ""]));
            }
        }

        return new SheetContent([12, 34, 16, 70, 50, 50], rows, FreezeRows: 2);
    }

    private static void AddSheet(WorkbookPart workbookPart, Sheets sheets, HashSet<string> names, string wanted, SheetContent content)
    {
        var part = workbookPart.AddNewPart<WorksheetPart>();
        var worksheet = new Worksheet();
        if (content.FreezeRows > 0)
        {
            var topLeft = "A" + (content.FreezeRows + 1).ToString(CultureInfo.InvariantCulture);
            worksheet.Append(new SheetViews(new SheetView(
                new Pane { VerticalSplit = content.FreezeRows, TopLeftCell = topLeft, ActivePane = PaneValues.BottomLeft, State = PaneStateValues.Frozen },
                new Selection { Pane = PaneValues.BottomLeft, ActiveCell = topLeft, SequenceOfReferences = new ListValue<StringValue> { InnerText = topLeft } })
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
                row.Append(TextCell(ColumnName(c) + (r + 1).ToString(CultureInfo.InvariantCulture), cells[c], style));
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

    private static string ColumnName(int index) => index < 26 ? ((char)('A' + index)).ToString() : ColumnName((index / 26) - 1) + (char)('A' + (index % 26));

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
            new Font(new Bold(), new FontSize { Val = 10 }, new FontName { Val = "Calibri" }),
            new Font(new Bold(), new FontSize { Val = 12 }, new FontName { Val = "Calibri" })),
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
            new CellFormat(new Alignment { WrapText = true, Vertical = VerticalAlignmentValues.Top }) { QuotePrefix = true, ApplyAlignment = true },
            new CellFormat(new Alignment { Vertical = VerticalAlignmentValues.Top }) { FontId = 2, ApplyFont = true, ApplyAlignment = true }));
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
