using System.Diagnostics;
using System.Text;
using Attest.Evidence.CloudFormation;
using Xunit.Abstractions;

namespace Attest.Evidence.Tests.CloudFormation;

public sealed class RobustnessTests(ITestOutputHelper output)
{
    private static readonly string[] Insertions = ["!If ", "{", "[", "&a ", "*a ", "\"", "'", "!Ref ", "!Sub '${", "Fn::If: ", "- ", ": ", "\n  ", "!GetAtt ", "${", "\t"];

    [SharedFact]
    public void Mutated_corpus_templates_read_without_exceptions_and_with_problems_inside_the_file()
    {
        var files = SharedData.CorpusTemplates();
        var step = Math.Max(1, files.Count / 50);
        var sample = files.Where((_, i) => i % step == 0).Take(50).ToList();
        var reads = 0;
        var clock = Stopwatch.StartNew();

        for (var f = 0; f < sample.Count; f++)
        {
            var original = File.ReadAllText(sample[f]);
            var random = new Random(2000 + f);
            for (var m = 0; m < 12; m++)
            {
                var text = original;
                var mutations = random.Next(1, 4);
                for (var k = 0; k < mutations; k++)
                {
                    text = Mutate(text, random);
                }

                var name = $"{Path.GetFileName(sample[f])}#{m}";
                var template = CloudFormationTemplate.Parse(text, name);
                var lines = text.Split('\n').Length;
                Assert.All(template.Problems, p =>
                {
                    Assert.Equal(name, p.Location.File);
                    Assert.InRange(p.Location.Line, 1, lines + 1);
                    Assert.True(p.Location.Column >= 1, p.ToString());
                });
                foreach (var resource in template.Resources)
                {
                    _ = resource.ValuesAt();
                    _ = resource.LocationOf("*", "*");
                    _ = resource.ReferencedResources();
                }

                reads++;
            }
        }

        output.WriteLine($"{reads} mutated templates read and resolved in {clock.ElapsedMilliseconds} ms");
        Assert.Equal(sample.Count * 12, reads);
    }

    [SharedFact]
    public void Truncating_a_template_anywhere_never_throws()
    {
        var text = File.ReadAllText(SharedData.CorpusTemplates().Where(f => f.EndsWith(".yaml", StringComparison.Ordinal)).OrderByDescending(f => new FileInfo(f).Length).First());

        for (var length = 0; length < text.Length; length += Math.Max(1, text.Length / 150))
        {
            var document = CloudFormationReader.Read(text[..length], "truncated.yaml");

            Assert.All(document.Problems, p => Assert.InRange(p.Location.Line, 1, text[..length].Split('\n').Length + 1));
            Assert.All(document.Resources, r => r.ValuesAt());
        }
    }

    [Fact]
    public void Hostile_resolution_stays_bounded()
    {
        // Conditions chained 60 deep, Ifs holding 65,536 paths, a Select over a Split of a long text
        var conditions = new StringBuilder("Conditions:\n  C0: !Equals [!Ref P, x]\n");
        for (var i = 1; i < 60; i++)
        {
            conditions.Append($"  C{i}: !Or [!Condition C{i - 1}, !Not [!Condition C{i - 1}]]\n");
        }

        // Each If holds the previous one twice, through aliases: many paths in a few lines, below the alias-bomb limit
        var nested = new StringBuilder("      N0: &n0 !If [C59, a, b]\n");
        for (var i = 1; i <= 16; i++)
        {
            nested.Append($"      N{i}: &n{i} !If [C{i - 1}, *n{i - 1}, *n{i - 1}]\n");
        }

        var text = "Parameters:\n  P: {Type: String}\n" + conditions + Cfn.WithProperties($"{nested}      S: !Select [500, !Split [',', '{string.Join(",", Enumerable.Range(0, 1000))}']]");
        var clock = Stopwatch.StartNew();
        var template = CloudFormationTemplate.Parse(text, "hostile.yaml");
        var resource = template.Resource("R")!;

        Assert.Empty(template.Problems);
        Assert.InRange(resource.ValuesAt("N16").Values.Count, 1, 64);
        Assert.InRange(resource.ValuesAt().Values.Count, 1, 64);
        Assert.Equal(["500"], Cfn.Shown(resource.ValuesAt("S")));
        output.WriteLine($"hostile template resolved in {clock.ElapsedMilliseconds} ms");
    }

    private static string Mutate(string text, Random random)
    {
        var at = random.Next(text.Length + 1);
        var length = Math.Min(random.Next(1, 80), text.Length - at);
        switch (random.Next(4))
        {
            case 0:
                return text.Remove(at, length);
            case 1:
                return text.Insert(random.Next(text.Length + 1), text.Substring(at, length));
            case 2:
                var other = random.Next(text.Length - length + 1);
                var (first, second) = at < other ? (at, other) : (other, at);
                if (first + length > second)
                {
                    return text;
                }

                var a = text.Substring(first, length);
                var b = text.Substring(second, length);
                return text[..first] + b + text[(first + length)..second] + a + text[(second + length)..];
            default:
                return text.Insert(at, Insertions[random.Next(Insertions.Length)]);
        }
    }
}
