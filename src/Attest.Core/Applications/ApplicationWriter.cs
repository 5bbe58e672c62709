using System.Globalization;
using YamlDotNet.Core;
using YamlDotNet.Core.Events;

namespace Attest.Core.Applications;

/// <summary>
/// Writes an application as a format v1 YAML file, fields in the order of the format, missing fields left out, so that
/// reading what it writes and writing again gives the same text.
/// </summary>
public static class ApplicationWriter
{
    /// <summary>The YAML text of <paramref name="application"/>.</summary>
    public static string Write(Application application)
    {
        using var text = new StringWriter(CultureInfo.InvariantCulture);
        var y = new Emitter(text, new EmitterSettings(2, int.MaxValue, false, 1024, skipAnchorName: true, indentSequences: true));
        y.Emit(new StreamStart());
        y.Emit(new DocumentStart());
        y.Emit(new MappingStart());
        Scalar(y, "format", Application.FormatV1);
        Scalar(y, "checklist", application.Checklist);
        Date(y, "asOf", application.AsOf);
        WritePartner(y, application.Partner);
        Key(y, "caseStudies");
        y.Emit(new SequenceStart(AnchorName.Empty, TagName.Empty, true, SequenceStyle.Block));
        foreach (var c in application.CaseStudies)
        {
            WriteCaseStudy(y, c);
        }

        y.Emit(new SequenceEnd());
        Key(y, "selfAssessment");
        WriteSelfAssessment(y, application.SelfAssessment);
        if (application.Programs.Count > 0)
        {
            Key(y, "programs");
            y.Emit(new MappingStart());
            foreach (var (checklist, answers) in application.Programs.OrderBy(p => p.Key, StringComparer.Ordinal))
            {
                Key(y, checklist);
                y.Emit(new MappingStart());
                Key(y, "selfAssessment");
                WriteSelfAssessment(y, answers);
                y.Emit(new MappingEnd());
            }

            y.Emit(new MappingEnd());
        }

        y.Emit(new MappingEnd());
        y.Emit(new DocumentEnd(true));
        y.Emit(new StreamEnd());
        return text.ToString();
    }

    private static void WriteSelfAssessment(Emitter y, IReadOnlyDictionary<string, SelfAssessmentEntry> selfAssessment)
    {
        y.Emit(new MappingStart());
        foreach (var (id, entry) in selfAssessment.OrderBy(e => e.Key, ItemOrder.Instance))
        {
            Key(y, id);
            y.Emit(new MappingStart());
            Bool(y, "met", entry.Met);
            Scalar(y, "note", entry.Note);
            List(y, "evidence", entry.Evidence);
            if (entry.CaseStudies is { } answers)
            {
                Key(y, "caseStudies");
                y.Emit(new MappingStart());
                foreach (var (key, answer) in answers)
                {
                    Key(y, key);
                    y.Emit(new MappingStart());
                    Scalar(y, "answer", answer.Answer is { } value ? Vocabulary.Answers.Wire(value) : null);
                    Scalar(y, "note", answer.Note);
                    List(y, "evidence", answer.Evidence);
                    y.Emit(new MappingEnd());
                }

                y.Emit(new MappingEnd());
            }

            y.Emit(new MappingEnd());
        }

        y.Emit(new MappingEnd());
    }

    private static void WritePartner(Emitter y, PartnerProfile p)
    {
        Key(y, "partner");
        y.Emit(new MappingStart());
        Scalar(y, "name", p.Name);
        Scalar(y, "id", p.Id);
        Scalar(y, "tier", p.Tier is { } tier ? Vocabulary.Tiers.Wire(tier) : null);
        Scalar(y, "servicesPath", p.ServicesPath is { } path ? Vocabulary.PathStages.Wire(path) : null);
        Bool(y, "mspProgramMember", p.MspProgramMember);
        Bool(y, "guidelinesRead", p.GuidelinesRead);
        Scalar(y, "homepage", p.Homepage);
        if (p.PracticePage is { } page)
        {
            Key(y, "practicePage");
            y.Emit(new MappingStart());
            Scalar(y, "url", page.Url);
            Bool(y, "linkedFromHomepage", page.LinkedFromHomepage);
            y.Emit(new MappingEnd());
        }

        Bool(y, "dedicatedRetailConsultancy", p.DedicatedRetailConsultancy);
        if (p.Content is { } content)
        {
            Key(y, "content");
            y.Emit(new SequenceStart(AnchorName.Empty, TagName.Empty, true, SequenceStyle.Block));
            foreach (var item in content)
            {
                y.Emit(new MappingStart());
                Scalar(y, "title", item.Title);
                Scalar(y, "url", item.Url);
                Scalar(y, "kind", item.Kind is { } kind ? Vocabulary.ContentKinds.Wire(kind) : null);
                Date(y, "published", item.Published);
                y.Emit(new MappingEnd());
            }

            y.Emit(new SequenceEnd());
        }

        if (p.Contact is { } contact)
        {
            Key(y, "contact");
            y.Emit(new MappingStart());
            Scalar(y, "name", contact.Name);
            Scalar(y, "email", contact.Email);
            y.Emit(new MappingEnd());
        }

        y.Emit(new MappingEnd());
    }

    private static void WriteCaseStudy(Emitter y, CaseStudy c)
    {
        y.Emit(new MappingStart());
        Scalar(y, "key", c.Key);
        Scalar(y, "customer", c.Customer);
        Scalar(y, "customerWebsite", c.CustomerWebsite);
        List(y, "distinctFrom", c.DistinctFrom);
        Bool(y, "affiliate", c.Affiliate);
        Bool(y, "offeredOutside", c.OfferedOutside);
        List(y, "architectureDiagrams", c.ArchitectureDiagrams);
        Scalar(y, "stage", c.Stage is { } stage ? Vocabulary.Stages.Wire(stage) : null);
        Scalar(y, "useCase", c.UseCase is { } useCase ? Vocabulary.UseCases.Wire(useCase) : null);
        Scalar(y, "delivery", c.Delivery is { } delivery ? Vocabulary.Deliveries.Wire(delivery) : null);
        Date(y, "completed", c.Completed);
        Scalar(y, "problem", c.Problem);
        Scalar(y, "solution", c.Solution);
        List(y, "awsServices", c.AwsServices);
        Scalar(y, "retailExpertise", c.RetailExpertise);
        List(y, "thirdParty", c.ThirdParty);
        Scalar(y, "results", c.Results);
        List(y, "compliance", c.Compliance);
        if (c.PublicReference is { } reference)
        {
            Key(y, "publicReference");
            y.Emit(new MappingStart());
            Scalar(y, "url", reference.Url);
            Bool(y, "linkedFromWebsite", reference.LinkedFromWebsite);
            y.Emit(new MappingEnd());
        }

        Bool(y, "ecommerce", c.Ecommerce);
        Bool(y, "cardholderData", c.CardholderData);
        if (c.Availability is { } availability)
        {
            Key(y, "availability");
            y.Emit(new SequenceStart(AnchorName.Empty, TagName.Empty, true, SequenceStyle.Block));
            foreach (var a in availability)
            {
                y.Emit(new MappingStart());
                Scalar(y, "component", a.Component);
                Number(y, "rtoMinutes", a.RtoMinutes);
                Number(y, "rpoMinutes", a.RpoMinutes);
                y.Emit(new MappingEnd());
            }

            y.Emit(new SequenceEnd());
        }

        if (c.DisasterRecovery is { } dr)
        {
            Key(y, "disasterRecovery");
            y.Emit(new MappingStart());
            Number(y, "rtoMinutes", dr.RtoMinutes);
            Number(y, "rpoMinutes", dr.RpoMinutes);
            Date(y, "testedOn", dr.TestedOn);
            Bool(y, "runbookDelivered", dr.RunbookDelivered);
            y.Emit(new MappingEnd());
        }

        if (c.Pci is { } pci)
        {
            Key(y, "pci");
            y.Emit(new MappingStart());
            Date(y, "lastVulnerabilityScan", pci.LastVulnerabilityScan);
            Date(y, "lastPenetrationTest", pci.LastPenetrationTest);
            y.Emit(new MappingEnd());
        }

        List(y, "evidence", c.Evidence);
        Bool(y, "submitted", c.Submitted);
        y.Emit(new MappingEnd());
    }

    private static void Key(Emitter y, string key) => y.Emit(new YamlDotNet.Core.Events.Scalar(key));

    // Text is always quoted, so that a name like "yes", "1.0" or "2026-01-01" stays text when read back
    private static void Scalar(Emitter y, string key, string? value)
    {
        if (value is null)
        {
            return;
        }

        Key(y, key);
        y.Emit(new YamlDotNet.Core.Events.Scalar(AnchorName.Empty, TagName.Empty, value, ScalarStyle.DoubleQuoted, false, true));
    }

    private static void Plain(Emitter y, string key, string value)
    {
        Key(y, key);
        y.Emit(new YamlDotNet.Core.Events.Scalar(AnchorName.Empty, TagName.Empty, value, ScalarStyle.Plain, true, false));
    }

    private static void Bool(Emitter y, string key, bool? value)
    {
        if (value is { } b)
        {
            Plain(y, key, b ? "true" : "false");
        }
    }

    private static void Number(Emitter y, string key, int? value)
    {
        if (value is { } n)
        {
            Plain(y, key, n.ToString(CultureInfo.InvariantCulture));
        }
    }

    private static void Date(Emitter y, string key, DateOnly? value)
    {
        if (value is { } d)
        {
            Plain(y, key, d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
        }
    }

    private static void List(Emitter y, string key, IReadOnlyList<string>? values)
    {
        if (values is null)
        {
            return;
        }

        Key(y, key);
        y.Emit(new SequenceStart(AnchorName.Empty, TagName.Empty, true, SequenceStyle.Flow));
        foreach (var value in values)
        {
            y.Emit(new YamlDotNet.Core.Events.Scalar(AnchorName.Empty, TagName.Empty, value, ScalarStyle.DoubleQuoted, false, true));
        }

        y.Emit(new SequenceEnd());
    }

    /// <summary>Checklist item ids in checklist order: PRE before VAL, then by section and number.</summary>
    private sealed class ItemOrder : IComparer<string>
    {
        public static ItemOrder Instance { get; } = new();

        public int Compare(string? x, string? y)
        {
            var a = Parts(x ?? "");
            var b = Parts(y ?? "");
            var byPart = string.CompareOrdinal(a.Part, b.Part); // "PRE" < "VAL": prerequisites first
            return byPart != 0 ? byPart : a.Section != b.Section ? a.Section.CompareTo(b.Section) : a.Number != b.Number ? a.Number.CompareTo(b.Number) : string.CompareOrdinal(x, y);
        }

        private static (string Part, int Section, int Number) Parts(string id)
        {
            var dash = id.IndexOf('-', StringComparison.Ordinal);
            var dot = id.IndexOf('.', StringComparison.Ordinal);
            if (dash < 0 || dot < dash)
            {
                return (id, 0, 0);
            }

            _ = int.TryParse(id.AsSpan(dash + 1, dot - dash - 1), NumberStyles.None, CultureInfo.InvariantCulture, out var section);
            _ = int.TryParse(id.AsSpan(dot + 1), NumberStyles.None, CultureInfo.InvariantCulture, out var number);
            return (id[..dash], section, number);
        }
    }
}
