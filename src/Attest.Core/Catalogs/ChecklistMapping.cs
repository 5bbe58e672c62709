using Attest.Core.Applications;
using Attest.Core.Documents;
using Attest.Core.Text;

namespace Attest.Core.Catalogs;

/// <summary>What carries over from an answer of the source checklist to an item of the target checklist.</summary>
public enum CarryOver
{
    /// <summary>The answer holds as it is: met or not, the response, the evidence, the answers per case study.</summary>
    Answer,

    /// <summary>Only the evidence carries over (item level and per case study): the target asks for more, so the partner answers anew.</summary>
    Evidence,
}

/// <summary>One target item and the source items whose answers carry over to it.</summary>
/// <param name="To">The target item's id.</param>
/// <param name="From">The source items, in order of preference (the first one answered carries).</param>
/// <param name="Carries">What carries over.</param>
/// <param name="Note">What the target asks for beyond the source, in both languages.</param>
public sealed record MappedItem(string To, IReadOnlyList<string> From, CarryOver Carries, LocalizedString? Note);

/// <summary>
/// A mapping between two checklists, as data (<c>attest/mapping/v1</c>, in <c>catalogs/mappings/</c>): which answers of a
/// file made for <see cref="From"/> carry over when the file is judged against <see cref="To"/>. The partner's profile,
/// case studies and evidence are shared whatever the checklist; only self-assessment answers need a mapping.
/// </summary>
public sealed record ChecklistMapping
{
    /// <summary>The format of mapping files.</summary>
    public const string FormatV1 = "attest/mapping/v1";

    /// <summary>The source checklist id.</summary>
    public required string From { get; init; }

    /// <summary>The target checklist id.</summary>
    public required string To { get; init; }

    /// <summary>The target items that receive answers, in file order.</summary>
    public required IReadOnlyList<MappedItem> Items { get; init; }

    /// <summary>Reads a mapping file and checks its ids against the two checklists when they are among <paramref name="catalogs"/>.</summary>
    public static (ChecklistMapping? Mapping, InputError? Error) Read(string text, string file, IReadOnlyCollection<Catalog> catalogs)
    {
        ArgumentNullException.ThrowIfNull(catalogs);
        var (root, error) = DocumentParser.Parse(text, file);
        if (error is not null)
        {
            return (null, error);
        }

        try
        {
            var m = new MappingReader(root!, file, "");
            var format = m.String("format") ?? throw m.Error(root!, "format", $"required field is missing (expected {FormatV1})");
            if (format != FormatV1)
            {
                throw m.Error(m.Node("format")!, "format", $"unknown mapping format '{format}' (expected {FormatV1})");
            }

            var from = Checklist(m, "from", catalogs);
            var to = Checklist(m, "to", catalogs);
            if (from.Id == to.Id)
            {
                throw m.Error(m.Node("to")!, "to", "a mapping goes from one checklist to another");
            }

            var seen = new HashSet<string>(StringComparer.Ordinal);
            var items = m.List("items", (node, path) =>
            {
                var item = new MappingReader(node, file, path);
                var target = item.String("to") ?? throw item.Error(node, item.FieldPath("to"), "required field is missing");
                if (to.FindItem(target) is null)
                {
                    throw item.Error(item.Node("to")!, item.FieldPath("to"), $"unknown item '{target}' in {to.Id}");
                }

                if (!seen.Add(target))
                {
                    throw item.Error(item.Node("to")!, item.FieldPath("to"), $"item '{target}' is mapped twice");
                }

                var sources = item.List("from", (n, p) =>
                {
                    var id = item.ReadString(n, p);
                    return from.FindItem(id) is null ? throw item.Error(n, p, $"unknown item '{id}' in {from.Id}") : id;
                }) ?? throw item.Error(node, item.FieldPath("from"), "required field is missing");
                if (sources.Count == 0)
                {
                    throw item.Error(item.Node("from")!, item.FieldPath("from"), "name at least one item");
                }

                var carries = item.Enum("carries", Carries) ?? throw item.Error(node, item.FieldPath("carries"), "required field is missing (answer or evidence)");
                var noteReader = item.Mapping("note");
                var note = noteReader is null ? null : new LocalizedString(
                    noteReader.String("en") ?? throw item.Error(item.Node("note")!, noteReader.FieldPath("en"), "required field is missing"),
                    noteReader.String("fr") ?? throw item.Error(item.Node("note")!, noteReader.FieldPath("fr"), "required field is missing"));
                noteReader?.RejectUnknownKeys();
                item.RejectUnknownKeys();
                return new MappedItem(target, sources, carries, note);
            }) ?? [];
            m.RejectUnknownKeys();
            return (new ChecklistMapping { From = from.Id, To = to.Id, Items = items }, null);
        }
        catch (InputErrorException e)
        {
            return (null, e.Error);
        }
    }

    /// <summary>Names of <see cref="CarryOver"/> values.</summary>
    public static WireNames<CarryOver> Carries { get; } = new(
        (CarryOver.Answer, "answer", "the answer", "la réponse"),
        (CarryOver.Evidence, "evidence", "the evidence only", "les preuves seulement"));

    private static Catalog Checklist(MappingReader m, string key, IReadOnlyCollection<Catalog> catalogs)
    {
        var id = m.String(key) ?? throw m.Error(m.Node(key) ?? new ScalarNode(m.Position, "", false), key, "required field is missing");
        return catalogs.FirstOrDefault(c => c.Id == id) ?? throw m.Error(m.Node(key)!, key, $"unknown checklist '{id}' (known: {string.Join(", ", catalogs.Select(c => c.Id))})");
    }
}

/// <summary>One answer carried over by a mapping, to be told to the partner.</summary>
/// <param name="To">The target item.</param>
/// <param name="From">The source item it came from.</param>
/// <param name="Carries">What came over.</param>
/// <param name="Note">What the target asks for beyond the source.</param>
public sealed record CarriedAnswer(string To, string From, CarryOver Carries, LocalizedString? Note);

/// <summary>
/// The same application judged against another checklist: the file's profile, case studies and evidence as they are, the
/// self-assessment its <c>programs:</c> section gives for that checklist, and what a mapping carries over from the file's
/// own answers where the partner has not answered the target item itself. Pure.
/// </summary>
public static class ApplicationProjection
{
    /// <summary>
    /// <paramref name="application"/> for checklist <paramref name="target"/>; <paramref name="mapping"/> (from the file's
    /// checklist to the target) may be null, and then nothing carries over. The partner's own answer always wins.
    /// </summary>
    public static (Application Application, IReadOnlyList<CarriedAnswer> Carried) For(Application application, Catalog target, ChecklistMapping? mapping)
    {
        ArgumentNullException.ThrowIfNull(application);
        ArgumentNullException.ThrowIfNull(target);
        if (application.Checklist == target.Id)
        {
            return (application, []);
        }

        if (mapping is not null && (mapping.From != application.Checklist || mapping.To != target.Id))
        {
            throw new ArgumentException($"the mapping goes from {mapping.From} to {mapping.To}, not from {application.Checklist} to {target.Id}", nameof(mapping));
        }

        var own = application.Programs.TryGetValue(target.Id, out var answers) ? answers : new Dictionary<string, SelfAssessmentEntry>();
        var result = new Dictionary<string, SelfAssessmentEntry>(own, StringComparer.Ordinal);
        var carried = new List<CarriedAnswer>();
        foreach (var item in mapping?.Items ?? [])
        {
            if (own.TryGetValue(item.To, out var mine) && (mine.Met is not null || mine.CaseStudies is { Count: > 0 }))
            {
                continue;
            }

            var source = item.From.FirstOrDefault(application.SelfAssessment.ContainsKey);
            if (source is null)
            {
                continue;
            }

            var entry = application.SelfAssessment[source];
            result[item.To] = item.Carries == CarryOver.Answer
                ? entry
                : new SelfAssessmentEntry
                {
                    Evidence = entry.Evidence,
                    CaseStudies = entry.CaseStudies?.ToDictionary(p => p.Key, p => new CaseStudyAnswer { Evidence = p.Value.Evidence }, StringComparer.Ordinal),
                };
            carried.Add(new CarriedAnswer(item.To, source, item.Carries, item.Note));
        }

        var programs = application.Programs.Where(p => p.Key != target.Id).ToDictionary(p => p.Key, p => p.Value, StringComparer.Ordinal);
        return (application with { Checklist = target.Id, SelfAssessment = result, Programs = programs }, carried);
    }
}
