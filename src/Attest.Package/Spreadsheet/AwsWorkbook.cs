using System.Globalization;
using Attest.Core.Applications;
using Attest.Core.Catalogs;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;

namespace Attest.Package.Spreadsheet;

/// <summary>A problem in an imported workbook, named by sheet and cell.</summary>
/// <param name="Sheet">The sheet's name.</param>
/// <param name="Cell">The cell (e.g. <c>C7</c>), or empty for the sheet as a whole.</param>
/// <param name="Problem">What is wrong.</param>
public sealed record WorkbookError(string Sheet, string Cell, string Problem)
{
    /// <inheritdoc />
    public override string ToString() => Cell.Length > 0 ? $"sheet '{Sheet}' cell {Cell}: {Problem}" : $"sheet '{Sheet}': {Problem}";
}

/// <summary>
/// AWS's own self-assessment workbook layout, per checklist: a sheet of practice requirements
/// (<c>ID | Requirement Description | Met? | Partner Response</c>), a sheet of customer-example requirements and one of
/// common requirements (<c>ID | Requirement Description | Example Response | Customer Reference #1 … #N</c>, each reference a
/// <c>Met?</c> and <c>Partner Response</c> pair under it), sections as rows between the ids. Export writes an application
/// into it; import reads a filled one back, the references mapped to the case studies by their order. Every cell is text.
/// </summary>
public static class AwsWorkbook
{
    /// <summary>The practice requirements sheet (items judged on the partner).</summary>
    public const string PracticeSheet = "Practice Requirements";

    /// <summary>The customer-example requirements sheet (items judged for each case study).</summary>
    public const string ExamplesSheet = "Customer Example Requirements";

    /// <summary>The common requirements sheet (items met by at least one case study).</summary>
    public const string CommonSheet = "Common Requirements";

    /// <summary>The largest workbook read, in bytes.</summary>
    public const long MaxBytes = 20L * 1024 * 1024;

    /// <summary>The most rows read from one sheet.</summary>
    public const int MaxRows = 5_000;

    private const int FirstReferenceColumn = 3;

    private static readonly string[] MetAndResponse = ["Met?", "Partner Response"];

    /// <summary>The case studies the workbook's references stand for, in order: those submitted (all when none says).</summary>
    public static IReadOnlyList<CaseStudy> References(Application application)
    {
        ArgumentNullException.ThrowIfNull(application);
        return [.. application.CaseStudies.Where(c => c.Submitted != false)];
    }

    /// <summary>The sheet an item belongs on.</summary>
    public static string SheetOf(ChecklistItem item)
    {
        ArgumentNullException.ThrowIfNull(item);
        return item.AppliesTo switch
        {
            Applicability.Partner => PracticeSheet,
            Applicability.AtLeastOneCaseStudy => CommonSheet,
            _ => ExamplesSheet,
        };
    }

    /// <summary>Writes <paramref name="application"/> in the layout of <paramref name="catalog"/>'s workbook.</summary>
    public static byte[] Export(Application application, Catalog catalog)
    {
        ArgumentNullException.ThrowIfNull(application);
        ArgumentNullException.ThrowIfNull(catalog);
        var references = References(application);
        using var memory = new MemoryStream();
        using (var document = SpreadsheetDocument.Create(memory, SpreadsheetDocumentType.Workbook))
        {
            var workbook = document.AddWorkbookPart();
            workbook.Workbook = new Workbook();
            var sheets = workbook.Workbook.AppendChild(new Sheets());
            foreach (var name in new[] { PracticeSheet, ExamplesSheet, CommonSheet })
            {
                var rows = new List<string[]>();
                if (name == PracticeSheet)
                {
                    rows.Add(["ID", "Requirement Description", "Met?", "Partner Response"]);
                }
                else
                {
                    rows.Add(["ID", "Requirement Description", "Example Response", .. references.SelectMany((c, i) => (string[])[$"Customer Reference #{i + 1}", ""])]);
                    rows.Add(["", "", "", .. references.SelectMany(_ => MetAndResponse)]);
                }

                foreach (var section in catalog.Sections)
                {
                    var items = section.Items.Where(i => SheetOf(i) == name).ToArray();
                    if (items.Length == 0)
                    {
                        continue;
                    }

                    rows.Add([section.Number, section.Title.En]);
                    foreach (var item in items)
                    {
                        var entry = application.SelfAssessment.GetValueOrDefault(item.Id);
                        var description = item.Title.En + "\n" + item.Requirement.En;
                        rows.Add(name == PracticeSheet
                            ? [item.Id, description, Met(entry?.Met), entry?.Note ?? ""]
                            : [item.Id, description, entry?.Note ?? "", .. references.SelectMany(c => Answer(entry?.CaseStudies?.GetValueOrDefault(c.Key)))]);
                    }
                }

                AddSheet(workbook, sheets, name, rows);
            }

            workbook.Workbook.Save();
        }

        return memory.ToArray();
    }

    /// <summary>
    /// Reads a filled workbook back into <paramref name="application"/>: every answer in it replaces the file's answer for
    /// that item (and case study); items absent from the workbook keep theirs. Every problem is named by sheet and cell.
    /// </summary>
    public static (Application? Application, IReadOnlyList<WorkbookError> Errors) Import(Stream workbook, Application application, Catalog catalog)
    {
        ArgumentNullException.ThrowIfNull(workbook);
        ArgumentNullException.ThrowIfNull(application);
        ArgumentNullException.ThrowIfNull(catalog);
        var errors = new List<WorkbookError>();
        using var memory = new MemoryStream();
        var buffer = new byte[81920];
        int read;
        while ((read = workbook.Read(buffer, 0, buffer.Length)) > 0)
        {
            if (memory.Length + read > MaxBytes)
            {
                return (null, [new WorkbookError("", "", $"the workbook is larger than {MaxBytes / (1024 * 1024)} MB")]);
            }

            memory.Write(buffer, 0, read);
        }

        memory.Position = 0;
        SpreadsheetDocument document;
        try
        {
            document = SpreadsheetDocument.Open(memory, false, new OpenSettings { MaxCharactersInPart = 20_000_000 });
        }
        catch (Exception e) when (e is OpenXmlPackageException or InvalidDataException or FileFormatException or IOException or InvalidOperationException or System.Xml.XmlException)
        {
            return (null, [new WorkbookError("", "", "not an Excel workbook (.xlsx): " + e.Message)]);
        }

        using (document)
        {
            var answers = application.SelfAssessment.ToDictionary(p => p.Key, p => p.Value, StringComparer.Ordinal);
            var references = References(application);
            try
            {
                foreach (var name in new[] { PracticeSheet, ExamplesSheet, CommonSheet })
                {
                    var expected = catalog.Items.Where(i => SheetOf(i) == name).ToArray();
                    var cells = ReadSheet(document, name);
                    if (cells is null)
                    {
                        if (expected.Length > 0)
                        {
                            errors.Add(new WorkbookError(name, "", "the sheet is missing"));
                        }

                        continue;
                    }

                    ReadAnswers(name, cells, catalog, references, answers, errors);
                }
            }
            catch (Exception e) when (e is OpenXmlPackageException or System.Xml.XmlException or InvalidDataException or IOException or InvalidOperationException)
            {
                return (null, [.. errors, new WorkbookError("", "", "the workbook cannot be read: " + e.Message)]);
            }

            return errors.Count > 0 ? (null, errors) : (application with { SelfAssessment = answers }, errors);
        }
    }

    private static void ReadAnswers(string sheet, Dictionary<(int Row, int Column), string> cells, Catalog catalog, IReadOnlyList<CaseStudy> references, Dictionary<string, SelfAssessmentEntry> answers, List<WorkbookError> errors)
    {
        var practice = sheet == PracticeSheet;
        if (!practice)
        {
            // The reference columns of the header: as many as the file has case studies, no more
            foreach (var ((row, column), text) in cells.Where(c => c.Key.Row == 1 && c.Key.Column >= FirstReferenceColumn && c.Value.Trim().Length > 0))
            {
                var index = (column - FirstReferenceColumn) / 2;
                if ((column - FirstReferenceColumn) % 2 == 0 && index >= references.Count)
                {
                    errors.Add(new WorkbookError(sheet, Reference(row, column), $"'{text.Trim()}' has no case study: the application has {references.Count} (references are mapped to the case studies by their order)"));
                }
            }
        }

        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var row in cells.Keys.Select(k => k.Row).Distinct().Order())
        {
            var id = cells.GetValueOrDefault((row, 0))?.Trim() ?? "";
            if (id.Length == 0 || id == "ID" || (catalog.FindItem(id) is null && catalog.Sections.Any(s => s.Number == id)))
            {
                continue;
            }

            if (catalog.FindItem(id) is not { } item)
            {
                errors.Add(new WorkbookError(sheet, Reference(row, 0), $"unknown item '{id}' in {catalog.Id}"));
                continue;
            }

            if (SheetOf(item) != sheet)
            {
                errors.Add(new WorkbookError(sheet, Reference(row, 0), $"{id} belongs on the sheet '{SheetOf(item)}'"));
                continue;
            }

            if (!seen.Add(id))
            {
                errors.Add(new WorkbookError(sheet, Reference(row, 0), $"{id} is listed twice"));
                continue;
            }

            var entry = answers.GetValueOrDefault(id) ?? new SelfAssessmentEntry();
            if (practice)
            {
                var met = cells.GetValueOrDefault((row, 2))?.Trim() ?? "";
                if (!TryMet(met, out var value))
                {
                    errors.Add(new WorkbookError(sheet, Reference(row, 2), $"'{met}' is not an answer (Yes or No, or empty)"));
                    continue;
                }

                answers[id] = entry with { Met = value ?? entry.Met, Note = Text(cells.GetValueOrDefault((row, 3))) ?? entry.Note };
                continue;
            }

            var byCase = entry.CaseStudies?.ToDictionary(p => p.Key, p => p.Value, StringComparer.Ordinal) ?? new Dictionary<string, CaseStudyAnswer>(StringComparer.Ordinal);
            for (var k = 0; k < references.Count; k++)
            {
                var metColumn = FirstReferenceColumn + (2 * k);
                var met = cells.GetValueOrDefault((row, metColumn))?.Trim() ?? "";
                var response = Text(cells.GetValueOrDefault((row, metColumn + 1)));
                if (!TryAnswer(met, out var answer))
                {
                    errors.Add(new WorkbookError(sheet, Reference(row, metColumn), $"'{met}' is not an answer (Yes, No or N/A, or empty)"));
                    continue;
                }

                if (answer is null && response is null)
                {
                    continue;
                }

                var before = byCase.GetValueOrDefault(references[k].Key);
                byCase[references[k].Key] = new CaseStudyAnswer { Answer = answer ?? before?.Answer, Note = response ?? before?.Note, Evidence = before?.Evidence };
            }

            answers[id] = entry with { Note = Text(cells.GetValueOrDefault((row, 2))) ?? entry.Note, CaseStudies = byCase.Count > 0 ? byCase : entry.CaseStudies };
        }
    }

    private static bool TryMet(string text, out bool? met)
    {
        met = text.ToUpperInvariant() switch { "YES" or "Y" or "OUI" or "O" => true, "NO" or "N" or "NON" => false, _ => null };
        return met is not null || text.Length == 0;
    }

    private static bool TryAnswer(string text, out AnswerValue? answer)
    {
        answer = text.ToUpperInvariant() switch
        {
            "YES" or "Y" or "OUI" or "O" => AnswerValue.Met,
            "NO" or "N" or "NON" => AnswerValue.NotMet,
            "N/A" or "NA" or "S/O" => AnswerValue.NotApplicable,
            _ => null,
        };
        return answer is not null || text.Length == 0;
    }

    private static string? Text(string? cell) => cell?.Trim() is { Length: > 0 } text ? text : null;

    private static string Met(bool? met) => met switch { true => "Yes", false => "No", null => "" };

    private static string[] Answer(CaseStudyAnswer? answer) =>
    [
        answer?.Answer switch { AnswerValue.Met => "Yes", AnswerValue.NotMet => "No", AnswerValue.NotApplicable => "N/A", _ => "" },
        answer?.Note ?? "",
    ];

    // The text of every non-empty cell of the sheet by (1-based row, 0-based column); null when the sheet is not there
    private static Dictionary<(int Row, int Column), string>? ReadSheet(SpreadsheetDocument document, string name)
    {
        var workbook = document.WorkbookPart ?? throw new InvalidDataException("the workbook has no workbook part");
        var sheet = workbook.Workbook?.Sheets?.Elements<Sheet>().FirstOrDefault(s => string.Equals(s.Name?.Value, name, StringComparison.OrdinalIgnoreCase));
        if (sheet?.Id?.Value is not { } id || workbook.GetPartById(id) is not WorksheetPart part)
        {
            return null;
        }

        var shared = workbook.SharedStringTablePart?.SharedStringTable?.Elements<SharedStringItem>().Select(s => s.InnerText).ToArray() ?? [];
        var cells = new Dictionary<(int, int), string>();
        var rows = 0;
        foreach (var row in part.Worksheet?.GetFirstChild<SheetData>()?.Elements<Row>() ?? [])
        {
            if (++rows > MaxRows)
            {
                throw new InvalidDataException($"sheet '{name}' has more than {MaxRows} rows");
            }

            foreach (var cell in row.Elements<Cell>())
            {
                if (cell.CellReference?.Value is not { } reference || Parse(reference) is not { } at)
                {
                    continue;
                }

                var text = cell.DataType?.Value == CellValues.SharedString
                    ? int.TryParse(cell.CellValue?.Text, NumberStyles.None, CultureInfo.InvariantCulture, out var index) && index >= 0 && index < shared.Length ? shared[index] : ""
                    : cell.DataType?.Value == CellValues.InlineString ? cell.InlineString?.InnerText ?? "" : cell.CellValue?.Text ?? "";
                if (text.Length > 0)
                {
                    cells[at] = text;
                }
            }
        }

        return cells;
    }

    private static (int Row, int Column)? Parse(string reference)
    {
        var column = 0;
        var i = 0;
        for (; i < reference.Length && char.IsAsciiLetterUpper(reference[i]); i++)
        {
            column = (column * 26) + (reference[i] - 'A' + 1);
            if (column > 16_384)
            {
                return null;
            }
        }

        return i > 0 && int.TryParse(reference.AsSpan(i), NumberStyles.None, CultureInfo.InvariantCulture, out var row) && row >= 1 ? (row, column - 1) : null;
    }

    private static string Reference(int row, int column) => ColumnName(column) + row.ToString(CultureInfo.InvariantCulture);

    private static string ColumnName(int index) => index < 26 ? ((char)('A' + index)).ToString() : ColumnName((index / 26) - 1) + (char)('A' + (index % 26));

    private static void AddSheet(WorkbookPart workbook, Sheets sheets, string name, List<string[]> rows)
    {
        var part = workbook.AddNewPart<WorksheetPart>();
        var data = new SheetData();
        for (var r = 0; r < rows.Count; r++)
        {
            var row = new Row { RowIndex = (uint)(r + 1) };
            for (var c = 0; c < rows[r].Length; c++)
            {
                row.Append(new Cell(new InlineString(new Text(CellText.Clean(rows[r][c])) { Space = SpaceProcessingModeValues.Preserve }))
                {
                    CellReference = Reference(r + 1, c),
                    DataType = CellValues.InlineString,
                });
            }

            data.Append(row);
        }

        part.Worksheet = new Worksheet(data);
        sheets.Append(new Sheet { Id = workbook.GetIdOfPart(part), SheetId = (uint)(sheets.Count() + 1), Name = name });
    }
}
