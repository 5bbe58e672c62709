using Attest.Core.Documents;
using Attest.Core.Findings;
using Attest.Core.Text;

namespace Attest.Core.Catalogs;

/// <summary>Reads a catalog file (format <c>attest/catalog/v1</c>) and validates it completely before returning it.</summary>
public static class CatalogReader
{
    /// <summary>The only catalog format version.</summary>
    public const string FormatV1 = "attest/catalog/v1";

    private static readonly WireNames<ChecklistPart> Parts = new(
        (ChecklistPart.Prerequisites, "prerequisites", "Program prerequisites", "Prérequis du programme"),
        (ChecklistPart.Validation, "validation", "Validation checklist", "Liste de contrôle de validation"));

    private static readonly WireNames<Applicability> AppliesTo = new(
        (Applicability.Partner, "partner", "the partner", "le partenaire"),
        (Applicability.EachCaseStudy, "each-case-study", "each case study", "chaque étude de cas"),
        (Applicability.AllCaseStudies, "all-case-studies", "all case studies", "toutes les études de cas"),
        (Applicability.AllProjectBased, "all-project-based", "all project-based case studies", "toutes les études de cas basées sur un projet"),
        (Applicability.AtLeastOneCaseStudy, "at-least-one-case-study", "at least one case study", "au moins une étude de cas"),
        (Applicability.Ecommerce, "ecommerce", "e-commerce case studies", "études de cas de commerce électronique"),
        (Applicability.EcommerceCardholderData, "ecommerce-cardholder-data", "e-commerce case studies with cardholder data", "études de cas de commerce électronique avec données de titulaires de carte"),
        (Applicability.CaseStudiesUsingServices, "case-studies-using-services", "case studies using the item's AWS services", "études de cas utilisant les services AWS de l'élément"));

    // The first catalogs' name for case-studies-using-services with Amazon S3
    private const string LegacyS3 = "case-studies-with-s3";

    private static readonly WireNames<Automation> Automations = new(
        (Automation.Automatic, "automatic", "automatic", "automatique"),
        (Automation.Partial, "partial", "partly automatic", "partiellement automatique"),
        (Automation.Human, "human", "judged by a person", "jugé par une personne"));

    private static readonly WireNames<Language> SourceLanguages = new(
        (Language.En, "en", "English", "anglais"),
        (Language.Fr, "fr", "French", "français"));

    private static readonly WireNames<MspCriteriaReading> Readings = new(
        (MspCriteriaReading.English, "english", "English reading", "lecture anglaise"),
        (MspCriteriaReading.French, "french", "French reading", "lecture française"));

    /// <summary>Names of <see cref="Applicability"/> values.</summary>
    public static WireNames<Applicability> Applicabilities => AppliesTo;

    /// <summary>Names of <see cref="Automation"/> values.</summary>
    public static WireNames<Automation> AutomationLevels => Automations;

    /// <summary>Names of <see cref="ChecklistPart"/> values.</summary>
    public static WireNames<ChecklistPart> ChecklistParts => Parts;

    /// <summary>Names of <see cref="MspCriteriaReading"/> values.</summary>
    public static WireNames<MspCriteriaReading> MspReadings => Readings;

    /// <summary>Names of <see cref="PciTestingReading"/> values.</summary>
    public static WireNames<PciTestingReading> PciReadings { get; } = new(
        (PciTestingReading.ScansQuarterly, "scans-quarterly", "quarterly scans, yearly penetration tests", "analyses trimestrielles, tests de pénétration annuels"),
        (PciTestingReading.BothQuarterly, "both-quarterly", "quarterly scans and penetration tests", "analyses et tests de pénétration trimestriels"));

    /// <summary>Reads and validates a catalog.</summary>
    /// <returns>The catalog, or the first problem with its file, line, column and field.</returns>
    public static (Catalog? Catalog, InputError? Error) Read(string text, string file)
    {
        var (root, error) = DocumentParser.Parse(text, file);
        if (error is not null)
        {
            return (null, error);
        }

        try
        {
            return (ReadCatalog(new MappingReader(root!, file, "")), null);
        }
        catch (InputErrorException e)
        {
            return (null, e.Error);
        }
    }

    private static Catalog ReadCatalog(MappingReader root)
    {
        var format = Required(root, "format", root.String);
        if (format != FormatV1)
        {
            throw root.Error(root.Node("format")!, "format", $"unknown catalog format '{format}' (expected {FormatV1})");
        }

        var id = Required(root, "id", root.String);
        var validity = root.Mapping("validity");
        var effectiveFrom = validity?.Date("effectiveFrom");
        if (validity?.Node("acceptedUntil") is not null && validity.Node("usableUntil") is { } both)
        {
            throw validity.Error(both, "validity.usableUntil", "acceptedUntil and usableUntil are one date (the last day the checklist may be used): give only one");
        }

        var untilKey = validity?.Node("usableUntil") is not null ? "usableUntil" : "acceptedUntil";
        var acceptedUntil = validity?.Date(untilKey);
        var released = validity?.Date("released");
        var nextExpected = validity?.Date("nextVersionExpected");
        var previousAcceptedUntil = validity?.Date("previousAcceptedUntil");
        var successor = validity?.String("successor");
        validity?.RejectUnknownKeys();
        if (effectiveFrom is { } from && acceptedUntil is { } until && until < from)
        {
            throw root.Error(validity!.Node(untilKey)!, "validity." + untilKey, "is before validity.effectiveFrom");
        }

        if (released is { } on && acceptedUntil is { } last && last < on)
        {
            throw root.Error(validity!.Node(untilKey)!, "validity." + untilKey, "is before validity.released");
        }

        if (released is { } day && nextExpected is { } next && next < day)
        {
            throw root.Error(validity!.Node("nextVersionExpected")!, "validity.nextVersionExpected", "is before validity.released");
        }

        if (successor is not null && successor == id)
        {
            throw root.Error(validity!.Node("successor")!, "validity.successor", "a checklist cannot succeed itself");
        }

        var exemptionReader = root.Mapping("reviewExemption");
        ReviewExemption? exemption = null;
        if (exemptionReader is not null)
        {
            var pillars = Vocabulary(exemptionReader, "pillars", WellArchitectedPillars.IsKnown, "pillar", WellArchitectedPillars.All.Select(p => p.Id));
            if (pillars.Count == 0)
            {
                throw root.Error(root.Node("reviewExemption")!, "reviewExemption.pillars", "name at least one pillar");
            }

            exemption = new ReviewExemption(pillars);
            exemptionReader.RejectUnknownKeys();
        }

        var office = Required(root, "programOffice", root.Mapping);
        var subject = Required(office, "subject", k => Localized(office, k));
        foreach (var language in Languages.All)
        {
            if (!subject.In(language).Contains("{partner}", StringComparison.Ordinal))
            {
                throw office.Error(office.Node("subject")!, office.FieldPath("subject." + language.Code()), "the subject template must contain {partner}");
            }
        }

        var programOffice = new ProgramOffice
        {
            Email = Required(office, "email", office.String),
            SubjectTemplate = subject,
            AnswerWithinBusinessDays = office.Int("answerWithinBusinessDays", minimum: 1) ?? 5,
        };
        office.RejectUnknownKeys();

        var optionsReader = root.Mapping("options");
        var options = new CatalogOptions
        {
            MspCriteriaReading = optionsReader?.Enum("mspCriteriaReading", Readings) ?? MspCriteriaReading.English,
            PciTestingReading = optionsReader?.Enum("pciTestingReading", PciReadings) ?? PciTestingReading.ScansQuarterly,
        };
        optionsReader?.RejectUnknownKeys();

        var catalog = new Catalog
        {
            Id = id,
            Title = Required(root, "title", k => Localized(root, k)),
            Issuer = Required(root, "issuer", root.String),
            Version = Required(root, "version", root.String),
            Published = Required(root, "published", root.Date),
            SourceLanguage = Required(root, "sourceLanguage", k => root.Enum(k, SourceLanguages)),
            EffectiveFrom = effectiveFrom,
            AcceptedUntil = acceptedUntil,
            Released = released,
            NextVersionExpected = nextExpected,
            PreviousAcceptedUntil = previousAcceptedUntil,
            Successor = successor,
            ReviewExemption = exemption,
            ProgramOffice = programOffice,
            Options = options,
            Sections = ReadSections(root),
        };
        root.RejectUnknownKeys();
        if (exemption is null && catalog.Items.FirstOrDefault(i => i.ExemptByReview) is { } exempt)
        {
            throw root.Error(root.Node("sections")!, "reviewExemption", $"item {exempt.Id} is exemptByReview but the catalog has no reviewExemption naming the pillars");
        }

        return catalog;
    }

    private static List<CatalogSection> ReadSections(MappingReader root)
    {
        var sectionIds = new HashSet<string>(StringComparer.Ordinal);
        var itemIds = new HashSet<string>(StringComparer.Ordinal);
        var sections = root.List("sections", (node, path) =>
        {
            var reader = new MappingReader(node, root.File, path);
            var id = Required(reader, "id", reader.String);
            if (!sectionIds.Add(id))
            {
                throw reader.Error(reader.Node("id")!, reader.FieldPath("id"), $"section id '{id}' is used twice");
            }

            var part = Required(reader, "part", k => reader.Enum(k, Parts));
            var section = new CatalogSection
            {
                Id = id,
                Part = part,
                Number = Required(reader, "number", reader.String),
                Title = Required(reader, "title", k => Localized(reader, k)),
                Items = reader.List("items", (itemNode, itemPath) => ReadItem(new MappingReader(itemNode, root.File, itemPath), itemIds) with { Part = part }) ?? [],
            };
            if (section.Items.Count == 0)
            {
                throw reader.Error(node, reader.FieldPath("items"), "a section needs at least one item");
            }

            reader.RejectUnknownKeys();
            return section;
        });
        if (sections is null || sections.Count == 0)
        {
            throw root.Error(root.Node("sections") ?? (DocumentNode)new ScalarNode(root.Position, "", false), "sections", "a catalog needs at least one section");
        }

        return [.. sections];
    }

    private static ChecklistItem ReadItem(MappingReader reader, HashSet<string> itemIds)
    {
        var id = Required(reader, "id", reader.String);
        if (!itemIds.Add(id))
        {
            throw reader.Error(reader.Node("id")!, reader.FieldPath("id"), $"item id '{id}' is used twice");
        }

        var rule = Required(reader, "rule", reader.String);
        if (!RuleSignatures.All.TryGetValue(rule, out var signature))
        {
            throw reader.Error(reader.Node("rule")!, reader.FieldPath("rule"), $"unknown rule '{rule}' (known rules: {string.Join(", ", RuleSignatures.All.Keys)})");
        }

        var parameters = signature.ToDictionary(p => p.Name, p => p.Default, StringComparer.Ordinal);
        if (reader.Mapping("parameters") is { } given)
        {
            foreach (var (key, value) in given.Entries)
            {
                var spec = signature.FirstOrDefault(p => p.Name == key.Value)
                    ?? throw given.Error(key, given.FieldPath(key.Value), $"rule '{rule}' takes no parameter '{key.Value}'");
                var text = given.ReadString(value, given.FieldPath(key.Value));
                if (!RuleSignatures.IsValid(spec.Kind, text))
                {
                    throw given.Error(value, given.FieldPath(key.Value), $"'{text}' is not a valid {spec.Kind.ToString().ToLowerInvariant()}");
                }

                parameters[key.Value] = text;
            }
        }

        var legacyS3 = reader.Node("appliesTo") is ScalarNode { Value: LegacyS3 };
        var appliesTo = legacyS3 ? Applicability.CaseStudiesUsingServices : Required(reader, "appliesTo", k => reader.Enum(k, AppliesTo));
        var services = Vocabulary(reader, "services", AwsServices.IsKnown, "AWS service", AwsServices.All.Keys);
        if (legacyS3 && services.Count == 0)
        {
            services = ["amazon-s3"];
        }

        if (appliesTo == Applicability.CaseStudiesUsingServices && services.Count == 0)
        {
            throw reader.Error(reader.Node("appliesTo")!, reader.FieldPath("services"), "appliesTo case-studies-using-services needs the services that make the item apply");
        }

        var item = new ChecklistItem
        {
            Id = id,
            Number = Required(reader, "number", reader.String),
            Title = Required(reader, "title", k => Localized(reader, k)),
            Requirement = Required(reader, "requirement", k => Localized(reader, k)),
            Evidence = Required(reader, "evidence", k => Localized(reader, k)),
            AppliesTo = appliesTo,
            Topics = Vocabulary(reader, "topics", Topics.IsKnown, "topic", Topics.All.Keys),
            Services = services,
            Automation = Required(reader, "automation", k => reader.Enum(k, Automations)),
            Rule = rule,
            Parameters = parameters,
            WellArchitected = reader.List("wellArchitected", (node, path) =>
            {
                var practice = new MappingReader(node, reader.File, path);
                var result = new WellArchitectedPractice(
                    Required(practice, "pillar", practice.String),
                    Required(practice, "bestPractice", practice.String),
                    Required(practice, "title", k => Localized(practice, k)));
                practice.RejectUnknownKeys();
                return result;
            }) ?? [],
            ExemptByReview = reader.Bool("exemptByReview") ?? false,
        };
        if (rule == "common-requirement" && appliesTo != Applicability.AtLeastOneCaseStudy)
        {
            throw reader.Error(reader.Node("appliesTo")!, reader.FieldPath("appliesTo"), "rule common-requirement is met by at least one case study: appliesTo must be at-least-one-case-study");
        }

        if (rule == "per-reference" && appliesTo is Applicability.Partner or Applicability.AtLeastOneCaseStudy)
        {
            throw reader.Error(reader.Node("appliesTo")!, reader.FieldPath("appliesTo"), "rule per-reference is judged for every case study: appliesTo must name case studies, not the partner or at least one");
        }

        reader.RejectUnknownKeys();
        return item;
    }

    // A list of names from a vocabulary: each known, none twice; an unknown one is an error at its own place
    private static IReadOnlyList<string> Vocabulary(MappingReader reader, string key, Func<string, bool> known, string what, IEnumerable<string> all)
    {
        var seen = new HashSet<string>(StringComparer.Ordinal);
        return reader.List(key, (node, path) =>
        {
            var name = reader.ReadString(node, path);
            if (!known(name))
            {
                throw reader.Error(node, path, $"unknown {what} '{name}' (known: {string.Join(", ", all)})");
            }

            if (!seen.Add(name))
            {
                throw reader.Error(node, path, $"{what} '{name}' is listed twice");
            }

            return name;
        }) ?? [];
    }

    private static LocalizedString? Localized(MappingReader parent, string key)
    {
        if (parent.Mapping(key) is not { } reader)
        {
            return null;
        }

        var text = new LocalizedString(Required(reader, "en", reader.String), Required(reader, "fr", reader.String));
        reader.RejectUnknownKeys();
        return text;
    }

    private static T Required<T>(MappingReader reader, string key, Func<string, T?> read)
        where T : class => read(key) ?? throw Missing(reader, key);

    private static T Required<T>(MappingReader reader, string key, Func<string, T?> read, int unused = 0)
        where T : struct => read(key) ?? throw Missing(reader, key);

    private static InputErrorException Missing(MappingReader reader, string key) =>
        new(new InputError(reader.File, reader.Position.Line, reader.Position.Column, reader.FieldPath(key), "required field is missing"));
}
