namespace Attest.Evidence.Tests.CloudFormation;

public sealed class ReferencedResourcesTests
{
    private const string Template = """
        Parameters:
          Env: {Type: String, Default: prod}
        Conditions:
          IsProd: !Equals [!Ref Env, prod]
        Resources:
          Logs:
            Type: AWS::S3::Bucket
          Data:
            Type: AWS::S3::Bucket
          Archive:
            Type: AWS::S3::Bucket
          Key:
            Type: AWS::KMS::Key
          Policy:
            Type: AWS::S3::BucketPolicy
            Properties:
              Bucket: !Ref Data
              PolicyDocument:
                Statement:
                  - Effect: Deny
                    Principal: '*'
                    Action: 's3:*'
                    Resource:
                      - !GetAtt Data.Arn
                      - !Sub '${Data.Arn}/*'
                      - !Sub ['arn:aws:s3:::${Name}/*', {Name: !Ref Archive}]
                      - !If [IsProd, !GetAtt Logs.Arn, !Ref AWS::NoValue]
                      - !Sub 'arn:aws:s3:::${Env}-${!NotARef}/*'
                    Condition:
                      StringEquals: {'kms:KeyId': !Join ['', [!GetAtt [Key, Arn]]]}
        """;

    [Fact]
    public void A_bucket_policy_names_its_bucket()
    {
        var policy = Cfn.Resource(Template, "Policy");

        Assert.Equal(["Data"], policy.ReferencedResources("Bucket"));
    }

    [Fact]
    public void References_are_collected_under_a_path_in_order_through_every_function()
    {
        var policy = Cfn.Resource(Template, "Policy");

        Assert.Equal(["Data", "Archive", "Logs"], policy.ReferencedResources("PolicyDocument", "Statement", "*", "Resource"));
        Assert.Equal(["Key"], policy.ReferencedResources("PolicyDocument", "Statement", "0", "Condition"));
    }

    [Fact]
    public void Without_a_path_every_reference_of_the_properties_is_given_and_parameters_are_not()
    {
        var policy = Cfn.Resource(Template, "Policy");

        Assert.Equal(["Data", "Archive", "Logs", "Key"], policy.ReferencedResources());
        Assert.Empty(policy.ReferencedResources("Nothing"));
        Assert.Empty(Cfn.Resource(Template, "Logs").ReferencedResources());
    }
}
