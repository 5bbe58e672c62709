using Attest.Core.Applications;
using Attest.Core.Text;
using Attest.Package.Spreadsheet;
using Attest.Package.Tests.Support;
using DocumentFormat.OpenXml.Spreadsheet;

namespace Attest.Package.Tests;

public sealed class WorkbookTests
{
    // The row of an item in the form: its part's heading first, then the item's number within that part
    private static string[] ItemRow(List<string[]> rows, string part, string number)
    {
        var start = rows.FindIndex(r => r[0] == part);
        Assert.True(start >= 0, part);
        return rows.Skip(start + 1).First(r => r[0] == number);
    }

    [Fact]
    public void The_form_opens_with_the_header_block()
    {
        var input = Samples.Input(Language.En);
        using var workbook = new WorkbookReader(SelfAssessmentWorkbook.Create(input));

        var rows = workbook.Rows("Self-assessment");
        Assert.Equal(Samples.Catalog.Title.En, rows[0][0]);
        Assert.Equal(["Checklist version", "1.0 (2019-12-01)"], rows[1][..2]);
        Assert.Equal(["APN partner name", "Acme Retail Cloud"], rows[2][..2]);
        Assert.Equal(["APN partner ID", "0010000001AcmeRC"], rows[3][..2]);
        Assert.Equal(["Date", "2026-11-26"], rows[4][..2]);
        Assert.Equal(["Contact", "Alex Martin <alex.martin@acme.example>"], rows[5][..2]);
    }

    [Fact]
    public void Both_parts_keep_their_own_numbering_and_the_official_titles()
    {
        var input = Samples.Input(language: null);
        using var workbook = new WorkbookReader(SelfAssessmentWorkbook.Create(input));

        Assert.Equal("Auto-évaluation", workbook.SheetNames[0]);
        var rows = workbook.Rows("Auto-évaluation");
        var prerequisites = rows.FindIndex(r => r[0] == "Prérequis du programme");
        var validation = rows.FindIndex(r => r[0] == "Liste de contrôle de validation des partenaires");
        Assert.True(prerequisites > 0 && validation > prerequisites);
        Assert.Equal(["Numéro", "Titre", "Exigence", "Respecté O/N", "Réponse du partenaire", "Preuves"], rows[prerequisites + 1][..6]);
        var numbers = rows.Skip(prerequisites + 2).TakeWhile(r => r[0].Length > 0).Select(r => r[0]).ToArray();
        Assert.Equal(["1.0", "1.1", "1.2", "2.0", "2.1", "2.2", "2.3", "2.4", "3.0", "3.1", "3.2", "4.0", "4.1"], numbers);
        var checklist = rows.Skip(validation + 2).TakeWhile(r => r[0].Length > 0).Select(r => r[0]).ToArray();
        Assert.Equal(["1.0", "1.1", "1.2", "2.0", "2.1", "2.2", "2.3", "2.4", "2.5", "2.6", "2.7", "2.8", "2.9", "2.10", "2.11", "2.12", "2.13"], checklist);
        Assert.DoesNotContain(rows, r => r[0].StartsWith("PRE-", StringComparison.Ordinal) || r[0].StartsWith("VAL-", StringComparison.Ordinal));

        Assert.Equal("Leadership orienté sur la vente au détail", ItemRow(rows, "Prérequis du programme", "3.2")[1]);
        Assert.Equal("Microsite de pratique des partenaires APN", ItemRow(rows, "Prérequis du programme", "3.1")[1]);
        Assert.Equal("Critères des fournisseurs de service gérés", ItemRow(rows, "Prérequis du programme", "2.4")[1]);
        Assert.Equal("PCI-DSS – Analyses de vulnérabilité et test de pénétration", ItemRow(rows, "Liste de contrôle de validation des partenaires", "2.13")[1]);
        Assert.Equal("Présentation client", ItemRow(rows, "Liste de contrôle de validation des partenaires", "1.1")[1]);
        Assert.Equal("Directives du programme", ItemRow(rows, "Prérequis du programme", "1.1")[1]);
    }

    [Fact]
    public void Every_item_has_the_partners_answer_response_and_evidence()
    {
        var input = Samples.Input(Language.En);
        using var workbook = new WorkbookReader(SelfAssessmentWorkbook.Create(input));

        var rows = workbook.Rows("Self-assessment");
        foreach (var item in Samples.Catalog.Items)
        {
            var part = item.Id.StartsWith("PRE", StringComparison.Ordinal) ? "Program prerequisites" : "Partner validation checklist";
            var row = ItemRow(rows, part, item.Number);
            var entry = input.Application.SelfAssessment[item.Id];
            Assert.Equal(item.Title.En, row[1]);
            Assert.Equal(item.Requirement.En, row[2]);
            Assert.Equal("Y", row[3]);
            Assert.Equal(entry.Note, row[4]);
            Assert.Equal(string.Join("\n", entry.Evidence ?? []), row[5]);
        }
    }

    [Fact]
    public void Case_study_items_have_a_met_and_a_response_column_per_submitted_case_study()
    {
        var input = Samples.Input(Language.En);
        using var workbook = new WorkbookReader(SelfAssessmentWorkbook.Create(input));

        var rows = workbook.Rows("Self-assessment");
        var header = rows.First(r => r[0] == "Number");
        Assert.Equal(
            ["Case study 1: Contoso Stores — Met Y/N", "Case study 1: Contoso Stores — Partner response", "Case study 2: Fabrikam Fashion — Met Y/N", "Case study 2: Fabrikam Fashion — Partner response",
             "Case study 3: Northwind Grocers — Met Y/N", "Case study 3: Northwind Grocers — Partner response", "Case study 4: Tailspin Outdoor — Met Y/N", "Case study 4: Tailspin Outdoor — Partner response"],
            header[6..]);
        Assert.DoesNotContain(rows, r => r.Any(c => c.Contains("Woodgrove", StringComparison.Ordinal)));

        const string Validation = "Partner validation checklist";
        var s3 = ItemRow(rows, Validation, "2.10");
        Assert.Equal(["Y", "N/A", "N/A", "Y"], new[] { s3[6], s3[8], s3[10], s3[12] });
        Assert.Equal("Public access blocked on the landing bucket; Config rule alerts.\niac/contoso/", s3[7]);
        Assert.Equal("No Amazon S3 bucket in this engagement.", s3[9]);

        // No per-case-study answer: N/A where the item's scope leaves the case study out, else the item's own answer
        var pci = ItemRow(rows, Validation, "2.12");
        Assert.Equal(["Y", "N/A", "N/A", "N/A"], new[] { pci[6], pci[8], pci[10], pci[12] });
        var availability = ItemRow(rows, Validation, "2.3");
        Assert.Equal(["Y", "Y", "Y", "Y"], new[] { availability[6], availability[8], availability[10], availability[12] });
        var recovery = ItemRow(rows, Validation, "2.5");
        Assert.Equal(["Y", "", "", ""], new[] { recovery[6], recovery[8], recovery[10], recovery[12] });

        // Items judged on the partner as a whole have no case-study cells
        Assert.All(ItemRow(rows, Validation, "1.1")[6..], c => Assert.Equal("", c));
        var delivery = ItemRow(rows, "Program prerequisites", "2.3");
        Assert.Equal(["Y", "Y", "Y", "Y"], new[] { delivery[6], delivery[8], delivery[10], delivery[12] });
    }

    [Fact]
    public void A_per_case_study_not_met_is_N_in_french_and_an_MSP_case_study_is_out_of_project_items()
    {
        var application = Samples.ReadyApplication();
        var answers = new Dictionary<string, SelfAssessmentEntry>(application.SelfAssessment)
        {
            ["VAL-2.11"] = application.SelfAssessment["VAL-2.11"] with { CaseStudies = new Dictionary<string, CaseStudyAnswer> { ["fabrikam"] = new() { Answer = AnswerValue.NotMet, Note = "Pas de TLS interne." } } },
        };
        var changed = application with
        {
            SelfAssessment = answers,
            CaseStudies = [.. application.CaseStudies.Select(c => c.Key == "northwind" ? c with { Delivery = DeliveryCategory.Msp } : c)],
        };
        using var workbook = new WorkbookReader(SelfAssessmentWorkbook.Create(Samples.Input(Language.Fr, changed)));

        var rows = workbook.Rows("Auto-évaluation");
        const string Validation = "Liste de contrôle de validation des partenaires";
        var encryption = ItemRow(rows, Validation, "2.11");
        Assert.Equal(["O", "N", "O", "O"], new[] { encryption[6], encryption[8], encryption[10], encryption[12] });
        Assert.Equal("Pas de TLS interne.", encryption[9]);
        var availability = ItemRow(rows, Validation, "2.3");
        Assert.Equal("N/A", availability[10]);
    }

    [Fact]
    public void Only_the_submitted_case_studies_appear_and_by_default_the_counted_ones()
    {
        var application = Samples.ReadyApplication();
        var explicitChoice = application with { CaseStudies = [.. application.CaseStudies.Select(c => c with { Submitted = c.Key is "contoso" or "woodgrove-pilot" })] };
        using (var workbook = new WorkbookReader(SelfAssessmentWorkbook.Create(Samples.Input(Language.En, explicitChoice))))
        {
            Assert.Equal(["Self-assessment", "Case study 1", "Case study 2", "Readiness"], workbook.SheetNames);
            Assert.Equal("woodgrove-pilot", workbook.Rows("Case study 2").Single(r => r[0] == "Key")[1]);
        }

        var unstated = application with { CaseStudies = [.. application.CaseStudies.Select(c => c with { Submitted = null })] };
        var input = Samples.Input(Language.En, unstated);
        Assert.Equal(["contoso", "fabrikam", "northwind", "tailspin"], input.Submitted.Select(c => c.Key));
        using var byDefault = new WorkbookReader(SelfAssessmentWorkbook.Create(input));
        Assert.Equal(["Self-assessment", "Case study 1", "Case study 2", "Case study 3", "Case study 4", "Readiness"], byDefault.SheetNames);
    }

    [Fact]
    public void Each_submitted_case_study_has_a_sheet_with_its_facts()
    {
        using var workbook = new WorkbookReader(SelfAssessmentWorkbook.Create(Samples.Input(Language.En)));

        var rows = workbook.Rows("Case study 1");
        Assert.Equal("Case study 1: Contoso Stores", rows[0][0]);
        Assert.Equal("contoso", rows.Single(r => r[0] == "Key")[1]);
        Assert.Equal("2026-01-15", rows.Single(r => r[0] == "Completed")[1]);
        Assert.Equal("PCI-DSS", rows.Single(r => r[0] == "Compliance requirements")[1]);
        Assert.Contains("ingestion stream: RTO 15 min, RPO 1 min", rows.Single(r => r[0] == "RTO/RPO per component (loss of one AZ)")[1], StringComparison.Ordinal);
    }

    [Fact]
    public void Attests_verdicts_are_on_their_own_sheet_and_the_form_has_no_tool_text()
    {
        var input = Samples.Input(Language.En);
        using var workbook = new WorkbookReader(SelfAssessmentWorkbook.Create(input));

        var readiness = workbook.Rows("Readiness");
        Assert.StartsWith("Attest's verdicts as of 2026-11-26", readiness[0][0], StringComparison.Ordinal);
        foreach (var verdict in input.Readiness.Items)
        {
            var row = readiness.Single(r => r[0] == verdict.Item.Id);
            Assert.Equal(Attest.Core.Readiness.ReadinessStatuses.Names.Display(verdict.Status).En, row[2]);
            Assert.Equal(verdict.Reason.In(Language.En), row[3]);
        }

        Assert.Contains(readiness, r => r[1] == "· contoso");
        Assert.DoesNotContain(readiness, r => r[1] == "· woodgrove-pilot");
        var msp = readiness.Single(r => r[0] == "PRE-2.4");
        Assert.Contains("French 2019 text", msp[5], StringComparison.Ordinal);

        var form = workbook.Rows("Self-assessment").SelectMany(r => r).ToArray();
        Assert.DoesNotContain(form, c => c.Contains("Attest", StringComparison.Ordinal) || c.Contains("catalog option", StringComparison.OrdinalIgnoreCase) || c.Contains("mspCriteriaReading", StringComparison.Ordinal));
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
        var validation = workbook.Worksheet("Self-assessment").Descendants<Row>().SkipWhile(r => r.Elements<Cell>().First().InnerText != "Partner validation checklist");
        var row = validation.First(r => r.Elements<Cell>().First().InnerText == "1.1");
        var note = row.Elements<Cell>().ElementAt(4);
        Assert.Equal("=HYPERLINK(\"http://evil.example\",\"click\")", note.InnerText);
        var format = workbook.Styles.CellFormats!.Elements<CellFormat>().ElementAt((int)note.StyleIndex!.Value);
        Assert.True(format.QuotePrefix!.Value);
    }

    [Fact]
    public void Control_characters_are_dropped()
    {
        var application = Samples.ReadyApplication();
        var answers = new Dictionary<string, SelfAssessmentEntry>(application.SelfAssessment)
        {
            ["VAL-1.2"] = new SelfAssessmentEntry { Met = true, Note = "bell\u0007 and nul\u0000 gone" },
        };
        var input = Samples.Input(Language.En, application with { SelfAssessment = answers }, evidence: []);
        using var workbook = new WorkbookReader(SelfAssessmentWorkbook.Create(input));

        Assert.Equal("bell and nul gone", ItemRow(workbook.Rows("Self-assessment"), "Partner validation checklist", "1.2")[4]);
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
