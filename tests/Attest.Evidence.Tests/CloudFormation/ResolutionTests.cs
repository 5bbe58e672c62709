using Attest.Evidence.Model;

namespace Attest.Evidence.Tests.CloudFormation;

public sealed class ResolutionTests
{
    private const string Parameters = """
        Parameters:
          Env:
            Type: String
            AllowedValues: [prod, dev]
            Default: prod
          Algorithm:
            Type: String
            Default: aws:kms
          Secret:
            Type: String
            NoEcho: true
          Retention:
            Type: Number
            Default: 7
          Zones:
            Type: CommaDelimitedList
            Default: "eu-west-1a, eu-west-1b"
          Ami:
            Type: AWS::SSM::Parameter::Value<AWS::EC2::Image::Id>
            Default: /aws/service/ami-amazon-linux-latest/al2023-ami-kernel-default-x86_64
        Conditions:
          IsProd: !Equals [!Ref Env, prod]
          UsesKms: !Equals [!Ref Algorithm, aws:kms]
          HasSecret: !Not [!Equals [!Ref Secret, '']]
          Literal: !Equals [a, b]
          ProdWithKms: !And [!Condition IsProd, !Condition UsesKms]
          ProdOrSecret: !Or [!Condition IsProd, !Condition HasSecret]
          Loop: !Not [!Condition Loop]
          LoopA: !Condition LoopB
          LoopB: !Condition LoopA
        """;

    private static ValueSet At(string properties, params string[] path) =>
        Cfn.Resource(Cfn.WithProperties(properties, Parameters)).ValuesAt(path);

    [Fact]
    public void Ref_to_a_parameter_with_allowed_values_gives_each_of_them()
    {
        Assert.Equal(
            ["prod | AllowedValue | parameter Env allowed value 'prod' (its default)", "dev | AllowedValue | parameter Env allowed value 'dev'"],
            Cfn.Explained(At("      P: !Ref Env", "P")));
    }

    [Fact]
    public void Ref_to_a_parameter_with_only_a_default_gives_the_default_and_says_so()
    {
        Assert.Equal(["aws:kms | Default | parameter Algorithm default 'aws:kms'"], Cfn.Explained(At("      P: !Ref Algorithm", "P")));
    }

    [Fact]
    public void Ref_to_a_parameter_without_default_is_unknown()
    {
        var value = Assert.Single(At("      P: !Ref Secret", "P").Values);

        Assert.True(value.IsUnknown);
        Assert.Equal("?parameter Secret has no default", Cfn.Show(value.Value));
    }

    [Fact]
    public void Parameter_types_shape_the_value_numbers_lists_and_ssm()
    {
        Assert.Equal(7m, Assert.Single(At("      P: !Ref Retention", "P").Values).Value);
        Assert.Equal(["[eu-west-1a, eu-west-1b]"], Cfn.Shown(At("      P: !Ref Zones", "P")));
        Assert.Equal(["eu-west-1b"], Cfn.Shown(At("      P: !Ref Zones", "P", "1")));
        Assert.StartsWith("?parameter Ami, read from the SSM parameter '/aws/service/", Cfn.Shown(At("      P: !Ref Ami", "P"))[0], StringComparison.Ordinal);
    }

    [Fact]
    public void Ref_to_NoValue_makes_the_property_absent()
    {
        var values = At("      P: !Ref AWS::NoValue\n      Q: {A: !Ref AWS::NoValue, B: 1}", "P");
        var whole = At("      P: !Ref AWS::NoValue\n      Q: {A: !Ref AWS::NoValue, B: 1}", "Q");

        Assert.True(Assert.Single(values.Values).IsAbsent);
        Assert.Equal(["{B: 1}"], Cfn.Shown(whole));
    }

    [Fact]
    public void If_on_a_condition_decided_by_literals_takes_one_branch_as_a_literal()
    {
        Assert.Equal(["b | Literal"], Cfn.Explained(At("      P: !If [Literal, a, b]", "P")));
    }

    [Fact]
    public void If_on_a_condition_decided_by_a_default_takes_one_branch_and_says_which_default()
    {
        Assert.Equal(
            ["KMS | Default | parameter Algorithm default 'aws:kms'; condition UsesKms is true"],
            Cfn.Explained(At("      P: !If [UsesKms, KMS, AES]", "P")));
    }

    [Fact]
    public void If_on_a_condition_over_allowed_values_gives_both_branches()
    {
        Assert.Equal(
            [
                "true | Branch | parameter Env allowed value 'prod' (its default); when condition IsProd is true",
                "false | Branch | parameter Env allowed value 'dev'; when condition IsProd is false",
            ],
            Cfn.Explained(At("      P: !If [IsProd, true, false]", "P")));
    }

    [Fact]
    public void If_on_a_condition_over_an_unknown_gives_both_branches_as_branches()
    {
        Assert.Equal(
            ["x | Branch | when condition HasSecret is true", "y | Branch | when condition HasSecret is false"],
            Cfn.Explained(At("      P: !If [HasSecret, x, y]", "P")));
    }

    [Fact]
    public void Branches_remember_the_parameter_values_that_chose_them()
    {
        // In the true branch Env can only be prod: the dev-in-true-branch combination is impossible
        Assert.Equal(["prod", "none"], Cfn.Shown(At("      P: !If [IsProd, !Ref Env, none]", "P")));
        Assert.Equal(["prod-prod", "dev-dev"], Cfn.Shown(At("      P: !Sub '${Env}-${Env}'", "P")));
    }

    [Fact]
    public void Nested_ifs_combine_and_never_contradict_themselves()
    {
        var values = At("      P: !If [IsProd, !If [IsProd, a, impossible], !If [HasSecret, b, c]]", "P");

        Assert.Equal(["a", "b", "c"], Cfn.Shown(values));
        Assert.Contains("when condition IsProd is false; when condition HasSecret is true", values.Values[1].How, StringComparison.Ordinal);
    }

    [Fact]
    public void Logical_conditions_are_three_valued()
    {
        // ProdOrSecret is true when IsProd is, whatever the secret; otherwise it depends on the secret
        var values = At("      P: !If [ProdOrSecret, on, off]", "P");

        Assert.Equal(["on", "off"], Cfn.Shown(values));
        Assert.Equal(["KMS", "AES"], Cfn.Shown(At("      P: !If [ProdWithKms, KMS, AES]", "P")));
    }

    [Fact]
    public void Conditions_that_refer_to_themselves_are_unknown_not_a_hang()
    {
        Assert.Equal(["a", "b"], Cfn.Shown(At("      P: !If [Loop, a, b]", "P")));
        Assert.Equal(["a", "b"], Cfn.Shown(At("      P: !If [LoopA, a, b]", "P")));
    }

    [Fact]
    public void Condition_values_are_exposed_with_their_reasons()
    {
        var template = Cfn.Parse(Cfn.WithProperties("      P: 1", Parameters));

        Assert.Equal(["true | Default | parameter Algorithm default 'aws:kms'"], Cfn.Explained(template.ConditionValues("UsesKms")));
        Assert.Equal(["false | Literal"], Cfn.Explained(template.ConditionValues("Literal")));
        Assert.Equal(2, template.ConditionValues("IsProd").Values.Count);
    }

    [Fact]
    public void Resource_condition_is_its_multiplicity()
    {
        var template = Cfn.Parse(Parameters + """

            Resources:
              R:
                Type: AWS::S3::Bucket
                Condition: IsProd
              S:
                Type: AWS::S3::Bucket
              T:
                Type: AWS::S3::Bucket
                Condition: UsesKms
              U:
                Type: AWS::S3::Bucket
                Condition: Literal
            """);

        Assert.Equal("IsProd", template.Resource("R")!.Condition);
        Assert.Equal("only when condition IsProd holds", template.Resource("R")!.Multiplicity);
        Assert.Null(template.Resource("S")!.Multiplicity);
        Assert.Equal("only when condition UsesKms holds (always true, given parameter Algorithm default 'aws:kms')", template.Resource("T")!.Multiplicity);
        Assert.Equal("only when condition Literal holds (always false)", template.Resource("U")!.Multiplicity);
    }

    [Fact]
    public void Sub_with_a_variable_map_resolves_each_variable()
    {
        var values = At("      P: !Sub ['${Prefix}-${Env}-${Algorithm}', {Prefix: !If [IsProd, p, d]}]", "P");

        Assert.Equal(["p-prod-aws:kms", "d-dev-aws:kms"], Cfn.Shown(values));
        Assert.Equal(ValueSource.Default, values.Values[0].Source);
    }

    [Fact]
    public void FindInMap_with_known_keys_gives_the_entry()
    {
        const string sections = "Mappings:\n  Sizes:\n    prod: {Count: 3}\n    dev: {Count: 1}\n";
        var resource = Cfn.Resource(Cfn.WithProperties("      P: !FindInMap [Sizes, prod, Count]", Parameters + "\n" + sections));

        Assert.Equal(["3 | Literal"], Cfn.Explained(resource.ValuesAt("P")));
    }

    [Fact]
    public void FindInMap_follows_parameter_alternatives()
    {
        const string sections = "Mappings:\n  Sizes:\n    prod: {Count: 3}\n    dev: {Count: 1}\n";
        var resource = Cfn.Resource(Cfn.WithProperties("      P: !FindInMap [Sizes, !Ref Env, Count]", Parameters + "\n" + sections));

        Assert.Equal(["3", "1"], Cfn.Shown(resource.ValuesAt("P")));
    }

    [Fact]
    public void FindInMap_on_an_unknown_key_gives_every_entry_it_could_select_grouped_by_value()
    {
        const string sections = "Mappings:\n  Regions:\n    us-east-1: {Ami: ami-1, Arch: x86}\n    eu-west-1: {Ami: ami-2, Arch: x86}\n    eu-west-3: {Ami: ami-3, Arch: arm}\n";
        var resource = Cfn.Resource(Cfn.WithProperties("      A: !FindInMap [Regions, !Ref AWS::Region, Arch]\n      B: !FindInMap [Regions, !Ref 'AWS::Region', Ami]", Parameters + "\n" + sections));

        var arch = resource.ValuesAt("A");
        Assert.Equal(["x86", "arm"], Cfn.Shown(arch));
        Assert.All(arch.Values, v => Assert.Equal(ValueSource.Branch, v.Source));
        Assert.StartsWith("mapping Regions entry us-east-1.Arch, eu-west-1.Arch, as the key is the pseudo parameter AWS::Region", arch.Values[0].How, StringComparison.Ordinal);
        Assert.Equal(3, resource.ValuesAt("B").Values.Count);
    }

    [Fact]
    public void FindInMap_with_a_default_value_uses_it_for_missing_keys()
    {
        const string sections = "Transform: AWS::LanguageExtensions\nMappings:\n  Sizes:\n    prod: {Count: 3}\n";
        var resource = Cfn.Resource(Cfn.WithProperties("      P: !FindInMap [Sizes, test, Count, {DefaultValue: 0}]", Parameters + "\n" + sections));

        Assert.Equal(["0"], Cfn.Shown(resource.ValuesAt("P")));
    }

    [Fact]
    public void Too_many_combinations_collapse_into_one_unknown()
    {
        var parameters = string.Concat(Enumerable.Range(0, 7).Select(i => $"  P{i}: {{Type: String, AllowedValues: [a, b]}}\n"));
        var resource = Cfn.Resource(Cfn.WithProperties("      P: !Join ['', [" + string.Join(", ", Enumerable.Range(0, 7).Select(i => $"!Ref P{i}")) + "]]", "Parameters:\n" + parameters));

        var value = Assert.Single(resource.ValuesAt("P").Values);
        Assert.Equal("?too many combinations (128)", Cfn.Show(value.Value));
    }

    [Fact]
    public void Whole_objects_keep_a_single_alternative_per_member_when_combinations_would_explode()
    {
        var parameters = string.Concat(Enumerable.Range(0, 7).Select(i => $"  P{i}: {{Type: String, AllowedValues: [a, b]}}\n"));
        var members = string.Concat(Enumerable.Range(0, 7).Select(i => $"        M{i}: !Ref P{i}\n"));
        var resource = Cfn.Resource(Cfn.WithProperties("      O:\n" + members + "        Fixed: yes", "Parameters:\n" + parameters));

        var value = Assert.Single(resource.ValuesAt("O").Values);
        var map = Assert.IsAssignableFrom<IReadOnlyDictionary<string, object?>>(value.Value);
        Assert.Equal("yes", map["Fixed"]);
        Assert.Equal("?one of 2 possible values", Cfn.Show(map["M0"]));
    }
}
