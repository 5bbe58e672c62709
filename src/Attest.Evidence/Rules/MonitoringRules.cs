using Attest.Core.Findings;
using Attest.Core.Text;
using Attest.Evidence.Model;

namespace Attest.Evidence.Rules;

/// <summary>Topics monitoring and logging: alarms that act, logs that are kept, monitoring of databases, networks and API activity.</summary>
internal static class MonitoringRules
{
    private static RuleDocumentation Doc(string id, string topic, string title, string titleFr, string rationale, string rationaleFr, string fix, string fixFr, Severity severity, params string[] equivalents) =>
        RuleKit.Doc(id, topic, title, titleFr, rationale, rationaleFr, fix, fixFr, severity, equivalents);

    public static IEnumerable<IacRule> All()
    {
        yield return new PropertyRule(
            Doc("alarm-actions", "monitoring", "CloudWatch alarms notify someone", "Les alarmes CloudWatch préviennent quelqu'un",
                "An alarm without an action changes state unseen; operational health monitoring needs a notification or remediation.", "Une alarme sans action change d'état sans que personne ne le voie ; la surveillance exige une notification ou une remédiation.",
                "Give AlarmActions / alarm_actions an SNS topic, an Auto Scaling policy or a Systems Manager action.", "Donnez à AlarmActions / alarm_actions une rubrique SNS, une stratégie Auto Scaling ou une action Systems Manager.",
                // Not CLOUDWATCH_ALARM_ACTION_CHECK: it passes an alarm whose only actions are OKActions or InsufficientDataActions,
                // which tell nobody that the workload is unhealthy; this rule asks for an action on the ALARM state.
                Severity.Medium, "CKV_AWS_319"),
            new("Alarm {0} has an action.", "L'alarme {0} a une action."),
            new("Alarm {0} has no action: nobody hears it.", "L'alarme {0} n'a pas d'action : personne ne l'entend."),
            PropertyCheck.All("AWS::CloudWatch::Alarm", r => Judgement.All(RuleKit.IsSet(r.ValuesAt("AlarmActions")), RuleKit.IsTrueOr(r.ValuesAt("ActionsEnabled"), whenAbsent: true))),
            PropertyCheck.All("aws_cloudwatch_metric_alarm", r => Judgement.All(RuleKit.IsSet(r.ValuesAt("alarm_actions")), RuleKit.IsTrueOr(r.ValuesAt("actions_enabled"), whenAbsent: true))));

        yield return new PropertyRule(
            Doc("log-retention", "logging", "Log groups keep logs for a set time", "Les groupes de journaux conservent les journaux une durée définie",
                "Logs are the operational record; a retention period makes their keeping deliberate (and their cost bounded).", "Les journaux sont la trace opérationnelle ; une durée de conservation rend leur conservation délibérée (et leur coût borné).",
                "Set RetentionInDays / retention_in_days to one of the values CloudWatch Logs accepts (1, 3, 5, 7, 14, 30, 60, 90… 3653 days).", "Mettez RetentionInDays / retention_in_days à l'une des valeurs acceptées par CloudWatch Logs (1, 3, 5, 7, 14, 30, 60, 90… 3653 jours).",
                Severity.Low, "CKV_AWS_66", "CW_LOGGROUP_RETENTION_PERIOD_CHECK", "AVD-AWS-0017", "W86"),
            new("Log group {0} has a retention period.", "Le groupe de journaux {0} a une durée de conservation."),
            new("Log group {0} keeps logs forever by default: no retention period is set.", "Le groupe de journaux {0} garde les journaux indéfiniment : aucune durée de conservation n'est définie."),
            new("AWS::Logs::LogGroup", ["RetentionInDays"], Retention),
            new("aws_cloudwatch_log_group", ["retention_in_days"], Retention));

        yield return new PropertyRule(
            Doc("rds-enhanced-monitoring", "monitoring", "RDS has enhanced monitoring", "RDS a la surveillance améliorée",
                "Enhanced monitoring shows the database host's health at up to one-second resolution.", "La surveillance améliorée montre la santé de l'hôte de la base de données jusqu'à la seconde.",
                "Set MonitoringInterval / monitoring_interval to 1, 5, 10, 15, 30 or 60 with a monitoring role.", "Mettez MonitoringInterval / monitoring_interval à 1, 5, 10, 15, 30 ou 60 avec un rôle de surveillance.",
                Severity.Low, "CKV_AWS_118", "RDS_ENHANCED_MONITORING_ENABLED"),
            new("Database {0} has enhanced monitoring.", "La base de données {0} a la surveillance améliorée."),
            new("Database {0} has no enhanced monitoring.", "La base de données {0} n'a pas de surveillance améliorée."),
            new("AWS::RDS::DBInstance", ["MonitoringInterval"], v => RuleKit.AtLeast(v, 1, whenAbsent: false)),
            new("aws_db_instance", ["monitoring_interval"], v => RuleKit.AtLeast(v, 1, whenAbsent: false)),
            new("aws_rds_cluster_instance", ["monitoring_interval"], v => RuleKit.AtLeast(v, 1, whenAbsent: false)));

        yield return new FlowLogsRule();

        yield return new PropertyRule(
            Doc("cloudtrail-multi-region", "logging", "CloudTrail covers every Region and validates its log files", "CloudTrail couvre toutes les Régions et valide ses fichiers journaux",
                "A multi-Region trail with log file validation is the trustworthy record of API activity needed to monitor and investigate.", "Un journal multirégion avec validation des fichiers est la trace fiable de l'activité d'API nécessaire pour surveiller et enquêter.",
                "Set IsMultiRegionTrail and EnableLogFileValidation (is_multi_region_trail, enable_log_file_validation) to true.", "Mettez IsMultiRegionTrail et EnableLogFileValidation (is_multi_region_trail, enable_log_file_validation) à true.",
                Severity.Medium, "CKV_AWS_67", "CKV_AWS_36", "MULTI_REGION_CLOUD_TRAIL_ENABLED", "CLOUD_TRAIL_LOG_FILE_VALIDATION_ENABLED", "AVD-AWS-0014", "AVD-AWS-0016"),
            new("Trail {0} covers every Region and validates its log files.", "Le journal {0} couvre toutes les Régions et valide ses fichiers."),
            new("Trail {0} does not cover every Region with validated log files.", "Le journal {0} ne couvre pas toutes les Régions avec des fichiers validés."),
            PropertyCheck.All("AWS::CloudTrail::Trail", r => Judgement.All(RuleKit.IsTrue(r.ValuesAt("IsMultiRegionTrail")), RuleKit.IsTrue(r.ValuesAt("EnableLogFileValidation")))),
            PropertyCheck.All("aws_cloudtrail", r => Judgement.All(RuleKit.IsTrueOr(r.ValuesAt("is_multi_region_trail"), whenAbsent: false), RuleKit.IsTrue(r.ValuesAt("enable_log_file_validation")))));

        yield return new AlarmCoverageRule();
    }

    // The periods CloudWatch Logs accepts; any other number is refused at deployment and leaves the group without retention
    private static readonly HashSet<decimal> RetentionPeriods = [1, 3, 5, 7, 14, 30, 60, 90, 120, 150, 180, 365, 400, 545, 731, 1096, 1827, 2192, 2557, 2922, 3288, 3653];

    private static Judgement Retention(ValueSet values) => Judgement.Of(values, v => v.IsAbsent ? false : RuleKit.Number(v) is { } days ? RetentionPeriods.Contains(days) : v.Text is null ? null : false);

    /// <summary>Topic logging: every VPC has flow logs.</summary>
    private sealed class FlowLogsRule : IacRule
    {
        private static readonly Phrase Pass = new("VPC {0} records flow logs.", "Le VPC {0} enregistre des journaux de flux.");
        private static readonly Phrase Fail = new("VPC {0} records no flow logs.", "Le VPC {0} n'enregistre pas de journaux de flux.");

        public override RuleDocumentation Documentation { get; } = Doc("vpc-flow-logs", "logging", "VPCs record flow logs", "Les VPC enregistrent des journaux de flux",
            "Flow logs show the network traffic reaching the workload, needed to monitor its health and investigate incidents.", "Les journaux de flux montrent le trafic réseau de la charge de travail, nécessaires pour surveiller sa santé et enquêter.",
            "Add an AWS::EC2::FlowLog / aws_flow_log for the VPC.", "Ajoutez un AWS::EC2::FlowLog / aws_flow_log pour le VPC.",
            Severity.Low, "CKV2_AWS_11", "AVD-AWS-0178") with
        {
            ResourceTypes = ["AWS::EC2::VPC", "AWS::EC2::FlowLog", "aws_vpc", "aws_flow_log"],
        };

        public override IEnumerable<EvidenceFinding> Check(ScanUnit unit)
        {
            foreach (var vpc in unit.OfType("AWS::EC2::VPC", "aws_vpc"))
            {
                var cfn = vpc.Framework == "cloudformation";
                var logged = cfn ? unit.Referencing(vpc, "AWS::EC2::FlowLog", "ResourceId").Any() : unit.Referencing(vpc, "aws_flow_log", "vpc_id").Any();
                var judgement = logged ? Judgement.Pass : Judgement.Fail;
                yield return Finding(vpc, judgement, RuleKit.Say(judgement, vpc, Documentation.Title, Pass, Fail));
            }
        }
    }

    /// <summary>Topic monitoring: the workload's main resources are watched by at least one alarm.</summary>
    private sealed class AlarmCoverageRule : IacRule
    {
        private static readonly string[] Watched =
        [
            "AWS::RDS::DBInstance", "AWS::RDS::DBCluster", "AWS::ElasticLoadBalancingV2::LoadBalancer", "AWS::ElasticLoadBalancing::LoadBalancer",
            "AWS::SQS::Queue", "AWS::Lambda::Function", "AWS::Serverless::Function", "AWS::DynamoDB::Table", "AWS::AutoScaling::AutoScalingGroup", "AWS::ECS::Service",
            "aws_db_instance", "aws_rds_cluster", "aws_lb", "aws_alb", "aws_elb", "aws_sqs_queue", "aws_lambda_function", "aws_dynamodb_table", "aws_autoscaling_group", "aws_ecs_service",
        ];

        private static readonly Phrase Pass = new("{0} is watched by alarm {1}.", "{0} est surveillé par l'alarme {1}.");
        private static readonly Phrase Fail = new("{0} is watched by no alarm.", "{0} n'est surveillé par aucune alarme.");

        public override RuleDocumentation Documentation { get; } = Doc("alarm-coverage", "monitoring", "Main resources are covered by an alarm", "Les ressources principales sont couvertes par une alarme",
            "Databases, load balancers, queues and functions are where a retail workload fails first; each needs at least one alarm on its metrics.", "Bases de données, équilibreurs de charge, files et fonctions sont là où une charge de travail de la vente au détail tombe d'abord ; chacune a besoin d'au moins une alarme sur ses métriques.",
            "Add a CloudWatch alarm whose dimensions name the resource (e.g. DBInstanceIdentifier, LoadBalancer, QueueName, FunctionName).", "Ajoutez une alarme CloudWatch dont les dimensions nomment la ressource (par ex. DBInstanceIdentifier, LoadBalancer, QueueName, FunctionName).",
            Severity.Low) with
        {
            ResourceTypes = [.. Watched, "AWS::CloudWatch::Alarm", "aws_cloudwatch_metric_alarm"],
        };

        public override IEnumerable<EvidenceFinding> Check(ScanUnit unit)
        {
            // What each alarm watches is worked out once: the first alarm naming a resource covers it
            var watchedBy = new Dictionary<string, IIacResource>(StringComparer.Ordinal);
            foreach (var alarm in unit.OfType("AWS::CloudWatch::Alarm", "aws_cloudwatch_metric_alarm"))
            {
                if (alarm is IReferencingResource r)
                {
                    foreach (var address in r.ReferencedResources(alarm.Framework == "cloudformation" ? "Dimensions" : "dimensions"))
                    {
                        watchedBy.TryAdd(address, alarm);
                    }
                }
            }

            foreach (var resource in unit.OfType(Watched))
            {
                var alarm = watchedBy.GetValueOrDefault(resource.Address);
                var judgement = alarm is null ? Judgement.Fail : Judgement.Pass;
                yield return Finding(resource, judgement, RuleKit.Say(judgement, resource, Documentation.Title, Pass, Fail, alarm?.Address));
            }
        }
    }
}
