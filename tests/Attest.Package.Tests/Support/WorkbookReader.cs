using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;

namespace Attest.Package.Tests.Support;

/// <summary>Reads a workbook back: sheet names, and every sheet's cells as text by row.</summary>
internal sealed class WorkbookReader : IDisposable
{
    private readonly SpreadsheetDocument document;

    public WorkbookReader(byte[] bytes)
    {
        document = SpreadsheetDocument.Open(new MemoryStream(bytes), isEditable: false);
    }

    public IReadOnlyList<string> SheetNames => Sheets().Select(s => s.Name!.Value!).ToArray();

    public Worksheet Worksheet(string name)
    {
        var sheet = Sheets().Single(s => s.Name == name);
        return ((WorksheetPart)document.WorkbookPart!.GetPartById(sheet.Id!)).Worksheet!;
    }

    /// <summary>Each row as its cells' texts, columns A to F.</summary>
    public List<string[]> Rows(string name) =>
        Worksheet(name).Descendants<Row>().Select(r => r.Elements<Cell>().Select(Text).ToArray()).ToList();

    public Stylesheet Styles => document.WorkbookPart!.WorkbookStylesPart!.Stylesheet!;

    public IEnumerable<Worksheet> AllWorksheets => document.WorkbookPart!.WorksheetParts.Select(p => p.Worksheet!);

    public void Dispose() => document.Dispose();

    private static string Text(Cell cell)
    {
        Assert.Equal(CellValues.InlineString, cell.DataType!.Value);
        return cell.InlineString?.Text?.Text ?? "";
    }

    private IEnumerable<Sheet> Sheets() => document.WorkbookPart!.Workbook!.Sheets!.Elements<Sheet>();
}
