using System.Text;
using Attest.Evidence.Terraform;

namespace Attest.Evidence.Tests.Terraform;

public sealed class RobustnessTests
{
    private static readonly string[] Insertions = ["{", "\"", "${", "<<EOF\n", "<<EOF", "}", "%{", "[", "(", "~}", "/*"];

    [SharedFact]
    public void Mutated_corpus_files_parse_without_exceptions_and_with_positions_inside_the_file()
    {
        var files = TerraformCorpus.Files();
        var step = Math.Max(1, files.Count / 50);
        var sample = files.Where((_, i) => i % step == 0).Take(50).ToList();
        var parses = 0;

        for (var f = 0; f < sample.Count; f++)
        {
            var original = File.ReadAllBytes(sample[f]);
            var random = new Random(1000 + f);
            for (var m = 0; m < 20; m++)
            {
                var bytes = original;
                var mutations = random.Next(1, 4);
                for (var k = 0; k < mutations; k++)
                {
                    bytes = Mutate(bytes, random);
                }

                var source = Encoding.UTF8.GetString(bytes);
                var name = $"{Path.GetFileName(sample[f])}#{m}";
                var result = HclParser.Parse(source, name);
                parses++;

                var lines = source.Split('\n').Length;
                Assert.All(result.Diagnostics, d =>
                {
                    Assert.Equal(name, d.FileName);
                    Assert.InRange(d.Line, 1, lines);
                    Assert.True(d.Column >= 1, d.ToString());
                });
            }
        }

        Assert.Equal(sample.Count * 20, parses);
    }

    [SharedFact]
    public void Truncating_a_file_every_200_bytes_never_throws()
    {
        var text = File.ReadAllText(TerraformCorpus.Files().OrderByDescending(f => new FileInfo(f).Length).First());

        for (var length = 0; length < text.Length; length += 200)
        {
            var result = HclParser.Parse(text[..length], "truncated.tf");

            Assert.NotNull(result.File);
        }
    }

    private static byte[] Mutate(byte[] bytes, Random random)
    {
        var list = new List<byte>(bytes);
        var at = random.Next(list.Count + 1);
        var length = Math.Min(random.Next(1, 65), list.Count - at);
        switch (random.Next(4))
        {
            case 0:
                list.RemoveRange(at, length);
                break;
            case 1:
                list.InsertRange(random.Next(list.Count + 1), list.GetRange(at, length));
                break;
            case 2:
                var other = random.Next(list.Count - length + 1);
                var first = list.GetRange(at, length);
                var second = list.GetRange(other, length);
                list.RemoveRange(at, length);
                list.InsertRange(at, second);
                list.RemoveRange(other, length);
                list.InsertRange(other, first);
                break;
            default:
                list.InsertRange(at, Encoding.UTF8.GetBytes(Insertions[random.Next(Insertions.Length)]));
                break;
        }

        return [.. list];
    }
}
