using System.Diagnostics;
using Attest.Evidence.CloudFormation;
using Xunit.Abstractions;

namespace Attest.Evidence.Tests.CloudFormation;

public sealed class CorpusTests(ITestOutputHelper output)
{
    // Rain (`rain pkg`) templates whose resources include modules, and one module whose parameter is used as a resource:
    // not plain CloudFormation until packaged, so each has problems saying so
    private static readonly string[] NotPlainCloudFormation =
    [
        "aws-cloudformation-templates/CloudFormation/StackSets/common-resources.json",
        "aws-cloudformation-templates/CloudFormation/StackSets/common-resources.yaml",
        "aws-cloudformation-templates/RainModules/api-resource.yml",
        "aws-cloudformation-templates/RainModules/bucket.yml",
        "aws-cloudformation-templates/RainModules/static-site.yml",
        "aws-cloudformation-templates/Solutions/GitLab/GitLabServer.json",
        "aws-cloudformation-templates/Solutions/GitLab/GitLabServer.yaml",
        "aws-cloudformation-templates/Solutions/GitLabAndVSCode/GitLabAndVSCode.json",
        "aws-cloudformation-templates/Solutions/GitLabAndVSCode/GitLabAndVSCode.yaml",
        "aws-cloudformation-templates/Solutions/Gitea/Gitea.json",
        "aws-cloudformation-templates/Solutions/Gitea/Gitea.yaml",
        "aws-cloudformation-templates/Solutions/VSCode/VSCodeServer.json",
        "aws-cloudformation-templates/Solutions/VSCode/VSCodeServer.yaml",
    ];

    // Files of the corpus that are not templates: licence texts, and macro request payloads (JSON holding a template fragment)
    private static readonly string[] NotTemplates =
    [
        "aws-cloudformation-templates/CloudFormation/MacrosExamples/Count/event.json",
        "aws-cloudformation-templates/CloudFormation/MacrosExamples/Count/event_bad.json",
        "aws-cloudformation-templates/LICENSE.txt",
        "aws-cloudformation-templates/NOTICE.txt",
    ];

    [SharedFact]
    public void Every_corpus_file_reads_without_exception_and_only_rain_templates_have_problems()
    {
        var files = SharedData.CorpusTemplates();
        var texts = files.ToDictionary(f => f, File.ReadAllText);
        var clock = Stopwatch.StartNew();
        var templates = files.Select(f => CloudFormationTemplate.Parse(texts[f], Relative(f))).ToList();
        clock.Stop();

        var withProblems = templates.Where(t => t.Problems.Count > 0).ToList();
        foreach (var t in withProblems)
        {
            output.WriteLine($"{t.File}: {string.Join(" | ", t.Problems.Select(p => $"{p.Location.Line}:{p.Location.Column} {p.Message}"))}");
        }

        output.WriteLine($"{templates.Count} files, {templates.Sum(t => t.Resources.Count)} resources read in {clock.ElapsedMilliseconds} ms");
        Assert.True(files.Count >= 290, $"only {files.Count} templates found in {SharedData.CorpusDirectory}");
        Assert.Equal(NotPlainCloudFormation, withProblems.Select(t => t.File).Order(StringComparer.Ordinal));
        Assert.All(templates.Where(t => !NotTemplates.Contains(t.File)), t => Assert.NotEmpty(t.Resources));
    }

    [SharedFact]
    public void Every_corpus_template_looks_like_one_and_the_other_files_do_not()
    {
        var judged = SharedData.CorpusFiles().ToDictionary(Relative, f => CloudFormationReader.LooksLikeTemplate(File.ReadAllText(f)));

        Assert.Equal(NotTemplates, judged.Where(j => !j.Value).Select(j => j.Key).Order(StringComparer.Ordinal));
        Assert.True(judged.Count(j => j.Value) >= 290);
    }

    [SharedFact]
    public void Every_top_level_property_of_every_corpus_resource_resolves()
    {
        var values = 0;
        var unknown = 0;
        var clock = Stopwatch.StartNew();
        foreach (var file in SharedData.CorpusTemplates())
        {
            var template = CloudFormationTemplate.Parse(File.ReadAllText(file), Relative(file));
            foreach (var resource in template.Resources)
            {
                var properties = resource.ValuesAt();
                Assert.NotEmpty(properties.Values);
                foreach (var name in resource.Properties is Core.Documents.MappingNode m ? m.Entries.Select(e => e.Key.Value) : [])
                {
                    var set = resource.ValuesAt(name);
                    values += set.Values.Count;
                    unknown += set.Values.Count(v => v.IsUnknown);
                    Assert.InRange(set.Values.Count, 0, 64);
                    _ = resource.LocationOf(name);
                    _ = resource.ReferencedResources(name);
                }
            }
        }

        output.WriteLine($"{values} property values ({unknown} unknown) resolved in {clock.ElapsedMilliseconds} ms");
    }

    private static string Relative(string file) => SharedData.Relative(file).Replace('\\', '/');
}
