using Attest.Core.Applications;
using Attest.Core.Catalogs;
using Attest.Package.Spreadsheet;
using Attest.Package.Tests.Support;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;

namespace Attest.Package.Tests;

/// <summary>AWS's self-assessment workbook layout: export, import back, and errors naming sheet and cell.</summary>
public class AwsWorkbookTests
{
    private static readonly Lazy<(Application Application, Catalog Catalog)> WafExample = new(() =>
    {
        var catalogText = File.ReadAllText(Path.Combine(Samples.Root, "catalogs", "aws-waf-service-delivery-2025-02.yaml"));
        var catalog = CatalogReader.Read(catalogText, "waf.yaml").Catalog!;
        var (application, error) = ApplicationReader.Read(File.ReadAllText(Path.Combine(Samples.Root, "examples", "waf-ready.yaml")), "waf-ready.yaml", [catalog]);
        return (application ?? throw new InvalidOperationException(error!.ToString()), catalog);
    });

    private static string[][] Sheet(byte[] workbook, string name)
    {
        using var document = SpreadsheetDocument.Open(new MemoryStream(workbook), false);
        var part = document.WorkbookPart!;
        var sheet = part.Workbook!.Sheets!.Elements<Sheet>().Single(s => s.Name == name);
        var worksheet = (WorksheetPart)part.GetPartById(sheet.Id!);
        return [.. worksheet.Worksheet!.GetFirstChild<SheetData>()!.Elements<Row>().Select(r => r.Elements<Cell>().Select(c => c.InnerText).ToArray())];
    }

    // Sets one cell's text (an inline string), adding the cell when missing
    private static byte[] WithCell(byte[] workbook, string sheetName, string reference, string text)
    {
        using var memory = new MemoryStream();
        memory.Write(workbook);
        using (var document = SpreadsheetDocument.Open(memory, true))
        {
            var part = document.WorkbookPart!;
            var sheet = part.Workbook!.Sheets!.Elements<Sheet>().Single(s => s.Name == sheetName);
            var data = ((WorksheetPart)part.GetPartById(sheet.Id!)).Worksheet!.GetFirstChild<SheetData>()!;
            var rowIndex = uint.Parse(new string(reference.Where(char.IsAsciiDigit).ToArray()), System.Globalization.CultureInfo.InvariantCulture);
            var row = data.Elements<Row>().FirstOrDefault(r => r.RowIndex! == rowIndex) ?? data.AppendChild(new Row { RowIndex = rowIndex });
            row.Elements<Cell>().FirstOrDefault(c => c.CellReference == reference)?.Remove();
            row.Append(new Cell(new InlineString(new Text(text))) { CellReference = reference, DataType = CellValues.InlineString });
        }

        return memory.ToArray();
    }

    private static (Application? Application, IReadOnlyList<WorkbookError> Errors) Import(byte[] workbook) =>
        AwsWorkbook.Import(new MemoryStream(workbook), WafExample.Value.Application, WafExample.Value.Catalog);

    [Fact]
    public void The_export_has_the_three_sheets_in_aws_layout()
    {
        var (application, catalog) = WafExample.Value;
        var bytes = AwsWorkbook.Export(application, catalog);
        var practice = Sheet(bytes, AwsWorkbook.PracticeSheet);
        Assert.Equal(["ID", "Requirement Description", "Met?", "Partner Response"], practice[0]);
        Assert.Equal(["1.0", "APN Program Requirements"], practice[1]);
        Assert.Equal("PRE-1.1", practice[2][0]);
        Assert.Equal("Yes", practice[2][2]);

        var examples = Sheet(bytes, AwsWorkbook.ExamplesSheet);
        Assert.Equal(["ID", "Requirement Description", "Example Response", "Customer Reference #1", "", "Customer Reference #2", ""], examples[0]);
        Assert.Equal(["", "", "", "Met?", "Partner Response", "Met?", "Partner Response"], examples[1]);
        var waf001 = examples.Single(r => r[0] == "WAF-001");
        Assert.Equal("Yes", waf001[3]);
        Assert.StartsWith("PCI DSS and bot protection", waf001[4], StringComparison.Ordinal);

        var common = Sheet(bytes, AwsWorkbook.CommonSheet);
        Assert.Contains(common, r => r.Length == 2 && r[0] == "NETSEC" && r[1] == "Security - Networking");
        Assert.Equal("No", common.Single(r => r[0] == "COST-001")[5]);
    }

    [Fact]
    public void A_workbook_imports_back_to_the_same_answers()
    {
        var (application, catalog) = WafExample.Value;
        var (back, errors) = Import(AwsWorkbook.Export(application, catalog));
        Assert.Empty(errors);
        foreach (var (id, entry) in application.SelfAssessment)
        {
            Assert.Equal(entry.Met, back!.SelfAssessment[id].Met);
            Assert.Equal(entry.Note, back.SelfAssessment[id].Note);
            foreach (var (key, answer) in entry.CaseStudies ?? new Dictionary<string, CaseStudyAnswer>())
            {
                Assert.Equal(answer.Answer, back.SelfAssessment[id].CaseStudies![key].Answer);
                Assert.Equal(answer.Note, back.SelfAssessment[id].CaseStudies![key].Note);
            }
        }
    }

    [Fact]
    public void A_filled_answer_lands_on_the_case_study_of_its_reference_number()
    {
        var (application, catalog) = WafExample.Value;
        var bytes = AwsWorkbook.Export(application, catalog);
        var row = Sheet(bytes, AwsWorkbook.CommonSheet).Select((r, i) => (r, i)).Single(x => x.r[0] == "COST-001").i + 1;
        var filled = WithCell(WithCell(bytes, AwsWorkbook.CommonSheet, $"F{row}", "Yes"), AwsWorkbook.CommonSheet, $"G{row}", "Calculator estimate shared in March.");
        var (back, errors) = Import(filled);
        Assert.Empty(errors);
        var fabrikam = back!.SelfAssessment["COST-001"].CaseStudies!["fabrikam"];
        Assert.Equal(AnswerValue.Met, fabrikam.Answer);
        Assert.Equal("Calculator estimate shared in March.", fabrikam.Note);
    }

    [Fact]
    public void Errors_name_the_sheet_and_the_cell()
    {
        var (application, catalog) = WafExample.Value;
        var bytes = AwsWorkbook.Export(application, catalog);
        var bad = WithCell(bytes, AwsWorkbook.PracticeSheet, "C3", "Maybe");
        bad = WithCell(bad, AwsWorkbook.ExamplesSheet, "A40", "WAF-999");
        bad = WithCell(bad, AwsWorkbook.ExamplesSheet, "H1", "Customer Reference #3");
        var (back, errors) = Import(bad);
        Assert.Null(back);
        Assert.Contains(errors, e => e.ToString() == "sheet 'Practice Requirements' cell C3: 'Maybe' is not an answer (Yes or No, or empty)");
        Assert.Contains(errors, e => e.ToString() == "sheet 'Customer Example Requirements' cell A40: unknown item 'WAF-999' in aws-waf-service-delivery-2025-02");
        Assert.Contains(errors, e => e is { Sheet: AwsWorkbook.ExamplesSheet, Cell: "H1" } && e.Problem.Contains("the application has 2", StringComparison.Ordinal));
    }

    [Fact]
    public void Something_that_is_not_a_workbook_is_refused_in_one_line()
    {
        var (back, errors) = Import("PK\u0003\u0004 not really a zip"u8.ToArray());
        Assert.Null(back);
        Assert.StartsWith("not an Excel workbook", Assert.Single(errors).Problem, StringComparison.Ordinal);
    }

    [Fact]
    public void A_missing_sheet_is_named()
    {
        var (application, catalog) = WafExample.Value;
        using var memory = new MemoryStream();
        memory.Write(AwsWorkbook.Export(application, catalog));
        using (var document = SpreadsheetDocument.Open(memory, true))
        {
            var sheet = document.WorkbookPart!.Workbook!.Sheets!.Elements<Sheet>().Single(s => s.Name == AwsWorkbook.CommonSheet);
            document.WorkbookPart.DeletePart(sheet.Id!);
            sheet.Remove();
        }

        var (back, errors) = Import(memory.ToArray());
        Assert.Null(back);
        Assert.Equal("sheet 'Common Requirements': the sheet is missing", Assert.Single(errors).ToString());
    }

    [Fact]
    public void The_retail_application_exports_too()
    {
        var bytes = AwsWorkbook.Export(Samples.ReadyApplication(), Samples.Catalog);
        Assert.Contains(Sheet(bytes, AwsWorkbook.ExamplesSheet), r => r[0] == "VAL-2.2");
        Assert.Contains(Sheet(bytes, AwsWorkbook.PracticeSheet), r => r[0] == "PRE-4.1");
    }
}
