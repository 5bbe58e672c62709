using System.Text.Json;
using Attest.Cli.Tests.Support;
using Attest.Evidence.Tests.CloudTrail;

namespace Attest.Cli.Tests;

/// <summary>
/// The command line reads only what it can bound: devices, pipes and links to them are refused at once, limits hold
/// while reading, every error is one line, and out-of-range dates are problems of their field or record. Every run has
/// a time limit, so that a hang fails the test instead of blocking the suite.
/// </summary>
public sealed class BoundedInputTests : IDisposable
{
    private const string Header = "format: attest/application/v1\nchecklist: aws-retail-consulting-2019-12\n";
    private const string NotRegular = "is not a regular file (a device, a pipe or a socket): refused, it cannot be read within a limit";
    private static readonly TimeSpan Limit = TimeSpan.FromSeconds(60);
    private readonly TempFolder temp = new();

    public void Dispose() => temp.Dispose();

    private static Task<CliResult> Run(params string[] args) => CliProcess.InProcess(Limit, args);

    private string ZeroLink(string name)
    {
        var link = temp.Combine(name);
        Directory.CreateDirectory(Path.GetDirectoryName(link)!);
        File.CreateSymbolicLink(link, "/dev/zero");
        return link;
    }

    [Fact]
    public async Task Check_on_dev_zero_is_refused_at_once_on_one_line()
    {
        var result = await Run("check", "/dev/zero");

        Assert.Equal("attest: /dev/zero:1:1: " + NotRegular, InputErrorAssert.OneLine(result));
    }

    [Fact]
    public async Task Check_on_a_link_to_dev_zero_is_refused_naming_the_link()
    {
        var link = ZeroLink("app.yaml");

        var result = await Run("check", link);

        Assert.Equal($"attest: {link}:1:1: " + NotRegular, InputErrorAssert.OneLine(result));
    }

    [Fact]
    public void Check_on_a_fifo_nobody_writes_to_is_refused_without_waiting_for_a_writer()
    {
        var fifo = CliProcess.Fifo(temp.Combine("app.yaml"));

        var result = CliProcess.Run(Limit, "check", fifo);

        Assert.Equal(2, result.ExitCode);
        Assert.Equal($"attest: {fifo}:1:1: " + NotRegular, Assert.Single(result.ErrLines));
    }

    [Fact]
    public void Scan_of_a_folder_holding_a_fifo_and_a_link_to_dev_zero_finishes_and_names_them()
    {
        var folder = temp.Combine("code");
        Directory.CreateDirectory(folder);
        CliProcess.Fifo(Path.Combine(folder, "pipe.json"));
        ZeroLink(Path.Combine("code", "zero.yaml"));
        temp.Write(Path.Combine("code", "ok.json"), """{"Resources":{"B":{"Type":"AWS::S3::Bucket"}}}""");

        var result = CliProcess.Run(Limit, "scan", folder, "--format", "json");

        Assert.True(result.ExitCode is 0 or 1, result.ToString());
        using var json = JsonDocument.Parse(result.Out);
        var errors = json.RootElement.GetProperty("errors").EnumerateArray().Select(e => e.GetProperty("file").GetString() + ": " + e.GetProperty("message").GetString()).ToList();
        Assert.Contains(errors, e => e.Contains("pipe.json", StringComparison.Ordinal) && e.Contains("not a regular file", StringComparison.Ordinal));
        Assert.Contains(errors, e => e.Contains("zero.yaml", StringComparison.Ordinal) && e.Contains("not a regular file", StringComparison.Ordinal));
        Assert.NotEmpty(json.RootElement.GetProperty("results").EnumerateArray());
    }

    [Fact]
    public async Task An_evidence_path_linked_to_dev_zero_is_a_warning_and_the_check_goes_on()
    {
        ZeroLink("template.json");
        var application = temp.Write("app.yaml", Header + "caseStudies:\n  - key: a\n    evidence: [template.json]\n");

        var result = await Run("check", application);

        Assert.True(result.ExitCode == 1, result.ToString());
        Assert.Contains("! template.json:1:1: cannot be read: " + NotRegular, result.Out, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_site_observation_on_dev_zero_is_refused_on_one_line()
    {
        var result = await Run("check", Repo.ReadyExample, "--site-observation", "/dev/zero");

        Assert.Equal("attest: /dev/zero:1:1: " + NotRegular, InputErrorAssert.OneLine(result));
    }

    [Fact]
    public async Task A_thousand_nul_bytes_are_binary_not_an_empty_file()
    {
        var file = temp.WriteBytes("zeros.yaml", new byte[1000]);

        var result = await Run("check", file);

        Assert.Equal($"attest: {file}:1:1: the file is binary, not text (a NUL byte here)", InputErrorAssert.OneLine(result));
    }

    [Fact]
    public async Task A_python_object_tag_is_refused_at_its_place()
    {
        var file = temp.Write("app.yaml", Header + "partner:\n  name: !!python/object/apply:os.system [\"true\"]\n");

        var result = await Run("check", file);

        var message = InputErrorAssert.At(result, file, 4, 9, "partner.name");
        Assert.Contains("!!python/object/apply:os.system is not supported", message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("site", "--max-pages", "99999999999")]
    [InlineData("schema", "nope")]
    [InlineData("check")]
    [InlineData("scan", "--fail-on", "extreme", ".")]
    public async Task Usage_errors_are_one_line_without_dotnet_type_names(params string[] args)
    {
        var result = await Run(args);

        var line = InputErrorAssert.OneLine(result);
        Assert.DoesNotContain("System.", line, StringComparison.Ordinal);
        Assert.EndsWith("(see 'attest --help')", line, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_number_too_large_for_an_option_says_what_is_expected()
    {
        var result = await Run("site", "https://example.com", "--max-pages", "99999999999");

        Assert.Equal("attest: --max-pages: expected a whole number from -2147483648 to 2147483647, got '99999999999' (see 'attest --help')", InputErrorAssert.OneLine(result));
    }

    [Theory]
    [InlineData("0001-01-01")]
    [InlineData("9999-12-31")]
    public async Task An_application_date_outside_the_range_exits_2_with_its_place(string date)
    {
        var file = temp.Write("app.yaml", Header + "asOf: " + date + "\n");

        var result = await Run("check", file);

        var message = InputErrorAssert.At(result, file, 3, 7, "asOf");
        Assert.EndsWith($"the date {date} is outside the accepted range, 1900-01-01 to 2999-12-31", message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("2028-02-29", true)]
    [InlineData("2027-02-29", false)]
    public async Task The_29th_of_February_is_read_in_leap_years_only(string date, bool accepted)
    {
        var ready = File.ReadAllText(Repo.ReadyExample).Replace("asOf: 2026-11-26", "asOf: " + date, StringComparison.Ordinal);
        var file = temp.Write("app.yaml", ready);

        var result = await Run("check", file, "--format", "json");

        if (accepted)
        {
            Assert.True(result.ExitCode is 0 or 1, result.ToString());
            using var json = JsonDocument.Parse(result.Out);
            Assert.Equal(date, json.RootElement.GetProperty("asOf").GetString());
        }
        else
        {
            var line = Array.FindIndex(ready.Split('\n'), l => l.StartsWith("asOf:", StringComparison.Ordinal)) + 1;
            Assert.Contains("impossible date '2027-02-29'", InputErrorAssert.At(result, file, line, 7, "asOf"), StringComparison.Ordinal);
        }
    }

    [Theory]
    [InlineData("0001-01-01")]
    [InlineData("9999-12-31")]
    public async Task An_as_of_option_outside_the_range_exits_2_on_one_line(string date)
    {
        var result = await Run("check", Repo.ReadyExample, "--as-of", date);

        Assert.Equal($"attest: --as-of: the date {date} is outside the accepted range, 1900-01-01 to 2999-12-31", InputErrorAssert.OneLine(result));
    }

    [Fact]
    public async Task A_log_tree_with_a_record_dated_9999_12_31_keeps_the_other_files_findings()
    {
        var fixture = new TrailFixture(7);
        const string Account = "210987654321";
        var day1 = new DateTime(2026, 2, 10, 9, 0, 0, DateTimeKind.Utc);
        var logs = temp.Combine("logs");
        TrailFixture.Write(logs, Account, "eu-west-1", day1, [fixture.ConsoleLogin(Account, day1, "Root", null, mfa: true, success: true), fixture.Ordinary(Account, day1.AddMinutes(5))]);
        TrailFixture.Write(logs, Account, "eu-west-1", day1.AddDays(4), [fixture.RootAction(Account, day1.AddDays(4), "StopInstances", "ec2.amazonaws.com", mfa: false)]);
        var endOfTime = new DateTime(9999, 12, 31, 23, 0, 0, DateTimeKind.Utc);
        var odd = TrailFixture.Write(logs, "123456789012", "eu-west-1", day1, [fixture.RootAction("123456789012", endOfTime, "DeleteTrail", "cloudtrail.amazonaws.com", mfa: false)], suffix: "zz");

        var result = await Run("scan", logs, "--format", "json");

        Assert.True(result.ExitCode == 1, result.ToString());
        using var json = JsonDocument.Parse(result.Out);
        var verdict = json.RootElement.GetProperty("results").EnumerateArray().Single(r => r.GetProperty("rule").GetString() == "cloudtrail-root-after-setup");
        Assert.Equal(("fail", Account), (verdict.GetProperty("outcome").GetString(), verdict.GetProperty("resource").GetString()));
        var error = Assert.Single(json.RootElement.GetProperty("errors").EnumerateArray());
        Assert.EndsWith(Path.GetFileName(odd), error.GetProperty("file").GetString(), StringComparison.Ordinal);
        Assert.Equal("1 record(s) dated outside 1900-01-01 to 2999-12-31 were left out, the first one record 1 (9999-12-31T23:00:00Z)", error.GetProperty("message").GetString());
    }

    [Fact]
    public async Task Package_with_a_fifo_in_an_evidence_folder_finishes_and_names_it_missing()
    {
        var application = temp.Write("app.yaml", Header + "partner:\n  name: Acme\ncaseStudies:\n  - key: a\n    evidence: [proof/]\n");
        temp.Write(Path.Combine("proof", "notes.txt"), "kept");
        CliProcess.Fifo(temp.Combine(Path.Combine("proof", "pipe.txt")));

        var result = await Run("package", application, "--out", temp.Combine("out"));

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Contains("! missing: proof/pipe.txt", result.Out, StringComparison.Ordinal);
        Assert.Contains("not a regular file", result.Out, StringComparison.Ordinal);
    }

    [Fact]
    public void Bundle_verify_and_audit_verify_refuse_a_fifo_at_once()
    {
        var fifo = CliProcess.Fifo(temp.Combine("pipe.zip"));

        var bundle = CliProcess.Run(Limit, "bundle", "verify", fifo);
        var audit = CliProcess.Run(Limit, "audit", "verify", "--database", fifo);

        Assert.Equal((2, $"attest: {fifo}: " + NotRegular), (bundle.ExitCode, Assert.Single(bundle.ErrLines)));
        Assert.Equal((2, $"attest: {fifo}: " + NotRegular), (audit.ExitCode, Assert.Single(audit.ErrLines)));
    }

    [Fact]
    public async Task Catalog_files_are_yaml_yml_or_json_and_nothing_else()
    {
        var retail = File.ReadAllText(Repo.RetailCatalogFile);
        temp.Write(Path.Combine("extra", "b.yml"), retail.Replace("id: aws-retail-consulting-2019-12", "id: from-yml", StringComparison.Ordinal));
        temp.Write(Path.Combine("extra", "c.json"), YamlToJson.Convert(retail.Replace("id: aws-retail-consulting-2019-12", "id: from-json", StringComparison.Ordinal))!.ToJsonString());
        temp.Write(Path.Combine("extra", "README.md"), "# not a catalog: [");
        temp.Write(Path.Combine("extra", "d.yaml.bak"), "broken: [");

        var result = await Run("catalog", "list", "--catalogs", temp.Combine("extra"));

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Equal(["aws-retail-consulting-2019-12", "aws-waf-service-delivery-2025-02", "from-yml", "from-json"], result.Out.TrimEnd('\n').Split('\n').Select(l => l.Split('\t')[0]));
    }

    [Fact]
    public async Task A_catalog_over_10_MB_is_refused_naming_the_limit()
    {
        var file = temp.Write(Path.Combine("extra", "big.yaml"), File.ReadAllText(Repo.RetailCatalogFile) + "# " + new string('x', 10 * 1024 * 1024) + "\n");

        var result = await Run("catalog", "list", "--catalogs", temp.Combine("extra"));

        Assert.Equal($"attest: catalog {file}:1:1: the file is larger than the 10 MB limit (10485760 bytes)", InputErrorAssert.OneLine(result));
    }

    [Fact]
    public async Task A_catalog_linked_to_dev_zero_is_refused_at_once()
    {
        var link = ZeroLink(Path.Combine("extra", "zero.yaml"));

        var result = await Run("catalog", "list", "--catalogs", temp.Combine("extra"));

        Assert.Equal($"attest: catalog {link}:1:1: " + NotRegular, InputErrorAssert.OneLine(result));
    }

    [Fact]
    public async Task A_second_catalog_with_a_known_id_names_the_first_file()
    {
        var file = temp.Write(Path.Combine("extra", "twin.yaml"), File.ReadAllText(Repo.RetailCatalogFile));

        var result = await Run("catalog", "list", "--catalogs", temp.Combine("extra"));

        var message = InputErrorAssert.OneLine(result);
        Assert.Equal($"attest: catalog {file}:2:1: id: catalog id 'aws-retail-consulting-2019-12' is already defined by {Path.Combine(Repo.ShippedCatalogs, "aws-retail-consulting-2019-12.yaml")}", message);
    }
}
