using Attest.Core.Findings;
using Attest.Core.Text;
using Attest.Evidence.CloudFormation;
using Attest.Evidence.Model;
using Attest.Evidence.Rules;
using Attest.Evidence.Terraform.Evaluation;

namespace Attest.Evidence.Tests.Rules;

/// <summary>
/// Runs one rule the way <see cref="RuleSet.Scan"/> does (suppressions honoured) over templates and modules read with the
/// real readers, and asserts findings compactly.
/// </summary>
internal static class RuleHarness
{
    public const string CfnFile = "template.yaml";
    public const string TfFolder = "infra";

    /// <summary>A CloudFormation template that must read without problems.</summary>
    public static IacDocument Cfn(string text, string file = CfnFile)
    {
        var document = CloudFormationReader.Read(text, file);
        Assert.True(document.Problems.Count == 0, "template problems: " + string.Join(" | ", document.Problems.Select(p => $"{p.Location} {p.Message}")));
        return document;
    }

    /// <summary>A one-file Terraform module (<c>infra/main.tf</c>) that must read without problems.</summary>
    public static IacDocument Tf(string mainTf, IReadOnlyDictionary<string, string>? tfvars = null)
    {
        var document = TerraformReader.ReadModule(new Dictionary<string, string> { ["main.tf"] = mainTf }, TfFolder, tfvars, _ => null);
        Assert.True(document.Problems.Count == 0, "module problems: " + string.Join(" | ", document.Problems.Select(p => $"{p.Location} {p.Message}")));
        return document;
    }

    public static IacRule Rule(string id) => RuleSet.Find(id) ?? throw new InvalidOperationException($"no rule {id}");

    /// <summary>The findings of rule <paramref name="id"/> on <paramref name="document"/>, suppressed ones removed.</summary>
    public static IReadOnlyList<EvidenceFinding> Run(string id, IacDocument document)
    {
        var rule = Rule(id);
        return rule.Check(new ScanUnit(document)).Where(f => !Suppressions.Suppressed(document, f, rule.Documentation)).ToList();
    }

    /// <summary>The one finding of rule <paramref name="id"/> about <paramref name="resource"/>.</summary>
    public static EvidenceFinding On(string id, IacDocument document, string resource)
    {
        var findings = Run(id, document).Where(f => f.Resource == resource).ToList();
        Assert.True(findings.Count == 1, $"{id}: expected one finding on {resource}, got {findings.Count}: {Describe(Run(id, document))}");
        return findings[0];
    }

    /// <summary>
    /// Asserts the finding's rule, item, outcome, resource, file and line (the 1-based line of the first line of
    /// <paramref name="text"/> containing <paramref name="marker"/>), and that its message exists in English and French.
    /// </summary>
    public static EvidenceFinding Expect(EvidenceFinding finding, FindingOutcome outcome, string text, string marker)
    {
        var rule = Rule(finding.RuleId);
        Assert.True(outcome == finding.Outcome, $"{finding.RuleId} on {finding.Resource}: expected {outcome}, got {Describe(finding)}");
        Assert.Equal(rule.Documentation.Topic, finding.Topic);
        Assert.Equal(rule.Documentation.Severity, finding.Severity);
        Assert.Equal(LineOf(text, marker, Declaration(text, finding.Resource)), finding.Line);
        Assert.True(finding.Column >= 1, $"column {finding.Column}");
        // A finding about a whole unit names the unit: the template, or the module's folder
        Assert.Equal(finding.Framework == "terraform" ? TfFolder + "/main.tf" : CfnFile, finding.File);
        Bilingual(finding);
        return finding;
    }

    /// <summary>Runs rule <paramref name="id"/> and asserts its one finding on <paramref name="resource"/>, as the overload taking a finding does.</summary>
    public static EvidenceFinding Expect(string id, IacDocument document, string resource, FindingOutcome outcome, string text, string marker) =>
        Expect(On(id, document, resource), outcome, text, marker);

    /// <summary>The message exists in both languages, filled, and the two differ.</summary>
    public static void Bilingual(EvidenceFinding finding)
    {
        var en = finding.Message.In(Language.En);
        var fr = finding.Message.In(Language.Fr);
        Assert.False(string.IsNullOrWhiteSpace(en), "no English message");
        Assert.False(string.IsNullOrWhiteSpace(fr), "no French message");
        Assert.NotEqual(en, fr);
        Assert.DoesNotContain("{0}", en, StringComparison.Ordinal);
        Assert.DoesNotContain("{0}", fr, StringComparison.Ordinal);
    }

    /// <summary>
    /// The 1-based number of the first line of <paramref name="text"/> from line <paramref name="from"/> (0-based) on that
    /// contains <paramref name="marker"/>, or of the first line of all when none after it does.
    /// </summary>
    public static int LineOf(string text, string marker, int from = 0)
    {
        var lines = text.Split('\n');
        for (var i = from; i < lines.Length; i++)
        {
            if (lines[i].Contains(marker, StringComparison.Ordinal))
            {
                return i + 1;
            }
        }

        return from > 0 ? LineOf(text, marker) : throw new InvalidOperationException($"marker '{marker}' is not in the text");
    }

    /// <summary>The 0-based line where <paramref name="resource"/> is declared (<c>Id:</c>, or <c>resource "type" "name"</c>), or 0.</summary>
    public static int Declaration(string text, string resource)
    {
        if (resource.Length == 0)
        {
            return 0;
        }

        var parts = resource.Split('.');
        var terraform = parts.Length >= 2 ? $"\"{parts[^2]}\" \"{parts[^1].Split('[')[0]}\"" : null;
        var lines = text.Split('\n');
        for (var i = 0; i < lines.Length; i++)
        {
            if (lines[i].TrimStart().StartsWith(resource + ":", StringComparison.Ordinal) || (terraform is not null && lines[i].Contains(terraform, StringComparison.Ordinal)))
            {
                return i;
            }
        }

        return 0;
    }

    public static string Describe(EvidenceFinding f) =>
        $"{f.RuleId} {f.Outcome} {f.Resource} ({f.ResourceType}) {f.File}:{f.Line}:{f.Column} source={f.Source} how={f.How ?? "-"}: {f.Message.In(Language.En)}";

    public static string Describe(IEnumerable<EvidenceFinding> findings) => string.Join(Environment.NewLine, findings.Select(Describe));
}
