using System.Text.Json;
using Attest.Cli.Tests.Support;

namespace Attest.Cli.Tests;

public sealed class CheckJsonOutputTests
{
    private static readonly string[] Statuses = ["met", "not-met", "not-applicable", "needs-review"];

    public static TheoryData<string> Examples => new() { Repo.ReadyExample, Repo.NotReadyExample };

    private static JsonElement Report(params string[] args)
    {
        var result = CliRun.Run(args);
        Assert.True(result.ExitCode is 0 or 1, result.ToString());
        Assert.Equal("", result.Err);
        using var document = JsonDocument.Parse(result.Out);
        return document.RootElement.Clone();
    }

    private static JsonElement[] Items(JsonElement report) => [.. report.GetProperty("items").EnumerateArray()];

    [Theory]
    [MemberData(nameof(Examples))]
    public void Check_json_names_the_checklist_and_asOf(string example)
    {
        var report = Report("check", example, "--format", "json");

        Assert.Equal(Repo.RetailChecklist, report.GetProperty("checklist").GetString());
        Assert.Equal("2026-11-26", report.GetProperty("asOf").GetString());
        Assert.Equal(JsonValueKind.Object, report.ValueKind);
    }

    [Fact]
    public void Check_json_asOf_is_the_as_of_option_when_given()
    {
        var report = Report("check", Repo.NotReadyExample, "--format", "json", "--as-of", "2026-12-31");

        Assert.Equal("2026-12-31", report.GetProperty("asOf").GetString());
    }

    [Theory]
    [MemberData(nameof(Examples))]
    public void Check_json_lists_the_24_items_in_checklist_order(string example)
    {
        var report = Report("check", example, "--format", "json");

        Assert.Equal(Repo.RetailItemIds, Items(report).Select(i => i.GetProperty("id").GetString()).ToArray());
    }

    [Theory]
    [MemberData(nameof(Examples))]
    public void Check_json_every_item_has_id_status_reason_and_caseStudies(string example)
    {
        var report = Report("check", example, "--format", "json");

        foreach (var item in Items(report))
        {
            var id = item.GetProperty("id").GetString();
            Assert.False(string.IsNullOrWhiteSpace(id));
            Assert.Contains(item.GetProperty("status").GetString(), Statuses);
            Assert.True(item.GetProperty("reason").GetString() is { Length: > 0 }, $"{id} has no reason");
            Assert.Equal(JsonValueKind.Array, item.GetProperty("caseStudies").ValueKind);
        }
    }

    [Theory]
    [MemberData(nameof(Examples))]
    public void Check_json_every_case_study_entry_has_key_status_and_reason(string example)
    {
        var report = Report("check", example, "--format", "json");
        var entries = Items(report).SelectMany(i => i.GetProperty("caseStudies").EnumerateArray()).ToArray();

        Assert.NotEmpty(entries);
        foreach (var entry in entries)
        {
            Assert.True(entry.GetProperty("key").GetString() is { Length: > 0 });
            Assert.Contains(entry.GetProperty("status").GetString(), Statuses);
            Assert.True(entry.GetProperty("reason").GetString() is { Length: > 0 });
        }
    }

    [Fact]
    public void Check_json_case_study_keys_are_the_keys_of_the_file()
    {
        var report = Report("check", Repo.ReadyExample, "--format", "json");
        var preTwoOne = Items(report).Single(i => i.GetProperty("id").GetString() == "PRE-2.1");

        string[] expected = ["contoso", "fabrikam", "northwind", "tailspin", "woodgrove-pilot"];
        Assert.Equal(expected, preTwoOne.GetProperty("caseStudies").EnumerateArray().Select(c => c.GetProperty("key").GetString()!).ToArray());
    }

    [Theory]
    [MemberData(nameof(Examples))]
    public void Check_json_ready_is_true_exactly_when_no_item_is_not_met(string example)
    {
        var report = Report("check", example, "--format", "json");
        var anyNotMet = Items(report).Any(i => i.GetProperty("status").GetString() == "not-met");

        Assert.Equal(!anyNotMet, report.GetProperty("ready").GetBoolean());
    }

    [Fact]
    public void Check_json_ready_example_is_ready_and_not_ready_example_is_not()
    {
        Assert.True(Report("check", Repo.ReadyExample, "--format", "json").GetProperty("ready").GetBoolean());
        Assert.False(Report("check", Repo.NotReadyExample, "--format", "json").GetProperty("ready").GetBoolean());
    }

    [Fact]
    public void Check_json_not_ready_example_has_PRE_1_2_not_met_because_of_the_select_tier()
    {
        var report = Report("check", Repo.NotReadyExample, "--format", "json");
        var tier = Items(report).Single(i => i.GetProperty("id").GetString() == "PRE-1.2");

        Assert.Equal("not-met", tier.GetProperty("status").GetString());
    }

    [Theory]
    [MemberData(nameof(Examples))]
    public void Check_json_in_french_gives_french_reasons_with_the_same_statuses(string example)
    {
        var english = Items(Report("check", example, "--format", "json", "--lang", "en"));
        var french = Items(Report("check", example, "--format", "json", "--lang", "fr"));

        Assert.Equal(english.Length, french.Length);
        for (var i = 0; i < english.Length; i++)
        {
            var id = english[i].GetProperty("id").GetString();
            Assert.Equal(id, french[i].GetProperty("id").GetString());
            Assert.Equal(english[i].GetProperty("status").GetString(), french[i].GetProperty("status").GetString());
            Assert.True(
                english[i].GetProperty("reason").GetString() != french[i].GetProperty("reason").GetString(),
                $"{id}: the French reason is the English one: {english[i].GetProperty("reason").GetString()}");
            var englishCases = english[i].GetProperty("caseStudies").EnumerateArray().ToArray();
            var frenchCases = french[i].GetProperty("caseStudies").EnumerateArray().ToArray();
            Assert.Equal(
                englishCases.Select(c => (c.GetProperty("key").GetString(), c.GetProperty("status").GetString())),
                frenchCases.Select(c => (c.GetProperty("key").GetString(), c.GetProperty("status").GetString())));
        }
    }

    [Fact]
    public void Check_json_is_one_document_ending_with_a_line_break()
    {
        var result = CliRun.Run("check", Repo.ReadyExample, "--format", "json");

        Assert.EndsWith("\n", result.Out, StringComparison.Ordinal);
        using var document = JsonDocument.Parse(result.Out);
        Assert.Equal(JsonValueKind.Object, document.RootElement.ValueKind);
    }

    [Fact]
    public void Check_json_has_no_colour_even_on_a_terminal()
    {
        var result = CliRun.Run(["check", Repo.NotReadyExample, "--format", "json"], terminal: true);

        Assert.DoesNotContain("\u001b[", result.Out, StringComparison.Ordinal);
        using var document = JsonDocument.Parse(result.Out);
    }
}
