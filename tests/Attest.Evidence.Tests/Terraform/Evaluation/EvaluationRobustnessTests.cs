using System.Diagnostics;
using System.Text;
using Attest.Evidence.Terraform.Evaluation;
using Xunit.Abstractions;

namespace Attest.Evidence.Tests.Terraform.Evaluation;

public sealed class EvaluationRobustnessTests(ITestOutputHelper output)
{
    private static readonly string[] Insertions =
    [
        "{", "}", "\"", "${", "[", "]", "(", ")", "?", ":", "...", "count.index", "each.value", "var.x", "null", "0", "-1",
        "for k, v in ", "dynamic \"x\" {", "module \"m\" { source = \"./\" }", "local.", "[*]", "\n", "99999999999999999999999999999999",
    ];

    [SharedFact]
    public void Mutated_corpus_modules_evaluate_without_exceptions()
    {
        var folders = CorpusEvaluationTests.ModuleFolders();
        var step = Math.Max(1, folders.Count / 40);
        var sample = folders.Where((_, i) => i % step == 0).Take(40).ToList();
        var clock = Stopwatch.StartNew();
        var readings = 0;
        for (var f = 0; f < sample.Count; f++)
        {
            for (var m = 0; m < 6; m++)
            {
                var random = new Random((f * 100) + m);
                var document = CorpusEvaluationTests.ReadCorpusModule(sample[f], (_, files) => Mutate(files, random));
                readings++;
                Assert.NotNull(document);
                foreach (var resource in document.Resources.Cast<TerraformResource>().Take(20))
                {
                    Assert.NotNull(resource.ValuesAt("tags"));
                    Assert.NotNull(resource.ReferencedResources());
                    Assert.True(resource.LocationOf("tags", "*").Line >= 1);
                }

                Assert.DoesNotContain(document.Problems, p => p.Message.StartsWith("internal error", StringComparison.Ordinal));
            }
        }

        output.WriteLine($"{readings} mutated readings of {sample.Count} folders in {clock.ElapsedMilliseconds} ms");
    }

    [Fact]
    public void Hostile_expressions_finish()
    {
        var clock = Stopwatch.StartNew();
        var hostile = new[]
        {
            // Exponential alternatives.
            "locals {\n" + string.Join("\n", Enumerable.Range(0, 30).Select(i => $"  l{i} = var.c{i} ? local.l{i + 1} : [local.l{i + 1}, local.l{i + 1}]")) + "\n  l30 = 1\n}\n"
                + string.Join("\n", Enumerable.Range(0, 30).Select(i => $"variable \"c{i}\" {{}}")) + "\nresource \"r\" \"r\" {\n  v = jsonencode(local.l0)\n}\n",
            // Doubling collections.
            "locals {\n" + string.Join("\n", Enumerable.Range(0, 40).Select(i => $"  d{i} = concat(local.d{i + 1}, local.d{i + 1})")) + "\n  d40 = [1]\n}\nresource \"r\" \"r\" {\n  v = length(local.d0)\n}\n",
            // Doubling strings.
            "locals {\n" + string.Join("\n", Enumerable.Range(0, 40).Select(i => $"  s{i} = \"${{local.s{i + 1}}}${{local.s{i + 1}}}\"")) + "\n  s40 = \"ab\"\n}\nresource \"r\" \"r\" {\n  v = local.s0\n}\n",
            // Large for expressions and dynamic blocks.
            "resource \"r\" \"r\" {\n  v = [for i in range(1000) : [for j in range(1000) : i * j]]\n  dynamic \"d\" {\n    for_each = range(1000)\n    content {\n      x = [for j in range(1000) : j]\n    }\n  }\n}\n",
            // Self-referencing resources and data sources.
            "resource \"a\" \"a\" {\n  v = a.a.id\n}\ndata \"aws_iam_policy_document\" \"p\" {\n  source_policy_documents = [data.aws_iam_policy_document.p.json]\n}\n",
            // Big counts.
            "resource \"a\" \"a\" {\n  count = 100000000\n  v = count.index\n}\nresource \"b\" \"b\" {\n  for_each = { for i in range(1000) : tostring(i) => i }\n  v = each.value\n}\n",
        };

        foreach (var text in hostile)
        {
            var one = Stopwatch.StartNew();
            var document = TerraformReader.ReadModule(new Dictionary<string, string> { ["main.tf"] = text }, "h", null, _ => null);
            foreach (var resource in document.Resources)
            {
                Assert.NotEmpty(resource.ValuesAt("v").Values);
                Assert.NotEmpty(resource.ValuesAt().Values);
            }

            output.WriteLine($"{one.ElapsedMilliseconds} ms: {text[..Math.Min(60, text.Length)].ReplaceLineEndings(" ")}");
        }

        output.WriteLine($"hostile inputs in {clock.ElapsedMilliseconds} ms");
        Assert.True(clock.ElapsedMilliseconds < 10_000, $"took {clock.ElapsedMilliseconds} ms");
    }

    private static Dictionary<string, string> Mutate(IReadOnlyDictionary<string, string> files, Random random)
    {
        var result = files.ToDictionary(f => f.Key, f => f.Value);
        var names = result.Keys.Order(StringComparer.Ordinal).ToList();
        if (names.Count == 0)
        {
            return result;
        }

        for (var k = random.Next(1, 4); k > 0; k--)
        {
            var name = names[random.Next(names.Count)];
            var text = new StringBuilder(result[name]);
            var at = random.Next(text.Length + 1);
            var length = Math.Min(random.Next(1, 80), text.Length - at);
            switch (random.Next(4))
            {
                case 0:
                    text.Remove(at, length);
                    break;
                case 1:
                    text.Insert(random.Next(text.Length + 1), text.ToString(at, length));
                    break;
                case 2:
                    text.Insert(at, Insertions[random.Next(Insertions.Length)]);
                    break;
                default:
                    var other = names[random.Next(names.Count)];
                    var donor = result[other];
                    var from = random.Next(donor.Length + 1);
                    text.Insert(at, donor.AsSpan(from, Math.Min(random.Next(1, 200), donor.Length - from)));
                    break;
            }

            result[name] = text.ToString();
        }

        return result;
    }
}
