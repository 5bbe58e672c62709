namespace Attest.Cli.Tests.Support;

/// <summary>Paths of the repository the tests run from, and facts of the shipped retail checklist.</summary>
internal static class Repo
{
    public const string RetailChecklist = "aws-retail-consulting-2019-12";

    /// <summary>The 24 items of the retail checklist, in checklist order.</summary>
    public static readonly string[] RetailItemIds =
    [
        "PRE-1.1", "PRE-1.2", "PRE-2.1", "PRE-2.2", "PRE-2.3", "PRE-2.4", "PRE-3.1", "PRE-3.2", "PRE-4.1",
        "VAL-1.1", "VAL-1.2",
        "VAL-2.1", "VAL-2.2", "VAL-2.3", "VAL-2.4", "VAL-2.5", "VAL-2.6", "VAL-2.7", "VAL-2.8", "VAL-2.9", "VAL-2.10", "VAL-2.11", "VAL-2.12", "VAL-2.13",
    ];

    /// <summary>The sections of the retail checklist, in order.</summary>
    public static readonly string[] RetailSectionIds = ["PRE-1", "PRE-2", "PRE-3", "PRE-4", "VAL-1", "VAL-2"];

    private static readonly Lazy<string> RootFolder = new(FindRoot);

    /// <summary>The folder holding <c>Attest.slnx</c>.</summary>
    public static string Root => RootFolder.Value;

    public static string ReadyExample => Path.Combine(Root, "examples", "ready.yaml");

    public static string NotReadyExample => Path.Combine(Root, "examples", "not-ready.yaml");

    public static string RetailCatalogFile => Path.Combine(Root, "catalogs", RetailChecklist + ".yaml");

    /// <summary>The catalogs folder the tool finds beside itself (copied into the test output by the project reference).</summary>
    public static string ShippedCatalogs => Path.Combine(AppContext.BaseDirectory, "catalogs");

    /// <summary>A minimal application: only the two required fields.</summary>
    public const string MinimalHeader = "format: attest/application/v1\nchecklist: aws-retail-consulting-2019-12\n";

    private static string FindRoot()
    {
        for (var folder = new DirectoryInfo(AppContext.BaseDirectory); folder is not null; folder = folder.Parent)
        {
            if (File.Exists(Path.Combine(folder.FullName, "Attest.slnx")))
            {
                return folder.FullName;
            }
        }

        throw new InvalidOperationException("Attest.slnx not found above " + AppContext.BaseDirectory);
    }
}
