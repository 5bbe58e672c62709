using Attest.Core.Text;

namespace Attest.Core.Findings;

/// <summary>One AWS service of the vocabulary: how it is named, how its resources are recognised in code, how partners type it.</summary>
public sealed record AwsService
{
    /// <summary>The stable id, e.g. <c>amazon-s3</c>.</summary>
    public required string Id { get; init; }

    /// <summary>The service's name, e.g. <c>Amazon S3</c>.</summary>
    public required string Name { get; init; }

    /// <summary>Prefixes of the resource types that belong to it: CloudFormation (<c>AWS::S3::</c>) and Terraform (<c>aws_s3_</c>).</summary>
    public required IReadOnlyList<string> ResourcePrefixes { get; init; }

    /// <summary>Words that name it in a typed service list (<c>s3</c>), compared word by word.</summary>
    public IReadOnlyList<string> Words { get; init; } = [];

    /// <summary>Phrases that name it in a typed service list (<c>simple storage service</c>), found anywhere in the text.</summary>
    public IReadOnlyList<string> Phrases { get; init; } = [];

    /// <summary>Its main resource types (the bucket of Amazon S3), counted by name in reasons.</summary>
    public IReadOnlyList<string> MainTypes { get; init; } = [];

    /// <summary>What one main resource is called, singular and plural, in both languages (<c>S3 bucket</c>).</summary>
    public LocalizedString? MainNoun { get; init; }

    /// <summary>The plural of <see cref="MainNoun"/>.</summary>
    public LocalizedString? MainNounPlural { get; init; }
}

/// <summary>
/// The AWS services a catalog item may name in <c>services:</c> (the services that make it apply), the resource types
/// that belong to each (so that an evidence inventory can say which services attached code uses), and how a case study's
/// typed service list names them. See <c>docs/topics.md</c>.
/// </summary>
public static class AwsServices
{
    private static readonly System.Buffers.SearchValues<char> Separators = System.Buffers.SearchValues.Create(" (),/-.;:");

    /// <summary>Every service, by id.</summary>
    public static IReadOnlyDictionary<string, AwsService> All { get; } = new AwsService[]
    {
        new()
        {
            Id = "amazon-s3", Name = "Amazon S3", ResourcePrefixes = ["AWS::S3::", "aws_s3_"], Words = ["s3"], Phrases = ["simple storage service"],
            MainTypes = ["AWS::S3::Bucket", "aws_s3_bucket"], MainNoun = new("S3 bucket", "compartiment S3"), MainNounPlural = new("S3 buckets", "compartiments S3"),
        },
        new() { Id = "amazon-ec2", Name = "Amazon EC2", ResourcePrefixes = ["AWS::EC2::", "aws_instance", "aws_ebs_", "aws_launch_template", "aws_key_pair", "aws_eip", "aws_ami"], Words = ["ec2", "ebs"], Phrases = ["elastic compute cloud"] },
        new()
        {
            Id = "amazon-vpc", Name = "Amazon VPC",
            ResourcePrefixes = ["AWS::EC2::VPC", "AWS::EC2::Subnet", "AWS::EC2::SecurityGroup", "AWS::EC2::InternetGateway", "AWS::EC2::NatGateway", "AWS::EC2::RouteTable", "AWS::EC2::Route", "AWS::EC2::NetworkAcl", "AWS::EC2::FlowLog", "AWS::EC2::TransitGateway",
                "aws_vpc", "aws_default_vpc", "aws_subnet", "aws_security_group", "aws_internet_gateway", "aws_nat_gateway", "aws_route", "aws_network_acl", "aws_flow_log", "aws_default_security_group", "aws_ec2_transit_gateway"],
            Words = ["vpc"], Phrases = ["virtual private cloud"],
        },
        new() { Id = "amazon-rds", Name = "Amazon RDS", ResourcePrefixes = ["AWS::RDS::", "aws_db_", "aws_rds_"], Words = ["rds", "aurora"], Phrases = ["relational database service"] },
        new() { Id = "amazon-dynamodb", Name = "Amazon DynamoDB", ResourcePrefixes = ["AWS::DynamoDB::", "aws_dynamodb_"], Words = ["dynamodb"] },
        new() { Id = "aws-lambda", Name = "AWS Lambda", ResourcePrefixes = ["AWS::Lambda::", "AWS::Serverless::Function", "AWS::Serverless::LayerVersion", "aws_lambda_"], Words = ["lambda"] },
        new() { Id = "amazon-api-gateway", Name = "Amazon API Gateway", ResourcePrefixes = ["AWS::ApiGateway::", "AWS::ApiGatewayV2::", "AWS::Serverless::Api", "AWS::Serverless::HttpApi", "aws_api_gateway_", "aws_apigatewayv2_"], Phrases = ["api gateway"] },
        new() { Id = "amazon-cloudfront", Name = "Amazon CloudFront", ResourcePrefixes = ["AWS::CloudFront::", "aws_cloudfront_"], Words = ["cloudfront"] },
        new() { Id = "elastic-load-balancing", Name = "Elastic Load Balancing", ResourcePrefixes = ["AWS::ElasticLoadBalancing::", "AWS::ElasticLoadBalancingV2::", "aws_lb", "aws_alb", "aws_elb"], Words = ["elb", "alb", "nlb"], Phrases = ["load balanc"] },
        new() { Id = "amazon-ec2-auto-scaling", Name = "Amazon EC2 Auto Scaling", ResourcePrefixes = ["AWS::AutoScaling::", "aws_autoscaling_"], Phrases = ["auto scaling", "autoscaling"] },
        new() { Id = "aws-iam", Name = "AWS IAM", ResourcePrefixes = ["AWS::IAM::", "AWS::AccessAnalyzer::", "aws_iam_", "aws_accessanalyzer_"], Words = ["iam"], Phrases = ["identity and access management"] },
        new() { Id = "aws-kms", Name = "AWS KMS", ResourcePrefixes = ["AWS::KMS::", "aws_kms_"], Words = ["kms"], Phrases = ["key management service"] },
        new() { Id = "amazon-cloudwatch", Name = "Amazon CloudWatch", ResourcePrefixes = ["AWS::CloudWatch::", "AWS::Logs::", "aws_cloudwatch_"], Words = ["cloudwatch"] },
        new() { Id = "amazon-eventbridge", Name = "Amazon EventBridge", ResourcePrefixes = ["AWS::Events::", "aws_cloudwatch_event_", "aws_scheduler_"], Words = ["eventbridge"] },
        new() { Id = "aws-cloudtrail", Name = "AWS CloudTrail", ResourcePrefixes = ["AWS::CloudTrail::", "aws_cloudtrail"], Words = ["cloudtrail"] },
        new() { Id = "aws-config", Name = "AWS Config", ResourcePrefixes = ["AWS::Config::", "aws_config_"], Phrases = ["aws config"] },
        new() { Id = "amazon-sns", Name = "Amazon SNS", ResourcePrefixes = ["AWS::SNS::", "aws_sns_"], Words = ["sns"], Phrases = ["simple notification service"] },
        new() { Id = "amazon-sqs", Name = "Amazon SQS", ResourcePrefixes = ["AWS::SQS::", "aws_sqs_"], Words = ["sqs"], Phrases = ["simple queue service"] },
        new() { Id = "amazon-efs", Name = "Amazon EFS", ResourcePrefixes = ["AWS::EFS::", "aws_efs_"], Words = ["efs"], Phrases = ["elastic file system"] },
        new() { Id = "amazon-kinesis", Name = "Amazon Kinesis", ResourcePrefixes = ["AWS::Kinesis::", "AWS::KinesisFirehose::", "aws_kinesis_"], Words = ["kinesis", "firehose"] },
        new() { Id = "amazon-elasticache", Name = "Amazon ElastiCache", ResourcePrefixes = ["AWS::ElastiCache::", "aws_elasticache_"], Words = ["elasticache"] },
        new() { Id = "amazon-redshift", Name = "Amazon Redshift", ResourcePrefixes = ["AWS::Redshift::", "aws_redshift_"], Words = ["redshift"] },
        new() { Id = "amazon-opensearch-service", Name = "Amazon OpenSearch Service", ResourcePrefixes = ["AWS::OpenSearchService::", "AWS::Elasticsearch::", "aws_opensearch_", "aws_elasticsearch_"], Words = ["opensearch", "elasticsearch"] },
        new() { Id = "amazon-ecs", Name = "Amazon ECS", ResourcePrefixes = ["AWS::ECS::", "aws_ecs_"], Words = ["ecs", "fargate"], Phrases = ["elastic container service"] },
        new() { Id = "amazon-eks", Name = "Amazon EKS", ResourcePrefixes = ["AWS::EKS::", "aws_eks_"], Words = ["eks"], Phrases = ["elastic kubernetes service"] },
        new() { Id = "amazon-ecr", Name = "Amazon ECR", ResourcePrefixes = ["AWS::ECR::", "aws_ecr_"], Words = ["ecr"], Phrases = ["elastic container registry"] },
        new() { Id = "aws-backup", Name = "AWS Backup", ResourcePrefixes = ["AWS::Backup::", "aws_backup_"], Phrases = ["aws backup"] },
        new() { Id = "aws-systems-manager", Name = "AWS Systems Manager", ResourcePrefixes = ["AWS::SSM::", "aws_ssm_"], Words = ["ssm"], Phrases = ["systems manager"] },
        new() { Id = "amazon-route-53", Name = "Amazon Route 53", ResourcePrefixes = ["AWS::Route53::", "aws_route53_"], Words = ["route53"], Phrases = ["route 53"] },
        new() { Id = "aws-waf", Name = "AWS WAF", ResourcePrefixes = ["AWS::WAFv2::", "AWS::WAF::", "AWS::WAFRegional::", "aws_wafv2_", "aws_waf_", "aws_wafregional_"], Words = ["waf"] },
        new() { Id = "aws-secrets-manager", Name = "AWS Secrets Manager", ResourcePrefixes = ["AWS::SecretsManager::", "aws_secretsmanager_"], Phrases = ["secrets manager"] },
        new() { Id = "amazon-cognito", Name = "Amazon Cognito", ResourcePrefixes = ["AWS::Cognito::", "aws_cognito_"], Words = ["cognito"] },
        new() { Id = "aws-step-functions", Name = "AWS Step Functions", ResourcePrefixes = ["AWS::StepFunctions::", "AWS::Serverless::StateMachine", "aws_sfn_"], Phrases = ["step functions"] },
    }.ToDictionary(s => s.Id, StringComparer.Ordinal);

    // Longest prefix first, so that aws_cloudwatch_event_ (EventBridge) wins over aws_cloudwatch_ (CloudWatch)
    private static readonly (string Prefix, AwsService Service)[] ByPrefix =
        [.. All.Values.SelectMany(s => s.ResourcePrefixes.Select(p => (p, s))).OrderByDescending(p => p.p.Length).ThenBy(p => p.p, StringComparer.Ordinal)];

    /// <summary>Whether <paramref name="id"/> is in the vocabulary.</summary>
    public static bool IsKnown(string id) => All.ContainsKey(id);

    /// <summary>The service a resource type belongs to (<c>AWS::S3::Bucket</c> → <c>amazon-s3</c>), or null when none is known.</summary>
    public static string? OfResourceType(string resourceType)
    {
        ArgumentNullException.ThrowIfNull(resourceType);
        foreach (var (prefix, service) in ByPrefix)
        {
            if (resourceType.StartsWith(prefix, StringComparison.Ordinal))
            {
                return service.Id;
            }
        }

        return null;
    }

    /// <summary>Whether a typed service name (<c>Amazon S3</c>, <c>S3 Glacier</c>, <c>Simple Storage Service</c>) names <paramref name="serviceId"/>.</summary>
    public static bool Names(string typed, string serviceId)
    {
        ArgumentNullException.ThrowIfNull(typed);
        if (!All.TryGetValue(serviceId, out var service))
        {
            return false;
        }

        // The text in lower case (as string.ToLowerInvariant would give it), then each phrase anywhere in it, then each
        // word separated by one of the separators; without allocating: a case study's services are read on every evaluation
        var buffer = typed.Length <= 256 ? stackalloc char[typed.Length] : new char[typed.Length];
        var text = buffer[..typed.AsSpan().ToLowerInvariant(buffer)];
        for (var p = 0; p < service.Phrases.Count; p++)
        {
            if (text.Contains(service.Phrases[p], StringComparison.Ordinal))
            {
                return true;
            }
        }

        if (service.Words.Count == 0)
        {
            return false;
        }

        var rest = text;
        while (rest.Length > 0)
        {
            var end = rest.IndexOfAny(Separators);
            var word = end < 0 ? rest : rest[..end];
            if (word.Length > 0)
            {
                for (var w = 0; w < service.Words.Count; w++)
                {
                    if (word.SequenceEqual(service.Words[w]))
                    {
                        return true;
                    }
                }
            }

            rest = end < 0 ? [] : rest[(end + 1)..];
        }

        return false;
    }
}
