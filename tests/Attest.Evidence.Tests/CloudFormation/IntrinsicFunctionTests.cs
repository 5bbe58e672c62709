using Attest.Evidence.CloudFormation;

namespace Attest.Evidence.Tests.CloudFormation;

public sealed class IntrinsicFunctionTests
{
    private const string YamlTemplate = """
        Parameters:
          Name: {Type: String, Default: app}
          Subnets: {Type: CommaDelimitedList, Default: "a,b,c"}
        Mappings:
          Sizes:
            prod: {Instance: m5.large}
        Conditions:
          Always: !Equals [x, x]
        Resources:
          Bucket:
            Type: AWS::S3::Bucket
          R:
            Type: AWS::Test::Thing
            Properties:
              P: VALUE
        """;

    private const string JsonTemplate = """
        {
          "Parameters": {
            "Name": {"Type": "String", "Default": "app"},
            "Subnets": {"Type": "CommaDelimitedList", "Default": "a,b,c"}
          },
          "Mappings": {"Sizes": {"prod": {"Instance": "m5.large"}}},
          "Conditions": {"Always": {"Fn::Equals": ["x", "x"]}},
          "Resources": {
            "Bucket": {"Type": "AWS::S3::Bucket"},
            "R": {"Type": "AWS::Test::Thing", "Properties": {"P": VALUE}}
          }
        }
        """;

    [Theory]
    [InlineData("!Ref Name", """{"Ref": "Name"}""", "app")]
    [InlineData("!Sub '${Name}-x'", """{"Fn::Sub": "${Name}-x"}""", "app-x")]
    [InlineData("!Sub ['${A}-${Name}-${!Literal}', {A: z}]", """{"Fn::Sub": ["${A}-${Name}-${!Literal}", {"A": "z"}]}""", "z-app-${Literal}")]
    [InlineData("!GetAtt Bucket.Arn", """{"Fn::GetAtt": "Bucket.Arn"}""", "?attribute Arn of resource Bucket, known after deployment")]
    [InlineData("!GetAtt [Bucket, Arn]", """{"Fn::GetAtt": ["Bucket", "Arn"]}""", "?attribute Arn of resource Bucket, known after deployment")]
    [InlineData("!If [Always, yes1, no1]", """{"Fn::If": ["Always", "yes1", "no1"]}""", "yes1")]
    [InlineData("!Join ['-', [a, !Ref Name]]", """{"Fn::Join": ["-", ["a", {"Ref": "Name"}]]}""", "a-app")]
    [InlineData("!Select [1, !Ref Subnets]", """{"Fn::Select": ["1", {"Ref": "Subnets"}]}""", "b")]
    [InlineData("!FindInMap [Sizes, prod, Instance]", """{"Fn::FindInMap": ["Sizes", "prod", "Instance"]}""", "m5.large")]
    [InlineData("!Equals [a, a]", """{"Fn::Equals": ["a", "a"]}""", "true")]
    [InlineData("!Not [!Equals [a, b]]", """{"Fn::Not": [{"Fn::Equals": ["a", "b"]}]}""", "true")]
    [InlineData("!And [!Equals [a, a], !Condition Always]", """{"Fn::And": [{"Fn::Equals": ["a", "a"]}, {"Condition": "Always"}]}""", "true")]
    [InlineData("!Or [!Equals [a, b], !Condition Always]", """{"Fn::Or": [{"Fn::Equals": ["a", "b"]}, {"Condition": "Always"}]}""", "true")]
    [InlineData("!ImportValue shared-vpc", """{"Fn::ImportValue": "shared-vpc"}""", "?the value another stack exports as 'shared-vpc'")]
    [InlineData("!Base64 hello", """{"Fn::Base64": "hello"}""", "hello")]
    [InlineData("!Cidr [10.0.0.0/16, 2, 8]", """{"Fn::Cidr": ["10.0.0.0/16", "2", "8"]}""", "[10.0.0.0/24, 10.0.1.0/24]")]
    [InlineData("!GetAZs ''", """{"Fn::GetAZs": ""}""", "?the availability zones of the stack's region")]
    [InlineData("!GetAZs", """{"Fn::GetAZs": ""}""", "?the availability zones of the stack's region")]
    [InlineData("!Split [',', 'a,b']", """{"Fn::Split": [",", "a,b"]}""", "[a, b]")]
    [InlineData("!Transform {Name: Upper, Parameters: {}}", """{"Fn::Transform": {"Name": "Upper", "Parameters": {}}}""", "?the output of the macro Upper")]
    [InlineData("!Length [a, b, c]", """{"Fn::Length": ["a", "b", "c"]}""", "3")]
    [InlineData("!ToJsonString {a: 1, b: [x]}", """{"Fn::ToJsonString": {"a": 1, "b": ["x"]}}""", """{"a":1,"b":["x"]}""")]
    [InlineData("!GetAZs {Ref: 'AWS::Region'}", """{"Fn::GetAZs": {"Ref": "AWS::Region"}}""", "?the availability zones of the stack's region")]
    [InlineData("!GetAZs eu-west-3", """{"Fn::GetAZs": "eu-west-3"}""", "?the availability zones of eu-west-3")]
    [InlineData("!ImportValue {'Fn::Sub': '${AWS::StackName}-vpc'}", """{"Fn::ImportValue": {"Fn::Sub": "${AWS::StackName}-vpc"}}""", "?a value another stack exports")]
    [InlineData("!Select [0, !GetAZs '']", """{"Fn::Select": [0, {"Fn::GetAZs": ""}]}""", "?element 0 of the availability zones of the stack's region")]
    public void Short_and_long_forms_resolve_to_the_same_value_in_yaml_and_json(string shortForm, string longForm, string expected)
    {
        var fromShort = Cfn.Resource(YamlTemplate.Replace("VALUE", shortForm, StringComparison.Ordinal)).ValuesAt("P");
        var fromLongYaml = Cfn.Resource(YamlTemplate.Replace("VALUE", longForm, StringComparison.Ordinal)).ValuesAt("P");
        var fromJson = Cfn.Resource(JsonTemplate.Replace("VALUE", longForm, StringComparison.Ordinal), file: "t.json").ValuesAt("P");

        Assert.Equal([expected], Cfn.Shown(fromShort));
        Assert.Equal(Cfn.Explained(fromShort), Cfn.Explained(fromLongYaml));
        Assert.Equal(Cfn.Explained(fromShort), Cfn.Explained(fromJson));
    }

    [Fact]
    public void GetAtt_with_a_dotted_attribute_splits_at_the_first_dot()
    {
        var resource = Cfn.Resource(YamlTemplate.Replace("VALUE", "!GetAtt Bucket.Endpoint.Address", StringComparison.Ordinal));

        Assert.Equal(["?attribute Endpoint.Address of resource Bucket, known after deployment"], Cfn.Shown(resource.ValuesAt("P")));
    }

    [Fact]
    public void Block_scalars_under_Sub_keep_their_lines()
    {
        var resource = Cfn.Resource(YamlTemplate.Replace("VALUE", "!Sub |\n                #!/bin/bash\n                echo ${Name}\n", StringComparison.Ordinal));

        Assert.Equal(["#!/bin/bash\necho app\n"], Cfn.Shown(resource.ValuesAt("P")));
    }

    [Fact]
    public void Sub_on_a_pseudo_parameter_or_resource_is_unknown_and_says_where()
    {
        var resource = Cfn.Resource(YamlTemplate.Replace("VALUE", "!Sub 'arn:${AWS::Partition}:s3:::${Bucket}/*'", StringComparison.Ordinal));

        var value = Assert.Single(resource.ValuesAt("P").Values);
        Assert.True(value.IsUnknown);
        Assert.Equal("?the physical id of resource Bucket in 'arn:${AWS::Partition}:s3:::${Bucket}/*'", Cfn.Show(value.Value));
    }

    [Fact]
    public void Partition_is_taken_as_aws_and_says_so()
    {
        var resource = Cfn.Resource(YamlTemplate.Replace("VALUE", "!Sub 'arn:${AWS::Partition}:s3:::logs/*'", StringComparison.Ordinal));

        Assert.Equal(["arn:aws:s3:::logs/* | Default | AWS::Partition taken as 'aws'"], Cfn.Explained(resource.ValuesAt("P")));
    }

    [Theory]
    [InlineData("!Ref AWS::Region", "?the pseudo parameter AWS::Region, known only at deployment")]
    [InlineData("!Ref AWS::AccountId", "?the pseudo parameter AWS::AccountId, known only at deployment")]
    [InlineData("!Ref Bucket", "?the physical id of resource Bucket")]
    [InlineData("!Sub '${AWS::StackName}-x'", "?the pseudo parameter AWS::StackName, known only at deployment in '${AWS::StackName}-x'")]
    public void Values_known_only_at_deployment_are_unknown_with_a_reason(string expression, string expected)
    {
        var resource = Cfn.Resource(YamlTemplate.Replace("VALUE", expression, StringComparison.Ordinal));

        Assert.Equal([expected], Cfn.Shown(resource.ValuesAt("P")));
    }

    [Theory]
    [InlineData("10.0.0.0/16", "3", "12", "[10.0.0.0/20, 10.0.16.0/20, 10.0.32.0/20]")]
    [InlineData("10.0.0.0/24", "1", "8", "[10.0.0.0/24]")]
    [InlineData("2001:db8::/56", "2", "64", "[2001:db8::/64, 2001:db8:0:1::/64]")]
    public void Cidr_is_computed_exactly(string block, string count, string bits, string expected)
    {
        var subnets = Resolver.ComputeCidr(block, count, bits);

        Assert.Equal(expected, Cfn.Show(subnets));
    }

    [Theory]
    [InlineData("10.0.0.0/24", "3", "8")]
    [InlineData("not-a-cidr", "1", "8")]
    [InlineData("10.0.0.0/16", "1", "40")]
    public void Cidr_that_cannot_be_divided_gives_nothing(string block, string count, string bits)
    {
        Assert.Null(Resolver.ComputeCidr(block, count, bits));
    }

    [Fact]
    public void Unknown_functions_and_preprocessor_directives_are_unknown_values_not_errors()
    {
        var template = Cfn.Parse(Cfn.WithProperties("      A: !Rain::Embed script.sh\n      B: !Explode x\n      C: {\"Fn::Nope\": 1}"));
        var resource = template.Resource("R")!;

        Assert.Empty(template.Problems);
        Assert.Equal(["?the Rain directive Rain::Embed, expanded only by `rain pkg`"], Cfn.Shown(resource.ValuesAt("A")));
        Assert.Equal(["?Fn::Explode is not a CloudFormation function"], Cfn.Shown(resource.ValuesAt("B")));
        Assert.Equal(["?Fn::Nope is not a CloudFormation function"], Cfn.Shown(resource.ValuesAt("C")));
    }
}
