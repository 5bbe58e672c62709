using System.Text.Json.Nodes;
using Attest.Cli.Tests.Support;

namespace Attest.Cli.Tests;

public sealed class CatalogTests : IDisposable
{
    private const string CopyId = "acme-retail-consulting-2026-01";

    private readonly TempFolder temp = new();

    public void Dispose() => temp.Dispose();

    /// <summary>A copy of the shipped retail catalog under another id, in a folder of its own.</summary>
    private string ExtraCatalogFolder(string id = CopyId)
    {
        var text = File.ReadAllText(Repo.RetailCatalogFile);
        Assert.Contains("\nid: " + Repo.RetailChecklist + "\n", text, StringComparison.Ordinal);
        temp.Write(Path.Combine("extra", id + ".yaml"), text.Replace("\nid: " + Repo.RetailChecklist + "\n", "\nid: " + id + "\n", StringComparison.Ordinal));
        return temp.Combine("extra");
    }

    [Fact]
    public void Catalogs_are_shipped_beside_the_tool_in_the_test_output()
    {
        Assert.True(File.Exists(Path.Combine(Repo.ShippedCatalogs, Repo.RetailChecklist + ".yaml")), Repo.ShippedCatalogs);
    }

    [Fact]
    public void Catalog_list_shows_the_retail_catalog_id()
    {
        var result = CliRun.Run("catalog", "list");

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Equal("", result.Err);
        var lines = result.Out.TrimEnd('\n').Split('\n');
        Assert.Equal(2, lines.Length);
        Assert.StartsWith(Repo.RetailChecklist + "\t", lines[0], StringComparison.Ordinal);
        Assert.Contains("24 items", lines[0], StringComparison.Ordinal);
        Assert.StartsWith("aws-waf-service-delivery-2025-02\t", lines[1], StringComparison.Ordinal);
        Assert.Contains("19 items", lines[1], StringComparison.Ordinal);
    }

    [Fact]
    public void Catalog_show_prints_all_24_item_ids_in_order()
    {
        var result = CliRun.Run("catalog", "show", Repo.RetailChecklist);

        Assert.True(result.ExitCode == 0, result.ToString());
        var ids = System.Text.RegularExpressions.Regex.Matches(result.Out, @"^  (?<id>(PRE|VAL)-\d+\.\d+) ", System.Text.RegularExpressions.RegexOptions.Multiline)
            .Select(m => m.Groups["id"].Value)
            .ToArray();
        Assert.Equal(Repo.RetailItemIds, ids);
    }

    [Fact]
    public void Catalog_show_in_french_prints_french_titles()
    {
        var english = CliRun.Run("catalog", "show", Repo.RetailChecklist, "--lang", "en");
        var french = CliRun.Run("catalog", "show", Repo.RetailChecklist, "--lang", "fr");

        Assert.Equal(0, french.ExitCode);
        Assert.Contains("Compétences vente au détail AWS", french.Out, StringComparison.Ordinal);
        Assert.Contains("Directives du programme", french.Out, StringComparison.Ordinal);
        Assert.DoesNotContain("Directives du programme", english.Out, StringComparison.Ordinal);
        foreach (var id in Repo.RetailItemIds)
        {
            Assert.Contains($"  {id} ", french.Out, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void Catalog_show_unknown_id_exits_2_naming_it()
    {
        var result = CliRun.Run("catalog", "show", "aws-retail-consulting-2031-01");

        Assert.True(result.ExitCode == 2, result.ToString());
        Assert.Equal("", result.Out);
        Assert.Single(result.ErrLines);
        Assert.Contains("aws-retail-consulting-2031-01", result.Err, StringComparison.Ordinal);
        Assert.Contains(Repo.RetailChecklist, result.Err, StringComparison.Ordinal);
    }

    [Fact]
    public void Catalog_list_with_a_broken_catalog_in_an_extra_folder_exits_2_naming_file_line_column_and_field()
    {
        var lines = File.ReadAllText(Repo.RetailCatalogFile).Split('\n');
        var index = Array.FindIndex(lines, l => l.Trim() == "rule: guidelines-read");
        Assert.True(index > 0);
        lines[index] = lines[index].Replace("guidelines-read", "no-such-rule", StringComparison.Ordinal);
        var file = temp.Write(Path.Combine("broken", "broken.yaml"), string.Join('\n', lines));
        var column = lines[index].IndexOf("no-such-rule", StringComparison.Ordinal) + 1;

        var result = CliRun.Run("catalog", "list", "--catalogs", temp.Combine("broken"));

        Assert.True(result.ExitCode == 2, result.ToString());
        Assert.Equal("", result.Out);
        var message = Assert.Single(result.ErrLines);
        Assert.StartsWith($"attest: catalog {file}:{index + 1}:{column}: sections[0].items[0].rule: ", message, StringComparison.Ordinal);
        Assert.Contains("no-such-rule", message, StringComparison.Ordinal);
    }

    [Fact]
    public void Check_with_a_broken_catalog_in_an_extra_folder_exits_2_naming_the_catalog_file()
    {
        var file = temp.Write(Path.Combine("broken", "tiny.yaml"), "format: attest/catalog/v1\nid: tiny\ncolour: red\n");

        var result = CliRun.Run("check", Repo.ReadyExample, "--catalogs", temp.Combine("broken"));

        Assert.True(result.ExitCode == 2, result.ToString());
        Assert.Equal("", result.Out);
        var message = Assert.Single(result.ErrLines);
        Assert.Matches("^attest: catalog " + System.Text.RegularExpressions.Regex.Escape(file) + @":\d+:\d+: ", message);
    }

    [Fact]
    public void Catalog_list_with_a_YAML_syntax_error_in_an_extra_catalog_exits_2_naming_line_and_column()
    {
        var file = temp.Write(Path.Combine("broken", "syntax.yaml"), "format: attest/catalog/v1\nid: [tiny\n");

        var result = CliRun.Run("catalog", "list", "--catalogs", temp.Combine("broken"));

        Assert.True(result.ExitCode == 2, result.ToString());
        Assert.Matches("^attest: catalog " + System.Text.RegularExpressions.Regex.Escape(file) + @":\d+:\d+: ", Assert.Single(result.ErrLines));
    }

    [Fact]
    public void Catalog_list_with_a_second_catalog_reusing_an_id_exits_2_naming_line_and_column_of_the_id()
    {
        var file = temp.Write(Path.Combine("extra", "twin.yaml"), File.ReadAllText(Repo.RetailCatalogFile));

        var result = CliRun.Run("catalog", "list", "--catalogs", temp.Combine("extra"));

        Assert.True(result.ExitCode == 2, result.ToString());
        var message = Assert.Single(result.ErrLines);
        Assert.Contains(Repo.RetailChecklist, message, StringComparison.Ordinal);
        Assert.True(System.Text.RegularExpressions.Regex.IsMatch(message, "^attest: catalog " + System.Text.RegularExpressions.Regex.Escape(file) + @":2:\d+: id: "), "expected line 2 (the id) and a column: " + message);
    }

    [Fact]
    public void Catalog_list_shows_an_extra_valid_catalog_beside_the_shipped_one()
    {
        var result = CliRun.Run("catalog", "list", "--catalogs", ExtraCatalogFolder());

        Assert.True(result.ExitCode == 0, result.ToString());
        var ids = result.Out.TrimEnd('\n').Split('\n').Select(l => l.Split('\t')[0]).ToArray();
        Assert.Equal([Repo.RetailChecklist, "aws-waf-service-delivery-2025-02", CopyId], ids);
    }

    [Fact]
    public void Catalog_list_reads_extra_folders_from_ATTEST_CATALOGS()
    {
        var env = new Dictionary<string, string> { ["ATTEST_CATALOGS"] = ExtraCatalogFolder() };

        var result = CliRun.Run(["catalog", "list"], env);

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Contains(CopyId + "\t", result.Out, StringComparison.Ordinal);
    }

    [Fact]
    public void Catalog_show_prints_the_extra_catalog()
    {
        var result = CliRun.Run("catalog", "show", CopyId, "--catalogs", ExtraCatalogFolder());

        Assert.True(result.ExitCode == 0, result.ToString());
        foreach (var id in Repo.RetailItemIds)
        {
            Assert.Contains($"  {id} ", result.Out, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void Check_of_an_application_naming_an_extra_catalog_uses_it_without_code()
    {
        var folder = ExtraCatalogFolder();
        var application = File.ReadAllText(Repo.ReadyExample).Replace("checklist: " + Repo.RetailChecklist, "checklist: " + CopyId, StringComparison.Ordinal);
        var file = temp.Write("ready-on-copy.yaml", application);

        var result = CliRun.Run("check", file, "--catalogs", folder, "--format", "json");

        Assert.True(result.ExitCode == 0, result.ToString());
        var report = JsonNode.Parse(result.Out)!;
        Assert.Equal(CopyId, (string?)report["checklist"]);
        Assert.True((bool)report["ready"]!);
        Assert.Equal(Repo.RetailItemIds, report["items"]!.AsArray().Select(i => (string?)i!["id"]).ToArray());
    }

    [Fact]
    public void Check_of_an_application_naming_an_extra_catalog_exits_2_when_the_catalog_folder_is_not_given()
    {
        var file = temp.Write("draft.yaml", $"format: attest/application/v1\nchecklist: {CopyId}\n");

        var result = CliRun.Run("check", file);

        InputErrorAssert.At(result, file, 2, 12, "checklist");
    }

    [Fact]
    public void Init_for_an_extra_catalog_writes_a_starter_that_checks_against_it()
    {
        var folder = ExtraCatalogFolder();
        var starter = CliRun.Run("init", "-o", "-", "--checklist", CopyId, "--catalogs", folder);
        Assert.True(starter.ExitCode == 0, starter.ToString());
        Assert.Contains("checklist: " + CopyId, starter.Out, StringComparison.Ordinal);
        var file = temp.Write("starter.yaml", starter.Out);

        var result = CliRun.Run("check", file, "--catalogs", folder);

        Assert.True(result.ExitCode == 1, result.ToString());
    }
}
