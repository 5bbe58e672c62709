using Attest.Evidence.Model;

namespace Attest.Evidence.Tests.CloudFormation;

public sealed class NavigationTests
{
    private const string Sections = """
        Parameters:
          Env: {Type: String, AllowedValues: [prod, dev]}
        Conditions:
          IsProd: !Equals [!Ref Env, prod]
        """;

    private const string Policy = """
              PolicyDocument:
                Version: '2012-10-17'
                Statement:
                  - Effect: Allow
                    Action: s3:GetObject
                    Resource: '*'
                  - !If
                    - IsProd
                    - Effect: Deny
                      Action: [s3:DeleteObject, s3:PutObject]
                      Resource: '*'
                    - !Ref AWS::NoValue
                  - Effect: Allow
                    Action: !If [IsProd, 'kms:Decrypt', '*']
                    Resource: !Sub 'arn:aws:kms:*:*:key/${Env}'
        """;

    private static Attest.Evidence.CloudFormation.CloudFormationResource Resource() => Cfn.Resource(Cfn.WithProperties(Policy, Sections));

    [Fact]
    public void Star_fans_out_over_list_elements_and_drops_NoValue_elements()
    {
        var effects = Resource().ValuesAt("PolicyDocument", "Statement", "*", "Effect");

        Assert.Equal(["Allow", "Deny", "Allow"], Cfn.Shown(effects));
        Assert.Equal(ValueSource.Branch, effects.Values[1].Source);
        Assert.Equal("parameter Env allowed value 'prod'; when condition IsProd is true", effects.Values[1].How);
    }

    [Fact]
    public void Star_on_a_single_value_treats_it_as_a_one_element_list()
    {
        var actions = Resource().ValuesAt("PolicyDocument", "Statement", "*", "Action", "*");

        Assert.Equal(["s3:GetObject", "s3:DeleteObject", "s3:PutObject", "kms:Decrypt", "*"], Cfn.Shown(actions));
    }

    [Fact]
    public void A_number_picks_one_element()
    {
        Assert.Equal(["Allow"], Cfn.Shown(Resource().ValuesAt("PolicyDocument", "Statement", "0", "Effect")));
        Assert.True(Assert.Single(Resource().ValuesAt("PolicyDocument", "Statement", "9", "Effect").Values).IsAbsent);
    }

    [Fact]
    public void Missing_properties_are_absent_and_members_of_scalars_too()
    {
        Assert.True(Assert.Single(Resource().ValuesAt("Nothing").Values).IsAbsent);
        Assert.True(Assert.Single(Resource().ValuesAt("PolicyDocument", "Version", "Deeper").Values).IsAbsent);
    }

    [Fact]
    public void A_whole_list_is_returned_resolved_with_one_alternative_per_consistent_combination()
    {
        var statements = Resource().ValuesAt("PolicyDocument", "Statement");

        Assert.Equal(
            [
                "[{Effect: Allow, Action: s3:GetObject, Resource: *}, {Effect: Deny, Action: [s3:DeleteObject, s3:PutObject], Resource: *}, {Effect: Allow, Action: kms:Decrypt, Resource: arn:aws:kms:*:*:key/prod}]",
                "[{Effect: Allow, Action: s3:GetObject, Resource: *}, {Effect: Allow, Action: *, Resource: arn:aws:kms:*:*:key/dev}]",
            ],
            Cfn.Shown(statements));
    }

    [Fact]
    public void The_whole_properties_object_resolves()
    {
        var properties = Assert.IsAssignableFrom<IReadOnlyDictionary<string, object?>>(Resource().ValuesAt().Values[0].Value);

        Assert.True(properties.ContainsKey("PolicyDocument"));
    }

    [Fact]
    public void Star_over_an_empty_list_gives_no_value_and_an_absent_list_gives_absent()
    {
        var resource = Cfn.Resource(Cfn.WithProperties("      Empty: []"));

        Assert.Empty(resource.ValuesAt("Empty", "*").Values);
        Assert.True(Assert.Single(resource.ValuesAt("Missing", "*").Values).IsAbsent);
    }

    [Fact]
    public void A_whole_property_given_by_If_gives_each_shape()
    {
        var resource = Cfn.Resource(Cfn.WithProperties(
            "      Encryption: !If\n        - IsProd\n        - {Algorithm: aws:kms, Key: k}\n        - !Ref AWS::NoValue",
            Sections));

        Assert.Equal(["{Algorithm: aws:kms, Key: k}", "(absent)"], Cfn.Shown(resource.ValuesAt("Encryption")));
        Assert.Equal(["aws:kms", "(absent)"], Cfn.Shown(resource.ValuesAt("Encryption", "Algorithm")));
    }

    [Fact]
    public void Unknown_values_stay_unknown_below()
    {
        var resource = Cfn.Resource(Cfn.WithProperties("      Config: !ImportValue shared-config"));

        Assert.Equal(["?the value another stack exports as 'shared-config'"], Cfn.Shown(resource.ValuesAt("Config", "Inner", "*")));
    }

    [Fact]
    public void Metadata_and_resource_attributes_resolve_too()
    {
        var template = Cfn.Parse("""
            Resources:
              R:
                Type: AWS::S3::Bucket
                DeletionPolicy: Retain
                Metadata:
                  guard:
                    SuppressedRules: [S3_BUCKET_LOGGING_ENABLED]
            """);
        var resource = template.Resource("R")!;

        Assert.Equal(["S3_BUCKET_LOGGING_ENABLED"], Cfn.Shown(resource.MetadataAt("guard", "SuppressedRules", "*")));
        Assert.Equal(["Retain"], Cfn.Shown(resource.AttributeValuesAt("DeletionPolicy")));
        Assert.True(Assert.Single(resource.ValuesAt("BucketName").Values).IsAbsent);
    }

    [Fact]
    public void Outputs_resolve_through_the_template()
    {
        var template = Cfn.Parse(Cfn.WithProperties("      P: 1", Sections) + "Outputs:\n  Name:\n    Value: !Sub '${Env}-name'\n    Export: {Name: exported}\n");
        var output = template.Outputs["Name"];

        Assert.Equal(["prod-name", "dev-name"], Cfn.Shown(template.Resolve(output.Value)));
        Assert.Equal(["exported"], Cfn.Shown(template.Resolve(output.ExportName)));
    }
}
