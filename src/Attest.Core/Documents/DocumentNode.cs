namespace Attest.Core.Documents;

/// <summary>A place in a text file: 1-based line and column.</summary>
public readonly record struct SourcePosition(int Line, int Column);

/// <summary>A node of a parsed YAML or JSON document, with where it starts in its file.</summary>
public abstract class DocumentNode(SourcePosition position)
{
    /// <summary>Where the node starts.</summary>
    public SourcePosition Position { get; } = position;

    /// <summary>The node's explicit YAML tag as resolved by the parser (<c>!Ref</c>, <c>tag:yaml.org,2002:str</c>), or null when none was written.</summary>
    public string? Tag { get; init; }

    /// <summary>The number of nodes in this subtree, itself included (bounds alias expansion).</summary>
    public abstract int Size { get; }

    /// <summary>A short word for the node's kind, used in error messages.</summary>
    public abstract string KindName { get; }
}

/// <summary>A scalar: its text as written, and whether it was quoted.</summary>
public sealed class ScalarNode(SourcePosition position, string value, bool quoted) : DocumentNode(position)
{
    /// <summary>The scalar's text, escapes resolved.</summary>
    public string Value { get; } = value;

    /// <summary>True when the scalar was quoted (a JSON string or a quoted YAML scalar): it is text, never a number, boolean or null.</summary>
    public bool Quoted { get; } = quoted;

    /// <summary>True for an unquoted <c>null</c>, <c>~</c> or empty scalar.</summary>
    public bool IsNull => !Quoted && Value is "" or "~" or "null" or "Null" or "NULL";

    /// <inheritdoc />
    public override int Size => 1;

    /// <inheritdoc />
    public override string KindName => Quoted ? "text" : "a value";
}

/// <summary>A mapping, in file order. Keys are unique (duplicates are rejected while reading).</summary>
public sealed class MappingNode(SourcePosition position, IReadOnlyList<KeyValuePair<ScalarNode, DocumentNode>> entries, int size) : DocumentNode(position)
{
    /// <summary>The entries in file order.</summary>
    public IReadOnlyList<KeyValuePair<ScalarNode, DocumentNode>> Entries { get; } = entries;

    /// <inheritdoc />
    public override int Size { get; } = size;

    /// <inheritdoc />
    public override string KindName => "a mapping";
}

/// <summary>A sequence, in file order.</summary>
public sealed class SequenceNode(SourcePosition position, IReadOnlyList<DocumentNode> items, int size) : DocumentNode(position)
{
    /// <summary>The items in file order.</summary>
    public IReadOnlyList<DocumentNode> Items { get; } = items;

    /// <inheritdoc />
    public override int Size { get; } = size;

    /// <inheritdoc />
    public override string KindName => "a list";
}
