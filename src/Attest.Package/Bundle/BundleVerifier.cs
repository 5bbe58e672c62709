using System.IO.Compression;
using System.Security.Cryptography;
using System.Text.Json;
using Attest.Core.Text;

namespace Attest.Package.Bundle;

/// <summary>How far the verifier goes before it refuses a bundle: a zip is hostile input.</summary>
public sealed record BundleLimits
{
    /// <summary>Entries in the zip.</summary>
    public int MaxEntries { get; init; } = 20_000;

    /// <summary>Size of <c>manifest.json</c>.</summary>
    public long MaxManifestBytes { get; init; } = 16L * 1024 * 1024;

    /// <summary>Uncompressed size of one entry.</summary>
    public long MaxEntryBytes { get; init; } = 2L * 1024 * 1024 * 1024;

    /// <summary>Uncompressed size of all entries together.</summary>
    public long MaxTotalBytes { get; init; } = 8L * 1024 * 1024 * 1024;

    /// <summary>Uncompressed over compressed size, for entries above one megabyte: more is a zip bomb.</summary>
    public int MaxCompressionRatio { get; init; } = 1000;
}

/// <summary>What happened to a listed or unlisted file.</summary>
public enum BundleChange
{
    /// <summary>Listed and present, but its size or SHA-256 differs.</summary>
    Altered,

    /// <summary>In the zip, not in the manifest.</summary>
    Added,

    /// <summary>In the manifest, not in the zip.</summary>
    Removed,
}

/// <summary>One file that is not as the manifest says.</summary>
public sealed record BundleDifference(BundleChange Change, string Path, Message Detail);

/// <summary>Why a bundle cannot be verified at all, and where: the zip itself, an entry, or a place in the manifest.</summary>
public sealed record BundleProblem(string Place, Message What)
{
    /// <inheritdoc />
    public override string ToString() => $"{Place}: {What}";
}

/// <summary>The outcome of verifying a bundle: a problem that stopped the check, or the list of differences (empty when intact).</summary>
public sealed record BundleVerification
{
    /// <summary>Set when the bundle could not be checked.</summary>
    public BundleProblem? Problem { get; init; }

    /// <summary>Every altered, added or removed file, in zip then manifest order.</summary>
    public IReadOnlyList<BundleDifference> Differences { get; init; } = [];

    /// <summary>The manifest, when it could be read.</summary>
    public BundleManifest? Manifest { get; init; }

    /// <summary>Checked, and every file is as listed.</summary>
    public bool Intact => Problem is null && Differences.Count == 0;
}

/// <summary>
/// Checks an evidence bundle against its manifest: every listed file present with its size and SHA-256, nothing unlisted.
/// Reads no more than the manifest announces and refuses entry names that leave the bundle, duplicates and zip bombs.
/// </summary>
public static class BundleVerifier
{
    private static readonly Phrase NotAZip = new("not a zip file ({0})", "ce n'est pas un fichier zip ({0})");
    private static readonly Phrase TooManyEntries = new("{0} entries, over the limit of {1}", "{0} entrées, au-delà de la limite de {1}");
    private static readonly Phrase UnsafeName = new("entry refused: {0}", "entrée refusée : {0}");
    private static readonly Phrase DuplicateEntry = new("the zip holds this entry twice", "le zip contient deux fois cette entrée");
    private static readonly Phrase EntryTooLarge = new("entry of {0} bytes, over the limit of {1}", "entrée de {0} octets, au-delà de la limite de {1}");
    private static readonly Phrase TotalTooLarge = new("the entries add up to more than {0} bytes", "les entrées dépassent {0} octets au total");
    private static readonly Phrase Bomb = new("compressed {0} times: refused as a zip bomb", "compressée {0} fois : refusée comme bombe zip");
    private static readonly Phrase NoManifest = new("no manifest.json: not an Attest bundle", "pas de manifest.json : ce n'est pas un lot de preuves Attest");
    private static readonly Phrase ManifestTooLarge = new("over the limit of {0} bytes", "au-delà de la limite de {0} octets");
    private static readonly Phrase ManifestUnreadable = new("cannot be read: {0}", "illisible : {0}");
    private static readonly Phrase BadJson = new("not valid JSON: {0}", "JSON non valide : {0}");
    private static readonly Phrase Expected = new("expected {0}", "attendu : {0}");
    private static readonly Phrase WrongFormat = new("expected \"{0}\", found \"{1}\"", "attendu « {0} », trouvé « {1} »");
    private static readonly Phrase ListedTwice = new("\"{0}\" is listed twice", "« {0} » figure deux fois");
    private static readonly Phrase ListedTooLarge = new("{0} bytes, over the limit of {1}", "{0} octets, au-delà de la limite de {1}");
    private static readonly Phrase SizeDiffers = new("size {0} bytes, the manifest says {1}", "taille de {0} octets, le manifeste indique {1}");
    private static readonly Phrase HashDiffers = new("SHA-256 {0}, the manifest says {1}", "SHA-256 {0}, le manifeste indique {1}");
    private static readonly Phrase Damaged = new("content damaged: {0}", "contenu endommagé : {0}");
    private static readonly Phrase NotListed = new("not listed in the manifest", "absent du manifeste");
    private static readonly Phrase NotInZip = new("listed in the manifest, missing from the zip", "listé dans le manifeste, absent du zip");

    /// <summary>Verifies the bundle file at <paramref name="path"/>.</summary>
    public static BundleVerification Verify(string path, BundleLimits? limits = null)
    {
        try
        {
            using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read);
            return Verify(stream, limits);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return Refused(path, NotAZip.With(e.Message));
        }
    }

    /// <summary>Verifies the bundle read from <paramref name="zipStream"/> (seekable).</summary>
    public static BundleVerification Verify(Stream zipStream, BundleLimits? limits = null)
    {
        ArgumentNullException.ThrowIfNull(zipStream);
        limits ??= new BundleLimits();
        ZipArchive zip;
        try
        {
            zip = new ZipArchive(zipStream, ZipArchiveMode.Read, leaveOpen: true);
        }
        catch (Exception e) when (e is InvalidDataException or NotSupportedException or IOException or ArgumentException)
        {
            return Refused("bundle", NotAZip.With(e.Message));
        }

        using (zip)
        {
            return Verify(zip, limits);
        }
    }

    private static BundleVerification Verify(ZipArchive zip, BundleLimits limits)
    {
        var (entries, duplicate) = Entries(zip, limits);
        if (duplicate is not null)
        {
            return new BundleVerification { Problem = duplicate };
        }

        if (CheckEntries(entries.Values, limits) is { } refused)
        {
            return new BundleVerification { Problem = refused };
        }

        if (!entries.TryGetValue(EvidenceBundle.ManifestName, out var manifestEntry))
        {
            return Refused("bundle", NoManifest.Message());
        }

        var (manifest, problem) = ReadManifest(manifestEntry, limits);
        if (problem is not null)
        {
            return new BundleVerification { Problem = problem };
        }

        var differences = new List<BundleDifference>();
        var listed = manifest!.Listed.ToDictionary(f => f.Path, StringComparer.Ordinal);
        foreach (var entry in entries.Values)
        {
            if (entry.FullName == EvidenceBundle.ManifestName || (entry.FullName.EndsWith('/') && entry.Length == 0))
            {
                continue;
            }

            if (!listed.TryGetValue(entry.FullName, out var file))
            {
                differences.Add(new BundleDifference(BundleChange.Added, entry.FullName, NotListed.Message()));
            }
            else if (Compare(entry, file) is { } altered)
            {
                differences.Add(new BundleDifference(BundleChange.Altered, entry.FullName, altered));
            }
        }

        foreach (var file in manifest.Listed.Where(f => !entries.ContainsKey(f.Path)))
        {
            differences.Add(new BundleDifference(BundleChange.Removed, file.Path, NotInZip.Message()));
        }

        return new BundleVerification { Manifest = manifest, Differences = differences };
    }

    private static BundleVerification Refused(string place, Message what) => new() { Problem = new BundleProblem(place, what) };

    private static (Dictionary<string, ZipArchiveEntry> Entries, BundleProblem? Problem) Entries(ZipArchive zip, BundleLimits limits)
    {
        var entries = new Dictionary<string, ZipArchiveEntry>(StringComparer.Ordinal);
        if (zip.Entries.Count > limits.MaxEntries)
        {
            return (entries, new BundleProblem("bundle", TooManyEntries.With(zip.Entries.Count, limits.MaxEntries)));
        }

        foreach (var entry in zip.Entries)
        {
            if (!entries.TryAdd(entry.FullName, entry))
            {
                return (entries, new BundleProblem(Shown(entry.FullName), DuplicateEntry.Message()));
            }
        }

        return (entries, null);
    }

    private static BundleProblem? CheckEntries(IEnumerable<ZipArchiveEntry> entries, BundleLimits limits)
    {
        long total = 0;
        foreach (var entry in entries)
        {
            var name = entry.FullName;
            if (BundleNames.Unsafe(name) is { } why)
            {
                return new BundleProblem(Shown(name), UnsafeName.With(why));
            }

            if (entry.Length > limits.MaxEntryBytes)
            {
                return new BundleProblem(name, EntryTooLarge.With(entry.Length, limits.MaxEntryBytes));
            }

            total += entry.Length;
            if (total > limits.MaxTotalBytes)
            {
                return new BundleProblem("bundle", TotalTooLarge.With(limits.MaxTotalBytes));
            }

            if (entry.Length > 1024 * 1024 && entry.Length / Math.Max(1, entry.CompressedLength) > limits.MaxCompressionRatio)
            {
                return new BundleProblem(name, Bomb.With(entry.Length / Math.Max(1, entry.CompressedLength)));
            }
        }

        return null;
    }

    // Control characters are shown escaped so that a hostile name cannot rewrite the user's terminal
    private static string Shown(string name) => string.Concat(name.Select(ch => char.IsControl(ch) ? $"\\u{(int)ch:x4}" : ch.ToString()));

    private static Message? Compare(ZipArchiveEntry entry, ManifestFile file)
    {
        if (entry.Length != file.Size)
        {
            return SizeDiffers.With(entry.Length, file.Size);
        }

        try
        {
            using var stream = entry.Open();
            using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
            var buffer = new byte[81920];
            long size = 0;
            int read;

            // Never more than the manifest announces, whatever the zip's own header claims
            while ((read = stream.Read(buffer, 0, (int)Math.Min(buffer.Length, file.Size + 1 - size))) > 0)
            {
                hash.AppendData(buffer, 0, read);
                size += read;
                if (size > file.Size)
                {
                    break;
                }
            }

            if (size != file.Size)
            {
                return SizeDiffers.With(size > file.Size ? "> " + file.Size : size.ToString(System.Globalization.CultureInfo.InvariantCulture), file.Size);
            }

            var sha256 = Convert.ToHexStringLower(hash.GetHashAndReset());
            return sha256 == file.Sha256 ? null : HashDiffers.With(sha256, file.Sha256);
        }
        catch (Exception e) when (e is InvalidDataException or IOException or NotSupportedException)
        {
            return Damaged.With(e.Message);
        }
    }

    private static (BundleManifest? Manifest, BundleProblem? Problem) ReadManifest(ZipArchiveEntry entry, BundleLimits limits)
    {
        const string Place = EvidenceBundle.ManifestName;
        if (entry.Length > limits.MaxManifestBytes)
        {
            return (null, new BundleProblem(Place, ManifestTooLarge.With(limits.MaxManifestBytes)));
        }

        byte[] bytes;
        try
        {
            using var stream = entry.Open();
            using var memory = new MemoryStream();
            var buffer = new byte[81920];
            int read;
            while ((read = stream.Read(buffer, 0, buffer.Length)) > 0)
            {
                memory.Write(buffer, 0, read);
                if (memory.Length > limits.MaxManifestBytes)
                {
                    return (null, new BundleProblem(Place, ManifestTooLarge.With(limits.MaxManifestBytes)));
                }
            }

            bytes = memory.ToArray();
        }
        catch (Exception e) when (e is InvalidDataException or IOException or NotSupportedException)
        {
            return (null, new BundleProblem(Place, ManifestUnreadable.With(e.Message)));
        }

        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(bytes, new JsonDocumentOptions { MaxDepth = 16 });
        }
        catch (JsonException e)
        {
            var at = $"{Place}:{(e.LineNumber ?? 0) + 1}:{(e.BytePositionInLine ?? 0) + 1}";
            return (null, new BundleProblem(at, BadJson.With(FirstSentence(e.Message))));
        }

        using (document)
        {
            try
            {
                return (ManifestReader.Read(document.RootElement, limits), null);
            }
            catch (ManifestException e)
            {
                return (null, new BundleProblem($"{Place}: {e.Path}", e.What));
            }
        }
    }

    private static string FirstSentence(string message)
    {
        var end = message.IndexOf(". ", StringComparison.Ordinal);
        return end > 0 ? message[..end] : message.TrimEnd('.');
    }

    private sealed class ManifestException(string path, Message what) : Exception(what.ToString())
    {
        public string Path { get; } = path;

        public Message What { get; } = what;
    }

    // Reads the manifest's fields by hand so that every refusal names its place as a JSON path
    private static class ManifestReader
    {
        public static BundleManifest Read(JsonElement root, BundleLimits limits)
        {
            Require(root, "$", JsonValueKind.Object, E("an object", "un objet"));
            var format = String(root, "$", "format");
            if (format != BundleManifest.Format)
            {
                throw new ManifestException("$.format", WrongFormat.With(BundleManifest.Format, format));
            }

            var application = Property(root, "$", "application");
            Require(application, "$.application", JsonValueKind.Object, E("an object", "un objet"));
            var languageCode = String(root, "$", "language");
            if (!Languages.TryParse(languageCode, out var language))
            {
                throw new ManifestException("$.language", Expected.With(E("\"en\" or \"fr\"", "« en » ou « fr »")));
            }

            var createdText = String(root, "$", "created");
            if (!DateTimeOffset.TryParse(createdText, System.Globalization.CultureInfo.InvariantCulture, System.Globalization.DateTimeStyles.AssumeUniversal, out var created))
            {
                throw new ManifestException("$.created", Expected.With(E("a date and time", "une date et une heure")));
            }

            var documents = Files(root, "documents", evidence: false, limits);
            var files = Files(root, "files", evidence: true, limits);
            var seen = new HashSet<string>(StringComparer.Ordinal);
            foreach (var (file, place) in documents.Select((f, i) => (f, $"$.documents[{i}].path")).Concat(files.Select((f, i) => (f, $"$.files[{i}].path"))))
            {
                if (!seen.Add(file.Path))
                {
                    throw new ManifestException(place, ListedTwice.With(file.Path));
                }
            }

            if (documents.Concat(files).Sum(f => (decimal)f.Size) > limits.MaxTotalBytes)
            {
                throw new ManifestException("$.files", TotalTooLarge.With(limits.MaxTotalBytes));
            }

            int? version = null;
            if (application.TryGetProperty("version", out var versionElement) && versionElement.ValueKind != JsonValueKind.Null)
            {
                version = versionElement.ValueKind == JsonValueKind.Number && versionElement.TryGetInt32(out var v) && v > 0 ? v : throw new ManifestException("$.application.version", Expected.With(E("a positive whole number or null", "un entier positif ou null")));
            }

            return new BundleManifest
            {
                Checklist = String(application, "$.application", "checklist"),
                Partner = String(application, "$.application", "partner"),
                Version = version,
                Language = language,
                Created = created,
                Documents = documents,
                Files = files,
            };
        }

        private static List<ManifestFile> Files(JsonElement root, string name, bool evidence, BundleLimits limits)
        {
            var array = Property(root, "$", name);
            Require(array, "$." + name, JsonValueKind.Array, E("an array", "un tableau"));
            var files = new List<ManifestFile>();
            var index = 0;
            foreach (var element in array.EnumerateArray())
            {
                var at = $"$.{name}[{index++}]";
                Require(element, at, JsonValueKind.Object, E("an object", "un objet"));
                var path = String(element, at, "path");
                var why = BundleNames.Unsafe(path) ?? (path == EvidenceBundle.ManifestName ? E("the manifest's own name", "le nom du manifeste lui-même") : null);
                if (why is not null)
                {
                    throw new ManifestException(at + ".path", UnsafeName.With(why));
                }

                var sizeElement = Property(element, at, "size");
                if (sizeElement.ValueKind != JsonValueKind.Number || !sizeElement.TryGetInt64(out var size) || size < 0)
                {
                    throw new ManifestException(at + ".size", Expected.With(E("a whole number of bytes, 0 or more", "un nombre entier d'octets, 0 ou plus")));
                }

                if (size > limits.MaxEntryBytes)
                {
                    throw new ManifestException(at + ".size", ListedTooLarge.With(size, limits.MaxEntryBytes));
                }

                var sha256 = String(element, at, "sha256");
                if (sha256.Length != 64 || !sha256.All(char.IsAsciiHexDigitLower))
                {
                    throw new ManifestException(at + ".sha256", Expected.With(E("64 lower-case hexadecimal digits", "64 chiffres hexadécimaux en minuscules")));
                }

                files.Add(new ManifestFile
                {
                    Path = path,
                    Size = size,
                    Sha256 = sha256,
                    Name = evidence && element.TryGetProperty("name", out var n) && n.ValueKind == JsonValueKind.String ? n.GetString() : null,
                    Items = evidence ? Strings(element, at, "items") : [],
                    CaseStudies = evidence ? Strings(element, at, "caseStudies") : [],
                });
            }

            return files;
        }

        private static string[] Strings(JsonElement parent, string at, string name)
        {
            if (!parent.TryGetProperty(name, out var array))
            {
                return [];
            }

            Require(array, $"{at}.{name}", JsonValueKind.Array, E("an array of strings", "un tableau de chaînes"));
            return array.EnumerateArray().Select((e, i) => e.ValueKind == JsonValueKind.String ? e.GetString()! : throw new ManifestException($"{at}.{name}[{i}]", Expected.With(E("a string", "une chaîne")))).ToArray();
        }

        private static JsonElement Property(JsonElement parent, string at, string name) =>
            parent.TryGetProperty(name, out var value) ? value : throw new ManifestException($"{at}.{name}", Expected.With(E("this field; it is missing", "ce champ ; il manque")));

        private static string String(JsonElement parent, string at, string name)
        {
            var value = Property(parent, at, name);
            return value.ValueKind == JsonValueKind.String ? value.GetString()! : throw new ManifestException($"{at}.{name}", Expected.With(E("a string", "une chaîne")));
        }

        private static LocalizedString E(string en, string fr) => new(en, fr);

        private static void Require(JsonElement element, string at, JsonValueKind kind, LocalizedString what)
        {
            if (element.ValueKind != kind)
            {
                throw new ManifestException(at, Expected.With(what));
            }
        }
    }
}
