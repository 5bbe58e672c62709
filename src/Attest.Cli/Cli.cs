using System.CommandLine;
using Attest.Cli.Rendering;
using Attest.Cli.Scanning;
using Attest.Core.Applications;
using Attest.Core.Catalogs;
using Attest.Core.Documents;
using Attest.Core.Findings;
using Attest.Core.Readiness;
using Attest.Core.Site;
using Attest.Core.Text;
using Attest.Evidence.CloudTrail;
using Attest.Evidence.Scanning;

namespace Attest.Cli;

/// <summary>The <c>attest</c> command line. Exit codes: 0 ready (or success), 1 not ready, 2 unreadable input or bad usage.</summary>
internal sealed partial class Cli(TextWriter output, TextWriter error, Func<string, string?> environment, bool outputIsTerminal, DateOnly today)
{
    public const int Ready = 0;
    public const int NotReady = 1;
    public const int InputError = 2;
    public const long MaxApplicationBytes = 10 * 1024 * 1024;

    public static int Main(string[] args)
    {
        Console.OutputEncoding = System.Text.Encoding.UTF8;
        var cli = new Cli(Console.Out, Console.Error, Environment.GetEnvironmentVariable, !Console.IsOutputRedirected, DateOnly.FromDateTime(DateTime.UtcNow));
        return cli.Run(args);
    }

    public int Run(string[] args)
    {
        var root = BuildCommands();
        var parsed = root.Parse(args);
        if (parsed.Errors.Count > 0)
        {
            // The first problem only, on one line, in words rather than .NET type names
            error.WriteLine($"attest: {UsageProblem(parsed.Errors[0].Message)} (see 'attest --help')");
            return InputError;
        }

        try
        {
            return parsed.Invoke(new InvocationConfiguration { Output = output, Error = error, EnableDefaultExceptionHandler = false });
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            // A fault of ours, not of the input; still one line, never a stack trace
            error.WriteLine($"attest: internal error: {e.GetType().Name}: {e.Message}");
            return InputError;
        }
    }

    /// <summary>A parser's message on one line, with the expected type of a value said in words.</summary>
    internal static string UsageProblem(string message)
    {
        var typed = ExpectedType().Match(message);
        if (typed.Success)
        {
            var expected = typed.Groups["type"].Value switch
            {
                "System.Int32" => $"a whole number from {int.MinValue} to {int.MaxValue}",
                "System.Int64" => $"a whole number from {long.MinValue} to {long.MaxValue}",
                _ => "a value of another kind",
            };
            return $"{typed.Groups["option"].Value}: expected {expected}, got '{typed.Groups["value"].Value}'";
        }

        var lines = message.ReplaceLineEndings("\n").Split('\n', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);
        return lines.Length <= 1 ? string.Concat(lines) : lines[0] + " " + string.Join(", ", lines.Skip(1));
    }

    [System.Text.RegularExpressions.GeneratedRegex(@"^Cannot parse argument '(?<value>.*)' for (option|command|argument) '(?<option>.*)' as expected type '(?<type>[^']*)'")]
    private static partial System.Text.RegularExpressions.Regex ExpectedType();

    private RootCommand BuildCommands()
    {
        var languageOption = new Option<string?>("--lang") { Description = "Language of the output: en or fr (default: from LANG, else en)" };
        languageOption.AcceptOnlyFromAmong("en", "fr");
        var catalogsOption = new Option<string?>("--catalogs") { Description = "A folder of extra catalog files (also: ATTEST_CATALOGS)" };

        var file = new Argument<string>("file") { Description = "The application file (format v1, YAML or JSON)" };
        var asOf = new Option<string?>("--as-of") { Description = "Evaluation date, YYYY-MM-DD (default: the file's asOf, else today UTC)" };
        var format = new Option<string>("--format") { Description = "text, json or markdown", DefaultValueFactory = _ => "text" };
        format.AcceptOnlyFromAmong("text", "json", "markdown");
        var siteObservation = new Option<string?>("--site-observation") { Description = "A saved site observation (attest site --out): it replaces the declarations of PRE-2.2, PRE-3.1 and PRE-3.2" };
        var crawl = new Option<bool>("--crawl") { Description = "Crawl the partner's home page now and use what it shows for PRE-2.2, PRE-3.1 and PRE-3.2" };
        var allowPrivate = new Option<bool>("--allow-private-addresses") { Description = "With --crawl: also crawl private and loopback addresses (your own test sites)" };
        var checkChecklist = new Option<string?>("--checklist") { Description = "Judge the file against this checklist rather than its own: the profile, case studies and evidence carry over, the answers under programs: and those a mapping (catalogs/mappings) carries" };
        var check = new Command("check", "Check an application's readiness, item by item") { file, asOf, format, languageOption, catalogsOption, siteObservation, crawl, allowPrivate, checkChecklist };
        var checkTrailOptions = TrailOptionsParser.Options();
        TrailOptionsParser.AddTo(check, checkTrailOptions);
        check.SetAction(r => TrailOptionsParser.Parse(r, checkTrailOptions, out var trail) is { } bad
            ? Fail("attest: " + bad)
            : Check(r.GetValue(file)!, r.GetValue(asOf), r.GetValue(format)!, Lang(r.GetValue(languageOption)), r.GetValue(catalogsOption), new SiteInput(r.GetValue(siteObservation), r.GetValue(crawl), r.GetValue(allowPrivate)), trail, r.GetValue(checkChecklist)));

        var checklistOption = new Option<string?>("--checklist") { Description = "The checklist id (default: the only or first catalog)" };
        var outputOption = new Option<string>("--output", "-o") { Description = "Where to write (default application.yaml; - for standard output)", DefaultValueFactory = _ => "application.yaml" };
        var force = new Option<bool>("--force") { Description = "Overwrite an existing file" };
        var init = new Command("init", "Write a commented starter application file") { languageOption, checklistOption, outputOption, force, catalogsOption };
        init.SetAction(r => Init(Lang(r.GetValue(languageOption)), r.GetValue(checklistOption), r.GetValue(outputOption)!, r.GetValue(force), r.GetValue(catalogsOption)));

        var list = new Command("list", "List the checklists Attest knows") { catalogsOption };
        list.SetAction(r => ListCatalogs(r.GetValue(catalogsOption)));
        var id = new Argument<string>("id") { Description = "The checklist id" };
        var show = new Command("show", "Show a checklist's items") { id, languageOption, catalogsOption };
        show.SetAction(r => ShowCatalog(r.GetValue(id)!, Lang(r.GetValue(languageOption)), r.GetValue(catalogsOption)));
        var catalog = new Command("catalog", "Checklists (catalogs)") { list, show };

        var kind = new Argument<string>("kind") { Description = "application or catalog" };
        kind.AcceptOnlyFromAmong("application", "catalog");
        var schema = new Command("schema", "Print the JSON Schema of a file format") { kind };
        schema.SetAction(r =>
        {
            output.Write(r.GetValue(kind) == "catalog" ? Schemas.Catalog : Schemas.Application);
            return 0;
        });

        var paths = new Argument<string[]>("path") { Description = "Files or folders to scan (recursively)", Arity = ArgumentArity.OneOrMore };
        var scanFormat = new Option<string>("--format") { Description = "text, json or sarif", DefaultValueFactory = _ => "text" };
        scanFormat.AcceptOnlyFromAmong("text", "json", "sarif");
        var item = new Option<string?>("--item") { Description = "Only the rules whose topics are evidence for one item of the checklist, e.g. VAL-2.10" };
        var topic = new Option<string?>("--topic") { Description = "Only the rules of one topic, e.g. s3-public-access (see attest rules)" };
        var scanChecklist = new Option<string?>("--checklist") { Description = "The checklist whose items the results name (default: the only or first catalog)" };
        var failOn = new Option<string>("--fail-on") { Description = "Lowest severity of a failure that makes the exit code 1: low, medium or high", DefaultValueFactory = _ => "low" };
        failOn.AcceptOnlyFromAmong("low", "medium", "high");
        var trailOptions = TrailOptionsParser.Options();
        var scan = new Command("scan", "Scan CloudFormation, SAM and Terraform code, IAM policy files and CloudTrail logs for evidence per topic and checklist item. Exit codes: 1 when a finding fails at or above --fail-on, else 0, also when some files could not be read (they are listed as problems); 2 for bad usage, an unknown item or topic, or a missing path") { paths, scanFormat, item, topic, scanChecklist, catalogsOption, failOn, languageOption };
        TrailOptionsParser.AddTo(scan, trailOptions);
        scan.SetAction(r => TrailOptionsParser.Parse(r, trailOptions, out var trail) is { } bad
            ? Fail("attest: " + bad)
            : Scan(r.GetValue(paths)!, r.GetValue(scanFormat)!, new ScanFilter(r.GetValue(item), r.GetValue(topic), r.GetValue(scanChecklist), r.GetValue(catalogsOption)), r.GetValue(failOn)!, Lang(r.GetValue(languageOption)), trail));

        var rulesFormat = new Option<string>("--format") { Description = "text, json or markdown (the generated part of docs/rules.md)", DefaultValueFactory = _ => "text" };
        rulesFormat.AcceptOnlyFromAmong("text", "json", "markdown");
        var rulesChecklist = new Option<string?>("--checklist") { Description = "The checklist whose items the rules name (default: the only or first catalog)" };
        var rules = new Command("rules", "List every evidence rule with its topic, documentation and equivalents") { rulesFormat, languageOption, rulesChecklist, catalogsOption };
        rules.SetAction(r =>
        {
            if (Checklist(r.GetValue(rulesChecklist), r.GetValue(catalogsOption)) is not { } items)
            {
                return InputError;
            }

            output.Write(r.GetValue(rulesFormat) switch
            {
                "json" => ScanOutput.RulesJson(Lang(r.GetValue(languageOption)), items) + "\n",
                "markdown" => Attest.Evidence.Rules.Table.RuleDocs.Markdown(),
                _ => ScanOutput.RulesText(Lang(r.GetValue(languageOption)), items),
            });
            return 0;
        });

        var packaging = new PackageCommands(output, error, LoadCatalogs, Lang, today);
        var site = new SiteCheck(output, error).Command(languageOption, catalogsOption, Lang, LoadCatalogs);
        var audit = new AuditCommands(output, error, Lang).Audit();
        var workbook = new WorkbookCommands(output, error, LoadCatalogs).Build(catalogsOption);
        return new RootCommand("Attest: prepare and check an AWS specialization validation (AWS Retail Competency, AWS WAF Service Delivery).") { check, init, catalog, schema, scan, rules, site, packaging.Package(), packaging.Bundle(), audit, workbook };
    }

    private Language Lang(string? option)
    {
        if (Languages.TryParse(option, out var chosen))
        {
            return chosen;
        }

        foreach (var variable in new[] { "LC_ALL", "LC_MESSAGES", "LANG" })
        {
            if (environment(variable) is { Length: > 0 } value)
            {
                return Languages.TryParse(value, out var fromEnvironment) ? fromEnvironment : Language.En;
            }
        }

        return Language.En;
    }

    private sealed record SiteInput(string? ObservationFile, bool Crawl, bool AllowPrivateAddresses);

    private IReadOnlyList<Catalog>? LoadCatalogs(string? catalogsFolder)
    {
        var (catalogs, catalogError) = CatalogStore.Load(CatalogStore.Folders(catalogsFolder, environment));
        if (catalogError is not null)
        {
            error.WriteLine("attest: catalog " + catalogError);
            return null;
        }

        return catalogs;
    }

    private int Check(string path, string? asOfText, string format, Language language, string? catalogsFolder, SiteInput siteInput, TrailOptions trail, string? checklistId = null)
    {
        if (siteInput.ObservationFile is not null && siteInput.Crawl)
        {
            return Fail("attest: give either --site-observation or --crawl, not both");
        }

        DateOnly? asOfOption = null;
        if (asOfText is not null)
        {
            var (parsedDate, problem) = DateRange.Parse(asOfText);
            if (parsedDate is null)
            {
                return Fail($"attest: --as-of: {problem}");
            }

            asOfOption = parsedDate;
        }

        if (LoadCatalogs(catalogsFolder) is not { } catalogs)
        {
            return InputError;
        }

        var (text, readError) = InputFile.Read(path, MaxApplicationBytes);
        if (readError is not null)
        {
            return Fail("attest: " + readError);
        }

        var (application, inputError) = ApplicationReader.Read(text!, path, catalogs);
        if (inputError is not null)
        {
            return Fail("attest: " + inputError);
        }

        SiteObservation? site = null;
        var siteCheck = new SiteCheck(output, error);
        if (siteInput.ObservationFile is not null && (site = siteCheck.Load(siteInput.ObservationFile)) is null)
        {
            return InputError;
        }

        if (siteInput.Crawl && (site = siteCheck.Crawl(application!, siteInput.AllowPrivateAddresses)) is null)
        {
            return InputError;
        }

        var carriedLines = new List<string>();
        if (checklistId is not null && checklistId != application!.Checklist)
        {
            if (catalogs.FirstOrDefault(c => c.Id == checklistId) is not { } target)
            {
                return Fail($"attest: unknown checklist '{checklistId}' (known: {string.Join(", ", catalogs.Select(c => c.Id))})");
            }

            var (mapping, mappingError) = CatalogStore.FindMapping(CatalogStore.Folders(catalogsFolder, environment), catalogs, application.Checklist, target.Id);
            if (mappingError is not null)
            {
                return Fail("attest: mapping " + mappingError);
            }

            var (projected, carried) = ApplicationProjection.For(application, target, mapping);
            application = projected;
            carriedLines.AddRange(carried.Select(c => CliTexts.Carried(c, language)));
            if (mapping is null)
            {
                carriedLines.Add(CliTexts.NoMapping(language));
            }
        }

        var checklist = catalogs.First(c => c.Id == application!.Checklist);
        var folder = Path.GetDirectoryName(Path.GetFullPath(path))!;
        var (findings, warnings) = EvidenceScan.ForCaseStudies(application!, folder, trail, language);
        var (missingEvidence, missingLines) = CitedEvidenceCheck.Find(application!, folder, language, warnings);
        warnings.AddRange(missingLines);
        warnings.AddRange(carriedLines);
        var asOfDay = asOfOption ?? application!.AsOf ?? today;
        var report = ReadinessEngine.Evaluate(application!, checklist, asOfDay, findings, site, missingEvidence, ChecklistWindow.SuccessorAmong(checklist, catalogs));
        var rendered = format switch
        {
            "json" => ReadinessJson.Render(report, language, warnings),
            "markdown" => MarkdownReport.Render(report, language) + string.Concat(warnings.Select(w => $"\n> {w}")),
            _ => new TextReport(language, outputIsTerminal && string.IsNullOrEmpty(environment("NO_COLOR"))).Render(report) + string.Concat(warnings.Select(w => $"! {w}\n")),
        };
        output.Write(rendered);
        if (format == "json")
        {
            output.WriteLine();
        }

        return report.Ready ? Ready : NotReady;
    }

    private int Init(Language language, string? checklistId, string path, bool force, string? catalogsFolder)
    {
        if (LoadCatalogs(catalogsFolder) is not { } catalogs)
        {
            return InputError;
        }

        var catalog = checklistId is null ? (catalogs.Count > 0 ? catalogs[0] : null) : catalogs.FirstOrDefault(c => c.Id == checklistId);
        if (catalog is null)
        {
            return Fail($"attest: unknown checklist '{checklistId}' (known: {string.Join(", ", catalogs.Select(c => c.Id))})");
        }

        var starter = Starter.Write(catalog, language, today);
        if (path == "-")
        {
            output.Write(starter);
            return 0;
        }

        if (File.Exists(path) && !force)
        {
            return Fail($"attest: {path} already exists (use --force to overwrite)");
        }

        try
        {
            File.WriteAllText(path, starter);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return Fail($"attest: cannot write {path}: {e.Message}");
        }

        output.WriteLine(language == Language.Fr ? $"{path} écrit. Complétez-le, puis lancez : attest check {path}" : $"Wrote {path}. Fill it in, then run: attest check {path}");
        return 0;
    }

    private int ListCatalogs(string? catalogsFolder)
    {
        if (LoadCatalogs(catalogsFolder) is not { } catalogs)
        {
            return InputError;
        }

        foreach (var catalog in catalogs)
        {
            var validity = catalog.AcceptedUntil is { } until ? $", accepted until {until:yyyy-MM-dd}" : "";
            output.WriteLine($"{catalog.Id}\t{catalog.Title.En} (version {catalog.Version}, {catalog.Published:yyyy-MM-dd}{validity}, {catalog.Items.Count} items)");
        }

        return 0;
    }

    private int ShowCatalog(string id, Language language, string? catalogsFolder)
    {
        if (LoadCatalogs(catalogsFolder) is not { } catalogs)
        {
            return InputError;
        }

        if (catalogs.FirstOrDefault(c => c.Id == id) is not { } catalog)
        {
            return Fail($"attest: unknown checklist '{id}' (known: {string.Join(", ", catalogs.Select(c => c.Id))})");
        }

        output.WriteLine($"{catalog.Title.In(language)} — {catalog.Issuer}, {catalog.Version} ({catalog.Published:yyyy-MM-dd})");
        output.WriteLine($"{catalog.ProgramOffice.Email} · {catalog.ProgramOffice.Subject("<partner>", language)}");
        foreach (var section in catalog.Sections)
        {
            output.WriteLine();
            output.WriteLine($"{section.Id} {section.Title.In(language)}");
            foreach (var item in section.Items)
            {
                output.WriteLine($"  {item.Id} {item.Title.In(language)} [{CatalogReader.Applicabilities.Display(item.AppliesTo).In(language)}; {CatalogReader.AutomationLevels.Display(item.Automation).In(language)}]");
                output.WriteLine($"      {item.Requirement.In(language)}");
                foreach (var practice in item.WellArchitected)
                {
                    output.WriteLine($"      Well-Architected {practice.BestPractice}: {practice.Title.In(language)}");
                }
            }
        }

        return 0;
    }

    private sealed record ScanFilter(string? Item, string? Topic, string? Checklist, string? CatalogsFolder);

    // The checklist whose items the results name: the one asked for, else the only or first catalog
    private TopicItems? Checklist(string? checklistId, string? catalogsFolder)
    {
        if (LoadCatalogs(catalogsFolder) is not { } catalogs)
        {
            return null;
        }

        var catalog = checklistId is null ? (catalogs.Count > 0 ? catalogs[0] : null) : catalogs.FirstOrDefault(c => c.Id == checklistId);
        if (checklistId is not null && catalog is null)
        {
            Fail($"attest: unknown checklist '{checklistId}' (known: {string.Join(", ", catalogs.Select(c => c.Id))})");
            return null;
        }

        return new TopicItems(catalog);
    }

    private int Scan(string[] paths, string format, ScanFilter filter, string failOn, Language language, TrailOptions trailOptions)
    {
        foreach (var path in paths)
        {
            if (!File.Exists(path) && !Directory.Exists(path))
            {
                return Fail($"attest: {path}: no such file or folder");
            }
        }

        if (Checklist(filter.Checklist, filter.CatalogsFolder) is not { } items)
        {
            return InputError;
        }

        HashSet<string>? topics = null;
        if (filter.Item is not null)
        {
            if (items.Catalog?.FindItem(filter.Item) is not { } chosen)
            {
                return Fail($"attest: --item: unknown item '{filter.Item}' in checklist {items.Catalog?.Id ?? "(none)"}");
            }

            topics = [.. chosen.Topics];
        }

        if (filter.Topic is not null)
        {
            if (!Topics.IsKnown(filter.Topic))
            {
                return Fail($"attest: --topic: unknown topic '{filter.Topic}' (known: {string.Join(", ", Topics.All.Keys)})");
            }

            topics = topics is null ? [filter.Topic] : [.. topics.Where(t => t == filter.Topic)];
        }

        var sources = EvidenceScan.Sources(paths);
        var analysis = EvidenceAnalyzer.Analyze(sources, new ScanOptions { Trail = trailOptions, Language = language, Topics = topics is null ? null : topics.Contains });
        var findings = analysis.Findings;
        var report = new ScanReport(findings, analysis.Problems, items, analysis.Trail);
        output.Write(format switch
        {
            "json" => ScanOutput.Json(report, language) + "\n",
            "sarif" => ScanOutput.Sarif(report, language, typeof(Cli).Assembly.GetName().Version?.ToString(3) ?? "0.0.0") + "\n",
            _ => ScanOutput.Text(report, language),
        });
        var threshold = FindingNames.Severities.TryParse(failOn, out var level) ? level : Severity.Low;
        return findings.Any(f => f.Outcome == FindingOutcome.Fail && f.Severity >= threshold) ? 1 : 0;
    }

    private int Fail(string message)
    {
        error.WriteLine(message);
        return InputError;
    }
}
