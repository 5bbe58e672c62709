using System.Collections.Frozen;
using System.Text;

using Attest.Core.Applications;
using Attest.Core.Findings;
using Attest.Core.Site;

namespace Attest.Core.Readiness;

/// <summary>How names, domains and addresses are compared.</summary>
public static class Normalization
{
    // Legal-form words that say nothing about who the customer is ("Contoso Stores, Inc." is possibly "Contoso Stores")
    private static readonly HashSet<string> LegalSuffixes = new(StringComparer.Ordinal)
    {
        "inc", "incorporated", "corp", "corporation", "co", "company", "ltd", "limited", "llc", "llp", "lp", "plc",
        "gmbh", "ag", "kg", "mbh", "sa", "sas", "sasu", "sarl", "eurl", "sca", "snc", "spa", "srl", "bv", "nv",
        "ab", "as", "asa", "oy", "oyj", "pty", "pte", "kk", "sl", "slu", "se", "cv",
    };

    private static readonly HashSet<string>.AlternateLookup<ReadOnlySpan<char>> LegalSuffixLookup = LegalSuffixes.GetAlternateLookup<ReadOnlySpan<char>>();

    // Second-level suffixes under which names are registered (contoso.co.uk), for the common country domains
    private static readonly HashSet<string> MultiPartSuffixes = new(StringComparer.Ordinal)
    {
        "co.uk", "org.uk", "ac.uk", "gov.uk", "ltd.uk", "plc.uk", "me.uk", "net.uk", "sch.uk",
        "com.au", "net.au", "org.au", "edu.au", "gov.au", "asn.au", "id.au",
        "co.nz", "net.nz", "org.nz", "govt.nz", "ac.nz",
        "co.jp", "ne.jp", "or.jp", "ac.jp", "go.jp", "co.kr", "or.kr", "ne.kr",
        "co.za", "org.za", "net.za", "gov.za", "co.in", "net.in", "org.in", "firm.in", "gen.in", "ind.in",
        "com.br", "net.br", "org.br", "gov.br", "com.mx", "org.mx", "gob.mx", "com.ar", "com.co", "com.pe", "com.cl",
        "com.cn", "net.cn", "org.cn", "gov.cn", "com.hk", "org.hk", "com.tw", "org.tw", "com.sg", "org.sg", "edu.sg",
        "com.my", "co.id", "co.th", "com.ph", "com.vn", "com.tr", "co.il", "org.il", "com.sa", "com.eg", "co.ke",
        "com.ng", "com.pl", "co.at", "or.at", "gv.at", "gouv.fr", "asso.fr", "com.es", "org.es", "com.pt", "com.gr",
        "com.ua", "com.ru", "co.uz", "com.pk", "com.bd",
    };

    private static readonly string[] DefaultDocuments =
    [
        "index.html", "index.htm", "index.shtml", "index.php", "index.asp", "index.aspx", "index.jsp",
        "default.html", "default.htm", "default.asp", "default.aspx",
    ];

    /// <summary>
    /// A customer name for comparison: case folded, every space removed, accents and compatibility forms folded
    /// ("Épicerie Bérénice", typed precomposed or with combining accents, is "epicerieberenice"). Punctuation is kept:
    /// names that differ only by it are possible duplicates (<see cref="LooseCustomerName"/>), not the same customer.
    /// </summary>
    public static string CustomerName(string name)
    {
        var builder = Builder(name.Length);
        foreach (var c in name)
        {
            if (!char.IsWhiteSpace(c))
            {
                Fold(c, builder);
            }
        }

        return builder.ToString();
    }

    /// <summary>
    /// A customer name with punctuation and trailing legal-form words (Inc., Ltd, GmbH, SAS…) left out, on top of
    /// <see cref="CustomerName"/>: two customers whose names give the same loose form may be one legal entity.
    /// <paramref name="withSuffix"/> is the same without dropping the legal-form words, to tell which of the two made them alike.
    /// </summary>
    public static string LooseCustomerName(string name, out string withSuffix)
    {
        var folded = Builder(name.Length);
        foreach (var c in name)
        {
            // "S.A." and "Inc." are words without their dots
            if (c != '.')
            {
                Fold(c, folded);
            }
        }

        // The words are the runs of letters and digits: their letters, end to end, and where each word ends among them
        var length = folded.Length;
        var letters = length <= 256 ? stackalloc char[length] : new char[length];
        var ends = length <= 256 ? stackalloc int[length] : new int[length];
        var (count, words) = (0, 0);
        for (var i = 0; i < length; i++)
        {
            var c = folded[i];
            if (char.IsLetterOrDigit(c))
            {
                letters[count++] = c;
            }
            else if (count > 0 && (words == 0 || ends[words - 1] < count))
            {
                ends[words++] = count;
            }
        }

        if (count > 0 && (words == 0 || ends[words - 1] < count))
        {
            ends[words++] = count;
        }

        withSuffix = new string(letters[..count]);
        var kept = words;
        while (kept > 1 && LegalSuffixLookup.Contains(letters[ends[kept - 2]..ends[kept - 1]]))
        {
            kept--;
        }

        return kept == words ? withSuffix : new string(letters[..ends[kept - 1]]);
    }

    // One builder per thread for the folded forms, which are then copied out (not kept when a long name made it large)
    [ThreadStatic]
    private static StringBuilder? cachedBuilder;

    private static StringBuilder Builder(int capacity)
    {
        var b = cachedBuilder is { Capacity: <= 1024 } cached ? cached : cachedBuilder = new StringBuilder(64);
        b.Clear();
        b.EnsureCapacity(capacity);
        return b;
    }

    /// <summary>
    /// The registrable part of a web domain: the name under its public suffix (<c>shop.contoso.co.uk</c> gives
    /// <c>contoso.co.uk</c>, <c>eu.contoso.example</c> gives <c>contoso.example</c>). Common country second-level
    /// suffixes are known; any other top-level domain is taken as a one-label suffix.
    /// </summary>
    public static string RegistrableDomain(string domain)
    {
        var lastDot = domain.LastIndexOf('.');
        if (lastDot <= 0 || IsIpAddress(domain))
        {
            return domain;
        }

        var secondDot = domain.LastIndexOf('.', lastDot - 1);
        if (secondDot < 0)
        {
            return domain;
        }

        var keep = MultiPartSuffixes.Contains(domain[(secondDot + 1)..]) ? 3 : 2;
        var start = domain.Length;
        for (var labels = 0; labels < keep; labels++)
        {
            start = domain.LastIndexOf('.', start - 1);
            if (start < 0)
            {
                return domain;
            }
        }

        return domain[(start + 1)..];
    }

    private static bool IsIpAddress(string host) => host.All(c => char.IsAsciiDigit(c) || c == '.');

    private static void Fold(char c, StringBuilder builder)
    {
        switch (char.GetUnicodeCategory(c))
        {
            case System.Globalization.UnicodeCategory.NonSpacingMark:
            case System.Globalization.UnicodeCategory.SpacingCombiningMark:
            case System.Globalization.UnicodeCategory.EnclosingMark:
            case System.Globalization.UnicodeCategory.Format:
                return; // combining accents (as macOS and PDF copy-paste produce them) and invisible marks
        }

        if (c is >= '\uFF01' and <= '\uFF5E')
        {
            c = (char)(c - 0xFEE0); // full-width forms of ASCII
        }

        if (c > 127 && LatinFolding.Map.TryGetValue(c, out var folded))
        {
            builder.Append(folded);
        }
        else
        {
            builder.Append(char.ToLowerInvariant(c));
        }
    }

    /// <summary>The web domain of a site address (scheme optional), lower case, without <c>www.</c>; null when it is not a web address.</summary>
    public static string? WebDomain(string website)
    {
        if (Split(website) is not { } parts)
        {
            return null;
        }

        return parts.Host.StartsWith("www.", StringComparison.Ordinal) ? parts.Host[4..] : parts.Host;
    }

    /// <summary>
    /// An address in a form where two addresses of the same page are equal: http and https alike, host in lower case,
    /// default port, trailing slash and fragment dropped. Null when it is not a web address.
    /// </summary>
    public static string? Url(string address)
    {
        if (Split(address) is not { } parts)
        {
            return null;
        }

        var port = parts.Port is null || parts.Port == parts.DefaultPort ? "" : ":" + parts.Port;
        return string.Concat(parts.Host, port, parts.Path.TrimEnd('/'), parts.Query);
    }

    /// <summary>Whether two addresses name the same page.</summary>
    public static bool SameUrl(string? a, string? b) =>
        a is not null && b is not null && Url(a) is { } x && Url(b) is { } y && x == y;

    /// <summary>
    /// An address in a form where two addresses a visitor sees as the same page are equal: as <see cref="Url"/>, and
    /// besides <c>www.</c> dropped from the host and a default document (<c>/index.html</c>, <c>/default.aspx</c>…, in any
    /// case) dropped from the end of the path. Null when it is not a web address.
    /// </summary>
    public static string? Page(string address)
    {
        if (Split(address) is not { } parts)
        {
            return null;
        }

        var host = parts.Host.StartsWith("www.", StringComparison.Ordinal) ? parts.Host[4..] : parts.Host;
        var port = parts.Port is null || parts.Port == parts.DefaultPort ? "" : ":" + parts.Port;
        var path = parts.Path;
        var lastSlash = path.LastIndexOf('/');
        if (lastSlash >= 0 && DefaultDocuments.Contains(path[(lastSlash + 1)..], StringComparer.OrdinalIgnoreCase))
        {
            path = path[..lastSlash];
        }

        return string.Concat(host, port, path.TrimEnd('/'), parts.Query);
    }

    /// <summary>Whether two addresses are the same page for a visitor (see <see cref="Page"/>).</summary>
    public static bool SamePage(string? a, string? b) =>
        a is not null && b is not null && Page(a) is { } x && Page(b) is { } y && x == y;

    private sealed record UrlParts(string Host, string? Port, string DefaultPort, string Path, string Query);

    // A small parser for http(s) addresses, scheme optional: Uri is several times slower and this runs on every evaluation.
    private static UrlParts? Split(string address)
    {
        var text = address.Trim();
        if (text.Length == 0)
        {
            return null;
        }

        var defaultPort = "443";
        var schemeEnd = text.IndexOf("://", StringComparison.Ordinal);
        if (schemeEnd >= 0)
        {
            var scheme = text[..schemeEnd].ToLowerInvariant();
            if (scheme is not ("http" or "https"))
            {
                return null;
            }

            defaultPort = scheme == "http" ? "80" : "443";
            text = text[(schemeEnd + 3)..];
        }

        var fragment = text.IndexOf('#', StringComparison.Ordinal);
        if (fragment >= 0)
        {
            text = text[..fragment];
        }

        var hostEnd = text.IndexOfAny(['/', '?']);
        var authority = hostEnd < 0 ? text : text[..hostEnd];
        var rest = hostEnd < 0 ? "" : text[hostEnd..];
        var queryStart = rest.IndexOf('?', StringComparison.Ordinal);
        var path = queryStart < 0 ? rest : rest[..queryStart];
        var query = queryStart < 0 ? "" : rest[queryStart..];
        if (authority.Contains('@', StringComparison.Ordinal))
        {
            authority = authority[(authority.LastIndexOf('@') + 1)..];
        }

        string? port = null;
        var colon = authority.LastIndexOf(':');
        if (colon >= 0)
        {
            port = authority[(colon + 1)..];
            authority = authority[..colon];
            if (port.Length == 0 || port.Length > 5 || !port.All(char.IsAsciiDigit))
            {
                return null;
            }

            port = port.TrimStart('0');
        }

        var host = authority.TrimEnd('.').ToLowerInvariant();
        if (host.Length == 0 || host.StartsWith('.') || host.Contains("..", StringComparison.Ordinal))
        {
            return null;
        }

        foreach (var c in host)
        {
            if (!(char.IsAsciiLetterOrDigit(c) || c is '-' or '.' || (c > 127 && char.IsLetterOrDigit(c))))
            {
                return null;
            }
        }

        foreach (var c in path)
        {
            if (char.IsWhiteSpace(c) || char.IsControl(c))
            {
                return null;
            }
        }

        return new UrlParts(host, port, defaultPort, path, query);
    }
}

/// <summary>
/// The normal forms of one application's names and addresses, computed on first use and kept for the rest of an
/// evaluation, look-ahead included: parsing addresses is the costliest part of a rule.
/// </summary>
public sealed class NormalForms(CaseStudyFindings findings, SiteObservation? site = null, IReadOnlyCollection<string>? missingEvidence = null)
{
    /// <summary>Cited evidence references (files and folders relative to the application file) found missing by the caller.</summary>
    public IReadOnlySet<string> MissingEvidence { get; } = missingEvidence is null or { Count: 0 } ? FrozenSet<string>.Empty : new HashSet<string>(missingEvidence, StringComparer.Ordinal);

    /// <summary>The analyzer findings about the case studies' evidence; they do not depend on the date either.</summary>
    public CaseStudyFindings Findings { get; } = findings;

    /// <summary>What a crawl of the partner's web site observed, if one was made; it does not depend on the date either.</summary>
    public SiteObservation? Site { get; } = site;

    // Mutable structs: not read-only
    private SmallMap<string?> urls;
    private SmallMap<string?> domains;
    private SmallMap<string> names;
    private SmallMap<string?> pages;
    private SmallMap<(string Loose, string WithSuffix)> looseNames;
    private SmallMap<string> registrable;
    private IReadOnlyList<CaseStudy>? complianceOf;
    private byte[]? complianceFlags;
    private Dictionary<(CaseStudy, string), bool>? typedServices;

    /// <summary>See <see cref="Normalization.Url"/>.</summary>
    public string? Url(string address)
    {
        if (!urls.TryGetValue(address, out var form))
        {
            urls.TryAdd(address, form = Normalization.Url(address));
        }

        return form;
    }

    /// <summary>See <see cref="Normalization.WebDomain"/>.</summary>
    public string? WebDomain(string website)
    {
        if (!domains.TryGetValue(website, out var form))
        {
            domains.TryAdd(website, form = Normalization.WebDomain(website));
        }

        return form;
    }

    /// <summary>See <see cref="Normalization.CustomerName"/>.</summary>
    public string CustomerName(string name)
    {
        if (!names.TryGetValue(name, out var form))
        {
            names.TryAdd(name, form = Normalization.CustomerName(name));
        }

        return form;
    }

    /// <summary>See <see cref="Normalization.LooseCustomerName"/>.</summary>
    public string LooseCustomerName(string name, out string withSuffix)
    {
        if (!looseNames.TryGetValue(name, out var form))
        {
            form.Loose = Normalization.LooseCustomerName(name, out form.WithSuffix);
            looseNames.TryAdd(name, form);
        }

        withSuffix = form.WithSuffix;
        return form.Loose;
    }

    /// <summary>See <see cref="Normalization.RegistrableDomain"/>.</summary>
    public string RegistrableDomain(string domain)
    {
        if (!registrable.TryGetValue(domain, out var form))
        {
            registrable.TryAdd(domain, form = Normalization.RegistrableDomain(domain));
        }

        return form;
    }

    /// <summary>See <see cref="Normalization.SamePage"/>.</summary>
    public bool SamePage(string? a, string? b) => a is not null && b is not null && Page(a) is { } x && Page(b) is { } y && x == y;

    private string? Page(string address)
    {
        if (!pages.TryGetValue(address, out var form))
        {
            pages.TryAdd(address, form = Normalization.Page(address));
        }

        return form;
    }

    /// <summary>
    /// <see cref="CaseStudyPool.HasCompliance"/> of case study <paramref name="index"/> of <paramref name="caseStudies"/> (the
    /// application's list, the same for every pool of the evaluation and its look-ahead): kept by position, without hashing.
    /// </summary>
    public bool HasCompliance(IReadOnlyList<CaseStudy> caseStudies, int index)
    {
        if (!ReferenceEquals(complianceOf, caseStudies))
        {
            (complianceOf, complianceFlags) = (caseStudies, new byte[caseStudies.Count]);
        }

        // 0 while not read, then 1 without requirements, 2 with
        ref var flag = ref complianceFlags![index];
        if (flag == 0)
        {
            flag = CaseStudyPool.HasCompliance(caseStudies[index]) ? (byte)2 : (byte)1;
        }

        return flag == 2;
    }

    /// <summary>Whether the case study's typed AWS service list names the service; kept for the evaluation and its look-ahead.</summary>
    public bool TypesService(CaseStudy caseStudy, string serviceId)
    {
        typedServices ??= new Dictionary<(CaseStudy, string), bool>(CaseStudyAndService.Instance);
        if (!typedServices.TryGetValue((caseStudy, serviceId), out var names))
        {
            typedServices[(caseStudy, serviceId)] = names = CaseStudyScope.NamesService(caseStudy, serviceId);
        }

        return names;
    }

    /// <summary>See <see cref="Normalization.SameUrl"/>.</summary>
    public bool SameUrl(string? a, string? b) => a is not null && b is not null && Url(a) is { } x && Url(b) is { } y && x == y;

    // A case study by reference (records compare every field), a service id by ordinal. Hashed on the case study's key
    // rather than its identity (RuntimeHelpers.GetHashCode took a tenth of an evaluation's time, mostly on its slow path):
    // case studies that share a key are still told apart by reference.
    private sealed class CaseStudyAndService : IEqualityComparer<(CaseStudy CaseStudy, string Service)>
    {
        public static readonly CaseStudyAndService Instance = new();

        public bool Equals((CaseStudy CaseStudy, string Service) x, (CaseStudy CaseStudy, string Service) y) =>
            ReferenceEquals(x.CaseStudy, y.CaseStudy) && string.Equals(x.Service, y.Service, StringComparison.Ordinal);

        public int GetHashCode((CaseStudy CaseStudy, string Service) obj) =>
            HashCode.Combine(obj.CaseStudy.Key is { } key ? StringComparer.Ordinal.GetHashCode(key) : 0, StringComparer.Ordinal.GetHashCode(obj.Service));
    }
}
