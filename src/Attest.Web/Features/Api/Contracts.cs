using System.ComponentModel.DataAnnotations;
using System.Text.Json.Serialization;
using Attest.Core.Applications;
using Attest.Web.Data;

namespace Attest.Web.Features.Api;

/// <summary>An application as the list shows it.</summary>
public sealed record ApplicationSummary(Guid Id, Guid PartnerId, string? PartnerName, string Checklist, string Status, long Revision, DateTimeOffset CreatedAt, DateTimeOffset UpdatedAt)
{
    public static string StatusName(ApplicationStatus status) => status == ApplicationStatus.Submitted ? "submitted" : "draft";
}

/// <summary>One application: its state, what the caller may do, and what it holds (the content itself is under its own routes).</summary>
public sealed record ApplicationDetail(
    Guid Id,
    Guid PartnerId,
    string? PartnerName,
    string Checklist,
    string Status,
    long Revision,
    DateTimeOffset CreatedAt,
    DateTimeOffset UpdatedAt,
    bool CanEdit,
    IReadOnlyList<CaseStudySummary> CaseStudies,
    IReadOnlyList<string> SelfAssessedItems);

/// <summary>A case study in an application's summary; its revision is what <c>If-Match</c> names.</summary>
public sealed record CaseStudySummary(string Key, string? Customer, long Revision, DateTimeOffset UpdatedAt);

/// <summary>The body of <c>POST /applications</c>.</summary>
public sealed record StartApplication(string Checklist);

/// <summary>A case study exactly as format v1 writes it (camelCase, wire spellings, fields not stated left out).</summary>
public sealed record CaseStudyDocument
{
    public required string Key { get; init; }

    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public string? Customer { get; init; }

    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public string? CustomerWebsite { get; init; }

    /// <summary>Keys of case studies whose customers the partner confirms are distinct from this one's.</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public IReadOnlyList<string>? DistinctFrom { get; init; }

    /// <summary>production, pilot or proof-of-concept.</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public string? Stage { get; init; }

    /// <summary>customer-engagement, merchandising-planning, supply-chain, stores, data-science, business-applications or none.</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public string? UseCase { get; init; }

    /// <summary>msp or project.</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public string? Delivery { get; init; }

    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public DateOnly? Completed { get; init; }

    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public string? Problem { get; init; }

    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public string? Solution { get; init; }

    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public IReadOnlyList<string>? AwsServices { get; init; }

    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public string? RetailExpertise { get; init; }

    /// <summary>Empty when stated as none; left out when not stated.</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public IReadOnlyList<string>? ThirdParty { get; init; }

    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public string? Results { get; init; }

    /// <summary>Empty when stated as none; left out when not stated.</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public IReadOnlyList<string>? Compliance { get; init; }

    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public PublicReferenceDocument? PublicReference { get; init; }

    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public bool? Ecommerce { get; init; }

    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public bool? CardholderData { get; init; }

    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public IReadOnlyList<AvailabilityDocument>? Availability { get; init; }

    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public DisasterRecoveryDocument? DisasterRecovery { get; init; }

    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public PciDocument? Pci { get; init; }

    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public IReadOnlyList<string>? Evidence { get; init; }

    public static CaseStudyDocument From(CaseStudy c) => new()
    {
        Key = c.Key,
        Customer = c.Customer,
        CustomerWebsite = c.CustomerWebsite,
        DistinctFrom = c.DistinctFrom,
        Stage = c.Stage is { } stage ? Vocabulary.Stages.Wire(stage) : null,
        UseCase = c.UseCase is { } useCase ? Vocabulary.UseCases.Wire(useCase) : null,
        Delivery = c.Delivery is { } delivery ? Vocabulary.Deliveries.Wire(delivery) : null,
        Completed = c.Completed,
        Problem = c.Problem,
        Solution = c.Solution,
        AwsServices = c.AwsServices,
        RetailExpertise = c.RetailExpertise,
        ThirdParty = c.ThirdParty,
        Results = c.Results,
        Compliance = c.Compliance,
        PublicReference = c.PublicReference is { } reference ? new PublicReferenceDocument(reference.Url, reference.LinkedFromWebsite) : null,
        Ecommerce = c.Ecommerce,
        CardholderData = c.CardholderData,
        Availability = c.Availability?.Select(a => new AvailabilityDocument(a.Component, a.RtoMinutes, a.RpoMinutes)).ToArray(),
        DisasterRecovery = c.DisasterRecovery is { } dr ? new DisasterRecoveryDocument(dr.RtoMinutes, dr.RpoMinutes, dr.TestedOn, dr.RunbookDelivered) : null,
        Pci = c.Pci is { } pci ? new PciDocument(pci.LastVulnerabilityScan, pci.LastPenetrationTest) : null,
        Evidence = c.Evidence,
    };
}

public sealed record PublicReferenceDocument(
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? Url,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] bool? LinkedFromWebsite);

public sealed record AvailabilityDocument(
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? Component,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] int? RtoMinutes,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] int? RpoMinutes);

public sealed record DisasterRecoveryDocument(
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] int? RtoMinutes,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] int? RpoMinutes,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] DateOnly? TestedOn,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] bool? RunbookDelivered);

public sealed record PciDocument(
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] DateOnly? LastVulnerabilityScan,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] DateOnly? LastPenetrationTest);

/// <summary>A self-assessment entry exactly as format v1 writes it; all fields left out when the item is not answered.</summary>
public sealed record SelfAssessmentDocument(
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] bool? Met,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? Note,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] IReadOnlyList<string>? Evidence,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] IReadOnlyDictionary<string, CaseStudyAnswerDocument>? CaseStudies = null)
{
    /// <summary>The document of a stored entry (an empty one when there is none).</summary>
    public static SelfAssessmentDocument Of(Data.SelfAssessmentRecord? entry) => new(
        entry?.Met,
        entry?.Note,
        entry?.Evidence,
        entry?.CaseStudyAnswers is { Count: > 0 } answers
            ? answers.ToDictionary(a => a.Key, a => new CaseStudyAnswerDocument(a.Answer, a.Note, a.Evidence), StringComparer.Ordinal)
            : null);
}

/// <summary>The partner's answer for one item on one case study: <c>answer</c> (met, not-met, not-applicable), <c>note</c>, <c>evidence</c>.</summary>
public sealed record CaseStudyAnswerDocument(
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? Answer,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? Note,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] IReadOnlyList<string>? Evidence);

/// <summary>
/// A piece of evidence in a partner's library: a file (<c>sha256</c>, <c>size</c>, <c>contentType</c> read from its content,
/// <c>download</c>; <c>url</c> null) or a link (<c>url</c>; the file's fields null). <c>addedAt</c> is when it was added;
/// <c>issuedOn</c>, the document's own date as the partner states it. <c>links</c> are the places it is attached to, in the
/// applications the caller may see.
/// </summary>
public sealed record EvidencePiece(
    Guid Id,
    Guid PartnerId,
    string Name,
    string? Url,
    string? Sha256,
    long? Size,
    string? ContentType,
    DateTimeOffset AddedAt,
    DateOnly? IssuedOn,
    bool CanEdit,
    string? Download,
    IReadOnlyList<EvidenceAttachment> Links);

/// <summary>Where a piece is attached: an application's case study (its key), one of its checklist items (its id), or both.</summary>
public sealed record EvidenceAttachment(Guid Id, Guid ApplicationId, string? CaseStudy, string? Item);

/// <summary>The body of <c>POST /evidence/links</c>: a web address (http or https) as evidence, its name, and when it was issued.</summary>
public sealed record AddEvidenceLinkRequest
{
    [Required]
    public string? Url { get; init; }

    [Required]
    public string? Name { get; init; }

    /// <summary>YYYY-MM-DD, not after today; null or left out when not known.</summary>
    public string? IssuedOn { get; init; }
}

/// <summary>The body of <c>POST /evidence/{id}/attachments</c>: an application, and its case study (key), item (id), or both.</summary>
public sealed record AttachEvidenceRequest
{
    [Required]
    public Guid? ApplicationId { get; init; }

    public string? CaseStudy { get; init; }

    public string? Item { get; init; }
}
