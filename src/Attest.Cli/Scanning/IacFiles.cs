using System.Text.RegularExpressions;
using Attest.Evidence.CloudFormation;
using Attest.Evidence.Model;
using Attest.Evidence.Terraform.Evaluation;

namespace Attest.Cli.Scanning;

/// <summary>
/// Finds infrastructure as code under the paths given to <c>attest scan</c>: CloudFormation and SAM templates, Terraform
/// plans and IAM policy files recognised by their content, Terraform root modules by their folders; everything else is skipped.
/// </summary>
internal static partial class IacFiles
{
    public const long MaxFileBytes = 10 * 1024 * 1024;
    private static readonly string[] SkippedFolders = [".git", ".terraform", "node_modules", ".venv", "bin", "obj", "cdk.out"];
    private static readonly string[] TemplateExtensions = [".yaml", ".yml", ".json", ".template", ".cfn"];

    /// <summary>Whether a file's name says it may hold infrastructure code (a template, a plan, a Terraform file).</summary>
    public static bool MayBeCode(string file) =>
        file.EndsWith(".tf", StringComparison.OrdinalIgnoreCase) || TemplateExtensions.Contains(Path.GetExtension(file), StringComparer.OrdinalIgnoreCase);

    /// <summary>Reads every unit under <paramref name="paths"/>; problems (unreadable files) are returned beside them.</summary>
    public static (List<IacDocument> Documents, List<IacProblem> Problems) Read(IEnumerable<string> paths)
    {
        var documents = new List<IacDocument>();
        var problems = new List<IacProblem>();
        var terraformFolders = new SortedSet<string>(StringComparer.Ordinal);
        foreach (var path in paths)
        {
            if (File.Exists(path))
            {
                if (path.EndsWith(".tf", StringComparison.OrdinalIgnoreCase))
                {
                    terraformFolders.Add(Path.GetDirectoryName(Path.GetFullPath(path))!);
                }
                else
                {
                    ReadFile(path, documents, problems, explicitlyNamed: true);
                }

                continue;
            }

            foreach (var file in Walk(path))
            {
                if (file.EndsWith(".tf", StringComparison.OrdinalIgnoreCase))
                {
                    terraformFolders.Add(Path.GetDirectoryName(file)!);
                }
                else if (TemplateExtensions.Contains(Path.GetExtension(file), StringComparer.OrdinalIgnoreCase))
                {
                    ReadFile(file, documents, problems, explicitlyNamed: false);
                }
            }
        }

        // A folder another folder uses as a local module is read through its caller, with the caller's inputs
        var children = terraformFolders.SelectMany(LocalModuleSources).ToHashSet(StringComparer.Ordinal);
        foreach (var folder in terraformFolders.Where(f => !children.Contains(f)))
        {
            documents.Add(ReadModule(folder, problems));
        }

        return (documents, problems);
    }

    private static IEnumerable<string> Walk(string root)
    {
        var pending = new Stack<string>();
        pending.Push(root);
        while (pending.Count > 0)
        {
            var folder = pending.Pop();
            IEnumerable<string> entries;
            try
            {
                entries = Directory.EnumerateFileSystemEntries(folder).Order(StringComparer.Ordinal).ToList();
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                continue;
            }

            foreach (var entry in entries.Reverse())
            {
                if (Directory.Exists(entry))
                {
                    if (!SkippedFolders.Contains(Path.GetFileName(entry), StringComparer.Ordinal) && (File.GetAttributes(entry) & FileAttributes.ReparsePoint) == 0)
                    {
                        pending.Push(entry);
                    }
                }
            }

            foreach (var entry in entries.Where(File.Exists))
            {
                yield return entry;
            }
        }
    }

    private static void ReadFile(string file, List<IacDocument> documents, List<IacProblem> problems, bool explicitlyNamed)
    {
        // CloudTrail logs are read by TrailFiles, in a stream, whatever their size
        if (file.EndsWith(".gz", StringComparison.OrdinalIgnoreCase) || (file.EndsWith(".json", StringComparison.OrdinalIgnoreCase) && TrailFiles.IsTrail(file)))
        {
            return;
        }

        var (text, error) = InputFile.Read(file, MaxFileBytes);
        if (error is not null)
        {
            problems.Add(new IacProblem(new FileLocation(file, error.Line, error.Column), error.Problem));
            return;
        }

        if (file.EndsWith(".json", StringComparison.OrdinalIgnoreCase) && LooksLikePlan(text!))
        {
            documents.Add(TerraformReader.ReadPlan(text!, file));
        }
        else if (CloudFormationReader.LooksLikeTemplate(text!))
        {
            documents.Add(CloudFormationReader.Read(text!, file));
        }
        else if (PolicyFiles.TryRead(file, text!, documents, problems, explicitlyNamed))
        {
            // An IAM policy, an authorization-details export, or malformed JSON that was meant as one
        }
        else if (explicitlyNamed)
        {
            problems.Add(new IacProblem(new FileLocation(file, 1, 1), "not a CloudFormation template, Terraform file, Terraform plan or IAM policy; skipped"));
        }
    }

    private static bool LooksLikePlan(string text)
    {
        var head = text.Length > 4096 ? text[..4096] : text;
        return head.Contains("\"terraform_version\"", StringComparison.Ordinal) && (text.Contains("\"planned_values\"", StringComparison.Ordinal) || text.Contains("\"resource_changes\"", StringComparison.Ordinal));
    }

    private static IacDocument ReadModule(string folder, List<IacProblem> problems)
    {
        var display = Path.GetRelativePath(Environment.CurrentDirectory, folder).Replace('\\', '/');
        return TerraformReader.ReadModule(TerraformFiles(folder, problems), display, null, relative =>
        {
            var child = Path.GetFullPath(Path.Combine(folder, relative));
            return Directory.Exists(child) ? TerraformFiles(child, problems) : null;
        });
    }

    // .tf files and the variable files Terraform loads by itself, by file name
    private static Dictionary<string, string> TerraformFiles(string folder, List<IacProblem> problems)
    {
        var files = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var file in Directory.EnumerateFiles(folder).Order(StringComparer.Ordinal))
        {
            var name = Path.GetFileName(file);
            var wanted = name.EndsWith(".tf", StringComparison.OrdinalIgnoreCase)
                || name is "terraform.tfvars" or "terraform.tfvars.json"
                || name.EndsWith(".auto.tfvars", StringComparison.Ordinal) || name.EndsWith(".auto.tfvars.json", StringComparison.Ordinal);
            if (!wanted)
            {
                continue;
            }

            var (text, error) = InputFile.Read(file, MaxFileBytes);
            if (error is not null)
            {
                problems.Add(new IacProblem(new FileLocation(file, error.Line, error.Column), error.Problem));
            }
            else
            {
                files[name] = text!;
            }
        }

        return files;
    }

    private static IEnumerable<string> LocalModuleSources(string folder)
    {
        foreach (var file in Directory.EnumerateFiles(folder, "*.tf"))
        {
            // Within the limit, regular files only (the module's own reading reports what is refused)
            if (InputFile.Read(file, MaxFileBytes).Text is not { } text)
            {
                continue;
            }

            foreach (Match match in LocalSource().Matches(text))
            {
                yield return Path.GetFullPath(Path.Combine(folder, match.Groups[1].Value));
            }
        }
    }

    [GeneratedRegex(@"source\s*=\s*""(\.{1,2}/[^""]*)""", RegexOptions.CultureInvariant)]
    private static partial Regex LocalSource();
}
