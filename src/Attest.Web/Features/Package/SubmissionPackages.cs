using Attest.Core.Applications;
using Attest.Core.Catalogs;
using Attest.Core.Readiness;
using Attest.Core.Text;
using Attest.Package;
using Attest.Package.Bundle;
using Attest.Package.Mail;
using Attest.Web.Data;
using Attest.Web.Features.Applications;
using Attest.Web.Features.Evidence;
using Attest.Web.Infrastructure;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using MimeKit;
using EvidenceFile = Attest.Package.EvidenceFile;
using EvidenceLink = Attest.Package.EvidenceLink;
using SubmissionVersion = Attest.Core.Workflow.SubmissionVersion;

namespace Attest.Web.Features.Package;

/// <summary>
/// The input of a submission package for an application the user may see: the application with its library evidence,
/// readiness as of today, and every piece of evidence it cites — files from the library (read from the store when the
/// package is written), links, and references to nothing the library holds (listed as missing).
/// </summary>
public sealed class SubmissionPackages(AttestDbContext db, Catalogs catalogs, ApplicationEvidence evidence, EvidenceStore store, OfficeClock clock)
{
    /// <summary>The package input of the application as it is now; null when the user may not see it.</summary>
    public async Task<SubmissionInput?> CurrentAsync(Guid applicationId, Language? language, CancellationToken cancel)
    {
        var record = await ApplicationQueries.LoadAsync(db, applicationId, tracking: false, cancel);
        if (record is null || catalogs.Find(record.ChecklistId) is not { } catalog)
        {
            return null;
        }

        var now = clock.Now;
        var evaluated = await evidence.EvaluateAsync(record, catalog, clock.Day(now), cancel);
        return await InputAsync(record.Id, evaluated.Application, catalog, evaluated.Report, now, version: null, language, cancel);
    }

    /// <summary>
    /// The package input of a submitted version, exactly as frozen (<see cref="Workflow.FrozenJudgement"/>): its application
    /// text, readiness as of the office's date of its submission on the findings and site observation frozen with it, and
    /// the evidence files by the SHA-256 recorded then (a file no longer stored is listed as missing). Today's attachments
    /// and stored analyses play no part.
    /// </summary>
    public async Task<SubmissionInput?> ForVersionAsync(SubmissionVersion version, Language? language, CancellationToken cancel)
    {
        ArgumentNullException.ThrowIfNull(version);
        if (catalogs.Find(version.Checklist) is not { } catalog || Workflow.FrozenJudgement.Of(version, catalog, clock) is not { } frozen)
        {
            return null;
        }

        var files = new Dictionary<string, (string Sha256, long Size, string? ContentType)>(StringComparer.Ordinal);
        var hashes = version.EvidenceHashes.Select(h => h.Value).Distinct().ToList();
        // The type is a property of the content: any library row with the same hash tells it, even one added since
        var types = await db.Evidence.AsNoTracking().Where(e => e.Sha256 != null && hashes.Contains(e.Sha256)).Select(e => new { e.Sha256, e.ContentType }).ToListAsync(cancel);
        foreach (var (name, sha256) in version.EvidenceHashes)
        {
            if (await store.SizeAsync(sha256, cancel) is { } size)
            {
                files[name] = (sha256, size, types.FirstOrDefault(t => t.Sha256 == sha256)?.ContentType);
            }
        }

        return Build(frozen.Application, catalog, frozen.Report, version.SubmittedAt, version.Number, language, files);
    }

    /// <summary>The package input of <paramref name="application"/> with the files the library holds for it now.</summary>
    public async Task<SubmissionInput> InputAsync(
        Guid applicationId, Application application, Catalog catalog, ReadinessReport readiness, DateTimeOffset createdAt, int? version, Language? language, CancellationToken cancel)
    {
        var pieces = await db.EvidenceLinks.AsNoTracking()
            .Where(l => l.ApplicationId == applicationId)
            .Join(db.Evidence, l => l.EvidenceId, e => e.Id, (l, e) => new { e.Name, e.Sha256, e.Size, e.ContentType })
            .Distinct()
            .ToListAsync(cancel);
        var files = pieces.Where(p => p.Sha256 is not null && p.Size is not null)
            .GroupBy(p => p.Name, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => (g.First().Sha256!, g.First().Size!.Value, g.First().ContentType), StringComparer.Ordinal);
        return Build(application, catalog, readiness, createdAt, version, language, files);
    }

    // Every reference the application makes: a URL is a link, a name of a stored file is bundled, anything else is missing
    private SubmissionInput Build(
        Application application, Catalog catalog, ReadinessReport readiness, DateTimeOffset createdAt, int? version, Language? language, IReadOnlyDictionary<string, (string Sha256, long Size, string? ContentType)> files)
    {
        var evidenceFiles = new List<EvidenceFile>();
        var links = new List<EvidenceLink>();
        var missing = new List<MissingEvidence>();
        foreach (var reference in EvidenceReferences.Collect(application))
        {
            if (reference.IsUrl)
            {
                links.Add(new EvidenceLink(reference.Reference, reference.Items, reference.CaseStudies));
            }
            else if (files.TryGetValue(reference.Reference, out var file))
            {
                var sha256 = file.Sha256;
                evidenceFiles.Add(new EvidenceFile
                {
                    Name = reference.Reference,
                    FileName = EvidenceExtensions.WithExtension(reference.Reference, file.ContentType),
                    Size = file.Size,
                    Sha256 = sha256,
                    Open = () => store.OpenRead(sha256) ?? throw new FileNotFoundException($"evidence {sha256} is not in the store"),
                    Items = reference.Items,
                    CaseStudies = reference.CaseStudies,
                });
            }
            else
            {
                missing.Add(new MissingEvidence(reference.Reference, reference.Items, reference.CaseStudies, PackageWebTexts.NotInLibrary));
            }
        }

        return new SubmissionInput
        {
            Application = application,
            Catalog = catalog,
            Readiness = readiness,
            CreatedAt = createdAt,
            Version = version,
            Language = language,
            Evidence = evidenceFiles,
            Links = links,
            Missing = missing,
        };
    }
}

/// <summary>The file extension of each type the library tells apart.</summary>
public static class EvidenceExtensions
{
    private static readonly Dictionary<string, string> ByType = new(StringComparer.Ordinal)
    {
        [EvidenceContentType.Pdf] = ".pdf",
        [EvidenceContentType.Png] = ".png",
        [EvidenceContentType.Jpeg] = ".jpg",
        [EvidenceContentType.Gif] = ".gif",
        [EvidenceContentType.Zip] = ".zip",
        [EvidenceContentType.Gzip] = ".gz",
        [EvidenceContentType.Docx] = ".docx",
        [EvidenceContentType.Xlsx] = ".xlsx",
        [EvidenceContentType.Pptx] = ".pptx",
        [EvidenceContentType.Text] = ".txt",
        [EvidenceContentType.Json] = ".json",
    };

    /// <summary>
    /// The bundle name of a library piece called <paramref name="name"/>: null when the name already ends in an extension
    /// (kept as the partner gave it) or the type has none; otherwise the name with the type's extension.
    /// </summary>
    public static string? WithExtension(string name, string? contentType)
    {
        var current = Path.GetExtension(name);
        if (current.Length is > 1 and <= 6 && current.Skip(1).All(char.IsAsciiLetterOrDigit) && current.Skip(1).Any(char.IsAsciiLetter))
        {
            return null;
        }

        return contentType is not null && ByType.TryGetValue(contentType, out var extension) ? name + extension : null;
    }
}

/// <summary>The four files of a package as downloads.</summary>
public static class PackageDownloads
{
    /// <summary>Whether <paramref name="name"/> is one of the package's files.</summary>
    public static bool IsFile(string? name) =>
        name is SubmissionPackage.WorkbookName or SubmissionPackage.ReportName or SubmissionPackage.EmailName or SubmissionPackage.BundleName;

    /// <summary>The language asked for by <paramref name="lang"/> (null: the checklist's); false when it is not en or fr.</summary>
    public static bool TryLanguage(string? lang, out Language? language)
    {
        language = null;
        if (lang is not { Length: > 0 })
        {
            return true;
        }

        if (!Languages.TryParse(lang, out var chosen))
        {
            return false;
        }

        language = chosen;
        return true;
    }

    /// <summary>The file <paramref name="name"/> of the package made from <paramref name="input"/>.</summary>
    public static async Task<IActionResult> FileAsync(SubmissionInput input, string name, AttestOptions options)
    {
        // The e-mail is the partner's draft: from its contact; the configured sender only when the application names none
        var from = SubmissionEmail.ContactAddress(input) is null && options.Smtp.From is { Length: > 0 } sender && MailboxAddress.TryParse(sender, out var address) ? address : null;
        var documents = SubmissionPackage.CreateDocuments(input, from);
        switch (name)
        {
            case SubmissionPackage.WorkbookName:
                return new FileContentResult(documents.Workbook, "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet") { FileDownloadName = name };
            case SubmissionPackage.ReportName:
                return new FileContentResult(documents.Report, "application/pdf") { FileDownloadName = name };
            case SubmissionPackage.EmailName:
                return new FileContentResult(SubmissionEmail.ToEml(documents.Email), "message/rfc822") { FileDownloadName = name };
            default:
                // The bundle streams every evidence file: written to a temporary file that goes when the response is sent
                var temporary = new FileStream(Path.GetTempFileName(), FileMode.Create, FileAccess.ReadWrite, FileShare.None, 81920, FileOptions.DeleteOnClose);
                try
                {
                    EvidenceBundle.Write(input, documents.Workbook, documents.Report, temporary);
                    temporary.Position = 0;
                    return new FileStreamResult(temporary, "application/zip") { FileDownloadName = name };
                }
                catch
                {
                    await temporary.DisposeAsync();
                    throw;
                }
        }
    }
}

/// <summary>The texts of the package page, in English and French.</summary>
public static class PackageWebTexts
{
    public static readonly LocalizedString Title = new("Submission package", "Dossier de soumission");
    public static readonly LocalizedString Draft = new("draft (not frozen)", "brouillon (non figé)");
    public static readonly LocalizedString DraftIntro = new(
        "This is the draft package, made from the application as it stands today, not what was submitted. Each submitted version has its own package, made from that version as frozen:",
        "Ceci est le dossier brouillon, fait à partir de la candidature telle qu'elle est aujourd'hui, et non ce qui a été soumis. Chaque version soumise a son propre dossier, fait à partir de cette version telle qu'elle a été figée :");
    public static readonly LocalizedString VersionPackage = new("Package of version {0} (submitted {1})", "Dossier de la version {0} (soumise le {1})");
    public static readonly LocalizedString Intro = new(
        "What the program office receives, made from the application as it is now: download it to check it before you submit. A submitted version's package is made from that version.",
        "Ce que reçoit le bureau du programme, fait à partir de la candidature telle qu'elle est : téléchargez-le pour le vérifier avant de soumettre. Le dossier d'une version soumise est fait à partir de cette version.");
    public static readonly LocalizedString Language = new("Language of the documents", "Langue des documents");
    public static readonly LocalizedString ChecklistLanguage = new("the checklist's language", "la langue de la liste de contrôle");
    public static readonly LocalizedString Workbook = new("Self-assessment workbook (.xlsx): one row per item, one sheet per case study", "Classeur d'auto-évaluation (.xlsx) : une ligne par élément, une feuille par étude de cas");
    public static readonly LocalizedString Report = new("Readiness report (PDF): every item, the case studies, the evidence index", "Rapport de préparation (PDF) : chaque élément, les études de cas, l'index des preuves");
    public static readonly LocalizedString Email = new("E-mail to the program office (.eml), the workbook attached", "E-mail au bureau du programme (.eml), le classeur en pièce jointe");
    public static readonly LocalizedString Bundle = new("Evidence bundle (.zip): every file with its SHA-256 in manifest.json, the report and the workbook", "Lot de preuves (.zip) : chaque fichier avec son SHA-256 dans manifest.json, le rapport et le classeur");
    public static readonly LocalizedString Verify = new("Anyone can check a bundle later with: attest bundle verify evidence-bundle.zip", "Chacun peut vérifier un lot plus tard avec : attest bundle verify evidence-bundle.zip");
    public static readonly LocalizedString Change = new("Change", "Changer");
    public static readonly LocalizedString NotInLibrary = new("not in the evidence library", "absente de la bibliothèque de preuves");
}
