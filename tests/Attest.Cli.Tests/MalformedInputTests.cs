using System.Text;
using Attest.Cli.Tests.Support;

namespace Attest.Cli.Tests;

/// <summary>
/// Every unreadable input exits 2 with one line, <c>attest: file:line:column: field: problem</c>, and nothing on
/// standard output. Line and column are counted by hand in the small files below (1-based).
/// </summary>
public sealed class MalformedInputTests : IDisposable
{
    private const string Header = Repo.MinimalHeader; // lines 1 and 2

    private readonly TempFolder temp = new();

    public void Dispose() => temp.Dispose();

    private CliResult Check(string name, string text, params string[] more)
    {
        var file = temp.Write(name, text);
        return CliRun.Run(["check", file, .. more]);
    }

    private string PathOf(string name) => temp.Combine(name);

    // ---- the malformed cases of the contract, YAML ----

    [Fact]
    public void Check_on_unknown_key_exits_2_naming_line_column_and_field()
    {
        var result = Check("app.yaml", Header + "caseStudies:\n  - key: contoso\n    colour: red\n");

        var message = InputErrorAssert.At(result, PathOf("app.yaml"), 5, 5, "caseStudies[0].colour");
        Assert.Contains("unknown key", message, StringComparison.Ordinal);
    }

    [Fact]
    public void Check_on_unknown_top_level_key_exits_2_naming_line_column_and_field()
    {
        var result = Check("app.yaml", Header + "asOf: 2026-11-26\nbogus: 1\n");

        InputErrorAssert.At(result, PathOf("app.yaml"), 4, 1, "bogus");
    }

    [Fact]
    public void Check_on_wrong_type_exits_2_naming_line_column_and_field()
    {
        var result = Check("app.yaml", Header + "partner:\n  guidelinesRead: maybe\n");

        var message = InputErrorAssert.At(result, PathOf("app.yaml"), 4, 19, "partner.guidelinesRead");
        Assert.Contains("maybe", message, StringComparison.Ordinal);
    }

    [Fact]
    public void Check_on_text_where_a_list_is_expected_exits_2_naming_line_column_and_field()
    {
        var result = Check("app.yaml", Header + "caseStudies: contoso\n");

        InputErrorAssert.At(result, PathOf("app.yaml"), 3, 14, "caseStudies");
    }

    [Fact]
    public void Check_on_text_where_a_whole_number_is_expected_exits_2_naming_line_column_and_field()
    {
        var result = Check("app.yaml", Header + "caseStudies:\n  - key: contoso\n    availability:\n      - { component: web, rtoMinutes: fast }\n");

        InputErrorAssert.At(result, PathOf("app.yaml"), 6, 39, "caseStudies[0].availability[0].rtoMinutes");
    }

    [Fact]
    public void Check_on_unknown_enum_value_exits_2_naming_line_column_and_field()
    {
        var result = Check("app.yaml", Header + "caseStudies:\n  - key: contoso\n    stage: beta\n");

        var message = InputErrorAssert.At(result, PathOf("app.yaml"), 5, 12, "caseStudies[0].stage");
        Assert.Contains("beta", message, StringComparison.Ordinal);
        Assert.Contains("production", message, StringComparison.Ordinal);
    }

    [Fact]
    public void Check_on_unknown_partner_tier_exits_2_naming_line_column_and_field()
    {
        var result = Check("app.yaml", Header + "partner:\n  tier: gold\n");

        InputErrorAssert.At(result, PathOf("app.yaml"), 4, 9, "partner.tier");
    }

    [Fact]
    public void Check_on_impossible_date_exits_2_naming_line_column_and_field()
    {
        var result = Check("app.yaml", Header + "asOf: 2026-02-30\n");

        var message = InputErrorAssert.At(result, PathOf("app.yaml"), 3, 7, "asOf");
        Assert.Contains("2026-02-30", message, StringComparison.Ordinal);
    }

    [Fact]
    public void Check_on_impossible_case_study_date_exits_2_naming_line_column_and_field()
    {
        var result = Check("app.yaml", Header + "caseStudies:\n  - key: contoso\n    completed: 2026-02-30\n");

        InputErrorAssert.At(result, PathOf("app.yaml"), 5, 16, "caseStudies[0].completed");
    }

    [Fact]
    public void Check_on_unknown_format_version_exits_2_naming_line_column_and_field()
    {
        var result = Check("app.yaml", "format: attest/application/v9\nchecklist: aws-retail-consulting-2019-12\n");

        var message = InputErrorAssert.At(result, PathOf("app.yaml"), 1, 9, "format");
        Assert.Contains("attest/application/v9", message, StringComparison.Ordinal);
    }

    [Fact]
    public void Check_on_missing_format_exits_2_naming_the_format_field()
    {
        var result = Check("app.yaml", "checklist: aws-retail-consulting-2019-12\n");

        InputErrorAssert.At(result, PathOf("app.yaml"), 1, 1, "format");
    }

    [Fact]
    public void Check_on_unknown_checklist_exits_2_naming_line_column_and_field()
    {
        var result = Check("app.yaml", "format: attest/application/v1\nchecklist: aws-retail-consulting-2031-01\n");

        var message = InputErrorAssert.At(result, PathOf("app.yaml"), 2, 12, "checklist");
        Assert.Contains("aws-retail-consulting-2031-01", message, StringComparison.Ordinal);
    }

    [Fact]
    public void Check_on_YAML_syntax_error_exits_2_naming_line_column_and_field()
    {
        var result = Check("app.yaml", Header + "partner:\n  name: \"unterminated\n  tier: advanced\n");

        var message = InputErrorAssert.At(result, PathOf("app.yaml"), 4, 9, "partner.name");
        Assert.Contains("syntax", message, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public void Check_on_tab_indentation_exits_2_naming_the_line_of_the_tab()
    {
        var result = Check("app.yaml", Header + "partner:\n\tname: Acme\n");

        var place = InputErrorAssert.AtSomePlace(result, PathOf("app.yaml"));
        Assert.True(place.Groups["line"].Value == "4", $"the tab is on line 4, the message says line {place.Groups["line"].Value}: {result.Err}");
    }

    [Fact]
    public void Check_on_file_over_10_MB_exits_2_naming_line_column_and_field()
    {
        var padding = new string('x', (10 * 1024 * 1024) + 1);
        var result = Check("big.yaml", Header + "partner:\n  name: \"" + padding + "\"\n");

        var message = InputErrorAssert.OneLine(result);
        Assert.Contains("10 MB", message, StringComparison.Ordinal);
        InputErrorAssert.AtSomePlace(result, PathOf("big.yaml"));
    }

    [Fact]
    public void Check_on_file_over_10_MB_states_a_size_that_is_over_the_limit()
    {
        var result = Check("big.yaml", Header + "partner:\n  name: \"" + new string('x', 10 * 1024 * 1024) + "\"\n");

        var message = InputErrorAssert.OneLine(result);
        Assert.DoesNotContain("is 10 MB, over the 10 MB limit", message, StringComparison.Ordinal);
    }

    [Fact]
    public void Check_on_alias_bomb_exits_2_naming_line_column_and_field_of_the_alias()
    {
        // Billion laughs: each level repeats the previous one ten times. The node count passes 1,000,000 at the
        // 8th *e of line 9 (column 31), long before line 10.
        var lol = string.Join(",", Enumerable.Repeat("\"lol\"", 10));
        string Level(char name, char previous) => $"  {name}: &{name} [{string.Join(",", Enumerable.Repeat("*" + previous, 10))}]\n";
        var text = Header + "partner:\n" + $"  name: &a [{lol}]\n" + Level('b', 'a') + Level('c', 'b') + Level('d', 'c') + Level('e', 'd') + Level('f', 'e') + Level('g', 'f');

        var result = Check("bomb.yaml", text);

        var message = InputErrorAssert.At(result, PathOf("bomb.yaml"), 9, 31, "partner.f[7]");
        Assert.Contains("alias", message, StringComparison.Ordinal);
    }

    [Fact]
    public void Check_on_nesting_bomb_exits_2_naming_line_column_and_field()
    {
        var result = Check("nest.yaml", Header + "partner: " + new string('[', 5000) + new string(']', 5000) + "\n");

        var message = InputErrorAssert.OneLine(result);
        var match = System.Text.RegularExpressions.Regex.Match(message, "^attest: " + System.Text.RegularExpressions.Regex.Escape(PathOf("nest.yaml")) + @":3:(?<column>\d+): partner(?<depth>(\[0\])+): ");
        Assert.True(match.Success, message);
        var depth = match.Groups["depth"].Value.Length / 3;
        Assert.Equal(10 + depth, int.Parse(match.Groups["column"].Value, System.Globalization.CultureInfo.InvariantCulture));
        Assert.Contains("nesting", message, StringComparison.Ordinal);
    }

    [Fact]
    public void Check_on_unclosed_nesting_bomb_exits_2_on_line_3()
    {
        var result = Check("nest.yaml", Header + "partner: " + new string('[', 20_000) + "\n");

        var place = InputErrorAssert.AtSomePlace(result, PathOf("nest.yaml"));
        Assert.Equal("3", place.Groups["line"].Value);
    }

    [Fact]
    public void Check_on_duplicate_key_exits_2_naming_line_column_and_field()
    {
        var result = Check("app.yaml", Header + "partner:\n  name: Acme\n  name: Acme Retail\n");

        var message = InputErrorAssert.At(result, PathOf("app.yaml"), 5, 3, "partner.name");
        Assert.Contains("duplicate", message, StringComparison.Ordinal);
    }

    [Fact]
    public void Check_on_duplicate_top_level_key_exits_2_naming_line_column_and_field()
    {
        var result = Check("app.yaml", Header + "asOf: 2026-11-26\nasOf: 2026-11-27\n");

        InputErrorAssert.At(result, PathOf("app.yaml"), 4, 1, "asOf");
    }

    [Fact]
    public void Check_on_duplicate_case_study_key_exits_2_naming_line_column_and_field()
    {
        var result = Check("app.yaml", Header + "caseStudies:\n  - key: contoso\n    customer: Contoso\n  - key: contoso\n    customer: Contoso EU\n");

        var message = InputErrorAssert.At(result, PathOf("app.yaml"), 6, 10, "caseStudies[1].key");
        Assert.Contains("contoso", message, StringComparison.Ordinal);
    }

    [Fact]
    public void Check_on_unknown_self_assessment_item_id_exits_2_naming_line_column_and_field()
    {
        var result = Check("app.yaml", Header + "selfAssessment:\n  PRE-1.1: { met: true }\n  PRE-9.9: { met: true }\n");

        var message = InputErrorAssert.At(result, PathOf("app.yaml"), 5, 3, "selfAssessment.PRE-9.9");
        Assert.Contains("PRE-9.9", message, StringComparison.Ordinal);
    }

    [Fact]
    public void Check_on_unknown_key_in_a_self_assessment_entry_exits_2_naming_line_column_and_field()
    {
        var result = Check("app.yaml", Header + "selfAssessment:\n  PRE-1.1: { met: true, score: 5 }\n");

        InputErrorAssert.At(result, PathOf("app.yaml"), 4, 25, "selfAssessment.PRE-1.1.score");
    }

    [Fact]
    public void Check_counts_lines_the_same_with_Windows_line_endings()
    {
        var result = Check("app.yaml", (Header + "caseStudies:\n  - key: contoso\n    colour: red\n").ReplaceLineEndings("\r\n"));

        InputErrorAssert.At(result, PathOf("app.yaml"), 5, 5, "caseStudies[0].colour");
    }

    // ---- the same cases in JSON ----

    [Theory]
    [InlineData("unknown key", "{\n  \"format\": \"attest/application/v1\",\n  \"checklist\": \"aws-retail-consulting-2019-12\",\n  \"caseStudies\": [\n    { \"key\": \"contoso\", \"colour\": \"red\" }\n  ]\n}\n", 5, 25, "caseStudies[0].colour")]
    [InlineData("unknown enum value", "{\n  \"format\": \"attest/application/v1\",\n  \"checklist\": \"aws-retail-consulting-2019-12\",\n  \"caseStudies\": [\n    { \"key\": \"contoso\", \"stage\": \"beta\" }\n  ]\n}\n", 5, 34, "caseStudies[0].stage")]
    [InlineData("wrong type", "{\n  \"format\": \"attest/application/v1\",\n  \"checklist\": \"aws-retail-consulting-2019-12\",\n  \"partner\": { \"guidelinesRead\": \"yes\" }\n}\n", 4, 34, "partner.guidelinesRead")]
    [InlineData("impossible date", "{\n  \"format\": \"attest/application/v1\",\n  \"checklist\": \"aws-retail-consulting-2019-12\",\n  \"asOf\": \"2026-02-30\"\n}\n", 4, 11, "asOf")]
    [InlineData("unknown format", "{\n  \"format\": \"attest/application/v2\",\n  \"checklist\": \"aws-retail-consulting-2019-12\"\n}\n", 2, 13, "format")]
    [InlineData("unknown checklist", "{\n  \"format\": \"attest/application/v1\",\n  \"checklist\": \"nope\"\n}\n", 3, 16, "checklist")]
    [InlineData("duplicate key", "{\n  \"format\": \"attest/application/v1\",\n  \"checklist\": \"aws-retail-consulting-2019-12\",\n  \"partner\": { \"name\": \"a\", \"name\": \"b\" }\n}\n", 4, 29, "partner.name")]
    [InlineData("duplicate case study key", "{\n  \"format\": \"attest/application/v1\",\n  \"checklist\": \"aws-retail-consulting-2019-12\",\n  \"caseStudies\": [\n    { \"key\": \"contoso\" },\n    { \"key\": \"contoso\" }\n  ]\n}\n", 6, 14, "caseStudies[1].key")]
    [InlineData("unknown self-assessment item", "{\n  \"format\": \"attest/application/v1\",\n  \"checklist\": \"aws-retail-consulting-2019-12\",\n  \"selfAssessment\": { \"VAL-7.1\": { \"met\": true } }\n}\n", 4, 23, "selfAssessment.VAL-7.1")]
    [InlineData("syntax error", "{\n  \"format\": \"attest/application/v1\",\n  \"checklist\": \"aws-retail-consulting-2019-12\",\n  \"partner\": { \"name\": \"a\", \"tier\": }\n}\n", 4, 37, "partner.tier")]
    public void Check_on_malformed_JSON_exits_2_naming_line_column_and_field(string problem, string json, int line, int column, string field)
    {
        var result = Check("app.json", json);

        Assert.False(string.IsNullOrEmpty(problem));
        InputErrorAssert.At(result, PathOf("app.json"), line, column, field);
    }

    [Fact]
    public void Check_on_JSON_nesting_bomb_exits_2_naming_line_column_and_field()
    {
        var json = "{\"format\": \"attest/application/v1\",\n\"partner\": " + new string('[', 5000) + new string(']', 5000) + "}\n";

        var result = Check("nest.json", json);

        var message = InputErrorAssert.OneLine(result);
        var match = System.Text.RegularExpressions.Regex.Match(message, "^attest: " + System.Text.RegularExpressions.Regex.Escape(PathOf("nest.json")) + @":2:(?<column>\d+): partner(?<depth>(\[0\])+): ");
        Assert.True(match.Success, message);
        var depth = match.Groups["depth"].Value.Length / 3;
        Assert.Equal(12 + depth, int.Parse(match.Groups["column"].Value, System.Globalization.CultureInfo.InvariantCulture));
    }

    [Fact]
    public void Check_on_JSON_unknown_key_counts_columns_in_characters_not_bytes()
    {
        var json = "{\n  \"format\": \"attest/application/v1\",\n  \"checklist\": \"aws-retail-consulting-2019-12\",\n  \"partner\": { \"name\": \"Société Générale\", \"nom\": \"x\" }\n}\n";

        var result = Check("app.json", json);

        InputErrorAssert.At(result, PathOf("app.json"), 4, 44, "partner.nom");
    }

    // ---- other unreadable files ----

    [Fact]
    public void Check_on_file_that_is_not_UTF8_exits_2_naming_line_column_of_the_bad_byte()
    {
        var bytes = Encoding.UTF8.GetBytes(Header + "partner:\n  name: caf").Concat(new byte[] { 0xE9, (byte)'\n' }).ToArray();
        var file = temp.WriteBytes("latin1.yaml", bytes);

        var result = CliRun.Run("check", file);

        var message = InputErrorAssert.OneLine(result);
        Assert.Contains("UTF-8", message, StringComparison.Ordinal);
        Assert.True(message.StartsWith($"attest: {file}:4:12: ", StringComparison.Ordinal), $"expected line 4, column 12 (the byte 0xE9): {message}");
    }

    [Fact]
    public void Check_on_UTF16_file_exits_2_naming_the_file()
    {
        var file = temp.WriteBytes("utf16.yaml", Encoding.Unicode.GetPreamble().Concat(Encoding.Unicode.GetBytes(Repo.MinimalHeader)).ToArray());

        var message = InputErrorAssert.OneLine(CliRun.Run("check", file));

        Assert.Contains(file, message, StringComparison.Ordinal);
    }

    [Fact]
    public void Check_on_empty_file_exits_2_at_line_1_column_1()
    {
        var result = Check("empty.yaml", "");

        var message = InputErrorAssert.OneLine(result);
        Assert.StartsWith($"attest: {PathOf("empty.yaml")}:1:1: ", message, StringComparison.Ordinal);
        Assert.Contains("empty", message, StringComparison.Ordinal);
    }

    [Fact]
    public void Check_on_file_with_only_comments_exits_2_as_empty()
    {
        var result = Check("comments.yaml", "# nothing here yet\n\n");

        var message = InputErrorAssert.OneLine(result);
        Assert.StartsWith($"attest: {PathOf("comments.yaml")}:1:1: ", message, StringComparison.Ordinal);
    }

    [Fact]
    public void Check_on_YAML_list_instead_of_mapping_exits_2_at_line_1_column_1()
    {
        var result = Check("list.yaml", "- format: attest/application/v1\n- checklist: aws-retail-consulting-2019-12\n");

        var message = InputErrorAssert.OneLine(result);
        Assert.StartsWith($"attest: {PathOf("list.yaml")}:1:1: ", message, StringComparison.Ordinal);
        Assert.Contains("mapping", message, StringComparison.Ordinal);
    }

    [Fact]
    public void Check_on_JSON_array_instead_of_object_exits_2_at_line_1_column_1()
    {
        var result = Check("list.json", "[ { \"format\": \"attest/application/v1\" } ]\n");

        InputErrorAssert.OneLine(result);
        Assert.StartsWith($"attest: {PathOf("list.json")}:1:1: ", result.Err, StringComparison.Ordinal);
    }

    [Fact]
    public void Check_on_plain_text_file_exits_2_at_line_1_column_1()
    {
        var result = Check("notes.txt", "just some notes\n");

        Assert.StartsWith($"attest: {PathOf("notes.txt")}:1:1: ", InputErrorAssert.OneLine(result), StringComparison.Ordinal);
    }

    [Fact]
    public void Check_on_two_YAML_documents_exits_2_naming_the_second()
    {
        var result = Check("two.yaml", Header + "---\n" + Header);

        InputErrorAssert.At(result, PathOf("two.yaml"), 3, 1, "");
    }

    [Fact]
    public void Check_on_unsupported_YAML_tag_exits_2_naming_line_column_and_field()
    {
        var result = Check("tag.yaml", Header + "partner:\n  name: !Sub \"${AWS::AccountId}\"\n");

        InputErrorAssert.At(result, PathOf("tag.yaml"), 4, 9, "partner.name");
    }

    [Fact]
    public void Check_on_unknown_alias_exits_2_naming_line_column_and_field()
    {
        var result = Check("alias.yaml", Header + "partner:\n  name: *nobody\n");

        InputErrorAssert.AtSomePlace(result, PathOf("alias.yaml"));
        Assert.Contains(":4:9: partner.name: ", result.Err, StringComparison.Ordinal);
    }
}
