using System.IO.Compression;
using System.Text;
using System.Text.RegularExpressions;
using Attest.Core.Findings;
using Attest.Evidence.CloudFormation;
using Attest.Evidence.CloudTrail;
using Attest.Evidence.Iam;
using Attest.Evidence.Model;
using Attest.Evidence.Rules;
using Attest.Evidence.Terraform.Evaluation;
using Attest.Web.Features.Evidence;

namespace Attest.Web.Infrastructure;

/// <summary>
/// What the analyzers found in one stored file. Locations are written against a placeholder (<c>$</c>) so that one scan
/// serves every piece of evidence with the same content, whatever its name: <see cref="FindingsFor"/> puts the name in.
/// </summary>
public sealed record EvidenceScan(bool IsCode, IReadOnlyList<EvidenceFinding> Findings, IReadOnlyList<IacProblem> Problems, bool Archive = false)
{
    public const string Placeholder = "$";

    /// <summary>A file that is not infrastructure code.</summary>
    public static EvidenceScan NotCode { get; } = new(false, [], []);

    /// <summary>The findings, located in the piece of evidence named <paramref name="name"/>.</summary>
    public IEnumerable<EvidenceFinding> FindingsFor(string name) => Findings.Select(f => f with { File = Locate(f.File, name) });

    /// <summary>The problems met while reading, located in the piece of evidence named <paramref name="name"/>.</summary>
    public IEnumerable<string> ProblemsFor(string name) => Problems.Select(p => $"{Locate(p.Location.File, name)}:{p.Location.Line}:{p.Location.Column}: {p.Message}");

    // A single file is the evidence itself; a file inside an archive is shown under the archive's name
    private string Locate(string file, string name) =>
        Archive && file.StartsWith(IacEvidence.ArchivePrefix, StringComparison.Ordinal) ? name + "/" + file[IacEvidence.ArchivePrefix.Length..]
        : file.StartsWith(Placeholder, StringComparison.Ordinal) ? name
        : file;
}

/// <summary>
/// Reads one uploaded file as infrastructure code: a CloudFormation or SAM template, a Terraform plan, a single
/// <c>.tf</c> file (a one-file module), or a ZIP of them read in memory within limits. No I/O beyond the stream given.
/// </summary>
public static partial class IacEvidence
{
    public const string ArchivePrefix = EvidenceScan.Placeholder + "/";
    public const long MaxTextBytes = 10L * 1024 * 1024;
    public const int MaxArchiveEntries = 2_000;
    public const long MaxArchiveBytes = 50L * 1024 * 1024;
    private static readonly string[] TemplateExtensions = [".yaml", ".yml", ".json", ".template", ".cfn"];
    private static readonly string[] SkippedFolders = [".git", ".terraform", "node_modules", ".venv", "cdk.out"];
    private static readonly UTF8Encoding StrictUtf8 = new(false, throwOnInvalidBytes: true);

    /// <summary>Scans <paramref name="file"/>; never throws on odd content: what cannot be read is a problem of the result.</summary>
    public static EvidenceScan Scan(Stream file)
    {
        Span<byte> signature = stackalloc byte[4];
        var length = file.ReadAtLeast(signature, 4, throwOnEndOfStream: false);
        file.Seek(0, SeekOrigin.Begin);
        if (length == 4 && signature.StartsWith("PK\x03\x04"u8))
        {
            return ScanArchive(file);
        }

        // CloudTrail logs, plain or gzipped, are streamed whatever their size
        var gzip = TrailFile.IsGzip(signature[..length]);
        Stream Reopen()
        {
            file.Seek(0, SeekOrigin.Begin);
            return new NonClosing(file);
        }

        if (TrailFile.Detect(Reopen, gzip) is var shape and not TrailShape.None)
        {
            var trail = new TrailEvidence();
            trail.Read(Reopen, gzip, shape, EvidenceScan.Placeholder);
            var (findings, problems) = trail.Judge();
            return new EvidenceScan(true, findings, problems);
        }

        file.Seek(0, SeekOrigin.Begin);
        if (gzip || file.Length > MaxTextBytes)
        {
            return EvidenceScan.NotCode;
        }

        var bytes = new byte[file.Length];
        file.ReadExactly(bytes);
        if (Decode(bytes) is not { } text)
        {
            return EvidenceScan.NotCode;
        }

        if (PolicyFile.MayBePolicy(text))
        {
            var (policy, problem) = PolicyFile.Read(text, EvidenceScan.Placeholder);
            return policy is not null ? Result([policy], [], archive: false) : new EvidenceScan(true, [], problem is null ? [] : [problem]);
        }

        return ScanText(text, EvidenceScan.Placeholder) is { } document ? Result([document], [], archive: false) : EvidenceScan.NotCode;
    }

    // Lets a reader dispose its stream without closing the stored file under it
    private sealed class NonClosing(Stream inner) : Stream
    {
        public override bool CanRead => true;

        public override bool CanSeek => false;

        public override bool CanWrite => false;

        public override long Length => throw new NotSupportedException();

        public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }

        public override int Read(byte[] buffer, int offset, int count) => inner.Read(buffer, offset, count);

        public override int Read(Span<byte> buffer) => inner.Read(buffer);

        public override void Flush()
        {
        }

        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

        public override void SetLength(long value) => throw new NotSupportedException();

        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
    }

    /// <summary>The document of one text file when it is infrastructure code, else null.</summary>
    public static IacDocument? ScanText(string text, string file)
    {
        if (LooksLikePlan(text))
        {
            return TerraformReader.ReadPlan(text, file);
        }

        if (CloudFormationReader.LooksLikeTemplate(text))
        {
            return CloudFormationReader.Read(text, file);
        }

        return LooksLikeTerraform().IsMatch(text) ? TerraformReader.ReadModule(new Dictionary<string, string>(StringComparer.Ordinal) { ["main.tf"] = text }, file, null, _ => null) : null;
    }

    private static EvidenceScan ScanArchive(Stream file)
    {
        var problems = new List<IacProblem>();
        void Problem(string where, string message) => problems.Add(new IacProblem(new FileLocation(ArchivePrefix + where, 1, 1), message));
        if (EvidenceContentType.DeclaredEntries(file) is not { } declared || declared > MaxArchiveEntries)
        {
            Problem("", $"the archive has more than {MaxArchiveEntries} entries, or its directory cannot be read; it was not scanned");
            return new EvidenceScan(true, [], problems, Archive: true);
        }

        var texts = new SortedDictionary<string, string>(StringComparer.Ordinal);
        var trail = new TrailEvidence();
        try
        {
            using var archive = new ZipArchive(file, ZipArchiveMode.Read, leaveOpen: true);
            long total = 0;
            foreach (var entry in archive.Entries)
            {
                if (entry.FullName.EndsWith('/'))
                {
                    continue;
                }

                if (SafePath(entry.FullName) is not { } path)
                {
                    Problem(entry.FullName.Replace('\\', '/').TrimStart('/'), "an entry whose path leaves the archive was skipped");
                    continue;
                }

                if (path.Split('/').SkipLast(1).Any(s => SkippedFolders.Contains(s, StringComparer.Ordinal)))
                {
                    continue;
                }

                // CloudTrail logs inside the archive are streamed into one analysis, not read into memory
                if (path.EndsWith(".gz", StringComparison.OrdinalIgnoreCase) || path.EndsWith(".json", StringComparison.OrdinalIgnoreCase))
                {
                    var gzip = path.EndsWith(".gz", StringComparison.OrdinalIgnoreCase);
                    if (TrailFile.Detect(entry.Open, gzip) is var shape and not TrailShape.None)
                    {
                        trail.Read(entry.Open, gzip, shape, ArchivePrefix + path);
                        continue;
                    }
                }

                if (!Interesting(path))
                {
                    continue;
                }

                var bytes = ReadEntry(entry, Math.Min(MaxTextBytes, MaxArchiveBytes - total));
                if (bytes is null)
                {
                    Problem(path, total >= MaxArchiveBytes ? "the archive's content exceeds the scan limit; the rest was skipped" : "the file is too large to scan");
                    if (MaxArchiveBytes - total < MaxTextBytes)
                    {
                        break;
                    }

                    continue;
                }

                total += bytes.Length;
                if (Decode(bytes) is { } text)
                {
                    texts[path] = text;
                }
                else
                {
                    Problem(path, "the file is not UTF-8 text; skipped");
                }
            }
        }
        catch (InvalidDataException e)
        {
            Problem("", $"the archive cannot be read: {e.Message}");
            return new EvidenceScan(true, [], problems, Archive: true);
        }

        var documents = new List<IacDocument>();
        foreach (var (path, text) in texts.Where(t => TemplateExtensions.Contains(Path.GetExtension(t.Key), StringComparer.OrdinalIgnoreCase)))
        {
            // Inside an archive, .tf files make the Terraform modules; a template-named file is a plan or a template, or nothing
            if (LooksLikePlan(text))
            {
                documents.Add(TerraformReader.ReadPlan(text, ArchivePrefix + path));
            }
            else if (PolicyFile.MayBePolicy(text))
            {
                var (policy, problem) = PolicyFile.Read(text, ArchivePrefix + path);
                if (policy is not null)
                {
                    documents.Add(policy);
                }
                else if (problem is not null)
                {
                    problems.Add(problem);
                }
            }
            else if (CloudFormationReader.LooksLikeTemplate(text))
            {
                documents.Add(CloudFormationReader.Read(text, ArchivePrefix + path));
            }
        }

        documents.AddRange(TerraformModules(texts));
        var scan = Result(documents, problems, archive: true);
        if (!trail.Found)
        {
            return scan;
        }

        var (trailFindings, trailProblems) = trail.Judge();
        return new EvidenceScan(true, [.. scan.Findings, .. trailFindings], [.. scan.Problems, .. trailProblems], Archive: true);
    }

    // Each folder holding .tf files is a module; a folder another one calls as a local module is read through its caller
    private static IEnumerable<IacDocument> TerraformModules(SortedDictionary<string, string> texts)
    {
        var folders = texts.Keys.Where(k => k.EndsWith(".tf", StringComparison.OrdinalIgnoreCase)).Select(FolderOf).ToHashSet(StringComparer.Ordinal);
        var called = new HashSet<string>(StringComparer.Ordinal);
        foreach (var folder in folders)
        {
            foreach (var (path, text) in texts.Where(t => FolderOf(t.Key) == folder && t.Key.EndsWith(".tf", StringComparison.OrdinalIgnoreCase)))
            {
                foreach (Match match in LocalSource().Matches(text))
                {
                    if (Combine(folder, match.Groups[1].Value) is { } child && child != folder)
                    {
                        called.Add(child);
                    }
                }
            }
        }

        foreach (var folder in folders.Where(f => !called.Contains(f)).Order(StringComparer.Ordinal))
        {
            var display = folder.Length == 0 ? EvidenceScan.Placeholder : ArchivePrefix + folder;
            yield return TerraformReader.ReadModule(ModuleFiles(texts, folder) ?? [], display, null, relative => Combine(folder, relative) is { } child ? ModuleFiles(texts, child) : null);
        }
    }

    private static Dictionary<string, string>? ModuleFiles(SortedDictionary<string, string> texts, string folder)
    {
        var files = texts.Where(t => FolderOf(t.Key) == folder).ToDictionary(t => t.Key[(folder.Length == 0 ? 0 : folder.Length + 1)..], t => t.Value, StringComparer.Ordinal);
        return files.Count == 0 ? null : files;
    }

    private static EvidenceScan Result(List<IacDocument> documents, List<IacProblem> problems, bool archive)
    {
        problems.AddRange(documents.SelectMany(d => d.Problems));
        return new EvidenceScan(documents.Count > 0, documents.SelectMany(d => RuleSet.Scan(d)).ToList(), problems, archive);
    }

    private static bool Interesting(string path) =>
        path.EndsWith(".tf", StringComparison.OrdinalIgnoreCase)
        || path.EndsWith(".tfvars", StringComparison.Ordinal) || path.EndsWith(".tfvars.json", StringComparison.Ordinal)
        || TemplateExtensions.Contains(Path.GetExtension(path), StringComparer.OrdinalIgnoreCase);

    // The entry's bytes, read up to the limit whatever its header claims; null beyond the limit
    private static byte[]? ReadEntry(ZipArchiveEntry entry, long limit)
    {
        using var stream = entry.Open();
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

    private static string FolderOf(string path) => path.LastIndexOf('/') is var slash and >= 0 ? path[..slash] : "";

    // An entry's path inside the archive: relative, no '..', no drive, no empty segment; null when it is not one
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

    // A module's folder relative to the archive's root; null when it would leave the archive
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

    private static bool LooksLikePlan(string text)
    {
        var head = text.Length > 4096 ? text[..4096] : text;
        return head.Contains("\"terraform_version\"", StringComparison.Ordinal) && (text.Contains("\"planned_values\"", StringComparison.Ordinal) || text.Contains("\"resource_changes\"", StringComparison.Ordinal));
    }

    [GeneratedRegex(@"^[ \t]*(resource|data|module|provider|variable|locals|output|terraform)[ \t]*(""[^""\n]*""[ \t]*)*\{", RegexOptions.Multiline | RegexOptions.CultureInvariant)]
    private static partial Regex LooksLikeTerraform();

    [GeneratedRegex(@"source\s*=\s*""(\.{1,2}/[^""]*)""", RegexOptions.CultureInvariant)]
    private static partial Regex LocalSource();
}

/// <summary>Registers the evidence library's store, background analyzer and readiness helper.</summary>
public static class EvidenceServices
{
    public static IServiceCollection AddEvidence(this IServiceCollection services)
    {
        services.AddSingleton<EvidenceStore>();
        services.AddSingleton<EvidenceAnalyzer>();
        services.AddHostedService(sp => sp.GetRequiredService<EvidenceAnalyzer>());
        services.AddScoped<ApplicationEvidence>();
        services.AddScoped<Attest.Web.Features.Package.SubmissionPackages>();
        services.AddSingleton<Attest.Web.Features.Site.SiteChecks>();
        services.AddHostedService(sp => sp.GetRequiredService<Attest.Web.Features.Site.SiteChecks>());
        return services;
    }
}
