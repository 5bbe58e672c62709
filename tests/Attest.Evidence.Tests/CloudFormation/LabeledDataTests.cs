using Attest.Core.Documents;
using Attest.Evidence.CloudFormation;
using Xunit.Abstractions;

namespace Attest.Evidence.Tests.CloudFormation;

public sealed class LabeledDataTests(ITestOutputHelper output)
{
    [SharedFact]
    public void Every_guard_rules_registry_test_input_reads_as_a_template()
    {
        var files = Directory.GetFiles(SharedData.GuardRulesDirectory, "*_tests.yml", SearchOption.AllDirectories).Order(StringComparer.Ordinal).ToList();
        var inputs = 0;
        var resources = 0;
        var unreadable = new List<string>();
        foreach (var file in files)
        {
            var name = Path.GetRelativePath(SharedData.GuardRulesDirectory, file);
            var (root, error) = DocumentParser.Parse(File.ReadAllText(file), name, new DocumentLimits { AllowTags = true });
            if (root is not SequenceNode cases)
            {
                unreadable.Add($"{name}: {error}");
                continue;
            }

            foreach (var input in cases.Items.OfType<MappingNode>().SelectMany(c => c.Entries).Where(e => e.Key.Value == "input").Select(e => e.Value))
            {
                var template = CloudFormationTemplate.FromNode(input, name);
                inputs++;
                resources += template.Resources.Count;
                foreach (var resource in template.Resources)
                {
                    _ = resource.ValuesAt();
                    _ = resource.MetadataAt();
                }
            }
        }

        output.WriteLine($"{files.Count} files, {inputs} inputs, {resources} resources");
        Assert.True(files.Count >= 150, $"only {files.Count} test files under {SharedData.GuardRulesDirectory}");
        Assert.Empty(unreadable);
        Assert.True(inputs > 1000, $"only {inputs} inputs");
    }
}
