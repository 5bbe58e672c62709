using System.IO.Compression;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Attest.Core.Text;
using Attest.Package.Bundle;
using Attest.Package.Tests.Support;

namespace Attest.Package.Tests;

public sealed class BundleTests
{
    private static byte[] Bundle(SubmissionInput input)
    {
        var documents = SubmissionPackage.CreateDocuments(input);
        using var memory = new MemoryStream();
        EvidenceBundle.Write(input, documents.Workbook, documents.Report, memory);
        return memory.ToArray();
    }

    private static BundleVerification Verify(byte[] zip, BundleLimits? limits = null) => BundleVerifier.Verify(new MemoryStream(zip), limits);

    [Fact]
    public void The_bundle_holds_every_file_the_report_the_spreadsheet_and_a_manifest_whose_hashes_all_hold()
    {
        var input = Samples.Input(Language.En);
        var zip = Bundle(input);

        using var archive = new ZipArchive(new MemoryStream(zip), ZipArchiveMode.Read);
        Assert.Equal(
            ["report.pdf", "self-assessment.xlsx", "files/iac/contoso/storefront.yaml", "files/docs/contoso-dr.pdf", "files/diagrams/contoso-network.png", "manifest.json"],
            archive.Entries.Select(e => e.FullName));
        using var manifest = JsonDocument.Parse(Zips.Read(zip, "manifest.json"));
        var root = manifest.RootElement;
        Assert.Equal("attest/bundle/v1", root.GetProperty("format").GetString());
        Assert.Equal("Acme Retail Cloud", root.GetProperty("application").GetProperty("partner").GetString());
        Assert.Equal("aws-retail-consulting-2019-12", root.GetProperty("application").GetProperty("checklist").GetString());
        Assert.Equal(3, root.GetProperty("application").GetProperty("version").GetInt32());
        Assert.Equal("2026-11-26T09:30:00Z", root.GetProperty("created").GetString());

        var listed = root.GetProperty("documents").EnumerateArray().Concat(root.GetProperty("files").EnumerateArray()).ToList();
        Assert.Equal(5, listed.Count);
        foreach (var file in listed)
        {
            var content = Zips.Read(zip, file.GetProperty("path").GetString()!);
            Assert.Equal(content.LongLength, file.GetProperty("size").GetInt64());
            Assert.Equal(Convert.ToHexStringLower(SHA256.HashData(content)), file.GetProperty("sha256").GetString());
        }

        var yaml = root.GetProperty("files")[0];
        Assert.Equal("iac/contoso/storefront.yaml", yaml.GetProperty("name").GetString());
        Assert.Equal(["VAL-2.2", "VAL-2.7"], yaml.GetProperty("items").EnumerateArray().Select(e => e.GetString()));
        Assert.Equal(["contoso"], yaml.GetProperty("caseStudies").EnumerateArray().Select(e => e.GetString()));
        Assert.Equal(input.Evidence[2].Sha256, root.GetProperty("files")[2].GetProperty("sha256").GetString());
        Assert.Equal("https://acme.example/retail/contoso", root.GetProperty("links")[0].GetProperty("url").GetString());

        var verification = Verify(zip);
        Assert.True(verification.Intact, string.Join("; ", verification.Differences.Select(d => d.Path)) + verification.Problem);
    }

    [Fact]
    public void One_byte_changed_in_a_file_is_named_as_altered()
    {
        var zip = Bundle(Samples.Input(Language.En));
        var original = Zips.Read(zip, "files/docs/contoso-dr.pdf");
        var changed = (byte[])original.Clone();
        changed[3] ^= 0x01;

        var verification = Verify(Zips.Edit(zip, a => Zips.Replace(a, "files/docs/contoso-dr.pdf", changed)));

        var difference = Assert.Single(verification.Differences);
        Assert.Equal(BundleChange.Altered, difference.Change);
        Assert.Equal("files/docs/contoso-dr.pdf", difference.Path);
        Assert.Contains("SHA-256", difference.Detail.In(Language.En), StringComparison.Ordinal);
    }

    [Fact]
    public void A_byte_flipped_in_the_zip_itself_is_named_as_altered()
    {
        var zip = Bundle(Samples.Input(Language.En));
        var name = Encoding.ASCII.GetBytes("files/docs/contoso-dr.pdf");
        var header = zip.AsSpan().IndexOf(name) - 30;
        var data = header + 30 + name.Length + BitConverter.ToUInt16(zip, header + 28);
        zip[data + 2] ^= 0x40;

        var verification = Verify(zip);

        Assert.Null(verification.Problem);
        var difference = Assert.Single(verification.Differences);
        Assert.Equal((BundleChange.Altered, "files/docs/contoso-dr.pdf"), (difference.Change, difference.Path));
    }

    [Fact]
    public void A_file_with_another_size_is_altered_a_new_file_is_added_and_a_deleted_one_is_removed()
    {
        var zip = Bundle(Samples.Input(Language.En));
        var edited = Zips.Edit(zip, a =>
        {
            Zips.Replace(a, "files/iac/contoso/storefront.yaml", Zips.Utf8("Resources: { Open: everything }\n"));
            a.GetEntry("files/diagrams/contoso-network.png")!.Delete();
            using var stream = a.CreateEntry("files/extra/backdoor.sh").Open();
            stream.Write(Zips.Utf8("#!/bin/sh\n"));
        });

        var verification = Verify(edited);

        Assert.Null(verification.Problem);
        Assert.Equal(
            [(BundleChange.Altered, "files/iac/contoso/storefront.yaml"), (BundleChange.Added, "files/extra/backdoor.sh"), (BundleChange.Removed, "files/diagrams/contoso-network.png")],
            verification.Differences.Select(d => (d.Change, d.Path)).OrderBy(d => d.Change));
    }

    [Fact]
    public void The_report_and_the_spreadsheet_are_checked_too()
    {
        var zip = Bundle(Samples.Input(Language.En));
        var edited = Zips.Edit(zip, a => a.GetEntry("report.pdf")!.Delete());

        var difference = Assert.Single(Verify(edited).Differences);
        Assert.Equal((BundleChange.Removed, "report.pdf"), (difference.Change, difference.Path));
    }

    [Theory]
    [InlineData("../evil.sh")]
    [InlineData("files/../../evil.sh")]
    [InlineData("/etc/passwd")]
    [InlineData("C:/Windows/evil.dll")]
    [InlineData("files\\..\\evil.sh")]
    [InlineData("files//twice")]
    [InlineData("files/bell\u0007")]
    public void Entry_names_that_leave_the_bundle_are_refused(string name)
    {
        var zip = Zips.Edit(Bundle(Samples.Input(Language.En)), a =>
        {
            using var stream = a.CreateEntry(name).Open();
            stream.Write(Zips.Utf8("x"));
        });

        var verification = Verify(zip);

        Assert.NotNull(verification.Problem);
        Assert.Contains("entry refused", verification.Problem.What.In(Language.En), StringComparison.Ordinal);
        Assert.DoesNotContain("\u0007", verification.Problem.Place, StringComparison.Ordinal);
        Assert.False(verification.Intact);
    }

    [Fact]
    public void A_duplicate_entry_is_refused()
    {
        var zip = Zips.Create(("manifest.json", Zips.Utf8("{}")), ("files/a", Zips.Utf8("1")), ("files/a", Zips.Utf8("2")));

        var problem = Verify(zip).Problem;

        Assert.NotNull(problem);
        Assert.Equal("files/a", problem.Place);
    }

    [Fact]
    public void A_zip_bomb_is_refused_without_being_inflated()
    {
        var zeros = new byte[8 * 1024 * 1024];
        var zip = Zips.Create(("manifest.json", Zips.Utf8("{}")), ("files/zeros.bin", zeros));

        var problem = Verify(zip).Problem;

        Assert.NotNull(problem);
        Assert.Equal("files/zeros.bin", problem.Place);
        Assert.Contains("zip bomb", problem.What.In(Language.En), StringComparison.Ordinal);
    }

    [Fact]
    public void Entries_over_the_size_limits_and_too_many_entries_are_refused()
    {
        var zip = Bundle(Samples.Input(Language.En));

        Assert.Contains("over the limit", Verify(zip, new BundleLimits { MaxEntryBytes = 100 }).Problem!.What.In(Language.En), StringComparison.Ordinal);
        Assert.Contains("more than", Verify(zip, new BundleLimits { MaxTotalBytes = 1000 }).Problem!.What.In(Language.En), StringComparison.Ordinal);
        Assert.Contains("entries", Verify(zip, new BundleLimits { MaxEntries = 3 }).Problem!.What.In(Language.En), StringComparison.Ordinal);
        Assert.Equal("manifest.json", Verify(zip, new BundleLimits { MaxManifestBytes = 10 }).Problem!.Place);
    }

    [Fact]
    public void Not_a_zip_and_a_zip_without_manifest_are_not_bundles()
    {
        var notZip = Verify(Zips.Utf8("this is plain text, not a zip"));
        Assert.Equal("bundle", notZip.Problem!.Place);
        Assert.Contains("pas un fichier zip", notZip.Problem.What.In(Language.Fr), StringComparison.Ordinal);

        var noManifest = Verify(Zips.Create(("files/a.txt", Zips.Utf8("a"))));
        Assert.Contains("manifest.json", noManifest.Problem!.What.In(Language.En), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("{\n  \"format\": \"attest/bundle/v1\",\n  \"files\": [ oops ]\n}", "manifest.json:3:")]
    [InlineData("[]", "manifest.json: $")]
    [InlineData("{\"format\": \"other/v9\"}", "manifest.json: $.format")]
    public void A_manifest_that_is_not_json_or_not_ours_is_reported_with_its_place(string manifest, string place)
    {
        var problem = Verify(Zips.Create(("manifest.json", Zips.Utf8(manifest)))).Problem;

        Assert.NotNull(problem);
        Assert.StartsWith(place, problem.Place, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("sha256", "\"not-a-hash\"", "manifest.json: $.files[1].sha256")]
    [InlineData("size", "-4", "manifest.json: $.files[1].size")]
    [InlineData("size", "\"12\"", "manifest.json: $.files[1].size")]
    [InlineData("path", "\"../../etc/passwd\"", "manifest.json: $.files[1].path")]
    [InlineData("path", "\"files/iac/contoso/storefront.yaml\"", "manifest.json: $.files[1].path")]
    public void A_malformed_field_of_the_manifest_is_named_by_its_path(string field, string value, string place)
    {
        var zip = Bundle(Samples.Input(Language.En));
        var manifest = System.Text.Json.Nodes.JsonNode.Parse(Zips.Read(zip, "manifest.json"))!;
        manifest["files"]![1]![field] = System.Text.Json.Nodes.JsonNode.Parse(value);
        var edited = Zips.Edit(zip, a => Zips.Replace(a, "manifest.json", Zips.Utf8(manifest.ToJsonString())));

        var problem = Verify(edited).Problem;

        Assert.NotNull(problem);
        Assert.Equal(place, problem.Place);
    }

    [Fact]
    public void Evidence_changed_after_it_was_hashed_stops_the_bundle()
    {
        var input = Samples.Input(Language.En);
        var tampered = input with { Evidence = [input.Evidence[0] with { Sha256 = new string('0', 64) }] };

        var error = Assert.Throws<InvalidOperationException>(() => Bundle(tampered));

        Assert.Contains("iac/contoso/storefront.yaml", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Evidence_names_are_kept_inside_files_and_made_unique()
    {
        var names = BundleNames.Assign(["../../etc/passwd", "/abs/path.txt", "C:\\Users\\me\\a.pdf", "docs/a.pdf", "DOCS/A.pdf", "docs/a.pdf", "..", "con:sole?.txt"]);

        Assert.Equal(
            ["files/etc/passwd", "files/abs/path.txt", "files/C_/Users/me/a.pdf", "files/docs/a.pdf", "files/DOCS/A~2.pdf", "files/docs/a~3.pdf", "files/file", "files/con_sole_.txt"],
            names);
        Assert.All(names, n => Assert.Null(BundleNames.Unsafe(n)));
    }

    [Fact]
    public void Files_that_came_only_with_a_cited_folder_and_no_submitted_case_study_are_a_warning_in_the_manifest()
    {
        EvidenceFile Through(EvidenceFile file, params string[] folders) => file with { ThroughFolders = folders };
        var input = Samples.Input(Language.En, evidence:
        [
            Through(Samples.TextFile("iac/contoso/storefront.yaml", "a", ["VAL-2.2"], ["contoso"]), "iac/"),
            Through(Samples.TextFile("iac/litware/platform.yaml", "b", ["VAL-2.2"], []), "iac/"),
            Through(Samples.TextFile("iac/woodgrove/mart.yaml", "c", [], ["woodgrove-pilot"]), "iac/woodgrove/"),
            Samples.TextFile("docs/iam-process.pdf", "d", ["VAL-2.9"], []),
        ]);

        Assert.Equal(["iac/litware/platform.yaml", "iac/woodgrove/mart.yaml"], input.Unrelated.Select(f => f.Name));
        var zip = Bundle(input);
        using var manifest = JsonDocument.Parse(Zips.Read(zip, "manifest.json"));
        var root = manifest.RootElement;
        Assert.Equal(["files/iac/litware/platform.yaml", "files/iac/woodgrove/mart.yaml"], root.GetProperty("warnings").GetProperty("throughFolderOnly").EnumerateArray().Select(e => e.GetString()));
        Assert.Equal(["contoso", "fabrikam", "northwind", "tailspin"], root.GetProperty("application").GetProperty("submittedCaseStudies").EnumerateArray().Select(e => e.GetString()));
        Assert.True(Verify(zip).Intact);
    }

    [Fact]
    public void The_manifest_date_is_the_readiness_date()
    {
        var application = Samples.ReadyApplication();
        var input = Samples.Input(Language.En) with { Readiness = Attest.Core.Readiness.ReadinessEngine.Evaluate(application, Samples.Catalog, new DateOnly(2026, 12, 7)) };

        using var manifest = JsonDocument.Parse(Zips.Read(Bundle(input), "manifest.json"));

        Assert.Equal("2026-12-07", manifest.RootElement.GetProperty("application").GetProperty("asOf").GetString());
    }
}
