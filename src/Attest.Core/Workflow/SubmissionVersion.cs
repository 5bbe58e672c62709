using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Attest.Core.Applications;
using Attest.Core.Readiness;
using Attest.Core.Text;

namespace Attest.Core.Workflow;

/// <summary>What a submission freezes: the readiness report of the application as submitted, and the SHA-256 of every piece of evidence.</summary>
/// <param name="Report">The readiness report; its application is the one frozen.</param>
/// <param name="EvidenceHashes">Evidence name or id → SHA-256, 64 hexadecimal digits.</param>
/// <param name="Language">The language the readiness report's texts are frozen in (the checklist's language when not given).</param>
public sealed record SubmissionInput(ReadinessReport Report, IReadOnlyDictionary<string, string> EvidenceHashes, Language? Language = null)
{
    /// <summary>The most evidence entries a version holds.</summary>
    public const int MaxEvidence = 10_000;

    /// <summary>The longest evidence name.</summary>
    public const int MaxEvidenceNameLength = 1_000;

    /// <summary>
    /// The analyzer findings the report was judged on, by case study, as JSON text (the caller's format, kept as given);
    /// null when the caller does not freeze findings.
    /// </summary>
    public string? Findings { get; init; }

    /// <summary>The web site observation the report was judged on, as JSON text (<c>attest/site-observation/v1</c>); null when there was none.</summary>
    public string? SiteObservation { get; init; }
}

/// <summary>
/// An immutable, numbered version of an application, frozen at a submission: the application as format v1 text,
/// the readiness report as JSON, and the evidence hashes. Versions are never changed; a resubmission adds the next one.
/// </summary>
public sealed record SubmissionVersion
{
    private static readonly Phrase BadHash = new("Evidence {0}: the SHA-256 must be 64 hexadecimal digits.", "Preuve {0} : le SHA-256 doit compter 64 chiffres hexadécimaux.");
    private static readonly Phrase BadName = new("An evidence name is empty, too long (over {0} characters) or holds control characters.", "Un nom de preuve est vide, trop long (plus de {0} caractères) ou contient des caractères de contrôle.");
    private static readonly Phrase TooMuchEvidence = new("Too many pieces of evidence: {0} (at most {1}).", "Trop de preuves : {0} (au plus {1}).");

    /// <summary>1 for the first submission, then one more for each resubmission.</summary>
    public required int Number { get; init; }

    /// <summary>When it was submitted.</summary>
    public required DateTimeOffset SubmittedAt { get; init; }

    /// <summary>Who submitted it (user id).</summary>
    public required string SubmittedBy { get; init; }

    /// <summary>The checklist (catalog) id.</summary>
    public required string Checklist { get; init; }

    /// <summary>The partner's name at submission.</summary>
    public string? PartnerName { get; init; }

    /// <summary>The application as format v1 YAML (<see cref="ApplicationWriter"/>).</summary>
    public required string ApplicationText { get; init; }

    /// <summary>The readiness report as JSON (<see cref="ReadinessJson"/>).</summary>
    public required string ReadinessJson { get; init; }

    /// <summary>The language of <see cref="ReadinessJson"/>'s texts.</summary>
    public required Language ReadinessLanguage { get; init; }

    /// <summary>Evidence name or id → SHA-256 (lower-case hex), ordinal order of names.</summary>
    public required IReadOnlyDictionary<string, string> EvidenceHashes { get; init; }

    /// <summary>
    /// The analyzer findings the readiness report was judged on, by case study, as JSON text; null for a version frozen
    /// before findings were frozen with versions (or by a caller that freezes none).
    /// </summary>
    public string? FindingsJson { get; init; }

    /// <summary>The web site observation the readiness report was judged on, as JSON text; null when there was none.</summary>
    public string? SiteObservationJson { get; init; }

    /// <summary>
    /// SHA-256 (lower-case hex) over the version's content, to show that a stored version was not changed: UTF-8 of the
    /// lines <c>attest/version/v1</c>, the number, the checklist, the application text's SHA-256, the readiness JSON's
    /// SHA-256, then one <c>name TAB hash</c> line per evidence in ordinal order of names, then — only when they are
    /// frozen — <c>findings SPACE</c> the findings JSON's SHA-256 and <c>site SPACE</c> the site observation's; lines end
    /// with LF. (A version without frozen findings hashes as before they existed.)
    /// </summary>
    public required string ContentHash { get; init; }

    /// <summary>Freezes <paramref name="input"/> as version <paramref name="number"/>, or says why the input is refused.</summary>
    public static (SubmissionVersion? Version, Refusal? Refusal) Freeze(int number, DateTimeOffset at, string submittedBy, SubmissionInput input)
    {
        if (input.EvidenceHashes.Count > SubmissionInput.MaxEvidence)
        {
            return (null, new Refusal(TooMuchEvidence.With(input.EvidenceHashes.Count, SubmissionInput.MaxEvidence)));
        }

        var hashes = new SortedDictionary<string, string>(StringComparer.Ordinal);
        foreach (var (name, hash) in input.EvidenceHashes)
        {
            if (string.IsNullOrWhiteSpace(name) || name.Length > SubmissionInput.MaxEvidenceNameLength || name.Any(char.IsControl))
            {
                return (null, new Refusal(BadName.With(SubmissionInput.MaxEvidenceNameLength)));
            }

            if (hash is null || hash.Length != 64 || !hash.All(char.IsAsciiHexDigit))
            {
                return (null, new Refusal(BadHash.With(name)));
            }

            hashes[name] = hash.ToLowerInvariant();
        }

        var language = input.Language ?? input.Report.Catalog.SourceLanguage;
        var application = input.Report.Application;

        // A version is submitted for its own checklist: the answers the file holds for other programs stay behind
        var text = ApplicationWriter.Write(application.Programs.Count == 0 ? application : application with { Programs = new Dictionary<string, IReadOnlyDictionary<string, SelfAssessmentEntry>>() });
        var json = Readiness.ReadinessJson.Render(input.Report, language);
        var version = new SubmissionVersion
        {
            Number = number,
            SubmittedAt = at,
            SubmittedBy = submittedBy,
            Checklist = application.Checklist,
            PartnerName = application.Partner.Name,
            ApplicationText = text,
            ReadinessJson = json,
            ReadinessLanguage = language,
            EvidenceHashes = hashes,
            FindingsJson = input.Findings,
            SiteObservationJson = input.SiteObservation,
            ContentHash = "",
        };
        return (version with { ContentHash = ComputeContentHash(version) }, null);
    }

    /// <summary>Recomputes <see cref="ContentHash"/> from the content, as defined there.</summary>
    public static string ComputeContentHash(SubmissionVersion version)
    {
        var text = new StringBuilder();
        text.Append("attest/version/v1\n");
        text.Append(version.Number.ToString(CultureInfo.InvariantCulture)).Append('\n');
        text.Append(version.Checklist).Append('\n');
        text.Append(Sha256Hex(version.ApplicationText)).Append('\n');
        text.Append(Sha256Hex(version.ReadinessJson)).Append('\n');
        foreach (var (name, hash) in version.EvidenceHashes.OrderBy(p => p.Key, StringComparer.Ordinal))
        {
            text.Append(name).Append('\t').Append(hash).Append('\n');
        }

        if (version.FindingsJson is { } findings)
        {
            text.Append("findings ").Append(Sha256Hex(findings)).Append('\n');
        }

        if (version.SiteObservationJson is { } site)
        {
            text.Append("site ").Append(Sha256Hex(site)).Append('\n');
        }

        return Sha256Hex(text.ToString());
    }

    /// <summary>Whether the stored content still matches <see cref="ContentHash"/>.</summary>
    public bool IsIntact() => string.Equals(ComputeContentHash(this), ContentHash, StringComparison.Ordinal);

    internal static string Sha256Hex(string text) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text)));
}
