using System.Text;
using System.Text.Json;
using Attest.Evidence.Model;

namespace Attest.Evidence.Iam;

/// <summary>
/// JSON read into the value tree rules judge (dictionaries, lists, strings, decimals, booleans), remembering where each object
/// and list starts so that a finding can name the line and column of a statement.
/// </summary>
internal sealed class JsonTree
{
    public const int MaxDepth = 64;
    private readonly Dictionary<object, FileLocation> positions = new(ReferenceEqualityComparer.Instance);
    private readonly int[] lineStarts;
    private readonly byte[] bytes;
    private readonly string file;

    private JsonTree(byte[] bytes, string file)
    {
        this.bytes = bytes;
        this.file = file;
        var starts = new List<int> { 0 };
        for (var i = 0; i < bytes.Length; i++)
        {
            if (bytes[i] == (byte)'\n')
            {
                starts.Add(i + 1);
            }
        }

        lineStarts = [.. starts];
    }

    /// <summary>The root value.</summary>
    public object? Root { get; private set; }

    /// <summary>Parses <paramref name="text"/>; on malformed JSON, the error names the line and column.</summary>
    public static (JsonTree? Tree, IacProblem? Problem) Parse(string text, string file)
    {
        var tree = new JsonTree(Encoding.UTF8.GetBytes(text), file);
        var reader = new Utf8JsonReader(tree.bytes, new JsonReaderOptions { AllowTrailingCommas = true, CommentHandling = JsonCommentHandling.Skip, MaxDepth = MaxDepth });
        try
        {
            if (!reader.Read())
            {
                return (null, new IacProblem(new FileLocation(file, 1, 1), "the file is empty, not JSON"));
            }

            tree.Root = tree.Value(ref reader);
            if (reader.Read())
            {
                return (null, new IacProblem(tree.At(reader.TokenStartIndex), "unexpected content after the JSON value"));
            }

            return (tree, null);
        }
        catch (JsonException e)
        {
            var line = (int)(e.LineNumber ?? 0) + 1;
            var column = (int)(e.BytePositionInLine ?? 0) + 1;
            return (null, new IacProblem(new FileLocation(file, line, column), "malformed JSON: " + Reason(e.Message)));
        }
    }

    /// <summary>Where the object or list <paramref name="node"/> starts, or null when it was not read from this text.</summary>
    public FileLocation? PositionOf(object? node) => node is not null && positions.TryGetValue(node, out var at) ? at : null;

    /// <summary>The start of the whole text.</summary>
    public FileLocation Start => new(file, 1, 1);

    // The reader's message ends with its own position ("LineNumber: 3 | BytePositionInLine: 7."), which we give apart
    private static string Reason(string message) => message.IndexOf(" LineNumber:", StringComparison.Ordinal) is > 0 and var at ? message[..at].TrimEnd() : message;

    private object? Value(ref Utf8JsonReader reader)
    {
        switch (reader.TokenType)
        {
            case JsonTokenType.StartObject:
                return Object(ref reader);
            case JsonTokenType.StartArray:
                return List(ref reader);
            case JsonTokenType.String:
                var text = reader.GetString()!;
                // Strings are remembered by place too: a document given as a URL-encoded string is located at it
                positions[text] = At(reader.TokenStartIndex);
                return text;
            case JsonTokenType.Number:
                return reader.TryGetDecimal(out var number) ? number : null;
            case JsonTokenType.True:
                return true;
            case JsonTokenType.False:
                return false;
            default:
                return null;
        }
    }

    private Dictionary<string, object?> Object(ref Utf8JsonReader reader)
    {
        var at = At(reader.TokenStartIndex);
        var map = new Dictionary<string, object?>(StringComparer.Ordinal);
        while (reader.Read() && reader.TokenType != JsonTokenType.EndObject)
        {
            var name = reader.GetString()!;
            reader.Read();
            // A repeated key keeps its last value, as most JSON readers (and the AWS APIs) do
            map[name] = Value(ref reader);
        }

        positions[map] = at;
        return map;
    }

    private object?[] List(ref Utf8JsonReader reader)
    {
        var at = At(reader.TokenStartIndex);
        var list = new List<object?>();
        while (reader.Read() && reader.TokenType != JsonTokenType.EndArray)
        {
            list.Add(Value(ref reader));
        }

        var result = list.ToArray();
        positions[result] = at;
        return result;
    }

    private FileLocation At(long offset)
    {
        var index = Array.BinarySearch(lineStarts, (int)offset);
        var line = index >= 0 ? index : ~index - 1;
        var column = Encoding.UTF8.GetCharCount(bytes, lineStarts[line], (int)offset - lineStarts[line]) + 1;
        return new FileLocation(file, line + 1, column);
    }
}
