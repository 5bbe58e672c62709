namespace Attest.Evidence.Tests.CloudFormation;

public sealed class ServerlessTests
{
    private const string Template = """
        AWSTemplateFormatVersion: '2010-09-09'
        Transform: [AWS::Serverless-2016-10-31]
        Globals:
          Function:
            Runtime: python3.12
            Timeout: 30
            Environment:
              Variables:
                STAGE: prod
                TABLE: shared
            Layers: [arn:aws:lambda:eu-west-1:123:layer:common:1]
          Api:
            TracingEnabled: true
        Resources:
          Handler:
            Type: AWS::Serverless::Function
            Properties:
              Handler: app.handler
              Timeout: 10
              Environment:
                Variables:
                  TABLE: !Ref Table
              Layers: [arn:aws:lambda:eu-west-1:123:layer:own:2]
              Policies:
                - Statement:
                    - Effect: Allow
                      Action: s3:GetObject
                      Resource: !Sub '${Bucket.Arn}/*'
          Bare:
            Type: AWS::Serverless::Function
          Api:
            Type: AWS::Serverless::Api
            Properties:
              StageName: prod
          Table:
            Type: AWS::Serverless::SimpleTable
          Bucket:
            Type: AWS::S3::Bucket
          Permission:
            Type: AWS::Lambda::Permission
            Properties:
              FunctionName: !Ref Handler
              Role: !GetAtt HandlerRole.Arn
              SourceArn: !Sub 'arn:aws:execute-api:${AWS::Region}:${AWS::AccountId}:${ServerlessRestApi}/*'
              Alias: !Ref Handler.Alias
        """;

    [Fact]
    public void Serverless_resources_are_read_with_their_sam_types()
    {
        var template = Cfn.Parse(Template);

        Assert.True(template.IsServerless);
        Assert.Empty(template.Problems);
        Assert.Equal(
            ["AWS::Serverless::Function", "AWS::Serverless::Function", "AWS::Serverless::Api", "AWS::Serverless::SimpleTable", "AWS::S3::Bucket", "AWS::Lambda::Permission"],
            template.Resources.Select(r => r.Type));
    }

    [Fact]
    public void Globals_are_merged_values_from_the_resource_win_mappings_merge_lists_add_up()
    {
        var handler = Cfn.Parse(Template).Resource("Handler")!;

        Assert.Equal(["python3.12"], Cfn.Shown(handler.ValuesAt("Runtime")));
        Assert.Equal(["10"], Cfn.Shown(handler.ValuesAt("Timeout")));
        Assert.Equal(["{STAGE: prod, TABLE: ?the physical id of resource Table}"], Cfn.Shown(handler.ValuesAt("Environment", "Variables")));
        Assert.Equal(["arn:aws:lambda:eu-west-1:123:layer:common:1", "arn:aws:lambda:eu-west-1:123:layer:own:2"], Cfn.Shown(handler.ValuesAt("Layers", "*")));
    }

    [Fact]
    public void A_serverless_resource_without_properties_gets_the_globals()
    {
        var template = Cfn.Parse(Template);

        Assert.Equal(["30"], Cfn.Shown(template.Resource("Bare")!.ValuesAt("Timeout")));
        Assert.Equal(["true"], Cfn.Shown(template.Resource("Api")!.ValuesAt("TracingEnabled")));
        Assert.True(Assert.Single(template.Resource("Bucket")!.ValuesAt("Runtime").Values).IsAbsent);
    }

    [Fact]
    public void A_template_without_the_transform_ignores_globals()
    {
        var template = Cfn.Parse(Template.Replace("Transform: [AWS::Serverless-2016-10-31]", "", StringComparison.Ordinal));

        Assert.False(template.IsServerless);
        Assert.True(Assert.Single(template.Resource("Bare")!.ValuesAt("Timeout").Values).IsAbsent);
    }

    [Fact]
    public void The_transform_may_be_a_single_name()
    {
        var template = Cfn.Parse(Template.Replace("[AWS::Serverless-2016-10-31]", "AWS::Serverless-2016-10-31", StringComparison.Ordinal));

        Assert.True(template.IsServerless);
        Assert.Equal(["python3.12"], Cfn.Shown(template.Resource("Bare")!.ValuesAt("Runtime")));
    }
}
