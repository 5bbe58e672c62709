using System.Diagnostics;
using System.Text.RegularExpressions;
using Attest.Evidence.Model;
using Attest.Evidence.Terraform.Evaluation;
using Xunit.Abstractions;

namespace Attest.Evidence.Tests.Terraform.Evaluation;

public sealed partial class CorpusEvaluationTests(ITestOutputHelper output)
{
    /// <summary>Every folder of the corpus holding .tf files, relative to the corpus root.</summary>
    internal static IReadOnlyList<string> ModuleFolders() =>
        TerraformCorpus.Files()
            .Select(f => Path.GetRelativePath(TerraformCorpus.RequireDirectory(), Path.GetDirectoryName(f)!).Replace('\\', '/'))
            .Distinct()
            .Order(StringComparer.Ordinal)
            .ToList();

    /// <summary>The Terraform files of a folder (not its subfolders), by name.</summary>
    internal static IReadOnlyDictionary<string, string>? FolderFiles(string fullPath)
    {
        if (!Directory.Exists(fullPath))
        {
            return null;
        }

        return Directory.GetFiles(fullPath)
            .Where(f => f.EndsWith(".tf", StringComparison.Ordinal) || f.Contains(".tfvars", StringComparison.Ordinal))
            .ToDictionary(f => Path.GetFileName(f), File.ReadAllText);
    }

    /// <summary>Reads a corpus folder as a module; the test, not the evaluator, reads the local modules' folders.</summary>
    internal static IacDocument ReadCorpusModule(string folder, Func<string, IReadOnlyDictionary<string, string>, IReadOnlyDictionary<string, string>>? transform = null)
    {
        var root = TerraformCorpus.RequireDirectory();
        var full = Path.GetFullPath(Path.Combine(root, folder));
        IReadOnlyDictionary<string, string> Load(string relative, IReadOnlyDictionary<string, string> files) =>
            transform is null ? files : transform(relative, files);

        return TerraformReader.ReadModule(Load(".", FolderFiles(full)!), folder, null, relative =>
        {
            var target = Path.GetFullPath(Path.Combine(full, relative));
            if (!target.StartsWith(root, StringComparison.Ordinal) || FolderFiles(target) is not { } files)
            {
                return null;
            }

            return Load(relative, files);
        });
    }

    [SharedFact]
    public void Every_corpus_folder_evaluates_and_the_unknowns_are_reported_by_kind()
    {
        var folders = ModuleFolders();
        Assert.True(folders.Count > 250, $"only {folders.Count} folders");
        var clock = Stopwatch.StartNew();
        var resources = 0;
        var byType = new Dictionary<string, int>(StringComparer.Ordinal);
        var reasons = new Dictionary<string, int>(StringComparer.Ordinal);
        var problems = new Dictionary<string, int>(StringComparer.Ordinal);
        var values = 0;
        var unknownValues = 0;
        foreach (var folder in folders)
        {
            var document = ReadCorpusModule(folder);
            foreach (var problem in document.Problems)
            {
                Count(problems, ProblemKind(problem.Message));
            }

            foreach (var resource in document.Resources.Cast<TerraformResource>())
            {
                resources++;
                Count(byType, resource.IsDataSource ? "data" : "managed");
                if (resource.NeverCreated)
                {
                    // Their values are those of instances that do not exist; the reasons would drown the others.
                    Count(byType, "never created with the given inputs");
                    continue;
                }

                foreach (var possible in resource.ValuesAt().Values)
                {
                    foreach (var leaf in Leaves(possible.Value, 0))
                    {
                        values++;
                        if (leaf is UnknownValue unknown)
                        {
                            unknownValues++;
                            Count(reasons, ReasonKind(unknown.Why));
                        }
                    }
                }
            }
        }

        clock.Stop();
        output.WriteLine($"{folders.Count} folders evaluated in {clock.ElapsedMilliseconds} ms: {resources} resources ({string.Join(", ", byType.Select(t => $"{t.Value} {t.Key}"))})");
        output.WriteLine($"Resources that may be created: {values} leaf values, {unknownValues} unknown ({100.0 * unknownValues / Math.Max(1, values):F1}%)");
        output.WriteLine("Unknown reasons by kind:");
        foreach (var (kind, count) in reasons.OrderByDescending(r => r.Value).Take(40))
        {
            output.WriteLine($"  {count,7}  {kind}");
        }

        output.WriteLine("Problems by kind:");
        foreach (var (kind, count) in problems.OrderByDescending(r => r.Value).Take(20))
        {
            output.WriteLine($"  {count,7}  {kind}");
        }

        Assert.True(resources > 1000, $"only {resources} resources");
        Assert.DoesNotContain(problems.Keys, k => k.StartsWith("internal error", StringComparison.Ordinal));
        Assert.DoesNotContain(problems.Keys, k => k.StartsWith("syntax error", StringComparison.Ordinal));
    }

    [SharedTheory]
    [InlineData("terraform-aws-s3-bucket", "aws_s3_bucket.this", "aws_s3_bucket_public_access_block.this", "bucket")]
    [InlineData("terraform-aws-s3-bucket", "aws_s3_bucket.this", "aws_s3_bucket_policy.this", "bucket")]
    [InlineData("terraform-aws-s3-bucket", "aws_s3_bucket.this", "aws_s3_bucket_server_side_encryption_configuration.this", "bucket")]
    [InlineData("terraform-aws-vpc", "aws_vpc.this", "aws_subnet.private", "vpc_id")]
    [InlineData("terraform-aws-eks", "aws_eks_cluster.this", "aws_eks_access_entry.this", "cluster_name")]
    [InlineData("terraform-aws-rds", "module.db_instance.aws_db_instance.this", null, null)]
    [InlineData("terraform-aws-rds-aurora", "aws_rds_cluster.this", "aws_rds_cluster_instance.this", "cluster_identifier")]
    [InlineData("terraform-aws-security-group", "aws_security_group.this_name_prefix", "aws_security_group_rule.ingress_rules", "security_group_id")]
    [InlineData("terraform-aws-iam/modules/iam-role", "aws_iam_role.this", "aws_iam_role_policy_attachment.this", "role")]
    [InlineData("terraform-aws-cloudwatch/modules/log-group", "aws_cloudwatch_log_group.this", null, null)]
    [InlineData("terraform-aws-cloudwatch/modules/metric-alarm", "aws_cloudwatch_metric_alarm.this", null, null)]
    public void Each_repository_yields_its_main_resources(string folder, string main, string? linked, string? attribute)
    {
        var document = ReadCorpusModule(folder);
        var resource = document.Resource(main);
        Assert.False(resource.NeverCreated, $"{main}: {resource.Multiplicity}");
        Assert.StartsWith(folder.Split('/')[0] + "/", resource.Location.File, StringComparison.Ordinal);
        if (linked is not null)
        {
            Assert.Contains(main, document.Resource(linked).ReferencedResources(attribute!));
        }
    }

    [SharedFact]
    public void The_s3_module_example_reads_the_bucket_settings_through_the_module()
    {
        var document = ReadCorpusModule("terraform-aws-s3-bucket/examples/complete");
        var block = document.Resource("module.s3_bucket.aws_s3_bucket_public_access_block.this");
        Assert.Equal(["module.s3_bucket.aws_s3_bucket.this"], block.ReferencedResources("bucket"));
        foreach (var setting in new[] { "block_public_acls", "block_public_policy", "ignore_public_acls", "restrict_public_buckets" })
        {
            Assert.Equal(true, Assert.Single(block.ValuesAt(setting).Values).Value);
        }

        // The module renders its bucket policy from aws_iam_policy_document data sources: a rule can read the statements.
        var policy = Assert.IsType<string>(Assert.Single(document.Resource("module.s3_bucket.aws_s3_bucket_policy.this").ValuesAt("policy").Values).Value);
        Assert.Contains("\"aws:SecureTransport\":\"false\"", policy, StringComparison.Ordinal);
    }

    private static void Count(Dictionary<string, int> counts, string key) => counts[key] = counts.GetValueOrDefault(key) + 1;

    private static IEnumerable<object?> Leaves(object? value, int depth)
    {
        switch (value)
        {
            case IReadOnlyDictionary<string, object?> map when depth < 64:
                return map.Values.SelectMany(v => Leaves(v, depth + 1));
            case IReadOnlyList<object?> list when depth < 64:
                return list.SelectMany(v => Leaves(v, depth + 1));
            default:
                return [value];
        }
    }

    internal static string ReasonKind(string why)
    {
        var kind = why;
        kind = KnownAfterApply().Replace(kind, "known after apply: <reference>");
        kind = VariableName().Replace(kind, "variable <name> has no value");
        kind = Quoted().Replace(kind, "\"…\"");
        return kind.Length > 110 ? kind[..110] + "…" : kind;
    }

    private static string ProblemKind(string message) => Quoted().Replace(message.Split('(')[0], "\"…\"").Trim();

    [GeneratedRegex(@"known after apply: .*")]
    private static partial Regex KnownAfterApply();

    [GeneratedRegex(@"variable \S+ has no value")]
    private static partial Regex VariableName();

    [GeneratedRegex("\"[^\"]*\"")]
    private static partial Regex Quoted();
}
