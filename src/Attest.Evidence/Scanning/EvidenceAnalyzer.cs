using System.IO.Compression;
using System.Text;
using System.Text.RegularExpressions;
using Attest.Core.Findings;
using Attest.Core.Text;
using Attest.Evidence.CloudFormation;
using Attest.Evidence.CloudTrail;
using Attest.Evidence.Iam;
using Attest.Evidence.Model;
using Attest.Evidence.Reports;
using Attest.Evidence.Rules;
using Attest.Evidence.Terraform.Evaluation;
using Attest.Evidence.WellArchitected;

namespace Attest.Evidence.Scanning;

/// <summary>
/// The one scanner of evidence, for the command line and the web: it walks trees of named streams (folders, files,
/// uploads, ZIP archives within <see cref="ScanLimits"/>), decides what each file is by its content — CloudFormation and
/// SAM templates, Terraform modules with their variable files, <c>terraform show -json</c> plans, IAM policies and account
/// exports, CloudTrail logs plain, gzipped or zipped — runs the rules, and returns findings, read problems and a summary.
/// It never throws on odd content.
/// </summary>
public static partial class EvidenceAnalyzer
{
    /// <summary>
    /// The analyzer's version: bumped whenever a rule, a topic or the detection of files changes, so that findings stored
    /// under an older version are analysed again (see <c>docs/topics.md</c>).
    /// </summary>
    public const string Version = "2026.12.2";

    private const string NotEvidence = "not a CloudFormation template, Terraform file, Terraform plan, IAM policy or checkov, Prowler or Security Hub report; skipped";
    private static readonly Phrase NotTrail = new("not a CloudTrail log file (no top-level Records array); skipped", "pas un fichier de journal CloudTrail (pas de tableau Records au premier niveau) ; ignoré");
    private static readonly string[] TemplateExtensions = [".yaml", ".yml", ".json", ".template", ".cfn"];
    private static readonly string[] OtherTextExtensions = [".txt", ".out", ".plan", ".tfplan", ""];
    private static readonly UTF8Encoding StrictUtf8 = new(false, throwOnInvalidBytes: true);

    /// <summary>Scans one source.</summary>
    public static EvidenceAnalysis Analyze(EvidenceSource source, ScanOptions? options = null) => Analyze([source], options);

    /// <summary>Scans several sources as one body of evidence (CloudTrail logs across them make one analysis).</summary>
    public static EvidenceAnalysis Analyze(IReadOnlyList<EvidenceSource> sources, ScanOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(sources);
        var run = new Run(options ?? ScanOptions.Default);
        foreach (var source in sources)
        {
            run.Source(source);
        }

        return run.Finish();
    }

    /// <summary>Whether a file name is one Terraform loads from a module's folder: <c>.tf</c> files and auto-loaded variable files.</summary>
    public static bool IsTerraformFile(string name)
    {
        ArgumentNullException.ThrowIfNull(name);
        var file = name[(name.LastIndexOf('/') + 1)..];
        return file.EndsWith(".tf", StringComparison.OrdinalIgnoreCase)
            || file is "terraform.tfvars" or "terraform.tfvars.json"
            || file.EndsWith(".auto.tfvars", StringComparison.Ordinal) || file.EndsWith(".auto.tfvars.json", StringComparison.Ordinal);
    }

    /// <summary>Whether <paramref name="text"/> is the JSON of <c>terraform show -json</c> for a plan, whatever the file is called.</summary>
    public static bool LooksLikePlan(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var head = text.Length > 4096 ? text[..4096] : text;
        return head.Contains("\"terraform_version\"", StringComparison.Ordinal) && (text.Contains("\"planned_values\"", StringComparison.Ordinal) || text.Contains("\"resource_changes\"", StringComparison.Ordinal));
    }

    private static string Extension(string name)
    {
        var file = name[(name.LastIndexOf('/') + 1)..];
        var dot = file.LastIndexOf('.');
        return dot <= 0 ? "" : file[dot..].ToLowerInvariant();
    }

    private static string FolderOf(string path) => path.LastIndexOf('/') is var slash and >= 0 ? path[..slash] : "";

    // A path relative to a tree's root: no '..' beyond it, no drive, no empty segment; null when it would leave the tree
    private static string? Combine(string folder, string relative)
    {
        var segments = new List<string>(folder.Length == 0 ? [] : folder.Split('/'));
        foreach (var segment in relative.Replace('\\', '/').Split('/'))
        {
            if (segment is "" or ".")
            {
                continue;
            }

            if (segment == "..")
            {
                if (segments.Count == 0)
                {
                    return null;
                }

                segments.RemoveAt(segments.Count - 1);
            }
            else
            {
                segments.Add(segment);
            }
        }

        return string.Join('/', segments);
    }

    // An archive entry's path: relative, no '..', no drive, no empty segment; null when it is not one
    private static string? SafePath(string name)
    {
        var path = name.Replace('\\', '/');
        if (path.StartsWith('/') || path.Contains(':', StringComparison.Ordinal))
        {
            return null;
        }

        var segments = path.Split('/').Where(s => s is not ("" or ".")).ToList();
        return segments.Count == 0 || segments.Contains("..") ? null : string.Join('/', segments);
    }

    private static string? Decode(byte[] bytes)
    {
        try
        {
            return StrictUtf8.GetString(bytes).TrimStart('\uFEFF');
        }
        catch (DecoderFallbackException)
        {
            return null;
        }
    }

    // The stream's bytes, read up to the limit whatever its header claims; null beyond the limit
    private static byte[]? ReadBounded(Func<Stream> open, long limit)
    {
        using var stream = open();
        using var copy = new MemoryStream();
        var buffer = new byte[81920];
        int read;
        while ((read = stream.Read(buffer)) > 0)
        {
            if (copy.Length + read > limit)
            {
                return null;
            }

            copy.Write(buffer, 0, read);
        }

        return copy.ToArray();
    }

    private static byte[] Head(Func<Stream> open, int length)
    {
        using var stream = open();
        var head = new byte[length];
        var read = stream.ReadAtLeast(head, length, throwOnEndOfStream: false);
        return head[..read];
    }

    private static bool StartsWithBrace(ReadOnlySpan<byte> head)
    {
        if (head.StartsWith("\xEF\xBB\xBF"u8))
        {
            head = head[3..];
        }

        foreach (var b in head)
        {
            if (b is (byte)' ' or (byte)'\t' or (byte)'\r' or (byte)'\n')
            {
                continue;
            }

            return b == (byte)'{';
        }

        return false;
    }

    [GeneratedRegex(@"^[ \t]*(resource|data|module|provider|variable|locals|output|terraform)[ \t]*(""[^""\n]*""[ \t]*)*\{", RegexOptions.Multiline | RegexOptions.CultureInvariant)]
    private static partial Regex LooksLikeTerraform();

    [GeneratedRegex(@"source\s*=\s*""(\.{1,2}/[^""]*)""", RegexOptions.CultureInvariant)]
    private static partial Regex LocalSource();

    // One tree being read: a source, or an archive inside one
    private sealed class Tree(EvidenceSource source, string name, SourceKind kind, bool inArchive, string? folderOnDisk)
    {
        public EvidenceSource Source { get; } = source;

        public string Name { get; } = name;

        public SourceKind Kind { get; } = kind;

        public bool InArchive { get; } = inArchive;

        public string? FolderOnDisk { get; } = folderOnDisk;

        public SortedDictionary<string, string> Terraform { get; } = new(StringComparer.Ordinal);

        public long ArchiveBytes { get; set; }

        public bool ArchiveFull { get; set; }

        public bool TrailFound { get; set; }

        public string Display(string entry) => entry.Length == 0 ? Name : Name.Length == 0 ? entry : Name.TrimEnd('/', '\\') + "/" + entry;
    }

    private sealed class Run(ScanOptions options)
    {
        private readonly List<(IacDocument Document, string Kind)> documents = [];
        private readonly List<EvidenceFinding> reported = [];
        private readonly List<IacProblem> problems = [];
        private readonly List<WellArchitectedReview> reviews = [];
        private readonly Dictionary<string, int> kinds = new(StringComparer.Ordinal);
        private readonly TrailAnalyzer trail = new(options.Trail);
        private readonly List<(Func<Stream> Open, bool Gzip, TrailShape Shape, string Name)> trailsOnDisk = [];
        private readonly List<string> trailPaths = [];
        private int trailFiles;

        public void Source(EvidenceSource source)
        {
            var tree = new Tree(source, source.Name, source.Kind, false, source.FolderOnDisk);
            List<EvidenceEntry> entries;
            try
            {
                entries = [.. source.Entries().OrderBy(e => e.Name, StringComparer.Ordinal)];
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                Problem(tree.Display(""), $"cannot be read: {e.Message}");
                return;
            }

            foreach (var entry in entries)
            {
                Entry(tree, entry);
            }

            Modules(tree);
            if (tree.TrailFound)
            {
                trailPaths.Add(source.Name);
            }
        }

        public EvidenceAnalysis Finish()
        {
            var findings = new List<EvidenceFinding>();
            var allProblems = new List<IacProblem>(problems);
            foreach (var (document, _) in documents)
            {
                allProblems.AddRange(document.Problems);
                findings.AddRange(RuleSet.Scan(document, options.Topics));
            }

            // Other tools' findings, beside ours, filtered by topic as our rules are
            findings.AddRange(reported.Where(f => options.Topics is null || options.Topics(f.Topic)));

            TrailReport? report = null;
            if (trailFiles > 0 && TrailSelected)
            {
                ReadTrailsOnDisk();
                foreach (var path in trailPaths)
                {
                    trail.AddPath(path);
                }

                report = trail.Finish();
                allProblems.AddRange(report.Problems.Select(p => new IacProblem(new FileLocation(p.File, 1, 1), p.Message.In(options.Language))));
                findings.AddRange(TrailRules.Judge(report).Where(f => options.Topics is null || options.Topics(f.Topic)));
            }

            var inventory = EvidenceInventory.Of(documents
                .SelectMany(d => d.Document.Resources)
                .Where(r => !r.Type.StartsWith("data.", StringComparison.Ordinal))
                .Select(r => (r.Location.File, r.Type)));
            return new EvidenceAnalysis(findings, allProblems, new EvidenceSummary(new Dictionary<string, int>(kinds, StringComparer.Ordinal), inventory), report) { Reviews = reviews };
        }

        private void Count(string kind) => kinds[kind] = kinds.GetValueOrDefault(kind) + 1;

        private void Problem(string file, string message) => problems.Add(new IacProblem(new FileLocation(file, 1, 1), message));

        private void Entry(Tree tree, EvidenceEntry entry)
        {
            var display = tree.Display(entry.Name);
            byte[] head;
            try
            {
                head = Head(entry.Open, 64);
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException or InvalidDataException)
            {
                Problem(display, $"cannot be read: {e.Message}");
                return;
            }

            if (head.AsSpan().StartsWith("PK\x03\x04"u8))
            {
                if (!tree.InArchive)
                {
                    Archive(tree, entry, display);
                }

                return;
            }

            if (TrailFile.IsGzip(head))
            {
                if (TrailFile.Detect(entry.Open, gzip: true) is var shape and not TrailShape.None)
                {
                    Trail(tree, entry, gzip: true, shape, display);
                }
                else if (tree.Kind == SourceKind.NamedFile)
                {
                    Problem(display, NotTrail.In(options.Language));
                }

                return;
            }

            var named = tree.Kind == SourceKind.NamedFile;
            if (IsTerraformFile(entry.Name.Length == 0 ? display : entry.Name) && tree.Kind != SourceKind.Upload)
            {
                if (ReadText(tree, entry, display, report: true) is { } tf)
                {
                    tree.Terraform[entry.Name.Length == 0 ? Path.GetFileName(display) : entry.Name] = tf;
                }

                return;
            }

            var extension = Extension(entry.Name.Length == 0 ? display : entry.Name);
            var template = TemplateExtensions.Contains(extension, StringComparer.Ordinal);
            if (tree.Kind != SourceKind.Upload && !template && !OtherTextExtensions.Contains(extension, StringComparer.Ordinal))
            {
                return;
            }

            if (StartsWithBrace(head) && TrailFile.Detect(entry.Open, gzip: false) is var plain and not TrailShape.None)
            {
                Trail(tree, entry, gzip: false, plain, display);
                return;
            }

            if (ReadText(tree, entry, display, report: named || template) is not { } text)
            {
                return;
            }

            if (!Text(text, display, named, terraformByContent: tree.Kind == SourceKind.Upload) && named)
            {
                Problem(display, NotEvidence);
            }
        }

        // The entry as UTF-8 text within the limits; null (with a problem when it is worth one) when it is not
        private string? ReadText(Tree tree, EvidenceEntry entry, string display, bool report)
        {
            if (tree.ArchiveFull)
            {
                return null;
            }

            var limit = tree.InArchive ? Math.Min(ScanLimits.MaxTextBytes, ScanLimits.MaxArchiveBytes - tree.ArchiveBytes) : ScanLimits.MaxTextBytes;
            byte[]? bytes;
            try
            {
                bytes = entry.Length > limit && !tree.InArchive ? null : ReadBounded(entry.Open, limit);
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException or InvalidDataException)
            {
                Problem(display, $"cannot be read: {e.Message}");
                return null;
            }

            if (bytes is null)
            {
                if (tree.InArchive && ScanLimits.MaxArchiveBytes - tree.ArchiveBytes < ScanLimits.MaxTextBytes)
                {
                    tree.ArchiveFull = true;
                    Problem(display, "the archive's content exceeds the scan limit; the rest was skipped");
                }
                else if (report || tree.InArchive)
                {
                    Problem(display, string.Create(System.Globalization.CultureInfo.InvariantCulture, $"the file is too large to scan (over the {limit / (1024 * 1024)} MB limit)"));
                }

                return null;
            }

            tree.ArchiveBytes += bytes.Length;
            if (Decode(bytes) is { } text)
            {
                return text;
            }

            if (report)
            {
                Problem(display, "the file is not UTF-8 text; skipped");
            }

            return null;
        }

        // What one text is, decided by its content: a plan, a template, a policy, or (an upload only) a Terraform file
        private bool Text(string text, string display, bool named, bool terraformByContent)
        {
            if (ReportReader.Detect(text) is { } tool)
            {
                var result = ReportReader.Read(tool, text, display);
                reported.AddRange(result.Findings);
                problems.AddRange(result.Problems);
                Count(tool switch
                {
                    ReportTools.Checkov => EvidenceKinds.CheckovReport,
                    ReportTools.Prowler => EvidenceKinds.ProwlerReport,
                    _ => EvidenceKinds.SecurityHubReport,
                });
                return true;
            }

            if (LooksLikePlan(text))
            {
                documents.Add((TerraformReader.ReadPlan(text, display), EvidenceKinds.TerraformPlan));
                Count(EvidenceKinds.TerraformPlan);
                return true;
            }

            if (CloudFormationReader.LooksLikeTemplate(text))
            {
                var kind = text.Contains("AWS::Serverless-2016-10-31", StringComparison.Ordinal) ? EvidenceKinds.Sam : EvidenceKinds.CloudFormation;
                documents.Add((CloudFormationReader.Read(text, display), kind));
                Count(kind);
                return true;
            }

            if (ReviewReader.LooksLikeReview(text))
            {
                var (review, problem) = ReviewReader.Read(text, display);
                if (review is not null)
                {
                    reviews.Add(review);
                    Count(EvidenceKinds.WellArchitectedReview);
                }
                else
                {
                    problems.Add(problem!);
                }

                return true;
            }

            if (text.TrimStart().StartsWith('{'))
            {
                var mayBePolicy = PolicyFile.MayBePolicy(text);
                if (mayBePolicy || named)
                {
                    var (policy, problem) = PolicyFile.Read(text, display);
                    if (policy is not null)
                    {
                        var kind = text.Contains("DetailList\"", StringComparison.Ordinal) ? EvidenceKinds.IamAccountExport : EvidenceKinds.IamPolicy;
                        documents.Add((policy, kind));
                        Count(kind);
                        return true;
                    }

                    if (problem is not null)
                    {
                        problems.Add(problem);
                        return true;
                    }
                }
            }

            if (terraformByContent && LooksLikeTerraform().IsMatch(text))
            {
                documents.Add((TerraformReader.ReadModule(new Dictionary<string, string>(StringComparer.Ordinal) { ["main.tf"] = text }, display, null, _ => null), EvidenceKinds.TerraformModule));
                Count(EvidenceKinds.TerraformModule);
                return true;
            }

            return false;
        }

        // The CloudTrail rules' topics: when the scan selects neither, the logs are found and counted but not read
        private bool TrailSelected => options.Topics is null || TrailRules.Documentation.Any(rule => options.Topics(rule.Topic));

        private void Trail(Tree tree, EvidenceEntry entry, bool gzip, TrailShape shape, string display)
        {
            trailFiles++;
            tree.TrailFound = true;
            Count(EvidenceKinds.CloudTrail);
            if (!TrailSelected)
            {
                return;
            }

            if (tree.Kind == SourceKind.Folder && !tree.InArchive && tree.FolderOnDisk is not null)
            {
                // Files on disk can be opened again from any thread: they are read several at a time at the end
                trailsOnDisk.Add((entry.Open, gzip, shape, display));
            }
            else
            {
                TrailFile.Read(trail, entry.Open, gzip, shape, display);
            }
        }

        private void ReadTrailsOnDisk()
        {
            var gate = new object();
            Parallel.ForEach(
                trailsOnDisk,
                new ParallelOptions { MaxDegreeOfParallelism = Environment.ProcessorCount },
                () => new TrailAnalyzer(options.Trail),
                (file, _, local) =>
                {
                    TrailFile.Read(local, file.Open, file.Gzip, file.Shape, file.Name);
                    return local;
                },
                local =>
                {
                    lock (gate)
                    {
                        trail.Merge(local);
                    }
                });
        }

        private void Archive(Tree parent, EvidenceEntry entry, string display)
        {
            Count(EvidenceKinds.Archive);
            var tree = new Tree(parent.Source, display, SourceKind.Folder, true, null);
            try
            {
                using var raw = entry.Open();
                using var stream = raw.CanSeek ? raw : Buffered(raw);
                if (ScanLimits.DeclaredEntries(stream) is not { } declared || declared > ScanLimits.MaxArchiveEntries)
                {
                    Problem(tree.Display(""), $"the archive has more than {ScanLimits.MaxArchiveEntries} entries, or its directory cannot be read; it was not scanned");
                    return;
                }

                using var archive = new ZipArchive(stream, ZipArchiveMode.Read, leaveOpen: true);
                foreach (var zipped in archive.Entries.OrderBy(e => e.FullName, StringComparer.Ordinal))
                {
                    if (zipped.FullName.EndsWith('/'))
                    {
                        continue;
                    }

                    if (SafePath(zipped.FullName) is not { } path)
                    {
                        Problem(tree.Display(zipped.FullName.Replace('\\', '/').TrimStart('/')), "an entry whose path leaves the archive was skipped");
                        continue;
                    }

                    if (ScanLimits.InSkippedFolder(path))
                    {
                        continue;
                    }

                    if (zipped.CompressedLength > 0 && zipped.Length > 1024 * 1024 && zipped.Length / zipped.CompressedLength > ScanLimits.MaxCompressionRatio)
                    {
                        Problem(tree.Display(path), $"the entry is too large to scan: it expands more than {ScanLimits.MaxCompressionRatio} times; skipped");
                        continue;
                    }

                    Entry(tree, new EvidenceEntry(path, zipped.Length, zipped.Open));
                }
            }
            catch (InvalidDataException e)
            {
                Problem(tree.Display(""), $"the archive cannot be read: {e.Message}");
                return;
            }
            catch (IOException e)
            {
                Problem(tree.Display(""), $"the archive cannot be read: {e.Message}");
                return;
            }

            Modules(tree);
            if (tree.TrailFound)
            {
                parent.TrailFound = true;
            }
        }

        // An archive that is not seekable (a stream from another archive or a network) is read into memory within the limit
        private static MemoryStream Buffered(Stream raw)
        {
            var copy = new MemoryStream();
            var buffer = new byte[81920];
            int read;
            while ((read = raw.Read(buffer)) > 0)
            {
                if (copy.Length + read > ScanLimits.MaxArchiveBytes)
                {
                    throw new InvalidDataException($"larger than {ScanLimits.MaxArchiveBytes} bytes");
                }

                copy.Write(buffer, 0, read);
            }

            copy.Position = 0;
            return copy;
        }

        // Each folder holding .tf files is a root module, unless another folder calls it as a local module: it is read through its caller
        private void Modules(Tree tree)
        {
            var texts = tree.Terraform;
            var folders = texts.Keys.Where(k => k.EndsWith(".tf", StringComparison.OrdinalIgnoreCase)).Select(FolderOf).ToHashSet(StringComparer.Ordinal);
            var called = new HashSet<string>(StringComparer.Ordinal);
            foreach (var (path, text) in texts.Where(t => t.Key.EndsWith(".tf", StringComparison.OrdinalIgnoreCase)))
            {
                var folder = FolderOf(path);
                foreach (Match match in LocalSource().Matches(text))
                {
                    if (Combine(folder, match.Groups[1].Value) is { } child && child != folder)
                    {
                        called.Add(child);
                    }
                }
            }

            foreach (var folder in folders.Where(f => !called.Contains(f)).Order(StringComparer.Ordinal))
            {
                var display = tree.Display(folder);
                documents.Add((TerraformReader.ReadModule(ModuleFiles(tree, folder) ?? new Dictionary<string, string>(StringComparer.Ordinal), display, null, relative => ModuleFiles(tree, Combine(folder, relative), folder, relative)), EvidenceKinds.TerraformModule));
                Count(EvidenceKinds.TerraformModule);
            }
        }

        private Dictionary<string, string>? ModuleFiles(Tree tree, string? folder, string? caller = null, string? relative = null)
        {
            if (folder is not null)
            {
                var prefix = folder.Length == 0 ? "" : folder + "/";
                var files = tree.Terraform.Where(t => FolderOf(t.Key) == folder).ToDictionary(t => t.Key[prefix.Length..], t => t.Value, StringComparer.Ordinal);
                if (files.Count > 0)
                {
                    return files;
                }
            }

            // A local module outside the tree (or in a folder the walk skips) is read from disk when the tree is on disk
            return tree.FolderOnDisk is { } root && caller is not null && relative is not null ? FromDisk(Path.GetFullPath(Path.Combine(root, caller, relative))) : null;
        }

        private Dictionary<string, string>? FromDisk(string folder)
        {
            if (!Directory.Exists(folder))
            {
                return null;
            }

            var files = new Dictionary<string, string>(StringComparer.Ordinal);
            try
            {
                foreach (var file in Directory.EnumerateFiles(folder).Order(StringComparer.Ordinal))
                {
                    var name = Path.GetFileName(file);
                    if (!IsTerraformFile(name))
                    {
                        continue;
                    }

                    if (RegularFile.NotRegular(file) is { } refused)
                    {
                        Problem(file, refused);
                        continue;
                    }

                    var bytes = ReadBounded(() => RegularFile.OpenRead(file), ScanLimits.MaxTextBytes);

                    if (bytes is not null && Decode(bytes) is { } text)
                    {
                        files[name] = text;
                    }
                    else
                    {
                        Problem(file, bytes is null ? "the file is too large to scan" : "the file is not UTF-8 text; skipped");
                    }
                }
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                Problem(folder, $"cannot be read: {e.Message}");
            }

            return files.Count == 0 ? null : files;
        }
    }
}
