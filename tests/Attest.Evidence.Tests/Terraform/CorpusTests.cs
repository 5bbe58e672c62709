using System.Diagnostics;
using System.Text;
using Attest.Evidence.Terraform;
using Xunit.Abstractions;

namespace Attest.Evidence.Tests.Terraform;

public sealed class CorpusTests(ITestOutputHelper output)
{
    [SharedFact]
    public void Every_corpus_file_parses_without_diagnostics()
    {
        var files = TerraformCorpus.Files();
        Assert.NotEmpty(files);
        var sources = files.Select(f => (Path: f, Text: File.ReadAllText(f))).ToList();

        var failures = new List<string>();
        var clock = Stopwatch.StartNew();
        foreach (var (path, text) in sources)
        {
            var result = HclParser.Parse(text, Path.GetRelativePath(TerraformCorpus.RequireDirectory(), path));
            if (result.HasErrors)
            {
                failures.Add($"{result.Diagnostics[0]} ({result.Diagnostics.Count} diagnostic(s))");
            }
        }

        clock.Stop();
        output.WriteLine($"Parsed {sources.Count} corpus files ({sources.Sum(s => s.Text.Length):N0} chars) in {clock.ElapsedMilliseconds} ms");

        var message = new StringBuilder($"{failures.Count} of {sources.Count} corpus files have diagnostics; the first 20:");
        foreach (var failure in failures.Take(20))
        {
            message.AppendLine().Append("  ").Append(failure);
        }

        Assert.True(failures.Count == 0, message.ToString());
    }
}
