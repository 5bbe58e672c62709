using Attest.Core.Findings;
using Attest.Evidence.CloudFormation;
using Attest.Evidence.Model;
using Attest.Evidence.Rules;
using Attest.Evidence.Terraform;
using Attest.Evidence.Terraform.Evaluation;
using BenchmarkDotNet.Attributes;

namespace Attest.Benchmarks;

/// <summary>
/// Infrastructure as code (issue 4): reading and scanning CloudFormation with every rule, parsing and evaluating Terraform.
/// Inputs are read from the shared corpus in <see cref="Setup"/>; nothing in a benchmark touches the disk.
/// </summary>
[MemoryDiagnoser]
public class IacBenchmarks
{
    /// <summary>A typical template of the corpus: 11 KB, 23 resources (VPC, Aurora, DMS, S3, security groups, IAM roles), parameters and conditions.</summary>
    public const string TypicalTemplate = "aws-cloudformation-templates/DMS/DMSAuroraToS3FullLoadAndOngoingReplication.yaml";

    /// <summary>The largest <c>.tf</c> file of the corpus that is mostly resources (61 KB).</summary>
    public const string LargeTerraformFile = "terraform-aws-vpc/main.tf";

    /// <summary>
    /// A corpus root module evaluated with the local module it calls: the S3 bucket module's "complete" example (10 KB), which
    /// calls the module itself (<c>../../</c>, 45 KB of variables, locals, count, for_each, dynamic blocks) several times.
    /// </summary>
    public const string TerraformModule = "terraform-aws-s3-bucket/examples/complete";

    private string typical = null!;
    private string synthetic = null!;
    private (string Text, string File)[] corpus = null!;
    private string largeTf = null!;
    private Dictionary<string, string> moduleFiles = null!;
    private Dictionary<string, Dictionary<string, string>?> localModules = null!;

    [GlobalSetup]
    public void Setup()
    {
        typical = File.ReadAllText(Path.Combine(SharedCorpus.CloudFormation, TypicalTemplate));
        synthetic = SyntheticTemplate.Generate(500);
        corpus = CorpusTemplates().ToArray();
        largeTf = File.ReadAllText(Path.Combine(SharedCorpus.Terraform, LargeTerraformFile));

        var folder = Path.Combine(SharedCorpus.Terraform, TerraformModule);
        moduleFiles = TerraformFolder.Read(folder);
        localModules = new Dictionary<string, Dictionary<string, string>?>(StringComparer.Ordinal);

        // One reading with disk access fills the cache of local modules; the benchmark then reads from memory only
        TerraformReader.ReadModule(moduleFiles, TerraformModule, null, relative =>
        {
            var child = Path.GetFullPath(Path.Combine(folder, relative));
            return localModules[relative] = Directory.Exists(child) ? TerraformFolder.Read(child) : null;
        });
    }

    /// <summary>Every template of the CloudFormation corpus (.yaml, .yml, .json), as text, in a stable order.</summary>
    public static IEnumerable<(string Text, string File)> CorpusTemplates() =>
        Directory.EnumerateFiles(SharedCorpus.CloudFormation, "*", SearchOption.AllDirectories)
            .Where(f => Path.GetExtension(f) is ".yaml" or ".yml" or ".json")
            .Order(StringComparer.Ordinal)
            .Select(f => (File.ReadAllText(f), f));

    [Benchmark(Description = "CFN: read + scan one typical template (23 resources)")]
    public IReadOnlyList<EvidenceFinding> ScanTypical() => RuleSet.Scan(CloudFormationReader.Read(typical, "typical.yaml"));

    [Benchmark(Description = "CFN: read + scan the synthetic 500-resource template")]
    public IReadOnlyList<EvidenceFinding> ScanSynthetic500() => RuleSet.Scan(CloudFormationReader.Read(synthetic, "synthetic.yaml"));

    [Benchmark(Description = "CFN: read + scan the whole corpus (298 files), in process")]
    public int ScanCorpus()
    {
        var findings = 0;
        foreach (var (text, file) in corpus)
        {
            if (CloudFormationReader.LooksLikeTemplate(text))
            {
                findings += RuleSet.Scan(CloudFormationReader.Read(text, file)).Count;
            }
        }

        return findings;
    }

    [Benchmark(Description = "TF: parse terraform-aws-vpc/main.tf (61 KB)")]
    public HclParseResult ParseLargeTf() => HclParser.Parse(largeTf, "main.tf");

    [Benchmark(Description = "TF: evaluate terraform-aws-s3-bucket/examples/complete (ReadModule)")]
    public IacDocument ReadModule() => TerraformReader.ReadModule(moduleFiles, TerraformModule, null, relative => localModules.GetValueOrDefault(relative));
}

/// <summary>The files of a Terraform folder that <see cref="TerraformReader.ReadModule"/> reads, by file name (as <c>attest scan</c> collects them).</summary>
public static class TerraformFolder
{
    /// <summary>Reads the <c>.tf</c> and auto-loaded variable files of <paramref name="folder"/>.</summary>
    public static Dictionary<string, string> Read(string folder)
    {
        var files = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var file in Directory.EnumerateFiles(folder).Order(StringComparer.Ordinal))
        {
            var name = Path.GetFileName(file);
            if (name.EndsWith(".tf", StringComparison.Ordinal) || name is "terraform.tfvars" or "terraform.tfvars.json"
                || name.EndsWith(".auto.tfvars", StringComparison.Ordinal) || name.EndsWith(".auto.tfvars.json", StringComparison.Ordinal))
            {
                files[name] = File.ReadAllText(file);
            }
        }

        return files;
    }
}
