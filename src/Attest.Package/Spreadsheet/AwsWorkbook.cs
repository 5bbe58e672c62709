using System.Globalization;
using Attest.Core.Applications;
using Attest.Core.Catalogs;
using Attest.Core.Text;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;

namespace Attest.Package.Spreadsheet;

/// <summary>A problem in an imported workbook, named by sheet and cell.</summary>
/// <param name="Sheet">The sheet's name.</param>
/// <param name="Cell">The cell (e.g. <c>C7</c>), or empty for the sheet as a whole.</param>
/// <param name="Problem">What is wrong, in English.</param>
public sealed record WorkbookError(string Sheet, string Cell, string Problem)
{
    private static readonly Phrase AtCell = new("sheet '{0}' cell {1}: {2}", "feuille « {0} » cellule {1} : {2}");
    private static readonly Phrase AtSheet = new("sheet '{0}': {1}", "feuille « {0} » : {1}");
    private static readonly Phrase Whole = new("workbook: {0}", "classeur : {0}");

    /// <summary>What is wrong in both languages (null: <see cref="Problem"/> alone).</summary>
    public Message? Text { get; init; }

    /// <summary>The problem alone, in <paramref name="language"/>.</summary>
    public string ProblemIn(Language language) => Text?.In(language) ?? Problem;

    /// <summary>The problem with its sheet and cell, in <paramref name="language"/>.</summary>
    public string In(Language language) =>
        Cell.Length > 0 ? AtCell.With(Sheet, Cell, ProblemIn(language)).In(language)
        : Sheet.Length > 0 ? AtSheet.With(Sheet, ProblemIn(language)).In(language)
        : Whole.With(ProblemIn(language)).In(language);

    /// <inheritdoc />
    public override string ToString() => Cell.Length > 0 ? $"sheet '{Sheet}' cell {Cell}: {Problem}" : $"sheet '{Sheet}': {Problem}";

    /// <summary>An error at <paramref name="sheet"/> and <paramref name="cell"/> saying <paramref name="text"/>.</summary>
    internal static WorkbookError Of(string sheet, string cell, Message text) => new(sheet, cell, text.In(Language.En)) { Text = text };
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
                return (null, [WorkbookError.Of("", "", WorkbookTexts.TooLarge.With(MaxBytes / (1024 * 1024)))]);
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
            return (null, [WorkbookError.Of("", "", WorkbookTexts.NotWorkbook.With(e.Message))]);
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
                            errors.Add(WorkbookError.Of(name, "", WorkbookTexts.SheetMissing.Message()));
                        }

                        continue;
                    }

                    ReadAnswers(name, cells, catalog, references, answers, errors);
                }
            }
            catch (Exception e) when (e is OpenXmlPackageException or System.Xml.XmlException or InvalidDataException or IOException or InvalidOperationException)
            {
                return (null, [.. errors, WorkbookError.Of("", "", WorkbookTexts.Unreadable.With(e.Message))]);
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
                    errors.Add(WorkbookError.Of(sheet, Reference(row, column), WorkbookTexts.NoCaseStudy.With(text.Trim(), references.Count)));
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
                errors.Add(WorkbookError.Of(sheet, Reference(row, 0), WorkbookTexts.UnknownItem.With(id, catalog.Id)));
                continue;
            }

            if (SheetOf(item) != sheet)
            {
                errors.Add(WorkbookError.Of(sheet, Reference(row, 0), WorkbookTexts.OtherSheet.With(id, SheetOf(item))));
                continue;
            }

            if (!seen.Add(id))
            {
                errors.Add(WorkbookError.Of(sheet, Reference(row, 0), WorkbookTexts.Twice.With(id)));
                continue;
            }

            var entry = answers.GetValueOrDefault(id) ?? new SelfAssessmentEntry();
            if (practice)
            {
                var met = cells.GetValueOrDefault((row, 2))?.Trim() ?? "";
                if (!TryMet(met, out var value))
                {
                    errors.Add(WorkbookError.Of(sheet, Reference(row, 2), WorkbookTexts.NotYesNo.With(met)));
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
                    errors.Add(WorkbookError.Of(sheet, Reference(row, metColumn), WorkbookTexts.NotAnswer.With(met)));
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

/// <summary>The problems of an imported workbook, in English and French (the English is the one the command line prints).</summary>
internal static class WorkbookTexts
{
    public static readonly Phrase TooLarge = new("the workbook is larger than {0} MB", "le classeur dépasse {0} Mo");
    public static readonly Phrase NotWorkbook = new("not an Excel workbook (.xlsx): {0}", "ce n'est pas un classeur Excel (.xlsx) : {0}");
    public static readonly Phrase SheetMissing = new("the sheet is missing", "la feuille manque");
    public static readonly Phrase Unreadable = new("the workbook cannot be read: {0}", "le classeur est illisible : {0}");
    public static readonly Phrase NoCaseStudy = new(
        "'{0}' has no case study: the application has {1} (references are mapped to the case studies by their order)",
        "« {0} » n'a pas d'étude de cas : la candidature en a {1} (les références sont associées aux études de cas dans leur ordre)");
    public static readonly Phrase UnknownItem = new("unknown item '{0}' in {1}", "élément « {0} » inconnu dans {1}");
    public static readonly Phrase OtherSheet = new("{0} belongs on the sheet '{1}'", "{0} se trouve sur la feuille « {1} »");
    public static readonly Phrase Twice = new("{0} is listed twice", "{0} figure deux fois");
    public static readonly Phrase NotYesNo = new("'{0}' is not an answer (Yes or No, or empty)", "« {0} » n'est pas une réponse (Yes ou No, ou vide)");
    public static readonly Phrase NotAnswer = new("'{0}' is not an answer (Yes, No or N/A, or empty)", "« {0} » n'est pas une réponse (Yes, No ou N/A, ou vide)");
}
