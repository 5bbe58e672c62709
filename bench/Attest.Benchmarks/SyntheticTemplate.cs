using System.Globalization;
using System.Text;

namespace Attest.Benchmarks;

/// <summary>
/// A synthetic CloudFormation template (YAML, short-form tags) of any number of resources, in the mix a real workload has:
/// buckets with their policies, RDS instances, security groups with ingress lists, IAM roles with inline policies,
/// alarms, log groups, queues, tables and functions; values go through <c>!Ref</c> to parameters (with defaults and
/// allowed values), <c>!Sub</c>, <c>!GetAtt</c> and <c>!If</c> on conditions, so that the resolver has work to do.
/// Some resources are deliberately non-compliant (SSH open to the world, a wildcard action), so that every outcome occurs.
/// </summary>
public static class SyntheticTemplate
{
    /// <summary>The resources of one group, in order; a template of N resources takes whole groups, then the first ones of the next.</summary>
    private static readonly Action<StringBuilder, int>[] Group =
    [
        Bucket, BucketPolicy, Database, DatabaseSecurityGroup, Role, Alarm, LogGroup, Queue, Table, Function,
    ];

    /// <summary>The YAML text of a template with exactly <paramref name="resources"/> resources.</summary>
    public static string Generate(int resources)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(resources, 1);
        var text = new StringBuilder(resources * 1_200);
        text.Append("""
            AWSTemplateFormatVersion: "2010-09-09"
            Description: Synthetic workload for the Attest benchmarks
            Parameters:
              Environment:
                Type: String
                Default: production
                AllowedValues: [production, staging, development]
              EncryptDatabases:
                Type: String
                Default: "true"
                AllowedValues: ["true", "false"]
              KmsKeyArn:
                Type: String
                Default: ""
              AppCidr:
                Type: String
                Default: 10.0.0.0/16
              AdminCidr:
                Type: String
                Default: 10.20.0.0/24
              AlarmTopicArn:
                Type: String
                Default: arn:aws:sns:eu-west-3:123456789012:alarms
              DbSubnetGroup:
                Type: String
                Default: private-db
              VpcId:
                Type: AWS::EC2::VPC::Id
            Conditions:
              IsProduction: !Equals [!Ref Environment, production]
              UseKms: !Not [!Equals [!Ref KmsKeyArn, ""]]
            Resources:

            """);
        for (var i = 0; i < resources; i++)
        {
            Group[i % Group.Length](text, i / Group.Length);
        }

        return text.ToString();
    }

    private static string N(int k) => k.ToString(CultureInfo.InvariantCulture);

    private static void Bucket(StringBuilder t, int k) => t.Append($$"""
          Bucket{{N(k)}}:
            Type: AWS::S3::Bucket
            Properties:
              BucketName: !Sub "${AWS::StackName}-data-{{N(k)}}-${AWS::Region}"
              BucketEncryption:
                ServerSideEncryptionConfiguration:
                  - ServerSideEncryptionByDefault: !If
                      - UseKms
                      - SSEAlgorithm: aws:kms
                        KMSMasterKeyID: !Ref KmsKeyArn
                      - SSEAlgorithm: AES256
              PublicAccessBlockConfiguration:
                BlockPublicAcls: true
                BlockPublicPolicy: true
                IgnorePublicAcls: true
                RestrictPublicBuckets: {{(k % 7 == 3 ? "false" : "true")}}
              VersioningConfiguration:
                Status: !If [IsProduction, Enabled, Suspended]
              LoggingConfiguration:
                DestinationBucketName: !Sub "${AWS::StackName}-access-logs"
                LogFilePrefix: bucket-{{N(k)}}/
              Tags:
                - Key: environment
                  Value: !Ref Environment

        """);

    private static void BucketPolicy(StringBuilder t, int k) => t.Append($$"""
          Bucket{{N(k)}}Policy:
            Type: AWS::S3::BucketPolicy
            Properties:
              Bucket: !Ref Bucket{{N(k)}}
              PolicyDocument:
                Version: "2012-10-17"
                Statement:
                  - Sid: TlsOnly
                    Effect: Deny
                    Principal: "*"
                    Action: "s3:*"
                    Resource:
                      - !GetAtt Bucket{{N(k)}}.Arn
                      - !Sub "${Bucket{{N(k)}}.Arn}/*"
                    Condition:
                      Bool:
                        aws:SecureTransport: "false"
                  - Sid: AppRead
                    Effect: Allow
                    Principal:
                      AWS: !GetAtt Role{{N(k)}}.Arn
                    Action: [s3:GetObject, s3:PutObject]
                    Resource: !Sub "${Bucket{{N(k)}}.Arn}/*"

        """);

    private static void Database(StringBuilder t, int k) => t.Append($$"""
          Database{{N(k)}}:
            Type: AWS::RDS::DBInstance
            DeletionPolicy: Snapshot
            Properties:
              Engine: postgres
              EngineVersion: "16.3"
              DBInstanceClass: !If [IsProduction, db.r6g.large, db.t4g.medium]
              AllocatedStorage: "100"
              StorageEncrypted: !Ref EncryptDatabases
              KmsKeyId: !If [UseKms, !Ref KmsKeyArn, !Ref AWS::NoValue]
              MultiAZ: !If [IsProduction, true, false]
              BackupRetentionPeriod: !If [IsProduction, 14, 1]
              PubliclyAccessible: false
              DBSubnetGroupName: !Ref DbSubnetGroup
              VPCSecurityGroups:
                - !GetAtt Database{{N(k)}}SecurityGroup.GroupId
              MonitoringInterval: 60
              MonitoringRoleArn: !Sub "arn:${AWS::Partition}:iam::${AWS::AccountId}:role/rds-monitoring"
              MasterUsername: app
              ManageMasterUserPassword: true

        """);

    private static void DatabaseSecurityGroup(StringBuilder t, int k) => t.Append($$"""
          Database{{N(k)}}SecurityGroup:
            Type: AWS::EC2::SecurityGroup
            Properties:
              GroupDescription: !Sub "Database {{N(k)}} of ${AWS::StackName}"
              VpcId: !Ref VpcId
              SecurityGroupIngress:
                - IpProtocol: tcp
                  FromPort: 5432
                  ToPort: 5432
                  CidrIp: !Ref AppCidr
                - IpProtocol: tcp
                  FromPort: "22"
                  ToPort: "22"
                  CidrIp: {{(k % 5 == 2 ? "0.0.0.0/0" : "!Ref AdminCidr")}}
                - IpProtocol: "6"
                  FromPort: 443
                  ToPort: 443
                  CidrIp: !If [IsProduction, 10.0.0.0/8, 172.16.0.0/12]
                - IpProtocol: tcp
                  FromPort: 8000
                  ToPort: 8100
                  CidrIpv6: "fd00::/8"
              SecurityGroupEgress:
                - IpProtocol: "-1"
                  CidrIp: 0.0.0.0/0

        """);

    private static void Role(StringBuilder t, int k) => t.Append($$"""
          Role{{N(k)}}:
            Type: AWS::IAM::Role
            Properties:
              AssumeRolePolicyDocument:
                Version: "2012-10-17"
                Statement:
                  - Effect: Allow
                    Principal:
                      Service: lambda.amazonaws.com
                    Action: sts:AssumeRole
              ManagedPolicyArns:
                - !Sub "arn:${AWS::Partition}:iam::aws:policy/service-role/AWSLambdaBasicExecutionRole"
              Policies:
                - PolicyName: data
                  PolicyDocument:
                    Version: "2012-10-17"
                    Statement:
                      - Effect: Allow
                        Action: [s3:GetObject, s3:PutObject, s3:ListBucket]
                        Resource:
                          - !GetAtt Bucket{{N(k)}}.Arn
                          - !Sub "${Bucket{{N(k)}}.Arn}/*"
                      - Effect: Allow
                        Action: {{(k % 9 == 4 ? "\"*\"" : "[sqs:SendMessage, sqs:ReceiveMessage, sqs:DeleteMessage]")}}
                        Resource: {{(k % 9 == 4 ? "\"*\"" : $"!GetAtt Queue{N(k)}.Arn")}}
                      - Effect: Allow
                        Action: [dynamodb:GetItem, dynamodb:PutItem, dynamodb:Query]
                        Resource: !GetAtt Table{{N(k)}}.Arn

        """);

    private static void Alarm(StringBuilder t, int k) => t.Append($$"""
          Database{{N(k)}}CpuAlarm:
            Type: AWS::CloudWatch::Alarm
            Properties:
              AlarmDescription: !Sub "CPU of database {{N(k)}} in ${Environment}"
              Namespace: AWS/RDS
              MetricName: CPUUtilization
              Dimensions:
                - Name: DBInstanceIdentifier
                  Value: !Ref Database{{N(k)}}
              Statistic: Average
              Period: 300
              EvaluationPeriods: 3
              Threshold: 80
              ComparisonOperator: GreaterThanThreshold
              AlarmActions: !If [IsProduction, [!Ref AlarmTopicArn], !Ref AWS::NoValue]

        """);

    private static void LogGroup(StringBuilder t, int k) => t.Append($$"""
          Function{{N(k)}}Logs:
            Type: AWS::Logs::LogGroup
            Properties:
              LogGroupName: !Sub "/aws/lambda/${AWS::StackName}-function-{{N(k)}}"
              RetentionInDays: !If [IsProduction, 365, 30]

        """);

    private static void Queue(StringBuilder t, int k) => t.Append($$"""
          Queue{{N(k)}}:
            Type: AWS::SQS::Queue
            Properties:
              QueueName: !Sub "${AWS::StackName}-queue-{{N(k)}}"
              KmsMasterKeyId: !If [UseKms, !Ref KmsKeyArn, alias/aws/sqs]
              VisibilityTimeout: 120

        """);

    private static void Table(StringBuilder t, int k) => t.Append($$"""
          Table{{N(k)}}:
            Type: AWS::DynamoDB::Table
            Properties:
              BillingMode: PAY_PER_REQUEST
              AttributeDefinitions:
                - AttributeName: id
                  AttributeType: S
              KeySchema:
                - AttributeName: id
                  KeyType: HASH
              SSESpecification:
                SSEEnabled: true
              PointInTimeRecoverySpecification:
                PointInTimeRecoveryEnabled: !If [IsProduction, true, false]

        """);

    private static void Function(StringBuilder t, int k) => t.Append($$"""
          Function{{N(k)}}:
            Type: AWS::Lambda::Function
            Properties:
              FunctionName: !Sub "${AWS::StackName}-function-{{N(k)}}"
              Runtime: python3.12
              Handler: index.handler
              Role: !GetAtt Role{{N(k)}}.Arn
              Timeout: 30
              Environment:
                Variables:
                  BUCKET: !Ref Bucket{{N(k)}}
                  QUEUE_URL: !Ref Queue{{N(k)}}
                  TABLE: !Ref Table{{N(k)}}
              Code:
                ZipFile: |
                  def handler(event, context):
                      return {"statusCode": 200}

        """);
}
