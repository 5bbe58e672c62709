using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using YamlDotNet.Core;
using YamlDotNet.Core.Events;

namespace Attest.Core.Documents;

/// <summary>
/// Turns YAML or JSON text into a <see cref="DocumentNode"/> tree with positions, rejecting what a
/// hostile file could use against us: oversize text, deep nesting, alias bombs, duplicate keys.
/// </summary>
public static partial class DocumentParser
{
    /// <summary>Parses <paramref name="text"/>; JSON when it starts with <c>{</c> or <c>[</c>, YAML otherwise.</summary>
    /// <returns>The root node, or the first problem found.</returns>
    public static (DocumentNode? Root, InputError? Error) Parse(string text, string file, DocumentLimits? limits = null)
    {
        limits ??= DocumentLimits.Default;
        try
        {
            if (text.Length > limits.MaxCharacters)
            {
                throw Fail(file, default, "", $"the file is larger than the {limits.MaxCharacters / (1024 * 1024)} MB limit");
            }

            // NUL never occurs in YAML or JSON text: such content is binary, whatever else it holds
            var nul = text.IndexOf('\0', StringComparison.Ordinal);
            if (nul >= 0)
            {
                var lineStart = nul == 0 ? 0 : text.LastIndexOf('\n', nul - 1) + 1;
                throw Fail(file, new SourcePosition(1 + text.AsSpan(0, nul).Count('\n'), 1 + nul - lineStart), "", "the file is binary, not text (a NUL character here)");
            }

            var first = FirstSignificantCharacter(text);
            var root = first is '{' or '[' ? new JsonTreeBuilder(text, file, limits).Build() : new YamlTreeBuilder(text, file, limits).Build();
            return (root, null);
        }
        catch (InputErrorException e)
        {
            return (null, e.Error);
        }
    }

    internal static InputErrorException Fail(string file, SourcePosition at, string field, string problem) =>
        new(new InputError(file, at.Line, at.Column, field, problem));

    private static char FirstSignificantCharacter(string text)
    {
        foreach (var c in text)
        {
            if (!char.IsWhiteSpace(c) && c != '\uFEFF')
            {
                return c;
            }
        }

        return '\0';
    }

    [GeneratedRegex(@"^\(Line: \d+, Col: \d+, Idx: \d+\) - \(Line: \d+, Col: \d+, Idx: \d+\): ")]
    private static partial Regex YamlMessagePrefix();

    /// <summary>Builds mappings and lists while counting depth and size, with an explicit stack (no recursion).</summary>
    private sealed class TreeAssembler(string file, DocumentLimits limits)
    {
        private readonly Stack<Frame> frames = new();
        private int nodes;

        public DocumentNode? Root { get; private set; }

        public int Depth => frames.Count;

        public void StartContainer(SourcePosition at, bool mapping, string? tag = null)
        {
            if (frames.Count >= limits.MaxDepth)
            {
                throw Fail(file, at, Path(), $"nesting deeper than {limits.MaxDepth} levels");
            }

            frames.Push(new Frame(at, mapping) { Tag = tag });
        }

        public DocumentNode EndContainer()
        {
            var frame = frames.Pop();
            DocumentNode node = frame.IsMapping
                ? new MappingNode(frame.Position, frame.Entries!, frame.Size + 1) { Tag = frame.Tag }
                : new SequenceNode(frame.Position, frame.Items!, frame.Size + 1) { Tag = frame.Tag };
            Add(node, countNodes: false);
            return node;
        }

        public void Add(DocumentNode node, bool countNodes = true, SourcePosition? at = null)
        {
            nodes += countNodes ? node.Size : 0;
            if (nodes > limits.MaxNodes)
            {
                throw Fail(file, at ?? node.Position, Path(), $"the document expands to more than {limits.MaxNodes} nodes (alias bomb?)");
            }

            if (frames.Count == 0)
            {
                Root = node;
                return;
            }

            var top = frames.Peek();
            top.Size += node.Size;
            if (!top.IsMapping)
            {
                top.Items!.Add(node);
                return;
            }

            if (top.PendingKey is null)
            {
                if (node is not ScalarNode key)
                {
                    throw Fail(file, node.Position, Path(), "a key must be plain text, not " + node.KindName);
                }

                if (top.Keys!.TryGetValue(key.Value, out var earlier))
                {
                    throw Fail(file, key.Position, Path(key.Value), $"duplicate key (first given on line {earlier.Line})");
                }

                top.Keys.Add(key.Value, key.Position);
                top.PendingKey = key;
                return;
            }

            top.Entries!.Add(new(top.PendingKey, node));
            top.PendingKey = null;
        }

        /// <summary>The path of the node being read, e.g. <c>caseStudies[2].stage</c>.</summary>
        public string Path(string? lastKey = null)
        {
            var parts = frames.Reverse().ToList();
            var builder = new StringBuilder();
            foreach (var frame in parts)
            {
                if (frame.IsMapping && frame.PendingKey is not null)
                {
                    AppendKey(builder, frame.PendingKey.Value);
                }
                else if (!frame.IsMapping)
                {
                    builder.Append('[').Append(frame.Items!.Count).Append(']');
                }
            }

            if (lastKey is not null)
            {
                AppendKey(builder, lastKey);
            }

            return builder.ToString();
        }

        private static void AppendKey(StringBuilder builder, string key)
        {
            if (builder.Length > 0)
            {
                builder.Append('.');
            }

            builder.Append(key);
        }

        private sealed class Frame(SourcePosition position, bool mapping)
        {
            public SourcePosition Position { get; } = position;

            public bool IsMapping { get; } = mapping;

            public List<KeyValuePair<ScalarNode, DocumentNode>>? Entries { get; } = mapping ? [] : null;

            public Dictionary<string, SourcePosition>? Keys { get; } = mapping ? new(StringComparer.Ordinal) : null;

            public List<DocumentNode>? Items { get; } = mapping ? null : [];

            public ScalarNode? PendingKey { get; set; }

            public string? Tag { get; init; }

            public int Size { get; set; }
        }
    }

    private sealed class YamlTreeBuilder(string text, string file, DocumentLimits limits)
    {
        private readonly Dictionary<string, DocumentNode> anchors = new(StringComparer.Ordinal);
        private readonly Stack<string?> containerAnchors = new();

        public DocumentNode Build()
        {
            var assembler = new TreeAssembler(file, limits);
            var parser = new Parser(new StringReader(text));
            var documents = 0;
            try
            {
                var last = Mark.Empty;
                while (MoveNext(parser, last))
                {
                    var current = parser.Current!;
                    last = current.End;
                    var at = new SourcePosition((int)current.Start.Line, (int)current.Start.Column);
                    switch (current)
                    {
                        case DocumentStart:
                            if (++documents > 1)
                            {
                                throw Fail(file, at, "", "the file holds more than one YAML document");
                            }

                            break;
                        case Scalar scalar:
                            CheckTag(scalar.Tag, at, assembler);
                            var quoted = scalar.Style is ScalarStyle.SingleQuoted or ScalarStyle.DoubleQuoted or ScalarStyle.Literal or ScalarStyle.Folded
                                || (!scalar.Tag.IsEmpty && !scalar.Tag.IsNonSpecific && scalar.Tag.Value == "tag:yaml.org,2002:str");
                            var node = new ScalarNode(at, scalar.Value, quoted) { Tag = TagText(scalar.Tag) };
                            Remember(scalar.Anchor, node);
                            assembler.Add(node);
                            break;
                        case MappingStart mapping:
                            CheckTag(mapping.Tag, at, assembler);
                            assembler.StartContainer(at, mapping: true, TagText(mapping.Tag));
                            containerAnchors.Push(mapping.Anchor.IsEmpty ? null : mapping.Anchor.Value);
                            break;
                        case SequenceStart sequence:
                            CheckTag(sequence.Tag, at, assembler);
                            assembler.StartContainer(at, mapping: false, TagText(sequence.Tag));
                            containerAnchors.Push(sequence.Anchor.IsEmpty ? null : sequence.Anchor.Value);
                            break;
                        case MappingEnd or SequenceEnd:
                            var container = assembler.EndContainer();
                            var anchor = containerAnchors.Pop();
                            if (anchor is not null)
                            {
                                anchors[anchor] = container;
                            }

                            break;
                        case AnchorAlias alias:
                            if (!anchors.TryGetValue(alias.Value.Value, out var target))
                            {
                                throw Fail(file, at, assembler.Path(), $"unknown alias *{alias.Value.Value}");
                            }

                            assembler.Add(target, at: at);
                            break;
                    }
                }
            }
            catch (YamlException e)
            {
                var problem = YamlMessagePrefix().Replace(e.Message, "");
                var at = new SourcePosition((int)e.Start.Line, (int)e.Start.Column);
                if (problem.Contains("tab", StringComparison.OrdinalIgnoreCase) && FirstIndentingTab() is { } tab)
                {
                    // The scanner reports tab indentation at 1:1; the tab itself is what the user must find
                    at = tab;
                }
                throw Fail(file, at, assembler.Path(), "YAML syntax error: " + problem);
            }

            return assembler.Root ?? throw Fail(file, new SourcePosition(1, 1), "", "the file is empty");
        }

        /// <summary>Advances the YAML reader; some malformed texts (<c>: [\nM</c>) make YamlDotNet fail with an InvalidOperationException instead of a YamlException.</summary>
        private static bool MoveNext(Parser parser, Mark last)
        {
            try
            {
                return parser.MoveNext();
            }
            catch (InvalidOperationException)
            {
                throw new YamlException(last, last, "the text cannot be read as YAML after this point");
            }
        }

        private SourcePosition? FirstIndentingTab()
        {
            var lines = text.Split('\n');
            for (var i = 0; i < lines.Length; i++)
            {
                var indent = lines[i].Length - lines[i].TrimStart(' ', '\t').Length;
                var tab = lines[i].IndexOf('\t', 0, indent);
                if (tab >= 0)
                {
                    return new SourcePosition(i + 1, tab + 1);
                }
            }

            return null;
        }

        private void Remember(AnchorName anchor, DocumentNode node)
        {
            if (!anchor.IsEmpty)
            {
                anchors[anchor.Value] = node;
            }
        }

        private static string? TagText(TagName tag) => tag.IsEmpty || tag.IsNonSpecific ? null : tag.Value;

        // Local tags (!Ref) only where allowed; of the global ones, only YAML's own types: a language tag such as
        // !!python/object asks a loader to build an object, and is refused wherever it appears
        private void CheckTag(TagName tag, SourcePosition at, TreeAssembler assembler)
        {
            if (tag.IsEmpty || tag.IsNonSpecific)
            {
                return;
            }

            if (tag.Value.StartsWith(StandardTagPrefix, StringComparison.Ordinal))
            {
                if (!StandardTags.Contains(tag.Value[StandardTagPrefix.Length..]))
                {
                    throw Fail(file, at, assembler.Path(), $"the YAML tag !!{tag.Value[StandardTagPrefix.Length..]} is not supported (only !!str, !!int, !!float, !!bool, !!null, !!map, !!seq, !!timestamp)");
                }

                return;
            }

            if (!limits.AllowTags || !tag.Value.StartsWith('!'))
            {
                throw Fail(file, at, assembler.Path(), $"the YAML tag {tag.Value} is not supported here");
            }
        }
    }

    private const string StandardTagPrefix = "tag:yaml.org,2002:";

    private static readonly HashSet<string> StandardTags = new(StringComparer.Ordinal) { "str", "int", "float", "bool", "null", "map", "seq", "timestamp" };

    private sealed class JsonTreeBuilder(string text, string file, DocumentLimits limits)
    {
        private readonly List<int> lineStarts = [0];

        public DocumentNode Build()
        {
            var bytes = Encoding.UTF8.GetBytes(text);
            for (var i = 0; i < bytes.Length; i++)
            {
                if (bytes[i] == (byte)'\n')
                {
                    lineStarts.Add(i + 1);
                }
            }

            var assembler = new TreeAssembler(file, limits);
            var reader = new Utf8JsonReader(bytes, new JsonReaderOptions { MaxDepth = limits.MaxDepth + 1, CommentHandling = JsonCommentHandling.Skip, AllowTrailingCommas = false });
            try
            {
                while (reader.Read())
                {
                    var at = PositionOf(bytes, (int)reader.TokenStartIndex);
                    switch (reader.TokenType)
                    {
                        case JsonTokenType.StartObject:
                            assembler.StartContainer(at, mapping: true);
                            break;
                        case JsonTokenType.StartArray:
                            assembler.StartContainer(at, mapping: false);
                            break;
                        case JsonTokenType.EndObject or JsonTokenType.EndArray:
                            assembler.EndContainer();
                            break;
                        case JsonTokenType.PropertyName or JsonTokenType.String:
                            assembler.Add(new ScalarNode(at, reader.GetString()!, quoted: true));
                            break;
                        case JsonTokenType.Number:
                            assembler.Add(new ScalarNode(at, Encoding.UTF8.GetString(reader.ValueSpan), quoted: false));
                            break;
                        case JsonTokenType.True:
                            assembler.Add(new ScalarNode(at, "true", quoted: false));
                            break;
                        case JsonTokenType.False:
                            assembler.Add(new ScalarNode(at, "false", quoted: false));
                            break;
                        case JsonTokenType.Null:
                            assembler.Add(new ScalarNode(at, "null", quoted: false));
                            break;
                    }
                }
            }
            catch (JsonException e)
            {
                var line = (int)(e.LineNumber ?? 0) + 1;
                var column = (int)(e.BytePositionInLine ?? 0) + 1;
                var problem = e.Message.Split(" LineNumber:", 2)[0].TrimEnd('.', ' ');
                if (assembler.Depth > limits.MaxDepth)
                {
                    problem = $"nesting deeper than {limits.MaxDepth} levels";
                }

                throw Fail(file, new SourcePosition(line, column), assembler.Path(), "JSON syntax error: " + problem);
            }

            return assembler.Root ?? throw Fail(file, new SourcePosition(1, 1), "", "the file is empty");
        }

        private SourcePosition PositionOf(byte[] bytes, int offset)
        {
            var index = lineStarts.BinarySearch(offset);
            var line = index >= 0 ? index : ~index - 1;
            var start = lineStarts[line];
            var column = Encoding.UTF8.GetCharCount(bytes, start, offset - start) + 1;
            return new SourcePosition(line + 1, column);
        }
    }
}
