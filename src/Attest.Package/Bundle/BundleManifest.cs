using System.Globalization;
using System.Text.Json;
using Attest.Core.Text;

namespace Attest.Package.Bundle;

/// <summary>One file a bundle lists: where it is in the zip, its size and SHA-256, and for evidence what it supports.</summary>
public sealed record ManifestFile
{
    /// <summary>The entry name in the zip.</summary>
    public required string Path { get; init; }

    /// <summary>The size in bytes.</summary>
    public required long Size { get; init; }

    /// <summary>The SHA-256, 64 lower-case hexadecimal digits.</summary>
    public required string Sha256 { get; init; }

    /// <summary>The evidence name as the application gives it; null for the package's own documents.</summary>
    public string? Name { get; init; }

    /// <summary>The items it supports.</summary>
    public IReadOnlyList<string> Items { get; init; } = [];

    /// <summary>The case studies it supports.</summary>
    public IReadOnlyList<string> CaseStudies { get; init; } = [];
}

/// <summary>The <c>manifest.json</c> of an evidence bundle.</summary>
public sealed record BundleManifest
{
    /// <summary>The format id this version writes and reads.</summary>
    public const string Format = "attest/bundle/v1";

    /// <summary>The checklist id.</summary>
    public required string Checklist { get; init; }

    /// <summary>The partner's name.</summary>
    public required string Partner { get; init; }

    /// <summary>The frozen version's number, if any.</summary>
    public int? Version { get; init; }

    /// <summary>The readiness date.</summary>
    public DateOnly? AsOf { get; init; }

    /// <summary>The package's language.</summary>
    public required Language Language { get; init; }

    /// <summary>When the bundle was made.</summary>
    public required DateTimeOffset Created { get; init; }

    /// <summary>The package's own documents (the report, the spreadsheet).</summary>
    public IReadOnlyList<ManifestFile> Documents { get; init; } = [];

    /// <summary>The evidence files, under <c>files/</c>.</summary>
    public IReadOnlyList<ManifestFile> Files { get; init; } = [];

    /// <summary>Evidence given as web addresses.</summary>
    public IReadOnlyList<EvidenceLink> Links { get; init; } = [];

    /// <summary>Evidence named by the application but not included.</summary>
    public IReadOnlyList<MissingEvidence> Missing { get; init; } = [];

    /// <summary>
    /// Warning: the paths (under <c>files/</c>) of evidence files included only because a whole folder was cited, that no
    /// submitted case study cites (another customer's files may be among them).
    /// </summary>
    public IReadOnlyList<string> Unrelated { get; init; } = [];

    /// <summary>The keys of the case studies submitted with the package.</summary>
    public IReadOnlyList<string> Submitted { get; init; } = [];

    /// <summary>Every listed file, documents first.</summary>
    public IEnumerable<ManifestFile> Listed => Documents.Concat(Files);

    /// <summary>The manifest as indented UTF-8 JSON.</summary>
    public byte[] ToJson()
    {
        using var memory = new MemoryStream();
        using (var json = new Utf8JsonWriter(memory, new JsonWriterOptions { Indented = true }))
        {
            json.WriteStartObject();
            json.WriteString("format", Format);
            json.WriteStartObject("application");
            json.WriteString("checklist", Checklist);
            json.WriteString("partner", Partner);
            if (Version is { } version)
            {
                json.WriteNumber("version", version);
            }
            else
            {
                json.WriteNull("version");
            }

            if (AsOf is { } asOf)
            {
                json.WriteString("asOf", asOf.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
            }

            WriteStrings(json, "submittedCaseStudies", Submitted);
            json.WriteEndObject();
            json.WriteString("language", Language.Code());
            json.WriteString("created", Created.ToUniversalTime().ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture));
            WriteFiles(json, "documents", Documents);
            WriteFiles(json, "files", Files);
            json.WriteStartArray("links");
            foreach (var link in Links)
            {
                json.WriteStartObject();
                json.WriteString("url", link.Url);
                WriteStrings(json, "items", link.Items);
                WriteStrings(json, "caseStudies", link.CaseStudies);
                json.WriteEndObject();
            }

            json.WriteEndArray();
            json.WriteStartArray("missing");
            foreach (var missing in Missing)
            {
                json.WriteStartObject();
                json.WriteString("reference", missing.Reference);
                json.WriteString("why", missing.Why.En);
                WriteStrings(json, "items", missing.Items);
                WriteStrings(json, "caseStudies", missing.CaseStudies);
                json.WriteEndObject();
            }

            json.WriteEndArray();
            json.WriteStartObject("warnings");
            WriteStrings(json, "throughFolderOnly", Unrelated);
            json.WriteEndObject();
            json.WriteEndObject();
        }

        return memory.ToArray();
    }

    private static void WriteFiles(Utf8JsonWriter json, string name, IReadOnlyList<ManifestFile> files)
    {
        json.WriteStartArray(name);
        foreach (var file in files)
        {
            json.WriteStartObject();
            json.WriteString("path", file.Path);
            if (file.Name is not null)
            {
                json.WriteString("name", file.Name);
            }

            json.WriteNumber("size", file.Size);
            json.WriteString("sha256", file.Sha256);
            if (file.Name is not null)
            {
                WriteStrings(json, "items", file.Items);
                WriteStrings(json, "caseStudies", file.CaseStudies);
            }

            json.WriteEndObject();
        }

        json.WriteEndArray();
    }

    private static void WriteStrings(Utf8JsonWriter json, string name, IEnumerable<string> values)
    {
        json.WriteStartArray(name);
        foreach (var value in values)
        {
            json.WriteStringValue(value);
        }

        json.WriteEndArray();
    }
}
