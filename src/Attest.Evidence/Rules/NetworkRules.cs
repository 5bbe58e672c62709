using Attest.Core.Findings;
using Attest.Core.Text;
using Attest.Evidence.Model;

namespace Attest.Evidence.Rules;

/// <summary>An ingress permission, whatever resource or block it was written in.</summary>
internal sealed record Ingress(IIacResource Resource, ValueSet Protocol, ValueSet FromPort, ValueSet ToPort, ValueSet Cidrs, string[] Path)
{
    private static readonly string[] AllProtocols = ["-1", "all"];

    // The protocols that have ports; others (ICMP, ESP, GRE…) use FromPort/ToPort for other things, or not at all
    private static readonly string[] PortProtocols = ["tcp", "udp", "6", "17"];

    /// <summary>
    /// Every ingress permission of the unit: security group entries and blocks, and the standalone rule resources. An entry
    /// that names no protocol is left out: CloudFormation, Terraform and EC2 refuse it, so it opens nothing.
    /// </summary>
    public static IEnumerable<Ingress> All(ScanUnit unit) => Declared(unit).Where(i => i.Protocol.Values.Any(v => !v.IsAbsent));

    private static IEnumerable<Ingress> Declared(ScanUnit unit)
    {
        foreach (var group in unit.OfType("AWS::EC2::SecurityGroup"))
        {
            var count = group.ValuesAt("SecurityGroupIngress").Values.Select(v => v.Value is IReadOnlyList<object?> l ? l.Count : 0).DefaultIfEmpty(0).Max();
            for (var i = 0; i < count; i++)
            {
                var index = i.ToString(System.Globalization.CultureInfo.InvariantCulture);
                ValueSet At(string name) => group.ValuesAt("SecurityGroupIngress", index, name);
                yield return new Ingress(group, At("IpProtocol"), At("FromPort"), At("ToPort"), Join(At("CidrIp"), At("CidrIpv6")), ["SecurityGroupIngress", index]);
            }
        }

        foreach (var rule in unit.OfType("AWS::EC2::SecurityGroupIngress"))
        {
            yield return new Ingress(rule, rule.ValuesAt("IpProtocol"), rule.ValuesAt("FromPort"), rule.ValuesAt("ToPort"), Join(rule.ValuesAt("CidrIp"), rule.ValuesAt("CidrIpv6")), []);
        }

        foreach (var group in unit.OfType("aws_security_group"))
        {
            var count = group.ValuesAt("ingress").Values.Select(v => v.Value is IReadOnlyList<object?> l ? l.Count : 0).DefaultIfEmpty(0).Max();
            for (var i = 0; i < count; i++)
            {
                var index = i.ToString(System.Globalization.CultureInfo.InvariantCulture);
                ValueSet At(string name) => group.ValuesAt("ingress", index, name);
                yield return new Ingress(group, At("protocol"), At("from_port"), At("to_port"), Join(At("cidr_blocks"), At("ipv6_cidr_blocks")), ["ingress", index]);
            }
        }

        foreach (var rule in unit.OfType("aws_security_group_rule"))
        {
            if (rule.ValuesAt("type").Values.All(v => v.Text == "ingress"))
            {
                yield return new Ingress(rule, rule.ValuesAt("protocol"), rule.ValuesAt("from_port"), rule.ValuesAt("to_port"), Join(rule.ValuesAt("cidr_blocks"), rule.ValuesAt("ipv6_cidr_blocks")), []);
            }
        }

        foreach (var rule in unit.OfType("aws_vpc_security_group_ingress_rule"))
        {
            yield return new Ingress(rule, rule.ValuesAt("ip_protocol"), rule.ValuesAt("from_port"), rule.ValuesAt("to_port"), Join(rule.ValuesAt("cidr_ipv4"), rule.ValuesAt("cidr_ipv6")), []);
        }
    }

    /// <summary>
    /// Passes unless the permission lets the whole internet (or, with <paramref name="anySource"/>, anyone) reach one of
    /// <paramref name="ports"/>; unknown when a value it depends on cannot be known.
    /// </summary>
    public Judgement Opens(bool anySource, params int[] ports)
    {
        var open = anySource
            ? new Judgement(FindingOutcome.Fail, null)
            : Judgement.Of(Cidrs, v => v.IsAbsent ? true : Blocks(v.Value) is { } blocks ? !blocks.Any(b => Cidr.Parse(b) is { IsWholeInternet: true }) : null);
        if (open.Outcome != FindingOutcome.Fail)
        {
            return open;
        }

        // Reachable from anywhere: now, does it cover the ports?
        var allProtocols = Judgement.Of(Protocol, v => v.Text is { } p ? !AllProtocols.Contains(p.ToLowerInvariant()) : null);
        if (allProtocols.Outcome == FindingOutcome.Fail)
        {
            return allProtocols with { Decisive = open.Decisive ?? allProtocols.Decisive };
        }

        // ICMP, ESP and the like have no ports: FromPort -1 there means every ICMP type, not every port
        var portless = Judgement.Of(Protocol, v => v.Text is { } p ? !PortProtocols.Contains(p.ToLowerInvariant()) : null);
        if (portless.Outcome == FindingOutcome.Pass)
        {
            return portless;
        }

        var range = Judgement.Of(FromPort, from => Judgement.Of(ToPort, to => Covers(from, to, ports)).Outcome switch
        {
            FindingOutcome.Pass => true,
            FindingOutcome.Fail => false,
            _ => null,
        });
        // A failure is reported with the source that opened it to everyone (a parameter default, a branch), when there is one
        var verdict = range.Outcome == FindingOutcome.Pass ? allProtocols : range;
        return verdict.Outcome == FindingOutcome.Fail && open.Decisive is { Source: not ValueSource.Literal } ? verdict with { Decisive = open.Decisive } : verdict;
    }

    /// <summary>
    /// Passes unless the permission lets the whole internet reach a port outside <paramref name="allowed"/> (every protocol,
    /// or a port range reaching beyond them); unknown when a value it depends on cannot be known.
    /// </summary>
    public Judgement OpensBeyond(params int[] allowed)
    {
        var open = Judgement.Of(Cidrs, v => v.IsAbsent ? true : Blocks(v.Value) is { } blocks ? !blocks.Any(b => Cidr.Parse(b) is { IsWholeInternet: true }) : null);
        if (open.Outcome != FindingOutcome.Fail)
        {
            return open;
        }

        var allProtocols = Judgement.Of(Protocol, v => v.Text is { } p ? !AllProtocols.Contains(p.ToLowerInvariant()) : null);
        if (allProtocols.Outcome != FindingOutcome.Pass)
        {
            return allProtocols with { Decisive = open.Decisive ?? allProtocols.Decisive };
        }

        // ICMP and other portless protocols open to the internet (ping) are not a service exposed
        var portless = Judgement.Of(Protocol, v => v.Text is { } p ? !PortProtocols.Contains(p.ToLowerInvariant()) : null);
        if (portless.Outcome == FindingOutcome.Pass)
        {
            return portless;
        }

        var range = Judgement.Of(FromPort, from => Judgement.Of(ToPort, to => Within(from, to, allowed)).Outcome switch
        {
            FindingOutcome.Pass => true,
            FindingOutcome.Fail => false,
            _ => null,
        });
        return range.Outcome == FindingOutcome.Fail && open.Decisive is { Source: not ValueSource.Literal } ? range with { Decisive = open.Decisive } : range;
    }

    // Whether every port of the range is one of the allowed ports (-1 means every port)
    private static bool? Within(PossibleValue from, PossibleValue to, int[] allowed)
    {
        var low = from.IsAbsent ? 0 : RuleKit.Number(from);
        var high = to.IsAbsent ? 65535 : RuleKit.Number(to);
        if (low is null || high is null)
        {
            return null;
        }

        return low >= 0 && high >= low && allowed.Count(p => p >= low && p <= high) == high - low + 1;
    }

    private static bool? Covers(PossibleValue from, PossibleValue to, int[] ports)
    {
        var low = from.IsAbsent ? 0 : RuleKit.Number(from);
        var high = to.IsAbsent ? 65535 : RuleKit.Number(to);
        if (low is null || high is null)
        {
            return null;
        }

        // -1 means every port, as ICMP and "all" rules write it
        if (low < 0 || high < 0)
        {
            return false;
        }

        return !ports.Any(p => p >= low && p <= high);
    }

    private static IEnumerable<string>? Blocks(object? value) => value switch
    {
        string s => [s],
        IReadOnlyList<object?> list when list.All(i => i is string) => list.Cast<string>(),
        _ => null,
    };

    private static ValueSet Join(ValueSet a, ValueSet b)
    {
        var present = a.Values.Where(v => !v.IsAbsent).Concat(b.Values.Where(v => !v.IsAbsent)).ToList();
        return present.Count == 0 ? ValueSet.Absent with { Values = [new PossibleValue(Array.Empty<object?>(), ValueSource.Literal)] } : new ValueSet(present);
    }
}

/// <summary>Topics network-segmentation, public-exposure and interactive-access.</summary>
internal static class NetworkRules
{
    public static IEnumerable<IacRule> All()
    {
        yield return new OpenPortsRule();

        yield return new PropertyRule(
            RuleKit.Doc("rds-not-public", "public-exposure", "Databases are not publicly accessible", "Les bases de données ne sont pas accessibles publiquement",
                "A database reachable from the internet breaks the isolation of the tier that stores cardholder data.", "Une base de données joignable depuis Internet rompt l'isolement du niveau qui stocke les données de cartes.",
                "Set PubliclyAccessible / publicly_accessible to false and place the database in private subnets.", "Mettez PubliclyAccessible / publicly_accessible à false et placez la base dans des sous-réseaux privés.",
                Severity.High, "CKV_AWS_17", "RDS_INSTANCE_PUBLIC_ACCESS_CHECK", "AVD-AWS-0180", "F22"),
            new("Database {0} is not publicly accessible.", "La base de données {0} n'est pas accessible publiquement."),
            new("Database {0} is publicly accessible, or left to the AWS default, which makes it public in a VPC with an internet gateway.", "La base de données {0} est accessible publiquement, ou laissée au choix par défaut d'AWS, qui la rend publique dans un VPC doté d'une passerelle Internet."),
            // CloudFormation leaves an unset PubliclyAccessible to RDS, which makes the instance public when its VPC has an
            // internet gateway; the Terraform provider defaults it to false
            new("AWS::RDS::DBInstance", ["PubliclyAccessible"], v => Judgement.Of(v, p => p.IsAbsent ? false : p.Boolean is { } b ? !b : null)),
            new("aws_db_instance", ["publicly_accessible"], RuleKit.IsNotTrue),
            new("aws_rds_cluster_instance", ["publicly_accessible"], RuleKit.IsNotTrue),
            new("AWS::Redshift::Cluster", ["PubliclyAccessible"], RuleKit.IsNotTrue),
            new("aws_redshift_cluster", ["publicly_accessible"], RuleKit.IsNotTrue));

        yield return new PropertyRule(
            RuleKit.Doc("subnet-no-public-ip", "public-exposure", "Subnets do not assign public IP addresses", "Les sous-réseaux n'attribuent pas d'adresses IP publiques",
                "Subnets that give every instance a public address make it easy to expose a private tier by accident.", "Des sous-réseaux qui donnent une adresse publique à chaque instance facilitent l'exposition accidentelle d'un niveau privé.",
                "Set MapPublicIpOnLaunch / map_public_ip_on_launch to false; give public addresses only to load balancers and NAT gateways.", "Mettez MapPublicIpOnLaunch / map_public_ip_on_launch à false ; ne donnez d'adresses publiques qu'aux équilibreurs de charge et passerelles NAT.",
                Severity.Medium, "CKV_AWS_130", "SUBNET_AUTO_ASSIGN_PUBLIC_IP_DISABLED", "AVD-AWS-0164", "W33"),
            new("Subnet {0} does not assign public IP addresses.", "Le sous-réseau {0} n'attribue pas d'adresses IP publiques."),
            new("Subnet {0} gives every instance a public IP address.", "Le sous-réseau {0} donne une adresse IP publique à chaque instance."),
            new("AWS::EC2::Subnet", ["MapPublicIpOnLaunch"], RuleKit.IsNotTrue),
            new("aws_subnet", ["map_public_ip_on_launch"], RuleKit.IsNotTrue));

        yield return new PropertyRule(
            RuleKit.Doc("instance-no-public-ip", "public-exposure", "Instances have no public IP address", "Les instances n'ont pas d'adresse IP publique",
                "Instances of the application and data tiers should be reached through load balancers, not directly from the internet.", "Les instances des niveaux application et données doivent être jointes par des équilibreurs de charge, pas directement depuis Internet.",
                "Set AssociatePublicIpAddress / associate_public_ip_address to false.", "Mettez AssociatePublicIpAddress / associate_public_ip_address à false.",
                // Not AUTOSCALING_LAUNCH_CONFIG_PUBLIC_IP_DISABLED: it fails a launch configuration that leaves
                // AssociatePublicIpAddress to the subnet, which this rule leaves to subnet-no-public-ip (trivy agrees with us)
                Severity.Medium, "CKV_AWS_88", "EC2_INSTANCE_NO_PUBLIC_IP", "AVD-AWS-0009"),
            new("{0} gets no public IP address.", "{0} ne reçoit pas d'adresse IP publique."),
            new("{0} gets a public IP address.", "{0} reçoit une adresse IP publique."),
            // An instance that declares no network interface leaves the choice to its subnet: nothing to judge here
            new("AWS::EC2::Instance", ["NetworkInterfaces", "*", "AssociatePublicIpAddress"], RuleKit.IsNotTrue, r => r.ValuesAt("NetworkInterfaces").Values.Any(v => !v.IsAbsent)),
            new("AWS::AutoScaling::LaunchConfiguration", ["AssociatePublicIpAddress"], RuleKit.IsNotTrue),
            new("AWS::EC2::LaunchTemplate", ["LaunchTemplateData", "NetworkInterfaces", "*", "AssociatePublicIpAddress"], RuleKit.IsNotTrue),
            new("aws_instance", ["associate_public_ip_address"], RuleKit.IsNotTrue),
            new("aws_launch_configuration", ["associate_public_ip_address"], RuleKit.IsNotTrue),
            new("aws_launch_template", ["network_interfaces", "*", "associate_public_ip_address"], RuleKit.IsNotTrue));

        yield return new InteractiveAccessRule();

        yield return new PublicIngressRule();
    }

    /// <summary>Topic network-segmentation: no SSH, RDP or all-ports ingress from the whole internet.</summary>
    private sealed class OpenPortsRule : IacRule
    {
        private static readonly Phrase Pass = new("{0} opens no administration port to the internet.", "{0} n'ouvre aucun port d'administration à Internet.");
        private static readonly Phrase Fail = new("{0} lets the whole internet reach SSH, RDP or every port.", "{0} laisse tout Internet joindre SSH, RDP ou tous les ports.");

        public override RuleDocumentation Documentation { get; } = RuleKit.Doc("sg-no-public-admin-ports", "network-segmentation", "No SSH, RDP or all-ports ingress from the internet", "Aucune entrée SSH, RDP ou tous ports depuis Internet",
            "Workloads that process cardholder data must be isolated by firewalls; administration ports open to 0.0.0.0/0 or ::/0 defeat that isolation.", "Les charges de travail qui traitent des données de cartes doivent être isolées par des pare-feu ; des ports d'administration ouverts à 0.0.0.0/0 ou ::/0 annulent cet isolement.",
            "Restrict the source to known networks or use Systems Manager Session Manager instead of inbound SSH/RDP.", "Limitez la source à des réseaux connus ou utilisez Systems Manager Session Manager au lieu de SSH/RDP entrants.",
            // Not RESTRICTED_INCOMING_TRAFFIC: it is about another list of ports (20, 21, 3306, 4333…), and fails them when
            // this rule, about SSH, RDP and all ports, passes; nor trivy's no_public_ingress_sgr, which fails any public port.
            Severity.High, "CKV_AWS_24", "CKV_AWS_25", "CKV_AWS_260", "INCOMING_SSH_DISABLED", "AVD-AWS-0107") with
        {
            ResourceTypes = ["AWS::EC2::SecurityGroup", "AWS::EC2::SecurityGroupIngress", "aws_security_group", "aws_security_group_rule", "aws_vpc_security_group_ingress_rule"],
        };

        public override IEnumerable<EvidenceFinding> Check(ScanUnit unit)
        {
            foreach (var resource in Ingress.All(unit).GroupBy(i => i.Resource))
            {
                var worst = resource.Select(i => (Ingress: i, Judgement: i.Opens(anySource: false, 22, 3389))).OrderBy(p => p.Judgement.Outcome switch { FindingOutcome.Fail => 0, FindingOutcome.Unknown => 1, _ => 2 }).First();
                yield return Finding(resource.Key, worst.Judgement, RuleKit.Say(worst.Judgement, resource.Key, Documentation.Title, Pass, Fail), worst.Ingress.Path);
            }
        }
    }

    /// <summary>Topic public-exposure: the internet reaches security groups only on the web ports (80, 443).</summary>
    private sealed class PublicIngressRule : IacRule
    {
        private static readonly int[] WebPorts = [80, 443];
        private static readonly Phrase Pass = new("{0} lets the internet reach nothing but the web ports 80 and 443.", "{0} ne laisse Internet joindre que les ports web 80 et 443.");
        private static readonly Phrase Fail = new("{0} lets the whole internet (0.0.0.0/0 or ::/0) reach a port other than 80 and 443.", "{0} laisse tout Internet (0.0.0.0/0 ou ::/0) joindre un autre port que 80 et 443.");

        public override RuleDocumentation Documentation { get; } = RuleKit.Doc("sg-public-ingress-web-only", "public-exposure", "Security groups open only the web ports to the internet", "Les groupes de sécurité n'ouvrent à Internet que les ports web",
            "A load balancer or web front end needs 80 and 443 from everyone; any other port open to 0.0.0.0/0 or ::/0 exposes a service that should be private.", "Un équilibreur de charge ou un frontal web a besoin de 80 et 443 pour tous ; tout autre port ouvert à 0.0.0.0/0 ou ::/0 expose un service qui devrait rester privé.",
            "Limit the source of other ports to known networks or security groups, or reach the service through a load balancer or Session Manager.", "Limitez la source des autres ports à des réseaux ou groupes de sécurité connus, ou atteignez le service par un équilibreur de charge ou Session Manager.",
            Severity.Medium) with
        {
            ResourceTypes = ["AWS::EC2::SecurityGroup", "AWS::EC2::SecurityGroupIngress", "aws_security_group", "aws_security_group_rule", "aws_vpc_security_group_ingress_rule"],
        };

        public override IEnumerable<EvidenceFinding> Check(ScanUnit unit)
        {
            var permissions = Ingress.All(unit).ToLookup(i => i.Resource);
            // A group with no ingress of its own opens nothing: it passes, unless standalone rules name it (they are judged themselves)
            foreach (var resource in unit.OfType(Documentation.ResourceTypes.ToArray()))
            {
                if (resource.Type is "aws_security_group_rule" && resource.ValuesAt("type").Values.All(v => v.Text != "ingress"))
                {
                    continue;
                }

                var own = permissions[resource].Select(i => (Ingress: i, Judgement: i.OpensBeyond(WebPorts)))
                    .OrderBy(p => p.Judgement.Outcome switch { FindingOutcome.Fail => 0, FindingOutcome.Unknown => 1, _ => 2 }).ToList();
                var judgement = own.Count == 0 ? Judgement.Pass : own[0].Judgement;
                yield return own.Count == 0
                    ? Finding(resource, judgement, RuleKit.Say(judgement, resource, Documentation.Title, Pass, Fail))
                    : Finding(resource, judgement, RuleKit.Say(judgement, resource, Documentation.Title, Pass, Fail), own[0].Ingress.Path);
            }
        }
    }

    /// <summary>Topic interactive-access: interactive deployment is possible when instances carry key pairs or accept SSH/RDP.</summary>
    private sealed class InteractiveAccessRule : IacRule
    {
        // A key pair named by a parameter without default is a key pair all the same: only its name is unknown
        private static Judgement NoKeyPair(ValueSet values) =>
            Judgement.Of(new ValueSet([.. values.Values.Select(v => v.IsUnknown ? v with { Value = "" } : v)]), v => v.IsAbsent);

        private static readonly Phrase Pass = new("{0} offers no interactive SSH/RDP access.", "{0} n'offre pas d'accès interactif SSH/RDP.");
        private static readonly Phrase Fail = new("{0} allows interactive access (a key pair, or SSH/RDP ingress): deployments could be made by hand.", "{0} permet un accès interactif (paire de clés, ou entrée SSH/RDP) : des déploiements pourraient être faits à la main.");

        public override RuleDocumentation Documentation { get; } = RuleKit.Doc("no-interactive-access", "interactive-access", "No interactive SSH/RDP access to instances", "Pas d'accès interactif SSH/RDP aux instances",
            "The checklist asks that no interactive SSH or RDP session is used to deploy; key pairs and SSH/RDP ingress make it possible.", "La liste de contrôle demande qu'aucune session SSH ou RDP interactive ne serve au déploiement ; paires de clés et entrées SSH/RDP le rendent possible.",
            "Drop KeyName / key_name and SSH/RDP ingress; deploy through pipelines and reach instances, when needed, with Session Manager.", "Supprimez KeyName / key_name et les entrées SSH/RDP ; déployez par des pipelines et atteignez les instances, si besoin, avec Session Manager.",
            Severity.Medium) with
        {
            ResourceTypes = ["AWS::EC2::Instance", "AWS::AutoScaling::LaunchConfiguration", "AWS::EC2::LaunchTemplate", "aws_instance", "aws_launch_configuration", "aws_launch_template", "AWS::EC2::SecurityGroup", "aws_security_group", "aws_security_group_rule"],
        };

        public override IEnumerable<EvidenceFinding> Check(ScanUnit unit)
        {
            foreach (var instance in unit.OfType("AWS::EC2::Instance", "AWS::AutoScaling::LaunchConfiguration", "aws_instance", "aws_launch_configuration"))
            {
                var judgement = NoKeyPair(instance.ValuesAt(instance.Framework == "cloudformation" ? "KeyName" : "key_name"));
                yield return Finding(instance, judgement, RuleKit.Say(judgement, instance, Documentation.Title, Pass, Fail));
            }

            foreach (var template in unit.OfType("AWS::EC2::LaunchTemplate", "aws_launch_template"))
            {
                var judgement = NoKeyPair(template.ValuesAt(template.Framework == "cloudformation" ? ["LaunchTemplateData", "KeyName"] : ["key_name"]));
                yield return Finding(template, judgement, RuleKit.Say(judgement, template, Documentation.Title, Pass, Fail));
            }

            foreach (var permission in Ingress.All(unit))
            {
                var judgement = permission.Opens(anySource: true, 22, 3389);
                if (judgement.Outcome == FindingOutcome.Fail)
                {
                    yield return Finding(permission.Resource, judgement, RuleKit.Say(judgement, permission.Resource, Documentation.Title, Pass, Fail), permission.Path);
                }
            }
        }
    }
}
