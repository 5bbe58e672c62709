using System.Diagnostics;
using System.Globalization;
using Attest.Core.Findings;
using Attest.Evidence.CloudFormation;
using Attest.Evidence.Model;
using Attest.Evidence.Rules;
using Attest.Evidence.Tests.Terraform.Evaluation;
using Xunit.Abstractions;

namespace Attest.Evidence.Tests.Rules;

/// <summary>Every rule over every template and module of the corpus: no exception, and the counts per rule and outcome.</summary>
public sealed class RuleCorpusTests(ITestOutputHelper output)
{
    [SharedFact]
    public void Every_rule_runs_over_every_cloudformation_corpus_template_without_exception()
    {
        var files = Directory.GetFiles(LabeledData.CloudFormationCorpus, "*", SearchOption.AllDirectories)
            .Where(f => Path.GetExtension(f) is ".json" or ".yaml" or ".yml" or ".template")
            .Order(StringComparer.Ordinal)
            .ToList();
        Assert.True(files.Count >= 290, $"only {files.Count} templates under {LabeledData.CloudFormationCorpus}");
        var documents = files.Select(f => CloudFormationReader.Read(File.ReadAllText(f), Path.GetRelativePath(LabeledData.CloudFormationCorpus, f))).ToList();
        Report("CloudFormation", documents, expectedResources: 2000);
    }

    [SharedFact]
    public void Every_rule_runs_over_every_terraform_corpus_module_without_exception()
    {
        var folders = CorpusEvaluationTests.ModuleFolders();
        Assert.True(folders.Count > 250, $"only {folders.Count} module folders");
        var documents = folders.Select(f => CorpusEvaluationTests.ReadCorpusModule(f)).ToList();
        Report("Terraform", documents, expectedResources: 1000);
    }

    private void Report(string framework, List<IacDocument> documents, int expectedResources)
    {
        var counts = RuleSet.All.ToDictionary(r => r.Documentation.Id, _ => new int[3], StringComparer.Ordinal);
        var failures = new List<string>();
        var clock = Stopwatch.StartNew();
        foreach (var document in documents)
        {
            var unit = new ScanUnit(document);
            foreach (var rule in RuleSet.All)
            {
                try
                {
                    foreach (var finding in rule.Check(unit))
                    {
                        counts[rule.Documentation.Id][(int)finding.Outcome]++;
                        Assert.False(string.IsNullOrEmpty(finding.Message.In(Core.Text.Language.En)));
                        Assert.False(string.IsNullOrEmpty(finding.Message.In(Core.Text.Language.Fr)));
                        Assert.True(finding.Line >= 1, $"{rule.Documentation.Id} {finding.Resource}: line {finding.Line}");
                    }
                }
                catch (Exception e) when (e is not Xunit.Sdk.XunitException)
                {
                    failures.Add($"{document.File} {rule.Documentation.Id}: {e.GetType().Name}: {e.Message}");
                }
            }
        }

        clock.Stop();
        output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{framework}: {documents.Count} units, {documents.Sum(d => d.Resources.Count)} resources, every rule in {clock.ElapsedMilliseconds} ms"));
        output.WriteLine($"{"rule",-34} {"pass",7} {"fail",7} {"unknown",8}");
        foreach (var (rule, c) in counts)
        {
            output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{rule,-34} {c[(int)FindingOutcome.Pass],7} {c[(int)FindingOutcome.Fail],7} {c[(int)FindingOutcome.Unknown],8}"));
        }

        Assert.True(documents.Sum(d => d.Resources.Count) > expectedResources, "too few resources read");
        Assert.Empty(failures);
        Assert.True(counts.Values.Sum(c => c.Sum()) > expectedResources, "too few findings");
    }
}
