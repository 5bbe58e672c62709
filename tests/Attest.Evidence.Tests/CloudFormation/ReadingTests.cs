using Attest.Evidence.CloudFormation;
using Attest.Evidence.Model;

namespace Attest.Evidence.Tests.CloudFormation;

public sealed class ReadingTests
{
    [Fact]
    public void Read_gives_a_cloudformation_document_with_its_resources()
    {
        var document = CloudFormationReader.Read("Resources:\n  Logs:\n    Type: AWS::S3::Bucket\n  Key:\n    Type: AWS::KMS::Key\n", "infra/t.yaml");

        Assert.Equal("cloudformation", document.Framework);
        Assert.Equal("infra/t.yaml", document.File);
        Assert.Empty(document.Problems);
        Assert.Equal(["Logs", "Key"], document.Resources.Select(r => r.Address));
        Assert.Equal(["AWS::S3::Bucket", "AWS::KMS::Key"], document.Resources.Select(r => r.Type));
        Assert.All(document.Resources, r => Assert.Equal("cloudformation", r.Framework));
        Assert.Equal(new FileLocation("infra/t.yaml", 4, 3), document.Resources[1].Location);
    }

    [Theory]
    [InlineData("Resources:\n  R:\n    Type: AWS::S3::Bucket\n    Properties: {A: [1, 2\n", 5, "YAML syntax error")]
    [InlineData("{\"Resources\": {\"R\": {\"Type\": \"AWS::S3::Bucket\",}}}", 1, "JSON syntax error")]
    [InlineData("Resources:\n  R:\n    Type: AWS::S3::Bucket\n  R:\n    Type: AWS::SQS::Queue\n", 4, "duplicate key")]
    [InlineData("Resources:\n  R:\n    Type: AWS::S3::Bucket\n---\nResources: {}\n", 4, "more than one YAML document")]
    [InlineData("", 1, "empty")]
    [InlineData("Resources:\n  R: *nowhere\n", 2, "unknown alias")]
    [InlineData("~\n", 1, "a template is a mapping")]
    [InlineData(": [\nM", 1, "YAML syntax error")]
    public void An_unreadable_file_is_a_document_with_one_problem_at_its_place(string text, int line, string problem)
    {
        var document = CloudFormationReader.Read(text, "bad.yaml");

        Assert.Empty(document.Resources);
        var only = Assert.Single(document.Problems);
        Assert.Equal(line, only.Location.Line);
        Assert.Equal("bad.yaml", only.Location.File);
        Assert.Contains(problem, only.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Nesting_and_alias_bombs_are_problems_not_crashes()
    {
        var deep = "Resources:\n  R:\n    Type: AWS::S3::Bucket\n    Properties:\n      P: " + new string('[', 10_000) + "\n";
        var bomb = new System.Text.StringBuilder("a0: &a0 [x, x, x, x, x, x, x, x, x, x]\n");
        for (var i = 1; i < 12; i++)
        {
            bomb.Append($"a{i}: &a{i} [*a{i - 1}, *a{i - 1}, *a{i - 1}, *a{i - 1}, *a{i - 1}, *a{i - 1}, *a{i - 1}, *a{i - 1}, *a{i - 1}, *a{i - 1}]\n");
        }

        Assert.Contains("nesting deeper", Assert.Single(CloudFormationReader.Read(deep, "deep.yaml").Problems).Message, StringComparison.Ordinal);
        Assert.Contains("alias bomb", Assert.Single(CloudFormationReader.Read(bomb.ToString(), "bomb.yaml").Problems).Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("true", true)]
    [InlineData("True", true)]
    [InlineData("FALSE", false)]
    [InlineData("'true'", "true")]
    [InlineData("yes", "yes")]
    [InlineData("12", "12")]
    [InlineData("1.5", "1.5")]
    [InlineData("'12'", "12")]
    [InlineData("012345678901", "012345678901")]
    [InlineData("0x1F", "0x1F")]
    [InlineData("1_000", "1_000")]
    public void Unquoted_booleans_and_numbers_are_typed_and_quoted_scalars_stay_text(string written, object expected)
    {
        var value = Assert.Single(Cfn.Resource(Cfn.WithProperties("      P: " + written)).ValuesAt("P").Values).Value;

        if (expected is string text && !written.StartsWith('\'') && decimal.TryParse(text, System.Globalization.CultureInfo.InvariantCulture, out var number) && !text.StartsWith('0'))
        {
            Assert.Equal(number, value);
        }
        else
        {
            Assert.Equal(expected, value);
        }
    }

    [Fact]
    public void Json_numbers_booleans_and_nulls_are_typed()
    {
        var resource = Cfn.Resource("""{"Resources": {"R": {"Type": "AWS::T::T", "Properties": {"N": 3, "B": false, "S": "3", "Z": null}}}}""", file: "t.json");

        Assert.Equal(3m, resource.ValuesAt("N").Values[0].Value);
        Assert.Equal(false, resource.ValuesAt("B").Values[0].Value);
        Assert.Equal("3", resource.ValuesAt("S").Values[0].Value);
        Assert.True(resource.ValuesAt("Z").Values[0].IsAbsent);
    }

    [Fact]
    public void Sections_are_exposed()
    {
        var template = Cfn.Parse("""
            AWSTemplateFormatVersion: '2010-09-09'
            Description: demo
            Transform: [AWS::LanguageExtensions, {Name: AWS::Include, Parameters: {Location: s3://b/k}}]
            Parameters:
              Env: {Type: String, Default: prod, AllowedValues: [prod, dev], NoEcho: true, Description: stage}
            Mappings:
              M: {a: {b: c}}
            Conditions:
              C: !Equals [!Ref Env, prod]
            Resources:
              R:
                Type: AWS::S3::Bucket
                DependsOn: [Q]
              Q:
                Type: AWS::SQS::Queue
                DependsOn: R2
              R2:
                Type: AWS::SQS::Queue
            Outputs:
              O:
                Condition: C
                Value: !Ref R
            """);

        Assert.Equal("2010-09-09", template.FormatVersion);
        Assert.Equal("demo", template.Description);
        Assert.Equal(["AWS::LanguageExtensions", "AWS::Include"], template.Transform);
        Assert.False(template.IsServerless);
        var env = template.Parameters["Env"];
        Assert.Equal(("String", "prod", true, "stage"), (env.Type, env.Default, env.NoEcho, env.Description));
        Assert.Equal(["prod", "dev"], env.AllowedValues);
        Assert.Equal(5, env.Location.Line);
        Assert.Equal(["M"], template.Mappings.Keys);
        Assert.Equal(["C"], template.Conditions.Keys);
        Assert.Equal(["Q"], template.Resource("R")!.DependsOn);
        Assert.Equal(["R2"], template.Resource("Q")!.DependsOn);
        Assert.Equal("C", template.Outputs["O"].Condition);
    }

    [Fact]
    public void A_template_that_is_not_a_mapping_is_a_problem()
    {
        var template = Cfn.Parse("- a\n- b\n");

        Assert.Empty(template.Resources);
        Assert.Contains("a template is a mapping", Assert.Single(template.Problems).Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Malformed_resources_are_reported_and_skipped_while_the_others_are_read()
    {
        var template = Cfn.Parse("""
            Resources:
              NoType:
                Properties: {}
              NotAMapping: 3
              Fine:
                Type: AWS::S3::Bucket
            """);

        Assert.Equal(["Fine"], template.Resources.Select(r => r.Address));
        Assert.Equal(
            ["t.yaml:2:3: resource NoType has no Type; it is not read", "t.yaml:4:16: resource NotAMapping must be a mapping with a Type, not a value"],
            template.Problems.Select(p => $"{p.Location}: {p.Message}"));
    }

    [Fact]
    public void References_to_undeclared_names_are_problems_with_their_place()
    {
        var template = Cfn.Parse("""
            Parameters:
              P: {Type: String}
            Conditions:
              C: !Equals [!Ref P, x]
              D: !Condition Missing
            Resources:
              R:
                Type: AWS::S3::Bucket
                Condition: Nope
                DependsOn: Ghost
                Properties:
                  A: !Ref P
                  B: !Ref Typo
                  C: !GetAtt Other.Arn
                  D: !Sub '${P}-${AWS::Region}-${R.Arn}-${Unknown}-${!Escaped}'
                  E: !Sub ['${Local}', {Local: x}]
                  F: !If [Absent, a, b]
            """);

        Assert.Equal(
            [
                "9:16 resource R depends on condition Nope, which the template does not declare",
                "10:16 resource R depends on Ghost, which the template does not declare",
                "13:10 Ref to Typo, which is neither a parameter nor a resource of the template",
                "14:10 Fn::GetAtt on Other, which is not a resource of the template",
                "15:10 Fn::Sub refers to ${Unknown}, which is neither a parameter nor a resource of the template",
                "17:10 Fn::If on condition Absent, which the template does not declare",
                "5:6 condition Missing is used but not declared",
            ],
            template.Problems.Select(p => $"{p.Location.Line}:{p.Location.Column} {p.Message}"));
        Assert.Single(template.Resources);
    }

    [Fact]
    public void Templates_with_other_macros_are_not_checked_for_references()
    {
        var template = Cfn.Parse("Transform: MyMacro\nResources:\n  R:\n    Type: AWS::S3::Bucket\n    Properties:\n      A: !Ref MadeByTheMacro\n");

        Assert.Empty(template.Problems);
    }

    [Fact]
    public void ForEach_loops_are_unrolled_into_resources_and_outputs()
    {
        var template = Cfn.Parse("""
            Transform: AWS::LanguageExtensions
            Parameters:
              Names: {Type: CommaDelimitedList, Default: "a,b"}
            Resources:
              Fn::ForEach::Tables:
                - Name
                - !Ref Names
                - Table${Name}:
                    Type: AWS::DynamoDB::Table
                    Properties:
                      TableName: !Ref Name
                      Label: !Sub 'table-${Name}-${AWS::Region}'
            Outputs:
              Fn::ForEach::Out:
                - Name
                - [a, b]
                - Fn::ForEach::Inner:
                    - Attr
                    - [Arn]
                    - Table${Name}${Attr}:
                        Value: !GetAtt [!Sub 'Table${Name}', !Ref Attr]
            """);

        Assert.Empty(template.Problems);
        Assert.Equal(["Tablea", "Tableb"], template.Resources.Select(r => r.Address));
        Assert.Equal(["b"], Cfn.Shown(template.Resource("Tableb")!.ValuesAt("TableName")));
        Assert.Equal(["?the pseudo parameter AWS::Region, known only at deployment in 'table-b-${AWS::Region}'"], Cfn.Shown(template.Resource("Tableb")!.ValuesAt("Label")));
        Assert.Equal(["TableaArn", "TablebArn"], template.Outputs.Keys);
    }

    [Fact]
    public void ForEach_over_an_unknowable_collection_is_a_problem()
    {
        var template = Cfn.Parse("Transform: AWS::LanguageExtensions\nResources:\n  Fn::ForEach::X:\n    - N\n    - !GetAZs ''\n    - B${N}:\n        Type: AWS::S3::Bucket\n");

        Assert.Empty(template.Resources);
        Assert.Contains("cannot be known before deployment", Assert.Single(template.Problems).Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Location_of_a_path_is_the_deepest_key_or_element_written_on_it()
    {
        const string text = """
            Resources:
              R:
                Type: AWS::S3::Bucket
                Properties:
                  BucketEncryption:
                    ServerSideEncryptionConfiguration:
                      - ServerSideEncryptionByDefault:
                          SSEAlgorithm: !If [C, aws:kms, AES256]
                  Tags: !If
                    - C
                    - [{Key: a, Value: b}]
                    - []
              Bare:
                Type: AWS::SNS::Topic
            Conditions:
              C: !Equals [a, b]
            """;
        var template = Cfn.Parse(text);
        var resource = template.Resource("R")!;

        Assert.Equal(new FileLocation("t.yaml", 2, 3), resource.Location);
        Assert.Equal(new FileLocation("t.yaml", 8, 15), resource.LocationOf("BucketEncryption", "ServerSideEncryptionConfiguration", "*", "ServerSideEncryptionByDefault", "SSEAlgorithm"));
        Assert.Equal(new FileLocation("t.yaml", 7, 13), resource.LocationOf("BucketEncryption", "ServerSideEncryptionConfiguration", "0"));
        Assert.Equal(new FileLocation("t.yaml", 7, 13), resource.LocationOf("BucketEncryption", "ServerSideEncryptionConfiguration", "*", "KMSMasterKeyID"));
        Assert.Equal(new FileLocation("t.yaml", 11, 21), resource.LocationOf("Tags", "*", "Value"));
        Assert.Equal(new FileLocation("t.yaml", 4, 5), resource.LocationOf("Missing"));
        Assert.Equal(new FileLocation("t.yaml", 13, 3), template.Resource("Bare")!.LocationOf("Anything"));
    }

    [Fact]
    public void Locations_in_json_are_lines_and_columns_too()
    {
        var resource = Cfn.Resource("{\n  \"Resources\": {\n    \"R\": {\n      \"Type\": \"AWS::S3::Bucket\",\n      \"Properties\": {\"A\": {\"B\": [1, {\"C\": 2}]}}\n    }\n  }\n}\n", file: "t.json");

        Assert.Equal(new FileLocation("t.json", 3, 5), resource.Location);
        Assert.Equal(new FileLocation("t.json", 5, 38), resource.LocationOf("A", "B", "1", "C"));
    }
}
