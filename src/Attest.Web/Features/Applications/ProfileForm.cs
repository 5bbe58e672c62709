using System.Globalization;
using Attest.Core.Applications;
using Attest.Core.Text;
using Attest.Web.Data;
using Attest.Web.Infrastructure;
using Microsoft.AspNetCore.Mvc.ModelBinding;

namespace Attest.Web.Features.Applications;

/// <summary>Every partner field of format v1 as the profile form posts it: text, tri-state choices, content rows.</summary>
public sealed class ProfileForm
{
    public const int MaxRows = 200;
    public const int MaxText = 500;

    public long Revision { get; set; }

    public string? PartnerName { get; set; }

    public string? PartnerApnId { get; set; }

    public string? ContactName { get; set; }

    public string? ContactEmail { get; set; }

    public string? Tier { get; set; }

    public string? ServicesPath { get; set; }

    public string? MspProgramMember { get; set; }

    public string? GuidelinesRead { get; set; }

    public string? Homepage { get; set; }

    public string? PracticePageUrl { get; set; }

    public string? PracticePageLinked { get; set; }

    public string? DedicatedRetailConsultancy { get; set; }

    /// <summary><c>yes</c> when the content list is stated, even empty.</summary>
    public string? ContentStated { get; set; }

    public List<ContentRow> Content { get; set; } = [];

    /// <summary><c>add</c> when the "add a row" button was pressed: the form comes back with one more row, nothing saved.</summary>
    public string? Action { get; set; }

    public static ProfileForm From(ApplicationRecord a) => new()
    {
        Revision = a.Revision,
        PartnerName = a.PartnerName,
        PartnerApnId = a.PartnerApnId,
        ContactName = a.ContactName,
        ContactEmail = a.ContactEmail,
        Tier = a.Tier is { } tier ? Vocabulary.Tiers.Wire(tier) : null,
        ServicesPath = a.ServicesPath is { } stage ? Vocabulary.PathStages.Wire(stage) : null,
        MspProgramMember = FormInput.Tri(a.MspProgramMember),
        GuidelinesRead = FormInput.Tri(a.GuidelinesRead),
        Homepage = a.Homepage,
        PracticePageUrl = a.PracticePageUrl,
        PracticePageLinked = FormInput.Tri(a.PracticePageLinkedFromHomepage),
        DedicatedRetailConsultancy = FormInput.Tri(a.DedicatedRetailConsultancy),
        ContentStated = a.ContentStated ? "yes" : null,
        Content = a.Content.OrderBy(c => c.Position).Select(c => new ContentRow
        {
            Title = c.Title,
            Url = c.Url,
            Kind = c.Kind is { } kind ? Vocabulary.ContentKinds.Wire(kind) : null,
            Published = FormInput.Date(c.Published),
        }).ToList(),
    };

    /// <summary>The rows kept: those not marked for removal and not blank.</summary>
    public IEnumerable<ContentRow> KeptRows => Content.Where(r => r.Remove != "yes" && !r.IsBlank);

    /// <summary>The profile the form describes; each malformed field adds an error naming it, in the user's language.</summary>
    public PartnerProfile? ToDomain(ModelStateDictionary errors, Language language)
    {
        string Label(string field) => ProfileTexts.Labels[field].In(language);
        void Error(string key, string label, LocalizedString problem, params object[] values) =>
            errors.AddModelError(key, FormInput.Labelled(label, string.Format(CultureInfo.InvariantCulture, problem.In(language), values), language));

        var name = FormInput.Text(PartnerName);
        if (name?.Length > 200)
        {
            Error("Form.PartnerName", Label("PartnerName"), ProfileTexts.TooLong, 200);
        }

        foreach (var (field, value) in new[] { ("PartnerApnId", PartnerApnId), ("ContactName", ContactName) })
        {
            if (FormInput.Text(value)?.Length > 200)
            {
                Error($"Form.{field}", Label(field), ProfileTexts.TooLong, 200);
            }
        }

        if (FormInput.Text(ContactEmail) is { } email && !ApplicationReader.IsPlainEmail(email))
        {
            Error("Form.ContactEmail", Label("ContactEmail"), ProfileTexts.BadEmail);
        }

        PartnerTier? tier = null;
        if (!string.IsNullOrEmpty(Tier))
        {
            if (Vocabulary.Tiers.TryParse(Tier, out var parsed))
            {
                tier = parsed;
            }
            else
            {
                Error("Form.Tier", Label("Tier"), ProfileTexts.BadChoice);
            }
        }

        ServicesPathStage? servicesPath = null;
        if (!string.IsNullOrEmpty(ServicesPath))
        {
            if (Vocabulary.PathStages.TryParse(ServicesPath, out var stage))
            {
                servicesPath = stage;
            }
            else
            {
                Error("Form.ServicesPath", Label("ServicesPath"), ProfileTexts.BadChoice);
            }
        }

        foreach (var (field, value) in new[] { ("MspProgramMember", MspProgramMember), ("GuidelinesRead", GuidelinesRead), ("PracticePageLinked", PracticePageLinked), ("DedicatedRetailConsultancy", DedicatedRetailConsultancy) })
        {
            if (!FormInput.IsTri(value))
            {
                Error($"Form.{field}", Label(field), ProfileTexts.BadChoice);
            }
        }

        foreach (var (field, value) in new[] { ("Homepage", Homepage), ("PracticePageUrl", PracticePageUrl) })
        {
            if (FormInput.Text(value) is { } url && !FormInput.IsWebAddress(url))
            {
                Error($"Form.{field}", Label(field), ProfileTexts.BadUrl);
            }
        }

        var rows = new List<ContentItem>();
        var number = 0;
        foreach (var (row, index) in Content.Select((r, i) => (r, i)))
        {
            if (row.Remove == "yes" || row.IsBlank)
            {
                continue;
            }

            number++;
            var label = string.Format(CultureInfo.InvariantCulture, ProfileTexts.Row.In(language), number);
            var title = FormInput.Text(row.Title);
            if (title?.Length > MaxText)
            {
                Error($"Form.Content[{index}].Title", $"{label}, {Label("Title")}", ProfileTexts.TooLong, MaxText);
            }

            var url = FormInput.Text(row.Url);
            if (url is not null && !FormInput.IsWebAddress(url))
            {
                Error($"Form.Content[{index}].Url", $"{label}, {Label("Url")}", ProfileTexts.BadUrl);
            }

            ContentKind? kind = null;
            if (!string.IsNullOrEmpty(row.Kind))
            {
                if (Vocabulary.ContentKinds.TryParse(row.Kind, out var parsed))
                {
                    kind = parsed;
                }
                else
                {
                    Error($"Form.Content[{index}].Kind", $"{label}, {Label("Kind")}", ProfileTexts.BadChoice);
                }
            }

            var (dateOk, published) = FormInput.Date(row.Published);
            if (!dateOk)
            {
                Error($"Form.Content[{index}].Published", $"{label}, {Label("Published")}", ProfileTexts.BadDate);
            }

            rows.Add(new ContentItem { Title = title, Url = url, Kind = kind, Published = published });
        }

        if (rows.Count > MaxRows)
        {
            Error("Form.Content", Label("Content"), ProfileTexts.TooManyRows, MaxRows);
        }

        if (!errors.IsValid)
        {
            return null;
        }

        var practiceUrl = FormInput.Text(PracticePageUrl);
        var practiceLinked = FormInput.Tri(PracticePageLinked);
        var contactName = FormInput.Text(ContactName);
        var contactEmail = FormInput.Text(ContactEmail);
        return new PartnerProfile
        {
            Name = name,
            Id = FormInput.Text(PartnerApnId),
            Contact = contactName is null && contactEmail is null ? null : new PartnerContact { Name = contactName, Email = contactEmail },
            Tier = tier,
            ServicesPath = servicesPath,
            MspProgramMember = FormInput.Tri(MspProgramMember),
            GuidelinesRead = FormInput.Tri(GuidelinesRead),
            Homepage = FormInput.Text(Homepage),
            PracticePage = practiceUrl is null && practiceLinked is null ? null : new PracticePage { Url = practiceUrl, LinkedFromHomepage = practiceLinked },
            DedicatedRetailConsultancy = FormInput.Tri(DedicatedRetailConsultancy),
            Content = ContentStated == "yes" || rows.Count > 0 ? rows : null,
        };
    }

    /// <summary>
    /// Writes <paramref name="profile"/> onto the stored application, its content rows replaced. The partner's name is not
    /// the form's: it comes from the partner record (a partner cannot appear as another), whatever the form posts.
    /// </summary>
    public static void CopyTo(PartnerProfile profile, ApplicationRecord record)
    {
        record.PartnerApnId = profile.Id;
        record.ContactName = profile.Contact?.Name;
        record.ContactEmail = profile.Contact?.Email;
        record.Tier = profile.Tier;
        record.ServicesPath = profile.ServicesPath;
        record.MspProgramMember = profile.MspProgramMember;
        record.GuidelinesRead = profile.GuidelinesRead;
        record.Homepage = profile.Homepage;
        record.PracticePageUrl = profile.PracticePage?.Url;
        record.PracticePageLinkedFromHomepage = profile.PracticePage?.LinkedFromHomepage;
        record.DedicatedRetailConsultancy = profile.DedicatedRetailConsultancy;
        record.ContentStated = profile.Content is not null;
        record.Content.Clear();
        // New rows get their keys from EF: a row with a key already set would be taken for an existing one
        record.Content.AddRange((profile.Content ?? []).Select((c, i) => new ContentRecord
        {
            ApplicationId = record.Id,
            PartnerId = record.PartnerId,
            Position = i,
            Title = c.Title,
            Url = c.Url,
            Kind = c.Kind,
            Published = c.Published,
        }));
    }

    /// <summary>The fields that differ between two versions, as the conflict table shows them.</summary>
    public static IReadOnlyList<(string Field, string? Theirs, string? Mine)> Differences(ProfileForm theirs, ProfileForm mine)
    {
        static string? Rows(ProfileForm form) => string.Join('\n', form.KeptRows.Select(r => string.Join(" | ", FormInput.Text(r.Title), FormInput.Text(r.Url), r.Kind, FormInput.Text(r.Published)))) is { Length: > 0 } text ? text : null;
        var pairs = new (string Field, string? Theirs, string? Mine)[]
        {
            ("PartnerName", theirs.PartnerName, mine.PartnerName),
            ("PartnerApnId", theirs.PartnerApnId, mine.PartnerApnId),
            ("ContactName", theirs.ContactName, mine.ContactName),
            ("ContactEmail", theirs.ContactEmail, mine.ContactEmail),
            ("Tier", theirs.Tier, mine.Tier),
            ("ServicesPath", theirs.ServicesPath, mine.ServicesPath),
            ("MspProgramMember", theirs.MspProgramMember, mine.MspProgramMember),
            ("GuidelinesRead", theirs.GuidelinesRead, mine.GuidelinesRead),
            ("Homepage", theirs.Homepage, mine.Homepage),
            ("PracticePageUrl", theirs.PracticePageUrl, mine.PracticePageUrl),
            ("PracticePageLinked", theirs.PracticePageLinked, mine.PracticePageLinked),
            ("DedicatedRetailConsultancy", theirs.DedicatedRetailConsultancy, mine.DedicatedRetailConsultancy),
            ("ContentStated", theirs.ContentStated, mine.ContentStated == "yes" || mine.KeptRows.Any() ? "yes" : null),
            ("Content", Rows(theirs), Rows(mine)),
        };
        return pairs.Select(p => (p.Field, FormInput.Text(p.Theirs), FormInput.Text(p.Mine))).Where(p => p.Item2 != p.Item3).ToList();
    }
}

/// <summary>One row of the content list.</summary>
public sealed class ContentRow
{
    public string? Title { get; set; }

    public string? Url { get; set; }

    public string? Kind { get; set; }

    public string? Published { get; set; }

    /// <summary><c>yes</c> when the row is to be removed.</summary>
    public string? Remove { get; set; }

    public bool IsBlank => string.IsNullOrWhiteSpace(Title) && string.IsNullOrWhiteSpace(Url) && string.IsNullOrWhiteSpace(Kind) && string.IsNullOrWhiteSpace(Published);
}

/// <summary>A yes / no / not stated choice of the profile, as its partial view shows it.</summary>
public sealed record ProfileChoice(string Field, string Label, string? Value, string? Error);
