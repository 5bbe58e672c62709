using System.CommandLine;
using System.Security.Cryptography;
using Attest.Cli.Scanning;
using Attest.Core.Applications;
using Attest.Core.Catalogs;
using Attest.Core.Documents;
using Attest.Core.Readiness;
using Attest.Core.Text;
using Attest.Package;
using Attest.Package.Bundle;

namespace Attest.Cli;

/// <summary>
/// <c>attest package</c> (the submission package from an application file and the evidence it points at) and
/// <c>attest bundle verify</c> (exit 0 intact, 1 altered/added/removed files, 2 unreadable or not a bundle).
/// </summary>
internal sealed class PackageCommands(TextWriter output, TextWriter error, Func<string?, IReadOnlyList<Catalog>?> loadCatalogs, Func<string?, Language> language, DateOnly today)
{
    public const long MaxEvidenceFileBytes = 2L * 1024 * 1024 * 1024;
    public const long MaxEvidenceTotalBytes = 8L * 1024 * 1024 * 1024;
    public const int MaxEvidenceFiles = 10_000;

    private static readonly Phrase NoSuchFile = new("no such file or folder", "fichier ou dossier introuvable");
    private static readonly Phrase OutsideFolder = new("outside the application file's folder: not included", "hors du dossier du fichier de candidature : non inclus");
    private static readonly Phrase ThroughSymbolicLink = new("reached through a symbolic link: not included", "atteint par un lien symbolique : non inclus");
    private static readonly Phrase TooLarge = new("{0} bytes, over the limit of {1}", "{0} octets, au-delà de la limite de {1}");
    private static readonly Phrase TooMany = new("more than {0} evidence files: not included", "plus de {0} fichiers de preuve : non inclus");
    private static readonly Phrase Unreadable = new("cannot be read: {0}", "illisible : {0}");
    private static readonly Phrase Wrote = new("Wrote {0} ({1} bytes)", "Écrit : {0} ({1} octets)");
    private static readonly Phrase Counted = new("Evidence: {0} file(s) bundled, {1} web address(es) listed, {2} missing", "Preuves : {0} fichier(s) dans le lot, {1} adresse(s) Web listée(s), {2} manquante(s)");
    private static readonly Phrase MissingLine = new("! missing: {0} ({1}): {2}", "! manquant : {0} ({1}) : {2}");
    private static readonly Phrase JudgedToday = new("attest: the package is judged as of {0} (today), not the file's asOf {1}; use --as-of {1} to judge it on that day", "attest : le dossier est évalué au {0} (aujourd'hui), et non à la date asOf du fichier, {1} ; utilisez --as-of {1} pour l'évaluer à cette date");
    private static readonly Phrase UnrelatedWarning = new("attest: warning: {0} goes only because the folder {1} is cited, and no submitted case study cites it: check it belongs in the package", "attest : attention : {0} part uniquement parce que le dossier {1} est cité, et aucune étude de cas soumise ne le cite : vérifiez qu'il a sa place dans le dossier de soumission");
    private static readonly Phrase Intact = new("intact: {0} file(s) match the manifest", "intact : {0} fichier(s) conformes au manifeste");

    public Command Package()
    {
        var file = new Argument<string>("file") { Description = "The application file (format v1, YAML or JSON); evidence paths are relative to it" };
        var outFolder = new Option<string?>("--out") { Description = "The folder to write into (default: <file name>-package in the current folder)" };
        var lang = new Option<string?>("--lang") { Description = "Language of the package: en or fr (default: the checklist's own language; messages follow LANG)" };
        lang.AcceptOnlyFromAmong("en", "fr");
        var asOf = new Option<string?>("--as-of") { Description = "Readiness date, YYYY-MM-DD (default: today UTC, the day the package is made; the file's asOf is not used)" };
        var catalogs = new Option<string?>("--catalogs") { Description = "A folder of extra catalog files (also: ATTEST_CATALOGS)" };
        var command = new Command("package", "Build the submission package: the self-assessment (.xlsx), the report (.pdf), the e-mail (.eml) and the evidence bundle (.zip)") { file, outFolder, lang, asOf, catalogs };
        command.SetAction(r => BuildPackage(r.GetValue(file)!, r.GetValue(outFolder), r.GetValue(lang), r.GetValue(asOf), r.GetValue(catalogs)));
        return command;
    }

    public Command Bundle()
    {
        var file = new Argument<string>("file") { Description = "The evidence bundle (.zip)" };
        var lang = new Option<string?>("--lang") { Description = "Language of the messages: en or fr (default: from LANG, else en)" };
        lang.AcceptOnlyFromAmong("en", "fr");
        var verify = new Command("verify", "Check a bundle against its manifest; name every file altered, added or removed") { file, lang };
        verify.SetAction(r => Verify(r.GetValue(file)!, language(r.GetValue(lang))));
        return new Command("bundle", "Evidence bundles") { verify };
    }

    private int BuildPackage(string path, string? outFolder, string? langOption, string? asOfText, string? catalogsFolder)
    {
        DateOnly? asOfOption = null;
        if (asOfText is not null)
        {
            var (parsed, problem) = DateRange.Parse(asOfText);
            if (parsed is null)
            {
                return Fail($"attest: --as-of: {problem}");
            }

            asOfOption = parsed;
        }

        if (loadCatalogs(catalogsFolder) is not { } catalogs)
        {
            return Cli.InputError;
        }

        var (text, readError) = InputFile.Read(path, Cli.MaxApplicationBytes);
        if (readError is not null)
        {
            return Fail("attest: " + readError);
        }

        var (application, inputError) = ApplicationReader.Read(text!, path, catalogs);
        if (inputError is not null)
        {
            return Fail("attest: " + inputError);
        }

        var catalog = catalogs.First(c => c.Id == application!.Checklist);
        var folder = Path.GetDirectoryName(Path.GetFullPath(path))!;
        var (findings, _) = EvidenceScan.ForCaseStudies(application!, folder);
        // A package is judged on the day it is made unless told otherwise: the file's asOf may be long past
        var day = asOfOption ?? today;
        // As attest check judges it: items that rely on cited evidence that is not there are at best needs-review
        var (files, links, missing) = EvidenceFiles.Resolve(application!, folder);
        var report = ReadinessEngine.Evaluate(application!, catalog, day, findings, missingEvidence: [.. missing.Select(m => m.Reference)]);
        Language? chosen = Languages.TryParse(langOption, out var parsedLanguage) ? parsedLanguage : null;
        var shown = language(langOption);
        if (asOfOption is null && application!.AsOf is { } fileDay && fileDay != day)
        {
            error.WriteLine(JudgedToday.With(day, fileDay).In(shown));
        }

        var input = new SubmissionInput
        {
            Application = application!,
            Catalog = catalog,
            Readiness = report,
            CreatedAt = DateTimeOffset.UtcNow,
            Language = chosen,
            Evidence = files,
            Links = links,
            Missing = missing,
        };

        foreach (var file in input.Unrelated)
        {
            error.WriteLine(UnrelatedWarning.With(file.Name, string.Join(", ", file.ThroughFolders)).In(shown));
        }

        var target = outFolder ?? Path.GetFileNameWithoutExtension(path) + "-package";
        IReadOnlyList<string> written;
        try
        {
            written = SubmissionPackage.WriteTo(target, input);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or InvalidOperationException)
        {
            return Fail($"attest: cannot write the package into {target}: {e.Message}");
        }

        foreach (var file in written)
        {
            output.WriteLine(Wrote.With(file, new FileInfo(file).Length).In(shown));
        }

        output.WriteLine(Counted.With(files.Count, links.Count, missing.Count).In(shown));
        foreach (var gap in missing)
        {
            var citedBy = string.Join(", ", gap.Items.Concat(gap.CaseStudies));
            output.WriteLine(MissingLine.With(gap.Reference, citedBy, gap.Why).In(shown));
        }

        return 0;
    }

    private int Verify(string path, Language shown)
    {
        if (InputFile.NotRegular(path) is { } notRegular)
        {
            return Fail($"attest: {path}: {notRegular}");
        }

        var verification = BundleVerifier.Verify(path);
        if (verification.Problem is { } problem)
        {
            return Fail($"attest: {path}: {problem.Place}: {problem.What.In(shown)}");
        }

        if (verification.Intact)
        {
            output.WriteLine(Intact.With(verification.Manifest!.Listed.Count()).In(shown));
            return 0;
        }

        foreach (var difference in verification.Differences.OrderBy(d => d.Change).ThenBy(d => d.Path, StringComparer.Ordinal))
        {
            output.WriteLine($"{difference.Change.ToString().ToLowerInvariant()}: {difference.Path}");
        }

        foreach (var difference in verification.Differences.Where(d => d.Change == BundleChange.Altered))
        {
            error.WriteLine($"attest: {difference.Path}: {difference.Detail.In(shown)}");
        }

        return 1;
    }

    private int Fail(string message)
    {
        error.WriteLine(message);
        return Cli.InputError;
    }

    /// <summary>Finds the files an application's evidence references point at, hashes them, and notes what is missing.</summary>
    internal static class EvidenceFiles
    {
        public static (List<EvidenceFile> Files, List<EvidenceLink> Links, List<MissingEvidence> Missing) Resolve(Application application, string folder)
        {
            var root = Path.TrimEndingDirectorySeparator(Path.GetFullPath(folder)) + Path.DirectorySeparatorChar;
            var links = new List<EvidenceLink>();
            var missing = new List<MissingEvidence>();
            var found = new Dictionary<string, (SortedSet<string> Items, List<string> CaseStudies, List<string> Folders)>(StringComparer.Ordinal);
            var byName = new HashSet<string>(StringComparer.Ordinal);
            var order = new List<string>();
            foreach (var reference in EvidenceReferences.Collect(application))
            {
                if (reference.IsUrl)
                {
                    links.Add(new EvidenceLink(reference.Reference, reference.Items, reference.CaseStudies));
                    continue;
                }

                var full = Path.GetFullPath(Path.Combine(folder, reference.Reference));
                if (!(full + Path.DirectorySeparatorChar).StartsWith(root, StringComparison.Ordinal))
                {
                    missing.Add(new MissingEvidence(reference.Reference, reference.Items, reference.CaseStudies, OutsideFolder.Message().Localized()));
                    continue;
                }

                IEnumerable<string> paths;
                var walked = false;
                if (ThroughLink(root, full))
                {
                    missing.Add(new MissingEvidence(reference.Reference, reference.Items, reference.CaseStudies, ThroughSymbolicLink.Message().Localized()));
                    continue;
                }

                if (File.Exists(full))
                {
                    paths = [full];
                }
                else if (Directory.Exists(full))
                {
                    var options = new EnumerationOptions { RecurseSubdirectories = true, IgnoreInaccessible = true, AttributesToSkip = FileAttributes.ReparsePoint | FileAttributes.Hidden | FileAttributes.System };
                    paths = Directory.EnumerateFiles(full, "*", options).Order(StringComparer.Ordinal);
                    walked = true;
                }
                else
                {
                    missing.Add(new MissingEvidence(reference.Reference, reference.Items, reference.CaseStudies, NoSuchFile.Message().Localized()));
                    continue;
                }

                foreach (var file in paths)
                {
                    if (!found.TryGetValue(file, out var cited))
                    {
                        cited = (new SortedSet<string>(ItemIdComparer.Instance), [], []);
                        found[file] = cited;
                        order.Add(file);
                    }

                    if (walked)
                    {
                        cited.Folders.Add(reference.Reference);
                    }
                    else
                    {
                        byName.Add(file);
                    }

                    cited.Items.UnionWith(reference.Items);
                    cited.CaseStudies.AddRange(reference.CaseStudies.Where(c => !cited.CaseStudies.Contains(c)));
                }
            }

            var files = new List<EvidenceFile>();
            long total = 0;
            foreach (var file in order)
            {
                var (items, caseStudies, folders) = found[file];
                var name = Path.GetRelativePath(folder, file).Replace('\\', '/');
                var gap = Hash(file, out var size, out var sha256);
                if (gap is null && files.Count >= MaxEvidenceFiles)
                {
                    gap = TooMany.With(MaxEvidenceFiles);
                }

                if (gap is null && total + size > MaxEvidenceTotalBytes)
                {
                    gap = TooLarge.With(total + size, MaxEvidenceTotalBytes);
                }

                if (gap is not null)
                {
                    missing.Add(new MissingEvidence(name, items.ToArray(), caseStudies, gap.Localized()));
                    continue;
                }

                total += size;
                files.Add(new EvidenceFile
                {
                    Name = name,
                    Size = size,
                    Sha256 = sha256,
                    Open = () => File.OpenRead(file),
                    Items = items.ToArray(),
                    CaseStudies = caseStudies,
                    ThroughFolders = byName.Contains(file) ? [] : folders.Distinct(StringComparer.Ordinal).ToArray(),
                });
            }

            return (files, links, missing);
        }

        // A symbolic link on the way could lead anywhere on the machine: such a path is not followed
        private static bool ThroughLink(string root, string full)
        {
            var current = root.TrimEnd(Path.DirectorySeparatorChar);
            foreach (var part in full[root.Length..].Split(Path.DirectorySeparatorChar, StringSplitOptions.RemoveEmptyEntries))
            {
                current = Path.Combine(current, part);
                FileSystemInfo info = Directory.Exists(current) ? new DirectoryInfo(current) : new FileInfo(current);
                if (info.Exists && info.LinkTarget is not null)
                {
                    return true;
                }
            }

            return false;
        }

        private static Message? Hash(string file, out long size, out string sha256)
        {
            size = 0;
            sha256 = "";
            if (InputFile.NotRegular(file) is { } notRegular)
            {
                return Unreadable.With(notRegular);
            }

            try
            {
                using var stream = File.OpenRead(file);
                if (stream.Length > MaxEvidenceFileBytes)
                {
                    return TooLarge.With(stream.Length, MaxEvidenceFileBytes);
                }

                size = stream.Length;
                sha256 = Convert.ToHexStringLower(SHA256.HashData(stream));
                return null;
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                return Unreadable.With(e.Message);
            }
        }
    }
}
