using System.Text;
using Attest.Core.Catalogs;
using Attest.Core.Documents;

namespace Attest.Core.Tests.Catalogs;

/// <summary>The rules of loading catalogs, over named texts (the edges' reading is tested with the CLI and the web).</summary>
public class CatalogLoaderTests
{
    private static string RetailText => TestData.ReadRepositoryFile("catalogs", "aws-retail-consulting-2019-12.yaml");

    // Files kept in memory, read as the edges do: through TextInput, within the limit the loader gives
    private static CatalogFileReader Files(Dictionary<string, string> files, List<string>? read = null) => (name, maxBytes) =>
    {
        read?.Add(name);
        using var stream = new MemoryStream(Encoding.UTF8.GetBytes(files[name]));
        return TextInput.Read(stream, name, maxBytes);
    };

    private static string Renamed(string text, string id) => text.Replace("id: aws-retail-consulting-2019-12", "id: " + id, StringComparison.Ordinal);

    [Theory]
    [InlineData("a.yaml", true)]
    [InlineData("a.YML", true)]
    [InlineData("b.Json", true)]
    [InlineData("README.md", false)]
    [InlineData("a.yaml.bak", false)]
    [InlineData("yaml", false)]
    public void Catalog_files_are_told_by_their_extension(string name, bool catalog) =>
        Assert.Equal(catalog, CatalogLoader.IsCatalogFile(name));

    [Fact]
    public void Only_catalog_files_are_read_in_ordinal_order_within_a_folder()
    {
        var files = new Dictionary<string, string> { ["f/b.yml"] = Renamed(RetailText, "second"), ["f/a.yaml"] = RetailText, ["f/notes.txt"] = "not yaml: [" };
        var read = new List<string>();

        var names = CatalogLoader.Select(files.Keys);
        var (catalogs, error) = CatalogLoader.Load(names, Files(files, read));

        Assert.Null(error);
        Assert.Equal(["f/a.yaml", "f/b.yml"], read);
        Assert.Equal(["aws-retail-consulting-2019-12", "second"], catalogs.Select(c => c.Id));
    }

    [Fact]
    public void A_name_that_is_not_a_catalog_file_is_never_read_even_when_listed()
    {
        var read = new List<string>();

        var (catalogs, error) = CatalogLoader.Load(["x.txt", "y.yaml"], Files(new() { ["x.txt"] = "", ["y.yaml"] = RetailText }, read));

        Assert.Null(error);
        Assert.Single(catalogs);
        Assert.Equal(["y.yaml"], read);
    }

    [Fact]
    public void A_file_over_the_limit_is_refused_with_the_limit_named()
    {
        var big = RetailText + "\n# " + new string('x', (int)CatalogLoader.MaxFileBytes) + "\n";

        var (catalogs, error) = CatalogLoader.Load(["a.yaml", "big.yaml"], Files(new() { ["a.yaml"] = RetailText, ["big.yaml"] = big }));

        Assert.Single(catalogs);
        Assert.Equal("big.yaml:1:1: the file is larger than the 10 MB limit (10485760 bytes)", error!.ToString());
    }

    [Fact]
    public void A_second_file_with_a_known_id_is_refused_at_its_id_naming_the_first()
    {
        // The second file's id is on line 4, after two comment lines
        var twin = "# copy\n# of the retail catalog\n" + RetailText.Replace("format: attest/catalog/v1\n", "", StringComparison.Ordinal).Insert(0, "format: attest/catalog/v1\n");
        var idLine = twin.Split('\n').ToList().FindIndex(l => l.StartsWith("id:", StringComparison.Ordinal)) + 1;

        var (catalogs, error) = CatalogLoader.Load(["one/retail.yaml", "two/copy.yml"], Files(new() { ["one/retail.yaml"] = RetailText, ["two/copy.yml"] = twin }));

        Assert.Single(catalogs);
        Assert.Equal(("two/copy.yml", idLine, 1, "id"), (error!.File, error.Line, error.Column, error.Field));
        Assert.Equal("catalog id 'aws-retail-consulting-2019-12' is already defined by one/retail.yaml", error.Problem);
    }

    [Fact]
    public void Broken_yaml_is_refused_naming_its_line_and_column()
    {
        var (catalogs, error) = CatalogLoader.Load(["bad.yaml"], Files(new() { ["bad.yaml"] = "format: attest/catalog/v1\nid: [unclosed\n" }));

        Assert.Empty(catalogs);
        Assert.Equal("bad.yaml", error!.File);
        Assert.True(error.Line >= 2, error.ToString());
        Assert.True(error.Column >= 1, error.ToString());
    }

    [Fact]
    public void A_problem_of_the_reader_stops_the_load_as_it_was_given()
    {
        var problem = new InputError("gone.yaml", 1, 1, "", "no such file");

        var (catalogs, error) = CatalogLoader.Load(["gone.yaml", "a.yaml"], (name, _) => name == "gone.yaml" ? (null, problem) : (RetailText, null));

        Assert.Empty(catalogs);
        Assert.Same(problem, error);
    }
}
