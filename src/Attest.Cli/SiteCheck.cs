using System.CommandLine;
using System.Globalization;
using System.Text;
using Attest.Core.Applications;
using Attest.Core.Catalogs;
using Attest.Core.Site;
using Attest.Core.Text;
using Attest.Evidence.Site;

namespace Attest.Cli;

/// <summary><c>attest site</c>: crawls the partner's web site and prints or writes the observation; also loads or runs one for <c>attest check</c>.</summary>
internal sealed class SiteCheck(TextWriter output, TextWriter error)
{
    private static readonly Phrase Heading = new("Site check of {0}, observed {1} UTC: {2} page(s) visited, {3} refused.", "Vérification du site {0}, observé le {1} UTC : {2} page(s) visitée(s), {3} refusée(s).");
    private static readonly Phrase BoundsHit = new("Stopped by its bounds: {0}. Pages beyond them were not seen.", "Arrêtée par ses limites : {0}. Les pages au-delà n'ont pas été vues.");
    private static readonly Phrase NoBoundHit = new("The whole site was seen within the bounds.", "Tout le site a été vu dans les limites.");
    private static readonly Phrase PracticeFound = new("Practice page {0}: reachable from the home page in {1} click(s).", "Page de pratique {0} : accessible depuis la page d'accueil en {1} clic(s).");
    private static readonly Phrase PracticeMissing = new("Practice page {0}: not reachable from the home page.", "Page de pratique {0} : inaccessible depuis la page d'accueil.");
    private static readonly Phrase CaseFound = new("Public case study {0} ({1}): reachable in {2} click(s).", "Étude de cas publique {0} ({1}) : accessible en {2} clic(s).");
    private static readonly Phrase CaseMissing = new("Public case study {0} ({1}): not reachable from the site.", "Étude de cas publique {0} ({1}) : inaccessible depuis le site.");
    private static readonly Phrase ContentDated = new("Content {0}: published {1} ({2}), language {3}, {4}.", "Contenu {0} : publié le {1} ({2}), langue {3}, {4}.");
    private static readonly Phrase ContentUndated = new("Content {0}: no publication date on the page, language {1}, {2}.", "Contenu {0} : aucune date de publication sur la page, langue {1}, {2}.");
    private static readonly Phrase Clicks = new("{0} click(s) from home", "à {0} clic(s) de l'accueil");
    private static readonly Phrase NotLinked = new("read directly, not reached from home", "lu directement, non atteint depuis l'accueil");
    private static readonly Phrase RefusedLine = new("Not read: {0} — {1}{2}", "Non lue : {0} — {1}{2}");
    private static readonly Phrase Unknown = new("unknown", "inconnue");
    private static readonly Phrase Written = new("Observation written to {0}.", "Observation écrite dans {0}.");

    private static readonly Dictionary<RefusalReason, Phrase> Reasons = new()
    {
        [RefusalReason.Robots] = new("disallowed by robots.txt", "interdite par robots.txt"),
        [RefusalReason.PrivateAddress] = new("internal address refused", "adresse interne refusée"),
        [RefusalReason.TooBig] = new("too big", "trop grande"),
        [RefusalReason.TooSlow] = new("too slow", "trop lente"),
        [RefusalReason.NotHtml] = new("not HTML", "pas du HTML"),
        [RefusalReason.RedirectLoop] = new("redirect loop", "boucle de redirections"),
        [RefusalReason.TooManyRedirects] = new("too many redirects", "trop de redirections"),
        [RefusalReason.BadAddress] = new("not a web address", "pas une adresse web"),
        [RefusalReason.OffSite] = new("redirected to another site", "redirigée vers un autre site"),
        [RefusalReason.Unreachable] = new("unreachable", "injoignable"),
    };

    private static readonly Dictionary<SiteLimit, Phrase> Limits = new()
    {
        [SiteLimit.Pages] = new("page count", "nombre de pages"),
        [SiteLimit.Depth] = new("depth", "profondeur"),
        [SiteLimit.Time] = new("time", "durée"),
    };

    /// <summary>The <c>site</c> command.</summary>
    public Command Command(Option<string?> languageOption, Option<string?> catalogsOption, Func<string?, Language> lang, Func<string?, IReadOnlyList<Catalog>?> catalogs)
    {
        var url = new Argument<string>("url") { Description = "The partner's home page, http or https" };
        var applicationOption = new Option<string?>("--application") { Description = "An application file: also look for its practice page, public case studies and content" };
        var format = new Option<string>("--format") { Description = "text or json", DefaultValueFactory = _ => "text" };
        format.AcceptOnlyFromAmong("text", "json");
        var outFile = new Option<string?>("--out") { Description = "Also write the observation (JSON) to this file, for attest check --site-observation" };
        var maxPages = new Option<int>("--max-pages") { Description = "Pages fetched at most", DefaultValueFactory = _ => new SiteLimits().MaxPages };
        var maxDepth = new Option<int>("--max-depth") { Description = "Clicks from the home page at most", DefaultValueFactory = _ => new SiteLimits().MaxDepth };
        var timeout = new Option<int>("--timeout") { Description = "Seconds for the whole crawl", DefaultValueFactory = _ => new SiteLimits().TimeoutSeconds };
        var allowPrivate = new Option<bool>("--allow-private-addresses") { Description = "Also crawl private and loopback addresses (your own test sites)" };
        var command = new Command("site", "Crawl the partner's web site: practice page, public case studies, content dates (PRE-2.2, PRE-3.1, PRE-3.2)")
        {
            url, applicationOption, format, outFile, languageOption, maxPages, maxDepth, timeout, allowPrivate, catalogsOption,
        };
        command.SetAction(r =>
        {
            var limits = new SiteLimits { MaxPages = r.GetValue(maxPages), MaxDepth = r.GetValue(maxDepth), TimeoutSeconds = r.GetValue(timeout) };
            var options = new SiteCrawlOptions { Limits = limits, AllowPrivateAddresses = r.GetValue(allowPrivate) };
            return Run(r.GetValue(url)!, r.GetValue(applicationOption), options, r.GetValue(format)!, r.GetValue(outFile), lang(r.GetValue(languageOption)), () => catalogs(r.GetValue(catalogsOption)));
        });
        return command;
    }

    /// <summary>Crawls the application's home page for <c>attest check --crawl</c>; null (with the error written) when it could not.</summary>
    public SiteObservation? Crawl(Application application, bool allowPrivateAddresses)
    {
        if (string.IsNullOrWhiteSpace(application.Partner.Homepage))
        {
            error.WriteLine("attest: --crawl: the application states no partner.homepage to start from");
            return null;
        }

        var start = SiteAddress.Parse(application.Partner.Homepage)?.AbsoluteUri ?? application.Partner.Homepage;
        using var crawler = new SiteCrawler(new SiteCrawlOptions { AllowPrivateAddresses = allowPrivateAddresses });
        var result = crawler.CrawlAsync(start, SiteTargets.From(application)).GetAwaiter().GetResult();
        if (result.Error is not null)
        {
            error.WriteLine("attest: --crawl: " + result.Error);
            return null;
        }

        return result.Observation;
    }

    /// <summary>Reads a saved observation for <c>attest check --site-observation</c>; null (with the error written) when it cannot.</summary>
    public SiteObservation? Load(string path)
    {
        var (text, readError) = InputFile.Read(path, SiteObservationJson.MaxBytes);
        if (readError is not null)
        {
            error.WriteLine("attest: " + readError);
            return null;
        }

        var (observation, parseError) = SiteObservationJson.Read(text!, path);
        if (parseError is not null)
        {
            error.WriteLine("attest: " + parseError);
            return null;
        }

        return observation;
    }

    private int Run(string url, string? applicationPath, SiteCrawlOptions options, string format, string? outFile, Language language, Func<IReadOnlyList<Catalog>?> catalogs)
    {
        if (options.Problem() is { } problem)
        {
            return Fail("attest: site: " + problem);
        }

        var targets = SiteTargets.None;
        if (applicationPath is not null)
        {
            if (catalogs() is not { } known)
            {
                return Cli.InputError;
            }

            var (text, readError) = InputFile.Read(applicationPath, Cli.MaxApplicationBytes);
            if (readError is not null)
            {
                return Fail("attest: " + readError);
            }

            var (application, inputError) = ApplicationReader.Read(text!, applicationPath, known);
            if (inputError is not null)
            {
                return Fail("attest: " + inputError);
            }

            targets = SiteTargets.From(application!);
        }

        using var crawler = new SiteCrawler(options);
        var result = crawler.CrawlAsync(url, targets).GetAwaiter().GetResult();
        if (result.Error is not null)
        {
            return Fail("attest: site: " + result.Error);
        }

        var observation = result.Observation!;
        var json = SiteObservationJson.Write(observation);
        if (outFile is not null && WriteWhole(outFile, json) is { } writeError)
        {
            return Fail($"attest: cannot write {outFile}: {writeError}");
        }

        output.Write(format == "json" ? json : Text(observation, language));
        if (outFile is not null && format != "json")
        {
            output.WriteLine(Written.With(outFile).In(language));
        }

        return 0;
    }

    // Written beside the target, then moved over it: a reader never sees half a file
    private static string? WriteWhole(string path, string text)
    {
        var full = Path.GetFullPath(path);
        var temporary = Path.Combine(Path.GetDirectoryName(full)!, $".{Path.GetFileName(full)}.{Guid.NewGuid():N}.tmp");
        try
        {
            File.WriteAllText(temporary, text, new UTF8Encoding(false));
            File.Move(temporary, full, overwrite: true);
            return null;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            File.Delete(temporary);
            return e.Message;
        }
    }

    internal static string Text(SiteObservation o, Language language)
    {
        var text = new StringBuilder();
        void Line(Message message) => text.Append(message.In(language)).Append('\n');
        var when = o.ObservedAt.UtcDateTime.ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture);
        Line(Heading.With(o.StartUrl, when, o.Pages.Count, o.Refused.Count));
        Line(o.LimitsHit.Count > 0 ? BoundsHit.With(o.LimitsHit.Select(l => Limits[l].Message()).ToArray()) : NoBoundHit.Message());
        if (o.PracticePage is { } practice)
        {
            Line(practice.Reachable ? PracticeFound.With(practice.Url, practice.Clicks) : PracticeMissing.With(practice.Url));
        }

        foreach (var c in o.CaseStudies)
        {
            Line(c.Reachable ? CaseFound.With(c.Key, c.Url, c.Clicks) : CaseMissing.With(c.Key, c.Url));
        }

        foreach (var c in o.Content)
        {
            var languageName = c.Language is { } l ? (object)l : Unknown.Message();
            var clicks = c.Clicks is { } n ? Clicks.With(n) : NotLinked.Message();
            Line(c.Published is { } published
                ? ContentDated.With(c.Url, published, SiteObservationJson.Names.Source(c.DateSource!.Value), languageName, clicks)
                : ContentUndated.With(c.Url, languageName, clicks));
        }

        foreach (var r in o.Refused)
        {
            Line(RefusedLine.With(r.Url, Reasons[r.Reason].Message(), r.Detail is null ? "" : " (" + r.Detail + ")"));
        }

        return text.ToString();
    }

    private int Fail(string message)
    {
        error.WriteLine(message);
        return Cli.InputError;
    }
}
