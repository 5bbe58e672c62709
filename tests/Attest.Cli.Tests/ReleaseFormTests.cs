using System.Xml.Linq;
using Attest.Cli.Tests.Support;

namespace Attest.Cli.Tests;

/// <summary>
/// The release forms of the tool, checked by their settings (a Native AOT publish takes minutes, so it is not run here;
/// <c>scripts/release</c> builds it, see docs/performance.md): the native single file, the ReadyToRun one it was measured
/// against, and the .NET tool package.
/// </summary>
public class ReleaseFormTests
{
    private static Dictionary<string, string> Properties(params string[] path)
    {
        var document = XDocument.Load(Path.Combine([Repo.Root, .. path]));
        return document.Descendants("PropertyGroup").Elements().GroupBy(e => e.Name.LocalName).ToDictionary(g => g.Key, g => g.Last().Value.Trim());
    }

    [Fact]
    public void The_native_profile_publishes_one_native_linux_x64_executable()
    {
        var native = Properties("src", "Attest.Cli", "Properties", "PublishProfiles", "native.pubxml");
        Assert.Equal("true", native["PublishAot"]);
        Assert.Equal("linux-x64", native["RuntimeIdentifier"]);
        Assert.Equal("true", native["SelfContained"]);
        Assert.Equal("Release", native["Configuration"]);
        Assert.False(native.ContainsKey("PublishReadyToRun"));
    }

    [Fact]
    public void The_readytorun_profile_publishes_a_precompiled_self_contained_single_file()
    {
        var readyToRun = Properties("src", "Attest.Cli", "Properties", "PublishProfiles", "readytorun.pubxml");
        Assert.Equal("true", readyToRun["PublishReadyToRun"]);
        Assert.Equal("true", readyToRun["PublishSingleFile"]);
        Assert.Equal("true", readyToRun["SelfContained"]);
        Assert.Equal("linux-x64", readyToRun["RuntimeIdentifier"]);
        Assert.False(readyToRun.ContainsKey("PublishAot"));
    }

    [Fact]
    public void The_projects_the_tool_is_made_of_are_checked_for_trimming_and_AOT_at_every_build()
    {
        foreach (var project in new[] { "Attest.Core", "Attest.Evidence", "Attest.Package", "Attest.Cli" })
        {
            Assert.True(Properties("src", project, project + ".csproj").GetValueOrDefault("IsAotCompatible") == "true", project);
        }
    }

    [Fact]
    public void The_tool_package_installs_the_attest_command()
    {
        var cli = Properties("src", "Attest.Cli", "Attest.Cli.csproj");
        Assert.Equal("true", cli["PackAsTool"]);
        Assert.Equal("attest", cli["ToolCommandName"]);
        Assert.Equal("Attest.Cli", cli["PackageId"]);
        Assert.Matches(@"^\d+\.\d+\.\d+$", cli["Version"]);
    }

    [Fact]
    public void The_release_script_archives_the_binary_with_its_catalogs_readme_and_tool_package()
    {
        var script = Path.Combine(Repo.Root, "scripts", "release");
        if (!OperatingSystem.IsWindows())
        {
            Assert.True((File.GetUnixFileMode(script) & UnixFileMode.UserExecute) != 0, "scripts/release is not executable");
        }
        var text = File.ReadAllText(script);
        Assert.Contains("attest-$version-$rid", text, StringComparison.Ordinal);
        Assert.Contains("PublishProfile=\"$profile\"", text, StringComparison.Ordinal);
        Assert.Contains("cp -r \"$work/publish/catalogs\"", text, StringComparison.Ordinal);
        Assert.Contains("cp README.md", text, StringComparison.Ordinal);
        Assert.Contains("dotnet pack src/Attest.Cli", text, StringComparison.Ordinal);
    }
}
