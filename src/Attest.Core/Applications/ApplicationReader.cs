using Attest.Core.Catalogs;
using Attest.Core.Documents;

namespace Attest.Core.Applications;

/// <summary>
/// Reads an application file, format v1, in YAML or JSON. Missing fields are fine (drafts); a malformed file
/// (unknown key, wrong type, unknown value, impossible date or one outside <see cref="DateRange"/> — 1900-01-01 to
/// 2999-12-31 —, unknown format or checklist, syntax error, oversize or bomb) is an <see cref="InputError"/> naming
/// file, line, column and field.
/// </summary>
public static class ApplicationReader
{
    /// <summary>Reads <paramref name="text"/>; <paramref name="catalogs"/> are the checklists it may refer to.</summary>
    public static (Application? Application, InputError? Error) Read(string text, string file, IReadOnlyCollection<Catalog> catalogs)
    {
        var (root, error) = DocumentParser.Parse(text, file);
        if (error is not null)
        {
            return (null, error);
        }

        try
        {
            return (ReadApplication(new MappingReader(root!, file, ""), catalogs), null);
        }
        catch (InputErrorException e)
        {
            return (null, e.Error);
        }
    }

    private static Application ReadApplication(MappingReader root, IReadOnlyCollection<Catalog> catalogs)
    {
        var format = root.String("format") ?? throw Missing(root, "format", new($"required field is missing (expected {Application.FormatV1})", $"champ obligatoire absent ({Application.FormatV1} est attendu)"));
        if (format != Application.FormatV1)
        {
            throw root.Error(root.Node("format")!, "format", new Text.LocalizedString($"unknown format version '{format}' (expected {Application.FormatV1})", $"version de format inconnue « {format} » ({Application.FormatV1} est attendu)"));
        }

        var checklist = root.String("checklist") ?? throw Missing(root, "checklist", new("required field is missing (the checklist id, e.g. aws-retail-consulting-2019-12)", "champ obligatoire absent (l'identifiant de la liste de contrôle, par exemple aws-retail-consulting-2019-12)"));
        var catalog = catalogs.FirstOrDefault(c => c.Id == checklist)
            ?? throw root.Error(root.Node("checklist")!, "checklist", new Text.LocalizedString($"unknown checklist '{checklist}' (known: {string.Join(", ", catalogs.Select(c => c.Id))})", $"liste de contrôle inconnue « {checklist} » (connues : {string.Join(", ", catalogs.Select(c => c.Id))})"));

        var application = new Application
        {
            Checklist = checklist,
            AsOf = root.Date("asOf"),
            Partner = root.Mapping("partner") is { } partner ? ReadPartner(partner) : new PartnerProfile(),
            CaseStudies = ReadCaseStudies(root),
        };
        application = application with
        {
            SelfAssessment = root.Mapping("selfAssessment") is { } self ? ReadSelfAssessment(self, catalog, application.CaseStudies) : new Dictionary<string, SelfAssessmentEntry>(),
            Programs = root.Mapping("programs") is { } programs ? ReadPrograms(programs, catalogs, checklist, application.CaseStudies) : new Dictionary<string, IReadOnlyDictionary<string, SelfAssessmentEntry>>(),
        };
        root.RejectUnknownKeys();
        return application;
    }

    private static PartnerProfile ReadPartner(MappingReader m)
    {
        var practice = m.Mapping("practicePage");
        var contact = m.Mapping("contact");
        var profile = new PartnerProfile
        {
            Name = m.String("name"),
            Id = m.String("id"),
            Tier = m.Enum("tier", Vocabulary.Tiers),
            ServicesPath = m.Enum("servicesPath", Vocabulary.PathStages),
            MspProgramMember = m.Bool("mspProgramMember"),
            GuidelinesRead = m.Bool("guidelinesRead"),
            Homepage = m.String("homepage"),
            PracticePage = practice is null ? null : new PracticePage { Url = practice.String("url"), LinkedFromHomepage = practice.Bool("linkedFromHomepage") },
            DedicatedRetailConsultancy = m.Bool("dedicatedRetailConsultancy"),
            Content = m.List("content", (node, path) =>
            {
                var c = new MappingReader(node, m.File, path);
                var item = new ContentItem { Title = c.String("title"), Url = c.String("url"), Kind = c.Enum("kind", Vocabulary.ContentKinds), Published = c.Date("published") };
                c.RejectUnknownKeys();
                return item;
            }),
            Contact = contact is null ? null : new PartnerContact { Name = contact.String("name"), Email = ReadEmail(contact) },
        };
        practice?.RejectUnknownKeys();
        contact?.RejectUnknownKeys();
        m.RejectUnknownKeys();
        return profile;
    }

    private static List<CaseStudy> ReadCaseStudies(MappingReader root)
    {
        var keys = new Dictionary<string, int>(StringComparer.Ordinal);
        if (root.Node("caseStudies") is SequenceNode { Items.Count: > Application.MaxCaseStudies } tooMany)
        {
            throw root.Error(tooMany, "caseStudies", new Text.LocalizedString($"{tooMany.Items.Count} case studies; an application holds at most {Application.MaxCaseStudies} (the checklist asks for four: keep the ones you submit and those you may use instead)", $"{tooMany.Items.Count} études de cas ; une candidature en compte au plus {Application.MaxCaseStudies} (la liste de contrôle en demande quatre : gardez celles que vous soumettez et celles qui pourraient les remplacer)"));
        }

        var written = WrittenKeys(root.Node("caseStudies"));
        var index = 0;
        var list = root.List("caseStudies", (node, path) =>
        {
            var m = new MappingReader(node, root.File, path);
            var key = m.String("key");
            index++;
            if (string.IsNullOrWhiteSpace(key))
            {
                // A generated key never takes a key written elsewhere in the file
                key = $"case-study-{index}";
                for (var suffix = 2; written.Contains(key) || keys.ContainsKey(key); suffix++)
                {
                    key = $"case-study-{index}-{suffix}";
                }
            }
            else if (keys.TryGetValue(key, out var line))
            {
                throw m.Error(m.Node("key")!, m.FieldPath("key"), new Text.LocalizedString($"duplicate case study key '{key}' (first used on line {line})", $"clé d'étude de cas en double « {key} » (déjà utilisée ligne {line})"));
            }

            keys[key] = m.Node("key")?.Position.Line ?? m.Position.Line;
            var caseStudy = ReadCaseStudy(m, key);
            m.RejectUnknownKeys();
            return caseStudy;
        });
        return list is null ? [] : [.. list];
    }

    private static HashSet<string> WrittenKeys(DocumentNode? caseStudies)
    {
        var keys = new HashSet<string>(StringComparer.Ordinal);
        if (caseStudies is SequenceNode sequence)
        {
            foreach (var item in sequence.Items.OfType<MappingNode>())
            {
                foreach (var (key, value) in item.Entries)
                {
                    if (key.Value == "key" && value is ScalarNode { IsNull: false } scalar)
                    {
                        keys.Add(scalar.Value);
                    }
                }
            }
        }

        return keys;
    }

    private static CaseStudy ReadCaseStudy(MappingReader m, string key)
    {
        var reference = m.Mapping("publicReference");
        var recovery = m.Mapping("disasterRecovery");
        var pci = m.Mapping("pci");
        var caseStudy = new CaseStudy
        {
            Key = key,
            Customer = m.String("customer"),
            CustomerWebsite = m.String("customerWebsite"),
            DistinctFrom = m.StringList("distinctFrom"),
            Affiliate = m.Bool("affiliate"),
            OfferedOutside = m.Bool("offeredOutside"),
            ArchitectureDiagrams = m.StringList("architectureDiagrams"),
            Stage = m.Enum("stage", Vocabulary.Stages),
            UseCase = m.Enum("useCase", Vocabulary.UseCases),
            Delivery = m.Enum("delivery", Vocabulary.Deliveries),
            Completed = m.Date("completed"),
            Problem = m.String("problem"),
            Solution = m.String("solution"),
            AwsServices = m.StringList("awsServices"),
            RetailExpertise = m.String("retailExpertise"),
            ThirdParty = m.StringList("thirdParty"),
            Results = m.String("results"),
            Compliance = m.StringList("compliance"),
            PublicReference = reference is null ? null : new PublicReference { Url = reference.String("url"), LinkedFromWebsite = reference.Bool("linkedFromWebsite") },
            Ecommerce = m.Bool("ecommerce"),
            CardholderData = m.Bool("cardholderData"),
            Availability = m.List("availability", (node, path) =>
            {
                var a = new MappingReader(node, m.File, path);
                var objective = new AvailabilityObjective { Component = a.String("component"), RtoMinutes = a.Int("rtoMinutes"), RpoMinutes = a.Int("rpoMinutes") };
                a.RejectUnknownKeys();
                return objective;
            }),
            DisasterRecovery = recovery is null ? null : new DisasterRecoveryPlan
            {
                RtoMinutes = recovery.Int("rtoMinutes"),
                RpoMinutes = recovery.Int("rpoMinutes"),
                TestedOn = recovery.Date("testedOn"),
                RunbookDelivered = recovery.Bool("runbookDelivered"),
            },
            Pci = pci is null ? null : new PciTesting { LastVulnerabilityScan = pci.Date("lastVulnerabilityScan"), LastPenetrationTest = pci.Date("lastPenetrationTest") },
            Evidence = m.StringList("evidence"),
            Submitted = m.Bool("submitted"),
        };
        reference?.RejectUnknownKeys();
        recovery?.RejectUnknownKeys();
        pci?.RejectUnknownKeys();
        return caseStudy;
    }

    /// <summary>The longest e-mail address accepted (RFC 5321's path limit).</summary>
    public const int MaxEmailLength = 254;

    /// <summary>Whether <paramref name="address"/> looks like one plain e-mail address: one '@', something on each side, a dot in the domain, no space, no brackets.</summary>
    public static bool IsPlainEmail(string address)
    {
        var at = address.IndexOf('@', StringComparison.Ordinal);
        return address.Length <= MaxEmailLength && at > 0 && at == address.LastIndexOf('@') && at < address.Length - 1
            && address[(at + 1)..].Contains('.', StringComparison.Ordinal) && !address.EndsWith('.')
            && !address.Any(ch => char.IsWhiteSpace(ch) || char.IsControl(ch) || ch is '<' or '>' or ',' or ';' or '"' or '(' or ')' or '[' or ']' or '\\');
    }

    private static string? ReadEmail(MappingReader contact)
    {
        var email = contact.String("email");
        if (email is not null && !IsPlainEmail(email.Trim()))
        {
            throw contact.Error(contact.Node("email")!, contact.FieldPath("email"), new Text.LocalizedString($"'{Shorten(email)}' is not an e-mail address (expected one address such as name@example.com)", $"« {Shorten(email)} » n'est pas une adresse e-mail (une adresse telle que nom@example.com est attendue)"));
        }

        return email?.Trim();
    }

    private static string Shorten(string text) => text.Length > 80 ? text[..80] + "…" : text;

    private static Dictionary<string, CaseStudyAnswer> ReadAnswers(MappingReader m, ChecklistItem item, IReadOnlyList<CaseStudy> caseStudies)
    {
        if (item.AppliesTo == Applicability.Partner)
        {
            throw m.Error(m.Node("caseStudies")!, m.FieldPath("caseStudies"), new Text.LocalizedString($"{item.Id} is judged on the partner as a whole: it takes one answer, not one per case study", $"{item.Id} est jugé sur le partenaire dans son ensemble : il prend une seule réponse, pas une par étude de cas"));
        }

        var answers = new Dictionary<string, CaseStudyAnswer>(StringComparer.Ordinal);
        var byCase = m.Mapping("caseStudies")!;
        foreach (var (key, value) in byCase.Entries)
        {
            var path = byCase.FieldPath(key.Value);
            if (!caseStudies.Any(c => c.Key == key.Value))
            {
                throw byCase.Error(key, path, new Text.LocalizedString($"unknown case study '{key.Value}' (known: {string.Join(", ", caseStudies.Select(c => c.Key))})", $"étude de cas inconnue « {key.Value} » (connues : {string.Join(", ", caseStudies.Select(c => c.Key))})"));
            }

            if (value is ScalarNode { IsNull: true })
            {
                continue;
            }

            var a = new MappingReader(value, m.File, path);
            answers[key.Value] = new CaseStudyAnswer { Answer = a.Enum("answer", Vocabulary.Answers), Note = a.String("note"), Evidence = a.StringList("evidence") };
            a.RejectUnknownKeys();
        }

        return answers;
    }

    private static Dictionary<string, SelfAssessmentEntry> ReadSelfAssessment(MappingReader m, Catalog catalog, IReadOnlyList<CaseStudy> caseStudies)
    {
        var entries = new Dictionary<string, SelfAssessmentEntry>(StringComparer.Ordinal);
        foreach (var (key, value) in m.Entries)
        {
            var path = m.FieldPath(key.Value);
            if (catalog.FindItem(key.Value) is not { } item)
            {
                throw m.Error(key, path, new Text.LocalizedString($"unknown checklist item '{key.Value}' for {catalog.Id}", $"élément « {key.Value} » inconnu dans {catalog.Id}"));
            }

            if (value is ScalarNode { IsNull: true })
            {
                continue;
            }

            var e = new MappingReader(value, m.File, path);
            entries[key.Value] = new SelfAssessmentEntry
            {
                Met = e.Bool("met"),
                Note = e.String("note"),
                Evidence = e.StringList("evidence"),
                CaseStudies = e.Node("caseStudies") is null ? null : ReadAnswers(e, item, caseStudies),
            };
            e.RejectUnknownKeys();
        }

        return entries;
    }

    // Further programs: each a known checklist other than the file's own, with its own self-assessment
    private static Dictionary<string, IReadOnlyDictionary<string, SelfAssessmentEntry>> ReadPrograms(MappingReader m, IReadOnlyCollection<Catalog> catalogs, string own, IReadOnlyList<CaseStudy> caseStudies)
    {
        var programs = new Dictionary<string, IReadOnlyDictionary<string, SelfAssessmentEntry>>(StringComparer.Ordinal);
        foreach (var (key, value) in m.Entries)
        {
            var path = m.FieldPath(key.Value);
            var catalog = catalogs.FirstOrDefault(c => c.Id == key.Value)
                ?? throw m.Error(key, path, new Text.LocalizedString($"unknown checklist '{key.Value}' (known: {string.Join(", ", catalogs.Select(c => c.Id))})", $"liste de contrôle inconnue « {key.Value} » (connues : {string.Join(", ", catalogs.Select(c => c.Id))})"));
            if (catalog.Id == own)
            {
                throw m.Error(key, path, new Text.LocalizedString($"{own} is the file's own checklist: its answers go in selfAssessment", $"{own} est la liste de contrôle du fichier lui-même : ses réponses vont dans selfAssessment"));
            }

            if (value is ScalarNode { IsNull: true })
            {
                programs[key.Value] = new Dictionary<string, SelfAssessmentEntry>();
                continue;
            }

            var program = new MappingReader(value, m.File, path);
            programs[key.Value] = program.Mapping("selfAssessment") is { } self ? ReadSelfAssessment(self, catalog, caseStudies) : new Dictionary<string, SelfAssessmentEntry>();
            program.RejectUnknownKeys();
        }

        return programs;
    }

    private static InputErrorException Missing(MappingReader reader, string field, Text.LocalizedString problem) =>
        new(new InputError(reader.File, reader.Position.Line, reader.Position.Column, field, problem.En) { Localized = problem });
}
