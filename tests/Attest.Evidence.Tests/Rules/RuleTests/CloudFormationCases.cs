using Attest.Core.Findings;

namespace Attest.Evidence.Tests.Rules.RuleTests;

/// <summary>One expected finding: the rule, the resource, the outcome, and a text on the line it must point at.</summary>
internal sealed record RuleCase(string Rule, FindingOutcome Outcome, string Resource, string Marker, string Text)
{
    public const FindingOutcome Pass = FindingOutcome.Pass;
    public const FindingOutcome Fail = FindingOutcome.Fail;

    /// <summary>A stable name for the theory: rule, outcome, and the case's number among the rule's cases.</summary>
    public static Dictionary<string, RuleCase> Named(IEnumerable<RuleCase> cases)
    {
        var named = new Dictionary<string, RuleCase>(StringComparer.Ordinal);
        foreach (var c in cases)
        {
            var stem = $"{c.Rule} {c.Outcome.ToString().ToLowerInvariant()}";
            var key = stem;
            for (var n = 2; named.ContainsKey(key); n++)
            {
                key = $"{stem} #{n}";
            }

            named[key] = c;
        }

        return named;
    }
}

/// <summary>For every rule, CloudFormation templates it passes and fails, with the line each finding must name.</summary>
internal static class CloudFormationCases
{
    private static RuleCase P(string rule, string resource, string marker, string resources) => new(rule, RuleCase.Pass, resource, marker, "Resources:\n" + resources + "\n");

    private static RuleCase F(string rule, string resource, string marker, string resources) => new(rule, RuleCase.Fail, resource, marker, "Resources:\n" + resources + "\n");

    public static IReadOnlyList<RuleCase> All { get; } =
    [
        // VAL-2.10
        P("s3-public-access-block", "Logs", "PublicAccessBlockConfiguration", """
              Logs:
                Type: AWS::S3::Bucket
                Properties:
                  PublicAccessBlockConfiguration:
                    BlockPublicAcls: true
                    BlockPublicPolicy: true
                    IgnorePublicAcls: true
                    RestrictPublicBuckets: true
            """),
        F("s3-public-access-block", "Logs", "PublicAccessBlockConfiguration", """
              Logs:
                Type: AWS::S3::Bucket
                Properties:
                  PublicAccessBlockConfiguration:
                    BlockPublicAcls: true
                    BlockPublicPolicy: true
                    IgnorePublicAcls: true
                    RestrictPublicBuckets: false
            """),
        F("s3-public-access-block", "Logs", "Properties", """
              Logs:
                Type: AWS::S3::Bucket
                Properties:
                  BucketName: logs
            """),
        P("s3-no-public-acl", "Site", "AccessControl", """
              Site:
                Type: AWS::S3::Bucket
                Properties:
                  AccessControl: Private
            """),
        F("s3-no-public-acl", "Site", "AccessControl", """
              Site:
                Type: AWS::S3::Bucket
                Properties:
                  AccessControl: PublicRead
            """),
        F("s3-no-public-acl", "Site", "AccessControl", """
              Site:
                Type: AWS::S3::Bucket
                Properties:
                  AccessControl: AuthenticatedRead
            """),
        P("s3-policy-no-wildcard-principal", "Policy", "PolicyDocument", """
              Policy:
                Type: AWS::S3::BucketPolicy
                Properties:
                  Bucket: shared-bucket
                  PolicyDocument:
                    Statement:
                      - Effect: Allow
                        Principal: "*"
                        Action: s3:GetObject
                        Resource: arn:aws:s3:::shared-bucket/*
                        Condition:
                          StringEquals:
                            aws:SourceVpce: vpce-1234
            """),
        F("s3-policy-no-wildcard-principal", "Policy", "- Effect: Allow", """
              Policy:
                Type: AWS::S3::BucketPolicy
                Properties:
                  Bucket: shared-bucket
                  PolicyDocument:
                    Statement:
                      - Effect: Allow
                        Principal:
                          AWS: "*"
                        Action: s3:GetObject
                        Resource: arn:aws:s3:::shared-bucket/*
            """),
        // A Referer condition is sent by the caller: it does not narrow who may read
        F("s3-policy-no-wildcard-principal", "Policy", "- Effect: Allow", """
              Policy:
                Type: AWS::S3::BucketPolicy
                Properties:
                  Bucket: shared-bucket
                  PolicyDocument:
                    Statement:
                      - Effect: Allow
                        Principal: "*"
                        Action: s3:GetObject
                        Resource: arn:aws:s3:::shared-bucket/*
                        Condition:
                          StringLike:
                            aws:Referer: https://www.example.com/*
            """),
        P("s3-public-alert", "PublicBuckets", "PublicBuckets:", """
              Data:
                Type: AWS::S3::Bucket
              PublicBuckets:
                Type: AWS::Config::ConfigRule
                Properties:
                  Source:
                    Owner: AWS
                    SourceIdentifier: S3_BUCKET_LEVEL_PUBLIC_ACCESS_PROHIBITED
            """),
        P("s3-public-alert", "Watch", "Watch:", """
              Data:
                Type: AWS::S3::Bucket
              Watch:
                Type: AWS::Events::Rule
                Properties:
                  EventPattern:
                    source: [aws.s3]
                    detail:
                      eventName: [PutBucketPolicy, PutBucketAcl, DeleteBucketPublicAccessBlock]
            """),
        F("s3-public-alert", "Data", "Data:", """
              Data:
                Type: AWS::S3::Bucket
            """),
        P("s3-default-encryption", "Data", "BucketEncryption", """
              Data:
                Type: AWS::S3::Bucket
                Properties:
                  BucketEncryption:
                    ServerSideEncryptionConfiguration:
                      - ServerSideEncryptionByDefault:
                          SSEAlgorithm: aws:kms
            """),
        F("s3-default-encryption", "Data", "Properties", """
              Data:
                Type: AWS::S3::Bucket
                Properties:
                  BucketName: data
            """),
        P("s3-tls-only", "Data", "Data:", """
              Data:
                Type: AWS::S3::Bucket
              DataPolicy:
                Type: AWS::S3::BucketPolicy
                Properties:
                  Bucket: !Ref Data
                  PolicyDocument:
                    Statement:
                      - Effect: Deny
                        Principal: "*"
                        Action: s3:*
                        Resource: [!Sub "arn:aws:s3:::${Data}", !Sub "arn:aws:s3:::${Data}/*"]
                        Condition:
                          Bool:
                            aws:SecureTransport: false
            """),
        F("s3-tls-only", "Data", "Data:", """
              Data:
                Type: AWS::S3::Bucket
            """),
        // A policy for a bucket made elsewhere is judged on its own
        F("s3-tls-only", "External", "PolicyDocument", """
              External:
                Type: AWS::S3::BucketPolicy
                Properties:
                  Bucket: existing-bucket
                  PolicyDocument:
                    Statement:
                      - Effect: Allow
                        Principal: { AWS: arn:aws:iam::111122223333:root }
                        Action: s3:GetObject
                        Resource: arn:aws:s3:::existing-bucket/*
            """),

        // VAL-2.11
        P("rds-storage-encrypted", "Db", "StorageEncrypted", """
              Db:
                Type: AWS::RDS::DBInstance
                Properties:
                  Engine: postgres
                  StorageEncrypted: true
            """),
        F("rds-storage-encrypted", "Db", "StorageEncrypted", """
              Db:
                Type: AWS::RDS::DBInstance
                Properties:
                  Engine: postgres
                  StorageEncrypted: false
            """),
        F("rds-storage-encrypted", "Cluster", "Properties", """
              Cluster:
                Type: AWS::RDS::DBCluster
                Properties:
                  Engine: aurora-postgresql
            """),
        P("ebs-encrypted", "Volume", "Volume:", """
              Volume:
                Type: AWS::EC2::Volume
                Properties:
                  Size: 100
                  Encrypted: true
            """),
        P("ebs-encrypted", "Volume", "Volume:", """
              Volume:
                Type: AWS::EC2::Volume
                Properties:
                  Size: 100
                  KmsKeyId: alias/data
            """),
        F("ebs-encrypted", "Volume", "Volume:", """
              Volume:
                Type: AWS::EC2::Volume
                Properties:
                  Size: 100
            """),
        F("ebs-encrypted", "Launch", "Encrypted", """
              Launch:
                Type: AWS::EC2::LaunchTemplate
                Properties:
                  LaunchTemplateData:
                    BlockDeviceMappings:
                      - DeviceName: /dev/xvda
                        Ebs:
                          Encrypted: false
            """),
        P("dynamodb-encrypted", "Orders", "SSEEnabled", """
              Orders:
                Type: AWS::DynamoDB::Table
                Properties:
                  SSESpecification:
                    SSEEnabled: true
            """),
        F("dynamodb-encrypted", "Orders", "Properties", """
              Orders:
                Type: AWS::DynamoDB::Table
                Properties:
                  BillingMode: PAY_PER_REQUEST
            """),
        P("efs-encrypted", "Files", "Encrypted", """
              Files:
                Type: AWS::EFS::FileSystem
                Properties:
                  Encrypted: true
            """),
        F("efs-encrypted", "Files", "Encrypted", """
              Files:
                Type: AWS::EFS::FileSystem
                Properties:
                  Encrypted: false
            """),
        P("sqs-encrypted", "Jobs", "KmsMasterKeyId", """
              Jobs:
                Type: AWS::SQS::Queue
                Properties:
                  KmsMasterKeyId: alias/aws/sqs
            """),
        F("sqs-encrypted", "Jobs", "Properties", """
              Jobs:
                Type: AWS::SQS::Queue
                Properties:
                  VisibilityTimeout: 60
            """),
        P("sns-encrypted", "Alerts", "KmsMasterKeyId", """
              Alerts:
                Type: AWS::SNS::Topic
                Properties:
                  KmsMasterKeyId: alias/aws/sns
            """),
        F("sns-encrypted", "Alerts", "Properties", """
              Alerts:
                Type: AWS::SNS::Topic
                Properties:
                  TopicName: alerts
            """),
        P("kinesis-encrypted", "Clicks", "Clicks:", """
              Clicks:
                Type: AWS::Kinesis::Stream
                Properties:
                  ShardCount: 1
                  StreamEncryption:
                    EncryptionType: KMS
                    KeyId: alias/aws/kinesis
            """),
        F("kinesis-encrypted", "Clicks", "Clicks:", """
              Clicks:
                Type: AWS::Kinesis::Stream
                Properties:
                  ShardCount: 1
            """),
        // KMS with no key is refused by Kinesis: not encrypted
        F("kinesis-encrypted", "Clicks", "Clicks:", """
              Clicks:
                Type: AWS::Kinesis::Stream
                Properties:
                  ShardCount: 1
                  StreamEncryption:
                    EncryptionType: KMS
            """),
        P("elasticache-encrypted", "Cache", "Cache:", """
              Cache:
                Type: AWS::ElastiCache::ReplicationGroup
                Properties:
                  ReplicationGroupDescription: sessions
                  AtRestEncryptionEnabled: true
                  TransitEncryptionEnabled: true
            """),
        F("elasticache-encrypted", "Cache", "Cache:", """
              Cache:
                Type: AWS::ElastiCache::ReplicationGroup
                Properties:
                  ReplicationGroupDescription: sessions
                  AtRestEncryptionEnabled: true
            """),
        P("redshift-encrypted", "Warehouse", "Encrypted", """
              Warehouse:
                Type: AWS::Redshift::Cluster
                Properties:
                  Encrypted: true
            """),
        F("redshift-encrypted", "Warehouse", "Properties", """
              Warehouse:
                Type: AWS::Redshift::Cluster
                Properties:
                  NodeType: ra3.xlplus
            """),
        P("opensearch-encrypted", "Search", "Search:", """
              Search:
                Type: AWS::OpenSearchService::Domain
                Properties:
                  EncryptionAtRestOptions: { Enabled: true }
                  NodeToNodeEncryptionOptions: { Enabled: true }
                  DomainEndpointOptions: { EnforceHTTPS: true }
            """),
        F("opensearch-encrypted", "Search", "Search:", """
              Search:
                Type: AWS::Elasticsearch::Domain
                Properties:
                  EncryptionAtRestOptions: { Enabled: true }
                  NodeToNodeEncryptionOptions: { Enabled: true }
            """),
        P("lb-https", "Https", "Https:", """
              Https:
                Type: AWS::ElasticLoadBalancingV2::Listener
                Properties:
                  LoadBalancerArn: arn:aws:elasticloadbalancing:eu-west-3:111122223333:loadbalancer/app/web/1
                  Protocol: HTTPS
                  Port: 443
                  SslPolicy: ELBSecurityPolicy-TLS13-1-2-2021-06
                  DefaultActions: [{ Type: forward, TargetGroupArn: arn:aws:elasticloadbalancing:eu-west-3:111122223333:targetgroup/web/1 }]
            """),
        P("lb-https", "Redirect", "Redirect:", """
              Redirect:
                Type: AWS::ElasticLoadBalancingV2::Listener
                Properties:
                  LoadBalancerArn: arn:aws:elasticloadbalancing:eu-west-3:111122223333:loadbalancer/app/web/1
                  Protocol: HTTP
                  Port: 80
                  DefaultActions:
                    - Type: redirect
                      RedirectConfig: { Protocol: HTTPS, Port: "443", StatusCode: HTTP_301 }
            """),
        F("lb-https", "Plain", "Plain:", """
              Plain:
                Type: AWS::ElasticLoadBalancingV2::Listener
                Properties:
                  LoadBalancerArn: arn:aws:elasticloadbalancing:eu-west-3:111122223333:loadbalancer/app/web/1
                  Protocol: HTTP
                  Port: 80
                  DefaultActions: [{ Type: forward, TargetGroupArn: arn:aws:elasticloadbalancing:eu-west-3:111122223333:targetgroup/web/1 }]
            """),
        F("lb-https", "Old", "Old:", """
              Old:
                Type: AWS::ElasticLoadBalancingV2::Listener
                Properties:
                  LoadBalancerArn: arn:aws:elasticloadbalancing:eu-west-3:111122223333:loadbalancer/app/web/1
                  Protocol: HTTPS
                  SslPolicy: ELBSecurityPolicy-2016-08
            """),
        P("cloudfront-https", "Cdn", "Cdn:", """
              Cdn:
                Type: AWS::CloudFront::Distribution
                Properties:
                  DistributionConfig:
                    Enabled: true
                    DefaultCacheBehavior: { TargetOriginId: site, ViewerProtocolPolicy: redirect-to-https }
                    CacheBehaviors: [{ PathPattern: /api/*, TargetOriginId: api, ViewerProtocolPolicy: https-only }]
            """),
        F("cloudfront-https", "Cdn", "Cdn:", """
              Cdn:
                Type: AWS::CloudFront::Distribution
                Properties:
                  DistributionConfig:
                    Enabled: true
                    DefaultCacheBehavior: { TargetOriginId: site, ViewerProtocolPolicy: redirect-to-https }
                    CacheBehaviors: [{ PathPattern: /img/*, TargetOriginId: img, ViewerProtocolPolicy: allow-all }]
            """),
        P("kms-rotation", "Key", "EnableKeyRotation", """
              Key:
                Type: AWS::KMS::Key
                Properties:
                  EnableKeyRotation: true
            """),
        F("kms-rotation", "Key", "Properties", """
              Key:
                Type: AWS::KMS::Key
                Properties:
                  Description: data key
            """),

        // VAL-2.4
        P("rds-multi-az", "Db", "MultiAZ", """
              Db:
                Type: AWS::RDS::DBInstance
                Properties:
                  Engine: mysql
                  MultiAZ: true
            """),
        F("rds-multi-az", "Db", "MultiAZ", """
              Db:
                Type: AWS::RDS::DBInstance
                Properties:
                  Engine: mysql
                  MultiAZ: "false"
            """),
        P("aurora-multi-az", "Cluster", "Cluster:", """
              Cluster:
                Type: AWS::RDS::DBCluster
                Properties:
                  Engine: aurora-mysql
              Writer:
                Type: AWS::RDS::DBInstance
                Properties:
                  DBClusterIdentifier: !Ref Cluster
                  Engine: aurora-mysql
              Reader:
                Type: AWS::RDS::DBInstance
                Properties:
                  DBClusterIdentifier: !Ref Cluster
                  Engine: aurora-mysql
            """),
        F("aurora-multi-az", "Cluster", "Cluster:", """
              Cluster:
                Type: AWS::RDS::DBCluster
                Properties:
                  Engine: aurora-mysql
              Writer:
                Type: AWS::RDS::DBInstance
                Properties:
                  DBClusterIdentifier: !Ref Cluster
                  Engine: aurora-mysql
            """),
        P("multi-az-spread", "Web", "VPCZoneIdentifier", """
              Web:
                Type: AWS::AutoScaling::AutoScalingGroup
                Properties:
                  MinSize: "2"
                  MaxSize: "4"
                  VPCZoneIdentifier: [subnet-a, subnet-b]
            """),
        F("multi-az-spread", "Web", "VPCZoneIdentifier", """
              Web:
                Type: AWS::AutoScaling::AutoScalingGroup
                Properties:
                  MinSize: "1"
                  MaxSize: "1"
                  VPCZoneIdentifier: [subnet-a]
            """),
        F("multi-az-spread", "Vpc", "Vpc:", """
              Vpc:
                Type: AWS::EC2::VPC
                Properties: { CidrBlock: 10.0.0.0/16 }
              A:
                Type: AWS::EC2::Subnet
                Properties: { VpcId: !Ref Vpc, CidrBlock: 10.0.1.0/24, AvailabilityZone: eu-west-3a }
              B:
                Type: AWS::EC2::Subnet
                Properties: { VpcId: !Ref Vpc, CidrBlock: 10.0.2.0/24, AvailabilityZone: eu-west-3a }
            """),
        P("elb-cross-zone", "Classic", "CrossZone", """
              Classic:
                Type: AWS::ElasticLoadBalancing::LoadBalancer
                Properties:
                  CrossZone: true
                  Listeners: [{ LoadBalancerPort: "443", InstancePort: "80", Protocol: HTTPS }]
            """),
        F("elb-cross-zone", "Classic", "Properties", """
              Classic:
                Type: AWS::ElasticLoadBalancing::LoadBalancer
                Properties:
                  Listeners: [{ LoadBalancerPort: "443", InstancePort: "80", Protocol: HTTPS }]
            """),

        // VAL-2.5
        P("dynamodb-pitr", "Orders", "PointInTimeRecoveryEnabled", """
              Orders:
                Type: AWS::DynamoDB::Table
                Properties:
                  PointInTimeRecoverySpecification:
                    PointInTimeRecoveryEnabled: true
            """),
        F("dynamodb-pitr", "Orders", "PointInTimeRecoveryEnabled", """
              Orders:
                Type: AWS::DynamoDB::Table
                Properties:
                  PointInTimeRecoverySpecification:
                    PointInTimeRecoveryEnabled: false
            """),
        P("rds-backup-retention", "Db", "BackupRetentionPeriod", """
              Db:
                Type: AWS::RDS::DBInstance
                Properties:
                  Engine: postgres
                  BackupRetentionPeriod: 7
            """),
        F("rds-backup-retention", "Db", "BackupRetentionPeriod", """
              Db:
                Type: AWS::RDS::DBInstance
                Properties:
                  Engine: postgres
                  BackupRetentionPeriod: 0
            """),
        P("s3-replication", "Data", "Data:", """
              Data:
                Type: AWS::S3::Bucket
                Properties:
                  ReplicationConfiguration:
                    Role: arn:aws:iam::111122223333:role/replication
                    Rules: [{ Status: Enabled, Destination: { Bucket: arn:aws:s3:::data-eu-west-1 } }]
            """),
        F("s3-replication", "Data", "Data:", """
              Data:
                Type: AWS::S3::Bucket
            """),
        P("cross-region-recovery", "Plan", "Plan:", """
              Db:
                Type: AWS::RDS::DBInstance
                Properties: { Engine: postgres }
              Plan:
                Type: AWS::Backup::BackupPlan
                Properties:
                  BackupPlan:
                    BackupPlanName: daily
                    BackupPlanRule:
                      - RuleName: daily
                        TargetBackupVault: main
                        CopyActions: [{ DestinationBackupVaultArn: arn:aws:backup:eu-west-1:111122223333:backup-vault:dr }]
            """),
        F("cross-region-recovery", "Db", "Db:", """
              Db:
                Type: AWS::RDS::DBInstance
                Properties: { Engine: postgres }
            """),

        // VAL-2.7
        P("alarm-actions", "Errors", "Errors:", """
              Errors:
                Type: AWS::CloudWatch::Alarm
                Properties:
                  MetricName: Errors
                  AlarmActions: [arn:aws:sns:eu-west-3:111122223333:ops]
            """),
        F("alarm-actions", "Errors", "Errors:", """
              Errors:
                Type: AWS::CloudWatch::Alarm
                Properties:
                  MetricName: Errors
                  OKActions: [arn:aws:sns:eu-west-3:111122223333:ops]
            """),
        P("log-retention", "Logs", "RetentionInDays", """
              Logs:
                Type: AWS::Logs::LogGroup
                Properties:
                  RetentionInDays: 365
            """),
        F("log-retention", "Logs", "Properties", """
              Logs:
                Type: AWS::Logs::LogGroup
                Properties:
                  LogGroupName: app
            """),
        // Not a period CloudWatch Logs accepts
        F("log-retention", "Logs", "RetentionInDays", """
              Logs:
                Type: AWS::Logs::LogGroup
                Properties:
                  RetentionInDays: 8675309
            """),
        P("rds-enhanced-monitoring", "Db", "MonitoringInterval", """
              Db:
                Type: AWS::RDS::DBInstance
                Properties:
                  Engine: postgres
                  MonitoringInterval: 60
            """),
        F("rds-enhanced-monitoring", "Db", "MonitoringInterval", """
              Db:
                Type: AWS::RDS::DBInstance
                Properties:
                  Engine: postgres
                  MonitoringInterval: 0
            """),
        P("vpc-flow-logs", "Vpc", "Vpc:", """
              Vpc:
                Type: AWS::EC2::VPC
                Properties: { CidrBlock: 10.0.0.0/16 }
              Flow:
                Type: AWS::EC2::FlowLog
                Properties: { ResourceId: !Ref Vpc, ResourceType: VPC, TrafficType: ALL }
            """),
        F("vpc-flow-logs", "Vpc", "Vpc:", """
              Vpc:
                Type: AWS::EC2::VPC
                Properties: { CidrBlock: 10.0.0.0/16 }
            """),
        P("cloudtrail-multi-region", "Trail", "Trail:", """
              Trail:
                Type: AWS::CloudTrail::Trail
                Properties:
                  IsLogging: true
                  IsMultiRegionTrail: true
                  EnableLogFileValidation: true
            """),
        F("cloudtrail-multi-region", "Trail", "Trail:", """
              Trail:
                Type: AWS::CloudTrail::Trail
                Properties:
                  IsLogging: true
                  IsMultiRegionTrail: true
            """),
        P("alarm-coverage", "Jobs", "Jobs:", """
              Jobs:
                Type: AWS::SQS::Queue
              Backlog:
                Type: AWS::CloudWatch::Alarm
                Properties:
                  MetricName: ApproximateNumberOfMessagesVisible
                  Dimensions: [{ Name: QueueName, Value: !GetAtt Jobs.QueueName }]
            """),
        F("alarm-coverage", "Jobs", "Jobs:", """
              Jobs:
                Type: AWS::SQS::Queue
            """),

        // VAL-2.12
        P("sg-no-public-admin-ports", "Web", "FromPort: 443", """
              Web:
                Type: AWS::EC2::SecurityGroup
                Properties:
                  GroupDescription: web
                  SecurityGroupIngress:
                    - { IpProtocol: tcp, FromPort: 443, ToPort: 443, CidrIp: 0.0.0.0/0 }
                    - { IpProtocol: tcp, FromPort: 22, ToPort: 22, CidrIp: 10.0.0.0/8 }
            """),
        F("sg-no-public-admin-ports", "Web", "FromPort: 22", """
              Web:
                Type: AWS::EC2::SecurityGroup
                Properties:
                  GroupDescription: web
                  SecurityGroupIngress:
                    - { IpProtocol: tcp, FromPort: 443, ToPort: 443, CidrIp: 0.0.0.0/0 }
                    - { IpProtocol: tcp, FromPort: 22, ToPort: 22, CidrIp: 0.0.0.0/0 }
            """),
        F("sg-no-public-admin-ports", "Rdp", "Rdp:", """
              Rdp:
                Type: AWS::EC2::SecurityGroupIngress
                Properties:
                  GroupId: sg-123
                  IpProtocol: tcp
                  FromPort: 3000
                  ToPort: 4000
                  CidrIpv6: ::/0
            """),
        P("sg-public-ingress-web-only", "Web", "FromPort: 80", """
              Web:
                Type: AWS::EC2::SecurityGroup
                Properties:
                  GroupDescription: web
                  SecurityGroupIngress:
                    - { IpProtocol: tcp, FromPort: 80, ToPort: 80, CidrIp: 0.0.0.0/0 }
                    - { IpProtocol: tcp, FromPort: 443, ToPort: 443, CidrIpv6: ::/0 }
                    - { IpProtocol: tcp, FromPort: 5432, ToPort: 5432, CidrIp: 10.0.0.0/16 }
            """),
        P("sg-public-ingress-web-only", "Quiet", "Quiet:", """
              Quiet:
                Type: AWS::EC2::SecurityGroup
                Properties:
                  GroupDescription: no ingress at all
            """),
        F("sg-public-ingress-web-only", "Db", "FromPort: 5432", """
              Db:
                Type: AWS::EC2::SecurityGroup
                Properties:
                  GroupDescription: database
                  SecurityGroupIngress:
                    - { IpProtocol: tcp, FromPort: 443, ToPort: 443, CidrIp: 0.0.0.0/0 }
                    - { IpProtocol: tcp, FromPort: 5432, ToPort: 5432, CidrIp: 0.0.0.0/0 }
            """),
        F("sg-public-ingress-web-only", "Range", "Range:", """
              Range:
                Type: AWS::EC2::SecurityGroupIngress
                Properties:
                  GroupId: sg-123
                  IpProtocol: tcp
                  FromPort: 80
                  ToPort: 443
                  CidrIp: 0.0.0.0/0
            """),
        P("rds-not-public", "Db", "PubliclyAccessible", """
              Db:
                Type: AWS::RDS::DBInstance
                Properties:
                  Engine: postgres
                  PubliclyAccessible: false
            """),
        F("rds-not-public", "Db", "PubliclyAccessible", """
              Db:
                Type: AWS::RDS::DBInstance
                Properties:
                  Engine: postgres
                  PubliclyAccessible: true
            """),
        // Unset, RDS makes the instance public when its VPC has an internet gateway
        F("rds-not-public", "Db", "Properties", """
              Db:
                Type: AWS::RDS::DBInstance
                Properties:
                  Engine: postgres
            """),
        P("subnet-no-public-ip", "Private", "Properties", """
              Private:
                Type: AWS::EC2::Subnet
                Properties: { VpcId: vpc-1, CidrBlock: 10.0.1.0/24 }
            """),
        F("subnet-no-public-ip", "Public", "MapPublicIpOnLaunch", """
              Public:
                Type: AWS::EC2::Subnet
                Properties:
                  VpcId: vpc-1
                  CidrBlock: 10.0.0.0/24
                  MapPublicIpOnLaunch: true
            """),
        P("instance-no-public-ip", "App", "AssociatePublicIpAddress", """
              App:
                Type: AWS::EC2::Instance
                Properties:
                  ImageId: ami-1
                  NetworkInterfaces: [{ DeviceIndex: "0", SubnetId: subnet-1, AssociatePublicIpAddress: false }]
            """),
        F("instance-no-public-ip", "Launch", "AssociatePublicIpAddress", """
              Launch:
                Type: AWS::AutoScaling::LaunchConfiguration
                Properties:
                  ImageId: ami-1
                  InstanceType: t3.micro
                  AssociatePublicIpAddress: true
            """),

        // VAL-2.2
        P("no-interactive-access", "App", "App:", """
              App:
                Type: AWS::EC2::Instance
                Properties:
                  ImageId: ami-1
            """),
        F("no-interactive-access", "App", "App:", """
              App:
                Type: AWS::EC2::Instance
                Properties:
                  ImageId: ami-1
                  KeyName: ops
            """),
        P("iac-present", "", "Resources:", """
              App:
                Type: AWS::EC2::Instance
                Properties: { ImageId: ami-1 }
            """),
        P("ssm-session-manager", "Role", "ManagedPolicyArns", """
              Role:
                Type: AWS::IAM::Role
                Properties:
                  AssumeRolePolicyDocument:
                    Statement: [{ Effect: Allow, Principal: { Service: ec2.amazonaws.com }, Action: sts:AssumeRole }]
                  ManagedPolicyArns: [arn:aws:iam::aws:policy/AmazonSSMManagedInstanceCore]
            """),

        // VAL-2.9
        P("iam-no-admin", "Policy", "PolicyDocument", """
              Policy:
                Type: AWS::IAM::ManagedPolicy
                Properties:
                  PolicyDocument:
                    Statement: [{ Effect: Allow, Action: ["s3:GetObject"], Resource: "*" }]
            """),
        F("iam-no-admin", "Policy", "Statement", """
              Policy:
                Type: AWS::IAM::ManagedPolicy
                Properties:
                  PolicyDocument:
                    Statement: [{ Effect: Allow, Action: "*", Resource: "*" }]
            """),
        P("iam-no-service-wildcard", "Policy", "PolicyDocument", """
              Policy:
                Type: AWS::IAM::Policy
                Properties:
                  PolicyName: read
                  Roles: [app]
                  PolicyDocument:
                    Statement: [{ Effect: Allow, Action: ["s3:Get*", "s3:List*"], Resource: "*" }]
            """),
        F("iam-no-service-wildcard", "Policy", "Statement", """
              Policy:
                Type: AWS::IAM::Policy
                Properties:
                  PolicyName: all
                  Roles: [app]
                  PolicyDocument:
                    Statement: [{ Effect: Allow, Action: "dynamodb:*", Resource: arn:aws:dynamodb:eu-west-3:111122223333:table/orders }]
            """),
        // "*" is every action of every service, even on one resource
        F("iam-no-service-wildcard", "Policy", "Statement", """
              Policy:
                Type: AWS::IAM::Policy
                Properties:
                  PolicyName: all
                  Roles: [app]
                  PolicyDocument:
                    Statement: [{ Effect: Allow, Action: "*", Resource: arn:aws:s3:::data/* }]
            """),
        P("iam-passrole-wildcard", "Policy", "PolicyDocument", """
              Policy:
                Type: AWS::IAM::ManagedPolicy
                Properties:
                  PolicyDocument:
                    Statement: [{ Effect: Allow, Action: iam:PassRole, Resource: arn:aws:iam::111122223333:role/app }]
            """),
        F("iam-passrole-wildcard", "Policy", "Statement", """
              Policy:
                Type: AWS::IAM::ManagedPolicy
                Properties:
                  PolicyDocument:
                    Statement: [{ Effect: Allow, Action: ["iam:Pass*"], Resource: "*" }]
            """),
        P("iam-privilege-escalation", "Policy", "PolicyDocument", """
              Policy:
                Type: AWS::IAM::ManagedPolicy
                Properties:
                  PolicyDocument:
                    Statement: [{ Effect: Allow, Action: iam:CreatePolicyVersion, Resource: arn:aws:iam::111122223333:policy/app }]
            """),
        F("iam-privilege-escalation", "Policy", "iam:PassRole", """
              Policy:
                Type: AWS::IAM::ManagedPolicy
                Properties:
                  PolicyDocument:
                    Statement:
                      - { Effect: Allow, Action: iam:PassRole, Resource: "*" }
                      - { Effect: Allow, Action: ec2:RunInstances, Resource: "*" }
            """),
        P("iam-trust-no-wildcard", "Role", "AssumeRolePolicyDocument", """
              Role:
                Type: AWS::IAM::Role
                Properties:
                  AssumeRolePolicyDocument:
                    Statement: [{ Effect: Allow, Principal: { Service: lambda.amazonaws.com }, Action: sts:AssumeRole }]
            """),
        F("iam-trust-no-wildcard", "Role", "Statement", """
              Role:
                Type: AWS::IAM::Role
                Properties:
                  AssumeRolePolicyDocument:
                    Statement: [{ Effect: Allow, Principal: { AWS: "*" }, Action: sts:AssumeRole }]
            """),
        P("iam-no-allow-not-action", "Policy", "PolicyDocument", """
              Policy:
                Type: AWS::IAM::ManagedPolicy
                Properties:
                  PolicyDocument:
                    Statement:
                      - { Effect: Allow, Action: "s3:GetObject", Resource: "arn:aws:s3:::data/*" }
                      - { Effect: Deny, NotAction: ["iam:ChangePassword", "sts:GetSessionToken"], Resource: "*", Condition: { BoolIfExists: { aws:MultiFactorAuthPresent: "false" } } }
            """),
        F("iam-no-allow-not-action", "Policy", "NotAction", """
              Policy:
                Type: AWS::IAM::ManagedPolicy
                Properties:
                  PolicyDocument:
                    Statement:
                      - { Effect: Allow, NotAction: ["iam:*", "organizations:*"], Resource: "*" }
            """),
        P("iam-no-allow-not-resource", "Policy", "PolicyDocument", """
              Policy:
                Type: AWS::IAM::ManagedPolicy
                Properties:
                  PolicyDocument:
                    Statement:
                      - { Effect: Deny, Action: "s3:DeleteBucket", NotResource: "arn:aws:s3:::scratch" }
            """),
        F("iam-no-allow-not-resource", "Policy", "NotResource", """
              Policy:
                Type: AWS::IAM::ManagedPolicy
                Properties:
                  PolicyDocument:
                    Statement:
                      - { Effect: Allow, Action: "s3:GetObject", NotResource: "arn:aws:s3:::secrets/*" }
            """),
        P("iam-trust-external-id", "Role", "AssumeRolePolicyDocument", """
              Role:
                Type: AWS::IAM::Role
                Properties:
                  AssumeRolePolicyDocument:
                    Statement:
                      - Effect: Allow
                        Principal: { AWS: "arn:aws:iam::444455556666:root" }
                        Action: sts:AssumeRole
                        Condition: { StringEquals: { sts:ExternalId: "b9f1c2d4-vendor" } }
            """),
        F("iam-trust-external-id", "Role", "- Effect: Allow", """
              Role:
                Type: AWS::IAM::Role
                Properties:
                  AssumeRolePolicyDocument:
                    Statement:
                      - Effect: Allow
                        Principal: { AWS: "arn:aws:iam::444455556666:root" }
                        Action: sts:AssumeRole
            """),
        P("resource-policy-not-public", "QueuePolicy", "PolicyDocument", """
              QueuePolicy:
                Type: AWS::SQS::QueuePolicy
                Properties:
                  Queues: [https://sqs.eu-west-3.amazonaws.com/111122223333/orders]
                  PolicyDocument:
                    Statement:
                      - Effect: Allow
                        Principal: { Service: sns.amazonaws.com }
                        Action: sqs:SendMessage
                        Resource: arn:aws:sqs:eu-west-3:111122223333:orders
                      - Effect: Allow
                        Principal: "*"
                        Action: sqs:SendMessage
                        Resource: arn:aws:sqs:eu-west-3:111122223333:orders
                        Condition: { ArnEquals: { aws:SourceArn: arn:aws:sns:eu-west-3:111122223333:events } }
            """),
        F("resource-policy-not-public", "Key", "- Effect: Allow", """
              Key:
                Type: AWS::KMS::Key
                Properties:
                  KeyPolicy:
                    Statement:
                      - Effect: Allow
                        Principal: { AWS: "*" }
                        Action: ["kms:Decrypt", "kms:DescribeKey"]
                        Resource: "*"
            """),
        P("iam-no-user-policies", "Alice", "Alice:", """
              Alice:
                Type: AWS::IAM::User
                Properties:
                  Groups: [developers]
            """),
        F("iam-no-user-policies", "Alice", "Alice:", """
              Alice:
                Type: AWS::IAM::User
                Properties:
                  ManagedPolicyArns: [arn:aws:iam::aws:policy/ReadOnlyAccess]
            """),
        F("iam-no-user-policies", "Policy", "Users", """
              Policy:
                Type: AWS::IAM::Policy
                Properties:
                  PolicyName: read
                  Users: [alice]
                  PolicyDocument:
                    Statement: [{ Effect: Allow, Action: s3:GetObject, Resource: "*" }]
            """),
    ];
}
