using System.Text.Json;
using Attest.Cli.Tests.Support;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace Attest.Cli.Tests;

/// <summary>The partner site of examples/ready.yaml, served on loopback: the practice page one click from home, contoso's case study two, fabrikam's not linked.</summary>
public sealed class PartnerSite : IAsyncLifetime
{
    private WebApplication? app;

    public string Root { get; private set; } = "";

    public async Task InitializeAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        app = builder.Build();
        Page("/", "<html lang='en'><title>Acme</title><a href='/retail'>Retail</a> <a href='/blog/unified-commerce'>Blog</a></html>");
        Page("/retail", "<html lang='en'><title>Retail</title><a href='/retail/contoso'>Contoso</a></html>");
        Page("/retail/contoso", "<html lang='en'><title>Contoso</title></html>");
        Page("/retail/fabrikam", "<html lang='en'><title>Fabrikam</title></html>");
        Page("/blog/unified-commerce", """<html lang="en"><title>Unified commerce</title><script type="application/ld+json">{"@type":"BlogPosting","datePublished":"2026-09-14"}</script></html>""");
        await app.StartAsync();
        Root = app.Urls.Single().TrimEnd('/');
    }

    public async Task DisposeAsync()
    {
        if (app is not null)
        {
            await app.DisposeAsync();
        }
    }

    private void Page(string path, string html) => app!.MapGet(path, () => Results.Content(html, "text/html; charset=utf-8"));
}

public sealed class SiteTests(PartnerSite site) : IClassFixture<PartnerSite>, IDisposable
{
    private readonly TempFolder temp = new();

    public void Dispose() => temp.Dispose();

    private string Home => site.Root + "/";

    private string Application() => temp.Write("application.yaml", File.ReadAllText(Repo.ReadyExample).Replace("https://acme.example", site.Root, StringComparison.Ordinal));

    [Fact]
    public void Site_json_prints_the_observation_and_exits_0()
    {
        var result = CliRun.Run("site", Home, "--allow-private-addresses", "--format", "json");

        Assert.True(result.ExitCode == 0, result.ToString());
        using var json = JsonDocument.Parse(result.Out);
        Assert.Equal("attest/site-observation/v1", json.RootElement.GetProperty("format").GetString());
        var pages = json.RootElement.GetProperty("pages").EnumerateArray().Select(p => (p.GetProperty("url").GetString(), p.GetProperty("depth").GetInt32())).ToArray();
        Assert.Contains((site.Root + "/retail/contoso", 2), pages);
    }

    [Fact]
    public void Site_with_an_application_looks_for_its_addresses_writes_the_file_and_speaks_french()
    {
        var observationFile = temp.Combine("observation.json");

        var result = CliRun.Run("site", Home, "--application", Application(), "--allow-private-addresses", "--out", observationFile, "--lang", "fr");

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Contains($"Page de pratique {site.Root}/retail\u00A0: accessible depuis la page d'accueil en 1 clic(s).", result.Out, StringComparison.Ordinal);
        Assert.Contains($"Étude de cas publique fabrikam ({site.Root}/retail/fabrikam)\u00A0: inaccessible depuis le site.", result.Out, StringComparison.Ordinal);
        Assert.Contains("publié le 2026-09-14 (json-ld)", result.Out, StringComparison.Ordinal);
        using var json = JsonDocument.Parse(File.ReadAllText(observationFile));
        Assert.True(json.RootElement.GetProperty("practicePage").GetProperty("reachable").GetBoolean());
        Assert.Empty(Directory.GetFiles(temp.Path, "*.tmp"));
    }

    [Fact]
    public void Check_folds_a_saved_observation_into_the_verdicts()
    {
        var application = Application();
        var observationFile = temp.Combine("observation.json");
        Assert.Equal(0, CliRun.Run("site", Home, "--application", application, "--allow-private-addresses", "--out", observationFile).ExitCode);

        var result = CliRun.Run("check", application, "--site-observation", observationFile, "--format", "json");

        Assert.True(result.ExitCode is 0 or 1, result.ToString());
        var items = Items(result.Out);
        Assert.StartsWith("Observed on ", items["PRE-3.1"].GetProperty("reason").GetString(), StringComparison.Ordinal);
        Assert.Contains("in 1 click(s)", items["PRE-3.1"].GetProperty("reason").GetString(), StringComparison.Ordinal);
        Assert.Equal("not-met", items["PRE-2.2"].GetProperty("status").GetString());
        var declared = Items(CliRun.Run("check", application, "--format", "json").Out);
        Assert.Equal("met", declared["PRE-2.2"].GetProperty("status").GetString());
    }

    [Fact]
    public void Check_can_crawl_live()
    {
        var result = CliRun.Run("check", Application(), "--crawl", "--allow-private-addresses", "--format", "json");

        Assert.True(result.ExitCode is 0 or 1, result.ToString());
        Assert.Contains("Observed on ", Items(result.Out)["PRE-3.1"].GetProperty("reason").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public void Check_crawl_without_permission_refuses_the_loopback_site()
    {
        var line = InputErrorAssert.OneLine(CliRun.Run("check", Application(), "--crawl"));

        Assert.Contains("private-address", line, StringComparison.Ordinal);
    }

    [Fact]
    public void Site_refuses_a_loopback_site_by_default_with_exit_2()
    {
        var line = InputErrorAssert.OneLine(CliRun.Run("site", Home));

        Assert.Contains("could not be read", line, StringComparison.Ordinal);
        Assert.Contains("127.0.0.1", line, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("ftp://acme.example/")]
    [InlineData("https://user:pw@acme.example/")]
    public void Site_refuses_a_bad_address_with_exit_2(string url) =>
        InputErrorAssert.OneLine(CliRun.Run("site", url));

    [Fact]
    public void Site_refuses_bounds_out_of_range() =>
        Assert.Contains("page bound", InputErrorAssert.OneLine(CliRun.Run("site", "https://acme.example/", "--max-pages", "0")), StringComparison.Ordinal);

    [Fact]
    public void A_home_page_that_is_missing_is_exit_2() =>
        Assert.Contains("404", InputErrorAssert.OneLine(CliRun.Run("site", site.Root + "/nothing-here", "--allow-private-addresses")), StringComparison.Ordinal);

    [Fact]
    public void A_broken_observation_file_names_its_field()
    {
        var broken = temp.Write("observation.json", """{"format":"attest/site-observation/v1","observedAt":"2026-11-25T10:00:00Z","startUrl":"x","pages":[{"url":"u","depth":"one","status":200}]}""");

        var line = InputErrorAssert.OneLine(CliRun.Run("check", Application(), "--site-observation", broken));

        Assert.Contains("observation.json: pages[0].depth: ", line, StringComparison.Ordinal);
    }

    [Fact]
    public void Observation_and_crawl_together_are_refused() =>
        InputErrorAssert.OneLine(CliRun.Run("check", Application(), "--site-observation", "x.json", "--crawl"));

    private static Dictionary<string, JsonElement> Items(string json)
    {
        using var document = JsonDocument.Parse(json);
        return document.RootElement.GetProperty("items").EnumerateArray().ToDictionary(i => i.GetProperty("id").GetString()!, i => i.Clone());
    }
}
