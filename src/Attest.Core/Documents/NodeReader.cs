using System.Globalization;
using Attest.Core.Text;

namespace Attest.Core.Documents;

/// <summary>Reads one mapping of a document strictly: typed fields, and every key it did not ask for is an error.</summary>
internal sealed class MappingReader
{
    private readonly MappingNode node;
    private readonly HashSet<string> known = new(StringComparer.Ordinal);

    public MappingReader(DocumentNode node, string file, string path)
    {
        File = file;
        Path = path;
        this.node = node as MappingNode ?? throw Error(node, path, new LocalizedString($"expected a mapping of fields, got {node.KindName}", $"une table de champs est attendue, pas {Kind(node)}"));
    }

    public string File { get; }

    public string Path { get; }

    public SourcePosition Position => node.Position;

    public IEnumerable<KeyValuePair<ScalarNode, DocumentNode>> Entries => node.Entries;

    public string FieldPath(string key) => Path.Length == 0 ? key : $"{Path}.{key}";

    /// <summary>The node under <paramref name="key"/>, or null when absent or explicitly null.</summary>
    public DocumentNode? Node(string key)
    {
        known.Add(key);
        foreach (var entry in node.Entries)
        {
            if (entry.Key.Value == key)
            {
                return entry.Value is ScalarNode { IsNull: true } ? null : entry.Value;
            }
        }

        return null;
    }

    public string? String(string key) => Node(key) is { } value ? ReadString(value, FieldPath(key)) : null;

    public bool? Bool(string key) => Node(key) is { } value ? ReadBool(value, FieldPath(key)) : null;

    public int? Int(string key, int minimum = 0) => Node(key) is { } value ? ReadInt(value, FieldPath(key), minimum) : null;

    public DateOnly? Date(string key) => Node(key) is { } value ? ReadDate(value, FieldPath(key)) : null;

    public T? Enum<T>(string key, WireNames<T> names)
        where T : struct, Enum => Node(key) is { } value ? ReadEnum(value, FieldPath(key), names) : null;

    public MappingReader? Mapping(string key) => Node(key) is { } value ? new MappingReader(value, File, FieldPath(key)) : null;

    public IReadOnlyList<T>? List<T>(string key, Func<DocumentNode, string, T> read)
    {
        if (Node(key) is not { } value)
        {
            return null;
        }

        var path = FieldPath(key);
        if (value is not SequenceNode sequence)
        {
            throw Error(value, path, new LocalizedString($"expected a list, got {value.KindName}", $"une liste est attendue, pas {Kind(value)}"));
        }

        var items = new List<T>(sequence.Items.Count);
        for (var i = 0; i < sequence.Items.Count; i++)
        {
            items.Add(read(sequence.Items[i], $"{path}[{i}]"));
        }

        return items;
    }

    public IReadOnlyList<string>? StringList(string key) => List(key, ReadString);

    /// <summary>Fails on the first key that no accessor asked for.</summary>
    public void RejectUnknownKeys()
    {
        foreach (var entry in node.Entries)
        {
            if (!known.Contains(entry.Key.Value))
            {
                var expected = string.Join(", ", known.Order(StringComparer.Ordinal));
                throw Error(entry.Key, FieldPath(entry.Key.Value), new LocalizedString($"unknown key '{entry.Key.Value}' (expected one of: {expected})", $"clé inconnue « {entry.Key.Value} » (clés possibles : {expected})"));
            }
        }
    }

    public InputErrorException Error(DocumentNode at, string field, string problem) =>
        new(new InputError(File, at.Position.Line, at.Position.Column, field, problem));

    /// <summary>An error worded in both languages.</summary>
    public InputErrorException Error(DocumentNode at, string field, LocalizedString problem)
    {
        ArgumentNullException.ThrowIfNull(at);
        ArgumentNullException.ThrowIfNull(problem);
        return new(new InputError(File, at.Position.Line, at.Position.Column, field, problem.En) { Localized = problem });
    }

    public string ReadString(DocumentNode value, string path) => value switch
    {
        ScalarNode scalar => scalar.Value,
        _ => throw Error(value, path, new LocalizedString($"expected text, got {value.KindName}", $"du texte est attendu, pas {Kind(value)}")),
    };

    public bool ReadBool(DocumentNode value, string path) => value switch
    {
        ScalarNode { Quoted: false, Value: "true" or "True" or "TRUE" } => true,
        ScalarNode { Quoted: false, Value: "false" or "False" or "FALSE" } => false,
        ScalarNode scalar => throw Error(value, path, new LocalizedString($"expected true or false, got '{scalar.Value}'", $"true ou false est attendu, pas « {scalar.Value} »")),
        _ => throw Error(value, path, new LocalizedString($"expected true or false, got {value.KindName}", $"true ou false est attendu, pas {Kind(value)}")),
    };

    /// <summary>The kind of a node in French (<see cref="DocumentNode.KindName"/> in English).</summary>
    private static string Kind(DocumentNode node) => node switch
    {
        MappingNode => "une table de champs",
        SequenceNode => "une liste",
        _ => "une valeur",
    };

    public int ReadInt(DocumentNode value, string path, int minimum)
    {
        if (value is ScalarNode { Quoted: false } scalar && int.TryParse(scalar.Value, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var number))
        {
            return number >= minimum ? number : throw Error(value, path, new LocalizedString($"must be {minimum} or more, got {number}", $"doit valoir {minimum} ou plus, pas {number}"));
        }

        var shown = value is ScalarNode s ? $"'{s.Value}'" : value.KindName;
        throw Error(value, path, new LocalizedString($"expected a whole number, got {shown}", $"un nombre entier est attendu, pas {(value is ScalarNode f ? $"« {f.Value} »" : Kind(value))}"));
    }

    public DateOnly ReadDate(DocumentNode value, string path)
    {
        if (value is not ScalarNode scalar)
        {
            throw Error(value, path, new LocalizedString($"expected a date (YYYY-MM-DD), got {value.KindName}", $"une date (AAAA-MM-JJ) est attendue, pas {Kind(value)}"));
        }

        var (date, problem) = DateRange.Parse(scalar.Value);
        return date ?? throw Error(value, path, new LocalizedString(problem!, string.Create(CultureInfo.InvariantCulture, $"une date réelle au format AAAA-MM-JJ, du {DateRange.Earliest:yyyy-MM-dd} au {DateRange.Latest:yyyy-MM-dd}, est attendue, pas « {scalar.Value} »")));
    }

    public T ReadEnum<T>(DocumentNode value, string path, WireNames<T> names)
        where T : struct, Enum
    {
        if (value is ScalarNode scalar && names.TryParse(scalar.Value, out var parsed))
        {
            return parsed;
        }

        var shown = value is ScalarNode s ? $"'{s.Value}'" : value.KindName;
        var choices = string.Join(", ", names.WireValues);
        throw Error(value, path, new LocalizedString($"unknown value {shown} (expected one of: {choices})", $"valeur inconnue {(value is ScalarNode f ? $"« {f.Value} »" : Kind(value))} (valeurs possibles : {choices})"));
    }
}
