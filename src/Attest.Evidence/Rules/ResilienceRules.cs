using Attest.Core.Findings;
using Attest.Core.Text;
using Attest.Evidence.Model;

namespace Attest.Evidence.Rules;

/// <summary>Topics multi-az (the loss of one Availability Zone), backup and cross-region-recovery (a lasting regional outage).</summary>
internal static class ResilienceRules
{
    public static IEnumerable<IacRule> All()
    {
        yield return new PropertyRule(
            RuleKit.Doc("rds-multi-az", "multi-az", "RDS instances are Multi-AZ", "Les instances RDS sont multi-AZ",
                "A single-AZ database stops with its Availability Zone; Multi-AZ fails over to a standby in another zone.", "Une base de données mono-AZ s'arrête avec sa zone de disponibilité ; le multi-AZ bascule vers une instance de secours dans une autre zone.",
                "Set MultiAZ / multi_az to true (Aurora: add a reader instance in another Availability Zone).", "Mettez MultiAZ / multi_az à true (Aurora : ajoutez une instance de lecture dans une autre zone).",
                Severity.High, "CKV_AWS_157", "RDS_MULTI_AZ_SUPPORT", "AVD-AWS-0176"),
            new("Database {0} is Multi-AZ.", "La base de données {0} est multi-AZ."),
            new("Database {0} runs in a single Availability Zone.", "La base de données {0} fonctionne dans une seule zone de disponibilité."),
            new("AWS::RDS::DBInstance", ["MultiAZ"], RuleKit.IsTrue, RuleKit.NotAuroraMember),
            new("aws_db_instance", ["multi_az"], RuleKit.IsTrue, RuleKit.NotAuroraMember));

        yield return new AuroraAcrossZonesRule();
        yield return new SpreadAcrossZonesRule();

        yield return new PropertyRule(
            RuleKit.Doc("elb-cross-zone", "multi-az", "Load balancers balance across zones", "Les équilibreurs de charge répartissent entre les zones",
                "Without cross-zone balancing, the loss of the targets of one zone leaves that zone's share of traffic unserved.", "Sans répartition entre zones, la perte des cibles d'une zone laisse sans réponse la part du trafic de cette zone.",
                "Set CrossZone / cross_zone_load_balancing (classic) or the load_balancing.cross_zone.enabled attribute (network load balancers) to true.", "Mettez CrossZone / cross_zone_load_balancing (classique) ou l'attribut load_balancing.cross_zone.enabled (équilibreurs réseau) à true.",
                Severity.Low, "ELB_CROSS_ZONE_LOAD_BALANCING_ENABLED", "CKV_AWS_152"),
            new("Load balancer {0} balances across Availability Zones.", "L'équilibreur de charge {0} répartit entre les zones de disponibilité."),
            new("Load balancer {0} does not balance across Availability Zones.", "L'équilibreur de charge {0} ne répartit pas entre les zones de disponibilité."),
            new("AWS::ElasticLoadBalancing::LoadBalancer", ["CrossZone"], RuleKit.IsTrue),
            new("aws_elb", ["cross_zone_load_balancing"], v => RuleKit.IsTrueOr(v, whenAbsent: true)));

        yield return new PropertyRule(
            RuleKit.Doc("dynamodb-pitr", "backup", "DynamoDB tables have point-in-time recovery", "Les tables DynamoDB ont la restauration à un instant donné",
                "Point-in-time recovery lets the table be restored to any second of the last 35 days, part of a recovery plan.", "La restauration à un instant donné permet de revenir à n'importe quelle seconde des 35 derniers jours ; elle fait partie d'un plan de reprise.",
                "Enable PointInTimeRecoverySpecification / point_in_time_recovery.", "Activez PointInTimeRecoverySpecification / point_in_time_recovery.",
                Severity.Medium, "CKV_AWS_28", "DYNAMODB_PITR_ENABLED", "AVD-AWS-0024", "W78"),
            new("Table {0} has point-in-time recovery.", "La table {0} a la restauration à un instant donné."),
            new("Table {0} has no point-in-time recovery.", "La table {0} n'a pas de restauration à un instant donné."),
            new("AWS::DynamoDB::Table", ["PointInTimeRecoverySpecification", "PointInTimeRecoveryEnabled"], RuleKit.IsTrue),
            new("AWS::DynamoDB::GlobalTable", ["Replicas", "*", "PointInTimeRecoverySpecification", "PointInTimeRecoveryEnabled"], RuleKit.IsTrue),
            new("aws_dynamodb_table", ["point_in_time_recovery", "*", "enabled"], RuleKit.IsTrue));

        yield return new PropertyRule(
            RuleKit.Doc("rds-backup-retention", "backup", "RDS keeps automated backups", "RDS conserve des sauvegardes automatiques",
                "Automated backups are the first step of recovering data after a disaster.", "Les sauvegardes automatiques sont la première étape de la récupération des données après un sinistre.",
                "Keep BackupRetentionPeriod / backup_retention_period at 1 day or more (7 or more recommended).", "Gardez BackupRetentionPeriod / backup_retention_period à 1 jour ou plus (7 ou plus recommandé).",
                // Not DB_INSTANCE_BACKUP_ENABLED (nor trivy's specify_backup_retention): they fail a database that does not write
                // BackupRetentionPeriod, whose AWS default is one day of automated backups, which this rule counts as kept.
                Severity.Medium, "CKV_AWS_133", "AVD-AWS-0077"),
            new("Database {0} keeps automated backups.", "La base de données {0} conserve des sauvegardes automatiques."),
            new("Database {0} has automated backups turned off.", "La base de données {0} a les sauvegardes automatiques désactivées."),
            new("AWS::RDS::DBInstance", ["BackupRetentionPeriod"], v => RuleKit.AtLeast(v, 1, whenAbsent: true), RuleKit.NotAuroraMember),
            new("AWS::RDS::DBCluster", ["BackupRetentionPeriod"], v => RuleKit.AtLeast(v, 1, whenAbsent: true)),
            new("aws_db_instance", ["backup_retention_period"], v => RuleKit.AtLeast(v, 1, whenAbsent: true), RuleKit.NotAuroraMember),
            new("aws_rds_cluster", ["backup_retention_period"], v => RuleKit.AtLeast(v, 1, whenAbsent: true)));

        yield return new CrossRegionRecoveryRule();
    }

    /// <summary>Topic multi-az: an Aurora cluster has instances in at least two Availability Zones.</summary>
    private sealed class AuroraAcrossZonesRule : IacRule
    {
        private static readonly Phrase Pass = new("Aurora cluster {0} has {1} instances, so a reader can take over when one zone fails.", "Le cluster Aurora {0} a {1} instances : un lecteur peut prendre le relais si une zone tombe.");
        private static readonly Phrase Fail = new("Aurora cluster {0} has a single instance: it does not survive the loss of its Availability Zone.", "Le cluster Aurora {0} n'a qu'une instance : il ne survit pas à la perte de sa zone de disponibilité.");

        public override RuleDocumentation Documentation { get; } = RuleKit.Doc("aurora-multi-az", "multi-az", "Aurora clusters have instances in two zones", "Les clusters Aurora ont des instances dans deux zones",
            "An Aurora cluster fails over to a reader in another Availability Zone; with one instance there is nothing to fail over to.", "Un cluster Aurora bascule vers un lecteur d'une autre zone ; avec une seule instance, il n'y a rien vers quoi basculer.",
            "Add a second DB instance (reader) to the cluster, placed in another Availability Zone.", "Ajoutez une seconde instance (lecteur) au cluster, dans une autre zone de disponibilité.",
            Severity.High, "RDS_MULTI_AZ_SUPPORT") with
        {
            ResourceTypes = ["AWS::RDS::DBCluster", "aws_rds_cluster"],
        };

        public override IEnumerable<EvidenceFinding> Check(ScanUnit unit)
        {
            foreach (var cluster in unit.OfType("AWS::RDS::DBCluster", "aws_rds_cluster"))
            {
                var cfn = cluster.Framework == "cloudformation";
                if (cluster.ValuesAt(cfn ? "EngineMode" : "engine_mode").Values.Any(v => v.Text == "serverless"))
                {
                    continue;
                }

                var instances = cfn
                    ? unit.Referencing(cluster, "AWS::RDS::DBInstance", "DBClusterIdentifier").ToList()
                    : unit.Referencing(cluster, "aws_rds_cluster_instance", "cluster_identifier").ToList();
                var counted = instances.Any(i => i.Multiplicity is not null);
                var judgement = instances.Count >= 2 ? Judgement.Pass
                    : counted ? new Judgement(FindingOutcome.Unknown, new PossibleValue(new UnknownValue(instances[0].Multiplicity!), ValueSource.Literal))
                    : Judgement.Fail;
                yield return Finding(cluster, judgement, RuleKit.Say(judgement, cluster, Documentation.Title, Pass, Fail, instances.Count));
            }
        }
    }

    /// <summary>Topic multi-az: subnets, Auto Scaling groups and load balancers span at least two Availability Zones.</summary>
    private sealed class SpreadAcrossZonesRule : IacRule
    {
        private static readonly Phrase Pass = new("{0} spans {1} subnets or zones.", "{0} s'étend sur {1} sous-réseaux ou zones.");
        private static readonly Phrase Fail = new("{0} is confined to a single subnet or zone: it does not survive the loss of one Availability Zone.", "{0} est limité à un seul sous-réseau ou une seule zone : il ne survit pas à la perte d'une zone de disponibilité.");
        private static readonly Phrase VpcPass = new("The subnets of {0} cover {1} Availability Zones.", "Les sous-réseaux de {0} couvrent {1} zones de disponibilité.");
        private static readonly Phrase VpcFail = new("Every subnet of {0} is in the same Availability Zone.", "Tous les sous-réseaux de {0} sont dans la même zone de disponibilité.");

        public override RuleDocumentation Documentation { get; } = RuleKit.Doc("multi-az-spread", "multi-az", "Workloads span at least two Availability Zones", "Les charges de travail couvrent au moins deux zones de disponibilité",
            "Resilience to the loss of one zone needs subnets, Auto Scaling groups and load balancers in at least two zones.", "La résilience à la perte d'une zone exige des sous-réseaux, groupes Auto Scaling et équilibreurs de charge dans au moins deux zones.",
            "Give Auto Scaling groups and load balancers subnets in two or more Availability Zones, and create subnets in at least two zones per VPC.", "Donnez aux groupes Auto Scaling et aux équilibreurs de charge des sous-réseaux dans deux zones ou plus, et créez des sous-réseaux dans au moins deux zones par VPC.",
            Severity.High) with
        {
            ResourceTypes = ["AWS::AutoScaling::AutoScalingGroup", "AWS::ElasticLoadBalancingV2::LoadBalancer", "AWS::EC2::Subnet", "aws_autoscaling_group", "aws_lb", "aws_alb", "aws_subnet"],
        };

        public override IEnumerable<EvidenceFinding> Check(ScanUnit unit)
        {
            foreach (var group in unit.OfType("AWS::AutoScaling::AutoScalingGroup"))
            {
                yield return Spread(group, Count(group.ValuesAt("VPCZoneIdentifier"), group.ValuesAt("AvailabilityZones")), "VPCZoneIdentifier");
            }

            foreach (var group in unit.OfType("aws_autoscaling_group"))
            {
                yield return Spread(group, Count(group.ValuesAt("vpc_zone_identifier"), group.ValuesAt("availability_zones")), "vpc_zone_identifier");
            }

            foreach (var balancer in unit.OfType("AWS::ElasticLoadBalancingV2::LoadBalancer"))
            {
                yield return Spread(balancer, Count(balancer.ValuesAt("Subnets"), balancer.ValuesAt("SubnetMappings")), "Subnets");
            }

            foreach (var balancer in unit.OfType("aws_lb", "aws_alb"))
            {
                yield return Spread(balancer, Count(balancer.ValuesAt("subnets"), balancer.ValuesAt("subnet_mapping")), "subnets");
            }

            // Subnets per VPC: distinct written zones; a zone that is not literal (Fn::Select over GetAZs) leaves it undecided
            foreach (var vpc in unit.OfType("AWS::EC2::VPC", "aws_vpc"))
            {
                var cfn = vpc.Framework == "cloudformation";
                var subnets = unit.Referencing(vpc, cfn ? "AWS::EC2::Subnet" : "aws_subnet", cfn ? "VpcId" : "vpc_id").ToList();
                if (subnets.Count == 0)
                {
                    continue;
                }

                var zones = subnets.Select(s => s.ValuesAt(cfn ? "AvailabilityZone" : "availability_zone")).ToList();
                var known = zones.SelectMany(z => z.Values).Where(v => v.Text is not null).Select(v => v.Text!).Distinct(StringComparer.Ordinal).Count();
                var anyUnknown = zones.Any(z => z.Values.Any(v => v.Text is null)) || subnets.Any(s => s.Multiplicity is not null);
                var judgement = known >= 2 ? Judgement.Pass : anyUnknown ? new Judgement(FindingOutcome.Unknown, zones.SelectMany(z => z.Values).FirstOrDefault(v => v.Text is null)) : Judgement.Fail;
                yield return Finding(vpc, judgement, RuleKit.Say(judgement, vpc, Documentation.Title, VpcPass, VpcFail, known));
            }
        }

        private EvidenceFinding Spread(IIacResource resource, (int Count, Judgement Judgement) spread, string path) =>
            Finding(resource, spread.Judgement, RuleKit.Say(spread.Judgement, resource, Documentation.Title, Pass, Fail, spread.Count), path);

        private static (int Count, Judgement Judgement) Count(params ValueSet[] lists)
        {
            var best = 0;
            PossibleValue? unknown = null;
            foreach (var value in lists.SelectMany(l => l.Values))
            {
                switch (value.Value)
                {
                    case IReadOnlyList<object?> items:
                        best = Math.Max(best, items.Count);
                        if (items.Count < 2 && items.Any(i => i is UnknownValue))
                        {
                            unknown ??= value;
                        }

                        break;
                    case UnknownValue:
                        unknown ??= value;
                        break;
                    case string text when text.Contains(',', StringComparison.Ordinal):
                        best = Math.Max(best, text.Split(',').Length);
                        break;
                }
            }

            if (best >= 2)
            {
                return (best, Judgement.Pass);
            }

            return (best, unknown is not null ? new Judgement(FindingOutcome.Unknown, unknown) : Judgement.Fail);
        }
    }

    /// <summary>Topic cross-region-recovery: something carries data to another Region (S3 replication, global tables, Aurora global database, cross-region backup copy).</summary>
    private sealed class CrossRegionRecoveryRule : IacRule
    {
        private static readonly Phrase Pass = new("{0} copies data to another Region.", "{0} copie des données vers une autre Région.");
        private static readonly Phrase Fail = new("{0}: nothing copies data to another Region (no S3 replication, DynamoDB global table, Aurora global database or cross-region backup copy).", "{0} : rien ne copie les données vers une autre Région (ni réplication S3, ni table globale DynamoDB, ni base globale Aurora, ni copie de sauvegarde interrégionale).");

        public override RuleDocumentation Documentation { get; } = RuleKit.Doc("cross-region-recovery", "cross-region-recovery", "Data is replicated to another Region", "Les données sont répliquées vers une autre Région",
            "A lasting regional outage is survived only if data already exists in another Region.", "Une panne régionale durable ne se surmonte que si les données existent déjà dans une autre Région.",
            "Add S3 replication, a DynamoDB global table, an Aurora global database, or an AWS Backup rule with a copy action to another Region.", "Ajoutez une réplication S3, une table globale DynamoDB, une base globale Aurora, ou une règle AWS Backup avec une copie vers une autre Région.",
            Severity.Low) with
        {
            ResourceTypes = ["AWS::S3::Bucket", "AWS::DynamoDB::GlobalTable", "AWS::RDS::GlobalCluster", "AWS::Backup::BackupPlan", "aws_s3_bucket_replication_configuration", "aws_dynamodb_table", "aws_rds_global_cluster", "aws_backup_plan"],
        };

        public override IEnumerable<EvidenceFinding> Check(ScanUnit unit)
        {
            var stores = unit.OfType("AWS::S3::Bucket", "AWS::DynamoDB::Table", "AWS::RDS::DBCluster", "AWS::RDS::DBInstance", "aws_s3_bucket", "aws_dynamodb_table", "aws_rds_cluster", "aws_db_instance").ToList();
            if (stores.Count == 0)
            {
                yield break;
            }

            var carrier = unit.OfType("AWS::DynamoDB::GlobalTable", "AWS::RDS::GlobalCluster", "aws_rds_global_cluster", "aws_s3_bucket_replication_configuration").FirstOrDefault()
                ?? unit.OfType("AWS::S3::Bucket").FirstOrDefault(b => b.ValuesAt("ReplicationConfiguration").Values.Any(v => !v.IsAbsent))
                ?? unit.OfType("aws_dynamodb_table").FirstOrDefault(t => t.ValuesAt("replica").Values.Any(v => v.Value is IReadOnlyList<object?> { Count: > 0 }))
                ?? unit.OfType("AWS::Backup::BackupPlan").FirstOrDefault(p => p.ValuesAt("BackupPlan", "BackupPlanRule", "*", "CopyActions").Values.Any(v => v.Value is IReadOnlyList<object?> { Count: > 0 }))
                ?? unit.OfType("aws_backup_plan").FirstOrDefault(p => p.ValuesAt("rule", "*", "copy_action").Values.Any(v => v.Value is IReadOnlyList<object?> { Count: > 0 }));
            yield return carrier is not null
                ? Finding(carrier, Judgement.Pass, Pass.With(carrier.Address))
                : Finding(stores[0], Judgement.Fail, Fail.With(stores[0].Address));
        }
    }
}
