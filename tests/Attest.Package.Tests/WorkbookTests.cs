using Attest.Core.Applications;
using Attest.Core.Text;
using Attest.Package.Spreadsheet;
using Attest.Package.Tests.Support;
using DocumentFormat.OpenXml.Spreadsheet;

namespace Attest.Package.Tests;

public sealed class WorkbookTests
{
    [Fact]
    public void Every_item_has_its_row_with_number_title_requirement_answer_justification_and_evidence()
    {
        var input = Samples.Input(Language.En);
        using var workbook = new WorkbookReader(SelfAssessmentWorkbook.Create(input));

        var rows = workbook.Rows("Self-assessment");
        Assert.Equal(["Number", "Title", "Requirement", "Met Y/N", "Justification", "Evidence"], rows[0]);
        foreach (var id in Samples.RetailItemIds)
        {
            var row = Assert.Single(rows, r => r[0] == id);
            var item = Samples.Catalog.FindItem(id)!;
            var entry = input.Application.SelfAssessment[id];
            Assert.Equal(item.Title.En, row[1]);
            Assert.Equal(item.Requirement.En, row[2]);
            Assert.Equal("Y", row[3]);
            Assert.Equal(entry.Note, row[4]);
            Assert.Equal(string.Join("\n", entry.Evidence ?? []), row[5]);
        }

        Assert.Contains(rows, r => r[0] == "VAL-2" && r[3] == "Met Y/N");
    }

    [Fact]
    public void The_checklist_language_is_the_default_and_french_answers_are_O_or_N()
    {
        var application = Samples.ReadyApplication();
        var answers = new Dictionary<string, SelfAssessmentEntry>(application.SelfAssessment)
        {
            ["VAL-2.13"] = new SelfAssessmentEntry { Met = false, Note = "Pas encore de test d'intrusion trimestriel." },
            ["VAL-2.12"] = new SelfAssessmentEntry { Met = null },
        };
        var input = Samples.Input(language: null, application: application with { SelfAssessment = answers });
        using var workbook = new WorkbookReader(SelfAssessmentWorkbook.Create(input));

        Assert.Equal("Auto-évaluation", workbook.SheetNames[0]);
        var rows = workbook.Rows("Auto-évaluation");
        Assert.Equal(["Numéro", "Titre", "Exigence", "Respecté O/N", "Justification", "Preuves"], rows[0]);
        Assert.Equal("O", rows.Single(r => r[0] == "PRE-1.1")[3]);
        Assert.Equal("N", rows.Single(r => r[0] == "VAL-2.13")[3]);
        Assert.Equal("", rows.Single(r => r[0] == "VAL-2.12")[3]);
        Assert.Equal(Samples.Catalog.FindItem("PRE-2.1")!.Requirement.Fr, rows.Single(r => r[0] == "PRE-2.1")[2]);
    }

    [Fact]
    public void The_header_row_is_frozen_columns_have_widths_and_text_wraps()
    {
        using var workbook = new WorkbookReader(SelfAssessmentWorkbook.Create(Samples.Input(Language.En)));

        var sheet = workbook.Worksheet("Self-assessment");
        var pane = sheet.Descendants<Pane>().Single();
        Assert.Equal(PaneStateValues.Frozen, pane.State!.Value);
        Assert.Equal(1, pane.VerticalSplit!.Value);
        Assert.Equal("A2", pane.TopLeftCell!.Value);
        var widths = sheet.Descendants<Column>().Select(c => c.Width!.Value).ToArray();
        Assert.Equal(6, widths.Length);
        Assert.All(widths, w => Assert.InRange(w, 8, 80));
        var itemCell = sheet.Descendants<Row>().Skip(2).First().Elements<Cell>().ElementAt(2);
        var format = workbook.Styles.CellFormats!.Elements<CellFormat>().ElementAt((int)itemCell.StyleIndex!.Value);
        Assert.True(format.Alignment!.WrapText!.Value);
    }

    [Fact]
    public void Each_case_study_has_a_sheet_with_its_fields_and_its_per_case_study_items()
    {
        var input = Samples.Input(Language.En);
        using var workbook = new WorkbookReader(SelfAssessmentWorkbook.Create(input));

        Assert.Equal(["Self-assessment", "contoso", "fabrikam", "northwind", "tailspin", "woodgrove-pilot"], workbook.SheetNames);
        var rows = workbook.Rows("contoso");
        Assert.Equal("Contoso Stores", rows.Single(r => r[0] == "Customer")[1]);
        Assert.Equal("2026-01-15", rows.Single(r => r[0] == "Completed")[1]);
        Assert.Equal("PCI-DSS", rows.Single(r => r[0] == "Compliance requirements")[1]);
        Assert.Contains("ingestion stream: RTO 15 min, RPO 1 min", rows.Single(r => r[0] == "RTO/RPO per component (loss of one AZ)")[1], StringComparison.Ordinal);

        var header = rows.FindIndex(r => r[0] == "Item" && r[2] == "Attest verdict");
        Assert.True(header > 0);
        var itemRows = rows.Skip(header + 1).ToList();
        var perCaseStudy = Samples.Catalog.Items.Where(i => i.AppliesTo != Attest.Core.Catalogs.Applicability.Partner).Select(i => i.Id).ToArray();
        Assert.Equal(perCaseStudy, itemRows.Select(r => r[0]).ToArray());
        foreach (var row in itemRows)
        {
            var verdict = input.Readiness.Items.Single(v => v.Item.Id == row[0]).CaseStudies.SingleOrDefault(c => c.Key == "contoso");
            if (verdict is not null)
            {
                Assert.Equal(Attest.Core.Readiness.ReadinessStatuses.Names.Display(verdict.Status).En, row[2]);
                Assert.Equal(verdict.Reason.In(Language.En), row[3]);
            }
        }

        Assert.Contains("diagrams/contoso-network.png", itemRows.Single(r => r[0] == "VAL-2.12")[5], StringComparison.Ordinal);
    }

    [Fact]
    public void A_text_that_looks_like_a_formula_stays_text_with_a_quote_prefix()
    {
        var application = Samples.ReadyApplication();
        var answers = new Dictionary<string, SelfAssessmentEntry>(application.SelfAssessment)
        {
            ["VAL-1.1"] = new SelfAssessmentEntry { Met = true, Note = "=HYPERLINK(\"http://evil.example\",\"click\")", Evidence = ["+cmd|' /C calc'!A0"] },
        };
        var input = Samples.Input(Language.En, application with { SelfAssessment = answers });
        using var workbook = new WorkbookReader(SelfAssessmentWorkbook.Create(input));

        Assert.All(workbook.AllWorksheets, sheet => Assert.Empty(sheet.Descendants<CellFormula>()));
        var row = workbook.Worksheet("Self-assessment").Descendants<Row>().Single(r => r.Elements<Cell>().First().InnerText == "VAL-1.1");
        var note = row.Elements<Cell>().ElementAt(4);
        Assert.Equal("=HYPERLINK(\"http://evil.example\",\"click\")", note.InnerText);
        var format = workbook.Styles.CellFormats!.Elements<CellFormat>().ElementAt((int)note.StyleIndex!.Value);
        Assert.True(format.QuotePrefix!.Value);
    }

    [Fact]
    public void Control_characters_are_dropped_and_sheet_names_are_made_valid_and_unique()
    {
        var application = Samples.ReadyApplication();
        var caseStudies = application.CaseStudies.Take(2).Select((c, i) => c with { Key = i == 0 ? "a/b:c?[d]" : "A_B_C__D_" }).ToArray();
        var answers = new Dictionary<string, SelfAssessmentEntry>(application.SelfAssessment)
        {
            ["VAL-1.2"] = new SelfAssessmentEntry { Met = true, Note = "bell\u0007 and nul\u0000 gone" },
        };
        var input = Samples.Input(Language.En, application with { CaseStudies = caseStudies, SelfAssessment = answers }, evidence: []);
        using var workbook = new WorkbookReader(SelfAssessmentWorkbook.Create(input));

        Assert.Equal(["Self-assessment", "a_b_c__d_", "A_B_C__D_~2"], workbook.SheetNames);
        Assert.Equal("bell and nul gone", workbook.Rows("Self-assessment").Single(r => r[0] == "VAL-1.2")[4]);
    }

    [Theory]
    [InlineData(Language.En)]
    [InlineData(Language.Fr)]
    public void The_workbook_is_valid_open_xml(Language language)
    {
        using var document = DocumentFormat.OpenXml.Packaging.SpreadsheetDocument.Open(new MemoryStream(SelfAssessmentWorkbook.Create(Samples.Input(language))), isEditable: false);

        var errors = new DocumentFormat.OpenXml.Validation.OpenXmlValidator().Validate(document).Select(e => $"{e.Path?.XPath}: {e.Description}").ToArray();

        Assert.Empty(errors);
    }
}
