using Attest.Core.Findings;
using Attest.Core.Text;
using Attest.Evidence.Model;

namespace Attest.Evidence.Rules;

/// <summary>Every infrastructure-as-code rule, and the scan of a unit by all of them.</summary>
public static class RuleSet
{
    /// <summary>The rules, grouped by topic.</summary>
    public static IReadOnlyList<IacRule> All { get; } =
    [
        new S3PublicAccessBlockRule(),
        new S3NoPublicAclRule(),
        IamRules.PublicBucketPolicy,
        new S3PublicAlertRule(),
        new S3DefaultEncryptionRule(),
        new S3TlsOnlyRule(),
        new S3ReplicationRule(),
        .. EncryptionRules.All(),
        .. ResilienceRules.All(),
        .. MonitoringRules.All(),
        .. NetworkRules.All(),
        .. IamRules.All(),
        .. AutomationRules.All(),
        .. Table.RuleTable.Rules,
    ];

    private static readonly Phrase RuleFailed = new("The rule {0} could not judge this file ({1}); please report it.", "La règle {0} n'a pas pu juger ce fichier ({1}) ; merci de le signaler.");

    /// <summary>The rule with this id, or null.</summary>
    public static IacRule? Find(string id) => All.FirstOrDefault(r => r.Documentation.Id == id);

    /// <summary>Runs every rule (or those whose topic <paramref name="topics"/> accepts) over <paramref name="document"/>; a rule that throws becomes an unknown finding, never a crash.</summary>
    public static IReadOnlyList<EvidenceFinding> Scan(IacDocument document, Func<string, bool>? topics = null)
    {
        var unit = new ScanUnit(document);
        var findings = new List<EvidenceFinding>();
        foreach (var rule in All)
        {
            if (topics is not null && !topics(rule.Documentation.Topic))
            {
                continue;
            }

            try
            {
                findings.AddRange(rule.Check(unit).Where(f => !Suppressions.Suppressed(document, f, rule.Documentation)).ToList());
            }
            catch (Exception e) when (e is not OutOfMemoryException)
            {
                // A rule's own fault must not hide the other rules' findings: it becomes an undecided finding about the file
                findings.Add(new EvidenceFinding
                {
                    RuleId = rule.Documentation.Id,
                    Topic = rule.Documentation.Topic,
                    Outcome = FindingOutcome.Unknown,
                    Severity = rule.Documentation.Severity,
                    Resource = "",
                    ResourceType = "",
                    File = document.Resources.Count > 0 ? document.Resources[0].Location.File : document.File,
                    Line = 1,
                    Column = 1,
                    Message = RuleFailed.With(rule.Documentation.Id, e.GetType().Name),
                    Framework = document.Framework,
                });
            }
        }

        return findings;
    }
}
