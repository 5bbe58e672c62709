namespace Attest.Evidence.Terraform;

/// <summary>A parsed configuration file: its top-level body.</summary>
/// <param name="Body">The attributes and blocks at the top level of the file.</param>
/// <param name="Range">The whole file.</param>
public sealed record ConfigFile(Body Body, SourceRange Range);

/// <summary>The attributes and blocks of a file or of a block, in source order.</summary>
/// <param name="Items">Attribute definitions and blocks, in source order.</param>
/// <param name="Range">The whole file, or a block's braces and what lies between them.</param>
public sealed record Body(IReadOnlyList<BodyItem> Items, SourceRange Range)
{
    /// <summary>The attribute definitions of this body, in source order.</summary>
    public IEnumerable<AttributeDefinition> Attributes => Items.OfType<AttributeDefinition>();

    /// <summary>The blocks of this body, in source order.</summary>
    public IEnumerable<Block> Blocks => Items.OfType<Block>();

    /// <summary>The attribute with the given name, or null when there is none.</summary>
    public AttributeDefinition? FindAttribute(string name) =>
        Attributes.FirstOrDefault(a => string.Equals(a.Name, name, StringComparison.Ordinal));

    /// <summary>The blocks of the given type (e.g. <c>resource</c>), in source order.</summary>
    public IEnumerable<Block> BlocksOfType(string type) =>
        Blocks.Where(b => string.Equals(b.Type, type, StringComparison.Ordinal));
}

/// <summary>An element of a body: an attribute definition or a block.</summary>
/// <param name="Range">Where the element is.</param>
public abstract record BodyItem(SourceRange Range);

/// <summary>An attribute definition, <c>name = expression</c>.</summary>
/// <param name="Name">The attribute name.</param>
/// <param name="Expression">The value, kept unevaluated.</param>
/// <param name="NameRange">Where the name is.</param>
/// <param name="Range">From the name to the end of the expression.</param>
public sealed record AttributeDefinition(string Name, Expression Expression, SourceRange NameRange, SourceRange Range)
    : BodyItem(Range);

/// <summary>A block, <c>type "label" label { body }</c>.</summary>
/// <param name="Type">The block type, e.g. <c>resource</c>.</param>
/// <param name="Labels">The labels, in order.</param>
/// <param name="Body">The block's content.</param>
/// <param name="TypeRange">Where the type name is.</param>
/// <param name="Range">From the type name to the closing brace.</param>
public sealed record Block(string Type, IReadOnlyList<BlockLabel> Labels, Body Body, SourceRange TypeRange, SourceRange Range)
    : BodyItem(Range);

/// <summary>A block label.</summary>
/// <param name="Value">The label text, with escapes decoded.</param>
/// <param name="IsQuoted">True for a quoted label (<c>"aws_s3_bucket"</c>), false for a bare identifier.</param>
/// <param name="Range">Where the label is, quotes included.</param>
public sealed record BlockLabel(string Value, bool IsQuoted, SourceRange Range);
