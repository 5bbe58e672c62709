using System.Text.Json;
using System.Text.Json.Nodes;
using Attest.Cli.Tests.Support;
using Json.Schema;

namespace Attest.Cli.Tests;

public sealed class SchemaTests
{
    private static readonly Lazy<JsonSchema> Schema = new(() =>
    {
        var result = CliRun.Run("schema", "application");
        Assert.True(result.ExitCode == 0, result.ToString());
        return JsonSchema.FromText(result.Out);
    });

    private static EvaluationResults Evaluate(JsonNode? document) =>
        Schema.Value.Evaluate(document, new EvaluationOptions { OutputFormat = OutputFormat.List });

    private static string Describe(EvaluationResults results) =>
        string.Join("\n", (results.Details ?? []).Where(d => d.HasErrors).SelectMany(d => d.Errors!.Select(e => $"{d.InstanceLocation}: {e.Key}: {e.Value}")));

    [Fact]
    public void Schema_application_prints_valid_JSON_and_exits_0()
    {
        var result = CliRun.Run("schema", "application");

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Equal("", result.Err);
        using var document = JsonDocument.Parse(result.Out);
        Assert.Equal("https://json-schema.org/draft/2020-12/schema", document.RootElement.GetProperty("$schema").GetString());
        Assert.Equal("object", document.RootElement.GetProperty("type").GetString());
    }

    [Fact]
    public void Schema_of_unknown_kind_exits_2()
    {
        var result = CliRun.Run("schema", "catalogue");

        Assert.True(result.ExitCode == 2, result.ToString());
        Assert.Equal("", result.Out);
    }

    [Fact]
    public void Schema_application_is_a_schema_JsonSchema_Net_can_load()
    {
        Assert.NotNull(Schema.Value);
    }

    [Fact]
    public void Schema_accepts_the_JSON_form_of_the_ready_example()
    {
        var results = Evaluate(YamlToJson.Convert(File.ReadAllText(Repo.ReadyExample)));

        Assert.True(results.IsValid, Describe(results));
    }

    [Fact]
    public void Schema_accepts_the_JSON_form_of_the_not_ready_example()
    {
        var results = Evaluate(YamlToJson.Convert(File.ReadAllText(Repo.NotReadyExample)));

        Assert.True(results.IsValid, Describe(results));
    }

    [Fact]
    public void Schema_accepts_the_JSON_form_of_the_init_starter()
    {
        var results = Evaluate(YamlToJson.Convert(CliRun.Run("init", "-o", "-").Out));

        Assert.True(results.IsValid, Describe(results));
    }

    [Fact]
    public void Schema_accepts_a_file_with_only_format_and_checklist()
    {
        var results = Evaluate(JsonNode.Parse("{ \"format\": \"attest/application/v1\", \"checklist\": \"aws-retail-consulting-2019-12\" }"));

        Assert.True(results.IsValid, Describe(results));
    }

    [Fact]
    public void Schema_rejects_a_document_with_an_unknown_top_level_key()
    {
        var document = YamlToJson.Convert(File.ReadAllText(Repo.ReadyExample))!;
        document["bogus"] = 1;

        Assert.False(Evaluate(document).IsValid);
    }

    [Fact]
    public void Schema_rejects_a_document_with_an_unknown_case_study_key()
    {
        var document = YamlToJson.Convert(File.ReadAllText(Repo.ReadyExample))!;
        document["caseStudies"]![0]!["colour"] = "red";

        Assert.False(Evaluate(document).IsValid);
    }

    [Fact]
    public void Schema_rejects_an_unknown_enum_value()
    {
        var document = YamlToJson.Convert(File.ReadAllText(Repo.ReadyExample))!;
        document["caseStudies"]![0]!["stage"] = "beta";

        Assert.False(Evaluate(document).IsValid);
    }

    [Fact]
    public void Schema_rejects_an_unknown_format_version()
    {
        Assert.False(Evaluate(JsonNode.Parse("{ \"format\": \"attest/application/v9\", \"checklist\": \"aws-retail-consulting-2019-12\" }")).IsValid);
    }

    [Fact]
    public void Schema_and_check_agree_that_the_JSON_examples_are_readable()
    {
        // What the schema accepts, the reader reads (exit 0 or 1, never 2).
        foreach (var example in new[] { Repo.ReadyExample, Repo.NotReadyExample })
        {
            var json = YamlToJson.Convert(File.ReadAllText(example))!;
            Assert.True(Evaluate(json).IsValid);
            var path = Path.Combine(Path.GetTempPath(), "attest-cli-tests", Guid.NewGuid().ToString("N") + ".json");
            Directory.CreateDirectory(Path.GetDirectoryName(path)!);
            try
            {
                File.WriteAllText(path, json.ToJsonString());
                Assert.InRange(CliRun.Run("check", path).ExitCode, 0, 1);
            }
            finally
            {
                File.Delete(path);
            }
        }
    }

    [Fact]
    public void Schema_catalog_accepts_the_shipped_catalog_and_rejects_an_unknown_rule()
    {
        var result = CliRun.Run("schema", "catalog");
        Assert.True(result.ExitCode == 0, result.ToString());
        var schema = JsonSchema.FromText(result.Out);
        var catalog = YamlToJson.Convert(File.ReadAllText(Repo.RetailCatalogFile))!;
        var options = new EvaluationOptions { OutputFormat = OutputFormat.List };
        var valid = schema.Evaluate(catalog, options);
        Assert.True(valid.IsValid, Describe(valid));
        catalog["sections"]![0]!["items"]![0]!["rule"] = "no-such-rule";
        Assert.False(schema.Evaluate(catalog, options).IsValid);
    }

    [Theory]
    [InlineData("{ \"partner\": { \"contact\": { \"name\": \"Alex\", \"email\": \"alex@acme.example\" }, \"id\": \"001\" } }", true)]
    [InlineData("{ \"partner\": { \"contact\": { \"email\": \"Alex <alex@acme.example>\" } } }", false)]
    [InlineData("{ \"partner\": { \"contact\": { \"phone\": \"1\" } } }", false)]
    [InlineData("{ \"caseStudies\": [ { \"key\": \"a\", \"submitted\": true } ] }", true)]
    [InlineData("{ \"caseStudies\": [ { \"key\": \"a\", \"submitted\": \"yes\" } ] }", false)]
    [InlineData("{ \"selfAssessment\": { \"VAL-2.2\": { \"caseStudies\": { \"a\": { \"answer\": \"not-applicable\", \"note\": \"n\", \"evidence\": [\"x\"] } } } } }", true)]
    [InlineData("{ \"selfAssessment\": { \"VAL-2.2\": { \"caseStudies\": { \"a\": { \"answer\": \"maybe\" } } } } }", false)]
    public void Schema_describes_the_submission_fields(string fragment, bool valid)
    {
        var document = JsonNode.Parse(fragment)!.AsObject();
        document["format"] = "attest/application/v1";
        document["checklist"] = "aws-retail-consulting-2019-12";

        var results = Evaluate(document);

        Assert.True(results.IsValid == valid, Describe(results));
    }
}
