using System.Globalization;
using System.Text;
using Attest.Core.Documents;
using Attest.Core.Findings;
using Attest.Evidence.CloudFormation;
using Attest.Evidence.Model;
using Attest.Evidence.Rules;
using Attest.Evidence.Terraform.Evaluation;
using Xunit.Abstractions;

namespace Attest.Evidence.Tests.Rules;

/// <summary>
/// The breadth figure of docs/rules.md: over every labelled fixture resource of trivy's AWS checks and the AWS Guard Rules
/// Registry tests, how many are spoken to by some rule of ours (breadth), and, where one of our rules claims the fixture's
/// check as its equivalent, how often we agree with the label (agreement).
/// </summary>
public sealed class LabeledBreadthTests(ITestOutputHelper output)
{
    /// <summary>One labelled fixture: a snippet or test template, the check it is labelled for, and its label.</summary>
    private sealed record Fixture(string Tool, string Check, string Framework, string Name, IacDocument Document, string Label, HashSet<string> Subjects);

    [SharedFact]
    public void At_least_60_percent_of_labelled_resources_are_spoken_to_and_claimed_checks_agree_at_95_percent()
    {
        var fixtures = TrivyFixtures().Concat(GuardFixtures()).ToList();
        var claims = Claims();
        var labelled = 0;
        var spoken = 0;
        var claimed = 0;
        var agreed = 0;
        var byCheck = new Dictionary<string, (int Resources, int Spoken, int Claimed, int Agreed)>(StringComparer.Ordinal);
        var silent = new List<string>();
        foreach (var fixture in fixtures)
        {
            var findings = RuleSet.Scan(fixture.Document);
            var subjects = fixture.Document.Resources.Where(r => fixture.Subjects.Contains(r.Type)).ToList();
            var key = $"{fixture.Tool} {fixture.Check}";
            var row = byCheck.GetValueOrDefault(key);
            foreach (var resource in subjects)
            {
                labelled++;
                row.Resources++;
                if (findings.Any(f => f.Resource == resource.Address))
                {
                    spoken++;
                    row.Spoken++;
                }
                else
                {
                    silent.Add($"{key} ({fixture.Framework}) {fixture.Name}: {resource.Type} {resource.Address}");
                }
            }

            // Agreement, per fixture, with the rules that claim its check
            if (claims.GetValueOrDefault(fixture.Tool + ":" + fixture.Check) is { } ours && subjects.Count > 0)
            {
                var mine = findings.Where(f => ours.Contains(f.RuleId) && fixture.Subjects.Contains(f.ResourceType)).ToList();
                var verdict = mine.Count == 0 ? "SKIP" : mine.Any(f => f.Outcome == FindingOutcome.Fail) ? "FAIL" : "PASS";
                var agrees = fixture.Label == "FAIL" ? verdict == "FAIL" : verdict != "FAIL";
                claimed++;
                row.Claimed++;
                if (agrees)
                {
                    agreed++;
                    row.Agreed++;
                }
            }

            byCheck[key] = row;
        }

        var breadth = (double)spoken / labelled;
        var agreement = claimed == 0 ? 1 : (double)agreed / claimed;
        var report = new StringBuilder();
        report.AppendLine(CultureInfo.InvariantCulture, $"Labelled fixtures: {fixtures.Count}; labelled resources: {labelled}.");
        report.AppendLine(CultureInfo.InvariantCulture, $"Breadth: {spoken} of {labelled} labelled resources spoken to by some rule ({breadth:P1}).");
        report.AppendLine(CultureInfo.InvariantCulture, $"Agreement: {agreed} of {claimed} fixtures whose check one of our rules claims ({agreement:P1}).");
        report.AppendLine();
        report.AppendLine("| tool | check | resources | spoken to | claimed fixtures | agreed |");
        report.AppendLine("|---|---|---:|---:|---:|---:|");
        foreach (var (key, row) in byCheck.OrderBy(p => p.Key, StringComparer.Ordinal))
        {
            var parts = key.Split(' ', 2);
            report.AppendLine(CultureInfo.InvariantCulture, $"| {parts[0]} | {parts[1]} | {row.Resources} | {row.Spoken} | {row.Claimed} | {row.Agreed} |");
        }

        report.AppendLine();
        report.AppendLine("Labelled resources no rule speaks to:");
        foreach (var line in silent)
        {
            report.AppendLine("- " + line);
        }

        var text = report.ToString();
        output.WriteLine(text);
        var artifacts = Path.Combine(AppContext.BaseDirectory, "artifacts");
        Directory.CreateDirectory(artifacts);
        File.WriteAllText(Path.Combine(artifacts, "labeled-breadth.md"), text);

        Assert.True(labelled >= 300, $"only {labelled} labelled resources");
        Assert.True(breadth >= 0.60, $"breadth {breadth:P1} is under 60%");
        Assert.True(agreement >= 0.95, $"agreement {agreement:P1} is under 95%");
    }

    /// <summary>Which of our rules claim each check: trivy checks through the reviewed mapping, guard rules through the rules' equivalents.</summary>
    private static Dictionary<string, HashSet<string>> Claims()
    {
        var claims = new Dictionary<string, HashSet<string>>(StringComparer.Ordinal);
        void Add(string key, string rule)
        {
            if (!claims.TryGetValue(key, out var set))
            {
                claims[key] = set = new HashSet<string>(StringComparer.Ordinal);
            }

            set.Add(rule);
        }

        foreach (var (check, rule) in LabeledAgreementTests.TrivyMapping)
        {
            Add("trivy:" + check, rule);
        }

        foreach (var rule in RuleSet.All)
        {
            foreach (var name in rule.Documentation.Equivalents)
            {
                Add("guard:" + name, rule.Documentation.Id);
            }
        }

        return claims;
    }

    /// <summary>
    /// Every trivy snippet. Its labelled resources are those of the check's subject types: the types present in every bad
    /// snippet of the framework (the resource that makes it bad is among them), or in any when they share none.
    /// </summary>
    private static IEnumerable<Fixture> TrivyFixtures()
    {
        foreach (var file in Directory.GetFiles(LabeledData.TrivyChecks, "*.yaml", SearchOption.AllDirectories).Order(StringComparer.Ordinal))
        {
            var check = Path.GetRelativePath(LabeledData.TrivyChecks, file).Replace('\\', '/')[..^".yaml".Length];
            var (root, error) = DocumentParser.Parse(File.ReadAllText(file), check, new DocumentLimits { AllowTags = true });
            Assert.True(root is MappingNode, $"{check}: {error}");
            foreach (var framework in new[] { "cloudformation", "terraform" })
            {
                var snippets = new List<(string Label, int Index, IacDocument Document)>();
                foreach (var label in new[] { "good", "bad" })
                {
                    if (Field(Field(root, framework), label) is not SequenceNode items)
                    {
                        continue;
                    }

                    for (var i = 0; i < items.Items.Count; i++)
                    {
                        if (items.Items[i] is ScalarNode { Value: var snippet })
                        {
                            var document = framework == "cloudformation"
                                ? CloudFormationReader.Read(snippet, $"{check}/{label}{i + 1}.yaml")
                                : TerraformReader.ReadModule(new Dictionary<string, string> { ["main.tf"] = snippet }, $"{check}/{label}{i + 1}", null, _ => null);
                            snippets.Add((label, i + 1, document));
                        }
                    }
                }

                var subjects = Subjects(snippets.Where(s => s.Label == "bad").Select(s => s.Document));
                foreach (var (label, index, document) in snippets)
                {
                    yield return new Fixture("trivy", check, framework, $"{label} #{index}", document, label == "bad" ? "FAIL" : "PASS", subjects);
                }
            }
        }
    }

    /// <summary>Every guard test template labelled PASS or FAIL for a rule; its labelled resources are those of the rule's subject types, found as for trivy.</summary>
    private static IEnumerable<Fixture> GuardFixtures()
    {
        var entries = new List<(string Rule, string Name, IacDocument Document, string Label)>();
        foreach (var file in Directory.GetFiles(LabeledData.GuardRules, "*_tests.yml", SearchOption.AllDirectories).Order(StringComparer.Ordinal))
        {
            var name = Path.GetRelativePath(LabeledData.GuardRules, file).Replace('\\', '/');
            var (root, error) = DocumentParser.Parse(File.ReadAllText(file), name, new DocumentLimits { AllowTags = true });
            Assert.True(root is SequenceNode, $"{name}: {error}");
            foreach (var entry in ((SequenceNode)root!).Items.OfType<MappingNode>())
            {
                if (Field(entry, "input") is not MappingNode input || Field(Field(entry, "expectations"), "rules") is not MappingNode rules)
                {
                    continue;
                }

                IacDocument? document = null;
                foreach (var (rule, expected) in rules.Entries.Select(e => (e.Key.Value, (e.Value as ScalarNode)?.Value)))
                {
                    if (expected is "PASS" or "FAIL")
                    {
                        document ??= CloudFormationTemplate.FromNode(input, name).ToDocument();
                        entries.Add((rule, $"{name} \"{(Field(entry, "name") as ScalarNode)?.Value}\"", document, expected));
                    }
                }
            }
        }

        foreach (var rule in entries.GroupBy(e => e.Rule, StringComparer.Ordinal))
        {
            var subjects = Subjects(rule.Where(e => e.Label == "FAIL").Select(e => e.Document));
            foreach (var (_, name, document, label) in rule)
            {
                yield return new Fixture("guard", rule.Key, "cloudformation", name, document, label, subjects);
            }
        }
    }

    private static HashSet<string> Subjects(IEnumerable<IacDocument> bad)
    {
        var types = bad.Select(d => d.Resources.Select(r => r.Type).ToHashSet(StringComparer.Ordinal)).Where(t => t.Count > 0).ToList();
        if (types.Count == 0)
        {
            return new HashSet<string>(StringComparer.Ordinal);
        }

        var shared = types.Skip(1).Aggregate(new HashSet<string>(types[0], StringComparer.Ordinal), (all, next) => { all.IntersectWith(next); return all; });
        return shared.Count > 0 ? shared : types.SelectMany(t => t).ToHashSet(StringComparer.Ordinal);
    }

    private static DocumentNode? Field(DocumentNode? node, string name) =>
        node is MappingNode map ? map.Entries.FirstOrDefault(e => e.Key.Value == name).Value : null;
}
