using System.Text.Json;
using Attest.Cli.Tests.Support;

namespace Attest.Cli.Tests;

/// <summary><c>attest check</c> and the exact readings of issue 11: cited evidence that is missing, the case-study bound, distinctFrom.</summary>
public sealed class CheckExactReadingTests : IDisposable
{
    private readonly TempFolder temp = new();

    public void Dispose() => temp.Dispose();

    private static JsonElement Item(JsonDocument json, string id) =>
        json.RootElement.GetProperty("items").EnumerateArray().Single(i => i.GetProperty("id").GetString() == id);

    [Fact]
    public void Check_lists_cited_files_and_folders_that_are_missing_and_marks_the_items_needs_review()
    {
        temp.Write("docs/guidelines.pdf", "%PDF-1.4 read on 2026-09-01");
        var file = temp.Write("app.yaml", Repo.MinimalHeader + """
            partner: { guidelinesRead: true, tier: advanced }
            selfAssessment:
              PRE-1.1: { met: true, note: Read., evidence: [docs/guidelines.pdf, https://example.com/guidelines] }
              PRE-1.2: { met: true, note: Advanced., evidence: [docs/tier.pdf, screenshots/] }
            """);

        var result = CliRun.Run("check", file, "--format", "json");

        using var json = JsonDocument.Parse(result.Out);
        var warnings = json.RootElement.GetProperty("warnings").EnumerateArray().Select(w => w.GetString()!).ToArray();
        Assert.Equal(["Cited evidence not found: docs/tier.pdf (cited by PRE-1.2).", "Cited evidence not found: screenshots/ (cited by PRE-1.2)."], warnings);
        Assert.Equal("met", Item(json, "PRE-1.1").GetProperty("status").GetString());
        var tier = Item(json, "PRE-1.2");
        Assert.Equal("needs-review", tier.GetProperty("status").GetString());
        Assert.Contains("Cited evidence not found: docs/tier.pdf, screenshots/.", tier.GetProperty("notes").EnumerateArray().Select(n => n.GetString()));
    }

    [Fact]
    public void Check_in_French_says_which_evidence_is_missing_in_French()
    {
        var file = temp.Write("app.yaml", Repo.MinimalHeader + "selfAssessment:\n  VAL-1.1: { met: true, note: Deck., evidence: [decks/overview.pdf] }\n");

        var result = CliRun.Run("check", file, "--lang", "fr");

        Assert.Contains("! Preuve citée introuvable\u00A0: decks/overview.pdf (citée par VAL-1.1).", result.Out, StringComparison.Ordinal);
        Assert.Contains("Preuves citées introuvables\u00A0: decks/overview.pdf.", result.Out, StringComparison.Ordinal);
    }

    [Fact]
    public void Check_names_case_study_evidence_once_and_the_items_judged_on_it()
    {
        var file = temp.Write("app.yaml", File.ReadAllText(Repo.ReadyExample));

        var result = CliRun.Run("check", file, "--format", "json");

        Assert.True(result.ExitCode == 0, result.ToString()); // needs review is not "not met": still ready
        using var json = JsonDocument.Parse(result.Out);
        var warnings = json.RootElement.GetProperty("warnings").EnumerateArray().Select(w => w.GetString()!).ToArray();
        Assert.Single(warnings, w => w.Contains("iac/contoso/", StringComparison.Ordinal)); // the scanner's warning, not a second one
        var contoso = Item(json, "VAL-2.6").GetProperty("caseStudies").EnumerateArray().Single(c => c.GetProperty("key").GetString() == "contoso");
        Assert.EndsWith("Cited evidence not found: iac/contoso/.", contoso.GetProperty("reason").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public void Check_refuses_more_case_studies_than_the_bound_with_the_place()
    {
        var cases = string.Concat(Enumerable.Range(0, 201).Select(i => $"  - key: c{i}\n"));
        var file = temp.Write("many.yaml", Repo.MinimalHeader + "caseStudies:\n" + cases);

        var result = CliRun.Run("check", file);

        var line = InputErrorAssert.OneLine(result);
        Assert.Equal($"attest: {file}:4:3: caseStudies: 201 case studies; an application holds at most 200 (the checklist asks for four: keep the ones you submit and those you may use instead)", line);
    }

    [Fact]
    public void Check_clears_a_possible_duplicate_the_partner_confirms()
    {
        var lookAlike = File.ReadAllText(Repo.ReadyExample).Replace("customer: Tailspin Outdoor", "customer: Contoso Stores, Inc.", StringComparison.Ordinal);
        var file = temp.Write("look-alike.yaml", lookAlike);
        using (var json = JsonDocument.Parse(CliRun.Run("check", file, "--format", "json").Out))
        {
            Assert.Equal("needs-review", Item(json, "PRE-2.1").GetProperty("status").GetString());
        }

        var confirmed = temp.Write("confirmed.yaml", lookAlike.Replace("customerWebsite: https://tailspin.example", "customerWebsite: https://tailspin.example\n    distinctFrom: [contoso]", StringComparison.Ordinal));
        using (var json = JsonDocument.Parse(CliRun.Run("check", confirmed, "--format", "json").Out))
        {
            Assert.Equal("met", Item(json, "PRE-2.1").GetProperty("status").GetString());
        }
    }

    [Fact]
    public void Init_template_shows_distinct_from() =>
        Assert.Contains("# distinctFrom: [other-key]", CliRun.Run("init", "-o", "-").Out, StringComparison.Ordinal);
}
