using Attest.Web.Infrastructure;

namespace Attest.Web.Tests;

/// <summary>The web reads its catalog folders by the command line's rules (Core's CatalogLoader), on real files.</summary>
public sealed class CatalogLoadingTests : IDisposable
{
    private readonly string root = Path.Combine(Path.GetTempPath(), "attest-web-catalogs", Guid.NewGuid().ToString("N"));

    public CatalogLoadingTests() => Directory.CreateDirectory(root);

    private static string Shipped => Path.Combine(AppContext.BaseDirectory, "catalogs");

    private static string RetailText => File.ReadAllText(Path.Combine(Shipped, "aws-retail-consulting-2019-12.yaml"));

    public void Dispose() => Directory.Delete(root, recursive: true);

    private string Write(string name, string text)
    {
        var path = Path.Combine(root, name);
        File.WriteAllText(path, text);
        return path;
    }

    [Fact]
    public void Yml_and_json_catalogs_are_read_beside_yaml_and_other_files_are_not()
    {
        Write("b.yml", RetailText.Replace("id: aws-retail-consulting-2019-12", "id: from-yml", StringComparison.Ordinal));
        Write("notes.txt", "broken: [");
        Write("c.yaml.orig", "broken: [");

        var catalogs = new Catalogs([Shipped, root, Path.Combine(root, "absent")]);

        Assert.Equal(["aws-retail-consulting-2019-12", "aws-waf-service-delivery-2025-02", "from-yml"], catalogs.All.Select(c => c.Id));
        Assert.NotNull(catalogs.Find("from-yml"));
    }

    [Fact]
    public void A_catalog_over_10_MB_stops_the_start_naming_the_file_and_the_limit()
    {
        var big = Write("big.yaml", RetailText + "# " + new string('x', 10 * 1024 * 1024) + "\n");

        var refused = Assert.Throws<InvalidOperationException>(() => new Catalogs([root]));

        Assert.Equal($"catalog {big}:1:1: the file is larger than the 10 MB limit (10485760 bytes)", refused.Message);
    }

    [Fact]
    public void A_second_catalog_with_a_known_id_is_refused_at_its_id_naming_the_first_file()
    {
        var twin = Write("twin.yml", "# a copy\n# of the shipped catalog\n" + RetailText);

        var (catalogs, error) = Catalogs.Load([Shipped, root]);

        Assert.Equal(["aws-retail-consulting-2019-12", "aws-waf-service-delivery-2025-02"], catalogs.Select(c => c.Id));
        Assert.Equal($"{twin}:4:1: id: catalog id 'aws-retail-consulting-2019-12' is already defined by {Path.Combine(Shipped, "aws-retail-consulting-2019-12.yaml")}", error!.ToString());
    }

    [Fact]
    public void Broken_yaml_is_refused_naming_its_line_and_column()
    {
        var broken = Write("broken.yaml", "format: attest/catalog/v1\nid: tiny\ntitle: [unclosed\n");

        var (_, error) = Catalogs.Load([root]);

        Assert.Equal(broken, error!.File);
        Assert.True(error.Line >= 3 && error.Column >= 1, error.ToString());
    }

    [Fact]
    public void A_catalog_linked_to_dev_zero_is_refused_by_its_size_instead_of_read_without_end()
    {
        var link = Path.Combine(root, "zero.yaml");
        File.CreateSymbolicLink(link, "/dev/zero");

        var (_, error) = Catalogs.Load([root]);

        Assert.Equal($"{link}:1:1: the file is larger than the 10 MB limit (10485760 bytes)", error!.ToString());
    }
}
